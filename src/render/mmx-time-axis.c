/* mmx-time-axis.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-time-axis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-time-axis.h"

/* The steps an axis may take, finest first. */
static const struct
{
  MmxTimeUnit unit;
  guint       count;
} steps[] = {
  { MMX_TIME_UNIT_DAY, 1 }, { MMX_TIME_UNIT_DAY, 2 },
  { MMX_TIME_UNIT_WEEK, 1 }, { MMX_TIME_UNIT_WEEK, 2 },
  { MMX_TIME_UNIT_MONTH, 1 }, { MMX_TIME_UNIT_MONTH, 2 }, { MMX_TIME_UNIT_MONTH, 3 },
  { MMX_TIME_UNIT_MONTH, 6 },
  { MMX_TIME_UNIT_YEAR, 1 }, { MMX_TIME_UNIT_YEAR, 2 }, { MMX_TIME_UNIT_YEAR, 5 },
  { MMX_TIME_UNIT_YEAR, 10 }, { MMX_TIME_UNIT_YEAR, 25 }, { MMX_TIME_UNIT_YEAR, 100 },
};

static void
time_tick_free (MmxTimeTick *tick)
{
  g_free (tick->label);
  g_free (tick);
}

static GDateTime *
date_time_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
}

static char *
format (guint32     day,
        const char *pattern)
{
  g_autoptr(GDateTime) date_time = date_time_of (day);

  return g_date_time_format (date_time, pattern);
}

/* Whether @day is on a tick of the step: a Monday of an even week from
 * the first Monday, the first of a month whose number is a multiple of
 * the step (counted from January), the first of January of a round year. */
static gboolean
is_tick (guint32 day,
         guint32 first,
         guint   step)
{
  GDate date;
  guint count = steps[step].count;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  switch (steps[step].unit)
    {
    case MMX_TIME_UNIT_DAY:
      return (day - first) % count == 0;
    case MMX_TIME_UNIT_WEEK:
      /* Julian day 1 was a Monday. */
      return (day - 1) % 7 == 0 && ((day - 1) / 7 - (first + 6 - 1) / 7) % count == 0;
    case MMX_TIME_UNIT_MONTH:
      return g_date_get_day (&date) == 1 && (g_date_get_month (&date) - 1) % count == 0;
    case MMX_TIME_UNIT_YEAR:
    default:
      return g_date_get_day (&date) == 1 && g_date_get_month (&date) == 1
             && g_date_get_year (&date) % count == 0;
    }
}

static guint
count_ticks (guint32 first,
             guint32 last,
             guint   step,
             guint   limit)
{
  guint n = 0;

  for (guint32 day = first; day <= last && n <= limit; day++)
    n += is_tick (day, first, step);
  return n;
}

static char *
label_of (guint32      day,
          MmxTimeUnit  unit,
          gboolean     first_tick)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  switch (unit)
    {
    case MMX_TIME_UNIT_DAY:
    case MMX_TIME_UNIT_WEEK:
      /* TRANSLATORS: a day on a chart's time axis, "3 Nov"; see
       * g_date_time_format() */
      return format (day, C_("axis day", "%-d %b"));
    case MMX_TIME_UNIT_MONTH:
      if (first_tick || g_date_get_month (&date) == G_DATE_JANUARY)
        /* TRANSLATORS: a month on a chart's time axis, with its year */
        return format (day, C_("axis month", "%b %Y"));
      /* TRANSLATORS: a month on a chart's time axis, "Nov" */
      return format (day, C_("axis month", "%b"));
    case MMX_TIME_UNIT_YEAR:
    default:
      return format (day, "%Y");
    }
}

/**
 * mmx_time_axis_ticks:
 * @first: the first day of the axis, a Julian day
 * @last: its last day
 * @max_ticks: at most this many ticks fit
 * @out_unit: (out) (optional): the unit of the ticks
 *
 * Picks the finest calendar step (days, weeks, months, quarters, years)
 * whose ticks fit, and labels them.
 *
 * Returns: (transfer full) (element-type MmxTimeTick): the ticks, in order;
 *   one on @first when the axis holds a single day
 */
GPtrArray *
mmx_time_axis_ticks (guint32      first,
                     guint32      last,
                     guint        max_ticks,
                     MmxTimeUnit *out_unit)
{
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) time_tick_free);
  guint step = 0;

  g_return_val_if_fail (first <= last, ticks);

  max_ticks = MAX (max_ticks, 1);
  /* Days beyond a few years are ticked in years at once, without
   * counting day by day. */
  if (last - first > 366 * 4)
    step = 8;
  while (step + 1 < G_N_ELEMENTS (steps) && count_ticks (first, last, step, max_ticks) > max_ticks)
    step++;
  if (out_unit != NULL)
    *out_unit = steps[step].unit;

  for (guint32 day = first; day <= last; day++)
    if (is_tick (day, first, step))
      {
        MmxTimeTick *tick = g_new0 (MmxTimeTick, 1);

        tick->day = day;
        tick->label = label_of (day, steps[step].unit, ticks->len == 0);
        g_ptr_array_add (ticks, tick);
      }
  if (ticks->len == 0)
    {
      MmxTimeTick *tick = g_new0 (MmxTimeTick, 1);

      tick->day = first;
      tick->label = label_of (first, MMX_TIME_UNIT_DAY, TRUE);
      g_ptr_array_add (ticks, tick);
    }
  return ticks;
}

/**
 * mmx_time_axis_format_day:
 * @day: a Julian day
 *
 * Returns: (transfer full): the day in full, for tooltips: "Mon 3 Nov 2025"
 */
char *
mmx_time_axis_format_day (guint32 day)
{
  /* TRANSLATORS: a day in a chart's tooltip; see g_date_time_format() */
  return format (day, C_("tooltip day", "%a %-d %b %Y"));
}

/**
 * mmx_time_axis_format_range:
 * @first: a Julian day
 * @last: a later one
 *
 * Returns: (transfer full): the range for titles: "3 Nov – 2 Dec 2025", or
 *   the day alone
 */
char *
mmx_time_axis_format_range (guint32 first,
                            guint32 last)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GDate a, b;

  if (first == last)
    /* TRANSLATORS: one day in a title; see g_date_time_format() */
    return format (first, C_("range day", "%-d %b %Y"));

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, first);
  g_date_set_julian (&b, last);
  if (g_date_get_year (&a) == g_date_get_year (&b))
    /* TRANSLATORS: the first day of a range within one year; see g_date_time_format() */
    start = format (first, C_("range start", "%-d %b"));
  else
    start = format (first, C_("range day", "%-d %b %Y"));
  end = format (last, C_("range day", "%-d %b %Y"));
  /* TRANSLATORS: a range of days, "3 Nov – 2 Dec 2025" */
  return g_strdup_printf (C_("range", "%s – %s"), start, end);
}
