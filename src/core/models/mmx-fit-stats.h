/* mmx-fit-stats.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxFitStats:
 * @n: the periods counted
 * @r2: the share of the variance explained
 * @mape: the mean absolute percentage error, over periods with a target
 *   above 0
 * @nrmse: the root mean squared error over the target's range, as Robyn
 *   reports it
 * @rmse: the root mean squared error
 *
 * How well fitted values match the actual ones.
 */
typedef struct
{
  guint  n;
  double r2;
  double mape;
  double nrmse;
  double rmse;
} MmxFitStats;

void   mmx_fit_stats_compute        (MmxFitStats     *self,
                                     const double    *actual,
                                     const double    *fitted,
                                     const gboolean  *use,
                                     guint            n,
                                     double           range);
double mmx_fit_stats_range          (const double    *actual,
                                     const gboolean  *use,
                                     guint            n);
double mmx_adjusted_r2              (double           r2,
                                     guint            n,
                                     guint            n_coefficients);
double mmx_durbin_watson            (const double    *residuals,
                                     const gboolean  *use,
                                     guint            n);
double mmx_decomposition_distance   (const double    *effect,
                                     const double    *spend,
                                     guint            n_channels);
void   mmx_sort_doubles             (double          *values,
                                     guint            n);
double mmx_percentile               (const double    *sorted,
                                     guint            n,
                                     double           q);

G_END_DECLS
