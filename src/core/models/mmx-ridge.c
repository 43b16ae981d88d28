/* mmx-ridge.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-ridge"

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

#include "mmx-gsl.h"
#include "mmx-ridge.h"

/* Lawson and Hanson's bound on the outer iterations is 3 × size. */
#define MAX_ITERATIONS_PER_COEFFICIENT 3

struct _MmxRidge
{
  guint        p;
  double      *system;        /* G + diag λ, p × p */
  gboolean    *non_negative;
  gboolean    *free;          /* the active set: coefficients not held at 0 */
  /* The Cholesky factor of the system restricted to the free set it was
   * made for, so the next solve on the same set reuses it. */
  gsl_matrix  *factor;
  guint       *factor_index;
  guint        factor_size;
  gboolean     factor_valid;
  gboolean    *factor_set;
  double      *scratch;
};

MmxRidge *
mmx_ridge_new (guint n_coefficients)
{
  MmxRidge *self = g_new0 (MmxRidge, 1);

  g_return_val_if_fail (n_coefficients > 0, NULL);

  mmx_gsl_report_errors ();
  self->p = n_coefficients;
  self->system = g_new0 (double, (gsize) n_coefficients * n_coefficients);
  self->non_negative = g_new0 (gboolean, n_coefficients);
  self->free = g_new (gboolean, n_coefficients);
  for (guint j = 0; j < n_coefficients; j++)
    self->free[j] = TRUE;
  self->factor = gsl_matrix_alloc (n_coefficients, n_coefficients);
  self->factor_index = g_new0 (guint, n_coefficients);
  self->factor_set = g_new0 (gboolean, n_coefficients);
  self->scratch = g_new0 (double, 3 * (gsize) n_coefficients);
  return self;
}

void
mmx_ridge_free (MmxRidge *self)
{
  if (self == NULL)
    return;
  g_free (self->system);
  g_free (self->non_negative);
  g_free (self->free);
  gsl_matrix_free (self->factor);
  g_free (self->factor_index);
  g_free (self->factor_set);
  g_free (self->scratch);
  g_free (self);
}

guint
mmx_ridge_get_size (MmxRidge *self)
{
  return self->p;
}

/**
 * mmx_ridge_set_system:
 * @self: a solver
 * @gram: (array): X'X, p × p, row-major
 * @penalty: (array) (nullable): λ per coefficient, 0 for none
 *
 * Sets the problem; the free set of the last solve is kept as the first
 * guess of the next.
 */
void
mmx_ridge_set_system (MmxRidge     *self,
                      const double *gram,
                      const double *penalty)
{
  guint p = self->p;

  memcpy (self->system, gram, sizeof (double) * p * p);
  if (penalty != NULL)
    for (guint j = 0; j < p; j++)
      self->system[j * p + j] += penalty[j];
  self->factor_valid = FALSE;
}

void
mmx_ridge_set_non_negative (MmxRidge *self,
                            guint     index,
                            gboolean  non_negative)
{
  g_return_if_fail (index < self->p);

  self->non_negative[index] = non_negative;
  self->free[index] = TRUE;
  self->factor_valid = FALSE;
}

static gboolean
factor_matches (MmxRidge       *self,
                const gboolean *set)
{
  return self->factor_valid && memcmp (self->factor_set, set, sizeof (gboolean) * self->p) == 0;
}

/* Solves the system restricted to @set with the other coefficients at 0,
 * writing a full-length solution. */
static gboolean
solve_on_set (MmxRidge       *self,
              const gboolean *set,
              const double   *cross,
              double         *out)
{
  guint p = self->p;
  guint m = 0;
  gsl_vector_view rhs;

  if (!factor_matches (self, set))
    {
      gsl_matrix_view block;

      for (guint j = 0; j < p; j++)
        if (set[j])
          self->factor_index[m++] = j;
      self->factor_size = m;
      memcpy (self->factor_set, set, sizeof (gboolean) * p);
      self->factor_valid = FALSE;
      if (m == 0)
        {
          memset (out, 0, sizeof (double) * p);
          self->factor_valid = TRUE;
          return TRUE;
        }
      block = gsl_matrix_submatrix (self->factor, 0, 0, m, m);
      for (guint a = 0; a < m; a++)
        for (guint b = 0; b < m; b++)
          gsl_matrix_set (&block.matrix, a, b,
                          self->system[self->factor_index[a] * p + self->factor_index[b]]);
      if (gsl_linalg_cholesky_decomp1 (&block.matrix) != GSL_SUCCESS)
        return FALSE;
      self->factor_valid = TRUE;
    }

  m = self->factor_size;
  memset (out, 0, sizeof (double) * p);
  if (m == 0)
    return TRUE;
  for (guint a = 0; a < m; a++)
    self->scratch[a] = cross[self->factor_index[a]];
  rhs = gsl_vector_view_array (self->scratch, m);
  {
    gsl_matrix_view block = gsl_matrix_submatrix (self->factor, 0, 0, m, m);

    if (gsl_linalg_cholesky_svx (&block.matrix, &rhs.vector) != GSL_SUCCESS)
      return FALSE;
  }
  for (guint a = 0; a < m; a++)
    out[self->factor_index[a]] = self->scratch[a];
  return TRUE;
}

static double
gradient_at (MmxRidge     *self,
             const double *cross,
             const double *beta,
             guint         j)
{
  const double *row = self->system + (gsize) j * self->p;
  double g = cross[j];

  for (guint k = 0; k < self->p; k++)
    g -= row[k] * beta[k];
  return g;
}

/* Whether the free set's solution is feasible, and then optimal: no
 * coefficient held at 0 would improve the fit by moving up. */
static gboolean
is_optimal (MmxRidge     *self,
            const double *cross,
            const double *beta,
            double        tolerance)
{
  for (guint j = 0; j < self->p; j++)
    {
      if (!self->non_negative[j])
        continue;
      if (self->free[j] && beta[j] < 0)
        return FALSE;
      if (!self->free[j] && gradient_at (self, cross, beta, j) > tolerance)
        return FALSE;
    }
  return TRUE;
}

static double
scale_of (MmxRidge     *self,
          const double *cross)
{
  double scale = 0;

  for (guint j = 0; j < self->p; j++)
    scale = MAX (scale, fabs (cross[j]));
  return scale;
}

/* Lawson–Hanson from the feasible point with every constrained
 * coefficient at 0. */
static gboolean
solve_cold (MmxRidge     *self,
            const double *cross,
            double       *beta,
            double        tolerance)
{
  guint p = self->p;
  double *trial = self->scratch + p;
  guint iterations = 0;

  for (guint j = 0; j < p; j++)
    self->free[j] = !self->non_negative[j];
  if (!solve_on_set (self, self->free, cross, beta))
    return FALSE;

  while (iterations++ < MAX_ITERATIONS_PER_COEFFICIENT * p + 1)
    {
      guint best = p;
      double best_gradient = tolerance;

      for (guint j = 0; j < p; j++)
        if (self->non_negative[j] && !self->free[j])
          {
            double g = gradient_at (self, cross, beta, j);

            if (g > best_gradient)
              {
                best = j;
                best_gradient = g;
              }
          }
      if (best == p)
        return TRUE;
      self->free[best] = TRUE;

      /* Step towards the new free set's solution, as far as every
       * coefficient stays non-negative. */
      for (;;)
        {
          double step = 1;
          guint blocking = p;

          if (!solve_on_set (self, self->free, cross, trial))
            return FALSE;
          for (guint j = 0; j < p; j++)
            if (self->non_negative[j] && self->free[j] && trial[j] <= 0)
              {
                double fall = beta[j] - trial[j];
                double to_zero = fall > 0 ? beta[j] / fall : 0;

                if (to_zero < step)
                  {
                    step = to_zero;
                    blocking = j;
                  }
              }
          if (blocking == p)
            {
              memcpy (beta, trial, sizeof (double) * p);
              break;
            }
          for (guint j = 0; j < p; j++)
            {
              beta[j] += step * (trial[j] - beta[j]);
              if (self->non_negative[j] && self->free[j] && (j == blocking || beta[j] <= 0))
                {
                  beta[j] = 0;
                  self->free[j] = FALSE;
                }
            }
          if (iterations++ >= MAX_ITERATIONS_PER_COEFFICIENT * p + 1)
            break;
        }
    }
  /* Rounding can make the active set cycle; beta is feasible and as good
   * as the rounding allows. */
  g_debug ("Stopped the active set after %u iterations", iterations);
  return TRUE;
}

/**
 * mmx_ridge_solve:
 * @self: a solver with its system set
 * @cross: (array): X'y
 * @out_coefficients: (out caller-allocates) (array): β
 *
 * First tries the free set of the last solve, whose factorisation is
 * kept: a bootstrap replicate rarely changes which coefficients are 0.
 *
 * Returns: %FALSE when the system is singular (a penalty of 0 on
 *   collinear columns)
 */
gboolean
mmx_ridge_solve (MmxRidge     *self,
                 const double *cross,
                 double       *out_coefficients)
{
  double tolerance = 1e-10 * MAX (scale_of (self, cross), 1e-300);

  g_return_val_if_fail (self != NULL, FALSE);

  if (solve_on_set (self, self->free, cross, out_coefficients)
      && is_optimal (self, cross, out_coefficients, tolerance))
    {
      for (guint j = 0; j < self->p; j++)
        if (self->non_negative[j] && !self->free[j])
          out_coefficients[j] = 0;
      return TRUE;
    }
  return solve_cold (self, cross, out_coefficients, tolerance);
}

/**
 * mmx_ridge_solve_unconstrained:
 * @self: a solver with its system set
 * @cross: (array): X'y
 * @out_coefficients: (out caller-allocates) (array): β
 *
 * The same problem with no coefficient held non-negative, to tell the
 * user what the data wanted where the model holds a channel at 0. The
 * free set of constrained solves is left as it was.
 *
 * Returns: %FALSE when the system is singular
 */
gboolean
mmx_ridge_solve_unconstrained (MmxRidge     *self,
                               const double *cross,
                               double       *out_coefficients)
{
  g_autofree gboolean *all = g_new (gboolean, self->p);

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint j = 0; j < self->p; j++)
    all[j] = TRUE;
  return solve_on_set (self, all, cross, out_coefficients);
}
