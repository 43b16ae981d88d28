/* test-attribution-store.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-attribution-store.h"
#include "mmx-test-mmm-data.h"
#include "mmx-test-utils.h"

/* Attributions in the result cache of a real SQLite file: found again for
 * the same data and settings, and as the latest one of the data, which the
 * optimizer uses, until the data changes. */

/* What the store keeps the latest attribution under; the test puts an
 * outdated one back to check it is refused. */
#define LATEST_KIND "attribution-latest"
#define LATEST_KEY "latest"

static void
quick_settings (MmxAttributionSettings *settings,
                guint64                 seed)
{
  mmx_attribution_settings_init (settings);
  settings->n_bootstrap = 10;
  settings->n_starts = 2;
  settings->seed = seed;
}

static MmxAttribution *
attribute (const MmxPanel               *panel,
           const MmxAttributionSettings *settings)
{
  g_autoptr(GError) error = NULL;
  MmxAttribution *attribution = mmx_attribution_run (panel, settings, NULL, NULL, &error);

  g_assert_no_error (error);
  return attribution;
}

static void
assert_same (const MmxAttribution *a,
             const MmxAttribution *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  x = mmx_attribution_to_data (a);
  y = mmx_attribution_to_data (b);
  g_assert_cmpstr (x, ==, y);
}

static MmxStore *
store_with_data (const char *dir,
                 guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(MmxTestMmmData) data = NULL;
  MmxTestChannel channels[3];
  MmxStore *store = mmx_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;

  mmx_test_mmm_random_channels (rand, G_N_ELEMENTS (channels), channels);
  data = mmx_test_mmm_data_new (channels, G_N_ELEMENTS (channels), 120, FALSE, 0.35, 0.05, seed);
  summary = mmx_test_import_text (store, dir, "data.csv", data->csv->str, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (summary->rejected, ==, 0);
  return store;
}

static void
test_lookup_and_latest (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = store_with_data (dir, 5);
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(MmxAttribution) first = NULL;
  g_autoptr(MmxAttribution) second = NULL;
  g_autoptr(MmxAttribution) found = NULL;
  g_autoptr(GError) error = NULL;
  MmxAttributionSettings one, two;

  panel = mmx_panel_load (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  quick_settings (&one, 1);
  quick_settings (&two, 2);

  /* Nothing yet, and no error. */
  g_assert_null (mmx_attribution_store_lookup (store, panel, &one, &error));
  g_assert_no_error (error);
  g_assert_null (mmx_attribution_store_lookup_latest (store, &error));
  g_assert_no_error (error);

  first = attribute (panel, &one);
  g_assert_true (mmx_attribution_store_save (store, panel, &one, first, &error));
  g_assert_no_error (error);
  found = mmx_attribution_store_lookup (store, panel, &one, &error);
  assert_same (found, first);
  g_clear_pointer (&found, mmx_attribution_unref);
  g_assert_null (mmx_attribution_store_lookup (store, panel, &two, &error));
  found = mmx_attribution_store_lookup_latest (store, &error);
  g_assert_no_error (error);
  assert_same (found, first);
  g_clear_pointer (&found, mmx_attribution_unref);

  /* The one saved last is the latest, until the user looks at another. */
  second = attribute (panel, &two);
  g_assert_true (mmx_attribution_store_save (store, panel, &two, second, &error));
  found = mmx_attribution_store_lookup_latest (store, &error);
  assert_same (found, second);
  g_clear_pointer (&found, mmx_attribution_unref);
  g_assert_true (mmx_attribution_store_set_latest (store, panel, &one, &error));
  found = mmx_attribution_store_lookup_latest (store, &error);
  assert_same (found, first);

  mmx_attribution_settings_clear (&one);
  mmx_attribution_settings_clear (&two);
  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* An attribution of part of the data is the latest as well. */
static void
test_latest_of_a_range (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = store_with_data (dir, 6);
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(MmxAttribution) attribution = NULL;
  g_autoptr(MmxAttribution) found = NULL;
  g_autoptr(GError) error = NULL;
  MmxAttributionSettings settings;

  panel = mmx_panel_load (store, "2023-01-15", "2023-04-20", NULL, &error);
  g_assert_no_error (error);
  quick_settings (&settings, 1);
  attribution = attribute (panel, &settings);
  g_assert_true (mmx_attribution_store_save (store, panel, &settings, attribution, &error));
  found = mmx_attribution_store_lookup_latest (store, &error);
  g_assert_no_error (error);
  assert_same (found, attribution);
  g_assert_cmpuint (found->n_periods, ==, 96);

  mmx_attribution_settings_clear (&settings);
  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Weekly data: the range the latest one names covers whole weeks. */
static void
test_latest_weekly (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = mmx_test_sample_path ("demo-weekly-wide.csv");
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(MmxAttribution) attribution = NULL;
  g_autoptr(MmxAttribution) found = NULL;
  g_autoptr(GError) error = NULL;
  MmxAttributionSettings settings;

  summary = mmx_test_import_file (store, path, NULL, &error);
  g_assert_no_error (error);
  panel = mmx_panel_load (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (panel->granularity, ==, MMX_GRANULARITY_WEEKLY);
  quick_settings (&settings, 1);
  attribution = attribute (panel, &settings);
  g_assert_true (mmx_attribution_store_save (store, panel, &settings, attribution, &error));
  found = mmx_attribution_store_lookup_latest (store, &error);
  g_assert_no_error (error);
  assert_same (found, attribution);

  mmx_attribution_settings_clear (&settings);
  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* New data empties the cache; and a latest attribution put back by hand
 * is refused, because the data it names has changed. */
static void
test_latest_outlived (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = store_with_data (dir, 7);
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(MmxAttribution) attribution = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pointer = NULL;
  g_autofree char *saved = NULL;
  MmxAttributionSettings settings;

  panel = mmx_panel_load (store, NULL, NULL, NULL, &error);
  quick_settings (&settings, 1);
  attribution = attribute (panel, &settings);
  g_assert_true (mmx_attribution_store_save (store, panel, &settings, attribution, &error));
  pointer = mmx_store_lookup_result (store, LATEST_KIND, LATEST_KEY, &error);
  saved = mmx_attribution_to_data (attribution);
  g_assert_nonnull (pointer);

  summary = mmx_test_import_text (store, dir, "more.csv",
                                  "date,channel,spend,revenue\n2023-02-01,tv,99999,5\n", NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_null (mmx_attribution_store_lookup_latest (store, &error));
  g_assert_no_error (error);

  g_assert_true (mmx_store_save_result (store, LATEST_KIND, LATEST_KEY, pointer, &error));
  g_assert_null (mmx_attribution_store_lookup_latest (store, &error));
  g_assert_no_error (error);

  /* Even with the attribution itself back under its old key. */
  g_assert_true (mmx_attribution_store_save (store, panel, &settings, attribution, &error));
  g_assert_null (mmx_attribution_store_lookup_latest (store, &error));
  g_assert_no_error (error);

  mmx_attribution_settings_clear (&settings);
  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

typedef struct
{
  GMainLoop      *loop;
  MmxAttribution *result;
  GError         *save_error;
  guint           progress_reports;
} Run;

static void
count_progress_cb (double   fraction,
                   double   seconds_left,
                   gpointer user_data)
{
  ((Run *) user_data)->progress_reports++;
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  run->result = mmx_attribution_store_run_finish (MMX_STORE (source), result, &run->save_error,
                                                  &error);
  g_assert_no_error (error);
  g_main_loop_quit (run->loop);
}

static MmxAttribution *
run_through_store (MmxStore                     *store,
                   MmxPanel                     *panel,
                   const MmxAttributionSettings *settings,
                   gboolean                      use_cache,
                   guint                        *out_progress_reports)
{
  Run run = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0 };

  mmx_attribution_store_run_async (store, panel, settings, use_cache, count_progress_cb, &run,
                                   NULL, run_done_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  g_assert_no_error (run.save_error);
  *out_progress_reports = run.progress_reports;
  return run.result;
}

/* Running through the store fits once, then finds the result in the cache
 * (without fitting: no progress), unless told not to; each run leaves its
 * result the latest. */
static void
test_run_through_store (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = store_with_data (dir, 11);
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(MmxAttribution) fitted = NULL;
  g_autoptr(MmxAttribution) cached = NULL;
  g_autoptr(MmxAttribution) again = NULL;
  g_autoptr(MmxAttribution) other = NULL;
  g_autoptr(MmxAttribution) latest = NULL;
  g_autoptr(GError) error = NULL;
  MmxAttributionSettings one, two;
  guint reports;

  panel = mmx_panel_load (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  quick_settings (&one, 1);
  quick_settings (&two, 2);

  fitted = run_through_store (store, panel, &one, TRUE, &reports);
  g_assert_cmpuint (reports, >, 0);
  latest = mmx_attribution_store_lookup (store, panel, &one, &error);
  assert_same (latest, fitted);
  g_clear_pointer (&latest, mmx_attribution_unref);

  cached = run_through_store (store, panel, &one, TRUE, &reports);
  g_assert_cmpuint (reports, ==, 0);
  assert_same (cached, fitted);

  other = run_through_store (store, panel, &two, TRUE, &reports);
  g_assert_cmpuint (reports, >, 0);
  latest = mmx_attribution_store_lookup_latest (store, &error);
  assert_same (latest, other);
  g_clear_pointer (&latest, mmx_attribution_unref);

  /* Found in the cache, the first is the latest again. */
  g_clear_pointer (&cached, mmx_attribution_unref);
  cached = run_through_store (store, panel, &one, TRUE, &reports);
  latest = mmx_attribution_store_lookup_latest (store, &error);
  assert_same (latest, fitted);

  again = run_through_store (store, panel, &one, FALSE, &reports);
  g_assert_cmpuint (reports, >, 0);
  again->elapsed_ms = fitted->elapsed_ms;
  assert_same (again, fitted);

  mmx_attribution_settings_clear (&one);
  mmx_attribution_settings_clear (&two);
  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/attribution-store/lookup-and-latest", test_lookup_and_latest);
  g_test_add_func ("/mmx/core/attribution-store/latest-of-a-range", test_latest_of_a_range);
  g_test_add_func ("/mmx/core/attribution-store/latest-weekly", test_latest_weekly);
  g_test_add_func ("/mmx/core/attribution-store/latest-outlived", test_latest_outlived);
  g_test_add_func ("/mmx/core/attribution-store/run-through-store", test_run_through_store);

  return g_test_run ();
}
