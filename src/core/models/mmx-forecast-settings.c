/* mmx-forecast-settings.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-forecast-settings"

#include "config.h"

#include "mmx-forecast-settings-private.h"

G_DEFINE_BOXED_TYPE (MmxForecastSettings, mmx_forecast_settings,
                     mmx_forecast_settings_ref, mmx_forecast_settings_unref)

static void
mmx_forecast_settings_clear (MmxForecastSettings *self)
{
  g_clear_pointer (&self->events, mmx_events_free);
  g_clear_pointer (&self->spend_plan, mmx_spend_plan_free);
  g_ptr_array_unref (self->scenarios);
  g_hash_table_unref (self->responses);
}

/**
 * mmx_forecast_settings_new:
 * @horizon_days: how far to forecast, in days; weekly data forecasts the
 *   weeks these days touch
 *
 * What a forecast is asked for: by default an 80 % interval from 1000
 * samples with seed 0, additive, up to 25 changepoints of prior scale
 * 0.05, seasonality as the history allows, the built-in retail calendar,
 * spend at each channel's run rate of the last 28 days, no backtest.
 * Values are checked when the forecast runs, which says what is wrong.
 *
 * Returns: (transfer full): the settings
 */
MmxForecastSettings *
mmx_forecast_settings_new (guint horizon_days)
{
  MmxForecastSettings *self = g_atomic_rc_box_new0 (MmxForecastSettings);

  self->horizon_days = horizon_days;
  self->interval = MMX_FORECAST_DEFAULT_INTERVAL;
  self->n_samples = MMX_FORECAST_DEFAULT_SAMPLES;
  self->changepoint_prior_scale = MMX_FORECAST_DEFAULT_CHANGEPOINT_PRIOR_SCALE;
  self->max_changepoints = MMX_FORECAST_MAX_CHANGEPOINTS;
  self->builtin_events = TRUE;
  self->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_spend_scenario_free);
  self->responses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

MmxForecastSettings *
mmx_forecast_settings_ref (MmxForecastSettings *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
mmx_forecast_settings_unref (MmxForecastSettings *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) mmx_forecast_settings_clear);
}

const char *
mmx_forecast_mode_to_string (MmxForecastMode mode)
{
  return mode == MMX_FORECAST_MODE_MULTIPLICATIVE ? "multiplicative" : "additive";
}

/**
 * mmx_forecast_mode_from_string:
 * @name: "additive" or "multiplicative"
 * @out_mode: (out): the mode
 *
 * Returns: whether @name is a mode
 */
gboolean
mmx_forecast_mode_from_string (const char      *name,
                               MmxForecastMode *out_mode)
{
  for (MmxForecastMode mode = MMX_FORECAST_MODE_ADDITIVE; mode <= MMX_FORECAST_MODE_MULTIPLICATIVE;
       mode++)
    if (g_strcmp0 (name, mmx_forecast_mode_to_string (mode)) == 0)
      {
        *out_mode = mode;
        return TRUE;
      }
  return FALSE;
}

guint
mmx_forecast_settings_get_horizon (MmxForecastSettings *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->horizon_days;
}

double
mmx_forecast_settings_get_interval (MmxForecastSettings *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->interval;
}

/**
 * mmx_forecast_settings_set_interval:
 * @self: settings
 * @interval: the share of outcomes the band should hold, above 0 and
 *   below 1
 */
void
mmx_forecast_settings_set_interval (MmxForecastSettings *self,
                                    double               interval)
{
  g_return_if_fail (self != NULL);

  self->interval = interval;
}

/**
 * mmx_forecast_settings_set_n_samples:
 * @self: settings
 * @n_samples: how many futures to simulate for the bands
 */
void
mmx_forecast_settings_set_n_samples (MmxForecastSettings *self,
                                     guint                n_samples)
{
  g_return_if_fail (self != NULL);

  self->n_samples = n_samples;
}

/**
 * mmx_forecast_settings_set_seed:
 * @self: settings
 * @seed: the seed of the simulation; one seed gives one result, whatever
 *   the number of threads
 */
void
mmx_forecast_settings_set_seed (MmxForecastSettings *self,
                                guint64              seed)
{
  g_return_if_fail (self != NULL);

  self->seed = seed;
}

void
mmx_forecast_settings_set_mode (MmxForecastSettings *self,
                                MmxForecastMode      mode)
{
  g_return_if_fail (self != NULL);

  self->mode = mode;
}

/**
 * mmx_forecast_settings_set_changepoint_prior_scale:
 * @self: settings
 * @scale: the scale of the Laplace prior on the trend's changes of rate;
 *   larger lets the trend bend more, and widens the bands
 */
void
mmx_forecast_settings_set_changepoint_prior_scale (MmxForecastSettings *self,
                                                   double               scale)
{
  g_return_if_fail (self != NULL);

  self->changepoint_prior_scale = scale;
}

/**
 * mmx_forecast_settings_set_max_changepoints:
 * @self: settings
 * @n_changepoints: at most this many places, in the first 80 % of the
 *   history, where the trend may change its rate; from 0 to 25
 */
void
mmx_forecast_settings_set_max_changepoints (MmxForecastSettings *self,
                                            guint                n_changepoints)
{
  g_return_if_fail (self != NULL);

  self->max_changepoints = n_changepoints;
}

void
mmx_forecast_settings_set_weekly (MmxForecastSettings *self,
                                  MmxSeasonality       weekly)
{
  g_return_if_fail (self != NULL);

  self->weekly = weekly;
}

void
mmx_forecast_settings_set_yearly (MmxForecastSettings *self,
                                  MmxSeasonality       yearly)
{
  g_return_if_fail (self != NULL);

  self->yearly = yearly;
}

/**
 * mmx_forecast_settings_set_builtin_events:
 * @self: settings
 * @builtin_events: whether to model the retail calendar of
 *   mmx_events_add_builtin()
 */
void
mmx_forecast_settings_set_builtin_events (MmxForecastSettings *self,
                                          gboolean             builtin_events)
{
  g_return_if_fail (self != NULL);

  self->builtin_events = builtin_events;
}

/**
 * mmx_forecast_settings_take_events:
 * @self: settings
 * @events: (transfer full): the user's events, in the history and the
 *   horizon
 */
void
mmx_forecast_settings_take_events (MmxForecastSettings *self,
                                   MmxEvents           *events)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->events, mmx_events_free);
  self->events = events;
}

/**
 * mmx_forecast_settings_take_spend_plan:
 * @self: settings
 * @plan: (transfer full): the planned spend of the base case
 *
 * The channels @plan names spend what it gives on the days it lists and
 * nothing on the others; the rest keep their run rate.
 */
void
mmx_forecast_settings_take_spend_plan (MmxForecastSettings *self,
                                       MmxSpendPlan        *plan)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->spend_plan, mmx_spend_plan_free);
  self->spend_plan = plan;
}

/**
 * mmx_forecast_settings_take_scenario:
 * @self: settings
 * @scenario: (transfer full): a change of the base case's spend to compare
 *   with it
 */
void
mmx_forecast_settings_take_scenario (MmxForecastSettings *self,
                                     MmxSpendScenario    *scenario)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scenario != NULL);

  g_ptr_array_add (self->scenarios, scenario);
}

/**
 * mmx_forecast_settings_set_response:
 * @self: settings
 * @channel: a channel's name, as the panel gives it
 * @response: (nullable): its response curve as attribution fitted it, or
 *   %NULL to model the channel by its adstocked spend
 *
 * With a curve, the channel's regressor is the revenue the curve gives
 * for its spend, and the forecast fits how much of it the data bears out,
 * from a prior centred on all of it.
 */
void
mmx_forecast_settings_set_response (MmxForecastSettings *self,
                                    const char          *channel,
                                    const MmxResponse   *response)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (channel != NULL);

  if (response == NULL)
    g_hash_table_remove (self->responses, channel);
  else
    g_hash_table_insert (self->responses, g_strdup (channel),
                         g_memdup2 (response, sizeof *response));
}

/**
 * mmx_forecast_settings_set_attribution:
 * @self: settings
 * @attribution: an attribution of the same data
 *
 * Takes the response curve of every channel the marketing-mix model
 * measured, as mmx_forecast_settings_set_response() does; the other
 * channels keep their adstocked spend. An attribution of conversions, or
 * by the lag method, has no revenue curves and changes nothing.
 *
 * Returns: how many curves were taken
 */
guint
mmx_forecast_settings_set_attribution (MmxForecastSettings  *self,
                                       const MmxAttribution *attribution)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (attribution != NULL, 0);

  if (attribution->method != MMX_ATTRIBUTION_MMM || attribution->target != MMX_ATTRIBUTION_REVENUE)
    return 0;
  for (guint k = 0; k < attribution->channels->len; k++)
    {
      const MmxChannelAttribution *channel = g_ptr_array_index (attribution->channels, k);

      if (!channel->measured)
        continue;
      mmx_forecast_settings_set_response (self, channel->name, &channel->response);
      n++;
    }
  return n;
}

/**
 * mmx_forecast_settings_set_backtest:
 * @self: settings
 * @n_cutoffs: how many rolling origins to test from, 0 for no backtest
 */
void
mmx_forecast_settings_set_backtest (MmxForecastSettings *self,
                                    guint                n_cutoffs)
{
  g_return_if_fail (self != NULL);

  self->n_cutoffs = n_cutoffs;
}
