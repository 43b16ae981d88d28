/* mmx-chart-style.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-chart"

#include "config.h"

#include <string.h>

#include "mmx-chart-style.h"

/* The GNOME palette (the HIG's), in an order where neighbours differ in
 * hue and lightness, so adjacent slices and lines stay apart. Blue and
 * green are the totals' and left out. Dark themes take the lighter row. */
static const char *channel_colors[2][MMX_CHART_N_CHANNEL_COLORS] = {
  { "#e66100", "#9141ac", "#2190a4", "#c01c28", "#c88800", "#865e3c",
    "#d56199", "#1a5fb4", "#63452c", "#5e5c64" },
  { "#ffa348", "#c061cb", "#5bc8d9", "#f66151", "#f8e45c", "#cdab8f",
    "#f4a2c4", "#99c1f1", "#deddda", "#c0bfbc" },
};

void
mmx_rgba_parse_hex (MmxRgba    *color,
                    const char *hex)
{
  guint value;

  g_return_if_fail (hex != NULL && hex[0] == '#' && strlen (hex) == 7);

  value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  color->red = ((value >> 16) & 0xff) / 255.0;
  color->green = ((value >> 8) & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1;
}

static void
init_common (MmxChartStyle *self,
             gboolean       dark)
{
  memset (self, 0, sizeof *self);
  self->dark = dark;
  for (guint i = 0; i < MMX_CHART_N_CHANNEL_COLORS; i++)
    mmx_rgba_parse_hex (&self->channels[i], channel_colors[dark][i]);
}

/**
 * mmx_chart_style_init_light:
 * @self: a style to fill
 *
 * Adwaita's light colours: dark text on white.
 */
void
mmx_chart_style_init_light (MmxChartStyle *self)
{
  init_common (self, FALSE);
  self->foreground = (MmxRgba) { 0, 0, 0, 0.8 };
  self->dim_foreground = (MmxRgba) { 0, 0, 0, 0.55 };
  self->background = (MmxRgba) { 1, 1, 1, 1 };
  self->grid = (MmxRgba) { 0, 0, 0, 0.08 };
  self->axis = (MmxRgba) { 0, 0, 0, 0.35 };
  mmx_rgba_parse_hex (&self->spend, "#3584e4");
  mmx_rgba_parse_hex (&self->revenue, "#26a269");
  mmx_rgba_parse_hex (&self->other, "#9a9996");
}

/**
 * mmx_chart_style_init_dark:
 * @self: a style to fill
 *
 * Adwaita's dark colours: light text on a dark card.
 */
void
mmx_chart_style_init_dark (MmxChartStyle *self)
{
  init_common (self, TRUE);
  self->foreground = (MmxRgba) { 1, 1, 1, 0.9 };
  self->dim_foreground = (MmxRgba) { 1, 1, 1, 0.6 };
  self->background = (MmxRgba) { 0.14, 0.14, 0.14, 1 };
  self->grid = (MmxRgba) { 1, 1, 1, 0.1 };
  self->axis = (MmxRgba) { 1, 1, 1, 0.4 };
  mmx_rgba_parse_hex (&self->spend, "#62a0ea");
  mmx_rgba_parse_hex (&self->revenue, "#57e389");
  mmx_rgba_parse_hex (&self->other, "#77767b");
}

/**
 * mmx_chart_style_get_color:
 * @self: a style
 * @key: %MMX_CHART_COLOR_SPEND, %MMX_CHART_COLOR_REVENUE,
 *   %MMX_CHART_COLOR_OTHER or MMX_CHART_COLOR_CHANNEL(i)
 *
 * Returns: (transfer none): the colour; channels past the palette cycle
 */
const MmxRgba *
mmx_chart_style_get_color (const MmxChartStyle *self,
                           guint                key)
{
  switch (key)
    {
    case MMX_CHART_COLOR_SPEND:
      return &self->spend;
    case MMX_CHART_COLOR_REVENUE:
      return &self->revenue;
    case MMX_CHART_COLOR_OTHER:
      return &self->other;
    default:
      return &self->channels[(key - MMX_CHART_COLOR_CHANNEL (0)) % MMX_CHART_N_CHANNEL_COLORS];
    }
}

void
mmx_rgba_set_source (const MmxRgba *color,
                     cairo_t       *cr)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * mmx_chart_style_set_source:
 * @self: a style
 * @cr: a cairo context
 * @key: a colour key
 * @alpha: the opacity, multiplied with the colour's
 *
 * Sets the source of @cr to the colour of @key.
 */
void
mmx_chart_style_set_source (const MmxChartStyle *self,
                            cairo_t             *cr,
                            guint                key,
                            double               alpha)
{
  const MmxRgba *color = mmx_chart_style_get_color (self, key);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}
