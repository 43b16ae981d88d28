/* mmx-legend.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-chart-private.h"
#include "mmx-legend.h"

#define MARK_WIDTH 16
#define SWATCH_SIZE 10
#define ENTRY_GAP 16

typedef struct
{
  char          *label;
  guint          color;
  MmxLegendMark  mark;
  PangoLayout   *layout;
  double         x;
  double         y;
} Entry;

/* The legend of a chart: a mark and a label per series, laid out in
 * rows that wrap, or one per line beside a donut. What does not fit in
 * the height given is counted in a last "and N more". */
struct _MmxLegend
{
  GArray      *entries;
  guint        n_shown;
  PangoLayout *more;
  double       more_x;
  double       more_y;
  double       line_height;
};

static void
entry_clear (Entry *entry)
{
  g_free (entry->label);
  g_clear_object (&entry->layout);
}

MmxLegend *
mmx_legend_new (void)
{
  MmxLegend *self = g_new0 (MmxLegend, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  return self;
}

void
mmx_legend_free (MmxLegend *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_clear_object (&self->more);
  g_free (self);
}

void
mmx_legend_clear (MmxLegend *self)
{
  g_array_set_size (self->entries, 0);
  g_clear_object (&self->more);
  self->n_shown = 0;
}

void
mmx_legend_add (MmxLegend     *self,
                const char    *label,
                guint          color,
                MmxLegendMark  mark)
{
  Entry entry = { g_strdup (label), color, mark, NULL, 0, 0 };

  g_array_append_val (self->entries, entry);
}

/**
 * mmx_legend_layout:
 * @self: a legend
 * @chart: the chart it belongs to, laid out in its text context
 * @width: the width available
 * @max_height: the height it may take at most
 * @one_per_line: one entry per line rather than rows that wrap
 *
 * Returns: the height it takes
 */
double
mmx_legend_layout (MmxLegend *self,
                   MmxChart  *chart,
                   double     width,
                   double     max_height,
                   gboolean   one_per_line)
{
  double x = 0, y = 0, more_width = 0;

  g_clear_object (&self->more);
  self->n_shown = 0;
  self->line_height = 0;
  if (self->entries->len == 0)
    return 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      double label_width, label_height, entry_width;

      g_clear_object (&entry->layout);
      entry->layout = _mmx_chart_create_text (chart, entry->label, MMX_CHART_TEXT_LABEL);
      _mmx_chart_fit_text (entry->layout, width - MARK_WIDTH - 6, &label_width, &label_height);
      self->line_height = MAX (self->line_height, label_height);
      entry_width = MARK_WIDTH + 6 + label_width;

      if (x > 0 && (one_per_line || x + entry_width > width))
        {
          x = 0;
          y += self->line_height + 4;
        }
      /* Keep a line for "N more" if the rest does not fit. */
      if (y + 2 * self->line_height + 4 > max_height && i + 1 < self->entries->len)
        {
          g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more",
                                                             self->entries->len - i),
                                                   self->entries->len - i);

          self->more = _mmx_chart_create_text (chart, text, MMX_CHART_TEXT_LABEL);
          _mmx_chart_get_text_size (self->more, &more_width, NULL);
          if (x > 0 && x + more_width > width)
            {
              x = 0;
              y += self->line_height + 4;
            }
          self->more_x = x;
          self->more_y = y;
          break;
        }
      entry->x = x;
      entry->y = y;
      x += entry_width + ENTRY_GAP;
      self->n_shown++;
    }
  return y + self->line_height;
}

static void
draw_mark (const Entry         *entry,
           const MmxChartStyle *style,
           cairo_t             *cr,
           double               x,
           double               y,
           double               line_height)
{
  double middle = y + line_height / 2;
  static const double dash[] = { 4, 3 };

  mmx_chart_style_set_source (style, cr, entry->color, 1);
  switch (entry->mark)
    {
    case MMX_LEGEND_MARK_SWATCH:
      cairo_rectangle (cr, x + (MARK_WIDTH - SWATCH_SIZE) / 2.0, middle - SWATCH_SIZE / 2.0,
                       SWATCH_SIZE, SWATCH_SIZE);
      cairo_fill (cr);
      break;
    case MMX_LEGEND_MARK_DASH:
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      G_GNUC_FALLTHROUGH;
    case MMX_LEGEND_MARK_LINE:
    default:
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, middle);
      cairo_line_to (cr, x + MARK_WIDTH, middle);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

void
mmx_legend_draw (MmxLegend *self,
                 MmxChart  *chart,
                 cairo_t   *cr,
                 double     x,
                 double     y)
{
  const MmxChartStyle *style = mmx_chart_get_style (chart);

  for (guint i = 0; i < self->n_shown; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      draw_mark (entry, style, cr, x + entry->x, y + entry->y, self->line_height);
      _mmx_chart_draw_text (chart, cr, entry->layout, x + entry->x + MARK_WIDTH + 6,
                            y + entry->y, FALSE);
    }
  if (self->more != NULL)
    _mmx_chart_draw_text (chart, cr, self->more, x + self->more_x, y + self->more_y, TRUE);
}
