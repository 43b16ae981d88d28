/* test-allocator.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mmx-allocator.h"
#include "mmx-parallel.h"
#include "mmx-test-mmm-data.h"

/* The best split of a budget over steady-state response curves, checked
 * against what it must be: a brute-force search on a fine grid (2 and 3
 * channels, S-shaped curves included: the same optimum within 0.1 %), the
 * closed form for concave curves (1e-6), clipped to limits where they bind
 * (1e-5), and the limits. */

/* The brute force's grid is refined around its best point this often. */
#define GRID_ROUNDS 4

static MmxResponse
make_response (double decay,
               double half,
               double shape,
               double beta)
{
  return (MmxResponse) { { MMX_ADSTOCK_GEOMETRIC, decay }, { half, shape }, beta };
}

/* Curves like those of /work/shared/bench/gen_data.py, many of them
 * S-shaped, with or without limits of half to twice today's spend, and a
 * budget from a third to twice today's. */
static void
random_problem (GRand       *rand,
                guint        n,
                gboolean     bounded,
                MmxResponse *responses,
                double      *current,
                double      *lower,
                double      *upper,
                double      *out_budget)
{
  double budget = 0;

  mmx_test_mmm_random_curves (rand, n, responses, current);
  for (guint k = 0; k < n; k++)
    {
      lower[k] = bounded ? 0.5 * current[k] : 0;
      upper[k] = bounded ? 2 * current[k] : INFINITY;
      budget += current[k];
    }
  budget *= g_rand_double_range (rand, 0.3, 2.0);
  if (bounded)
    {
      double min = 0, max = 0;

      for (guint k = 0; k < n; k++)
        {
          min += lower[k];
          max += upper[k];
        }
      budget = CLAMP (budget, min, max);
    }
  *out_budget = budget;
}

static double
revenue (const MmxResponse *responses,
         const double      *x,
         guint              n)
{
  double total = 0;

  for (guint k = 0; k < n; k++)
    total += mmx_response_steady_state (&responses[k], x[k]);
  return total;
}

/* Every split of a 2- or 3-channel budget on a grid of @steps per axis,
 * refined around the best one; the last channel takes what is left. */
static double
brute_force (const MmxResponse *responses,
             const double      *lower,
             const double      *upper,
             guint              n,
             double             budget,
             guint              steps)
{
  double lo[2], hi[2], best_x[3] = { 0 };
  double best = -INFINITY;

  g_assert_true (n == 2 || n == 3);
  for (guint d = 0; d < n - 1; d++)
    {
      lo[d] = lower[d];
      hi[d] = MIN (upper[d], budget);
    }
  for (guint round = 0; round < GRID_ROUNDS; round++)
    {
      double step[2];

      for (guint d = 0; d < n - 1; d++)
        step[d] = (hi[d] - lo[d]) / steps;
      for (guint i = 0; i <= steps; i++)
        for (guint j = 0; j <= (n == 3 ? steps : 0); j++)
          {
            double x[3];
            double value;

            x[0] = lo[0] + i * step[0];
            x[1] = n == 3 ? lo[1] + j * step[1] : budget - x[0];
            x[2] = n == 3 ? budget - x[0] - x[1] : 0;
            if (x[n - 1] < lower[n - 1] - 1e-9 || x[n - 1] > upper[n - 1] + 1e-9
                || (n == 3 && x[1] > upper[1] + 1e-9))
              continue;
            value = revenue (responses, x, n);
            if (value > best)
              {
                best = value;
                memcpy (best_x, x, sizeof best_x);
              }
          }
      for (guint d = 0; d < n - 1; d++)
        {
          lo[d] = MAX (lower[d], best_x[d] - 4 * step[d]);
          hi[d] = MIN (MIN (upper[d], budget), best_x[d] + 4 * step[d]);
        }
    }
  return best;
}

static void
check_feasible (const MmxAllocation *allocation,
                const double        *lower,
                const double        *upper,
                guint                n,
                double               budget)
{
  double total = 0;

  for (guint k = 0; k < n; k++)
    {
      g_assert_cmpfloat (allocation->spend[k], >=, lower[k]);
      g_assert_cmpfloat (allocation->spend[k], <=, upper[k]);
      total += allocation->spend[k];
    }
  g_assert_cmpfloat_with_epsilon (total, budget, 1e-9 * MAX (budget, 1));
}

static void
check_against_brute_force (guint    n,
                           gboolean bounded,
                           guint    n_problems,
                           guint    steps)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n * 100 + bounded);

  for (guint p = 0; p < n_problems; p++)
    {
      MmxResponse responses[3];
      double current[3], lower[3], upper[3], budget, brute;
      g_autoptr(MmxAllocator) allocator = NULL;
      MmxAllocation allocation;

      random_problem (rand, n, bounded, responses, current, lower, upper, &budget);
      allocator = mmx_allocator_new (n, responses, lower, upper);
      mmx_allocation_init (&allocation, n);
      mmx_allocator_solve (allocator, budget, current, NULL, &allocation);

      check_feasible (&allocation, lower, upper, n, budget);
      brute = brute_force (responses, lower, upper, n, budget, steps);
      g_assert_cmpfloat_with_epsilon (allocation.value, revenue (responses, allocation.spend, n),
                                      1e-9 * allocation.value);
      /* Never worse than the grid, beyond rounding; better only by what
       * the grid cannot resolve. */
      g_assert_cmpfloat (allocation.value, >=, brute * (1 - 1e-9));
      g_assert_cmpfloat (allocation.value, <=, brute * (1 + 1e-3));
      g_assert_true (allocation.verified);
      mmx_allocation_clear (&allocation);
    }
}

static void
test_brute_force_two (void)
{
  check_against_brute_force (2, FALSE, 40, 20000);
  check_against_brute_force (2, TRUE, 20, 20000);
}

static void
test_brute_force_three (void)
{
  check_against_brute_force (3, FALSE, 25, 400);
  check_against_brute_force (3, TRUE, 10, 400);
}

/* With more channels a grid is out of reach; a hundred random starts more
 * stand in for it. S-shaped curves make channels worth switching off or on
 * altogether, which local steps alone cannot do. */
static void
test_many_channels (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint p = 0; p < 40; p++)
    {
      MmxResponse responses[8];
      double current[8], lower[8], upper[8], budget;
      g_autoptr(MmxAllocator) allocator = NULL;
      g_autoptr(MmxAllocator) thorough = NULL;
      MmxAllocation allocation, reference;

      random_problem (rand, 8, p % 4 == 3, responses, current, lower, upper, &budget);
      allocator = mmx_allocator_new (8, responses, lower, upper);
      thorough = mmx_allocator_new (8, responses, lower, upper);
      mmx_allocator_set_n_random_starts (thorough, 100);
      mmx_allocation_init (&allocation, 8);
      mmx_allocation_init (&reference, 8);
      mmx_allocator_solve (allocator, budget, current, NULL, &allocation);
      mmx_allocator_solve (thorough, budget, current, NULL, &reference);
      check_feasible (&allocation, lower, upper, 8, budget);
      g_assert_cmpfloat (allocation.value, >=, reference.value * (1 - 1e-9));
      g_assert_true (allocation.verified);
      mmx_allocation_clear (&allocation);
      mmx_allocation_clear (&reference);
    }
}

/* Hill curves of shape 1 are concave, and equal marginal returns,
 * beta h / (x + h)^2 = lambda, give x_k = sqrt (beta_k h_k / lambda) - h_k
 * with sqrt (1 / lambda) = (budget + sum h) / sum sqrt (beta h). */
static void
test_concave_closed_form (void)
{
  const double decay[] = { 0.2, 0.5, 0.7, 0.3, 0.1 };
  const double half[] = { 4000, 1500, 9000, 800, 2500 };
  const double beta[] = { 9000, 5000, 20000, 1200, 6000 };
  guint n = G_N_ELEMENTS (decay);
  MmxResponse responses[G_N_ELEMENTS (decay)];
  double lower[G_N_ELEMENTS (decay)] = { 0 }, upper[G_N_ELEMENTS (decay)];
  double h[G_N_ELEMENTS (decay)];
  double budget = 6000, sum_h = 0, sum_root = 0, root;
  g_autoptr(MmxAllocator) allocator = NULL;
  MmxAllocation allocation;

  for (guint k = 0; k < n; k++)
    {
      responses[k] = make_response (decay[k], half[k], 1, beta[k]);
      upper[k] = INFINITY;
      h[k] = half[k] * (1 - decay[k]);
      sum_h += h[k];
      sum_root += sqrt (beta[k] * h[k]);
    }
  root = (budget + sum_h) / sum_root;

  allocator = mmx_allocator_new (n, responses, lower, upper);
  mmx_allocation_init (&allocation, n);
  mmx_allocator_solve (allocator, budget, NULL, NULL, &allocation);
  for (guint k = 0; k < n; k++)
    {
      double expected = sqrt (beta[k] * h[k]) * root - h[k];

      g_assert_cmpfloat (expected, >, 0);
      g_assert_cmpfloat_with_epsilon (allocation.spend[k], expected, 1e-6 * budget);
      g_assert_cmpint (allocation.at_bound[k], ==, MMX_BOUND_NONE);
      g_assert_cmpfloat_with_epsilon (allocation.marginal[k], 1 / (root * root), 1e-6);
    }
  g_assert_cmpfloat_with_epsilon (allocation.marginal_roas, 1 / (root * root), 1e-6);
  g_assert_true (allocation.verified);
  g_assert_cmpfloat (allocation.optimality_gap, <, 1e-6);

  /* Concave curves have one optimum: one SLSQP run from anywhere finds it. */
  mmx_allocator_refine (allocator, budget, (double[]) { 1, 1, 1, 1, 5000 }, &allocation);
  g_assert_cmpuint (allocation.n_starts, ==, 1);
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat_with_epsilon (allocation.spend[k], sqrt (beta[k] * h[k]) * root - h[k],
                                    1e-4 * budget);
  g_assert_true (allocation.verified);
  mmx_allocation_clear (&allocation);
}

/* The split of concave curves (shape 1) by the optimality conditions
 * alone: at the price lambda each channel takes sqrt (beta h / lambda) - h
 * clipped to its limits, lambda bisected until the budget is met. */
static void
clipped_closed_form (const MmxResponse *responses,
                     const double      *lower,
                     const double      *upper,
                     guint              n,
                     double             budget,
                     double            *x)
{
  double low = 1e-12, high = 1e12;

  for (guint i = 0; i < 200; i++)
    {
      double price = sqrt (low * high), total = 0;

      for (guint k = 0; k < n; k++)
        {
          double h = responses[k].hill.half * (1 - responses[k].adstock.decay);

          x[k] = CLAMP (sqrt (responses[k].beta * h / price) - h, lower[k], upper[k]);
          total += x[k];
        }
      if (total > budget)
        low = price;
      else
        high = price;
    }
}

static void
check_clipped_closed_form (const MmxResponse *responses,
                           const double      *lower,
                           const double      *upper,
                           guint              n,
                           double             budget,
                           const double      *start)
{
  g_autoptr(MmxAllocator) allocator = mmx_allocator_new (n, responses, lower, upper);
  g_autofree double *expected = g_new (double, n);
  MmxAllocation one, best;

  clipped_closed_form (responses, lower, upper, n, budget, expected);
  mmx_allocation_init (&one, n);
  mmx_allocation_init (&best, n);
  mmx_allocator_refine (allocator, budget, start, &one);
  mmx_allocator_solve (allocator, budget, start, NULL, &best);
  check_feasible (&one, lower, upper, n, budget);
  check_feasible (&best, lower, upper, n, budget);
  for (guint k = 0; k < n; k++)
    {
      g_assert_cmpfloat_with_epsilon (one.spend[k], expected[k], 1e-5 * budget);
      g_assert_cmpfloat_with_epsilon (best.spend[k], expected[k], 1e-5 * budget);
    }
  g_assert_cmpfloat (one.value, >=, revenue (responses, expected, n) * (1 - 1e-9));
  g_assert_cmpfloat (best.value, >=, revenue (responses, expected, n) * (1 - 1e-9));
  g_assert_true (one.verified);
  g_assert_true (best.verified);
  mmx_allocation_clear (&one);
  mmx_allocation_clear (&best);
}

/* Concave curves with limits that bind, from starts far from the best
 * split: one run and the whole search both find the split the optimality
 * conditions give, whichever channels SLSQP leaves on their limits. */
static void
test_concave_limits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  MmxResponse responses[12];
  double lower[12], upper[12], start[12];
  guint n = G_N_ELEMENTS (responses);

  for (guint k = 0; k < n; k++)
    {
      responses[k] = make_response (g_rand_double_range (rand, 0, 0.7),
                                    g_rand_double_range (rand, 500, 5000), 1,
                                    g_rand_double_range (rand, 1000, 20000));
      lower[k] = k % 3 == 0 ? 0 : g_rand_double_range (rand, 100, 600);
      upper[k] = k % 4 == 1 ? INFINITY : lower[k] + g_rand_double_range (rand, 500, 3000);
    }
  for (guint p = 0; p < 6; p++)
    {
      double budget = 2000 * (p + 1);

      for (guint k = 0; k < n; k++)
        {
          budget += lower[k];
          /* Everything on one channel, or on every other one. */
          start[k] = p % 2 ? (k == p ? budget : 0) : (k % 2 ? 10 * budget : 1);
        }
      check_clipped_closed_form (responses, lower, upper, n, budget, start);
    }
}

/* From a start with the budget on channel 0, the guess holds channel 2
 * on its minimum, where the best split gives it a little: the search must
 * take it back in. */
static void
test_concave_released (void)
{
  MmxResponse responses[3] = {
    make_response (0, 4189, 1, 5526),
    make_response (0, 3464, 1, 6010),
    make_response (0, 4450, 1, 4439),
  };
  double lower[3] = { 0, 7, 0 };
  double upper[3] = { INFINITY, INFINITY, INFINITY };
  double start[3] = { 10020, 0, 0 };

  check_clipped_closed_form (responses, lower, upper, 3, 2004, start);
}

/* A maximum that binds holds its channel there; the others share the rest
 * at a marginal ROAS no higher than the bound channel's. A minimum that
 * binds the same, the other way round. */
static void
test_bounds_bind (void)
{
  MmxResponse responses[3] = {
    make_response (0.3, 2000, 1, 20000),
    make_response (0.3, 2000, 1, 5000),
    make_response (0.3, 2000, 1, 5000),
  };
  double lower[3] = { 0, 1500, 0 };
  double upper[3] = { 500, INFINITY, INFINITY };
  g_autoptr(MmxAllocator) allocator = mmx_allocator_new (3, responses, lower, upper);
  MmxAllocation allocation;

  g_assert_cmpfloat (mmx_allocator_get_min_budget (allocator), ==, 1500);
  g_assert_true (isinf (mmx_allocator_get_max_budget (allocator)));
  g_assert_cmpfloat (mmx_allocator_get_saturation (allocator), ==, 30000);

  mmx_allocation_init (&allocation, 3);
  mmx_allocator_solve (allocator, 3000, NULL, NULL, &allocation);
  check_feasible (&allocation, lower, upper, 3, 3000);
  g_assert_cmpfloat (allocation.spend[0], ==, 500);
  g_assert_cmpint (allocation.at_bound[0], ==, MMX_BOUND_MAX);
  /* The twins split what the cap and the minimum leave: channel 1 must
   * keep 1500, so channel 2 gets the other 1000. */
  g_assert_cmpfloat_with_epsilon (allocation.spend[1], 1500, 1e-6);
  g_assert_cmpint (allocation.at_bound[1], ==, MMX_BOUND_MIN);
  g_assert_cmpfloat_with_epsilon (allocation.spend[2], 1000, 1e-6);
  g_assert_cmpint (allocation.at_bound[2], ==, MMX_BOUND_NONE);
  g_assert_cmpfloat (allocation.marginal[0], >, allocation.marginal_roas);
  g_assert_cmpfloat (allocation.marginal[1], <, allocation.marginal_roas);
  g_assert_cmpfloat_with_epsilon (allocation.marginal_roas, allocation.marginal[2], 1e-12);
  g_assert_true (allocation.verified);
  mmx_allocation_clear (&allocation);
}

/* The budgets at the ends leave one split; a budget of 0 splits into
 * nothing; a single channel takes it all. */
static void
test_degenerate (void)
{
  MmxResponse responses[2] = {
    make_response (0.5, 1000, 2, 3000),
    make_response (0.2, 500, 0.9, 2000),
  };
  double lower[2] = { 100, 200 }, upper[2] = { 400, 700 }, none[2] = { 0, 0 };
  double unbounded[2] = { INFINITY, INFINITY };
  g_autoptr(MmxAllocator) allocator = mmx_allocator_new (2, responses, lower, upper);
  g_autoptr(MmxAllocator) free_allocator = mmx_allocator_new (2, responses, none, unbounded);
  g_autoptr(MmxAllocator) single = mmx_allocator_new (1, responses, none, unbounded);
  g_autoptr(MmxAllocator) empty = mmx_allocator_new (0, NULL, NULL, NULL);
  MmxAllocation allocation;

  mmx_allocation_init (&allocation, 2);
  mmx_allocator_solve (allocator, 300, NULL, NULL, &allocation);
  g_assert_cmpfloat (allocation.spend[0], ==, 100);
  g_assert_cmpfloat (allocation.spend[1], ==, 200);
  g_assert_cmpint (allocation.at_bound[0], ==, MMX_BOUND_MIN);
  g_assert_true (allocation.verified);

  mmx_allocator_solve (allocator, 1100, NULL, NULL, &allocation);
  g_assert_cmpfloat (allocation.spend[0], ==, 400);
  g_assert_cmpfloat (allocation.spend[1], ==, 700);
  g_assert_cmpint (allocation.at_bound[1], ==, MMX_BOUND_MAX);
  /* Nothing can grow: one more unit of budget cannot be spent. */
  g_assert_cmpfloat (allocation.marginal_roas, ==, 0);
  g_assert_true (allocation.verified);

  mmx_allocator_solve (free_allocator, 0, NULL, NULL, &allocation);
  g_assert_cmpfloat (allocation.spend[0], ==, 0);
  g_assert_cmpfloat (allocation.spend[1], ==, 0);
  g_assert_cmpfloat (allocation.value, ==, 0);

  mmx_allocator_solve (single, 250, NULL, NULL, &allocation);
  g_assert_cmpfloat (allocation.spend[0], ==, 250);
  g_assert_true (allocation.verified);

  mmx_allocator_solve (empty, 0, NULL, NULL, &allocation);
  g_assert_cmpfloat (allocation.value, ==, 0);
  g_assert_true (allocation.verified);
  mmx_allocation_clear (&allocation);
}

/* Two S-shaped channels, one stronger: for a small budget the best is to
 * put all of it in one of them, not to spread it over both, where each
 * earns little. */
static void
test_s_curves_concentrate (void)
{
  MmxResponse responses[2] = {
    make_response (0, 1000, 3, 10000),
    make_response (0, 1000, 3, 8000),
  };
  double lower[2] = { 0, 0 }, upper[2] = { INFINITY, INFINITY };
  double equal[2] = { 600, 600 };
  g_autoptr(MmxAllocator) allocator = mmx_allocator_new (2, responses, lower, upper);
  MmxAllocation allocation;

  mmx_allocation_init (&allocation, 2);
  mmx_allocator_solve (allocator, 1200, equal, NULL, &allocation);
  g_assert_cmpfloat_with_epsilon (allocation.spend[0], 1200, 1e-6);
  g_assert_cmpfloat (allocation.spend[1], <, 1e-6);
  g_assert_cmpint (allocation.at_bound[1], ==, MMX_BOUND_MIN);
  g_assert_cmpfloat (allocation.value, >, revenue (responses, equal, 2) * 1.5);
  g_assert_true (allocation.verified);
  g_assert_cmpfloat (allocation.value, >=,
                     brute_force (responses, lower, upper, 2, 1200, 20000) * (1 - 1e-9));

  mmx_allocation_clear (&allocation);
}

/* A concave channel and a strong S-shaped one that earns almost nothing at
 * a low spend: one SLSQP run from a start that gives it little stays
 * there, and the several starts find that most of the budget belongs to
 * it. */
static void
test_s_curve_trap (void)
{
  MmxResponse responses[2] = {
    make_response (0, 1000, 1, 3000),
    make_response (0, 2000, 3, 20000),
  };
  double lower[2] = { 0, 0 }, upper[2] = { INFINITY, INFINITY };
  double start[2] = { 2400, 100 };
  g_autoptr(MmxAllocator) allocator = mmx_allocator_new (2, responses, lower, upper);
  MmxAllocation trapped, best;

  mmx_allocation_init (&trapped, 2);
  mmx_allocation_init (&best, 2);
  mmx_allocator_refine (allocator, 2500, start, &trapped);
  mmx_allocator_solve (allocator, 2500, start, NULL, &best);
  g_assert_cmpfloat (trapped.spend[1], <, 100);
  g_assert_cmpfloat (best.spend[1], >, 2000);
  g_assert_cmpfloat (best.value, >, 4 * trapped.value);
  g_assert_true (best.verified);
  g_assert_cmpfloat (best.value, >=,
                     brute_force (responses, lower, upper, 2, 2500, 20000) * (1 - 1e-9));
  mmx_allocation_clear (&trapped);
  mmx_allocation_clear (&best);
}

/* The same problem gives the same split bit for bit, whatever was solved
 * before and on however many threads. */
static void
test_deterministic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  MmxResponse responses[24];
  double current[24], lower[24], upper[24], budget;
  g_autoptr(MmxAllocator) allocator = NULL;
  MmxAllocation first, second;

  random_problem (rand, 24, FALSE, responses, current, lower, upper, &budget);
  allocator = mmx_allocator_new (24, responses, lower, upper);
  mmx_allocation_init (&first, 24);
  mmx_allocation_init (&second, 24);
  mmx_allocator_solve (allocator, budget, current, NULL, &first);
  mmx_allocator_solve (allocator, budget * 0.5, current, NULL, &second);
  mmx_parallel_set_n_threads (1);
  mmx_allocator_solve (allocator, budget, current, NULL, &second);
  mmx_parallel_set_n_threads (0);
  g_assert_cmpmem (first.spend, sizeof (double) * 24, second.spend, sizeof (double) * 24);
  g_assert_cmpfloat (first.value, ==, second.value);
  g_assert_true (first.verified);
  mmx_allocation_clear (&first);
  mmx_allocation_clear (&second);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/models/allocator/brute-force-two", test_brute_force_two);
  g_test_add_func ("/mmx/models/allocator/brute-force-three", test_brute_force_three);
  g_test_add_func ("/mmx/models/allocator/many-channels", test_many_channels);
  g_test_add_func ("/mmx/models/allocator/concave-closed-form", test_concave_closed_form);
  g_test_add_func ("/mmx/models/allocator/concave-limits", test_concave_limits);
  g_test_add_func ("/mmx/models/allocator/concave-released", test_concave_released);
  g_test_add_func ("/mmx/models/allocator/bounds-bind", test_bounds_bind);
  g_test_add_func ("/mmx/models/allocator/degenerate", test_degenerate);
  g_test_add_func ("/mmx/models/allocator/s-curves-concentrate", test_s_curves_concentrate);
  g_test_add_func ("/mmx/models/allocator/s-curve-trap", test_s_curve_trap);
  g_test_add_func ("/mmx/models/allocator/deterministic", test_deterministic);

  return g_test_run ();
}
