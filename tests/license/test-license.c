/* test-license.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mmx-date.h"
#include "mmx-json.h"
#include "mmx-license.h"
#include "mmx-machine-fingerprint.h"
#include "mmx-test-utils.h"

#define NOW 1780000000
#define DAY (24 * 3600)

typedef struct
{
  guint8      public_key[crypto_sign_PUBLICKEYBYTES];
  guint8      secret_key[crypto_sign_SECRETKEYBYTES];
  MmxKeyring *keyring;
  char       *fingerprint;
} Fixture;

static const char * const entitlements[] = { "attribution", "forecast", "optimizer", NULL };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  crypto_sign_keypair (fixture->public_key, fixture->secret_key);
  fixture->keyring = mmx_keyring_new ();
  g_assert_true (mmx_keyring_add (fixture->keyring, "test-1", fixture->public_key, &error));
  g_assert_no_error (error);
  fixture->fingerprint = mmx_machine_fingerprint_for_id ("0123456789abcdef0123456789abcdef",
                                                         &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->keyring);
  g_clear_pointer (&fixture->fingerprint, g_free);
}

static MmxLicense *
new_license (Fixture *fixture)
{
  MmxLicense *license = g_new0 (MmxLicense, 1);

  license->license_id = g_strdup ("lic_123");
  license->account = g_strdup ("acc_456");
  license->tier = g_strdup ("premium");
  license->entitlements = g_strdupv ((char **) entitlements);
  license->seats = 3;
  license->machine = g_strdup (fixture->fingerprint);
  license->license_expires = NOW + 365 * DAY;
  license->issued = NOW - DAY;
  license->expires = license->issued + MMX_LICENSE_FILE_TTL_SECONDS;
  return license;
}

static char *
sign (Fixture    *fixture,
      MmxLicense *license)
{
  return mmx_license_sign (license, "test-1", fixture->secret_key);
}

static MmxLicense *
verify_at (Fixture    *fixture,
           const char *file,
           gint64      now,
           gint64      last_seen,
           GError    **error)
{
  return mmx_license_verify (file, strlen (file), fixture->keyring, fixture->fingerprint, now,
                             last_seen, error);
}

/* The file with one member of its envelope replaced. */
static char *
edit_envelope (const char *file,
               const char *member,
               const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, file, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (object, member, value);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

static char *
decode_payload (const char *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *b64;
  guint8 buffer[4096];
  gsize length = 0;

  g_assert_true (json_parser_load_from_data (parser, file, -1, NULL));
  b64 = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                       "payload");
  g_assert_cmpint (sodium_base642bin (buffer, sizeof buffer, b64, strlen (b64), NULL, &length,
                                      NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING), ==, 0);
  return g_strndup ((const char *) buffer, length);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MmxLicense) license = new_license (fixture);
  g_autofree char *file = sign (fixture, license);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxLicense) read = verify_at (fixture, file, NOW, NOW - 10, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (read->license_id, ==, "lic_123");
  g_assert_cmpstr (read->account, ==, "acc_456");
  g_assert_cmpstr (read->tier, ==, "premium");
  g_assert_cmpint (read->seats, ==, 3);
  g_assert_cmpstr (read->machine, ==, fixture->fingerprint);
  g_assert_cmpint (read->issued, ==, NOW - DAY);
  g_assert_cmpint (read->expires, ==, NOW - DAY + 30 * DAY);
  g_assert_cmpint (read->license_expires, ==, NOW + 365 * DAY);
  g_assert_cmpstr (read->kid, ==, "test-1");
  g_assert_true (mmx_license_has_entitlement (read, "forecast"));
  g_assert_false (mmx_license_has_entitlement (read, "teleport"));
  g_assert_true (g_str_has_suffix (file, "}\n"));
}

static void
expect_error (Fixture    *fixture,
              const char *file,
              gint64      now,
              gint64      last_seen,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxLicense) read = verify_at (fixture, file, now, last_seen, &error);

  g_assert_null (read);
  g_assert_error (error, MMX_LICENSE_ERROR, code);
  g_test_message ("%s", error->message);
}

static void
test_times (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MmxLicense) license = new_license (fixture);
  g_autofree char *file = sign (fixture, license);
  g_autoptr(MmxLicense) short_license = new_license (fixture);
  g_autofree char *short_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxLicense) read = NULL;

  /* Issued a little in the future: clocks may disagree by 5 minutes. */
  read = verify_at (fixture, file, NOW - DAY - 60, 0, &error);
  g_assert_no_error (error);
  expect_error (fixture, file, NOW - DAY - 3600, 0, MMX_LICENSE_ERROR_NOT_YET_VALID);
  expect_error (fixture, file, NOW + 29 * DAY, 0, MMX_LICENSE_ERROR_EXPIRED);
  g_clear_pointer (&read, mmx_license_free);
  read = verify_at (fixture, file, NOW + 29 * DAY - 1, 0, &error);
  g_assert_no_error (error);

  short_license->license_expires = NOW + DAY;
  short_file = sign (fixture, short_license);
  expect_error (fixture, short_file, NOW + DAY, 0, MMX_LICENSE_ERROR_LICENSE_ENDED);

  /* The clock turned back behind what an earlier check saw. */
  expect_error (fixture, file, NOW, NOW + 3600, MMX_LICENSE_ERROR_CLOCK_TURNED_BACK);
  g_clear_pointer (&read, mmx_license_free);
  read = verify_at (fixture, file, NOW, NOW + 60, &error);
  g_assert_no_error (error);
}

static void
test_longer_than_ttl (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MmxLicense) license = new_license (fixture);
  g_autofree char *file = NULL;

  license->expires = license->issued + MMX_LICENSE_FILE_TTL_SECONDS + 1;
  file = sign (fixture, license);
  expect_error (fixture, file, NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
}

static void
test_other_machine (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MmxLicense) license = new_license (fixture);
  g_autofree char *file = NULL;

  g_free (license->machine);
  license->machine = mmx_machine_fingerprint_for_id ("ffffffffffffffffffffffffffffffff", NULL);
  file = sign (fixture, license);
  expect_error (fixture, file, NOW, 0, MMX_LICENSE_ERROR_OTHER_MACHINE);
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(MmxLicense) license = new_license (fixture);
  g_autofree char *file = sign (fixture, license);
  g_autofree char *payload = decode_payload (file);
  g_autoptr(GString) changed = g_string_new (payload);
  g_autofree char *changed_b64 = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *bad_signature = NULL;
  g_autofree char *other_kid = NULL;
  guint8 other_public[crypto_sign_PUBLICKEYBYTES];
  guint8 other_secret[crypto_sign_SECRETKEYBYTES];
  g_autofree char *forged = NULL;
  g_autofree char *forged_as_ours = NULL;
  g_autofree char *zero_signature = NULL;
  guint8 zeros[crypto_sign_BYTES] = { 0 };
  g_autofree char *zero_b64 = mmx_key_encode (zeros, sizeof zeros);

  /* More seats, same signature. */
  g_assert_cmpint (g_string_replace (changed, "\"seats\":3", "\"seats\":300", 1), ==, 1);
  changed_b64 = mmx_key_encode ((const guint8 *) changed->str, changed->len);
  tampered = edit_envelope (file, "payload", changed_b64);
  expect_error (fixture, tampered, NOW, 0, MMX_LICENSE_ERROR_BAD_SIGNATURE);

  bad_signature = edit_envelope (file, "signature", zero_b64);
  expect_error (fixture, bad_signature, NOW, 0, MMX_LICENSE_ERROR_BAD_SIGNATURE);

  /* Signed by a key we do not trust, under its own id or ours. */
  crypto_sign_keypair (other_public, other_secret);
  forged = mmx_license_sign (license, "attacker", other_secret);
  expect_error (fixture, forged, NOW, 0, MMX_LICENSE_ERROR_UNKNOWN_KEY);
  forged_as_ours = mmx_license_sign (license, "test-1", other_secret);
  expect_error (fixture, forged_as_ours, NOW, 0, MMX_LICENSE_ERROR_BAD_SIGNATURE);

  /* The key id is signed too: a valid file does not pass under another id. */
  g_assert_true (mmx_keyring_add (fixture->keyring, "test-2", fixture->public_key, NULL));
  other_kid = edit_envelope (file, "kid", "test-2");
  expect_error (fixture, other_kid, NOW, 0, MMX_LICENSE_ERROR_BAD_SIGNATURE);

  zero_signature = edit_envelope (file, "signature", "");
  expect_error (fixture, zero_signature, NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MmxLicense) license = new_license (fixture);
  g_autofree char *file = sign (fixture, license);
  const char * const algorithms[] = { "none", "EdDSA", "HS256", "ed25519", "Ed25519 " };
  g_autoptr(GString) extra = g_string_new (file);
  g_autoptr(GString) duplicate = g_string_new (file);
  g_autoptr(GString) big = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (algorithms); i++)
    {
      g_autofree char *changed = edit_envelope (file, "alg", algorithms[i]);

      expect_error (fixture, changed, NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
    }

  g_string_replace (extra, "{\"format\"", "{\"jwk\":\"x\",\"format\"", 1);
  expect_error (fixture, extra->str, NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
  g_string_replace (duplicate, "{\"format\"", "{\"alg\":\"none\",\"format\"", 1);
  expect_error (fixture, duplicate->str, NOW, 0, MMX_LICENSE_ERROR_MALFORMED);

  expect_error (fixture, "", NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
  expect_error (fixture, "garbage", NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
  expect_error (fixture, "[]", NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
  expect_error (fixture, "{}", NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
  expect_error (fixture, "{\"format\":\"marketingmix-license\",\"version\":2}", NOW, 0,
                MMX_LICENSE_ERROR_MALFORMED);

  while (big->len <= MMX_LICENSE_FILE_MAX_LENGTH)
    g_string_append (big, " ");
  g_string_append (big, file);
  expect_error (fixture, big->str, NOW, 0, MMX_LICENSE_ERROR_MALFORMED);
}

static void
test_check_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxLicense) license = new_license (fixture);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *state = g_build_filename (dir, "state", "license-seen", NULL);
  g_autofree char *future = g_strdup_printf ("%" G_GINT64_FORMAT "\n", now + 7 * DAY);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxLicense) read = NULL;
  g_autoptr(MmxLicense) refused = NULL;

  license->issued = now - 60;
  license->expires = license->issued + MMX_LICENSE_FILE_TTL_SECONDS;
  license->license_expires = now + 365 * DAY;
  file = sign (fixture, license);
  path = mmx_test_write_file (dir, "license.json", file, -1);

  read = mmx_license_check_file (path, fixture->keyring, fixture->fingerprint, state, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (g_file_get_contents (state, &saved, NULL, NULL));
  g_assert_cmpint (g_ascii_strtoll (saved, NULL, 10), >=, now);

  /* A check a week from now was recorded: today's clock is then behind. */
  g_assert_true (g_file_set_contents (state, future, -1, NULL));
  refused = mmx_license_check_file (path, fixture->keyring, fixture->fingerprint, state, &error);
  g_assert_null (refused);
  g_assert_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_CLOCK_TURNED_BACK);
  g_clear_error (&error);

  refused = mmx_license_check_file ("/nonexistent/license.json", fixture->keyring,
                                    fixture->fingerprint, state, &error);
  g_assert_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_FILE);

  mmx_test_remove_dir (dir);
}

static void
test_fingerprint (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = mmx_machine_fingerprint_for_id ("0123456789abcdef0123456789abcdef", &error);
  g_autofree char *again = mmx_machine_fingerprint_for_id ("0123456789abcdef0123456789abcdef",
                                                           &error);
  g_autofree char *b = mmx_machine_fingerprint_for_id ("0123456789abcdef0123456789abcdee", &error);
  g_autofree char *bad = NULL;
  g_autofree char *here = NULL;

  g_assert_no_error (error);
  g_assert_true (mmx_machine_fingerprint_is_valid (a));
  g_assert_cmpstr (a, ==, again);
  g_assert_cmpstr (a, !=, b);
  /* Never the machine id itself. */
  g_assert_null (strstr (a, "0123456789abcdef"));

  bad = mmx_machine_fingerprint_for_id ("not-an-id", &error);
  g_assert_null (bad);
  g_assert_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_NO_MACHINE_ID);
  g_clear_error (&error);

  g_assert_false (mmx_machine_fingerprint_is_valid (NULL));
  g_assert_false (mmx_machine_fingerprint_is_valid ("abc"));
  g_assert_false (mmx_machine_fingerprint_is_valid
                    ("0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"));

  here = mmx_machine_fingerprint (&error);
  if (here != NULL)
    g_assert_true (mmx_machine_fingerprint_is_valid (here));
  else
    g_assert_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_NO_MACHINE_ID);
}

static void
test_keyring (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxKeyring) keyring = mmx_keyring_new ();
  g_autoptr(MmxKeyring) built_in = mmx_keyring_new_for_licenses ();
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  guint8 other[crypto_sign_PUBLICKEYBYTES];
  g_autofree char *encoded = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (built_in);
  crypto_sign_keypair (public_key, secret_key);
  crypto_sign_keypair (other, secret_key);
  encoded = mmx_key_encode (public_key, sizeof public_key);
  contents = g_strdup_printf ("# keys\n\nsrv-2026.a  %s\n", encoded);
  path = mmx_test_write_file (dir, "keys", contents, -1);

  g_assert_true (mmx_keyring_load_file (keyring, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mmx_keyring_get_size (keyring), ==, 1);
  g_assert_cmpmem (mmx_keyring_lookup (keyring, "srv-2026.a"), 32, public_key, 32);
  g_assert_null (mmx_keyring_lookup (keyring, "other"));
  g_assert_null (mmx_keyring_lookup (keyring, NULL));
  /* Loading it again is harmless; another key under its id is not. */
  g_assert_true (mmx_keyring_load_file (keyring, path, &error));
  g_assert_false (mmx_keyring_add (keyring, "srv-2026.a", other, &error));
  g_assert_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_false (mmx_keyring_add (keyring, "bad id", other, &error));
  g_assert_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mmx_keyring_add_encoded (keyring, "k", "AAAA", &error));
  g_assert_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_INVALID);
  g_clear_error (&error);

  bad_path = mmx_test_write_file (dir, "bad", "k1 AAAA\n", -1);
  g_assert_false (mmx_keyring_load_file (keyring, bad_path, &error));
  g_assert_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);
  g_assert_false (mmx_keyring_load_file (keyring, "/nonexistent", &error));
  g_assert_error (error, MMX_KEYRING_ERROR, MMX_KEYRING_ERROR_FILE);

  mmx_test_remove_dir (dir);
}

static void
test_json_and_dates (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { gint64 time; const char *day; } days[] = {
    { 0, "1970-01-01" }, { 86399, "1970-01-01" }, { 86400, "1970-01-02" },
    { NOW, "2026-05-28" }, { -1, "1969-12-31" },
  };
  g_autoptr(MmxLicense) license = new_license (fixture);
  g_autofree char *file = sign (fixture, license);
  g_autoptr(MmxLicense) read = verify_at (fixture, file, NOW, 0, NULL);
  g_autoptr(JsonBuilder) builder = mmx_license_build_json (read);
  g_autofree char *json = mmx_json_to_string (builder, FALSE);

  g_assert_nonnull (strstr (json, "\"seats\":3"));
  g_assert_nonnull (strstr (json, "\"kid\":\"test-1\""));
  g_assert_nonnull (strstr (json, "\"entitlements\":[\"attribution\",\"forecast\",\"optimizer\"]"));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *day = mmx_date_unix_to_iso (days[i].time);

      g_assert_cmpstr (day, ==, days[i].day);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/mmx/license/round-trip", test_round_trip);
  ADD ("/mmx/license/times", test_times);
  ADD ("/mmx/license/longer-than-ttl", test_longer_than_ttl);
  ADD ("/mmx/license/other-machine", test_other_machine);
  ADD ("/mmx/license/tampered", test_tampered);
  ADD ("/mmx/license/malformed", test_malformed);
  ADD ("/mmx/license/check-file", test_check_file);
  ADD ("/mmx/license/json-and-dates", test_json_and_dates);
#undef ADD
  g_test_add_func ("/mmx/license/fingerprint", test_fingerprint);
  g_test_add_func ("/mmx/license/keyring", test_keyring);

  return g_test_run ();
}
