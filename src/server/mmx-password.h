/* mmx-password.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MMX_PASSWORD_ERROR (mmx_password_error_quark ())

typedef enum
{
  MMX_PASSWORD_ERROR_TOO_SHORT,
  MMX_PASSWORD_ERROR_TOO_LONG,
  MMX_PASSWORD_ERROR_COMMON,
  MMX_PASSWORD_ERROR_WEAK_PARAMETERS,
  MMX_PASSWORD_ERROR_HASH_FAILED,
  MMX_PASSWORD_ERROR_LIST,
} MmxPasswordError;

#define MMX_PASSWORD_MIN_CHARS 8
#define MMX_PASSWORD_MAX_CHARS 1024

/* OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
#define MMX_PASSWORD_MIN_MEMORY_MIB 19
#define MMX_PASSWORD_MIN_PASSES 2

typedef struct _MmxPasswordHasher MmxPasswordHasher;

GQuark             mmx_password_error_quark         (void);
MmxPasswordHasher *mmx_password_hasher_new          (guint               memory_mib,
                                                     guint               passes,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           mmx_password_hasher_add_list     (MmxPasswordHasher  *self,
                                                     const char         *path,
                                                     GError            **error);
gboolean           mmx_password_hasher_check_policy (MmxPasswordHasher  *self,
                                                     const char         *password,
                                                     GError            **error);
char              *mmx_password_hasher_hash         (MmxPasswordHasher  *self,
                                                     const char         *password,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           mmx_password_hasher_verify       (MmxPasswordHasher  *self,
                                                     const char         *hash,
                                                     const char         *password,
                                                     gboolean           *out_needs_rehash);
void               mmx_password_hasher_free         (MmxPasswordHasher  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxPasswordHasher, mmx_password_hasher_free)

G_END_DECLS
