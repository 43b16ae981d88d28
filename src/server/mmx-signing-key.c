/* mmx-signing-key.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mmx-keyring.h"
#include "mmx-signing-key.h"

/* The server's Ed25519 key: it signs access tokens and license files.
 * The file is a key file readable by its owner only:
 *
 *   [Signing Key]
 *   Id=mmx-2026-01
 *   Seed=<32 bytes, unpadded base64url>
 *
 * Its public half goes in a key file line, `ID PUBLIC-KEY`, that other
 * instances and the desktop app trust. */

#define GROUP "Signing Key"

struct _MmxSigningKey
{
  char   *kid;
  guint8  public_key[crypto_sign_PUBLICKEYBYTES];
  guint8  secret_key[crypto_sign_SECRETKEYBYTES];
};

static MmxSigningKey *
new_from_seed (const char   *kid,
               const guint8  seed[crypto_sign_SEEDBYTES])
{
  MmxSigningKey *self = g_new0 (MmxSigningKey, 1);

  self->kid = g_strdup (kid);
  crypto_sign_seed_keypair (self->public_key, self->secret_key, seed);
  return self;
}

/**
 * mmx_signing_key_generate:
 * @kid: (nullable): the key's id; %NULL for one made of today's date and
 *   random letters
 *
 * Returns: (transfer full): a new key pair
 */
MmxSigningKey *
mmx_signing_key_generate (const char *kid)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d");
  g_autofree char *generated = NULL;
  guint8 seed[crypto_sign_SEEDBYTES];
  guint8 tag[4];
  char tag_hex[2 * sizeof tag + 1];
  MmxSigningKey *self;

  g_return_val_if_fail (kid == NULL || mmx_key_id_is_valid (kid), NULL);

  if (kid == NULL)
    {
      randombytes_buf (tag, sizeof tag);
      sodium_bin2hex (tag_hex, sizeof tag_hex, tag, sizeof tag);
      generated = g_strdup_printf ("mmx-%s-%s", date, tag_hex);
    }
  randombytes_buf (seed, sizeof seed);
  self = new_from_seed (kid != NULL ? kid : generated, seed);
  sodium_memzero (seed, sizeof seed);
  return self;
}

/**
 * mmx_signing_key_load:
 * @path: a key file written by mmx_signing_key_save()
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the key, or %NULL with @error set
 */
MmxSigningKey *
mmx_signing_key_load (const char  *path,
                      GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *seed_text = NULL;
  guint8 seed[crypto_sign_SEEDBYTES];
  MmxSigningKey *self;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error)
      || (kid = g_key_file_get_string (file, GROUP, "Id", &local_error)) == NULL
      || (seed_text = g_key_file_get_string (file, GROUP, "Seed", &local_error)) == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "The signing key “%s” cannot be read: %s. Make one with "
                   "“marketingmix-server keygen --out %s”.", path, local_error->message, path);
      return NULL;
    }
  if (!mmx_key_id_is_valid (kid) || !mmx_key_decode (seed_text, seed, sizeof seed))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "The signing key “%s” is damaged: its Id or Seed is invalid.", path);
      sodium_memzero (seed_text, strlen (seed_text));
      return NULL;
    }
  self = new_from_seed (kid, seed);
  sodium_memzero (seed, sizeof seed);
  sodium_memzero (seed_text, strlen (seed_text));
  return self;
}

/**
 * mmx_signing_key_save:
 * @self: a key
 * @path: a file that must not exist yet
 * @error: a location for a #GError
 *
 * Writes the key readable by its owner only; never over an existing file,
 * so a key in use cannot be lost by mistake.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_signing_key_save (MmxSigningKey  *self,
                      const char     *path,
                      GError        **error)
{
  g_autofree char *seed_text = NULL;
  g_autofree char *text = NULL;
  gsize length;
  gsize written = 0;
  int fd;

  /* The seed is the first half of libsodium's secret key. */
  seed_text = mmx_key_encode (self->secret_key, crypto_sign_SEEDBYTES);
  text = g_strdup_printf ("# marketingmix-server signing key: keep it secret, keep a backup.\n"
                          "[" GROUP "]\nId=%s\nSeed=%s\n", self->kid, seed_text);
  length = strlen (text);
  sodium_memzero (seed_text, strlen (seed_text));

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "The signing key cannot be written to “%s”: %s.", path,
                   g_strerror (saved_errno));
      sodium_memzero (text, length);
      return FALSE;
    }
  while (written < length)
    {
      gssize n = write (fd, text + written, length - written);

      if (n <= 0 && errno != EINTR)
        break;
      if (n > 0)
        written += (gsize) n;
    }
  sodium_memzero (text, length);
  if (written < length || fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "The signing key cannot be written to “%s”: %s.", path,
                   g_strerror (saved_errno));
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

const char *
mmx_signing_key_get_id (MmxSigningKey *self)
{
  return self->kid;
}

const guint8 *
mmx_signing_key_get_public_key (MmxSigningKey *self)
{
  return self->public_key;
}

const guint8 *
mmx_signing_key_get_secret_key (MmxSigningKey *self)
{
  return self->secret_key;
}

/**
 * mmx_signing_key_dup_public_line:
 * @self: a key
 *
 * Returns: (transfer full): `ID PUBLIC-KEY`, a line of a public key file
 */
char *
mmx_signing_key_dup_public_line (MmxSigningKey *self)
{
  g_autofree char *public_key = mmx_key_encode (self->public_key, sizeof self->public_key);

  return g_strdup_printf ("%s %s", self->kid, public_key);
}

void
mmx_signing_key_free (MmxSigningKey *self)
{
  if (self == NULL)
    return;
  sodium_memzero (self->secret_key, sizeof self->secret_key);
  g_free (self->kid);
  g_free (self);
}
