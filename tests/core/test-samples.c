/* test-samples.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-kpis.h"
#include "mmx-test-utils.h"

/* The samples are what "Try with sample data" loads: they must import
 * without a single rejected row, with the platforms' spellings normalised. */

static void
test_demo_daily (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = mmx_test_sample_path ("demo-daily.csv");
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImportSummary) summary = mmx_test_import_file (store, path, NULL, &error);
  const char * const expected[] = {
    "Email", "Facebook Ads", "Google Ads", "Organic / Direct", "Pinterest Ads", "TikTok Ads",
    "YouTube", NULL
  };

  g_assert_no_error (error);
  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_LONG);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpuint (summary->inserted, ==, 731 * 7);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpstr (summary->first_date, ==, "2023-11-01");
  g_assert_cmpstr (summary->last_date, ==, "2025-10-31");
  g_assert_cmpstrv (summary->channels, expected);

  /* The rows of a day add up to its revenue: the organic row holds the rest. */
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(DISTINCT date) FROM metric"), ==, 731);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_demo_weekly_wide (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = mmx_test_sample_path ("demo-weekly-wide.csv");
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImportSummary) summary = mmx_test_import_file (store, path, NULL, &error);
  const char * const expected[] = { "Facebook Ads", "Google Ads", "Radio", "TV", NULL };

  g_assert_no_error (error);
  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_WIDE);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpuint (summary->inserted, ==, 104);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpstrv (summary->channels, expected);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(DISTINCT date) FROM control "
                                              "WHERE name = 'promo'"), ==, 104);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_template (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = mmx_test_sample_path ("template.csv");
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImportSummary) summary = mmx_test_import_file (store, path, NULL, &error);
  g_autoptr(MmxKpis) kpis = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 2);
  kpis = mmx_kpis_query (store, NULL, NULL, &error);
  g_assert_cmpfloat (kpis->spend, ==, 320.5);
  g_assert_cmpfloat (kpis->revenue, ==, 1130);
  g_assert_cmpfloat (kpis->conversions, ==, 30);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/samples/demo-daily", test_demo_daily);
  g_test_add_func ("/mmx/core/samples/demo-weekly-wide", test_demo_weekly_wide);
  g_test_add_func ("/mmx/core/samples/template", test_template);

  return g_test_run ();
}
