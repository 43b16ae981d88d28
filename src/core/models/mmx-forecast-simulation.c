/* mmx-forecast-simulation.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-forecast-simulation"

#include "config.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <string.h>

#include "mmx-forecast-simulation.h"
#include "mmx-parallel.h"

typedef struct
{
  const MmxForecastDesign *design;
  guint                    n_samples;
  guint64                  seed;
  double                   interval;
  /* n_future × n_channels: the base case's media regressors. */
  const double            *media_rows;
  /* n_scenarios × n_channels: how much each channel's regressor, summed
   * over the horizon, differs from the base case's, in currency. */
  guint                    n_scenarios;
  double                  *media_change;
  /* The samples: n_samples × n_points paths, then one total per sample
   * and one difference per scenario and sample. */
  double                  *paths;
  double                  *totals;
  double                  *deltas;
  MmxForecastSimulation   *result;
} Simulation;

void
mmx_forecast_simulation_free (MmxForecastSimulation *self)
{
  if (self == NULL)
    return;
  g_free (self->points);
  g_free (self->scenario_totals);
  g_free (self->scenario_deltas);
  g_free (self);
}

/**
 * mmx_forecast_combine:
 * @model: a model
 * @trend: the trend, on the fit's scale
 * @seasonal: the seasonality and events: relative to the trend in
 *   multiplicative mode
 * @media: the media effects
 *
 * Returns: the revenue they make together, on the fit's scale
 */
double
mmx_forecast_combine (const MmxForecastModel *model,
                      double                  trend,
                      double                  seasonal,
                      double                  media)
{
  if (model->mode == MMX_FORECAST_MODE_MULTIPLICATIVE)
    return trend * (1 + seasonal) + media;
  return trend + seasonal + media;
}

/* One future: parameters drawn from their posterior, the trend's future
 * changes of rate, noise. */
static void
sample_cb (guint    sample,
           gpointer user_data)
{
  Simulation *sim = user_data;
  const MmxForecastModel *model = sim->design->model;
  guint n = sim->design->n_future, K = model->n_media;
  MmxRandom random;
  g_autofree double *changes = g_new (double, n + 1);
  g_autofree double *theta = g_new (double, model->n_parameters);
  const double *beta;
  double *path = sim->paths + (gsize) sample * n;
  double total = 0;

  /* A stream per sample, so any thread may draw any sample and the
   * result stays the same. */
  mmx_random_init (&random, sim->seed, sample);
  mmx_forecast_model_draw (model, &random, theta);
  beta = theta + model->n_parameters - K;
  mmx_forecast_model_sample_trend_change (model, &random, model->n_history, changes);
  for (guint i = 0; i < n; i++)
    {
      guint row = model->n_history + i;
      double trend = mmx_forecast_model_get_trend (model, theta, model->t[row]) + changes[i];
      double seasonal = mmx_forecast_model_get_seasonal (model, theta, row);
      double media = 0, value;

      for (guint k = 0; k < K; k++)
        media += sim->media_rows[(gsize) i * K + k] * beta[k];
      value = mmx_forecast_combine (model, trend, seasonal, media)
              + model->sigma * mmx_random_normal (&random);
      path[i] = value * model->y_scale;
      total += path[i];
    }
  sim->totals[sample] = total;

  for (guint s = 0; s < sim->n_scenarios; s++)
    {
      double delta = 0;

      for (guint k = 0; k < K; k++)
        delta += beta[k] * sim->media_change[(gsize) s * K + k];
      sim->deltas[(gsize) s * sim->n_samples + sample] = delta;
    }
}

static void
set_band (MmxForecastInterval *out,
          double              *values,
          guint                n,
          double               interval)
{
  gsl_sort (values, 1, n);
  out->lower = gsl_stats_quantile_from_sorted_data (values, 1, n, (1 - interval) / 2);
  out->upper = gsl_stats_quantile_from_sorted_data (values, 1, n, (1 + interval) / 2);
}

static void
point_band_cb (guint    point,
               gpointer user_data)
{
  Simulation *sim = user_data;
  guint n = sim->design->n_future;
  g_autofree double *values = g_new (double, sim->n_samples);

  for (guint j = 0; j < sim->n_samples; j++)
    values[j] = sim->paths[(gsize) j * n + point];
  set_band (&sim->result->points[point], values, sim->n_samples, sim->interval);
}

static void
simulation_clear (Simulation *sim)
{
  g_free (sim->media_change);
  g_free (sim->paths);
  g_free (sim->totals);
  g_free (sim->deltas);
  g_clear_pointer (&sim->result, mmx_forecast_simulation_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Simulation, simulation_clear)

/* The point forecast, from the fitted parameters. */
static void
set_expected (Simulation *sim)
{
  const MmxForecastModel *model = sim->design->model;
  guint n = sim->design->n_future, K = model->n_media;
  const double *beta = model->theta + model->n_parameters - K;

  for (guint i = 0; i < n; i++)
    {
      guint row = model->n_history + i;
      double media = 0;

      for (guint k = 0; k < K; k++)
        media += sim->media_rows[(gsize) i * K + k] * beta[k];
      sim->result->points[i].yhat
        = mmx_forecast_combine (model, mmx_forecast_model_get_trend (model, model->theta,
                                                                     model->t[row]),
                                mmx_forecast_model_get_seasonal (model, model->theta, row), media)
          * model->y_scale;
      sim->result->total.yhat += sim->result->points[i].yhat;
    }
}

static void
set_media_change (Simulation   *sim,
                  const double *scenario_media)
{
  const MmxForecastModel *model = sim->design->model;
  guint n = sim->design->n_future, K = model->n_media;
  const double *beta = model->theta + model->n_parameters - K;

  for (guint s = 0; s < sim->n_scenarios; s++)
    {
      const double *scenario = scenario_media + (gsize) s * n * K;
      MmxForecastInterval *delta = &sim->result->scenario_deltas[s];

      for (guint i = 0; i < n; i++)
        for (guint k = 0; k < K; k++)
          sim->media_change[(gsize) s * K + k] += (scenario[(gsize) i * K + k]
                                                   - sim->media_rows[(gsize) i * K + k])
                                                  * model->y_scale;
      for (guint k = 0; k < K; k++)
        delta->yhat += beta[k] * sim->media_change[(gsize) s * K + k];
      sim->result->scenario_totals[s].yhat = sim->result->total.yhat + delta->yhat;
    }
}

/**
 * mmx_forecast_simulate:
 * @design: a fitted design
 * @media: n_future × n_channels: the base case's media regressors over the
 *   horizon, from mmx_forecast_design_get_media()
 * @n_scenarios: how many scenarios to compare with it
 * @scenario_media: (nullable): @n_scenarios × n_future × n_channels:
 *   theirs
 * @n_samples: the futures to simulate
 * @seed: the seed: one seed gives one result, whatever the threads
 * @interval: the share of futures the bands hold
 * @cancellable: (nullable): a #GCancellable
 *
 * Returns: (transfer full) (nullable): the forecast with its intervals,
 *   or %NULL when @cancellable was cancelled
 */
MmxForecastSimulation *
mmx_forecast_simulate (const MmxForecastDesign *design,
                       const double            *media,
                       guint                    n_scenarios,
                       const double            *scenario_media,
                       guint                    n_samples,
                       guint64                  seed,
                       double                   interval,
                       GCancellable            *cancellable)
{
  g_auto(Simulation) sim = { 0 };
  guint n = design->n_future, K = design->n_channels;
  g_autofree double *values = g_new (double, n_samples + 1);
  MmxForecastSimulation *result;

  g_return_val_if_fail (n_samples > 0, NULL);

  sim.design = design;
  sim.n_samples = n_samples;
  sim.seed = seed;
  sim.interval = interval;
  sim.n_scenarios = n_scenarios;
  sim.media_rows = media;
  sim.media_change = g_new0 (double, (gsize) n_scenarios * K + 1);
  sim.paths = g_new (double, (gsize) n_samples * n + 1);
  sim.totals = g_new (double, n_samples);
  sim.deltas = g_new (double, (gsize) n_scenarios * n_samples + 1);

  sim.result = result = g_new0 (MmxForecastSimulation, 1);
  result->n_points = n;
  result->points = g_new0 (MmxForecastInterval, n + 1);
  result->n_scenarios = n_scenarios;
  result->scenario_totals = g_new0 (MmxForecastInterval, n_scenarios + 1);
  result->scenario_deltas = g_new0 (MmxForecastInterval, n_scenarios + 1);

  set_expected (&sim);
  set_media_change (&sim, scenario_media);

  if (!mmx_parallel_for (n_samples, sample_cb, &sim, cancellable)
      || !mmx_parallel_for (n, point_band_cb, &sim, cancellable))
    return NULL;

  for (guint s = 0; s < n_scenarios; s++)
    {
      const double *deltas = sim.deltas + (gsize) s * n_samples;

      for (guint j = 0; j < n_samples; j++)
        values[j] = sim.totals[j] + deltas[j];
      set_band (&result->scenario_totals[s], values, n_samples, interval);
      memcpy (values, deltas, sizeof (double) * n_samples);
      set_band (&result->scenario_deltas[s], values, n_samples, interval);
    }
  set_band (&result->total, sim.totals, n_samples, interval);
  return g_steal_pointer (&sim.result);
}
