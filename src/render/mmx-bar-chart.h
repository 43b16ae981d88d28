/* mmx-bar-chart.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-chart.h"
#include "mmx-scale.h"

G_BEGIN_DECLS

#define MMX_TYPE_BAR_CHART (mmx_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (MmxBarChart, mmx_bar_chart, MMX, BAR_CHART, MmxChart)

MmxBarChart    *mmx_bar_chart_new             (MmxChartValueKind  kind) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_bar_chart_clear           (MmxBarChart       *self);
void            mmx_bar_chart_add             (MmxBarChart       *self,
                                               const char        *label,
                                               double             value,
                                               guint              color,
                                               const char        *details);
void            mmx_bar_chart_set_reference   (MmxBarChart       *self,
                                               double             value,
                                               const char        *label);
guint           mmx_bar_chart_get_n_bars      (MmxBarChart       *self);
const MmxScale *mmx_bar_chart_get_value_scale (MmxBarChart       *self);
const char     *mmx_bar_chart_get_value_label (MmxBarChart       *self,
                                               guint              tick);
void            mmx_bar_chart_get_bar_area    (MmxBarChart       *self,
                                               guint              bar,
                                               MmxRect           *out_area);
double          mmx_bar_chart_get_zero_x      (MmxBarChart       *self);

G_END_DECLS
