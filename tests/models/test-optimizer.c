/* test-optimizer.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mmx-attribution-private.h"
#include "mmx-date.h"
#include "mmx-model-error.h"
#include "mmx-optimizer.h"

/* The optimizer on hand-made attributions: the conversion between the
 * user's period and the data's, limits, locks and unmeasured channels,
 * the goals, every infeasible input, the intervals over the replicates,
 * the sweep and the JSON a scenario keeps. */

#define DAYS_PER_MONTH (365.25 / 12)

typedef struct
{
  const char *name;
  gboolean    measured;
  double      current;
  double      decay;
  double      half;
  double      shape;
  double      beta;
} Spec;

/* Four channels, spend per day: two S-shaped, one unmeasured. */
static const Spec four[] = {
  { "Meta", TRUE, 900, 0.5, 1800, 1.2, 4000 },
  { "Google Ads", TRUE, 400, 0.3, 600, 1.6, 2500 },
  { "TikTok", TRUE, 300, 0.2, 900, 2.2, 1200 },
  { "Email", FALSE, 50, 0, 1, 1, 0 },
};

/* Replicates scale each beta by a factor around 1, so their curves
 * differ the way a bootstrap's do. */
static MmxAttribution *
make_attribution (const Spec     *specs,
                  guint           n,
                  MmxGranularity  granularity,
                  guint           n_replicates,
                  double          spread)
{
  MmxAttribution *self = _mmx_attribution_new_empty ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint M = 0;

  self->method = MMX_ATTRIBUTION_MMM;
  self->target = MMX_ATTRIBUTION_REVENUE;
  self->granularity = granularity;
  self->first_day = mmx_date_julian_from_iso ("2025-01-01");
  self->n_periods = granularity == MMX_GRANULARITY_WEEKLY ? 52 : 365;
  for (guint k = 0; k < n; k++)
    {
      MmxChannelAttribution *channel = g_new0 (MmxChannelAttribution, 1);

      channel->name = g_strdup (specs[k].name);
      channel->measured = specs[k].measured;
      channel->current_spend = specs[k].current;
      channel->spend = specs[k].current * self->n_periods;
      channel->response = (MmxResponse) { { MMX_ADSTOCK_GEOMETRIC, specs[k].decay },
                                          { specs[k].half, specs[k].shape }, specs[k].beta };
      M += channel->measured;
      g_ptr_array_add (self->channels, channel);
    }
  self->n_replicates = n_replicates;
  self->replicates = g_new (MmxResponse, MAX ((gsize) n_replicates * M, 1));
  for (guint r = 0; r < n_replicates; r++)
    for (guint k = 0, m = 0; k < n; k++)
      {
        MmxResponse *response;

        if (!specs[k].measured)
          continue;
        response = &self->replicates[(gsize) r * M + m++];
        *response = ((MmxChannelAttribution *) g_ptr_array_index (self->channels, k))->response;
        response->beta *= MAX (0, 1 + spread * g_rand_double_range (rand, -1, 1));
      }
  return self;
}

static const MmxChannelOptimization *
find_channel (const MmxOptimization *result,
              const char            *name)
{
  for (guint k = 0; k < result->channels->len; k++)
    {
      const MmxChannelOptimization *channel = g_ptr_array_index (result->channels, k);

      if (g_str_equal (channel->name, name))
        return channel;
    }
  g_assert_not_reached ();
}

static double
total_recommended (const MmxOptimization *result)
{
  double total = 0;

  for (guint k = 0; k < result->channels->len; k++)
    total += ((MmxChannelOptimization *) g_ptr_array_index (result->channels, k))->recommended;
  return total;
}

static MmxOptimization *
optimize (const MmxAttribution       *attribution,
          const MmxOptimizerSettings *settings)
{
  g_autoptr(GError) error = NULL;
  MmxOptimization *result = mmx_optimizer_run (attribution, settings, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
expect_error (const MmxAttribution       *attribution,
              const MmxOptimizerSettings *settings,
              gint                        code,
              const char                 *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxOptimization) result = mmx_optimizer_run (attribution, settings, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, MMX_MODEL_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  /* One sentence, ending with its full stop. */
  g_assert_true (g_str_has_suffix (error->message, "."));
}

/* A budget per month is the same as a thirtieth and a bit of it per day
 * on daily data, and seven days' worth per week on weekly data. */
static void
test_periods (void)
{
  g_autoptr(MmxAttribution) daily = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  g_autoptr(MmxAttribution) weekly = make_attribution (four, 4, MMX_GRANULARITY_WEEKLY, 0, 0);
  g_autoptr(MmxOptimization) per_day = NULL;
  g_autoptr(MmxOptimization) per_month = NULL;
  g_autoptr(MmxOptimization) per_week = NULL;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.budget = 1500;
  per_day = optimize (daily, &settings);
  settings.period = MMX_BUDGET_PERIOD_MONTH;
  settings.budget = 1500 * DAYS_PER_MONTH;
  per_month = optimize (daily, &settings);
  g_assert_cmpfloat_with_epsilon (total_recommended (per_day), 1500, 1e-6);
  g_assert_cmpfloat_with_epsilon (total_recommended (per_month), 1500 * DAYS_PER_MONTH, 1e-4);
  for (guint k = 0; k < 4; k++)
    {
      const MmxChannelOptimization *day = g_ptr_array_index (per_day->channels, k);
      const MmxChannelOptimization *month = g_ptr_array_index (per_month->channels, k);

      g_assert_cmpfloat_with_epsilon (month->recommended, day->recommended * DAYS_PER_MONTH,
                                      1e-6 * month->recommended + 1e-6);
      g_assert_cmpfloat_with_epsilon (month->current, day->current * DAYS_PER_MONTH, 1e-6);
      if (isfinite (day->expected_revenue))
        g_assert_cmpfloat_with_epsilon (month->expected_revenue,
                                        day->expected_revenue * DAYS_PER_MONTH,
                                        1e-6 * month->expected_revenue + 1e-6);
    }
  g_assert_cmpfloat_with_epsilon (per_month->marginal_roas, per_day->marginal_roas, 1e-6);
  g_assert_cmpfloat_with_epsilon (per_month->recommended.revenue,
                                  per_day->recommended.revenue * DAYS_PER_MONTH, 1e-3);

  /* Weekly data: a week's curve at 7 × the daily spend is the daily curve
   * here, so a budget per week splits as the same budget per week would. */
  settings.period = MMX_BUDGET_PERIOD_WEEK;
  settings.budget = 1500;
  per_week = optimize (weekly, &settings);
  g_assert_cmpfloat_with_epsilon (total_recommended (per_week), 1500, 1e-6);
  g_assert_cmpfloat_with_epsilon (find_channel (per_week, "Email")->current, 50, 1e-9);
  g_assert_cmpint (per_week->granularity, ==, MMX_GRANULARITY_WEEKLY);
  mmx_optimizer_settings_clear (&settings);
}

/* The unmeasured channel keeps today's spend, which comes off the budget,
 * has no revenue and is noted; limits bind and say so; a lock holds. */
static void
test_limits_and_fixed (void)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  g_autoptr(MmxOptimization) free_result = NULL;
  g_autoptr(MmxOptimization) limited = NULL;
  const MmxChannelOptimization *email, *meta, *google, *tiktok;
  MmxOptimizerSettings settings;
  gboolean noted = FALSE;

  mmx_optimizer_settings_init (&settings);
  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.budget = 1650;
  free_result = optimize (attribution, &settings);
  email = find_channel (free_result, "Email");
  g_assert_cmpint (email->fixed, ==, MMX_CHANNEL_FIXED_UNMEASURED);
  g_assert_cmpfloat (email->recommended, ==, 50);
  g_assert_true (isnan (email->expected_revenue));
  g_assert_true (isnan (email->mroas));
  for (guint i = 0; i < free_result->notes->len; i++)
    noted = noted || strstr (g_ptr_array_index (free_result->notes, i), "Email could not be "
                                                                        "measured") != NULL;
  g_assert_true (noted);
  g_assert_true (free_result->verified);
  /* Without limits the constrained optimum is the unconstrained one. */
  g_assert_cmpfloat_with_epsilon (free_result->unconstrained_revenue,
                                  free_result->recommended.revenue,
                                  1e-9 * free_result->recommended.revenue);
  g_assert_cmpfloat (free_result->recommended.revenue, >=, free_result->current.revenue);

  /* Meta may not exceed 700, Google Ads must get 600, TikTok is locked. */
  mmx_optimizer_settings_get_limits (&settings, "Meta")->max = 700;
  mmx_optimizer_settings_get_limits (&settings, "Google Ads")->min = 600;
  mmx_optimizer_settings_get_limits (&settings, "TikTok")->locked = TRUE;
  limited = optimize (attribution, &settings);
  meta = find_channel (limited, "Meta");
  google = find_channel (limited, "Google Ads");
  tiktok = find_channel (limited, "TikTok");
  g_assert_cmpint (tiktok->fixed, ==, MMX_CHANNEL_FIXED_LOCKED);
  g_assert_cmpfloat (tiktok->recommended, ==, 300);
  g_assert_true (isfinite (tiktok->expected_revenue));
  g_assert_cmpfloat_with_epsilon (meta->recommended + google->recommended, 1650 - 300 - 50, 1e-6);
  g_assert_cmpfloat (meta->recommended, <=, 700);
  g_assert_cmpfloat (google->recommended, >=, 600);
  g_assert_true (meta->at_bound == MMX_BOUND_MAX || google->at_bound == MMX_BOUND_MIN);
  g_assert_cmpfloat (limited->unconstrained_revenue, >=, limited->recommended.revenue);
  g_assert_cmpfloat (limited->unconstrained_revenue, <=,
                     free_result->recommended.revenue * (1 + 1e-9));
  g_assert_cmpfloat_with_epsilon (limited->unconstrained_revenue, free_result->recommended.revenue,
                                  1e-6 * free_result->recommended.revenue);
  g_assert_true (limited->verified);
  mmx_optimizer_settings_clear (&settings);
}

/* A channel the fit holds at no effect gets its minimum, and its marginal
 * ROAS is 0, not the 0 × infinity of a curve of shape below 1 at 0. */
static void
test_no_effect (void)
{
  const Spec specs[] = {
    { "Meta", TRUE, 900, 0.5, 1800, 1.2, 4000 },
    { "Radio", TRUE, 200, 0.3, 500, 0.7, 0 },
  };
  g_autoptr(MmxAttribution) attribution = make_attribution (specs, 2, MMX_GRANULARITY_DAILY, 0,
                                                            0);
  g_autoptr(MmxOptimization) result = NULL;
  const MmxChannelOptimization *radio;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.budget = 1100;
  result = optimize (attribution, &settings);
  radio = find_channel (result, "Radio");
  g_assert_cmpfloat (radio->recommended, ==, 0);
  g_assert_cmpint (radio->at_bound, ==, MMX_BOUND_MIN);
  g_assert_cmpfloat (radio->mroas, ==, 0);
  g_assert_cmpfloat (radio->current_mroas, ==, 0);
  g_assert_nonnull (strstr (g_ptr_array_index (result->notes, 0), "Radio shows no effect"));
  g_assert_true (result->verified);
  mmx_optimizer_settings_clear (&settings);
}

/* Each impossible request fails with one sentence that names it. */
static void
test_infeasible (void)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  g_autoptr(MmxAttribution) lag = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS, "Give a budget");

  settings.budget = -5;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS, "0 or more");
  settings.budget = INFINITY;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS, "0 or more");

  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.budget = 1000;
  mmx_optimizer_settings_get_limits (&settings, "Facebook")->min = 10;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "no channel “Facebook” in the attribution; its channels are Meta, Google Ads");
  g_ptr_array_set_size (settings.limits, 0);

  mmx_optimizer_settings_get_limits (&settings, "Meta")->min = 600;
  mmx_optimizer_settings_get_limits (&settings, "Google Ads")->min = 500;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "add up to 1150.00 per day, more than the budget of 1000.00");
  g_ptr_array_set_size (settings.limits, 0);

  mmx_optimizer_settings_get_limits (&settings, "Meta")->min = 300;
  mmx_optimizer_settings_get_limits (&settings, "Meta")->max = 200;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "maximum of Meta (200.00 per day) is below its minimum (300.00)");
  g_ptr_array_set_size (settings.limits, 0);

  mmx_optimizer_settings_get_limits (&settings, "Meta")->min = -1;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS, "0 or more");
  g_ptr_array_set_size (settings.limits, 0);

  mmx_optimizer_settings_get_limits (&settings, "Meta")->max = 100;
  mmx_optimizer_settings_get_limits (&settings, "Google Ads")->max = 100;
  mmx_optimizer_settings_get_limits (&settings, "TikTok")->max = 100;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "at most 350.00 per day");
  g_ptr_array_set_size (settings.limits, 0);

  mmx_optimizer_settings_get_limits (&settings, "TikTok")->locked = TRUE;
  mmx_optimizer_settings_get_limits (&settings, "TikTok")->max = 100;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "TikTok is locked at today’s 300.00 per day");
  g_ptr_array_set_size (settings.limits, 0);

  mmx_optimizer_settings_get_limits (&settings, "Email")->min = 80;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "could not measure it");
  g_ptr_array_set_size (settings.limits, 0);

  /* The locked and unmeasured spend alone is above the budget. */
  mmx_optimizer_settings_get_limits (&settings, "Meta")->locked = TRUE;
  settings.budget = 500;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "channels that keep today’s add up to 950.00 per day");
  g_ptr_array_set_size (settings.limits, 0);

  settings.goal = MMX_OPTIMIZER_GOAL_TARGET_REVENUE;
  settings.budget = NAN;
  settings.target = 0;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS, "above 0");
  settings.target = 8000;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "level off below 7700.00");
  settings.target = 5000;
  settings.budget = 100;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "takes more than the budget of 100.00");

  settings.goal = MMX_OPTIMIZER_GOAL_TARGET_MROAS;
  settings.budget = NAN;
  settings.target = -1;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS, "break-even");
  settings.target = 50;
  expect_error (attribution, &settings, MMX_MODEL_ERROR_INVALID_SETTINGS,
                "No budget brings a marginal ROAS of 50.00");

  lag->method = MMX_ATTRIBUTION_LAG;
  settings.goal = MMX_OPTIMIZER_GOAL_BUDGET;
  settings.budget = 1000;
  expect_error (lag, &settings, MMX_MODEL_ERROR_NO_RESULT, "lag model");
  mmx_optimizer_settings_clear (&settings);
}

/* The least spend for a revenue: it reaches the revenue, and a budget a
 * little smaller does not. */
static void
test_target_revenue (void)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  g_autoptr(MmxOptimization) found = NULL;
  g_autoptr(MmxOptimization) smaller = NULL;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.goal = MMX_OPTIMIZER_GOAL_TARGET_REVENUE;
  settings.target = 4000;
  found = optimize (attribution, &settings);
  g_assert_cmpint (found->goal, ==, MMX_OPTIMIZER_GOAL_TARGET_REVENUE);
  g_assert_cmpfloat (found->recommended.revenue, >=, 4000);
  g_assert_cmpfloat (found->recommended.revenue, <, 4000 * (1 + 1e-5));
  g_assert_cmpfloat_with_epsilon (total_recommended (found), found->budget, 1e-6);
  g_assert_cmpfloat (found->target, ==, 4000);

  settings.goal = MMX_OPTIMIZER_GOAL_BUDGET;
  settings.budget = found->budget * 0.999;
  smaller = optimize (attribution, &settings);
  g_assert_cmpfloat (smaller->recommended.revenue, <, 4000);
  mmx_optimizer_settings_clear (&settings);
}

/* The budget where the marginal ROAS falls to break-even: at it the
 * marginal ROAS is 1, a little further it is below. */
static void
test_target_mroas (void)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  g_autoptr(MmxOptimization) found = NULL;
  g_autoptr(MmxOptimization) larger = NULL;
  g_autoptr(MmxOptimization) capped = NULL;
  g_autoptr(MmxOptimization) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.goal = MMX_OPTIMIZER_GOAL_TARGET_MROAS;
  settings.target = 1;
  found = optimize (attribution, &settings);
  g_assert_cmpfloat_with_epsilon (found->marginal_roas, 1, 1e-3);
  g_assert_cmpfloat (found->marginal_roas, >=, 1);
  g_assert_false (found->spent_before_target);

  settings.goal = MMX_OPTIMIZER_GOAL_BUDGET;
  settings.budget = found->budget * 1.01;
  larger = optimize (attribution, &settings);
  g_assert_cmpfloat (larger->marginal_roas, <, 1);

  /* A budget below that is spent whole, and the result says so. */
  settings.goal = MMX_OPTIMIZER_GOAL_TARGET_MROAS;
  settings.budget = found->budget / 2;
  capped = optimize (attribution, &settings);
  g_assert_cmpfloat_with_epsilon (capped->budget, found->budget / 2, 1e-6);
  g_assert_cmpfloat (capped->marginal_roas, >, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (capped->notes, 0), "whole budget is spent"));
  g_assert_true (capped->spent_before_target);
  data = mmx_optimization_to_data (capped);
  back = mmx_optimization_new_from_data (data, &error);
  g_assert_no_error (error);
  g_assert_true (back->spent_before_target);
  mmx_optimizer_settings_clear (&settings);
}

/* Each replicate prices both splits: identical replicates leave no
 * uncertainty; spread ones give intervals around the fit's numbers. */
static void
test_intervals (void)
{
  g_autoptr(MmxAttribution) same = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 50, 0);
  g_autoptr(MmxAttribution) spread = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 400, 0.3);
  g_autoptr(MmxAttribution) none = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  g_autoptr(MmxOptimization) exact = NULL;
  g_autoptr(MmxOptimization) uncertain = NULL;
  g_autoptr(MmxOptimization) without = NULL;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.budget = 1650;
  exact = optimize (same, &settings);
  g_assert_cmpuint (exact->n_replicates, ==, 50);
  g_assert_cmpfloat_with_epsilon (exact->recommended.revenue_ci[0], exact->recommended.revenue,
                                  1e-9 * exact->recommended.revenue);
  g_assert_cmpfloat_with_epsilon (exact->recommended.revenue_ci[1], exact->recommended.revenue,
                                  1e-9 * exact->recommended.revenue);
  g_assert_cmpfloat_with_epsilon (exact->uplift_ci[0], exact->uplift, 1e-6);
  g_assert_cmpfloat (exact->uplift_probability, ==, 1);

  uncertain = optimize (spread, &settings);
  g_assert_cmpfloat (uncertain->recommended.revenue_ci[0], <, uncertain->recommended.revenue);
  g_assert_cmpfloat (uncertain->recommended.revenue_ci[1], >, uncertain->recommended.revenue);
  g_assert_cmpfloat (uncertain->current.revenue_ci[0], <, uncertain->current.revenue);
  g_assert_cmpfloat (uncertain->uplift_ci[0], <, uncertain->uplift_ci[1]);
  g_assert_cmpfloat (uncertain->uplift_share_ci[0], <=, uncertain->uplift_share);
  g_assert_cmpfloat (uncertain->uplift_probability, >, 0.5);
  g_assert_cmpfloat (uncertain->uplift_probability, <=, 1);
  /* The split itself comes from the fit, not from the replicates. */
  g_assert_cmpfloat_with_epsilon (uncertain->recommended.revenue, exact->recommended.revenue,
                                  1e-9 * exact->recommended.revenue);

  without = optimize (none, &settings);
  g_assert_cmpuint (without->n_replicates, ==, 0);
  g_assert_true (isnan (without->recommended.revenue_ci[0]));
  g_assert_true (isnan (without->uplift_probability));
  mmx_optimizer_settings_clear (&settings);
}

/* Twenty budgets up to twice the budget, revenue rising with each, each
 * point the best split of its own budget. */
static void
test_frontier (void)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 0, 0);
  g_autoptr(MmxOptimization) swept = NULL;
  g_autoptr(MmxOptimization) point = NULL;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.period = MMX_BUDGET_PERIOD_DAY;
  settings.budget = 1650;
  settings.frontier = TRUE;
  swept = optimize (attribution, &settings);
  g_assert_cmpuint (swept->n_frontier, ==, MMX_OPTIMIZER_FRONTIER_POINTS);
  /* From the unmeasured channel's fixed spend to twice the budget. */
  g_assert_cmpfloat_with_epsilon (swept->frontier_budget[0], 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (swept->frontier_budget[MMX_OPTIMIZER_FRONTIER_POINTS - 1], 3300,
                                  1e-9);
  for (guint i = 1; i < swept->n_frontier; i++)
    {
      g_assert_cmpfloat (swept->frontier_budget[i], >, swept->frontier_budget[i - 1]);
      g_assert_cmpfloat (swept->frontier_revenue[i], >=, swept->frontier_revenue[i - 1]);
    }

  settings.frontier = FALSE;
  settings.budget = swept->frontier_budget[12];
  point = optimize (attribution, &settings);
  g_assert_cmpuint (point->n_frontier, ==, 0);
  g_assert_cmpfloat_with_epsilon (point->recommended.revenue, swept->frontier_revenue[12],
                                  1e-9 * point->recommended.revenue);
  mmx_optimizer_settings_clear (&settings);
}

/* What a scenario keeps reads back to the same result. */
static void
test_json_round_trip (void)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 100,
                                                            0.2);
  g_autoptr(MmxOptimization) result = NULL;
  g_autoptr(MmxOptimization) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.budget = 50000;
  settings.frontier = TRUE;
  mmx_optimizer_settings_get_limits (&settings, "Meta")->max = 20000;
  mmx_optimizer_settings_get_limits (&settings, "TikTok")->locked = TRUE;
  result = optimize (attribution, &settings);
  data = mmx_optimization_to_data (result);
  back = mmx_optimization_new_from_data (data, &error);
  g_assert_no_error (error);
  again = mmx_optimization_to_data (back);
  g_assert_cmpstr (again, ==, data);
  g_assert_cmpint (find_channel (back, "TikTok")->fixed, ==, MMX_CHANNEL_FIXED_LOCKED);
  g_assert_cmpint (find_channel (back, "Email")->fixed, ==, MMX_CHANNEL_FIXED_UNMEASURED);
  g_assert_true (isinf (find_channel (back, "Google Ads")->max));

  g_clear_pointer (&back, mmx_optimization_unref);
  back = mmx_optimization_new_from_data ("{\"goal\": \"budget\"}", &error);
  g_assert_null (back);
  g_assert_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_BAD_FILE);
  g_clear_error (&error);
  back = mmx_optimization_new_from_data ("not json", &error);
  g_assert_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_BAD_FILE);
  mmx_optimizer_settings_clear (&settings);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MmxOptimization **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mmx_optimizer_run_finish (result, &error);
  g_assert_no_error (error);
}

/* On the worker pool, the same result as in place. */
static void
test_async (void)
{
  g_autoptr(MmxAttribution) attribution = make_attribution (four, 4, MMX_GRANULARITY_DAILY, 20,
                                                            0.1);
  g_autoptr(MmxOptimization) direct = NULL;
  g_autoptr(MmxOptimization) pooled = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  MmxOptimizerSettings settings;

  mmx_optimizer_settings_init (&settings);
  settings.budget = 40000;
  direct = optimize (attribution, &settings);
  mmx_optimizer_run_async (attribution, &settings, NULL, run_done_cb, &pooled);
  mmx_optimizer_settings_clear (&settings);
  while (pooled == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Everything but the time it took. */
  direct->elapsed_ms = pooled->elapsed_ms = 0;
  a = mmx_optimization_to_data (direct);
  b = mmx_optimization_to_data (pooled);
  g_assert_cmpstr (a, ==, b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/models/optimizer/periods", test_periods);
  g_test_add_func ("/mmx/models/optimizer/limits-and-fixed", test_limits_and_fixed);
  g_test_add_func ("/mmx/models/optimizer/no-effect", test_no_effect);
  g_test_add_func ("/mmx/models/optimizer/infeasible", test_infeasible);
  g_test_add_func ("/mmx/models/optimizer/target-revenue", test_target_revenue);
  g_test_add_func ("/mmx/models/optimizer/target-mroas", test_target_mroas);
  g_test_add_func ("/mmx/models/optimizer/intervals", test_intervals);
  g_test_add_func ("/mmx/models/optimizer/frontier", test_frontier);
  g_test_add_func ("/mmx/models/optimizer/json-round-trip", test_json_round_trip);
  g_test_add_func ("/mmx/models/optimizer/async", test_async);

  return g_test_run ();
}
