/* mmx-chart-style.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxRgba:
 *
 * A colour with components from 0 to 1.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} MmxRgba;

/* Colour keys of chart series: the totals, then channels, which cycle
 * through the palette. */
#define MMX_CHART_COLOR_SPEND      0
#define MMX_CHART_COLOR_REVENUE    1
#define MMX_CHART_COLOR_OTHER      2
#define MMX_CHART_COLOR_CHANNEL(i) (3 + (i))

#define MMX_CHART_N_CHANNEL_COLORS 10

/**
 * MmxChartStyle:
 * @foreground: text and axis labels
 * @dim_foreground: secondary text
 * @background: what exports are painted on; the window draws its own
 * @grid: grid lines
 * @axis: the zero line and tick marks
 * @spend: total spend
 * @revenue: total revenue
 * @other: what is left over ("Other" in a donut)
 * @channels: the channel palette
 * @font: (nullable): a Pango font description; %NULL keeps the context's
 * @dark: whether the colours are for a dark background
 *
 * The colours and font a chart is drawn with. The window reads them from
 * the theme; exports and the command line use the light style.
 */
typedef struct
{
  MmxRgba  foreground;
  MmxRgba  dim_foreground;
  MmxRgba  background;
  MmxRgba  grid;
  MmxRgba  axis;
  MmxRgba  spend;
  MmxRgba  revenue;
  MmxRgba  other;
  MmxRgba  channels[MMX_CHART_N_CHANNEL_COLORS];
  char     font[64];
  gboolean dark;
} MmxChartStyle;

void            mmx_chart_style_init_light  (MmxChartStyle        *self);
void            mmx_chart_style_init_dark   (MmxChartStyle        *self);
const MmxRgba  *mmx_chart_style_get_color   (const MmxChartStyle  *self,
                                             guint                 key);
void            mmx_chart_style_set_source  (const MmxChartStyle  *self,
                                             cairo_t              *cr,
                                             guint                 key,
                                             double                alpha);
void            mmx_rgba_set_source         (const MmxRgba        *color,
                                             cairo_t              *cr);
void            mmx_rgba_parse_hex          (MmxRgba              *color,
                                             const char           *hex);

G_END_DECLS
