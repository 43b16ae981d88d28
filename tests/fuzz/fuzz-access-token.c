/* fuzz-access-token.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-access-token.h"
#include "mmx-fuzz.h"

/* The JWS parser and verifier, on any bytes as an access token. */

static MmxAccessTokens *
get_tokens (void)
{
  static MmxAccessTokens *tokens;

  if (tokens == NULL)
    {
      g_autoptr(MmxKeyring) keyring = mmx_keyring_new ();
      guint8 public_key[crypto_sign_PUBLICKEYBYTES];
      guint8 secret_key[crypto_sign_SECRETKEYBYTES];

      g_assert (sodium_init () >= 0);
      crypto_sign_seed_keypair (public_key, secret_key, (const guint8 *) MMX_FUZZ_SEED);
      g_assert (mmx_keyring_add (keyring, MMX_FUZZ_KEY_ID, public_key, NULL));
      tokens = mmx_access_tokens_new (NULL, keyring, "marketingmix-server", "marketingmix");
    }
  return tokens;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *token = g_strndup ((const char *) data, size);
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(GError) error = NULL;

  claims = mmx_access_tokens_verify (get_tokens (), token, MMX_FUZZ_NOW, &error);
  g_assert ((claims == NULL) == (error != NULL));
  if (claims != NULL)
    g_assert (claims->subject != NULL && *claims->subject != '\0');
  return 0;
}
