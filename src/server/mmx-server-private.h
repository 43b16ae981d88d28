/* mmx-server-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-access-token.h"
#include "mmx-password.h"
#include "mmx-rate-limiter.h"
#include "mmx-server.h"
#include "mmx-server-requests.h"

G_BEGIN_DECLS

struct _MmxServer
{
  MmxServerConfig    config;
  MmxServerStore    *store;
  MmxSigningKey     *key;
  MmxAccessTokens   *tokens;
  MmxPasswordHasher *hasher;
  MmxRateLimiter    *auth_limiter;
  MmxRateLimiter    *activation_limiter;
  MmxHttpRouter     *router;
  MmxHttpServer     *http;
};

/* Entitlements a Premium license file unlocks. */
#define MMX_SERVER_PREMIUM_ENTITLEMENTS { "attribution", "forecast", "optimizer", NULL }

gint64           _mmx_server_now               (void);
MmxHttpResponse *_mmx_server_authenticate      (MmxServer        *self,
                                                MmxHttpRequest   *request,
                                                MmxAccessClaims **out_claims);
MmxHttpResponse *_mmx_server_limit_rate        (MmxServer        *self,
                                                MmxRateLimiter   *limiter,
                                                MmxHttpRequest   *request);
MmxHttpResponse *_mmx_server_bad_body          (GError           *error);
MmxHttpResponse *_mmx_server_failure           (GError           *error);
MmxHttpResponse *_mmx_server_too_many          (const char       *code,
                                                guint             retry_after,
                                                const char       *message);

void             _mmx_server_add_auth_routes     (MmxServer      *self);
void             _mmx_server_add_license_routes  (MmxServer      *self);
void             _mmx_server_add_sync_routes     (MmxServer      *self);

G_END_DECLS
