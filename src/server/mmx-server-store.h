/* mmx-server-store.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mmx-db-connection.h"

G_BEGIN_DECLS

typedef struct
{
  char   *id;
  char   *email;
  char   *password_hash;
  char   *tier;
  gint64  created;
} MmxAccount;

typedef enum
{
  MMX_REFRESH_ROTATED,
  MMX_REFRESH_UNKNOWN,
  MMX_REFRESH_REUSED,
  MMX_REFRESH_EXPIRED,
} MmxRefreshOutcome;

typedef struct
{
  char   *id;
  char   *email;
  char   *tier;
  gint64  seats;
  gint64  seats_used;
  gint64  created;
  gint64  expires;
  gint64  revoked;
} MmxLicenseRecord;

typedef struct
{
  char   *license_id;
  char   *tier;
  char   *machine;
  gint64  seats;
  gint64  activated;
  gint64  last_issued;
  gint64  license_expires;
} MmxActivation;

typedef struct
{
  char   *sha256;
  gint64  seq;
  gint64  size;
  gint64  created;
} MmxUploadInfo;

typedef struct
{
  char   *key;
  gint64  version;
  char   *value;
  gint64  updated;
} MmxMetadata;

/* What a login failure does: the first free_attempts cost nothing, then
 * each one locks the account for base_seconds, doubled per failure, at
 * most max_seconds. */
typedef struct
{
  guint  free_attempts;
  gint64 base_seconds;
  gint64 max_seconds;
} MmxLockoutPolicy;

#define MMX_TYPE_SERVER_STORE (mmx_server_store_get_type ())

G_DECLARE_FINAL_TYPE (MmxServerStore, mmx_server_store, MMX, SERVER_STORE, GObject)

MmxServerStore *mmx_server_store_open                    (const char              *location,
                                                          guint                    n_connections,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
const char     *mmx_server_store_get_dialect             (MmxServerStore          *self);
gboolean        mmx_server_store_ping                    (MmxServerStore          *self,
                                                          GError                 **error);

/* Accounts */
char           *mmx_server_store_create_account          (MmxServerStore          *self,
                                                          const char              *email,
                                                          const char              *password_hash,
                                                          gint64                   now,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
MmxAccount     *mmx_server_store_find_account            (MmxServerStore          *self,
                                                          const char              *email,
                                                          gint64                   now,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
MmxAccount     *mmx_server_store_get_account             (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          gint64                   now,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        mmx_server_store_set_password_hash       (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *password_hash,
                                                          gboolean                 revoke_sessions,
                                                          GError                 **error);
gboolean        mmx_server_store_delete_account          (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          gint64                   now,
                                                          GError                 **error);

/* Login back-off, by e-mail address, whether or not it has an account */
gint64          mmx_server_store_get_lockout             (MmxServerStore          *self,
                                                          const char              *email,
                                                          GError                 **error);
gint64          mmx_server_store_record_login_failure    (MmxServerStore          *self,
                                                          const char              *email,
                                                          gint64                   now,
                                                          const MmxLockoutPolicy  *policy,
                                                          GError                 **error);
gboolean        mmx_server_store_clear_login_failures    (MmxServerStore          *self,
                                                          const char              *email,
                                                          GError                 **error);

/* Refresh tokens, stored as hashes, in families */
gboolean        mmx_server_store_create_refresh_family   (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *token_hash,
                                                          gint64                   now,
                                                          gint64                   expires,
                                                          GError                 **error);
MmxRefreshOutcome mmx_server_store_rotate_refresh_token  (MmxServerStore          *self,
                                                          const char              *token_hash,
                                                          const char              *new_token_hash,
                                                          gint64                   now,
                                                          char                   **out_account_id,
                                                          GError                 **error);
gboolean        mmx_server_store_revoke_refresh_family   (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *token_hash,
                                                          gint64                   now,
                                                          GError                 **error);

/* Licenses */
char           *mmx_server_store_create_license          (MmxServerStore          *self,
                                                          const char              *key_hash,
                                                          const char              *email,
                                                          const char              *tier,
                                                          gint64                   seats,
                                                          gint64                   now,
                                                          gint64                   expires,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *mmx_server_store_list_licenses           (MmxServerStore          *self,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        mmx_server_store_revoke_license          (MmxServerStore          *self,
                                                          const char              *license_id,
                                                          gint64                   now,
                                                          GError                 **error);
MmxActivation  *mmx_server_store_activate_license        (MmxServerStore          *self,
                                                          const char              *key_hash,
                                                          const char              *account_id,
                                                          const char              *machine,
                                                          gint64                   now,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        mmx_server_store_deactivate_license      (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *license_id,
                                                          const char              *machine,
                                                          gint64                   now,
                                                          gint64                   window_seconds,
                                                          GError                 **error);
GPtrArray      *mmx_server_store_list_activations        (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

/* Sync */
gint64          mmx_server_store_put_upload              (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *sha256,
                                                          GBytes                  *data,
                                                          gint64                   now,
                                                          gint64                   quota_bytes,
                                                          gboolean                *out_created,
                                                          GError                 **error);
GPtrArray      *mmx_server_store_list_uploads            (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          gint64                   after,
                                                          guint                    limit,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes         *mmx_server_store_get_upload              (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *sha256,
                                                          gint64                  *out_seq,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray      *mmx_server_store_list_metadata           (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
MmxMetadata    *mmx_server_store_get_metadata            (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *key,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
MmxMetadata    *mmx_server_store_put_metadata            (MmxServerStore          *self,
                                                          const char              *account_id,
                                                          const char              *key,
                                                          gint64                   expected_version,
                                                          const char              *value,
                                                          gint64                   now,
                                                          MmxMetadata            **out_current,
                                                          GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

void            mmx_account_free                         (MmxAccount              *account);
void            mmx_license_record_free                  (MmxLicenseRecord        *record);
void            mmx_activation_free                      (MmxActivation           *activation);
void            mmx_upload_info_free                     (MmxUploadInfo           *info);
void            mmx_metadata_free                        (MmxMetadata             *metadata);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxAccount, mmx_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxLicenseRecord, mmx_license_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxActivation, mmx_activation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxUploadInfo, mmx_upload_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxMetadata, mmx_metadata_free)

G_END_DECLS
