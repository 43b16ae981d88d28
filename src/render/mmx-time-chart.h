/* mmx-time-chart.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-chart.h"
#include "mmx-granularity.h"
#include "mmx-scale.h"

G_BEGIN_DECLS

#define MMX_TYPE_TIME_CHART (mmx_time_chart_get_type ())

G_DECLARE_FINAL_TYPE (MmxTimeChart, mmx_time_chart, MMX, TIME_CHART, MmxChart)

MmxTimeChart    *mmx_time_chart_new              (void) G_GNUC_WARN_UNUSED_RESULT;
void             mmx_time_chart_set_periods      (MmxTimeChart   *self,
                                                  MmxGranularity  granularity,
                                                  guint           n_periods,
                                                  const guint32  *period_start,
                                                  const guint    *period_days);
void             mmx_time_chart_add_series       (MmxTimeChart   *self,
                                                  const char     *name,
                                                  const double   *values,
                                                  gsize           stride,
                                                  guint           color,
                                                  gboolean        dashed);
guint            mmx_time_chart_get_n_series     (MmxTimeChart   *self);
const MmxScale  *mmx_time_chart_get_value_scale  (MmxTimeChart   *self);
guint            mmx_time_chart_get_n_time_ticks (MmxTimeChart   *self);
const char      *mmx_time_chart_get_time_label   (MmxTimeChart   *self,
                                                  guint           tick);
guint32          mmx_time_chart_get_time_tick_day (MmxTimeChart  *self,
                                                  guint           tick);
const char      *mmx_time_chart_get_value_label  (MmxTimeChart   *self,
                                                  guint           tick);
double           mmx_time_chart_get_period_x     (MmxTimeChart   *self,
                                                  guint           period);
double           mmx_time_chart_get_value_y      (MmxTimeChart   *self,
                                                  double          value);

G_END_DECLS
