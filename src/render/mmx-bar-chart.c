/* mmx-bar-chart.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-bar-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-bar-chart.h"
#include "mmx-chart-private.h"

/* A bar per row: names are long and channels many, so bars lie flat
 * with their labels beside them, and the chart grows a row per bar. */
#define MIN_ROW_HEIGHT 24
#define BAR_FILL 0.62
#define MAX_LABEL_SHARE 0.4
#define VALUE_TICK_SPACING 72

typedef struct
{
  char        *label;
  double       value;
  guint        color;
  char        *details;
  PangoLayout *label_layout;
  PangoLayout *value_layout;
  MmxRect      area;
} Bar;

typedef struct
{
  PangoLayout *layout;
  double       x;
} Tick;

struct _MmxBarChart
{
  MmxChart           parent_instance;

  MmxChartValueKind  kind;
  GArray            *bars;
  double             reference;
  char              *reference_label;

  /* The geometry of the last layout. */
  double             row_height;
  double             label_width;
  MmxRect            plot;
  MmxScale           scale;
  GArray            *ticks;
  PangoLayout       *reference_layout;
};

G_DEFINE_FINAL_TYPE (MmxBarChart, mmx_bar_chart, MMX_TYPE_CHART)

static void
bar_clear (Bar *bar)
{
  g_free (bar->label);
  g_free (bar->details);
  g_clear_object (&bar->label_layout);
  g_clear_object (&bar->value_layout);
}

static void
tick_clear (Tick *tick)
{
  g_clear_object (&tick->layout);
}

static double
map_x (MmxBarChart *self,
       double       value)
{
  return mmx_scale_map (&self->scale, value, self->plot.x, self->plot.x + self->plot.width);
}

static double
line_height (MmxBarChart *self)
{
  g_autoptr(PangoLayout) sample = _mmx_chart_create_text (MMX_CHART (self), "0",
                                                          MMX_CHART_TEXT_LABEL);
  double height;

  _mmx_chart_get_text_size (sample, NULL, &height);
  return height;
}

/* The room above the bars for the reference's label, and below for the
 * axis. */
static void
get_margins (MmxBarChart *self,
             double      *out_top,
             double      *out_bottom)
{
  double text = line_height (self);

  *out_top = isfinite (self->reference) ? text + MMX_CHART_GAP / 2.0 : 0;
  *out_bottom = text + MMX_CHART_GAP;
}

static double
row_height (MmxBarChart *self)
{
  return MAX (MIN_ROW_HEIGHT, line_height (self) + MMX_CHART_GAP);
}

static void
layout_scale (MmxBarChart *self)
{
  double low = 0, high = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      double value = g_array_index (self->bars, Bar, i).value;

      low = MIN (low, value);
      high = MAX (high, value);
    }
  if (isfinite (self->reference))
    {
      low = MIN (low, self->reference);
      high = MAX (high, self->reference);
    }
  mmx_scale_init_nice (&self->scale, low, high,
                       (guint) CLAMP (self->plot.width / VALUE_TICK_SPACING, 3, 8));
}

static void
mmx_bar_chart_layout (MmxChart *chart,
                      double    width,
                      double    height)
{
  MmxBarChart *self = MMX_BAR_CHART (chart);
  double top, bottom, widest_label = 0, widest_value = 0;
  gboolean negative = FALSE;

  get_margins (self, &top, &bottom);
  self->row_height = MIN (row_height (self), (height - top - bottom) / self->bars->len);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = _mmx_chart_format_value (chart, self->kind, bar->value);
      double label_width, value_width;

      g_clear_object (&bar->label_layout);
      g_clear_object (&bar->value_layout);
      bar->label_layout = _mmx_chart_create_text (chart, bar->label, MMX_CHART_TEXT_LABEL);
      _mmx_chart_fit_text (bar->label_layout, width * MAX_LABEL_SHARE, &label_width, NULL);
      bar->value_layout = _mmx_chart_create_text (chart, value, MMX_CHART_TEXT_LABEL);
      _mmx_chart_get_text_size (bar->value_layout, &value_width, NULL);
      widest_label = MAX (widest_label, label_width);
      widest_value = MAX (widest_value, value_width);
      negative = negative || bar->value < 0;
    }

  /* Values sit beyond the ends of the bars, on the left of negative ones. */
  self->label_width = widest_label;
  self->plot.x = widest_label + MMX_CHART_GAP + (negative ? widest_value + MMX_CHART_GAP / 2.0 : 0);
  self->plot.y = top;
  self->plot.width = MAX (width - self->plot.x - widest_value - MMX_CHART_GAP, 1);
  self->plot.height = self->row_height * self->bars->len;
  layout_scale (self);
  _mmx_chart_set_plot_area (chart, &self->plot);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      double zero = map_x (self, 0), end = map_x (self, bar->value);
      double thickness = MAX (self->row_height * BAR_FILL, 1);

      bar->area.x = MIN (zero, end);
      bar->area.width = fabs (end - zero);
      bar->area.y = top + i * self->row_height + (self->row_height - thickness) / 2;
      bar->area.height = thickness;
    }

  g_array_set_size (self->ticks, 0);
  for (guint i = 0; i < self->scale.n_ticks; i++)
    {
      g_autofree char *text = _mmx_chart_format_tick (chart, self->kind, &self->scale, i);
      Tick tick = { _mmx_chart_create_text (chart, text, MMX_CHART_TEXT_LABEL), 0 };
      double tick_width;

      _mmx_chart_get_text_size (tick.layout, &tick_width, NULL);
      tick.x = CLAMP (map_x (self, self->scale.ticks[i]) - tick_width / 2, 0, width - tick_width);
      g_array_append_val (self->ticks, tick);
    }

  g_clear_object (&self->reference_layout);
  if (isfinite (self->reference) && self->reference_label != NULL)
    self->reference_layout = _mmx_chart_create_text (chart, self->reference_label,
                                                     MMX_CHART_TEXT_LABEL);
}

static void
mmx_bar_chart_draw (MmxChart *chart,
                    cairo_t  *cr)
{
  MmxBarChart *self = MMX_BAR_CHART (chart);
  const MmxChartStyle *style = mmx_chart_get_style (chart);
  double axis_y = self->plot.y + self->plot.height;
  double zero = round (map_x (self, 0)) + 0.5;
  static const double dash[] = { 4, 3 };

  cairo_set_line_width (cr, 1);
  mmx_rgba_set_source (&style->grid, cr);
  for (guint i = 0; i < self->scale.n_ticks; i++)
    {
      double x = round (map_x (self, self->scale.ticks[i])) + 0.5;

      cairo_move_to (cr, x, self->plot.y);
      cairo_line_to (cr, x, axis_y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      Tick *tick = &g_array_index (self->ticks, Tick, i);

      _mmx_chart_draw_text (chart, cr, tick->layout, tick->x, axis_y + MMX_CHART_GAP / 2.0, TRUE);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      double label_height, value_width, value_height;
      double middle = bar->area.y + bar->area.height / 2;

      mmx_chart_style_set_source (style, cr, bar->color, 1);
      cairo_rectangle (cr, bar->area.x, bar->area.y, bar->area.width, bar->area.height);
      cairo_fill (cr);

      _mmx_chart_get_text_size (bar->label_layout, NULL, &label_height);
      _mmx_chart_draw_text (chart, cr, bar->label_layout, 0, middle - label_height / 2, FALSE);
      _mmx_chart_get_text_size (bar->value_layout, &value_width, &value_height);
      _mmx_chart_draw_text (chart, cr, bar->value_layout,
                            bar->value < 0 ? bar->area.x - value_width - 4
                                           : bar->area.x + bar->area.width + 4,
                            middle - value_height / 2, TRUE);
    }

  mmx_rgba_set_source (&style->axis, cr);
  cairo_move_to (cr, zero, self->plot.y);
  cairo_line_to (cr, zero, axis_y);
  cairo_stroke (cr);

  if (isfinite (self->reference))
    {
      double x = round (map_x (self, self->reference)) + 0.5;

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, self->plot.y - 2);
      cairo_line_to (cr, x, axis_y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (self->reference_layout != NULL)
        {
          double text_width;

          _mmx_chart_get_text_size (self->reference_layout, &text_width, NULL);
          _mmx_chart_draw_text (chart, cr, self->reference_layout,
                                MAX (x - text_width / 2, self->plot.x), 0, TRUE);
        }
    }
}

static void
mmx_bar_chart_draw_highlight (MmxChart *chart,
                              cairo_t  *cr,
                              int       item)
{
  MmxBarChart *self = MMX_BAR_CHART (chart);
  const MmxChartStyle *style = mmx_chart_get_style (chart);
  Bar *bar = &g_array_index (self->bars, Bar, item);

  mmx_rgba_set_source (&style->grid, cr);
  cairo_rectangle (cr, 0, self->plot.y + item * self->row_height,
                   self->plot.x + self->plot.width, self->row_height);
  cairo_fill (cr);
  mmx_rgba_set_source (&style->foreground, cr);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, bar->area.x, bar->area.y, MAX (bar->area.width, 1), bar->area.height);
  cairo_stroke (cr);
}

static int
mmx_bar_chart_pick (MmxChart *chart,
                    double    x,
                    double    y)
{
  MmxBarChart *self = MMX_BAR_CHART (chart);
  double row;

  if (y < self->plot.y || y >= self->plot.y + self->plot.height || x < 0)
    return -1;
  row = (y - self->plot.y) / self->row_height;
  return MIN ((int) row, (int) self->bars->len - 1);
}

static char *
mmx_bar_chart_dup_tooltip (MmxChart *chart,
                           int       item)
{
  MmxBarChart *self = MMX_BAR_CHART (chart);
  Bar *bar = &g_array_index (self->bars, Bar, item);
  g_autofree char *label = _mmx_chart_escape (bar->label);
  g_autofree char *value = _mmx_chart_format_value (chart, self->kind, bar->value);

  if (bar->details != NULL)
    return g_strdup_printf ("<b>%s</b>: %s\n%s", label, value, bar->details);
  return g_strdup_printf ("<b>%s</b>: %s", label, value);
}

static char *
mmx_bar_chart_dup_summary (MmxChart *chart)
{
  MmxBarChart *self = MMX_BAR_CHART (chart);
  GString *summary = g_string_new (NULL);

  g_string_append_printf (summary, ngettext ("Bar chart of %u item:", "Bar chart of %u items:",
                                             self->bars->len),
                          self->bars->len);
  for (guint i = 0; i < MIN (self->bars->len, 10); i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = _mmx_chart_format_value (chart, self->kind, bar->value);

      g_string_append_printf (summary, i == 0 ? " %s %s" : ", %s %s", bar->label, value);
    }
  if (self->bars->len > 10)
    g_string_append_printf (summary, ngettext (" and %u more", " and %u more",
                                               self->bars->len - 10),
                            self->bars->len - 10);
  g_string_append_c (summary, '.');
  return g_string_free (summary, FALSE);
}

static double
mmx_bar_chart_get_height_for_width (MmxChart *chart,
                                    double    width)
{
  MmxBarChart *self = MMX_BAR_CHART (chart);
  double top, bottom;

  if (self->bars->len == 0)
    return MIN_ROW_HEIGHT * 4;
  get_margins (self, &top, &bottom);
  return top + bottom + row_height (self) * self->bars->len;
}

static gboolean
mmx_bar_chart_is_empty (MmxChart *chart)
{
  return MMX_BAR_CHART (chart)->bars->len == 0;
}

static void
mmx_bar_chart_finalize (GObject *object)
{
  MmxBarChart *self = (MmxBarChart *) object;

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->reference_label, g_free);
  g_clear_object (&self->reference_layout);

  G_OBJECT_CLASS (mmx_bar_chart_parent_class)->finalize (object);
}

static void
mmx_bar_chart_class_init (MmxBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MmxChartClass *chart_class = MMX_CHART_CLASS (klass);

  object_class->finalize = mmx_bar_chart_finalize;
  chart_class->layout = mmx_bar_chart_layout;
  chart_class->draw = mmx_bar_chart_draw;
  chart_class->draw_highlight = mmx_bar_chart_draw_highlight;
  chart_class->pick = mmx_bar_chart_pick;
  chart_class->dup_tooltip = mmx_bar_chart_dup_tooltip;
  chart_class->dup_summary = mmx_bar_chart_dup_summary;
  chart_class->get_height_for_width = mmx_bar_chart_get_height_for_width;
  chart_class->is_empty = mmx_bar_chart_is_empty;
}

static void
mmx_bar_chart_init (MmxBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) bar_clear);
  self->ticks = g_array_new (FALSE, TRUE, sizeof (Tick));
  g_array_set_clear_func (self->ticks, (GDestroyNotify) tick_clear);
  self->reference = NAN;
}

/**
 * mmx_bar_chart_new:
 * @kind: what the values are
 *
 * Returns: (transfer full): a chart of horizontal bars, one per row
 */
MmxBarChart *
mmx_bar_chart_new (MmxChartValueKind kind)
{
  MmxBarChart *self = g_object_new (MMX_TYPE_BAR_CHART, NULL);

  self->kind = kind;
  return self;
}

void
mmx_bar_chart_clear (MmxBarChart *self)
{
  g_return_if_fail (MMX_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  _mmx_chart_changed (MMX_CHART (self));
}

/**
 * mmx_bar_chart_add:
 * @self: a chart
 * @label: the bar's name, beside it
 * @value: its value, negative to the left of zero; not NAN
 * @color: a colour key
 * @details: (nullable): Pango markup the tooltip adds
 */
void
mmx_bar_chart_add (MmxBarChart *self,
                   const char  *label,
                   double       value,
                   guint        color,
                   const char  *details)
{
  Bar bar = { 0 };

  g_return_if_fail (MMX_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (isfinite (value));

  bar.label = g_strdup (label);
  bar.value = value;
  bar.color = color;
  bar.details = g_strdup (details);
  g_array_append_val (self->bars, bar);
  _mmx_chart_changed (MMX_CHART (self));
}

/**
 * mmx_bar_chart_set_reference:
 * @self: a chart
 * @value: where a dashed line marks a threshold (break-even); NAN for none
 * @label: (nullable): what the line means
 */
void
mmx_bar_chart_set_reference (MmxBarChart *self,
                             double       value,
                             const char  *label)
{
  g_return_if_fail (MMX_IS_BAR_CHART (self));

  self->reference = value;
  g_free (self->reference_label);
  self->reference_label = g_strdup (label);
  _mmx_chart_changed (MMX_CHART (self));
}

guint
mmx_bar_chart_get_n_bars (MmxBarChart *self)
{
  g_return_val_if_fail (MMX_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

/**
 * mmx_bar_chart_get_value_scale:
 * @self: a chart, laid out
 *
 * Returns: (transfer none): the horizontal axis
 */
const MmxScale *
mmx_bar_chart_get_value_scale (MmxBarChart *self)
{
  g_return_val_if_fail (MMX_IS_BAR_CHART (self), NULL);

  return &self->scale;
}

const char *
mmx_bar_chart_get_value_label (MmxBarChart *self,
                               guint        tick)
{
  g_return_val_if_fail (MMX_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (tick < self->ticks->len, NULL);

  return pango_layout_get_text (g_array_index (self->ticks, Tick, tick).layout);
}

/**
 * mmx_bar_chart_get_bar_area:
 * @self: a chart, laid out
 * @bar: a bar
 * @out_area: (out): its rectangle
 */
void
mmx_bar_chart_get_bar_area (MmxBarChart *self,
                            guint        bar,
                            MmxRect     *out_area)
{
  g_return_if_fail (MMX_IS_BAR_CHART (self));
  g_return_if_fail (bar < self->bars->len);

  *out_area = g_array_index (self->bars, Bar, bar).area;
}

double
mmx_bar_chart_get_zero_x (MmxBarChart *self)
{
  g_return_val_if_fail (MMX_IS_BAR_CHART (self), 0);

  return map_x (self, 0);
}
