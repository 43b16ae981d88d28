/* test-store.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mmx-store-private.h"
#include "mmx-test-utils.h"

/* The schema as SQLite describes it, to compare two databases. */
static char *
dump_schema (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *schema = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_master "
                                           "ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (schema, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  return g_string_free (schema, FALSE);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
test_fresh_database (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "nested", "folder", "mmx.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxStore) store = mmx_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mmx_store_get_path (store), ==, path);
  g_assert_cmpint (mmx_store_get_schema_version (store), ==, _mmx_store_get_latest_version ());
  g_assert_cmpint (mmx_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (mmx_test_query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (mmx_test_query_int (store, "PRAGMA application_id"), ==, 0x4D4D5831);
  {
    g_autofree char *mode = mmx_test_query_text (store, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }
  g_assert_cmpint (mmx_store_get_granularity (store, &error), ==, MMX_GRANULARITY_UNKNOWN);
  g_assert_no_error (error);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM channel WHERE kind = 'total'"),
                   ==, 1);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Every version a user may have, from an empty file up to the one before
 * the latest, must reach exactly the schema of a new database. */
static void
test_migrations_from_every_version (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(MmxStore) fresh = mmx_test_open_store (dir);
  g_autofree char *expected = dump_schema (_mmx_store_get_db (fresh));

  for (int version = 0; version < _mmx_store_get_latest_version (); version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", version);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MmxStore) store = NULL;
      g_autofree char *schema = NULL;
      sqlite3 *db = open_raw (path);

      g_assert_true (_mmx_store_migrate (db, version, &error));
      g_assert_no_error (error);
      if (version > 0)
        exec_raw (db, "PRAGMA application_id = 1296914481");
      sqlite3_close (db);

      store = mmx_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (mmx_store_get_schema_version (store), ==, _mmx_store_get_latest_version ());
      schema = dump_schema (_mmx_store_get_db (store));
      g_assert_cmpstr (schema, ==, expected);
    }

  g_clear_object (&fresh);
  mmx_test_remove_dir (dir);
}

/* Data stored by the first schema survives every later migration. */
static void
test_migration_keeps_data (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxStore) store = NULL;
  sqlite3 *db = open_raw (path);

  g_assert_true (_mmx_store_migrate (db, 1, &error));
  exec_raw (db, "PRAGMA application_id = 1296914481;"
                "INSERT INTO import_log (id, file, sha256, imported_at, shape, granularity) "
                "VALUES (1, 'a.csv', 'x', '2026-01-01T00:00:00Z', 'long', 'daily');"
                "INSERT INTO channel (key, name) VALUES ('tv', 'TV');"
                "INSERT INTO metric (date, channel_id, spend, revenue, import_id) "
                "VALUES ('2025-01-01', (SELECT id FROM channel WHERE key = 'tv'), 10, 30, 1);"
                "INSERT INTO setting VALUES ('granularity', 'daily');");
  sqlite3_close (db);

  store = mmx_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum(spend) FROM metric"), ==, 10);
  g_assert_cmpint (mmx_store_get_granularity (store, NULL), ==, MMX_GRANULARITY_DAILY);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = mmx_test_write_file (dir, "notes.db",
                                               "This is a text file, not a database at all. "
                                               "It is long enough to have a header page.", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxStore) store = mmx_store_open (path, &error);
  g_autofree char *contents = NULL;

  g_assert_null (store);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "notes.db"));

  /* Nothing was written to the user's file. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "This is a text file"));
  mmx_test_remove_dir (dir);
}

static void
test_other_programs_database (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxStore) store = NULL;
  sqlite3 *db = open_raw (path);

  exec_raw (db, "CREATE TABLE contacts (name TEXT)");
  sqlite3_close (db);

  store = mmx_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_A_DATABASE);

  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "SELECT name FROM contacts", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  mmx_test_remove_dir (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxStore) store = NULL;
  sqlite3 *db = open_raw (path);

  g_assert_true (_mmx_store_migrate (db, _mmx_store_get_latest_version (), NULL));
  sql = g_strdup_printf ("PRAGMA application_id = 1296914481; PRAGMA user_version = %d",
                         _mmx_store_get_latest_version () + 1);
  exec_raw (db, sql);
  sqlite3_close (db);

  store = mmx_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_TOO_NEW);
  mmx_test_remove_dir (dir);
}

static void
test_default_path (void)
{
  g_autofree char *from_env = NULL;
  g_autofree char *from_xdg = NULL;

  g_setenv ("MMX_DB", "/tmp/somewhere/profile.db", TRUE);
  from_env = mmx_store_get_default_path ();
  g_assert_cmpstr (from_env, ==, "/tmp/somewhere/profile.db");

  g_unsetenv ("MMX_DB");
  from_xdg = mmx_store_get_default_path ();
  g_assert_true (g_str_has_prefix (from_xdg, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (from_xdg, "marketingmix/marketingmix.db"));
}

static const char two_channels[] =
  "date,channel,spend,revenue,conversions\n"
  "2025-03-01,FB,10,40,1\n"
  "2025-03-02,FB,20,50,2\n"
  "2025-03-01,Facebook Ads,5,10,1\n"
  "2025-03-03,Hubspot,7,,\n";

static void
test_map_channel_moves_rows (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxImportSummary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autofree char *resolved = NULL;
  guint moved = 0;

  /* "FB" is a built-in name of Facebook Ads: both rows of 2025-03-01 add up. */
  summary = mmx_test_import_text (store, dir, "a.csv", two_channels, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->merged, ==, 1);
  g_assert_cmpfloat (mmx_test_query_double (store,
                                            "SELECT spend FROM metric WHERE date = '2025-03-01' "
                                            "AND channel_id = (SELECT id FROM channel "
                                            "WHERE name = 'Facebook Ads')"), ==, 15);

  /* Mapping a stored channel onto another moves and sums its rows. */
  g_assert_true (mmx_store_map_channel (store, "Facebook Ads", "Meta", &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 2);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM channel "
                                              "WHERE name = 'Facebook Ads'"), ==, 0);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum(spend) FROM metric m JOIN channel c "
                                                   "ON c.id = m.channel_id WHERE c.name = 'Meta'"),
                     ==, 35);

  /* A custom mapping beats the built-in one on later imports. */
  g_assert_true (mmx_store_map_channel (store, "fb", "Meta", NULL, &error));
  resolved = mmx_store_resolve_channel_name (store, "F.B.", &error);
  g_assert_cmpstr (resolved, ==, "Meta");
  again = mmx_test_import_text (store, dir, "b.csv",
                                "date,channel,spend,revenue\n2025-03-04,fb,1,2\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum(spend) FROM metric m JOIN channel c "
                                                   "ON c.id = m.channel_id WHERE c.name = 'Meta'"),
                     ==, 36);

  /* Mapping a name onto itself sets how the channel is spelled. */
  g_assert_true (mmx_store_map_channel (store, "hubspot", "HubSpot", NULL, &error));
  g_clear_pointer (&resolved, g_free);
  resolved = mmx_store_resolve_channel_name (store, "hubspot", &error);
  g_assert_cmpstr (resolved, ==, "HubSpot");

  channels = mmx_store_list_channels (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, 2);
  {
    MmxChannelInfo *hubspot = g_ptr_array_index (channels, 0);
    MmxChannelInfo *meta = g_ptr_array_index (channels, 1);

    g_assert_cmpstr (hubspot->name, ==, "HubSpot");
    g_assert_cmpstr (meta->name, ==, "Meta");
    g_assert_cmpint (meta->n_rows, ==, 3);
    g_assert_cmpfloat (meta->spend, ==, 36);
    g_assert_cmpstr (meta->first_date, ==, "2025-03-01");
    g_assert_cmpstr (meta->last_date, ==, "2025-03-04");
    g_assert_cmpuint (g_strv_length (meta->aliases), ==, 2);
    g_assert_cmpstr (meta->aliases[0], ==, "Facebook Ads");
    g_assert_cmpstr (meta->aliases[1], ==, "fb");
  }

  /* Unmapping forgets the alias, but moved rows stay; "fb" still reaches
   * Meta through the built-in name that is mapped. */
  g_assert_true (mmx_store_unmap_channel (store, "FB", &error));
  g_assert_false (mmx_store_unmap_channel (store, "FB", &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&resolved, g_free);
  resolved = mmx_store_resolve_channel_name (store, "fb", &error);
  g_assert_cmpstr (resolved, ==, "Meta");
  g_assert_true (mmx_store_unmap_channel (store, "Facebook Ads", &error));
  g_clear_pointer (&resolved, g_free);
  resolved = mmx_store_resolve_channel_name (store, "fb", &error);
  g_assert_cmpstr (resolved, ==, "Facebook Ads");

  g_assert_false (mmx_store_map_channel (store, "!!!", "Meta", NULL, &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_saved_mappings (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) loaded = NULL;
  g_autoptr(MmxColumnMapping) found = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *name = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (mapping, "y=revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "x1=spend:TV", &error));
  mmx_column_mapping_set_date_format (mapping, MMX_DATE_FORMAT_DMY);
  g_assert_true (mmx_store_save_mapping (store, "pymc", "dateweek,y,x1", mapping, &error));
  g_assert_no_error (error);

  loaded = mmx_store_load_mapping (store, "pymc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mmx_column_mapping_get_n_columns (loaded), ==, 2);
  g_assert_cmpint (mmx_column_mapping_get_date_format (loaded), ==, MMX_DATE_FORMAT_DMY);
  g_assert_cmpstr (mmx_column_mapping_lookup (loaded, "X1")->channel, ==, "TV");

  found = mmx_store_find_mapping_for_header (store, "dateweek,y,x1", &name, &error);
  g_assert_nonnull (found);
  g_assert_cmpstr (name, ==, "pymc");
  g_assert_null (mmx_store_find_mapping_for_header (store, "date,y", NULL, &error));
  g_assert_no_error (error);

  names = mmx_store_list_mappings (store, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);

  g_assert_null (mmx_store_load_mapping (store, "nope", &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (mmx_store_delete_mapping (store, "pymc", &error));
  g_assert_false (mmx_store_delete_mapping (store, "pymc", &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_import_history (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) first = NULL;
  g_autoptr(MmxImportSummary) second = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                                  two_channels, -1);
  MmxImportRecord *newest;

  first = mmx_test_import_text (store, dir, "a.csv", two_channels, NULL, &error);
  second = mmx_test_import_text (store, dir, "a.csv", two_channels, NULL, &error);
  g_assert_no_error (error);

  records = mmx_store_list_imports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  newest = g_ptr_array_index (records, 0);
  g_assert_cmpstr (newest->file, ==, "a.csv");
  g_assert_cmpstr (newest->sha256, ==, expected_hash);
  g_assert_cmpstr (newest->shape, ==, "long");
  g_assert_cmpstr (newest->granularity, ==, "daily");
  g_assert_cmpuint (newest->inserted, ==, 0);
  g_assert_cmpuint (newest->updated, ==, 3);
  g_assert_cmpuint (newest->merged, ==, 1);
  g_assert_true (newest->id > ((MmxImportRecord *) g_ptr_array_index (records, 1))->id);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Another program holding the write lock makes an import fail cleanly,
 * after the busy timeout, with nothing written. */
static void
test_busy (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = open_raw (path);

  exec_raw (other, "BEGIN IMMEDIATE");
  summary = mmx_test_import_text (store, dir, "a.csv", two_channels, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_BUSY);
  exec_raw (other, "ROLLBACK");
  sqlite3_close (other);

  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM metric"), ==, 0);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM import_log"), ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Saved results come back for seven days, and go when data is imported
 * or a channel is mapped: they were fitted to what changed. */
static void
test_result_cache (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *old = NULL;
  g_autofree char *after_import = NULL;
  g_autofree char *after_map = NULL;

  g_assert_true (mmx_store_save_result (store, "attribution", "key", "{\"a\":1}", &error));
  g_assert_no_error (error);
  found = mmx_store_lookup_result (store, "attribution", "key", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "{\"a\":1}");
  other = mmx_store_lookup_result (store, "forecast", "key", &error);
  g_assert_null (other);
  g_assert_no_error (error);

  /* Eight days old: expired. */
  g_assert_true (_mmx_store_exec (store, "UPDATE result_cache SET created = strftime "
                                  "('%Y-%m-%dT%H:%M:%SZ', 'now', '-8 days')", &error));
  old = mmx_store_lookup_result (store, "attribution", "key", &error);
  g_assert_null (old);
  g_assert_no_error (error);

  g_assert_true (mmx_store_save_result (store, "attribution", "key", "{}", &error));
  summary = mmx_test_import_text (store, dir, "data.csv",
                                  "date,channel,spend,revenue\n2025-01-01,TV,10,20\n", NULL, &error);
  g_assert_no_error (error);
  after_import = mmx_store_lookup_result (store, "attribution", "key", &error);
  g_assert_null (after_import);

  g_assert_true (mmx_store_save_result (store, "attribution", "key", "{}", &error));
  g_assert_true (mmx_store_map_channel (store, "TV", "Television", NULL, &error));
  g_assert_no_error (error);
  after_map = mmx_store_lookup_result (store, "attribution", "key", &error);
  g_assert_null (after_map);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/store/fresh-database", test_fresh_database);
  g_test_add_func ("/mmx/core/store/migrations-from-every-version",
                   test_migrations_from_every_version);
  g_test_add_func ("/mmx/core/store/migration-keeps-data", test_migration_keeps_data);
  g_test_add_func ("/mmx/core/store/not-a-database", test_not_a_database);
  g_test_add_func ("/mmx/core/store/other-programs-database", test_other_programs_database);
  g_test_add_func ("/mmx/core/store/too-new", test_too_new);
  g_test_add_func ("/mmx/core/store/default-path", test_default_path);
  g_test_add_func ("/mmx/core/store/map-channel-moves-rows", test_map_channel_moves_rows);
  g_test_add_func ("/mmx/core/store/saved-mappings", test_saved_mappings);
  g_test_add_func ("/mmx/core/store/import-history", test_import_history);
  g_test_add_func ("/mmx/core/store/busy", test_busy);
  g_test_add_func ("/mmx/core/store/result-cache", test_result_cache);

  return g_test_run ();
}
