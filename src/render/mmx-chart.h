/* mmx-chart.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "mmx-chart-style.h"
#include "mmx-number-format.h"

G_BEGIN_DECLS

/**
 * MmxRect:
 *
 * A rectangle in the chart's units (pixels on screen, points in a PDF).
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} MmxRect;

/**
 * MmxChartFormat:
 * @MMX_CHART_FORMAT_PNG: a PNG image
 * @MMX_CHART_FORMAT_SVG: an SVG drawing
 * @MMX_CHART_FORMAT_PDF: a PDF page
 */
typedef enum
{
  MMX_CHART_FORMAT_PNG,
  MMX_CHART_FORMAT_SVG,
  MMX_CHART_FORMAT_PDF,
} MmxChartFormat;

/**
 * MmxChartValueKind:
 * @MMX_CHART_VALUE_MONEY: amounts in the account's currency
 * @MMX_CHART_VALUE_RATIO: ratios such as ROAS, `2.45×`
 * @MMX_CHART_VALUE_NUMBER: counts
 *
 * What the values of a chart are, for their labels.
 */
typedef enum
{
  MMX_CHART_VALUE_MONEY,
  MMX_CHART_VALUE_RATIO,
  MMX_CHART_VALUE_NUMBER,
} MmxChartValueKind;

/* The size of exported charts, in points for SVG and PDF; PNG files have
 * MMX_CHART_EXPORT_SCALE pixels per point. */
#define MMX_CHART_EXPORT_WIDTH  960
#define MMX_CHART_EXPORT_HEIGHT 540
#define MMX_CHART_EXPORT_SCALE  2

#define MMX_TYPE_CHART (mmx_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (MmxChart, mmx_chart, MMX, CHART, GObject)

/**
 * MmxChartClass:
 * @layout: computes the geometry for a size, with texts measured in the
 *   chart's Pango context; called only when the chart holds data
 * @draw: draws the geometry
 * @draw_highlight: draws what marks a hovered item
 * @pick: the item at a point, or -1
 * @dup_tooltip: Pango markup about an item
 * @dup_summary: a sentence or two for screen readers
 * @get_height_for_width: the height the chart wants
 * @is_empty: whether there is nothing to draw
 *
 * One kind of chart. Geometry is computed in @layout and kept, so drawing,
 * hit-testing and tooltips never compute it again.
 */
struct _MmxChartClass
{
  GObjectClass parent_class;

  void      (*layout)               (MmxChart *self,
                                     double    width,
                                     double    height);
  void      (*draw)                 (MmxChart *self,
                                     cairo_t  *cr);
  void      (*draw_highlight)       (MmxChart *self,
                                     cairo_t  *cr,
                                     int       item);
  int       (*pick)                 (MmxChart *self,
                                     double    x,
                                     double    y);
  char     *(*dup_tooltip)          (MmxChart *self,
                                     int       item);
  char     *(*dup_summary)          (MmxChart *self);
  double    (*get_height_for_width) (MmxChart *self,
                                     double    width);
  gboolean  (*is_empty)             (MmxChart *self);

  gpointer padding[8];
};

const MmxChartStyle    *mmx_chart_get_style           (MmxChart               *self);
void                    mmx_chart_set_style           (MmxChart               *self,
                                                       const MmxChartStyle    *style);
const MmxNumberFormat  *mmx_chart_get_number_format   (MmxChart               *self);
void                    mmx_chart_set_number_format   (MmxChart               *self,
                                                       const MmxNumberFormat  *format);
const char             *mmx_chart_get_empty_text      (MmxChart               *self);
void                    mmx_chart_set_empty_text      (MmxChart               *self,
                                                       const char             *text);
gboolean                mmx_chart_is_empty            (MmxChart               *self);
void                    mmx_chart_ensure_layout       (MmxChart               *self,
                                                       PangoContext           *context,
                                                       double                  width,
                                                       double                  height);
void                    mmx_chart_get_plot_area       (MmxChart               *self,
                                                       MmxRect                *out_area);
void                    mmx_chart_draw                (MmxChart               *self,
                                                       cairo_t                *cr);
void                    mmx_chart_draw_highlight      (MmxChart               *self,
                                                       cairo_t                *cr,
                                                       int                     item);
int                     mmx_chart_pick                (MmxChart               *self,
                                                       double                  x,
                                                       double                  y);
char                   *mmx_chart_dup_tooltip         (MmxChart               *self,
                                                       int                     item) G_GNUC_WARN_UNUSED_RESULT;
char                   *mmx_chart_dup_summary         (MmxChart               *self) G_GNUC_WARN_UNUSED_RESULT;
double                  mmx_chart_get_height_for_width (MmxChart              *self,
                                                       PangoContext           *context,
                                                       double                  width);
gboolean                mmx_chart_export              (MmxChart               *self,
                                                       GFile                  *file,
                                                       MmxChartFormat          format,
                                                       double                  width,
                                                       double                  height,
                                                       const char             *title,
                                                       GCancellable           *cancellable,
                                                       GError                **error);

G_END_DECLS
