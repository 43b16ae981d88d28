/* test-dashboard.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The dashboard on the sample data: the tiles show what the core
 * computes, the range changes them, the charts export at their size. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mmx-channel-table.h"
#include "mmx-dashboard-charts.h"
#include "mmx-ui-test-utils.h"

static MmxNumberFormat
current_format (MmxUiTestFixture *fixture)
{
  g_autofree char *currency = g_settings_get_string (fixture->settings, "currency");
  MmxNumberFormat format;

  mmx_number_format_init_from_locale (&format, currency);
  return format;
}

static const char *
tile_value (MmxUiTestFixture *fixture,
            MmxDashboardKpi   kpi)
{
  return mmx_kpi_tile_get_value (mmx_dashboard_page_get_kpi_tile (mmx_window_get_dashboard_page (fixture->window),
                                                                  kpi));
}

/* The tiles say what the core computes for @preset, on its own connection. */
static void
assert_tiles_match_core (MmxUiTestFixture   *fixture,
                         MmxDateRangePreset  preset)
{
  g_autoptr(MmxOverview) overview = mmx_ui_test_query_overview (fixture, preset);
  MmxNumberFormat format = current_format (fixture);
  g_autofree char *spend = mmx_number_format_money (&format, overview->kpis->spend);
  g_autofree char *revenue = mmx_number_format_money (&format, overview->kpis->revenue);
  g_autofree char *roas = mmx_number_format_ratio (&format, overview->kpis->roas);
  g_autofree char *conversions = mmx_number_format_number (&format, overview->kpis->conversions, 0);
  const MmxOverview *shown = mmx_dashboard_page_get_overview (mmx_window_get_dashboard_page (fixture->window));

  g_assert_cmpstr (shown->from, ==, overview->from);
  g_assert_cmpstr (shown->to, ==, overview->to);
  g_assert_cmpstr (tile_value (fixture, MMX_DASHBOARD_KPI_SPEND), ==, spend);
  g_assert_cmpstr (tile_value (fixture, MMX_DASHBOARD_KPI_REVENUE), ==, revenue);
  g_assert_cmpstr (tile_value (fixture, MMX_DASHBOARD_KPI_ROAS), ==, roas);
  g_assert_cmpstr (tile_value (fixture, MMX_DASHBOARD_KPI_CONVERSIONS), ==, conversions);

  /* The change against the period before, as the core computes it. */
  if (overview->previous != NULL)
    {
      g_autofree char *change = mmx_number_format_change (&format,
                                                          mmx_kpis_change (overview->kpis->revenue,
                                                                           overview->previous->revenue));
      const char *shown_change = mmx_kpi_tile_get_change (mmx_dashboard_page_get_kpi_tile (mmx_window_get_dashboard_page (fixture->window),
                                                                                           MMX_DASHBOARD_KPI_REVENUE));

      g_assert_true (g_str_has_prefix (shown_change, change));
    }
}

static void
set_range (MmxUiTestFixture *fixture,
           const char       *range)
{
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "range",
                                      g_variant_new_string (range));
  g_assert_true (mmx_dashboard_page_get_loading (mmx_window_get_dashboard_page (fixture->window)));
  mmx_ui_test_wait_for_dashboard (fixture);
}

static void
test_kpis_match_core (MmxUiTestFixture *fixture,
                      gconstpointer     size)
{
  mmx_ui_test_import_sample (fixture);
  /* The default range: the last 90 days with data. */
  assert_tiles_match_core (fixture, MMX_DATE_RANGE_LAST_90_DAYS);
  g_assert_nonnull (strstr (mmx_kpi_tile_get_change (mmx_dashboard_page_get_kpi_tile (mmx_window_get_dashboard_page (fixture->window),
                                                                                      MMX_DASHBOARD_KPI_SPEND)),
                            "previous 90 days"));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard"));
}

static void
test_range_changes_kpis (MmxUiTestFixture *fixture,
                         gconstpointer     size)
{
  g_autofree char *ninety = NULL;

  mmx_ui_test_import_sample (fixture);
  ninety = g_strdup (tile_value (fixture, MMX_DASHBOARD_KPI_SPEND));

  set_range (fixture, "last-30-days");
  assert_tiles_match_core (fixture, MMX_DATE_RANGE_LAST_30_DAYS);
  g_assert_cmpstr (tile_value (fixture, MMX_DASHBOARD_KPI_SPEND), !=, ninety);

  set_range (fixture, "all");
  assert_tiles_match_core (fixture, MMX_DATE_RANGE_ALL);
  /* All data has no period before it to compare with. */
  g_assert_nonnull (strstr (mmx_kpi_tile_get_change (mmx_dashboard_page_get_kpi_tile (mmx_window_get_dashboard_page (fixture->window),
                                                                                      MMX_DASHBOARD_KPI_SPEND)),
                            "No earlier period"));

  /* A custom range, as the dialog sets it. */
  g_settings_delay (fixture->settings);
  g_settings_set_string (fixture->settings, "custom-from", "2025-06-01");
  g_settings_set_string (fixture->settings, "custom-to", "2025-06-30");
  g_settings_set_string (fixture->settings, "date-range", "custom");
  g_settings_apply (fixture->settings);
  mmx_ui_test_wait_for_dashboard (fixture);
  g_assert_cmpstr (mmx_dashboard_page_get_overview (mmx_window_get_dashboard_page (fixture->window))->from,
                   ==, "2025-06-01");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MmxStore) store = mmx_store_open (fixture->db_path, &error);
    g_autoptr(MmxKpis) kpis = mmx_kpis_query (store, "2025-06-01", "2025-06-30", &error);
    MmxNumberFormat format = current_format (fixture);
    g_autofree char *spend = mmx_number_format_money (&format, kpis->spend);

    g_assert_cmpstr (tile_value (fixture, MMX_DASHBOARD_KPI_SPEND), ==, spend);
  }
}

static void
assert_png_size (GFile *file,
                 int    width,
                 int    height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

static void
test_export (MmxUiTestFixture *fixture,
             gconstpointer     size)
{
  MmxDashboardPage *page = mmx_window_get_dashboard_page (fixture->window);
  g_autofree char *png = g_build_filename (fixture->dir, "spend.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "share.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "channels.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "folder.png", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *table = NULL;

  mmx_ui_test_import_sample (fixture);

  file = g_file_new_for_path (png);
  g_assert_true (mmx_dashboard_page_export_chart (page, MMX_DASHBOARD_CHART_TIME, file,
                                                  MMX_CHART_FORMAT_PNG, &error));
  g_assert_no_error (error);
  assert_png_size (file, MMX_CHART_EXPORT_WIDTH * MMX_CHART_EXPORT_SCALE,
                   MMX_CHART_EXPORT_HEIGHT * MMX_CHART_EXPORT_SCALE);
  g_assert_true (mmx_dashboard_page_export_chart (page, MMX_DASHBOARD_CHART_ROAS, file,
                                                  MMX_CHART_FORMAT_PNG, &error));
  assert_png_size (file, MMX_CHART_EXPORT_WIDTH * MMX_CHART_EXPORT_SCALE,
                   MMX_CHART_EXPORT_HEIGHT * MMX_CHART_EXPORT_SCALE);

  g_clear_object (&file);
  file = g_file_new_for_path (pdf);
  g_assert_true (mmx_dashboard_page_export_chart (page, MMX_DASHBOARD_CHART_SHARE, file,
                                                  MMX_CHART_FORMAT_PDF, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  /* The table as CSV, as shown. */
  g_clear_object (&file);
  file = g_file_new_for_path (csv);
  g_assert_true (mmx_dashboard_page_export_table (page, file, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  table = mmx_channel_table_dup_csv (MMX_CHANNEL_TABLE (mmx_dashboard_page_get_channel_table (page)));
  g_assert_cmpstr (contents, ==, table);
  g_assert_true (g_str_has_prefix (contents, MMX_CHANNEL_KPIS_CSV_HEADER));

  /* A folder that does not exist: an error naming the file. */
  g_clear_object (&file);
  file = g_file_new_for_path (missing);
  g_assert_false (mmx_dashboard_page_export_chart (page, MMX_DASHBOARD_CHART_TIME, file,
                                                   MMX_CHART_FORMAT_PNG, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "folder.png"));

  /* The window's charts are laid out again at their own size. */
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-after-export"));
}

static void
test_table (MmxUiTestFixture *fixture,
            gconstpointer     size)
{
  MmxChannelTable *table = NULL;
  const MmxOverview *overview;
  double best = -1;
  g_autofree char *best_text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *csv = NULL;
  MmxNumberFormat format;
  const char *best_name = NULL;

  mmx_ui_test_import_sample (fixture);
  table = MMX_CHANNEL_TABLE (mmx_dashboard_page_get_channel_table (mmx_window_get_dashboard_page (fixture->window)));
  overview = mmx_dashboard_page_get_overview (mmx_window_get_dashboard_page (fixture->window));
  g_assert_cmpuint (mmx_channel_table_get_n_rows (table), ==, overview->kpis->channels->len);

  for (guint i = 0; i < overview->kpis->channels->len; i++)
    {
      const MmxChannelKpis *kpis = g_ptr_array_index (overview->kpis->channels, i);

      if (isfinite (kpis->roas) && kpis->roas > best)
        {
          best = kpis->roas;
          best_name = kpis->name;
        }
    }
  /* Sorted by ROAS, highest first: the best channel leads, in the CSV too. */
  mmx_channel_table_sort (table, 3, GTK_SORT_DESCENDING);
  format = current_format (fixture);
  best_text = mmx_number_format_ratio (&format, best);
  first = mmx_channel_table_dup_cell (table, 0, 3);
  g_assert_cmpstr (first, ==, best_text);
  csv = mmx_channel_table_dup_csv (table);
  g_assert_true (g_str_has_prefix (csv + strlen (MMX_CHANNEL_KPIS_CSV_HEADER), best_name));
}

static void
test_series_toggles (MmxUiTestFixture *fixture,
                     gconstpointer     size)
{
  MmxDashboardPage *page = mmx_window_get_dashboard_page (fixture->window);
  MmxTimeChart *chart;

  mmx_ui_test_import_sample (fixture);
  chart = MMX_TIME_CHART (mmx_dashboard_page_get_chart (page, MMX_DASHBOARD_CHART_TIME));
  g_assert_cmpuint (mmx_time_chart_get_n_series (chart), ==, 2);
  /* A channel that reports revenue adds its spend and its revenue. */
  mmx_dashboard_page_show_channel (page, "Facebook Ads", TRUE);
  g_assert_cmpuint (mmx_time_chart_get_n_series (chart), ==, 4);
  mmx_dashboard_page_show_channel (page, NULL, FALSE);
  g_assert_cmpuint (mmx_time_chart_get_n_series (chart), ==, 2);
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-one-channel"));

  /* Toggles survive a new range. */
  set_range (fixture, "last-30-days");
  g_assert_cmpuint (mmx_time_chart_get_n_series (chart), ==, 2);

  /* Weeks. */
  g_settings_set_string (fixture->settings, "periods", "weekly");
  mmx_ui_test_wait_for_dashboard (fixture);
  g_assert_cmpint (mmx_dashboard_page_get_overview (page)->series->granularity, ==,
                   MMX_GRANULARITY_WEEKLY);
}

static void
test_tooltip (MmxUiTestFixture *fixture,
              gconstpointer     size)
{
  MmxDashboardPage *page = mmx_window_get_dashboard_page (fixture->window);
  MmxChart *chart;
  g_autofree char *tooltip = NULL;
  g_autofree char *summary = NULL;
  MmxRect plot;

  mmx_ui_test_import_sample (fixture);
  mmx_ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  chart = mmx_dashboard_page_get_chart (page, MMX_DASHBOARD_CHART_TIME);
  mmx_chart_get_plot_area (chart, &plot);
  g_assert_cmpfloat (plot.width, >, 100);
  tooltip = mmx_chart_dup_tooltip (chart, mmx_chart_pick (chart, plot.x + plot.width / 2,
                                                          plot.y + plot.height / 2));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Spend: $"));
  g_assert_nonnull (strstr (tooltip, "Revenue: $"));
  summary = mmx_chart_dup_summary (chart);
  g_assert_true (g_str_has_prefix (summary, "Line chart per day"));
}

static void
test_currency (MmxUiTestFixture *fixture,
               gconstpointer     size)
{
  mmx_ui_test_import_sample (fixture);
  g_assert_true (g_str_has_prefix (tile_value (fixture, MMX_DASHBOARD_KPI_SPEND), "$"));
  g_settings_set_string (fixture->settings, "currency", "EUR");
  g_assert_true (g_str_has_prefix (tile_value (fixture, MMX_DASHBOARD_KPI_SPEND), "€"));
  assert_tiles_match_core (fixture, MMX_DATE_RANGE_LAST_90_DAYS);
}

static void
test_labelled_with_data (MmxUiTestFixture *fixture,
                         gconstpointer     size)
{
  mmx_ui_test_import_sample (fixture);
  mmx_ui_test_assert_labelled (GTK_WIDGET (fixture->window));
  /* Charts are images, described by their summary. */
  for (MmxDashboardChart chart = MMX_DASHBOARD_CHART_TIME; chart <= MMX_DASHBOARD_CHART_SHARE; chart++)
    {
      GtkWidget *view = mmx_dashboard_page_get_chart_view (mmx_window_get_dashboard_page (fixture->window),
                                                           chart);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }
}

/* The whole dashboard, light and dark. */
static void
test_screenshots (MmxUiTestFixture *fixture,
                  gconstpointer     size)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  MmxDashboardPage *page = mmx_window_get_dashboard_page (fixture->window);

  mmx_ui_test_import_sample (fixture);
  mmx_dashboard_page_show_channel (page, "Google Ads", TRUE);
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-full"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  mmx_ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  /* The charts follow the theme. */
  g_assert_true (mmx_chart_get_style (mmx_dashboard_page_get_chart (page, MMX_DASHBOARD_CHART_TIME))->dark);
  g_assert_true (mmx_chart_get_style (mmx_dashboard_page_get_chart (page, MMX_DASHBOARD_CHART_SHARE))->dark);
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-full-dark"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  mmx_ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_false (mmx_chart_get_style (mmx_dashboard_page_get_chart (page, MMX_DASHBOARD_CHART_TIME))->dark);
}

/* At phone width everything fits in the window's width. */
static void
test_phone (MmxUiTestFixture *fixture,
            gconstpointer     size)
{
  MmxDashboardPage *page = mmx_window_get_dashboard_page (fixture->window);
  int window_width;

  mmx_ui_test_import_sample (fixture);
  mmx_ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  window_width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  g_assert_cmpint (window_width, <=, 400);
  for (MmxDashboardKpi kpi = MMX_DASHBOARD_KPI_SPEND; kpi <= MMX_DASHBOARD_KPI_CONVERSIONS; kpi++)
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (mmx_dashboard_page_get_kpi_tile (page, kpi))),
                     <=, window_width);
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-360"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-360-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  mmx_ui_test_init (&argc, &argv);

  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/kpis-match-core", MMX_UI_TEST_WIDE, test_kpis_match_core);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/range-changes-kpis", MMX_UI_TEST_WIDE,
                   test_range_changes_kpis);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/export", MMX_UI_TEST_WIDE, test_export);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/table", MMX_UI_TEST_WIDE, test_table);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/series-toggles", MMX_UI_TEST_WIDE, test_series_toggles);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/tooltip", MMX_UI_TEST_WIDE, test_tooltip);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/currency", MMX_UI_TEST_WIDE, test_currency);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/labelled", MMX_UI_TEST_WIDE, test_labelled_with_data);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/screenshots", MMX_UI_TEST_TALL, test_screenshots);
  MMX_UI_TEST_ADD ("/mmx/ui/dashboard/phone", MMX_UI_TEST_PHONE, test_phone);

  return g_test_run ();
}
