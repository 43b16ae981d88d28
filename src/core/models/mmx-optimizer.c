/* mmx-optimizer.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-optimizer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mmx-fit-stats.h"
#include "mmx-job-pool.h"
#include "mmx-model-error.h"
#include "mmx-number-text.h"
#include "mmx-optimizer-private.h"

/* The budget optimizer on an attribution's response curves: the goals,
 * the user's limits, the conversion between the user's period and the
 * data's, the uncertainty over the bootstrap replicates and the budget
 * sweep. MmxAllocator does the splitting.
 *
 * Only measured channels have a curve. Locked and unmeasured channels keep
 * today's spend, which comes off the budget first; locked ones still earn
 * on their curve. */

#define DAYS_PER_MONTH (365.25 / 12)

/* Budgets agree within this share in the searches for a target. */
#define SEARCH_TOLERANCE 1e-7
#define SEARCH_STEPS 60
/* The budget sweep that brackets a target marginal ROAS. */
#define SCAN_POINTS 16
/* Doublings of the budget tried to reach a target without maximums. */
#define MAX_DOUBLINGS 80

/* The sweep runs to this multiple of the budget (or of today's spend). */
#define FRONTIER_SPAN 2.0

/* A budget this far from today's spend is worth a note, and so is a
 * recommended spend this many times today's: the curve's data end about
 * there. */
#define BUDGET_CHANGE_NOTE 0.01
#define EXTRAPOLATION_NOTE MMX_ATTRIBUTION_CURVE_MAX

G_DEFINE_BOXED_TYPE (MmxOptimization, mmx_optimization, mmx_optimization_ref,
                     mmx_optimization_unref)

const char *
mmx_budget_period_to_string (MmxBudgetPeriod period)
{
  switch (period)
    {
    case MMX_BUDGET_PERIOD_DAY:
      return "day";
    case MMX_BUDGET_PERIOD_WEEK:
      return "week";
    case MMX_BUDGET_PERIOD_MONTH:
    default:
      return "month";
    }
}

gboolean
mmx_budget_period_from_string (const char      *name,
                               MmxBudgetPeriod *out_period)
{
  if (g_strcmp0 (name, "day") == 0)
    *out_period = MMX_BUDGET_PERIOD_DAY;
  else if (g_strcmp0 (name, "week") == 0)
    *out_period = MMX_BUDGET_PERIOD_WEEK;
  else if (g_strcmp0 (name, "month") == 0)
    *out_period = MMX_BUDGET_PERIOD_MONTH;
  else
    return FALSE;
  return TRUE;
}

double
mmx_budget_period_get_days (MmxBudgetPeriod period)
{
  switch (period)
    {
    case MMX_BUDGET_PERIOD_DAY:
      return 1;
    case MMX_BUDGET_PERIOD_WEEK:
      return 7;
    case MMX_BUDGET_PERIOD_MONTH:
    default:
      return DAYS_PER_MONTH;
    }
}

/* The period's name inside a sentence. */
static const char *
period_name (MmxBudgetPeriod period)
{
  switch (period)
    {
    case MMX_BUDGET_PERIOD_DAY:
      return _("day");
    case MMX_BUDGET_PERIOD_WEEK:
      return _("week");
    case MMX_BUDGET_PERIOD_MONTH:
    default:
      return _("month");
    }
}

const char *
mmx_channel_fixed_to_string (MmxChannelFixed fixed)
{
  switch (fixed)
    {
    case MMX_CHANNEL_FIXED_LOCKED:
      return "locked";
    case MMX_CHANNEL_FIXED_UNMEASURED:
      return "not_measured";
    case MMX_CHANNEL_FIXED_NONE:
    default:
      return NULL;
    }
}

/**
 * mmx_allocation_summary_get_cpa:
 * @summary: a split's totals, on curves of conversions
 *
 * What a conversion costs over the measured channels: their spend over
 * the conversions they bring, which is 1 / (1 + @roi).
 *
 * Returns: the cost per acquisition; infinite where they bring none
 */
double
mmx_allocation_summary_get_cpa (const MmxAllocationSummary *summary)
{
  return mmx_cost_per_unit (1 + summary->roi);
}

const char *
mmx_bound_to_string (MmxBound bound)
{
  switch (bound)
    {
    case MMX_BOUND_MIN:
      return "min";
    case MMX_BOUND_MAX:
      return "max";
    case MMX_BOUND_NONE:
    default:
      return "none";
    }
}

static void
channel_limits_free (MmxChannelLimits *limits)
{
  g_free (limits->channel);
  g_free (limits);
}

/**
 * mmx_optimizer_settings_init:
 * @settings: (out caller-allocates): settings to fill
 *
 * The defaults: the best split of a budget per month, no limits, no sweep.
 */
void
mmx_optimizer_settings_init (MmxOptimizerSettings *settings)
{
  *settings = (MmxOptimizerSettings) { 0 };
  settings->goal = MMX_OPTIMIZER_GOAL_BUDGET;
  settings->period = MMX_BUDGET_PERIOD_MONTH;
  settings->budget = NAN;
  settings->target = NAN;
  settings->limits = g_ptr_array_new_with_free_func ((GDestroyNotify) channel_limits_free);
}

void
mmx_optimizer_settings_clear (MmxOptimizerSettings *settings)
{
  g_clear_pointer (&settings->limits, g_ptr_array_unref);
}

/**
 * mmx_optimizer_settings_copy:
 * @settings: settings
 * @copy: (out caller-allocates): where to copy them, for another thread
 */
void
mmx_optimizer_settings_copy (const MmxOptimizerSettings *settings,
                             MmxOptimizerSettings       *copy)
{
  *copy = *settings;
  copy->limits = g_ptr_array_new_with_free_func ((GDestroyNotify) channel_limits_free);
  for (guint i = 0; i < settings->limits->len; i++)
    {
      MmxChannelLimits *limits = g_memdup2 (g_ptr_array_index (settings->limits, i),
                                            sizeof (MmxChannelLimits));

      limits->channel = g_strdup (limits->channel);
      g_ptr_array_add (copy->limits, limits);
    }
}

/**
 * mmx_optimizer_settings_get_limits:
 * @settings: settings
 * @channel: a channel, named as stored
 *
 * Returns: (transfer none): the limits of @channel, added without any
 *   when it has none yet
 */
MmxChannelLimits *
mmx_optimizer_settings_get_limits (MmxOptimizerSettings *settings,
                                   const char           *channel)
{
  MmxChannelLimits *limits;

  for (guint i = 0; i < settings->limits->len; i++)
    {
      limits = g_ptr_array_index (settings->limits, i);
      if (g_str_equal (limits->channel, channel))
        return limits;
    }
  limits = g_new0 (MmxChannelLimits, 1);
  limits->channel = g_strdup (channel);
  limits->min = limits->max = NAN;
  g_ptr_array_add (settings->limits, limits);
  return limits;
}

static void
channel_optimization_free (MmxChannelOptimization *channel)
{
  g_free (channel->name);
  g_free (channel);
}

static void
optimization_clear (MmxOptimization *self)
{
  g_ptr_array_unref (self->channels);
  g_ptr_array_unref (self->notes);
  g_free (self->frontier_budget);
  g_free (self->frontier_revenue);
}

/* An empty result, for the optimizer and the JSON reader to fill. */
MmxOptimization *
_mmx_optimization_new (void)
{
  MmxOptimization *self = g_atomic_rc_box_new0 (MmxOptimization);

  self->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) channel_optimization_free);
  /* NULL-terminated, so the JSON writer can take it as a string array. */
  self->notes = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  return self;
}

MmxOptimization *
mmx_optimization_ref (MmxOptimization *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
mmx_optimization_unref (MmxOptimization *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) optimization_clear);
}

/* What the optimizer works with, in the data's periods: which channel is
 * free or fixed, its limits, and the allocator over the free ones. */
typedef struct
{
  const MmxAttribution        *attribution;
  const MmxOptimizerSettings  *settings;
  /* Data periods per period of the settings. */
  double                       per_period;
  guint                        n_channels;
  MmxChannelFixed             *fixed;
  /* Each channel's index among the measured ones, or -1. */
  int                         *measured;
  double                      *lower;
  double                      *upper;
  guint                        n_free;
  guint                       *free;
  MmxResponse                 *free_responses;
  double                      *free_current;
  double                      *free_lower;
  double                      *free_upper;
  double                       fixed_spend;
  double                       current_total;
  MmxAllocator                *allocator;
  guint                        n_starts;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_free (plan->fixed);
  g_free (plan->measured);
  g_free (plan->lower);
  g_free (plan->upper);
  g_free (plan->free);
  g_free (plan->free_responses);
  g_free (plan->free_current);
  g_free (plan->free_lower);
  g_free (plan->free_upper);
  g_clear_pointer (&plan->allocator, mmx_allocator_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static const MmxChannelAttribution *
plan_channel (const Plan *plan,
              guint       k)
{
  return g_ptr_array_index (plan->attribution->channels, k);
}

/* An amount per data period as the user counts it. */
static double
to_user (const Plan *plan,
         double      amount)
{
  return amount * plan->per_period;
}

static double
from_user (const Plan *plan,
           double      amount)
{
  return amount / plan->per_period;
}

static char *
list_channels (const MmxAttribution *attribution)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < attribution->channels->len; k++)
    {
      const MmxChannelAttribution *channel = g_ptr_array_index (attribution->channels, k);

      g_string_append_printf (names, k == 0 ? "%s" : ", %s", channel->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
check_settings (const MmxAttribution        *attribution,
                const MmxOptimizerSettings  *settings,
                GError                     **error)
{
  const char *per = period_name (settings->period);

  if (attribution->method != MMX_ATTRIBUTION_MMM)
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NO_RESULT,
                   _("The attribution was made with the lag model, which has no response "
                     "curves: attribute again with the marketing-mix model, the default."));
      return FALSE;
    }
  if (settings->goal == MMX_OPTIMIZER_GOAL_BUDGET && isnan (settings->budget))
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   _("Give a budget to split."));
      return FALSE;
    }
  if (!isnan (settings->budget) && (settings->budget < 0 || !isfinite (settings->budget)))
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   _("The budget must be a number of 0 or more, and %g per %s is not."),
                   settings->budget, per);
      return FALSE;
    }
  if (settings->goal == MMX_OPTIMIZER_GOAL_TARGET_REVENUE
      && !(settings->target > 0 && isfinite (settings->target)))
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   attribution->target == MMX_ATTRIBUTION_CONVERSIONS
                     ? _("The target number of conversions must be above 0, and %g per %s is "
                         "not.")
                     : _("The target revenue must be a number above 0, and %g per %s is not."),
                   settings->target, per);
      return FALSE;
    }
  if (settings->goal == MMX_OPTIMIZER_GOAL_TARGET_MROAS
      && !(settings->target > 0 && isfinite (settings->target)))
    {
      if (attribution->target == MMX_ATTRIBUTION_CONVERSIONS)
        g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                     _("The target at the margin must be a number of conversions per unit of "
                       "budget above 0 (0.01 is one conversion for 100), and %g is not."),
                     settings->target);
      else
        g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                     _("The target marginal ROAS must be a number above 0 (1 is break-even), "
                       "and %g is not."), settings->target);
      return FALSE;
    }

  for (guint i = 0; i < settings->limits->len; i++)
    {
      const MmxChannelLimits *limits = g_ptr_array_index (settings->limits, i);
      gboolean known = FALSE;

      for (guint k = 0; k < attribution->channels->len && !known; k++)
        known = g_str_equal (((MmxChannelAttribution *) g_ptr_array_index (attribution->channels,
                                                                            k))->name,
                             limits->channel);
      if (!known)
        {
          g_autofree char *names = list_channels (attribution);

          g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                       _("There is no channel “%s” in the attribution; its channels are %s."),
                       limits->channel, names);
          return FALSE;
        }
      if (limits->min < 0 || isinf (limits->min) || limits->max < 0)
        {
          g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                       _("The limits of %s must be numbers of 0 or more."), limits->channel);
          return FALSE;
        }
      if (limits->max < limits->min)
        {
          g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                       _("The maximum of %s (%.2f per %s) is below its minimum (%.2f): raise "
                         "the maximum or lower the minimum."),
                       limits->channel, limits->max, per, limits->min);
          return FALSE;
        }
    }
  return TRUE;
}

static const MmxChannelLimits *
find_limits (const MmxOptimizerSettings *settings,
             const char                 *channel)
{
  for (guint i = 0; i < settings->limits->len; i++)
    {
      const MmxChannelLimits *limits = g_ptr_array_index (settings->limits, i);

      if (g_str_equal (limits->channel, channel))
        return limits;
    }
  return NULL;
}

/* Sorts the channels into free and fixed, with their limits in the data's
 * periods, and checks that the limits leave a way to spend the budget. */
static gboolean
plan_init (Plan                        *plan,
           const MmxAttribution        *attribution,
           const MmxOptimizerSettings  *settings,
           GError                     **error)
{
  const char *per = period_name (settings->period);
  guint K = attribution->channels->len;
  double min_total = 0;
  int measured = 0;

  *plan = (Plan) { 0 };
  plan->attribution = attribution;
  plan->settings = settings;
  plan->per_period = mmx_budget_period_get_days (settings->period)
                     / mmx_granularity_get_days (attribution->granularity);
  plan->n_channels = K;
  plan->fixed = g_new0 (MmxChannelFixed, MAX (K, 1));
  plan->measured = g_new (int, MAX (K, 1));
  plan->lower = g_new (double, MAX (K, 1));
  plan->upper = g_new (double, MAX (K, 1));
  plan->free = g_new (guint, MAX (K, 1));
  plan->free_responses = g_new (MmxResponse, MAX (K, 1));
  plan->free_current = g_new (double, MAX (K, 1));
  plan->free_lower = g_new (double, MAX (K, 1));
  plan->free_upper = g_new (double, MAX (K, 1));

  for (guint k = 0; k < K; k++)
    {
      const MmxChannelAttribution *channel = plan_channel (plan, k);
      const MmxChannelLimits *limits = find_limits (settings, channel->name);
      double min = limits != NULL && !isnan (limits->min) ? from_user (plan, limits->min) : 0;
      double max = limits != NULL && !isnan (limits->max) ? from_user (plan, limits->max)
                                                          : INFINITY;

      plan->measured[k] = channel->measured ? measured++ : -1;
      plan->current_total += channel->current_spend;
      if (!channel->measured || (limits != NULL && limits->locked))
        {
          plan->fixed[k] = channel->measured ? MMX_CHANNEL_FIXED_LOCKED
                                             : MMX_CHANNEL_FIXED_UNMEASURED;
          if (channel->current_spend < min * (1 - 1e-12) || channel->current_spend > max)
            {
              g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                           channel->measured
                           ? _("%s is locked at today’s %.2f per %s, outside the limits you "
                               "gave it: unlock it or change its limits.")
                           : _("%s keeps today’s %.2f per %s because the attribution could not "
                               "measure it, and that is outside the limits you gave it: drop "
                               "its limits."),
                           channel->name, to_user (plan, channel->current_spend), per);
              return FALSE;
            }
          plan->lower[k] = plan->upper[k] = channel->current_spend;
          plan->fixed_spend += channel->current_spend;
          continue;
        }
      plan->lower[k] = min;
      plan->upper[k] = max;
      plan->free[plan->n_free] = k;
      plan->free_responses[plan->n_free] = channel->response;
      plan->free_current[plan->n_free] = channel->current_spend;
      plan->free_lower[plan->n_free] = min;
      plan->free_upper[plan->n_free] = max;
      plan->n_free++;
      min_total += min;
    }
  if (measured == 0)
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NO_RESULT,
                   _("The attribution measured no channel, so there are no response curves to "
                     "optimize on."));
      return FALSE;
    }

  plan->allocator = mmx_allocator_new (plan->n_free, plan->free_responses, plan->free_lower,
                                       plan->free_upper);
  /* A target's budget is an upper limit: it may exceed the maximums. */
  if (!isnan (settings->budget))
    {
      double budget = from_user (plan, settings->budget);
      double max_total = mmx_allocator_get_max_budget (plan->allocator) + plan->fixed_spend;

      min_total += plan->fixed_spend;
      if (min_total > budget * (1 + 1e-9))
        {
          g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                       plan->fixed_spend > 0
                       ? _("The minimums and the spend of the channels that keep today’s add "
                           "up to %.2f per %s, more than the budget of %.2f: lower a minimum, "
                           "unlock a channel or raise the budget.")
                       : _("The minimums add up to %.2f per %s, more than the budget of %.2f: "
                           "lower a minimum or raise the budget."),
                       to_user (plan, min_total), per, settings->budget);
          return FALSE;
        }
      if (max_total < budget * (1 - 1e-9) && settings->goal == MMX_OPTIMIZER_GOAL_BUDGET)
        {
          g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                       _("The channels can spend at most %.2f per %s with the maximums and "
                         "locks you gave, less than the budget of %.2f: raise a maximum, "
                         "unlock a channel or lower the budget."),
                       to_user (plan, max_total), per, settings->budget);
          return FALSE;
        }
    }
  return TRUE;
}

/* The spend per data period of every channel, from a split of the free
 * ones. */
static void
expand (const Plan   *plan,
        const double *free_spend,
        double       *spend)
{
  for (guint k = 0; k < plan->n_channels; k++)
    spend[k] = plan->lower[k];
  for (guint i = 0; i < plan->n_free; i++)
    spend[plan->free[i]] = free_spend[i];
}

/* The revenue per data period the measured channels bring at @spend, on
 * the fit's curves or, with @replicate, on one bootstrap replicate's. */
static double
revenue_at (const Plan   *plan,
            const double *spend,
            gint          replicate)
{
  const MmxAttribution *attribution = plan->attribution;
  guint M = mmx_attribution_get_n_measured (attribution);
  double total = 0;

  for (guint k = 0; k < plan->n_channels; k++)
    {
      const MmxResponse *response;

      if (plan->measured[k] < 0)
        continue;
      response = replicate < 0 ? &plan_channel (plan, k)->response
                               : &attribution->replicates[(gsize) replicate * M
                                                          + plan->measured[k]];
      total += mmx_response_steady_state (response, spend[k]);
    }
  return total;
}

static double
measured_spend (const Plan   *plan,
                const double *spend)
{
  double total = 0;

  for (guint k = 0; k < plan->n_channels; k++)
    if (plan->measured[k] >= 0)
      total += spend[k];
  return total;
}

/* The best split of a total budget per data period, fixed spend included. */
static void
solve (Plan          *plan,
       double         budget,
       const double  *hint,
       MmxAllocation *out)
{
  double free_budget = budget - plan->fixed_spend;

  free_budget = CLAMP (free_budget, mmx_allocator_get_min_budget (plan->allocator),
                       mmx_allocator_get_max_budget (plan->allocator));
  mmx_allocator_solve (plan->allocator, free_budget, plan->free_current, hint, out);
  plan->n_starts += out->n_starts;
}

static double
solved_revenue (const Plan          *plan,
                const MmxAllocation *allocation)
{
  g_autofree double *spend = g_new (double, MAX (plan->n_channels, 1));

  expand (plan, allocation->spend, spend);
  return revenue_at (plan, spend, -1);
}

/* Whether the best split of a budget meets a target. */
typedef gboolean (*BudgetTest) (const Plan          *plan,
                                const MmxAllocation *allocation,
                                double               target);

static gboolean
reaches_revenue (const Plan          *plan,
                 const MmxAllocation *allocation,
                 double               target)
{
  return solved_revenue (plan, allocation) >= target;
}

static gboolean
keeps_mroas (const Plan          *plan,
             const MmxAllocation *allocation,
             double               target)
{
  return allocation->marginal_roas >= target;
}

/* Bisects between budget @pass, whose best split passes @test, and @fail,
 * whose split does not, on either side of it, down to where the answer
 * changes; leaves the best split of the last budget that passes in @out. */
static gboolean
narrow (Plan           *plan,
        BudgetTest      test,
        double          target,
        double          pass,
        double          fail,
        GCancellable   *cancellable,
        MmxAllocation  *out,
        double         *out_budget,
        GError        **error)
{
  for (guint i = 0; i < SEARCH_STEPS && fabs (pass - fail) > SEARCH_TOLERANCE * MAX (pass, fail);
       i++)
    {
      double mid = (pass + fail) / 2;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      solve (plan, mid, NULL, out);
      if (test (plan, out, target))
        pass = mid;
      else
        fail = mid;
    }
  solve (plan, pass, NULL, out);
  *out_budget = pass;
  return TRUE;
}

/* The least total budget whose best split earns @target per data period,
 * between the minimums and @cap. */
static gboolean
find_budget_for_revenue (Plan           *plan,
                         double          target,
                         double          cap,
                         GCancellable   *cancellable,
                         MmxAllocation  *out,
                         double         *out_budget,
                         GError        **error)
{
  const char *per = period_name (plan->settings->period);
  double lo = mmx_allocator_get_min_budget (plan->allocator) + plan->fixed_spend;
  double max = mmx_allocator_get_max_budget (plan->allocator) + plan->fixed_spend;
  double hi, best;

  solve (plan, lo, NULL, out);
  if (solved_revenue (plan, out) >= target)
    {
      *out_budget = lo;
      return TRUE;
    }

  if (isfinite (max))
    hi = max;
  else
    {
      /* Without maximums the curves level off at their betas. */
      double locked = 0, ceiling;
      g_autofree double *spend = g_new (double, MAX (plan->n_channels, 1));

      expand (plan, plan->free_lower, spend);
      for (guint k = 0; k < plan->n_channels; k++)
        if (plan->fixed[k] == MMX_CHANNEL_FIXED_LOCKED)
          locked += mmx_response_steady_state (&plan_channel (plan, k)->response, spend[k]);
      ceiling = mmx_allocator_get_saturation (plan->allocator) + locked;
      if (target >= ceiling * (1 - 1e-9))
        {
          g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                       _("No budget reaches a revenue of %.2f per %s: however much they spend, "
                         "the channels level off below %.2f."),
                       to_user (plan, target), per, to_user (plan, ceiling));
          return FALSE;
        }
      hi = MAX (2 * lo, plan->current_total);
      for (guint i = 0; i < MAX_DOUBLINGS; i++, hi *= 2)
        {
          solve (plan, MIN (hi, cap), NULL, out);
          if (solved_revenue (plan, out) >= target || hi >= cap)
            break;
        }
    }
  hi = MIN (hi, cap);
  solve (plan, hi, NULL, out);
  best = solved_revenue (plan, out);
  if (best < target)
    {
      if (hi < max)
        g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                     _("Reaching a revenue of %.2f per %s takes more than the budget of %.2f, "
                       "whose best split brings %.2f: raise the budget or lower the target."),
                     to_user (plan, target), per, to_user (plan, hi), to_user (plan, best));
      else
        g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                     _("No budget within the maximums and locks reaches a revenue of %.2f per "
                       "%s: at most it is %.2f. Raise a maximum or lower the target."),
                     to_user (plan, target), per, to_user (plan, best));
      return FALSE;
    }

  return narrow (plan, reaches_revenue, target, hi, lo, cancellable, out, out_budget, error);
}

/* The largest total budget whose best split still has a marginal ROAS of
 * @target or more, at most @cap. Marginal ROAS falls as the budget grows
 * past the S-shaped parts of the curves, not before, so a sweep finds
 * where it last crosses the target and a bisection pins that down. */
static gboolean
find_budget_for_mroas (Plan           *plan,
                       double          target,
                       double          cap,
                       GCancellable   *cancellable,
                       MmxAllocation  *out,
                       double         *out_budget,
                       gboolean       *out_capped,
                       GError        **error)
{
  const char *per = period_name (plan->settings->period);
  double lo = mmx_allocator_get_min_budget (plan->allocator) + plan->fixed_spend;
  double max = mmx_allocator_get_max_budget (plan->allocator) + plan->fixed_spend;
  double hi = MIN (max, cap), best_mroas = 0, above = NAN, below = NAN;

  *out_capped = FALSE;
  if (!isfinite (hi))
    {
      hi = MAX (2 * lo, plan->current_total);
      for (guint i = 0; i < MAX_DOUBLINGS; i++, hi *= 2)
        {
          solve (plan, hi, NULL, out);
          if (out->marginal_roas < target)
            break;
        }
    }

  for (guint i = 0; i <= SCAN_POINTS; i++)
    {
      double budget = lo + (hi - lo) * i / SCAN_POINTS;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      solve (plan, budget, NULL, out);
      best_mroas = MAX (best_mroas, out->marginal_roas);
      if (out->marginal_roas >= target)
        {
          above = budget;
          below = NAN;
        }
      else if (!isnan (above) && isnan (below))
        below = budget;
    }
  if (isnan (above))
    {
      if (plan->attribution->target == MMX_ATTRIBUTION_CONVERSIONS)
        g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                     _("No budget brings one more conversion for %.2f: with these limits the "
                       "best split never brings more than %.4f conversions per extra unit spent "
                       "per %s."), mmx_cost_per_unit (target), best_mroas, per);
      else
        g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                     _("No budget brings a marginal ROAS of %.2f: with these limits the best "
                       "split never returns more than %.2f per extra unit spent per %s."),
                     target, best_mroas, per);
      return FALSE;
    }
  if (isnan (below))
    {
      /* Still above the target where the budget or the maximums stop. */
      *out_capped = TRUE;
      solve (plan, hi, NULL, out);
      *out_budget = hi;
      return TRUE;
    }

  return narrow (plan, keeps_mroas, target, above, below, cancellable, out, out_budget, error);
}

static void
note (MmxOptimization *self,
      const char      *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
note (MmxOptimization *self,
      const char      *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
interval_95 (double *values,
             guint   n,
             double  out[2])
{
  mmx_sort_doubles (values, n);
  out[0] = mmx_percentile (values, n, 0.025);
  out[1] = mmx_percentile (values, n, 0.975);
}

/* The 95 % intervals over the bootstrap replicates: every replicate
 * prices both splits, so the uplift's interval keeps their correlation. */
static void
set_intervals (MmxOptimization *self,
               const Plan      *plan,
               const double    *current,
               const double    *recommended)
{
  guint R = plan->attribution->n_replicates;
  g_autofree double *now = g_new (double, MAX (R, 1));
  g_autofree double *then = g_new (double, MAX (R, 1));
  g_autofree double *uplift = g_new (double, MAX (R, 1));
  g_autofree double *share = g_new (double, MAX (R, 1));
  guint better = 0;

  self->n_replicates = R;
  if (R == 0)
    return;
  for (guint r = 0; r < R; r++)
    {
      now[r] = to_user (plan, revenue_at (plan, current, r));
      then[r] = to_user (plan, revenue_at (plan, recommended, r));
      uplift[r] = then[r] - now[r];
      share[r] = now[r] > 0 ? uplift[r] / now[r] : 0;
      better += uplift[r] > 0;
    }
  interval_95 (now, R, self->current.revenue_ci);
  interval_95 (then, R, self->recommended.revenue_ci);
  interval_95 (uplift, R, self->uplift_ci);
  interval_95 (share, R, self->uplift_share_ci);
  self->uplift_probability = (double) better / R;
}

static void
summarize (const Plan           *plan,
           const double         *spend,
           MmxAllocationSummary *out)
{
  double paid = measured_spend (plan, spend);

  out->spend = 0;
  for (guint k = 0; k < plan->n_channels; k++)
    out->spend += spend[k];
  out->spend = to_user (plan, out->spend);
  out->revenue = to_user (plan, revenue_at (plan, spend, -1));
  out->revenue_ci[0] = out->revenue_ci[1] = NAN;
  out->roi = paid > 0 ? (revenue_at (plan, spend, -1) - paid) / paid : NAN;
}

/* The best split with none of the user's limits and locks, from the
 * constrained one, which it can only beat: what the limits cost. */
static double
solve_unconstrained (const Plan   *plan,
                     const double *recommended,
                     double       *out_spend)
{
  guint K = plan->n_channels, n = 0;
  g_autofree MmxResponse *responses = g_new (MmxResponse, MAX (K, 1));
  g_autofree double *lower = g_new0 (double, MAX (K, 1));
  g_autofree double *upper = g_new (double, MAX (K, 1));
  g_autofree double *current = g_new (double, MAX (K, 1));
  g_autofree double *hint = g_new (double, MAX (K, 1));
  g_autoptr(MmxAllocator) allocator = NULL;
  MmxAllocation allocation;
  double budget = 0, value;

  for (guint k = 0; k < K; k++)
    {
      if (plan->measured[k] < 0)
        continue;
      responses[n] = plan_channel (plan, k)->response;
      upper[n] = INFINITY;
      current[n] = plan_channel (plan, k)->current_spend;
      hint[n] = recommended[k];
      budget += recommended[k];
      n++;
    }
  allocator = mmx_allocator_new (n, responses, lower, upper);
  mmx_allocation_init (&allocation, n);
  mmx_allocator_solve (allocator, budget, current, hint, &allocation);
  for (guint k = 0, i = 0; k < K; k++)
    out_spend[k] = plan->measured[k] < 0 ? recommended[k] : allocation.spend[i++];
  value = allocation.value;
  mmx_allocation_clear (&allocation);
  return value;
}

static void
sweep (MmxOptimization *self,
       Plan            *plan,
       double           budget)
{
  double lo = mmx_allocator_get_min_budget (plan->allocator) + plan->fixed_spend;
  double max = mmx_allocator_get_max_budget (plan->allocator) + plan->fixed_spend;
  double hi = MIN (max, FRONTIER_SPAN * MAX (budget, plan->current_total));
  guint n = hi > lo ? MMX_OPTIMIZER_FRONTIER_POINTS : 1;
  MmxAllocation allocation;
  g_autofree double *previous = NULL;

  mmx_allocation_init (&allocation, plan->n_free);
  self->n_frontier = n;
  self->frontier_budget = g_new (double, n);
  self->frontier_revenue = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      double point = n > 1 ? lo + (hi - lo) * i / (n - 1) : lo;

      /* The best split of the budget before is a good start. */
      solve (plan, point, previous, &allocation);
      self->frontier_budget[i] = to_user (plan, point);
      self->frontier_revenue[i] = to_user (plan, solved_revenue (plan, &allocation));
      g_free (previous);
      previous = g_memdup2 (allocation.spend, sizeof (double) * MAX (plan->n_free, 1));
    }
  mmx_allocation_clear (&allocation);
}

/* A channel held at no effect returns nothing, even where its curve
 * would rise infinitely fast. */
static double
marginal (const MmxResponse *response,
          double             spend)
{
  return response->beta > 0 ? mmx_response_steady_derivative (response, spend) : 0;
}

/* The spend per period past which a channel's steady-state curve bends
 * towards saturation; before it, each unit returns more than the last. */
static double
bend (const MmxResponse *response)
{
  MmxHill hill;

  mmx_response_get_steady_hill (response, &hill);
  return mmx_hill_get_inflection (&hill);
}

static void
add_notes (MmxOptimization *self,
           const Plan      *plan,
           const double    *current,
           const double    *recommended)
{
  const char *per = period_name (self->period);
  double today = to_user (plan, plan->current_total);

  for (guint k = 0; k < plan->n_channels; k++)
    {
      const MmxChannelAttribution *channel = plan_channel (plan, k);

      if (plan->fixed[k] == MMX_CHANNEL_FIXED_UNMEASURED)
        note (self, _("%s could not be measured, so its spend stays at today’s %.2f per %s and "
                      "the revenue it brings is not counted."),
              channel->name, to_user (plan, current[k]), per);
      else if (plan->fixed[k] == MMX_CHANNEL_FIXED_NONE && channel->response.beta <= 0
               && recommended[k] <= plan->lower[k])
        note (self, _("%s shows no effect in the data, so it gets only its minimum."),
              channel->name);
      else if (plan->fixed[k] == MMX_CHANNEL_FIXED_NONE
               && recommended[k] > EXTRAPOLATION_NOTE * channel->current_spend)
        note (self, _("%s: the recommended spend is %.1f times today’s, beyond what the data "
                      "show, so its curve there is an extrapolation: raise its spend step by "
                      "step and watch what it brings."),
              channel->name, recommended[k] / channel->current_spend);
      else if (plan->fixed[k] == MMX_CHANNEL_FIXED_NONE && recommended[k] > current[k]
               && recommended[k] < bend (&channel->response))
        note (self, _("%s: up to the recommended spend its curve returns more for every extra "
                      "unit, which data rarely show reliably; it is often a curve the data "
                      "cannot pin down, so raise its spend with care."), channel->name);
    }
  if (self->n_replicates > 0 && self->uplift_ci[0] < 0 && self->uplift_ci[1] > 0)
    {
      g_autofree char *low = mmx_number_text (self->uplift_ci[0], 2);

      note (self, _("The uplift’s 95 %% interval, %s to %.2f per %s, includes a loss: the data "
                    "cannot rule out that the new split earns less than today’s. Move part of "
                    "the way and measure, or vary spend for a few weeks to learn the curves "
                    "better."), low, self->uplift_ci[1], per);
    }
  if (fabs (self->budget - today) > BUDGET_CHANGE_NOTE * today && today > 0)
    {
      g_autofree char *from_budget = mmx_number_text (self->current_mix_revenue
                                                      - self->current.revenue, 2);
      g_autofree char *from_split = mmx_number_text (self->recommended.revenue
                                                     - self->current_mix_revenue, 2);

      note (self, _("Today’s split spends %.2f per %s. Scaled to the budget of %.2f it would "
                    "bring %.2f, so %s of the uplift comes from the change of budget and %s "
                    "from the new split."),
            today, per, self->budget, self->current_mix_revenue, from_budget, from_split);
    }
  if (!self->verified)
    note (self, self->target_kind == MMX_ATTRIBUTION_CONVERSIONS
                  ? _("The optimality check did not pass: the marginal costs per acquisition of "
                      "the channels off their limits differ by up to %.1f %%. Take the split as a "
                      "good one, not necessarily the best.")
                  : _("The optimality check did not pass: the marginal ROAS of the channels off "
                      "their limits differ by up to %.1f %%. Take the split as a good one, not "
                      "necessarily the best."), self->optimality_gap * 100);
  if (self->n_replicates == 0)
    note (self, _("The attribution has no bootstrap replicates, so the result has no "
                  "intervals: attribute again with replicates to see how sure it is."));
}

/* What today's split, scaled to the budget, brings: what the budget alone
 * would change. */
static double
scaled_mix_revenue (const Plan   *plan,
                    const double *current,
                    double        budget)
{
  g_autofree double *spend = g_new (double, MAX (plan->n_channels, 1));
  double free_today = plan->current_total - plan->fixed_spend;
  double scale = free_today > 0 ? (budget - plan->fixed_spend) / free_today : 0;

  for (guint k = 0; k < plan->n_channels; k++)
    spend[k] = plan->fixed[k] == MMX_CHANNEL_FIXED_NONE ? current[k] * scale : current[k];
  return to_user (plan, revenue_at (plan, spend, -1));
}

/**
 * mmx_optimizer_run:
 * @attribution: an attribution of the marketing-mix model
 * @settings: what to find, and the user's limits
 * @cancellable: (nullable): stops the searches for a target
 * @error: a location for a #GError
 *
 * Finds the split that earns the most on @attribution's steady-state
 * response curves, for a budget or for a target. Pure and deterministic.
 *
 * Returns: (transfer full): the result, or %NULL with @error set to one
 *   sentence saying what is wrong with the settings
 */
MmxOptimization *
mmx_optimizer_run (const MmxAttribution        *attribution,
                   const MmxOptimizerSettings  *settings,
                   GCancellable                *cancellable,
                   GError                     **error)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(MmxOptimization) self = NULL;
  g_auto(Plan) plan = { 0 };
  g_autofree double *current = NULL;
  g_autofree double *recommended = NULL;
  g_autofree double *unconstrained = NULL;
  double cap, budget, best = 0;
  gboolean capped = FALSE, budget_spent;
  MmxAllocation allocation;
  guint K;

  g_return_val_if_fail (attribution != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  if (!check_settings (attribution, settings, error)
      || !plan_init (&plan, attribution, settings, error))
    return NULL;

  K = plan.n_channels;
  cap = isnan (settings->budget) ? INFINITY : from_user (&plan, settings->budget);
  mmx_allocation_init (&allocation, plan.n_free);
  switch (settings->goal)
    {
    case MMX_OPTIMIZER_GOAL_TARGET_REVENUE:
      if (!find_budget_for_revenue (&plan, from_user (&plan, settings->target), cap, cancellable,
                                    &allocation, &budget, error))
        {
          mmx_allocation_clear (&allocation);
          return NULL;
        }
      break;
    case MMX_OPTIMIZER_GOAL_TARGET_MROAS:
      if (!find_budget_for_mroas (&plan, settings->target, cap, cancellable, &allocation, &budget,
                                  &capped, error))
        {
          mmx_allocation_clear (&allocation);
          return NULL;
        }
      break;
    case MMX_OPTIMIZER_GOAL_BUDGET:
    default:
      budget = cap;
      solve (&plan, budget, NULL, &allocation);
      break;
    }

  self = _mmx_optimization_new ();
  self->goal = settings->goal;
  self->period = settings->period;
  self->granularity = attribution->granularity;
  self->target_kind = attribution->target;
  self->target = settings->goal == MMX_OPTIMIZER_GOAL_BUDGET ? NAN : settings->target;
  self->spent_before_target = capped;
  self->attribution_method = attribution->method;
  self->attribution_first_day = attribution->first_day;
  self->attribution_last_day = attribution->first_day + attribution->n_periods
                               * mmx_granularity_get_days (attribution->granularity) - 1;
  self->marginal_roas = allocation.marginal_roas;
  self->optimality_gap = allocation.optimality_gap;
  self->verified = allocation.verified;

  current = g_new (double, MAX (K, 1));
  recommended = g_new (double, MAX (K, 1));
  unconstrained = g_new (double, MAX (K, 1));
  for (guint k = 0; k < K; k++)
    current[k] = plan_channel (&plan, k)->current_spend;
  expand (&plan, allocation.spend, recommended);
  budget = 0;
  for (guint k = 0; k < K; k++)
    budget += recommended[k];
  /* The split meets a given budget up to round-off; the user's own figure
   * reads back as typed. */
  self->budget = settings->goal == MMX_OPTIMIZER_GOAL_BUDGET ? settings->budget
                                                             : to_user (&plan, budget);

  summarize (&plan, current, &self->current);
  summarize (&plan, recommended, &self->recommended);
  self->uplift = self->recommended.revenue - self->current.revenue;
  self->uplift_share = self->current.revenue > 0 ? self->uplift / self->current.revenue : NAN;
  self->uplift_ci[0] = self->uplift_ci[1] = NAN;
  self->uplift_share_ci[0] = self->uplift_share_ci[1] = NAN;
  self->uplift_probability = NAN;
  set_intervals (self, &plan, current, recommended);
  self->current_mix_revenue = scaled_mix_revenue (&plan, current, budget);
  best = solve_unconstrained (&plan, recommended, unconstrained);
  self->unconstrained_revenue = MAX (to_user (&plan, best), self->recommended.revenue);

  for (guint k = 0, i = 0; k < K; k++)
    {
      const MmxChannelAttribution *source = plan_channel (&plan, k);
      MmxChannelOptimization *channel = g_new0 (MmxChannelOptimization, 1);
      gboolean measured = plan.measured[k] >= 0;

      channel->name = g_strdup (source->name);
      channel->fixed = plan.fixed[k];
      channel->current = to_user (&plan, current[k]);
      channel->recommended = to_user (&plan, recommended[k]);
      channel->change = channel->recommended - channel->current;
      channel->min = to_user (&plan, plan.lower[k]);
      channel->max = to_user (&plan, plan.upper[k]);
      channel->current_revenue = measured ? to_user (&plan, mmx_response_steady_state (
                                                               &source->response, current[k]))
                                          : NAN;
      channel->expected_revenue = measured ? to_user (&plan, mmx_response_steady_state (
                                                                &source->response,
                                                                recommended[k]))
                                           : NAN;
      channel->current_mroas = measured ? marginal (&source->response, current[k]) : NAN;
      /* The free channels' as the optimality check saw them. */
      channel->mroas = !measured ? NAN
                       : plan.fixed[k] == MMX_CHANNEL_FIXED_NONE ? allocation.marginal[i]
                       : marginal (&source->response, recommended[k]);
      channel->at_bound = plan.fixed[k] == MMX_CHANNEL_FIXED_NONE ? allocation.at_bound[i++]
                                                                  : MMX_BOUND_NONE;
      channel->unconstrained = to_user (&plan, unconstrained[k]);
      g_ptr_array_add (self->channels, channel);
    }

  budget_spent = isfinite (cap)
                 && cap <= mmx_allocator_get_max_budget (plan.allocator) + plan.fixed_spend;
  if (capped && self->target_kind == MMX_ATTRIBUTION_CONVERSIONS)
    note (self, budget_spent
                ? _("The whole budget is spent before one more conversion costs %.2f: at this "
                    "budget it costs %.2f.")
                : _("The maximums are reached before one more conversion costs %.2f: spending "
                    "all they allow, it costs %.2f."),
          mmx_cost_per_unit (settings->target), mmx_cost_per_unit (self->marginal_roas));
  else if (capped)
    note (self, budget_spent
                ? _("The whole budget is spent before the marginal ROAS falls to %.2f: at "
                    "this budget it is still %.2f.")
                : _("The maximums are reached before the marginal ROAS falls to %.2f: spending "
                    "all they allow, it is still %.2f."),
          settings->target, self->marginal_roas);
  add_notes (self, &plan, current, recommended);
  if (settings->frontier)
    sweep (self, &plan, budget);
  self->n_starts = plan.n_starts;
  mmx_allocation_clear (&allocation);
  self->elapsed_ms = (g_get_monotonic_time () - started) / 1000.0;
  return g_steal_pointer (&self);
}

typedef struct
{
  MmxAttribution       *attribution;
  MmxOptimizerSettings  settings;
} RunData;

static void
run_data_free (RunData *data)
{
  mmx_attribution_unref (data->attribution);
  mmx_optimizer_settings_clear (&data->settings);
  g_free (data);
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(GError) error = NULL;
  MmxOptimization *result;

  result = mmx_optimizer_run (data->attribution, &data->settings, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) mmx_optimization_unref);
}

/**
 * mmx_optimizer_run_async:
 * @attribution: an attribution
 * @settings: what to find; copied
 * @cancellable: (nullable): stops the run
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * Runs mmx_optimizer_run() on the worker pool.
 */
void
mmx_optimizer_run_async (MmxAttribution             *attribution,
                         const MmxOptimizerSettings *settings,
                         GCancellable               *cancellable,
                         GAsyncReadyCallback         callback,
                         gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RunData *data = g_new0 (RunData, 1);

  g_task_set_source_tag (task, mmx_optimizer_run_async);
  data->attribution = mmx_attribution_ref (attribution);
  mmx_optimizer_settings_copy (settings, &data->settings);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  /* A view waits for it, and it takes milliseconds. */
  mmx_job_pool_push (task, run_worker, MMX_JOB_PRIORITY_QUERY);
}

/**
 * mmx_optimizer_run_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the optimization, or %NULL with @error set
 */
MmxOptimization *
mmx_optimizer_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
