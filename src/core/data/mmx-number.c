/* mmx-number.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-number"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "mmx-number.h"

/* Exports write amounts the way their locale does: "$1,234.56",
 * "1.234,56 €", "CHF 1'234.50", "(12.00)", "--" for nothing. This turns
 * them into a plain double without ever consulting the process locale. */

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static gboolean
is_group_separator (gunichar       c,
                    MmxDecimalMark mark)
{
  if (is_blank (c) || c == '\'' || c == 0x2019)
    return TRUE;
  return c == (mark == MMX_DECIMAL_POINT ? ',' : '.');
}

static char *
strip_blanks (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* A currency marker around the number: a currency symbol with at most a
 * few letters ("$", "US$", "R$", "€"), an ISO 4217 code ("USD") or one of
 * the lettered symbols exports use. */
static gboolean
is_currency_token (const char *token)
{
  static const char * const lettered[] = {
    "kr", "kr.", "zł", "fr", "fr.", "rs", "rs.", "ft", "kč", "lei", "chf", NULL
  };
  g_autofree char *trimmed = strip_blanks (token);
  g_autofree char *folded = NULL;
  guint n_symbols = 0;
  guint n_letters = 0;
  guint n_upper = 0;

  if (*trimmed == '\0')
    return TRUE;

  folded = g_utf8_casefold (trimmed, -1);
  if (g_strv_contains (lettered, folded))
    return TRUE;

  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        n_symbols++;
      else if (g_unichar_isalpha (c))
        {
          n_letters++;
          if (g_unichar_isupper (c))
            n_upper++;
        }
      else
        return FALSE;
    }

  if (n_symbols > 0)
    return n_symbols == 1 && n_letters <= 3;
  return n_letters == 3 && n_upper == 3;
}

/* Where the number itself starts: a digit, or a mark before one (".5"). */
static gboolean
starts_number (const char *p)
{
  return g_ascii_isdigit (p[0]) || ((p[0] == '.' || p[0] == ',') && g_ascii_isdigit (p[1]));
}

static gboolean
is_not_finite_word (const char *text)
{
  static const char * const words[] = {
    "nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity",
    "#num!", "#div/0!", NULL
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  return g_strv_contains (words, lower);
}

/* Copies the digits of @body into @out as "digits[.digits][e[+-]digits]",
 * checking that group separators sit between groups of three digits. */
static gboolean
normalise_digits (const char     *body,
                  MmxDecimalMark  mark,
                  GString        *out)
{
  char decimal = mark == MMX_DECIMAL_POINT ? '.' : ',';
  gboolean seen_decimal = FALSE;
  gboolean seen_group = FALSE;
  gboolean seen_digit = FALSE;
  guint group_len = 0;
  const char *p = body;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (out, (char) c);
          group_len++;
          seen_digit = TRUE;
        }
      else if (c == (gunichar) decimal && !seen_decimal)
        {
          if (seen_group && group_len != 3)
            return FALSE;
          g_string_append_c (out, '.');
          seen_decimal = TRUE;
        }
      else if (!seen_decimal && is_group_separator (c, mark))
        {
          /* The first group holds 1-3 digits, every later one exactly 3. */
          if (group_len == 0 || group_len > 3 || (seen_group && group_len != 3))
            return FALSE;
          seen_group = TRUE;
          group_len = 0;
        }
      else if ((c == 'e' || c == 'E') && seen_digit && !seen_group)
        {
          p++;
          g_string_append_c (out, 'e');
          if (*p == '+' || *p == '-')
            g_string_append_c (out, *p++);
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            g_string_append_c (out, *p++);
          return *p == '\0';
        }
      else
        return FALSE;
    }

  if (seen_group && !seen_decimal && group_len != 3)
    return FALSE;
  return seen_digit;
}

/* Most cells are plain: "1234.56", "-3", "0". Reading them directly keeps
 * a million-row import from allocating for every value. */
static gboolean
parse_plain (const char     *text,
             MmxDecimalMark  mark,
             double         *out_value)
{
  const char *p = text;
  gboolean seen_point = FALSE;
  guint n_digits = 0;

  if (*p == '-')
    p++;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '.' && !seen_point && mark == MMX_DECIMAL_POINT && n_digits > 0)
        seen_point = TRUE;
      else
        return FALSE;
    }
  /* Up to 15 digits the value is below MMX_NUMBER_MAX and exact enough. */
  if (n_digits == 0 || n_digits > 15 || p[-1] == '.')
    return FALSE;

  *out_value = g_ascii_strtod (text, NULL);
  if (*out_value == 0.0)
    *out_value = 0.0;
  return TRUE;
}

/**
 * mmx_number_parse:
 * @text: a cell as written in the file
 * @mark: which of `.` and `,` is the decimal mark
 * @out_value: (out): the value, when %MMX_NUMBER_OK
 *
 * Parses an amount or count. Currency symbols and codes around the number,
 * thousands separators (the other mark, spaces, apostrophes), a leading
 * sign, accounting parentheses and a trailing `%` are accepted; `-` and
 * `--` mean no value. The sign is kept: callers decide whether a negative
 * value is allowed.
 *
 * Returns: the outcome
 */
MmxNumberStatus
mmx_number_parse (const char     *text,
                  MmxDecimalMark  mark,
                  double         *out_value)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) digits = g_string_sized_new (32);
  const char *start;
  const char *end;
  const char *body_start;
  const char *body_end;
  char *sign;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *body = NULL;
  gboolean negative = FALSE;
  double value;
  char *parse_end = NULL;

  g_return_val_if_fail (text != NULL, MMX_NUMBER_INVALID);
  g_return_val_if_fail (out_value != NULL, MMX_NUMBER_INVALID);

  if (parse_plain (text, mark, out_value))
    return MMX_NUMBER_OK;

  trimmed = strip_blanks (text);
  if (*trimmed == '\0' || strcmp (trimmed, "-") == 0 || strcmp (trimmed, "--") == 0)
    return MMX_NUMBER_EMPTY;
  if (is_not_finite_word (trimmed))
    return MMX_NUMBER_NOT_FINITE;

  start = trimmed;
  end = trimmed + strlen (trimmed);

  if (*start == '(' && end[-1] == ')')
    {
      negative = TRUE;
      start++;
      end--;
    }
  if (end > start && end[-1] == '%')
    end--;

  body_start = start;
  while (body_start < end && !starts_number (body_start))
    body_start++;
  body_end = end;
  while (body_end > body_start && !g_ascii_isdigit (body_end[-1]))
    body_end--;
  if (body_start >= body_end)
    return MMX_NUMBER_INVALID;

  /* The sign may stand before or after the currency: "-$5", "$-5", "- 5 €". */
  prefix = g_strndup (start, body_start - start);
  sign = strpbrk (prefix, "+-");
  if (sign != NULL)
    {
      if (*sign == '-' && negative)
        return MMX_NUMBER_INVALID;
      negative = negative || *sign == '-';
      memmove (sign, sign + 1, strlen (sign));
    }
  suffix = g_strndup (body_end, end - body_end);
  if (!is_currency_token (prefix) || !is_currency_token (suffix))
    return MMX_NUMBER_INVALID;

  body = g_strndup (body_start, body_end - body_start);
  if (!normalise_digits (body, mark, digits))
    return MMX_NUMBER_INVALID;

  errno = 0;
  value = g_ascii_strtod (digits->str, &parse_end);
  if (parse_end == digits->str || *parse_end != '\0')
    return MMX_NUMBER_INVALID;
  if (errno == ERANGE && fabs (value) > 1.0)
    return MMX_NUMBER_OVERFLOW;
  if (!isfinite (value))
    return MMX_NUMBER_NOT_FINITE;
  if (fabs (value) > MMX_NUMBER_MAX)
    return MMX_NUMBER_OVERFLOW;

  *out_value = negative && value != 0.0 ? -value : value;
  return MMX_NUMBER_OK;
}

static guint
digits_after (const char *p)
{
  guint n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;
  return n;
}

/**
 * mmx_number_looks_decimal_point:
 * @text: a cell
 *
 * Whether @text can only be read with `.` as the decimal mark: `0.5`,
 * `12.25`, `1.5e3`, but not `1.234`, which could be a thousand.
 *
 * Returns: %TRUE when the point must be decimal
 */
gboolean
mmx_number_looks_decimal_point (const char *text)
{
  const char *dot = strchr (text, '.');

  if (dot == NULL || strchr (text, ',') != NULL || strchr (dot + 1, '.') != NULL)
    return FALSE;
  return digits_after (dot + 1) != 3 || strpbrk (text, "eE") != NULL;
}

/**
 * mmx_number_looks_decimal_comma:
 * @text: a cell
 *
 * Whether @text shows `,` used as the decimal mark: `0,5`, `1.234,56`.
 *
 * Returns: %TRUE when the comma must be decimal
 */
gboolean
mmx_number_looks_decimal_comma (const char *text)
{
  const char *comma = strrchr (text, ',');
  const char *dot = strchr (text, '.');

  if (comma == NULL || strchr (text, ',') != comma)
    return FALSE;
  if (dot != NULL)
    return dot < comma;
  return digits_after (comma + 1) != 3;
}
