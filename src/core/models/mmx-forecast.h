/* mmx-forecast.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mmx-forecast-settings.h"
#include "mmx-forecast-simulation.h"
#include "mmx-panel.h"
#include "mmx-progress.h"

G_BEGIN_DECLS

/**
 * MmxForecastChannel:
 * @name: the channel
 * @has_response: whether its regressor is attribution's response curve
 * @decay: else the geometric adstock decay chosen for it
 * @coefficient: its fitted coefficient: with a curve, the share of the
 *   curve's revenue the history bears out
 * @spend: its spend over the horizon in the base case
 * @contribution: the revenue it brings over the horizon in the base case
 */
typedef struct
{
  char     *name;
  gboolean  has_response;
  double    decay;
  double    coefficient;
  double    spend;
  double    contribution;
} MmxForecastChannel;

/**
 * MmxForecastScenarioResult:
 * @name: the scenario
 * @spend: its spend over the horizon, all channels
 * @total: its revenue over the horizon
 * @delta: the difference to the base case
 */
typedef struct
{
  char                *name;
  double               spend;
  MmxForecastInterval  total;
  MmxForecastInterval  delta;
} MmxForecastScenarioResult;

/**
 * MmxForecastCutoff:
 * @first_day: the first Julian day forecast from this origin
 * @n_points: the periods scored: those of the horizon with data
 * @mape: the mean absolute percentage error, as a fraction, over the
 *   periods with revenue
 * @rmse: the root mean squared error, in currency
 * @coverage: the share of periods whose revenue fell in the band
 */
typedef struct
{
  guint32 first_day;
  guint   n_points;
  double  mape;
  double  rmse;
  double  coverage;
} MmxForecastCutoff;

/**
 * MmxForecastBacktest:
 * @n_cutoffs: the rolling origins, latest first
 * @cutoffs: each one's scores
 * @n_points: the periods scored in all
 * @mape: the scores over all of them
 * @rmse: see @mape
 * @coverage: see @mape
 *
 * Rolling-origin cross-validation: the model is fitted on the history up
 * to each origin and forecasts the horizon after it, with the spend that
 * really happened.
 */
typedef struct
{
  guint              n_cutoffs;
  MmxForecastCutoff *cutoffs;
  guint              n_points;
  double             mape;
  double             rmse;
  double             coverage;
} MmxForecastBacktest;

/**
 * MmxForecast:
 * @granularity: daily or weekly, as the data
 * @horizon_days: the horizon asked for, in days
 * @interval: the share of outcomes the bands hold
 * @mode: additive or multiplicative
 * @n_points: the days or weeks forecast
 * @days: @n_points: the Julian day each starts on
 * @points: @n_points: the revenue of each, with its interval
 * @trend: @n_points: the trend's part of @points, in currency
 * @weekly: (nullable): the weekly seasonality's part, %NULL when not modelled
 * @yearly: (nullable): the yearly seasonality's part
 * @events: (nullable): the events' part
 * @n_channels: the channels
 * @channels: @n_channels: each one's model and effect
 * @media: @n_points × @n_channels: each channel's part, period-major
 * @total: the revenue of the whole horizon
 * @average: the revenue per period
 * @n_scenarios: the scenarios
 * @scenarios: @n_scenarios: each one's revenue and difference to the base
 *   case
 * @backtest: (nullable): the backtest, when asked for
 * @notes: what the user should know of the model (an event it could not
 *   fit, a seasonality left out, a plan that ends early)
 * @elapsed_ms: what the forecast took
 *
 * A revenue forecast: the parts of @points add up to its yhat.
 */
typedef struct
{
  MmxGranularity             granularity;
  guint                      horizon_days;
  double                     interval;
  MmxForecastMode            mode;
  guint                      n_points;
  guint32                   *days;
  MmxForecastInterval       *points;
  double                    *trend;
  double                    *weekly;
  double                    *yearly;
  double                    *events;
  guint                      n_channels;
  MmxForecastChannel        *channels;
  double                    *media;
  MmxForecastInterval        total;
  MmxForecastInterval        average;
  guint                      n_scenarios;
  MmxForecastScenarioResult *scenarios;
  MmxForecastBacktest       *backtest;
  GStrv                      notes;
  double                     elapsed_ms;
} MmxForecast;

#define MMX_TYPE_FORECAST (mmx_forecast_get_type ())

GType        mmx_forecast_get_type      (void) G_GNUC_CONST;
MmxForecast *mmx_forecast_run           (MmxPanel             *panel,
                                         MmxForecastSettings  *settings,
                                         MmxProgressFunc       progress,
                                         gpointer              user_data,
                                         GCancellable         *cancellable,
                                         GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void         mmx_forecast_run_async     (MmxPanel             *panel,
                                         MmxForecastSettings  *settings,
                                         MmxProgressFunc       progress,
                                         gpointer              progress_data,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
MmxForecast *mmx_forecast_run_finish    (GAsyncResult         *result,
                                         GError              **error) G_GNUC_WARN_UNUSED_RESULT;
MmxForecast *mmx_forecast_ref           (MmxForecast          *self);
void         mmx_forecast_unref         (MmxForecast          *self);
void         mmx_forecast_build_json    (const MmxForecast    *self,
                                         JsonBuilder          *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxForecast, mmx_forecast_unref)

G_END_DECLS
