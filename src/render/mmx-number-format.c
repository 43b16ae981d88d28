/* mmx-number-format.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-number-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mmx-number-format.h"
#include "mmx-number-text.h"

/* Written for values that cannot be computed (ROAS without spend). */
#define NO_VALUE "—"
#define NO_BREAK_SPACE " "

/* The currencies small businesses bill in, with their usual symbol when
 * the locale's own currency is another, and their minor digits. */
static const struct
{
  const char *code;
  const char *symbol;
  guint       digits;
} currencies[] = {
  { "AUD", "A$", 2 }, { "BRL", "R$", 2 }, { "CAD", "CA$", 2 }, { "CHF", "CHF", 2 },
  { "CNY", "CN¥", 2 }, { "CZK", "Kč", 2 }, { "DKK", "kr.", 2 }, { "EUR", "€", 2 },
  { "GBP", "£", 2 }, { "HKD", "HK$", 2 }, { "HUF", "Ft", 2 }, { "IDR", "Rp", 2 },
  { "ILS", "₪", 2 }, { "INR", "₹", 2 }, { "JPY", "¥", 0 }, { "KRW", "₩", 0 },
  { "MXN", "MX$", 2 }, { "NOK", "kr", 2 }, { "NZD", "NZ$", 2 }, { "PLN", "zł", 2 },
  { "RON", "lei", 2 }, { "SEK", "kr", 2 }, { "SGD", "S$", 2 }, { "TRY", "₺", 2 },
  { "UAH", "₴", 2 }, { "USD", "$", 2 }, { "ZAR", "R", 2 },
};

static void
copy_field (char       *field,
            gsize       size,
            const char *value)
{
  g_strlcpy (field, value != NULL ? value : "", size);
}

/**
 * mmx_number_format_is_currency_code:
 * @code: text
 *
 * Returns: whether @code looks like an ISO 4217 code: three capitals
 */
gboolean
mmx_number_format_is_currency_code (const char *code)
{
  return code != NULL && strlen (code) == 3 && g_ascii_isupper (code[0])
         && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/**
 * mmx_number_format_dup_currency_codes:
 *
 * Returns: (transfer full): the codes of the currencies written with
 *   their own symbol, in alphabetical order; others are written with
 *   their code
 */
GStrv
mmx_number_format_dup_currency_codes (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    g_strv_builder_add (builder, currencies[i].code);
  return g_strv_builder_end (builder);
}

static void
set_currency (MmxNumberFormat *self,
              const char      *code)
{
  if (!mmx_number_format_is_currency_code (code))
    code = "USD";
  copy_field (self->currency_code, sizeof self->currency_code, code);

  /* An unknown currency is written with its code, which is never wrong. */
  copy_field (self->currency_symbol, sizeof self->currency_symbol, code);
  self->currency_digits = 2;
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (strcmp (currencies[i].code, code) == 0)
      {
        copy_field (self->currency_symbol, sizeof self->currency_symbol, currencies[i].symbol);
        self->currency_digits = currencies[i].digits;
      }
}

/**
 * mmx_number_format_init:
 * @self: a format to fill
 * @currency_code: (nullable): an ISO 4217 code; US dollars when %NULL or
 *   not a code
 *
 * Locale-independent conventions, `$1,234.56`: the command line's JSON-
 * free output and tests use them.
 */
void
mmx_number_format_init (MmxNumberFormat *self,
                        const char      *currency_code)
{
  memset (self, 0, sizeof *self);
  copy_field (self->decimal_point, sizeof self->decimal_point, ".");
  copy_field (self->thousands_separator, sizeof self->thousands_separator, ",");
  self->grouping[0] = 3;
  self->symbol_first = TRUE;
  set_currency (self, currency_code);
}

/**
 * mmx_number_format_init_from_locale:
 * @self: a format to fill
 * @currency_code: (nullable): the account's ISO 4217 code; the locale's
 *   currency when %NULL or empty
 *
 * The conventions of the current locale (`LC_NUMERIC` for the digits,
 * `LC_MONETARY` for the currency). Call it on the main thread.
 */
void
mmx_number_format_init_from_locale (MmxNumberFormat *self,
                                    const char      *currency_code)
{
  const struct lconv *conventions = localeconv ();
  g_autofree char *locale_code = g_strstrip (g_strdup (conventions->int_curr_symbol));

  memset (self, 0, sizeof *self);
  copy_field (self->decimal_point, sizeof self->decimal_point, conventions->decimal_point);
  if (self->decimal_point[0] == '\0')
    copy_field (self->decimal_point, sizeof self->decimal_point, ".");
  copy_field (self->thousands_separator, sizeof self->thousands_separator,
              conventions->thousands_sep);
  copy_field (self->grouping, sizeof self->grouping, conventions->grouping);
  self->symbol_first = conventions->p_cs_precedes != 0;
  self->symbol_space = conventions->p_sep_by_space == 1;

  if (currency_code == NULL || *currency_code == '\0')
    currency_code = locale_code;
  set_currency (self, currency_code);
  /* The locale's own currency keeps the locale's symbol ("kr", "Fr."). */
  if (strcmp (self->currency_code, locale_code) == 0 && conventions->currency_symbol[0] != '\0')
    {
      copy_field (self->currency_symbol, sizeof self->currency_symbol,
                  conventions->currency_symbol);
      if (conventions->frac_digits != CHAR_MAX)
        self->currency_digits = conventions->frac_digits;
    }
}

/* Inserts the thousands separator into a string of digits, following
 * the group sizes of `struct lconv`: the last size repeats, CHAR_MAX
 * stops grouping. */
static void
append_grouped (GString               *out,
                const MmxNumberFormat *self,
                const char            *digits)
{
  gsize n = strlen (digits);
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize position = n;
  guint g = 0;
  guint size = 0;

  while (self->thousands_separator[0] != '\0')
    {
      if (g < sizeof self->grouping && self->grouping[g] != '\0')
        {
          if ((unsigned char) self->grouping[g] == CHAR_MAX || self->grouping[g] < 0)
            break;
          size = (guint) self->grouping[g++];
        }
      if (size == 0 || position <= size)
        break;
      position -= size;
      g_array_prepend_val (breaks, position);
    }

  position = 0;
  for (guint i = 0; i < breaks->len; i++)
    {
      gsize at = g_array_index (breaks, gsize, i);

      g_string_append_len (out, digits + position, at - position);
      g_string_append (out, self->thousands_separator);
      position = at;
    }
  g_string_append (out, digits + position);
}

/* @value rounded to @decimals, sign apart, with the locale's marks; the
 * trailing zeros of the fraction dropped if @trim. */
static void
append_number (GString               *out,
               const MmxNumberFormat *self,
               double                 value,
               guint                  decimals,
               gboolean               trim,
               gboolean              *out_negative)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE * 2];
  char format[16];
  char *point;

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 12));
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  point = strchr (buffer, '.');
  if (point != NULL)
    *point = '\0';
  if (point != NULL && trim)
    {
      char *end = point + strlen (point + 1);

      while (end > point && *end == '0')
        *end-- = '\0';
    }

  *out_negative = mmx_number_shows_minus (value, MIN (decimals, 12));

  append_grouped (out, self, buffer);
  if (point != NULL && point[1] != '\0')
    {
      g_string_append (out, self->decimal_point);
      g_string_append (out, point + 1);
    }
}

static char *
format_plain (const MmxNumberFormat *self,
              double                 value,
              guint                  decimals,
              gboolean               trim)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);
  append_number (digits, self, value, decimals, trim, &negative);
  if (negative)
    g_string_prepend (digits, MMX_MINUS_SIGN);
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* Whether the symbol ends (or starts, after the amount) with a letter,
 * which needs a space to be read apart from the digits: "CHF 12". */
static gboolean
symbol_needs_space (const MmxNumberFormat *self)
{
  const char *symbol = self->currency_symbol;
  const char *end = symbol + strlen (symbol);

  if (*symbol == '\0')
    return FALSE;
  return g_unichar_isalpha (g_utf8_get_char (self->symbol_first ? g_utf8_prev_char (end) : symbol));
}

/* Marks @digits (unsigned) as money, with the sign in front of all. */
static char *
wrap_money (const MmxNumberFormat *self,
            const char            *digits,
            gboolean               negative)
{
  const char *space = self->symbol_space || symbol_needs_space (self) ? NO_BREAK_SPACE : "";

  if (self->symbol_first)
    return g_strconcat (negative ? MMX_MINUS_SIGN : "", self->currency_symbol, space, digits, NULL);
  return g_strconcat (negative ? MMX_MINUS_SIGN : "", digits, space, self->currency_symbol, NULL);
}

/**
 * mmx_number_format_number:
 * @self: a format
 * @value: a number
 * @decimals: digits after the decimal mark
 *
 * Returns: (transfer full): `1,234.5` in the locale's way; a dash when
 *   @value is not finite
 */
char *
mmx_number_format_number (const MmxNumberFormat *self,
                          double                 value,
                          guint                  decimals)
{
  return format_plain (self, value, decimals, FALSE);
}

/**
 * mmx_number_format_money:
 * @self: a format
 * @value: an amount in the account's currency
 *
 * Returns: (transfer full): `$1,234.56`, `1.234,56 €`; a dash when @value
 *   is not finite
 */
char *
mmx_number_format_money (const MmxNumberFormat *self,
                         double                 value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);
  append_number (digits, self, value, self->currency_digits, FALSE, &negative);
  return wrap_money (self, digits->str, negative);
}

/* The unit a compact number is written in: 1, thousands, millions… */
static guint
unit_of (double magnitude)
{
  guint unit = 0;

  while (unit < 4 && magnitude >= pow (1000, unit + 1))
    unit++;
  return unit;
}

static char *
add_unit (const char *digits,
          guint       unit)
{
  switch (unit)
    {
    case 0:
      return g_strdup (digits);
    case 1:
      /* TRANSLATORS: a number in thousands, "12K" */
      return g_strdup_printf (C_("number", "%sK"), digits);
    case 2:
      /* TRANSLATORS: a number in millions, "1.5M" */
      return g_strdup_printf (C_("number", "%sM"), digits);
    case 3:
      /* TRANSLATORS: a number in billions (thousands of millions), "2B" */
      return g_strdup_printf (C_("number", "%sB"), digits);
    default:
      /* TRANSLATORS: a number in trillions (millions of millions), "3T" */
      return g_strdup_printf (C_("number", "%sT"), digits);
    }
}

static char *
format_in_unit (const MmxNumberFormat *self,
                double                 value,
                guint                  unit,
                guint                  decimals,
                gboolean               money)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *with_unit = NULL;
  gboolean negative;

  append_number (digits, self, value / pow (1000, unit), decimals, TRUE, &negative);
  with_unit = add_unit (digits->str, unit);
  if (money)
    return wrap_money (self, with_unit, negative);
  return negative ? g_strconcat (MMX_MINUS_SIGN, with_unit, NULL) : g_steal_pointer (&with_unit);
}

/**
 * mmx_number_format_compact:
 * @self: a format
 * @value: a number
 * @money: whether it is an amount
 *
 * Returns: (transfer full): @value in about three significant digits,
 *   `$1.2K`, `12M`, `532`: for tiles and labels where space is short
 */
char *
mmx_number_format_compact (const MmxNumberFormat *self,
                           double                 value,
                           gboolean               money)
{
  double magnitude = fabs (value);
  guint unit;
  double scaled;
  guint decimals;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  unit = unit_of (magnitude);
  scaled = magnitude / pow (1000, unit);
  decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  if (unit > 0)
    decimals = scaled >= 10 ? 0 : 1;
  /* 999.96 thousand rounds to a million, not to "1000K". */
  if (unit < 4 && round (scaled * pow (10, decimals)) >= 1000 * pow (10, decimals))
    {
      unit++;
      decimals = 1;
    }
  return format_in_unit (self, value, unit, decimals, money);
}

/**
 * mmx_number_format_tick:
 * @self: a format
 * @value: the tick's value
 * @step: the distance between ticks
 * @largest: the largest magnitude on the axis, which sets the unit of all
 *   its labels
 * @money: whether the axis is money
 *
 * Returns: (transfer full): the label of an axis tick, in the unit of the
 *   axis and with just the decimals that tell ticks apart: `0.5K`, `1K`
 */
char *
mmx_number_format_tick (const MmxNumberFormat *self,
                        double                 value,
                        double                 step,
                        double                 largest,
                        gboolean               money)
{
  guint unit;
  double scaled_step;
  guint decimals = 0;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  if (fabs (value) < fabs (step) * 1e-9)
    return format_in_unit (self, 0, 0, 0, money);

  unit = unit_of (fabs (largest));
  scaled_step = fabs (step) / pow (1000, unit);
  /* The digits the step has, so 0.25 keeps both. */
  while (decimals < 12
         && fabs (scaled_step * pow (10, decimals) - round (scaled_step * pow (10, decimals)))
            > 1e-6)
    decimals++;
  return format_in_unit (self, value, unit, decimals, money);
}

/**
 * mmx_number_format_ratio:
 * @self: a format
 * @value: a ratio, such as a ROAS
 *
 * Returns: (transfer full): `2.45×`; a dash when not finite
 */
char *
mmx_number_format_ratio (const MmxNumberFormat *self,
                         double                 value)
{
  g_autofree char *digits = NULL;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);
  digits = format_plain (self, value, 2, FALSE);
  /* TRANSLATORS: a return on ad spend, revenue per unit spent: "2.45×" */
  return g_strdup_printf (C_("ratio", "%s×"), digits);
}

/**
 * mmx_number_format_percent:
 * @self: a format
 * @fraction: a part of a whole, 0.25 for a quarter
 * @decimals: digits after the decimal mark
 *
 * Returns: (transfer full): `25.0%`; a dash when not finite
 */
char *
mmx_number_format_percent (const MmxNumberFormat *self,
                           double                 fraction,
                           guint                  decimals)
{
  g_autofree char *digits = NULL;

  if (!isfinite (fraction))
    return g_strdup (NO_VALUE);
  digits = format_plain (self, fraction * 100, decimals, FALSE);
  /* TRANSLATORS: a percentage, "25.0%"; write "%s %%" for "25,0 %" */
  return g_strdup_printf (C_("percent", "%s%%"), digits);
}

/**
 * mmx_number_format_change:
 * @self: a format
 * @change: a relative change, 0.125 for an eighth more
 *
 * Returns: (transfer full): `+12.5%`, `−3.0%`, `0.0%`; a dash when not
 *   finite
 */
char *
mmx_number_format_change (const MmxNumberFormat *self,
                          double                 change)
{
  g_autofree char *percent = NULL;
  double rounded = round (change * 1000) / 1000;

  if (!isfinite (change))
    return g_strdup (NO_VALUE);
  percent = mmx_number_format_percent (self, rounded, 1);
  if (rounded > 0)
    return g_strconcat ("+", percent, NULL);
  return g_steal_pointer (&percent);
}
