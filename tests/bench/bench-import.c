/* bench-import.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Import throughput and memory: a long file of 100,000 rows, then one of
 * 1,000,000 (1,000 days x 20 channels x 50 regions), each into a new
 * database. The peak resident size after the large import staying where
 * the small one left it shows the import streams in constant memory. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "mmx-test-utils.h"

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static char *
write_long_file (const char *dir,
                 guint       n_days,
                 guint       n_channels,
                 guint       n_geos)
{
  g_autofree char *name = g_strdup_printf ("long-%u.csv", n_days * n_channels * n_geos);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  FILE *out = fopen (path, "w");
  GDate date;

  g_assert_nonnull (out);
  fputs ("date,geo,channel,spend,revenue,impressions,clicks,conversions\n", out);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2022);
  for (guint d = 0; d < n_days; d++, g_date_add_days (&date, 1))
    for (guint g = 0; g < n_geos; g++)
      for (guint c = 0; c < n_channels; c++)
        {
          double spend = g_rand_double_range (rand, 10, 2000);

          fprintf (out, "%04d-%02d-%02d,Region %02u,Channel %02u,%.2f,%.2f,%u,%u,%u\n",
                   g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                   g, c, spend, spend * g_rand_double_range (rand, 0.5, 4),
                   (guint) (spend * 90), (guint) (spend * 2), (guint) (spend / 40));
        }
  g_assert_cmpint (fclose (out), ==, 0);
  return path;
}

static void
bench (const char *dir,
       guint       n_days,
       guint       n_channels,
       guint       n_geos)
{
  guint n_rows = n_days * n_channels * n_geos;
  g_autofree char *path = write_long_file (dir, n_days, n_channels, n_geos);
  g_autofree char *db_name = g_strdup_printf ("db-%u", n_rows);
  g_autofree char *db_dir = g_build_filename (dir, db_name, NULL);
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  double rss_before = peak_rss_mb ();
  gint64 start, elapsed;
  GStatBuf st;

  g_mkdir_with_parents (db_dir, 0700);
  store = mmx_test_open_store (db_dir);
  start = g_get_monotonic_time ();
  summary = mmx_test_import_file (store, path, NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, n_rows);
  g_stat (path, &st);

  printf ("import %u rows (%.1f MB): %.2f s, %.0f rows/s, peak RSS %.1f MB (%.1f MB before)\n",
          n_rows, st.st_size / 1e6, elapsed / 1e6, n_rows / (elapsed / 1e6), peak_rss_mb (),
          rss_before);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = mmx_test_make_dir ();

  bench (dir, 100, 20, 50);
  bench (dir, 1000, 20, 50);
  mmx_test_remove_dir (dir);
  return 0;
}
