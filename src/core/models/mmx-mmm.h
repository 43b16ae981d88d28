/* mmx-mmm.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mmx-baseline-design.h"
#include "mmx-progress.h"
#include "mmx-response.h"

G_BEGIN_DECLS

/**
 * MmxMmmLift:
 * @channel: the channel's index in the problem
 * @first_period: the first period the experiment covers
 * @last_period: the last
 * @lift: the incremental target it measured
 * @standard_error: its standard error
 */
typedef struct
{
  guint  channel;
  guint  first_period;
  guint  last_period;
  double lift;
  double standard_error;
} MmxMmmLift;

/**
 * MmxMmmProblem:
 * @n_periods: the periods of history
 * @n_channels: the media channels modelled
 * @period_days: 1 for daily data, 7 for weekly
 * @spend: @n_periods rows of @n_channels spends
 * @target: revenue (or conversions) per period
 * @use: whether a period's target is known; the others carry adstock but
 *   are not fitted
 * @baseline: the non-media columns, the intercept first
 * @lifts: (array length=n_lifts) (nullable): experiments to calibrate on
 * @n_lifts: how many
 * @decomposition_weight: how much the search favours effect shares near
 *   spend shares (Robyn's DECOMP.RSSD); 0 for not at all
 * @calibration_weight: how much the search favours matching the lifts
 * @never_paused: (array) (nullable): per channel, whether its spend never
 *   pauses, so that the data show its curve's slope but not its level:
 *   the search then holds the curve's elasticity at the usual spend near
 *   a typical one
 *
 * What the marketing-mix model is fitted to. The arrays are borrowed and
 * must outlive the #MmxMmm made from them.
 */
typedef struct
{
  guint                     n_periods;
  guint                     n_channels;
  guint                     period_days;
  const double             *spend;
  const double             *target;
  const gboolean           *use;
  const MmxBaselineDesign  *baseline;
  const MmxMmmLift         *lifts;
  guint                     n_lifts;
  double                    decomposition_weight;
  double                    calibration_weight;
  const gboolean           *never_paused;
} MmxMmmProblem;

/**
 * MmxMmmScore:
 * @objective: what the search minimises
 * @nrmse: NRMSE of the fit on all history
 * @relative_se: the standard error of @nrmse relative to it: how much of
 *   a difference in the fit's error is noise
 * @holdout_nrmse: NRMSE over the rolling-origin validation folds
 * @holdout_mape: MAPE over the same periods
 * @decomposition_distance: DECOMP.RSSD of the fit on all history
 * @lift_error: the mean relative distance of the model's lifts from the
 *   experiments', NaN without experiments
 */
typedef struct
{
  double objective;
  double nrmse;
  double relative_se;
  double holdout_nrmse;
  double holdout_mape;
  double decomposition_distance;
  double lift_error;
} MmxMmmScore;

/**
 * MmxMmmHyper:
 * @responses: (array): the adstock and saturation of each channel; the
 *   betas are set by a fit
 * @log_penalty: the ridge penalty, log10 of λ per fitted period on
 *   standardised columns
 *
 * The hyper-parameters the search chooses.
 */
typedef struct
{
  MmxResponse *responses;
  double       log_penalty;
} MmxMmmHyper;

/**
 * MmxMmmCandidateOrigin:
 * @MMX_MMM_CANDIDATE_SEARCH: a start of the search on the data
 * @MMX_MMM_CANDIDATE_PROFILE: a profile of one channel's saturation
 * @MMX_MMM_CANDIDATE_RESAMPLED: a search on resampled data, under a
 *   drawn prior
 *
 * What found a candidate: each is a different source of doubt about the
 * curves.
 */
typedef enum
{
  MMX_MMM_CANDIDATE_SEARCH,
  MMX_MMM_CANDIDATE_PROFILE,
  MMX_MMM_CANDIDATE_RESAMPLED,
} MmxMmmCandidateOrigin;

#define MMX_MMM_N_CANDIDATE_ORIGINS 3

/**
 * MmxMmmCandidate:
 * @hyper: hyper-parameters
 * @objective: their score on the data
 * @start: the search start, saturation profile or search on resampled
 *   data that found them
 * @origin: what kind of search that was
 * @shares: (array) (nullable): each channel's share of the target in their
 *   fit of all history, one per channel, once mmx_mmm_choose_typical()
 *   has fitted them
 * @akaike: that fit's information criterion, infinite where it failed;
 *   set with @shares
 *
 * Hyper-parameters the search found as good as the best, within the
 * noise of the search's error: models the data cannot tell apart; or
 * where a search went on resampled data, from
 * mmx_mmm_add_resampled_candidates().
 */
typedef struct
{
  MmxMmmHyper           hyper;
  double                objective;
  guint                 start;
  MmxMmmCandidateOrigin origin;
  double               *shares;
  double                akaike;
} MmxMmmCandidate;

/**
 * MmxMmmFit:
 * @n_coefficients: the baseline's columns, then one per channel
 * @coefficients: (array length=n_coefficients): the fit, media held at or
 *   above 0
 * @unconstrained: (array length=n_coefficients): the same without that
 * @fitted: (array): the fitted target, one per period
 * @baseline: (array): its baseline part
 * @contributions: (array): each channel's part: @n_channels rows of one
 *   value per period
 * @residual_sd: the standard deviation of the residuals
 * @degrees_of_freedom: what the fit spent of the data: the ridge's
 *   effective degrees of freedom and the number of hyper-parameters
 * @akaike: Akaike's information criterion of the fit, n ln (RSS / n)
 *   + 2 × @degrees_of_freedom, the lift tests counted among the n
 *   observations: lower is likelier
 * @score: the search's scores at these hyper-parameters
 *
 * The coefficients for a choice of hyper-parameters; fitted = baseline +
 * the sum of the contributions, by construction.
 */
typedef struct
{
  guint        n_coefficients;
  double      *coefficients;
  double      *unconstrained;
  double      *fitted;
  double      *baseline;
  double      *contributions;
  double       residual_sd;
  double       degrees_of_freedom;
  double       akaike;
  MmxMmmScore  score;
} MmxMmmFit;

/**
 * MmxMmmSearchSettings:
 * @n_starts: how many starting points the search runs from, in parallel
 * @max_evaluations: the budget of each start; 0 for one that grows with
 *   the number of channels
 * @seed: where the random starting points come from
 * @choose_adstock: whether to try other carry-overs for each channel
 *   once the search is done: a delayed (Weibull) one and geometric ones
 *   of other decays
 * @prior_shifts: (array) (nullable): per channel, how far the centre of
 *   the prior on the elasticity of a channel that never pauses is moved,
 *   in natural-log units; %NULL for none
 */
typedef struct
{
  guint         n_starts;
  guint         max_evaluations;
  guint64       seed;
  gboolean      choose_adstock;
  const double *prior_shifts;
} MmxMmmSearchSettings;

/**
 * MmxMmmBootstrapSettings:
 * @n_replicates: how many replicates
 * @block_length: the periods in a block of resampled residuals
 * @seed: the seed; replicate r draws from (seed, r) alone
 * @research: whether to search the hyper-parameters again in each
 *   replicate (slow), rather than refit only the coefficients
 */
typedef struct
{
  guint    n_replicates;
  guint    block_length;
  guint64  seed;
  gboolean research;
} MmxMmmBootstrapSettings;

/**
 * MmxMmmReplicate:
 * @response: the channel's response in this replicate
 * @contribution: its effect over the history
 * @marginal: its marginal ROAS at the history's spend
 *
 * One channel in one bootstrap replicate.
 */
typedef struct
{
  MmxResponse response;
  double      contribution;
  double      marginal;
} MmxMmmReplicate;

typedef struct _MmxMmm MmxMmm;

MmxMmm    *mmx_mmm_new             (const MmxMmmProblem          *problem);
void       mmx_mmm_free            (MmxMmm                       *self);
guint      mmx_mmm_get_n_channels  (MmxMmm                       *self);
void       mmx_mmm_hyper_init      (MmxMmm                       *self,
                                    MmxMmmHyper                  *hyper);
void       mmx_mmm_hyper_clear     (MmxMmmHyper                  *hyper);
void       mmx_mmm_hyper_copy      (MmxMmm                       *self,
                                    const MmxMmmHyper            *from,
                                    MmxMmmHyper                  *to);
gboolean   mmx_mmm_search          (MmxMmm                       *self,
                                    const MmxMmmSearchSettings   *settings,
                                    const double                 *target,
                                    const MmxMmmHyper            *start,
                                    MmxProgress                  *progress,
                                    GCancellable                 *cancellable,
                                    MmxMmmHyper                  *out_hyper,
                                    GPtrArray                   **out_candidates,
                                    GError                      **error);
MmxMmmCandidate *mmx_mmm_candidate_new (MmxMmm                 *mmm,
                                        const MmxMmmHyper      *hyper,
                                        double                  objective,
                                        guint                   start,
                                        MmxMmmCandidateOrigin   origin) G_GNUC_WARN_UNUSED_RESULT;
gboolean   mmx_mmm_add_resampled_candidates (MmxMmm                        *self,
                                    const MmxMmmBootstrapSettings *settings,
                                    const MmxMmmSearchSettings    *search,
                                    guint                          budget,
                                    guint                          from,
                                    GPtrArray                     *candidates,
                                    MmxProgress                   *progress,
                                    GCancellable                  *cancellable,
                                    GError                       **error);
guint      mmx_mmm_choose_typical  (MmxMmm                       *self,
                                    GPtrArray                    *candidates);
MmxMmmFit *mmx_mmm_fit             (MmxMmm                       *self,
                                    MmxMmmHyper                  *hyper,
                                    const double                 *target,
                                    GError                      **error);
void       mmx_mmm_fit_free        (MmxMmmFit                    *fit);
void       mmx_mmm_fit_undo_pull   (MmxMmm                       *self,
                                    MmxMmmHyper                  *hyper,
                                    const gboolean               *channels,
                                    MmxMmmFit                    *fit);
double     mmx_mmm_condition_number (MmxMmm                      *self,
                                     const MmxMmmHyper           *hyper);
void       mmx_mmm_channel_effects (MmxMmm                       *self,
                                    const MmxResponse            *responses,
                                    double                       *out_contributions,
                                    double                       *out_marginals);
gboolean   mmx_mmm_bootstrap       (MmxMmm                       *self,
                                    const MmxMmmBootstrapSettings *settings,
                                    GPtrArray                    *candidates,
                                    const MmxMmmSearchSettings   *search,
                                    MmxProgress                  *progress,
                                    GCancellable                 *cancellable,
                                    MmxMmmReplicate              *out_replicates,
                                    gboolean                     *out_reflected,
                                    GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxMmm, mmx_mmm_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxMmmFit, mmx_mmm_fit_free)

G_END_DECLS
