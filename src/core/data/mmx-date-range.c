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

static const struct
{
  const char *name;
  guint       days;
} presets[] = {
  [MMX_DATE_RANGE_LAST_30_DAYS] = { "last-30-days", 30 },
  [MMX_DATE_RANGE_LAST_90_DAYS] = { "last-90-days", 90 },
  [MMX_DATE_RANGE_LAST_365_DAYS] = { "last-365-days", 365 },
  [MMX_DATE_RANGE_ALL] = { "all", 0 },
  [MMX_DATE_RANGE_CUSTOM] = { "custom", 0 },
};

/**
 * mmx_date_range_preset_to_string:
 * @preset: a preset
 *
 * Returns: its name in settings and on the command line: `last-30-days`,
 *   `last-90-days`, `last-365-days`, `all` or `custom`
 */
const char *
mmx_date_range_preset_to_string (MmxDateRangePreset preset)
{
  g_return_val_if_fail (preset <= MMX_DATE_RANGE_CUSTOM, NULL);

  return presets[preset].name;
}

/**
 * mmx_date_range_preset_from_string:
 * @name: a name from mmx_date_range_preset_to_string()
 * @out_preset: (out): the preset
 *
 * Returns: whether @name names a preset
 */
gboolean
mmx_date_range_preset_from_string (const char         *name,
                                   MmxDateRangePreset *out_preset)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_strcmp0 (name, presets[i].name) == 0)
      {
        *out_preset = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * mmx_date_range_resolve_preset:
 * @store: a store
 * @preset: the range
 * @custom_from: (nullable): the first day of a custom range, `YYYY-MM-DD`;
 *   the first day with data when %NULL
 * @custom_to: (nullable): its last day; the last day with data when %NULL
 * @out_from: (out): the first day as a Julian day; 0 when the range holds
 *   no day
 * @out_to: (out): the last day
 * @error: a location for a #GError
 *
 * Turns a preset into days. The last N days end on the last day with data
 * and start no earlier than the first.
 *
 * Returns: %FALSE with @error set when a custom bound is no date or the
 *   custom range is reversed
 */
gboolean
mmx_date_range_resolve_preset (MmxStore            *store,
                               MmxDateRangePreset   preset,
                               const char          *custom_from,
                               const char          *custom_to,
                               guint32             *out_from,
                               guint32             *out_to,
                               GError             **error)
{
  guint days;

  g_return_val_if_fail (preset <= MMX_DATE_RANGE_CUSTOM, FALSE);

  if (preset == MMX_DATE_RANGE_CUSTOM)
    return mmx_date_range_resolve (store, custom_from, custom_to, out_from, out_to, error);

  if (!mmx_date_range_resolve (store, NULL, NULL, out_from, out_to, error))
    return FALSE;
  days = presets[preset].days;
  if (days > 0 && *out_to != 0 && *out_to - *out_from + 1 > days)
    *out_from = *out_to - days + 1;
  return TRUE;
}

/**
 * mmx_date_range_previous:
 * @from: the first day of a range, a Julian day
 * @to: its last day
 * @out_from: (out): the first day of the range of equal length just before
 * @out_to: (out): its last day, the day before @from
 *
 * The period KPIs are compared with. Both are 0 when it would start
 * before the calendar does.
 */
void
mmx_date_range_previous (guint32  from,
                         guint32  to,
                         guint32 *out_from,
                         guint32 *out_to)
{
  guint32 length;

  g_return_if_fail (from <= to);

  length = to - from + 1;
  if (from <= length)
    {
      *out_from = *out_to = 0;
      return;
    }
  *out_from = from - length;
  *out_to = from - 1;
}
