/* test-time-axis.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-date.h"
#include "mmx-time-axis.h"

static const char *
label (GPtrArray *ticks,
       guint      i)
{
  return ((MmxTimeTick *) g_ptr_array_index (ticks, i))->label;
}

static char *
day_of (GPtrArray *ticks,
        guint      i)
{
  return mmx_date_julian_to_iso (((MmxTimeTick *) g_ptr_array_index (ticks, i))->day);
}

static void
test_weeks (void)
{
  g_autoptr(GPtrArray) ticks = NULL;
  g_autofree char *first = NULL;
  MmxTimeUnit unit;

  ticks = mmx_time_axis_ticks (mmx_date_julian_from_iso ("2025-03-02"),
                               mmx_date_julian_from_iso ("2025-03-31"), 6, &unit);
  g_assert_cmpint (unit, ==, MMX_TIME_UNIT_WEEK);
  /* The Mondays. */
  g_assert_cmpuint (ticks->len, ==, 5);
  first = day_of (ticks, 0);
  g_assert_cmpstr (first, ==, "2025-03-03");
  g_assert_cmpstr (label (ticks, 0), ==, "3 Mar");
  g_assert_cmpstr (label (ticks, 4), ==, "31 Mar");
}

static void
test_days (void)
{
  g_autoptr(GPtrArray) ticks = NULL;
  MmxTimeUnit unit;

  ticks = mmx_time_axis_ticks (mmx_date_julian_from_iso ("2025-03-02"),
                               mmx_date_julian_from_iso ("2025-03-31"), 40, &unit);
  g_assert_cmpint (unit, ==, MMX_TIME_UNIT_DAY);
  g_assert_cmpuint (ticks->len, ==, 30);
  g_clear_pointer (&ticks, g_ptr_array_unref);

  /* Every other day when every day does not fit. */
  ticks = mmx_time_axis_ticks (mmx_date_julian_from_iso ("2025-03-02"),
                               mmx_date_julian_from_iso ("2025-03-11"), 5, &unit);
  g_assert_cmpint (unit, ==, MMX_TIME_UNIT_DAY);
  g_assert_cmpuint (ticks->len, ==, 5);
  g_assert_cmpstr (label (ticks, 1), ==, "4 Mar");
}

static void
test_quarters (void)
{
  g_autoptr(GPtrArray) ticks = NULL;
  g_autofree char *first = NULL;
  MmxTimeUnit unit;

  ticks = mmx_time_axis_ticks (mmx_date_julian_from_iso ("2023-11-01"),
                               mmx_date_julian_from_iso ("2025-10-31"), 8, &unit);
  g_assert_cmpint (unit, ==, MMX_TIME_UNIT_MONTH);
  g_assert_cmpuint (ticks->len, ==, 8);
  first = day_of (ticks, 0);
  g_assert_cmpstr (first, ==, "2024-01-01");
  /* The year on the first tick and on January. */
  g_assert_cmpstr (label (ticks, 0), ==, "Jan 2024");
  g_assert_cmpstr (label (ticks, 1), ==, "Apr");
  g_assert_cmpstr (label (ticks, 4), ==, "Jan 2025");
}

static void
test_years (void)
{
  g_autoptr(GPtrArray) ticks = NULL;
  MmxTimeUnit unit;

  ticks = mmx_time_axis_ticks (mmx_date_julian_from_iso ("2013-06-01"),
                               mmx_date_julian_from_iso ("2025-06-01"), 6, &unit);
  g_assert_cmpint (unit, ==, MMX_TIME_UNIT_YEAR);
  g_assert_cmpuint (ticks->len, <=, 6);
  g_assert_cmpuint (ticks->len, >=, 2);
  g_assert_cmpstr (label (ticks, 0), ==, "2014");
}

static void
test_single_day (void)
{
  g_autoptr(GPtrArray) ticks = NULL;
  guint32 day = mmx_date_julian_from_iso ("2025-03-05");

  ticks = mmx_time_axis_ticks (day, day, 6, NULL);
  g_assert_cmpuint (ticks->len, ==, 1);
  g_assert_cmpuint (((MmxTimeTick *) g_ptr_array_index (ticks, 0))->day, ==, day);
  g_assert_cmpstr (label (ticks, 0), ==, "5 Mar");

  /* A month with no first-of-month inside it still gets its first day. */
  g_clear_pointer (&ticks, g_ptr_array_unref);
  ticks = mmx_time_axis_ticks (mmx_date_julian_from_iso ("2025-03-02"),
                               mmx_date_julian_from_iso ("2025-03-25"), 1, NULL);
  g_assert_cmpuint (ticks->len, ==, 1);
}

static void
test_format (void)
{
  g_autofree char *day = mmx_time_axis_format_day (mmx_date_julian_from_iso ("2025-11-03"));
  g_autofree char *range = NULL;
  g_autofree char *across = NULL;
  g_autofree char *one = NULL;

  g_assert_cmpstr (day, ==, "Mon 3 Nov 2025");
  range = mmx_time_axis_format_range (mmx_date_julian_from_iso ("2025-11-03"),
                                      mmx_date_julian_from_iso ("2025-12-02"));
  g_assert_cmpstr (range, ==, "3 Nov – 2 Dec 2025");
  across = mmx_time_axis_format_range (mmx_date_julian_from_iso ("2024-12-29"),
                                       mmx_date_julian_from_iso ("2025-01-05"));
  g_assert_cmpstr (across, ==, "29 Dec 2024 – 5 Jan 2025");
  one = mmx_time_axis_format_range (mmx_date_julian_from_iso ("2025-01-05"),
                                    mmx_date_julian_from_iso ("2025-01-05"));
  g_assert_cmpstr (one, ==, "5 Jan 2025");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/render/time-axis/weeks", test_weeks);
  g_test_add_func ("/mmx/render/time-axis/days", test_days);
  g_test_add_func ("/mmx/render/time-axis/quarters", test_quarters);
  g_test_add_func ("/mmx/render/time-axis/years", test_years);
  g_test_add_func ("/mmx/render/time-axis/single-day", test_single_day);
  g_test_add_func ("/mmx/render/time-axis/format", test_format);

  return g_test_run ();
}
