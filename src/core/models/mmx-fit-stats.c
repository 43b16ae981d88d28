/* mmx-fit-stats.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "mmx-fit-stats.h"

/**
 * mmx_fit_stats_range:
 * @actual: (array length=n): the target
 * @use: (array length=n) (nullable): the periods to count
 * @n: the periods
 *
 * Returns: max - min of the counted target, what NRMSE divides by
 */
double
mmx_fit_stats_range (const double   *actual,
                     const gboolean *use,
                     guint           n)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint t = 0; t < n; t++)
    if (use == NULL || use[t])
      {
        lo = MIN (lo, actual[t]);
        hi = MAX (hi, actual[t]);
      }
  return hi > lo ? hi - lo : 1;
}

/**
 * mmx_fit_stats_compute:
 * @self: (out caller-allocates): the statistics
 * @actual: (array length=n): the target
 * @fitted: (array length=n): the model's values
 * @use: (array length=n) (nullable): the periods to count
 * @n: the periods
 * @range: what to divide the RMSE by, usually mmx_fit_stats_range()
 */
void
mmx_fit_stats_compute (MmxFitStats    *self,
                       const double   *actual,
                       const double   *fitted,
                       const gboolean *use,
                       guint           n,
                       double          range)
{
  double mean = 0, total = 0, residual = 0, ape = 0;
  guint counted = 0, with_target = 0;

  for (guint t = 0; t < n; t++)
    if (use == NULL || use[t])
      {
        mean += actual[t];
        counted++;
      }
  mean = counted > 0 ? mean / counted : 0;

  for (guint t = 0; t < n; t++)
    if (use == NULL || use[t])
      {
        double e = actual[t] - fitted[t];

        residual += e * e;
        total += (actual[t] - mean) * (actual[t] - mean);
        if (actual[t] > 0)
          {
            ape += fabs (e) / actual[t];
            with_target++;
          }
      }

  self->n = counted;
  self->r2 = total > 0 ? 1 - residual / total : NAN;
  self->mape = with_target > 0 ? ape / with_target : NAN;
  self->rmse = counted > 0 ? sqrt (residual / counted) : NAN;
  self->nrmse = self->rmse / range;
}

/**
 * mmx_adjusted_r2:
 * @r2: R²
 * @n: the periods fitted
 * @n_coefficients: the coefficients besides the intercept
 *
 * Returns: R² adjusted for the number of coefficients, NaN when there are
 *   too few periods
 */
double
mmx_adjusted_r2 (double r2,
                 guint  n,
                 guint  n_coefficients)
{
  if (n <= n_coefficients + 1)
    return NAN;
  return 1 - (1 - r2) * (n - 1) / (n - n_coefficients - 1);
}

/**
 * mmx_durbin_watson:
 * @residuals: (array length=n): the residuals in time order
 * @use: (array length=n) (nullable): the periods to count
 * @n: the periods
 *
 * Returns: about 2 when residuals are independent, well below when one
 *   period's error carries into the next (something the model misses)
 */
double
mmx_durbin_watson (const double   *residuals,
                   const gboolean *use,
                   guint           n)
{
  double diff = 0, sum = 0, previous = NAN;

  for (guint t = 0; t < n; t++)
    {
      if (use != NULL && !use[t])
        continue;
      if (!isnan (previous))
        diff += (residuals[t] - previous) * (residuals[t] - previous);
      sum += residuals[t] * residuals[t];
      previous = residuals[t];
    }
  return sum > 0 ? diff / sum : NAN;
}

/**
 * mmx_decomposition_distance:
 * @effect: (array length=n_channels): each channel's effect
 * @spend: (array length=n_channels): each channel's spend
 * @n_channels: the channels
 *
 * Robyn's DECOMP.RSSD: how far the channels' shares of the media effect
 * lie from their shares of spend. 0 when effect follows spend exactly.
 *
 * Returns: the root of the summed squared differences of the shares
 */
double
mmx_decomposition_distance (const double *effect,
                            const double *spend,
                            guint         n_channels)
{
  double total_effect = 0, total_spend = 0, sum = 0;

  for (guint k = 0; k < n_channels; k++)
    {
      total_effect += MAX (effect[k], 0);
      total_spend += spend[k];
    }
  if (total_effect <= 0 || total_spend <= 0)
    return 0;
  for (guint k = 0; k < n_channels; k++)
    {
      double d = MAX (effect[k], 0) / total_effect - spend[k] / total_spend;

      sum += d * d;
    }
  return sqrt (sum);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * mmx_sort_doubles:
 * @values: (array length=n): values to sort in place, ascending
 * @n: how many
 */
void
mmx_sort_doubles (double *values,
                  guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
}

/**
 * mmx_percentile:
 * @sorted: (array length=n): values sorted ascending
 * @n: how many
 * @q: the quantile, from 0 to 1
 *
 * Returns: the @q quantile, linearly interpolated as numpy's default
 */
double
mmx_percentile (const double *sorted,
                guint         n,
                double        q)
{
  const double *values = sorted;
  double at;
  guint below;

  if (n == 0)
    return NAN;
  at = CLAMP (q, 0, 1) * (n - 1);
  below = (guint) floor (at);
  if (below + 1 >= n)
    return values[n - 1];
  return values[below] + (at - below) * (values[below + 1] - values[below]);
}
