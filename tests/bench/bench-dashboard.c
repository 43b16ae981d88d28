/* bench-dashboard.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What switching the dashboard's date range costs on 3 years x 20
 * channels of daily data, step by step as the window does it: a store job
 * on the worker pool reads the overview (KPIs, the period before, the
 * daily series) on the connection its worker keeps, the result comes back
 * to this thread's main loop, and the three charts are filled and laid
 * out at a desktop size, then drawn. The budget, 100 ms, is for the query
 * and the layout; drawing is shown beside. Medians and 95th percentiles
 * of RUNS switches per range. */

#include "config.h"

#include <stdio.h>

#include "mmx-dashboard-charts.h"
#include "mmx-overview.h"
#include "mmx-store-job.h"
#include "mmx-test-utils.h"

#define RUNS 60
#define BUDGET_MS 100.0

typedef struct
{
  double query;
  double layout;
  double draw;
  double total;
} Times;

static gpointer
overview_job (MmxStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return mmx_overview_query (store, GPOINTER_TO_INT (data), NULL, NULL, MMX_GRANULARITY_DAILY,
                             error);
}

static void
overview_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MmxOverview **overview = user_data;
  g_autoptr(GError) error = NULL;

  *overview = mmx_store_job_run_finish (result, &error);
  g_assert_no_error (error);
}

static double
elapsed_ms (gint64 *since)
{
  gint64 now = g_get_monotonic_time ();
  double ms = (now - *since) / 1e3;

  *since = now;
  return ms;
}

/* The charts at the sizes of a 1280-pixel-wide window. */
static void
lay_out_and_draw (MmxChart     *chart,
                  PangoContext *context,
                  cairo_t      *cr,
                  double        width,
                  double        height,
                  Times        *times,
                  gint64       *clock)
{
  mmx_chart_ensure_layout (chart, context, width, height);
  times->layout += elapsed_ms (clock);
  mmx_chart_draw (chart, cr);
  times->draw += elapsed_ms (clock);
}

static void
switch_range (const char         *db_path,
              MmxDateRangePreset  preset,
              PangoContext       *context,
              cairo_t            *cr,
              MmxTimeChart       *time_chart,
              MmxBarChart        *roas_chart,
              MmxDonutChart      *share_chart,
              Times              *times)
{
  g_autoptr(MmxOverview) overview = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 clock = start;

  mmx_store_job_run_async (db_path, MMX_JOB_PRIORITY_QUERY, overview_job, GINT_TO_POINTER (preset),
                           NULL, (GDestroyNotify) mmx_overview_free, NULL, overview_done_cb,
                           &overview);
  while (overview == NULL)
    g_main_context_iteration (NULL, TRUE);
  times->query = elapsed_ms (&clock);

  times->layout = times->draw = 0;
  mmx_dashboard_fill_time_chart (time_chart, overview->series, overview->kpis, TRUE, NULL);
  mmx_dashboard_fill_roas_chart (roas_chart, overview->kpis);
  mmx_dashboard_fill_share_chart (share_chart, overview->kpis);
  times->layout += elapsed_ms (&clock);
  lay_out_and_draw (MMX_CHART (time_chart), context, cr, 1160, 360, times, &clock);
  lay_out_and_draw (MMX_CHART (roas_chart), context, cr, 560,
                    mmx_chart_get_height_for_width (MMX_CHART (roas_chart), context, 560), times,
                    &clock);
  lay_out_and_draw (MMX_CHART (share_chart), context, cr, 560, 280, times, &clock);
  times->total = (g_get_monotonic_time () - start) / 1e3;
}

int
main (int    argc,
      char **argv)
{
  static const struct
  {
    MmxDateRangePreset preset;
    const char        *name;
  } ranges[] = {
    { MMX_DATE_RANGE_LAST_30_DAYS, "last 30 days" },
    { MMX_DATE_RANGE_LAST_90_DAYS, "last 90 days" },
    { MMX_DATE_RANGE_LAST_365_DAYS, "last 365 days" },
    { MMX_DATE_RANGE_ALL, "all (1095 days)" },
  };
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *csv = g_build_filename (dir, "3y20ch.csv", NULL);
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxTimeChart) time_chart = mmx_time_chart_new ();
  g_autoptr(MmxBarChart) roas_chart = mmx_bar_chart_new (MMX_CHART_VALUE_RATIO);
  g_autoptr(MmxDonutChart) share_chart = mmx_donut_chart_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1160, 600);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  gboolean within_budget = TRUE;

  pango_context_set_font_description (context, font);
  mmx_test_write_daily_csv (csv, "2023-01-01", 3 * 365, 20, 7);
  summary = mmx_test_import_file (store, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 3 * 365 * 20);

  printf ("%-22s %20s %20s %20s %20s %20s\n", "range (median, p95 ms)", "query (job)",
          "fill + layout", "query + layout", "draw", "with drawing");
  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      double query[RUNS], layout[RUNS], budget[RUNS], draw[RUNS], total[RUNS];
      double p95[5], median[5];

      for (guint i = 0; i < RUNS; i++)
        {
          Times times;

          switch_range (mmx_store_get_path (store), ranges[r].preset, context, cr, time_chart,
                        roas_chart, share_chart, &times);
          query[i] = times.query;
          layout[i] = times.layout;
          budget[i] = times.query + times.layout;
          draw[i] = times.draw;
          total[i] = times.total;
        }
      median[0] = mmx_test_median (query, RUNS, &p95[0]);
      median[1] = mmx_test_median (layout, RUNS, &p95[1]);
      median[2] = mmx_test_median (budget, RUNS, &p95[2]);
      median[3] = mmx_test_median (draw, RUNS, &p95[3]);
      median[4] = mmx_test_median (total, RUNS, &p95[4]);
      printf ("%-22s", ranges[r].name);
      for (guint k = 0; k < 5; k++)
        printf ("      %6.2f %6.2f", median[k], p95[k]);
      printf ("\n");
      within_budget = within_budget && median[2] < BUDGET_MS;
    }
  printf ("median query + layout within the %.0f ms budget for every range: %s\n", BUDGET_MS,
          within_budget ? "yes" : "NO");

  pango_font_description_free (font);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_object (&store);
  mmx_test_remove_dir (dir);
  return within_budget ? 0 : 1;
}
