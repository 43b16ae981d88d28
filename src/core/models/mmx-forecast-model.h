/* mmx-forecast-model.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-forecast-settings.h"
#include "mmx-random.h"

G_BEGIN_DECLS

/**
 * MmxForecastTerm:
 * @MMX_FORECAST_TERM_WEEKLY: a Fourier term of the week
 * @MMX_FORECAST_TERM_YEARLY: a Fourier term of the year
 * @MMX_FORECAST_TERM_EVENT: an event's indicator
 * @MMX_FORECAST_TERM_MEDIA: a channel's regressor; media columns come last
 *
 * What a column of the model stands for.
 */
typedef enum
{
  MMX_FORECAST_TERM_WEEKLY,
  MMX_FORECAST_TERM_YEARLY,
  MMX_FORECAST_TERM_EVENT,
  MMX_FORECAST_TERM_MEDIA,
} MmxForecastTerm;

/**
 * MmxForecastModel:
 * @mode: how seasonality and events combine with the trend
 * @n_rows: the periods modelled: the history, then the horizon
 * @n_history: the periods fitted
 * @n_columns: the regressors
 * @n_media: the media regressors, the last columns
 * @observed: @n_history: whether a period holds data
 * @y: @n_history: revenue over @y_scale
 * @y_scale: the largest revenue of the history, which the fit divides by
 * @t: @n_rows: time, 0 at the first period and 1 at the last of the history
 * @n_changepoints: where the trend may change its rate
 * @changepoints: their times
 * @changepoint_prior_scale: the Laplace prior's scale on the changes
 * @terms: @n_columns: what each column is
 * @columns: @n_rows × @n_columns, row-major
 * @prior_mean: @n_columns: the prior mean of each coefficient
 * @prior_scale: @n_columns: its prior standard deviation
 * @n_parameters: 2 + @n_changepoints + @n_columns
 * @theta: @n_parameters: the fitted parameters: the growth rate at the
 *   start, the offset, the changes of rate, the coefficients (media ones
 *   at least 0)
 * @delta: the changes of rate, in @theta
 * @beta: the coefficients, in @theta
 * @sigma: the noise of a new period, on the scale of @y: the fitted
 *   noise, widened for the parameters the fit spent on the history
 * @cholesky: @n_parameters × @n_parameters: the lower Cholesky factor of
 *   @theta's posterior covariance, by the Laplace approximation
 * @n_evaluations: what the fit cost, in evaluations of the posterior
 *
 * Prophet's regression, fitted by maximum a posteriori:
 * y = g(t) + S(t)·β_S + M(t)·β_M + ε, or g(t)·(1 + S(t)·β_S) + M(t)·β_M + ε
 * in multiplicative mode, with g piecewise linear, S the seasonality and
 * event columns and M the media ones. Priors: k, m ~ N(0, 5); changes of
 * rate ~ Laplace(0, τ); β ~ N(prior mean, prior scale), media β ≥ 0;
 * σ ~ half-N(0, 0.5).
 */
typedef struct
{
  MmxForecastMode   mode;
  guint             n_rows;
  guint             n_history;
  guint             n_columns;
  guint             n_media;
  gboolean         *observed;
  double           *y;
  double            y_scale;
  double           *t;
  guint             n_changepoints;
  double           *changepoints;
  double            changepoint_prior_scale;
  MmxForecastTerm  *terms;
  double           *columns;
  double           *prior_mean;
  double           *prior_scale;
  guint             n_parameters;
  double           *theta;
  double           *delta;
  double           *beta;
  double            sigma;
  double           *cholesky;
  guint             n_evaluations;
} MmxForecastModel;

MmxForecastModel *mmx_forecast_model_new                 (MmxForecastMode    mode,
                                                          guint              n_rows,
                                                          guint              n_history,
                                                          guint              n_columns,
                                                          guint              n_media) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_forecast_model_free                (MmxForecastModel  *self);
void              mmx_forecast_model_place_changepoints  (MmxForecastModel  *self,
                                                          guint              max_changepoints);
void              mmx_forecast_model_choose_media        (MmxForecastModel  *self,
                                                          const gboolean    *searched,
                                                          guint              n_candidates,
                                                          const double      *candidates,
                                                          guint             *out_choices);
gboolean          mmx_forecast_model_fit                 (MmxForecastModel  *self,
                                                          GError           **error);
double            mmx_forecast_model_get_trend           (const MmxForecastModel *self,
                                                          const double      *theta,
                                                          double             t);
double            mmx_forecast_model_get_term            (const MmxForecastModel *self,
                                                          const double      *theta,
                                                          guint              row,
                                                          MmxForecastTerm    term);
double            mmx_forecast_model_get_seasonal        (const MmxForecastModel *self,
                                                          const double      *theta,
                                                          guint              row);
void              mmx_forecast_model_draw                (const MmxForecastModel *self,
                                                          MmxRandom         *random,
                                                          double            *theta);
void              mmx_forecast_model_sample_trend_change (const MmxForecastModel *self,
                                                          MmxRandom         *random,
                                                          guint              first_row,
                                                          double            *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxForecastModel, mmx_forecast_model_free)

G_END_DECLS
