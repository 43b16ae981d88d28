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
 * mmx_number_text:
 * @value: a number that may be negative
 * @decimals: how many digits after the point
 *
 * A number for a sentence: printf's "%.*f" in the user's locale, but with
 * a true minus (U+2212) for a negative value, as the rest of the text
 * uses typographic dashes, and none where the value rounds to zero.
 *
 * Returns: (transfer full): the text
 */
char *
mmx_number_text (double value,
                 int    decimals)
{
  g_autofree char *digits = g_strdup_printf ("%.*f", decimals, fabs (value));
  gboolean zero = strspn (digits, "0.,") == strlen (digits);

  if (value < 0 && !zero)
    return g_strdup_printf ("−%s", digits);
  return g_steal_pointer (&digits);
}
