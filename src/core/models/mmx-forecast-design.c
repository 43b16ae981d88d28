/* mmx-forecast-design.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-forecast-design"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mmx-date.h"
#include "mmx-forecast-design.h"
#include "mmx-forecast-settings-private.h"
#include "mmx-fourier.h"
#include "mmx-model-error.h"

/* Prophet's orders and prior scales, on revenue over its largest value. */
#define WEEKLY_ORDER 3
#define YEARLY_ORDER 10
#define SEASONALITY_PRIOR_SCALE 10.0
#define EVENT_PRIOR_SCALE 10.0
#define ADSTOCK_PRIOR_SCALE 10.0

/* With an attribution curve the coefficient is the share of the curve's
 * revenue the history bears out, a priori all of it, give or take half. */
#define RESPONSE_PRIOR_MEAN 1.0
#define RESPONSE_PRIOR_SCALE 0.5

/* Yearly seasonality needs more than one cycle to be told from the trend:
 * Prophet waits for two years, but on histories of 15 to 22 months it
 * forecast better with it (see tests/bench/compare-forecast.sh). */
#define YEARLY_MIN_DAYS 400
#define WEEKLY_MIN_DAYS 14

/* The carry-overs tried for a channel without a response curve: from
 * none to an effect with a half-life of three periods. */
static const double decays[] = { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 };

void
mmx_forecast_design_free (MmxForecastDesign *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->model, mmx_forecast_model_free);
  g_clear_pointer (&self->panel, mmx_panel_unref);
  g_free (self->media);
  g_strfreev (self->event_names);
  g_free (self);
}

/**
 * mmx_forecast_design_count_observed:
 * @panel: a panel
 * @n_history: its first periods
 *
 * Returns: how many of them hold data
 */
guint
mmx_forecast_design_count_observed (const MmxPanel *panel,
                                    guint           n_history)
{
  guint n = 0;

  for (guint i = 0; i < n_history; i++)
    n += !panel->missing[i];
  return n;
}

/**
 * mmx_forecast_design_check_history:
 * @panel: a panel
 * @n_history: the periods to fit on
 * @error: a location for a #GError
 *
 * Returns: %FALSE with a %MMX_MODEL_ERROR_NOT_ENOUGH_DATA error when they
 *   hold too little data to fit a forecast on
 */
gboolean
mmx_forecast_design_check_history (const MmxPanel  *panel,
                                   guint            n_history,
                                   GError         **error)
{
  gboolean weekly = panel->granularity == MMX_GRANULARITY_WEEKLY;
  guint needed = weekly ? MMX_FORECAST_MIN_WEEKS : MMX_FORECAST_MIN_DAYS;
  guint n = mmx_forecast_design_count_observed (panel, n_history);
  double revenue = 0;

  if (n < needed)
    {
      if (n == 0)
        g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                     weekly ? _("A forecast needs at least %u weeks of history, and there is "
                                "none. Import spend and revenue first.")
                            : _("A forecast needs at least %u days of history, and there is "
                                "none. Import spend and revenue first."), needed);
      else
        {
          g_autofree char *first = mmx_date_julian_to_iso (panel->first_day);
          g_autofree char *last = mmx_date_julian_to_iso (mmx_panel_get_day (panel, n_history - 1));

          g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                       weekly ? _("A forecast needs at least %u weeks of history, but the data "
                                  "from %s to %s holds %u. Import more weeks.")
                              : _("A forecast needs at least %u days of history, but the data "
                                  "from %s to %s holds %u. Import more days."),
                       needed, first, last, n);
        }
      return FALSE;
    }

  for (guint i = 0; i < n_history; i++)
    if (!panel->missing[i])
      revenue = MAX (revenue, fabs (panel->revenue[i]));
  if (revenue == 0)
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                   _("The history holds no revenue to forecast from: every period's revenue is "
                     "0. Import the revenue with the spend."));
      return FALSE;
    }
  return TRUE;
}

/* A channel's spend over the history, then over the horizon. */
static void
get_channel_spend (const MmxForecastDesign *self,
                   guint                    channel,
                   const double            *future_spend,
                   double                  *out)
{
  guint n_history = self->model->n_history;

  for (guint i = 0; i < n_history; i++)
    out[i] = self->panel->spend[(gsize) i * self->n_channels + channel];
  for (guint i = 0; i < self->n_future; i++)
    out[n_history + i] = future_spend[(gsize) i * self->n_channels + channel];
}

static void
transform_spend (const MmxForecastMedia *media,
                 const double           *spend,
                 guint                   n,
                 double                 *out)
{
  if (media->has_response)
    mmx_response_apply (&media->response, spend, n, 1, out);
  else
    mmx_adstock_apply (&media->adstock, spend, n, 1, out);
  for (guint i = 0; i < n; i++)
    out[i] /= media->scale;
}

/**
 * mmx_forecast_design_get_media:
 * @self: a design
 * @future_spend: @n_future × @n_channels: spend over the horizon
 * @out: (out caller-allocates): @n_future × @n_channels: the media
 *   regressors over the horizon, carry-over from the history included
 */
void
mmx_forecast_design_get_media (const MmxForecastDesign *self,
                               const double            *future_spend,
                               double                  *out)
{
  guint n_rows = self->model->n_rows, n_history = self->model->n_history;
  g_autofree double *spend = g_new (double, n_rows);
  g_autofree double *values = g_new (double, n_rows);

  for (guint k = 0; k < self->n_channels; k++)
    {
      get_channel_spend (self, k, future_spend, spend);
      transform_spend (&self->media[k], spend, n_rows, values);
      for (guint i = 0; i < self->n_future; i++)
        out[(gsize) i * self->n_channels + k] = values[n_history + i];
    }
}

static gboolean
wants (MmxSeasonality setting,
       gboolean       automatic)
{
  return setting == MMX_SEASONALITY_ON || (setting == MMX_SEASONALITY_AUTO && automatic);
}

/* The retail calendar and the user's events over the history and the
 * horizon; only those the history has seen can be fitted. */
static double *
build_events (MmxForecastDesign   *self,
              MmxForecastSettings *settings,
              guint                n_history,
              guint                n_rows,
              GPtrArray           *notes)
{
  guint32 first_day = self->panel->first_day;
  guint32 last_day = first_day + n_rows * self->period_days - 1;
  g_autoptr(MmxEvents) events = mmx_events_new ();
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_autofree double *indicators = NULL;
  const char * const *names;
  double *columns;
  guint n_names;

  if (settings->builtin_events)
    mmx_events_add_builtin (events, first_day, last_day);
  for (guint i = 0; settings->events != NULL && i < mmx_events_get_n_events (settings->events); i++)
    {
      const MmxEvent *event = mmx_events_get_event (settings->events, i);

      mmx_events_add (events, event->name, event->first_day, event->last_day);
    }
  names = mmx_events_get_names (events);
  n_names = g_strv_length ((GStrv) names);
  indicators = mmx_events_build_indicators (events, first_day, n_rows, self->period_days);

  columns = g_new0 (double, (gsize) n_rows * (n_names + 1));
  for (guint j = 0; j < n_names; j++)
    {
      gboolean in_history = FALSE, in_future = FALSE;

      for (guint i = 0; i < n_rows; i++)
        if (indicators[(gsize) i * n_names + j] > 0)
          {
            if (i >= n_history)
              in_future = TRUE;
            else if (!self->panel->missing[i])
              in_history = TRUE;
          }
      if (in_history)
        {
          for (guint i = 0; i < n_rows; i++)
            columns[(gsize) i * n_names + self->n_events] = indicators[(gsize) i * n_names + j];
          g_strv_builder_add (kept, names[j]);
          self->n_events++;
        }
      else if (in_future && notes != NULL)
        g_ptr_array_add (notes, g_strdup_printf (_("“%s” falls in the horizon but not in the "
                                                   "history, so the forecast gives it no "
                                                   "effect."), names[j]));
    }
  self->event_names = g_strv_builder_end (kept);

  /* Packed with n_names columns per row; keep the first n_events. */
  for (guint i = 0; i < n_rows; i++)
    memmove (columns + (gsize) i * self->n_events, columns + (gsize) i * n_names,
             sizeof (double) * self->n_events);
  return columns;
}

static void
add_fourier (MmxForecastModel *model,
             guint             first_column,
             guint32           first_day,
             guint             period_days,
             double            cycle,
             guint             order,
             MmxForecastTerm   term)
{
  for (guint i = 0; i < model->n_rows; i++)
    {
      /* A week's value is the mean of its days: take its middle. */
      double day = first_day + (double) i * period_days + (period_days - 1) / 2.0;

      mmx_fourier_terms (day, cycle, order,
                         model->columns + (gsize) i * model->n_columns + first_column);
    }
  for (guint c = first_column; c < first_column + 2 * order; c++)
    {
      model->terms[c] = term;
      model->prior_scale[c] = SEASONALITY_PRIOR_SCALE;
    }
}

/* Responses as attribution fitted them; the others' decays are chosen
 * from a small grid by how well each forecasts the end of the history. */
static void
set_media (MmxForecastDesign   *self,
           MmxForecastSettings *settings,
           const double        *future_spend)
{
  MmxForecastModel *model = self->model;
  guint n_rows = model->n_rows, n_candidates = G_N_ELEMENTS (decays);
  guint first = model->n_columns - model->n_media;
  g_autofree double *spend = g_new (double, n_rows);
  g_autofree double *values = g_new (double, n_rows);
  g_autofree double *candidates = g_new0 (double, (gsize) self->n_channels * n_candidates * n_rows);
  g_autofree double *scales = g_new (double, (gsize) self->n_channels * n_candidates);
  g_autofree gboolean *searched = g_new0 (gboolean, self->n_channels + 1);
  g_autofree guint *choices = g_new0 (guint, self->n_channels + 1);
  gboolean any_searched = FALSE;

  for (guint k = 0; k < self->n_channels; k++)
    {
      MmxForecastMedia *media = &self->media[k];
      const MmxResponse *response = g_hash_table_lookup (settings->responses,
                                                         self->panel->channel_names[k]);
      guint column = first + k;

      model->terms[column] = MMX_FORECAST_TERM_MEDIA;
      get_channel_spend (self, k, future_spend, spend);
      if (response != NULL)
        {
          media->has_response = TRUE;
          media->response = *response;
          media->scale = model->y_scale;
          model->prior_mean[column] = RESPONSE_PRIOR_MEAN;
          model->prior_scale[column] = RESPONSE_PRIOR_SCALE;
          transform_spend (media, spend, n_rows, values);
          for (guint i = 0; i < n_rows; i++)
            model->columns[(gsize) i * model->n_columns + column] = values[i];
          continue;
        }

      model->prior_scale[column] = ADSTOCK_PRIOR_SCALE;
      searched[k] = any_searched = TRUE;
      for (guint d = 0; d < n_candidates; d++)
        {
          MmxForecastMedia candidate = { .adstock = { MMX_ADSTOCK_GEOMETRIC, decays[d] },
                                         .scale = 1 };
          double *column_values = candidates + ((gsize) k * n_candidates + d) * n_rows;
          double peak = 0;

          transform_spend (&candidate, spend, n_rows, column_values);
          for (guint i = 0; i < model->n_history; i++)
            peak = MAX (peak, column_values[i]);
          scales[k * n_candidates + d] = peak > 0 ? peak : 1;
          for (guint i = 0; i < n_rows; i++)
            column_values[i] /= scales[k * n_candidates + d];
        }
    }

  if (any_searched)
    mmx_forecast_model_choose_media (model, searched, n_candidates, candidates, choices);
  for (guint k = 0; k < self->n_channels; k++)
    if (searched[k])
      {
        self->media[k].adstock = (MmxAdstock) { MMX_ADSTOCK_GEOMETRIC, decays[choices[k]] };
        self->media[k].scale = scales[k * n_candidates + choices[k]];
      }
}

/**
 * mmx_forecast_design_new:
 * @panel: the data
 * @n_history: how many of its first periods to fit on
 * @n_future: how many periods to forecast
 * @future_spend: @n_future × the panel's channels: the spend of the
 *   base case over the horizon
 * @settings: the forecast's settings
 * @notes: (nullable): receives what the user should know of the model
 *   (an event it cannot fit, a seasonality left out)
 * @error: a location for a #GError
 *
 * Builds Prophet's regression for the history, with the channels as
 * regressors, and fits it.
 *
 * Returns: (transfer full): the fitted design, or %NULL with @error set
 */
MmxForecastDesign *
mmx_forecast_design_new (MmxPanel             *panel,
                         guint                 n_history,
                         guint                 n_future,
                         const double         *future_spend,
                         MmxForecastSettings  *settings,
                         GPtrArray            *notes,
                         GError              **error)
{
  g_autoptr(MmxForecastDesign) self = g_new0 (MmxForecastDesign, 1);
  g_autofree double *events = NULL;
  MmxForecastModel *model;
  gboolean daily = panel->granularity != MMX_GRANULARITY_WEEKLY;
  guint n_rows = n_history + n_future, n_columns, column = 0;
  guint span_days;

  if (!mmx_forecast_design_check_history (panel, n_history, error))
    return NULL;

  self->panel = mmx_panel_ref (panel);
  self->n_future = n_future;
  self->period_days = mmx_granularity_get_days (panel->granularity);
  self->n_channels = panel->n_channels;
  self->media = g_new0 (MmxForecastMedia, self->n_channels + 1);
  span_days = n_history * self->period_days;
  self->has_weekly = daily && wants (settings->weekly, span_days >= WEEKLY_MIN_DAYS);
  self->has_yearly = wants (settings->yearly, span_days >= YEARLY_MIN_DAYS);
  if (notes != NULL && settings->yearly == MMX_SEASONALITY_AUTO && !self->has_yearly)
    g_ptr_array_add (notes, g_strdup (_("Yearly seasonality is left out: it takes two years of "
                                        "history to tell it from the trend.")));

  events = build_events (self, settings, n_history, n_rows, notes);
  n_columns = (self->has_weekly ? 2 * WEEKLY_ORDER : 0) + (self->has_yearly ? 2 * YEARLY_ORDER : 0)
              + self->n_events + self->n_channels;
  self->model = model = mmx_forecast_model_new (settings->mode, n_rows, n_history, n_columns,
                                                self->n_channels);

  model->changepoint_prior_scale = settings->changepoint_prior_scale;
  model->y_scale = 0;
  for (guint i = 0; i < n_history; i++)
    {
      model->observed[i] = !panel->missing[i];
      if (model->observed[i])
        model->y_scale = MAX (model->y_scale, fabs (panel->revenue[i]));
    }
  for (guint i = 0; i < n_history; i++)
    model->y[i] = model->observed[i] ? panel->revenue[i] / model->y_scale : 0;
  for (guint i = 0; i < n_rows; i++)
    model->t[i] = n_history > 1 ? (double) i / (n_history - 1) : 0;
  mmx_forecast_model_place_changepoints (model, settings->max_changepoints);

  if (self->has_weekly)
    {
      add_fourier (model, column, panel->first_day, self->period_days, MMX_FOURIER_WEEK_DAYS,
                   WEEKLY_ORDER, MMX_FORECAST_TERM_WEEKLY);
      column += 2 * WEEKLY_ORDER;
    }
  if (self->has_yearly)
    {
      add_fourier (model, column, panel->first_day, self->period_days, MMX_FOURIER_YEAR_DAYS,
                   YEARLY_ORDER, MMX_FORECAST_TERM_YEARLY);
      column += 2 * YEARLY_ORDER;
    }
  for (guint e = 0; e < self->n_events; e++, column++)
    {
      model->terms[column] = MMX_FORECAST_TERM_EVENT;
      model->prior_scale[column] = EVENT_PRIOR_SCALE;
      for (guint i = 0; i < n_rows; i++)
        model->columns[(gsize) i * n_columns + column] = events[(gsize) i * self->n_events + e];
    }

  set_media (self, settings, future_spend);
  if (!mmx_forecast_model_fit (model, error))
    return NULL;
  return g_steal_pointer (&self);
}
