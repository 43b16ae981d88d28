/* test-number-format.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>

#include "mmx-number-format.h"

#define NBSP " "

/* Conventions filled by hand, so the tests need no generated locales. */
static void
init_german (MmxNumberFormat *format)
{
  mmx_number_format_init (format, "EUR");
  g_strlcpy (format->decimal_point, ",", sizeof format->decimal_point);
  g_strlcpy (format->thousands_separator, ".", sizeof format->thousands_separator);
  format->symbol_first = FALSE;
  format->symbol_space = TRUE;
}

#define ASSERT_FORMATTED(call, expected) G_STMT_START { \
    g_autofree char *text = (call); \
    g_assert_cmpstr (text, ==, (expected)); \
  } G_STMT_END

static void
test_number (void)
{
  MmxNumberFormat format;

  mmx_number_format_init (&format, NULL);
  ASSERT_FORMATTED (mmx_number_format_number (&format, 1234567.891, 2), "1,234,567.89");
  ASSERT_FORMATTED (mmx_number_format_number (&format, 999.5, 0), "1,000");
  ASSERT_FORMATTED (mmx_number_format_number (&format, 12, 0), "12");
  ASSERT_FORMATTED (mmx_number_format_number (&format, -1234, 1), "−1,234.0");
  /* Rounded to zero, a negative number has no sign. */
  ASSERT_FORMATTED (mmx_number_format_number (&format, -0.001, 2), "0.00");
  ASSERT_FORMATTED (mmx_number_format_number (&format, NAN, 2), "—");
  ASSERT_FORMATTED (mmx_number_format_number (&format, INFINITY, 2), "—");
  ASSERT_FORMATTED (mmx_number_format_number (&format, 1e15, 0), "1,000,000,000,000,000");
}

static void
test_grouping (void)
{
  MmxNumberFormat format;

  /* India: the first group of three, then of two. */
  mmx_number_format_init (&format, "INR");
  format.grouping[0] = 3;
  format.grouping[1] = 2;
  ASSERT_FORMATTED (mmx_number_format_number (&format, 12345678, 0), "1,23,45,678");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 123456.5), "₹1,23,456.50");

  /* CHAR_MAX: no grouping past the first group. */
  format.grouping[1] = CHAR_MAX;
  ASSERT_FORMATTED (mmx_number_format_number (&format, 1234567, 0), "1234,567");

  /* No separator, as in the C locale. */
  format.thousands_separator[0] = '\0';
  ASSERT_FORMATTED (mmx_number_format_number (&format, 1234567, 0), "1234567");

  /* French: a narrow no-break space between groups. */
  mmx_number_format_init (&format, "EUR");
  g_strlcpy (format.thousands_separator, " ", sizeof format.thousands_separator);
  g_strlcpy (format.decimal_point, ",", sizeof format.decimal_point);
  ASSERT_FORMATTED (mmx_number_format_number (&format, 1234567.25, 2), "1 234 567,25");
}

static void
test_money (void)
{
  MmxNumberFormat format;

  mmx_number_format_init (&format, NULL);
  g_assert_cmpstr (format.currency_code, ==, "USD");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 1234.5), "$1,234.50");
  ASSERT_FORMATTED (mmx_number_format_money (&format, -1234.5), "−$1,234.50");
  ASSERT_FORMATTED (mmx_number_format_money (&format, NAN), "—");

  init_german (&format);
  ASSERT_FORMATTED (mmx_number_format_money (&format, 1234.5), "1.234,50" NBSP "€");
  ASSERT_FORMATTED (mmx_number_format_money (&format, -0.5), "−0,50" NBSP "€");

  /* Yen have no minor digits. */
  mmx_number_format_init (&format, "JPY");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 1234.6), "¥1,235");

  /* A currency we do not know is written with its code, apart. */
  mmx_number_format_init (&format, "XAU");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 12), "XAU" NBSP "12.00");
  mmx_number_format_init (&format, "CHF");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 12), "CHF" NBSP "12.00");

  /* Not a code: dollars. */
  mmx_number_format_init (&format, "usd");
  g_assert_cmpstr (format.currency_code, ==, "USD");
  g_assert_false (mmx_number_format_is_currency_code ("EURO"));
  g_assert_true (mmx_number_format_is_currency_code ("EUR"));
}

static void
test_currency_codes (void)
{
  g_auto(GStrv) codes = mmx_number_format_dup_currency_codes ();

  g_assert_true (g_strv_contains ((const char * const *) codes, "EUR"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "USD"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      MmxNumberFormat format;

      g_assert_true (mmx_number_format_is_currency_code (codes[i]));
      if (i > 0)
        g_assert_cmpstr (codes[i - 1], <, codes[i]);
      /* Each has a symbol of its own. */
      mmx_number_format_init (&format, codes[i]);
      g_assert_cmpstr (format.currency_code, ==, codes[i]);
    }
}

static void
test_compact (void)
{
  MmxNumberFormat format;

  mmx_number_format_init (&format, NULL);
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 0, FALSE), "0");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 5.25, FALSE), "5.25");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 532.4, FALSE), "532");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 1234, FALSE), "1.2K");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 12345, FALSE), "12K");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 999960, FALSE), "1M");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 999.7, FALSE), "1K");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 1.5e9, FALSE), "1.5B");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 3e15, FALSE), "3,000T");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, -2500, TRUE), "−$2.5K");
  ASSERT_FORMATTED (mmx_number_format_compact (&format, NAN, TRUE), "—");

  init_german (&format);
  ASSERT_FORMATTED (mmx_number_format_compact (&format, 1234, TRUE), "1,2K" NBSP "€");
}

static void
test_tick (void)
{
  MmxNumberFormat format;

  mmx_number_format_init (&format, NULL);
  /* The unit of the largest tick, the decimals of the step. */
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 500, 500, 1500, TRUE), "$0.5K");
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 1000, 500, 1500, TRUE), "$1K");
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 0, 500, 1500, TRUE), "$0");
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 250000, 250000, 1e6, FALSE), "0.25M");
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 1.5, 0.5, 3, FALSE), "1.5");
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 2, 0.5, 3, FALSE), "2");
  ASSERT_FORMATTED (mmx_number_format_tick (&format, -40, 20, 100, FALSE), "−40");
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 4e15, 1e15, 4e15, TRUE), "$4,000T");
  /* A tick that should be zero but is off by rounding. */
  ASSERT_FORMATTED (mmx_number_format_tick (&format, 1e-17, 0.1, 1, FALSE), "0");
}

static void
test_ratio_percent_change (void)
{
  MmxNumberFormat format;

  mmx_number_format_init (&format, NULL);
  ASSERT_FORMATTED (mmx_number_format_ratio (&format, 2.4567), "2.46×");
  ASSERT_FORMATTED (mmx_number_format_ratio (&format, NAN), "—");
  ASSERT_FORMATTED (mmx_number_format_percent (&format, 0.25, 1), "25.0%");
  ASSERT_FORMATTED (mmx_number_format_percent (&format, 1.0 / 3, 0), "33%");
  ASSERT_FORMATTED (mmx_number_format_change (&format, 0.125), "+12.5%");
  ASSERT_FORMATTED (mmx_number_format_change (&format, -0.03), "−3.0%");
  ASSERT_FORMATTED (mmx_number_format_change (&format, 0), "0.0%");
  ASSERT_FORMATTED (mmx_number_format_change (&format, 0.00001), "0.0%");
  ASSERT_FORMATTED (mmx_number_format_change (&format, 12.5), "+1,250.0%");
  ASSERT_FORMATTED (mmx_number_format_change (&format, NAN), "—");

  init_german (&format);
  ASSERT_FORMATTED (mmx_number_format_ratio (&format, 2.5), "2,50×");
}

static void
test_from_locale (void)
{
  MmxNumberFormat format;

  /* The tests run in C.UTF-8: a point, no grouping, no currency. */
  mmx_number_format_init_from_locale (&format, NULL);
  g_assert_cmpstr (format.decimal_point, ==, ".");
  g_assert_cmpstr (format.currency_code, ==, "USD");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 1234.5), "$1234.50");

  mmx_number_format_init_from_locale (&format, "EUR");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 1234.5), "€1234.50");

  /* A real German locale, where the machine has one. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      setlocale (LC_ALL, "");
      return;
    }
  mmx_number_format_init_from_locale (&format, NULL);
  setlocale (LC_ALL, "");
  g_assert_cmpstr (format.currency_code, ==, "EUR");
  ASSERT_FORMATTED (mmx_number_format_money (&format, 1234.5), "1.234,50" NBSP "€");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/mmx/render/number-format/number", test_number);
  g_test_add_func ("/mmx/render/number-format/grouping", test_grouping);
  g_test_add_func ("/mmx/render/number-format/money", test_money);
  g_test_add_func ("/mmx/render/number-format/currency-codes", test_currency_codes);
  g_test_add_func ("/mmx/render/number-format/compact", test_compact);
  g_test_add_func ("/mmx/render/number-format/tick", test_tick);
  g_test_add_func ("/mmx/render/number-format/ratio-percent-change", test_ratio_percent_change);
  g_test_add_func ("/mmx/render/number-format/from-locale", test_from_locale);

  return g_test_run ();
}
