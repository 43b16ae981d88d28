/* mmx-test-utils.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mmx-date.h"
#include "mmx-store-private.h"
#include "mmx-test-utils.h"

char *
mmx_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mmx-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
mmx_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        mmx_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

char *
mmx_test_write_file (const char *dir,
                     const char *name,
                     const char *contents,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/**
 * mmx_test_write_daily_csv:
 * @path: the file to write
 * @first_day: the first date, `YYYY-MM-DD`
 * @n_days: how many days
 * @n_channels: how many channels a day ("Channel 00"…)
 * @seed: the seed of the random amounts
 *
 * Writes a long daily file for benchmarks: spend from 0 to 3,000 a
 * channel and day, revenue 0.5 to 4 times it, a conversion per 50 spent.
 */
void
mmx_test_write_daily_csv (const char *path,
                          const char *first_day,
                          guint       n_days,
                          guint       n_channels,
                          guint32     seed)
{
  g_autoptr(GString) csv = g_string_new ("date,channel,spend,revenue,conversions\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  guint32 first = mmx_date_julian_from_iso (first_day);

  for (guint d = 0; d < n_days; d++)
    {
      g_autofree char *date = mmx_date_julian_to_iso (first + d);

      for (guint c = 0; c < n_channels; c++)
        {
          double spend = g_rand_double_range (rand, 0, 3000);

          g_string_append_printf (csv, "%s,Channel %02u,%.2f,%.2f,%u\n", date, c, spend,
                                  spend * g_rand_double_range (rand, 0.5, 4),
                                  (guint) (spend / 50));
        }
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * mmx_test_median:
 * @values: (array length=n_values): values, sorted in place
 * @n_values: how many, at least one
 * @out_p95: (out) (optional): their 95th percentile
 *
 * Returns: their median: of timings, for benchmarks on a shared machine;
 *   of errors, for accuracy over many draws
 */
double
mmx_test_median (double *values,
                 guint   n_values,
                 double *out_p95)
{
  qsort (values, n_values, sizeof (double), compare_doubles);
  if (out_p95 != NULL)
    *out_p95 = values[n_values * 95 / 100];
  return n_values % 2 ? values[n_values / 2]
                      : (values[n_values / 2 - 1] + values[n_values / 2]) / 2;
}

/**
 * mmx_test_sample_path:
 * @name: a file of the project's samples/ folder
 *
 * Returns: (transfer full): its path; aborts, saying why, outside
 *   `meson test`, which tells where the sources are
 */
char *
mmx_test_sample_path (const char *name)
{
  const char *root = g_getenv ("MMX_SOURCE_ROOT");

  if (root == NULL)
    g_error ("MMX_SOURCE_ROOT is not set: run the tests with meson test");
  return g_build_filename (root, "samples", name, NULL);
}

MmxStore *
mmx_test_open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  MmxStore *store = mmx_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

MmxImport *
mmx_test_open_import (MmxStore          *store,
                      const char        *path,
                      MmxColumnMapping  *mapping,
                      GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MmxImport *import = mmx_import_new (store, file, mapping, NULL, error);

  if (import != NULL)
    mmx_import_set_today (import, mmx_date_julian_from_iso (MMX_TEST_TODAY));
  return import;
}

MmxImportSummary *
mmx_test_import_file (MmxStore          *store,
                      const char        *path,
                      MmxColumnMapping  *mapping,
                      GError           **error)
{
  g_autoptr(MmxImport) import = mmx_test_open_import (store, path, mapping, error);

  if (import == NULL)
    return NULL;
  return mmx_import_run (import, NULL, NULL, NULL, error);
}

MmxImportSummary *
mmx_test_import_text (MmxStore          *store,
                      const char        *dir,
                      const char        *name,
                      const char        *contents,
                      MmxColumnMapping  *mapping,
                      GError           **error)
{
  g_autofree char *path = mmx_test_write_file (dir, name, contents, -1);

  return mmx_test_import_file (store, path, mapping, error);
}

static sqlite3_stmt *
step_one (MmxStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _mmx_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
mmx_test_query_int (MmxStore   *store,
                    const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = step_one (store, sql);

  return sqlite3_column_int64 (stmt, 0);
}

double
mmx_test_query_double (MmxStore   *store,
                       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = step_one (store, sql);

  return sqlite3_column_double (stmt, 0);
}

char *
mmx_test_query_text (MmxStore   *store,
                     const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = step_one (store, sql);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

const MmxImportIssue *
mmx_test_find_issue (MmxImportSummary *summary,
                     guint             row)
{
  for (guint i = 0; i < summary->issues->len; i++)
    {
      const MmxImportIssue *issue = g_ptr_array_index (summary->issues, i);

      if (issue->row == row)
        return issue;
    }
  return NULL;
}

/* @error is of @domain and @code, and its message holds @text. */
void
mmx_test_assert_error_says (const GError *error,
                            GQuark        domain,
                            int           code,
                            const char   *text)
{
  g_assert_error (error, domain, code);
  if (strstr (error->message, text) == NULL)
    g_error ("“%s” does not say “%s”", error->message, text);
}

void
mmx_test_store_fixture_set_up (MmxTestStoreFixture *fixture,
                               gconstpointer        csv_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;

  fixture->dir = mmx_test_make_dir ();
  fixture->store = mmx_test_open_store (fixture->dir);
  if (csv_text != NULL)
    {
      summary = mmx_test_import_text (fixture->store, fixture->dir, "data.csv", csv_text, NULL,
                                      &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary->rejected, ==, 0);
    }
}

void
mmx_test_store_fixture_tear_down (MmxTestStoreFixture *fixture,
                                  gconstpointer        csv_text)
{
  g_clear_object (&fixture->store);
  mmx_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

void
mmx_test_cli_result_clear (MmxTestCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/**
 * mmx_test_cli_launcher:
 * @dir: the folder to run in; its xdg-data subfolder stands in for the
 *   user's data, so no test ever touches the user's own database
 * @flags: what to do with the program's output
 * @mmx_db: (nullable): the $MMX_DB to give it, unset when %NULL
 *
 * Returns: (transfer full): a launcher for marketingmix-cli
 */
GSubprocessLauncher *
mmx_test_cli_launcher (const char       *dir,
                       GSubprocessFlags  flags,
                       const char       *mmx_db)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  g_autofree char *data_home = g_build_filename (dir, "xdg-data", NULL);

  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  if (mmx_db != NULL)
    g_subprocess_launcher_setenv (launcher, "MMX_DB", mmx_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "MMX_DB");
  return launcher;
}

/**
 * mmx_test_cli_argv:
 * @args: (array zero-terminated=1): the arguments after the program
 *
 * Returns: (transfer full): $MMX_CLI, the real marketingmix-cli, and
 *   @args, NULL-terminated
 */
GPtrArray *
mmx_test_cli_argv (const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *cli = g_getenv ("MMX_CLI");

  g_assert_nonnull (cli);
  g_assert_true (g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE));
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/**
 * mmx_test_run_cli:
 * @dir: the folder to run in, as for mmx_test_cli_launcher()
 * @mmx_db: (nullable): the $MMX_DB to give it
 * @args: (array zero-terminated=1): the arguments after the program
 * @result: (out caller-allocates): what it did, cleared first
 *
 * Runs marketingmix-cli to its end.
 */
void
mmx_test_run_cli (const char         *dir,
                  const char         *mmx_db,
                  const char * const *args,
                  MmxTestCliResult   *result)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = mmx_test_cli_argv (args);
  g_autoptr(GError) error = NULL;

  launcher = mmx_test_cli_launcher (dir, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                         | G_SUBPROCESS_FLAGS_STDERR_PIPE, mmx_db);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  mmx_test_cli_result_clear (result);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}
