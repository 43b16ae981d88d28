/* main.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-server"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "mmx-date.h"
#include "mmx-email.h"
#include "mmx-json.h"
#include "mmx-keyring.h"
#include "mmx-secret.h"
#include "mmx-server.h"
#include "mmx-signing-key.h"

/* marketingmix-server: serve, and the administrator's commands. */

enum
{
  EXIT_OK = 0,
  EXIT_FAILURE_ = 1,
  EXIT_USAGE = 2,
};

#define DAY (24 * 3600)

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  if (context != NULL)
    g_printerr ("See “%s --help”.\n", g_get_prgname ());
  return EXIT_USAGE;
}

static int
failure (GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return EXIT_FAILURE_;
}

static gboolean
parse (GOptionContext  *context,
       int             *argc,
       char          ***argv,
       int             *out_status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_status = usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Descriptors for 1,000s of connections: take what the hard limit allows. */
static void
raise_file_limit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

/* An SQLite database gets a key beside it the first time, so that one
 * command starts a small server; several instances on PostgreSQL must
 * share one key, given with --key. */
static gboolean
ensure_key (MmxServerConfig  *config,
            GError          **error)
{
  g_autoptr(MmxSigningKey) key = NULL;
  g_autofree char *public_line = NULL;

  if (config->key_file != NULL)
    return TRUE;
  if (g_str_has_prefix (config->db, "postgres://") || g_str_has_prefix (config->db, "postgresql://"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           "With PostgreSQL, give the signing key that every instance shares "
                           "with --key FILE (make one with “marketingmix-server keygen”).");
      return FALSE;
    }
  config->key_file = g_strconcat (config->db, ".key", NULL);
  if (g_file_test (config->key_file, G_FILE_TEST_EXISTS))
    return TRUE;
  key = mmx_signing_key_generate (NULL);
  if (!mmx_signing_key_save (key, config->key_file, error))
    return FALSE;
  public_line = mmx_signing_key_dup_public_line (key);
  g_printerr ("Created the signing key %s; its public key is “%s”.\n", config->key_file,
              public_line);
  return TRUE;
}

static void
replace_string (char **field,
                char **value)
{
  if (*value == NULL)
    return;
  g_free (*field);
  *field = g_steal_pointer (value);
}

static int
serve (int    argc,
       char **argv)
{
  g_auto(MmxServerConfig) config = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new ("- serve accounts, licenses and sync");
  g_autoptr(MmxServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = NULL, *issuer = NULL, *audience = NULL, *access_log = NULL;
  g_auto(GStrv) proxies = NULL;
  int threads = -1, max_connections = -1, per_ip = -1, timeout = -1, hash_threads = -1;
  int hash_queue = -1, argon2_memory = -1, argon2_passes = -1, db_connections = -1;
  int max_upload_mib = -1, quota_mib = -1, lockout_after = -1, lockout_seconds = -1;
  double auth_rate = -1, auth_burst = -1, activation_rate = -1, activation_burst = -1;
  int status = EXIT_OK;
  guint sigint, sigterm;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_STRING, &config.db, "The database: an SQLite file, or postgres://USER@HOST:PORT/DATABASE", "DB" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Where to listen (default 127.0.0.1:8080; port 0 picks one)", "IP:PORT" },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &config.key_file, "The signing key (default: DB.key, made when missing)", "FILE" },
    { "trusted-keys", 0, 0, G_OPTION_ARG_FILENAME, &config.trusted_keys, "Further public keys that access tokens may be signed with", "FILE" },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, "The issuer of access tokens, the same on every instance", "NAME" },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience, "Their audience", "NAME" },
    { "access-log", 0, 0, G_OPTION_ARG_STRING, &access_log, "“-” (standard output, the default), “off” or a file", "WHERE" },
    { "common-passwords", 0, 0, G_OPTION_ARG_FILENAME, &config.common_passwords, "More passwords to refuse, one a line", "FILE" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &config.tls_cert, "Serve HTTPS with this PEM certificate chain", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &config.tls_key, "and this PEM key", "FILE" },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &proxies, "A reverse proxy whose X-Forwarded-For names the client", "IP" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, "Connection threads (default: one per core)", "N" },
    { "max-connections", 0, 0, G_OPTION_ARG_INT, &max_connections, "Open connections at most (default 10000)", "N" },
    { "max-connections-per-ip", 0, 0, G_OPTION_ARG_INT, &per_ip, "From one address (default 256; 0: no limit)", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, "Seconds a connection may stay idle (default 30)", "S" },
    { "hash-threads", 0, 0, G_OPTION_ARG_INT, &hash_threads, "Password hashes at once (default: one per core)", "N" },
    { "hash-queue", 0, 0, G_OPTION_ARG_INT, &hash_queue, "Logins that may wait for one; more get 429 (default: four per core)", "N" },
    { "argon2-memory", 0, 0, G_OPTION_ARG_INT, &argon2_memory, "Argon2id memory in MiB (default 64, at least 19)", "MIB" },
    { "argon2-passes", 0, 0, G_OPTION_ARG_INT, &argon2_passes, "Argon2id passes (default 2)", "N" },
    { "auth-rate", 0, 0, G_OPTION_ARG_DOUBLE, &auth_rate, "Signups, logins and refreshes per second from one address (default 1)", "R" },
    { "auth-burst", 0, 0, G_OPTION_ARG_DOUBLE, &auth_burst, "How many of them at once (default 20)", "N" },
    { "activation-rate", 0, 0, G_OPTION_ARG_DOUBLE, &activation_rate, "License activations and deactivations per second from one address (default 0.2)", "R" },
    { "activation-burst", 0, 0, G_OPTION_ARG_DOUBLE, &activation_burst, "How many of them at once (default 10)", "N" },
    { "lockout-after", 0, 0, G_OPTION_ARG_INT, &lockout_after, "Failed logins of an address before it is locked (default 5)", "N" },
    { "lockout-seconds", 0, 0, G_OPTION_ARG_INT, &lockout_seconds, "The first lock, doubled at each further failure up to 15 minutes (default 1)", "S" },
    { "db-connections", 0, 0, G_OPTION_ARG_INT, &db_connections, "Database connections (default: three per core)", "N" },
    { "max-upload", 0, 0, G_OPTION_ARG_INT, &max_upload_mib, "The largest sync upload, in MiB (default 16)", "MIB" },
    { "quota", 0, 0, G_OPTION_ARG_INT, &quota_mib, "What an account may store, in MiB (default 1024)", "MIB" },
    { NULL }
  };

  mmx_server_config_init (&config);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (context, "serve takes no arguments, only options.");
  if (config.db == NULL)
    return usage_error (context, "Name the database with --db FILE or --db postgres://….");
  if ((config.tls_cert == NULL) != (config.tls_key == NULL))
    return usage_error (context, "--tls-cert and --tls-key go together.");

  /* What was not given keeps its default. */
  replace_string (&config.listen, &listen);
  replace_string (&config.issuer, &issuer);
  replace_string (&config.audience, &audience);
  replace_string (&config.access_log, &access_log);
  config.trusted_proxies = g_steal_pointer (&proxies);
#define SET(field, value) if ((value) >= 0) config.field = (value)
  SET (limits.threads, threads);
  SET (limits.max_connections, max_connections);
  SET (limits.max_connections_per_ip, per_ip);
  SET (limits.connection_timeout, timeout);
  SET (limits.heavy_threads, hash_threads);
  SET (limits.heavy_queue, hash_queue);
  SET (argon2_memory_mib, argon2_memory);
  SET (argon2_passes, argon2_passes);
  SET (db_connections, db_connections);
  SET (auth_per_second, auth_rate);
  SET (auth_burst, auth_burst);
  SET (activation_per_second, activation_rate);
  SET (activation_burst, activation_burst);
  SET (lockout.free_attempts, lockout_after);
  SET (lockout.base_seconds, lockout_seconds);
  SET (max_upload, (gint64) max_upload_mib * 1024 * 1024);
  SET (quota, (gint64) quota_mib * 1024 * 1024);
#undef SET
  if (config.lockout.base_seconds < 1)
    return usage_error (context, "--lockout-seconds needs at least 1.");
  if (config.limits.threads == 0 || config.limits.heavy_threads == 0 || config.db_connections == 0)
    return usage_error (context, "--threads, --hash-threads and --db-connections need at least 1.");

  raise_file_limit ();
  if (!ensure_key (&config, &error))
    return failure (error);
  server = mmx_server_new (&config, &error);
  if (server == NULL || !mmx_server_start (server, &error))
    return failure (error);

  /* Signals are caught before the port is told: whoever read the line may
   * stop the server at once, and that must be a clean stop. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);

  /* Tests and scripts read this line for the port. */
  g_print ("Listening on port %u\n", mmx_server_get_port (server));
  fflush (stdout);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  return EXIT_OK;
}

static int
keygen (int    argc,
        char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- make a signing key pair");
  g_autoptr(MmxSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *public_path = NULL;
  g_autofree char *public_line = NULL;
  g_autofree char *public_text = NULL;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "The secret key file to write; FILE.pub gets the public key", "FILE" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &kid, "The key id (default: mmx-DATE-RANDOM)", "ID" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (out == NULL)
    return usage_error (context, "Name the key file with --out FILE.");
  if (kid != NULL && !mmx_key_id_is_valid (kid))
    return usage_error (context, "A key id is 1 to 64 letters, digits, “.”, “_” or “-”.");

  key = mmx_signing_key_generate (kid);
  public_line = mmx_signing_key_dup_public_line (key);
  public_path = g_strconcat (out, ".pub", NULL);
  public_text = g_strdup_printf ("%s\n", public_line);
  if (!mmx_signing_key_save (key, out, &error)
      || !g_file_set_contents (public_path, public_text, -1, &error))
    return failure (error);
  g_print ("Wrote the secret key %s and the public key %s:\n%s\n", out, public_path, public_line);
  g_print ("Build the app to trust it with -Dlicense_keys=%s:%s\n", mmx_signing_key_get_id (key),
           strchr (public_line, ' ') + 1);
  return EXIT_OK;
}

static MmxServerStore *
open_admin_store (const char  *db,
                  GError     **error)
{
  return mmx_server_store_open (db, 1, error);
}

static int
license_create (const char *db,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- create a license");
  g_autoptr(MmxServerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email_text = NULL;
  g_autofree char *email = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_hash = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *id = NULL;
  int seats = 1, days = 365;
  int status = EXIT_OK;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GOptionEntry entries[] = {
    { "email", 0, 0, G_OPTION_ARG_STRING, &email_text, "The customer's e-mail: only their account can activate it", "E" },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier, "The tier: premium", "TIER" },
    { "seats", 0, 0, G_OPTION_ARG_INT, &seats, "Machines it may be active on at once (default 1)", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "How long it lasts (default 365)", "D" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &status))
    return status;
  if (email_text == NULL)
    return usage_error (context, "Give the customer's address with --email.");
  email = mmx_email_normalize (email_text, &error);
  if (email == NULL)
    return usage_error (context, error->message);
  if (g_strcmp0 (tier, "premium") != 0)
    return usage_error (context, "The only tier is “premium”: give --tier premium.");
  if (seats < 1 || seats > 1000)
    return usage_error (context, "--seats must be from 1 to 1000.");
  if (days < 1 || days > 100 * 365)
    return usage_error (context, "--days must be from 1 to 36500.");

  store = open_admin_store (db, &error);
  if (store == NULL)
    return failure (error);
  key = mmx_secret_new_license_key ();
  normalized = mmx_secret_normalize_license_key (key);
  key_hash = mmx_secret_hash (normalized);
  id = mmx_server_store_create_license (store, key_hash, email, tier, seats, now,
                                        now + (gint64) days * DAY, &error);
  if (id == NULL)
    return failure (error);
  /* The key is shown once: the server keeps only its hash. */
  g_print ("%s\n", key);
  g_printerr ("Created %s for %s: %s, %d seat%s, %d days. Send the key above to the customer; "
              "it cannot be shown again.\n", id, email, tier, seats, seats == 1 ? "" : "s", days);
  return EXIT_OK;
}

static int
license_list (const char *db,
              int         argc,
              char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- list the licenses");
  g_autoptr(MmxServerStore) store = NULL;
  g_autoptr(GPtrArray) licenses = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!parse (context, &argc, &argv, &status))
    return status;
  store = open_admin_store (db, &error);
  if (store == NULL)
    return failure (error);
  licenses = mmx_server_store_list_licenses (store, &error);
  if (licenses == NULL)
    return failure (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "licenses");
      json_builder_begin_array (builder);
      for (guint i = 0; i < licenses->len; i++)
        {
          MmxLicenseRecord *record = g_ptr_array_index (licenses, i);

          json_builder_begin_object (builder);
          mmx_json_add_string (builder, "id", record->id);
          mmx_json_add_string (builder, "email", record->email);
          mmx_json_add_string (builder, "tier", record->tier);
          mmx_json_add_int (builder, "seats", record->seats);
          mmx_json_add_int (builder, "seats_used", record->seats_used);
          mmx_json_add_int (builder, "created", record->created);
          mmx_json_add_int (builder, "expires", record->expires);
          mmx_json_add_boolean (builder, "revoked", record->revoked != 0);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      text = mmx_json_to_string (builder, TRUE);
      g_print ("%s\n", text);
      return EXIT_OK;
    }

  g_print ("%-36s  %-28s  %-8s  %-6s  %-10s  %s\n", "ID", "E-MAIL", "TIER", "SEATS", "EXPIRES",
           "STATE");
  for (guint i = 0; i < licenses->len; i++)
    {
      MmxLicenseRecord *record = g_ptr_array_index (licenses, i);
      g_autofree char *expires = mmx_date_unix_to_iso (record->expires);
      g_autofree char *seats = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                record->seats_used, record->seats);

      g_print ("%-36s  %-28s  %-8s  %-6s  %-10s  %s\n", record->id, record->email, record->tier,
               seats, expires, record->revoked != 0 ? "revoked" : "active");
    }
  return EXIT_OK;
}

static int
license_revoke (const char *db,
                int         argc,
                char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("LICENSE-ID - revoke a license");
  g_autoptr(MmxServerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (context, "Name the license to revoke: license revoke LICENSE-ID.");
  store = open_admin_store (db, &error);
  if (store == NULL)
    return failure (error);
  if (!mmx_server_store_revoke_license (store, argv[1], g_get_real_time () / G_USEC_PER_SEC,
                                        &error))
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
        {
          g_printerr ("%s: There is no license %s; see “license list”.\n", g_get_prgname (),
                      argv[1]);
          return EXIT_FAILURE_;
        }
      return failure (error);
    }
  g_printerr ("Revoked %s: it cannot be activated again, and its offline files expire within "
              "30 days.\n", argv[1]);
  return EXIT_OK;
}

static int
license (int    argc,
         char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *prgname = NULL;
  int i = 1;

  /* license [--db DB] create|list|revoke …, --db also after the verb. */
  for (int j = 1; j < argc; j++)
    if ((strcmp (argv[j], "--db") == 0 && j + 1 < argc) || g_str_has_prefix (argv[j], "--db="))
      {
        const char *value = argv[j][4] == '=' ? argv[j] + 5 : argv[j + 1];
        int width = argv[j][4] == '=' ? 1 : 2;

        g_free (db);
        db = g_strdup (value);
        memmove (argv + j, argv + j + width, (argc - j - width + 1) * sizeof (char *));
        argc -= width;
        j--;
      }
  if (i >= argc || strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
    {
      g_print ("Usage:\n  marketingmix-server license --db DB create --email E --tier premium "
               "--seats N --days D\n  marketingmix-server license --db DB list [--json]\n"
               "  marketingmix-server license --db DB revoke LICENSE-ID\n");
      return i >= argc ? EXIT_USAGE : EXIT_OK;
    }
  if (db == NULL)
    return usage_error (NULL, "Name the database with --db.");

  prgname = g_strdup_printf ("marketingmix-server license %s", argv[i]);
  g_set_prgname (prgname);
  if (strcmp (argv[i], "create") == 0)
    return license_create (db, argc - i, argv + i);
  if (strcmp (argv[i], "list") == 0)
    return license_list (db, argc - i, argv + i);
  if (strcmp (argv[i], "revoke") == 0)
    return license_revoke (db, argc - i, argv + i);
  return usage_error (NULL, "license commands are create, list and revoke.");
}

static void
print_help (void)
{
  g_print ("Usage:\n  marketingmix-server COMMAND [OPTION…]\n\n"
           "Accounts, Premium licenses and sync for MarketingMix.\n\n"
           "Commands:\n"
           "  serve      serve the HTTP API (serve --help for its options)\n"
           "  keygen     make the signing key pair\n"
           "  license    create, list and revoke licenses\n\n"
           "  --version  print the version\n");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *prgname = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("marketingmix-server");
  if (sodium_init () < 0)
    {
      g_printerr ("marketingmix-server: libsodium cannot start.\n");
      return EXIT_FAILURE_;
    }

  if (argc < 2)
    {
      print_help ();
      return EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_help ();
      return EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("marketingmix-server %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  prgname = g_strdup_printf ("marketingmix-server %s", argv[1]);
  g_set_prgname (prgname);
  if (strcmp (argv[1], "serve") == 0)
    return serve (argc - 1, argv + 1);
  if (strcmp (argv[1], "keygen") == 0)
    return keygen (argc - 1, argv + 1);
  if (strcmp (argv[1], "license") == 0)
    return license (argc - 1, argv + 1);
  g_set_prgname ("marketingmix-server");
  return usage_error (NULL, "Unknown command; the commands are serve, keygen and license.");
}
