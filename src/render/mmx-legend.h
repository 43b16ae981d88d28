/* mmx-legend.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-chart.h"

G_BEGIN_DECLS

/**
 * MmxLegendMark:
 * @MMX_LEGEND_MARK_LINE: a solid line
 * @MMX_LEGEND_MARK_DASH: a dashed line
 * @MMX_LEGEND_MARK_SWATCH: a square of colour
 */
typedef enum
{
  MMX_LEGEND_MARK_LINE,
  MMX_LEGEND_MARK_DASH,
  MMX_LEGEND_MARK_SWATCH,
} MmxLegendMark;

typedef struct _MmxLegend MmxLegend;

MmxLegend *mmx_legend_new        (void);
void       mmx_legend_free       (MmxLegend      *self);
void       mmx_legend_clear      (MmxLegend      *self);
void       mmx_legend_add        (MmxLegend      *self,
                                  const char     *label,
                                  guint           color,
                                  MmxLegendMark   mark);
double     mmx_legend_layout     (MmxLegend      *self,
                                  MmxChart       *chart,
                                  double          width,
                                  double          max_height,
                                  gboolean        one_per_line);
void       mmx_legend_draw       (MmxLegend      *self,
                                  MmxChart       *chart,
                                  cairo_t        *cr,
                                  double          x,
                                  double          y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxLegend, mmx_legend_free)

G_END_DECLS
