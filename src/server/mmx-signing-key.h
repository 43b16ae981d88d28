/* mmx-signing-key.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sodium.h>

G_BEGIN_DECLS

typedef struct _MmxSigningKey MmxSigningKey;

MmxSigningKey *mmx_signing_key_generate       (const char     *kid) G_GNUC_WARN_UNUSED_RESULT;
MmxSigningKey *mmx_signing_key_load           (const char     *path,
                                               GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       mmx_signing_key_save           (MmxSigningKey  *self,
                                               const char     *path,
                                               GError        **error);
const char    *mmx_signing_key_get_id         (MmxSigningKey  *self);
const guint8  *mmx_signing_key_get_public_key (MmxSigningKey  *self);
const guint8  *mmx_signing_key_get_secret_key (MmxSigningKey  *self);
char          *mmx_signing_key_dup_public_line (MmxSigningKey *self) G_GNUC_WARN_UNUSED_RESULT;
void           mmx_signing_key_free           (MmxSigningKey  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxSigningKey, mmx_signing_key_free)

G_END_DECLS
