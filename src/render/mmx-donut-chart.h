/* mmx-donut-chart.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-chart.h"

G_BEGIN_DECLS

/* More slices than this cannot be told apart: the smallest become one. */
#define MMX_DONUT_CHART_MAX_SLICES 8

#define MMX_TYPE_DONUT_CHART (mmx_donut_chart_get_type ())

G_DECLARE_FINAL_TYPE (MmxDonutChart, mmx_donut_chart, MMX, DONUT_CHART, MmxChart)

MmxDonutChart *mmx_donut_chart_new               (void) G_GNUC_WARN_UNUSED_RESULT;
void           mmx_donut_chart_clear             (MmxDonutChart  *self);
void           mmx_donut_chart_add               (MmxDonutChart  *self,
                                                  const char     *label,
                                                  double          value,
                                                  guint           color);
void           mmx_donut_chart_set_caption       (MmxDonutChart  *self,
                                                  const char     *caption);
guint          mmx_donut_chart_get_n_slices      (MmxDonutChart  *self);
const char    *mmx_donut_chart_get_slice_label   (MmxDonutChart  *self,
                                                  guint           slice);
double         mmx_donut_chart_get_slice_value   (MmxDonutChart  *self,
                                                  guint           slice);
double         mmx_donut_chart_get_slice_share   (MmxDonutChart  *self,
                                                  guint           slice);
void           mmx_donut_chart_get_slice_angles  (MmxDonutChart  *self,
                                                  guint           slice,
                                                  double         *out_start,
                                                  double         *out_end);
void           mmx_donut_chart_get_ring          (MmxDonutChart  *self,
                                                  double         *out_x,
                                                  double         *out_y,
                                                  double         *out_outer,
                                                  double         *out_inner);

G_END_DECLS
