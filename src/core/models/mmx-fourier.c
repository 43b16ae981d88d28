/* mmx-fourier.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-fourier.h"

/**
 * mmx_fourier_terms:
 * @day: the Julian day, fractional for the middle of a week
 * @period_days: the cycle, 7 or 365.25
 * @order: how many harmonics
 * @out: (out caller-allocates) (array length=2*order): sin and cos of
 *   each harmonic, in turn
 *
 * A smooth cycle as a sum of sines and cosines, as Prophet models
 * seasonality: the more harmonics, the sharper the shapes it can take.
 * Counted from an absolute day, so a cycle's phase does not depend on
 * where the data starts.
 */
void
mmx_fourier_terms (double  day,
                   double  period_days,
                   guint   order,
                   double *out)
{
  for (guint h = 1; h <= order; h++)
    {
      double angle = 2 * G_PI * h * fmod (day, period_days) / period_days;

      out[2 * (h - 1)] = sin (angle);
      out[2 * (h - 1) + 1] = cos (angle);
    }
}
