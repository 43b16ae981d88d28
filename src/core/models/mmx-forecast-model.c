/* mmx-forecast-model.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-forecast-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <nlopt.h>
#include <string.h>

#include "mmx-forecast-model.h"
#include "mmx-gsl.h"
#include "mmx-gsl-autoptr.h"
#include "mmx-model-error.h"

/* Prophet's priors, on the scale the fit works in. */
#define TREND_PRIOR_SCALE 5.0
#define SIGMA_PRIOR_SCALE 0.5

/* Changepoints lie in this first share of the history, so the last part,
 * which the forecast continues, is not bent by a change seen only once. */
#define CHANGEPOINT_RANGE 0.8

#define MIN_VARIANCE 1e-18
#define MAX_EVALUATIONS 20000
#define MAX_ATTEMPTS 3
#define RELATIVE_TOLERANCE 1e-11

/* The passes over the channels when choosing their regressors: a second
 * pass settles choices that depended on the first guesses of the others. */
#define CHOICE_PASSES 2

/* The last share of the history a regressor's choice is judged on. */
#define CHOICE_CHECK_SHARE 0.2

/**
 * mmx_forecast_model_new:
 * @mode: how seasonality combines with the trend
 * @n_rows: the history and the horizon
 * @n_history: the periods to fit
 * @n_columns: the regressors
 * @n_media: how many of them, the last, are media
 *
 * Returns: (transfer full): a model whose inputs the caller fills in
 *   (@observed, @y, @y_scale, @t, @terms, @columns, @prior_mean,
 *   @prior_scale and @changepoint_prior_scale) before placing its
 *   changepoints
 */
MmxForecastModel *
mmx_forecast_model_new (MmxForecastMode mode,
                        guint           n_rows,
                        guint           n_history,
                        guint           n_columns,
                        guint           n_media)
{
  MmxForecastModel *self = g_new0 (MmxForecastModel, 1);

  g_return_val_if_fail (n_history <= n_rows && n_media <= n_columns, self);

  self->mode = mode;
  self->n_rows = n_rows;
  self->n_history = n_history;
  self->n_columns = n_columns;
  self->n_media = n_media;
  self->observed = g_new0 (gboolean, n_history);
  self->y = g_new0 (double, n_history);
  self->y_scale = 1;
  self->t = g_new0 (double, n_rows);
  self->terms = g_new0 (MmxForecastTerm, n_columns);
  self->columns = g_new0 (double, (gsize) n_rows * n_columns);
  self->prior_mean = g_new0 (double, n_columns);
  self->prior_scale = g_new0 (double, n_columns);
  self->changepoint_prior_scale = MMX_FORECAST_DEFAULT_CHANGEPOINT_PRIOR_SCALE;
  return self;
}

void
mmx_forecast_model_free (MmxForecastModel *self)
{
  if (self == NULL)
    return;
  g_free (self->observed);
  g_free (self->y);
  g_free (self->t);
  g_free (self->changepoints);
  g_free (self->terms);
  g_free (self->columns);
  g_free (self->prior_mean);
  g_free (self->prior_scale);
  g_free (self->theta);
  g_free (self->cholesky);
  g_free (self);
}

/**
 * mmx_forecast_model_place_changepoints:
 * @self: a model whose @t and @observed are set
 * @max_changepoints: at most this many
 *
 * Spreads the changepoints evenly over the observed periods of the first
 * 80 % of the history, as Prophet does.
 */
void
mmx_forecast_model_place_changepoints (MmxForecastModel *self,
                                       guint             max_changepoints)
{
  g_autofree guint *observed = g_new (guint, self->n_history + 1);
  guint n_observed = 0, range;

  for (guint i = 0; i < self->n_history; i++)
    if (self->observed[i])
      observed[n_observed++] = i;
  range = (guint) floor (n_observed * CHANGEPOINT_RANGE);

  self->n_changepoints = range >= 2 ? MIN (max_changepoints, range - 1) : 0;
  g_free (self->changepoints);
  g_free (self->theta);
  g_free (self->cholesky);
  self->changepoints = g_new0 (double, self->n_changepoints + 1);
  self->n_parameters = 2 + self->n_changepoints + self->n_columns;
  self->theta = g_new0 (double, self->n_parameters);
  self->delta = self->theta + 2;
  self->beta = self->delta + self->n_changepoints;
  self->cholesky = g_new0 (double, (gsize) self->n_parameters * self->n_parameters);
  for (guint j = 1; j <= self->n_changepoints; j++)
    {
      guint index = (guint) round ((double) j * (range - 1) / self->n_changepoints);

      self->changepoints[j - 1] = self->t[observed[index]];
    }
}

/* The linear parameters, θ = (k, m, δ, β), and their design over the
 * observed periods: t, 1, (t - c_j)+ for each changepoint, the columns. */
typedef struct
{
  const MmxForecastModel *model;
  const gboolean *rows;
  guint       n_observed;
  guint       n_changepoints;
  guint       n_linear;
  guint       first_column;
  guint       first_media;
  gsl_matrix *design;
  gsl_vector *y;
  gsl_matrix *gram;
  gsl_vector *moments;
  double      sum_of_squares;
  double     *prior_mean;
  double     *prior_precision;
  gsl_vector *theta;
  gsl_vector *gradient;
  gsl_vector *trend;
  gsl_vector *seasonal;
  gsl_vector *media;
  gsl_vector *residual;
  gsl_vector *weighted;
  guint       n_evaluations;
} Fit;

static void
fit_clear (Fit *fit)
{
  g_clear_pointer (&fit->design, gsl_matrix_free);
  g_clear_pointer (&fit->y, gsl_vector_free);
  g_clear_pointer (&fit->gram, gsl_matrix_free);
  g_clear_pointer (&fit->moments, gsl_vector_free);
  g_clear_pointer (&fit->prior_mean, g_free);
  g_clear_pointer (&fit->prior_precision, g_free);
  g_clear_pointer (&fit->theta, gsl_vector_free);
  g_clear_pointer (&fit->gradient, gsl_vector_free);
  g_clear_pointer (&fit->trend, gsl_vector_free);
  g_clear_pointer (&fit->seasonal, gsl_vector_free);
  g_clear_pointer (&fit->media, gsl_vector_free);
  g_clear_pointer (&fit->residual, gsl_vector_free);
  g_clear_pointer (&fit->weighted, gsl_vector_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fit, fit_clear)

static void
update_gram (Fit *fit)
{
  gsl_blas_dsyrk (CblasLower, CblasTrans, 1, fit->design, 0, fit->gram);
  gsl_matrix_transpose_tricpy (CblasLower, CblasUnit, fit->gram, fit->gram);
  gsl_blas_dgemv (CblasTrans, 1, fit->design, fit->y, 0, fit->moments);
  gsl_blas_ddot (fit->y, fit->y, &fit->sum_of_squares);
}

/* Over the periods of the history that @rows flags. */
static void
fit_init (Fit                    *fit,
          const MmxForecastModel *model,
          const gboolean         *rows)
{
  guint S = model->n_changepoints;
  guint row = 0;

  mmx_gsl_report_errors ();
  fit->model = model;
  fit->rows = rows;
  fit->n_observed = 0;
  for (guint i = 0; i < model->n_history; i++)
    fit->n_observed += rows[i] != FALSE;
  fit->n_changepoints = S;
  fit->first_column = 2 + S;
  fit->first_media = fit->first_column + model->n_columns - model->n_media;
  fit->n_linear = fit->first_column + model->n_columns;
  fit->design = gsl_matrix_alloc (fit->n_observed, fit->n_linear);
  fit->y = gsl_vector_alloc (fit->n_observed);

  for (guint i = 0; i < model->n_history; i++)
    {
      double t = model->t[i];

      if (!rows[i])
        continue;
      gsl_matrix_set (fit->design, row, 0, t);
      gsl_matrix_set (fit->design, row, 1, 1);
      for (guint j = 0; j < S; j++)
        gsl_matrix_set (fit->design, row, 2 + j, MAX (t - model->changepoints[j], 0));
      for (guint c = 0; c < model->n_columns; c++)
        gsl_matrix_set (fit->design, row, fit->first_column + c,
                        model->columns[(gsize) i * model->n_columns + c]);
      gsl_vector_set (fit->y, row, model->y[i]);
      row++;
    }

  /* Gaussian priors for the ridge start and the Laplace approximation; a
   * Laplace prior of scale τ has the variance of N(0, 2τ²). */
  fit->prior_mean = g_new0 (double, fit->n_linear);
  fit->prior_precision = g_new0 (double, fit->n_linear);
  fit->prior_precision[0] = fit->prior_precision[1] = 1 / (TREND_PRIOR_SCALE * TREND_PRIOR_SCALE);
  for (guint j = 0; j < S; j++)
    fit->prior_precision[2 + j] = 1 / (2 * model->changepoint_prior_scale
                                       * model->changepoint_prior_scale);
  for (guint c = 0; c < model->n_columns; c++)
    {
      fit->prior_mean[fit->first_column + c] = model->prior_mean[c];
      fit->prior_precision[fit->first_column + c] = 1 / (model->prior_scale[c]
                                                         * model->prior_scale[c]);
    }

  fit->gram = gsl_matrix_alloc (fit->n_linear, fit->n_linear);
  fit->moments = gsl_vector_alloc (fit->n_linear);
  fit->theta = gsl_vector_alloc (fit->n_linear);
  fit->gradient = gsl_vector_alloc (fit->n_linear);
  update_gram (fit);
  if (model->mode == MMX_FORECAST_MODE_MULTIPLICATIVE)
    {
      fit->trend = gsl_vector_alloc (fit->n_observed);
      fit->seasonal = gsl_vector_alloc (fit->n_observed);
      fit->media = gsl_vector_alloc (fit->n_observed);
      fit->residual = gsl_vector_alloc (fit->n_observed);
      fit->weighted = gsl_vector_alloc (fit->n_observed);
    }
}

/* Cholesky in place, with a little more on the diagonal each time it
 * fails, for columns that the data cannot tell apart. */
static gboolean
cholesky_robust (gsl_matrix *matrix)
{
  g_autoptr(gsl_matrix) copy = gsl_matrix_alloc (matrix->size1, matrix->size2);
  double jitter = 0;

  gsl_matrix_memcpy (copy, matrix);
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      if (gsl_linalg_cholesky_decomp1 (matrix) == GSL_SUCCESS)
        return TRUE;
      jitter = jitter == 0 ? 1e-10 : jitter * 100;
      gsl_matrix_memcpy (matrix, copy);
      for (gsize i = 0; i < matrix->size1; i++)
        *gsl_matrix_ptr (matrix, i, i) += jitter * (1 + gsl_matrix_get (copy, i, i));
    }
  return FALSE;
}

/* The penalised least squares of the additive model, with σ² setting the
 * weight of the priors: θ = (G + σ²P)⁻¹ (Dᵀy + σ²Pμ). Returns the residual
 * sum of squares. */
static double
solve_ridge (Fit    *fit,
             double  sigma2)
{
  guint p = fit->n_linear;
  g_autoptr(gsl_matrix) system = gsl_matrix_alloc (p, p);
  g_autoptr(gsl_vector) fitted = gsl_vector_alloc (fit->n_observed);
  double rss;

  gsl_matrix_memcpy (system, fit->gram);
  gsl_vector_memcpy (fit->theta, fit->moments);
  for (guint i = 0; i < p; i++)
    {
      *gsl_matrix_ptr (system, i, i) += sigma2 * fit->prior_precision[i];
      *gsl_vector_ptr (fit->theta, i) += sigma2 * fit->prior_precision[i] * fit->prior_mean[i];
    }
  if (!cholesky_robust (system))
    {
      gsl_vector_set_zero (fit->theta);
      return fit->sum_of_squares;
    }
  gsl_linalg_cholesky_svx (system, fit->theta);

  gsl_vector_memcpy (fitted, fit->y);
  gsl_blas_dgemv (CblasNoTrans, -1, fit->design, fit->theta, 1, fitted);
  gsl_blas_ddot (fitted, fitted, &rss);
  return rss;
}

static double
estimate_sigma2 (Fit *fit)
{
  double sigma2 = 0.01;

  /* The priors' weight depends on the noise, which depends on the fit. */
  for (guint i = 0; i < 2; i++)
    sigma2 = MAX (solve_ridge (fit, sigma2) / MAX (fit->n_observed, 1), MIN_VARIANCE);
  return sigma2;
}

static void
copy_column (const Fit    *fit,
             const double *values,
             gsl_vector   *out)
{
  guint row = 0;

  for (guint i = 0; i < fit->model->n_history; i++)
    if (fit->rows[i])
      gsl_vector_set (out, row++, values[i]);
}

/* Choosing a column by how well the ridge fit on @train forecasts
 * @check. The penalised Gram matrix of the other columns is factored once,
 * A = LLᵀ; a candidate x then costs one product with the design: its
 * coefficient is (r_x - v·u) / (a_xx - v·v), with u = L⁻¹ r and
 * v = L⁻¹ Dᵀx, and the others move by -A⁻¹Dᵀx times it. */
typedef struct
{
  Fit        *train;
  Fit        *check;
  guint       column;
  double      sigma2;
  gsl_matrix *factor;
  gsl_vector *u;
  gsl_vector *forecast;
} Choice;

static void
choice_clear (Choice *choice)
{
  g_clear_pointer (&choice->factor, gsl_matrix_free);
  g_clear_pointer (&choice->u, gsl_vector_free);
  g_clear_pointer (&choice->forecast, gsl_vector_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Choice, choice_clear)

/* Writes @reduced, which lacks the chosen column, into @full. */
static void
expand (const Choice     *choice,
        const gsl_vector *reduced,
        gsl_vector       *full)
{
  for (guint i = 0, o = 0; i < full->size; i++)
    gsl_vector_set (full, i, i == choice->column ? 0 : gsl_vector_get (reduced, o++));
}

static gboolean
choice_init (Choice *choice,
             Fit    *train,
             Fit    *check,
             guint   column,
             double  sigma2)
{
  guint p = train->n_linear;
  g_autoptr(gsl_vector) theta = gsl_vector_alloc (p - 1);
  g_autoptr(gsl_vector) full = gsl_vector_alloc (p);

  choice->train = train;
  choice->check = check;
  choice->column = column;
  choice->sigma2 = sigma2;
  choice->factor = gsl_matrix_alloc (p - 1, p - 1);
  choice->u = gsl_vector_alloc (p - 1);
  choice->forecast = gsl_vector_alloc (check->n_observed);

  for (guint i = 0, oi = 0; i < p; i++)
    {
      if (i == column)
        continue;
      for (guint j = 0, oj = 0; j < p; j++)
        if (j != column)
          gsl_matrix_set (choice->factor, oi, oj++, gsl_matrix_get (train->gram, i, j)
                          + (i == j ? sigma2 * train->prior_precision[i] : 0));
      gsl_vector_set (choice->u, oi++, gsl_vector_get (train->moments, i)
                      + sigma2 * train->prior_precision[i] * train->prior_mean[i]);
    }
  if (!cholesky_robust (choice->factor))
    return FALSE;
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, choice->factor, choice->u);

  /* The forecast of @check without the column. */
  gsl_vector_memcpy (theta, choice->u);
  gsl_blas_dtrsv (CblasLower, CblasTrans, CblasNonUnit, choice->factor, theta);
  expand (choice, theta, full);
  gsl_blas_dgemv (CblasNoTrans, 1, check->design, full, 0, choice->forecast);
  return TRUE;
}

/* The squared error of @check's forecast with @x_train, @x_check as the
 * column; leaves Dᵀx in @cross. */
static double
choice_score (const Choice     *choice,
              const gsl_vector *x_train,
              const gsl_vector *x_check,
              gsl_vector       *cross)
{
  const Fit *train = choice->train;
  guint p = train->n_linear, column = choice->column;
  double precision = choice->sigma2 * train->prior_precision[column];
  g_autoptr(gsl_vector) v = gsl_vector_alloc (p - 1);
  g_autoptr(gsl_vector) full = gsl_vector_alloc (p);
  g_autoptr(gsl_vector) error = gsl_vector_alloc (choice->check->n_observed);
  double xx, xy, vu, vv, denominator, coefficient, sse;

  gsl_blas_dgemv (CblasTrans, 1, train->design, x_train, 0, cross);
  for (guint i = 0, o = 0; i < p; i++)
    if (i != column)
      gsl_vector_set (v, o++, gsl_vector_get (cross, i));
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, choice->factor, v);
  gsl_blas_ddot (x_train, x_train, &xx);
  gsl_blas_ddot (x_train, train->y, &xy);
  gsl_blas_ddot (v, choice->u, &vu);
  gsl_blas_ddot (v, v, &vv);
  denominator = xx + precision - vv;
  if (denominator <= 0)
    return HUGE_VAL;
  coefficient = (xy + precision * train->prior_mean[column] - vu) / denominator;

  gsl_blas_dtrsv (CblasLower, CblasTrans, CblasNonUnit, choice->factor, v);
  expand (choice, v, full);
  gsl_vector_memcpy (error, choice->forecast);
  gsl_blas_dgemv (CblasNoTrans, -coefficient, choice->check->design, full, 1, error);
  gsl_blas_daxpy (coefficient, x_check, error);
  gsl_vector_sub (error, choice->check->y);
  gsl_blas_ddot (error, error, &sse);
  return sse;
}

static void
set_design_column (Fit              *fit,
                   guint             column,
                   const gsl_vector *x,
                   const gsl_vector *cross)
{
  double xx, xy;

  gsl_blas_ddot (x, x, &xx);
  gsl_blas_ddot (x, fit->y, &xy);
  gsl_matrix_set_col (fit->design, column, x);
  gsl_matrix_set_row (fit->gram, column, cross);
  gsl_matrix_set_col (fit->gram, column, cross);
  gsl_matrix_set (fit->gram, column, column, xx);
  gsl_vector_set (fit->moments, column, xy);
}

static void
choose_column (Fit          *train,
               Fit          *check,
               guint         column,
               double        sigma2,
               guint         n_candidates,
               const double *candidates,
               guint        *out_choice)
{
  guint n_rows = train->model->n_rows;
  g_auto(Choice) choice = { 0 };
  g_autoptr(gsl_vector) x_train = gsl_vector_alloc (train->n_observed);
  g_autoptr(gsl_vector) x_check = gsl_vector_alloc (check->n_observed);
  g_autoptr(gsl_vector) cross = gsl_vector_alloc (train->n_linear);
  double best = HUGE_VAL;
  guint chosen = *out_choice;

  if (!choice_init (&choice, train, check, column, sigma2))
    return;
  for (guint c = 0; c < n_candidates; c++)
    {
      double sse;

      copy_column (train, candidates + (gsize) c * n_rows, x_train);
      copy_column (check, candidates + (gsize) c * n_rows, x_check);
      sse = choice_score (&choice, x_train, x_check, cross);
      if (sse < best)
        {
          best = sse;
          chosen = c;
        }
    }

  *out_choice = chosen;
  copy_column (train, candidates + (gsize) chosen * n_rows, x_train);
  copy_column (check, candidates + (gsize) chosen * n_rows, x_check);
  gsl_blas_dgemv (CblasTrans, 1, train->design, x_train, 0, cross);
  set_design_column (train, column, x_train, cross);
  gsl_matrix_set_col (check->design, column, x_check);
}

/* The observed periods split in time: the fit learns from the first, and
 * is judged on how it forecasts the last. Returns whether both parts
 * hold enough to fit and to judge. */
static gboolean
split_history (const MmxForecastModel *self,
               gboolean               *train,
               gboolean               *check)
{
  guint n_observed = 0, seen = 0;

  for (guint i = 0; i < self->n_history; i++)
    n_observed += self->observed[i] != FALSE;
  for (guint i = 0; i < self->n_history; i++)
    if (self->observed[i])
      {
        gboolean early = seen++ < n_observed * (1 - CHOICE_CHECK_SHARE);

        train[i] = early;
        check[i] = !early;
      }
  return n_observed * CHOICE_CHECK_SHARE >= 1 && n_observed * (1 - CHOICE_CHECK_SHARE) >= 2;
}

static void
use_candidate (MmxForecastModel *self,
               guint             media,
               const double     *candidates,
               guint             n_candidates,
               guint             candidate)
{
  const double *values = candidates + ((gsize) media * n_candidates + candidate) * self->n_rows;
  guint column = self->n_columns - self->n_media + media;

  for (guint i = 0; i < self->n_rows; i++)
    self->columns[(gsize) i * self->n_columns + column] = values[i];
}

/**
 * mmx_forecast_model_choose_media:
 * @self: a model with all inputs set and its changepoints placed
 * @searched: @n_media flags: which media columns to choose
 * @n_candidates: the candidates of each
 * @candidates: for each media column, @n_candidates columns of @n_rows
 *   values: candidates[(media × n_candidates + c) × n_rows + row]
 * @out_choices: (out caller-allocates): @n_media: the chosen candidate of
 *   each searched column
 *
 * Picks, channel by channel, the candidate regressor (an adstock decay)
 * with which the additive model, fitted with Gaussian priors on the first
 * 80 % of the history, best forecasts the last 20 %, and writes it into
 * @columns. Judged in-sample, a long carry-over wins too often: smooth
 * regressors soak up slow changes of the baseline and then forecast them
 * wrong.
 */
void
mmx_forecast_model_choose_media (MmxForecastModel *self,
                                 const gboolean   *searched,
                                 guint             n_candidates,
                                 const double     *candidates,
                                 guint            *out_choices)
{
  g_auto(Fit) train = { 0 };
  g_auto(Fit) check = { 0 };
  g_autofree gboolean *train_rows = g_new0 (gboolean, self->n_history + 1);
  g_autofree gboolean *check_rows = g_new0 (gboolean, self->n_history + 1);
  double sigma2;

  g_return_if_fail (n_candidates > 0);

  for (guint j = 0; j < self->n_media; j++)
    if (searched[j])
      {
        out_choices[j] = n_candidates / 2;
        use_candidate (self, j, candidates, n_candidates, out_choices[j]);
      }
  if (!split_history (self, train_rows, check_rows))
    return;

  fit_init (&train, self, train_rows);
  fit_init (&check, self, check_rows);
  sigma2 = estimate_sigma2 (&train);
  for (guint pass = 0; pass < CHOICE_PASSES; pass++)
    for (guint j = 0; j < self->n_media; j++)
      if (searched[j])
        choose_column (&train, &check, train.first_media + j, sigma2, n_candidates,
                       candidates + (gsize) j * n_candidates * self->n_rows, &out_choices[j]);
  for (guint j = 0; j < self->n_media; j++)
    if (searched[j])
      use_candidate (self, j, candidates, n_candidates, out_choices[j]);
}

/* The optimiser's vector: k, m, the positive and the negative parts of
 * the changes of rate (so the Laplace prior is linear and the optimum may
 * sit exactly at no change), the coefficients, log σ (a change of
 * variable without its Jacobian, so the optimum is still the MAP in σ,
 * but one the optimiser reaches without a bound and with a far better
 * conditioned curvature). */
static void
unpack (const Fit    *fit,
        const double *x,
        gsl_vector   *theta)
{
  guint S = fit->n_changepoints;

  gsl_vector_set (theta, 0, x[0]);
  gsl_vector_set (theta, 1, x[1]);
  for (guint j = 0; j < S; j++)
    gsl_vector_set (theta, 2 + j, x[2 + j] - x[2 + S + j]);
  for (guint c = fit->first_column; c < fit->n_linear; c++)
    gsl_vector_set (theta, c, x[c + S]);
}

/* Returns the residual sum of squares from the Gram matrix, so an
 * evaluation costs p², not n·p; leaves -½ ∂rss/∂θ = Dᵀy - Gθ in
 * fit->gradient. */
static double
additive_fit (Fit      *fit,
              gboolean  with_gradient)
{
  double quadratic, linear;

  gsl_blas_dsymv (CblasLower, 1, fit->gram, fit->theta, 0, fit->gradient);
  gsl_blas_ddot (fit->theta, fit->gradient, &quadratic);
  gsl_blas_ddot (fit->theta, fit->moments, &linear);
  if (with_gradient)
    {
      gsl_vector_sub (fit->gradient, fit->moments);
      gsl_vector_scale (fit->gradient, -1);
    }
  return MAX (fit->sum_of_squares - 2 * linear + quadratic, 0);
}

static gsl_matrix_view
design_block (Fit   *fit,
              guint  first,
              guint  end)
{
  return gsl_matrix_submatrix (fit->design, 0, first, fit->n_observed, end - first);
}

static gsl_vector_view
theta_block (Fit   *fit,
             guint  first,
             guint  end)
{
  return gsl_vector_subvector (fit->theta, first, end - first);
}

static gsl_vector_view
gradient_block (Fit   *fit,
                guint  first,
                guint  end)
{
  return gsl_vector_subvector (fit->gradient, first, end - first);
}

/* In multiplicative mode y = g (1 + s) + a, so ∂y/∂θ_g = D_g (1 + s),
 * ∂y/∂β_s = D_s g and ∂y/∂β_a = D_a. Returns the residual sum of squares;
 * leaves -½ ∂rss/∂θ in fit->gradient, and g and s for the Laplace
 * approximation. */
static double
multiplicative_fit (Fit      *fit,
                    gboolean  with_gradient)
{
  guint first = fit->first_column, media = fit->first_media, end = fit->n_linear;
  gsl_matrix_view trend = design_block (fit, 0, first);
  gsl_matrix_view seasonal = design_block (fit, first, media);
  gsl_matrix_view media_block = design_block (fit, media, end);
  gsl_vector_view theta_trend = theta_block (fit, 0, first);
  gsl_vector_view theta_seasonal = theta_block (fit, first, media);
  gsl_vector_view theta_media = theta_block (fit, media, end);
  double rss;

  gsl_blas_dgemv (CblasNoTrans, 1, &trend.matrix, &theta_trend.vector, 0, fit->trend);
  gsl_vector_set_zero (fit->seasonal);
  if (media > first)
    gsl_blas_dgemv (CblasNoTrans, 1, &seasonal.matrix, &theta_seasonal.vector, 0, fit->seasonal);
  gsl_vector_set_zero (fit->media);
  if (end > media)
    gsl_blas_dgemv (CblasNoTrans, 1, &media_block.matrix, &theta_media.vector, 0, fit->media);

  for (guint i = 0; i < fit->n_observed; i++)
    {
      double g = gsl_vector_get (fit->trend, i), s = gsl_vector_get (fit->seasonal, i);

      gsl_vector_set (fit->residual, i, gsl_vector_get (fit->y, i) - g * (1 + s)
                      - gsl_vector_get (fit->media, i));
    }
  gsl_blas_ddot (fit->residual, fit->residual, &rss);
  if (!with_gradient)
    return rss;

  for (guint i = 0; i < fit->n_observed; i++)
    gsl_vector_set (fit->weighted, i, gsl_vector_get (fit->residual, i)
                    * (1 + gsl_vector_get (fit->seasonal, i)));
  {
    gsl_vector_view gradient_trend = gradient_block (fit, 0, first);

    gsl_blas_dgemv (CblasTrans, 1, &trend.matrix, fit->weighted, 0, &gradient_trend.vector);
  }
  if (media > first)
    {
      gsl_vector_view gradient_seasonal = gradient_block (fit, first, media);

      gsl_vector_memcpy (fit->weighted, fit->residual);
      gsl_vector_mul (fit->weighted, fit->trend);
      gsl_blas_dgemv (CblasTrans, 1, &seasonal.matrix, fit->weighted, 0,
                      &gradient_seasonal.vector);
    }
  if (end > media)
    {
      gsl_vector_view gradient_media = gradient_block (fit, media, end);

      gsl_blas_dgemv (CblasTrans, 1, &media_block.matrix, fit->residual, 0,
                      &gradient_media.vector);
    }
  return rss;
}

/* The negative log posterior and its gradient, for NLopt. */
static double
posterior_cb (unsigned      n,
              const double *x,
              double       *grad,
              void         *data)
{
  Fit *fit = data;
  guint S = fit->n_changepoints;
  double tau = fit->model->changepoint_prior_scale;
  double sigma = exp (x[n - 1]), sigma2 = sigma * sigma;
  double rss, value;

  fit->n_evaluations++;
  unpack (fit, x, fit->theta);
  /* Both leave -∂(rss/2)/∂θ in fit->gradient. */
  if (fit->model->mode == MMX_FORECAST_MODE_MULTIPLICATIVE)
    rss = multiplicative_fit (fit, grad != NULL);
  else
    rss = additive_fit (fit, grad != NULL);

  value = rss / (2 * sigma2) + fit->n_observed * log (sigma)
          + sigma2 / (2 * SIGMA_PRIOR_SCALE * SIGMA_PRIOR_SCALE);
  for (guint i = 0; i < fit->n_linear; i++)
    {
      double offset;

      if (i >= 2 && i < 2 + S)
        continue;
      offset = gsl_vector_get (fit->theta, i) - fit->prior_mean[i];
      value += 0.5 * fit->prior_precision[i] * offset * offset;
    }
  for (guint j = 0; j < 2 * S; j++)
    value += x[2 + j] / tau;

  if (grad == NULL)
    return value;

  for (guint i = 0; i < fit->n_linear; i++)
    {
      double g = -gsl_vector_get (fit->gradient, i) / sigma2;

      if (i >= 2 && i < 2 + S)
        {
          grad[i] = g + 1 / tau;
          grad[i + S] = -g + 1 / tau;
          continue;
        }
      g += fit->prior_precision[i] * (gsl_vector_get (fit->theta, i) - fit->prior_mean[i]);
      grad[i < 2 ? i : i + S] = g;
    }
  /* ∂/∂log σ = σ ∂/∂σ. */
  grad[n - 1] = -rss / sigma2 + fit->n_observed + sigma2 / (SIGMA_PRIOR_SCALE * SIGMA_PRIOR_SCALE);
  return value;
}

/* A start near the optimum: the ridge fit of the additive model, with the
 * seasonal coefficients made relative to the trend in multiplicative mode. */
static void
start_point (Fit    *fit,
             double *x,
             double *lower)
{
  const MmxForecastModel *model = fit->model;
  guint S = fit->n_changepoints, n = fit->n_linear + S + 1;
  double sigma2 = estimate_sigma2 (fit);
  double scale = 1;

  solve_ridge (fit, sigma2);
  if (model->mode == MMX_FORECAST_MODE_MULTIPLICATIVE)
    {
      double level = 0;

      for (guint i = 0; i < fit->n_observed; i++)
        {
          double g = gsl_vector_get (fit->theta, 0) * gsl_matrix_get (fit->design, i, 0)
                     + gsl_vector_get (fit->theta, 1);

          for (guint j = 0; j < S; j++)
            g += gsl_vector_get (fit->theta, 2 + j) * gsl_matrix_get (fit->design, i, 2 + j);
          level += g / fit->n_observed;
        }
      scale = level > 1e-6 ? 1 / level : 0;
    }

  for (guint i = 0; i < n; i++)
    lower[i] = -HUGE_VAL;
  x[0] = gsl_vector_get (fit->theta, 0);
  x[1] = gsl_vector_get (fit->theta, 1);
  for (guint j = 0; j < S; j++)
    {
      double delta = gsl_vector_get (fit->theta, 2 + j);

      x[2 + j] = MAX (delta, 0);
      x[2 + S + j] = MAX (-delta, 0);
      lower[2 + j] = lower[2 + S + j] = 0;
    }
  for (guint c = fit->first_column; c < fit->n_linear; c++)
    {
      double beta = gsl_vector_get (fit->theta, c);

      if (c >= fit->first_media)
        {
          lower[c + S] = 0;
          x[c + S] = MAX (beta, 0);
        }
      else
        x[c + S] = beta * scale;
    }
  x[n - 1] = log (MAX (sqrt (sigma2), 1e-3));
}

/* The inverse of H = JᵀJ/σ² + P, the posterior's curvature at the
 * optimum, in @hessian. */
static gboolean
invert_curvature (Fit              *fit,
                  const gsl_matrix *jacobian,
                  double            sigma,
                  gsl_matrix       *hessian)
{
  gsl_blas_dsyrk (CblasLower, CblasTrans, 1 / (sigma * sigma), jacobian, 0, hessian);
  for (guint i = 0; i < fit->n_linear; i++)
    *gsl_matrix_ptr (hessian, i, i) += fit->prior_precision[i];
  return cholesky_robust (hessian) && gsl_linalg_cholesky_invert (hessian) == GSL_SUCCESS;
}

/* Sets the noise of new periods and the posterior covariance of θ, by
 * the Laplace approximation, for the simulation to draw parameters from:
 * the bands then carry the doubt about the fit, not only the noise. The
 * fitted σ is that of the history, which the fit's p_eff = p - tr(H⁻¹P)
 * effective parameters followed: new periods see σ²·n / (n - p_eff). */
static void
set_covariance (Fit              *fit,
                MmxForecastModel *model)
{
  guint p = fit->n_linear;
  g_autoptr(gsl_matrix) jacobian = gsl_matrix_alloc (fit->n_observed, p);
  g_autoptr(gsl_matrix) hessian = gsl_matrix_alloc (p, p);
  double effective = p;

  memset (model->cholesky, 0, sizeof (double) * p * p);
  gsl_matrix_memcpy (jacobian, fit->design);
  if (model->mode == MMX_FORECAST_MODE_MULTIPLICATIVE)
    for (guint i = 0; i < fit->n_observed; i++)
      {
        double g = gsl_vector_get (fit->trend, i), s = gsl_vector_get (fit->seasonal, i);

        for (guint c = 0; c < fit->first_column; c++)
          *gsl_matrix_ptr (jacobian, i, c) *= 1 + s;
        for (guint c = fit->first_column; c < fit->first_media; c++)
          *gsl_matrix_ptr (jacobian, i, c) *= g;
      }

  if (!invert_curvature (fit, jacobian, model->sigma, hessian))
    {
      g_debug ("the posterior's curvature cannot be inverted: no parameter uncertainty");
      return;
    }
  for (guint i = 0; i < p; i++)
    effective -= gsl_matrix_get (hessian, i, i) * fit->prior_precision[i];
  if (effective > 0 && effective < fit->n_observed - 1)
    model->sigma *= sqrt (fit->n_observed / (fit->n_observed - effective));
  g_debug ("%.1f effective parameters, predictive sigma %g", effective, model->sigma);

  if (!invert_curvature (fit, jacobian, model->sigma, hessian) || !cholesky_robust (hessian))
    return;
  for (guint i = 0; i < p; i++)
    for (guint j = 0; j <= i; j++)
      model->cholesky[i * p + j] = gsl_matrix_get (hessian, i, j);
}

/**
 * mmx_forecast_model_fit:
 * @self: a model with all inputs set and its changepoints placed
 * @error: a location for a #GError
 *
 * Finds the maximum a posteriori with NLopt's L-BFGS and the analytic
 * gradient, from the ridge fit of the additive model.
 *
 * Returns: %FALSE with a %MMX_MODEL_ERROR_FAILED error when the optimiser
 *   failed
 */
gboolean
mmx_forecast_model_fit (MmxForecastModel  *self,
                        GError           **error)
{
  g_auto(Fit) fit = { 0 };
  g_autofree double *x = NULL;
  g_autofree double *lower = NULL;
  nlopt_opt optimizer;
  nlopt_result result;
  double value = HUGE_VAL;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);

  fit_init (&fit, self, self->observed);
  n = fit.n_linear + fit.n_changepoints + 1;
  x = g_new (double, n);
  lower = g_new (double, n);
  start_point (&fit, x, lower);

  optimizer = nlopt_create (NLOPT_LD_LBFGS, n);
  nlopt_set_min_objective (optimizer, posterior_cb, &fit);
  nlopt_set_lower_bounds (optimizer, lower);
  nlopt_set_ftol_rel (optimizer, RELATIVE_TOLERANCE);
  nlopt_set_maxeval (optimizer, MAX_EVALUATIONS);
  /* A failed line search leaves the best point so far; starting again
   * from it, with a fresh memory of curvature, nearly always finishes. */
  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      result = nlopt_optimize (optimizer, x, &value);
      if (result != NLOPT_FAILURE || !isfinite (value))
        break;
      g_debug ("the optimiser failed after %u evaluations; starting again from its best point",
               fit.n_evaluations);
    }
  nlopt_destroy (optimizer);

  /* Round-off stops it at the optimum's precision, which is a result. */
  if ((result < 0 && result != NLOPT_ROUNDOFF_LIMITED) || !isfinite (value))
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_FAILED,
                   _("The forecast could not be fitted to this history (the optimiser stopped "
                     "with code %d). Check the revenue for values far off the others."),
                   (int) result);
      return FALSE;
    }

  unpack (&fit, x, fit.theta);
  for (guint i = 0; i < self->n_parameters; i++)
    self->theta[i] = gsl_vector_get (fit.theta, i);
  self->sigma = exp (x[n - 1]);
  self->n_evaluations = fit.n_evaluations;
  g_debug ("fitted %u periods, %u columns in %u evaluations (NLopt %d): k %g, m %g, sigma %g",
           fit.n_observed, fit.n_linear, fit.n_evaluations, (int) result, self->theta[0],
           self->theta[1], self->sigma);

  if (self->mode == MMX_FORECAST_MODE_MULTIPLICATIVE)
    multiplicative_fit (&fit, FALSE);
  set_covariance (&fit, self);
  return TRUE;
}

/**
 * mmx_forecast_model_get_trend:
 * @self: a fitted model
 * @theta: parameters: @self's own, or a draw
 * @t: a time, 1 being the end of the history
 *
 * Returns: the trend there, on the fit's scale
 */
double
mmx_forecast_model_get_trend (const MmxForecastModel *self,
                              const double           *theta,
                              double                  t)
{
  const double *delta = theta + 2;
  double trend = theta[0] * t + theta[1];

  for (guint j = 0; j < self->n_changepoints; j++)
    if (t > self->changepoints[j])
      trend += delta[j] * (t - self->changepoints[j]);
  return trend;
}

/**
 * mmx_forecast_model_draw:
 * @self: a fitted model
 * @random: the sample's generator
 * @theta: (out caller-allocates): @n_parameters: parameters drawn from
 *   their posterior, media coefficients at least 0
 */
void
mmx_forecast_model_draw (const MmxForecastModel *self,
                         MmxRandom              *random,
                         double                 *theta)
{
  guint p = self->n_parameters, first_media = p - self->n_media;
  g_autofree double *z = g_new (double, p);

  for (guint i = 0; i < p; i++)
    z[i] = mmx_random_normal (random);
  for (guint i = 0; i < p; i++)
    {
      const double *row = self->cholesky + (gsize) i * p;
      double value = self->theta[i];

      for (guint j = 0; j <= i; j++)
        value += row[j] * z[j];
      /* Spend never lowers revenue in the model; a channel the fit holds
       * at no effect, where the Gaussian approximation does not hold,
       * stays there rather than drawing only gains. */
      if (i >= first_media)
        value = self->theta[i] > 0 ? MAX (value, 0) : 0;
      theta[i] = value;
    }
}

/**
 * mmx_forecast_model_get_term:
 * @self: a fitted model
 * @theta: parameters: @self's own, or a draw
 * @row: a period
 * @term: a kind of column
 *
 * Returns: the sum of the term's columns times their coefficients at
 *   @row: relative to the trend for seasonality and events in
 *   multiplicative mode, else on the fit's scale
 */
double
mmx_forecast_model_get_term (const MmxForecastModel *self,
                             const double           *theta,
                             guint                   row,
                             MmxForecastTerm         term)
{
  const double *values = self->columns + (gsize) row * self->n_columns;
  const double *beta = theta + 2 + self->n_changepoints;
  double sum = 0;

  for (guint c = 0; c < self->n_columns; c++)
    if (self->terms[c] == term)
      sum += values[c] * beta[c];
  return sum;
}

/**
 * mmx_forecast_model_get_seasonal:
 * @self: a fitted model
 * @theta: parameters: @self's own, or a draw
 * @row: a period
 *
 * Returns: all that is not trend nor media at @row: seasonality and
 *   events, as mmx_forecast_model_get_term() gives them
 */
double
mmx_forecast_model_get_seasonal (const MmxForecastModel *self,
                                 const double           *theta,
                                 guint                   row)
{
  const double *values = self->columns + (gsize) row * self->n_columns;
  const double *beta = theta + 2 + self->n_changepoints;
  double sum = 0;

  for (guint c = 0; c < self->n_columns - self->n_media; c++)
    sum += values[c] * beta[c];
  return sum;
}

/* Knuth's count of uniforms whose product stays above e^-mean, in parts
 * small enough for e^-mean to stay far from underflow. */
static guint
random_poisson (MmxRandom *random,
                double     mean)
{
  guint count = 0;

  while (mean > 0)
    {
      double part = MIN (mean, 30), limit = exp (-part), product = mmx_random_double (random);

      for (; product > limit; count++)
        product *= mmx_random_double (random);
      mean -= part;
    }
  return count;
}

/* By inversion, from a uniform strictly inside (-½, ½). */
static double
random_laplace (MmxRandom *random,
                double     scale)
{
  double u = ((mmx_random_next (random) >> 11) + 0.5) * 0x1.0p-53 - 0.5;

  return u < 0 ? scale * log (1 + 2 * u) : -scale * log (1 - 2 * u);
}

/**
 * mmx_forecast_model_sample_trend_change:
 * @self: a fitted model
 * @random: the sample's generator
 * @first_row: the first period of the horizon
 * @changes: (out caller-allocates): n_rows - @first_row: how the sampled
 *   future trend differs from the fitted one, on the fit's scale
 *
 * Draws the future's changes of rate as Prophet does: as frequent as the
 * history's changepoints, Laplace-distributed with the mean size of the
 * fitted changes, at uniform times.
 */
void
mmx_forecast_model_sample_trend_change (const MmxForecastModel *self,
                                        MmxRandom              *random,
                                        guint                   first_row,
                                        double                 *changes)
{
  guint n = self->n_rows - first_row;
  double end = self->t[self->n_rows - 1];
  double scale = 1e-8;
  guint n_changes;

  memset (changes, 0, sizeof (double) * n);
  if (n == 0 || end <= 1 || self->n_changepoints == 0)
    return;

  for (guint j = 0; j < self->n_changepoints; j++)
    scale += fabs (self->delta[j]) / self->n_changepoints;
  n_changes = random_poisson (random, self->n_changepoints * (end - 1));
  for (guint c = 0; c < n_changes; c++)
    {
      double at = 1 + mmx_random_double (random) * (end - 1);
      double delta = random_laplace (random, scale);

      for (guint i = 0; i < n; i++)
        {
          double t = self->t[first_row + i];

          if (t > at)
            changes[i] += delta * (t - at);
        }
    }
}
