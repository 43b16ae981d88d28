/* test-server-attacks.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mmx-license.h"
#include "mmx-machine-fingerprint.h"
#include "mmx-signing-key.h"
#include "mmx-test-database.h"
#include "mmx-test-server.h"

/* The negative suite: attacks on the real server over HTTP, each of
 * which must fail cleanly (the right 4xx, nothing stored, the server
 * still serving). Runs on SQLite and PostgreSQL. */

#define PROFILE_HEADER "{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"test-key\"}"
#define HELLO_SHA256 "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

typedef struct
{
  MmxTestServer *server;
  MmxSigningKey *key;
  char          *ann;
  char          *ann_refresh;
  char          *ann_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxTestResponse) account = NULL;

  fixture->server = mmx_test_server_new ();
  mmx_test_server_start (fixture->server, NULL);
  /* The attacker of these tests has the server's key, to sign tokens the
   * verifier must still refuse. */
  fixture->key = mmx_signing_key_load (fixture->server->key_file, &error);
  g_assert_no_error (error);
  mmx_test_signup (fixture->server, "ann@example.com", &fixture->ann, &fixture->ann_refresh);
  account = mmx_test_request (fixture->server, "GET", "/v1/account", fixture->ann, NULL, NULL, 0);
  fixture->ann_id = g_strdup (mmx_test_response_string (account, "id"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, mmx_test_server_free);
  g_clear_pointer (&fixture->key, mmx_signing_key_free);
  g_clear_pointer (&fixture->ann, g_free);
  g_clear_pointer (&fixture->ann_refresh, g_free);
  g_clear_pointer (&fixture->ann_id, g_free);
}

static void
expect_refused (Fixture    *fixture,
                const char *token)
{
  g_autoptr(MmxTestResponse) response = mmx_test_request (fixture->server, "GET", "/v1/account",
                                                          token, NULL, NULL, 0);

  g_test_message ("%s", token);
  mmx_test_expect_error (response, 401, "invalid_token");
}

static char *
claims (Fixture    *fixture,
        const char *iss,
        const char *aud,
        gint64      iat,
        gint64      exp)
{
  return g_strdup_printf ("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"iat\":%" G_GINT64_FORMAT
                          ",\"nbf\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT
                          ",\"jti\":\"x\",\"tier\":\"premium\"}", iss, aud, fixture->ann_id, iat,
                          iat, exp);
}

static void
test_tokens (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const guint8 *secret = mmx_signing_key_get_secret_key (fixture->key);
  g_autofree char *valid_claims = claims (fixture, "marketingmix-server", "marketingmix", now,
                                          now + 600);
  g_autofree char *expired_claims = claims (fixture, "marketingmix-server", "marketingmix",
                                            now - 1000, now - 100);
  g_autofree char *future_claims = claims (fixture, "marketingmix-server", "marketingmix",
                                           now + 3600, now + 3900);
  g_autofree char *audience_claims = claims (fixture, "marketingmix-server", "other-app", now,
                                             now + 600);
  g_autofree char *issuer_claims = claims (fixture, "https://evil.example", "marketingmix", now,
                                           now + 600);
  g_autofree char *valid = mmx_test_make_jws (PROFILE_HEADER, valid_claims, secret);
  g_autofree char *alg_none = mmx_test_make_jws ("{\"alg\":\"none\",\"typ\":\"at+jwt\","
                                                 "\"kid\":\"test-key\"}", valid_claims, NULL);
  g_autofree char *hs256 = mmx_test_make_jws ("{\"alg\":\"HS256\",\"typ\":\"at+jwt\","
                                              "\"kid\":\"test-key\"}", valid_claims, secret);
  g_autofree char *changed_header = mmx_test_make_jws ("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\","
                                                       "\"kid\":\"test-key\",\"x5u\":\"https://e.x\"}",
                                                       valid_claims, secret);
  g_autofree char *expired = mmx_test_make_jws (PROFILE_HEADER, expired_claims, secret);
  g_autofree char *future = mmx_test_make_jws (PROFILE_HEADER, future_claims, secret);
  g_autofree char *audience = mmx_test_make_jws (PROFILE_HEADER, audience_claims, secret);
  g_autofree char *issuer = mmx_test_make_jws (PROFILE_HEADER, issuer_claims, secret);
  g_autoptr(MmxSigningKey) attacker = mmx_signing_key_generate ("test-key");
  g_autofree char *forged = mmx_test_make_jws (PROFILE_HEADER, valid_claims,
                                               mmx_signing_key_get_secret_key (attacker));
  g_auto(GStrv) parts = g_strsplit (fixture->ann, ".", -1);
  g_autofree char *premium_b64 = mmx_key_encode ((const guint8 *) valid_claims,
                                                 strlen (valid_claims));
  g_autofree char *tampered_payload = g_strjoin (".", parts[0], premium_b64, parts[2], NULL);
  g_autofree char *tampered_signature = g_strdup (fixture->ann);
  static const char * const basic[] = { "Authorization: Basic YW5uOnBhc3N3b3Jk", NULL };
  g_autoptr(MmxTestResponse) response = NULL;

  /* The control: signed right, accepted. */
  response = mmx_test_request (fixture->server, "GET", "/v1/account", valid, NULL, NULL, 0);
  mmx_assert_status (response, 200);

  tampered_signature[strlen (tampered_signature) - 3] ^= 0x01;
  expect_refused (fixture, alg_none);
  expect_refused (fixture, hs256);
  expect_refused (fixture, changed_header);
  expect_refused (fixture, tampered_payload);
  expect_refused (fixture, tampered_signature);
  expect_refused (fixture, expired);
  expect_refused (fixture, future);
  expect_refused (fixture, audience);
  expect_refused (fixture, issuer);
  expect_refused (fixture, forged);
  expect_refused (fixture, "");
  expect_refused (fixture, "a.b.c");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/account", NULL, basic, NULL, 0);
  mmx_test_expect_error (response, 401, "invalid_token");
}

static MmxTestResponse *
refresh (Fixture    *fixture,
         const char *token)
{
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", token);

  return mmx_test_json (fixture->server, "POST", "/v1/auth/refresh", NULL, body);
}

static void
test_refresh_replay (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MmxTestResponse) legit = refresh (fixture, fixture->ann_refresh);
  g_autoptr(MmxTestResponse) thief = NULL;
  g_autoptr(MmxTestResponse) after = NULL;

  /* A thief replays the token the app already rotated: the family ends,
   * so the thief's and the app's next refresh both fail. */
  mmx_assert_status (legit, 200);
  thief = refresh (fixture, fixture->ann_refresh);
  mmx_test_expect_error (thief, 401, "refresh_token_reused");
  after = refresh (fixture, mmx_test_response_string (legit, "refresh_token"));
  mmx_test_expect_error (after, 401, "invalid_grant");
}

static void
test_cross_account (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *bob = NULL;
  g_autofree char *bob_refresh = NULL;
  g_autofree char *key = mmx_test_create_license (fixture->server, "ann@example.com", 2);
  g_autofree char *machine = mmx_machine_fingerprint_for_id ("0123456789abcdef0123456789abcdef",
                                                             NULL);
  g_autofree char *activation = g_strdup_printf ("{\"license_key\":\"%s\",\"machine\":\"%s\"}", key,
                                                 machine);
  g_autofree char *deactivation = NULL;
  g_autofree char *logout = g_strdup_printf ("{\"refresh_token\":\"%s\"}", fixture->ann_refresh);
  g_autoptr(MmxTestResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) file = NULL;
  const char *license_id;

  mmx_test_signup (fixture->server, "bob@example.com", &bob, &bob_refresh);

  /* Ann's data. */
  response = mmx_test_request (fixture->server, "PUT", "/v1/sync/uploads/" HELLO_SHA256, fixture->ann,
                               NULL, "hello", -1);
  mmx_assert_status (response, 201);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/scenarios", fixture->ann,
                            "{\"version\":0,\"value\":{\"secret\":true}}");
  mmx_assert_status (response, 200);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "POST", "/v1/licenses/activate", fixture->ann,
                            activation);
  mmx_assert_status (response, 200);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *envelope;
    guint8 payload[4096];
    gsize length = 0;
    const char *b64;

    g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (response->body, NULL),
                                               (gssize) g_bytes_get_size (response->body), NULL));
    envelope = json_node_get_object (json_parser_get_root (parser));
    b64 = json_object_get_string_member (envelope, "payload");
    g_assert_cmpint (sodium_base642bin (payload, sizeof payload, b64, strlen (b64), NULL, &length,
                                        NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING), ==, 0);
    g_autofree char *text = g_strndup ((const char *) payload, length);

    file = json_from_string (text, &error);
  }
  license_id = json_object_get_string_member (json_node_get_object (file), "license_id");

  /* Bob, naming Ann's things by their ids, reaches none of them. */
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads/" HELLO_SHA256, bob, NULL,
                               NULL, 0);
  mmx_test_expect_error (response, 404, "not_found");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/uploads?after=0", bob, NULL, NULL,
                               0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (response->json), "uploads")), ==, 0);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/metadata/scenarios", bob, NULL,
                               NULL, 0);
  mmx_test_expect_error (response, 404, "not_found");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "PUT", "/v1/sync/metadata/scenarios", bob,
                            "{\"version\":1,\"value\":{\"secret\":false}}");
  mmx_test_expect_error (response, 409, "conflict");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (response->json),
                                                               "current")));
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/licenses", bob, NULL, NULL, 0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (response->json), "activations")), ==, 0);
  deactivation = g_strdup_printf ("{\"license_id\":\"%s\",\"machine\":\"%s\"}", license_id, machine);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "POST", "/v1/licenses/deactivate", bob, deactivation);
  mmx_test_expect_error (response, 404, "activation_not_found");
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "POST", "/v1/licenses/activate", bob, activation);
  mmx_test_expect_error (response, 403, "license_forbidden");
  /* Bob logging out with Ann's refresh token ends nothing of hers. */
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "POST", "/v1/auth/logout", bob, logout);
  mmx_assert_status (response, 204);
  g_clear_pointer (&response, mmx_test_response_free);
  response = refresh (fixture, fixture->ann_refresh);
  mmx_assert_status (response, 200);

  /* Ann's things are all still there. */
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/sync/metadata/scenarios", fixture->ann,
                               NULL, NULL, 0);
  mmx_assert_status (response, 200);
  g_assert_cmpint (mmx_test_response_int (response, "version"), ==, 1);
}

static const char * const injections[] = {
  "' OR '1'='1",
  "'; DROP TABLE account; --",
  "\" OR \"\"=\"",
  "1; SELECT pg_sleep(5); --",
  "admin'--",
  "%27%20OR%201=1",
  "\\'; DELETE FROM license; --",
};

static void
test_sql_injection (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MmxTestResponse) response = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (injections); i++)
    {
      g_autoptr(GString) escaped = g_string_new (injections[i]);
      g_autofree char *email = NULL;
      g_autofree char *body = NULL;
      g_autofree char *path = NULL;
      g_autofree char *uri_escaped = g_uri_escape_string (injections[i], NULL, FALSE);

      g_string_replace (escaped, "\\", "\\\\", 0);
      g_string_replace (escaped, "\"", "\\\"", 0);

#define EXPECT_4XX(method, path_, token, json) \
  G_STMT_START { \
    g_clear_pointer (&response, mmx_test_response_free); \
    response = mmx_test_json (fixture->server, method, path_, token, json); \
    g_test_message ("%s %s: %ld", method, path_, response->status); \
    g_assert_cmpint (response->status, >=, 400); \
    g_assert_cmpint (response->status, <, 500); \
    g_assert_nonnull (mmx_test_response_error (response)); \
  } G_STMT_END

      body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", escaped->str, escaped->str);
      EXPECT_4XX ("POST", "/v1/auth/signup", NULL, body);
      EXPECT_4XX ("POST", "/v1/auth/login", NULL, body);
      g_free (body);
      body = g_strdup_printf ("{\"email\":\"ann@example.com\",\"password\":\"%s\"}", escaped->str);
      EXPECT_4XX ("POST", "/v1/auth/login", NULL, body);
      g_free (body);
      body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", escaped->str);
      EXPECT_4XX ("POST", "/v1/auth/refresh", NULL, body);
      g_free (body);
      body = g_strdup_printf ("{\"license_key\":\"%s\",\"machine\":\"%s\"}", escaped->str,
                              escaped->str);
      EXPECT_4XX ("POST", "/v1/licenses/activate", fixture->ann, body);
      g_free (body);
      body = g_strdup_printf ("{\"license_id\":\"%s\",\"machine\":\"%s\"}", escaped->str,
                              escaped->str);
      EXPECT_4XX ("POST", "/v1/licenses/deactivate", fixture->ann, body);
      path = g_strdup_printf ("/v1/sync/uploads/%s", uri_escaped);
      EXPECT_4XX ("GET", path, fixture->ann, NULL);
      g_free (path);
      path = g_strdup_printf ("/v1/sync/uploads?after=%s", uri_escaped);
      EXPECT_4XX ("GET", path, fixture->ann, NULL);
      g_free (path);
      path = g_strdup_printf ("/v1/sync/metadata/%s", uri_escaped);
      EXPECT_4XX ("PUT", path, fixture->ann, "{\"version\":0,\"value\":1}");

      /* A password may be anything: it is a value, stored as one. */
      email = g_strdup_printf ("user%u@example.com", i);
      g_free (body);
      body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s long enough\"}", email,
                              escaped->str);
      g_clear_pointer (&response, mmx_test_response_free);
      response = mmx_test_json (fixture->server, "POST", "/v1/auth/signup", NULL, body);
      mmx_assert_status (response, 201);
      g_clear_pointer (&response, mmx_test_response_free);
      response = mmx_test_json (fixture->server, "POST", "/v1/auth/login", NULL, body);
      mmx_assert_status (response, 200);
#undef EXPECT_4XX
    }

  /* Nothing was dropped or deleted. */
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/v1/account", fixture->ann, NULL, NULL, 0);
  mmx_assert_status (response, 200);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/healthz", NULL, NULL, NULL, 0);
  mmx_assert_status (response, 200);
}

static void
test_bodies (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const gzip_header[] = { "Content-Type: application/json",
                                              "Content-Encoding: gzip", NULL };
  static const char * const malformed[] = {
    "{", "}", "{\"email\":}", "{\"email\":\"a@b.c\",\"password\":\"x\"", "nul\0l",
    "{\"email\":\"a@b.c\",\"password\":\"x\"}{\"email\":\"b@b.c\"}",
    "{\"email\":\"\xc3\x28\",\"password\":\"12345678\"}",
    "{\"email\":\"a@b.c\",\"email\":\"b@b.c\",\"password\":\"12345678\"}",
    "{\"email\":\"a@b.c\",\"password\":\"\\u0000abcdefgh\"}",
    "{\"email\":\"a@b.c\",\"password\":1e99999}",
  };
  g_autoptr(MmxTestResponse) response = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *zeros = g_malloc0 (4 * 1024 * 1024);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autofree guint8 *bomb = g_malloc (64 * 1024);
  gsize read = 0, bomb_length = 0;
  g_autofree char *raw = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      /* Escaped: some bodies are not UTF-8, which TAP output must be. */
      g_autofree char *shown = g_strescape (malformed[i], NULL);

      g_clear_pointer (&response, mmx_test_response_free);
      response = mmx_test_request (fixture->server, "POST", "/v1/auth/login", NULL,
                                   (const char * const []) { "Content-Type: application/json", NULL },
                                   malformed[i], i == 4 ? 5 : -1);
      g_test_message ("%s: %ld", shown, response->status);
      mmx_assert_status (response, 400);
      g_assert_nonnull (mmx_test_response_error (response));
    }

  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, '[');
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_json (fixture->server, "POST", "/v1/auth/login", NULL, deep->str);
  mmx_test_expect_error (response, 400, "invalid_json");

  /* Too large before a byte of it is read, and once decompressed. */
  raw = mmx_test_raw (fixture->server,
                      "POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Content-Length: 10000000\r\n\r\n", 99);
  g_assert_true (g_str_has_prefix (raw, "HTTP/1.1 413"));
  g_converter_convert (G_CONVERTER (compressor), zeros, 4 * 1024 * 1024, bomb, 64 * 1024,
                       G_CONVERTER_INPUT_AT_END, &read, &bomb_length, NULL);
  g_assert_cmpint (read, ==, 4 * 1024 * 1024);
  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "POST", "/v1/auth/login", NULL, gzip_header,
                               (const char *) bomb, (gssize) bomb_length);
  mmx_test_expect_error (response, 413, "payload_too_large");

  g_clear_pointer (&response, mmx_test_response_free);
  response = mmx_test_request (fixture->server, "GET", "/healthz", NULL, NULL, NULL, 0);
  mmx_assert_status (response, 200);
}

static void
test_smuggling (Fixture       *fixture,
                gconstpointer  data)
{
  /* Content-Length and Transfer-Encoding together: one answer, then the
   * connection closes, so the smuggled second request is never read. */
  static const char both[] =
    "POST /v1/auth/refresh HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
    "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  static const char twice[] =
    "POST /v1/auth/refresh HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  static const char odd_encoding[] =
    "POST /v1/auth/refresh HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
  static const char no_host[] = "GET /healthz HTTP/1.1\r\n\r\n";
  static const char chunked_too_big_head[] =
    "POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "Transfer-Encoding: chunked\r\n\r\n";
  g_autofree char *answer = mmx_test_raw (fixture->server, both, sizeof both - 1);
  g_autofree char *answer_twice = mmx_test_raw (fixture->server, twice, sizeof twice - 1);
  g_autofree char *answer_odd = mmx_test_raw (fixture->server, odd_encoding,
                                              sizeof odd_encoding - 1);
  g_autofree char *answer_no_host = mmx_test_raw (fixture->server, no_host, sizeof no_host - 1);
  g_autoptr(GString) chunked = g_string_new (chunked_too_big_head);
  g_autofree char *answer_chunked = NULL;
  g_autoptr(MmxTestResponse) response = NULL;

  g_test_message ("%s", answer);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 400"));
  g_assert_null (strstr (answer + 1, "HTTP/1.1"));
  g_assert_true (g_str_has_prefix (answer_twice, "HTTP/1.1 400"));
  g_assert_null (strstr (answer_twice + 1, "HTTP/1.1"));
  g_assert_true (g_str_has_prefix (answer_odd, "HTTP/1.1 501")
                 || g_str_has_prefix (answer_odd, "HTTP/1.1 400"));
  g_assert_true (g_str_has_prefix (answer_no_host, "HTTP/1.1 400"));

  /* A chunked body that grows past the limit: cut off, nothing served. */
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (chunked, "400\r\n%s\r\n", (char *) memset (g_alloca (1025), 'x', 1024));
  g_string_append (chunked, "0\r\n\r\n");
  answer_chunked = mmx_test_raw (fixture->server, chunked->str, chunked->len);
  g_assert_false (g_str_has_prefix (answer_chunked, "HTTP/1.1 2"));

  response = mmx_test_request (fixture->server, "GET", "/healthz", NULL, NULL, NULL, 0);
  mmx_assert_status (response, 200);
}

typedef struct
{
  MmxTestServer *server;
  const char    *token;
  const char    *key;
  guint          index;
  gint          *ok;
  gint          *full;
  gint          *other;
} Racer;

static gpointer
racer_worker (gpointer data)
{
  Racer *racer = data;
  g_autofree char *id = g_strdup_printf ("%032x", racer->index + 100);
  g_autofree char *machine = mmx_machine_fingerprint_for_id (id, NULL);
  g_autofree char *body = g_strdup_printf ("{\"license_key\":\"%s\",\"machine\":\"%s\"}", racer->key,
                                           machine);
  g_autoptr(MmxTestResponse) response = mmx_test_json (racer->server, "POST",
                                                       "/v1/licenses/activate", racer->token, body);

  if (response->status == 200)
    g_atomic_int_inc (racer->ok);
  else if (response->status == 409)
    g_atomic_int_inc (racer->full);
  else
    g_atomic_int_inc (racer->other);
  return NULL;
}

static void
test_seat_race (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *key = mmx_test_create_license (fixture->server, "ann@example.com", 3);
  GThread *threads[16];
  Racer racers[G_N_ELEMENTS (threads)];
  gint ok = 0, full = 0, other = 0;
  g_autoptr(MmxTestResponse) listed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      racers[i] = (Racer) { fixture->server, fixture->ann, key, i, &ok, &full, &other };
      threads[i] = g_thread_new ("racer", racer_worker, &racers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (other, ==, 0);
  g_assert_cmpint (ok, ==, 3);
  g_assert_cmpint (full, ==, G_N_ELEMENTS (threads) - 3);
  listed = mmx_test_request (fixture->server, "GET", "/v1/licenses", fixture->ann, NULL, NULL, 0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (listed->json), "activations")), ==, 3);
}

static void
test_license_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *key = mmx_test_create_license (fixture->server, "ann@example.com", 1);
  g_autofree char *here = mmx_machine_fingerprint_for_id ("11111111111111111111111111111111", NULL);
  g_autofree char *elsewhere = mmx_machine_fingerprint_for_id ("22222222222222222222222222222222",
                                                               NULL);
  g_autofree char *body = g_strdup_printf ("{\"license_key\":\"%s\",\"machine\":\"%s\"}", key, here);
  g_autofree char *public_keys = g_strconcat (fixture->server->key_file, ".pub", NULL);
  g_autofree char *file_path = g_build_filename (fixture->server->dir, "license.json", NULL);
  g_autofree char *state_path = g_build_filename (fixture->server->dir, "license-seen", NULL);
  g_autofree char *future = NULL;
  g_autoptr(MmxKeyring) keyring = mmx_keyring_new ();
  g_autoptr(MmxTestResponse) response = NULL;
  g_autoptr(MmxLicense) license = NULL;
  g_autoptr(GError) error = NULL;

  response = mmx_test_json (fixture->server, "POST", "/v1/licenses/activate", fixture->ann, body);
  mmx_assert_status (response, 200);
  g_assert_true (g_file_set_contents (file_path, g_bytes_get_data (response->body, NULL),
                                      (gssize) g_bytes_get_size (response->body), NULL));
  g_assert_true (mmx_keyring_load_file (keyring, public_keys, &error));

  /* Copied to another machine. */
  license = mmx_license_check_file (file_path, keyring, elsewhere, state_path, &error);
  g_assert_null (license);
  g_assert_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_OTHER_MACHINE);
  g_clear_error (&error);

  /* On its machine it passes, once; then the clock is set back a day. */
  license = mmx_license_check_file (file_path, keyring, here, state_path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&license, mmx_license_free);
  future = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC + 24 * 3600);
  g_assert_true (g_file_set_contents (state_path, future, -1, NULL));
  license = mmx_license_check_file (file_path, keyring, here, state_path, &error);
  g_assert_null (license);
  g_assert_error (error, MMX_LICENSE_ERROR, MMX_LICENSE_ERROR_CLOCK_TURNED_BACK);
}

static void
test_paths (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const paths[] = {
    "/v1/../v1/account", "/v1/account/", "//v1/account", "/v1/account%00", "/V1/ACCOUNT",
    "/v1/sync/uploads/../../account",
  };

  /* Sent raw: curl would tidy the dot segments away. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: x\r\n"
                                                  "Authorization: Bearer %s\r\n"
                                                  "Connection: close\r\n\r\n", paths[i],
                                                  fixture->ann);
      g_autofree char *answer = mmx_test_raw (fixture->server, request, strlen (request));

      g_test_message ("%s: %.12s", paths[i], answer);
      g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 4"));
    }
}

int
main (int    argc,
      char **argv)
{
  const char *prefix = mmx_test_database_is_postgres () ? "/mmx/server/attacks/postgresql"
                                                        : "/mmx/server/attacks/sqlite";

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  G_STMT_START { \
    g_autofree char *path = g_strconcat (prefix, "/", name, NULL); \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END
  ADD ("tokens", test_tokens);
  ADD ("refresh-replay", test_refresh_replay);
  ADD ("cross-account", test_cross_account);
  ADD ("sql-injection", test_sql_injection);
  ADD ("bodies", test_bodies);
  ADD ("smuggling", test_smuggling);
  ADD ("seat-race", test_seat_race);
  ADD ("license-file", test_license_file);
  ADD ("paths", test_paths);
#undef ADD

  return g_test_run ();
}
