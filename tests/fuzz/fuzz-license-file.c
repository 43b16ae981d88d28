/* fuzz-license-file.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-fuzz.h"
#include "mmx-license.h"
#include "mmx-machine-fingerprint.h"

/* The offline license file parser and verifier, on any bytes. */

static MmxKeyring *keyring;
static char *fingerprint;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MmxLicense) license = NULL;
  g_autoptr(GError) error = NULL;

  if (keyring == NULL)
    {
      guint8 public_key[crypto_sign_PUBLICKEYBYTES];
      guint8 secret_key[crypto_sign_SECRETKEYBYTES];

      g_assert (sodium_init () >= 0);
      crypto_sign_seed_keypair (public_key, secret_key, (const guint8 *) MMX_FUZZ_SEED);
      keyring = mmx_keyring_new ();
      g_assert (mmx_keyring_add (keyring, MMX_FUZZ_KEY_ID, public_key, NULL));
      fingerprint = mmx_machine_fingerprint_for_id (MMX_FUZZ_MACHINE_ID, NULL);
    }

  license = mmx_license_verify ((const char *) data, size, keyring, fingerprint, MMX_FUZZ_NOW,
                                MMX_FUZZ_NOW - 60, &error);
  g_assert ((license == NULL) == (error != NULL));
  if (license != NULL)
    g_assert (license->issued < license->expires);
  return 0;
}
