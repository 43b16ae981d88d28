/* mmx-secret.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 32 random bytes in unpadded base64url. */
#define MMX_REFRESH_TOKEN_LENGTH 43

char     *mmx_secret_new_refresh_token  (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean  mmx_secret_is_refresh_token   (const char *text);
char     *mmx_secret_new_license_key    (void) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_secret_normalize_license_key (const char *text) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_secret_hash               (const char *secret) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
