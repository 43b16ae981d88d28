/* test-ridge.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-ridge.h"

#define N_ROWS 60

typedef struct
{
  guint   p;
  double *gram;
  double *cross;
  double *penalty;
} Problem;

static void
problem_clear (Problem *problem)
{
  g_free (problem->gram);
  g_free (problem->cross);
  g_free (problem->penalty);
}

/* A regression whose true coefficients alternate in sign, so the
 * non-negative ones are pushed against their bound. */
static Problem
make_problem (GRand *rand,
              guint  p)
{
  Problem problem = { p, g_new0 (double, p * p), g_new0 (double, p), g_new0 (double, p) };
  double x[N_ROWS][8];

  g_assert_cmpuint (p, <=, 8);
  for (guint i = 0; i < N_ROWS; i++)
    {
      double y = g_rand_double_range (rand, -1, 1);

      for (guint j = 0; j < p; j++)
        {
          x[i][j] = g_rand_double_range (rand, -1, 1) + (j > 0 ? 0.5 * x[i][j - 1] : 0);
          y += (j % 2 ? -1.0 : 1.0) * (j + 1) * x[i][j];
        }
      for (guint a = 0; a < p; a++)
        {
          problem.cross[a] += x[i][a] * y;
          for (guint b = 0; b < p; b++)
            problem.gram[a * p + b] += x[i][a] * x[i][b];
        }
    }
  for (guint j = 0; j < p; j++)
    problem.penalty[j] = j == 0 ? 0 : g_rand_double_range (rand, 0, 5);
  return problem;
}

static double
objective (const Problem *problem,
           const double  *beta)
{
  double value = 0;

  for (guint a = 0; a < problem->p; a++)
    {
      value += (problem->gram[a * problem->p + a] + problem->penalty[a]) * beta[a] * beta[a]
               - 2 * problem->cross[a] * beta[a];
      for (guint b = 0; b < problem->p; b++)
        if (b != a)
          value += problem->gram[a * problem->p + b] * beta[a] * beta[b];
    }
  return value;
}

/* The best feasible point over every choice of coefficients held at 0. */
static double
brute_force (const Problem *problem,
             guint          constrained_mask)
{
  double best = INFINITY;

  for (guint zeros = 0; zeros < (1u << problem->p); zeros++)
    {
      g_autoptr(MmxRidge) ridge = NULL;
      g_autofree double *gram = NULL;
      double beta[8];
      gboolean feasible = TRUE;

      if ((zeros & ~constrained_mask) != 0)
        continue;
      /* Hold a coefficient at 0 by pinning it with a huge penalty. */
      gram = g_memdup2 (problem->gram, sizeof (double) * problem->p * problem->p);
      ridge = mmx_ridge_new (problem->p);
      for (guint j = 0; j < problem->p; j++)
        if (zeros & (1u << j))
          gram[j * problem->p + j] += 1e12;
      mmx_ridge_set_system (ridge, gram, problem->penalty);
      g_assert_true (mmx_ridge_solve_unconstrained (ridge, problem->cross, beta));
      for (guint j = 0; j < problem->p; j++)
        if ((constrained_mask & (1u << j)) && beta[j] < -1e-9)
          feasible = FALSE;
      if (feasible)
        best = MIN (best, objective (problem, beta));
    }
  return best;
}

static void
test_against_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 40; round++)
    {
      guint p = 2 + round % 7;
      Problem problem = make_problem (rand, p);
      guint mask = g_rand_int (rand) & ((1u << p) - 1) & ~1u;
      g_autoptr(MmxRidge) ridge = mmx_ridge_new (p);
      double beta[8];
      double expected = brute_force (&problem, mask);

      mmx_ridge_set_system (ridge, problem.gram, problem.penalty);
      for (guint j = 0; j < p; j++)
        mmx_ridge_set_non_negative (ridge, j, (mask & (1u << j)) != 0);
      g_assert_true (mmx_ridge_solve (ridge, problem.cross, beta));
      for (guint j = 0; j < p; j++)
        if (mask & (1u << j))
          g_assert_cmpfloat (beta[j], >=, 0);
      g_assert_cmpfloat_with_epsilon (objective (&problem, beta), expected,
                                      1e-7 * MAX (fabs (expected), 1));

      /* Solving again reuses the factorisation and gives the same. */
      {
        double again[8];

        g_assert_true (mmx_ridge_solve (ridge, problem.cross, again));
        for (guint j = 0; j < p; j++)
          g_assert_cmpfloat (again[j], ==, beta[j]);
      }
      problem_clear (&problem);
    }
}

/* Without penalties and constraints it is ordinary least squares. */
static void
test_least_squares (void)
{
  /* y = 1 + 2x on x = 0, 1, 2: G = [[3, 3], [3, 5]], c = [9, 13]. */
  const double gram[] = { 3, 3, 3, 5 };
  const double cross[] = { 9, 13 };
  g_autoptr(MmxRidge) ridge = mmx_ridge_new (2);
  double beta[2];

  mmx_ridge_set_system (ridge, gram, NULL);
  g_assert_true (mmx_ridge_solve (ridge, cross, beta));
  g_assert_cmpfloat_with_epsilon (beta[0], 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (beta[1], 2, 1e-12);

  /* y = 7 - 3x, its slope held at 0, leaves the mean in the intercept. */
  {
    const double falling[] = { 12, 6 };

    mmx_ridge_set_non_negative (ridge, 1, TRUE);
    g_assert_true (mmx_ridge_solve (ridge, falling, beta));
    g_assert_cmpfloat (beta[1], ==, 0);
    g_assert_cmpfloat_with_epsilon (beta[0], 4, 1e-12);
    g_assert_true (mmx_ridge_solve_unconstrained (ridge, falling, beta));
    g_assert_cmpfloat_with_epsilon (beta[1], -3, 1e-12);
  }
}

static void
test_singular (void)
{
  const double gram[] = { 1, 1, 1, 1 };
  const double cross[] = { 1, 1 };
  const double penalty[] = { 0, 1 };
  g_autoptr(MmxRidge) ridge = mmx_ridge_new (2);
  double beta[2];

  mmx_ridge_set_system (ridge, gram, NULL);
  g_assert_false (mmx_ridge_solve_unconstrained (ridge, cross, beta));
  /* A penalty makes it solvable. */
  mmx_ridge_set_system (ridge, gram, penalty);
  g_assert_true (mmx_ridge_solve (ridge, cross, beta));
  g_assert_cmpfloat_with_epsilon (beta[0], 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (beta[1], 0, 1e-12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/models/ridge/against-brute-force", test_against_brute_force);
  g_test_add_func ("/mmx/models/ridge/least-squares", test_least_squares);
  g_test_add_func ("/mmx/models/ridge/singular", test_singular);

  return g_test_run ();
}
