/* mmx-time-chart.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-time-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-chart-private.h"
#include "mmx-legend.h"
#include "mmx-time-axis.h"
#include "mmx-time-chart.h"

/* Markers on the points when they are at least this far apart. */
#define MARKER_SPACING 16
#define MARKER_RADIUS 2.5

/* Vertical room per value tick, and horizontal room per time label. */
#define VALUE_TICK_SPACING 36
#define TIME_LABEL_GAP 24

/* A series' line as points, one or a few per pixel column. */
typedef struct
{
  char    *name;
  guint    color;
  gboolean dashed;
  double  *values;
  GArray  *points;
} Series;

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
} Label;

struct _MmxTimeChart
{
  MmxChart        parent_instance;

  MmxGranularity  granularity;
  guint           n_periods;
  guint32        *period_start;
  guint          *period_days;
  GPtrArray      *series;

  /* The geometry of the last layout. */
  MmxLegend      *legend;
  double          legend_height;
  MmxRect         plot;
  MmxScale        scale;
  double         *x;
  GPtrArray      *time_ticks;
  GArray         *time_labels;
  GArray         *value_labels;
};

G_DEFINE_FINAL_TYPE (MmxTimeChart, mmx_time_chart, MMX_TYPE_CHART)

static void
series_free (Series *series)
{
  g_free (series->name);
  g_free (series->values);
  g_clear_pointer (&series->points, g_array_unref);
  g_free (series);
}

static void
label_clear (Label *label)
{
  g_clear_object (&label->layout);
}

static double
map_y (MmxTimeChart *self,
       double        value)
{
  return mmx_scale_map (&self->scale, value, self->plot.y + self->plot.height, self->plot.y);
}

static double
day_x (MmxTimeChart *self,
       guint32       day)
{
  guint32 first = self->period_start[0];
  guint32 last = self->period_start[self->n_periods - 1];

  if (first == last)
    return self->plot.x + self->plot.width / 2;
  return self->plot.x + (double) ((gint64) day - first) / (last - first) * self->plot.width;
}

/* The points of a series' line: every period, or the first, lowest,
 * highest and last value of each pixel column when periods are denser
 * than pixels, so the line keeps its peaks. */
static void
compute_points (MmxTimeChart *self,
                Series       *series)
{
  gboolean dense = self->n_periods > self->plot.width;
  int column = G_MININT;
  double low = 0, high = 0, last = 0;

  if (series->points == NULL)
    series->points = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_set_size (series->points, 0);

#define ADD_POINT(px, py) G_STMT_START { \
    double point[2] = { (px), (py) }; \
    g_array_append_vals (series->points, point, 2); \
  } G_STMT_END

  for (guint t = 0; t < self->n_periods; t++)
    {
      double value = isfinite (series->values[t]) ? series->values[t] : 0;
      double y = map_y (self, value);

      if (!dense)
        {
          ADD_POINT (self->x[t], y);
          continue;
        }
      if ((int) floor (self->x[t]) != column)
        {
          if (column != G_MININT)
            {
              ADD_POINT (column + 0.5, low);
              ADD_POINT (column + 0.5, high);
              ADD_POINT (column + 0.5, last);
            }
          column = (int) floor (self->x[t]);
          ADD_POINT (column + 0.5, y);
          low = high = y;
        }
      low = MIN (low, y);
      high = MAX (high, y);
      last = y;
    }
  if (dense && column != G_MININT)
    {
      ADD_POINT (column + 0.5, low);
      ADD_POINT (column + 0.5, high);
      ADD_POINT (column + 0.5, last);
    }
#undef ADD_POINT
}

static void
layout_value_axis (MmxTimeChart *self,
                   double        top,
                   double        bottom,
                   double       *out_label_width)
{
  double low = 0, high = 0;
  double widest = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint t = 0; t < self->n_periods; t++)
        if (isfinite (series->values[t]))
          {
            low = MIN (low, series->values[t]);
            high = MAX (high, series->values[t]);
          }
    }
  mmx_scale_init_nice (&self->scale, low, high,
                       (guint) CLAMP ((bottom - top) / VALUE_TICK_SPACING, 3, 8));

  g_array_set_size (self->value_labels, 0);
  for (guint i = 0; i < self->scale.n_ticks; i++)
    {
      g_autofree char *text = _mmx_chart_format_tick (MMX_CHART (self), MMX_CHART_VALUE_MONEY,
                                                      &self->scale, i);
      Label label = { _mmx_chart_create_text (MMX_CHART (self), text, MMX_CHART_TEXT_LABEL), 0, 0 };
      double width;

      _mmx_chart_get_text_size (label.layout, &width, NULL);
      widest = MAX (widest, width);
      g_array_append_val (self->value_labels, label);
    }
  *out_label_width = widest;
}

/* Labels the time ticks that fit, dropping one that would overlap the
 * one before or stick out of the chart. */
static void
layout_time_axis (MmxTimeChart *self,
                  double        width,
                  double        label_top)
{
  g_autoptr(PangoLayout) sample = _mmx_chart_create_text (MMX_CHART (self), "28 Sep",
                                                          MMX_CHART_TEXT_LABEL);
  double sample_width, right_of_previous = -G_MAXDOUBLE;

  _mmx_chart_get_text_size (sample, &sample_width, NULL);
  g_clear_pointer (&self->time_ticks, g_ptr_array_unref);
  self->time_ticks = mmx_time_axis_ticks (self->period_start[0],
                                          self->period_start[self->n_periods - 1],
                                          (guint) MAX (self->plot.width
                                                       / (sample_width + TIME_LABEL_GAP), 1),
                                          NULL);
  g_array_set_size (self->time_labels, 0);
  for (guint i = 0; i < self->time_ticks->len; i++)
    {
      MmxTimeTick *tick = g_ptr_array_index (self->time_ticks, i);
      Label label = { _mmx_chart_create_text (MMX_CHART (self), tick->label,
                                              MMX_CHART_TEXT_LABEL), 0, label_top };
      double label_width;

      _mmx_chart_get_text_size (label.layout, &label_width, NULL);
      label.x = CLAMP (day_x (self, tick->day) - label_width / 2, 0, width - label_width);
      if (label.x < right_of_previous + MMX_CHART_GAP)
        {
          g_object_unref (label.layout);
          label.layout = NULL;
        }
      else
        right_of_previous = label.x + label_width;
      g_array_append_val (self->time_labels, label);
    }
}

static void
mmx_time_chart_layout (MmxChart *chart,
                       double    width,
                       double    height)
{
  MmxTimeChart *self = MMX_TIME_CHART (chart);
  g_autoptr(PangoLayout) sample = _mmx_chart_create_text (chart, "0", MMX_CHART_TEXT_LABEL);
  double line_height, top, bottom, label_width;

  _mmx_chart_get_text_size (sample, NULL, &line_height);
  self->legend_height = mmx_legend_layout (self->legend, chart, width, height * 0.35, FALSE);
  top = self->legend_height > 0 ? self->legend_height + 1.5 * MMX_CHART_GAP : line_height / 2;
  bottom = height - line_height - MMX_CHART_GAP;

  layout_value_axis (self, top, bottom, &label_width);
  self->plot.x = label_width + MMX_CHART_GAP;
  self->plot.y = top;
  self->plot.width = MAX (width - self->plot.x - MMX_CHART_GAP, 1);
  self->plot.height = MAX (bottom - top, 1);
  _mmx_chart_set_plot_area (chart, &self->plot);

  for (guint i = 0; i < self->value_labels->len; i++)
    {
      Label *label = &g_array_index (self->value_labels, Label, i);
      double label_w, label_h;

      _mmx_chart_get_text_size (label->layout, &label_w, &label_h);
      label->x = label_width - label_w;
      label->y = map_y (self, self->scale.ticks[i]) - label_h / 2;
    }

  g_free (self->x);
  self->x = g_new (double, self->n_periods);
  for (guint t = 0; t < self->n_periods; t++)
    self->x[t] = day_x (self, self->period_start[t]);

  layout_time_axis (self, width, bottom + MMX_CHART_GAP / 2.0);
  for (guint s = 0; s < self->series->len; s++)
    compute_points (self, g_ptr_array_index (self->series, s));
}

static void
draw_series (MmxTimeChart *self,
             cairo_t      *cr,
             Series       *series,
             gboolean      markers)
{
  const MmxChartStyle *style = mmx_chart_get_style (MMX_CHART (self));
  static const double dash[] = { 5, 3 };
  const double *points = (const double *) series->points->data;
  guint n = series->points->len / 2;

  mmx_chart_style_set_source (style, cr, series->color, 1);
  cairo_set_line_width (cr, series->color <= MMX_CHART_COLOR_REVENUE ? 2 : 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Three times faster on a thousand points, and no different to see;
   * vector exports ignore it. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  if (series->dashed)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, points[2 * i], points[2 * i + 1]);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  if (!markers)
    return;
  for (guint i = 0; i < n; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, points[2 * i], points[2 * i + 1], MARKER_RADIUS, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
mmx_time_chart_draw (MmxChart *chart,
                     cairo_t  *cr)
{
  MmxTimeChart *self = MMX_TIME_CHART (chart);
  const MmxChartStyle *style = mmx_chart_get_style (chart);
  gboolean markers;

  mmx_legend_draw (self->legend, chart, cr, 0, 0);

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < self->scale.n_ticks; i++)
    {
      double y = round (map_y (self, self->scale.ticks[i])) + 0.5;

      mmx_rgba_set_source (self->scale.ticks[i] == 0 ? &style->axis : &style->grid, cr);
      cairo_move_to (cr, self->plot.x, y);
      cairo_line_to (cr, self->plot.x + self->plot.width, y);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < self->value_labels->len; i++)
    {
      Label *label = &g_array_index (self->value_labels, Label, i);

      _mmx_chart_draw_text (chart, cr, label->layout, label->x, label->y, TRUE);
    }

  mmx_rgba_set_source (&style->axis, cr);
  for (guint i = 0; i < self->time_ticks->len; i++)
    {
      MmxTimeTick *tick = g_ptr_array_index (self->time_ticks, i);
      double x = round (day_x (self, tick->day)) + 0.5;

      cairo_move_to (cr, x, self->plot.y + self->plot.height);
      cairo_line_to (cr, x, self->plot.y + self->plot.height + 4);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < self->time_labels->len; i++)
    {
      Label *label = &g_array_index (self->time_labels, Label, i);

      if (label->layout != NULL)
        _mmx_chart_draw_text (chart, cr, label->layout, label->x, label->y, TRUE);
    }

  markers = self->n_periods == 1 || self->plot.width / self->n_periods >= MARKER_SPACING;
  cairo_rectangle (cr, self->plot.x - MARKER_RADIUS, self->plot.y - MARKER_RADIUS,
                   self->plot.width + 2 * MARKER_RADIUS, self->plot.height + 2 * MARKER_RADIUS);
  cairo_clip (cr);
  for (guint s = 0; s < self->series->len; s++)
    draw_series (self, cr, g_ptr_array_index (self->series, s), markers);
}

static void
mmx_time_chart_draw_highlight (MmxChart *chart,
                               cairo_t  *cr,
                               int       item)
{
  MmxTimeChart *self = MMX_TIME_CHART (chart);
  const MmxChartStyle *style = mmx_chart_get_style (chart);
  double x = round (self->x[item]) + 0.5;

  mmx_rgba_set_source (&style->axis, cr);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, self->plot.y);
  cairo_line_to (cr, x, self->plot.y + self->plot.height);
  cairo_stroke (cr);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      double value = series->values[item];

      if (!isfinite (value))
        continue;
      cairo_arc (cr, self->x[item], map_y (self, value), MARKER_RADIUS + 1.5, 0, 2 * G_PI);
      mmx_rgba_set_source (&style->background, cr);
      cairo_fill_preserve (cr);
      mmx_chart_style_set_source (style, cr, series->color, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static int
mmx_time_chart_pick (MmxChart *chart,
                     double    x,
                     double    y)
{
  MmxTimeChart *self = MMX_TIME_CHART (chart);
  guint low = 0, high = self->n_periods - 1;
  double slack = self->n_periods > 1 ? self->plot.width / (self->n_periods - 1) / 2 : 24;

  if (x < self->plot.x - slack || x > self->plot.x + self->plot.width + slack
      || y < self->plot.y || y > self->plot.y + self->plot.height)
    return -1;

  /* The nearest period, by a binary search over the sorted positions. */
  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (self->x[middle] < x)
        low = middle + 1;
      else
        high = middle;
    }
  if (low > 0 && x - self->x[low - 1] < self->x[low] - x)
    low--;
  return (int) low;
}

static char *
describe_period (MmxTimeChart *self,
                 guint         period)
{
  g_autofree char *day = mmx_time_axis_format_day (self->period_start[period]);

  if (self->granularity != MMX_GRANULARITY_WEEKLY)
    return g_steal_pointer (&day);
  if (self->period_days[period] < 7)
    return g_strdup_printf (ngettext ("Week of %s (%u day in the range)",
                                      "Week of %s (%u days in the range)",
                                      self->period_days[period]),
                            day, self->period_days[period]);
  return g_strdup_printf (_("Week of %s"), day);
}

static char *
mmx_time_chart_dup_tooltip (MmxChart *chart,
                            int       item)
{
  MmxTimeChart *self = MMX_TIME_CHART (chart);
  g_autofree char *period = describe_period (self, item);
  g_autofree char *escaped = _mmx_chart_escape (period);
  GString *markup = g_string_new (NULL);

  g_string_append_printf (markup, "<b>%s</b>", escaped);
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      g_autofree char *name = _mmx_chart_escape (series->name);
      g_autofree char *value = NULL;

      if (s == MMX_CHART_MAX_TOOLTIP_LINES)
        {
          g_string_append_c (markup, '\n');
          g_string_append_printf (markup, ngettext ("and %u more", "and %u more",
                                                    self->series->len - s),
                                  self->series->len - s);
          break;
        }
      value = _mmx_chart_format_value (chart, MMX_CHART_VALUE_MONEY, series->values[item]);
      g_string_append_c (markup, '\n');
      /* TRANSLATORS: a series and its value in a tooltip, "Spend: $1,234.56" */
      g_string_append_printf (markup, C_("tooltip", "%s: %s"), name, value);
    }
  return g_string_free (markup, FALSE);
}

static char *
mmx_time_chart_dup_summary (MmxChart *chart)
{
  MmxTimeChart *self = MMX_TIME_CHART (chart);
  g_autofree char *range = mmx_time_axis_format_range (self->period_start[0],
                                                       self->period_start[self->n_periods - 1]);
  GString *summary = g_string_new (NULL);

  g_string_append_printf (summary,
                          self->granularity == MMX_GRANULARITY_WEEKLY
                          ? _("Line chart per week, %s.") : _("Line chart per day, %s."),
                          range);
  for (guint s = 0; s < MIN (self->series->len, 6); s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      g_autofree char *total = NULL;
      g_autofree char *highest = NULL;
      g_autofree char *when = NULL;
      double sum = 0;
      guint best = 0;

      for (guint t = 0; t < self->n_periods; t++)
        {
          if (isfinite (series->values[t]))
            sum += series->values[t];
          if (series->values[t] > series->values[best])
            best = t;
        }
      total = _mmx_chart_format_value (chart, MMX_CHART_VALUE_MONEY, sum);
      highest = _mmx_chart_format_value (chart, MMX_CHART_VALUE_MONEY, series->values[best]);
      when = describe_period (self, best);
      g_string_append_c (summary, ' ');
      /* TRANSLATORS: "Spend: $12,345 in all, at most $789 on Mon 3 Nov 2025." */
      g_string_append_printf (summary, _("%s: %s in all, at most %s on %s."), series->name, total,
                              highest, when);
    }
  return g_string_free (summary, FALSE);
}

static gboolean
mmx_time_chart_is_empty (MmxChart *chart)
{
  MmxTimeChart *self = MMX_TIME_CHART (chart);

  return self->n_periods == 0 || self->series->len == 0;
}

static void
mmx_time_chart_finalize (GObject *object)
{
  MmxTimeChart *self = (MmxTimeChart *) object;

  g_clear_pointer (&self->period_start, g_free);
  g_clear_pointer (&self->period_days, g_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->legend, mmx_legend_free);
  g_clear_pointer (&self->x, g_free);
  g_clear_pointer (&self->time_ticks, g_ptr_array_unref);
  g_clear_pointer (&self->time_labels, g_array_unref);
  g_clear_pointer (&self->value_labels, g_array_unref);

  G_OBJECT_CLASS (mmx_time_chart_parent_class)->finalize (object);
}

static void
mmx_time_chart_class_init (MmxTimeChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MmxChartClass *chart_class = MMX_CHART_CLASS (klass);

  object_class->finalize = mmx_time_chart_finalize;
  chart_class->layout = mmx_time_chart_layout;
  chart_class->draw = mmx_time_chart_draw;
  chart_class->draw_highlight = mmx_time_chart_draw_highlight;
  chart_class->pick = mmx_time_chart_pick;
  chart_class->dup_tooltip = mmx_time_chart_dup_tooltip;
  chart_class->dup_summary = mmx_time_chart_dup_summary;
  chart_class->is_empty = mmx_time_chart_is_empty;
}

static void
mmx_time_chart_init (MmxTimeChart *self)
{
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->legend = mmx_legend_new ();
  self->time_labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->time_labels, (GDestroyNotify) label_clear);
  self->value_labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->value_labels, (GDestroyNotify) label_clear);
}

/**
 * mmx_time_chart_new:
 *
 * Returns: (transfer full): a chart of amounts over time, one line per
 *   series
 */
MmxTimeChart *
mmx_time_chart_new (void)
{
  return g_object_new (MMX_TYPE_TIME_CHART, NULL);
}

/**
 * mmx_time_chart_set_periods:
 * @self: a chart
 * @granularity: days or weeks
 * @n_periods: how many
 * @period_start: (array length=n_periods): the Julian day each starts on,
 *   increasing
 * @period_days: (array length=n_periods): how many days of the range each
 *   holds
 *
 * Sets the time axis, and removes every series.
 */
void
mmx_time_chart_set_periods (MmxTimeChart   *self,
                            MmxGranularity  granularity,
                            guint           n_periods,
                            const guint32  *period_start,
                            const guint    *period_days)
{
  g_return_if_fail (MMX_IS_TIME_CHART (self));
  g_return_if_fail (n_periods == 0 || (period_start != NULL && period_days != NULL));

  self->granularity = granularity;
  self->n_periods = n_periods;
  g_free (self->period_start);
  g_free (self->period_days);
  g_clear_pointer (&self->x, g_free);
  self->period_start = g_memdup2 (period_start, sizeof (guint32) * n_periods);
  self->period_days = g_memdup2 (period_days, sizeof (guint) * n_periods);
  g_ptr_array_set_size (self->series, 0);
  mmx_legend_clear (self->legend);
  _mmx_chart_changed (MMX_CHART (self));
}

/**
 * mmx_time_chart_add_series:
 * @self: a chart
 * @name: the series' name in the legend and tooltips
 * @values: a value per period, @stride apart; NAN where unknown
 * @stride: how many doubles separate two values: 1, or the number of
 *   channels of an #MmxSeries
 * @color: a colour key, such as MMX_CHART_COLOR_CHANNEL(i)
 * @dashed: whether the line is dashed
 */
void
mmx_time_chart_add_series (MmxTimeChart *self,
                           const char   *name,
                           const double *values,
                           gsize         stride,
                           guint         color,
                           gboolean      dashed)
{
  Series *series;

  g_return_if_fail (MMX_IS_TIME_CHART (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (self->n_periods == 0 || values != NULL);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->color = color;
  series->dashed = dashed;
  series->values = g_new (double, MAX (self->n_periods, 1));
  for (guint t = 0; t < self->n_periods; t++)
    series->values[t] = values[t * stride];
  g_ptr_array_add (self->series, series);
  mmx_legend_add (self->legend, name, color, dashed ? MMX_LEGEND_MARK_DASH : MMX_LEGEND_MARK_LINE);
  _mmx_chart_changed (MMX_CHART (self));
}

guint
mmx_time_chart_get_n_series (MmxTimeChart *self)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), 0);

  return self->series->len;
}

/**
 * mmx_time_chart_get_value_scale:
 * @self: a chart, laid out
 *
 * Returns: (transfer none): the vertical axis
 */
const MmxScale *
mmx_time_chart_get_value_scale (MmxTimeChart *self)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), NULL);

  return &self->scale;
}

guint
mmx_time_chart_get_n_time_ticks (MmxTimeChart *self)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), 0);

  return self->time_ticks ? self->time_ticks->len : 0;
}

/**
 * mmx_time_chart_get_time_label:
 * @self: a chart, laid out
 * @tick: a tick of the time axis
 *
 * Returns: (nullable): its label, or %NULL when it was dropped because
 *   it would overlap its neighbour
 */
const char *
mmx_time_chart_get_time_label (MmxTimeChart *self,
                               guint         tick)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), NULL);
  g_return_val_if_fail (tick < self->time_labels->len, NULL);

  if (g_array_index (self->time_labels, Label, tick).layout == NULL)
    return NULL;
  return pango_layout_get_text (g_array_index (self->time_labels, Label, tick).layout);
}

guint32
mmx_time_chart_get_time_tick_day (MmxTimeChart *self,
                                  guint         tick)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), 0);
  g_return_val_if_fail (tick < self->time_ticks->len, 0);

  return ((MmxTimeTick *) g_ptr_array_index (self->time_ticks, tick))->day;
}

const char *
mmx_time_chart_get_value_label (MmxTimeChart *self,
                                guint         tick)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), NULL);
  g_return_val_if_fail (tick < self->value_labels->len, NULL);

  return pango_layout_get_text (g_array_index (self->value_labels, Label, tick).layout);
}

double
mmx_time_chart_get_period_x (MmxTimeChart *self,
                             guint         period)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), 0);
  g_return_val_if_fail (period < self->n_periods && self->x != NULL, 0);

  return self->x[period];
}

double
mmx_time_chart_get_value_y (MmxTimeChart *self,
                            double        value)
{
  g_return_val_if_fail (MMX_IS_TIME_CHART (self), 0);

  return map_y (self, value);
}
