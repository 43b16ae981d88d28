/* mmx-access-token.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-keyring.h"
#include "mmx-signing-key.h"

G_BEGIN_DECLS

#define MMX_ACCESS_TOKEN_ERROR (mmx_access_token_error_quark ())

/**
 * MmxAccessTokenError:
 * @MMX_ACCESS_TOKEN_ERROR_MALFORMED: not a compact JWS of our profile
 * @MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED: another algorithm, type or header
 * @MMX_ACCESS_TOKEN_ERROR_UNKNOWN_KEY: the key id is not trusted
 * @MMX_ACCESS_TOKEN_ERROR_BAD_SIGNATURE: the signature does not match
 * @MMX_ACCESS_TOKEN_ERROR_EXPIRED: past its expiry
 * @MMX_ACCESS_TOKEN_ERROR_NOT_YET_VALID: before its not-before time
 * @MMX_ACCESS_TOKEN_ERROR_WRONG_ISSUER: issued by someone else
 * @MMX_ACCESS_TOKEN_ERROR_WRONG_AUDIENCE: meant for someone else
 * @MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS: claims missing or of the wrong type
 */
typedef enum
{
  MMX_ACCESS_TOKEN_ERROR_MALFORMED,
  MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED,
  MMX_ACCESS_TOKEN_ERROR_UNKNOWN_KEY,
  MMX_ACCESS_TOKEN_ERROR_BAD_SIGNATURE,
  MMX_ACCESS_TOKEN_ERROR_EXPIRED,
  MMX_ACCESS_TOKEN_ERROR_NOT_YET_VALID,
  MMX_ACCESS_TOKEN_ERROR_WRONG_ISSUER,
  MMX_ACCESS_TOKEN_ERROR_WRONG_AUDIENCE,
  MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS,
} MmxAccessTokenError;

#define MMX_ACCESS_TOKEN_LIFETIME_SECONDS (15 * 60)
#define MMX_ACCESS_TOKEN_MAX_LENGTH 4096

typedef struct
{
  char   *issuer;
  char   *audience;
  char   *subject;
  char   *jti;
  char   *tier;
  gint64  issued_at;
  gint64  not_before;
  gint64  expires;
} MmxAccessClaims;

typedef struct _MmxAccessTokens MmxAccessTokens;

GQuark           mmx_access_token_error_quark (void);
MmxAccessTokens *mmx_access_tokens_new        (MmxSigningKey    *key,
                                               MmxKeyring       *trusted,
                                               const char       *issuer,
                                               const char       *audience) G_GNUC_WARN_UNUSED_RESULT;
char            *mmx_access_tokens_issue      (MmxAccessTokens  *self,
                                               const char       *subject,
                                               const char       *tier,
                                               gint64            now) G_GNUC_WARN_UNUSED_RESULT;
MmxAccessClaims *mmx_access_tokens_verify     (MmxAccessTokens  *self,
                                               const char       *token,
                                               gint64            now,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void             mmx_access_tokens_free       (MmxAccessTokens  *self);
void             mmx_access_claims_free       (MmxAccessClaims  *claims);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxAccessTokens, mmx_access_tokens_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxAccessClaims, mmx_access_claims_free)

G_END_DECLS
