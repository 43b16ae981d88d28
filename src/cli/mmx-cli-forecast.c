/* mmx-cli-forecast.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mmx-attribution-store.h"
#include "mmx-cli.h"
#include "mmx-date.h"
#include "mmx-forecast.h"
#include "mmx-model-error.h"
#include "mmx-panel.h"
#include "mmx-spend-scenario-text.h"

typedef struct
{
  char     *horizon;
  char     *interval;
  char    **scenarios;
  char     *spend_plan;
  char     *events;
  char     *mode;
  char     *changepoint_prior_scale;
  char     *samples;
  char     *seed;
  gboolean  backtest;
  gboolean  no_attribution;
  gboolean  json;
} ForecastOptions;

static void
forecast_options_clear (ForecastOptions *options)
{
  g_free (options->horizon);
  g_free (options->interval);
  g_strfreev (options->scenarios);
  g_free (options->spend_plan);
  g_free (options->events);
  g_free (options->mode);
  g_free (options->changepoint_prior_scale);
  g_free (options->samples);
  g_free (options->seed);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ForecastOptions, forecast_options_clear)

static gboolean
parse_unsigned (const char *text,
                guint64     max,
                guint64    *out_value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, out_value, NULL);
}

static gboolean
parse_double (const char *text,
              double     *out_value)
{
  char *end;

  *out_value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out_value);
}

/* The settings the options give, or a usage error's exit status. */
static int
make_settings (GOptionContext       *context,
               ForecastOptions      *options,
               MmxForecastSettings **out_settings)
{
  g_autoptr(MmxForecastSettings) settings = NULL;
  guint64 horizon, samples, seed;
  double value;
  MmxForecastMode mode;

  if (options->horizon == NULL)
    return mmx_cli_usage_error (context, _("Say how far to forecast with --horizon DAYS, from 1 "
                                           "to %u."), MMX_FORECAST_MAX_HORIZON_DAYS);
  if (!parse_unsigned (options->horizon, G_MAXUINT, &horizon))
    return mmx_cli_usage_error (context, _("“--horizon %s” is not a number of days: give one "
                                           "from 1 to %u."), options->horizon,
                                MMX_FORECAST_MAX_HORIZON_DAYS);
  settings = mmx_forecast_settings_new (horizon);

  if (options->interval != NULL)
    {
      if (!parse_double (options->interval, &value))
        return mmx_cli_usage_error (context, _("“--interval %s” is not a number: give the "
                                               "band's share, such as 0.8 or 0.95."),
                                    options->interval);
      mmx_forecast_settings_set_interval (settings, value);
    }
  if (options->samples != NULL)
    {
      if (!parse_unsigned (options->samples, G_MAXUINT, &samples))
        return mmx_cli_usage_error (context, _("“--samples %s” is not a whole number."),
                                    options->samples);
      mmx_forecast_settings_set_n_samples (settings, samples);
    }
  if (options->seed != NULL)
    {
      if (!parse_unsigned (options->seed, G_MAXUINT64, &seed))
        return mmx_cli_usage_error (context, _("“--seed %s” is not a whole number of 0 or "
                                               "more."), options->seed);
      mmx_forecast_settings_set_seed (settings, seed);
    }
  if (options->mode != NULL)
    {
      if (!mmx_forecast_mode_from_string (options->mode, &mode))
        return mmx_cli_usage_error (context, _("“--mode %s” is not a mode: use additive or "
                                               "multiplicative."), options->mode);
      mmx_forecast_settings_set_mode (settings, mode);
    }
  if (options->changepoint_prior_scale != NULL)
    {
      if (!parse_double (options->changepoint_prior_scale, &value))
        return mmx_cli_usage_error (context, _("“--changepoint-prior-scale %s” is not a "
                                               "number."), options->changepoint_prior_scale);
      mmx_forecast_settings_set_changepoint_prior_scale (settings, value);
    }
  if (options->backtest)
    mmx_forecast_settings_set_backtest (settings, MMX_FORECAST_DEFAULT_CUTOFFS);

  *out_settings = g_steal_pointer (&settings);
  return MMX_CLI_EXIT_OK;
}

/* The side files and scenarios, which need the history to be read. */
static int
add_inputs (GOptionContext      *context,
            ForecastOptions     *options,
            MmxStore            *store,
            MmxPanel            *panel,
            MmxForecastSettings *settings)
{
  g_autoptr(GError) error = NULL;

  /* The attribution's response curves carry spend into revenue, when one
   * was fitted to this data. */
  if (!options->no_attribution)
    {
      g_autoptr(MmxAttribution) attribution = mmx_attribution_store_lookup_latest (store, &error);

      if (error != NULL)
        {
          mmx_cli_print_error (error);
          return MMX_CLI_EXIT_FAILURE;
        }
      if (attribution != NULL)
        mmx_forecast_settings_set_attribution (settings, attribution);
    }
  if (options->events != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->events);
      g_autoptr(MmxEvents) events = mmx_events_new ();

      if (!mmx_events_load_file (events, file, NULL, &error))
        {
          mmx_cli_print_error (error);
          return MMX_CLI_EXIT_FAILURE;
        }
      mmx_forecast_settings_take_events (settings, g_steal_pointer (&events));
    }
  if (options->spend_plan != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->spend_plan);
      MmxSpendPlan *plan = mmx_spend_plan_load (file, store, panel, NULL, &error);

      if (plan == NULL)
        {
          mmx_cli_print_error (error);
          return MMX_CLI_EXIT_FAILURE;
        }
      mmx_forecast_settings_take_spend_plan (settings, plan);
    }
  for (guint s = 0; options->scenarios != NULL && options->scenarios[s] != NULL; s++)
    {
      const char * const *channels = (const char * const *) panel->channel_names;
      MmxSpendScenario *scenario = mmx_spend_scenario_parse (options->scenarios[s], store,
                                                             channels, &error);

      if (scenario == NULL)
        {
          if (error->domain == MMX_MODEL_ERROR)
            return mmx_cli_usage_error (context, "%s", error->message);
          mmx_cli_print_error (error);
          return MMX_CLI_EXIT_FAILURE;
        }
      mmx_forecast_settings_take_scenario (settings, scenario);
    }
  return MMX_CLI_EXIT_OK;
}

static void
print_interval_row (const char                *label,
                    const MmxForecastInterval *interval)
{
  g_autofree char *yhat = mmx_cli_format_amount (interval->yhat);
  g_autofree char *lower = mmx_cli_format_amount (interval->lower);
  g_autofree char *upper = mmx_cli_format_amount (interval->upper);

  g_print ("%-22s %16s %16s %16s\n", label, yhat, lower, upper);
}

static void
print_component (const char   *label,
                 const double *values,
                 guint         n,
                 guint         stride,
                 const char   *detail)
{
  g_autofree char *amount = NULL;
  double total = 0;

  if (values == NULL)
    return;
  for (guint i = 0; i < n; i++)
    total += values[(gsize) i * stride];
  /* A cycle sums to nothing over whole weeks: not to "-0.00". */
  amount = mmx_cli_format_amount (fabs (total) < 0.005 ? 0 : total);
  g_print ("  %-28s %16s  %s\n", label, amount, detail != NULL ? detail : "");
}

static void
print_components (const MmxForecast *forecast)
{
  guint n = forecast->n_points;

  g_print (_("\nParts of the forecast, over the horizon\n"));
  print_component (_("Trend"), forecast->trend, n, 1, NULL);
  print_component (_("Weekly seasonality"), forecast->weekly, n, 1, NULL);
  print_component (_("Yearly seasonality"), forecast->yearly, n, 1, NULL);
  print_component (_("Events"), forecast->events, n, 1, NULL);
  for (guint k = 0; k < forecast->n_channels; k++)
    {
      const MmxForecastChannel *channel = &forecast->channels[k];
      g_autofree char *spend = mmx_cli_format_amount (channel->spend);
      g_autofree char *detail = channel->has_response
        ? g_strdup_printf (_("spend %s; attribution’s curve × %.2f"), spend, channel->coefficient)
        : g_strdup_printf (_("spend %s; adstock decay %.1f"), spend, channel->decay);

      print_component (channel->name, forecast->media + k, n, forecast->n_channels, detail);
    }
}

/* Indented by an empty first column. */
static const int scenario_widths[] = { 1, -20, 14, 16, 16, 16, 16 };

static void
print_scenarios (const MmxForecast *forecast)
{
  double base_spend = 0;
  g_autofree char *spend = NULL;

  if (forecast->n_scenarios == 0)
    return;
  for (guint k = 0; k < forecast->n_channels; k++)
    base_spend += forecast->channels[k].spend;
  spend = mmx_cli_format_amount (base_spend);

  g_print (_("\nScenarios, over the horizon\n"));
  {
    g_autofree char *total = mmx_cli_format_amount (forecast->total.yhat);
    const char *header[] = {
      "", _("Scenario"), _("Spend"), _("Revenue"), _("Change"), _("Change, low"), _("Change, high"),
    };
    const char *base_case[] = { "", _("base case"), spend, total };

    mmx_cli_print_row (scenario_widths, header, G_N_ELEMENTS (header));
    mmx_cli_print_row (scenario_widths, base_case, G_N_ELEMENTS (base_case));
  }
  for (guint s = 0; s < forecast->n_scenarios; s++)
    {
      const MmxForecastScenarioResult *scenario = &forecast->scenarios[s];
      g_autofree char *s_spend = mmx_cli_format_amount (scenario->spend);
      g_autofree char *total = mmx_cli_format_amount (scenario->total.yhat);
      g_autofree char *delta = g_strdup_printf ("%+'.2f", scenario->delta.yhat);
      g_autofree char *lower = g_strdup_printf ("%+'.2f", scenario->delta.lower);
      g_autofree char *upper = g_strdup_printf ("%+'.2f", scenario->delta.upper);
      const char *row[] = { "", scenario->name, s_spend, total, delta, lower, upper };

      mmx_cli_print_row (scenario_widths, row, G_N_ELEMENTS (row));
    }
}

static void
print_backtest (const MmxForecast *forecast)
{
  const MmxForecastBacktest *backtest = forecast->backtest;
  g_autofree char *rmse = NULL;

  if (backtest == NULL)
    return;
  rmse = mmx_cli_format_amount (backtest->rmse);
  g_print (_("\nBacktest from %u origins: MAPE %.1f %%, RMSE %s, the %.0f %% band held %.0f %% "
             "of %u periods\n"), backtest->n_cutoffs, backtest->mape * 100, rmse,
           forecast->interval * 100, backtest->coverage * 100, backtest->n_points);
  for (guint r = 0; r < backtest->n_cutoffs; r++)
    {
      const MmxForecastCutoff *cutoff = &backtest->cutoffs[r];
      g_autofree char *date = mmx_date_julian_to_iso (cutoff->first_day);
      g_autofree char *c_rmse = mmx_cli_format_amount (cutoff->rmse);

      g_print (_("  from %s: MAPE %.1f %%, RMSE %s, band held %.0f %%\n"), date,
               cutoff->mape * 100, c_rmse, cutoff->coverage * 100);
    }
}

static void
print_forecast (const MmxForecast *forecast)
{
  gboolean weekly = forecast->granularity == MMX_GRANULARITY_WEEKLY;
  g_autofree char *first = mmx_date_julian_to_iso (forecast->days[0]);
  g_autofree char *last = mmx_date_julian_to_iso (forecast->days[forecast->n_points - 1]);

  if (weekly)
    g_print (_("Revenue forecast for %u weeks, from the week of %s to that of %s, with its %.0f %% "
               "interval (%s)\n\n"), forecast->n_points, first, last, forecast->interval * 100,
             mmx_forecast_mode_to_string (forecast->mode));
  else
    g_print (_("Revenue forecast for %u days, from %s to %s, with its %.0f %% interval (%s)\n\n"),
             forecast->n_points, first, last, forecast->interval * 100,
             mmx_forecast_mode_to_string (forecast->mode));

  g_print ("%-22s %16s %16s %16s\n", weekly ? _("Week of") : _("Day"), _("Forecast"), _("Low"),
           _("High"));
  for (guint i = 0; i < forecast->n_points; i++)
    {
      g_autofree char *date = mmx_date_julian_to_iso (forecast->days[i]);

      print_interval_row (date, &forecast->points[i]);
    }
  g_print ("\n");
  print_interval_row (_("Total"), &forecast->total);
  print_interval_row (weekly ? _("Average per week") : _("Average per day"), &forecast->average);

  print_components (forecast);
  print_scenarios (forecast);
  print_backtest (forecast);

  if (forecast->notes[0] != NULL)
    g_print (_("\nNotes\n"));
  for (guint i = 0; forecast->notes[i] != NULL; i++)
    g_print ("  %s\n", forecast->notes[i]);
  g_print (_("\nForecast in %.0f ms.\n"), forecast->elapsed_ms);
}

int
mmx_cli_forecast (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  g_auto(ForecastOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(MmxForecastSettings) settings = NULL;
  g_autoptr(MmxForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "horizon", 0, 0, G_OPTION_ARG_STRING, &options.horizon,
      N_("How far to forecast, from 1 to 365 days (weekly data: the weeks they touch)"), "DAYS" },
    { "interval", 0, 0, G_OPTION_ARG_STRING, &options.interval,
      N_("The share of outcomes the band holds (default: 0.8)"), "SHARE" },
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.scenarios,
      N_("Compare a change of spend with the base case, such as "
         "“more-meta:Facebook Ads=+20%,Email=150/day”; a change is +N%, -N%, N/day or N/week, "
         "and * is every channel; repeat to compare several"), "NAME:CHANNEL=CHANGE,…" },
    { "spend-plan", 0, 0, G_OPTION_ARG_FILENAME, &options.spend_plan,
      N_("Planned spend of the base case, a CSV file date,channel,spend (default: each channel’s "
         "spend of the last 28 days goes on)"), "FILE" },
    { "events", 0, 0, G_OPTION_ARG_FILENAME, &options.events,
      N_("Your events and promotions, a CSV file date,name[,end], besides the retail calendar"),
      "FILE" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &options.mode,
      N_("How seasonality and events combine with the trend (default: additive)"),
      "additive|multiplicative" },
    { "changepoint-prior-scale", 0, 0, G_OPTION_ARG_STRING, &options.changepoint_prior_scale,
      N_("How freely the trend may bend (default: 0.05)"), "SCALE" },
    { "samples", 0, 0, G_OPTION_ARG_STRING, &options.samples,
      N_("The futures simulated for the band (default: 1000)"), "N" },
    { "backtest", 0, 0, G_OPTION_ARG_NONE, &options.backtest,
      N_("Also forecast from 3 earlier origins and score the forecasts"), NULL },
    { "no-attribution", 0, 0, G_OPTION_ARG_NONE, &options.no_attribution,
      N_("Use adstocked spend even when an attribution of the data was run (by default its "
         "response curves carry spend into revenue)"), NULL },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &options.seed,
      N_("The seed of the simulation; one seed gives one result (default: 0)"), "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— forecast revenue with a band, for your spend plan and "
                                    "what-if scenarios"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1)
    return mmx_cli_usage_error (context, _("Unexpected argument “%s”."), argv[1]);
  status = make_settings (context, &options, &settings);
  if (status != MMX_CLI_EXIT_OK)
    return status;

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;
  panel = mmx_panel_load (store, NULL, NULL, NULL, &error);
  if (panel == NULL)
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }
  status = add_inputs (context, &options, store, panel, settings);
  if (status != MMX_CLI_EXIT_OK)
    return status;

  forecast = mmx_forecast_run (panel, settings, NULL, NULL, NULL, &error);
  if (forecast == NULL)
    {
      if (g_error_matches (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS))
        return mmx_cli_usage_error (context, "%s", error->message);
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }

  if (options.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mmx_forecast_build_json (forecast, builder);
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
    }
  else
    print_forecast (forecast);
  return MMX_CLI_EXIT_OK;
}
