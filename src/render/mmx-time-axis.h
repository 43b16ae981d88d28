/* mmx-time-axis.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxTimeTick:
 * @day: the Julian day of the tick
 * @label: what it reads, in the locale's language
 */
typedef struct
{
  guint32  day;
  char    *label;
} MmxTimeTick;

/**
 * MmxTimeUnit:
 * @MMX_TIME_UNIT_DAY: ticks on days
 * @MMX_TIME_UNIT_WEEK: ticks on Mondays
 * @MMX_TIME_UNIT_MONTH: ticks on the first day of months
 * @MMX_TIME_UNIT_YEAR: ticks on the first of January
 */
typedef enum
{
  MMX_TIME_UNIT_DAY,
  MMX_TIME_UNIT_WEEK,
  MMX_TIME_UNIT_MONTH,
  MMX_TIME_UNIT_YEAR,
} MmxTimeUnit;

GPtrArray *mmx_time_axis_ticks       (guint32      first,
                                      guint32      last,
                                      guint        max_ticks,
                                      MmxTimeUnit *out_unit) G_GNUC_WARN_UNUSED_RESULT;
char      *mmx_time_axis_format_day  (guint32      day) G_GNUC_WARN_UNUSED_RESULT;
char      *mmx_time_axis_format_range (guint32     first,
                                      guint32      last) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
