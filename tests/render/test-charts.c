/* test-charts.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The charts, laid out and drawn headless on cairo image surfaces. The
 * checks are on geometry, not pixels, except where no text is involved:
 * fonts differ between machines. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "mmx-dashboard-charts.h"
#include "mmx-date.h"

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  double           width;
  double           height;
} Canvas;

static void
canvas_init (Canvas *canvas,
             double  width,
             double  height)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  canvas->width = width;
  canvas->height = height;
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  canvas->cr = cairo_create (canvas->surface);
  canvas->context = pango_cairo_create_context (canvas->cr);
  pango_context_set_font_description (canvas->context, font);
  pango_font_description_free (font);
}

static void
canvas_clear (Canvas *canvas)
{
  g_object_unref (canvas->context);
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Canvas, canvas_clear)

/* Lays out and draws, and checks cairo is happy. */
static void
draw (MmxChart *chart,
      Canvas   *canvas)
{
  mmx_chart_ensure_layout (chart, canvas->context, canvas->width, canvas->height);
  mmx_chart_draw (chart, canvas->cr);
  mmx_chart_draw_highlight (chart, canvas->cr, mmx_chart_pick (chart, canvas->width / 2,
                                                               canvas->height / 2));
  g_assert_cmpint (cairo_status (canvas->cr), ==, CAIRO_STATUS_SUCCESS);
}

static guint32
pixel_at (Canvas *canvas,
          double  x,
          double  y)
{
  cairo_surface_flush (canvas->surface);
  return *(guint32 *) (cairo_image_surface_get_data (canvas->surface)
                       + (int) y * cairo_image_surface_get_stride (canvas->surface)
                       + (int) x * 4);
}

static guint32
argb_of (const MmxRgba *color)
{
  return 0xff000000u | (guint32) round (color->red * 255) << 16
         | (guint32) round (color->green * 255) << 8 | (guint32) round (color->blue * 255);
}

static void
fill_days (guint32  *days,
           guint    *lengths,
           guint     n,
           guint32   first)
{
  for (guint i = 0; i < n; i++)
    {
      days[i] = first + i;
      lengths[i] = 1;
    }
}

static void
test_time_empty (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxTimeChart) chart = mmx_time_chart_new ();
  g_autofree char *summary = NULL;

  canvas_init (&canvas, 400, 200);
  g_assert_true (mmx_chart_is_empty (MMX_CHART (chart)));
  draw (MMX_CHART (chart), &canvas);
  g_assert_cmpint (mmx_chart_pick (MMX_CHART (chart), 200, 100), ==, -1);
  g_assert_null (mmx_chart_dup_tooltip (MMX_CHART (chart), 0));
  summary = mmx_chart_dup_summary (MMX_CHART (chart));
  g_assert_cmpstr (summary, ==, mmx_chart_get_empty_text (MMX_CHART (chart)));

  /* Periods but no series is empty too. */
  mmx_time_chart_set_periods (chart, MMX_GRANULARITY_DAILY, 3, (guint32[]) { 10, 11, 12 },
                              (guint[]) { 1, 1, 1 });
  g_assert_true (mmx_chart_is_empty (MMX_CHART (chart)));
  draw (MMX_CHART (chart), &canvas);
}

static void
test_time_single_point (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxTimeChart) chart = mmx_time_chart_new ();
  guint32 day = mmx_date_julian_from_iso ("2025-11-03");
  const MmxScale *scale;
  g_autofree char *tooltip = NULL;
  MmxRect plot;

  canvas_init (&canvas, 600, 300);
  mmx_time_chart_set_periods (chart, MMX_GRANULARITY_DAILY, 1, &day, (guint[]) { 1 });
  mmx_time_chart_add_series (chart, "Spend", (double[]) { 100 }, 1, MMX_CHART_COLOR_SPEND, FALSE);
  mmx_time_chart_add_series (chart, "Revenue", (double[]) { 250 }, 1, MMX_CHART_COLOR_REVENUE,
                             FALSE);
  draw (MMX_CHART (chart), &canvas);

  mmx_chart_get_plot_area (MMX_CHART (chart), &plot);
  g_assert_cmpfloat (plot.width, >, 0);
  g_assert_cmpfloat (mmx_time_chart_get_period_x (chart, 0), ==, plot.x + plot.width / 2);
  scale = mmx_time_chart_get_value_scale (chart);
  g_assert_cmpfloat (scale->min, ==, 0);
  g_assert_cmpfloat (scale->max, >=, 250);
  g_assert_cmpuint (mmx_time_chart_get_n_time_ticks (chart), ==, 1);
  g_assert_cmpstr (mmx_time_chart_get_time_label (chart, 0), ==, "3 Nov");

  g_assert_cmpint (mmx_chart_pick (MMX_CHART (chart), plot.x + plot.width / 2, plot.y + 5), ==, 0);
  tooltip = mmx_chart_dup_tooltip (MMX_CHART (chart), 0);
  g_assert_cmpstr (tooltip, ==, "<b>Mon 3 Nov 2025</b>\nSpend: $100.00\nRevenue: $250.00");
}

static void
test_time_years (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxTimeChart) chart = mmx_time_chart_new ();
  guint32 days[1095];
  guint lengths[1095];
  double values[1095];
  const MmxScale *scale;
  double previous_x = -1;
  guint32 previous_day = 0;
  MmxRect plot;
  int picked;

  canvas_init (&canvas, 360, 240);
  fill_days (days, lengths, G_N_ELEMENTS (days), mmx_date_julian_from_iso ("2023-01-01"));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 1000 + 800 * sin (i / 20.0);
  mmx_time_chart_set_periods (chart, MMX_GRANULARITY_DAILY, G_N_ELEMENTS (days), days, lengths);
  mmx_time_chart_add_series (chart, "Spend", values, 1, MMX_CHART_COLOR_SPEND, FALSE);
  draw (MMX_CHART (chart), &canvas);

  /* Phone width: the labels that are kept neither overlap nor go back. */
  for (guint i = 0; i < mmx_time_chart_get_n_time_ticks (chart); i++)
    {
      guint32 day = mmx_time_chart_get_time_tick_day (chart, i);

      g_assert_cmpuint (day, >, previous_day);
      previous_day = day;
    }
  g_assert_cmpuint (mmx_time_chart_get_n_time_ticks (chart), >=, 2);
  g_assert_cmpuint (mmx_time_chart_get_n_time_ticks (chart), <=, 8);
  g_assert_nonnull (mmx_time_chart_get_time_label (chart, 0));

  scale = mmx_time_chart_get_value_scale (chart);
  g_assert_cmpfloat (scale->min, ==, 0);
  g_assert_cmpfloat (scale->max, >=, 1800);
  g_assert_cmpstr (mmx_time_chart_get_value_label (chart, 0), ==, "$0");
  g_assert_true (g_str_has_suffix (mmx_time_chart_get_value_label (chart, scale->n_ticks - 1),
                                   "K"));

  mmx_chart_get_plot_area (MMX_CHART (chart), &plot);
  for (guint t = 0; t < G_N_ELEMENTS (days); t++)
    {
      double x = mmx_time_chart_get_period_x (chart, t);

      g_assert_cmpfloat (x, >=, previous_x);
      g_assert_cmpfloat (x, >=, plot.x);
      g_assert_cmpfloat (x, <=, plot.x + plot.width + 1e-9);
      previous_x = x;
    }

  /* The period nearest the pointer. */
  picked = mmx_chart_pick (MMX_CHART (chart), mmx_time_chart_get_period_x (chart, 500) + 0.01,
                           plot.y + plot.height / 2);
  g_assert_cmpint (abs (picked - 500), <=, 1);
  g_assert_cmpint (mmx_chart_pick (MMX_CHART (chart), plot.x, plot.y - 1), ==, -1);
}

static void
test_time_negative_and_huge (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxTimeChart) chart = mmx_time_chart_new ();
  guint32 days[4];
  guint lengths[4];
  const MmxScale *scale;
  MmxRect plot;
  double zero;

  canvas_init (&canvas, 500, 300);
  fill_days (days, lengths, 4, mmx_date_julian_from_iso ("2025-01-01"));
  mmx_time_chart_set_periods (chart, MMX_GRANULARITY_DAILY, 4, days, lengths);
  /* Refunds larger than the sales of a day. */
  mmx_time_chart_add_series (chart, "Revenue", (double[]) { 800, -450, 1200, NAN }, 1,
                             MMX_CHART_COLOR_REVENUE, TRUE);
  draw (MMX_CHART (chart), &canvas);
  scale = mmx_time_chart_get_value_scale (chart);
  g_assert_cmpfloat (scale->min, <=, -450);
  g_assert_cmpfloat (scale->min, <, 0);
  g_assert_cmpfloat (scale->max, >=, 1200);
  mmx_chart_get_plot_area (MMX_CHART (chart), &plot);
  zero = mmx_time_chart_get_value_y (chart, 0);
  g_assert_cmpfloat (zero, >, plot.y);
  g_assert_cmpfloat (zero, <, plot.y + plot.height);
  g_assert_true (g_str_has_prefix (mmx_time_chart_get_value_label (chart, 0), "−$"));

  mmx_time_chart_set_periods (chart, MMX_GRANULARITY_DAILY, 4, days, lengths);
  mmx_time_chart_add_series (chart, "Spend", (double[]) { 1e15, 3.2e15, 0, 2e15 }, 1,
                             MMX_CHART_COLOR_SPEND, FALSE);
  draw (MMX_CHART (chart), &canvas);
  scale = mmx_time_chart_get_value_scale (chart);
  g_assert_cmpfloat (scale->max, >=, 3.2e15);
  g_assert_true (g_str_has_suffix (mmx_time_chart_get_value_label (chart, scale->n_ticks - 1),
                                   "T"));
}

static void
test_time_weekly_tooltip (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxTimeChart) chart = mmx_time_chart_new ();
  guint32 monday = mmx_date_julian_from_iso ("2025-03-03");
  g_autofree char *partial = NULL;
  g_autofree char *summary = NULL;

  canvas_init (&canvas, 500, 300);
  mmx_time_chart_set_periods (chart, MMX_GRANULARITY_WEEKLY, 2,
                              (guint32[]) { monday, monday + 7 }, (guint[]) { 7, 3 });
  mmx_time_chart_add_series (chart, "Spend", (double[]) { 700, 300 }, 1, MMX_CHART_COLOR_SPEND,
                             FALSE);
  draw (MMX_CHART (chart), &canvas);
  partial = mmx_chart_dup_tooltip (MMX_CHART (chart), 1);
  g_assert_cmpstr (partial, ==, "<b>Week of Mon 10 Mar 2025 (3 days in the range)</b>\n"
                                "Spend: $300.00");
  summary = mmx_chart_dup_summary (MMX_CHART (chart));
  g_assert_cmpstr (summary, ==, "Line chart per week, 3 Mar – 10 Mar 2025. Spend: $1,000.00 in all, "
                                "at most $700.00 on Week of Mon 3 Mar 2025.");
}

static MmxBarChart *
make_bars (guint n)
{
  MmxBarChart *chart = mmx_bar_chart_new (MMX_CHART_VALUE_RATIO);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Channel %02u with a long name", i);

      mmx_bar_chart_add (chart, name, 0.5 + i * 0.1, MMX_CHART_COLOR_CHANNEL (i), NULL);
    }
  mmx_bar_chart_set_reference (chart, 1, "Break-even");
  return chart;
}

static void
test_bars_one_and_fifty (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxBarChart) one = make_bars (1);
  g_autoptr(MmxBarChart) fifty = make_bars (50);
  double one_height, fifty_height, row;
  MmxRect plot, previous = { 0 };

  canvas_init (&canvas, 480, 2000);
  one_height = mmx_chart_get_height_for_width (MMX_CHART (one), canvas.context, 480);
  fifty_height = mmx_chart_get_height_for_width (MMX_CHART (fifty), canvas.context, 480);
  row = (fifty_height - one_height) / 49;
  g_assert_cmpfloat (row, >=, 24);
  g_assert_cmpfloat (one_height, <, 120);

  canvas.height = fifty_height;
  draw (MMX_CHART (fifty), &canvas);
  mmx_chart_get_plot_area (MMX_CHART (fifty), &plot);
  for (guint i = 0; i < 50; i++)
    {
      MmxRect bar;

      mmx_bar_chart_get_bar_area (fifty, i, &bar);
      g_assert_cmpfloat (bar.height, >, 10);
      if (i > 0)
        g_assert_cmpfloat (bar.y, >=, previous.y + previous.height);
      g_assert_cmpfloat (bar.x, ==, mmx_bar_chart_get_zero_x (fifty));
      g_assert_cmpfloat (bar.x + bar.width, <=, plot.x + plot.width + 1e-9);
      /* The pointer over a bar picks it. */
      g_assert_cmpint (mmx_chart_pick (MMX_CHART (fifty), bar.x + 1, bar.y + bar.height / 2), ==,
                       (int) i);
      previous = bar;
    }
  /* Longer bars for larger values: 5.4 is the last. */
  g_assert_cmpfloat (previous.width, >, 0);
  g_assert_cmpfloat (mmx_bar_chart_get_value_scale (fifty)->max, >=, 5.4);
  g_assert_true (g_str_has_suffix (mmx_bar_chart_get_value_label (fifty, 0), "×"));

  canvas.height = one_height;
  draw (MMX_CHART (one), &canvas);
  g_assert_cmpuint (mmx_bar_chart_get_n_bars (one), ==, 1);
  /* The break-even line widens the axis beyond a ROAS of 0.5. */
  g_assert_cmpfloat (mmx_bar_chart_get_value_scale (one)->max, >=, 1);
}

static void
test_bars_negative (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxBarChart) chart = mmx_bar_chart_new (MMX_CHART_VALUE_MONEY);
  g_autofree char *tooltip = NULL;
  g_autofree char *summary = NULL;
  MmxRect loss, gain;

  canvas_init (&canvas, 500, 200);
  mmx_bar_chart_add (chart, "Refunds", -300, MMX_CHART_COLOR_CHANNEL (0), "<i>returned</i>");
  mmx_bar_chart_add (chart, "Sales", 900, MMX_CHART_COLOR_CHANNEL (1), NULL);
  draw (MMX_CHART (chart), &canvas);
  mmx_bar_chart_get_bar_area (chart, 0, &loss);
  mmx_bar_chart_get_bar_area (chart, 1, &gain);
  g_assert_cmpfloat (loss.x + loss.width, ==, mmx_bar_chart_get_zero_x (chart));
  g_assert_cmpfloat (gain.x, ==, mmx_bar_chart_get_zero_x (chart));
  g_assert_cmpfloat_with_epsilon (gain.width / loss.width, 3, 1e-9);

  tooltip = mmx_chart_dup_tooltip (MMX_CHART (chart), 0);
  g_assert_cmpstr (tooltip, ==, "<b>Refunds</b>: −$300.00\n<i>returned</i>");
  summary = mmx_chart_dup_summary (MMX_CHART (chart));
  g_assert_cmpstr (summary, ==, "Bar chart of 2 items: Refunds −$300.00, Sales $900.00.");
}

static void
test_bars_pixels (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxBarChart) chart = mmx_bar_chart_new (MMX_CHART_VALUE_NUMBER);
  MmxChartStyle dark;
  MmxRect bar;

  canvas_init (&canvas, 400, 120);
  mmx_bar_chart_add (chart, "A", 10, MMX_CHART_COLOR_CHANNEL (2), NULL);
  draw (MMX_CHART (chart), &canvas);
  mmx_bar_chart_get_bar_area (chart, 0, &bar);
  g_assert_cmphex (pixel_at (&canvas, bar.x + bar.width / 2, bar.y + bar.height / 2), ==,
                   argb_of (mmx_chart_style_get_color (mmx_chart_get_style (MMX_CHART (chart)),
                                                       MMX_CHART_COLOR_CHANNEL (2))));

  /* The dark style draws the dark palette. */
  mmx_chart_style_init_dark (&dark);
  mmx_chart_set_style (MMX_CHART (chart), &dark);
  draw (MMX_CHART (chart), &canvas);
  g_assert_cmphex (pixel_at (&canvas, bar.x + bar.width / 2, bar.y + bar.height / 2), ==,
                   argb_of (mmx_chart_style_get_color (&dark, MMX_CHART_COLOR_CHANNEL (2))));
}

static void
test_donut_one_and_fifty (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxDonutChart) one = mmx_donut_chart_new ();
  g_autoptr(MmxDonutChart) fifty = mmx_donut_chart_new ();
  double start, end, cx, cy, outer, inner, other = 0, sum = 0;
  g_autofree char *tooltip = NULL;

  canvas_init (&canvas, 480, 260);
  mmx_donut_chart_add (one, "Only", 42, MMX_CHART_COLOR_CHANNEL (0));
  draw (MMX_CHART (one), &canvas);
  g_assert_cmpuint (mmx_donut_chart_get_n_slices (one), ==, 1);
  g_assert_cmpfloat (mmx_donut_chart_get_slice_share (one, 0), ==, 1);
  mmx_donut_chart_get_slice_angles (one, 0, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 2 * G_PI, 1e-12);

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Channel %02u", i);

      mmx_donut_chart_add (fifty, name, 50 - i, MMX_CHART_COLOR_CHANNEL (i));
      if (i >= MMX_DONUT_CHART_MAX_SLICES - 1)
        other += 50 - i;
    }
  /* Nothing spent, or refunds: no slice. */
  mmx_donut_chart_add (fifty, "Nothing", 0, MMX_CHART_COLOR_CHANNEL (0));
  mmx_donut_chart_add (fifty, "Refunds", -10, MMX_CHART_COLOR_CHANNEL (0));
  draw (MMX_CHART (fifty), &canvas);
  g_assert_cmpuint (mmx_donut_chart_get_n_slices (fifty), ==, MMX_DONUT_CHART_MAX_SLICES);
  g_assert_cmpstr (mmx_donut_chart_get_slice_label (fifty, 0), ==, "Channel 00");
  g_assert_cmpstr (mmx_donut_chart_get_slice_label (fifty, MMX_DONUT_CHART_MAX_SLICES - 1), ==,
                   "Other");
  g_assert_cmpfloat (mmx_donut_chart_get_slice_value (fifty, MMX_DONUT_CHART_MAX_SLICES - 1), ==,
                     other);
  for (guint i = 0; i < MMX_DONUT_CHART_MAX_SLICES; i++)
    sum += mmx_donut_chart_get_slice_share (fifty, i);
  g_assert_cmpfloat_with_epsilon (sum, 1, 1e-12);

  /* The middle of each slice picks it. */
  mmx_donut_chart_get_ring (fifty, &cx, &cy, &outer, &inner);
  g_assert_cmpfloat (inner, >, 0);
  g_assert_cmpfloat (outer, <=, canvas.height / 2);
  for (guint i = 0; i < MMX_DONUT_CHART_MAX_SLICES; i++)
    {
      double middle, radius = (outer + inner) / 2;

      mmx_donut_chart_get_slice_angles (fifty, i, &start, &end);
      middle = (start + end) / 2;
      g_assert_cmpint (mmx_chart_pick (MMX_CHART (fifty), cx + radius * cos (middle),
                                       cy + radius * sin (middle)), ==, (int) i);
    }
  /* The hole and the outside pick nothing. */
  g_assert_cmpint (mmx_chart_pick (MMX_CHART (fifty), cx, cy), ==, -1);
  g_assert_cmpint (mmx_chart_pick (MMX_CHART (fifty), cx + outer + 20, cy), ==, -1);

  tooltip = mmx_chart_dup_tooltip (MMX_CHART (fifty), MMX_DONUT_CHART_MAX_SLICES - 1);
  g_assert_true (g_str_has_prefix (tooltip, "<b>Other</b>: $"));
  g_assert_nonnull (strstr (tooltip, "• Channel 07"));
  g_assert_nonnull (strstr (tooltip, "and 31 more"));
}

static void
test_donut_nothing (void)
{
  g_auto(Canvas) canvas = { 0 };
  g_autoptr(MmxDonutChart) chart = mmx_donut_chart_new ();

  canvas_init (&canvas, 300, 300);
  mmx_donut_chart_add (chart, "Nothing", 0, MMX_CHART_COLOR_CHANNEL (0));
  mmx_donut_chart_add (chart, "Unknown", NAN, MMX_CHART_COLOR_CHANNEL (1));
  g_assert_true (mmx_chart_is_empty (MMX_CHART (chart)));
  draw (MMX_CHART (chart), &canvas);
}

static char *
read_head (const char *path,
           gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, length);
  return g_strndup (contents, length);
}

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mmx-render-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "chart.png", NULL);
  g_autofree char *head = NULL;
  g_autoptr(MmxBarChart) chart = make_bars (5);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Canvas) canvas = { 0 };
  MmxChartStyle dark;
  cairo_surface_t *image;

  /* Exports are light even when the window is dark. */
  mmx_chart_style_init_dark (&dark);
  mmx_chart_set_style (MMX_CHART (chart), &dark);
  canvas_init (&canvas, 400, 300);
  draw (MMX_CHART (chart), &canvas);

  file = g_file_new_for_path (png);
  g_assert_true (mmx_chart_export (MMX_CHART (chart), file, MMX_CHART_FORMAT_PNG,
                                   MMX_CHART_EXPORT_WIDTH, MMX_CHART_EXPORT_HEIGHT,
                                   "ROAS per channel", NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==,
                   MMX_CHART_EXPORT_WIDTH * MMX_CHART_EXPORT_SCALE);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==,
                   MMX_CHART_EXPORT_HEIGHT * MMX_CHART_EXPORT_SCALE);
  /* A white page. */
  g_assert_cmphex (*(guint32 *) cairo_image_surface_get_data (image), ==, 0xffffffff);
  cairo_surface_destroy (image);
  g_assert_true (mmx_chart_get_style (MMX_CHART (chart))->dark);

  g_clear_object (&file);
  file = g_file_new_for_path (svg);
  g_assert_true (mmx_chart_export (MMX_CHART (chart), file, MMX_CHART_FORMAT_SVG, 480, 270, NULL,
                                   NULL, &error));
  head = read_head (svg, 5);
  g_assert_cmpstr (head, ==, "<?xml");
  g_clear_pointer (&head, g_free);

  g_clear_object (&file);
  file = g_file_new_for_path (pdf);
  g_assert_true (mmx_chart_export (MMX_CHART (chart), file, MMX_CHART_FORMAT_PDF, 480, 270, NULL,
                                   NULL, &error));
  head = read_head (pdf, 5);
  g_assert_cmpstr (head, ==, "%PDF-");

  /* The window lays the chart out again afterwards. */
  draw (MMX_CHART (chart), &canvas);

  g_clear_object (&file);
  file = g_file_new_for_path (missing);
  g_assert_false (mmx_chart_export (MMX_CHART (chart), file, MMX_CHART_FORMAT_PNG, 100, 100, NULL,
                                    NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "chart.png"));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* KPIs and a series built by hand, as the core returns them. */
static MmxKpis *
make_kpis (void)
{
  static const struct
  {
    const char *name;
    gboolean    total;
    double      spend;
    double      revenue;
  } rows[] = {
    { "Google Ads", FALSE, 300, 450 },
    { "Meta Ads", FALSE, 200, 800 },
    { "TikTok Ads", FALSE, 100, NAN },
    { "Unattributed", TRUE, 0, 1000 },
  };
  MmxKpis *kpis = g_new0 (MmxKpis, 1);

  kpis->channels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      MmxChannelKpis *channel = g_new0 (MmxChannelKpis, 1);

      channel->name = (char *) rows[i].name;
      channel->is_total = rows[i].total;
      channel->spend = rows[i].spend;
      channel->revenue = rows[i].revenue;
      channel->roas = rows[i].spend > 0 ? rows[i].revenue / rows[i].spend : NAN;
      g_ptr_array_add (kpis->channels, channel);
    }
  return kpis;
}

static void
free_kpis (MmxKpis *kpis)
{
  g_ptr_array_unref (kpis->channels);
  g_free (kpis);
}

static void
test_dashboard_charts (void)
{
  MmxKpis *kpis = make_kpis ();
  g_autoptr(MmxBarChart) roas = mmx_bar_chart_new (MMX_CHART_VALUE_RATIO);
  g_autoptr(MmxDonutChart) share = mmx_donut_chart_new ();
  g_autoptr(MmxTimeChart) time = mmx_time_chart_new ();
  g_auto(Canvas) canvas = { 0 };
  guint32 first = mmx_date_julian_from_iso ("2025-01-01");
  guint32 starts[2] = { first, first + 1 };
  guint days[2] = { 1, 1 };
  char *names[] = { "Google Ads", "Meta Ads", "TikTok Ads", NULL };
  double spend[6] = { 1, 2, 3, 4, 5, 6 };
  double revenue[6] = { 0 };
  double totals[2] = { 6, 15 };
  MmxSeries series = { MMX_GRANULARITY_DAILY, 2, starts, days, 3, names, spend, revenue,
                       totals, totals };
  const char *shown[] = { "Meta Ads", "TikTok Ads", NULL };
  g_autofree char *tooltip = NULL;

  canvas_init (&canvas, 500, 300);
  g_assert_cmpuint (mmx_dashboard_channel_color (kpis, "Google Ads"), ==,
                    MMX_CHART_COLOR_CHANNEL (0));
  g_assert_cmpuint (mmx_dashboard_channel_color (kpis, "TikTok Ads"), ==,
                    MMX_CHART_COLOR_CHANNEL (2));
  g_assert_cmpuint (mmx_dashboard_channel_color (kpis, "Nobody"), ==, MMX_CHART_COLOR_OTHER);

  /* Highest ROAS first; no bar without a ROAS, nor for the total. */
  mmx_dashboard_fill_roas_chart (roas, kpis);
  g_assert_cmpuint (mmx_bar_chart_get_n_bars (roas), ==, 2);
  draw (MMX_CHART (roas), &canvas);
  tooltip = mmx_chart_dup_tooltip (MMX_CHART (roas), 0);
  g_assert_cmpstr (tooltip, ==, "<b>Meta Ads</b>: 4.00×\nSpend $200.00, revenue $800.00");

  mmx_dashboard_fill_share_chart (share, kpis);
  g_assert_cmpuint (mmx_donut_chart_get_n_slices (share), ==, 3);
  g_assert_cmpfloat (mmx_donut_chart_get_slice_share (share, 0), ==, 0.5);
  draw (MMX_CHART (share), &canvas);

  /* The totals, then each channel's spend and the revenue it reports. */
  mmx_dashboard_fill_time_chart (time, &series, kpis, TRUE, NULL);
  g_assert_cmpuint (mmx_time_chart_get_n_series (time), ==, 2);
  mmx_dashboard_fill_time_chart (time, &series, kpis, TRUE, shown);
  g_assert_cmpuint (mmx_time_chart_get_n_series (time), ==, 2 + 2 + 1);
  mmx_dashboard_fill_time_chart (time, &series, kpis, FALSE, NULL);
  g_assert_true (mmx_chart_is_empty (MMX_CHART (time)));
  mmx_dashboard_fill_time_chart (time, &series, kpis, FALSE, shown);
  draw (MMX_CHART (time), &canvas);
  g_clear_pointer (&tooltip, g_free);
  tooltip = mmx_chart_dup_tooltip (MMX_CHART (time), 1);
  /* Meta Ads is the second channel of the series: 5 on the second day. */
  g_assert_cmpstr (tooltip, ==, "<b>Thu 2 Jan 2025</b>\nMeta Ads spend: $5.00\n"
                                "Meta Ads revenue: $0.00\nTikTok Ads spend: $6.00");

  /* Only unattributed revenue: no ROAS to show, and the reason why. */
  for (guint i = 0; i < 3; i++)
    ((MmxChannelKpis *) g_ptr_array_index (kpis->channels, i))->roas = NAN;
  mmx_dashboard_fill_roas_chart (roas, kpis);
  g_assert_true (mmx_chart_is_empty (MMX_CHART (roas)));
  g_assert_nonnull (strstr (mmx_chart_get_empty_text (MMX_CHART (roas)), "revenue of its own"));

  free_kpis (kpis);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/render/time-chart/empty", test_time_empty);
  g_test_add_func ("/mmx/render/time-chart/single-point", test_time_single_point);
  g_test_add_func ("/mmx/render/time-chart/three-years", test_time_years);
  g_test_add_func ("/mmx/render/time-chart/negative-and-huge", test_time_negative_and_huge);
  g_test_add_func ("/mmx/render/time-chart/weekly-tooltip", test_time_weekly_tooltip);
  g_test_add_func ("/mmx/render/bar-chart/one-and-fifty", test_bars_one_and_fifty);
  g_test_add_func ("/mmx/render/bar-chart/negative", test_bars_negative);
  g_test_add_func ("/mmx/render/bar-chart/pixels", test_bars_pixels);
  g_test_add_func ("/mmx/render/donut-chart/one-and-fifty", test_donut_one_and_fifty);
  g_test_add_func ("/mmx/render/donut-chart/nothing", test_donut_nothing);
  g_test_add_func ("/mmx/render/chart/export", test_export);
  g_test_add_func ("/mmx/render/dashboard-charts", test_dashboard_charts);

  return g_test_run ();
}
