/* mmx-test-server.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <curl/curl.h>
#include <gio/gio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "mmx-keyring.h"
#include "mmx-test-database.h"
#include "mmx-test-server.h"
#include "mmx-test-utils.h"

#define START_TIMEOUT_SECONDS 30

static const char *
server_binary (void)
{
  const char *path = g_getenv ("MMX_SERVER");

  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));
  return path;
}

/**
 * mmx_test_server_new:
 *
 * Returns: (transfer full): a server not yet started, with a fresh
 *   database (SQLite, or PostgreSQL under with-postgres.sh) and a key
 */
MmxTestServer *
mmx_test_server_new (void)
{
  MmxTestServer *server = g_new0 (MmxTestServer, 1);
  g_autofree char *out = NULL;

  server->dir = mmx_test_make_dir ();
  server->db = mmx_test_database_new (server->dir);
  server->key_file = g_build_filename (server->dir, "server.key", NULL);
  server->log_file = g_build_filename (server->dir, "access.log", NULL);
  out = mmx_test_server_admin (server, 0, "keygen", "--out", server->key_file, "--id", "test-key",
                               NULL);
  return server;
}

/* A test that fails takes its server down with it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
timeout_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/**
 * mmx_test_server_start:
 * @server: a server
 * @extra_args: (nullable): more options for `serve`
 *
 * Starts it on port 0 and reads the port it prints. Fast Argon2id
 * (OWASP's minimum) and generous rate limits, unless @extra_args says
 * otherwise: later options win.
 */
void
mmx_test_server_start (MmxTestServer      *server,
                       const char * const *extra_args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *line = NULL;
  guint timeout;

  g_assert_null (server->process);
  g_ptr_array_add (argv, (char *) server_binary ());
  g_ptr_array_add (argv, "serve");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, server->db);
  g_ptr_array_add (argv, "--key");
  g_ptr_array_add (argv, server->key_file);
  g_ptr_array_add (argv, "--listen");
  g_ptr_array_add (argv, "127.0.0.1:0");
  g_ptr_array_add (argv, "--access-log");
  g_ptr_array_add (argv, server->log_file);
  g_ptr_array_add (argv, "--argon2-memory=19");
  g_ptr_array_add (argv, "--hash-threads=2");
  g_ptr_array_add (argv, "--auth-rate=1000");
  g_ptr_array_add (argv, "--auth-burst=1000");
  g_ptr_array_add (argv, "--activation-rate=1000");
  g_ptr_array_add (argv, "--activation-burst=1000");
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                  &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  timeout = g_timeout_add_seconds (START_TIMEOUT_SECONDS, timeout_cb, cancellable);
  line = g_data_input_stream_read_line (lines, NULL, cancellable, &error);
  g_source_remove (timeout);
  if (line == NULL || !g_str_has_prefix (line, "Listening on port "))
    g_error ("The server did not start: %s", error != NULL ? error->message : line);
  server->port = (guint16) g_ascii_strtoull (line + strlen ("Listening on port "), NULL, 10);
  g_assert_cmpuint (server->port, >, 0);
}

static void
wait_for_exit (MmxTestServer *server,
               gboolean       must_succeed)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  /* A clean stop exits 0: with the sanitizers, a leak would not. */
  if (must_succeed)
    g_assert_true (g_subprocess_get_successful (server->process));
  g_clear_object (&server->process);
  server->port = 0;
}

/* Stops it as an administrator would, and checks it exited cleanly. */
void
mmx_test_server_stop (MmxTestServer *server)
{
  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  wait_for_exit (server, TRUE);
}

void
mmx_test_server_kill (MmxTestServer *server)
{
  g_assert_nonnull (server->process);
  g_subprocess_force_exit (server->process);
  wait_for_exit (server, FALSE);
}

void
mmx_test_server_free (MmxTestServer *server)
{
  if (server->process != NULL)
    {
      mmx_test_server_stop (server);
    }
  mmx_test_remove_dir (server->dir);
  g_free (server->dir);
  g_free (server->db);
  g_free (server->key_file);
  g_free (server->log_file);
  g_free (server);
}

/**
 * mmx_test_server_admin:
 * @server: a server
 * @expected_status: the exit status the command must have
 * @first_arg: the first argument, then more, then %NULL
 *
 * Runs marketingmix-server with these arguments.
 *
 * Returns: (transfer full): what it printed on standard output
 */
char *
mmx_test_server_admin (MmxTestServer *server,
                       int            expected_status,
                       const char    *first_arg,
                       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) server_binary ());
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != expected_status)
    g_error ("marketingmix-server %s exited with %d, not %d: %s", first_arg,
             g_subprocess_get_exit_status (process), expected_status, err);
  g_test_message ("%s", err);
  return g_steal_pointer (&out);
}

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  n,
          void   *user_data)
{
  g_byte_array_append (user_data, (const guint8 *) data, (guint) (size * n));
  return size * n;
}

static size_t
header_cb (char   *data,
           size_t  size,
           size_t  n,
           void   *user_data)
{
  g_autofree char *line = g_strndup (data, size * n);
  char *colon = strchr (line, ':');

  if (colon != NULL)
    {
      *colon = '\0';
      g_hash_table_replace (user_data, g_ascii_strdown (g_strstrip (line), -1),
                            g_strdup (g_strstrip (colon + 1)));
    }
  return size * n;
}

/**
 * mmx_test_request:
 * @server: a started server
 * @method: the method
 * @path: the path, with its query
 * @token: (nullable): an access token for `Authorization: Bearer`
 * @headers: (nullable): more headers, "Name: value"
 * @body: (nullable): the body
 * @length: its length, or -1 when nul-terminated
 *
 * Returns: (transfer full): the answer, with its JSON parsed when it is JSON
 */
static MmxTestResponse *
perform (MmxTestServer      *server,
         const char         *method,
         const char         *path,
         const char         *token,
         const char * const *headers,
         const char         *body,
         gssize              length,
         gboolean            must_answer)
{
  MmxTestResponse *response = g_new0 (MmxTestResponse, 1);
  g_autofree char *url = g_strdup_printf ("%s://127.0.0.1:%u%s", server->tls ? "https" : "http",
                                          server->port, path);
  g_autofree char *authorization = NULL;
  g_autoptr(GByteArray) received = g_byte_array_new ();
  struct curl_slist *list = NULL;
  const char *content_type;
  gboolean expect = FALSE;
  CURL *curl = curl_easy_init ();
  CURLcode rc;

  response->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, received);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, header_cb);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, response->headers);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  if (server->tls)
    {
      curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 0L);
      curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
  if (token != NULL)
    {
      authorization = g_strdup_printf ("Authorization: Bearer %s", token);
      list = curl_slist_append (list, authorization);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    {
      list = curl_slist_append (list, headers[i]);
      expect |= g_ascii_strncasecmp (headers[i], "Expect:", 7) == 0;
    }
  /* curl would send Expect: 100-continue for large bodies on its own;
   * only a test that asks for it gets it. */
  if (!expect)
    list = curl_slist_append (list, "Expect:");
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, list);
  if (body != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE_LARGE,
                        (curl_off_t) (length < 0 ? (gssize) strlen (body) : length));
    }
  else if (g_strcmp0 (method, "GET") == 0)
    curl_easy_setopt (curl, CURLOPT_HTTPGET, 1L);

  rc = curl_easy_perform (curl);
  if (rc != CURLE_OK && must_answer)
    g_error ("%s %s failed: %s", method, path, curl_easy_strerror (rc));
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &response->status);
  curl_slist_free_all (list);
  curl_easy_cleanup (curl);
  if (rc != CURLE_OK)
    {
      mmx_test_response_free (response);
      return NULL;
    }

  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&received));
  content_type = g_hash_table_lookup (response->headers, "content-type");
  if (g_strcmp0 (content_type, "application/json") == 0)
    {
      g_autoptr(GError) error = NULL;

      g_autoptr(JsonParser) parser = json_parser_new ();

      json_parser_load_from_data (parser, g_bytes_get_data (response->body, NULL),
                                  (gssize) g_bytes_get_size (response->body), &error);
      g_assert_no_error (error);
      response->json = json_parser_steal_root (parser);
    }
  return response;
}

MmxTestResponse *
mmx_test_request (MmxTestServer      *server,
                  const char         *method,
                  const char         *path,
                  const char         *token,
                  const char * const *headers,
                  const char         *body,
                  gssize              length)
{
  return perform (server, method, path, token, headers, body, length, TRUE);
}

/**
 * mmx_test_try_json:
 * @server: a server that may die at any moment
 * @method: the method
 * @path: the path
 * @token: (nullable): an access token
 * @body: (nullable): a JSON body
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL when the
 *   connection failed before one came
 */
MmxTestResponse *
mmx_test_try_json (MmxTestServer *server,
                   const char    *method,
                   const char    *path,
                   const char    *token,
                   const char    *body)
{
  static const char * const json_headers[] = { "Content-Type: application/json", NULL };

  return perform (server, method, path, token, body != NULL ? json_headers : NULL, body, -1,
                  FALSE);
}

/* A JSON request: the body, if any, as application/json. */
MmxTestResponse *
mmx_test_json (MmxTestServer *server,
               const char    *method,
               const char    *path,
               const char    *token,
               const char    *body)
{
  static const char * const json_headers[] = { "Content-Type: application/json", NULL };

  return mmx_test_request (server, method, path, token, body != NULL ? json_headers : NULL, body,
                           -1);
}

/**
 * mmx_test_raw:
 * @server: a started server
 * @request: bytes to send as they are
 * @length: how many
 *
 * For what curl would never send: writes @request on a new connection and
 * reads until the server closes it (or 10 s pass).
 *
 * Returns: (transfer full): all the server answered
 */
char *
mmx_test_raw (MmxTestServer *server,
              const char    *request,
              gsize          length)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  GInputStream *in;
  char buffer[4096];
  gssize n;

  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request,
                             length, NULL, NULL, &error);
  g_assert_no_error (error);
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (answer, (const guint8 *) buffer, (guint) n);
  g_byte_array_append (answer, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&answer), FALSE);
}

const char *
mmx_test_response_string (MmxTestResponse *response,
                          const char      *member)
{
  g_assert_nonnull (response->json);
  return json_object_get_string_member (json_node_get_object (response->json), member);
}

gint64
mmx_test_response_int (MmxTestResponse *response,
                       const char      *member)
{
  g_assert_nonnull (response->json);
  return json_object_get_int_member (json_node_get_object (response->json), member);
}

/* The code of an error answer, after checking it has the error shape. */
const char *
mmx_test_response_error (MmxTestResponse *response)
{
  JsonObject *error;

  g_assert_nonnull (response->json);
  error = json_object_get_object_member (json_node_get_object (response->json), "error");
  g_assert_nonnull (error);
  g_assert_nonnull (json_object_get_string_member (error, "message"));
  return json_object_get_string_member (error, "code");
}

/* Checks an error answer's status and code. */
void
mmx_test_expect_error (MmxTestResponse *response,
                       long             status,
                       const char      *code)
{
  mmx_assert_status (response, status);
  g_assert_cmpstr (mmx_test_response_error (response), ==, code);
}

void
mmx_test_response_free (MmxTestResponse *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_hash_table_unref (response->headers);
  if (response->json != NULL)
    json_node_unref (response->json);
  g_free (response);
}

void
mmx_test_signup (MmxTestServer  *server,
                 const char     *email,
                 char          **out_access,
                 char          **out_refresh)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email,
                                           MMX_TEST_PASSWORD);
  g_autoptr(MmxTestResponse) response = mmx_test_json (server, "POST", "/v1/auth/signup", NULL,
                                                       body);

  mmx_assert_status (response, 201);
  if (out_access != NULL)
    *out_access = g_strdup (mmx_test_response_string (response, "access_token"));
  if (out_refresh != NULL)
    *out_refresh = g_strdup (mmx_test_response_string (response, "refresh_token"));
}

/* Creates a license with the admin command; returns its key. */
char *
mmx_test_create_license (MmxTestServer *server,
                         const char    *email,
                         int            seats)
{
  g_autofree char *seats_text = g_strdup_printf ("%d", seats);
  g_autofree char *out = mmx_test_server_admin (server, 0, "license", "--db", server->db, "create",
                                                "--email", email, "--tier", "premium", "--seats",
                                                seats_text, "--days", "365", NULL);

  g_assert_true (g_str_has_prefix (out, "MMX-"));
  return g_strdup (g_strstrip (out));
}

/**
 * mmx_test_make_jws:
 * @header: the header's JSON, as it is
 * @claims: the claims' JSON
 * @secret_key: (nullable): an Ed25519 secret key; %NULL leaves the
 *   signature empty
 *
 * Returns: (transfer full): a compact JWS of anything at all, for attacks
 */
char *
mmx_test_make_jws (const char   *header,
                   const char   *claims,
                   const guint8 *secret_key)
{
  g_autofree char *header_b64 = mmx_key_encode ((const guint8 *) header, strlen (header));
  g_autofree char *claims_b64 = mmx_key_encode ((const guint8 *) claims, strlen (claims));
  g_autofree char *input = g_strconcat (header_b64, ".", claims_b64, NULL);
  g_autofree char *signature_b64 = NULL;
  guint8 signature[crypto_sign_BYTES];

  if (secret_key == NULL)
    return g_strconcat (input, ".", NULL);
  crypto_sign_detached (signature, NULL, (const guint8 *) input, strlen (input), secret_key);
  signature_b64 = mmx_key_encode (signature, sizeof signature);
  return g_strconcat (input, ".", signature_b64, NULL);
}
