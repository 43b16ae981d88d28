/* test-date.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-date.h"

/* Dates as ad platforms and spreadsheets export them. Each case names its
 * input and format, so a failure says which spelling broke. */

typedef struct
{
  const char *text;
  const char *expected;
} DateCase;

typedef struct
{
  const char    *text;
  MmxDateStatus  expected;
} StatusCase;

static const char *
status_name (MmxDateStatus status)
{
  switch (status)
    {
    case MMX_DATE_OK:
      return "ok";
    case MMX_DATE_EMPTY:
      return "empty";
    case MMX_DATE_INVALID:
      return "invalid";
    case MMX_DATE_NONEXISTENT:
      return "nonexistent";
    default:
      return "?";
    }
}

static void
assert_date (const char    *text,
             MmxDateFormat  format,
             const char    *expected)
{
  guint32 julian = 0;
  MmxDateStatus status;
  g_autofree char *iso = NULL;

  g_test_message ("“%s” as %s should be %s", text, mmx_date_format_to_string (format),
                  expected);
  status = mmx_date_parse (text, format, &julian);
  g_assert_cmpstr (status_name (status), ==, status_name (MMX_DATE_OK));
  iso = mmx_date_julian_to_iso (julian);
  g_assert_cmpstr (iso, ==, expected);
  g_assert_cmpuint (julian, ==, mmx_date_julian_from_iso (expected));
}

static void
assert_dates (const DateCase *cases,
              gsize           n_cases,
              MmxDateFormat   format)
{
  for (gsize i = 0; i < n_cases; i++)
    assert_date (cases[i].text, format, cases[i].expected);
}

static void
assert_statuses (const StatusCase *cases,
                 gsize             n_cases,
                 MmxDateFormat     format)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      guint32 julian = 4242;
      MmxDateStatus status;

      g_test_message ("“%s” as %s should be %s", cases[i].text,
                      mmx_date_format_to_string (format), status_name (cases[i].expected));
      status = mmx_date_parse (cases[i].text, format, &julian);
      g_assert_cmpstr (status_name (status), ==, status_name (cases[i].expected));
      g_assert_cmpuint (julian, ==, 4242);
    }
}

static void
test_iso (void)
{
  static const DateCase cases[] = {
    { "2025-11-03", "2025-11-03" },
    { "2025-01-01", "2025-01-01" },
    { "2025-12-31", "2025-12-31" },
    { "2024-02-29", "2024-02-29" },
    { "2000-02-29", "2000-02-29" },
    { "1999-12-31", "1999-12-31" },
    { "2025-11-03T10:20:30", "2025-11-03" },
    { "2025-11-03T10:20:30Z", "2025-11-03" },
    { "2025-11-03T23:59:59+02:00", "2025-11-03" },
    { "2025-11-03 00:00:00", "2025-11-03" },
    { "2025-11-03 00:00:00 UTC", "2025-11-03" },
  };

  assert_dates (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_ISO);
}

static void
test_iso_bad (void)
{
  static const StatusCase cases[] = {
    { "", MMX_DATE_EMPTY },
    { "2025-02-29", MMX_DATE_NONEXISTENT },
    { "2024-02-30", MMX_DATE_NONEXISTENT },
    { "1900-02-29", MMX_DATE_NONEXISTENT },
    { "2025-04-31", MMX_DATE_NONEXISTENT },
    { "2025-13-01", MMX_DATE_NONEXISTENT },
    { "2025-00-10", MMX_DATE_NONEXISTENT },
    { "2025-01-00", MMX_DATE_NONEXISTENT },
    { "2025-01-32", MMX_DATE_NONEXISTENT },
    { "0000-01-01", MMX_DATE_NONEXISTENT },
    { "2025/11/03", MMX_DATE_INVALID },
    { "03/11/2025", MMX_DATE_INVALID },
    { "Nov 3, 2025", MMX_DATE_INVALID },
    { "25-11-03", MMX_DATE_INVALID },
    { "2025-11", MMX_DATE_INVALID },
    { "2025-11-", MMX_DATE_INVALID },
    { "2025-11-03x", MMX_DATE_INVALID },
    { "2025-11-031", MMX_DATE_INVALID },
    { "20251103", MMX_DATE_INVALID },
    { " 2025-11-03", MMX_DATE_INVALID },
    { "yesterday", MMX_DATE_INVALID },
    { "-", MMX_DATE_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_ISO);
}

static void
test_ymd (void)
{
  static const DateCase cases[] = {
    { "2025/11/03", "2025-11-03" },
    { "2025/1/3", "2025-01-03" },
    { "2024/02/29", "2024-02-29" },
  };
  static const StatusCase bad_cases[] = {
    { "", MMX_DATE_EMPTY },
    { "2025/02/29", MMX_DATE_NONEXISTENT },
    { "2025/04/31", MMX_DATE_NONEXISTENT },
    { "2025/13/01", MMX_DATE_NONEXISTENT },
    { "2025-11-03", MMX_DATE_INVALID },
    { "2025/11-03", MMX_DATE_INVALID },
    { "03/11/2025", MMX_DATE_INVALID },
    { "2025/11", MMX_DATE_INVALID },
    { "garbage", MMX_DATE_INVALID },
  };

  assert_dates (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_YMD);
  assert_statuses (bad_cases, G_N_ELEMENTS (bad_cases), MMX_DATE_FORMAT_YMD);
}

static void
test_dmy (void)
{
  static const DateCase cases[] = {
    { "03/11/2025", "2025-11-03" },
    { "3/11/2025", "2025-11-03" },
    { "3/1/2025", "2025-01-03" },
    { "31/12/2025", "2025-12-31" },
    { "13/01/2025", "2025-01-13" },
    { "29/02/2024", "2024-02-29" },
    { "03.11.2025", "2025-11-03" },
    { "3.11.2025", "2025-11-03" },
    { "03-11-2025", "2025-11-03" },
    { "03-11-25", "2025-11-03" },
    { "03/11/25", "2025-11-03" },
    { "3.11.25", "2025-11-03" },
    { "01/01/00", "2000-01-01" },
    { "03/11/2025 10:30", "2025-11-03" },
    { "03/11/2025 00:00:00", "2025-11-03" },
  };

  assert_dates (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_DMY);
}

static void
test_dmy_bad (void)
{
  static const StatusCase cases[] = {
    { "", MMX_DATE_EMPTY },
    { "31/04/2025", MMX_DATE_NONEXISTENT },
    { "29/02/2025", MMX_DATE_NONEXISTENT },
    { "30/02/2024", MMX_DATE_NONEXISTENT },
    { "01/13/2025", MMX_DATE_NONEXISTENT },
    { "00/01/2025", MMX_DATE_NONEXISTENT },
    { "32/01/2025", MMX_DATE_NONEXISTENT },
    { "03/11-2025", MMX_DATE_INVALID },
    { "03.11/2025", MMX_DATE_INVALID },
    { "03/11/202", MMX_DATE_INVALID },
    { "03/11/2", MMX_DATE_INVALID },
    { "03/11/20255", MMX_DATE_INVALID },
    { "03/11", MMX_DATE_INVALID },
    { "003/11/2025", MMX_DATE_INVALID },
    { "03 11 2025", MMX_DATE_INVALID },
    { "03/11/2025T10:00", MMX_DATE_INVALID },
    { "2025-11-03", MMX_DATE_INVALID },
    { "Nov 3, 2025", MMX_DATE_INVALID },
    { "ab/cd/efgh", MMX_DATE_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_DMY);
}

static void
test_mdy (void)
{
  static const DateCase cases[] = {
    { "11/03/2025", "2025-11-03" },
    { "11/3/2025", "2025-11-03" },
    { "1/3/2025", "2025-01-03" },
    { "12/31/2025", "2025-12-31" },
    { "02/29/2024", "2024-02-29" },
    { "11.03.2025", "2025-11-03" },
    { "11-03-2025", "2025-11-03" },
    { "11/03/25", "2025-11-03" },
    { "11-03-25", "2025-11-03" },
    { "11/03/2025 14:00", "2025-11-03" },
  };
  static const StatusCase bad_cases[] = {
    { "", MMX_DATE_EMPTY },
    { "02/29/2025", MMX_DATE_NONEXISTENT },
    { "04/31/2025", MMX_DATE_NONEXISTENT },
    { "13/01/2025", MMX_DATE_NONEXISTENT },
    { "31/12/2025", MMX_DATE_NONEXISTENT },
    { "00/10/2025", MMX_DATE_NONEXISTENT },
    { "11/03-2025", MMX_DATE_INVALID },
    { "11/03/202", MMX_DATE_INVALID },
    { "2025-11-03", MMX_DATE_INVALID },
    { "garbage", MMX_DATE_INVALID },
  };

  assert_dates (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_MDY);
  assert_statuses (bad_cases, G_N_ELEMENTS (bad_cases), MMX_DATE_FORMAT_MDY);
}

static void
test_dmy_mdy_differ (void)
{
  guint32 dmy = 0;
  guint32 mdy = 0;

  /* The same text, two days: the reason the detector exists. */
  g_assert_cmpint (mmx_date_parse ("03/11/2025", MMX_DATE_FORMAT_DMY, &dmy), ==, MMX_DATE_OK);
  g_assert_cmpint (mmx_date_parse ("03/11/2025", MMX_DATE_FORMAT_MDY, &mdy), ==, MMX_DATE_OK);
  g_assert_cmpuint (dmy, ==, mmx_date_julian_from_iso ("2025-11-03"));
  g_assert_cmpuint (mdy, ==, mmx_date_julian_from_iso ("2025-03-11"));
  g_assert_cmpuint (dmy, !=, mdy);
}

static void
test_month_name (void)
{
  static const DateCase cases[] = {
    { "Nov 3, 2025", "2025-11-03" },
    { "Nov 3 2025", "2025-11-03" },
    { "nov 3, 2025", "2025-11-03" },
    { "NOV 3, 2025", "2025-11-03" },
    { "November 3, 2025", "2025-11-03" },
    { "November 03, 2025", "2025-11-03" },
    { "Nov. 3, 2025", "2025-11-03" },
    { "Nov 3rd, 2025", "2025-11-03" },
    { "Nov 1st, 2025", "2025-11-01" },
    { "Nov 2nd, 2025", "2025-11-02" },
    { "Nov 4th, 2025", "2025-11-04" },
    { "3 November 2025", "2025-11-03" },
    { "3 Nov 2025", "2025-11-03" },
    { "Mon, Nov 3, 2025", "2025-11-03" },
    { "Monday, November 3, 2025", "2025-11-03" },
    { "Mon 3 Nov 2025", "2025-11-03" },
    { "03-Nov-25", "2025-11-03" },
    { "03-Nov-2025", "2025-11-03" },
    { "3/Nov/2025", "2025-11-03" },
    { "3 Nov 25", "2025-11-03" },
    { "Nov 3 25", "2025-11-03" },
    { "2025 Nov 3", "2025-11-03" },
    { "Sept 3, 2025", "2025-09-03" },
    { "Jan 1, 2025", "2025-01-01" },
    { "Feb 29, 2024", "2024-02-29" },
    { "Dec 31, 2025", "2025-12-31" },
  };

  assert_dates (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_MONTH_NAME);
}

static void
test_month_name_bad (void)
{
  static const StatusCase cases[] = {
    { "", MMX_DATE_EMPTY },
    { "Feb 29, 2025", MMX_DATE_NONEXISTENT },
    { "Feb 30, 2024", MMX_DATE_NONEXISTENT },
    { "Apr 31, 2025", MMX_DATE_NONEXISTENT },
    { "31 Apr 2025", MMX_DATE_NONEXISTENT },
    { "Nov 0, 2025", MMX_DATE_NONEXISTENT },
    { "Nov 32, 2025", MMX_DATE_NONEXISTENT },
    { "Foo 3, 2025", MMX_DATE_INVALID },
    { "No 3, 2025", MMX_DATE_INVALID },
    { "Nov 2025", MMX_DATE_INVALID },
    { "Nov 3", MMX_DATE_INVALID },
    { "Nov 3, 2025, 4", MMX_DATE_INVALID },
    { "Nov Dec 3, 2025", MMX_DATE_INVALID },
    { "Nov 3x, 2025", MMX_DATE_INVALID },
    { "Nov 100, 2025", MMX_DATE_INVALID },
    { "3 2025", MMX_DATE_INVALID },
    { "2025-11-03", MMX_DATE_INVALID },
    { "03/11/2025", MMX_DATE_INVALID },
    { "Monday", MMX_DATE_INVALID },
    { "yesterday", MMX_DATE_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DATE_FORMAT_MONTH_NAME);
}

static void
test_unknown_format (void)
{
  guint32 julian = 4242;

  g_assert_cmpint (mmx_date_parse ("2025-11-03", MMX_DATE_FORMAT_UNKNOWN, &julian), ==,
                   MMX_DATE_INVALID);
  g_assert_cmpint (mmx_date_parse ("", MMX_DATE_FORMAT_UNKNOWN, &julian), ==, MMX_DATE_EMPTY);
  g_assert_cmpuint (julian, ==, 4242);
}

static void
test_format_strings (void)
{
  static const struct {
    MmxDateFormat  format;
    const char    *name;
    const char    *description;
  } cases[] = {
    { MMX_DATE_FORMAT_ISO, "iso", "YYYY-MM-DD" },
    { MMX_DATE_FORMAT_YMD, "ymd", "YYYY/MM/DD" },
    { MMX_DATE_FORMAT_DMY, "dmy", "DD/MM/YYYY" },
    { MMX_DATE_FORMAT_MDY, "mdy", "MM/DD/YYYY" },
    { MMX_DATE_FORMAT_MONTH_NAME, "month-name", "Nov 3, 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *upper = g_ascii_strup (cases[i].name, -1);

      g_assert_cmpstr (mmx_date_format_to_string (cases[i].format), ==, cases[i].name);
      g_assert_cmpstr (mmx_date_format_describe (cases[i].format), ==, cases[i].description);
      g_assert_cmpint (mmx_date_format_from_string (cases[i].name), ==, cases[i].format);
      /* The CLI takes --date-format DMY as well as dmy. */
      g_assert_cmpint (mmx_date_format_from_string (upper), ==, cases[i].format);
    }

  g_assert_cmpstr (mmx_date_format_to_string (MMX_DATE_FORMAT_UNKNOWN), ==, "unknown");
  g_assert_cmpstr (mmx_date_format_describe (MMX_DATE_FORMAT_UNKNOWN), ==, "unknown");
  g_assert_cmpint (mmx_date_format_from_string ("unknown"), ==, MMX_DATE_FORMAT_UNKNOWN);
  g_assert_cmpint (mmx_date_format_from_string (""), ==, MMX_DATE_FORMAT_UNKNOWN);
  g_assert_cmpint (mmx_date_format_from_string ("dd/mm/yyyy"), ==, MMX_DATE_FORMAT_UNKNOWN);
  g_assert_cmpint (mmx_date_format_from_string ("dmy "), ==, MMX_DATE_FORMAT_UNKNOWN);
  g_assert_cmpint (mmx_date_format_from_string ("bogus"), ==, MMX_DATE_FORMAT_UNKNOWN);
}

static void
test_describe_parses (void)
{
  /* The example shown to the user for the month-name format is itself
   * a date in that format. */
  guint32 julian = 0;

  g_assert_cmpint (mmx_date_parse (mmx_date_format_describe (MMX_DATE_FORMAT_MONTH_NAME),
                                   MMX_DATE_FORMAT_MONTH_NAME, &julian), ==, MMX_DATE_OK);
  g_assert_cmpuint (julian, ==, mmx_date_julian_from_iso ("2025-11-03"));
}

static void
test_julian (void)
{
  GDate date;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  /* Julian numbers are GLib's, so they mix with GDate. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_NOVEMBER, 2025);
  g_assert_cmpuint (mmx_date_julian_from_iso ("2025-11-03"), ==, g_date_get_julian (&date));
  g_assert_cmpuint (mmx_date_julian_from_iso ("2025-11-04"), ==,
                    mmx_date_julian_from_iso ("2025-11-03") + 1);
  g_assert_cmpuint (mmx_date_julian_from_iso ("2025-03-01"), ==,
                    mmx_date_julian_from_iso ("2025-02-28") + 1);
  g_assert_cmpuint (mmx_date_julian_from_iso ("2024-03-01"), ==,
                    mmx_date_julian_from_iso ("2024-02-28") + 2);
  g_assert_cmpuint (mmx_date_julian_from_iso ("2026-01-01"), ==,
                    mmx_date_julian_from_iso ("2025-01-01") + 365);

  first = mmx_date_julian_to_iso (1);
  g_assert_cmpstr (first, ==, "0001-01-01");
  g_assert_cmpuint (mmx_date_julian_from_iso ("0001-01-01"), ==, 1);
  last = mmx_date_julian_to_iso (mmx_date_julian_from_iso ("9999-12-31"));
  g_assert_cmpstr (last, ==, "9999-12-31");
}

static void
test_julian_from_bad_iso (void)
{
  const char *bad[] = {
    "", "garbage", "2025-02-29", "2025-13-01", "2025/11/03", "03/11/2025",
    "2025-11-03T10:00:00", "2025-11-03 10:00", "2025-11-03x", "Nov 3, 2025",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("julian_from_iso (“%s”) should be 0", bad[i]);
      g_assert_cmpuint (mmx_date_julian_from_iso (bad[i]), ==, 0);
    }
}

static void
test_julian_round_trip (void)
{
  guint32 start = mmx_date_julian_from_iso ("1999-12-25");
  guint32 end = mmx_date_julian_from_iso ("2031-01-10");

  g_assert_cmpuint (start, >, 0);
  g_assert_cmpuint (end, >, start);

  /* Every day of three decades, through several leap years. */
  for (guint32 julian = start; julian <= end; julian++)
    {
      g_autofree char *iso = mmx_date_julian_to_iso (julian);
      guint32 parsed = 0;

      g_assert_cmpuint (strlen (iso), ==, 10);
      g_assert_cmpuint (mmx_date_julian_from_iso (iso), ==, julian);
      g_assert_cmpint (mmx_date_parse (iso, MMX_DATE_FORMAT_ISO, &parsed), ==, MMX_DATE_OK);
      g_assert_cmpuint (parsed, ==, julian);
    }
}

static void
test_julian_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  guint32 expected = mmx_date_julian_from_iso (iso);
  guint32 today = mmx_date_julian_today ();

  /* Allow for the test running across midnight. */
  g_assert_cmpuint (today, >=, expected);
  g_assert_cmpuint (today, <=, expected + 1);
}

static MmxDateFormat
detect (const char * const *values,
        gboolean           *out_ambiguous,
        char              **out_example)
{
  g_autoptr(MmxDateDetector) detector = mmx_date_detector_new ();
  MmxDateFormat format;

  for (guint i = 0; values[i] != NULL; i++)
    mmx_date_detector_add (detector, values[i]);
  format = mmx_date_detector_get_format (detector, out_ambiguous);
  if (out_example != NULL)
    *out_example = g_strdup (mmx_date_detector_get_example (detector));
  return format;
}

static void
assert_detected (const char * const *values,
                 MmxDateFormat       expected)
{
  gboolean ambiguous = TRUE;

  g_assert_cmpstr (mmx_date_format_to_string (detect (values, &ambiguous, NULL)), ==,
                   mmx_date_format_to_string (expected));
  g_assert_false (ambiguous);
}

static void
test_detect_empty (void)
{
  g_autoptr(MmxDateDetector) detector = mmx_date_detector_new ();
  gboolean ambiguous = TRUE;

  g_assert_cmpint (mmx_date_detector_get_format (detector, &ambiguous), ==,
                   MMX_DATE_FORMAT_UNKNOWN);
  g_assert_false (ambiguous);
  g_assert_null (mmx_date_detector_get_example (detector));

  /* Empty cells say nothing about the format. */
  mmx_date_detector_add (detector, "");
  mmx_date_detector_add (detector, "");
  g_assert_cmpint (mmx_date_detector_get_format (detector, NULL), ==, MMX_DATE_FORMAT_UNKNOWN);
}

static void
test_detect_iso (void)
{
  const char *values[] = {
    "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05", NULL
  };
  const char *with_time[] = {
    "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z", NULL
  };
  g_autofree char *example = NULL;

  assert_detected (values, MMX_DATE_FORMAT_ISO);
  assert_detected (with_time, MMX_DATE_FORMAT_ISO);
  detect (values, NULL, &example);
  g_assert_null (example);
}

static void
test_detect_ymd_and_month_name (void)
{
  const char *ymd[] = { "2025/01/01", "2025/01/02", "2025/01/03", NULL };
  const char *month_name[] = { "Nov 3, 2025", "Nov 4, 2025", "Nov 5, 2025", NULL };
  const char *weekday_month_name[] = { "Mon, Nov 3, 2025", "Tue, Nov 4, 2025", NULL };
  const char *short_month_name[] = { "03-Nov-25", "04-Nov-25", "05-Nov-25", NULL };

  assert_detected (ymd, MMX_DATE_FORMAT_YMD);
  assert_detected (month_name, MMX_DATE_FORMAT_MONTH_NAME);
  assert_detected (weekday_month_name, MMX_DATE_FORMAT_MONTH_NAME);
  assert_detected (short_month_name, MMX_DATE_FORMAT_MONTH_NAME);
}

static void
test_detect_dmy_by_day (void)
{
  /* 13/02 can only be day-first. */
  const char *values[] = { "01/02/2025", "05/02/2025", "13/02/2025", "04/03/2025", NULL };
  const char *dots[] = { "01.02.2025", "28.02.2025", NULL };
  const char *two_digit_years[] = { "01-02-25", "15-02-25", NULL };
  g_autofree char *example = NULL;

  assert_detected (values, MMX_DATE_FORMAT_DMY);
  assert_detected (dots, MMX_DATE_FORMAT_DMY);
  assert_detected (two_digit_years, MMX_DATE_FORMAT_DMY);
  detect (values, NULL, &example);
  g_assert_cmpstr (example, ==, "01/02/2025");
}

static void
test_detect_mdy_by_day (void)
{
  const char *values[] = { "02/01/2025", "02/05/2025", "02/13/2025", "03/04/2025", NULL };
  const char *last_value_decides[] = {
    "01/02/2025", "03/07/2025", "05/09/2025", "12/31/2025", NULL
  };

  assert_detected (values, MMX_DATE_FORMAT_MDY);
  assert_detected (last_value_decides, MMX_DATE_FORMAT_MDY);
}

static void
test_detect_ambiguous (void)
{
  /* Every day is 12 or less, and neither reading makes a rhythm. */
  const char *values[] = { "01/02/2025", "05/03/2025", "09/07/2025", "11/04/2025", NULL };
  gboolean ambiguous = FALSE;
  g_autofree char *example = NULL;
  MmxDateFormat format;

  format = detect (values, &ambiguous, &example);
  g_assert_true (ambiguous);
  g_assert_true (format == MMX_DATE_FORMAT_DMY || format == MMX_DATE_FORMAT_MDY);
  g_assert_cmpstr (example, ==, "01/02/2025");
}

static void
test_detect_single_value_ambiguous (void)
{
  const char *values[] = { "03/11/2025", NULL };
  gboolean ambiguous = FALSE;
  g_autofree char *example = NULL;
  MmxDateFormat format;

  format = detect (values, &ambiguous, &example);
  g_assert_true (ambiguous);
  g_assert_true (format == MMX_DATE_FORMAT_DMY || format == MMX_DATE_FORMAT_MDY);
  g_assert_cmpstr (example, ==, "03/11/2025");
}

static void
test_detect_rhythm_daily_dmy (void)
{
  /* 1 to 12 February day-first is daily; month-first it jumps a month
   * each row. */
  const char *values[] = {
    "01/02/2025", "02/02/2025", "03/02/2025", "04/02/2025", "05/02/2025", "06/02/2025",
    "07/02/2025", "08/02/2025", "09/02/2025", "10/02/2025", "11/02/2025", "12/02/2025", NULL
  };

  assert_detected (values, MMX_DATE_FORMAT_DMY);
}

static void
test_detect_rhythm_daily_mdy (void)
{
  const char *values[] = {
    "02/01/2025", "02/02/2025", "02/03/2025", "02/04/2025", "02/05/2025", "02/06/2025",
    "02/07/2025", "02/08/2025", "02/09/2025", "02/10/2025", "02/11/2025", "02/12/2025", NULL
  };

  assert_detected (values, MMX_DATE_FORMAT_MDY);
}

static void
test_detect_rhythm_repeated_dates (void)
{
  /* A long file repeats each date once per channel: 3 to 10 February. */
  const char *values[] = {
    "03/02/2025", "03/02/2025", "03/02/2025", "04/02/2025", "04/02/2025", "04/02/2025",
    "05/02/2025", "05/02/2025", "05/02/2025", "06/02/2025", "06/02/2025", "06/02/2025",
    "07/02/2025", "07/02/2025", "07/02/2025", "08/02/2025", "08/02/2025", "08/02/2025",
    "09/02/2025", "09/02/2025", "09/02/2025", "10/02/2025", "10/02/2025", "10/02/2025", NULL
  };
  /* Or lists one channel's days, then the next channel's. */
  const char *grouped[] = {
    "03/02/2025", "04/02/2025", "05/02/2025", "06/02/2025", "07/02/2025", "08/02/2025",
    "09/02/2025", "10/02/2025", "03/02/2025", "04/02/2025", "05/02/2025", "06/02/2025",
    "07/02/2025", "08/02/2025", "09/02/2025", "10/02/2025", NULL
  };

  assert_detected (values, MMX_DATE_FORMAT_DMY);
  assert_detected (grouped, MMX_DATE_FORMAT_DMY);
}

static void
test_detect_rhythm_weekly (void)
{
  /* Mondays 1 and 8 September 2025 day-first; month-first they would be
   * 9 January and 9 August. */
  const char *dmy[] = { "01/09/2025", "08/09/2025", NULL };
  const char *mdy[] = { "09/01/2025", "09/08/2025", NULL };

  assert_detected (dmy, MMX_DATE_FORMAT_DMY);
  assert_detected (mdy, MMX_DATE_FORMAT_MDY);
}

static void
test_detect_rhythm_through_same_reading (void)
{
  /* 1 to 10 March, day-first, is plainly daily. 03/03/2025 reads the
   * same both ways, which must not break the rhythm of the others. */
  const char *values[] = {
    "01/03/2025", "02/03/2025", "03/03/2025", "04/03/2025", "05/03/2025",
    "06/03/2025", "07/03/2025", "08/03/2025", "09/03/2025", "10/03/2025", NULL
  };
  const char *mdy_values[] = {
    "03/01/2025", "03/02/2025", "03/03/2025", "03/04/2025", "03/05/2025",
    "03/06/2025", "03/07/2025", "03/08/2025", "03/09/2025", "03/10/2025", NULL
  };

  assert_detected (values, MMX_DATE_FORMAT_DMY);
  assert_detected (mdy_values, MMX_DATE_FORMAT_MDY);
}

static void
test_detect_example_skips_same_reading (void)
{
  /* 01/01 and 05/05 read the same both ways; the example must show the
   * difference. */
  const char *values[] = { "01/01/2025", "05/05/2025", "02/01/2025", "03/01/2025", NULL };
  g_autofree char *example = NULL;

  detect (values, NULL, &example);
  g_assert_cmpstr (example, ==, "02/01/2025");
}

static void
test_detect_same_reading_only (void)
{
  /* Dates whose day equals their month are the same day either way. */
  const char *values[] = { "01/01/2025", "02/02/2025", "03/03/2025", NULL };
  g_autofree char *example = NULL;
  MmxDateFormat format;

  format = detect (values, NULL, &example);
  g_assert_true (format == MMX_DATE_FORMAT_DMY || format == MMX_DATE_FORMAT_MDY);
  g_assert_null (example);
}

static void
test_detect_majority (void)
{
  /* A stray bad cell does not outvote the file. */
  const char *values[] = {
    "2025-01-01", "2025-01-02", "n/a", "2025-01-03", "total", "2025-01-04", NULL
  };

  assert_detected (values, MMX_DATE_FORMAT_ISO);
}

static void
test_detect_unknown (void)
{
  const char *values[] = { "hello", "world", "42", "2025", NULL };
  gboolean ambiguous = TRUE;
  g_autofree char *example = NULL;

  g_assert_cmpint (detect (values, &ambiguous, &example), ==, MMX_DATE_FORMAT_UNKNOWN);
  g_assert_false (ambiguous);
  g_assert_null (example);
}

static void
test_detect_many_values (void)
{
  g_autoptr(MmxDateDetector) detector = mmx_date_detector_new ();
  guint32 start = mmx_date_julian_from_iso ("2015-01-01");
  gboolean ambiguous = TRUE;

  /* Ten years of daily day-first dates: far more values than the
   * detector keeps, in constant memory. */
  for (guint32 julian = start; julian < start + 3653; julian++)
    {
      GDate date;
      char text[16];

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      g_snprintf (text, sizeof text, "%02d/%02d/%04d", g_date_get_day (&date),
                  g_date_get_month (&date), g_date_get_year (&date));
      mmx_date_detector_add (detector, text);
    }

  g_assert_cmpint (mmx_date_detector_get_format (detector, &ambiguous), ==,
                   MMX_DATE_FORMAT_DMY);
  g_assert_false (ambiguous);
  g_assert_cmpstr (mmx_date_detector_get_example (detector), ==, "02/01/2015");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/date/iso", test_iso);
  g_test_add_func ("/mmx/core/date/iso-bad", test_iso_bad);
  g_test_add_func ("/mmx/core/date/ymd", test_ymd);
  g_test_add_func ("/mmx/core/date/dmy", test_dmy);
  g_test_add_func ("/mmx/core/date/dmy-bad", test_dmy_bad);
  g_test_add_func ("/mmx/core/date/mdy", test_mdy);
  g_test_add_func ("/mmx/core/date/dmy-mdy-differ", test_dmy_mdy_differ);
  g_test_add_func ("/mmx/core/date/month-name", test_month_name);
  g_test_add_func ("/mmx/core/date/month-name-bad", test_month_name_bad);
  g_test_add_func ("/mmx/core/date/unknown-format", test_unknown_format);
  g_test_add_func ("/mmx/core/date/format-strings", test_format_strings);
  g_test_add_func ("/mmx/core/date/describe-parses", test_describe_parses);
  g_test_add_func ("/mmx/core/date/julian", test_julian);
  g_test_add_func ("/mmx/core/date/julian-from-bad-iso", test_julian_from_bad_iso);
  g_test_add_func ("/mmx/core/date/julian-round-trip", test_julian_round_trip);
  g_test_add_func ("/mmx/core/date/julian-today", test_julian_today);
  g_test_add_func ("/mmx/core/date/detect/empty", test_detect_empty);
  g_test_add_func ("/mmx/core/date/detect/iso", test_detect_iso);
  g_test_add_func ("/mmx/core/date/detect/ymd-and-month-name", test_detect_ymd_and_month_name);
  g_test_add_func ("/mmx/core/date/detect/dmy-by-day", test_detect_dmy_by_day);
  g_test_add_func ("/mmx/core/date/detect/mdy-by-day", test_detect_mdy_by_day);
  g_test_add_func ("/mmx/core/date/detect/ambiguous", test_detect_ambiguous);
  g_test_add_func ("/mmx/core/date/detect/single-value-ambiguous",
                   test_detect_single_value_ambiguous);
  g_test_add_func ("/mmx/core/date/detect/rhythm-daily-dmy", test_detect_rhythm_daily_dmy);
  g_test_add_func ("/mmx/core/date/detect/rhythm-daily-mdy", test_detect_rhythm_daily_mdy);
  g_test_add_func ("/mmx/core/date/detect/rhythm-repeated-dates",
                   test_detect_rhythm_repeated_dates);
  g_test_add_func ("/mmx/core/date/detect/rhythm-weekly", test_detect_rhythm_weekly);
  g_test_add_func ("/mmx/core/date/detect/rhythm-through-same-reading",
                   test_detect_rhythm_through_same_reading);
  g_test_add_func ("/mmx/core/date/detect/example-skips-same-reading",
                   test_detect_example_skips_same_reading);
  g_test_add_func ("/mmx/core/date/detect/same-reading-only", test_detect_same_reading_only);
  g_test_add_func ("/mmx/core/date/detect/majority", test_detect_majority);
  g_test_add_func ("/mmx/core/date/detect/unknown", test_detect_unknown);
  g_test_add_func ("/mmx/core/date/detect/many-values", test_detect_many_values);

  return g_test_run ();
}
