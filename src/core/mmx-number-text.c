/* mmx-number-text.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mmx-number-text.h"

#include <math.h>
#include <string.h>

/**
 * mmx_number_shows_minus:
 * @value: a number
 * @decimals: how many digits after the point it is written with
 *
 * Whether @value, written with @decimals digits, needs a minus: not
 * where it rounds to zero, where a minus would say a loss the digits do
 * not show.
 *
 * Returns: %TRUE for a negative value that does not round to zero
 */
gboolean
mmx_number_shows_minus (double value,
                        guint  decimals)
{
  char format[16];
  char digits[G_ASCII_DTOSTR_BUF_SIZE * 2];

  if (!(value < 0))
    return FALSE;
  /* In the C locale: another's decimal point may not be one byte. */
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 30));
  g_ascii_formatd (digits, sizeof digits, format, -value);
  return strspn (digits, "0.") != strlen (digits);
}

/**
 * mmx_number_text:
 * @value: a number that may be negative
 * @decimals: how many digits after the point
 *
 * A number for a sentence: printf's "%.*f" in the user's locale, with
 * the minus of mmx_number_shows_minus().
 *
 * Returns: (transfer full): the text
 */
char *
mmx_number_text (double value,
                 int    decimals)
{
  g_autofree char *digits = g_strdup_printf ("%.*f", decimals, fabs (value));

  if (mmx_number_shows_minus (value, (guint) MAX (decimals, 0)))
    return g_strconcat (MMX_MINUS_SIGN, digits, NULL);
  return g_steal_pointer (&digits);
}
