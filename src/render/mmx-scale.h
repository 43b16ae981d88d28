/* mmx-scale.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MMX_SCALE_MAX_TICKS 16

/**
 * MmxScale:
 * @min: the low end of the axis, a multiple of @step
 * @max: the high end
 * @step: the distance between ticks: 1, 2, 2.5 or 5 times a power of ten
 * @n_ticks: the number of ticks, from @min to @max
 * @ticks: their values
 *
 * A linear axis with round ticks that covers the data.
 */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
  double ticks[MMX_SCALE_MAX_TICKS];
} MmxScale;

void   mmx_scale_init_nice  (MmxScale        *self,
                             double           low,
                             double           high,
                             guint            max_ticks);
double mmx_scale_map        (const MmxScale  *self,
                             double           value,
                             double           start,
                             double           end);
double mmx_scale_get_largest (const MmxScale *self);

G_END_DECLS
