/* test-series.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-date.h"
#include "mmx-series.h"
#include "mmx-json.h"
#include "mmx-test-utils.h"

/* Saturday 4 January 2025 to Wednesday 8 January, without the Monday. */
static const char daily_file[] =
  "date,channel,spend,revenue\n"
  "2025-01-04,Facebook Ads,100,250\n"
  "2025-01-04,Google Ads,200,300\n"
  "2025-01-05,Facebook Ads,50,100\n"
  "2025-01-07,Google Ads,10,40\n"
  "2025-01-07,Email,0,60\n"
  "2025-01-08,Facebook Ads,5,7\n";

static void
assert_period (const MmxSeries *series,
               guint            period,
               const char      *start,
               guint            days)
{
  g_autofree char *date = mmx_date_julian_to_iso (series->period_start[period]);

  g_assert_cmpstr (date, ==, start);
  g_assert_cmpuint (series->period_days[period], ==, days);
}

static double
cell (const double    *values,
      const MmxSeries *series,
      guint            period,
      guint            channel)
{
  return values[period * series->n_channels + channel];
}

static void
test_daily (MmxTestStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxSeries) series = mmx_series_query (fixture->store, NULL, NULL,
                                                  MMX_GRANULARITY_UNKNOWN, &error);

  g_assert_no_error (error);
  g_assert_cmpint (series->granularity, ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpuint (series->n_periods, ==, 5);
  for (guint p = 0; p < 5; p++)
    g_assert_cmpuint (series->period_days[p], ==, 1);
  assert_period (series, 0, "2025-01-04", 1);
  assert_period (series, 4, "2025-01-08", 1);

  /* Channels with spend only, by name: Email has none. */
  g_assert_cmpuint (series->n_channels, ==, 2);
  g_assert_cmpstr (series->channel_names[0], ==, "Facebook Ads");
  g_assert_cmpstr (series->channel_names[1], ==, "Google Ads");

  g_assert_cmpfloat (cell (series->spend, series, 0, 0), ==, 100);
  g_assert_cmpfloat (cell (series->spend, series, 0, 1), ==, 200);
  g_assert_cmpfloat (cell (series->revenue, series, 0, 1), ==, 300);
  g_assert_cmpfloat (series->total_spend[0], ==, 300);
  g_assert_cmpfloat (series->total_revenue[0], ==, 550);

  /* The day without data is there, empty. */
  g_assert_cmpfloat (series->total_spend[2], ==, 0);
  g_assert_cmpfloat (series->total_revenue[2], ==, 0);

  /* Email's revenue counts in the total, not in a channel. */
  g_assert_cmpfloat (series->total_spend[3], ==, 10);
  g_assert_cmpfloat (series->total_revenue[3], ==, 100);
  g_assert_cmpfloat (cell (series->revenue, series, 3, 1), ==, 40);
}

/* Daily data summed into weeks from Monday; the range's edges cut its
 * first and last weeks short. */
static void
test_by_week (MmxTestStoreFixture *fixture,
              gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxSeries) series = mmx_series_query (fixture->store, NULL, NULL,
                                                  MMX_GRANULARITY_WEEKLY, &error);

  g_assert_no_error (error);
  g_assert_cmpint (series->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpuint (series->n_periods, ==, 2);
  assert_period (series, 0, "2024-12-30", 2);
  assert_period (series, 1, "2025-01-06", 3);

  g_assert_cmpfloat (cell (series->spend, series, 0, 0), ==, 150);
  g_assert_cmpfloat (cell (series->revenue, series, 0, 0), ==, 350);
  g_assert_cmpfloat (cell (series->spend, series, 0, 1), ==, 200);
  g_assert_cmpfloat (series->total_spend[0], ==, 350);
  g_assert_cmpfloat (series->total_revenue[0], ==, 650);
  g_assert_cmpfloat (cell (series->spend, series, 1, 0), ==, 5);
  g_assert_cmpfloat (series->total_spend[1], ==, 15);
  g_assert_cmpfloat (series->total_revenue[1], ==, 107);
}

static void
test_range (MmxTestStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxSeries) series = mmx_series_query (fixture->store, "2025-01-05", "2025-01-06",
                                                  MMX_GRANULARITY_WEEKLY, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (series->n_periods, ==, 2);
  assert_period (series, 0, "2024-12-30", 1);
  assert_period (series, 1, "2025-01-06", 1);
  g_assert_cmpfloat (series->total_spend[0], ==, 50);
  g_assert_cmpfloat (series->total_spend[1], ==, 0);

  g_clear_pointer (&series, mmx_series_free);
  series = mmx_series_query (fixture->store, "2025-01-06", "2025-01-05", MMX_GRANULARITY_DAILY,
                             &error);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
  g_assert_null (series);
}

/* Weekly data keeps its own weeks, even when days are asked for. */
static void
test_weekly_data (MmxTestStoreFixture *fixture,
                  gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxSeries) series = NULL;

  summary = mmx_test_import_text (fixture->store, fixture->dir, "wide.csv",
                                  "week,revenue,spend_facebook,spend_google\n"
                                  "2025-01-02,1000,100,200\n"
                                  "2025-01-09,800,50,0\n"
                                  "2025-01-16,900,60,10\n", NULL, &error);
  g_assert_no_error (error);

  series = mmx_series_query (fixture->store, NULL, NULL, MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (series->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpuint (series->n_periods, ==, 3);
  assert_period (series, 0, "2025-01-02", 7);
  assert_period (series, 2, "2025-01-16", 7);
  g_assert_cmpfloat (series->total_spend[0], ==, 300);
  g_assert_cmpfloat (series->total_revenue[1], ==, 800);
  g_assert_cmpfloat (cell (series->spend, series, 2, 1), ==, 10);
  /* A wide file's revenue belongs to no channel. */
  g_assert_cmpfloat (cell (series->revenue, series, 0, 0), ==, 0);
}

static void
test_empty_database (MmxTestStoreFixture *fixture,
                     gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxSeries) series = mmx_series_query (fixture->store, NULL, NULL,
                                                  MMX_GRANULARITY_WEEKLY, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (series->n_periods, ==, 0);
  g_assert_cmpuint (series->n_channels, ==, 0);
  g_assert_nonnull (series->channel_names);
}

static void
test_json (MmxTestStoreFixture *fixture,
           gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxSeries) series = mmx_series_query (fixture->store, NULL, NULL,
                                                  MMX_GRANULARITY_WEEKLY, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *object, *google;
  JsonArray *channels;

  json_builder_begin_object (builder);
  mmx_series_build_json (series, builder);
  json_builder_end_object (builder);
  text = mmx_json_to_string (builder, FALSE);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (object, "granularity"), ==, "weekly");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "dates"), 1),
                   ==, "2025-01-06");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (object, "days"), 0),
                   ==, 2);
  g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (object, "revenue"), 0),
                     ==, 650);
  channels = json_object_get_array_member (object, "channels");
  g_assert_cmpuint (json_array_get_length (channels), ==, 2);
  google = json_array_get_object_element (channels, 1);
  g_assert_cmpstr (json_object_get_string_member (google, "name"), ==, "Google Ads");
  g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (google, "spend"), 1),
                     ==, 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD MMX_TEST_ADD_STORE_TEST
  ADD ("/mmx/core/series/daily", daily_file, test_daily);
  ADD ("/mmx/core/series/by-week", daily_file, test_by_week);
  ADD ("/mmx/core/series/range", daily_file, test_range);
  ADD ("/mmx/core/series/weekly-data", NULL, test_weekly_data);
  ADD ("/mmx/core/series/empty-database", NULL, test_empty_database);
  ADD ("/mmx/core/series/json", daily_file, test_json);
#undef ADD

  return g_test_run ();
}
