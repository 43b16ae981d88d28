/* bench-attribution.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Attribution on the benchmark's two workloads, 365 days x 5 channels
 * and 1095 days x 20: the lag method and the full marketing-mix model,
 * each with 1000 bootstrap replicates, on all cores. The side-by-side
 * comparison with scikit-learn is compare-attribution.sh. */

#include "config.h"

#include <stdio.h>

#include "mmx-attribution.h"
#include "mmx-test-mmm-data.h"
#include "mmx-test-utils.h"

#define RUNS 3

static void
run_workload (guint days,
              guint n_channels,
              guint32 seed)
{
  g_autofree MmxTestChannel *channels = g_new0 (MmxTestChannel, n_channels);
  g_autoptr(MmxTestMmmData) data = NULL;
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  mmx_test_mmm_random_channels (rand, n_channels, channels);
  data = mmx_test_mmm_data_new (channels, n_channels, days, FALSE, 0.35, 0.05, seed);
  summary = mmx_test_import_text (store, dir, "data.csv", data->csv->str, NULL, &error);
  g_assert_no_error (error);
  panel = mmx_panel_load (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint method = 0; method < 2; method++)
    {
      MmxAttributionSettings settings;
      double best = G_MAXDOUBLE;

      mmx_attribution_settings_init (&settings);
      settings.method = method == 0 ? MMX_ATTRIBUTION_LAG : MMX_ATTRIBUTION_MMM;
      for (guint r = 0; r < RUNS; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(MmxAttribution) result = mmx_attribution_run (panel, &settings, NULL, NULL,
                                                                  &error);

          g_assert_no_error (error);
          best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
        }
      printf ("%4u days x %2u channels  %-4s + 1000 replicates: best of %d %8.3f s\n", days,
              n_channels, method == 0 ? "lag" : "mmm", RUNS, best);
    }
  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  run_workload (365, 5, 1);
  run_workload (1095, 20, 2);
  return 0;
}
