/* mmx-password.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-password"

#include "config.h"

#include <gio/gio.h>
#include <sodium.h>
#include <string.h>

#include "mmx-password.h"

/* Argon2id through libsodium's crypto_pwhash_str, and the password rules
 * of NIST SP 800-63B: 8 to 1024 characters, not one of the most common
 * passwords, no composition rules. */

#define COMMON_PASSWORDS_RESOURCE "/io/github/marketingmix/server/common-passwords.txt"

struct _MmxPasswordHasher
{
  guint64     passes;
  gsize       memory;
  GHashTable *common;
  /* Verified when there is no account, so that a login takes the same
   * time whether or not the address has one. */
  char        dummy_hash[crypto_pwhash_STRBYTES];
};

G_DEFINE_QUARK (mmx-password-error-quark, mmx_password_error)

static void
add_words (GHashTable *common,
           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);

      if (*line != '\0' && *line != '#')
        g_hash_table_add (common, g_utf8_strdown (line, -1));
    }
}

/**
 * mmx_password_hasher_new:
 * @memory_mib: Argon2id memory, in MiB
 * @passes: Argon2id passes
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a hasher, or %NULL with @error set when the
 *   parameters are below OWASP's minimum
 */
MmxPasswordHasher *
mmx_password_hasher_new (guint    memory_mib,
                         guint    passes,
                         GError **error)
{
  g_autoptr(MmxPasswordHasher) self = NULL;
  g_autoptr(GBytes) list = NULL;
  guint8 random[32];

  if (memory_mib < MMX_PASSWORD_MIN_MEMORY_MIB || passes < MMX_PASSWORD_MIN_PASSES)
    {
      g_set_error (error, MMX_PASSWORD_ERROR, MMX_PASSWORD_ERROR_WEAK_PARAMETERS,
                   "Argon2id needs at least %d MiB and %d passes (OWASP's minimum).",
                   MMX_PASSWORD_MIN_MEMORY_MIB, MMX_PASSWORD_MIN_PASSES);
      return NULL;
    }

  self = g_new0 (MmxPasswordHasher, 1);
  self->passes = passes;
  self->memory = (gsize) memory_mib * 1024 * 1024;
  self->common = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list = g_resources_lookup_data (COMMON_PASSWORDS_RESOURCE, 0, NULL);
  g_assert (list != NULL);
  add_words (self->common, g_bytes_get_data (list, NULL));

  randombytes_buf (random, sizeof random);
  if (crypto_pwhash_str_alg (self->dummy_hash, (const char *) random, sizeof random,
                             self->passes, self->memory, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, MMX_PASSWORD_ERROR, MMX_PASSWORD_ERROR_HASH_FAILED,
                           "There is not enough memory for Argon2id with these parameters.");
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * mmx_password_hasher_add_list:
 * @self: a hasher
 * @path: a file of common passwords, one a line
 * @error: a location for a #GError
 *
 * Adds to the built-in list, which holds a few hundred.
 *
 * Returns: %FALSE with @error set when the file cannot be read
 */
gboolean
mmx_password_hasher_add_list (MmxPasswordHasher  *self,
                              const char         *path,
                              GError            **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, MMX_PASSWORD_ERROR, MMX_PASSWORD_ERROR_LIST,
                   "The list of common passwords cannot be read: %s", local_error->message);
      return FALSE;
    }
  add_words (self->common, contents);
  return TRUE;
}

/**
 * mmx_password_hasher_check_policy:
 * @self: a hasher
 * @password: a new password, UTF-8
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set, saying what to change, when @password
 *   is too short, too long or too common
 */
gboolean
mmx_password_hasher_check_policy (MmxPasswordHasher  *self,
                                  const char         *password,
                                  GError            **error)
{
  glong chars = g_utf8_strlen (password, -1);
  g_autofree char *folded = NULL;

  if (chars < MMX_PASSWORD_MIN_CHARS)
    {
      g_set_error (error, MMX_PASSWORD_ERROR, MMX_PASSWORD_ERROR_TOO_SHORT,
                   "The password has %ld characters; use at least %d.", chars,
                   MMX_PASSWORD_MIN_CHARS);
      return FALSE;
    }
  if (chars > MMX_PASSWORD_MAX_CHARS)
    {
      g_set_error (error, MMX_PASSWORD_ERROR, MMX_PASSWORD_ERROR_TOO_LONG,
                   "The password has %ld characters; use at most %d.", chars,
                   MMX_PASSWORD_MAX_CHARS);
      return FALSE;
    }
  folded = g_utf8_strdown (password, -1);
  if (g_hash_table_contains (self->common, folded))
    {
      g_set_error_literal (error, MMX_PASSWORD_ERROR, MMX_PASSWORD_ERROR_COMMON,
                           "This password is one of the most common ones and would be "
                           "guessed first. Choose another, a few unrelated words for example.");
      return FALSE;
    }
  return TRUE;
}

/**
 * mmx_password_hasher_hash:
 * @self: a hasher
 * @password: the password
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the Argon2id hash string, or %NULL with @error
 *   set when memory runs out
 */
char *
mmx_password_hasher_hash (MmxPasswordHasher  *self,
                          const char         *password,
                          GError            **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str_alg (hash, password, strlen (password), self->passes, self->memory,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, MMX_PASSWORD_ERROR, MMX_PASSWORD_ERROR_HASH_FAILED,
                           "The password could not be hashed: out of memory.");
      return NULL;
    }
  return g_strdup (hash);
}

/**
 * mmx_password_hasher_verify:
 * @self: a hasher
 * @hash: (nullable): the stored hash; %NULL when there is no account, which
 *   costs the same time and fails
 * @password: the password given
 * @out_needs_rehash: (out) (optional): whether the hash was made with
 *   weaker parameters than the current ones
 *
 * Returns: whether @password matches @hash
 */
gboolean
mmx_password_hasher_verify (MmxPasswordHasher *self,
                            const char        *hash,
                            const char        *password,
                            gboolean          *out_needs_rehash)
{
  gboolean ok;

  if (out_needs_rehash != NULL)
    *out_needs_rehash = FALSE;
  ok = crypto_pwhash_str_verify (hash != NULL ? hash : self->dummy_hash, password,
                                 strlen (password)) == 0;
  if (hash == NULL)
    return FALSE;
  if (ok && out_needs_rehash != NULL)
    *out_needs_rehash = crypto_pwhash_str_needs_rehash (hash, self->passes, self->memory) != 0;
  return ok;
}

void
mmx_password_hasher_free (MmxPasswordHasher *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->common, g_hash_table_unref);
  g_free (self);
}
