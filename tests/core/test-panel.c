/* test-panel.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-date.h"
#include "mmx-panel.h"
#include "mmx-test-utils.h"

/* Two regions, a day with no data at all (2025-01-03), a channel that
 * never spends (Email) and a control per region. */
static const char daily_file[] =
  "date,geo,channel,spend,revenue,promo\n"
  "2025-01-01,North,FB,10,100,1\n"
  "2025-01-01,South,FB,20,50,0\n"
  "2025-01-01,North,Google,5,10,1\n"
  "2025-01-02,North,FB,0,30,0\n"
  "2025-01-02,South,Google,8,,0\n"
  "2025-01-04,North,Email,0,70,1\n";

static MmxStore *
store_with (const char *dir,
            const char *contents)
{
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  MmxStore *store = mmx_test_open_store (dir);

  summary = mmx_test_import_text (store, dir, "data.csv", contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rejected, ==, 0);
  return store;
}

#define SPEND(p, t, k) ((p)->spend[(t) * (p)->n_channels + (k)])
#define CHANNEL_MISSING(p, t, k) ((p)->channel_missing[(t) * (p)->n_channels + (k)])

static void
test_daily (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = store_with (dir, daily_file);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxPanel) panel = mmx_panel_load (store, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (panel->granularity, ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpuint (panel->first_day, ==, mmx_date_julian_from_iso ("2025-01-01"));
  g_assert_cmpuint (panel->n_periods, ==, 4);
  g_assert_cmpuint (mmx_panel_get_day (panel, 3), ==, mmx_date_julian_from_iso ("2025-01-04"));

  /* Only channels that spent are media; Email's revenue still counts. */
  g_assert_cmpuint (panel->n_channels, ==, 2);
  g_assert_cmpstr (panel->channel_names[0], ==, "Facebook Ads");
  g_assert_cmpstr (panel->channel_names[1], ==, "Google Ads");
  g_assert_null (panel->channel_names[2]);

  g_assert_cmpfloat (SPEND (panel, 0, 0), ==, 30);
  g_assert_cmpfloat (SPEND (panel, 0, 1), ==, 5);
  g_assert_cmpfloat (SPEND (panel, 1, 0), ==, 0);
  g_assert_cmpfloat (SPEND (panel, 1, 1), ==, 8);
  g_assert_cmpfloat (SPEND (panel, 2, 0), ==, 0);
  g_assert_cmpfloat (panel->channel_revenue[0 * 2 + 0], ==, 150);

  g_assert_cmpfloat (panel->revenue[0], ==, 160);
  g_assert_cmpfloat (panel->revenue[1], ==, 30);
  g_assert_cmpfloat (panel->revenue[2], ==, 0);
  g_assert_cmpfloat (panel->revenue[3], ==, 70);

  /* Zero spend that was reported is not missing; a day without rows is. */
  g_assert_false (panel->missing[0]);
  g_assert_false (panel->missing[1]);
  g_assert_true (panel->missing[2]);
  g_assert_false (panel->missing[3]);
  g_assert_false (CHANNEL_MISSING (panel, 1, 0));
  g_assert_true (CHANNEL_MISSING (panel, 2, 0));
  g_assert_true (CHANNEL_MISSING (panel, 3, 1));

  /* Controls: the mean over regions, 0 where absent. */
  g_assert_cmpuint (panel->n_controls, ==, 1);
  g_assert_cmpstr (panel->control_names[0], ==, "promo");
  g_assert_cmpfloat (panel->controls[0], ==, 0.5);
  g_assert_cmpfloat (panel->controls[1], ==, 0);
  g_assert_cmpfloat (panel->controls[2], ==, 0);
  g_assert_cmpfloat (panel->controls[3], ==, 1);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_geo_and_range (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = store_with (dir, daily_file);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxPanel) north = mmx_panel_load (store, NULL, NULL, "North", &error);
  g_autoptr(MmxPanel) range = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (north->geo, ==, "North");
  g_assert_cmpuint (north->n_channels, ==, 2);
  g_assert_cmpfloat (SPEND (north, 0, 0), ==, 10);
  g_assert_cmpfloat (SPEND (north, 0, 1), ==, 5);
  g_assert_true (CHANNEL_MISSING (north, 1, 1));
  g_assert_cmpfloat (north->revenue[0], ==, 110);
  g_assert_cmpfloat (north->controls[0], ==, 1);

  /* Days before and after the data are periods too, flagged missing. */
  range = mmx_panel_load (store, "2024-12-30", "2025-01-02", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (range->n_periods, ==, 4);
  g_assert_true (range->missing[0]);
  g_assert_true (range->missing[1]);
  g_assert_false (range->missing[2]);
  g_assert_cmpfloat (SPEND (range, 2, 0), ==, 30);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Weekly periods follow the data's own weekday, whatever day the range
 * starts on, and a week without data is flagged. */
static void
test_weekly (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = store_with (dir,
                                          "week,revenue,spend_tv,spend_radio,events\n"
                                          "2025-01-06,1000,100,0,na\n"
                                          "2025-01-13,1100,120,10,launch\n"
                                          "2025-01-27,900,0,20,na\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxPanel) panel = mmx_panel_load (store, "2025-01-01", "2025-02-02", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (panel->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpuint (panel->first_day, ==, mmx_date_julian_from_iso ("2025-01-06"));
  g_assert_cmpuint (panel->n_periods, ==, 4);
  g_assert_cmpuint (mmx_panel_get_day (panel, 3), ==, mmx_date_julian_from_iso ("2025-01-27"));
  g_assert_true (panel->missing[2]);
  g_assert_cmpfloat (panel->revenue[3], ==, 900);
  g_assert_cmpstr (panel->channel_names[0], ==, "Radio");
  g_assert_cmpstr (panel->channel_names[1], ==, "TV");
  g_assert_cmpfloat (SPEND (panel, 1, 1), ==, 120);

  /* A text control becomes one 0/1 indicator per category. */
  g_assert_cmpuint (panel->n_controls, ==, 1);
  g_assert_cmpstr (panel->control_names[0], ==, "events=launch");
  g_assert_cmpfloat (panel->controls[0], ==, 0);
  g_assert_cmpfloat (panel->controls[1], ==, 1);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_empty (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxPanel) panel = mmx_panel_load (store, NULL, NULL, NULL, &error);
  g_autoptr(MmxPanel) shared = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (panel->n_periods, ==, 0);
  g_assert_cmpuint (panel->n_channels, ==, 0);
  g_assert_cmpuint (panel->n_controls, ==, 0);

  shared = mmx_panel_ref (panel);
  g_assert_true (shared == panel);

  g_assert_null (mmx_panel_load (store, "2025-01-05", "2025-01-01", NULL, &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/panel/daily", test_daily);
  g_test_add_func ("/mmx/core/panel/geo-and-range", test_geo_and_range);
  g_test_add_func ("/mmx/core/panel/weekly", test_weekly);
  g_test_add_func ("/mmx/core/panel/empty", test_empty);

  return g_test_run ();
}
