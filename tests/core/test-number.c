/* test-number.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-number.h"

/* Amounts come as the exporting program's locale wrote them. Each table
 * below is one rule of mmx_number_parse(); every case names its input so a
 * failure says which spelling broke. */

typedef struct
{
  const char *text;
  double      expected;
} NumberCase;

typedef struct
{
  const char      *text;
  MmxNumberStatus  expected;
} StatusCase;

static const char *
status_name (MmxNumberStatus status)
{
  switch (status)
    {
    case MMX_NUMBER_OK:
      return "ok";
    case MMX_NUMBER_EMPTY:
      return "empty";
    case MMX_NUMBER_INVALID:
      return "invalid";
    case MMX_NUMBER_NOT_FINITE:
      return "not-finite";
    case MMX_NUMBER_OVERFLOW:
      return "overflow";
    default:
      return "?";
    }
}

static void
assert_value (const char     *text,
              MmxDecimalMark  mark,
              double          expected)
{
  double value = -4242.0;
  MmxNumberStatus status;

  g_test_message ("“%s” with decimal %s should be %.17g", text,
                  mark == MMX_DECIMAL_POINT ? "point" : "comma", expected);
  status = mmx_number_parse (text, mark, &value);
  g_assert_cmpstr (status_name (status), ==, status_name (MMX_NUMBER_OK));
  g_assert_cmpfloat_with_epsilon (value, expected, fabs (expected) * 1e-12 + 1e-12);
}

static void
assert_values (const NumberCase *cases,
               gsize             n_cases,
               MmxDecimalMark    mark)
{
  for (gsize i = 0; i < n_cases; i++)
    assert_value (cases[i].text, mark, cases[i].expected);
}

static void
assert_status (const char      *text,
               MmxDecimalMark   mark,
               MmxNumberStatus  expected)
{
  double value = -4242.0;
  MmxNumberStatus status;

  g_test_message ("“%s” with decimal %s should be %s", text,
                  mark == MMX_DECIMAL_POINT ? "point" : "comma", status_name (expected));
  status = mmx_number_parse (text, mark, &value);
  g_assert_cmpstr (status_name (status), ==, status_name (expected));
  /* A failed parse leaves the output alone. */
  g_assert_cmpfloat (value, ==, -4242.0);
}

static void
assert_statuses (const StatusCase *cases,
                 gsize             n_cases,
                 MmxDecimalMark    mark)
{
  for (gsize i = 0; i < n_cases; i++)
    assert_status (cases[i].text, mark, cases[i].expected);
}

static void
test_plain (void)
{
  static const NumberCase cases[] = {
    { "0", 0.0 },
    { "7", 7.0 },
    { "1234", 1234.0 },
    { "1234.56", 1234.56 },
    { "0.5", 0.5 },
    { "-3", -3.0 },
    { "-0.25", -0.25 },
    { "000123", 123.0 },
    { "999999999999999", 999999999999999.0 },
    { "12.345678", 12.345678 },
  };

  assert_values (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
}

static void
test_blanks_around (void)
{
  static const NumberCase cases[] = {
    { " 42", 42.0 },
    { "42 ", 42.0 },
    { "\t42\t", 42.0 },
    { "  -3.5  ", -3.5 },
    { "\u00a042\u00a0", 42.0 },
    { "\u202f42", 42.0 },
  };

  assert_values (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
}

static void
test_decimal_point (void)
{
  static const NumberCase cases[] = {
    { ".5", 0.5 },
    { "-.5", -0.5 },
    { "1,234.56", 1234.56 },
    { "1,234", 1234.0 },
    { "12,345,678.9", 12345678.9 },
    { "1,000.5", 1000.5 },
  };

  assert_values (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
}

static void
test_decimal_comma (void)
{
  static const NumberCase cases[] = {
    { "0", 0.0 },
    { "1234", 1234.0 },
    { "1234,56", 1234.56 },
    { "0,5", 0.5 },
    { ",5", 0.5 },
    { "-1,5", -1.5 },
    { "1.234", 1234.0 },
    { "1.234,56", 1234.56 },
    { "1.234.567,89", 1234567.89 },
    { "1 234,56", 1234.56 },
    { "1e3", 1000.0 },
    { "1,5e3", 1500.0 },
  };

  assert_values (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_COMMA);
}

static void
test_decimal_comma_rejects_point_style (void)
{
  static const StatusCase cases[] = {
    /* With a decimal comma, the point only groups thousands. */
    { "1234.56", MMX_NUMBER_INVALID },
    { "1,234.56", MMX_NUMBER_INVALID },
    { "1.23", MMX_NUMBER_INVALID },
    { "1,2,3", MMX_NUMBER_INVALID },
    { "1.234.56", MMX_NUMBER_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_COMMA);
}

static void
test_thousands_separators (void)
{
  static const NumberCase point_cases[] = {
    { "1 234.56", 1234.56 },
    { "1\u00a0234.56", 1234.56 },
    { "1\u202f234.56", 1234.56 },
    { "1'234.56", 1234.56 },
    { "1\u2019234.56", 1234.56 },
    { "1'234'567", 1234567.0 },
    { "12 345 678", 12345678.0 },
    { "1,234,567", 1234567.0 },
  };
  static const NumberCase comma_cases[] = {
    { "1 234,56", 1234.56 },
    { "1\u00a0234,56", 1234.56 },
    { "1\u202f234,56", 1234.56 },
    { "1'234,56", 1234.56 },
    { "1.234.567", 1234567.0 },
  };

  assert_values (point_cases, G_N_ELEMENTS (point_cases), MMX_DECIMAL_POINT);
  assert_values (comma_cases, G_N_ELEMENTS (comma_cases), MMX_DECIMAL_COMMA);
}

static void
test_misplaced_separators (void)
{
  static const StatusCase cases[] = {
    { "1,2,3", MMX_NUMBER_INVALID },
    { "12,34", MMX_NUMBER_INVALID },
    { "1,2345", MMX_NUMBER_INVALID },
    { "1234,567", MMX_NUMBER_INVALID },
    { "1,234,56", MMX_NUMBER_INVALID },
    { "1,23,456", MMX_NUMBER_INVALID },
    { ",123", MMX_NUMBER_INVALID },
    { "1,,234", MMX_NUMBER_INVALID },
    { "1 2", MMX_NUMBER_INVALID },
    { "1'23", MMX_NUMBER_INVALID },
    { "12,34.5", MMX_NUMBER_INVALID },
    { "1.2.3", MMX_NUMBER_INVALID },
    { "1..2", MMX_NUMBER_INVALID },
    { "1.234,56", MMX_NUMBER_INVALID },
    { "1,234e3", MMX_NUMBER_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
}

static void
test_currency (void)
{
  static const NumberCase point_cases[] = {
    { "$1,234.56", 1234.56 },
    { "$ 1,234.56", 1234.56 },
    { "1,234.56$", 1234.56 },
    { "£99.99", 99.99 },
    { "€12", 12.0 },
    { "¥1,000", 1000.0 },
    { "₹ 2,500", 2500.0 },
    { "US$ 10", 10.0 },
    { "US$10.50", 10.5 },
    { "R$ 7", 7.0 },
    { "USD 1,000", 1000.0 },
    { "1,000 USD", 1000.0 },
    { "EUR 12.50", 12.5 },
    { "CHF 1'234.50", 1234.5 },
    { "chf 1'234.50", 1234.5 },
    { "12%", 12.0 },
    { "12.5 %", 12.5 },
  };
  static const NumberCase comma_cases[] = {
    { "1.234,56 €", 1234.56 },
    { "1.234,56\u00a0€", 1234.56 },
    { "€ 1.234,56", 1234.56 },
    { "1 234,56 kr", 1234.56 },
    { "12,50 EUR", 12.5 },
    { "150 lei", 150.0 },
  };

  assert_values (point_cases, G_N_ELEMENTS (point_cases), MMX_DECIMAL_POINT);
  assert_values (comma_cases, G_N_ELEMENTS (comma_cases), MMX_DECIMAL_COMMA);
}

static void
test_lettered_currency (void)
{
  /* The lettered symbols of Scandinavia, Switzerland, India, Poland and
   * the Czech Republic, as mmx-number.c lists them, with their dots and
   * non-ASCII letters. */
  static const NumberCase point_cases[] = {
    { "Fr. 1'234.50", 1234.5 },
    { "Rs. 1,234", 1234.0 },
  };
  static const NumberCase comma_cases[] = {
    { "1 234,56 kr.", 1234.56 },
    { "99,90 zł", 99.9 },
    { "1 234 Kč", 1234.0 },
  };

  assert_values (point_cases, G_N_ELEMENTS (point_cases), MMX_DECIMAL_POINT);
  assert_values (comma_cases, G_N_ELEMENTS (comma_cases), MMX_DECIMAL_COMMA);
}

static void
test_bad_currency (void)
{
  static const StatusCase cases[] = {
    { "$", MMX_NUMBER_INVALID },
    { "USD", MMX_NUMBER_INVALID },
    { "$$5", MMX_NUMBER_INVALID },
    { "$€5", MMX_NUMBER_INVALID },
    { "12 apples", MMX_NUMBER_INVALID },
    { "about 12", MMX_NUMBER_INVALID },
    { "12abc", MMX_NUMBER_INVALID },
    { "USDX 5", MMX_NUMBER_INVALID },
    { "5 $ 5", MMX_NUMBER_INVALID },
    { "$5 USD 5", MMX_NUMBER_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
}

static void
test_signs (void)
{
  static const NumberCase point_cases[] = {
    { "-5", -5.0 },
    { "+5", 5.0 },
    { "+1,234.5", 1234.5 },
    { "-1,234.5", -1234.5 },
    { "-$5", -5.0 },
    { "$-5", -5.0 },
    { "- 5 €", -5.0 },
    { "-USD 5", -5.0 },
    { "(12.00)", -12.0 },
    { "(1,234.56)", -1234.56 },
    { "($1,234.56)", -1234.56 },
    { "(5 USD)", -5.0 },
    { "(12%)", -12.0 },
  };
  static const NumberCase comma_cases[] = {
    { "-1.234,56 €", -1234.56 },
    { "€ -1.234,56", -1234.56 },
    { "(1.234,56)", -1234.56 },
  };
  static const StatusCase bad_cases[] = {
    /* Two ways of saying minus at once, or a sign out of place. */
    { "(-5)", MMX_NUMBER_INVALID },
    { "--5", MMX_NUMBER_INVALID },
    { "5-", MMX_NUMBER_INVALID },
    { "12-34", MMX_NUMBER_INVALID },
    { "(5", MMX_NUMBER_INVALID },
    { "5)", MMX_NUMBER_INVALID },
  };

  assert_values (point_cases, G_N_ELEMENTS (point_cases), MMX_DECIMAL_POINT);
  assert_values (comma_cases, G_N_ELEMENTS (comma_cases), MMX_DECIMAL_COMMA);
  assert_statuses (bad_cases, G_N_ELEMENTS (bad_cases), MMX_DECIMAL_POINT);
}

static void
test_zero_has_no_sign (void)
{
  const char *zeros[] = { "0", "-0", "-0.00", "(0)", "($0.00)", "- 0 €" };

  for (guint i = 0; i < G_N_ELEMENTS (zeros); i++)
    {
      double value = 1.0;

      g_test_message ("“%s” should be +0", zeros[i]);
      g_assert_cmpint (mmx_number_parse (zeros[i], MMX_DECIMAL_POINT, &value), ==, MMX_NUMBER_OK);
      g_assert_cmpfloat (value, ==, 0.0);
      g_assert_false (signbit (value));
    }
}

static void
test_empty (void)
{
  static const StatusCase cases[] = {
    { "", MMX_NUMBER_EMPTY },
    { " ", MMX_NUMBER_EMPTY },
    { "\t \u00a0", MMX_NUMBER_EMPTY },
    { "-", MMX_NUMBER_EMPTY },
    { "--", MMX_NUMBER_EMPTY },
    { " - ", MMX_NUMBER_EMPTY },
    { " -- ", MMX_NUMBER_EMPTY },
    { "---", MMX_NUMBER_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_COMMA);
}

static void
test_not_finite (void)
{
  static const StatusCase cases[] = {
    { "NaN", MMX_NUMBER_NOT_FINITE },
    { "nan", MMX_NUMBER_NOT_FINITE },
    { "NAN", MMX_NUMBER_NOT_FINITE },
    { "-nan", MMX_NUMBER_NOT_FINITE },
    { "inf", MMX_NUMBER_NOT_FINITE },
    { "Inf", MMX_NUMBER_NOT_FINITE },
    { "-Inf", MMX_NUMBER_NOT_FINITE },
    { "+inf", MMX_NUMBER_NOT_FINITE },
    { "Infinity", MMX_NUMBER_NOT_FINITE },
    { "-Infinity", MMX_NUMBER_NOT_FINITE },
    { " NaN ", MMX_NUMBER_NOT_FINITE },
    { "#DIV/0!", MMX_NUMBER_NOT_FINITE },
    { "#div/0!", MMX_NUMBER_NOT_FINITE },
    { "#NUM!", MMX_NUMBER_NOT_FINITE },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_COMMA);
}

static void
test_overflow (void)
{
  static const StatusCase cases[] = {
    { "1e400", MMX_NUMBER_OVERFLOW },
    { "-1e400", MMX_NUMBER_OVERFLOW },
    { "1E+309", MMX_NUMBER_OVERFLOW },
    { "2e15", MMX_NUMBER_OVERFLOW },
    { "-2e15", MMX_NUMBER_OVERFLOW },
    { "1000000000000001", MMX_NUMBER_OVERFLOW },
    { "99999999999999999999", MMX_NUMBER_OVERFLOW },
    { "1,000,000,000,000,001", MMX_NUMBER_OVERFLOW },
    { "$2,000,000,000,000,000.00", MMX_NUMBER_OVERFLOW },
    { "(1e16)", MMX_NUMBER_OVERFLOW },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);

  /* The limit itself is still a value. */
  assert_value ("1e15", MMX_DECIMAL_POINT, MMX_NUMBER_MAX);
  assert_value ("1,000,000,000,000,000", MMX_DECIMAL_POINT, MMX_NUMBER_MAX);
  assert_value ("-1000000000000000", MMX_DECIMAL_POINT, -MMX_NUMBER_MAX);
}

static void
test_scientific (void)
{
  static const NumberCase cases[] = {
    { "1.426697e+06", 1426697.0 },
    { "1.426697E+06", 1426697.0 },
    { "1.5e3", 1500.0 },
    { "2E2", 200.0 },
    { "-2.5e-3", -0.0025 },
    { "5e0", 5.0 },
    { "1e-300", 1e-300 },
  };
  static const StatusCase bad_cases[] = {
    { "1e", MMX_NUMBER_INVALID },
    { "1e+", MMX_NUMBER_INVALID },
    { "e5", MMX_NUMBER_INVALID },
    { "1e5.5", MMX_NUMBER_INVALID },
    { "1e5e5", MMX_NUMBER_INVALID },
  };

  assert_values (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
  assert_statuses (bad_cases, G_N_ELEMENTS (bad_cases), MMX_DECIMAL_POINT);
}

static void
test_garbage (void)
{
  static const StatusCase cases[] = {
    { "abc", MMX_NUMBER_INVALID },
    { "N/A", MMX_NUMBER_INVALID },
    { "n/a", MMX_NUMBER_INVALID },
    { "null", MMX_NUMBER_INVALID },
    { "twelve", MMX_NUMBER_INVALID },
    { "12 34 5", MMX_NUMBER_INVALID },
    { "0x1A", MMX_NUMBER_INVALID },
    { "1/2", MMX_NUMBER_INVALID },
    { "2025-01-01", MMX_NUMBER_INVALID },
    { "1.5.", MMX_NUMBER_INVALID },
    { "()", MMX_NUMBER_INVALID },
    { "%", MMX_NUMBER_INVALID },
    { "5 5", MMX_NUMBER_INVALID },
    { "١٢٣", MMX_NUMBER_INVALID },
  };

  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_POINT);
  assert_statuses (cases, G_N_ELEMENTS (cases), MMX_DECIMAL_COMMA);
}

static void
test_locale_independent (void)
{
  /* The process locale never changes how a cell is read; tests run under
   * C.UTF-8, so check that the parse gives the same double as the
   * locale-free GLib reader. */
  double value = 0.0;

  g_assert_cmpint (mmx_number_parse ("3.14159", MMX_DECIMAL_POINT, &value), ==, MMX_NUMBER_OK);
  g_assert_cmpfloat (value, ==, g_ascii_strtod ("3.14159", NULL));
  g_assert_cmpint (mmx_number_parse ("3,14159", MMX_DECIMAL_COMMA, &value), ==, MMX_NUMBER_OK);
  g_assert_cmpfloat (value, ==, g_ascii_strtod ("3.14159", NULL));
}

static void
test_looks_decimal_point (void)
{
  static const struct {
    const char *text;
    gboolean    expected;
  } cases[] = {
    { "0.5", TRUE },
    { "12.25", TRUE },
    { "1.5e3", TRUE },
    { "1.2345", TRUE },
    { "-3.1", TRUE },
    { "1.234e3", TRUE },
    { "1.234", FALSE },
    { "12.345", FALSE },
    { "1234", FALSE },
    { "1,234.56", FALSE },
    { "1.234,56", FALSE },
    { "1.234.567", FALSE },
    { "1.2.3", FALSE },
    { "0,5", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("looks_decimal_point (“%s”)", cases[i].text);
      g_assert_cmpint (mmx_number_looks_decimal_point (cases[i].text), ==, cases[i].expected);
    }
}

static void
test_looks_decimal_comma (void)
{
  static const struct {
    const char *text;
    gboolean    expected;
  } cases[] = {
    { "0,5", TRUE },
    { "12,5", TRUE },
    { "1.234,56", TRUE },
    { "1.234.567,8", TRUE },
    { "1,2345", TRUE },
    { "1 234,5", TRUE },
    { "1,234", FALSE },
    { "12,345", FALSE },
    { "1,234.56", FALSE },
    { "1,234,567", FALSE },
    { "1,2,3", FALSE },
    { "1234", FALSE },
    { "0.5", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("looks_decimal_comma (“%s”)", cases[i].text);
      g_assert_cmpint (mmx_number_looks_decimal_comma (cases[i].text), ==, cases[i].expected);
    }
}

static void
test_looks_agree_with_parse (void)
{
  /* A cell that can only be read one way must parse that way. */
  const char *point_cells[] = { "0.5", "12.25", "1.5e3", "1.2345" };
  const char *comma_cells[] = { "0,5", "12,5", "1.234,56", "1,2345" };

  for (guint i = 0; i < G_N_ELEMENTS (point_cells); i++)
    {
      double value;

      g_assert_true (mmx_number_looks_decimal_point (point_cells[i]));
      g_assert_false (mmx_number_looks_decimal_comma (point_cells[i]));
      g_assert_cmpint (mmx_number_parse (point_cells[i], MMX_DECIMAL_POINT, &value), ==,
                       MMX_NUMBER_OK);
      g_assert_cmpint (mmx_number_parse (point_cells[i], MMX_DECIMAL_COMMA, &value), ==,
                       MMX_NUMBER_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (comma_cells); i++)
    {
      double value;

      g_assert_true (mmx_number_looks_decimal_comma (comma_cells[i]));
      g_assert_false (mmx_number_looks_decimal_point (comma_cells[i]));
      g_assert_cmpint (mmx_number_parse (comma_cells[i], MMX_DECIMAL_COMMA, &value), ==,
                       MMX_NUMBER_OK);
      g_assert_cmpint (mmx_number_parse (comma_cells[i], MMX_DECIMAL_POINT, &value), ==,
                       MMX_NUMBER_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/number/plain", test_plain);
  g_test_add_func ("/mmx/core/number/blanks-around", test_blanks_around);
  g_test_add_func ("/mmx/core/number/decimal-point", test_decimal_point);
  g_test_add_func ("/mmx/core/number/decimal-comma", test_decimal_comma);
  g_test_add_func ("/mmx/core/number/decimal-comma-rejects-point-style",
                   test_decimal_comma_rejects_point_style);
  g_test_add_func ("/mmx/core/number/thousands-separators", test_thousands_separators);
  g_test_add_func ("/mmx/core/number/misplaced-separators", test_misplaced_separators);
  g_test_add_func ("/mmx/core/number/currency", test_currency);
  g_test_add_func ("/mmx/core/number/lettered-currency", test_lettered_currency);
  g_test_add_func ("/mmx/core/number/bad-currency", test_bad_currency);
  g_test_add_func ("/mmx/core/number/signs", test_signs);
  g_test_add_func ("/mmx/core/number/zero-has-no-sign", test_zero_has_no_sign);
  g_test_add_func ("/mmx/core/number/empty", test_empty);
  g_test_add_func ("/mmx/core/number/not-finite", test_not_finite);
  g_test_add_func ("/mmx/core/number/overflow", test_overflow);
  g_test_add_func ("/mmx/core/number/scientific", test_scientific);
  g_test_add_func ("/mmx/core/number/garbage", test_garbage);
  g_test_add_func ("/mmx/core/number/locale-independent", test_locale_independent);
  g_test_add_func ("/mmx/core/number/looks-decimal-point", test_looks_decimal_point);
  g_test_add_func ("/mmx/core/number/looks-decimal-comma", test_looks_decimal_comma);
  g_test_add_func ("/mmx/core/number/looks-agree-with-parse", test_looks_agree_with_parse);

  return g_test_run ();
}
