/* mmx-donut-chart.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-donut-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-chart-private.h"
#include "mmx-donut-chart.h"
#include "mmx-legend.h"

#define HOLE 0.6
#define POP 4
#define START_ANGLE (-G_PI / 2)
#define LEGEND_BESIDE_MIN 140

typedef struct
{
  char   *label;
  double  value;
  guint   color;
} Input;

/* A slice: one input, or the smallest ones together as "Other". */
typedef struct
{
  char      *label;
  double     value;
  guint      color;
  double     share;
  double     start;
  double     end;
  GPtrArray *members;
} Slice;

struct _MmxDonutChart
{
  MmxChart     parent_instance;

  GArray      *inputs;
  GArray      *slices;
  double       total;
  char        *caption;

  /* The geometry of the last layout. */
  MmxLegend   *legend;
  double       legend_x;
  double       legend_y;
  double       cx;
  double       cy;
  double       outer;
  double       inner;
  PangoLayout *figure;
  PangoLayout *caption_layout;
};

G_DEFINE_FINAL_TYPE (MmxDonutChart, mmx_donut_chart, MMX_TYPE_CHART)

static void
input_clear (Input *input)
{
  g_free (input->label);
}

static void
slice_clear (Slice *slice)
{
  g_free (slice->label);
  g_clear_pointer (&slice->members, g_ptr_array_unref);
}

static int
compare_inputs (gconstpointer a,
                gconstpointer b)
{
  const Input *x = *(const Input **) a;
  const Input *y = *(const Input **) b;

  return x->value > y->value ? -1 : x->value < y->value;
}

/* Sorts the inputs that have a share, largest first, and folds those
 * past the last slice into "Other". */
static void
rebuild_slices (MmxDonutChart *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  double angle = START_ANGLE;
  guint n;

  g_array_set_size (self->slices, 0);
  self->total = 0;
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = &g_array_index (self->inputs, Input, i);

      if (isfinite (input->value) && input->value > 0)
        {
          g_ptr_array_add (sorted, input);
          self->total += input->value;
        }
    }
  /* g_ptr_array_sort() is stable: ties keep the order given. */
  g_ptr_array_sort (sorted, compare_inputs);

  n = sorted->len > MMX_DONUT_CHART_MAX_SLICES ? MMX_DONUT_CHART_MAX_SLICES - 1 : sorted->len;
  for (guint i = 0; i < n; i++)
    {
      Input *input = g_ptr_array_index (sorted, i);
      Slice slice = { g_strdup (input->label), input->value, input->color, 0, 0, 0, NULL };

      g_array_append_val (self->slices, slice);
    }
  if (n < sorted->len)
    {
      Slice other = { g_strdup (_("Other")), 0, MMX_CHART_COLOR_OTHER, 0, 0, 0, NULL };

      other.members = g_ptr_array_new ();
      for (guint i = n; i < sorted->len; i++)
        {
          Input *input = g_ptr_array_index (sorted, i);

          other.value += input->value;
          g_ptr_array_add (other.members, input->label);
        }
      g_array_append_val (self->slices, other);
    }

  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);

      slice->share = slice->value / self->total;
      slice->start = angle;
      angle += slice->share * 2 * G_PI;
      slice->end = i + 1 == self->slices->len ? START_ANGLE + 2 * G_PI : angle;
    }
}

static char *
legend_label (MmxDonutChart *self,
              const Slice   *slice)
{
  g_autofree char *share = mmx_number_format_percent (mmx_chart_get_number_format (MMX_CHART (self)),
                                                      slice->share, 1);

  /* TRANSLATORS: a slice in a donut's legend, "Meta Ads 32.1%" */
  return g_strdup_printf (C_("legend", "%s %s"), slice->label, share);
}

static void
mmx_donut_chart_layout (MmxChart *chart,
                        double    width,
                        double    height)
{
  MmxDonutChart *self = MMX_DONUT_CHART (chart);
  g_autofree char *total = NULL;
  double legend_width, legend_height, side;
  gboolean beside = width - height >= LEGEND_BESIDE_MIN;

  mmx_legend_clear (self->legend);
  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);
      g_autofree char *label = legend_label (self, slice);

      mmx_legend_add (self->legend, label, slice->color, MMX_LEGEND_MARK_SWATCH);
    }

  if (beside)
    {
      legend_width = MIN (width - height - MMX_CHART_GAP, width * 0.5);
      legend_height = mmx_legend_layout (self->legend, chart, legend_width, height, TRUE);
      side = MIN (width - legend_width - 2 * MMX_CHART_GAP, height);
      self->legend_x = side + 2 * MMX_CHART_GAP;
      self->legend_y = MAX ((height - legend_height) / 2, 0);
    }
  else
    {
      legend_height = mmx_legend_layout (self->legend, chart, width, height * 0.4, FALSE);
      side = MIN (width, height - legend_height - MMX_CHART_GAP);
      self->legend_x = 0;
      self->legend_y = side + MMX_CHART_GAP;
    }

  side = MAX (side, 2 * POP + 2);
  self->outer = side / 2 - POP;
  self->inner = self->outer * HOLE;
  self->cx = beside ? side / 2 : width / 2;
  self->cy = side / 2;
  _mmx_chart_set_plot_area (chart, &(MmxRect) { self->cx - side / 2, 0, side, side });

  total = mmx_number_format_compact (mmx_chart_get_number_format (chart), self->total, TRUE);
  g_clear_object (&self->figure);
  g_clear_object (&self->caption_layout);
  self->figure = _mmx_chart_create_text (chart, total, MMX_CHART_TEXT_FIGURE);
  _mmx_chart_fit_text (self->figure, 2 * self->inner * 0.85, NULL, NULL);
  if (self->caption != NULL)
    {
      self->caption_layout = _mmx_chart_create_text (chart, self->caption, MMX_CHART_TEXT_LABEL);
      _mmx_chart_fit_text (self->caption_layout, 2 * self->inner * 0.85, NULL, NULL);
    }
}

static void
path_slice (cairo_t     *cr,
            double       cx,
            double       cy,
            double       outer,
            double       inner,
            const Slice *slice)
{
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, outer, slice->start, slice->end);
  cairo_arc_negative (cr, cx, cy, inner, slice->end, slice->start);
  cairo_close_path (cr);
}

static void
draw_centered (MmxChart    *chart,
               cairo_t     *cr,
               PangoLayout *layout,
               double       cx,
               double       y,
               gboolean     dim)
{
  double width;

  _mmx_chart_get_text_size (layout, &width, NULL);
  _mmx_chart_draw_text (chart, cr, layout, cx - width / 2, y, dim);
}

static void
mmx_donut_chart_draw (MmxChart *chart,
                      cairo_t  *cr)
{
  MmxDonutChart *self = MMX_DONUT_CHART (chart);
  const MmxChartStyle *style = mmx_chart_get_style (chart);
  double figure_height, caption_height = 0, top;

  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);

      path_slice (cr, self->cx, self->cy, self->outer, self->inner, slice);
      mmx_chart_style_set_source (style, cr, slice->color, 1);
      cairo_fill (cr);
    }
  /* Thin gaps between slices, in the background's colour. */
  if (self->slices->len > 1)
    {
      mmx_rgba_set_source (&style->background, cr);
      cairo_set_line_width (cr, 1.5);
      for (guint i = 0; i < self->slices->len; i++)
        {
          Slice *slice = &g_array_index (self->slices, Slice, i);

          cairo_move_to (cr, self->cx + self->inner * cos (slice->start),
                         self->cy + self->inner * sin (slice->start));
          cairo_line_to (cr, self->cx + self->outer * cos (slice->start),
                         self->cy + self->outer * sin (slice->start));
        }
      cairo_stroke (cr);
    }

  _mmx_chart_get_text_size (self->figure, NULL, &figure_height);
  if (self->caption_layout != NULL)
    _mmx_chart_get_text_size (self->caption_layout, NULL, &caption_height);
  top = self->cy - (figure_height + caption_height) / 2;
  draw_centered (chart, cr, self->figure, self->cx, top, FALSE);
  if (self->caption_layout != NULL)
    draw_centered (chart, cr, self->caption_layout, self->cx, top + figure_height, TRUE);

  mmx_legend_draw (self->legend, chart, cr, self->legend_x, self->legend_y);
}

static void
mmx_donut_chart_draw_highlight (MmxChart *chart,
                                cairo_t  *cr,
                                int       item)
{
  MmxDonutChart *self = MMX_DONUT_CHART (chart);
  const MmxChartStyle *style = mmx_chart_get_style (chart);
  Slice *slice = &g_array_index (self->slices, Slice, item);

  path_slice (cr, self->cx, self->cy, self->outer + POP, self->inner, slice);
  mmx_chart_style_set_source (style, cr, slice->color, 1);
  cairo_fill_preserve (cr);
  mmx_rgba_set_source (&style->foreground, cr);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static int
mmx_donut_chart_pick (MmxChart *chart,
                      double    x,
                      double    y)
{
  MmxDonutChart *self = MMX_DONUT_CHART (chart);
  double dx = x - self->cx, dy = y - self->cy;
  double radius = hypot (dx, dy);
  double angle = atan2 (dy, dx);

  if (radius < self->inner || radius > self->outer + POP)
    return -1;
  while (angle < START_ANGLE)
    angle += 2 * G_PI;
  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);

      if (angle >= slice->start && angle < slice->end)
        return (int) i;
    }
  return (int) self->slices->len - 1;
}

static char *
mmx_donut_chart_dup_tooltip (MmxChart *chart,
                             int       item)
{
  MmxDonutChart *self = MMX_DONUT_CHART (chart);
  Slice *slice = &g_array_index (self->slices, Slice, item);
  g_autofree char *label = _mmx_chart_escape (slice->label);
  g_autofree char *value = _mmx_chart_format_value (chart, MMX_CHART_VALUE_MONEY, slice->value);
  g_autofree char *share = mmx_number_format_percent (mmx_chart_get_number_format (chart),
                                                      slice->share, 1);
  GString *markup = g_string_new (NULL);

  g_string_append_printf (markup, "<b>%s</b>: %s\n", label, value);
  /* TRANSLATORS: a slice's part of the whole, "32.1% of the total" */
  g_string_append_printf (markup, _("%s of the total"), share);
  if (slice->members != NULL)
    {
      for (guint i = 0; i < MIN (slice->members->len, MMX_CHART_MAX_TOOLTIP_LINES); i++)
        {
          g_autofree char *member = _mmx_chart_escape (g_ptr_array_index (slice->members, i));

          g_string_append_printf (markup, "\n• %s", member);
        }
      if (slice->members->len > MMX_CHART_MAX_TOOLTIP_LINES)
        {
          guint rest = slice->members->len - MMX_CHART_MAX_TOOLTIP_LINES;

          g_string_append_c (markup, '\n');
          g_string_append_printf (markup, ngettext ("and %u more", "and %u more", rest), rest);
        }
    }
  return g_string_free (markup, FALSE);
}

static char *
mmx_donut_chart_dup_summary (MmxChart *chart)
{
  MmxDonutChart *self = MMX_DONUT_CHART (chart);
  g_autofree char *total = _mmx_chart_format_value (chart, MMX_CHART_VALUE_MONEY, self->total);
  GString *summary = g_string_new (NULL);

  g_string_append_printf (summary, _("Donut chart of %s in all:"), total);
  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);
      g_autofree char *label = legend_label (self, slice);

      g_string_append_printf (summary, i == 0 ? " %s" : ", %s", label);
    }
  g_string_append_c (summary, '.');
  return g_string_free (summary, FALSE);
}

static gboolean
mmx_donut_chart_is_empty (MmxChart *chart)
{
  return MMX_DONUT_CHART (chart)->slices->len == 0;
}

static void
mmx_donut_chart_finalize (GObject *object)
{
  MmxDonutChart *self = (MmxDonutChart *) object;

  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_pointer (&self->inputs, g_array_unref);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->legend, mmx_legend_free);
  g_clear_object (&self->figure);
  g_clear_object (&self->caption_layout);

  G_OBJECT_CLASS (mmx_donut_chart_parent_class)->finalize (object);
}

static void
mmx_donut_chart_class_init (MmxDonutChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MmxChartClass *chart_class = MMX_CHART_CLASS (klass);

  object_class->finalize = mmx_donut_chart_finalize;
  chart_class->layout = mmx_donut_chart_layout;
  chart_class->draw = mmx_donut_chart_draw;
  chart_class->draw_highlight = mmx_donut_chart_draw_highlight;
  chart_class->pick = mmx_donut_chart_pick;
  chart_class->dup_tooltip = mmx_donut_chart_dup_tooltip;
  chart_class->dup_summary = mmx_donut_chart_dup_summary;
  chart_class->is_empty = mmx_donut_chart_is_empty;
}

static void
mmx_donut_chart_init (MmxDonutChart *self)
{
  self->inputs = g_array_new (FALSE, TRUE, sizeof (Input));
  g_array_set_clear_func (self->inputs, (GDestroyNotify) input_clear);
  self->slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  g_array_set_clear_func (self->slices, (GDestroyNotify) slice_clear);
  self->legend = mmx_legend_new ();
}

/**
 * mmx_donut_chart_new:
 *
 * Returns: (transfer full): a chart of the parts of a whole, largest
 *   first from the top, clockwise, with the total in the hole
 */
MmxDonutChart *
mmx_donut_chart_new (void)
{
  return g_object_new (MMX_TYPE_DONUT_CHART, NULL);
}

void
mmx_donut_chart_clear (MmxDonutChart *self)
{
  g_return_if_fail (MMX_IS_DONUT_CHART (self));

  g_array_set_size (self->inputs, 0);
  rebuild_slices (self);
  _mmx_chart_changed (MMX_CHART (self));
}

/**
 * mmx_donut_chart_add:
 * @self: a chart
 * @label: the part's name
 * @value: its amount; parts of no or a negative amount have no slice
 * @color: a colour key
 */
void
mmx_donut_chart_add (MmxDonutChart *self,
                     const char    *label,
                     double         value,
                     guint          color)
{
  Input input = { 0 };

  g_return_if_fail (MMX_IS_DONUT_CHART (self));
  g_return_if_fail (label != NULL);

  input.label = g_strdup (label);
  input.value = value;
  input.color = color;
  g_array_append_val (self->inputs, input);
  rebuild_slices (self);
  _mmx_chart_changed (MMX_CHART (self));
}

/**
 * mmx_donut_chart_set_caption:
 * @self: a chart
 * @caption: (nullable): what the total in the hole is, "Spend"
 */
void
mmx_donut_chart_set_caption (MmxDonutChart *self,
                             const char    *caption)
{
  g_return_if_fail (MMX_IS_DONUT_CHART (self));

  g_free (self->caption);
  self->caption = g_strdup (caption);
  _mmx_chart_changed (MMX_CHART (self));
}

guint
mmx_donut_chart_get_n_slices (MmxDonutChart *self)
{
  g_return_val_if_fail (MMX_IS_DONUT_CHART (self), 0);

  return self->slices->len;
}

const char *
mmx_donut_chart_get_slice_label (MmxDonutChart *self,
                                 guint          slice)
{
  g_return_val_if_fail (MMX_IS_DONUT_CHART (self), NULL);
  g_return_val_if_fail (slice < self->slices->len, NULL);

  return g_array_index (self->slices, Slice, slice).label;
}

double
mmx_donut_chart_get_slice_value (MmxDonutChart *self,
                                 guint          slice)
{
  g_return_val_if_fail (MMX_IS_DONUT_CHART (self), NAN);
  g_return_val_if_fail (slice < self->slices->len, NAN);

  return g_array_index (self->slices, Slice, slice).value;
}

double
mmx_donut_chart_get_slice_share (MmxDonutChart *self,
                                 guint          slice)
{
  g_return_val_if_fail (MMX_IS_DONUT_CHART (self), NAN);
  g_return_val_if_fail (slice < self->slices->len, NAN);

  return g_array_index (self->slices, Slice, slice).share;
}

/**
 * mmx_donut_chart_get_slice_angles:
 * @self: a chart
 * @slice: a slice
 * @out_start: (out): where it starts, in radians clockwise from the right
 * @out_end: (out): where it ends
 */
void
mmx_donut_chart_get_slice_angles (MmxDonutChart *self,
                                  guint          slice,
                                  double        *out_start,
                                  double        *out_end)
{
  g_return_if_fail (MMX_IS_DONUT_CHART (self));
  g_return_if_fail (slice < self->slices->len);

  *out_start = g_array_index (self->slices, Slice, slice).start;
  *out_end = g_array_index (self->slices, Slice, slice).end;
}

/**
 * mmx_donut_chart_get_ring:
 * @self: a chart, laid out
 * @out_x: (out): the centre
 * @out_y: (out): the centre's height
 * @out_outer: (out): the outer radius
 * @out_inner: (out): the radius of the hole
 */
void
mmx_donut_chart_get_ring (MmxDonutChart *self,
                          double        *out_x,
                          double        *out_y,
                          double        *out_outer,
                          double        *out_inner)
{
  g_return_if_fail (MMX_IS_DONUT_CHART (self));

  *out_x = self->cx;
  *out_y = self->cy;
  *out_outer = self->outer;
  *out_inner = self->inner;
}
