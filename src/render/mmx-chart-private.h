/* mmx-chart-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-chart.h"
#include "mmx-scale.h"

G_BEGIN_DECLS

/* Room around the plot and between its parts, in the chart's units. */
#define MMX_CHART_GAP     8
#define MMX_CHART_MAX_TOOLTIP_LINES 12

/**
 * MmxChartText:
 * @MMX_CHART_TEXT_LABEL: axis ticks and legends, a little smaller
 * @MMX_CHART_TEXT_BODY: values, at the context's size
 * @MMX_CHART_TEXT_TITLE: an export's title, larger and bold
 * @MMX_CHART_TEXT_FIGURE: the figure in a donut's hole, large and bold
 */
typedef enum
{
  MMX_CHART_TEXT_LABEL,
  MMX_CHART_TEXT_BODY,
  MMX_CHART_TEXT_TITLE,
  MMX_CHART_TEXT_FIGURE,
} MmxChartText;

void          _mmx_chart_changed          (MmxChart           *self);
PangoLayout  *_mmx_chart_create_text      (MmxChart           *self,
                                           const char         *text,
                                           MmxChartText        kind) G_GNUC_WARN_UNUSED_RESULT;
void          _mmx_chart_get_text_size    (PangoLayout        *layout,
                                           double             *out_width,
                                           double             *out_height);
void          _mmx_chart_fit_text         (PangoLayout        *layout,
                                           double              max_width,
                                           double             *out_width,
                                           double             *out_height);
void          _mmx_chart_draw_text        (MmxChart           *self,
                                           cairo_t            *cr,
                                           PangoLayout        *layout,
                                           double              x,
                                           double              y,
                                           gboolean            dim);
void          _mmx_chart_set_plot_area    (MmxChart           *self,
                                           const MmxRect      *area);
char         *_mmx_chart_format_value     (MmxChart           *self,
                                           MmxChartValueKind   kind,
                                           double              value) G_GNUC_WARN_UNUSED_RESULT;
char         *_mmx_chart_format_tick      (MmxChart           *self,
                                           MmxChartValueKind   kind,
                                           const MmxScale     *scale,
                                           guint               tick) G_GNUC_WARN_UNUSED_RESULT;
char         *_mmx_chart_escape           (const char         *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
