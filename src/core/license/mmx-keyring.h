/* mmx-keyring.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sodium.h>

G_BEGIN_DECLS

#define MMX_KEYRING_ERROR (mmx_keyring_error_quark ())

/**
 * MmxKeyringError:
 * @MMX_KEYRING_ERROR_INVALID: a key or key id is malformed
 * @MMX_KEYRING_ERROR_DUPLICATE: the key id is taken by another key
 * @MMX_KEYRING_ERROR_FILE: a key file cannot be read
 */
typedef enum
{
  MMX_KEYRING_ERROR_INVALID,
  MMX_KEYRING_ERROR_DUPLICATE,
  MMX_KEYRING_ERROR_FILE,
} MmxKeyringError;

/* Key ids are short and printable: they travel in JWS headers and
 * license files. */
#define MMX_KEY_ID_MAX_LENGTH 64

#define MMX_TYPE_KEYRING (mmx_keyring_get_type ())

G_DECLARE_FINAL_TYPE (MmxKeyring, mmx_keyring, MMX, KEYRING, GObject)

GQuark        mmx_keyring_error_quark     (void);
gboolean      mmx_key_id_is_valid         (const char   *kid);
char         *mmx_key_encode              (const guint8 *key,
                                           gsize         length) G_GNUC_WARN_UNUSED_RESULT;
gboolean      mmx_key_decode              (const char   *text,
                                           guint8       *key,
                                           gsize         length);

MmxKeyring   *mmx_keyring_new             (void) G_GNUC_WARN_UNUSED_RESULT;
MmxKeyring   *mmx_keyring_new_for_licenses (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean      mmx_keyring_add             (MmxKeyring   *self,
                                           const char   *kid,
                                           const guint8  public_key[crypto_sign_PUBLICKEYBYTES],
                                           GError      **error);
gboolean      mmx_keyring_add_encoded     (MmxKeyring   *self,
                                           const char   *kid,
                                           const char   *public_key,
                                           GError      **error);
gboolean      mmx_keyring_load_file       (MmxKeyring   *self,
                                           const char   *path,
                                           GError      **error);
const guint8 *mmx_keyring_lookup          (MmxKeyring   *self,
                                           const char   *kid);
guint         mmx_keyring_get_size        (MmxKeyring   *self);

G_END_DECLS
