/* mmx-attribution.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mmx-events.h"
#include "mmx-panel.h"
#include "mmx-progress.h"
#include "mmx-response.h"

G_BEGIN_DECLS

/* Response curves run from no spend to three times today's. */
#define MMX_ATTRIBUTION_CURVE_POINTS 50
#define MMX_ATTRIBUTION_CURVE_MAX 3.0

/* Less history than this cannot separate media from seasonality. */
#define MMX_ATTRIBUTION_MIN_DAYS 60
#define MMX_ATTRIBUTION_MIN_WEEKS 26

typedef enum
{
  MMX_ATTRIBUTION_MMM,
  MMX_ATTRIBUTION_LAG,
} MmxAttributionMethod;

typedef enum
{
  MMX_ATTRIBUTION_REVENUE,
  MMX_ATTRIBUTION_CONVERSIONS,
} MmxAttributionTarget;

/**
 * MmxAttributionSettings:
 * @method: the marketing-mix model, or the first version's lag regression
 * @target: what the channels drive: revenue (ROAS) or conversions (cost
 *   per acquisition)
 * @n_bootstrap: bootstrap replicates for the intervals (0 for none)
 * @block_length: periods per resampled block; 0 for 14 days or 4 weeks
 * @seed: the seed of the random starts and the bootstrap
 * @research: search the hyper-parameters again in every replicate
 * @n_starts: starts of the hyper-parameter search; 0 for the default
 * @max_evaluations: the budget of each start; 0 for the default
 * @n_change_points: bends the baseline's trend may take
 * @decomposition_weight: how strongly the search keeps effect shares near
 *   spend shares
 * @builtin_events: whether the retail calendar enters the baseline
 * @events: (nullable): the user's events
 * @lift_tests: (nullable) (element-type MmxLiftTest): experiments to
 *   calibrate on, their channels named as stored
 */
typedef struct
{
  MmxAttributionMethod  method;
  MmxAttributionTarget  target;
  guint                 n_bootstrap;
  guint                 block_length;
  guint64               seed;
  gboolean              research;
  guint                 n_starts;
  guint                 max_evaluations;
  guint                 n_change_points;
  double                decomposition_weight;
  gboolean              builtin_events;
  MmxEvents            *events;
  GPtrArray            *lift_tests;
} MmxAttributionSettings;

/**
 * MmxChannelAttribution:
 * @name: the channel
 * @measured: %FALSE when its spend varies too little to be told apart
 *   from the baseline: then only @spend and @reason are meaningful
 * @reason: (nullable): why it was not measured, a sentence
 * @spend: its spend over the range
 * @spend_share: its share of all spend
 * @current_spend: its average spend per period, where the curve is today
 * @contribution: the target it added over the range
 * @contribution_ci: the 95 % interval of @contribution
 * @share: @contribution over the whole target
 * @roas: @contribution per unit of spend (for conversions: conversions per
 *   unit, whose inverse is the cost per acquisition)
 * @roas_ci: its 95 % interval
 * @mroas: what one more unit of spend returns at today's spend
 * @mroas_ci: its 95 % interval
 * @zero_share: the share of replicates in which the effect is 0
 * @held_at_zero: the model holds the effect at 0 while the data wanted
 *   it negative
 * @unconstrained_roas: the ROAS the fit would give without that
 * @response: the fitted adstock, saturation and beta (mmm method)
 * @curve_spend: (array fixed-size=50): spend per period
 * @curve_target: (array fixed-size=50): the target per period at that
 *   steady spend
 * @series: (array): the contribution in each period
 * @lag_coefficients: (array fixed-size=4): the lag method's coefficients
 *   of same-period spend and its three lags
 */
typedef struct
{
  char        *name;
  gboolean     measured;
  char        *reason;
  double       spend;
  double       spend_share;
  double       current_spend;
  double       contribution;
  double       contribution_ci[2];
  double       share;
  double       roas;
  double       roas_ci[2];
  double       mroas;
  double       mroas_ci[2];
  double       zero_share;
  gboolean     held_at_zero;
  double       unconstrained_roas;
  MmxResponse  response;
  double       curve_spend[MMX_ATTRIBUTION_CURVE_POINTS];
  double       curve_target[MMX_ATTRIBUTION_CURVE_POINTS];
  double      *series;
  double       lag_coefficients[4];
} MmxChannelAttribution;

/**
 * MmxAttributionDiagnostics:
 *
 * How far to trust the fit: in-sample and held-out errors, the distance
 * of effect shares from spend shares, autocorrelation of the residuals
 * and the conditioning of the design.
 */
typedef struct
{
  double r2;
  double adjusted_r2;
  double mape;
  double nrmse;
  double holdout_mape;
  double holdout_nrmse;
  double decomposition_distance;
  double durbin_watson;
  double condition_number;
  double lift_error;
} MmxAttributionDiagnostics;

/**
 * MmxAttribution:
 * @method: how it was fitted
 * @target: what it explains
 * @granularity: daily or weekly
 * @first_day: the Julian day of the first period
 * @n_periods: the periods
 * @seed: the seed it was run with
 * @n_bootstrap: the replicates its intervals come from
 * @log_penalty: the ridge penalty chosen (log10)
 * @total_target: the target over the range
 * @baseline_contribution: the target the baseline explains
 * @baseline_share: its share
 * @channels: (element-type MmxChannelAttribution): the channels, by spend
 * @diagnostics: the fit's diagnostics
 * @warnings: (element-type utf8): plain-language warnings
 * @actual: (array): the target per period
 * @fitted: (array): the model's fit per period
 * @baseline: (array): its baseline part
 * @n_replicates: the bootstrap replicates kept for the optimizer
 * @replicates: (array): @n_replicates rows of one response per measured
 *   channel, in the order of @channels
 * @elapsed_ms: how long the run took
 *
 * Which channel drives the target and how sure we are.
 */
typedef struct
{
  MmxAttributionMethod       method;
  MmxAttributionTarget       target;
  MmxGranularity             granularity;
  guint32                    first_day;
  guint                      n_periods;
  guint64                    seed;
  guint                      n_bootstrap;
  double                     log_penalty;
  double                     total_target;
  double                     baseline_contribution;
  double                     baseline_share;
  GPtrArray                 *channels;
  MmxAttributionDiagnostics  diagnostics;
  GPtrArray                 *warnings;
  double                    *actual;
  double                    *fitted;
  double                    *baseline;
  guint                      n_replicates;
  MmxResponse               *replicates;
  gint64                     elapsed_ms;
} MmxAttribution;

#define MMX_TYPE_ATTRIBUTION (mmx_attribution_get_type ())

void            mmx_attribution_settings_init   (MmxAttributionSettings        *settings);
void            mmx_attribution_settings_clear  (MmxAttributionSettings        *settings);
void            mmx_attribution_settings_copy   (const MmxAttributionSettings  *settings,
                                                 MmxAttributionSettings        *copy);
char           *mmx_attribution_settings_to_key (const MmxAttributionSettings  *settings) G_GNUC_WARN_UNUSED_RESULT;

GType           mmx_attribution_get_type        (void) G_GNUC_CONST;
MmxAttribution *mmx_attribution_run             (const MmxPanel                *panel,
                                                 const MmxAttributionSettings  *settings,
                                                 MmxProgress                   *progress,
                                                 GCancellable                  *cancellable,
                                                 GError                       **error) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_attribution_run_async       (MmxPanel                      *panel,
                                                 const MmxAttributionSettings  *settings,
                                                 MmxProgressFunc                progress_func,
                                                 gpointer                       progress_data,
                                                 GCancellable                  *cancellable,
                                                 GAsyncReadyCallback            callback,
                                                 gpointer                       user_data);
MmxAttribution *mmx_attribution_run_finish      (GAsyncResult                  *result,
                                                 GError                       **error) G_GNUC_WARN_UNUSED_RESULT;
MmxAttribution *mmx_attribution_ref             (MmxAttribution                *self);
void            mmx_attribution_unref           (MmxAttribution                *self);
guint           mmx_attribution_get_n_measured  (const MmxAttribution          *self);
const char     *mmx_attribution_method_to_string (MmxAttributionMethod          method);
gboolean        mmx_attribution_method_from_string (const char                 *name,
                                                 MmxAttributionMethod          *out_method);
void            mmx_attribution_build_json      (const MmxAttribution          *self,
                                                 JsonBuilder                   *builder,
                                                 gboolean                       with_series);
char           *mmx_attribution_to_data         (const MmxAttribution          *self) G_GNUC_WARN_UNUSED_RESULT;
MmxAttribution *mmx_attribution_new_from_data   (const char                    *data,
                                                 GError                       **error) G_GNUC_WARN_UNUSED_RESULT;
const char     *mmx_attribution_explain_roas    (const MmxAttribution          *self);
const char     *mmx_attribution_explain_mroas   (const MmxAttribution          *self);
const char     *mmx_attribution_explain_cpa     (gboolean                       marginal);
double          mmx_cost_per_unit               (double                         rate);
double          mmx_channel_attribution_get_cpa (const MmxChannelAttribution   *channel,
                                                 gboolean                       marginal,
                                                 double                         out_ci[2]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxAttribution, mmx_attribution_unref)

G_END_DECLS
