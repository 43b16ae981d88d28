/* mmx-adstock.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-adstock.h"

const char *
mmx_adstock_kind_to_string (MmxAdstockKind kind)
{
  return kind == MMX_ADSTOCK_WEIBULL ? "weibull" : "geometric";
}

static double
weibull_density (double shape,
                 double scale,
                 double t)
{
  double z = t / scale;

  return shape / scale * pow (z, shape - 1) * exp (-pow (z, shape));
}

/* The Weibull density at the middle of each period, scaled so the
 * strongest is 1. The middle, so a shape below 1 (a density infinite at 0)
 * still gives finite weights. Returns the number of weights. */
static guint
weibull_weights (const MmxAdstock *self,
                 double           *weights)
{
  guint n_lags = MIN (self->n_lags, MMX_ADSTOCK_MAX_LAGS);
  double peak = 0;

  for (guint l = 0; l < n_lags; l++)
    {
      weights[l] = weibull_density (self->shape, self->scale, l + 0.5);
      peak = MAX (peak, weights[l]);
    }
  for (guint l = 0; l < n_lags; l++)
    weights[l] = peak > 0 ? weights[l] / peak : (l == 0);
  return n_lags;
}

/**
 * mmx_adstock_get_weight:
 * @self: an adstock
 * @lag: periods after the spend
 *
 * Returns: the weight of spend @lag periods ago in today's effect
 */
double
mmx_adstock_get_weight (const MmxAdstock *self,
                        guint             lag)
{
  double weights[MMX_ADSTOCK_MAX_LAGS];

  g_return_val_if_fail (self != NULL, 0);

  if (self->kind == MMX_ADSTOCK_GEOMETRIC)
    return pow (self->decay, lag);
  return lag < weibull_weights (self, weights) ? weights[lag] : 0;
}

/**
 * mmx_adstock_get_gain:
 * @self: an adstock
 *
 * Returns: the sum of all weights: how much a steady spend adds up to
 */
double
mmx_adstock_get_gain (const MmxAdstock *self)
{
  double weights[MMX_ADSTOCK_MAX_LAGS];
  double sum = 0;
  guint n_lags;

  g_return_val_if_fail (self != NULL, 1);

  if (self->kind == MMX_ADSTOCK_GEOMETRIC)
    return 1 / (1 - self->decay);
  n_lags = weibull_weights (self, weights);
  for (guint l = 0; l < n_lags; l++)
    sum += weights[l];
  return sum;
}

/**
 * mmx_adstock_get_peak_lag:
 * @self: an adstock
 *
 * Returns: how many periods after the spend its effect is strongest
 */
guint
mmx_adstock_get_peak_lag (const MmxAdstock *self)
{
  double weights[MMX_ADSTOCK_MAX_LAGS];
  guint n_lags, best = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->kind == MMX_ADSTOCK_GEOMETRIC)
    return 0;
  n_lags = weibull_weights (self, weights);
  for (guint l = 1; l < n_lags; l++)
    if (weights[l] > weights[best])
      best = l;
  return best;
}

/**
 * mmx_adstock_apply:
 * @self: an adstock
 * @spend: spend per period, every @stride-th value
 * @n: the number of periods
 * @stride: the distance between two periods' values in @spend
 * @out: (out caller-allocates) (array length=n): the adstocked spend
 *
 * Spend before the first period is taken as none.
 */
void
mmx_adstock_apply (const MmxAdstock *self,
                   const double     *spend,
                   gsize             n,
                   gsize             stride,
                   double           *out)
{
  double weights[MMX_ADSTOCK_MAX_LAGS];
  guint n_lags;

  g_return_if_fail (self != NULL);

  if (self->kind == MMX_ADSTOCK_GEOMETRIC)
    {
      double carried = 0;

      for (gsize t = 0; t < n; t++)
        {
          carried = spend[t * stride] + self->decay * carried;
          out[t] = carried;
        }
      return;
    }

  n_lags = weibull_weights (self, weights);
  for (gsize t = 0; t < n; t++)
    {
      double sum = 0;

      for (guint l = 0; l < n_lags && l <= t; l++)
        sum += weights[l] * spend[(t - l) * stride];
      out[t] = sum;
    }
}
