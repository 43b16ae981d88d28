/* mmx-scale.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-scale"

#include "config.h"

#include <math.h>

#include "mmx-scale.h"

/* Far beyond any amount of money, and far from where doubles overflow. */
#define LIMIT 1e100

static const double nice_steps[] = { 1, 2, 2.5, 5, 10 };

/**
 * mmx_scale_init_nice:
 * @self: a scale to fill
 * @low: the smallest value to show
 * @high: the largest value to show
 * @max_ticks: at most this many ticks, from 3 (a range around zero needs
 *   them) to %MMX_SCALE_MAX_TICKS
 *
 * Picks the smallest round step that covers [@low, @high] in at most
 * @max_ticks ticks. A flat range grows to hold zero, or to [0, 1] when it
 * is zero; values that are not finite are left out.
 */
void
mmx_scale_init_nice (MmxScale *self,
                     double    low,
                     double    high,
                     guint     max_ticks)
{
  double span, magnitude;

  max_ticks = CLAMP (max_ticks, 3, MMX_SCALE_MAX_TICKS);
  if (!isfinite (low))
    low = isfinite (high) ? MIN (high, 0) : 0;
  if (!isfinite (high))
    high = MAX (low, 0);
  low = CLAMP (low, -LIMIT, LIMIT);
  high = CLAMP (high, -LIMIT, LIMIT);
  if (low > high)
    {
      double swap = low;

      low = high;
      high = swap;
    }
  if (low == high)
    {
      if (low > 0)
        low = 0;
      else if (high < 0)
        high = 0;
      else
        high = 1;
    }

  span = high - low;
  magnitude = pow (10, floor (log10 (span / (max_ticks - 1))));
  /* Ten times the first step always fits, so this ends in two rounds. */
  for (guint decade = 0; ; decade++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (nice_steps); i++)
        {
          double step = nice_steps[i] * magnitude * pow (10, decade);
          double first = floor (low / step + 1e-9);
          double last = ceil (high / step - 1e-9);

          if (last - first + 1 <= max_ticks)
            {
              self->step = step;
              self->n_ticks = (guint) (last - first + 1);
              for (guint t = 0; t < self->n_ticks; t++)
                {
                  /* Each tick from its index, so errors never add up. */
                  double value = (first + t) * step;

                  self->ticks[t] = fabs (value) < step * 1e-9 ? 0 : value;
                }
              self->min = self->ticks[0];
              self->max = self->ticks[self->n_ticks - 1];
              return;
            }
        }
    }
}

/**
 * mmx_scale_map:
 * @self: a scale
 * @value: a value
 * @start: where @self's minimum goes
 * @end: where its maximum goes
 *
 * Returns: the position of @value between @start and @end
 */
double
mmx_scale_map (const MmxScale *self,
               double          value,
               double          start,
               double          end)
{
  return start + (value - self->min) / (self->max - self->min) * (end - start);
}

/**
 * mmx_scale_get_largest:
 * @self: a scale
 *
 * Returns: the largest magnitude of its ticks, which sets their unit
 */
double
mmx_scale_get_largest (const MmxScale *self)
{
  return MAX (fabs (self->min), fabs (self->max));
}
