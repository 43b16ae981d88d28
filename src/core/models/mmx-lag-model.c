/* mmx-lag-model.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-lag-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_eigen.h>
#include <math.h>
#include <string.h>

#include "mmx-attribution-private.h"
#include "mmx-block-bootstrap.h"
#include "mmx-fit-stats.h"
#include "mmx-model-error.h"
#include "mmx-parallel.h"
#include "mmx-ridge.h"

/* The first version's model: each channel's spend of the same period and
 * of 7, 14 and 30 days before (1, 2 and 4 weeks for weekly data), with
 * day-of-week and month indicators, in a ridge regression whose penalty
 * is picked by leave-one-out error over the grid scikit-learn's RidgeCV
 * is usually given. */
#define N_LAGS 4
static const guint daily_lags[N_LAGS] = { 0, 7, 14, 30 };
static const guint weekly_lags[N_LAGS] = { 0, 1, 2, 4 };
static const double penalties[] = { 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0 };


typedef struct
{
  const MmxAttributionInput *input;
  const guint               *lags;
  guint                      n_fit;      /* rows fitted: known target, all lags inside the data */
  guint                     *rows;       /* their periods */
  guint                      p;          /* columns, without the intercept */
  guint                      n_media;    /* the first n_media columns are the channels' lags */
  double                    *raw;        /* n_fit × p, row-major, as the data has them */
  double                    *mean;
  double                    *sd;
  double                    *z;          /* standardised, n_fit × p */
  double                    *y;
  double                     y_mean;
  guint                      width;      /* columns of fill_row() */
  guint                     *columns;    /* the kept ones among them */
} Design;

static void
design_clear (Design *design)
{
  g_free (design->rows);
  g_free (design->raw);
  g_free (design->mean);
  g_free (design->sd);
  g_free (design->z);
  g_free (design->y);
  g_free (design->columns);
}

static guint
month_of (guint32 julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);

  return g_date_get_month (date);
}

static guint
weekday_of (guint32 julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);

  return g_date_get_weekday (date);
}

/* The raw columns of period @t: every channel's lags (spend before the
 * data taken as none), then the weekday and month indicators. */
static void
fill_row (const MmxAttributionInput *input,
          const guint               *lags,
          guint                      t,
          double                    *row)
{
  guint M = input->n_measured;
  guint32 day = mmx_panel_get_day (input->panel, t);
  guint c = M * N_LAGS;

  for (guint m = 0; m < M; m++)
    for (guint l = 0; l < N_LAGS; l++)
      row[m * N_LAGS + l] = t >= lags[l] ? input->spend[(gsize) (t - lags[l]) * M + m] : 0;
  if (input->period_days == 1)
    {
      guint weekday = weekday_of (day);

      /* Tuesday to Sunday against Monday. */
      for (guint w = G_DATE_TUESDAY; w <= G_DATE_SUNDAY; w++)
        row[c++] = weekday == w;
    }
  for (guint month = G_DATE_FEBRUARY; month <= G_DATE_DECEMBER; month++)
    row[c++] = month_of (day) == month;
}

static guint
n_raw_columns (const MmxAttributionInput *input)
{
  return input->n_measured * N_LAGS + (input->period_days == 1 ? 6 : 0) + 11;
}

static void
build_design (Design                    *design,
              const MmxAttributionInput *input)
{
  guint width = n_raw_columns (input);
  guint max_lag;
  g_autofree double *full = NULL;
  g_autofree double *mean = g_new0 (double, width);
  g_autofree double *sd = g_new0 (double, width);
  guint *kept = g_new0 (guint, width);

  design->input = input;
  design->lags = input->period_days == 1 ? daily_lags : weekly_lags;
  design->n_media = input->n_measured * N_LAGS;
  max_lag = design->lags[N_LAGS - 1];
  design->rows = g_new (guint, MAX (input->n, 1));
  for (guint t = max_lag; t < input->n; t++)
    if (input->use[t])
      design->rows[design->n_fit++] = t;

  full = g_new0 (double, (gsize) MAX (design->n_fit, 1) * width);
  for (guint i = 0; i < design->n_fit; i++)
    fill_row (input, design->lags, design->rows[i], full + (gsize) i * width);

  /* Indicators of months the data never reaches say nothing: drop them.
   * Lag columns stay, so their index keeps saying channel and lag. */
  for (guint j = 0; j < width; j++)
    {
      for (guint i = 0; i < design->n_fit; i++)
        mean[j] += full[(gsize) i * width + j];
      mean[j] /= MAX (design->n_fit, 1);
      for (guint i = 0; i < design->n_fit; i++)
        sd[j] += (full[(gsize) i * width + j] - mean[j]) * (full[(gsize) i * width + j] - mean[j]);
      sd[j] = sqrt (sd[j] / MAX (design->n_fit, 1));
      if (j < design->n_media || sd[j] > 1e-9)
        kept[design->p++] = j;
    }

  design->raw = g_new (double, (gsize) MAX (design->n_fit, 1) * design->p);
  design->z = g_new (double, (gsize) MAX (design->n_fit, 1) * design->p);
  design->mean = g_new (double, design->p);
  design->sd = g_new (double, design->p);
  design->y = g_new (double, MAX (design->n_fit, 1));
  for (guint j = 0; j < design->p; j++)
    {
      design->mean[j] = mean[kept[j]];
      design->sd[j] = sd[kept[j]] > 1e-9 ? sd[kept[j]] : 1;
    }
  for (guint i = 0; i < design->n_fit; i++)
    {
      design->y[i] = input->target[design->rows[i]];
      design->y_mean += design->y[i];
      for (guint j = 0; j < design->p; j++)
        {
          double x = full[(gsize) i * width + kept[j]];

          design->raw[(gsize) i * design->p + j] = x;
          design->z[(gsize) i * design->p + j] = (x - design->mean[j]) / design->sd[j];
        }
    }
  design->y_mean /= MAX (design->n_fit, 1);
  design->width = width;
  design->columns = kept;
}

/* Z'Z of the standardised design, row-major. */
static double *
gram_of (const Design *design)
{
  guint p = design->p;
  double *gram = g_new0 (double, (gsize) p * p);

  cblas_dsyrk (CblasRowMajor, CblasUpper, CblasTrans, p, design->n_fit, 1.0, design->z, p, 0.0,
               gram, p);
  for (guint a = 0; a < p; a++)
    for (guint b = 0; b < a; b++)
      gram[(gsize) a * p + b] = gram[(gsize) b * p + a];
  return gram;
}

/* The penalty of the grid with the least leave-one-out error, computed
 * at once for every row from the eigen-decomposition of Z'Z, as
 * scikit-learn's RidgeCV does. */
static double
choose_penalty (const Design *design,
                const double *gram,
                double       *out_condition_number)
{
  guint p = design->p, n = design->n_fit;
  gsl_matrix_const_view g = gsl_matrix_const_view_array (gram, p, p);
  gsl_matrix *a = gsl_matrix_alloc (p, p);
  gsl_matrix *vectors = gsl_matrix_alloc (p, p);
  gsl_vector *values = gsl_vector_alloc (p);
  gsl_eigen_symmv_workspace *work = gsl_eigen_symmv_alloc (p);
  g_autofree double *projected = g_new (double, (gsize) n * p);   /* Z V */
  g_autofree double *along = g_new (double, p);                   /* (Z V)' y_c */
  g_autofree double *centred = g_new (double, n);
  double best = penalties[0], best_error = INFINITY;

  gsl_matrix_memcpy (a, &g.matrix);
  gsl_eigen_symmv (a, values, vectors, work);
  cblas_dgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, n, p, p, 1.0, design->z, p,
               vectors->data, vectors->tda, 0.0, projected, p);
  for (guint i = 0; i < n; i++)
    centred[i] = design->y[i] - design->y_mean;
  cblas_dgemv (CblasRowMajor, CblasTrans, n, p, 1.0, projected, p, centred, 1, 0.0, along, 1);

  for (guint g_i = 0; g_i < G_N_ELEMENTS (penalties); g_i++)
    {
      double lambda = penalties[g_i], error = 0;

      for (guint i = 0; i < n; i++)
        {
          double fitted = 0, leverage = 1.0 / n;

          for (guint j = 0; j < p; j++)
            {
              double d = gsl_vector_get (values, j) + lambda;
              double pij = projected[(gsize) i * p + j];

              fitted += pij * along[j] / d;
              leverage += pij * pij / d;
            }
          error += pow ((centred[i] - fitted) / (1 - leverage), 2);
        }
      if (error < best_error)
        {
          best_error = error;
          best = lambda;
        }
    }

  /* The singular values of Z are the roots of the eigenvalues of Z'Z. */
  *out_condition_number = gsl_vector_min (values) > 0
                          ? sqrt (gsl_vector_max (values) / gsl_vector_min (values)) : INFINITY;
  gsl_eigen_symmv_free (work);
  gsl_vector_free (values);
  gsl_matrix_free (vectors);
  gsl_matrix_free (a);
  return best;
}

/* Ridge with an intercept on rows [first, end) of the design: returns
 * the intercept and the raw-unit coefficients. */
static gboolean
fit_rows (const Design *design,
          guint         first,
          guint         end,
          double        lambda,
          double       *out_intercept,
          double       *out_coefficients)
{
  guint p = design->p, q = p + 1, len = end - first;
  g_autofree double *gram = g_new0 (double, (gsize) q * q);
  g_autofree double *cross = g_new0 (double, q);
  g_autofree double *penalty = g_new0 (double, q);
  g_autofree double *beta = g_new (double, q);
  g_autoptr(MmxRidge) ridge = mmx_ridge_new (q);
  const double *z = design->z + (gsize) first * p;

  /* Column 0 is the intercept. */
  gram[0] = len;
  for (guint i = 0; i < len; i++)
    {
      cross[0] += design->y[first + i];
      for (guint j = 0; j < p; j++)
        {
          gram[j + 1] += z[(gsize) i * p + j];
          cross[j + 1] += z[(gsize) i * p + j] * design->y[first + i];
        }
    }
  cblas_dsyrk (CblasRowMajor, CblasUpper, CblasTrans, p, len, 1.0, z, p, 0.0, gram + q + 1, q);
  for (guint a = 0; a < q; a++)
    for (guint b = 0; b < a; b++)
      gram[(gsize) a * q + b] = gram[(gsize) b * q + a];
  for (guint j = 1; j < q; j++)
    penalty[j] = lambda;

  mmx_ridge_set_system (ridge, gram, penalty);
  if (!mmx_ridge_solve_unconstrained (ridge, cross, beta))
    return FALSE;
  *out_intercept = beta[0];
  for (guint j = 0; j < p; j++)
    {
      out_coefficients[j] = beta[j + 1] / design->sd[j];
      *out_intercept -= out_coefficients[j] * design->mean[j];
    }
  return TRUE;
}

static double
predict_row (const Design *design,
             const double *raw_row,
             double        intercept,
             const double *coefficients)
{
  return intercept + cblas_ddot (design->p, raw_row, 1, coefficients, 1);
}

/* Rolling-origin validation over the last 30 % of the fitted rows, as the
 * marketing-mix model is scored. */
static void
score_holdout (const Design *design,
               double        lambda,
               double       *out_nrmse,
               double       *out_mape)
{
  static const double cuts[] = { 0.7, 0.8, 0.9, 1.0 };
  guint n = design->n_fit;
  g_autofree double *coefficients = g_new (double, design->p);
  g_autofree double *actual = g_new (double, n);
  g_autofree double *fitted = g_new (double, n);
  MmxFitStats stats;
  guint m = 0;

  for (guint f = 0; f + 1 < G_N_ELEMENTS (cuts); f++)
    {
      guint train = (guint) (cuts[f] * n), end = (guint) (cuts[f + 1] * n);
      double intercept;

      if (train == 0 || !fit_rows (design, 0, train, lambda, &intercept, coefficients))
        continue;
      for (guint i = train; i < end; i++)
        {
          actual[m] = design->y[i];
          fitted[m++] = predict_row (design, design->raw + (gsize) i * design->p, intercept,
                                     coefficients);
        }
    }
  mmx_fit_stats_compute (&stats, actual, fitted, NULL, m, mmx_fit_stats_range (design->y, NULL, n));
  *out_nrmse = m > 0 ? stats.nrmse : NAN;
  *out_mape = m > 0 ? stats.mape : NAN;
}

typedef struct
{
  const Design *design;
  guint         block_length;
  guint64       seed;
  guint         n_measured;
  const double *residuals;
  /* Per measured channel: the change of its contribution and of its
   * marginal ROAS per unit of each row's residual. */
  const double *contribution_maps;
  const double *marginal_maps;
  const double *contribution;
  const double *marginal;
  double       *out_contributions;
  double       *out_marginals;
  MmxProgress  *progress;
  guint         n_replicates;
  gint          done;
} LagBootstrap;

static void
lag_replicate_cb (guint    replicate,
                  gpointer user_data)
{
  LagBootstrap *boot = user_data;
  guint n = boot->design->n_fit;
  g_autofree double *resampled = g_new (double, MAX (n, 1));
  gint done;

  mmx_block_bootstrap_resample (boot->residuals, NULL, n, boot->block_length, boot->seed, replicate,
                                resampled);
  for (guint m = 0; m < boot->n_measured; m++)
    {
      gsize at = (gsize) replicate * boot->n_measured + m;

      boot->out_contributions[at] = boot->contribution[m]
                                    + cblas_ddot (n, boot->contribution_maps + (gsize) m * n, 1,
                                                  resampled, 1);
      boot->out_marginals[at] = boot->marginal[m]
                                + cblas_ddot (n, boot->marginal_maps + (gsize) m * n, 1, resampled, 1);
    }
  done = g_atomic_int_add (&boot->done, 1) + 1;
  mmx_progress_report (boot->progress, (double) done / boot->n_replicates);
}

/* r = Z A⁻¹ w for the functional w of the standardised coefficients:
 * how a linear summary of the fit moves with each row's target. */
static void
map_functional (const Design *design,
                MmxRidge     *ridge,
                const double *w,
                double       *out)
{
  g_autofree double *q = g_new (double, design->p);

  mmx_ridge_solve_unconstrained (ridge, w, q);
  cblas_dgemv (CblasRowMajor, CblasNoTrans, design->n_fit, design->p, 1.0, design->z, design->p, q,
               1, 0.0, out, 1);
}

/**
 * _mmx_lag_model_run:
 * @input: what is fitted
 * @settings: the settings
 * @progress: (nullable): receives the progress
 * @cancellable: (nullable): stops the bootstrap
 * @error: a location for a #GError
 *
 * The lag method. Its bootstrap resamples blocks of residuals with the
 * design fixed, so every replicate is a linear map of its residuals
 * through the one factorisation of the fit: a dot product per channel.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
MmxAttribution *
_mmx_lag_model_run (const MmxAttributionInput    *input,
                    const MmxAttributionSettings *settings,
                    MmxProgress                  *progress,
                    GCancellable                 *cancellable,
                    GError                      **error)
{
  MmxAttributionInput fitted_input = *input;
  g_autofree gboolean *use = g_new0 (gboolean, MAX (input->n, 1));
  g_autofree double *gram = NULL;
  g_autofree double *coefficients = NULL;
  g_autofree double *full_row = NULL;
  g_autofree double *residuals = NULL;
  g_autofree double *sums = NULL;
  g_autoptr(MmxAttribution) self = NULL;
  guint M = input->n_measured;
  Design design = { 0 };
  double lambda, intercept, condition;

  build_design (&design, input);
  if (design.n_fit < 2)
    {
      design_clear (&design);
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NOT_ENOUGH_DATA,
                   _("The lag method needs history beyond its longest lag: import more days."));
      return NULL;
    }
  for (guint i = 0; i < design.n_fit; i++)
    use[design.rows[i]] = TRUE;
  fitted_input.use = use;
  fitted_input.n_used = design.n_fit;

  gram = gram_of (&design);
  lambda = choose_penalty (&design, gram, &condition);
  coefficients = g_new (double, design.p);
  if (!fit_rows (&design, 0, design.n_fit, lambda, &intercept, coefficients))
    {
      design_clear (&design);
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_FAILED,
                   _("The lag model could not be fitted: some columns of the data are exact "
                     "copies of each other."));
      return NULL;
    }

  self = _mmx_attribution_new (&fitted_input, settings);
  self->log_penalty = log10 (lambda);
  self->diagnostics.condition_number = condition;
  score_holdout (&design, lambda, &self->diagnostics.holdout_nrmse,
                 &self->diagnostics.holdout_mape);

  /* Every period's parts, from its raw row. */
  full_row = g_new (double, design.width);
  for (guint t = 0; t < input->n; t++)
    {
      self->baseline[t] = intercept;
      fill_row (input, design.lags, t, full_row);
      for (guint j = design.n_media; j < design.p; j++)
        self->baseline[t] += coefficients[j] * full_row[design.columns[j]];
      self->fitted[t] = self->baseline[t];
      for (guint m = 0; m < M; m++)
        {
          MmxChannelAttribution *channel = _mmx_attribution_get_measured (self, m);
          double part = 0;

          for (guint l = 0; l < N_LAGS; l++)
            part += coefficients[m * N_LAGS + l] * full_row[m * N_LAGS + l];
          channel->series[t] = part;
          self->fitted[t] += part;
        }
    }

  sums = g_new0 (double, design.p);
  for (guint i = 0; i < design.n_fit; i++)
    for (guint j = 0; j < design.p; j++)
      sums[j] += design.raw[(gsize) i * design.p + j];
  for (guint m = 0; m < M; m++)
    {
      MmxChannelAttribution *channel = _mmx_attribution_get_measured (self, m);

      channel->contribution = 0;
      channel->mroas = 0;
      for (guint l = 0; l < N_LAGS; l++)
        {
          double c = coefficients[m * N_LAGS + l];

          channel->lag_coefficients[l] = c;
          channel->mroas += c;
          channel->contribution += c * sums[m * N_LAGS + l];
        }
      /* The spend the contribution answers to: the fitted periods'. */
      channel->spend = 0;
      for (guint i = 0; i < design.n_fit; i++)
        channel->spend += input->spend[(gsize) design.rows[i] * M + m];
    }

  if (settings->n_bootstrap > 0)
    {
      g_autoptr(MmxRidge) ridge = mmx_ridge_new (design.p);
      g_autofree double *penalty = g_new (double, design.p);
      g_autofree double *w = g_new (double, design.p);
      g_autofree double *contribution_maps = g_new (double, (gsize) M * design.n_fit);
      g_autofree double *marginal_maps = g_new (double, (gsize) M * design.n_fit);
      g_autofree double *contribution = g_new (double, M);
      g_autofree double *marginal = g_new (double, M);
      g_autofree double *boot_contributions = g_new (double, (gsize) settings->n_bootstrap * M);
      g_autofree double *boot_marginals = g_new (double, (gsize) settings->n_bootstrap * M);
      LagBootstrap boot = { 0 };
      double mean = 0;

      for (guint j = 0; j < design.p; j++)
        penalty[j] = lambda;
      mmx_ridge_set_system (ridge, gram, penalty);
      for (guint m = 0; m < M; m++)
        {
          MmxChannelAttribution *channel = _mmx_attribution_get_measured (self, m);

          memset (w, 0, sizeof (double) * design.p);
          for (guint l = 0; l < N_LAGS; l++)
            w[m * N_LAGS + l] = sums[m * N_LAGS + l] / design.sd[m * N_LAGS + l];
          map_functional (&design, ridge, w, contribution_maps + (gsize) m * design.n_fit);
          for (guint l = 0; l < N_LAGS; l++)
            w[m * N_LAGS + l] = 1 / design.sd[m * N_LAGS + l];
          map_functional (&design, ridge, w, marginal_maps + (gsize) m * design.n_fit);
          contribution[m] = channel->contribution;
          marginal[m] = channel->mroas;
        }

      residuals = g_new (double, design.n_fit);
      for (guint i = 0; i < design.n_fit; i++)
        {
          residuals[i] = design.y[i] - self->fitted[design.rows[i]];
          mean += residuals[i];
        }
      for (guint i = 0; i < design.n_fit; i++)
        residuals[i] -= mean / design.n_fit;

      boot.design = &design;
      boot.block_length = input->block_length;
      boot.seed = settings->seed;
      boot.n_measured = M;
      boot.residuals = residuals;
      boot.contribution_maps = contribution_maps;
      boot.marginal_maps = marginal_maps;
      boot.contribution = contribution;
      boot.marginal = marginal;
      boot.out_contributions = boot_contributions;
      boot.out_marginals = boot_marginals;
      boot.progress = progress;
      boot.n_replicates = settings->n_bootstrap;
      if (!mmx_parallel_for (settings->n_bootstrap, lag_replicate_cb, &boot, cancellable))
        {
          design_clear (&design);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return NULL;
        }
      _mmx_attribution_set_intervals (self, boot_contributions, boot_marginals,
                                      settings->n_bootstrap);
    }

  _mmx_attribution_finish (self, &fitted_input, design.p);
  design_clear (&design);
  return g_steal_pointer (&self);
}
