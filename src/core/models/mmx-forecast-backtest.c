/* mmx-forecast-backtest.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-forecast-backtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-forecast-backtest.h"
#include "mmx-forecast-settings-private.h"
#include "mmx-model-error.h"
#include "mmx-parallel.h"

/* The errors of one origin's forecast, summed, so origins pool. */
typedef struct
{
  guint  n_points;
  guint  n_nonzero;
  double absolute_percentage;
  double squared;
  guint  covered;
} Errors;

typedef struct
{
  MmxPanel            *panel;
  MmxForecastSettings *settings;
  guint                n_future;
  GCancellable        *cancellable;
  guint               *origins;
  Errors              *errors;
  GError             **failures;
} Backtest;

void
mmx_forecast_backtest_free (MmxForecastBacktest *self)
{
  if (self == NULL)
    return;
  g_free (self->cutoffs);
  g_free (self);
}

static void
score (const MmxForecastSimulation *simulation,
       const MmxPanel              *panel,
       guint                        origin,
       Errors                      *errors)
{
  for (guint i = 0; i < simulation->n_points; i++)
    {
      const MmxForecastInterval *point = &simulation->points[i];
      double actual = panel->revenue[origin + i];

      if (panel->missing[origin + i])
        continue;
      errors->n_points++;
      errors->squared += (actual - point->yhat) * (actual - point->yhat);
      errors->covered += actual >= point->lower && actual <= point->upper;
      if (actual != 0)
        {
          errors->n_nonzero++;
          errors->absolute_percentage += fabs ((actual - point->yhat) / actual);
        }
    }
}

static void
origin_cb (guint    index,
           gpointer user_data)
{
  Backtest *backtest = user_data;
  MmxPanel *panel = backtest->panel;
  guint origin = backtest->origins[index];
  g_autoptr(MmxForecastDesign) design = NULL;
  g_autoptr(MmxForecastSimulation) simulation = NULL;
  g_autofree double *media = g_new (double, (gsize) backtest->n_future * panel->n_channels + 1);
  const double *spend = panel->spend + (gsize) origin * panel->n_channels;

  /* The spend that really happened, as a plan would give it. */
  design = mmx_forecast_design_new (panel, origin, backtest->n_future, spend, backtest->settings,
                                    NULL, &backtest->failures[index]);
  if (design == NULL)
    return;
  mmx_forecast_design_get_media (design, spend, media);
  simulation = mmx_forecast_simulate (design, media, 0, NULL, backtest->settings->n_samples,
                                      backtest->settings->seed + 1 + index,
                                      backtest->settings->interval, backtest->cancellable);
  if (simulation != NULL)
    score (simulation, panel, origin, &backtest->errors[index]);
}

static void
set_scores (MmxForecastCutoff *out,
            const Errors      *errors)
{
  out->n_points = errors->n_points;
  out->mape = errors->n_nonzero > 0 ? errors->absolute_percentage / errors->n_nonzero : NAN;
  out->rmse = errors->n_points > 0 ? sqrt (errors->squared / errors->n_points) : NAN;
  out->coverage = errors->n_points > 0 ? (double) errors->covered / errors->n_points : NAN;
}

/* Origins half a horizon apart, from the latest, as long as each leaves
 * enough history to fit on. */
static guint
place_origins (const MmxPanel *panel,
               guint           n_future,
               guint           n_wanted,
               guint          *origins)
{
  guint step = MAX (n_future / 2, 1), n = 0;
  guint needed = panel->granularity == MMX_GRANULARITY_WEEKLY ? MMX_FORECAST_MIN_WEEKS
                                                               : MMX_FORECAST_MIN_DAYS;

  for (guint r = 0; r < n_wanted; r++)
    {
      guint offset = n_future + r * step;

      if (offset >= panel->n_periods
          || mmx_forecast_design_count_observed (panel, panel->n_periods - offset) < needed)
        break;
      origins[n++] = panel->n_periods - offset;
    }
  return n;
}

/**
 * mmx_forecast_backtest_run:
 * @panel: the data
 * @settings: the forecast's settings; their number of cut-offs is how
 *   many origins to try
 * @n_future: the periods of the horizon
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the backtest, or %NULL with @error set: a
 *   %MMX_MODEL_ERROR_NOT_ENOUGH_DATA error when no origin leaves enough
 *   history
 */
MmxForecastBacktest *
mmx_forecast_backtest_run (MmxPanel             *panel,
                           MmxForecastSettings  *settings,
                           guint                 n_future,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr(MmxForecastBacktest) self = g_new0 (MmxForecastBacktest, 1);
  g_autofree guint *origins = g_new0 (guint, settings->n_cutoffs + 1);
  g_autofree Errors *errors = NULL;
  g_autofree GError **failures = NULL;
  Backtest backtest = { panel, settings, n_future, cancellable, origins };
  Errors all = { 0 };
  MmxForecastCutoff pooled;

  self->n_cutoffs = place_origins (panel, n_future, settings->n_cutoffs, origins);
  if (self->n_cutoffs == 0)
    {
      gboolean weekly = panel->granularity == MMX_GRANULARITY_WEEKLY;

      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                   weekly ? _("A backtest of this horizon needs %u weeks of history before its "
                              "%u weeks, and the data holds %u weeks in all. Choose a shorter "
                              "horizon, or leave the backtest out.")
                          : _("A backtest of this horizon needs %u days of history before its "
                              "%u days, and the data holds %u days in all. Choose a shorter "
                              "horizon, or leave the backtest out."),
                   weekly ? MMX_FORECAST_MIN_WEEKS : MMX_FORECAST_MIN_DAYS, n_future,
                   panel->n_periods);
      return NULL;
    }

  backtest.errors = errors = g_new0 (Errors, self->n_cutoffs);
  backtest.failures = failures = g_new0 (GError *, self->n_cutoffs);
  mmx_parallel_for (self->n_cutoffs, origin_cb, &backtest, cancellable);
  for (guint r = 0; r < self->n_cutoffs; r++)
    if (failures[r] != NULL)
      {
        g_propagate_error (error, failures[r]);
        failures[r] = NULL;
        for (guint o = r + 1; o < self->n_cutoffs; o++)
          g_clear_error (&failures[o]);
        return NULL;
      }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self->cutoffs = g_new0 (MmxForecastCutoff, self->n_cutoffs);
  for (guint r = 0; r < self->n_cutoffs; r++)
    {
      self->cutoffs[r].first_day = mmx_panel_get_day (panel, origins[r]);
      set_scores (&self->cutoffs[r], &errors[r]);
      all.n_points += errors[r].n_points;
      all.n_nonzero += errors[r].n_nonzero;
      all.absolute_percentage += errors[r].absolute_percentage;
      all.squared += errors[r].squared;
      all.covered += errors[r].covered;
    }
  set_scores (&pooled, &all);
  self->n_points = pooled.n_points;
  self->mape = pooled.mape;
  self->rmse = pooled.rmse;
  self->coverage = pooled.coverage;
  return g_steal_pointer (&self);
}
