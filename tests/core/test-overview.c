/* test-overview.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-date.h"
#include "mmx-overview.h"
#include "mmx-test-utils.h"

/* 90 days from 2025-01-01 to 2025-03-31. Day i (from 0): channel A spends
 * 10 and earns 30, channel B spends i + 1 and earns 2 (i + 1); one
 * conversion each. Sums over days a..b follow by hand. */
static char *ninety_days;

static void
write_ninety_days (void)
{
  GString *csv = g_string_new ("date,channel,spend,revenue,conversions\n");
  guint32 first = mmx_date_julian_from_iso ("2025-01-01");

  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *date = mmx_date_julian_to_iso (first + i);

      g_string_append_printf (csv, "%s,A,10,30,1\n%s,B,%u,%u,1\n", date, date, i + 1,
                              2 * (i + 1));
    }
  ninety_days = g_string_free (csv, FALSE);
}

/* Spend of days a..b, counted from 0. */
static double
spend_of_days (guint a,
               guint b)
{
  return 10.0 * (b - a + 1) + (a + 1 + b + 1) * (b - a + 1) / 2.0;
}

static void
test_preset_names (void)
{
  MmxDateRangePreset preset;

  for (MmxDateRangePreset p = MMX_DATE_RANGE_LAST_30_DAYS; p <= MMX_DATE_RANGE_CUSTOM; p++)
    {
      g_assert_true (mmx_date_range_preset_from_string (mmx_date_range_preset_to_string (p),
                                                        &preset));
      g_assert_cmpint (preset, ==, p);
    }
  g_assert_cmpstr (mmx_date_range_preset_to_string (MMX_DATE_RANGE_LAST_90_DAYS), ==,
                   "last-90-days");
  g_assert_false (mmx_date_range_preset_from_string ("last-7-days", &preset));
  g_assert_false (mmx_date_range_preset_from_string (NULL, &preset));
}

static void
test_previous (void)
{
  guint32 from, to;
  guint32 day = mmx_date_julian_from_iso ("2025-03-01");

  mmx_date_range_previous (day, day + 29, &from, &to);
  g_assert_cmpuint (from, ==, day - 30);
  g_assert_cmpuint (to, ==, day - 1);

  mmx_date_range_previous (day, day, &from, &to);
  g_assert_cmpuint (from, ==, day - 1);
  g_assert_cmpuint (to, ==, day - 1);

  /* Before the first day of the calendar there is nothing. */
  mmx_date_range_previous (5, 9, &from, &to);
  g_assert_cmpuint (from, ==, 0);
  g_assert_cmpuint (to, ==, 0);
}

static void
assert_range (MmxStore           *store,
              MmxDateRangePreset  preset,
              const char         *custom_from,
              const char         *custom_to,
              const char         *from,
              const char         *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got_from = NULL;
  g_autofree char *got_to = NULL;
  guint32 first, last;

  g_assert_true (mmx_date_range_resolve_preset (store, preset, custom_from, custom_to, &first,
                                                &last, &error));
  g_assert_no_error (error);
  if (from == NULL)
    {
      g_assert_cmpuint (first, ==, 0);
      return;
    }
  got_from = mmx_date_julian_to_iso (first);
  got_to = mmx_date_julian_to_iso (last);
  g_assert_cmpstr (got_from, ==, from);
  g_assert_cmpstr (got_to, ==, to);
}

static void
test_resolve_preset (MmxTestStoreFixture *fixture,
                     gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  guint32 first, last;

  /* The last days end on the last day with data, and stop at the first. */
  assert_range (fixture->store, MMX_DATE_RANGE_LAST_30_DAYS, NULL, NULL, "2025-03-02", "2025-03-31");
  assert_range (fixture->store, MMX_DATE_RANGE_LAST_90_DAYS, NULL, NULL, "2025-01-01", "2025-03-31");
  assert_range (fixture->store, MMX_DATE_RANGE_LAST_365_DAYS, NULL, NULL, "2025-01-01",
                "2025-03-31");
  assert_range (fixture->store, MMX_DATE_RANGE_ALL, NULL, NULL, "2025-01-01", "2025-03-31");

  /* Custom bounds are the user's, even beyond the data; custom bounds
   * are ignored by the other presets. */
  assert_range (fixture->store, MMX_DATE_RANGE_CUSTOM, "2024-12-01", "2025-01-10", "2024-12-01",
                "2025-01-10");
  assert_range (fixture->store, MMX_DATE_RANGE_CUSTOM, "2025-02-01", NULL, "2025-02-01",
                "2025-03-31");
  assert_range (fixture->store, MMX_DATE_RANGE_CUSTOM, "2030-01-01", NULL, NULL, NULL);
  assert_range (fixture->store, MMX_DATE_RANGE_ALL, "2030-01-01", "2030-02-01", "2025-01-01",
                "2025-03-31");

  g_assert_false (mmx_date_range_resolve_preset (fixture->store, MMX_DATE_RANGE_CUSTOM,
                                                 "2025-03-01", "2025-02-01", &first, &last,
                                                 &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mmx_date_range_resolve_preset (fixture->store, MMX_DATE_RANGE_CUSTOM,
                                                 "1 March", NULL, &first, &last, &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 March"));
}

static void
test_last_30_days (MmxTestStoreFixture *fixture,
                   gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxOverview) overview = NULL;
  double series_spend = 0;

  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_LAST_30_DAYS, NULL, NULL,
                                 MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (overview->from, ==, "2025-03-02");
  g_assert_cmpstr (overview->to, ==, "2025-03-31");
  g_assert_cmpstr (overview->data_first, ==, "2025-01-01");
  g_assert_cmpstr (overview->data_last, ==, "2025-03-31");
  g_assert_cmpint (overview->granularity, ==, MMX_GRANULARITY_DAILY);

  g_assert_cmpfloat (overview->kpis->spend, ==, spend_of_days (60, 89));
  g_assert_cmpfloat (overview->kpis->conversions, ==, 60);

  /* Days 30 to 59: 2025-01-31 to 2025-03-01. */
  g_assert_nonnull (overview->previous);
  g_assert_cmpstr (overview->previous->from, ==, "2025-01-31");
  g_assert_cmpstr (overview->previous->to, ==, "2025-03-01");
  g_assert_cmpfloat (overview->previous->spend, ==, spend_of_days (30, 59));
  g_assert_cmpfloat_with_epsilon (mmx_kpis_change (overview->kpis->spend,
                                                   overview->previous->spend),
                                  (2565.0 - 1665.0) / 1665.0, 1e-12);

  g_assert_cmpint (overview->series->granularity, ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpuint (overview->series->n_periods, ==, 30);
  for (guint p = 0; p < overview->series->n_periods; p++)
    series_spend += overview->series->total_spend[p];
  g_assert_cmpfloat (series_spend, ==, overview->kpis->spend);
}

static void
test_weeks (MmxTestStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxOverview) overview = NULL;
  double series_spend = 0;

  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_ALL, NULL, NULL,
                                 MMX_GRANULARITY_WEEKLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (overview->series->granularity, ==, MMX_GRANULARITY_WEEKLY);
  /* 2025-01-01 is a Wednesday: its week starts on 30 December 2024, and
   * 2025-03-31 is the Monday of the fourteenth week. */
  g_assert_cmpuint (overview->series->n_periods, ==, 14);
  g_assert_cmpuint (overview->series->period_days[0], ==, 5);
  g_assert_cmpuint (overview->series->period_days[13], ==, 1);
  for (guint p = 0; p < overview->series->n_periods; p++)
    series_spend += overview->series->total_spend[p];
  g_assert_cmpfloat (series_spend, ==, spend_of_days (0, 89));
}

static void
test_no_previous (MmxTestStoreFixture *fixture,
                  gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxOverview) overview = NULL;

  /* All data: the period before it holds nothing to compare with. */
  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_ALL, NULL, NULL,
                                 MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  g_assert_null (overview->previous);
  g_clear_pointer (&overview, mmx_overview_free);

  /* 2025-01-21..2025-02-09: the period before starts on 2025-01-01, the
   * first day with data, and is whole. A day more and it is not. */
  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_CUSTOM, "2025-01-21",
                                 "2025-02-09", MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (overview->previous);
  g_assert_cmpfloat (overview->previous->spend, ==, spend_of_days (0, 19));
  g_clear_pointer (&overview, mmx_overview_free);

  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_CUSTOM, "2025-01-20",
                                 "2025-02-09", MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  g_assert_null (overview->previous);
}

static void
test_beyond_data (MmxTestStoreFixture *fixture,
                  gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxOverview) overview = NULL;

  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_CUSTOM, "2030-01-01", NULL,
                                 MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  g_assert_null (overview->from);
  g_assert_cmpstr (overview->data_last, ==, "2025-03-31");
  g_assert_cmpfloat (overview->kpis->spend, ==, 0);
  g_assert_cmpuint (overview->kpis->channels->len, ==, 0);
  g_assert_cmpuint (overview->series->n_periods, ==, 0);
  g_assert_null (overview->previous);
  g_clear_pointer (&overview, mmx_overview_free);

  /* A reversed custom range is the user's mistake, said as such. */
  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_CUSTOM, "2025-03-01",
                                 "2025-01-01", MMX_GRANULARITY_DAILY, &error);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
  g_assert_null (overview);
}

static void
test_empty_store (MmxTestStoreFixture *fixture,
                  gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxOverview) overview = NULL;

  overview = mmx_overview_query (fixture->store, MMX_DATE_RANGE_LAST_30_DAYS, NULL, NULL,
                                 MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  g_assert_null (overview->from);
  g_assert_null (overview->data_first);
  g_assert_cmpint (overview->granularity, ==, MMX_GRANULARITY_UNKNOWN);
  g_assert_cmpfloat (overview->kpis->spend, ==, 0);
  g_assert_true (isnan (overview->kpis->roas));
  g_assert_cmpuint (overview->series->n_periods, ==, 0);
  g_assert_null (overview->previous);
}

static void
test_change (void)
{
  g_assert_cmpfloat (mmx_kpis_change (150, 100), ==, 0.5);
  g_assert_cmpfloat (mmx_kpis_change (50, 100), ==, -0.5);
  g_assert_cmpfloat (mmx_kpis_change (100, 100), ==, 0);
  /* A smaller loss is a rise. */
  g_assert_cmpfloat (mmx_kpis_change (-50, -100), ==, 0.5);
  g_assert_true (isnan (mmx_kpis_change (10, 0)));
  g_assert_true (isnan (mmx_kpis_change (NAN, 10)));
  g_assert_true (isnan (mmx_kpis_change (10, NAN)));
}

static void
test_channel_csv (void)
{
  g_autoptr(GString) csv = g_string_new (MMX_CHANNEL_KPIS_CSV_HEADER);
  MmxChannelKpis with_comma = { "Acme, \"Direct\"", FALSE, 1234.5, 2469, 2, 17, 0.25 };
  MmxChannelKpis unknown = { "TikTok Ads", FALSE, 30, NAN, NAN, NAN, 1.0 / 3 };

  mmx_channel_kpis_append_csv (&with_comma, csv);
  mmx_channel_kpis_append_csv (&unknown, csv);
  g_assert_cmpstr (csv->str, ==,
                   "channel,spend,revenue,roas,conversions,spend_share\r\n"
                   "\"Acme, \"\"Direct\"\"\",1234.50,2469.00,2.0000,17.00,0.2500\r\n"
                   "TikTok Ads,30.00,,,,0.3333\r\n");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  write_ninety_days ();

  g_test_add_func ("/mmx/core/date-range/preset-names", test_preset_names);
  g_test_add_func ("/mmx/core/date-range/previous", test_previous);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/date-range/resolve-preset", ninety_days,
                           test_resolve_preset);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/overview/last-30-days", ninety_days, test_last_30_days);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/overview/weeks", ninety_days, test_weeks);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/overview/no-previous", ninety_days, test_no_previous);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/overview/beyond-data", ninety_days, test_beyond_data);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/overview/empty-store", NULL, test_empty_store);
  g_test_add_func ("/mmx/core/kpis/change", test_change);
  g_test_add_func ("/mmx/core/kpis/channel-csv", test_channel_csv);

  status = g_test_run ();
  g_free (ninety_days);
  return status;
}
