/* mmx-mmm.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-mmm"

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

#include "mmx-fit-stats.h"
#include "mmx-model-error.h"
#include "mmx-mmm-private.h"

/* Where every channel starts: a mild carry-over and an S-shaped curve
 * bending at the channel's usual (adstocked) spend. */
#define DEFAULT_DECAY 0.3
#define DEFAULT_HILL_SHAPE 1.5
#define DEFAULT_LOG_PENALTY (-2.0)

/* The validation folds take the last 30 % of history, 10 % each. */
static const double segment_ends[MMX_MMM_N_SEGMENTS] = { 0.7, 0.8, 0.9, 1.0 };

/* Column-major copy of a row-major matrix, unfitted periods zeroed when
 * @use is given. */
static double *
column_major (const double   *rows,
              guint           n,
              guint           n_columns,
              const gboolean *use)
{
  double *columns = g_new (double, (gsize) n * n_columns + 1);

  for (guint j = 0; j < n_columns; j++)
    for (guint t = 0; t < n; t++)
      columns[(gsize) j * n + t] = use == NULL || use[t] ? rows[(gsize) t * n_columns + j] : 0;
  return columns;
}

static void
cut_segments (MmxMmm *self)
{
  guint n_used = 0, seen = 0, segment = 0;

  for (guint t = 0; t < self->n; t++)
    n_used += self->problem.use[t] != FALSE;

  self->segment_start[0] = 0;
  for (guint t = 0; t < self->n; t++)
    {
      if (!self->problem.use[t])
        continue;
      while (segment < MMX_MMM_N_SEGMENTS - 1 && seen >= segment_ends[segment] * n_used)
        self->segment_start[++segment] = t;
      self->segment_rows[segment]++;
      seen++;
    }
  while (segment < MMX_MMM_N_SEGMENTS)
    self->segment_start[++segment] = self->n;
  self->segment_start[MMX_MMM_N_SEGMENTS] = self->n;
}

static void
compute_baseline_grams (MmxMmm *self)
{
  guint nb = self->n_baseline;

  self->baseline_gram = g_new0 (double, (gsize) MMX_MMM_N_SEGMENTS * nb * nb);
  for (guint s = 0; s < MMX_MMM_N_SEGMENTS; s++)
    {
      guint a = self->segment_start[s];
      guint len = self->segment_start[s + 1] - a;

      if (len == 0)
        continue;
      /* Both triangles, so blocks copy straight into the full Gram. */
      cblas_dgemm (CblasColMajor, CblasTrans, CblasNoTrans, nb, nb, len, 1.0,
                   self->baseline + a, self->n, self->baseline + a, self->n, 0.0,
                   self->baseline_gram + (gsize) s * nb * nb, nb);
    }
}

static void estimate_lift_variance (MmxMmm *self);

/**
 * mmx_mmm_new:
 * @problem: the data; its arrays must outlive the model
 *
 * Prepares what every evaluation of hyper-parameters shares: the
 * validation segments and the baseline's part of the Gram matrices.
 *
 * Returns: (transfer full): the model
 */
MmxMmm *
mmx_mmm_new (const MmxMmmProblem *problem)
{
  MmxMmm *self = g_new0 (MmxMmm, 1);
  const MmxBaselineDesign *baseline = problem->baseline;

  self->problem = *problem;
  self->n = problem->n_periods;
  self->n_channels = problem->n_channels;
  self->n_baseline = baseline->n_columns;
  self->p = self->n_baseline + self->n_channels;

  self->spend = column_major (problem->spend, self->n, self->n_channels, NULL);
  self->baseline = column_major (baseline->values, self->n, self->n_baseline, problem->use);
  self->penalty_scale = g_new0 (double, self->p);
  for (guint j = 0; j < self->n_baseline; j++)
    self->penalty_scale[j] = mmx_baseline_kind_is_penalised (baseline->kinds[j]) ? 1 : 0;

  self->spend_total = g_new0 (double, self->n_channels);
  for (guint k = 0; k < self->n_channels; k++)
    for (guint t = 0; t < self->n; t++)
      self->spend_total[k] += self->spend[(gsize) k * self->n + t];

  cut_segments (self);
  compute_baseline_grams (self);
  self->range = mmx_fit_stats_range (problem->target, problem->use, self->n);
  if (problem->n_lifts > 0)
    estimate_lift_variance (self);
  return self;
}

void
mmx_mmm_free (MmxMmm *self)
{
  if (self == NULL)
    return;
  g_free (self->spend);
  g_free (self->baseline);
  g_free (self->penalty_scale);
  g_free (self->baseline_gram);
  g_free (self->spend_total);
  g_free (self);
}

guint
mmx_mmm_get_n_channels (MmxMmm *self)
{
  return self->n_channels;
}

/**
 * _mmx_mmm_positive_mean_adstock:
 * @self: a model
 * @adstock: a carry-over
 * @channel: a channel
 *
 * Returns: the channel's usual adstocked spend, where it has any: the
 *   scale of its saturation curve
 */
double
_mmx_mmm_positive_mean_adstock (MmxMmm           *self,
                                const MmxAdstock *adstock,
                                guint             channel)
{
  g_autofree double *adstocked = g_new (double, self->n);
  double sum = 0;
  guint count = 0;

  mmx_adstock_apply (adstock, self->spend + (gsize) channel * self->n, self->n, 1, adstocked);
  for (guint t = 0; t < self->n; t++)
    if (adstocked[t] > 0)
      {
        sum += adstocked[t];
        count++;
      }
  return count > 0 ? sum / count : 1;
}

/**
 * mmx_mmm_hyper_init:
 * @self: a model
 * @hyper: (out caller-allocates): hyper-parameters to fill
 *
 * The starting point: every channel with a geometric carry-over and a
 * curve bending at its usual spend.
 */
void
mmx_mmm_hyper_init (MmxMmm      *self,
                    MmxMmmHyper *hyper)
{
  hyper->responses = g_new0 (MmxResponse, MAX (self->n_channels, 1));
  hyper->log_penalty = DEFAULT_LOG_PENALTY;
  for (guint k = 0; k < self->n_channels; k++)
    {
      MmxResponse *response = &hyper->responses[k];

      response->adstock.kind = MMX_ADSTOCK_GEOMETRIC;
      response->adstock.decay = DEFAULT_DECAY;
      response->hill.shape = DEFAULT_HILL_SHAPE;
      response->hill.half = _mmx_mmm_positive_mean_adstock (self, &response->adstock, k);
    }
}

void
mmx_mmm_hyper_clear (MmxMmmHyper *hyper)
{
  g_clear_pointer (&hyper->responses, g_free);
}

void
mmx_mmm_hyper_copy (MmxMmm            *self,
                    const MmxMmmHyper *from,
                    MmxMmmHyper       *to)
{
  if (to->responses == NULL)
    to->responses = g_new0 (MmxResponse, MAX (self->n_channels, 1));
  memcpy (to->responses, from->responses, sizeof (MmxResponse) * self->n_channels);
  to->log_penalty = from->log_penalty;
}

/**
 * _mmx_mmm_apply_response:
 * @self: a model
 * @response: a channel's response
 * @channel: the channel
 * @spend_factor: what to multiply its spend by (1 for the history)
 * @out: (array): the saturated adstocked spend of every period
 *
 * The channel's media column, as if @response's beta were 1.
 */
void
_mmx_mmm_apply_response (MmxMmm            *self,
                         const MmxResponse *response,
                         guint              channel,
                         double             spend_factor,
                         double            *out)
{
  const double *spend = self->spend + (gsize) channel * self->n;

  if (spend_factor == 1)
    mmx_adstock_apply (&response->adstock, spend, self->n, 1, out);
  else
    {
      g_autofree double *scaled = g_new (double, self->n);

      for (guint t = 0; t < self->n; t++)
        scaled[t] = spend[t] * spend_factor;
      mmx_adstock_apply (&response->adstock, scaled, self->n, 1, out);
    }
  for (guint t = 0; t < self->n; t++)
    out[t] = mmx_hill_eval (&response->hill, out[t]);
}

MmxMmmWorkspace *
_mmx_mmm_workspace_new (MmxMmm       *self,
                        const double *target)
{
  MmxMmmWorkspace *workspace = g_new0 (MmxMmmWorkspace, 1);
  guint n = self->n, nb = self->n_baseline, K = self->n_channels, p = self->p;

  workspace->mmm = self;
  workspace->target = target;
  workspace->masked_target = g_new (double, n);
  for (guint t = 0; t < n; t++)
    workspace->masked_target[t] = self->problem.use[t] ? target[t] : 0;

  workspace->baseline_cross = g_new0 (double, (gsize) MMX_MMM_N_SEGMENTS * nb);
  for (guint s = 0; s < MMX_MMM_N_SEGMENTS; s++)
    {
      guint a = self->segment_start[s];
      guint len = self->segment_start[s + 1] - a;

      if (len == 0)
        continue;
      cblas_dgemv (CblasColMajor, CblasTrans, len, nb, 1.0, self->baseline + a, n,
                   workspace->masked_target + a, 1, 0.0, workspace->baseline_cross + (gsize) s * nb,
                   1);
      workspace->target_squares[s] = cblas_ddot (len, workspace->masked_target + a, 1,
                                                 workspace->masked_target + a, 1);
    }

  workspace->media = g_new0 (double, (gsize) n * K + 1);
  workspace->media_variance = g_new0 (double, K + 1);
  workspace->media_of = g_new0 (MmxResponse, K + 1);
  workspace->media_known = g_new0 (gboolean, K + 1);
  workspace->lift_sums = g_new0 (double, self->problem.n_lifts + 1);
  workspace->gram = g_new0 (double, (gsize) MMX_MMM_N_SEGMENTS * p * p);
  workspace->cross = g_new0 (double, (gsize) MMX_MMM_N_SEGMENTS * p);
  workspace->train_gram = g_new0 (double, (gsize) p * p);
  workspace->train_cross = g_new0 (double, p);
  workspace->penalty = g_new0 (double, p);
  workspace->beta = g_new0 (double, p);
  workspace->ridge = mmx_ridge_new (p);
  for (guint k = 0; k < K; k++)
    mmx_ridge_set_non_negative (workspace->ridge, nb + k, TRUE);
  return workspace;
}

void
_mmx_mmm_workspace_free (MmxMmmWorkspace *workspace)
{
  if (workspace == NULL)
    return;
  g_free (workspace->masked_target);
  g_free (workspace->baseline_cross);
  g_free (workspace->media);
  g_free (workspace->media_variance);
  g_free (workspace->media_of);
  g_free (workspace->media_known);
  g_free (workspace->lift_sums);
  g_free (workspace->gram);
  g_free (workspace->cross);
  g_free (workspace->train_gram);
  g_free (workspace->train_cross);
  g_free (workspace->penalty);
  g_free (workspace->beta);
  mmx_ridge_free (workspace->ridge);
  g_free (workspace);
}

static gboolean
same_curve (const MmxResponse *a,
            const MmxResponse *b)
{
  if (a->adstock.kind != b->adstock.kind || a->hill.half != b->hill.half
      || a->hill.shape != b->hill.shape)
    return FALSE;
  if (a->adstock.kind == MMX_ADSTOCK_GEOMETRIC)
    return a->adstock.decay == b->adstock.decay;
  return a->adstock.shape == b->adstock.shape && a->adstock.scale == b->adstock.scale
         && a->adstock.n_lags == b->adstock.n_lags;
}

/* Computes the media columns for @hyper: lift sums from the full series,
 * then the unfitted periods zeroed and each column's variance over the
 * fitted ones.
 *
 * A search that moves one channel's curve, as BOBYQA's first steps, the
 * saturation profiles and the carry-over trials do, leaves the other
 * columns as they were: only changed curves are applied again (the
 * powers of the saturation were a quarter of the time at 20 channels). */
static void
compute_media (MmxMmmWorkspace   *workspace,
               const MmxMmmHyper *hyper)
{
  MmxMmm *self = workspace->mmm;
  const MmxMmmProblem *problem = &self->problem;
  guint n = self->n;
  guint n_used = 0;

  for (guint t = 0; t < n; t++)
    n_used += problem->use[t] != FALSE;

  for (guint k = 0; k < self->n_channels; k++)
    {
      double *column = workspace->media + (gsize) k * n;
      double mean = 0, var = 0;

      if (workspace->media_known[k] && same_curve (&workspace->media_of[k], &hyper->responses[k]))
        continue;
      workspace->media_of[k] = hyper->responses[k];
      workspace->media_known[k] = TRUE;
      _mmx_mmm_apply_response (self, &hyper->responses[k], k, 1, column);
      for (guint l = 0; l < problem->n_lifts; l++)
        if (problem->lifts[l].channel == k)
          {
            workspace->lift_sums[l] = 0;
            for (guint t = problem->lifts[l].first_period; t <= problem->lifts[l].last_period; t++)
              workspace->lift_sums[l] += column[t];
          }
      for (guint t = 0; t < n; t++)
        {
          if (!problem->use[t])
            column[t] = 0;
          mean += column[t];
        }
      mean /= MAX (n_used, 1);
      for (guint t = 0; t < n; t++)
        if (problem->use[t])
          var += (column[t] - mean) * (column[t] - mean);
      workspace->media_variance[k] = var / MAX (n_used, 1);
    }
}

/* The Gram matrix and cross products of each segment, row-major p × p. */
static void
compute_grams (MmxMmmWorkspace *workspace)
{
  MmxMmm *self = workspace->mmm;
  guint n = self->n, nb = self->n_baseline, K = self->n_channels, p = self->p;
  g_autofree double *mixed = g_new (double, (gsize) nb * K + 1);
  g_autofree double *media_gram = g_new (double, (gsize) K * K + 1);
  g_autofree double *media_cross = g_new (double, K + 1);

  for (guint s = 0; s < MMX_MMM_N_SEGMENTS; s++)
    {
      guint a = self->segment_start[s];
      guint len = self->segment_start[s + 1] - a;
      double *gram = workspace->gram + (gsize) s * p * p;
      double *cross = workspace->cross + (gsize) s * p;
      const double *base_gram = self->baseline_gram + (gsize) s * nb * nb;

      memset (gram, 0, sizeof (double) * p * p);
      memset (cross, 0, sizeof (double) * p);
      if (len == 0)
        continue;

      cblas_dgemm (CblasColMajor, CblasTrans, CblasNoTrans, nb, K, len, 1.0, self->baseline + a, n,
                   workspace->media + a, n, 0.0, mixed, nb);
      cblas_dsyrk (CblasColMajor, CblasUpper, CblasTrans, K, len, 1.0, workspace->media + a, n, 0.0,
                   media_gram, K);
      cblas_dgemv (CblasColMajor, CblasTrans, len, K, 1.0, workspace->media + a, n,
                   workspace->masked_target + a, 1, 0.0, media_cross, 1);

      for (guint i = 0; i < nb; i++)
        {
          memcpy (gram + (gsize) i * p, base_gram + (gsize) i * nb, sizeof (double) * nb);
          cross[i] = workspace->baseline_cross[(gsize) s * nb + i];
        }
      for (guint k = 0; k < K; k++)
        {
          for (guint i = 0; i < nb; i++)
            {
              double value = mixed[(gsize) k * nb + i];

              gram[(gsize) i * p + nb + k] = value;
              gram[(gsize) (nb + k) * p + i] = value;
            }
          for (guint l = 0; l <= k; l++)
            {
              /* Column-major upper triangle: element (l, k) at k × K + l. */
              double value = media_gram[(gsize) k * K + l];

              gram[(gsize) (nb + l) * p + nb + k] = value;
              gram[(gsize) (nb + k) * p + nb + l] = value;
            }
          cross[nb + k] = media_cross[k];
        }
    }
}

/* Solves on the first @n_segments segments (all when
 * MMX_MMM_N_SEGMENTS), with the lifts as extra observations. */
static gboolean
solve_on_segments (MmxMmmWorkspace   *workspace,
                   const MmxMmmHyper *hyper,
                   guint              n_segments,
                   gboolean           unconstrained,
                   double            *out_beta)
{
  MmxMmm *self = workspace->mmm;
  const MmxMmmProblem *problem = &self->problem;
  guint p = self->p, nb = self->n_baseline;
  double lambda = pow (10, hyper->log_penalty);
  guint n_train = 0;

  memset (workspace->train_gram, 0, sizeof (double) * p * p);
  memset (workspace->train_cross, 0, sizeof (double) * p);
  for (guint s = 0; s < n_segments; s++)
    {
      for (gsize i = 0; i < (gsize) p * p; i++)
        workspace->train_gram[i] += workspace->gram[(gsize) s * p * p + i];
      for (guint i = 0; i < p; i++)
        workspace->train_cross[i] += workspace->cross[(gsize) s * p + i];
      n_train += self->segment_rows[s];
    }

  /* A lift test is one more observation of the channel's effect over its
   * days, weighed by how sure the test is against how noisy a day is. */
  for (guint l = 0; l < problem->n_lifts && self->lift_variance > 0; l++)
    {
      const MmxMmmLift *lift = &problem->lifts[l];
      guint j = nb + lift->channel;
      double w = self->lift_variance / (lift->standard_error * lift->standard_error);
      double a = workspace->lift_sums[l];

      workspace->train_gram[(gsize) j * p + j] += w * a * a;
      workspace->train_cross[j] += w * a * lift->lift;
    }

  for (guint j = 0; j < nb; j++)
    workspace->penalty[j] = lambda * n_train * self->penalty_scale[j];
  /* A channel without spend in the training periods has a column of
   * zeros: the floor keeps the system solvable, holding it at 0. */
  for (guint k = 0; k < self->n_channels; k++)
    workspace->penalty[nb + k] = lambda * n_train * workspace->media_variance[k] + 1e-9 * n_train;

  mmx_ridge_set_system (workspace->ridge, workspace->train_gram, workspace->penalty);
  if (unconstrained)
    return mmx_ridge_solve_unconstrained (workspace->ridge, workspace->train_cross, out_beta);
  return mmx_ridge_solve (workspace->ridge, workspace->train_cross, out_beta);
}

/* The errors of a fit over some periods. */
typedef struct
{
  double squares;
  double fourths;
  double relative;
  guint  n_rows;
  guint  n_positive;
} ErrorSums;

/* Adds the errors of the fit @beta on segment @s. */
static void
add_segment_errors (MmxMmmWorkspace *workspace,
                    guint            s,
                    const double    *beta,
                    ErrorSums       *sums)
{
  MmxMmm *self = workspace->mmm;
  guint n = self->n, nb = self->n_baseline;
  guint a = self->segment_start[s];
  guint len = self->segment_start[s + 1] - a;
  g_autofree double *predicted = g_new (double, MAX (len, 1));

  if (len == 0)
    return;
  cblas_dgemv (CblasColMajor, CblasNoTrans, len, nb, 1.0, self->baseline + a, n, beta, 1, 0.0,
               predicted, 1);
  cblas_dgemv (CblasColMajor, CblasNoTrans, len, self->n_channels, 1.0, workspace->media + a, n,
               beta + nb, 1, 1.0, predicted, 1);
  for (guint i = 0; i < len; i++)
    {
      double y = workspace->target[a + i];
      double e;

      if (!self->problem.use[a + i])
        continue;
      e = y - predicted[i];
      sums->squares += e * e;
      sums->fourths += e * e * e * e;
      sums->n_rows++;
      if (y > 0)
        {
          sums->relative += fabs (e) / y;
          sums->n_positive++;
        }
    }
}

static double
error_nrmse (MmxMmm          *self,
             const ErrorSums *sums)
{
  return sums->n_rows > 0 ? sqrt (sums->squares / sums->n_rows) / self->range : NAN;
}

static double
error_mape (const ErrorSums *sums)
{
  return sums->n_positive > 0 ? sums->relative / sums->n_positive : NAN;
}

/* The mean squared error's standard error relative to it, halved for its
 * root. */
static double
error_relative_se (const ErrorSums *sums)
{
  double mean, var;

  if (sums->n_rows < 2 || sums->squares <= 0)
    return 0;
  mean = sums->squares / sums->n_rows;
  var = MAX (sums->fourths / sums->n_rows - mean * mean, 0);
  return 0.5 * sqrt (var / sums->n_rows) / mean;
}

static void
score_full_fit (MmxMmmWorkspace *workspace,
                const double    *beta,
                MmxMmmScore     *score)
{
  MmxMmm *self = workspace->mmm;
  const MmxMmmProblem *problem = &self->problem;
  guint n = self->n, nb = self->n_baseline, K = self->n_channels;
  g_autofree double *effect = g_new0 (double, K + 1);
  double lift_error = 0;

  for (guint k = 0; k < K; k++)
    {
      const double *column = workspace->media + (gsize) k * n;
      double sum = 0;

      for (guint t = 0; t < n; t++)
        sum += column[t];
      effect[k] = beta[nb + k] * sum;
    }
  score->decomposition_distance = mmx_decomposition_distance (effect, self->spend_total, K);

  for (guint l = 0; l < problem->n_lifts; l++)
    {
      const MmxMmmLift *lift = &problem->lifts[l];
      double model = beta[nb + lift->channel] * workspace->lift_sums[l];

      lift_error += fabs (model - lift->lift) / MAX (fabs (lift->lift), lift->standard_error);
    }
  score->lift_error = problem->n_lifts > 0 ? lift_error / problem->n_lifts : NAN;
}

/* A channel whose spend never pauses shows the slope of its curve over
 * its spend (the marginal ROAS), not its level: the ROAS is the marginal
 * ROAS over the curve's elasticity at the usual spend, x f'(x) / f(x),
 * which for a Hill curve is s / (1 + (x / half)^s). So the level rests on
 * a prior on that elasticity, log-normal about a typical value: on the
 * bench's generated truths it runs from 0.33 to 1.51 (5th to 95th
 * percentile), median 0.70. Without it the search put the level where
 * the noise led: the bench's never-pausing channels were off by 61 %
 * (median over 20 draws of 730 days x 8 channels), with it by 34 %. */
#define ELASTICITY_PRIOR_CENTRE 0.75
#define ELASTICITY_PRIOR_WIDTH 0.5

static gboolean
has_prior (MmxMmm *self,
           guint   channel)
{
  return self->problem.never_paused != NULL && self->problem.never_paused[channel];
}

/* Minus the log prior of @hyper's curves, up to a constant, with the
 * centres moved by @shifts (nullable). */
static double
elasticity_penalty (MmxMmm            *self,
                    const double      *shifts,
                    const MmxMmmHyper *hyper)
{
  double penalty = 0;

  for (guint k = 0; k < self->n_channels; k++)
    {
      const MmxResponse *response = &hyper->responses[k];
      double usual, z;

      if (!has_prior (self, k))
        continue;
      usual = _mmx_mmm_positive_mean_adstock (self, &response->adstock, k);
      z = (log (mmx_hill_elasticity (&response->hill, usual) / ELASTICITY_PRIOR_CENTRE)
           - (shifts != NULL ? shifts[k] : 0))
          / ELASTICITY_PRIOR_WIDTH;
      penalty += 0.5 * z * z;
    }
  return penalty;
}

/**
 * _mmx_mmm_draw_prior_shifts:
 * @self: a model
 * @random: where the draws come from
 * @out_shifts: (out caller-allocates): one per channel
 *
 * Draws the centre of each never-pausing channel's prior from the prior
 * itself. A search on resampled data under a prior so drawn ends where
 * the posterior would send it (randomise, then optimise): where the data
 * cannot tell the curve's level, its spread is the prior's, not nil.
 */
void
_mmx_mmm_draw_prior_shifts (MmxMmm    *self,
                            MmxRandom *random,
                            double    *out_shifts)
{
  for (guint k = 0; k < self->n_channels; k++)
    out_shifts[k] = has_prior (self, k) ? ELASTICITY_PRIOR_WIDTH * mmx_random_normal (random) : 0;
}

/**
 * _mmx_mmm_evaluate:
 * @workspace: a thread's workspace
 * @hyper: the hyper-parameters, absolute
 * @out_score: (out caller-allocates): the scores; the holdout ones NaN
 *
 * Fits all history and scores it: the search's objective is the fit's
 * NRMSE, weighed by the prior on the curves of channels that never pause
 * as the posterior weighs it (a Gaussian likelihood: minus its log is n/2
 * ln RSS, so RMSE × exp (penalty / n) is the posterior's monotone
 * transform), plus the weighed decomposition distance and lift error.
 *
 * Returns: %FALSE when the system cannot be solved
 */
gboolean
_mmx_mmm_evaluate (MmxMmmWorkspace   *workspace,
                   const MmxMmmHyper *hyper,
                   MmxMmmScore       *out_score)
{
  MmxMmm *self = workspace->mmm;
  const MmxMmmProblem *problem = &self->problem;
  ErrorSums sums = { 0 };

  compute_media (workspace, hyper);
  compute_grams (workspace);
  if (!solve_on_segments (workspace, hyper, MMX_MMM_N_SEGMENTS, FALSE, workspace->beta))
    return FALSE;
  for (guint s = 0; s < MMX_MMM_N_SEGMENTS; s++)
    add_segment_errors (workspace, s, workspace->beta, &sums);

  out_score->nrmse = error_nrmse (self, &sums);
  out_score->relative_se = error_relative_se (&sums);
  out_score->holdout_nrmse = NAN;
  out_score->holdout_mape = NAN;
  score_full_fit (workspace, workspace->beta, out_score);
  out_score->objective = out_score->nrmse
                         * exp (elasticity_penalty (self, workspace->prior_shifts, hyper)
                                / MAX (sums.n_rows, 1))
                         + problem->decomposition_weight * out_score->decomposition_distance;
  if (problem->n_lifts > 0)
    out_score->objective += problem->calibration_weight * out_score->lift_error;
  return isfinite (out_score->objective);
}

/**
 * _mmx_mmm_cross_validate:
 * @workspace: a thread's workspace
 * @hyper: the hyper-parameters, absolute
 * @score: the scores to complete with the holdout ones
 *
 * Fits each rolling-origin fold and scores its validation periods.
 *
 * Returns: %FALSE when a system cannot be solved
 */
gboolean
_mmx_mmm_cross_validate (MmxMmmWorkspace   *workspace,
                         const MmxMmmHyper *hyper,
                         MmxMmmScore       *score)
{
  MmxMmm *self = workspace->mmm;
  ErrorSums sums = { 0 };

  compute_media (workspace, hyper);
  compute_grams (workspace);
  for (guint fold = 1; fold <= MMX_MMM_N_FOLDS; fold++)
    {
      if (self->segment_rows[fold] == 0)
        continue;
      if (!solve_on_segments (workspace, hyper, fold, FALSE, workspace->beta))
        return FALSE;
      add_segment_errors (workspace, fold, workspace->beta, &sums);
    }
  score->holdout_nrmse = error_nrmse (self, &sums);
  score->holdout_mape = error_mape (&sums);
  return isfinite (score->holdout_nrmse);
}

/**
 * _mmx_mmm_workspace_set_full_system:
 * @workspace: a thread's workspace
 * @hyper: the hyper-parameters
 *
 * Leaves the system of the fit on all history (Gram matrix with lifts,
 * penalties) in @workspace's train_gram, penalty and train_cross, for
 * refits of other targets through _mmx_mmm_workspace_cross().
 */
void
_mmx_mmm_workspace_set_full_system (MmxMmmWorkspace   *workspace,
                                    const MmxMmmHyper *hyper)
{
  compute_media (workspace, hyper);
  compute_grams (workspace);
  solve_on_segments (workspace, hyper, MMX_MMM_N_SEGMENTS, FALSE, workspace->beta);
}

/**
 * _mmx_mmm_workspace_cross:
 * @workspace: a workspace after _mmx_mmm_workspace_set_full_system()
 * @series: (array): a value per period
 * @out_cross: (array) (out caller-allocates): X' @series over the fitted
 *   periods, for every coefficient
 */
void
_mmx_mmm_workspace_cross (MmxMmmWorkspace *workspace,
                          const double    *series,
                          double          *out_cross)
{
  MmxMmm *self = workspace->mmm;
  guint n = self->n, nb = self->n_baseline;
  g_autofree double *masked = g_new (double, n);

  for (guint t = 0; t < n; t++)
    masked[t] = self->problem.use[t] ? series[t] : 0;
  cblas_dgemv (CblasColMajor, CblasTrans, n, nb, 1.0, self->baseline, n, masked, 1, 0.0, out_cross,
               1);
  cblas_dgemv (CblasColMajor, CblasTrans, n, self->n_channels, 1.0, workspace->media, n, masked, 1,
               0.0, out_cross + nb, 1);
}

/* The ratio of the largest to the smallest singular value of the design
 * over the fitted periods, each column centred and scaled, constant ones
 * (the intercept) left out. */
static double
condition_number (MmxMmmWorkspace *workspace)
{
  MmxMmm *self = workspace->mmm;
  guint n = self->n, nb = self->n_baseline, K = self->n_channels;
  guint n_used = 0, cols = 0;
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (const double *));
  gsl_matrix *a, *v;
  gsl_vector *singular, *work;
  double result = NAN;

  for (guint t = 0; t < n; t++)
    n_used += self->problem.use[t] != FALSE;
  for (guint j = 0; j < nb + K; j++)
    {
      const double *column = j < nb ? self->baseline + (gsize) j * n
                                    : workspace->media + (gsize) (j - nb) * n;

      if (j >= nb ? workspace->media_variance[j - nb] > 0 : self->penalty_scale[j] > 0
                    || self->problem.baseline->kinds[j] == MMX_BASELINE_TREND)
        g_array_append_val (kept, column);
    }
  cols = kept->len;
  if (cols == 0 || n_used <= cols)
    return NAN;

  a = gsl_matrix_alloc (n_used, cols);
  for (guint j = 0; j < cols; j++)
    {
      const double *column = g_array_index (kept, const double *, j);
      double mean = 0, var = 0;
      guint row = 0;

      for (guint t = 0; t < n; t++)
        if (self->problem.use[t])
          mean += column[t];
      mean /= n_used;
      for (guint t = 0; t < n; t++)
        if (self->problem.use[t])
          var += (column[t] - mean) * (column[t] - mean);
      var = var > 0 ? var / n_used : 1;
      for (guint t = 0; t < n; t++)
        if (self->problem.use[t])
          gsl_matrix_set (a, row++, j, (column[t] - mean) / sqrt (var));
    }
  v = gsl_matrix_alloc (cols, cols);
  singular = gsl_vector_alloc (cols);
  work = gsl_vector_alloc (cols);
  if (gsl_linalg_SV_decomp (a, v, singular, work) == GSL_SUCCESS)
    {
      double smallest = gsl_vector_get (singular, cols - 1);

      result = smallest > 0 ? gsl_vector_get (singular, 0) / smallest : INFINITY;
    }
  gsl_vector_free (work);
  gsl_vector_free (singular);
  gsl_matrix_free (v);
  gsl_matrix_free (a);
  return result;
}

/**
 * mmx_mmm_condition_number:
 * @self: a model
 * @hyper: the hyper-parameters
 *
 * Returns: the condition number of the standardised design (without the
 *   intercept) over the fitted periods: large when inputs move together
 */
double
mmx_mmm_condition_number (MmxMmm            *self,
                          const MmxMmmHyper *hyper)
{
  g_autoptr(MmxMmmWorkspace) workspace = _mmx_mmm_workspace_new (self, self->problem.target);

  compute_media (workspace, hyper);
  return condition_number (workspace);
}

/* The ridge's effective degrees of freedom, tr ((X'X + Λ)⁻¹ X'X), of
 * the system last solved in @workspace, the media unconstrained. */
static double
effective_df (MmxMmmWorkspace *workspace)
{
  guint p = workspace->mmm->p;
  g_autofree double *column = g_new (double, p);
  g_autofree double *solved = g_new (double, p);
  double df = 0;

  for (guint j = 0; j < p; j++)
    {
      for (guint i = 0; i < p; i++)
        column[i] = workspace->train_gram[(gsize) i * p + j];
      if (mmx_ridge_solve_unconstrained (workspace->ridge, column, solved))
        df += solved[j];
    }
  return df;
}

/* How many hyper-parameters @hyper sets: the penalty, and each channel's
 * carry-over and curve parameters. */
static guint
count_hyper_parameters (MmxMmm            *self,
                        const MmxMmmHyper *hyper)
{
  guint count = 1;

  for (guint k = 0; k < self->n_channels; k++)
    count += hyper->responses[k].adstock.kind == MMX_ADSTOCK_WEIBULL ? 4 : 3;
  return count;
}

void
mmx_mmm_fit_free (MmxMmmFit *fit)
{
  if (fit == NULL)
    return;
  g_free (fit->coefficients);
  g_free (fit->unconstrained);
  g_free (fit->fitted);
  g_free (fit->baseline);
  g_free (fit->contributions);
  g_free (fit);
}

static void
set_fit_failed (GError **error)
{
  g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_FAILED,
               _("The model could not be fitted: some columns of the data are exact copies of "
                 "each other. Remove duplicate control columns or channels and try again."));
}

/**
 * mmx_mmm_fit:
 * @self: a model
 * @hyper: the hyper-parameters; the betas of its responses are set
 * @target: (nullable): the target to fit, the problem's when %NULL
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the fit on all history, or %NULL with @error
 *   set
 */
MmxMmmFit *
mmx_mmm_fit (MmxMmm       *self,
             MmxMmmHyper  *hyper,
             const double *target,
             GError      **error)
{
  g_autoptr(MmxMmmWorkspace) workspace = NULL;
  g_autoptr(MmxMmmFit) fit = g_new0 (MmxMmmFit, 1);
  guint n = self->n, nb = self->n_baseline, K = self->n_channels, p = self->p;
  g_autofree double *column = g_new (double, n);
  double squares = 0;
  guint n_used = 0;

  target = target != NULL ? target : self->problem.target;
  workspace = _mmx_mmm_workspace_new (self, target);

  if (!_mmx_mmm_evaluate (workspace, hyper, &fit->score)
      || !_mmx_mmm_cross_validate (workspace, hyper, &fit->score))
    {
      set_fit_failed (error);
      return NULL;
    }

  fit->n_coefficients = p;
  fit->coefficients = g_new0 (double, p);
  fit->unconstrained = g_new0 (double, p);
  if (!solve_on_segments (workspace, hyper, MMX_MMM_N_SEGMENTS, FALSE, fit->coefficients)
      || !solve_on_segments (workspace, hyper, MMX_MMM_N_SEGMENTS, TRUE, fit->unconstrained))
    {
      set_fit_failed (error);
      return NULL;
    }
  /* The unconstrained solve was the last: its system is the fit's. */
  fit->degrees_of_freedom = effective_df (workspace) + count_hyper_parameters (self, hyper);

  /* Every period, the unfitted ones too, from the unmasked columns. */
  fit->baseline = g_new0 (double, n);
  fit->fitted = g_new0 (double, n);
  fit->contributions = g_new0 (double, (gsize) n * K + 1);
  cblas_dgemv (CblasColMajor, CblasNoTrans, n, nb, 1.0, self->baseline, n, fit->coefficients, 1,
               0.0, fit->baseline, 1);
  for (guint t = 0; t < n; t++)
    if (!self->problem.use[t])
      {
        /* The masked baseline holds zeros here: recompute from the design. */
        const double *row = self->problem.baseline->values + (gsize) t * nb;

        fit->baseline[t] = cblas_ddot (nb, row, 1, fit->coefficients, 1);
      }
  memcpy (fit->fitted, fit->baseline, sizeof (double) * n);
  for (guint k = 0; k < K; k++)
    {
      double beta = fit->coefficients[nb + k];

      hyper->responses[k].beta = beta;
      _mmx_mmm_apply_response (self, &hyper->responses[k], k, 1, column);
      for (guint t = 0; t < n; t++)
        {
          double contribution = beta * column[t];

          fit->contributions[(gsize) k * n + t] = contribution;
          fit->fitted[t] += contribution;
        }
    }

  for (guint t = 0; t < n; t++)
    if (self->problem.use[t])
      {
        double e = target[t] - fit->fitted[t];

        squares += e * e;
        n_used++;
      }
  fit->residual_sd = n_used > 1 ? sqrt (squares / (n_used - 1)) : 0;
  /* The lift tests are observations too, weighed as the fit weighs them. */
  for (guint l = 0; l < self->problem.n_lifts && self->lift_variance > 0; l++)
    {
      const MmxMmmLift *lift = &self->problem.lifts[l];
      double miss = fit->coefficients[nb + lift->channel] * workspace->lift_sums[l] - lift->lift;

      squares += self->lift_variance * miss * miss / (lift->standard_error * lift->standard_error);
      n_used++;
    }
  fit->akaike = n_used * log (MAX (squares, DBL_MIN) / MAX (n_used, 1))
                + 2 * fit->degrees_of_freedom;
  return g_steal_pointer (&fit);
}

/**
 * _mmx_mmm_residuals:
 * @self: a model
 * @fitted: (array): a fit of the problem's target
 * @out_residuals: (array) (out caller-allocates): the target less
 *   @fitted on the fitted periods, 0 on the others
 */
void
_mmx_mmm_residuals (MmxMmm       *self,
                    const double *fitted,
                    double       *out_residuals)
{
  for (guint t = 0; t < self->n; t++)
    out_residuals[t] = self->problem.use[t] ? self->problem.target[t] - fitted[t] : 0;
}

/**
 * mmx_mmm_fit_undo_pull:
 * @self: a model
 * @hyper: the hyper-parameters of @fit; the betas of @channels are set
 * @channels: (array): per channel, whether to correct it
 * @fit: a fit of the problem's target from mmx_mmm_fit() with @hyper
 *
 * Ridge pulls each coefficient towards 0. Fitting the fit again pulls it
 * once more, by about as much, and adding that back undoes the pull to
 * first order: beta becomes 2 beta - beta (fit). The channels' effects
 * change by as much as the baseline in the other direction, so the fitted
 * values and the decomposition stay as they were.
 */
void
mmx_mmm_fit_undo_pull (MmxMmm         *self,
                       MmxMmmHyper    *hyper,
                       const gboolean *channels,
                       MmxMmmFit      *fit)
{
  g_autoptr(MmxMmmWorkspace) workspace = _mmx_mmm_workspace_new (self, self->problem.target);
  guint n = self->n, nb = self->n_baseline, p = self->p;
  g_autofree double *residuals = g_new (double, n);
  g_autofree double *cross = g_new (double, p);
  g_autofree double *again = g_new (double, p);

  _mmx_mmm_workspace_set_full_system (workspace, hyper);
  _mmx_mmm_residuals (self, fit->fitted, residuals);
  /* The data's system with the fit for the data: lift tests stay. */
  _mmx_mmm_workspace_cross (workspace, residuals, cross);
  for (guint j = 0; j < p; j++)
    cross[j] = workspace->train_cross[j] - cross[j];
  if (!mmx_ridge_solve (workspace->ridge, cross, again))
    return;

  for (guint k = 0; k < self->n_channels; k++)
    {
      double beta = fit->coefficients[nb + k];
      double corrected = MAX (2 * beta - again[nb + k], 0);
      double *series = fit->contributions + (gsize) k * n;

      if (!channels[k] || beta <= 0)
        continue;
      for (guint t = 0; t < n; t++)
        {
          double change = series[t] * (corrected / beta - 1);

          series[t] += change;
          fit->baseline[t] -= change;
        }
      fit->coefficients[nb + k] = corrected;
      hyper->responses[k].beta = corrected;
    }
}

/* Lifts are weighed against the noise of one period, which a fit at the
 * starting point without them estimates. */
static void
estimate_lift_variance (MmxMmm *self)
{
  MmxMmmHyper hyper = { 0 };
  g_autoptr(MmxMmmFit) fit = NULL;

  mmx_mmm_hyper_init (self, &hyper);
  fit = mmx_mmm_fit (self, &hyper, NULL, NULL);
  if (fit != NULL)
    self->lift_variance = fit->residual_sd * fit->residual_sd;
  mmx_mmm_hyper_clear (&hyper);
}

/**
 * mmx_mmm_channel_effects:
 * @self: a model
 * @responses: (array): each channel's response, beta included
 * @out_contributions: (array) (out caller-allocates): each channel's
 *   effect over all history
 * @out_marginals: (array) (out caller-allocates): its marginal ROAS: what
 *   one more unit of spend, spread as the history's, returns, measured by
 *   raising every period's spend by 1 %
 */
void
mmx_mmm_channel_effects (MmxMmm            *self,
                         const MmxResponse *responses,
                         double            *out_contributions,
                         double            *out_marginals)
{
  g_autofree double *base = g_new (double, self->n);
  g_autofree double *raised = g_new (double, self->n);

  for (guint k = 0; k < self->n_channels; k++)
    {
      double sum = 0, raised_sum = 0;

      _mmx_mmm_apply_response (self, &responses[k], k, 1, base);
      _mmx_mmm_apply_response (self, &responses[k], k, 1.01, raised);
      for (guint t = 0; t < self->n; t++)
        {
          sum += base[t];
          raised_sum += raised[t];
        }
      out_contributions[k] = responses[k].beta * sum;
      out_marginals[k] = self->spend_total[k] > 0
                         ? responses[k].beta * (raised_sum - sum) / (0.01 * self->spend_total[k])
                         : NAN;
    }
}
