/* mmx-keyring.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mmx-keyring.h"
#include "mmx-license-keys.h"

/* The Ed25519 public keys signatures are checked against, by key id. A
 * keyring is filled once and then only read, from any thread. */
struct _MmxKeyring
{
  GObject     parent_instance;

  GHashTable *keys;
};

G_DEFINE_FINAL_TYPE (MmxKeyring, mmx_keyring, G_TYPE_OBJECT)

G_DEFINE_QUARK (mmx-keyring-error-quark, mmx_keyring_error)

static void
mmx_keyring_finalize (GObject *object)
{
  MmxKeyring *self = (MmxKeyring *) object;

  g_clear_pointer (&self->keys, g_hash_table_unref);

  G_OBJECT_CLASS (mmx_keyring_parent_class)->finalize (object);
}

static void
mmx_keyring_class_init (MmxKeyringClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mmx_keyring_finalize;
}

static void
mmx_keyring_init (MmxKeyring *self)
{
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * mmx_key_id_is_valid:
 * @kid: a key id
 *
 * Returns: whether @kid is 1 to 64 of `A-Z a-z 0-9 . _ -`
 */
gboolean
mmx_key_id_is_valid (const char *kid)
{
  gsize length;

  if (kid == NULL)
    return FALSE;
  length = strlen (kid);
  if (length == 0 || length > MMX_KEY_ID_MAX_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (kid[i]) && strchr ("._-", kid[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * mmx_key_encode:
 * @key: key bytes
 * @length: how many
 *
 * Returns: (transfer full): @key in unpadded base64url, the way keys are
 *   written in files and on the command line
 */
char *
mmx_key_encode (const guint8 *key,
                gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  char *text = g_malloc (size);

  sodium_bin2base64 (text, size, key, length, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

/**
 * mmx_key_decode:
 * @text: unpadded base64url
 * @key: (out caller-allocates): where to write @length bytes
 * @length: how many bytes @text must hold exactly
 *
 * Returns: whether @text is the canonical encoding of @length bytes
 */
gboolean
mmx_key_decode (const char *text,
                guint8     *key,
                gsize       length)
{
  gsize decoded = 0;
  const char *end = NULL;

  if (text == NULL)
    return FALSE;
  if (sodium_base642bin (key, length, text, strlen (text), NULL, &decoded, &end,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return FALSE;
  return decoded == length && *end == '\0';
}

/**
 * mmx_keyring_new:
 *
 * Returns: (transfer full): an empty keyring
 */
MmxKeyring *
mmx_keyring_new (void)
{
  return g_object_new (MMX_TYPE_KEYRING, NULL);
}

/**
 * mmx_keyring_new_for_licenses:
 *
 * The keys built into this program for offline license files, from the
 * `license_keys` build option. A self-hosted server's key is added with
 * mmx_keyring_load_file().
 *
 * Returns: (transfer full): the keyring
 */
MmxKeyring *
mmx_keyring_new_for_licenses (void)
{
  g_autoptr(MmxKeyring) self = mmx_keyring_new ();
  g_auto(GStrv) entries = g_strsplit (MMX_LICENSE_KEYS, ",", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], ":", 2);
      g_autoptr(GError) error = NULL;

      if (*entries[i] == '\0')
        continue;
      /* The build checked these; a bad one is a broken build. */
      if (g_strv_length (parts) != 2
          || !mmx_keyring_add_encoded (self, parts[0], parts[1], &error))
        g_error ("The built-in license key “%s” is invalid", entries[i]);
    }
  return g_steal_pointer (&self);
}

/**
 * mmx_keyring_add:
 * @self: a keyring
 * @kid: the key id
 * @public_key: the Ed25519 public key
 * @error: a location for a #GError
 *
 * Adding the same key under the same id again does nothing.
 *
 * Returns: %FALSE with @error set when @kid is invalid or taken
 */
gboolean
mmx_keyring_add (MmxKeyring    *self,
                 const char    *kid,
                 const guint8   public_key[crypto_sign_PUBLICKEYBYTES],
                 GError       **error)
{
  const guint8 *known;

  g_return_val_if_fail (MMX_IS_KEYRING (self), FALSE);

  if (!mmx_key_id_is_valid (kid))
    {
      g_set_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_INVALID,
                   _("“%s” is not a valid key id: use 1 to %d letters, digits, “.”, “_” or “-”."),
                   kid != NULL ? kid : "", MMX_KEY_ID_MAX_LENGTH);
      return FALSE;
    }
  known = g_hash_table_lookup (self->keys, kid);
  if (known != NULL)
    {
      if (sodium_memcmp (known, public_key, crypto_sign_PUBLICKEYBYTES) == 0)
        return TRUE;
      g_set_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_DUPLICATE,
                   _("The key id “%s” is already used by another key."), kid);
      return FALSE;
    }
  g_hash_table_insert (self->keys, g_strdup (kid),
                       g_memdup2 (public_key, crypto_sign_PUBLICKEYBYTES));
  return TRUE;
}

/**
 * mmx_keyring_add_encoded:
 * @self: a keyring
 * @kid: the key id
 * @public_key: the public key in unpadded base64url
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when the key or its id is invalid
 */
gboolean
mmx_keyring_add_encoded (MmxKeyring  *self,
                         const char  *kid,
                         const char  *public_key,
                         GError     **error)
{
  guint8 key[crypto_sign_PUBLICKEYBYTES];

  g_return_val_if_fail (MMX_IS_KEYRING (self), FALSE);

  if (!mmx_key_decode (public_key, key, sizeof key))
    {
      g_set_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_INVALID,
                   _("The public key of “%s” is not %d bytes in unpadded base64url."),
                   kid != NULL ? kid : "", crypto_sign_PUBLICKEYBYTES);
      return FALSE;
    }
  return mmx_keyring_add (self, kid, key, error);
}

/**
 * mmx_keyring_load_file:
 * @self: a keyring
 * @path: a text file with a line `KEY-ID PUBLIC-KEY` per key; empty lines
 *   and lines starting with `#` are skipped
 * @error: a location for a #GError
 *
 * This is the file `marketingmix-server keygen` writes beside the secret
 * key. Nothing is added when a line is wrong.
 *
 * Returns: %FALSE with @error set, naming the line, on failure
 */
gboolean
mmx_keyring_load_file (MmxKeyring  *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(MmxKeyring) staged = mmx_keyring_new ();
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer kid, key;

  g_return_val_if_fail (MMX_IS_KEYRING (self), FALSE);

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_FILE,
                   _("The key file “%s” cannot be read: %s"), path, local_error->message);
      return FALSE;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      const char *fields[3] = { NULL };
      guint n_fields = 0;
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      words = g_strsplit_set (line, " \t", -1);
      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0' && n_fields++ < G_N_ELEMENTS (fields))
          fields[n_fields - 1] = words[w];
      if (n_fields != 2
          || !mmx_keyring_add_encoded (staged, fields[0], fields[1], &local_error))
        {
          g_set_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_FILE,
                       _("Line %u of the key file “%s” is not “KEY-ID PUBLIC-KEY”%s%s"),
                       i + 1, path, local_error != NULL ? ": " : ".",
                       local_error != NULL ? local_error->message : "");
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, staged->keys);
  while (g_hash_table_iter_next (&iter, &kid, &key))
    {
      const guint8 *known = mmx_keyring_lookup (self, kid);

      if (known != NULL && sodium_memcmp (known, key, crypto_sign_PUBLICKEYBYTES) != 0)
        {
          g_set_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_DUPLICATE,
                       _("The key file “%s” gives the key id “%s” to another key."),
                       path, (const char *) kid);
          return FALSE;
        }
    }
  g_hash_table_iter_init (&iter, staged->keys);
  while (g_hash_table_iter_next (&iter, &kid, &key))
    g_hash_table_replace (self->keys, g_strdup (kid),
                          g_memdup2 (key, crypto_sign_PUBLICKEYBYTES));
  return TRUE;
}

/**
 * mmx_keyring_lookup:
 * @self: a keyring
 * @kid: (nullable): a key id
 *
 * Returns: (nullable): the public key with this id
 */
const guint8 *
mmx_keyring_lookup (MmxKeyring *self,
                    const char *kid)
{
  g_return_val_if_fail (MMX_IS_KEYRING (self), NULL);

  if (kid == NULL)
    return NULL;
  return g_hash_table_lookup (self->keys, kid);
}

guint
mmx_keyring_get_size (MmxKeyring *self)
{
  g_return_val_if_fail (MMX_IS_KEYRING (self), 0);

  return g_hash_table_size (self->keys);
}
