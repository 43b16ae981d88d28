/* bench-kpis.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What switching the dashboard's date range costs on 3 years x 20
 * channels of daily data: the KPI query and the panel load, for the last
 * 30, 90 and 365 days and for all data. Medians and 95th percentiles of
 * 200 runs each. */

#include "config.h"

#include <stdio.h>

#include "mmx-date.h"
#include "mmx-kpis.h"
#include "mmx-panel.h"
#include "mmx-test-utils.h"

#define RUNS 200

static void
report (const char *what,
        double     *times)
{
  double p95;
  double median = mmx_test_median (times, RUNS, &p95);

  printf ("%-28s median %7.3f ms   p95 %7.3f ms\n", what, median, p95);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "3y20ch.csv", NULL);
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const guint ranges[] = { 30, 90, 365, 0 };
  guint32 last = mmx_date_julian_from_iso ("2025-12-30");

  mmx_test_write_daily_csv (path, "2023-01-01", 3 * 365, 20, 7);
  summary = mmx_test_import_file (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 3 * 365 * 20);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autofree char *from = ranges[r] ? mmx_date_julian_to_iso (last - ranges[r] + 1) : NULL;
      g_autofree char *kpi_label = g_strdup_printf ("kpis, %s", from ? from : "all data");
      g_autofree char *panel_label = g_strdup_printf ("panel, %s", from ? from : "all data");
      double kpi_times[RUNS], panel_times[RUNS];

      for (guint i = 0; i < RUNS; i++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(MmxKpis) kpis = mmx_kpis_query (store, from, NULL, &error);
          gint64 middle = g_get_monotonic_time ();
          g_autoptr(MmxPanel) panel = mmx_panel_load (store, from, NULL, NULL, &error);

          g_assert_no_error (error);
          kpi_times[i] = (middle - start) / 1e3;
          panel_times[i] = (g_get_monotonic_time () - middle) / 1e3;
        }
      report (kpi_label, kpi_times);
      report (panel_label, panel_times);
    }

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
  return 0;
}
