/* test-access-token.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-access-token.h"
#include "mmx-test-server.h"

/* The access-token profile and its verifier, attack by attack (RFC 8725). */

#define NOW 1780000000
#define ISS "https://accounts.example.com"
#define AUD "marketingmix"
#define PROFILE_HEADER "{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}"

typedef struct
{
  MmxSigningKey   *key;
  MmxAccessTokens *tokens;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->key = mmx_signing_key_generate ("k1");
  fixture->tokens = mmx_access_tokens_new (fixture->key, NULL, ISS, AUD);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->tokens, mmx_access_tokens_free);
  g_clear_pointer (&fixture->key, mmx_signing_key_free);
}

static void
expect (Fixture    *fixture,
        const char *token,
        gint64      now,
        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = mmx_access_tokens_verify (fixture->tokens, token, now, &error);

  g_test_message ("%s", token);
  g_assert_null (claims);
  g_assert_error (error, MMX_ACCESS_TOKEN_ERROR, code);
}

static char *
claims_json (const char *iss,
             const char *aud,
             gint64      iat,
             gint64      nbf,
             gint64      exp)
{
  return g_strdup_printf ("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"acc_1\",\"iat\":%" G_GINT64_FORMAT
                          ",\"nbf\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT
                          ",\"jti\":\"j\",\"tier\":\"premium\"}", iss, aud, iat, nbf, exp);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *token = mmx_access_tokens_issue (fixture->tokens, "acc_1", "free", NOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = mmx_access_tokens_verify (fixture->tokens, token, NOW + 10,
                                                                &error);
  g_autoptr(MmxAccessClaims) cached = NULL;
  g_autoptr(MmxKeyring) public_only = mmx_keyring_new ();
  g_autoptr(MmxAccessTokens) verifier = NULL;
  g_autoptr(MmxAccessClaims) elsewhere = NULL;
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  guint8 header[256];
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (claims->subject, ==, "acc_1");
  g_assert_cmpstr (claims->tier, ==, "free");
  g_assert_cmpstr (claims->issuer, ==, ISS);
  g_assert_cmpstr (claims->audience, ==, AUD);
  g_assert_cmpint (claims->expires - claims->issued_at, ==, 15 * 60);
  g_assert_cmpint (strlen (claims->jti), ==, 32);

  /* The exact header of the profile. */
  g_assert_cmpint (g_strv_length (parts), ==, 3);
  g_assert_cmpint (sodium_base642bin (header, sizeof header, parts[0], strlen (parts[0]), NULL,
                                      &length, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING), ==, 0);
  g_assert_cmpmem (header, length, PROFILE_HEADER, strlen (PROFILE_HEADER));

  /* Remembered, but its time is still checked. */
  cached = mmx_access_tokens_verify (fixture->tokens, token, NOW + 20, &error);
  g_assert_nonnull (cached);
  expect (fixture, token, NOW + 15 * 60, MMX_ACCESS_TOKEN_ERROR_EXPIRED);

  /* Another instance verifies with the public key alone. */
  g_assert_true (mmx_keyring_add (public_only, "k1", mmx_signing_key_get_public_key (fixture->key),
                                  NULL));
  verifier = mmx_access_tokens_new (NULL, public_only, ISS, AUD);
  elsewhere = mmx_access_tokens_verify (verifier, token, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (elsewhere->subject, ==, "acc_1");
}

static void
test_algorithms (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *claims = claims_json (ISS, AUD, NOW, NOW, NOW + 60);
  const guint8 *secret = mmx_signing_key_get_secret_key (fixture->key);
  g_autofree char *none = mmx_test_make_jws ("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}",
                                             claims, NULL);
  g_autofree char *none_signed = mmx_test_make_jws ("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}",
                                                    claims, secret);
  g_autofree char *hs256 = mmx_test_make_jws ("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}",
                                              claims, secret);
  g_autofree char *jwk = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k1\","
                                            "\"jwk\":{\"kty\":\"OKP\"}}", claims, secret);
  g_autofree char *jku = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k1\","
                                            "\"jku\":\"https://evil.example/keys\"}", claims, secret);
  g_autofree char *crit = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k1\","
                                             "\"crit\":[\"b64\"],\"b64\":false}", claims, secret);
  g_autofree char *no_typ = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"kid\":\"k1\"}", claims, secret);
  g_autofree char *jwt_typ = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"k1\"}",
                                                claims, secret);
  g_autofree char *ed25519 = mmx_test_make_jws ("{\"alg\":\"Ed25519\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}",
                                                claims, secret);
  g_autofree char *duplicate = mmx_test_make_jws ("{\"alg\":\"none\",\"alg\":\"EdDSA\",\"typ\":\"at+jwt\","
                                                  "\"kid\":\"k1\"}", claims, secret);
  g_autofree char *unknown_kid = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k2\"}",
                                                    claims, secret);
  g_autofree char *good = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}",
                                             claims, secret);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) accepted = mmx_access_tokens_verify (fixture->tokens, good, NOW,
                                                                  &error);

  /* The hand-made token of the profile passes: the others fail on their
   * header alone. */
  g_assert_no_error (error);
  g_assert_nonnull (accepted);
  expect (fixture, none, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, none_signed, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, hs256, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, jwk, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, jku, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, crit, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, no_typ, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, jwt_typ, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, ed25519, NOW, MMX_ACCESS_TOKEN_ERROR_UNSUPPORTED);
  expect (fixture, duplicate, NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
  expect (fixture, unknown_kid, NOW, MMX_ACCESS_TOKEN_ERROR_UNKNOWN_KEY);
}

static void
test_tampering (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token = mmx_access_tokens_issue (fixture->tokens, "acc_1", "free", NOW);
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autofree char *premium = claims_json (ISS, AUD, NOW, NOW, NOW + 60);
  g_autofree char *premium_b64 = mmx_key_encode ((const guint8 *) premium, strlen (premium));
  g_autofree char *swapped = g_strjoin (".", parts[0], premium_b64, parts[2], NULL);
  g_autofree char *flipped = g_strdup (token);
  g_autoptr(MmxSigningKey) attacker = mmx_signing_key_generate ("k1");
  g_autofree char *forged = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}",
                                               premium, mmx_signing_key_get_secret_key (attacker));
  g_autofree char *padded = g_strconcat (token, "=", NULL);
  g_autofree char *four = g_strconcat (token, ".x", NULL);
  g_autofree char *two = g_strjoin (".", parts[0], parts[1], NULL);
  g_autofree char *spaced = g_strconcat (" ", token, NULL);
  g_autoptr(GString) huge = g_string_new (token);
  char *last = flipped + strlen (flipped) - 2;

  expect (fixture, swapped, NOW, MMX_ACCESS_TOKEN_ERROR_BAD_SIGNATURE);
  *last = *last == 'A' ? 'B' : 'A';
  expect (fixture, flipped, NOW, MMX_ACCESS_TOKEN_ERROR_BAD_SIGNATURE);
  expect (fixture, forged, NOW, MMX_ACCESS_TOKEN_ERROR_BAD_SIGNATURE);
  expect (fixture, padded, NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
  expect (fixture, four, NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
  expect (fixture, two, NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
  expect (fixture, spaced, NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
  expect (fixture, "", NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
  expect (fixture, "..", NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
  while (huge->len <= MMX_ACCESS_TOKEN_MAX_LENGTH)
    g_string_append (huge, "A");
  expect (fixture, huge->str, NOW, MMX_ACCESS_TOKEN_ERROR_MALFORMED);
}

static void
test_claims (Fixture       *fixture,
             gconstpointer  data)
{
  const guint8 *secret = mmx_signing_key_get_secret_key (fixture->key);
  const char *header = "{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}";
  g_autofree char *expired_claims = claims_json (ISS, AUD, NOW - 900, NOW - 900, NOW);
  g_autofree char *future_claims = claims_json (ISS, AUD, NOW + 600, NOW + 600, NOW + 900);
  g_autofree char *issuer_claims = claims_json ("https://evil.example", AUD, NOW, NOW, NOW + 60);
  g_autofree char *audience_claims = claims_json (ISS, "another-app", NOW, NOW, NOW + 60);
  g_autofree char *long_claims = claims_json (ISS, AUD, NOW, NOW, NOW + 86400);
  g_autofree char *expired = mmx_test_make_jws (header, expired_claims, secret);
  g_autofree char *future = mmx_test_make_jws (header, future_claims, secret);
  g_autofree char *issuer = mmx_test_make_jws (header, issuer_claims, secret);
  g_autofree char *audience = mmx_test_make_jws (header, audience_claims, secret);
  g_autofree char *lasting = mmx_test_make_jws (header, long_claims, secret);
  g_autofree char *missing = mmx_test_make_jws (header, "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
                                                "\"sub\":\"acc_1\",\"exp\":1780000060}", secret);
  g_autofree char *extra = mmx_test_make_jws (header, "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
                                              "\"sub\":\"acc_1\",\"iat\":1780000000,\"nbf\":1780000000,"
                                              "\"exp\":1780000060,\"jti\":\"j\",\"tier\":\"free\","
                                              "\"admin\":true}", secret);
  g_autofree char *array_aud = mmx_test_make_jws (header, "{\"iss\":\"" ISS "\",\"aud\":[\"" AUD "\"],"
                                                  "\"sub\":\"acc_1\",\"iat\":1780000000,\"nbf\":1780000000,"
                                                  "\"exp\":1780000060,\"jti\":\"j\",\"tier\":\"free\"}",
                                                  secret);
  g_autofree char *float_exp = mmx_test_make_jws (header, "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
                                                  "\"sub\":\"acc_1\",\"iat\":1780000000,\"nbf\":1780000000,"
                                                  "\"exp\":1.78e9,\"jti\":\"j\",\"tier\":\"free\"}", secret);

  expect (fixture, expired, NOW, MMX_ACCESS_TOKEN_ERROR_EXPIRED);
  expect (fixture, future, NOW, MMX_ACCESS_TOKEN_ERROR_NOT_YET_VALID);
  expect (fixture, issuer, NOW, MMX_ACCESS_TOKEN_ERROR_WRONG_ISSUER);
  expect (fixture, audience, NOW, MMX_ACCESS_TOKEN_ERROR_WRONG_AUDIENCE);
  expect (fixture, lasting, NOW, MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS);
  expect (fixture, missing, NOW, MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS);
  expect (fixture, extra, NOW, MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS);
  expect (fixture, array_aud, NOW, MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS);
  expect (fixture, float_exp, NOW, MMX_ACCESS_TOKEN_ERROR_INVALID_CLAIMS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/mmx/server/access-token/round-trip", test_round_trip);
  ADD ("/mmx/server/access-token/algorithms", test_algorithms);
  ADD ("/mmx/server/access-token/tampering", test_tampering);
  ADD ("/mmx/server/access-token/claims", test_claims);
#undef ADD

  return g_test_run ();
}
