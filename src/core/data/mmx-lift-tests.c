/* mmx-lift-tests.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-lift-tests"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-csv-table.h"
#include "mmx-import-error.h"
#include "mmx-lift-tests.h"

void
mmx_lift_test_free (MmxLiftTest *self)
{
  if (self == NULL)
    return;
  g_free (self->channel);
  g_free (self);
}

static gboolean
read_test (MmxCsvTable  *table,
           guint         row,
           const int    *columns,
           MmxStore     *store,
           MmxLiftTest  *test,
           GError      **error)
{
  enum { CHANNEL, START, END, LIFT, ERROR };
  const char *channel = mmx_csv_table_get_text (table, row, columns[CHANNEL]);

  if (*channel == '\0')
    {
      mmx_csv_table_set_error (table, row, columns[CHANNEL], error,
                               _("the channel is missing. Name the channel the test measured."));
      return FALSE;
    }
  if (!mmx_csv_table_get_date (table, row, columns[START], &test->first_day, error)
      || !mmx_csv_table_get_date (table, row, columns[END], &test->last_day, error)
      || !mmx_csv_table_get_number (table, row, columns[LIFT], &test->lift, error)
      || !mmx_csv_table_get_number (table, row, columns[ERROR], &test->standard_error, error))
    return FALSE;
  if (test->last_day < test->first_day)
    {
      mmx_csv_table_set_error (table, row, columns[END], error,
                               _("the test ends before it starts."));
      return FALSE;
    }
  if (test->standard_error <= 0)
    {
      mmx_csv_table_set_error (table, row, columns[ERROR], error,
                               _("the standard error must be above 0: it says how sure the "
                                 "test is, and no experiment is exact."));
      return FALSE;
    }
  /* Named as a user writes it; stored as the import would. */
  test->channel = store != NULL ? mmx_store_resolve_channel_name (store, channel, error)
                                : g_strdup (channel);
  if (test->channel == NULL)
    return FALSE;
  test->line = mmx_csv_table_get_line (table, row);
  return TRUE;
}

/**
 * mmx_lift_tests_load:
 * @file: a CSV file with the columns `channel`, `start`, `end`,
 *   `incremental_revenue` and `standard_error`
 * @store: (nullable): the store whose channel names apply, as on import
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type MmxLiftTest): the tests, or
 *   %NULL with a %MMX_IMPORT_ERROR_BAD_FILE error naming the row and column
 */
GPtrArray *
mmx_lift_tests_load (GFile         *file,
                     MmxStore      *store,
                     GCancellable  *cancellable,
                     GError       **error)
{
  static const char * const channel_names[] = { "channel", "media", NULL };
  static const char * const start_names[] = { "start", "start date", "from", "first day", NULL };
  static const char * const end_names[] = { "end", "end date", "to", "last day", NULL };
  static const char * const lift_names[] = { "incremental_revenue", "incremental revenue", "lift",
                                             "incremental", "effect", NULL };
  static const char * const error_names[] = { "standard_error", "standard error", "se", "stderr",
                                              "std error", NULL };
  const char * const *names[] = { channel_names, start_names, end_names, lift_names, error_names };
  g_autoptr(MmxCsvTable) table = NULL;
  g_autoptr(GPtrArray) tests = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_lift_test_free);
  g_autoptr(GError) local_error = NULL;
  int columns[G_N_ELEMENTS (names)];

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  table = mmx_csv_table_load_columns (file, names, G_N_ELEMENTS (names), columns,
                                      _("holds no tests: add a row per experiment below the "
                                        "header."), cancellable, &local_error);
  if (table == NULL)
    goto failed;

  for (guint row = 0; row < mmx_csv_table_get_n_rows (table); row++)
    {
      g_autoptr(MmxLiftTest) test = g_new0 (MmxLiftTest, 1);

      if (!read_test (table, row, columns, store, test, &local_error))
        goto failed;
      g_ptr_array_add (tests, g_steal_pointer (&test));
    }
  return g_steal_pointer (&tests);

failed:
  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_FILE, "%s", local_error->message);
  return NULL;
}
