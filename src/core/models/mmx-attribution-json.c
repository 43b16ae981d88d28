/* mmx-attribution-json.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-attribution"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-attribution-private.h"
#include "mmx-model-error.h"
#include "mmx-date.h"
#include "mmx-json.h"

static void
add_series (JsonBuilder  *builder,
            const char   *member,
            const double *values,
            guint         n)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint t = 0; t < n; t++)
    json_builder_add_double_value (builder, isfinite (values[t]) ? values[t] : 0);
  json_builder_end_array (builder);
}

static void
add_response (JsonBuilder           *builder,
              const MmxAttribution  *self,
              const MmxResponse     *response)
{
  const MmxAdstock *adstock = &response->adstock;

  json_builder_set_member_name (builder, "adstock");
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "type", mmx_adstock_kind_to_string (adstock->kind));
  if (adstock->kind == MMX_ADSTOCK_GEOMETRIC)
    mmx_json_add_number (builder, "decay", adstock->decay);
  else
    {
      mmx_json_add_number (builder, "shape", adstock->shape);
      mmx_json_add_number (builder, "scale", adstock->scale);
      mmx_json_add_int (builder, "lags", adstock->n_lags);
    }
  mmx_json_add_int (builder, "peak_lag", mmx_adstock_get_peak_lag (adstock));
  mmx_json_add_number (builder, "gain", mmx_adstock_get_gain (adstock));
  mmx_json_add_string (builder, "unit", self->granularity == MMX_GRANULARITY_WEEKLY ? "week" : "day");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "saturation");
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "type", "hill");
  mmx_json_add_number (builder, "half", response->hill.half);
  mmx_json_add_number (builder, "shape", response->hill.shape);
  mmx_json_add_number (builder, "beta", response->beta);
  json_builder_end_object (builder);
}

/* On conversions, marketers budget by what a conversion costs, so that
 * comes beside the conversions per unit spent ("roas"). */
static void
add_costs (JsonBuilder                 *builder,
           const MmxChannelAttribution *channel)
{
  double ci[2], cpa;

  cpa = mmx_channel_attribution_get_cpa (channel, FALSE, ci);
  mmx_json_add_number (builder, "cpa", cpa);
  mmx_json_add_pair (builder, "cpa_ci", ci);
  cpa = mmx_channel_attribution_get_cpa (channel, TRUE, ci);
  mmx_json_add_number (builder, "marginal_cpa", cpa);
  mmx_json_add_pair (builder, "marginal_cpa_ci", ci);
}

static void
add_channel (JsonBuilder                 *builder,
             const MmxAttribution        *self,
             const MmxChannelAttribution *channel)
{
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "name", channel->name);
  mmx_json_add_boolean (builder, "measured", channel->measured);
  mmx_json_add_string (builder, "reason", channel->reason);
  mmx_json_add_number (builder, "spend", channel->spend);
  mmx_json_add_number (builder, "spend_share", channel->spend_share);
  mmx_json_add_number (builder, "current_spend", channel->current_spend);
  mmx_json_add_number (builder, "contribution", channel->contribution);
  mmx_json_add_pair (builder, "contribution_ci", channel->contribution_ci);
  mmx_json_add_number (builder, "share", channel->share);
  mmx_json_add_number (builder, "roas", channel->roas);
  mmx_json_add_pair (builder, "roas_ci", channel->roas_ci);
  mmx_json_add_number (builder, "mroas", channel->mroas);
  mmx_json_add_pair (builder, "mroas_ci", channel->mroas_ci);
  mmx_json_add_number (builder, "zero_share", channel->zero_share);
  mmx_json_add_boolean (builder, "held_at_zero", channel->held_at_zero);
  mmx_json_add_number (builder, "unconstrained_roas", channel->unconstrained_roas);
  if (channel->measured && self->target == MMX_ATTRIBUTION_CONVERSIONS)
    add_costs (builder, channel);

  if (channel->measured && self->method == MMX_ATTRIBUTION_MMM)
    {
      add_response (builder, self, &channel->response);
      json_builder_set_member_name (builder, "response_curve");
      json_builder_begin_array (builder);
      for (guint i = 0; i < MMX_ATTRIBUTION_CURVE_POINTS; i++)
        {
          json_builder_begin_array (builder);
          json_builder_add_double_value (builder, channel->curve_spend[i]);
          json_builder_add_double_value (builder, channel->curve_target[i]);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  else if (channel->measured)
    {
      json_builder_set_member_name (builder, "lag_coefficients");
      json_builder_begin_array (builder);
      for (guint l = 0; l < G_N_ELEMENTS (channel->lag_coefficients); l++)
        json_builder_add_double_value (builder, channel->lag_coefficients[l]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_diagnostics (JsonBuilder          *builder,
                 const MmxAttribution *self)
{
  const MmxAttributionDiagnostics *d = &self->diagnostics;

  json_builder_set_member_name (builder, "diagnostics");
  json_builder_begin_object (builder);
  mmx_json_add_number (builder, "r2", d->r2);
  mmx_json_add_number (builder, "adjusted_r2", d->adjusted_r2);
  mmx_json_add_number (builder, "mape", d->mape);
  mmx_json_add_number (builder, "nrmse", d->nrmse);
  mmx_json_add_number (builder, "holdout_mape", d->holdout_mape);
  mmx_json_add_number (builder, "holdout_nrmse", d->holdout_nrmse);
  mmx_json_add_number (builder, "decomp_rssd", d->decomposition_distance);
  mmx_json_add_number (builder, "durbin_watson", d->durbin_watson);
  mmx_json_add_number (builder, "condition_number", d->condition_number);
  mmx_json_add_number (builder, "lift_error", d->lift_error);
  mmx_json_add_number (builder, "ridge_penalty", pow (10, self->log_penalty));
  mmx_json_add_number (builder, "log10_ridge_penalty", self->log_penalty);
  mmx_json_add_strv (builder, "warnings", (const char * const *) self->warnings->pdata);
  json_builder_end_object (builder);
}

static void
add_series_object (JsonBuilder          *builder,
                   const MmxAttribution *self)
{
  guint days = mmx_granularity_get_days (self->granularity);

  json_builder_set_member_name (builder, "series");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dates");
  json_builder_begin_array (builder);
  for (guint t = 0; t < self->n_periods; t++)
    {
      g_autofree char *date = mmx_date_julian_to_iso (self->first_day + t * days);

      json_builder_add_string_value (builder, date);
    }
  json_builder_end_array (builder);
  add_series (builder, "actual", self->actual, self->n_periods);
  add_series (builder, "fitted", self->fitted, self->n_periods);
  add_series (builder, "baseline", self->baseline, self->n_periods);
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_object (builder);
  for (guint k = 0; k < self->channels->len; k++)
    {
      const MmxChannelAttribution *channel = g_ptr_array_index (self->channels, k);

      if (channel->measured)
        add_series (builder, channel->name, channel->series, self->n_periods);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * mmx_attribution_build_json:
 * @self: a result
 * @builder: a builder, inside an object
 * @with_series: whether to add the series (actual, fitted, baseline and
 *   each channel per period)
 *
 * Adds the members `marketingmix-cli attribute --json` prints.
 */
void
mmx_attribution_build_json (const MmxAttribution *self,
                            JsonBuilder          *builder,
                            gboolean              with_series)
{
  g_autofree char *from = mmx_date_julian_to_iso (self->first_day);
  g_autofree char *to = mmx_date_julian_to_iso (self->first_day + self->n_periods
                                                * mmx_granularity_get_days (self->granularity) - 1);

  mmx_json_add_string (builder, "method", mmx_attribution_method_to_string (self->method));
  mmx_json_add_string (builder, "target", self->target == MMX_ATTRIBUTION_CONVERSIONS
                                          ? "conversions" : "revenue");
  mmx_json_add_string (builder, "granularity", mmx_granularity_to_string (self->granularity));
  mmx_json_add_string (builder, "from", from);
  mmx_json_add_string (builder, "to", to);
  mmx_json_add_int (builder, "seed", (gint64) self->seed);
  mmx_json_add_int (builder, "bootstrap", self->n_bootstrap);
  mmx_json_add_number (builder, "total", self->total_target);

  json_builder_set_member_name (builder, "explanations");
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "roas", mmx_attribution_explain_roas (self));
  mmx_json_add_string (builder, "mroas", mmx_attribution_explain_mroas (self));
  if (self->target == MMX_ATTRIBUTION_CONVERSIONS)
    {
      mmx_json_add_string (builder, "cpa", mmx_attribution_explain_cpa (FALSE));
      mmx_json_add_string (builder, "marginal_cpa", mmx_attribution_explain_cpa (TRUE));
    }
  json_builder_end_object (builder);

  add_diagnostics (builder, self);

  json_builder_set_member_name (builder, "baseline");
  json_builder_begin_object (builder);
  mmx_json_add_number (builder, "contribution", self->baseline_contribution);
  mmx_json_add_number (builder, "share", self->baseline_share);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint k = 0; k < self->channels->len; k++)
    add_channel (builder, self, g_ptr_array_index (self->channels, k));
  json_builder_end_array (builder);

  if (with_series)
    add_series_object (builder, self);
  mmx_json_add_int (builder, "elapsed_ms", self->elapsed_ms);
}

static gboolean
same_curve (const MmxResponse *a,
            const MmxResponse *b)
{
  return a->adstock.kind == b->adstock.kind && a->adstock.decay == b->adstock.decay
         && a->adstock.shape == b->adstock.shape && a->adstock.scale == b->adstock.scale
         && a->adstock.n_lags == b->adstock.n_lags && a->hill.half == b->hill.half
         && a->hill.shape == b->hill.shape;
}

/* Betas alone when every replicate kept the fit's curves (no re-search),
 * whole responses otherwise. */
static void
add_replicates (JsonBuilder          *builder,
                const MmxAttribution *self)
{
  guint M = mmx_attribution_get_n_measured (self);
  g_autofree const MmxChannelAttribution **measured = g_new (const MmxChannelAttribution *, M + 1);
  gboolean betas_only = TRUE;

  for (guint k = 0, m = 0; k < self->channels->len; k++)
    {
      const MmxChannelAttribution *channel = g_ptr_array_index (self->channels, k);

      if (channel->measured)
        measured[m++] = channel;
    }
  for (guint r = 0; r < self->n_replicates && betas_only; r++)
    for (guint m = 0; m < M; m++)
      betas_only = betas_only && same_curve (&self->replicates[(gsize) r * M + m],
                                             &measured[m]->response);

  json_builder_set_member_name (builder, "replicates");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, betas_only ? "betas" : "responses");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->n_replicates; r++)
    {
      json_builder_begin_array (builder);
      for (guint m = 0; m < M; m++)
        {
          const MmxResponse *response = &self->replicates[(gsize) r * M + m];

          if (betas_only)
            {
              json_builder_add_double_value (builder, response->beta);
              continue;
            }
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, response->adstock.kind);
          json_builder_add_double_value (builder, response->adstock.decay);
          json_builder_add_double_value (builder, response->adstock.shape);
          json_builder_add_double_value (builder, response->adstock.scale);
          json_builder_add_int_value (builder, response->adstock.n_lags);
          json_builder_add_double_value (builder, response->hill.half);
          json_builder_add_double_value (builder, response->hill.shape);
          json_builder_add_double_value (builder, response->beta);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * mmx_attribution_to_data:
 * @self: a result
 *
 * Returns: (transfer full): the whole result, series and bootstrap
 *   replicates included, as JSON that mmx_attribution_new_from_data()
 *   reads back: what the result cache keeps
 */
char *
mmx_attribution_to_data (const MmxAttribution *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  mmx_attribution_build_json (self, builder, TRUE);
  if (self->n_replicates > 0)
    add_replicates (builder, self);
  json_builder_end_object (builder);
  return mmx_json_to_string (builder, FALSE);
}

static double *
get_series (MmxJsonReader *reader,
            JsonObject    *object,
            const char    *member,
            guint          n)
{
  JsonArray *array = mmx_json_reader_array (reader, object, member);
  double *values = g_new0 (double, MAX (n, 1));

  if (array == NULL || json_array_get_length (array) != n)
    {
      reader->ok = FALSE;
      return values;
    }
  for (guint t = 0; t < n; t++)
    values[t] = mmx_json_reader_element (reader, array, t);
  return values;
}

static void
read_response (MmxJsonReader *reader,
               JsonObject    *object,
               MmxResponse   *response)
{
  JsonObject *adstock = mmx_json_reader_object (reader, object, "adstock");
  JsonObject *saturation = mmx_json_reader_object (reader, object, "saturation");

  if (g_strcmp0 (mmx_json_reader_string (reader, adstock, "type"), "weibull") == 0)
    {
      response->adstock.kind = MMX_ADSTOCK_WEIBULL;
      response->adstock.shape = mmx_json_reader_number (reader, adstock, "shape");
      response->adstock.scale = mmx_json_reader_number (reader, adstock, "scale");
      response->adstock.n_lags = (guint) mmx_json_reader_number (reader, adstock, "lags");
    }
  else
    {
      response->adstock.kind = MMX_ADSTOCK_GEOMETRIC;
      response->adstock.decay = mmx_json_reader_number (reader, adstock, "decay");
    }
  response->hill.half = mmx_json_reader_number (reader, saturation, "half");
  response->hill.shape = mmx_json_reader_number (reader, saturation, "shape");
  response->beta = mmx_json_reader_number (reader, saturation, "beta");
}

static MmxChannelAttribution *
read_channel (MmxJsonReader        *reader,
              const MmxAttribution *self,
              JsonObject           *object,
              JsonObject           *series)
{
  MmxChannelAttribution *channel = g_new0 (MmxChannelAttribution, 1);
  const char *reason;

  channel->name = g_strdup (mmx_json_reader_string (reader, object, "name"));
  channel->measured = mmx_json_reader_boolean (reader, object, "measured");
  reason = mmx_json_reader_string (reader, object, "reason");
  channel->reason = g_strdup (reason);
  channel->spend = mmx_json_reader_number (reader, object, "spend");
  channel->spend_share = mmx_json_reader_number (reader, object, "spend_share");
  channel->current_spend = mmx_json_reader_number (reader, object, "current_spend");
  channel->contribution = mmx_json_reader_number (reader, object, "contribution");
  mmx_json_reader_pair (reader, object, "contribution_ci", channel->contribution_ci);
  channel->share = mmx_json_reader_number (reader, object, "share");
  channel->roas = mmx_json_reader_number (reader, object, "roas");
  mmx_json_reader_pair (reader, object, "roas_ci", channel->roas_ci);
  channel->mroas = mmx_json_reader_number (reader, object, "mroas");
  mmx_json_reader_pair (reader, object, "mroas_ci", channel->mroas_ci);
  channel->zero_share = mmx_json_reader_number (reader, object, "zero_share");
  channel->held_at_zero = mmx_json_reader_boolean (reader, object, "held_at_zero");
  channel->unconstrained_roas = mmx_json_reader_number (reader, object, "unconstrained_roas");

  if (channel->measured && self->method == MMX_ATTRIBUTION_MMM && channel->name != NULL)
    {
      JsonArray *curve = mmx_json_reader_array (reader, object, "response_curve");

      read_response (reader, object, &channel->response);
      for (guint i = 0; curve != NULL && i < MMX_ATTRIBUTION_CURVE_POINTS; i++)
        {
          JsonArray *point = json_array_get_length (curve) == MMX_ATTRIBUTION_CURVE_POINTS
                             ? json_array_get_array_element (curve, i) : NULL;

          if (point == NULL || json_array_get_length (point) != 2)
            {
              reader->ok = FALSE;
              break;
            }
          channel->curve_spend[i] = mmx_json_reader_element (reader, point, 0);
          channel->curve_target[i] = mmx_json_reader_element (reader, point, 1);
        }
    }
  else if (channel->measured)
    {
      JsonArray *lags = mmx_json_reader_array (reader, object, "lag_coefficients");

      for (guint l = 0; lags != NULL && l < G_N_ELEMENTS (channel->lag_coefficients); l++)
        channel->lag_coefficients[l] = l < json_array_get_length (lags)
                                       ? mmx_json_reader_element (reader, lags, l)
                                       : NAN;
    }

  if (channel->measured && channel->name != NULL)
    channel->series = get_series (reader, mmx_json_reader_object (reader, series, "channels"),
                                  channel->name, self->n_periods);
  else
    channel->series = g_new0 (double, MAX (self->n_periods, 1));
  return channel;
}

static void
read_replicates (MmxJsonReader  *reader,
                 MmxAttribution *self,
                 JsonObject     *root)
{
  JsonObject *object;
  JsonArray *rows;
  gboolean betas_only;
  guint M = mmx_attribution_get_n_measured (self);

  if (!json_object_has_member (root, "replicates"))
    return;
  object = mmx_json_reader_object (reader, root, "replicates");
  betas_only = object != NULL && json_object_has_member (object, "betas");
  rows = mmx_json_reader_array (reader, object, betas_only ? "betas" : "responses");
  if (rows == NULL)
    return;

  self->n_replicates = json_array_get_length (rows);
  self->replicates = g_new0 (MmxResponse, (gsize) self->n_replicates * M + 1);
  for (guint r = 0; r < self->n_replicates && reader->ok; r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);

      if (row == NULL || json_array_get_length (row) != M)
        {
          reader->ok = FALSE;
          break;
        }
      for (guint m = 0; m < M; m++)
        {
          MmxResponse *response = &self->replicates[(gsize) r * M + m];
          JsonArray *values;

          *response = _mmx_attribution_get_measured (self, m)->response;
          if (betas_only)
            {
              response->beta = mmx_json_reader_element (reader, row, m);
              continue;
            }
          values = json_array_get_array_element (row, m);
          if (values == NULL || json_array_get_length (values) != 8)
            {
              reader->ok = FALSE;
              break;
            }
          response->adstock.kind = (MmxAdstockKind) mmx_json_reader_element (reader, values, 0);
          response->adstock.decay = mmx_json_reader_element (reader, values, 1);
          response->adstock.shape = mmx_json_reader_element (reader, values, 2);
          response->adstock.scale = mmx_json_reader_element (reader, values, 3);
          response->adstock.n_lags = (guint) mmx_json_reader_element (reader, values, 4);
          response->hill.half = mmx_json_reader_element (reader, values, 5);
          response->hill.shape = mmx_json_reader_element (reader, values, 6);
          response->beta = mmx_json_reader_element (reader, values, 7);
        }
    }
}

/**
 * mmx_attribution_new_from_data:
 * @data: what mmx_attribution_to_data() wrote
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the result, or %NULL with @error set when
 *   @data cannot be read
 */
MmxAttribution *
mmx_attribution_new_from_data (const char  *data,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MmxAttribution) self = NULL;
  JsonObject *root, *diagnostics, *baseline, *series;
  JsonArray *channels, *warnings, *dates;
  const char *method, *target, *granularity;
  MmxJsonReader reader = { TRUE };

  if (!json_parser_load_from_data (parser, data, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto unreadable;
  root = json_node_get_object (json_parser_get_root (parser));

  self = _mmx_attribution_new_empty ();
  method = mmx_json_reader_string (&reader, root, "method");
  target = mmx_json_reader_string (&reader, root, "target");
  granularity = mmx_json_reader_string (&reader, root, "granularity");
  if (!reader.ok || !mmx_attribution_method_from_string (method, &self->method))
    goto unreadable;
  self->target = g_strcmp0 (target, "conversions") == 0 ? MMX_ATTRIBUTION_CONVERSIONS
                                                        : MMX_ATTRIBUTION_REVENUE;
  self->granularity = mmx_granularity_from_string (granularity);
  self->seed = (guint64) mmx_json_reader_number (&reader, root, "seed");
  self->n_bootstrap = (guint) mmx_json_reader_number (&reader, root, "bootstrap");
  self->total_target = mmx_json_reader_number (&reader, root, "total");
  self->elapsed_ms = (gint64) mmx_json_reader_number (&reader, root, "elapsed_ms");

  series = mmx_json_reader_object (&reader, root, "series");
  dates = mmx_json_reader_array (&reader, series, "dates");
  if (!reader.ok || json_array_get_length (dates) == 0)
    goto unreadable;
  self->n_periods = json_array_get_length (dates);
  self->first_day = mmx_date_julian_from_iso (json_array_get_string_element (dates, 0));
  self->actual = get_series (&reader, series, "actual", self->n_periods);
  self->fitted = get_series (&reader, series, "fitted", self->n_periods);
  self->baseline = get_series (&reader, series, "baseline", self->n_periods);

  diagnostics = mmx_json_reader_object (&reader, root, "diagnostics");
  self->diagnostics.r2 = mmx_json_reader_number (&reader, diagnostics, "r2");
  self->diagnostics.adjusted_r2 = mmx_json_reader_number (&reader, diagnostics, "adjusted_r2");
  self->diagnostics.mape = mmx_json_reader_number (&reader, diagnostics, "mape");
  self->diagnostics.nrmse = mmx_json_reader_number (&reader, diagnostics, "nrmse");
  self->diagnostics.holdout_mape = mmx_json_reader_number (&reader, diagnostics, "holdout_mape");
  self->diagnostics.holdout_nrmse = mmx_json_reader_number (&reader, diagnostics, "holdout_nrmse");
  self->diagnostics.decomposition_distance = mmx_json_reader_number (&reader, diagnostics,
                                                                     "decomp_rssd");
  self->diagnostics.durbin_watson = mmx_json_reader_number (&reader, diagnostics, "durbin_watson");
  self->diagnostics.condition_number = mmx_json_reader_number (&reader, diagnostics,
                                                               "condition_number");
  self->diagnostics.lift_error = mmx_json_reader_number (&reader, diagnostics, "lift_error");
  self->log_penalty = mmx_json_reader_number (&reader, diagnostics, "log10_ridge_penalty");
  warnings = mmx_json_reader_array (&reader, diagnostics, "warnings");
  for (guint i = 0; warnings != NULL && i < json_array_get_length (warnings); i++)
    g_ptr_array_add (self->warnings, g_strdup (json_array_get_string_element (warnings, i)));

  baseline = mmx_json_reader_object (&reader, root, "baseline");
  self->baseline_contribution = mmx_json_reader_number (&reader, baseline, "contribution");
  self->baseline_share = mmx_json_reader_number (&reader, baseline, "share");

  channels = mmx_json_reader_array (&reader, root, "channels");
  for (guint k = 0; channels != NULL && k < json_array_get_length (channels); k++)
    {
      JsonObject *channel = json_array_get_object_element (channels, k);

      if (channel == NULL)
        goto unreadable;
      g_ptr_array_add (self->channels, read_channel (&reader, self, channel, series));
    }
  if (reader.ok)
    read_replicates (&reader, self, root);
  if (!reader.ok)
    goto unreadable;
  return g_steal_pointer (&self);

unreadable:
  g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_FAILED,
               _("The saved attribution cannot be read; run the attribution again."));
  return NULL;
}
