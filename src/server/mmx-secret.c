/* mmx-secret.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "mmx-keyring.h"
#include "mmx-secret.h"

/* Refresh tokens and license keys: random values the server stores only
 * as hashes, so a copy of the database opens no account. They are
 * random and long, so a fast hash is enough; no salt, so the hash is the
 * lookup key. */

#define LICENSE_KEY_BYTES 20
#define LICENSE_KEY_PREFIX "MMX"
/* Crockford's base32: no I, L, O or U to misread. */
static const char base32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
#define LICENSE_KEY_CHARS 32
#define LICENSE_KEY_GROUP 4

char *
mmx_secret_new_refresh_token (void)
{
  guint8 bytes[32];

  randombytes_buf (bytes, sizeof bytes);
  return mmx_key_encode (bytes, sizeof bytes);
}

/**
 * mmx_secret_is_refresh_token:
 * @text: (nullable): text a client sent
 *
 * Returns: whether @text has the form of a refresh token
 */
gboolean
mmx_secret_is_refresh_token (const char *text)
{
  guint8 bytes[32];

  return text != NULL && strlen (text) == MMX_REFRESH_TOKEN_LENGTH
         && mmx_key_decode (text, bytes, sizeof bytes);
}

/**
 * mmx_secret_new_license_key:
 *
 * Returns: (transfer full): a new key, as `MMX-XXXX-XXXX-…` (160 bits)
 */
char *
mmx_secret_new_license_key (void)
{
  guint8 bytes[LICENSE_KEY_BYTES];
  g_autoptr(GString) key = g_string_new (LICENSE_KEY_PREFIX);
  guint bits = 0;
  guint buffer = 0;
  guint written = 0;

  randombytes_buf (bytes, sizeof bytes);
  for (guint i = 0; i < sizeof bytes; i++)
    {
      buffer = (buffer << 8) | bytes[i];
      bits += 8;
      while (bits >= 5)
        {
          if (written % LICENSE_KEY_GROUP == 0)
            g_string_append_c (key, '-');
          g_string_append_c (key, base32[(buffer >> (bits - 5)) & 31]);
          bits -= 5;
          written++;
        }
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * mmx_secret_normalize_license_key:
 * @text: a key as a customer typed it
 *
 * Upper-cases, drops dashes and spaces and the `MMX` prefix, and reads
 * the letters Crockford's base32 leaves out as the digits they look like.
 *
 * Returns: (transfer full) (nullable): the 32 characters of the key, or
 *   %NULL when @text cannot be a key
 */
char *
mmx_secret_normalize_license_key (const char *text)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *upper = NULL;
  const char *p;

  if (text == NULL || strlen (text) > 128)
    return NULL;
  upper = g_ascii_strup (text, -1);
  p = upper;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, LICENSE_KEY_PREFIX "-"))
    p += strlen (LICENSE_KEY_PREFIX "-");
  for (; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '-' || c == ' ')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (base32, c) == NULL || c == '\0')
        return NULL;
      g_string_append_c (key, c);
    }
  if (key->len != LICENSE_KEY_CHARS)
    return NULL;
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * mmx_secret_hash:
 * @secret: a refresh token or a normalised license key
 *
 * Returns: (transfer full): its BLAKE2b-256 hash in hex, as stored
 */
char *
mmx_secret_hash (const char *secret)
{
  guint8 hash[32];
  char *hex = g_malloc (2 * sizeof hash + 1);

  crypto_generichash (hash, sizeof hash, (const guint8 *) secret, strlen (secret), NULL, 0);
  sodium_bin2hex (hex, 2 * sizeof hash + 1, hash, sizeof hash);
  return hex;
}
