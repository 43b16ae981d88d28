/* test-import.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Import page, driven as a user would: files dropped on the window,
 * previewed, corrected, imported, cancelled; the real store checked after. */

#include "config.h"

#include <string.h>

#include "mmx-test-utils.h"
#include "mmx-ui-test-utils.h"

static const char good_and_bad[] =
  "date,channel,spend,revenue,conversions\n"
  "2025-01-06,fb_ads,100,250,5\n"
  "2025-01-06,Google Ads,200,300,10\n"
  "2025-01-07,fb_ads,90,abc,4\n"
  "2025-01-07,Google Ads,210,320,11\n"
  "2025-13-08,Google Ads,5,5,1\n";

static gint64
count_rows (MmxUiTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxStore) store = mmx_store_open (fixture->db_path, &error);

  g_assert_no_error (error);
  return mmx_test_query_int (store, "SELECT count(*) FROM metric");
}

/* Drops files on the window as a file manager would: through the window's
 * drop target, with a file list. */
static void
drop_files (MmxUiTestFixture *fixture,
            GFile           **files,
            guint             n_files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  gboolean dropped = FALSE;

  for (guint i = n_files; i > 0; i--)
    list = g_slist_prepend (list, files[i - 1]);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_assert_true (dropped);
}

/* Presses Import on the preview shown, and waits for the summary. */
static const MmxImportSummary *
import_previewed (MmxUiTestFixture *fixture)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);

  mmx_import_page_confirm (page);
  mmx_ui_test_wait_for_import (fixture, "summary");
  return mmx_import_page_get_summary (page);
}

static void
test_sample_data (MmxUiTestFixture *fixture,
                  gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  const MmxImportSummary *summary;

  mmx_ui_test_import_sample (fixture);
  summary = mmx_import_page_get_summary (page);
  g_assert_nonnull (summary);
  g_assert_cmpstr (summary->file, ==, "demo-daily.csv");
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpuint (summary->inserted, ==, count_rows (fixture));
  /* Nothing to review: the dashboard is shown. */
  g_assert_cmpstr (mmx_window_get_page (fixture->window), ==, "dashboard");
  g_assert_true (mmx_dashboard_page_get_has_data (mmx_window_get_dashboard_page (fixture->window)));
  mmx_ui_test_wait_until ((MmxUiTestCondition) mmx_import_page_get_n_history, page,
                          "the import history");
  g_assert_cmpuint (mmx_import_page_get_n_history (page), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "import");
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-history"));
}

static void
test_drop_preview_import (MmxUiTestFixture *fixture,
                          gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  g_autoptr(GFile) file = mmx_ui_test_write_csv (fixture, "ads.csv", good_and_bad);
  const MmxImportSummary *summary;
  g_autofree char *issues = NULL;

  drop_files (fixture, &file, 1);
  g_assert_cmpstr (mmx_window_get_page (fixture->window), ==, "import");
  mmx_ui_test_wait_for_import (fixture, "preview");
  /* Nothing written before the user confirms. */
  g_assert_cmpint (count_rows (fixture), ==, 0);
  g_assert_true (mmx_import_preview_get_ready (mmx_import_page_get_preview (page)));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-preview"));

  summary = import_previewed (fixture);
  g_assert_cmpuint (summary->inserted, ==, 3);
  g_assert_cmpuint (summary->rejected, ==, 2);
  g_assert_cmpint (count_rows (fixture), ==, 3);

  /* The rejected rows, with their row and column, to copy or save. */
  issues = mmx_import_summary_view_dup_issues_csv (mmx_import_page_get_summary_view (page));
  g_assert_true (g_str_has_prefix (issues, MMX_IMPORT_ISSUES_CSV_HEADER));
  g_assert_nonnull (strstr (issues, "ads.csv,4,revenue,"));
  g_assert_nonnull (strstr (issues, "ads.csv,6,date,"));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-summary"));

  /* The rows reach the dashboard. */
  mmx_ui_test_wait_until ((MmxUiTestCondition) mmx_dashboard_page_get_has_data,
                          mmx_window_get_dashboard_page (fixture->window), "the dashboard");
  mmx_import_page_skip (page);
  g_assert_cmpstr (mmx_import_page_get_state (page), ==, "idle");
}

static void
test_several_files (MmxUiTestFixture *fixture,
                    gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  g_autoptr(GFile) first = mmx_ui_test_write_csv (fixture, "a.csv",
                                                  "date,channel,spend,revenue\n"
                                                  "2025-01-06,TikTok,10,20\n"
                                                  "2025-01-07,TikTok,11,21\n");
  g_autoptr(GFile) second = mmx_ui_test_write_csv (fixture, "b.csv",
                                                   "date,channel,spend,revenue\n"
                                                   "2025-01-06,Email,1,30\n"
                                                   "2025-01-07,Email,2,31\n");
  GFile *files[] = { first, second };

  drop_files (fixture, files, 2);
  mmx_ui_test_wait_for_import (fixture, "preview");
  /* The first is skipped, the second imported. */
  mmx_import_page_skip (page);
  mmx_ui_test_wait_for_import (fixture, "preview");
  g_assert_cmpstr (import_previewed (fixture)->file, ==, "b.csv");
  g_assert_cmpint (count_rows (fixture), ==, 2);
  mmx_import_page_skip (page);
  g_assert_cmpstr (mmx_import_page_get_state (page), ==, "idle");
}

static void
test_ambiguous_dates (MmxUiTestFixture *fixture,
                      gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  MmxImportPreview *preview = mmx_import_page_get_preview (page);
  g_autoptr(GFile) file = mmx_ui_test_write_csv (fixture, "dates.csv",
                                                 "date,channel,spend,revenue\n"
                                                 "01/02/2025,Meta,10,20\n"
                                                 "02/02/2025,Meta,11,21\n"
                                                 "05/03/2025,Meta,12,22\n"
                                                 "06/03/2025,Meta,13,23\n");
  const MmxImportSummary *summary;

  drop_files (fixture, &file, 1);
  mmx_ui_test_wait_for_import (fixture, "preview");
  /* Both ways read every date, and neither gives regular days: the user
   * must choose. */
  g_assert_false (mmx_import_preview_get_ready (preview));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-ambiguous-dates"));

  mmx_import_preview_set_date_format (preview, MMX_DATE_FORMAT_DMY);
  mmx_ui_test_wait_for_import (fixture, "preview");
  mmx_ui_test_wait_until ((MmxUiTestCondition) mmx_import_preview_get_ready, preview,
                          "the dates to be read day first");
  summary = import_previewed (fixture);
  g_assert_cmpstr (summary->first_date, ==, "2025-02-01");
  g_assert_cmpstr (summary->last_date, ==, "2025-03-06");
}

static void
test_not_a_csv (MmxUiTestFixture *fixture,
                gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  g_autoptr(GFile) file = mmx_ui_test_write_csv (fixture, "report.xlsx",
                                                 "PK\003\004\024\000\006\000binary workbook");

  drop_files (fixture, &file, 1);
  mmx_ui_test_wait_for_import (fixture, "error");
  /* What, where and what to do. */
  g_assert_nonnull (strstr (mmx_import_page_get_error (page), "report.xlsx"));
  g_assert_nonnull (strstr (mmx_import_page_get_error (page), "CSV"));
  g_assert_cmpint (count_rows (fixture), ==, 0);
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-error"));
  mmx_import_page_skip (page);
  g_assert_cmpstr (mmx_import_page_get_state (page), ==, "idle");
}

static gboolean
preview_has_plan (gpointer data)
{
  MmxImportPage *page = data;

  return g_strcmp0 (mmx_import_page_get_state (page), "preview") == 0
         && mmx_import_preview_get_ready (mmx_import_page_get_preview (page));
}

/* Columns no importer can guess (PyMC's y, x1, x2): the user says what
 * they hold in the preview, and the file imports. */
static void
test_column_mapping (MmxUiTestFixture *fixture,
                     gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  MmxImportPreview *preview = mmx_import_page_get_preview (page);
  g_autoptr(GFile) file = mmx_ui_test_write_csv (fixture, "mmm.csv",
                                                 "date,y,x1,x2\n"
                                                 "2025-01-06,1000,10,20\n"
                                                 "2025-01-13,1100,12,18\n"
                                                 "2025-01-20,1200,14,16\n");
  g_autoptr(MmxOverview) overview = NULL;
  const MmxImportSummary *summary;

  drop_files (fixture, &file, 1);
  mmx_ui_test_wait_for_import (fixture, "preview");
  /* No plan yet: the columns as written, and why. */
  g_assert_false (mmx_import_preview_get_ready (preview));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-needs-mapping"));

  mmx_import_preview_set_column_field (preview, 1, MMX_FIELD_REVENUE);
  mmx_ui_test_wait_for_import (fixture, "preview");
  mmx_import_preview_set_column_field (preview, 2, MMX_FIELD_SPEND);
  mmx_ui_test_wait_until (preview_has_plan, page, "a plan with spend and revenue");
  mmx_import_preview_set_column_field (preview, 3, MMX_FIELD_SPEND);
  mmx_ui_test_wait_until (preview_has_plan, page, "a plan with both channels");

  summary = import_previewed (fixture);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_WEEKLY);
  overview = mmx_ui_test_query_overview (fixture, MMX_DATE_RANGE_ALL);
  g_assert_cmpfloat (overview->kpis->spend, ==, 10 + 12 + 14 + 20 + 18 + 16);
  g_assert_cmpfloat (overview->kpis->revenue, ==, 3300);
}

/* A separator that another splits as well is the user's to choose, and
 * a wrong choice can be undone from the columns it gives. */
static void
test_delimiter_choice (MmxUiTestFixture *fixture,
                       gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  MmxImportPreview *preview = mmx_import_page_get_preview (page);
  g_autoptr(GFile) file = mmx_ui_test_write_csv (fixture, "Google Ads campaigns.csv",
                                                 "Date;Campaign, Group;Cost;Revenue\n"
                                                 "2025-01-06;Brand, Search;10;20\n"
                                                 "2025-01-07;Brand, Search;11;21\n");

  drop_files (fixture, &file, 1);
  mmx_ui_test_wait_for_import (fixture, "preview");
  g_assert_true (mmx_import_preview_get_ready (preview));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-separator"));

  mmx_import_preview_set_delimiter (preview, ',');
  mmx_ui_test_wait_for_import (fixture, "preview");
  g_assert_false (mmx_import_preview_get_ready (preview));

  mmx_import_preview_set_delimiter (preview, ';');
  mmx_ui_test_wait_until (preview_has_plan, page, "the semicolons again");
  g_assert_cmpuint (import_previewed (fixture)->inserted, ==, 2);
}

/* A channel renamed in the preview is stored under its new name. */
static void
test_rename_channel (MmxUiTestFixture *fixture,
                     gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  g_autoptr(GFile) file = mmx_ui_test_write_csv (fixture, "ads.csv", good_and_bad);
  g_autoptr(MmxOverview) overview = NULL;

  drop_files (fixture, &file, 1);
  mmx_ui_test_wait_for_import (fixture, "preview");
  mmx_import_preview_rename_channel (mmx_import_page_get_preview (page), "fb_ads", "Meta");
  mmx_ui_test_wait_for_import (fixture, "reading");
  mmx_ui_test_wait_for_import (fixture, "preview");
  import_previewed (fixture);
  overview = mmx_ui_test_query_overview (fixture, MMX_DATE_RANGE_ALL);
  g_assert_cmpuint (overview->kpis->channels->len, ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) mmx_import_page_get_summary (page)->channels,
                                  "Meta"));
}

/* Cancel while a large file imports: the store is as it was. */
static void
test_cancel (MmxUiTestFixture *fixture,
             gconstpointer     size)
{
  MmxImportPage *page = mmx_window_get_import_page (fixture->window);
  g_autoptr(GString) csv = g_string_new ("date,channel,spend,revenue\n");
  g_autoptr(GFile) file = NULL;

  for (guint day = 0; day < 3000; day++)
    for (guint c = 0; c < 100; c++)
      {
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 1, 1, 2015);
        g_date_add_days (&date, day);
        g_string_append_printf (csv, "%04u-%02u-%02u,Channel %u,%u,%u\n", g_date_get_year (&date),
                                g_date_get_month (&date), g_date_get_day (&date), c, c + day % 7,
                                2 * c + day % 5);
      }
  file = mmx_ui_test_write_csv (fixture, "large.csv", csv->str);

  drop_files (fixture, &file, 1);
  mmx_ui_test_wait_for_import (fixture, "preview");
  mmx_import_page_confirm (page);
  g_assert_cmpstr (mmx_import_page_get_state (page), ==, "importing");
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "import-progress"));
  mmx_import_page_cancel (page);
  /* Back to the preview, to import or skip. */
  mmx_ui_test_wait_for_import (fixture, "preview");
  g_assert_cmpint (count_rows (fixture), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  mmx_ui_test_init (&argc, &argv);

  MMX_UI_TEST_ADD ("/mmx/ui/import/sample-data", MMX_UI_TEST_WIDE, test_sample_data);
  MMX_UI_TEST_ADD ("/mmx/ui/import/drop-preview-import", MMX_UI_TEST_WIDE,
                   test_drop_preview_import);
  MMX_UI_TEST_ADD ("/mmx/ui/import/several-files", MMX_UI_TEST_WIDE, test_several_files);
  MMX_UI_TEST_ADD ("/mmx/ui/import/ambiguous-dates", MMX_UI_TEST_WIDE, test_ambiguous_dates);
  MMX_UI_TEST_ADD ("/mmx/ui/import/not-a-csv", MMX_UI_TEST_WIDE, test_not_a_csv);
  MMX_UI_TEST_ADD ("/mmx/ui/import/column-mapping", MMX_UI_TEST_WIDE, test_column_mapping);
  MMX_UI_TEST_ADD ("/mmx/ui/import/rename-channel", MMX_UI_TEST_WIDE, test_rename_channel);
  MMX_UI_TEST_ADD ("/mmx/ui/import/delimiter-choice", MMX_UI_TEST_WIDE, test_delimiter_choice);
  MMX_UI_TEST_ADD ("/mmx/ui/import/cancel", MMX_UI_TEST_WIDE, test_cancel);

  return g_test_run ();
}
