/* mmx-date-range.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-date.h"
#include "mmx-date-range.h"

static gboolean
parse_bound (const char  *text,
             guint32     *out_day,
             GError     **error)
{
  *out_day = mmx_date_julian_from_iso (text);
  if (*out_day != 0)
    return TRUE;
  g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID,
               _("“%s” is not a date: write it as YYYY-MM-DD, for example 2025-11-03."), text);
  return FALSE;
}

/**
 * mmx_date_range_resolve:
 * @store: a store
 * @from: (nullable): the first day, `YYYY-MM-DD`; the first day with data
 *   when %NULL
 * @to: (nullable): the last day; the last day with data when %NULL
 * @out_from: (out): the first day as a Julian day; 0 when the range holds
 *   no day: nothing is stored, or the one bound given lies beyond the data
 * @out_to: (out): the last day as a Julian day
 * @error: a location for a #GError
 *
 * Turns a range given by the user into days, checking it.
 *
 * Returns: %FALSE with @error set when a bound is no date or the range is
 *   reversed
 */
gboolean
mmx_date_range_resolve (MmxStore    *store,
                        const char  *from,
                        const char  *to,
                        guint32     *out_from,
                        guint32     *out_to,
                        GError     **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  *out_from = *out_to = 0;
  if ((from != NULL && !parse_bound (from, out_from, error))
      || (to != NULL && !parse_bound (to, out_to, error)))
    return FALSE;

  if (from == NULL || to == NULL)
    {
      if (!mmx_store_get_date_range (store, &first, &last, error))
        return FALSE;
      if (from == NULL && first != NULL)
        *out_from = mmx_date_julian_from_iso (first);
      if (to == NULL && last != NULL)
        *out_to = mmx_date_julian_from_iso (last);
    }
  /* Nothing stored, or one bound given beyond all the data: no days. */
  if (*out_from == 0 || *out_to == 0 || (*out_from > *out_to && (from == NULL || to == NULL)))
    {
      *out_from = *out_to = 0;
      return TRUE;
    }

  if (*out_from > *out_to)
    {
      g_autofree char *start = mmx_date_julian_to_iso (*out_from);
      g_autofree char *end = mmx_date_julian_to_iso (*out_to);

      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID,
                   _("The range starts on %s, after its end on %s: swap the two dates."),
                   start, end);
      return FALSE;
    }
  return TRUE;
}
