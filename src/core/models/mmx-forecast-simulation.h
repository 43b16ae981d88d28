/* mmx-forecast-simulation.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mmx-forecast-design.h"

G_BEGIN_DECLS

/**
 * MmxForecastInterval:
 * @yhat: the forecast
 * @lower: the lower end of its interval
 * @upper: the upper end
 */
typedef struct
{
  double yhat;
  double lower;
  double upper;
} MmxForecastInterval;

/**
 * MmxForecastSimulation:
 * @n_points: the periods of the horizon
 * @points: @n_points: each period's revenue
 * @total: the revenue of the whole horizon
 * @n_scenarios: the scenarios compared with the base case
 * @scenario_totals: @n_scenarios: the revenue of the horizon in each
 * @scenario_deltas: @n_scenarios: its difference to the base case
 *
 * Forecast intervals from simulated futures: the trend's rate changes as
 * often and as much as it did in the history, noise is added, and for the
 * scenarios the media coefficients are drawn from their posterior, so a
 * difference to the base case carries the doubt about each channel's
 * effect.
 */
typedef struct
{
  guint                n_points;
  MmxForecastInterval *points;
  MmxForecastInterval  total;
  guint                n_scenarios;
  MmxForecastInterval *scenario_totals;
  MmxForecastInterval *scenario_deltas;
} MmxForecastSimulation;

MmxForecastSimulation *mmx_forecast_simulate         (const MmxForecastDesign  *design,
                                                      const double             *media,
                                                      guint                     n_scenarios,
                                                      const double             *scenario_media,
                                                      guint                     n_samples,
                                                      guint64                   seed,
                                                      double                    interval,
                                                      GCancellable             *cancellable) G_GNUC_WARN_UNUSED_RESULT;
void                   mmx_forecast_simulation_free  (MmxForecastSimulation    *self);
double                 mmx_forecast_combine          (const MmxForecastModel   *model,
                                                      double                    trend,
                                                      double                    seasonal,
                                                      double                    media);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxForecastSimulation, mmx_forecast_simulation_free)

G_END_DECLS
