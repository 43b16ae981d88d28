/* test-forecast.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mmx-date.h"
#include "mmx-forecast.h"
#include "mmx-model-error.h"
#include "mmx-parallel.h"
#include "mmx-spend-scenario-text.h"
#include "mmx-test-series.h"
#include "mmx-test-utils.h"

/* Accuracy tests of the forecast on generated series whose parts are
 * known (tests/mmx-test-series.c). Each fits on the history and forecasts
 * held-out periods with the spend they really had, given as a plan, so
 * the forecast is judged the way a user's is. The tolerances are stated
 * where they are checked. */

#define HISTORY_DAYS 730
#define HORIZON_DAYS 90

static MmxTestSeriesSpec
daily_spec (guint64 seed)
{
  return (MmxTestSeriesSpec) {
    .seed = seed,
    .granularity = MMX_GRANULARITY_DAILY,
    .n_periods = HISTORY_DAYS + HORIZON_DAYS,
    .n_channels = 3,
    .start = "2022-01-03",
    .level = 20000,
    .slope = 8,
    .changepoint = 400,
    .slope_change = -4,
    .weekly = 1500,
    .yearly = 2500,
    .event = 4000,
    .media_share = 0.3,
    .noise = 800,
  };
}

static const char * const *
channels_of (MmxTestSeries *series)
{
  return (const char * const *) series->panel->channel_names;
}

/* The spend the held-out periods really had, one row per period. */
static MmxSpendPlan *
true_plan (MmxTestSeries *series,
           guint          n_history)
{
  const MmxPanel *panel = series->panel;
  MmxSpendPlan *plan = mmx_spend_plan_new ();

  for (guint t = n_history; t < panel->n_periods; t++)
    for (guint k = 0; k < panel->n_channels; k++)
      mmx_spend_plan_add (plan, mmx_panel_get_day (panel, t), panel->channel_names[k],
                          panel->spend[t * panel->n_channels + k]);
  return plan;
}

static MmxForecastSettings *
new_settings (MmxTestSeries *series,
              guint          n_history,
              guint          horizon_days)
{
  MmxForecastSettings *settings = mmx_forecast_settings_new (horizon_days);
  MmxEvents *events = mmx_events_new ();

  for (guint i = 0; i < mmx_events_get_n_events (series->events); i++)
    {
      const MmxEvent *event = mmx_events_get_event (series->events, i);

      mmx_events_add (events, event->name, event->first_day, event->last_day);
    }
  mmx_forecast_settings_take_events (settings, events);
  mmx_forecast_settings_take_spend_plan (settings, true_plan (series, n_history));
  return settings;
}

static MmxForecast *
forecast_series (MmxTestSeries       *series,
                 guint                n_history,
                 MmxForecastSettings *settings)
{
  g_autoptr(MmxPanel) history = mmx_test_series_get_history (series, n_history);
  g_autoptr(GError) error = NULL;
  MmxForecast *forecast = mmx_forecast_run (history, settings, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (forecast);
  return forecast;
}

typedef struct
{
  guint  n;
  double absolute_percentage;
  guint  covered;
} Score;

static void
add_score (Score             *score,
           const MmxForecast *forecast,
           MmxTestSeries     *series,
           guint              n_history)
{
  for (guint i = 0; i < forecast->n_points; i++)
    {
      double actual = series->panel->revenue[n_history + i];
      const MmxForecastInterval *point = &forecast->points[i];

      if (series->panel->missing[n_history + i])
        continue;
      score->n++;
      score->absolute_percentage += fabs (actual - point->yhat) / actual;
      score->covered += actual >= point->lower && actual <= point->upper;
    }
}

static double
rms_difference (const double *a,
                const double *b,
                guint         n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += (a[i] - b[i]) * (a[i] - b[i]);
  return sqrt (sum / n);
}

static double
rms (const double *a,
     guint         n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += a[i] * a[i];
  return sqrt (sum / n);
}

static double
sum_range (const double *values,
           guint         n,
           guint         stride)
{
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += values[(gsize) i * stride];
  return total;
}

/* The parts of the forecast add up to it, and each is near the truth.
 * A linear regressor stands for a saturating effect by a slope and a
 * constant, which the trend takes, so the trend and media are checked
 * together as well as apart. */
static void
check_components (MmxTestSeries     *series,
                  const MmxForecast *forecast,
                  double             trend_tolerance,
                  double             media_tolerance)
{
  guint n = forecast->n_points, K = forecast->n_channels, first = HISTORY_DAYS;
  double trend_error = 0, base_error = 0, media = 0, true_media = 0;
  double level = series->trend[first];

  g_assert_cmpuint (n, ==, HORIZON_DAYS);
  for (guint i = 0; i < n; i++)
    {
      double parts = forecast->trend[i] + forecast->weekly[i] + forecast->yearly[i]
                     + forecast->events[i];
      double fitted_media = 0, actual_media = 0;

      for (guint k = 0; k < K; k++)
        {
          parts += forecast->media[i * K + k];
          fitted_media += forecast->media[i * K + k];
          actual_media += series->media[(first + i) * K + k];
        }
      g_assert_cmpfloat_with_epsilon (parts, forecast->points[i].yhat, 1e-6 * parts);
      trend_error += fabs (forecast->trend[i] - series->trend[first + i]) / n;
      base_error += fabs (forecast->trend[i] + fitted_media - series->trend[first + i]
                          - actual_media) / n;
      media += fitted_media;
      true_media += actual_media;
    }

  g_test_message ("trend %.3f, trend and media %.3f of the level; weekly %.3f, yearly %.3f, "
                  "events %.3f, media %.3f of theirs", trend_error / level, base_error / level,
                  rms_difference (forecast->weekly, series->weekly + first, n)
                  / rms (series->weekly + first, n),
                  rms_difference (forecast->yearly, series->yearly + first, n)
                  / rms (series->yearly + first, n),
                  sum_range (forecast->events, n, 1) / sum_range (series->event + first, n, 1) - 1,
                  media / true_media - 1);

  /* Trend and media together within 3 % of the level; the seasonalities
   * within a fifth (weekly) and two fifths (yearly, seen twice) of their
   * size; the sale within a quarter. */
  g_assert_cmpfloat (base_error, <, 0.03 * level);
  g_assert_cmpfloat (trend_error, <, trend_tolerance * level);
  g_assert_cmpfloat (fabs (media - true_media), <, media_tolerance * true_media);
  g_assert_cmpfloat (rms_difference (forecast->weekly, series->weekly + first, n), <,
                     0.2 * rms (series->weekly + first, n));
  g_assert_cmpfloat (rms_difference (forecast->yearly, series->yearly + first, n), <,
                     0.4 * rms (series->yearly + first, n));
  g_assert_cmpfloat (fabs (sum_range (forecast->events, n, 1)
                           - sum_range (series->event + first, n, 1)), <,
                     0.25 * sum_range (series->event + first, n, 1));
}

/* Without attribution's curves, the channels enter as adstocked spend. */
static void
test_components_adstock (void)
{
  MmxTestSeriesSpec spec = daily_spec (11);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
  g_autoptr(MmxForecast) forecast = forecast_series (series, HISTORY_DAYS, settings);

  for (guint k = 0; k < forecast->n_channels; k++)
    {
      g_assert_false (forecast->channels[k].has_response);
      g_assert_cmpfloat (forecast->channels[k].decay, >=, 0);
      g_assert_cmpfloat (forecast->channels[k].decay, <=, 0.8);
    }
  /* Linear in adstocked spend where the truth saturates: the trend within
   * a fifth of its level, media within two fifths of theirs. */
  check_components (series, forecast, 0.2, 0.4);
}

/* With attribution's curves, each channel's effect follows its curve. */
static void
test_components_response (void)
{
  MmxTestSeriesSpec spec = daily_spec (12);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
  g_autoptr(MmxForecast) forecast = NULL;
  guint K = series->panel->n_channels;

  for (guint k = 0; k < K; k++)
    mmx_forecast_settings_set_response (settings, series->panel->channel_names[k],
                                        &series->responses[k]);
  forecast = forecast_series (series, HISTORY_DAYS, settings);

  /* The true curves: the trend within 3 % of its level, media within a
   * tenth in all, each channel within a fifth, and the history bears out
   * each curve within a quarter. */
  check_components (series, forecast, 0.03, 0.1);
  for (guint k = 0; k < K; k++)
    {
      double truth = mmx_test_series_media_total (series, k, HISTORY_DAYS, HORIZON_DAYS, 1);

      g_assert_true (forecast->channels[k].has_response);
      g_assert_cmpfloat (fabs (forecast->channels[k].coefficient - 1), <, 0.25);
      g_assert_cmpfloat (fabs (forecast->channels[k].contribution - truth), <, 0.2 * truth);
    }
}

/* With a curve, a channel's part of the forecast is its coefficient times
 * the revenue the curve gives for the spend, carry-over from the history
 * included, whatever the curve's kind of carry-over. */
static void
test_response_transform (void)
{
  MmxTestSeriesSpec spec = daily_spec (20);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, 30);
  g_autoptr(MmxForecast) forecast = NULL;
  const MmxPanel *panel = series->panel;
  guint K = panel->n_channels, n = HISTORY_DAYS + 30;
  MmxResponse delayed = series->responses[1];
  MmxResponse responses[2];
  g_autofree double *spend = g_new (double, n);
  g_autofree double *revenue = g_new (double, n);

  delayed.adstock = (MmxAdstock) { MMX_ADSTOCK_WEIBULL, 0, 2.0, 3.0, 14 };
  responses[0] = series->responses[0];
  responses[1] = delayed;
  for (guint k = 0; k < 2; k++)
    mmx_forecast_settings_set_response (settings, panel->channel_names[k], &responses[k]);
  forecast = forecast_series (series, HISTORY_DAYS, settings);

  for (guint k = 0; k < 2; k++)
    {
      for (guint t = 0; t < n; t++)
        spend[t] = panel->spend[t * K + k];
      mmx_response_apply (&responses[k], spend, n, 1, revenue);
      g_assert_true (forecast->channels[k].has_response);
      for (guint i = 0; i < forecast->n_points; i++)
        g_assert_cmpfloat_with_epsilon (forecast->media[i * K + k],
                                        forecast->channels[k].coefficient
                                        * revenue[HISTORY_DAYS + i],
                                        1e-9 * (1 + revenue[HISTORY_DAYS + i]));
    }
  g_assert_false (forecast->channels[2].has_response);
}

/* An attribution of the same data hands its curves over, and the
 * forecast follows them. */
static void
test_attribution (void)
{
  MmxTestSeriesSpec spec = daily_spec (19);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxPanel) history = mmx_test_series_get_history (series, HISTORY_DAYS);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
  g_autoptr(MmxAttribution) attribution = NULL;
  g_autoptr(MmxForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  MmxAttributionSettings attribution_settings;
  guint n_measured;

  mmx_attribution_settings_init (&attribution_settings);
  attribution_settings.n_bootstrap = 0;
  attribution = mmx_attribution_run (history, &attribution_settings, NULL, NULL, &error);
  g_assert_no_error (error);
  n_measured = mmx_attribution_get_n_measured (attribution);
  g_assert_cmpuint (n_measured, >, 0);
  g_assert_cmpuint (mmx_forecast_settings_set_attribution (settings, attribution), ==, n_measured);

  forecast = forecast_series (series, HISTORY_DAYS, settings);
  for (guint k = 0; k < forecast->n_channels; k++)
    {
      const MmxChannelAttribution *measured = NULL;

      for (guint a = 0; a < attribution->channels->len; a++)
        {
          const MmxChannelAttribution *channel = g_ptr_array_index (attribution->channels, a);

          if (g_str_equal (channel->name, forecast->channels[k].name) && channel->measured)
            measured = channel;
        }
      g_assert_cmpint (forecast->channels[k].has_response, ==, measured != NULL);
    }
  /* The curves are attribution's estimates, not the truth: media within
   * a quarter. */
  check_components (series, forecast, 0.1, 0.25);

  /* Conversions have no revenue curve. */
  attribution->target = MMX_ATTRIBUTION_CONVERSIONS;
  g_assert_cmpuint (mmx_forecast_settings_set_attribution (settings, attribution), ==, 0);
}

/* The 80 % band holds 70 to 90 % of held-out days, over five series. */
static void
test_coverage (void)
{
  Score score = { 0 };

  for (guint64 seed = 1; seed <= 5; seed++)
    {
      MmxTestSeriesSpec spec = daily_spec (seed);
      g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
      g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
      g_autoptr(MmxForecast) forecast = forecast_series (series, HISTORY_DAYS, settings);

      add_score (&score, forecast, series, HISTORY_DAYS);
    }
  g_test_message ("coverage %.3f, MAPE %.4f over %u days", (double) score.covered / score.n,
                  score.absolute_percentage / score.n, score.n);
  g_assert_cmpfloat ((double) score.covered / score.n, >=, 0.70);
  g_assert_cmpfloat ((double) score.covered / score.n, <=, 0.90);
  /* The noise alone makes a MAPE of about 2.3 %; within 4 %. */
  g_assert_cmpfloat (score.absolute_percentage / score.n, <, 0.04);
}

/* A wider interval is a wider band, around the same forecast. */
static void
test_interval (void)
{
  MmxTestSeriesSpec spec = daily_spec (3);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) narrow = new_settings (series, HISTORY_DAYS, 30);
  g_autoptr(MmxForecastSettings) wide = new_settings (series, HISTORY_DAYS, 30);
  g_autoptr(MmxForecast) a = NULL;
  g_autoptr(MmxForecast) b = NULL;

  mmx_forecast_settings_set_interval (wide, 0.95);
  a = forecast_series (series, HISTORY_DAYS, narrow);
  b = forecast_series (series, HISTORY_DAYS, wide);
  g_assert_cmpfloat (b->interval, ==, 0.95);
  for (guint i = 0; i < a->n_points; i++)
    {
      g_assert_cmpfloat (a->points[i].yhat, ==, b->points[i].yhat);
      g_assert_cmpfloat (b->points[i].lower, <, a->points[i].lower);
      g_assert_cmpfloat (b->points[i].upper, >, a->points[i].upper);
      g_assert_cmpfloat (a->points[i].lower, <, a->points[i].yhat);
      g_assert_cmpfloat (a->points[i].upper, >, a->points[i].yhat);
    }
  g_assert_cmpfloat (b->total.lower, <, a->total.lower);
  g_assert_cmpfloat_with_epsilon (a->average.yhat * a->n_points, a->total.yhat,
                                  1e-6 * a->total.yhat);
}

static void
assert_same_forecast (const MmxForecast *a,
                      const MmxForecast *b)
{
  g_assert_cmpuint (a->n_points, ==, b->n_points);
  g_assert_cmpmem (a->points, sizeof (MmxForecastInterval) * a->n_points, b->points,
                   sizeof (MmxForecastInterval) * b->n_points);
  g_assert_cmpmem (&a->total, sizeof a->total, &b->total, sizeof b->total);
  g_assert_cmpuint (a->n_scenarios, ==, b->n_scenarios);
  for (guint s = 0; s < a->n_scenarios; s++)
    {
      g_assert_cmpmem (&a->scenarios[s].total, sizeof (MmxForecastInterval),
                       &b->scenarios[s].total, sizeof (MmxForecastInterval));
      g_assert_cmpmem (&a->scenarios[s].delta, sizeof (MmxForecastInterval),
                       &b->scenarios[s].delta, sizeof (MmxForecastInterval));
    }
}

/* One seed, one result, whatever the number of threads; another seed,
 * other bands around the same forecast. */
static void
test_deterministic (void)
{
  MmxTestSeriesSpec spec = daily_spec (4);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, 60);
  g_autoptr(MmxForecast) first = NULL;
  g_autoptr(MmxForecast) other_seed = NULL;

  mmx_forecast_settings_set_seed (settings, 42);
  mmx_forecast_settings_take_scenario (settings,
                                       mmx_spend_scenario_parse ("more:*=+20%", NULL,
                                                                 channels_of (series),
                                                                 NULL));
  mmx_forecast_settings_set_backtest (settings, 2);
  mmx_parallel_set_n_threads (1);
  first = forecast_series (series, HISTORY_DAYS, settings);
  for (guint n_threads = 2; n_threads <= 4; n_threads++)
    {
      g_autoptr(MmxForecast) again = NULL;

      mmx_parallel_set_n_threads (n_threads);
      again = forecast_series (series, HISTORY_DAYS, settings);
      assert_same_forecast (first, again);
      g_assert_cmpfloat (again->backtest->coverage, ==, first->backtest->coverage);
      g_assert_cmpfloat (again->backtest->mape, ==, first->backtest->mape);
    }
  mmx_parallel_set_n_threads (0);

  mmx_forecast_settings_set_seed (settings, 43);
  other_seed = forecast_series (series, HISTORY_DAYS, settings);
  g_assert_cmpfloat (other_seed->points[0].yhat, ==, first->points[0].yhat);
  g_assert_cmpfloat (other_seed->points[0].lower, !=, first->points[0].lower);
}

/* Weekly data forecasts the weeks the horizon touches, without weekly
 * seasonality. */
static void
test_weekly (void)
{
  MmxTestSeriesSpec spec = daily_spec (5);
  g_autoptr(MmxTestSeries) series = NULL;
  g_autoptr(MmxForecastSettings) settings = NULL;
  g_autoptr(MmxForecast) forecast = NULL;
  guint n_history = 156;
  Score score = { 0 };

  spec.granularity = MMX_GRANULARITY_WEEKLY;
  spec.n_periods = n_history + 13;
  spec.level = 140000;
  spec.slope = 100;
  spec.changepoint = 80;
  spec.slope_change = -50;
  spec.yearly = 15000;
  spec.event = 20000;
  spec.noise = 3000;
  series = mmx_test_series_new (&spec);
  settings = new_settings (series, n_history, HORIZON_DAYS);
  forecast = forecast_series (series, n_history, settings);

  g_assert_cmpint (forecast->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpuint (forecast->n_points, ==, 13);
  g_assert_cmpuint (forecast->days[1] - forecast->days[0], ==, 7);
  g_assert_cmpuint (forecast->days[0], ==, mmx_panel_get_day (series->panel, n_history));
  g_assert_null (forecast->weekly);
  g_assert_nonnull (forecast->yearly);

  /* Noise of about 2 % of revenue: a MAPE within 4 %. */
  add_score (&score, forecast, series, n_history);
  g_test_message ("weekly MAPE %.4f, coverage %.2f", score.absolute_percentage / score.n,
                  (double) score.covered / score.n);
  g_assert_cmpfloat (score.absolute_percentage / score.n, <, 0.04);
}

/* On data whose seasonality grows with the trend, the multiplicative mode
 * forecasts better than the additive one. */
static void
test_multiplicative (void)
{
  MmxTestSeriesSpec spec = daily_spec (6);
  g_autoptr(MmxTestSeries) series = NULL;
  g_autoptr(MmxForecastSettings) settings = NULL;
  g_autoptr(MmxForecast) additive = NULL;
  g_autoptr(MmxForecast) multiplicative = NULL;
  Score additive_score = { 0 }, multiplicative_score = { 0 };

  spec.multiplicative = TRUE;
  spec.slope = 30;
  spec.changepoint = 0;
  spec.weekly = 0.15;
  spec.yearly = 0.2;
  spec.event = 0.3;
  spec.noise = 500;
  series = mmx_test_series_new (&spec);
  settings = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
  additive = forecast_series (series, HISTORY_DAYS, settings);
  mmx_forecast_settings_set_mode (settings, MMX_FORECAST_MODE_MULTIPLICATIVE);
  multiplicative = forecast_series (series, HISTORY_DAYS, settings);

  g_assert_cmpint (multiplicative->mode, ==, MMX_FORECAST_MODE_MULTIPLICATIVE);
  add_score (&additive_score, additive, series, HISTORY_DAYS);
  add_score (&multiplicative_score, multiplicative, series, HISTORY_DAYS);
  g_test_message ("MAPE additive %.4f, multiplicative %.4f",
                  additive_score.absolute_percentage / additive_score.n,
                  multiplicative_score.absolute_percentage / multiplicative_score.n);
  g_assert_cmpfloat (multiplicative_score.absolute_percentage, <,
                     additive_score.absolute_percentage);
  /* The weekly part, in currency, within a fifth of the truth. */
  g_assert_cmpfloat (rms_difference (multiplicative->weekly, series->weekly + HISTORY_DAYS,
                                     HORIZON_DAYS), <,
                     0.2 * rms (series->weekly + HISTORY_DAYS, HORIZON_DAYS));
}

/* Days without data are left out of the fit, not read as zero revenue. */
static void
test_missing_days (void)
{
  MmxTestSeriesSpec spec = daily_spec (7);
  g_autoptr(MmxTestSeries) series = NULL;
  g_autoptr(MmxForecastSettings) settings = NULL;
  g_autoptr(MmxForecast) forecast = NULL;
  Score score = { 0 };

  spec.missing_every = 9;
  series = mmx_test_series_new (&spec);
  settings = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
  forecast = forecast_series (series, HISTORY_DAYS, settings);
  add_score (&score, forecast, series, HISTORY_DAYS);
  g_assert_cmpfloat (score.absolute_percentage / score.n, <, 0.05);
}

/* The base case keeps the last 28 days' spend; scenarios change it, and
 * with the true curves their differences are the true ones. */
static void
test_scenarios (void)
{
  MmxTestSeriesSpec spec = daily_spec (8);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (HORIZON_DAYS);
  g_autoptr(MmxForecast) forecast = NULL;
  const char * const *names = channels_of (series);
  const char *texts[] = { "same:*=+0%", "stop:*=0", "more:Facebook Ads=+20%",
                          "fixed:Google Ads=1000/day" };
  guint K = series->panel->n_channels;
  double run_rate = 0, truth;

  for (guint k = 0; k < K; k++)
    mmx_forecast_settings_set_response (settings, names[k], &series->responses[k]);
  for (guint s = 0; s < G_N_ELEMENTS (texts); s++)
    {
      g_autoptr(GError) error = NULL;
      MmxSpendScenario *scenario = mmx_spend_scenario_parse (texts[s], NULL, names, &error);

      g_assert_no_error (error);
      mmx_forecast_settings_take_scenario (settings, scenario);
    }
  forecast = forecast_series (series, HISTORY_DAYS, settings);
  g_assert_cmpuint (forecast->n_scenarios, ==, 4);

  for (guint t = HISTORY_DAYS - 28; t < HISTORY_DAYS; t++)
    run_rate += series->panel->spend[t * K + 1] / 28;
  g_assert_cmpstr (forecast->channels[1].name, ==, "Facebook Ads");
  g_assert_cmpfloat_with_epsilon (forecast->channels[1].spend, run_rate * HORIZON_DAYS,
                                  1e-6 * run_rate);

  /* No change: no difference, and no doubt about it. */
  g_assert_cmpstr (forecast->scenarios[0].name, ==, "same");
  g_assert_cmpfloat (forecast->scenarios[0].delta.yhat, ==, 0);
  g_assert_cmpfloat (forecast->scenarios[0].delta.lower, ==, 0);
  g_assert_cmpfloat (forecast->scenarios[0].delta.upper, ==, 0);
  g_assert_cmpfloat (forecast->scenarios[0].total.yhat, ==, forecast->total.yhat);

  /* Stopping all spend loses what the channels bring, but for what the
   * history's spend still carries into the horizon. */
  g_assert_cmpfloat (forecast->scenarios[1].spend, ==, 0);
  g_assert_cmpfloat (forecast->scenarios[1].delta.upper, <, 0);
  g_assert_cmpfloat (-forecast->scenarios[1].delta.yhat, <=,
                     sum_range (forecast->media, HORIZON_DAYS * K, 1));
  g_assert_cmpfloat (-forecast->scenarios[1].delta.yhat, >,
                     0.95 * sum_range (forecast->media, HORIZON_DAYS * K, 1));

  /* +20 % on one channel: the true gain within a quarter, inside the band. */
  g_assert_cmpfloat (forecast->scenarios[2].delta.lower, >, 0);
  g_assert_cmpfloat (forecast->scenarios[2].delta.lower, <=, forecast->scenarios[2].delta.yhat);
  g_assert_cmpfloat (forecast->scenarios[2].delta.upper, >=, forecast->scenarios[2].delta.yhat);

  /* A fixed amount per day. */
  g_assert_cmpfloat_with_epsilon (forecast->scenarios[3].spend,
                                  1000.0 * HORIZON_DAYS + forecast->channels[0].spend
                                  + forecast->channels[1].spend,
                                  1e-6 * forecast->scenarios[3].spend);

  /* The truth of +20 % on Facebook Ads, with the run rate as the base. */
  {
    g_autoptr(MmxForecastSettings) planned = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
    g_autoptr(MmxForecast) with_plan = NULL;

    for (guint k = 0; k < K; k++)
      mmx_forecast_settings_set_response (planned, names[k], &series->responses[k]);
    mmx_forecast_settings_take_scenario (planned,
                                         mmx_spend_scenario_parse ("more:Facebook Ads=+20%", NULL,
                                                                   names, NULL));
    with_plan = forecast_series (series, HISTORY_DAYS, planned);
    truth = mmx_test_series_media_total (series, 1, HISTORY_DAYS, HORIZON_DAYS, 1.2)
            - mmx_test_series_media_total (series, 1, HISTORY_DAYS, HORIZON_DAYS, 1);
    g_test_message ("+20%% Facebook Ads: %.0f (%.0f to %.0f), truth %.0f",
                    with_plan->scenarios[0].delta.yhat, with_plan->scenarios[0].delta.lower,
                    with_plan->scenarios[0].delta.upper, truth);
    g_assert_cmpfloat (fabs (with_plan->scenarios[0].delta.yhat - truth), <, 0.25 * truth);
    g_assert_cmpfloat (with_plan->scenarios[0].delta.lower, <, truth);
    g_assert_cmpfloat (with_plan->scenarios[0].delta.upper, >, truth);
  }
}

/* A plan replaces the run rate of the channels it names, and only on the
 * days it lists; a plan that ends early says so. */
static void
test_plan (void)
{
  MmxTestSeriesSpec spec = daily_spec (9);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxPanel) history = mmx_test_series_get_history (series, HISTORY_DAYS);
  g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (30);
  g_autoptr(MmxSpendPlan) plan = mmx_spend_plan_new ();
  g_autoptr(MmxForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  guint32 first = mmx_panel_get_day (history, HISTORY_DAYS);

  for (guint d = 0; d < 10; d++)
    {
      mmx_spend_plan_add (plan, first + d, "Google Ads", 300);
      /* Rows of one day and channel add up. */
      mmx_spend_plan_add (plan, first + d, "Google Ads", 200);
    }
  /* After the horizon: not needed. */
  mmx_spend_plan_add (plan, first + 200, "Google Ads", 5000);
  mmx_forecast_settings_take_spend_plan (settings, g_steal_pointer (&plan));
  forecast = mmx_forecast_run (history, settings, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (forecast->channels[2].spend, 5000, 1e-9);
  g_assert_cmpuint (g_strv_length (forecast->notes), ==, 0);

  plan = mmx_spend_plan_new ();
  mmx_spend_plan_add (plan, first + 3, "Email", 100);
  mmx_forecast_settings_take_spend_plan (settings, g_steal_pointer (&plan));
  g_clear_pointer (&forecast, mmx_forecast_unref);
  forecast = mmx_forecast_run (history, settings, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (forecast->channels[0].spend, ==, 100);
  g_assert_cmpuint (g_strv_length (forecast->notes), ==, 1);
  g_assert_nonnull (strstr (forecast->notes[0], "spend plan ends"));
}

/* A user's event seen in the history is forecast on its next days. */
static void
test_events (void)
{
  MmxTestSeriesSpec spec = daily_spec (10);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, HORIZON_DAYS);
  g_autoptr(MmxForecast) forecast = NULL;
  g_autoptr(MmxEvents) future_only = mmx_events_new ();
  guint32 first = mmx_panel_get_day (series->panel, HISTORY_DAYS);
  guint n_sale_days = 0;

  /* One the history never saw: no effect, and a note. */
  mmx_events_add (future_only, "Launch", first + 5, first + 5);
  for (guint i = 0; i < mmx_events_get_n_events (series->events); i++)
    {
      const MmxEvent *event = mmx_events_get_event (series->events, i);

      mmx_events_add (future_only, event->name, event->first_day, event->last_day);
    }
  mmx_forecast_settings_take_events (settings, g_steal_pointer (&future_only));
  forecast = forecast_series (series, HISTORY_DAYS, settings);

  for (guint i = 0; i < HORIZON_DAYS; i++)
    if (series->event[HISTORY_DAYS + i] > 0)
      {
        n_sale_days++;
        /* Each sale day's effect within a fifth. */
        g_assert_cmpfloat (fabs (forecast->events[i] - spec.event), <, 0.2 * spec.event);
      }
    else
      g_assert_cmpfloat (fabs (forecast->events[i]), <, 0.1 * spec.event);
  g_assert_cmpuint (n_sale_days, >, 0);
  g_assert_true (g_strv_contains ((const char * const *) forecast->notes,
                                  "“Launch” falls in the horizon but not in the history, so the "
                                  "forecast gives it no effect."));
}

/* Rolling origins, latest first, half a horizon apart, scored on what
 * happened. */
static void
test_backtest (void)
{
  MmxTestSeriesSpec spec = daily_spec (13);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, 60);
  g_autoptr(MmxForecast) forecast = NULL;
  const MmxForecastBacktest *backtest;

  mmx_forecast_settings_set_backtest (settings, 3);
  forecast = forecast_series (series, HISTORY_DAYS, settings);
  backtest = forecast->backtest;
  g_assert_nonnull (backtest);
  g_assert_cmpuint (backtest->n_cutoffs, ==, 3);
  g_assert_cmpuint (backtest->n_points, ==, 3 * 60);
  g_assert_cmpuint (backtest->cutoffs[0].first_day, ==,
                    mmx_panel_get_day (series->panel, HISTORY_DAYS - 60));
  g_assert_cmpuint (backtest->cutoffs[0].first_day - backtest->cutoffs[1].first_day, ==, 30);
  g_test_message ("backtest MAPE %.4f, RMSE %.0f, coverage %.2f", backtest->mape, backtest->rmse,
                  backtest->coverage);
  /* Noise of about 3 % of revenue, origins with less than two years
   * behind them: MAPE within 5 %, RMSE within twice the noise, the 80 %
   * band holding 55 to 95 % of 180 days. */
  g_assert_cmpfloat (backtest->mape, <, 0.05);
  g_assert_cmpfloat (backtest->rmse, <, 2 * spec.noise);
  g_assert_cmpfloat (backtest->coverage, >=, 0.55);
  g_assert_cmpfloat (backtest->coverage, <=, 0.95);
}

static void
assert_run_fails (MmxPanel            *panel,
                  MmxForecastSettings *settings,
                  int                  code,
                  const char          *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxForecast) forecast = mmx_forecast_run (panel, settings, NULL, NULL, NULL, &error);

  g_assert_null (forecast);
  mmx_test_assert_error_says (error, MMX_MODEL_ERROR, code, message);
}

static void
test_bad_settings (void)
{
  MmxTestSeriesSpec spec = daily_spec (14);
  g_autoptr(MmxTestSeries) series = NULL;
  g_autoptr(MmxPanel) panel = NULL;
  const struct {
    guint       horizon;
    double      interval;
    guint       n_samples;
    double      changepoint_prior_scale;
    guint       max_changepoints;
    const char *message;
  } cases[] = {
    { 0, 0.8, 1000, 0.05, 25, "horizon must be from 1 to 365 days, not 0" },
    { 366, 0.8, 1000, 0.05, 25, "not 366" },
    { 30, 0, 1000, 0.05, 25, "interval must be above 0 and below 1" },
    { 30, 1, 1000, 0.05, 25, "not 1." },
    { 30, NAN, 1000, 0.05, 25, "interval" },
    { 30, 0.8, 5, 0.05, 25, "samples must number from 10" },
    { 30, 0.8, 1000, 0, 25, "changepoint prior scale must be above 0" },
    { 30, 0.8, 1000, 0.05, 26, "at most 25 changepoints" },
  };

  spec.n_periods = 200;
  series = mmx_test_series_new (&spec);
  panel = mmx_panel_ref (series->panel);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (cases[c].horizon);

      mmx_forecast_settings_set_interval (settings, cases[c].interval);
      mmx_forecast_settings_set_n_samples (settings, cases[c].n_samples);
      mmx_forecast_settings_set_changepoint_prior_scale (settings,
                                                         cases[c].changepoint_prior_scale);
      mmx_forecast_settings_set_max_changepoints (settings, cases[c].max_changepoints);
      assert_run_fails (panel, settings, MMX_MODEL_ERROR_INVALID_SETTINGS, cases[c].message);
    }

  /* Two scenarios of one name; a curve for a channel without spend, or
   * out of range. */
  {
    g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (30);
    const char * const *names = (const char * const *) panel->channel_names;

    mmx_forecast_settings_take_scenario (settings, mmx_spend_scenario_parse ("a:*=+1%", NULL,
                                                                             names, NULL));
    mmx_forecast_settings_take_scenario (settings, mmx_spend_scenario_parse ("a:*=-1%", NULL,
                                                                             names, NULL));
    assert_run_fails (panel, settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                      "Two scenarios are named “a”");
  }
  {
    g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (30);

    mmx_forecast_settings_set_response (settings, "Radio", &series->responses[0]);
    assert_run_fails (panel, settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                      "response curve for Radio, but the history holds no spend of it");
  }
  {
    g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (30);
    MmxResponse broken = series->responses[0];

    broken.hill.half = 0;
    mmx_forecast_settings_set_response (settings, "Email", &broken);
    assert_run_fails (panel, settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                      "response curve of Email cannot be used");
  }
}

/* Less than 30 days or 12 weeks with data, or no revenue at all. */
static void
test_short_history (void)
{
  MmxTestSeriesSpec spec = daily_spec (15);
  g_autoptr(MmxTestSeries) daily = NULL;
  g_autoptr(MmxTestSeries) weekly = NULL;
  g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (30);

  spec.n_periods = 60;
  daily = mmx_test_series_new (&spec);
  {
    g_autoptr(MmxPanel) panel = mmx_test_series_get_history (daily, 29);
    g_autoptr(MmxPanel) enough = mmx_test_series_get_history (daily, 30);
    g_autoptr(GError) error = NULL;
    g_autoptr(MmxForecast) forecast = NULL;

    assert_run_fails (panel, settings, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                      "needs at least 30 days of history, but the data from 2022-01-03 to "
                      "2022-01-31 holds 29");
    forecast = mmx_forecast_run (enough, settings, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (forecast->n_points, ==, 30);

    /* A backtest needs a history before its horizon too. */
    mmx_forecast_settings_set_backtest (settings, 3);
    assert_run_fails (enough, settings, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                      "A backtest of this horizon needs 30 days of history before its 30 days");
    mmx_forecast_settings_set_backtest (settings, 0);

    for (guint t = 0; t < enough->n_periods; t++)
      enough->revenue[t] = 0;
    assert_run_fails (enough, settings, MMX_MODEL_ERROR_NOT_ENOUGH_DATA, "no revenue");
  }

  spec.granularity = MMX_GRANULARITY_WEEKLY;
  spec.n_periods = 11;
  weekly = mmx_test_series_new (&spec);
  assert_run_fails (weekly->panel, settings, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                    "needs at least 12 weeks of history, but the data from 2022-01-03 to "
                    "2022-03-14 holds 11");
}

static void
test_cancelled (void)
{
  MmxTestSeriesSpec spec = daily_spec (16);
  g_autoptr(MmxTestSeries) series = NULL;
  g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (30);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxForecast) forecast = NULL;

  spec.n_periods = 200;
  series = mmx_test_series_new (&spec);
  g_cancellable_cancel (cancellable);
  forecast = mmx_forecast_run (series->panel, settings, NULL, NULL, cancellable, &error);
  g_assert_null (forecast);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GMainLoop   *loop;
  MmxForecast *forecast;
  GError      *error;
  GThread     *caller;
  double       last_fraction;
  guint        n_reports;
} Async;

static void
progress_cb (double   fraction,
             double   seconds_left,
             gpointer user_data)
{
  Async *async = user_data;

  g_assert_true (g_thread_self () == async->caller);
  g_assert_cmpfloat (fraction, >=, async->last_fraction);
  async->last_fraction = fraction;
  async->n_reports++;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Async *async = user_data;

  async->forecast = mmx_forecast_run_finish (result, &async->error);
  g_main_loop_quit (async->loop);
}

/* The window's way: on the worker pool, progress and result in the
 * caller's main context. */
static void
test_async (void)
{
  MmxTestSeriesSpec spec = daily_spec (17);
  g_autoptr(MmxTestSeries) series = NULL;
  g_autoptr(MmxForecastSettings) settings = mmx_forecast_settings_new (30);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Async async = { loop, NULL, NULL, g_thread_self () };

  spec.n_periods = 200;
  series = mmx_test_series_new (&spec);
  mmx_forecast_run_async (series->panel, settings, progress_cb, &async, NULL, done_cb, &async);
  g_main_loop_run (loop);
  /* Progress messages queued before the result arrive before it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (async.error);
  g_assert_nonnull (async.forecast);
  g_assert_cmpuint (async.forecast->n_points, ==, 30);
  g_assert_cmpfloat (async.last_fraction, ==, 1);
  g_assert_cmpuint (async.n_reports, >=, 1);
  mmx_forecast_unref (async.forecast);
}

/* The shape `forecast --json` prints. */
static void
test_json (void)
{
  MmxTestSeriesSpec spec = daily_spec (18);
  g_autoptr(MmxTestSeries) series = mmx_test_series_new (&spec);
  g_autoptr(MmxForecastSettings) settings = new_settings (series, HISTORY_DAYS, 7);
  g_autoptr(MmxForecast) forecast = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *components, *media;
  JsonArray *points;

  mmx_forecast_settings_take_scenario (settings,
                                       mmx_spend_scenario_parse ("less:Email=-50%", NULL,
                                                                 channels_of (series),
                                                                 NULL));
  forecast = forecast_series (series, HISTORY_DAYS, settings);
  json_builder_begin_object (builder);
  mmx_forecast_build_json (forecast, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  object = json_node_get_object (root);

  g_assert_cmpint (json_object_get_int_member (object, "horizon"), ==, 7);
  g_assert_cmpfloat (json_object_get_double_member (object, "interval"), ==, 0.8);
  points = json_object_get_array_member (object, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (points, 0),
                                                  "date"), ==, "2024-01-03");
  g_assert_true (json_object_has_member (json_array_get_object_element (points, 6), "upper"));
  components = json_object_get_object_member (object, "components");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (components, "trend")),
                    ==, 7);
  g_assert_true (json_object_has_member (components, "weekly"));
  g_assert_true (json_object_has_member (components, "yearly"));
  g_assert_true (json_object_has_member (components, "events"));
  media = json_object_get_object_member (components, "media");
  g_assert_cmpuint (json_object_get_size (media), ==, 3);
  g_assert_true (json_object_has_member (media, "Facebook Ads"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (object, "total"),
                                                    "yhat"), ==, forecast->total.yhat);
  g_assert_true (json_object_has_member (object, "average"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (object, "scenarios"), 0), "name"), ==, "less");
  g_assert_true (json_object_get_null_member (object, "backtest"));
  g_assert_true (json_object_has_member (object, "elapsed_ms"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/models/forecast/components-adstock", test_components_adstock);
  g_test_add_func ("/mmx/models/forecast/components-response", test_components_response);
  g_test_add_func ("/mmx/models/forecast/response-transform", test_response_transform);
  g_test_add_func ("/mmx/models/forecast/attribution", test_attribution);
  g_test_add_func ("/mmx/models/forecast/coverage", test_coverage);
  g_test_add_func ("/mmx/models/forecast/interval", test_interval);
  g_test_add_func ("/mmx/models/forecast/deterministic", test_deterministic);
  g_test_add_func ("/mmx/models/forecast/weekly", test_weekly);
  g_test_add_func ("/mmx/models/forecast/multiplicative", test_multiplicative);
  g_test_add_func ("/mmx/models/forecast/missing-days", test_missing_days);
  g_test_add_func ("/mmx/models/forecast/scenarios", test_scenarios);
  g_test_add_func ("/mmx/models/forecast/plan", test_plan);
  g_test_add_func ("/mmx/models/forecast/events", test_events);
  g_test_add_func ("/mmx/models/forecast/backtest", test_backtest);
  g_test_add_func ("/mmx/models/forecast/bad-settings", test_bad_settings);
  g_test_add_func ("/mmx/models/forecast/short-history", test_short_history);
  g_test_add_func ("/mmx/models/forecast/cancelled", test_cancelled);
  g_test_add_func ("/mmx/models/forecast/async", test_async);
  g_test_add_func ("/mmx/models/forecast/json", test_json);

  return g_test_run ();
}
