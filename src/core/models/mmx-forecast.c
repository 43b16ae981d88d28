/* mmx-forecast.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-forecast"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mmx-date.h"
#include "mmx-forecast.h"
#include "mmx-forecast-backtest.h"
#include "mmx-forecast-settings-private.h"
#include "mmx-job-pool.h"
#include "mmx-json.h"
#include "mmx-model-error.h"
#include "mmx-progress-relay.h"

/* The base case keeps each channel's spend of these last days. */
#define RUN_RATE_DAYS 28

#define MIN_SAMPLES 10

G_DEFINE_BOXED_TYPE (MmxForecast, mmx_forecast, mmx_forecast_ref, mmx_forecast_unref)

static void
mmx_forecast_clear (MmxForecast *self)
{
  g_free (self->days);
  g_free (self->points);
  g_free (self->trend);
  g_free (self->weekly);
  g_free (self->yearly);
  g_free (self->events);
  for (guint k = 0; k < self->n_channels; k++)
    g_free (self->channels[k].name);
  g_free (self->channels);
  g_free (self->media);
  for (guint s = 0; s < self->n_scenarios; s++)
    g_free (self->scenarios[s].name);
  g_free (self->scenarios);
  g_clear_pointer (&self->backtest, mmx_forecast_backtest_free);
  g_strfreev (self->notes);
}

MmxForecast *
mmx_forecast_ref (MmxForecast *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
mmx_forecast_unref (MmxForecast *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) mmx_forecast_clear);
}

/* Sets an invalid-settings error and is FALSE. */
#define invalid(error, ...) \
  (g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS, __VA_ARGS__), FALSE)

static int
find_channel (const MmxPanel *panel,
              const char     *name)
{
  for (guint k = 0; k < panel->n_channels; k++)
    if (g_str_equal (panel->channel_names[k], name))
      return k;
  return -1;
}

static gboolean
check_response (const char        *channel,
                const MmxResponse *response,
                GError           **error)
{
  const MmxAdstock *adstock = &response->adstock;
  gboolean adstock_ok = adstock->kind == MMX_ADSTOCK_GEOMETRIC
                        ? adstock->decay >= 0 && adstock->decay < 1
                        : adstock->shape > 0 && adstock->scale > 0 && adstock->n_lags >= 1
                          && adstock->n_lags <= MMX_ADSTOCK_MAX_LAGS;

  if (!adstock_ok || !(response->hill.half > 0) || !(response->hill.shape > 0)
      || !(response->beta >= 0) || !isfinite (response->beta))
    return invalid (error, _("The response curve of %s cannot be used: its carry-over, "
                             "saturation or size is out of range. Run the attribution again."),
                    channel);
  return TRUE;
}

static gboolean
check_settings (const MmxPanel       *panel,
                MmxForecastSettings  *settings,
                GError              **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer channel, response;

  if (settings->horizon_days < 1 || settings->horizon_days > MMX_FORECAST_MAX_HORIZON_DAYS)
    return invalid (error, _("The horizon must be from 1 to %u days, not %u."),
                    MMX_FORECAST_MAX_HORIZON_DAYS, settings->horizon_days);
  if (!(settings->interval > 0 && settings->interval < 1))
    return invalid (error, _("The interval must be above 0 and below 1, such as 0.8 for 80 %%, "
                             "not %g."), settings->interval);
  if (settings->n_samples < MIN_SAMPLES || settings->n_samples > MMX_FORECAST_MAX_SAMPLES)
    return invalid (error, _("The samples must number from %u to %u, not %u."), MIN_SAMPLES,
                    MMX_FORECAST_MAX_SAMPLES, settings->n_samples);
  if (!(settings->changepoint_prior_scale > 0) || !isfinite (settings->changepoint_prior_scale))
    return invalid (error, _("The changepoint prior scale must be above 0, such as 0.05, not %g."),
                    settings->changepoint_prior_scale);
  if (settings->max_changepoints > MMX_FORECAST_MAX_CHANGEPOINTS)
    return invalid (error, _("A forecast takes at most %u changepoints, not %u."),
                    MMX_FORECAST_MAX_CHANGEPOINTS, settings->max_changepoints);

  for (guint s = 0; s < settings->scenarios->len; s++)
    {
      MmxSpendScenario *scenario = g_ptr_array_index (settings->scenarios, s);
      const char *name = mmx_spend_scenario_get_name (scenario);

      if (!g_hash_table_add (names, (gpointer) name))
        return invalid (error, _("Two scenarios are named “%s”: give each its own name."), name);
      for (guint c = 0; c < mmx_spend_scenario_get_n_changes (scenario); c++)
        {
          const MmxSpendChange *change = mmx_spend_scenario_get_change (scenario, c);

          if (change->channel != NULL && find_channel (panel, change->channel) < 0)
            return invalid (error, _("Scenario “%s” changes %s, which has no spend in the "
                                     "history."), name, change->channel);
          if (!isfinite (change->value)
              || change->value < (change->kind == MMX_SPEND_CHANGE_RELATIVE ? -1 : 0))
            return invalid (error, _("Scenario “%s” would make spend negative: spend can fall "
                                     "by 100 %% at most."), name);
        }
    }

  g_hash_table_iter_init (&iter, settings->responses);
  while (g_hash_table_iter_next (&iter, &channel, &response))
    {
      if (find_channel (panel, channel) < 0)
        return invalid (error, _("There is a response curve for %s, but the history holds no "
                                 "spend of it."), (const char *) channel);
      if (!check_response (channel, response, error))
        return FALSE;
    }
  return TRUE;
}

/* Each channel's mean spend per period over the last 28 days with data. */
static void
set_run_rate (const MmxPanel *panel,
              guint           n_future,
              double         *spend)
{
  guint period_days = mmx_granularity_get_days (panel->granularity);
  guint n_periods = MAX (RUN_RATE_DAYS / period_days, 1), n_observed = 0;
  guint K = panel->n_channels;
  g_autofree double *rate = g_new0 (double, K + 1);

  for (guint t = panel->n_periods - MIN (n_periods, panel->n_periods); t < panel->n_periods; t++)
    if (!panel->missing[t])
      {
        n_observed++;
        for (guint k = 0; k < K; k++)
          rate[k] += panel->spend[(gsize) t * K + k];
      }
  for (guint i = 0; i < n_future; i++)
    for (guint k = 0; k < K; k++)
      spend[(gsize) i * K + k] = n_observed > 0 ? rate[k] / n_observed : 0;
}

/* The channels a plan names spend what it lists, and nothing on the days
 * it leaves out; rows after the horizon are not needed. */
static gboolean
apply_plan (const MmxPanel  *panel,
            MmxSpendPlan    *plan,
            guint            n_future,
            double          *spend,
            GPtrArray       *notes,
            GError         **error)
{
  guint period_days = mmx_granularity_get_days (panel->granularity), K = panel->n_channels;
  guint32 first_day = mmx_panel_get_day (panel, panel->n_periods);
  guint32 last_day = first_day + n_future * period_days - 1;
  g_autofree gboolean *planned = g_new0 (gboolean, K + 1);
  guint n = mmx_spend_plan_get_n_entries (plan);

  for (guint e = 0; e < n; e++)
    {
      const MmxSpendPlanEntry *entry = mmx_spend_plan_get_entry (plan, e);
      int k = find_channel (panel, entry->channel);

      if (k < 0)
        return invalid (error, _("The spend plan names %s, which has no spend in the history."),
                        entry->channel);
      if (entry->day < first_day)
        {
          g_autofree char *date = mmx_date_julian_to_iso (entry->day);

          return invalid (error, _("The spend plan gives %s, which is in the history."), date);
        }
      if (!planned[k])
        for (guint i = 0; i < n_future; i++)
          spend[(gsize) i * K + k] = 0;
      planned[k] = TRUE;
    }
  for (guint e = 0; e < n; e++)
    {
      const MmxSpendPlanEntry *entry = mmx_spend_plan_get_entry (plan, e);
      guint i = (entry->day - first_day) / period_days;

      if (i < n_future)
        spend[(gsize) i * K + find_channel (panel, entry->channel)] += entry->spend;
    }

  if (n > 0 && mmx_spend_plan_get_last_day (plan) < last_day)
    {
      g_autofree char *plan_end = mmx_date_julian_to_iso (mmx_spend_plan_get_last_day (plan));
      g_autofree char *horizon_end = mmx_date_julian_to_iso (last_day);

      g_ptr_array_add (notes, g_strdup_printf (_("The spend plan ends on %s, before the horizon "
                                                 "does on %s: the channels it plans spend "
                                                 "nothing after it."), plan_end, horizon_end));
    }
  return TRUE;
}

static void
apply_scenario (const MmxPanel   *panel,
                MmxSpendScenario *scenario,
                guint             n_future,
                double           *spend)
{
  guint period_days = mmx_granularity_get_days (panel->granularity), K = panel->n_channels;

  for (guint c = 0; c < mmx_spend_scenario_get_n_changes (scenario); c++)
    {
      const MmxSpendChange *change = mmx_spend_scenario_get_change (scenario, c);
      int only = change->channel != NULL ? find_channel (panel, change->channel) : -1;

      for (guint k = 0; k < K; k++)
        {
          if (only >= 0 && k != (guint) only)
            continue;
          for (guint i = 0; i < n_future; i++)
            {
              double *cell = &spend[(gsize) i * K + k];

              if (change->kind == MMX_SPEND_CHANGE_RELATIVE)
                *cell *= 1 + change->value;
              else
                *cell = change->value * period_days;
            }
        }
    }
}

static double
sum (const double *values,
     gsize         n)
{
  double total = 0;

  for (gsize i = 0; i < n; i++)
    total += values[i];
  return total;
}

static double *
copy_term (const MmxForecastDesign *design,
           MmxForecastTerm          term,
           const double            *trend)
{
  const MmxForecastModel *model = design->model;
  double *values = g_new (double, design->n_future + 1);

  for (guint i = 0; i < design->n_future; i++)
    {
      double part = mmx_forecast_model_get_term (model, model->theta, model->n_history + i, term);

      if (model->mode == MMX_FORECAST_MODE_MULTIPLICATIVE)
        part *= trend[i] / model->y_scale;
      values[i] = part * model->y_scale;
    }
  return values;
}

/* The parts of the point forecast, in currency, adding up to it. */
static void
set_components (MmxForecast             *self,
                const MmxForecastDesign *design,
                const double            *media,
                const double            *spend)
{
  const MmxForecastModel *model = design->model;
  guint n = design->n_future, K = design->n_channels;
  guint first_media = model->n_columns - K;

  self->trend = g_new (double, n + 1);
  for (guint i = 0; i < n; i++)
    self->trend[i] = mmx_forecast_model_get_trend (model, model->theta,
                                                   model->t[model->n_history + i])
                     * model->y_scale;
  if (design->has_weekly)
    self->weekly = copy_term (design, MMX_FORECAST_TERM_WEEKLY, self->trend);
  if (design->has_yearly)
    self->yearly = copy_term (design, MMX_FORECAST_TERM_YEARLY, self->trend);
  if (design->n_events > 0)
    self->events = copy_term (design, MMX_FORECAST_TERM_EVENT, self->trend);

  self->n_channels = K;
  self->channels = g_new0 (MmxForecastChannel, K + 1);
  self->media = g_new0 (double, (gsize) n * K + 1);
  for (guint k = 0; k < K; k++)
    {
      MmxForecastChannel *channel = &self->channels[k];
      const MmxForecastMedia *transform = &design->media[k];
      double beta = model->beta[first_media + k];

      channel->name = g_strdup (design->panel->channel_names[k]);
      channel->has_response = transform->has_response;
      channel->decay = transform->has_response ? NAN : transform->adstock.decay;
      /* Without a curve: revenue per unit of adstocked spend. */
      channel->coefficient = transform->has_response ? beta
                                                     : beta * model->y_scale / transform->scale;
      for (guint i = 0; i < n; i++)
        {
          double part = media[(gsize) i * K + k] * beta * model->y_scale;

          self->media[(gsize) i * K + k] = part;
          channel->contribution += part;
          channel->spend += spend[(gsize) i * K + k];
        }
    }
}

/**
 * mmx_forecast_run:
 * @panel: the history, as mmx_panel_load() gives it
 * @settings: what to forecast
 * @progress: (nullable): told how far the forecast is, from this thread
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Fits the Prophet-style model with spend regressors to the whole history
 * and forecasts the horizon for the base case and each scenario; with a
 * backtest, also from earlier origins. Pure: the same panel, settings and
 * seed give the same forecast.
 *
 * Returns: (transfer full): the forecast, or %NULL with @error set:
 *   %MMX_MODEL_ERROR_INVALID_SETTINGS, %MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
 *   %MMX_MODEL_ERROR_FAILED or %G_IO_ERROR_CANCELLED
 */
MmxForecast *
mmx_forecast_run (MmxPanel             *panel,
                  MmxForecastSettings  *settings,
                  MmxProgressFunc       progress,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autoptr(MmxForecast) self = NULL;
  g_autoptr(MmxProgress) reporter = mmx_progress_new (progress, user_data);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MmxForecastDesign) design = NULL;
  g_autoptr(MmxForecastSimulation) simulation = NULL;
  g_autofree double *spend = NULL;
  g_autofree double *media = NULL;
  g_autofree double *scenario_spend = NULL;
  g_autofree double *scenario_media = NULL;
  gint64 started = g_get_monotonic_time ();
  guint period_days, n_future, K, n_scenarios;
  gsize cells;

  g_return_val_if_fail (panel != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  if (!check_settings (panel, settings, error))
    return NULL;
  if (!mmx_forecast_design_check_history (panel, panel->n_periods, error))
    return NULL;

  period_days = mmx_granularity_get_days (panel->granularity);
  n_future = (settings->horizon_days + period_days - 1) / period_days;
  K = panel->n_channels;
  cells = (gsize) n_future * K;
  n_scenarios = settings->scenarios->len;
  mmx_progress_set_stage (reporter, 0, settings->n_cutoffs > 0 ? 0.4 : 1);

  spend = g_new0 (double, cells + 1);
  set_run_rate (panel, n_future, spend);
  if (settings->spend_plan != NULL
      && !apply_plan (panel, settings->spend_plan, n_future, spend, notes, error))
    return NULL;

  design = mmx_forecast_design_new (panel, panel->n_periods, n_future, spend, settings, notes,
                                    error);
  if (design == NULL)
    return NULL;
  mmx_progress_report (reporter, 0.5);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  media = g_new0 (double, cells + 1);
  mmx_forecast_design_get_media (design, spend, media);
  scenario_spend = g_new0 (double, cells * n_scenarios + 1);
  scenario_media = g_new0 (double, cells * n_scenarios + 1);
  for (guint s = 0; s < n_scenarios; s++)
    {
      memcpy (scenario_spend + s * cells, spend, sizeof (double) * cells);
      apply_scenario (panel, g_ptr_array_index (settings->scenarios, s), n_future,
                      scenario_spend + s * cells);
      mmx_forecast_design_get_media (design, scenario_spend + s * cells,
                                     scenario_media + s * cells);
    }

  simulation = mmx_forecast_simulate (design, media, n_scenarios, scenario_media,
                                      settings->n_samples, settings->seed, settings->interval,
                                      cancellable);
  if (simulation == NULL)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }

  self = g_atomic_rc_box_new0 (MmxForecast);
  self->granularity = panel->granularity;
  self->horizon_days = settings->horizon_days;
  self->interval = settings->interval;
  self->mode = settings->mode;
  self->n_points = n_future;
  self->days = g_new (guint32, n_future + 1);
  for (guint i = 0; i < n_future; i++)
    self->days[i] = mmx_panel_get_day (panel, panel->n_periods + i);
  self->points = g_steal_pointer (&simulation->points);
  self->total = simulation->total;
  self->average = (MmxForecastInterval) { self->total.yhat / n_future, self->total.lower / n_future,
                                          self->total.upper / n_future };
  set_components (self, design, media, spend);

  self->n_scenarios = n_scenarios;
  self->scenarios = g_new0 (MmxForecastScenarioResult, n_scenarios + 1);
  for (guint s = 0; s < n_scenarios; s++)
    {
      MmxForecastScenarioResult *result = &self->scenarios[s];

      result->name = g_strdup (mmx_spend_scenario_get_name (g_ptr_array_index (settings->scenarios,
                                                                               s)));
      result->spend = sum (scenario_spend + s * cells, cells);
      result->total = simulation->scenario_totals[s];
      result->delta = simulation->scenario_deltas[s];
    }
  mmx_progress_report (reporter, 1);

  if (settings->n_cutoffs > 0)
    {
      mmx_progress_set_stage (reporter, 0.4, 1);
      self->backtest = mmx_forecast_backtest_run (panel, settings, n_future, cancellable, error);
      if (self->backtest == NULL)
        return NULL;
    }

  g_ptr_array_add (notes, NULL);
  self->notes = (GStrv) g_ptr_array_free (g_steal_pointer (&notes), FALSE);
  self->elapsed_ms = (g_get_monotonic_time () - started) / 1000.0;
  mmx_progress_finish (reporter);
  return g_steal_pointer (&self);
}

typedef struct
{
  MmxPanel            *panel;
  MmxForecastSettings *settings;
  MmxProgressRelay    *progress;
} Job;

static void
job_free (Job *job)
{
  mmx_panel_unref (job->panel);
  mmx_forecast_settings_unref (job->settings);
  mmx_progress_relay_free (job->progress);
  g_free (job);
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  MmxForecast *forecast;

  forecast = mmx_forecast_run (job->panel, job->settings,
                               mmx_progress_relay_get_func (job->progress), job->progress,
                               cancellable, &error);
  if (forecast == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, forecast, (GDestroyNotify) mmx_forecast_unref);
}

/**
 * mmx_forecast_run_async:
 * @panel: the history
 * @settings: what to forecast; not to be changed until the forecast ends
 * @progress: (nullable): told how far the forecast is, in the thread-default
 *   main context of the caller
 * @progress_data: for @progress; it must outlive the forecast
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the forecast is done
 * @user_data: for @callback
 *
 * Runs mmx_forecast_run() on the worker pool.
 */
void
mmx_forecast_run_async (MmxPanel             *panel,
                        MmxForecastSettings  *settings,
                        MmxProgressFunc       progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (panel != NULL);
  g_return_if_fail (settings != NULL);

  job = g_new0 (Job, 1);
  job->panel = mmx_panel_ref (panel);
  job->settings = mmx_forecast_settings_ref (settings);
  job->progress = mmx_progress_relay_new (progress, progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mmx_forecast_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  mmx_job_pool_push (task, run_worker, MMX_JOB_PRIORITY_MODEL);
}

/**
 * mmx_forecast_run_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the forecast, or %NULL with @error set
 */
MmxForecast *
mmx_forecast_run_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mmx_forecast_run_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_interval (JsonBuilder               *builder,
              const char                *member,
              const MmxForecastInterval *interval)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  mmx_json_add_number (builder, "yhat", interval->yhat);
  mmx_json_add_number (builder, "lower", interval->lower);
  mmx_json_add_number (builder, "upper", interval->upper);
  json_builder_end_object (builder);
}

static void
add_series (JsonBuilder  *builder,
            const char   *member,
            const double *values,
            guint         n,
            guint         stride)
{
  if (values == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_double_value (builder, values[(gsize) i * stride]);
  json_builder_end_array (builder);
}

static void
build_components_json (const MmxForecast *self,
                       JsonBuilder       *builder)
{
  json_builder_set_member_name (builder, "components");
  json_builder_begin_object (builder);
  add_series (builder, "trend", self->trend, self->n_points, 1);
  add_series (builder, "weekly", self->weekly, self->n_points, 1);
  add_series (builder, "yearly", self->yearly, self->n_points, 1);
  add_series (builder, "events", self->events, self->n_points, 1);
  json_builder_set_member_name (builder, "media");
  json_builder_begin_object (builder);
  for (guint k = 0; k < self->n_channels; k++)
    add_series (builder, self->channels[k].name, self->media + k, self->n_points,
                self->n_channels);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  /* How each channel's spend entered: the attribution's curve, or
   * adstocked spend when there was none. */
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint k = 0; k < self->n_channels; k++)
    {
      const MmxForecastChannel *channel = &self->channels[k];

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "name", channel->name);
      mmx_json_add_string (builder, "regressor", channel->has_response ? "attribution" : "adstock");
      mmx_json_add_number (builder, "spend", channel->spend);
      if (channel->has_response)
        mmx_json_add_number (builder, "coefficient", channel->coefficient);
      else
        mmx_json_add_number (builder, "decay", channel->decay);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * mmx_forecast_build_json:
 * @self: a forecast
 * @builder: a builder, inside an object
 *
 * Adds the members `marketingmix-cli forecast --json` prints: horizon,
 * interval, points, components (trend, weekly, yearly and events when
 * modelled, media per channel, in currency), channels (how each entered
 * the model), total, average, scenarios,
 * backtest (null without one) and elapsed_ms.
 */
void
mmx_forecast_build_json (const MmxForecast *self,
                         JsonBuilder       *builder)
{
  g_return_if_fail (self != NULL);

  mmx_json_add_int (builder, "horizon", self->horizon_days);
  mmx_json_add_number (builder, "interval", self->interval);

  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_points; i++)
    {
      g_autofree char *date = mmx_date_julian_to_iso (self->days[i]);

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "date", date);
      mmx_json_add_number (builder, "yhat", self->points[i].yhat);
      mmx_json_add_number (builder, "lower", self->points[i].lower);
      mmx_json_add_number (builder, "upper", self->points[i].upper);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  build_components_json (self, builder);
  add_interval (builder, "total", &self->total);
  add_interval (builder, "average", &self->average);

  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint s = 0; s < self->n_scenarios; s++)
    {
      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "name", self->scenarios[s].name);
      add_interval (builder, "total", &self->scenarios[s].total);
      add_interval (builder, "delta", &self->scenarios[s].delta);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "backtest");
  if (self->backtest == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      mmx_json_add_number (builder, "mape", self->backtest->mape);
      mmx_json_add_number (builder, "rmse", self->backtest->rmse);
      mmx_json_add_number (builder, "coverage", self->backtest->coverage);
      json_builder_end_object (builder);
    }
  mmx_json_add_number (builder, "elapsed_ms", self->elapsed_ms);
}
