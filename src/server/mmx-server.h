/* mmx-server.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-http-server.h"
#include "mmx-server-store.h"

G_BEGIN_DECLS

/**
 * MmxServerConfig:
 * @db: an SQLite file or a `postgres://` URL
 * @listen: `IP:PORT`
 * @key_file: the signing key
 * @trusted_keys: (nullable): a file of further public keys tokens may be
 *   signed with
 * @issuer: the iss claim of access tokens
 * @audience: their aud claim
 * @access_log: "-", "off" or a file
 * @common_passwords: (nullable): a file of passwords to refuse, beside the
 *   built-in list
 * @tls_cert: (nullable): serve HTTPS with this certificate
 * @tls_key: (nullable): and this key
 * @trusted_proxies: (nullable): proxies whose X-Forwarded-For is believed
 * @limits: the HTTP limits
 * @db_connections: database connections
 * @argon2_memory_mib: Argon2id memory
 * @argon2_passes: Argon2id passes
 * @auth_per_second: signup, login and refresh requests per second and address
 * @auth_burst: how many of them at once
 * @activation_per_second: license activations and deactivations per
 *   second and address
 * @activation_burst: how many at once
 * @lockout: the back-off of failed logins per address
 * @refresh_lifetime: seconds a refresh-token family lasts
 * @max_upload: the largest sync batch, in bytes
 * @quota: what an account may store, in bytes
 */
typedef struct
{
  char                *db;
  char                *listen;
  char                *key_file;
  char                *trusted_keys;
  char                *issuer;
  char                *audience;
  char                *access_log;
  char                *common_passwords;
  char                *tls_cert;
  char                *tls_key;
  GStrv                trusted_proxies;
  MmxHttpServerLimits  limits;
  guint                db_connections;
  guint                argon2_memory_mib;
  guint                argon2_passes;
  double               auth_per_second;
  double               auth_burst;
  double               activation_per_second;
  double               activation_burst;
  MmxLockoutPolicy     lockout;
  gint64               refresh_lifetime;
  gint64               max_upload;
  gint64               quota;
} MmxServerConfig;

typedef struct _MmxServer MmxServer;

void       mmx_server_config_init  (MmxServerConfig        *config);
void       mmx_server_config_clear (MmxServerConfig        *config);
MmxServer *mmx_server_new          (const MmxServerConfig  *config,
                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   mmx_server_start        (MmxServer              *self,
                                    GError                **error);
guint16    mmx_server_get_port     (MmxServer              *self);
void       mmx_server_free         (MmxServer              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxServer, mmx_server_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MmxServerConfig, mmx_server_config_clear)

G_END_DECLS
