/* test-cli.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "mmx-test-mmm-data.h"
#include "mmx-test-utils.h"

/* Integration tests of marketingmix-cli: they run the real binary ($MMX_CLI)
 * on the CSV files of tests/data/cli, each test on a database of its own in
 * a temporary folder, and check the JSON it prints, its exit status (0 ok,
 * 1 unusable file or failure, 2 bad usage) and what it says on stderr. */

/* The crash-safety test imports this many rows. It must be large enough
 * that SQLite spills the open transaction into the WAL long before it
 * commits: the store's 32 MiB page cache holds a smaller import whole until
 * the commit, which leaves almost no time to kill it mid-transaction. */
#define BIG_DAYS      6000
#define BIG_CHANNELS  200
#define BIG_ROWS      (BIG_DAYS * BIG_CHANNELS)

/* The import is known to be writing its transaction once the WAL is this
 * big; the small files imported before it never make it grow so far. */
#define WAL_THRESHOLD (1024 * 1024)

/* How long to wait for that at most, so a broken build fails, not hangs. */
#define WAL_DEADLINE_SECONDS 60

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* What the CLI shows of a database. */
typedef struct
{
  gint64 rows;
  double spend;
  guint  n_imports;
  guint  n_channels;
} DbState;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = mmx_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "cli.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mmx_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

/* `--db DB` when @with_db, then @args. */
static GPtrArray *
build_args (Fixture            *fixture,
            gboolean            with_db,
            const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();

  if (with_db)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, fixture->db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Runs the CLI to its end; @mmx_db, when given, is set as $MMX_DB. */
static void
run_cli_argv (Fixture            *fixture,
              gboolean            with_db,
              const char         *mmx_db,
              const char * const *args,
              MmxTestCliResult   *result)
{
  g_autoptr(GPtrArray) all = build_args (fixture, with_db, args);

  mmx_test_run_cli (fixture->dir, mmx_db, (const char * const *) all->pdata, result);
}

static void run_cli (Fixture    *fixture,
                     MmxTestCliResult  *result,
                     const char *first_arg,
                     ...) G_GNUC_NULL_TERMINATED;

/* Runs `marketingmix-cli --db DB ARGS…`. */
static void
run_cli (Fixture    *fixture,
         MmxTestCliResult  *result,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (fixture, TRUE, NULL, (const char * const *) args->pdata, result);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_nonnull (text);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
get_file_summary (JsonObject *root,
                  guint       index)
{
  JsonArray *files;

  g_assert_true (json_object_has_member (root, "files"));
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (index, <, json_array_get_length (files));
  return json_array_get_object_element (files, index);
}

static gint64
get_int (JsonObject *object,
         const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_false (json_object_get_null_member (object, member));
  return json_object_get_int_member (object, member);
}

static double
get_number (JsonObject *object,
            const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_false (json_object_get_null_member (object, member));
  return json_object_get_double_member (object, member);
}

static void
assert_number (JsonObject *object,
               const char *member,
               double      expected)
{
  g_assert_cmpfloat_with_epsilon (get_number (object, member), expected, 1e-9);
}

static void
assert_null (JsonObject *object,
             const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_true (json_object_get_null_member (object, member));
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_false (json_object_get_null_member (object, member));
  return json_object_get_string_member (object, member);
}

static void
assert_strings (JsonObject         *object,
                const char         *member,
                const char * const *expected)
{
  JsonArray *array;
  guint n;

  g_assert_true (json_object_has_member (object, member));
  array = json_object_get_array_member (object, member);
  n = json_array_get_length (array);
  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

/* An error on stderr is one line, a sentence naming what went wrong. */
static void
assert_one_line (const char *text)
{
  const char *newline;

  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "marketingmix-cli"));
  newline = strchr (text, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
}

static JsonObject *
import_json (Fixture    *fixture,
             const char *name,
             int         expected_status)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path (name);

  run_cli (fixture, &result, "import", path, "--json", NULL);
  g_assert_cmpint (result.status, ==, expected_status);
  return parse_object (result.out);
}

/* `kpis --json`, with --from and --to when given. */
static JsonObject *
kpis_json (Fixture    *fixture,
           const char *from,
           const char *to)
{
  g_auto(MmxTestCliResult) result = { 0 };
  const char *args[7] = { "kpis", "--json", NULL };
  guint n = 2;

  if (from != NULL)
    {
      args[n++] = "--from";
      args[n++] = from;
    }
  if (to != NULL)
    {
      args[n++] = "--to";
      args[n++] = to;
    }
  run_cli_argv (fixture, TRUE, NULL, args, &result);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  return parse_object (result.out);
}

static JsonObject *
find_named (JsonObject *root,
            const char *array_member,
            const char *name)
{
  JsonArray *array = json_object_get_array_member (root, array_member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "name"), name) == 0)
        return object;
    }
  return NULL;
}

static guint
array_length (JsonObject *root,
              const char *member)
{
  g_assert_true (json_object_has_member (root, member));
  return json_array_get_length (json_object_get_array_member (root, member));
}

static JsonObject *
list_json (Fixture    *fixture,
           const char *command)
{
  g_auto(MmxTestCliResult) result = { 0 };

  run_cli (fixture, &result, command, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  return parse_object (result.out);
}

static void
read_state (Fixture *fixture,
            DbState *state)
{
  g_autoptr(JsonObject) kpis = kpis_json (fixture, NULL, NULL);
  g_autoptr(JsonObject) imports = list_json (fixture, "imports");
  g_autoptr(JsonObject) channels = list_json (fixture, "channels");
  JsonArray *array = json_object_get_array_member (channels, "channels");

  state->spend = get_number (kpis, "spend");
  state->n_imports = array_length (imports, "imports");
  state->n_channels = json_array_get_length (array);
  state->rows = 0;
  for (guint i = 0; i < state->n_channels; i++)
    state->rows += get_int (json_array_get_object_element (array, i), "rows");
}

/* A long file: one row per date and channel. */
static void
test_import_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) root = import_json (fixture, "long.csv", 0);
  JsonObject *file = get_file_summary (root, 0);
  const char * const channels[] = { "Facebook Ads", "Google Ads", "Podcast", NULL };

  g_assert_cmpuint (array_length (root, "files"), ==, 1);
  g_assert_cmpstr (get_string (file, "file"), ==, "long.csv");
  g_assert_cmpstr (get_string (file, "shape"), ==, "long");
  g_assert_cmpstr (get_string (file, "granularity"), ==, "daily");
  g_assert_cmpint (get_int (file, "inserted"), ==, 9);
  g_assert_cmpint (get_int (file, "updated"), ==, 0);
  g_assert_cmpint (get_int (file, "rejected"), ==, 0);
  g_assert_cmpuint (array_length (file, "errors"), ==, 0);
  g_assert_cmpstr (get_string (file, "first_date"), ==, "2024-01-01");
  g_assert_cmpstr (get_string (file, "last_date"), ==, "2024-01-03");
  assert_strings (file, "channels", channels);
  g_assert_false (json_object_has_member (file, "error"));
}

/* A wide file with weekly dates: a spend column per channel, the revenue
 * for all of them together. */
static void
test_import_wide (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) root = import_json (fixture, "wide-weekly.csv", 0);
  JsonObject *file = get_file_summary (root, 0);
  g_autoptr(JsonObject) kpis = NULL;
  JsonObject *channel;
  const char * const channels[] = { "Facebook Ads", "Google Ads", "TV", NULL };

  g_assert_cmpstr (get_string (file, "shape"), ==, "wide");
  g_assert_cmpstr (get_string (file, "granularity"), ==, "weekly");
  g_assert_cmpint (get_int (file, "inserted"), ==, 3);
  g_assert_cmpint (get_int (file, "updated"), ==, 0);
  g_assert_cmpint (get_int (file, "rejected"), ==, 0);
  g_assert_cmpuint (array_length (file, "errors"), ==, 0);
  assert_strings (file, "channels", channels);

  kpis = kpis_json (fixture, NULL, NULL);
  assert_number (kpis, "spend", 750);
  assert_number (kpis, "revenue", 3000);
  assert_number (kpis, "roas", 4);
  channel = find_named (kpis, "channels", "TV");
  g_assert_nonnull (channel);
  assert_number (channel, "spend", 300);
  assert_number (channel, "spend_share", 0.4);
  assert_null (channel, "roas");

  /* The revenue nobody attributed has no spend, so no ROAS. */
  channel = find_named (kpis, "channels", "Unattributed");
  g_assert_nonnull (channel);
  g_assert_true (json_object_get_boolean_member (channel, "unattributed"));
  assert_number (channel, "revenue", 3000);
  assert_number (channel, "spend", 0);
  assert_null (channel, "roas");
}

static void
assert_issue (JsonObject *file,
              guint       index,
              gint64      row,
              const char *column)
{
  JsonArray *errors = json_object_get_array_member (file, "errors");
  JsonObject *issue = json_array_get_object_element (errors, index);
  const char *message = get_string (issue, "message");

  g_assert_cmpint (get_int (issue, "row"), ==, row);
  if (column != NULL)
    g_assert_cmpstr (get_string (issue, "column"), ==, column);
  else
    assert_null (issue, "column");
  g_assert_cmpuint (strlen (message), >, 0);
  g_assert_null (strchr (message, '\n'));
}

/* Valid rows are imported, the others listed with row, column and why. */
static void
test_import_bad_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) root = import_json (fixture, "bad-rows.csv", 0);
  JsonObject *file = get_file_summary (root, 0);
  g_autoptr(JsonObject) kpis = NULL;

  g_assert_cmpint (get_int (file, "inserted"), ==, 2);
  g_assert_cmpint (get_int (file, "updated"), ==, 0);
  g_assert_cmpint (get_int (file, "rejected"), ==, 5);
  g_assert_cmpuint (array_length (file, "errors"), ==, 5);
  assert_issue (file, 0, 3, "date");     /* 2024-02-30 */
  assert_issue (file, 1, 4, "channel");  /* empty */
  assert_issue (file, 2, 5, "spend");    /* abc */
  assert_issue (file, 3, 6, "spend");    /* -5 */
  assert_issue (file, 4, 7, NULL);       /* too few fields */

  kpis = kpis_json (fixture, NULL, NULL);
  assert_number (kpis, "spend", 120);
  assert_number (kpis, "revenue", 310);
}

/* Not a single row to import: a failure, with the reasons. */
static void
test_import_only_bad_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) root = import_json (fixture, "only-bad-rows.csv", 1);
  JsonObject *file = get_file_summary (root, 0);
  g_autoptr(JsonObject) kpis = NULL;

  g_assert_cmpint (get_int (file, "inserted"), ==, 0);
  g_assert_cmpint (get_int (file, "updated"), ==, 0);
  g_assert_cmpint (get_int (file, "rejected"), ==, 3);
  g_assert_cmpuint (array_length (file, "errors"), ==, 3);
  assert_issue (file, 0, 2, "date");
  assert_issue (file, 1, 3, "date");
  assert_issue (file, 2, 4, "spend");

  kpis = kpis_json (fixture, NULL, NULL);
  assert_null (kpis, "from");
  assert_number (kpis, "spend", 0);
  g_assert_cmpuint (array_length (kpis, "channels"), ==, 0);
}

/* A CSV file without a date column: exit 1, one sentence on stderr, and
 * the JSON names the file and the error. */
static void
test_import_unusable (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path ("unusable.csv");
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) imports = NULL;
  JsonObject *file;
  const char *message;

  run_cli (fixture, &result, "import", path, "--json", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_true (g_str_has_suffix (result.err, ".\n"));
  g_assert_nonnull (strstr (result.err, "unusable.csv"));

  root = parse_object (result.out);
  file = get_file_summary (root, 0);
  g_assert_cmpstr (get_string (file, "file"), ==, "unusable.csv");
  message = get_string (file, "error");
  g_assert_cmpuint (strlen (message), >, 0);
  g_assert_nonnull (strstr (result.err, message));
  g_assert_cmpint (get_int (file, "inserted"), ==, 0);

  imports = list_json (fixture, "imports");
  g_assert_cmpuint (array_length (imports, "imports"), ==, 0);
}

static void
test_import_missing_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-file.csv", NULL);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *file;

  run_cli (fixture, &result, "import", path, "--json", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "no-such-file.csv"));

  root = parse_object (result.out);
  file = get_file_summary (root, 0);
  g_assert_cmpuint (strlen (get_string (file, "error")), >, 0);

  /* Without --json, the same. */
  run_cli (fixture, &result, "import", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
}

/* Importing the same file again replaces its rows: nothing doubles. */
static void
test_import_idempotent (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JsonObject) first = import_json (fixture, "long.csv", 0);
  g_autoptr(JsonObject) second = import_json (fixture, "long.csv", 0);
  JsonObject *file = get_file_summary (second, 0);
  g_autoptr(JsonObject) kpis = NULL;
  DbState state;

  g_assert_cmpint (get_int (get_file_summary (first, 0), "inserted"), ==, 9);
  g_assert_cmpint (get_int (file, "inserted"), ==, 0);
  g_assert_cmpint (get_int (file, "updated"), ==, 9);
  g_assert_cmpint (get_int (file, "rejected"), ==, 0);

  kpis = kpis_json (fixture, NULL, NULL);
  assert_number (kpis, "spend", 400);
  assert_number (kpis, "revenue", 1340);
  assert_number (kpis, "conversions", 46);

  read_state (fixture, &state);
  g_assert_cmpint (state.rows, ==, 9);
  g_assert_cmpuint (state.n_imports, ==, 2);
}

/* long.csv, by hand:
 *               spend  revenue  conversions
 *   Facebook Ads  300      830           30
 *   Google Ads    100      360           10
 *   Podcast         0      150            6
 *   total         400     1340           46 */
static void
test_kpis_totals (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) import = import_json (fixture, "long.csv", 0);
  g_autoptr(JsonObject) kpis = kpis_json (fixture, NULL, NULL);
  JsonObject *channel;

  g_assert_cmpstr (get_string (kpis, "from"), ==, "2024-01-01");
  g_assert_cmpstr (get_string (kpis, "to"), ==, "2024-01-03");
  assert_number (kpis, "spend", 400);
  assert_number (kpis, "revenue", 1340);
  assert_number (kpis, "roas", 1340.0 / 400.0);
  assert_number (kpis, "conversions", 46);
  g_assert_cmpuint (array_length (kpis, "channels"), ==, 3);

  channel = find_named (kpis, "channels", "Facebook Ads");
  g_assert_nonnull (channel);
  assert_number (channel, "spend", 300);
  assert_number (channel, "revenue", 830);
  assert_number (channel, "roas", 830.0 / 300.0);
  assert_number (channel, "conversions", 30);
  assert_number (channel, "spend_share", 0.75);

  channel = find_named (kpis, "channels", "Google Ads");
  g_assert_nonnull (channel);
  assert_number (channel, "spend", 100);
  assert_number (channel, "revenue", 360);
  assert_number (channel, "roas", 3.6);
  assert_number (channel, "conversions", 10);
  assert_number (channel, "spend_share", 0.25);

  /* No spend: no ROAS (null, never an infinity), no share. */
  channel = find_named (kpis, "channels", "Podcast");
  g_assert_nonnull (channel);
  assert_number (channel, "spend", 0);
  assert_number (channel, "revenue", 150);
  assert_null (channel, "roas");
  assert_number (channel, "conversions", 6);
  assert_number (channel, "spend_share", 0);
}

/* 2024-01-02 and 2024-01-03 only:
 *   Facebook Ads 200 / 530 / 20, Google Ads 50 / 160 / 5, Podcast 0 / 110 / 4. */
static void
test_kpis_range (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) import = import_json (fixture, "long.csv", 0);
  g_autoptr(JsonObject) kpis = kpis_json (fixture, "2024-01-02", "2024-01-03");
  g_autoptr(JsonObject) from_only = NULL;
  g_autoptr(JsonObject) to_only = NULL;
  JsonObject *channel;

  g_assert_cmpstr (get_string (kpis, "from"), ==, "2024-01-02");
  g_assert_cmpstr (get_string (kpis, "to"), ==, "2024-01-03");
  assert_number (kpis, "spend", 250);
  assert_number (kpis, "revenue", 800);
  assert_number (kpis, "roas", 3.2);
  assert_number (kpis, "conversions", 29);

  channel = find_named (kpis, "channels", "Facebook Ads");
  g_assert_nonnull (channel);
  assert_number (channel, "spend", 200);
  assert_number (channel, "revenue", 530);
  assert_number (channel, "roas", 2.65);
  assert_number (channel, "spend_share", 0.8);
  channel = find_named (kpis, "channels", "Google Ads");
  g_assert_nonnull (channel);
  assert_number (channel, "spend", 50);
  assert_number (channel, "revenue", 160);
  assert_number (channel, "spend_share", 0.2);
  channel = find_named (kpis, "channels", "Podcast");
  g_assert_nonnull (channel);
  assert_number (channel, "revenue", 110);
  assert_null (channel, "roas");

  /* An open end runs to the last (or from the first) day with data. */
  from_only = kpis_json (fixture, "2024-01-03", NULL);
  g_assert_cmpstr (get_string (from_only, "to"), ==, "2024-01-03");
  assert_number (from_only, "spend", 100);
  assert_number (from_only, "revenue", 320);
  to_only = kpis_json (fixture, NULL, "2024-01-01");
  g_assert_cmpstr (get_string (to_only, "from"), ==, "2024-01-01");
  assert_number (to_only, "spend", 150);
  assert_number (to_only, "revenue", 540);
}

/* A bound that is no day of the calendar is bad usage, with data or not
 * (the usage tests run the same on an empty database). */
static void
test_kpis_bad_date (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) import = import_json (fixture, "long.csv", 0);
  const char * const bad[][5] = {
    { "kpis", "--from", "2024-13-45", NULL },
    { "kpis", "--to", "notadate", NULL },
    { "kpis", "--from", "2024-02-30", "--json", NULL },
    { "kpis", "--from", "2024-01-03", "--to", "2024-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(MmxTestCliResult) result = { 0 };
      const char *args[6] = { bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], NULL };

      run_cli_argv (fixture, TRUE, NULL, args, &result);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_true (g_str_has_prefix (result.err, "marketingmix-cli"));
    }
}

/* `channels map` moves the stored rows (adding up those of the same day)
 * and later imports store the alias under its new name. */
static void
test_channels_map (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonObject) before = import_json (fixture, "alias-before.csv", 0);
  g_autoptr(JsonObject) later = NULL;
  g_autoptr(JsonObject) kpis = NULL;
  g_autoptr(JsonObject) day = NULL;
  g_autoptr(JsonObject) channels = NULL;
  JsonObject *acme;
  const char * const both[] = { "Acme", "Acme Media", NULL };
  const char * const merged[] = { "Acme", NULL };
  const char * const aliases[] = { "Acme Media", NULL };

  assert_strings (get_file_summary (before, 0), "channels", both);

  run_cli (fixture, &result, "channels", "map", "Acme Media", "Acme", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  /* Acme: 2024-03-01 5 + 10 and 15 + 30, 03-02 20 / 50, 03-03 7 / 21. */
  kpis = kpis_json (fixture, NULL, NULL);
  g_assert_cmpuint (array_length (kpis, "channels"), ==, 1);
  g_assert_null (find_named (kpis, "channels", "Acme Media"));
  acme = find_named (kpis, "channels", "Acme");
  g_assert_nonnull (acme);
  assert_number (acme, "spend", 42);
  assert_number (acme, "revenue", 116);

  day = kpis_json (fixture, "2024-03-01", "2024-03-01");
  acme = find_named (day, "channels", "Acme");
  assert_number (acme, "spend", 15);
  assert_number (acme, "revenue", 45);

  channels = list_json (fixture, "channels");
  g_assert_null (find_named (channels, "channels", "Acme Media"));
  acme = find_named (channels, "channels", "Acme");
  g_assert_nonnull (acme);
  g_assert_cmpint (get_int (acme, "rows"), ==, 3);
  assert_strings (acme, "aliases", aliases);

  /* A later import uses the mapping. */
  later = import_json (fixture, "alias-later.csv", 0);
  assert_strings (get_file_summary (later, 0), "channels", merged);
  g_clear_pointer (&kpis, json_object_unref);
  kpis = kpis_json (fixture, NULL, NULL);
  g_assert_cmpuint (array_length (kpis, "channels"), ==, 1);
  assert_number (find_named (kpis, "channels", "Acme"), "spend", 53);
}

/* `channels unmap` forgets the mapping: the rows it moved stay, later
 * imports keep the name. */
static void
test_channels_unmap (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonObject) before = import_json (fixture, "alias-before.csv", 0);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) kpis = NULL;
  g_autoptr(JsonObject) channels = NULL;
  const char * const unmapped[] = { "Acme Media", NULL };
  const char * const none[] = { NULL };

  run_cli (fixture, &result, "channels", "map", "Acme Media", "Acme", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_cli (fixture, &result, "channels", "unmap", "Acme Media", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  channels = list_json (fixture, "channels");
  assert_strings (find_named (channels, "channels", "Acme"), "aliases", none);

  after = import_json (fixture, "alias-after-unmap.csv", 0);
  assert_strings (get_file_summary (after, 0), "channels", unmapped);
  kpis = kpis_json (fixture, NULL, NULL);
  assert_number (find_named (kpis, "channels", "Acme"), "spend", 42);
  assert_number (find_named (kpis, "channels", "Acme Media"), "spend", 9);

  /* No such mapping any more. */
  run_cli (fixture, &result, "channels", "unmap", "Acme Media", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
}

static JsonObject *
import_custom_with_mapping (Fixture *fixture)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path ("custom-a.csv");

  run_cli (fixture, &result, "import", path, "--json",
           "--map", "period=date", "--map", "outcome=revenue",
           "--map", "m1=spend:Radio", "--map", "m2=spend:Print",
           "--save-mapping", "radio-print", NULL);
  g_assert_cmpint (result.status, ==, 0);
  return parse_object (result.out);
}

/* A header nobody can guess imports with --map; --save-mapping keeps the
 * mapping, and the next file with the same header uses it by itself. */
static void
test_mappings_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) guessed = import_json (fixture, "custom-a.csv", 1);
  g_autoptr(JsonObject) first = import_custom_with_mapping (fixture);
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) kpis = NULL;
  g_autoptr(JsonObject) mappings = NULL;
  JsonObject *file;
  JsonObject *saved;
  JsonArray *columns;
  gboolean found_m1 = FALSE;

  g_assert_true (json_object_has_member (get_file_summary (guessed, 0), "error"));
  g_assert_cmpint (get_int (get_file_summary (first, 0), "inserted"), ==, 2);

  second = import_json (fixture, "custom-b.csv", 0);
  file = get_file_summary (second, 0);
  g_assert_cmpstr (get_string (file, "mapping"), ==, "radio-print");
  g_assert_cmpstr (get_string (file, "granularity"), ==, "weekly");
  g_assert_cmpint (get_int (file, "inserted"), ==, 3);
  g_assert_cmpint (get_int (file, "rejected"), ==, 0);

  /* Revenue 500 + 600 + 700 + 650 + 640; Radio 10 + 15 + 12 + 11 + 10. */
  kpis = kpis_json (fixture, NULL, NULL);
  assert_number (kpis, "revenue", 3090);
  assert_number (find_named (kpis, "channels", "Radio"), "spend", 58);
  assert_number (find_named (kpis, "channels", "Print"), "spend", 108);

  mappings = list_json (fixture, "mappings");
  g_assert_cmpuint (array_length (mappings, "mappings"), ==, 1);
  saved = find_named (mappings, "mappings", "radio-print");
  g_assert_nonnull (saved);
  columns = json_object_get_array_member (json_object_get_object_member (saved, "mapping"),
                                          "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 4);
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonArray *pair = json_array_get_array_element (columns, i);

      if (g_strcmp0 (json_array_get_string_element (pair, 0), "m1") == 0)
        {
          g_assert_cmpstr (json_array_get_string_element (pair, 1), ==, "spend:Radio");
          found_m1 = TRUE;
        }
    }
  g_assert_true (found_m1);
}

static void
test_mappings_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonObject) first = import_custom_with_mapping (fixture);
  g_autoptr(JsonObject) mappings = NULL;
  g_autoptr(JsonObject) unmapped = NULL;
  g_autofree char *path = data_path ("custom-b.csv");

  run_cli (fixture, &result, "mappings", "delete", "radio-print", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  mappings = list_json (fixture, "mappings");
  g_assert_cmpuint (array_length (mappings, "mappings"), ==, 0);

  /* Gone: deleting it again fails, and the header is unknown once more. */
  run_cli (fixture, &result, "mappings", "delete", "radio-print", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);

  unmapped = import_json (fixture, "custom-b.csv", 1);
  g_assert_true (json_object_has_member (get_file_summary (unmapped, 0), "error"));

  run_cli (fixture, &result, "import", path, "--mapping", "radio-print", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
}

/* --errors-csv writes the rejected rows for the user to fix. */
static void
test_import_errors_csv (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path ("bad-rows.csv");
  g_autofree char *errors_path = g_build_filename (fixture->dir, "errors.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  const char * const rows[] = {
    "bad-rows.csv,3,date,", "bad-rows.csv,4,channel,", "bad-rows.csv,5,spend,",
    "bad-rows.csv,6,spend,", "bad-rows.csv,7,,",
  };

  run_cli (fixture, &result, "import", path, "--errors-csv", errors_path, NULL);
  g_assert_cmpint (result.status, ==, 0);

  g_file_get_contents (errors_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_suffix (lines[i], "\r"))
      lines[i][strlen (lines[i]) - 1] = '\0';

  /* The header, five rows, and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (rows) + 1);
  g_assert_cmpstr (lines[0], ==, "file,row,column,message");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_true (g_str_has_prefix (lines[i + 1], rows[i]));
      g_assert_cmpuint (strlen (lines[i + 1]), >, strlen (rows[i]));
    }
  g_assert_cmpstr (lines[1 + G_N_ELEMENTS (rows)], ==, "");
}

/* --preview shows how the file would be read and writes nothing. */
static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path ("long.csv");
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) kpis = NULL;
  g_autoptr(JsonObject) imports = NULL;
  g_autoptr(JsonObject) channels = NULL;
  JsonObject *file;

  run_cli (fixture, &result, "import", path, "--preview", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_object (result.out);
  file = get_file_summary (root, 0);
  g_assert_cmpstr (get_string (file, "shape"), ==, "long");
  g_assert_cmpstr (get_string (file, "granularity"), ==, "daily");

  kpis = kpis_json (fixture, NULL, NULL);
  assert_null (kpis, "from");
  assert_null (kpis, "to");
  assert_number (kpis, "spend", 0);
  assert_null (kpis, "revenue");
  g_assert_cmpuint (array_length (kpis, "channels"), ==, 0);
  imports = list_json (fixture, "imports");
  g_assert_cmpuint (array_length (imports, "imports"), ==, 0);
  channels = list_json (fixture, "channels");
  g_assert_cmpuint (array_length (channels, "channels"), ==, 0);
}

/* Without --db, $MMX_DB is the database; --db wins over it. */
static void
test_db_from_environment (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path ("long.csv");
  g_autofree char *env_db = g_build_filename (fixture->dir, "env", "profile.db", NULL);
  g_autofree char *default_db = g_build_filename (fixture->dir, "xdg-data", "marketingmix",
                                                  "marketingmix.db", NULL);
  const char * const import_args[] = { "import", path, NULL };
  const char * const kpis_args[] = { "kpis", "--json", NULL };
  g_autoptr(JsonObject) kpis = NULL;
  g_autoptr(JsonObject) other = NULL;

  run_cli_argv (fixture, FALSE, env_db, import_args, &result);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));

  run_cli_argv (fixture, FALSE, env_db, kpis_args, &result);
  g_assert_cmpint (result.status, ==, 0);
  kpis = parse_object (result.out);
  assert_number (kpis, "spend", 400);

  run_cli_argv (fixture, TRUE, env_db, kpis_args, &result);
  g_assert_cmpint (result.status, ==, 0);
  other = parse_object (result.out);
  assert_number (other, "spend", 0);
  assert_null (other, "from");
}

/* Without --db and $MMX_DB: $XDG_DATA_HOME/marketingmix/marketingmix.db. */
static void
test_db_default (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path ("long.csv");
  g_autofree char *default_db = g_build_filename (fixture->dir, "xdg-data", "marketingmix",
                                                  "marketingmix.db", NULL);
  const char * const import_args[] = { "import", path, NULL };

  run_cli_argv (fixture, FALSE, NULL, import_args, &result);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));
}

/* Bad usage: exit 2, nothing on stdout, the reason on stderr, nothing
 * imported. "FILE" stands for a valid CSV file. */
typedef struct
{
  const char *test_path;
  const char *args[8];
} UsageCase;

static const UsageCase usage_cases[] = {
  { "/mmx/cli/usage/unknown-option", { "import", "--bogus", "FILE", NULL } },
  { "/mmx/cli/usage/unknown-global-option", { "--bogus", "kpis", NULL } },
  { "/mmx/cli/usage/unknown-command", { "frobnicate", NULL } },
  { "/mmx/cli/usage/import-no-file", { "import", "--json", NULL } },
  { "/mmx/cli/usage/bad-date-format", { "import", "FILE", "--date-format", "xyz", NULL } },
  { "/mmx/cli/usage/map-without-equals", { "import", "FILE", "--map", "nonsense", NULL } },
  { "/mmx/cli/usage/map-without-column", { "import", "FILE", "--map", "=date", NULL } },
  { "/mmx/cli/usage/map-unknown-field", { "import", "FILE", "--map", "y=notafield", NULL } },
  { "/mmx/cli/usage/map-date-with-channel", { "import", "FILE", "--map", "date=date:TV", NULL } },
  { "/mmx/cli/usage/preview-with-errors-csv",
    { "import", "FILE", "--preview", "--errors-csv", "errors.csv", NULL } },
  { "/mmx/cli/usage/channels-map-one-name", { "channels", "map", "Acme", NULL } },
  { "/mmx/cli/usage/channels-map-three-names", { "channels", "map", "A", "B", "C", NULL } },
  { "/mmx/cli/usage/channels-unmap-no-name", { "channels", "unmap", NULL } },
  { "/mmx/cli/usage/channels-unknown-action", { "channels", "frob", NULL } },
  { "/mmx/cli/usage/mappings-delete-no-name", { "mappings", "delete", NULL } },
  { "/mmx/cli/usage/kpis-extra-argument", { "kpis", "extra", NULL } },
  { "/mmx/cli/usage/imports-extra-argument", { "imports", "extra", NULL } },
  { "/mmx/cli/usage/kpis-bad-month", { "kpis", "--from", "2024-13-45", NULL } },
  { "/mmx/cli/usage/kpis-not-a-date", { "kpis", "--to", "notadate", NULL } },
  { "/mmx/cli/usage/kpis-no-such-day", { "kpis", "--from", "2024-02-30", NULL } },
  { "/mmx/cli/usage/kpis-bad-period", { "kpis", "--series", "--by", "month", NULL } },
  { "/mmx/cli/usage/attribute-bad-method", { "attribute", "--method", "robyn", NULL } },
  { "/mmx/cli/usage/attribute-bad-target", { "attribute", "--target", "clicks", NULL } },
  { "/mmx/cli/usage/attribute-negative-block", { "attribute", "--block", "-1", NULL } },
  { "/mmx/cli/usage/attribute-extra-argument", { "attribute", "now", NULL } },
  { "/mmx/cli/usage/kpis-reversed-range",
    { "kpis", "--from", "2024-01-03", "--to", "2024-01-01", NULL } },
  { "/mmx/cli/usage/forecast-no-horizon", { "forecast", "--json", NULL } },
  { "/mmx/cli/usage/forecast-bad-horizon", { "forecast", "--horizon", "ten", NULL } },
  { "/mmx/cli/usage/forecast-long-horizon", { "forecast", "--horizon", "366", NULL } },
  { "/mmx/cli/usage/forecast-bad-interval", { "forecast", "--horizon", "7", "--interval", "80%",
                                              NULL } },
  { "/mmx/cli/usage/forecast-interval-out-of-range",
    { "forecast", "--horizon", "7", "--interval", "1.5", NULL } },
  { "/mmx/cli/usage/forecast-bad-seed", { "forecast", "--horizon", "7", "--seed", "-1", NULL } },
  { "/mmx/cli/usage/forecast-bad-mode", { "forecast", "--horizon", "7", "--mode", "cubic", NULL } },
  { "/mmx/cli/usage/forecast-bad-scenario",
    { "forecast", "--horizon", "7", "--scenario", "more", NULL } },
  { "/mmx/cli/usage/forecast-extra-argument", { "forecast", "--horizon", "7", "extra", NULL } },
};

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const UsageCase *usage = data;
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = data_path ("long.csv");
  const char *args[G_N_ELEMENTS (usage->args)];

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    args[i] = g_strcmp0 (usage->args[i], "FILE") == 0 ? path : usage->args[i];

  run_cli_argv (fixture, TRUE, NULL, args, &result);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_str_has_prefix (result.err, "marketingmix-cli"));
  g_assert_cmpuint (strlen (result.err), >, strlen ("marketingmix-cli: \n"));

  if (g_file_test (fixture->db, G_FILE_TEST_EXISTS))
    {
      g_autoptr(JsonObject) imports = list_json (fixture, "imports");

      g_assert_cmpuint (array_length (imports, "imports"), ==, 0);
    }
}

/* --help for every command: exit 0, the usage on stdout, naming the
 * command so the line can be typed as shown. */
typedef struct
{
  const char *test_path;
  const char *command;
} HelpCase;

static const HelpCase help_cases[] = {
  { "/mmx/cli/help/main", NULL },
  { "/mmx/cli/help/import", "import" },
  { "/mmx/cli/help/imports", "imports" },
  { "/mmx/cli/help/kpis", "kpis" },
  { "/mmx/cli/help/channels", "channels" },
  { "/mmx/cli/help/mappings", "mappings" },
  { "/mmx/cli/help/attribute", "attribute" },
  { "/mmx/cli/help/forecast", "forecast" },
};

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const HelpCase *help = data;
  g_auto(MmxTestCliResult) result = { 0 };
  const char *args[3] = { help->command ? help->command : "--help", "--help", NULL };
  const char *usage;
  g_autofree char *line = NULL;
  g_autofree char *synopsis = NULL;
  g_auto(GStrv) words = NULL;

  if (help->command == NULL)
    args[1] = NULL;
  run_cli_argv (fixture, TRUE, NULL, args, &result);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  usage = strstr (result.out, "Usage:\n");
  g_assert_nonnull (usage);
  usage += strlen ("Usage:\n");
  line = g_strndup (usage, strcspn (usage, "\n"));

  /* The command line proper: what comes before the options and the
   * description ("[OPTION…] FILE… — import CSV exports…"). */
  synopsis = g_strndup (line, strstr (line, "[OPTION") ? (gsize) (strstr (line, "[OPTION") - line)
                                                       : strlen (line));
  words = g_strsplit_set (g_strstrip (synopsis), " ", -1);
  g_assert_cmpstr (words[0], ==, "marketingmix-cli");

  if (help->command != NULL)
    {
      if (!g_strv_contains ((const char * const *) words, help->command))
        g_test_message ("The usage line of “%s --help” does not name the command: %s",
                        help->command, line);
      g_assert_true (g_strv_contains ((const char * const *) words, help->command));
      return;
    }

  /* The main help lists every command. */
  for (guint i = 1; i < G_N_ELEMENTS (help_cases); i++)
    {
      g_autofree char *listed = g_strdup_printf ("\n  %s ", help_cases[i].command);

      g_assert_nonnull (strstr (result.out, listed));
    }
}

/* Writes a long file of BIG_ROWS rows, on days long before the baseline's,
 * and returns its total spend. */
static double
write_big_file (const char *path)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
  guint64 spend_tenths = 0;
  FILE *out = g_fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("date,channel,spend,revenue\n", out);
  for (guint day = 0; day < BIG_DAYS; day++)
    {
      char iso[16];

      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (date),
                  g_date_get_month (date), g_date_get_day (date));
      for (guint c = 0; c < BIG_CHANNELS; c++)
        {
          guint spend = (day * 7 + c) % 1000;
          guint revenue = (day * 13 + c * 3) % 5000;

          fprintf (out, "%s,Channel %03u,%u.%u,%u.%u\n", iso, c, spend / 10, spend % 10,
                   revenue / 10, revenue % 10);
          spend_tenths += spend;
        }
      g_date_add_days (date, 1);
    }
  g_assert_cmpint (fclose (out), ==, 0);
  return spend_tenths / 10.0;
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;
  return buf.st_size;
}

/* One transaction per import: killed while it writes, an import leaves the
 * database exactly as it was; run again, it imports everything. */
static void
test_import_killed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *big = g_build_filename (fixture->dir, "big.csv", NULL);
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autoptr(JsonObject) baseline_import = import_json (fixture, "long.csv", 0);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GPtrArray) with_db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) full_import = NULL;
  g_auto(MmxTestCliResult) result = { 0 };
  const char * const args[] = { "import", big, "--json", NULL };
  DbState baseline, killed, full;
  double big_spend;
  gint64 deadline;

  big_spend = write_big_file (big);
  read_state (fixture, &baseline);
  g_assert_cmpint (baseline.rows, ==, 9);
  g_assert_cmpuint (baseline.n_imports, ==, 1);

  launcher = mmx_test_cli_launcher (fixture->dir,
                                    G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                    | G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL);
  with_db = build_args (fixture, TRUE, args);
  argv = mmx_test_cli_argv ((const char * const *) with_db->pdata);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* Wait until the import's transaction is being written to the WAL. */
  deadline = g_get_monotonic_time () + WAL_DEADLINE_SECONDS * G_USEC_PER_SEC;
  while (file_size (wal) <= WAL_THRESHOLD)
    {
      if (g_subprocess_get_identifier (process) == NULL)
        g_error ("The import of %u rows ended before its WAL reached %d bytes", BIG_ROWS,
                 WAL_THRESHOLD);
      if (g_get_monotonic_time () > deadline)
        g_error ("The WAL never reached %d bytes in %d s", WAL_THRESHOLD,
                 WAL_DEADLINE_SECONDS);
      g_usleep (1000);
    }

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_signaled (process))
    g_test_message ("The import finished before SIGKILL reached it");
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  /* Nothing of the killed import is left. */
  read_state (fixture, &killed);
  g_assert_cmpint (killed.rows, ==, baseline.rows);
  g_assert_cmpfloat (killed.spend, ==, baseline.spend);
  g_assert_cmpuint (killed.n_imports, ==, baseline.n_imports);
  g_assert_cmpuint (killed.n_channels, ==, baseline.n_channels);

  /* The same import, to its end. */
  run_cli_argv (fixture, TRUE, NULL, args, &result);
  g_assert_cmpint (result.status, ==, 0);
  full_import = parse_object (result.out);
  g_assert_cmpint (get_int (get_file_summary (full_import, 0), "inserted"), ==, BIG_ROWS);
  g_assert_cmpint (get_int (get_file_summary (full_import, 0), "updated"), ==, 0);
  g_assert_cmpint (get_int (get_file_summary (full_import, 0), "rejected"), ==, 0);

  read_state (fixture, &full);
  g_assert_cmpint (full.rows, ==, baseline.rows + BIG_ROWS);
  g_assert_cmpfloat_with_epsilon (full.spend, baseline.spend + big_spend, 1e-3);
  g_assert_cmpuint (full.n_imports, ==, baseline.n_imports + 1);
  g_assert_cmpuint (full.n_channels, ==, baseline.n_channels + BIG_CHANNELS);
}

/* long.csv by day: 150 / 540, 150 / 480, 100 / 320 (spend / revenue,
 * Podcast's revenue in the total only). 2024-01-01 is a Monday. */
static void
test_kpis_series (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) import = import_json (fixture, "long.csv", 0);
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonObject) kpis = NULL;
  JsonObject *series, *facebook;
  JsonArray *values;
  const char * const dates[] = { "2024-01-01", "2024-01-02", "2024-01-03", NULL };
  const char * const week[] = { "2024-01-01", NULL };

  run_cli (fixture, &result, "kpis", "--series", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  kpis = parse_object (result.out);
  assert_number (kpis, "spend", 400);
  series = json_object_get_object_member (kpis, "series");
  g_assert_cmpstr (get_string (series, "granularity"), ==, "daily");
  assert_strings (series, "dates", dates);
  values = json_object_get_array_member (series, "spend");
  g_assert_cmpfloat (json_array_get_double_element (values, 0), ==, 150);
  g_assert_cmpfloat (json_array_get_double_element (values, 2), ==, 100);
  values = json_object_get_array_member (series, "revenue");
  g_assert_cmpfloat (json_array_get_double_element (values, 1), ==, 480);
  g_assert_cmpuint (array_length (series, "channels"), ==, 2);
  facebook = find_named (series, "channels", "Facebook Ads");
  g_assert_nonnull (facebook);
  values = json_object_get_array_member (facebook, "revenue");
  g_assert_cmpfloat (json_array_get_double_element (values, 1), ==, 330);

  g_clear_pointer (&kpis, json_object_unref);
  run_cli (fixture, &result, "kpis", "--series", "--by", "week", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  kpis = parse_object (result.out);
  series = json_object_get_object_member (kpis, "series");
  g_assert_cmpstr (get_string (series, "granularity"), ==, "weekly");
  assert_strings (series, "dates", week);
  values = json_object_get_array_member (series, "revenue");
  g_assert_cmpfloat (json_array_get_double_element (values, 0), ==, 1340);
  values = json_object_get_array_member (series, "days");
  g_assert_cmpint (json_array_get_int_element (values, 0), ==, 3);

  /* The readable form lists the periods after the channels. */
  run_cli (fixture, &result, "kpis", "--series", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2024-01-03"));
}

/* Daily data with known truth, in a file of the fixture. */
static char *
write_model_data (Fixture *fixture,
                  guint    days)
{
  return mmx_test_mmm_write_two_channels (fixture->dir, "model.csv", days, 0);
}

static JsonObject *
attribute_json (Fixture    *fixture,
                const char *method)
{
  g_auto(MmxTestCliResult) result = { 0 };

  run_cli (fixture, &result, "attribute", "--json", "--method", method, "--bootstrap", "50",
           "--evaluations", "120", NULL);
  g_assert_cmpint (result.status, ==, 0);
  return parse_object (result.out);
}

static void
assert_pair (JsonObject *object,
             const char *member)
{
  JsonArray *pair = json_object_get_array_member (object, member);

  g_assert_nonnull (pair);
  g_assert_cmpuint (json_array_get_length (pair), ==, 2);
  g_assert_cmpfloat (json_array_get_double_element (pair, 0), <=,
                     json_array_get_double_element (pair, 1));
}

static const char * const diagnostic_names[] = {
  "r2", "mape", "nrmse", "holdout_mape", "decomp_rssd"
};

/* The JSON the issue promises, then the same again from the cache. */
static void
test_attribute_json (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_model_data (fixture, 365);
  g_auto(MmxTestCliResult) import = { 0 };
  g_auto(MmxTestCliResult) first = { 0 };
  g_auto(MmxTestCliResult) second = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *diagnostics, *baseline, *channel, *series;
  JsonArray *channels, *curve;

  run_cli (fixture, &import, "import", path, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (fixture, &first, "attribute", "--json", "--bootstrap", "50", "--evaluations", "120", NULL);
  g_assert_cmpint (first.status, ==, 0);
  root = parse_object (first.out);
  g_assert_cmpstr (get_string (root, "method"), ==, "mmm");
  g_assert_cmpstr (get_string (root, "granularity"), ==, "daily");
  g_assert_cmpstr (get_string (root, "from"), ==, "2023-01-02");
  g_assert_cmpstr (get_string (root, "to"), ==, "2024-01-01");
  diagnostics = json_object_get_object_member (root, "diagnostics");
  for (guint i = 0; i < G_N_ELEMENTS (diagnostic_names); i++)
    get_number (diagnostics, diagnostic_names[i]);
  g_assert_true (json_object_has_member (diagnostics, "warnings"));
  baseline = json_object_get_object_member (root, "baseline");
  get_number (baseline, "contribution");
  get_number (baseline, "share");

  channels = json_object_get_array_member (root, "channels");
  g_assert_cmpuint (json_array_get_length (channels), ==, 2);
  channel = find_named (root, "channels", "TV");
  g_assert_nonnull (channel);
  get_number (channel, "spend");
  get_number (channel, "contribution");
  get_number (channel, "share");
  get_number (channel, "roas");
  get_number (channel, "mroas");
  assert_pair (channel, "contribution_ci");
  assert_pair (channel, "roas_ci");
  assert_pair (channel, "mroas_ci");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (channel, "adstock"),
                                                  "type"), !=, NULL);
  get_number (json_object_get_object_member (channel, "saturation"), "half");
  curve = json_object_get_array_member (channel, "response_curve");
  g_assert_cmpuint (json_array_get_length (curve), ==, 50);
  g_assert_cmpfloat (json_array_get_double_element (json_array_get_array_element (curve, 0), 1),
                     ==, 0);

  series = json_object_get_object_member (root, "series");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (series, "fitted")), ==,
                    365);
  g_assert_true (json_object_has_member (json_object_get_object_member (series, "channels"), "TV"));
  get_int (root, "elapsed_ms");

  /* Asked again, the stored result answers: the same to the byte. */
  run_cli (fixture, &second, "attribute", "--json", "--bootstrap", "50", "--evaluations", "120",
           NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, first.out);
}

static void
test_attribute_lag (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_model_data (fixture, 365);
  g_auto(MmxTestCliResult) import = { 0 };
  g_auto(MmxTestCliResult) table = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *channel;

  run_cli (fixture, &import, "import", path, NULL);
  root = attribute_json (fixture, "lag");
  g_assert_cmpstr (get_string (root, "method"), ==, "lag");
  channel = find_named (root, "channels", "Search");
  g_assert_nonnull (channel);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (channel,
                                                                         "lag_coefficients")),
                    ==, 4);

  /* The readable table explains what ROAS means. */
  run_cli (fixture, &table, "attribute", "--method", "lag", "--bootstrap", "50", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Search"));
  g_assert_nonnull (strstr (table.out, "ROAS is the revenue"));
}

/* On conversions, what each conversion cost: in the JSON beside the
 * conversions per unit spent, and in the table in their place. */
static void
test_attribute_conversions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = mmx_test_mmm_write_two_channels (fixture->dir, "conversions.csv", 365,
                                                           30);
  g_auto(MmxTestCliResult) import = { 0 };
  g_auto(MmxTestCliResult) json = { 0 };
  g_auto(MmxTestCliResult) table = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *channel, *explanations;
  JsonArray *interval;

  run_cli (fixture, &import, "import", path, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_cli (fixture, &json, "attribute", "--target", "conversions", "--json", "--bootstrap", "50",
           "--evaluations", "120", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_object (json.out);
  g_assert_cmpstr (get_string (root, "target"), ==, "conversions");
  explanations = json_object_get_object_member (root, "explanations");
  g_assert_nonnull (strstr (get_string (explanations, "cpa"), "Cost per acquisition"));
  get_string (explanations, "marginal_cpa");

  channel = find_named (root, "channels", "Search");
  g_assert_nonnull (channel);
  g_assert_cmpfloat_with_epsilon (get_number (channel, "cpa"), 1 / get_number (channel, "roas"),
                                  1e-9 * get_number (channel, "cpa"));
  g_assert_cmpfloat_with_epsilon (get_number (channel, "marginal_cpa"),
                                  1 / get_number (channel, "mroas"),
                                  1e-9 * get_number (channel, "marginal_cpa"));
  interval = json_object_get_array_member (channel, "cpa_ci");
  g_assert_cmpuint (json_array_get_length (interval), ==, 2);
  g_assert_cmpfloat (json_array_get_double_element (interval, 0), <=, get_number (channel, "cpa"));

  run_cli (fixture, &table, "attribute", "--target", "conversions", "--bootstrap", "50",
           "--evaluations", "120", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "attribution of conversions"));
  g_assert_nonnull (strstr (table.out, "CPA [95 %]"));
  g_assert_nonnull (strstr (table.out, "Cost per acquisition (CPA) is"));
  g_assert_null (strstr (table.out, "ROAS"));
}

static void
test_attribute_too_short (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_model_data (fixture, 45);
  g_auto(MmxTestCliResult) import = { 0 };
  g_auto(MmxTestCliResult) result = { 0 };

  run_cli (fixture, &import, "import", path, NULL);
  run_cli (fixture, &result, "attribute", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "import 15 more days"));
}

static void
test_attribute_bad_events (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = write_model_data (fixture, 90);
  g_autofree char *events = mmx_test_write_file (fixture->dir, "events.csv",
                                                 "date,name\n2023-02-30,Sale\n", -1);
  g_auto(MmxTestCliResult) import = { 0 };
  g_auto(MmxTestCliResult) result = { 0 };

  run_cli (fixture, &import, "import", path, NULL);
  run_cli (fixture, &result, "attribute", "--events", events, NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "events.csv, row 2, column “date”"));
}

static void
import_sample (Fixture    *fixture,
               const char *name)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autofree char *path = mmx_test_sample_path (name);

  run_cli (fixture, &result, "import", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
assert_interval (JsonObject *object,
                 const char *member)
{
  JsonObject *interval;

  g_assert_true (json_object_has_member (object, member));
  interval = json_object_get_object_member (object, member);
  g_assert_cmpuint (json_object_get_size (interval), ==, 3);
  g_assert_cmpfloat (get_number (interval, "lower"), <=, get_number (interval, "yhat"));
  g_assert_cmpfloat (get_number (interval, "yhat"), <=, get_number (interval, "upper"));
}

/* Everything but the time it took. */
static char *
without_elapsed (const char *json)
{
  const char *elapsed = strstr (json, "\"elapsed_ms\"");

  g_assert_nonnull (elapsed);
  return g_strndup (json, elapsed - json);
}

/* The issue's shape: horizon, interval, points, components, total,
 * scenarios, backtest, elapsed_ms, and the average; one seed, one
 * answer. */
static void
test_forecast_json (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_auto(MmxTestCliResult) again = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char * const members[] = { "horizon", "interval", "points", "components", "channels",
                                   "total", "average", "scenarios", "backtest", "elapsed_ms",
                                   NULL };
  JsonArray *points, *scenarios;
  JsonObject *components, *media, *backtest;

  import_sample (fixture, "demo-daily.csv");
  run_cli (fixture, &result, "forecast", "--horizon", "30", "--scenario", "more:Meta Ads=+20%",
           "--scenario", "stop:*=0", "--backtest", "--seed", "7", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  root = parse_object (result.out);

  g_assert_cmpuint (json_object_get_size (root), ==, g_strv_length ((GStrv) members));
  for (guint i = 0; members[i] != NULL; i++)
    g_assert_true (json_object_has_member (root, members[i]));
  g_assert_cmpint (get_int (root, "horizon"), ==, 30);
  assert_number (root, "interval", 0.8);

  points = json_object_get_array_member (root, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 30);
  g_assert_cmpstr (get_string (json_array_get_object_element (points, 0), "date"), ==,
                   "2025-11-01");
  g_assert_cmpstr (get_string (json_array_get_object_element (points, 29), "date"), ==,
                   "2025-11-30");
  for (guint i = 0; i < 30; i++)
    {
      JsonObject *point = json_array_get_object_element (points, i);

      g_assert_cmpuint (json_object_get_size (point), ==, 4);
      g_assert_cmpfloat (get_number (point, "lower"), <, get_number (point, "yhat"));
      g_assert_cmpfloat (get_number (point, "yhat"), <, get_number (point, "upper"));
    }

  components = json_object_get_object_member (root, "components");
  for (guint i = 0; i < 4; i++)
    {
      const char *part = (const char *[]) { "trend", "weekly", "yearly", "events" }[i];

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (components, part)),
                        ==, 30);
    }
  media = json_object_get_object_member (components, "media");
  g_assert_cmpuint (json_object_get_size (media), ==, 6);
  g_assert_true (json_object_has_member (media, "Facebook Ads"));

  assert_interval (root, "total");
  assert_interval (root, "average");
  scenarios = json_object_get_array_member (root, "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  g_assert_cmpstr (get_string (json_array_get_object_element (scenarios, 0), "name"), ==, "more");
  assert_interval (json_array_get_object_element (scenarios, 0), "total");
  assert_interval (json_array_get_object_element (scenarios, 0), "delta");
  g_assert_cmpfloat (get_number (json_object_get_object_member (
                       json_array_get_object_element (scenarios, 0), "delta"), "lower"), >, 0);
  g_assert_cmpfloat (get_number (json_object_get_object_member (
                       json_array_get_object_element (scenarios, 1), "delta"), "upper"), <, 0);

  backtest = json_object_get_object_member (root, "backtest");
  g_assert_cmpuint (json_object_get_size (backtest), ==, 3);
  g_assert_cmpfloat (get_number (backtest, "mape"), >, 0);
  g_assert_cmpfloat (get_number (backtest, "mape"), <, 0.1);
  g_assert_cmpfloat (get_number (backtest, "rmse"), >, 0);
  g_assert_cmpfloat (get_number (backtest, "coverage"), >, 0.5);
  g_assert_cmpfloat (get_number (root, "elapsed_ms"), >, 0);

  run_cli (fixture, &again, "forecast", "--horizon", "30", "--scenario", "more:Meta Ads=+20%",
           "--scenario", "stop:*=0", "--backtest", "--seed", "7", "--json", NULL);
  first = without_elapsed (result.out);
  second = without_elapsed (again.out);
  g_assert_cmpstr (first, ==, second);
}

/* Without --json: a table a person reads. */
static void
test_forecast_table (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  const char * const expected[] = {
    "Revenue forecast for 7 days, from 2025-11-01 to 2025-11-07, with its 95 % interval (additive)",
    "2025-11-07", "Total", "Average per day", "Trend", "Weekly seasonality", "Facebook Ads",
    "adstock decay", "Scenarios", "less-email", "Forecast in", NULL
  };

  import_sample (fixture, "demo-daily.csv");
  run_cli (fixture, &result, "forecast", "--horizon", "7", "--interval", "0.95",
           "--scenario", "less-email:Klaviyo=-50%", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (result.out, expected[i]) == NULL)
      g_error ("The table does not say “%s”:\n%s", expected[i], result.out);
}

/* Weekly data forecasts the weeks a horizon in days touches. */
static void
test_forecast_weekly (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *points;
  JsonObject *components;

  import_sample (fixture, "demo-weekly-wide.csv");
  run_cli (fixture, &result, "forecast", "--horizon", "90", "--mode", "multiplicative", "--json",
           NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = parse_object (result.out);
  points = json_object_get_array_member (root, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 13);
  g_assert_cmpstr (get_string (json_array_get_object_element (points, 0), "date"), ==,
                   "2025-10-27");
  g_assert_cmpstr (get_string (json_array_get_object_element (points, 1), "date"), ==,
                   "2025-11-03");
  components = json_object_get_object_member (root, "components");
  g_assert_false (json_object_has_member (components, "weekly"));
  g_assert_true (json_object_has_member (components, "yearly"));
}

/* A plan names channels as the import does; a bad one is refused whole,
 * with its row and column. */
static void
test_forecast_spend_plan (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(MmxTestCliResult) base = { 0 };
  g_auto(MmxTestCliResult) planned = { 0 };
  g_auto(MmxTestCliResult) bad = { 0 };
  g_autofree char *plan = NULL;
  g_autofree char *bad_plan = NULL;
  g_autoptr(JsonObject) base_root = NULL;
  g_autoptr(JsonObject) planned_root = NULL;
  g_autoptr(GString) rows = g_string_new ("date,channel,spend\n");

  for (guint day = 1; day <= 30; day++)
    g_string_append_printf (rows, "2025-11-%02u,Meta Ads,3000\n2025-11-%02u,google_ads,3000\n",
                            day, day);
  plan = mmx_test_write_file (fixture->dir, "plan.csv", rows->str, -1);
  bad_plan = mmx_test_write_file (fixture->dir, "bad-plan.csv",
                                  "date,channel,spend\n2025-11-01,Snapchat,100\n", -1);
  import_sample (fixture, "demo-daily.csv");

  run_cli (fixture, &base, "forecast", "--horizon", "30", "--json", NULL);
  run_cli (fixture, &planned, "forecast", "--horizon", "30", "--spend-plan", plan, "--json", NULL);
  g_assert_cmpint (base.status, ==, 0);
  g_assert_cmpint (planned.status, ==, 0);
  base_root = parse_object (base.out);
  planned_root = parse_object (planned.out);
  /* Much more on two channels, nothing on the others. */
  g_assert_cmpfloat (get_number (json_object_get_object_member (planned_root, "total"), "yhat"),
                     !=, get_number (json_object_get_object_member (base_root, "total"), "yhat"));

  run_cli (fixture, &bad, "forecast", "--horizon", "30", "--spend-plan", bad_plan, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  assert_one_line (bad.err);
  g_assert_nonnull (strstr (bad.err, "bad-plan.csv, row 2, column “channel”: “Snapchat” is not a "
                                     "channel with spend in the history"));
}

/* What cannot be forecast says why, in one line. */
static void
test_forecast_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(MmxTestCliResult) empty = { 0 };
  g_auto(MmxTestCliResult) events = { 0 };
  g_autofree char *bad_events = mmx_test_write_file (fixture->dir, "events.csv",
                                                     "date,name\n2025-12-01,\n", -1);

  run_cli (fixture, &empty, "forecast", "--horizon", "30", NULL);
  g_assert_cmpint (empty.status, ==, 1);
  assert_one_line (empty.err);
  g_assert_nonnull (strstr (empty.err, "needs at least 30 days of history, and there is none"));

  import_sample (fixture, "demo-daily.csv");
  run_cli (fixture, &events, "forecast", "--horizon", "30", "--events", bad_events, NULL);
  g_assert_cmpint (events.status, ==, 1);
  assert_one_line (events.err);
  g_assert_nonnull (strstr (events.err, "events.csv, row 2, column “name”: the event has no name"));
}

static const char *
regressor_of (JsonObject *forecast,
              const char *channel)
{
  JsonObject *found = find_named (forecast, "channels", channel);

  g_assert_nonnull (found);
  return json_object_get_string_member (found, "regressor");
}

/* After an attribution of the same data, the forecast carries spend into
 * revenue through its response curves; new data, or --no-attribution,
 * falls back to adstocked spend. */
static void
test_forecast_uses_attribution (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = write_model_data (fixture, 365);
  g_autofree char *more = mmx_test_write_file (fixture->dir, "more.csv",
                                               "date,channel,spend,revenue\n"
                                               "2024-01-02,TV,100,\n", -1);
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) refused = NULL;
  g_autoptr(JsonObject) stale = NULL;

  run_cli (fixture, &result, "import", path, NULL);
  run_cli (fixture, &result, "forecast", "--horizon", "14", "--json", NULL);
  before = parse_object (result.out);
  g_assert_cmpstr (regressor_of (before, "TV"), ==, "adstock");

  run_cli (fixture, &result, "attribute", "--bootstrap", "20", "--evaluations", "100", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_cli (fixture, &result, "forecast", "--horizon", "14", "--json", NULL);
  after = parse_object (result.out);
  g_assert_cmpstr (regressor_of (after, "TV"), ==, "attribution");
  g_assert_cmpstr (regressor_of (after, "Search"), ==, "attribution");
  run_cli (fixture, &result, "forecast", "--horizon", "14", "--no-attribution", "--json", NULL);
  refused = parse_object (result.out);
  g_assert_cmpstr (regressor_of (refused, "TV"), ==, "adstock");

  run_cli (fixture, &result, "import", more, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_cli (fixture, &result, "forecast", "--horizon", "14", "--json", NULL);
  stale = parse_object (result.out);
  g_assert_cmpstr (regressor_of (stale, "TV"), ==, "adstock");
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/mmx/cli/import/long", test_import_long);
  add_test ("/mmx/cli/import/wide", test_import_wide);
  add_test ("/mmx/cli/import/bad-rows", test_import_bad_rows);
  add_test ("/mmx/cli/import/only-bad-rows", test_import_only_bad_rows);
  add_test ("/mmx/cli/import/unusable", test_import_unusable);
  add_test ("/mmx/cli/import/missing-file", test_import_missing_file);
  add_test ("/mmx/cli/import/idempotent", test_import_idempotent);
  add_test ("/mmx/cli/import/errors-csv", test_import_errors_csv);
  add_test ("/mmx/cli/import/preview", test_import_preview);
  add_test ("/mmx/cli/import/killed", test_import_killed);
  add_test ("/mmx/cli/kpis/totals", test_kpis_totals);
  add_test ("/mmx/cli/kpis/range", test_kpis_range);
  add_test ("/mmx/cli/kpis/bad-date", test_kpis_bad_date);
  add_test ("/mmx/cli/kpis/series", test_kpis_series);
  add_test ("/mmx/cli/attribute/json", test_attribute_json);
  add_test ("/mmx/cli/attribute/lag", test_attribute_lag);
  add_test ("/mmx/cli/attribute/conversions", test_attribute_conversions);
  add_test ("/mmx/cli/attribute/too-short", test_attribute_too_short);
  add_test ("/mmx/cli/attribute/bad-events", test_attribute_bad_events);
  add_test ("/mmx/cli/channels/map", test_channels_map);
  add_test ("/mmx/cli/channels/unmap", test_channels_unmap);
  add_test ("/mmx/cli/mappings/save", test_mappings_save);
  add_test ("/mmx/cli/mappings/delete", test_mappings_delete);
  add_test ("/mmx/cli/db/environment", test_db_from_environment);
  add_test ("/mmx/cli/db/default", test_db_default);
  add_test ("/mmx/cli/forecast/json", test_forecast_json);
  add_test ("/mmx/cli/forecast/table", test_forecast_table);
  add_test ("/mmx/cli/forecast/weekly", test_forecast_weekly);
  add_test ("/mmx/cli/forecast/spend-plan", test_forecast_spend_plan);
  add_test ("/mmx/cli/forecast/errors", test_forecast_errors);
  add_test ("/mmx/cli/forecast/uses-attribution", test_forecast_uses_attribution);

  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    g_test_add (usage_cases[i].test_path, Fixture, &usage_cases[i], fixture_set_up,
                test_usage, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (help_cases); i++)
    g_test_add (help_cases[i].test_path, Fixture, &help_cases[i], fixture_set_up,
                test_help, fixture_tear_down);

  return g_test_run ();
}
