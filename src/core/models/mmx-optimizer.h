/* mmx-optimizer.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mmx-allocator.h"
#include "mmx-attribution.h"

G_BEGIN_DECLS

/* The budget sweep has this many points. */
#define MMX_OPTIMIZER_FRONTIER_POINTS 20

/**
 * MmxBudgetPeriod:
 * @MMX_BUDGET_PERIOD_DAY: a budget per day
 * @MMX_BUDGET_PERIOD_WEEK: per week
 * @MMX_BUDGET_PERIOD_MONTH: per month, 365.25 / 12 days
 *
 * What a budget, a limit, a target revenue and every amount of a result
 * are counted per, whatever the data's own periods.
 */
typedef enum
{
  MMX_BUDGET_PERIOD_DAY,
  MMX_BUDGET_PERIOD_WEEK,
  MMX_BUDGET_PERIOD_MONTH,
} MmxBudgetPeriod;

/**
 * MmxOptimizerGoal:
 * @MMX_OPTIMIZER_GOAL_BUDGET: the split of the budget that earns the most
 * @MMX_OPTIMIZER_GOAL_TARGET_REVENUE: the least spend that earns the target
 *   revenue, and its split
 * @MMX_OPTIMIZER_GOAL_TARGET_MROAS: the budget at which the marginal ROAS of
 *   the best split falls to the target (1 is break-even), and its split
 */
typedef enum
{
  MMX_OPTIMIZER_GOAL_BUDGET,
  MMX_OPTIMIZER_GOAL_TARGET_REVENUE,
  MMX_OPTIMIZER_GOAL_TARGET_MROAS,
} MmxOptimizerGoal;

/**
 * MmxChannelLimits:
 * @channel: the channel, named as stored
 * @min: the least it may spend per period, or NaN for none
 * @max: the most, or NaN for none
 * @locked: whether its spend stays at today's level
 */
typedef struct
{
  char     *channel;
  double    min;
  double    max;
  gboolean  locked;
} MmxChannelLimits;

/**
 * MmxOptimizerSettings:
 * @goal: what to find
 * @period: what the amounts are counted per
 * @budget: the budget per @period; with a target goal an upper limit, or
 *   NaN for none
 * @target: the target revenue per @period, or the target marginal ROAS
 * @limits: (element-type MmxChannelLimits): the user's limits by channel
 * @frontier: whether to sweep the budget too
 */
typedef struct
{
  MmxOptimizerGoal  goal;
  MmxBudgetPeriod   period;
  double            budget;
  double            target;
  GPtrArray        *limits;
  gboolean          frontier;
} MmxOptimizerSettings;

/**
 * MmxChannelFixed:
 * @MMX_CHANNEL_FIXED_NONE: the optimizer chose its spend
 * @MMX_CHANNEL_FIXED_LOCKED: the user locked it at today's spend
 * @MMX_CHANNEL_FIXED_UNMEASURED: the attribution could not measure it, so
 *   it has no curve and keeps today's spend
 */
typedef enum
{
  MMX_CHANNEL_FIXED_NONE,
  MMX_CHANNEL_FIXED_LOCKED,
  MMX_CHANNEL_FIXED_UNMEASURED,
} MmxChannelFixed;

/**
 * MmxChannelOptimization:
 * @name: the channel
 * @fixed: whether, and why, its spend stays as it is
 * @current: today's spend per period
 * @recommended: the recommended spend per period
 * @change: @recommended minus @current
 * @min: the least it may spend, 0 without a limit
 * @max: the most, %INFINITY without a limit
 * @current_revenue: the revenue it brings per period today; NaN when
 *   unmeasured
 * @expected_revenue: the revenue it is expected to bring at @recommended
 * @current_mroas: its marginal ROAS today
 * @mroas: its marginal ROAS at @recommended
 * @at_bound: whether @recommended sits on @min or @max
 * @unconstrained: its spend in the best split without the user's limits
 *   and locks
 */
typedef struct
{
  char            *name;
  MmxChannelFixed  fixed;
  double           current;
  double           recommended;
  double           change;
  double           min;
  double           max;
  double           current_revenue;
  double           expected_revenue;
  double           current_mroas;
  double           mroas;
  MmxBound         at_bound;
  double           unconstrained;
} MmxChannelOptimization;

/**
 * MmxAllocationSummary:
 * @spend: the spend per period of all channels
 * @revenue: the revenue per period the measured channels bring
 * @revenue_ci: its 95 % interval over the attribution's bootstrap
 *   replicates; NaN without replicates
 * @roi: (@revenue - their spend) / their spend, over the measured
 *   channels
 */
typedef struct
{
  double spend;
  double revenue;
  double revenue_ci[2];
  double roi;
} MmxAllocationSummary;

/**
 * MmxOptimization:
 * @goal: what was asked
 * @period: what the amounts are counted per
 * @granularity: the periods of the data the curves were fitted to
 * @target_kind: what the curves return: revenue or conversions
 * @budget: the total budget per @period: the one given, or the one found
 *   for a target
 * @target: the target, NaN for @MMX_OPTIMIZER_GOAL_BUDGET
 * @spent_before_target: for @MMX_OPTIMIZER_GOAL_TARGET_MROAS, whether the
 *   budget or the limits ran out while the marginal ROAS was still above
 *   @target, so @budget is all they allow rather than where it falls
 * @channels: (element-type MmxChannelOptimization): every channel of the
 *   attribution, in its order
 * @current: today's split
 * @recommended: the recommended split
 * @uplift: the recommended revenue minus today's
 * @uplift_ci: its 95 % interval, each replicate comparing both splits
 * @uplift_share: @uplift over today's revenue
 * @uplift_share_ci: its interval
 * @uplift_probability: the share of replicates in which the recommended
 *   split earns more than today's
 * @current_mix_revenue: what today's split, scaled to the budget, earns
 * @marginal_roas: what one more unit of budget would bring per period
 * @optimality_gap: how far the marginal ROAS of the channels off their
 *   limits differ, relative
 * @verified: whether the optimality conditions hold
 * @unconstrained_revenue: what the best split earns without the user's
 *   limits and locks: beside @recommended, what they cost
 * @n_frontier: the points of the budget sweep, 0 when not asked for
 * @frontier_budget: (array length=n_frontier): the total budgets
 * @frontier_revenue: (array length=n_frontier): the revenue of the best
 *   split of each
 * @n_replicates: the bootstrap replicates the intervals come from
 * @n_starts: the starting points SLSQP ran from, over every budget tried
 * @attribution_method: the attribution the curves come from
 * @attribution_first_day: the Julian day its data begins
 * @attribution_last_day: the day it ends
 * @notes: (element-type utf8): plain sentences on what to keep in mind
 * @elapsed_ms: how long the optimization took
 *
 * The recommended split of a budget, its expected revenue and how sure we
 * are, beside what is spent today.
 */
typedef struct
{
  MmxOptimizerGoal      goal;
  MmxBudgetPeriod       period;
  MmxGranularity        granularity;
  MmxAttributionTarget  target_kind;
  double                budget;
  double                target;
  gboolean              spent_before_target;
  GPtrArray            *channels;
  MmxAllocationSummary  current;
  MmxAllocationSummary  recommended;
  double                uplift;
  double                uplift_ci[2];
  double                uplift_share;
  double                uplift_share_ci[2];
  double                uplift_probability;
  double                current_mix_revenue;
  double                marginal_roas;
  double                optimality_gap;
  gboolean              verified;
  double                unconstrained_revenue;
  guint                 n_frontier;
  double               *frontier_budget;
  double               *frontier_revenue;
  guint                 n_replicates;
  guint                 n_starts;
  MmxAttributionMethod  attribution_method;
  guint32               attribution_first_day;
  guint32               attribution_last_day;
  GPtrArray            *notes;
  double                elapsed_ms;
} MmxOptimization;

#define MMX_TYPE_OPTIMIZATION (mmx_optimization_get_type ())

const char       *mmx_budget_period_to_string       (MmxBudgetPeriod              period);
gboolean          mmx_budget_period_from_string     (const char                  *name,
                                                     MmxBudgetPeriod             *out_period);
double            mmx_budget_period_get_days        (MmxBudgetPeriod              period);

void              mmx_optimizer_settings_init       (MmxOptimizerSettings        *settings);
void              mmx_optimizer_settings_clear      (MmxOptimizerSettings        *settings);
void              mmx_optimizer_settings_copy       (const MmxOptimizerSettings  *settings,
                                                     MmxOptimizerSettings        *copy);
MmxChannelLimits *mmx_optimizer_settings_get_limits (MmxOptimizerSettings        *settings,
                                                     const char                  *channel);

GType             mmx_optimization_get_type         (void) G_GNUC_CONST;
MmxOptimization  *mmx_optimizer_run                 (const MmxAttribution        *attribution,
                                                     const MmxOptimizerSettings  *settings,
                                                     GCancellable                *cancellable,
                                                     GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_optimizer_run_async           (MmxAttribution              *attribution,
                                                     const MmxOptimizerSettings  *settings,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     user_data);
MmxOptimization  *mmx_optimizer_run_finish          (GAsyncResult                *result,
                                                     GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
MmxOptimization  *mmx_optimization_ref              (MmxOptimization             *self);
void              mmx_optimization_unref            (MmxOptimization             *self);
const char       *mmx_channel_fixed_to_string       (MmxChannelFixed              fixed);
const char       *mmx_bound_to_string               (MmxBound                     bound);
double            mmx_allocation_summary_get_cpa    (const MmxAllocationSummary  *summary);
void              mmx_optimization_build_json       (const MmxOptimization       *self,
                                                     JsonBuilder                 *builder);
char             *mmx_optimization_to_data          (const MmxOptimization       *self) G_GNUC_WARN_UNUSED_RESULT;
MmxOptimization  *mmx_optimization_new_from_data    (const char                  *data,
                                                     GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxOptimization, mmx_optimization_unref)

G_END_DECLS
