/* mmx-chart.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mmx-chart-private.h"

/* The margin of exported charts, around the title and the chart. */
#define EXPORT_MARGIN 24

/* The font of exports when the style names none. */
#define EXPORT_FONT "Sans 10"

typedef struct
{
  MmxChartStyle    style;
  MmxNumberFormat  format;
  char            *empty_text;

  PangoContext    *context;
  guint            context_serial;
  double           width;
  double           height;
  MmxRect          plot;
  guint            layout_valid : 1;
} MmxChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MmxChart, mmx_chart, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
mmx_chart_real_get_height_for_width (MmxChart *self,
                                     double    width)
{
  return CLAMP (width * 0.5, 220, 360);
}

static gboolean
mmx_chart_real_is_empty (MmxChart *self)
{
  return TRUE;
}

static void
mmx_chart_finalize (GObject *object)
{
  MmxChart *self = (MmxChart *) object;
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_clear_pointer (&priv->empty_text, g_free);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (mmx_chart_parent_class)->finalize (object);
}

static void
mmx_chart_class_init (MmxChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mmx_chart_finalize;
  klass->get_height_for_width = mmx_chart_real_get_height_for_width;
  klass->is_empty = mmx_chart_real_is_empty;

  /**
   * MmxChart::changed:
   *
   * The data, style or number format changed: the chart must be laid out
   * and drawn again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mmx_chart_init (MmxChart *self)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  mmx_chart_style_init_light (&priv->style);
  mmx_number_format_init (&priv->format, NULL);
  priv->empty_text = g_strdup (_("No data in this period"));
}

/* Private API for the kinds of chart. */

void
_mmx_chart_changed (MmxChart *self)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  priv->layout_valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

PangoLayout *
_mmx_chart_create_text (MmxChart     *self,
                        const char   *text,
                        MmxChartText  kind)
{
  static const double scales[] = { 0.85, 1.0, 1.3, 1.5 };
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = NULL;
  int size;

  g_return_val_if_fail (priv->context != NULL, NULL);

  layout = pango_layout_new (priv->context);
  font = pango_font_description_copy (pango_context_get_font_description (priv->context));
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * scales[kind]);
  else
    pango_font_description_set_size (font, (int) (size * scales[kind]));
  if (kind == MMX_CHART_TEXT_TITLE || kind == MMX_CHART_TEXT_FIGURE)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
_mmx_chart_get_text_size (PangoLayout *layout,
                          double      *out_width,
                          double      *out_height)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  if (out_width != NULL)
    *out_width = (double) width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) height / PANGO_SCALE;
}

/* Measures @layout, ellipsized at the end if wider than @max_width. */
void
_mmx_chart_fit_text (PangoLayout *layout,
                     double       max_width,
                     double      *out_width,
                     double      *out_height)
{
  double width;

  _mmx_chart_get_text_size (layout, &width, out_height);
  if (width > max_width)
    {
      pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      _mmx_chart_get_text_size (layout, &width, out_height);
      width = MIN (width, max_width);
    }
  if (out_width != NULL)
    *out_width = width;
}

void
_mmx_chart_draw_text (MmxChart    *self,
                      cairo_t     *cr,
                      PangoLayout *layout,
                      double       x,
                      double       y,
                      gboolean     dim)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  mmx_rgba_set_source (dim ? &priv->style.dim_foreground : &priv->style.foreground, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
_mmx_chart_set_plot_area (MmxChart      *self,
                          const MmxRect *area)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  priv->plot = *area;
}

char *
_mmx_chart_format_value (MmxChart          *self,
                         MmxChartValueKind  kind,
                         double             value)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  switch (kind)
    {
    case MMX_CHART_VALUE_MONEY:
      return mmx_number_format_money (&priv->format, value);
    case MMX_CHART_VALUE_RATIO:
      return mmx_number_format_ratio (&priv->format, value);
    case MMX_CHART_VALUE_NUMBER:
    default:
      return mmx_number_format_number (&priv->format, value,
                                       fabs (value - round (value)) < 0.005 ? 0 : 2);
    }
}

char *
_mmx_chart_format_tick (MmxChart          *self,
                        MmxChartValueKind  kind,
                        const MmxScale    *scale,
                        guint              tick)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);
  g_autofree char *label = NULL;

  label = mmx_number_format_tick (&priv->format, scale->ticks[tick], scale->step,
                                  mmx_scale_get_largest (scale), kind == MMX_CHART_VALUE_MONEY);
  if (kind == MMX_CHART_VALUE_RATIO)
    /* TRANSLATORS: a return on ad spend, revenue per unit spent: "2.45×" */
    return g_strdup_printf (C_("ratio", "%s×"), label);
  return g_steal_pointer (&label);
}

char *
_mmx_chart_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Public API. */

const MmxChartStyle *
mmx_chart_get_style (MmxChart *self)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_val_if_fail (MMX_IS_CHART (self), NULL);

  return &priv->style;
}

/**
 * mmx_chart_set_style:
 * @self: a chart
 * @style: the colours and font to draw with
 */
void
mmx_chart_set_style (MmxChart            *self,
                     const MmxChartStyle *style)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_if_fail (MMX_IS_CHART (self));
  g_return_if_fail (style != NULL);

  if (memcmp (&priv->style, style, sizeof *style) == 0)
    return;
  priv->style = *style;
  _mmx_chart_changed (self);
}

const MmxNumberFormat *
mmx_chart_get_number_format (MmxChart *self)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_val_if_fail (MMX_IS_CHART (self), NULL);

  return &priv->format;
}

/**
 * mmx_chart_set_number_format:
 * @self: a chart
 * @format: how its numbers and money are written
 */
void
mmx_chart_set_number_format (MmxChart              *self,
                             const MmxNumberFormat *format)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_if_fail (MMX_IS_CHART (self));
  g_return_if_fail (format != NULL);

  if (memcmp (&priv->format, format, sizeof *format) == 0)
    return;
  priv->format = *format;
  _mmx_chart_changed (self);
}

const char *
mmx_chart_get_empty_text (MmxChart *self)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_val_if_fail (MMX_IS_CHART (self), NULL);

  return priv->empty_text;
}

/**
 * mmx_chart_set_empty_text:
 * @self: a chart
 * @text: what the chart says when it has nothing to draw
 */
void
mmx_chart_set_empty_text (MmxChart   *self,
                          const char *text)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_if_fail (MMX_IS_CHART (self));
  g_return_if_fail (text != NULL);

  if (g_strcmp0 (priv->empty_text, text) == 0)
    return;
  g_free (priv->empty_text);
  priv->empty_text = g_strdup (text);
  _mmx_chart_changed (self);
}

gboolean
mmx_chart_is_empty (MmxChart *self)
{
  g_return_val_if_fail (MMX_IS_CHART (self), TRUE);

  return MMX_CHART_GET_CLASS (self)->is_empty (self);
}

/**
 * mmx_chart_ensure_layout:
 * @self: a chart
 * @context: the Pango context texts are measured and drawn in
 * @width: the width to lay out for
 * @height: the height
 *
 * Computes the geometry, unless it was computed for the same size, text
 * context and data.
 */
void
mmx_chart_ensure_layout (MmxChart     *self,
                         PangoContext *context,
                         double        width,
                         double        height)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_if_fail (MMX_IS_CHART (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  if (priv->layout_valid && priv->context == context
      && priv->context_serial == pango_context_get_serial (context)
      && priv->width == width && priv->height == height)
    return;

  g_set_object (&priv->context, context);
  priv->context_serial = pango_context_get_serial (context);
  priv->width = width;
  priv->height = height;
  priv->plot = (MmxRect) { 0, 0, width, height };
  if (!mmx_chart_is_empty (self) && width > 0 && height > 0)
    MMX_CHART_GET_CLASS (self)->layout (self, width, height);
  priv->layout_valid = TRUE;
}

/**
 * mmx_chart_get_plot_area:
 * @self: a chart
 * @out_area: (out): where the data is drawn, inside the axes
 */
void
mmx_chart_get_plot_area (MmxChart *self,
                         MmxRect  *out_area)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_if_fail (MMX_IS_CHART (self));

  *out_area = priv->plot;
}

static void
draw_empty (MmxChart *self,
            cairo_t  *cr)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);
  g_autoptr(PangoLayout) layout = _mmx_chart_create_text (self, priv->empty_text,
                                                          MMX_CHART_TEXT_BODY);
  double width, height;

  pango_layout_set_width (layout, (int) (MAX (priv->width - 2 * MMX_CHART_GAP, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  _mmx_chart_get_text_size (layout, &width, &height);
  _mmx_chart_draw_text (self, cr, layout, MMX_CHART_GAP, (priv->height - height) / 2, TRUE);
}

/**
 * mmx_chart_draw:
 * @self: a chart, laid out
 * @cr: where to draw, with the origin at the chart's corner
 *
 * Draws the chart, or its empty text, on a transparent background.
 */
void
mmx_chart_draw (MmxChart *self,
                cairo_t  *cr)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_if_fail (MMX_IS_CHART (self));
  g_return_if_fail (priv->layout_valid);

  cairo_save (cr);
  if (mmx_chart_is_empty (self))
    draw_empty (self, cr);
  else
    MMX_CHART_GET_CLASS (self)->draw (self, cr);
  cairo_restore (cr);
}

/**
 * mmx_chart_draw_highlight:
 * @self: a chart, laid out
 * @cr: where to draw
 * @item: an item from mmx_chart_pick()
 *
 * Draws what marks the item under the pointer, on top of the chart.
 */
void
mmx_chart_draw_highlight (MmxChart *self,
                          cairo_t  *cr,
                          int       item)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_if_fail (MMX_IS_CHART (self));
  g_return_if_fail (priv->layout_valid);

  if (item < 0 || mmx_chart_is_empty (self))
    return;
  cairo_save (cr);
  MMX_CHART_GET_CLASS (self)->draw_highlight (self, cr, item);
  cairo_restore (cr);
}

/**
 * mmx_chart_pick:
 * @self: a chart, laid out
 * @x: a point in the chart
 * @y: the point's height
 *
 * Returns: the item at the point (a period, a bar, a slice), or -1
 */
int
mmx_chart_pick (MmxChart *self,
                double    x,
                double    y)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_val_if_fail (MMX_IS_CHART (self), -1);

  if (!priv->layout_valid || mmx_chart_is_empty (self))
    return -1;
  return MMX_CHART_GET_CLASS (self)->pick (self, x, y);
}

/**
 * mmx_chart_dup_tooltip:
 * @self: a chart
 * @item: an item from mmx_chart_pick()
 *
 * Returns: (transfer full) (nullable): Pango markup with the exact values
 *   of the item
 */
char *
mmx_chart_dup_tooltip (MmxChart *self,
                       int       item)
{
  g_return_val_if_fail (MMX_IS_CHART (self), NULL);

  if (item < 0 || mmx_chart_is_empty (self))
    return NULL;
  return MMX_CHART_GET_CLASS (self)->dup_tooltip (self, item);
}

/**
 * mmx_chart_dup_summary:
 * @self: a chart
 *
 * Returns: (transfer full): what the chart shows, in words, for screen
 *   readers
 */
char *
mmx_chart_dup_summary (MmxChart *self)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_val_if_fail (MMX_IS_CHART (self), NULL);

  if (mmx_chart_is_empty (self))
    return g_strdup (priv->empty_text);
  return MMX_CHART_GET_CLASS (self)->dup_summary (self);
}

/**
 * mmx_chart_get_height_for_width:
 * @self: a chart
 * @context: the Pango context its texts are measured in
 * @width: an available width
 *
 * Returns: the height the chart wants at @width: bars need a row each
 */
double
mmx_chart_get_height_for_width (MmxChart     *self,
                                PangoContext *context,
                                double        width)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);

  g_return_val_if_fail (MMX_IS_CHART (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  if (priv->context != context)
    {
      g_set_object (&priv->context, context);
      priv->layout_valid = FALSE;
    }
  return MMX_CHART_GET_CLASS (self)->get_height_for_width (self, width);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *writer = closure;

  if (writer->error != NULL
      || !g_output_stream_write_all (writer->stream, data, length, NULL, writer->cancellable,
                                     &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (MmxChartFormat  format,
                double          width,
                double          height,
                WriteClosure   *writer)
{
  cairo_surface_t *surface;

  switch (format)
    {
    case MMX_CHART_FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (write_cb, writer, width, height);
    case MMX_CHART_FORMAT_PDF:
      return cairo_pdf_surface_create_for_stream (write_cb, writer, width, height);
    case MMX_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * MMX_CHART_EXPORT_SCALE),
                                            (int) ceil (height * MMX_CHART_EXPORT_SCALE));
      cairo_surface_set_device_scale (surface, MMX_CHART_EXPORT_SCALE, MMX_CHART_EXPORT_SCALE);
      return surface;
    }
}

/* Draws the chart with the export style in @cr's own text context, then
 * puts the window's context and style back for its next layout. */
static void
draw_export (MmxChart   *self,
             cairo_t    *cr,
             double      width,
             double      height,
             const char *title)
{
  MmxChartPrivate *priv = mmx_chart_get_instance_private (self);
  /* Pango 1.50 has no autoptr for contexts. */
  PangoContext *context = pango_cairo_create_context (cr);
  PangoContext *saved_context = priv->context ? g_object_ref (priv->context) : NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  MmxChartStyle saved_style = priv->style;
  double top = EXPORT_MARGIN;

  mmx_chart_style_init_light (&priv->style);
  g_strlcpy (priv->style.font, saved_style.font, sizeof priv->style.font);
  font = pango_font_description_from_string (priv->style.font[0] ? priv->style.font : EXPORT_FONT);
  pango_context_set_font_description (context, font);

  mmx_rgba_set_source (&priv->style.background, cr);
  cairo_paint (cr);

  priv->layout_valid = FALSE;
  g_set_object (&priv->context, context);
  if (title != NULL)
    {
      g_autoptr(PangoLayout) layout = _mmx_chart_create_text (self, title, MMX_CHART_TEXT_TITLE);
      double title_height;

      _mmx_chart_fit_text (layout, width - 2 * EXPORT_MARGIN, NULL, &title_height);
      _mmx_chart_draw_text (self, cr, layout, EXPORT_MARGIN, top, FALSE);
      top += title_height + 2 * MMX_CHART_GAP;
    }

  cairo_save (cr);
  cairo_translate (cr, EXPORT_MARGIN, top);
  mmx_chart_ensure_layout (self, context, width - 2 * EXPORT_MARGIN,
                           MAX (height - top - EXPORT_MARGIN, 1));
  mmx_chart_draw (self, cr);
  cairo_restore (cr);

  priv->style = saved_style;
  g_set_object (&priv->context, saved_context);
  priv->layout_valid = FALSE;
  g_clear_object (&saved_context);
  g_object_unref (context);
}

/**
 * mmx_chart_export:
 * @self: a chart
 * @file: where to write
 * @format: PNG, SVG or PDF
 * @width: the width in points; a PNG has %MMX_CHART_EXPORT_SCALE pixels
 *   per point
 * @height: the height in points
 * @title: (nullable): a title above the chart
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Draws the chart on a white page, in the light style whatever the
 * window's, and writes it. The file is replaced only once it is complete.
 *
 * Returns: %FALSE with @error set when the file cannot be written
 */
gboolean
mmx_chart_export (MmxChart        *self,
                  GFile           *file,
                  MmxChartFormat   format,
                  double           width,
                  double           height,
                  const char      *title,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort_write = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  WriteClosure writer = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (MMX_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);

  name = g_file_get_parse_name (file);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The chart cannot be saved as “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  writer.stream = G_OUTPUT_STREAM (stream);
  writer.cancellable = cancellable;
  surface = create_surface (format, width, height, &writer);
  cr = cairo_create (surface);
  draw_export (self, cr, width, height, title);
  cairo_destroy (cr);
  if (format == MMX_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, &writer);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (writer.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error_literal (&writer.error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         cairo_status_to_string (status));
  if (writer.error != NULL)
    {
      /* Closing cancelled leaves the file that was there, if any. */
      g_cancellable_cancel (abort_write);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort_write, NULL);
      g_set_error (error, writer.error->domain, writer.error->code,
                   _("The chart cannot be saved as “%s”: %s"), name, writer.error->message);
      g_clear_error (&writer.error);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The chart cannot be saved as “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
