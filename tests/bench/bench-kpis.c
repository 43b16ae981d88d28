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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        double     *times)
{
  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("%-28s median %7.3f ms   p95 %7.3f ms\n", what, times[RUNS / 2],
          times[RUNS * 95 / 100]);
}

static void
write_data (const char *path)
{
  g_autoptr(GString) csv = g_string_new ("date,channel,spend,revenue,conversions\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2023);
  for (guint d = 0; d < 3 * 365; d++, g_date_add_days (&date, 1))
    for (guint c = 0; c < 20; c++)
      {
        double spend = g_rand_double_range (rand, 0, 3000);

        g_string_append_printf (csv, "%04d-%02d-%02d,Channel %02u,%.2f,%.2f,%u\n",
                                g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), c, spend,
                                spend * g_rand_double_range (rand, 0.5, 4), (guint) (spend / 50));
      }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
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

  write_data (path);
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
