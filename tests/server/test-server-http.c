/* test-server-http.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-license.h"
#include "mmx-machine-fingerprint.h"
#include "mmx-server-store.h"
#include "mmx-test-database.h"
#include "mmx-test-server.h"

/* Every endpoint of the real marketingmix-server, driven over HTTP with
 * libcurl: what works, and every error a client can cause. The same tests
 * run on SQLite and on PostgreSQL. */

typedef struct
{
  MmxTestServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = mmx_test_server_new ();
  mmx_test_server_start (fixture->server, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, mmx_test_server_free);
}

static MmxTestResponse *
post (Fixture    *fixture,
      const char *path,
      const char *token,
      const char *body)
{
  return mmx_test_json (fixture->server, "POST", path, token, body);
}

static MmxTestResponse *
login (Fixture    *fixture,
       const char *email,
       const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email,
                                           password);

  return post (fixture, "/v1/auth/login", NULL, body);
}

static void
test_health (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MmxTestResponse) health = mmx_test_request (fixture->server, "GET", "/healthz", NULL,
                                                        NULL, NULL, 0);
  g_autoptr(MmxTestResponse) missing = mmx_test_request (fixture->server, "GET", "/v2/nothing",
                                                         NULL, NULL, NULL, 0);
  g_autoptr(MmxTestResponse) wrong_method = mmx_test_request (fixture->server, "DELETE",
                                                              "/v1/auth/login", NULL, NULL, NULL,
                                                              0);

  mmx_assert_status (health, 200);
  g_assert_cmpstr (mmx_test_response_string (health, "status"), ==, "ok");
  g_assert_cmpstr (mmx_test_response_string (health, "database"), ==,
                   mmx_test_database_is_postgres () ? "postgresql" : "sqlite");
  g_assert_cmpstr (g_hash_table_lookup (health->headers, "cache-control"), ==, "no-store");
  g_assert_nonnull (g_hash_table_lookup (health->headers, "x-request-id"));
  mmx_test_expect_error (missing, 404, "not_found");
  mmx_test_expect_error (wrong_method, 405, "method_not_allowed");
  g_assert_cmpstr (g_hash_table_lookup (wrong_method->headers, "allow"), ==, "POST");
}

static void
test_signup (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const plain[] = { "Content-Type: text/plain", NULL };
  g_autoptr(MmxTestResponse) created = NULL;
  g_autoptr(MmxTestResponse) response = NULL;
  g_autoptr(GString) long_password = g_string_new (NULL);
  g_autofree char *body = NULL;

  created = post (fixture, "/v1/auth/signup", NULL,
                  "{\"email\":\"  Ann@Example.COM \",\"password\":\"" MMX_TEST_PASSWORD "\"}");
  mmx_assert_status (created, 201);
  g_assert_cmpstr (mmx_test_response_string (created, "token_type"), ==, "Bearer");
  g_assert_cmpint (mmx_test_response_int (created, "expires_in"), ==, 900);
  g_assert_cmpstr (mmx_test_response_string (created, "tier"), ==, "free");
  g_assert_cmpint (strlen (mmx_test_response_string (created, "refresh_token")), ==, 43);

#define EXPECT(json, status, code) \
  G_STMT_START { \
    g_clear_pointer (&response, mmx_test_response_free); \
    response = post (fixture, "/v1/auth/signup", NULL, json); \
    mmx_test_expect_error (response, status, code); \
  } G_STMT_END
  EXPECT ("{\"email\":\"ann@example.com\",\"password\":\"another good one\"}", 409, "email_taken");
  EXPECT ("{\"email\":\"bob@example.com\",\"password\":\"short\"}", 400, "weak_password");
  EXPECT ("{\"email\":\"bob@example.com\",\"password\":\"Baseball\"}", 400, "weak_password");
  EXPECT ("{\"email\":\"bob@example.com\",\"password\":\"iloveyou\"}", 400, "weak_password");
  EXPECT ("{\"email\":\"not an address\",\"password\":\"" MMX_TEST_PASSWORD "\"}", 400,
          "invalid_request");
  EXPECT ("{\"email\":\"bob@example.com\"}", 400, "invalid_request");
  EXPECT ("{\"email\":\"bob@example.com\",\"password\":\"x\",\"admin\":true}", 400,
          "invalid_request");
  EXPECT ("{\"email\":\"bob@example.com\",\"password\":12345678}", 400, "invalid_request");
  EXPECT ("{\"email\":'bob@example.com'}", 400, "invalid_json");
  EXPECT ("[]", 400, "invalid_request");
  EXPECT ("", 400, "invalid_json");
#undef EXPECT

  while (g_utf8_strlen (long_password->str, -1) <= 1024)
    g_string_append (long_password, "é");
  body = g_strdup_printf ("{\"email\":\"bob@example.com\",\"password\":\"%s\"}", long_password->str);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/auth/signup", NULL, body);
  mmx_test_expect_error (response, 400, "invalid_request");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "POST", "/v1/auth/signup", NULL, plain,
                               "{\"email\":\"bob@example.com\",\"password\":\"" MMX_TEST_PASSWORD "\"}",
                               -1);
  mmx_test_expect_error (response, 415, "unsupported_media_type");
}

static void
test_login (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MmxTestResponse) ok = NULL;
  g_autoptr(MmxTestResponse) wrong = NULL;
  g_autoptr(MmxTestResponse) unknown = NULL;
  g_autoptr(MmxTestResponse) account = NULL;
  g_autoptr(MmxTestResponse) anonymous = NULL;

  mmx_test_signup (fixture->server, "ann@example.com", NULL, NULL);
  ok = login (fixture, "ANN@example.com", MMX_TEST_PASSWORD);
  mmx_assert_status (ok, 200);
  g_assert_cmpstr (mmx_test_response_string (ok, "tier"), ==, "free");

  /* A wrong password and an unknown address read the same. */
  wrong = login (fixture, "ann@example.com", "not the password");
  unknown = login (fixture, "nobody@example.com", "not the password");
  mmx_test_expect_error (wrong, 401, "invalid_credentials");
  mmx_test_expect_error (unknown, 401, "invalid_credentials");
  g_assert_true (g_bytes_equal (wrong->body, unknown->body));

  account = mmx_test_request (fixture->server, "GET", "/v1/account",
                              mmx_test_response_string (ok, "access_token"), NULL, NULL, 0);
  mmx_assert_status (account, 200);
  g_assert_cmpstr (mmx_test_response_string (account, "email"), ==, "ann@example.com");
  g_assert_cmpstr (mmx_test_response_string (account, "tier"), ==, "free");
  g_assert_true (g_str_has_prefix (mmx_test_response_string (account, "id"), "acc_"));

  anonymous = mmx_test_request (fixture->server, "GET", "/v1/account", NULL, NULL, NULL, 0);
  mmx_test_expect_error (anonymous, 401, "invalid_token");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (anonymous->headers, "www-authenticate"),
                                   "Bearer"));
}

static MmxTestResponse *
refresh (Fixture    *fixture,
         const char *token)
{
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", token);

  return post (fixture, "/v1/auth/refresh", NULL, body);
}

static void
test_refresh_and_logout (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autofree char *first = NULL;
  g_autoptr(MmxTestResponse) rotated = NULL;
  g_autoptr(MmxTestResponse) replayed = NULL;
  g_autoptr(MmxTestResponse) after_replay = NULL;
  g_autoptr(MmxTestResponse) session = NULL;
  g_autoptr(MmxTestResponse) logout = NULL;
  g_autoptr(MmxTestResponse) after_logout = NULL;
  g_autoptr(MmxTestResponse) garbage = NULL;
  g_autofree char *second = NULL;
  g_autofree char *body = NULL;

  mmx_test_signup (fixture->server, "ann@example.com", &access, &first);
  rotated = refresh (fixture, first);
  mmx_assert_status (rotated, 200);
  second = g_strdup (mmx_test_response_string (rotated, "refresh_token"));
  g_assert_cmpstr (second, !=, first);
  g_assert_nonnull (mmx_test_response_string (rotated, "access_token"));

  /* The first token again: the whole family ends. */
  replayed = refresh (fixture, first);
  mmx_test_expect_error (replayed, 401, "refresh_token_reused");
  after_replay = refresh (fixture, second);
  mmx_test_expect_error (after_replay, 401, "invalid_grant");

  garbage = refresh (fixture, "not-a-token");
  mmx_test_expect_error (garbage, 401, "invalid_grant");

  /* Log out: the session's refresh token stops working. */
  session = login (fixture, "ann@example.com", MMX_TEST_PASSWORD);
  body = g_strdup_printf ("{\"refresh_token\":\"%s\"}",
                          mmx_test_response_string (session, "refresh_token"));
  logout = post (fixture, "/v1/auth/logout", mmx_test_response_string (session, "access_token"),
                 body);
  mmx_assert_status (logout, 204);
  after_logout = refresh (fixture, mmx_test_response_string (session, "refresh_token"));
  mmx_test_expect_error (after_logout, 401, "invalid_grant");
}

static void
test_password_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autofree char *refresh_token = NULL;
  g_autoptr(MmxTestResponse) wrong = NULL;
  g_autoptr(MmxTestResponse) weak = NULL;
  g_autoptr(MmxTestResponse) changed = NULL;
  g_autoptr(MmxTestResponse) old_session = NULL;
  g_autoptr(MmxTestResponse) old_login = NULL;
  g_autoptr(MmxTestResponse) new_login = NULL;
  g_autoptr(MmxTestResponse) anonymous = NULL;

  mmx_test_signup (fixture->server, "ann@example.com", &access, &refresh_token);
  wrong = post (fixture, "/v1/auth/password", access,
                "{\"password\":\"not it at all\",\"new_password\":\"a brand new secret\"}");
  mmx_test_expect_error (wrong, 403, "invalid_credentials");
  weak = post (fixture, "/v1/auth/password", access,
               "{\"password\":\"" MMX_TEST_PASSWORD "\",\"new_password\":\"12345678\"}");
  mmx_test_expect_error (weak, 400, "weak_password");
  anonymous = post (fixture, "/v1/auth/password", NULL,
                    "{\"password\":\"" MMX_TEST_PASSWORD "\",\"new_password\":\"a brand new secret\"}");
  mmx_test_expect_error (anonymous, 401, "invalid_token");

  changed = post (fixture, "/v1/auth/password", access,
                  "{\"password\":\"" MMX_TEST_PASSWORD "\",\"new_password\":\"a brand new secret\"}");
  mmx_assert_status (changed, 200);
  g_assert_nonnull (mmx_test_response_string (changed, "refresh_token"));

  old_session = refresh (fixture, refresh_token);
  mmx_test_expect_error (old_session, 401, "invalid_grant");
  old_login = login (fixture, "ann@example.com", MMX_TEST_PASSWORD);
  mmx_test_expect_error (old_login, 401, "invalid_credentials");
  new_login = login (fixture, "ann@example.com", "a brand new secret");
  mmx_assert_status (new_login, 200);
}

static void
test_delete_account (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autoptr(MmxTestResponse) wrong = NULL;
  g_autoptr(MmxTestResponse) deleted = NULL;
  g_autoptr(MmxTestResponse) account = NULL;
  g_autoptr(MmxTestResponse) again = NULL;
  g_autoptr(MmxTestResponse) upload = NULL;

  mmx_test_signup (fixture->server, "ann@example.com", &access, NULL);
  upload = mmx_test_request (fixture->server, "PUT",
                             "/v1/sync/uploads/"
                             "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                             access, NULL, "hello", -1);
  mmx_assert_status (upload, 201);

  wrong = mmx_test_json (fixture->server, "DELETE", "/v1/account", access,
                         "{\"password\":\"not the password\"}");
  mmx_test_expect_error (wrong, 403, "invalid_credentials");
  deleted = mmx_test_json (fixture->server, "DELETE", "/v1/account", access,
                           "{\"password\":\"" MMX_TEST_PASSWORD "\"}");
  mmx_assert_status (deleted, 204);

  account = mmx_test_request (fixture->server, "GET", "/v1/account", access, NULL, NULL, 0);
  mmx_test_expect_error (account, 401, "invalid_token");
  again = login (fixture, "ann@example.com", MMX_TEST_PASSWORD);
  mmx_test_expect_error (again, 401, "invalid_credentials");
  /* The address is free again, with none of the old data. */
  g_clear_pointer (&access, g_free);
  mmx_test_signup (fixture->server, "ann@example.com", &access, NULL);
  g_clear_pointer (&upload, mmx_test_response_free);
  upload = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads?after=0", access, NULL,
                             NULL, 0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (upload->json), "uploads")), ==, 0);
}

static char *
activation_body (const char *key,
                 const char *machine)
{
  return g_strdup_printf ("{\"license_key\":\"%s\",\"machine\":\"%s\"}", key, machine);
}

static char *
fingerprint (guint n)
{
  g_autofree char *id = g_strdup_printf ("%032x", n + 1);

  return mmx_machine_fingerprint_for_id (id, NULL);
}

static void
test_licenses (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *key = mmx_test_create_license (fixture->server, "ann@example.com", 2);
  g_autofree char *other_key = mmx_test_create_license (fixture->server, "bob@example.com", 2);
  g_autofree char *m1 = fingerprint (1), *m2 = fingerprint (2), *m3 = fingerprint (3);
  g_autofree char *body = NULL;
  g_autofree char *public_keys = g_strconcat (fixture->server->key_file, ".pub", NULL);
  g_autofree char *listed = NULL;
  g_autofree char *lower_key = g_ascii_strdown (key, -1);
  g_autoptr(MmxKeyring) keyring = mmx_keyring_new ();
  g_autoptr(MmxLicense) license = NULL;
  g_autoptr(MmxTestResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *license_id;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  mmx_test_signup (fixture->server, "ann@example.com", &access, &refresh_token);
  body = activation_body (key, m1);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_assert_status (response, 200);

  /* The answer is the offline license file: the core checks it. */
  g_assert_true (mmx_keyring_load_file (keyring, public_keys, &error));
  license = mmx_license_verify (g_bytes_get_data (response->body, NULL),
                                g_bytes_get_size (response->body), keyring, m1, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (license->tier, ==, "premium");
  g_assert_cmpint (license->seats, ==, 2);
  g_assert_cmpint (license->expires - license->issued, ==, MMX_LICENSE_FILE_TTL_SECONDS);
  g_assert_true (mmx_license_has_entitlement (license, "optimizer"));
  g_assert_cmpint (license->license_expires, >, now + 364 * 24 * 3600);
  license_id = license->license_id;

  /* Not for another machine. */
  g_clear_pointer (&license, mmx_license_free);
  license = mmx_license_verify (g_bytes_get_data (response->body, NULL),
                                g_bytes_get_size (response->body), keyring, m2, now, 0, &error);
  g_assert_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_OTHER_MACHINE);
  g_clear_error (&error);
  license = mmx_license_verify (g_bytes_get_data (response->body, NULL),
                                g_bytes_get_size (response->body), keyring, m1, now, 0, &error);
  license_id = license->license_id;

  /* The next access token says premium. */
  g_clear_pointer (&response, mmx_test_response_free);
  response = refresh (fixture, refresh_token);
  g_assert_cmpstr (mmx_test_response_string (response, "tier"), ==, "premium");

  /* The same machine renews its seat; the key may be typed loosely. */
  g_clear_pointer (&body, g_free);
  body = activation_body (lower_key, m1);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_assert_status (response, 200);
  g_clear_pointer (&body, g_free);
  body = activation_body (key, m2);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_assert_status (response, 200);
  g_clear_pointer (&body, g_free);
  body = activation_body (key, m3);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_test_expect_error (response, 409, "seats_full");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/licenses", access, NULL, NULL, 0);
  mmx_assert_status (response, 200);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (response->json), "activations")), ==, 2);

  /* Deactivating frees the seat. */
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"license_id\":\"%s\",\"machine\":\"%s\"}", license_id, m2);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/deactivate", access, body);
  mmx_assert_status (response, 204);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/deactivate", access, body);
  mmx_test_expect_error (response, 404, "activation_not_found");
  g_clear_pointer (&body, g_free);
  body = activation_body (key, m3);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_assert_status (response, 200);

  /* Someone else's license, an unknown key, a malformed key, a raw id. */
  g_clear_pointer (&body, g_free);
  body = activation_body (other_key, m1);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_test_expect_error (response, 403, "license_forbidden");
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access,
                   "{\"license_key\":\"MMX-0000-0000-0000-0000-0000-0000-0000-0000\","
                   "\"machine\":\"0000000000000000000000000000000000000000000000000000000000000000\"}");
  mmx_test_expect_error (response, 404, "license_not_found");
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access,
                   "{\"license_key\":\"free premium please\",\"machine\":\"x\"}");
  mmx_test_expect_error (response, 400, "invalid_request");
  g_clear_pointer (&body, g_free);
  body = activation_body (key, "0123456789abcdef0123456789abcdef");
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_test_expect_error (response, 400, "invalid_request");
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", NULL, body);
  mmx_test_expect_error (response, 401, "invalid_token");

  /* The administrator sees the seats, and revokes. */
  listed = mmx_test_server_admin (fixture->server, 0, "license", "--db", fixture->server->db,
                                  "list", "--json", NULL);
  g_assert_nonnull (strstr (listed, "\"seats_used\" : 2"));
  g_clear_pointer (&listed, g_free);
  listed = mmx_test_server_admin (fixture->server, 0, "license", "list", "--db",
                                  fixture->server->db, NULL);
  g_assert_nonnull (strstr (listed, license_id));
  g_clear_pointer (&listed, g_free);
  listed = mmx_test_server_admin (fixture->server, 0, "license", "--db", fixture->server->db,
                                  "revoke", license_id, NULL);
  g_clear_pointer (&listed, g_free);
  listed = mmx_test_server_admin (fixture->server, 1, "license", "--db", fixture->server->db,
                                  "revoke", "lic_nope", NULL);
  g_clear_pointer (&listed, g_free);
  listed = mmx_test_server_admin (fixture->server, 2, "license", "--db", fixture->server->db,
                                  "create", "--email", "not-an-address", "--tier", "premium",
                                  NULL);
  g_clear_pointer (&listed, g_free);
  listed = mmx_test_server_admin (fixture->server, 2, "license", "--db", fixture->server->db,
                                  "create", "--email", "a@example.com", "--tier", "gold", NULL);
  g_clear_pointer (&body, g_free);
  body = activation_body (key, m1);
  g_clear_pointer (&response, mmx_test_response_free);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_test_expect_error (response, 403, "license_revoked");
}

/* Runs marketingmix-cli with its data in the test's folder. */
static int
run_cli (Fixture     *fixture,
         char       **out,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_build_filename (fixture->server->dir, "xdg-data", NULL);
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("MMX_CLI"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  return g_subprocess_get_exit_status (process);
}

static void
test_cli_license (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *here = mmx_machine_fingerprint (NULL);
  g_autofree char *printed = NULL;
  g_autofree char *access = NULL;
  g_autofree char *key = NULL;
  g_autofree char *body = NULL;
  g_autofree char *out = NULL;
  g_autofree char *path = g_build_filename (fixture->server->dir, "license.json", NULL);
  g_autofree char *tampered_path = g_build_filename (fixture->server->dir, "tampered.json", NULL);
  g_autofree char *public_keys = g_strconcat (fixture->server->key_file, ".pub", NULL);
  g_autoptr(GString) tampered = NULL;
  g_autoptr(MmxTestResponse) response = NULL;

  if (here == NULL)
    {
      g_test_skip ("This machine has no machine id.");
      return;
    }
  g_assert_cmpint (run_cli (fixture, &printed, "license", "--fingerprint", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (printed), ==, here);

  key = mmx_test_create_license (fixture->server, "ann@example.com", 1);
  mmx_test_signup (fixture->server, "ann@example.com", &access, NULL);
  body = activation_body (key, here);
  response = post (fixture, "/v1/licenses/activate", access, body);
  mmx_assert_status (response, 200);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (response->body, NULL),
                                      (gssize) g_bytes_get_size (response->body), NULL));

  /* The CLI checks it offline, with the server's public key. */
  g_assert_cmpint (run_cli (fixture, &out, "license", path, "--keys", public_keys, "--json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"tier\" : \"premium\""));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "license", path, NULL), ==, 1);
  g_clear_pointer (&out, g_free);

  tampered = g_string_new_len (g_bytes_get_data (response->body, NULL),
                               (gssize) g_bytes_get_size (response->body));
  tampered->str[tampered->len - 8] ^= 1;
  g_assert_true (g_file_set_contents (tampered_path, tampered->str, (gssize) tampered->len, NULL));
  g_assert_cmpint (run_cli (fixture, &out, "license", tampered_path, "--keys", public_keys, NULL),
                   ==, 1);
}

#define HELLO_SHA256 "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

static void
test_uploads (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const gzip_headers[] = { "Content-Encoding: gzip", NULL };
  static const char * const deflate_headers[] = { "Content-Encoding: br", NULL };
  g_autofree char *access = NULL;
  g_autoptr(MmxTestResponse) response = NULL;
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GBytes) world = g_bytes_new_static ("world", 5);
  g_autofree char *world_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, world);
  g_autofree char *world_path = g_strconcat ("/v1/sync/uploads/", world_sha, NULL);
  guint8 gzipped[256];
  gsize read = 0, written = 0;
  JsonArray *uploads;

  mmx_test_signup (fixture->server, "ann@example.com", &access, NULL);
  response = mmx_test_request (fixture->server, "PUT", "/v1/sync/uploads/" HELLO_SHA256, access,
                               NULL, "hello", -1);
  mmx_assert_status (response, 201);
  g_assert_cmpint (mmx_test_response_int (response, "seq"), ==, 1);
  g_assert_cmpint (mmx_test_response_int (response, "size"), ==, 5);

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", "/v1/sync/uploads/" HELLO_SHA256, access,
                               NULL, "hello", -1);
  mmx_assert_status (response, 200);
  g_assert_cmpint (mmx_test_response_int (response, "seq"), ==, 1);

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", "/v1/sync/uploads/" HELLO_SHA256, access,
                               NULL, "hellO", -1);
  mmx_test_expect_error (response, 400, "hash_mismatch");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", "/v1/sync/uploads/HELLO", access, NULL,
                               "hello", -1);
  mmx_test_expect_error (response, 400, "invalid_request");

  /* Gzipped: the hash is the batch's, decompressed. */
  g_converter_convert (G_CONVERTER (compressor), "world", 5, gzipped, sizeof gzipped,
                       G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", world_path, access, gzip_headers,
                               (const char *) gzipped, (gssize) written);
  mmx_assert_status (response, 201);
  g_assert_cmpint (mmx_test_response_int (response, "seq"), ==, 2);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", world_path, access, gzip_headers,
                               "not gzip", -1);
  mmx_test_expect_error (response, 400, "bad_request");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", world_path, access, deflate_headers,
                               "world", -1);
  mmx_test_expect_error (response, 415, "unsupported_media_type");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads?after=0", access, NULL,
                               NULL, 0);
  mmx_assert_status (response, 200);
  uploads = json_object_get_array_member (json_node_get_object (response->json), "uploads");
  g_assert_cmpint (json_array_get_length (uploads), ==, 2);
  g_assert_cmpint (mmx_test_response_int (response, "next_after"), ==, 2);

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads?after=0&limit=1", access,
                               NULL, NULL, 0);
  g_assert_cmpint (mmx_test_response_int (response, "next_after"), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (response->json), "more"));
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads?after=1", access, NULL,
                               NULL, 0);
  uploads = json_object_get_array_member (json_node_get_object (response->json), "uploads");
  g_assert_cmpint (json_array_get_length (uploads), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (uploads, 0),
                                                  "sha256"), ==, world_sha);

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads?after=-1", access, NULL,
                               NULL, 0);
  mmx_test_expect_error (response, 400, "invalid_request");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads?limit=100000", access,
                               NULL, NULL, 0);
  mmx_test_expect_error (response, 400, "invalid_request");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads/" HELLO_SHA256, access,
                               NULL, NULL, 0);
  mmx_assert_status (response, 200);
  g_assert_cmpmem (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body),
                   "hello", 5);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "x-sync-seq"), ==, "1");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET",
                               "/v1/sync/uploads/0000000000000000000000000000000000000000000000000000000000000000",
                               access, NULL, NULL, 0);
  mmx_test_expect_error (response, 404, "not_found");
}

static void
test_upload_limits (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const expect_continue[] = { "Expect: 100-continue", NULL };
  g_autofree char *access = NULL;
  g_autoptr(MmxTestResponse) response = NULL;
  g_autofree char *big = g_malloc0 (2 * 1024 * 1024);
  g_autoptr(GBytes) half = g_bytes_new_static (big, 700 * 1024);
  g_autofree char *half_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, half);
  g_autofree char *half_path = g_strconcat ("/v1/sync/uploads/", half_sha, NULL);
  g_autoptr(GBytes) other = g_bytes_new_static (big + 1, 700 * 1024 - 1);
  g_autofree char *other_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, other);
  g_autofree char *other_path = g_strconcat ("/v1/sync/uploads/", other_sha, NULL);

  /* Served with --max-upload 1 --quota 1 (MiB). The server answers 413
   * before it reads the body and closes the connection: a client that
   * waits for 100 Continue hears it, rather than failing to send. */
  mmx_test_signup (fixture->server, "ann@example.com", &access, NULL);
  response = mmx_test_request (fixture->server, "PUT", "/v1/sync/uploads/" HELLO_SHA256, access,
                               expect_continue, big, 2 * 1024 * 1024);
  mmx_test_expect_error (response, 413, "payload_too_large");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", half_path, access, NULL, big, 700 * 1024);
  mmx_assert_status (response, 201);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "PUT", other_path, access, NULL, big + 1,
                               700 * 1024 - 1);
  mmx_test_expect_error (response, 413, "quota_exceeded");
}

static void
test_metadata (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *ann = NULL;
  g_autofree char *bob = NULL;
  g_autoptr(MmxTestResponse) response = NULL;
  g_autoptr(GString) big = g_string_new ("{\"version\":0,\"value\":\"");
  JsonObject *current;

  mmx_test_signup (fixture->server, "ann@example.com", &ann, NULL);
  mmx_test_signup (fixture->server, "bob@example.com", &bob, NULL);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/channel-mappings", ann,
                            "{\"version\":0,\"value\":{\"fb\":\"Facebook\"}}");
  mmx_assert_status (response, 200);
  g_assert_cmpint (mmx_test_response_int (response, "version"), ==, 1);

  /* Another machine that saw nothing either loses, and gets the winner. */
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/channel-mappings", ann,
                            "{\"version\":0,\"value\":{\"fb\":\"Meta\"}}");
  mmx_test_expect_error (response, 409, "conflict");
  current = json_object_get_object_member (json_node_get_object (response->json), "current");
  g_assert_cmpint (json_object_get_int_member (current, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (current, "value"),
                                                  "fb"), ==, "Facebook");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/channel-mappings", ann,
                            "{\"version\":1,\"value\":{\"fb\":\"Meta\"}}");
  mmx_assert_status (response, 200);
  g_assert_cmpint (mmx_test_response_int (response, "version"), ==, 2);

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/metadata/channel-mappings", ann,
                               NULL, NULL, 0);
  mmx_assert_status (response, 200);
  g_assert_cmpint (mmx_test_response_int (response, "version"), ==, 2);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/metadata", ann, NULL, NULL, 0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (response->json), "metadata")), ==, 1);

  /* Bob has his own. */
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/metadata/channel-mappings", bob,
                               NULL, NULL, 0);
  mmx_test_expect_error (response, 404, "not_found");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/Bad%20Key", ann,
                            "{\"version\":0,\"value\":1}");
  mmx_test_expect_error (response, 400, "invalid_request");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/x", ann,
                            "{\"version\":-1,\"value\":1}");
  mmx_test_expect_error (response, 400, "invalid_request");
  while (big->len < 40000)
    g_string_append (big, "xxxxxxxxxx");
  g_string_append (big, "\"}");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/x", ann, big->str);
  mmx_test_expect_error (response, 400, "invalid_request");
}

static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Served with --auth-rate 0.01 --auth-burst 3. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MmxTestResponse) response = login (fixture, "ann@example.com", "whatever it is");

      mmx_test_expect_error (response, 401, "invalid_credentials");
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MmxTestResponse) response = login (fixture, "ann@example.com", "whatever it is");
      g_autoptr(MmxTestResponse) refreshed = refresh (fixture,
                                                      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

      mmx_test_expect_error (response, 429, "rate_limited");
      g_assert_cmpint (g_ascii_strtoll (g_hash_table_lookup (response->headers, "retry-after"),
                                        NULL, 10), >=, 1);
      mmx_test_expect_error (refreshed, 429, "rate_limited");
    }
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MmxTestResponse) locked = NULL;
  g_autoptr(MmxTestResponse) unknown_locked = NULL;

  mmx_test_signup (fixture->server, "ann@example.com", NULL, NULL);
  /* Five failures are free, the sixth locks, for accounts and unknown
   * addresses alike. */
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(MmxTestResponse) wrong = login (fixture, "ann@example.com", "wrong password");
      g_autoptr(MmxTestResponse) unknown = login (fixture, "ghost@example.com", "wrong password");

      mmx_test_expect_error (wrong, 401, "invalid_credentials");
      mmx_test_expect_error (unknown, 401, "invalid_credentials");
    }
  locked = login (fixture, "ann@example.com", MMX_TEST_PASSWORD);
  unknown_locked = login (fixture, "ghost@example.com", MMX_TEST_PASSWORD);
  mmx_test_expect_error (locked, 429, "too_many_attempts");
  mmx_test_expect_error (unknown_locked, 429, "too_many_attempts");
  g_assert_true (g_bytes_equal (locked->body, unknown_locked->body)
                 || g_str_equal (mmx_test_response_error (locked),
                                 mmx_test_response_error (unknown_locked)));
}

typedef struct
{
  MmxTestServer *server;
  gint           ok;
  gint           rejected;
  gint           busy;
  gint           other;
} Flood;

static gpointer
flood_worker (gpointer data)
{
  Flood *flood = data;
  g_autoptr(MmxTestResponse) response = NULL;

  response = mmx_test_json (flood->server, "POST", "/v1/auth/login", NULL,
                            "{\"email\":\"ann@example.com\",\"password\":\"" MMX_TEST_PASSWORD "\"}");
  if (response->status == 200)
    g_atomic_int_inc (&flood->ok);
  else if (response->status == 429)
    g_atomic_int_inc (&flood->busy);
  else if (response->status == 401)
    g_atomic_int_inc (&flood->rejected);
  else
    g_atomic_int_inc (&flood->other);
  return NULL;
}

static void
test_hash_queue (Fixture       *fixture,
                 gconstpointer  data)
{
  GThread *threads[24];
  Flood flood = { fixture->server, 0, 0, 0, 0 };

  /* Served with --hash-threads 1 --hash-queue 2: more logins at once than
   * that are answered 429 at once, never with a timeout or a 5xx. */
  mmx_test_signup (fixture->server, "ann@example.com", NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("flood", flood_worker, &flood);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_test_message ("%d ok, %d busy", flood.ok, flood.busy);
  g_assert_cmpint (flood.other, ==, 0);
  g_assert_cmpint (flood.rejected, ==, 0);
  g_assert_cmpint (flood.ok, >=, 1);
  g_assert_cmpint (flood.busy, >=, 1);
  g_assert_cmpint (flood.ok + flood.busy, ==, G_N_ELEMENTS (threads));
}

static void
test_access_log (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *log = NULL;
  g_autoptr(MmxTestResponse) response = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  mmx_test_signup (fixture->server, "ann@example.com", &access, &refresh_token);
  response = mmx_test_request (fixture->server, "GET", "/v1/account", access, NULL, NULL, 0);
  mmx_test_server_stop (fixture->server);

  g_assert_true (g_file_get_contents (fixture->server->log_file, &log, NULL, NULL));
  g_assert_null (strstr (log, MMX_TEST_PASSWORD));
  g_assert_null (strstr (log, access));
  g_assert_null (strstr (log, refresh_token));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) entry = NULL;
      JsonObject *object;

      if (*lines[i] == '\0')
        continue;
      entry = json_from_string (lines[i], NULL);
      g_assert_nonnull (entry);
      object = json_node_get_object (entry);
      g_assert_true (json_object_has_member (object, "request_id"));
      g_assert_true (json_object_has_member (object, "duration_ms"));
      if (g_str_equal (json_object_get_string_member (object, "path"), "/v1/account"))
        g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "account"),
                                         "acc_"));
      n++;
    }
  g_assert_cmpint (n, ==, 2);
}

static char *
stored_hash (MmxTestServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxServerStore) store = mmx_server_store_open (server->db, 1, &error);
  g_autoptr(MmxAccount) account = NULL;

  g_assert_no_error (error);
  account = mmx_server_store_find_account (store, "ann@example.com", 0, &error);
  g_assert_no_error (error);
  return g_strdup (account->password_hash);
}

static void
test_rehash (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const stronger[] = { "--argon2-memory=24", "--argon2-passes=3", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(MmxTestResponse) response = NULL;

  /* Signed up under OWASP's minimum, 19 MiB and 2 passes... */
  mmx_test_signup (fixture->server, "ann@example.com", NULL, NULL);
  before = stored_hash (fixture->server);
  g_assert_true (g_str_has_prefix (before, "$argon2id$v=19$m=19456,t=2,p=1$"));

  /* ...the next login after the parameters rise stores a new hash. */
  mmx_test_server_stop (fixture->server);
  mmx_test_server_start (fixture->server, stronger);
  response = login (fixture, "ann@example.com", MMX_TEST_PASSWORD);
  mmx_assert_status (response, 200);
  after = stored_hash (fixture->server);
  g_assert_true (g_str_has_prefix (after, "$argon2id$v=19$m=24576,t=3,p=1$"));
  g_clear_pointer (&response, mmx_test_response_free);
  response = login (fixture, "ann@example.com", MMX_TEST_PASSWORD);
  mmx_assert_status (response, 200);
}

static void
test_tls (void)
{
  g_autoptr(MmxTestServer) server = mmx_test_server_new ();
  g_autofree char *cert = g_build_filename (server->dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (server->dir, "key.pem", NULL);
  g_autofree char *cert_arg = g_strconcat ("--tls-cert=", cert, NULL);
  g_autofree char *key_arg = g_strconcat ("--tls-key=", key, NULL);
  const char * const tls_args[] = { cert_arg, key_arg, NULL };
  const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                            "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj",
                            "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxTestResponse) response = NULL;
  g_autofree char *plain = NULL;

  /* A small install serves HTTPS itself, with libmicrohttpd's GnuTLS. */
  process = g_subprocess_newv (openssl, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (process == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  mmx_test_server_start (server, tls_args);
  server->tls = TRUE;
  response = mmx_test_request (server, "GET", "/healthz", NULL, NULL, NULL, 0);
  mmx_assert_status (response, 200);

  /* Plain HTTP on the TLS port gets nothing served. */
  plain = mmx_test_raw (server, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                        strlen ("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  g_assert_false (g_str_has_prefix (plain, "HTTP/1.1 200"));
}

int
main (int    argc,
      char **argv)
{
  const char *prefix = mmx_test_database_is_postgres () ? "/mmx/server/http/postgresql"
                                                        : "/mmx/server/http/sqlite";
  static const char * const upload_limits[] = { "--max-upload=1", "--quota=1", NULL };
  static const char * const slow_auth[] = { "--auth-rate=0.01", "--auth-burst=3", NULL };
  static const char * const long_lockout[] = { "--lockout-seconds=600", NULL };
  static const char * const small_queue[] = { "--hash-threads=1", "--hash-queue=2",
                                              "--argon2-memory=32", "--argon2-passes=3", NULL };

  g_test_init (&argc, &argv, NULL);

#define ADD(name, args, func) \
  G_STMT_START { \
    g_autofree char *path = g_strconcat (prefix, "/", name, NULL); \
    g_test_add (path, Fixture, args, fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END
  ADD ("health", NULL, test_health);
  ADD ("signup", NULL, test_signup);
  ADD ("login", NULL, test_login);
  ADD ("refresh-and-logout", NULL, test_refresh_and_logout);
  ADD ("password-change", NULL, test_password_change);
  ADD ("delete-account", NULL, test_delete_account);
  ADD ("licenses", NULL, test_licenses);
  ADD ("cli-license", NULL, test_cli_license);
  ADD ("uploads", NULL, test_uploads);
  ADD ("upload-limits", upload_limits, test_upload_limits);
  ADD ("metadata", NULL, test_metadata);
  ADD ("rate-limit", slow_auth, test_rate_limit);
  ADD ("lockout", long_lockout, test_lockout);
  ADD ("hash-queue", small_queue, test_hash_queue);
  ADD ("access-log", NULL, test_access_log);
  ADD ("rehash", NULL, test_rehash);
#undef ADD
  {
    g_autofree char *path = g_strconcat (prefix, "/tls", NULL);

    g_test_add_func (path, test_tls);
  }

  return g_test_run ();
}
