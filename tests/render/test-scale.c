/* test-scale.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-scale.h"

static void
assert_scale (double low,
              double high,
              guint  max_ticks,
              double min,
              double max,
              double step)
{
  MmxScale scale;

  mmx_scale_init_nice (&scale, low, high, max_ticks);
  g_assert_cmpfloat_with_epsilon (scale.min, min, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (scale.max, max, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (scale.step, step, fabs (step) * 1e-9);
  g_assert_cmpuint (scale.n_ticks, <=, max_ticks);
  g_assert_cmpfloat (scale.ticks[0], ==, scale.min);
  g_assert_cmpfloat (scale.ticks[scale.n_ticks - 1], ==, scale.max);
}

static void
test_ranges (void)
{
  assert_scale (0, 95, 6, 0, 100, 20);
  assert_scale (0, 100, 6, 0, 100, 20);
  assert_scale (0, 101, 6, 0, 125, 25);
  assert_scale (0, 7, 8, 0, 7, 1);
  assert_scale (0, 0.003, 4, 0, 0.003, 0.001);
  assert_scale (0, 4.2, 5, 0, 6, 2);
}

static void
test_negative (void)
{
  MmxScale scale;

  assert_scale (-37, 120, 6, -50, 150, 50);
  assert_scale (-95, 0, 6, -100, 0, 20);
  assert_scale (-1200, -300, 5, -1250, -250, 250);

  /* Zero is a tick whenever the range holds it. */
  mmx_scale_init_nice (&scale, -37, 120, 6);
  g_assert_cmpfloat (scale.ticks[1], ==, 0);
}

static void
test_flat (void)
{
  MmxScale scale;

  /* One value: the axis grows to hold zero, or [0, 1] for zero. */
  assert_scale (5, 5, 6, 0, 5, 1);
  assert_scale (-5, -5, 6, -5, 0, 1);
  assert_scale (0, 0, 6, 0, 1, 0.2);
  mmx_scale_init_nice (&scale, 0, 0, 6);
  g_assert_cmpuint (scale.n_ticks, ==, 6);
  /* Each tick from its index: no 0.6000000000000001 piling up. */
  g_assert_cmpfloat (scale.ticks[3], ==, 3 * 0.2);
}

static void
test_huge (void)
{
  assert_scale (0, 3.2e15, 5, 0, 4e15, 1e15);
  assert_scale (-2e18, 9e18, 6, -2.5e18, 1e19, 2.5e18);
  /* Far beyond money, still finite and ordered. */
  assert_scale (0, 1e300, 4, 0, 1e100, 5e99);
}

static void
test_not_finite (void)
{
  assert_scale (NAN, 10, 6, 0, 10, 2);
  assert_scale (0, INFINITY, 6, 0, 1, 0.2);
  assert_scale (-INFINITY, NAN, 6, 0, 1, 0.2);
  /* Reversed bounds are swapped. */
  assert_scale (10, -10, 6, -10, 10, 5);
}

static gboolean
is_nice (double step)
{
  double mantissa = step / pow (10, floor (log10 (step) + 1e-9));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9
         || fabs (mantissa - 2.5) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_covers (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 5000; i++)
    {
      double magnitude = pow (10, g_rand_int_range (rand, -3, 16));
      double a = g_rand_double_range (rand, -1, 1) * magnitude;
      double b = g_rand_double_range (rand, -1, 1) * magnitude;
      guint max_ticks = g_rand_int_range (rand, 3, 12);
      MmxScale scale;

      mmx_scale_init_nice (&scale, MIN (a, b), MAX (a, b), max_ticks);
      g_assert_cmpfloat (scale.min, <=, MIN (a, b));
      g_assert_cmpfloat (scale.max, >=, MAX (a, b));
      g_assert_cmpuint (scale.n_ticks, >=, 2);
      g_assert_true (isfinite (scale.step));
      g_assert_cmpuint (scale.n_ticks, <=, max_ticks);
      g_assert_true (is_nice (scale.step));
      for (guint t = 1; t < scale.n_ticks; t++)
        g_assert_cmpfloat_with_epsilon (scale.ticks[t] - scale.ticks[t - 1], scale.step,
                                        scale.step * 1e-6);
    }
}

static void
test_map (void)
{
  MmxScale scale;

  mmx_scale_init_nice (&scale, 0, 100, 6);
  g_assert_cmpfloat (mmx_scale_map (&scale, 25, 0, 200), ==, 50);
  /* Upwards on screen: the minimum at the bottom. */
  g_assert_cmpfloat (mmx_scale_map (&scale, 25, 200, 0), ==, 150);
  g_assert_cmpfloat (mmx_scale_get_largest (&scale), ==, 100);
  mmx_scale_init_nice (&scale, -300, 100, 6);
  g_assert_cmpfloat (mmx_scale_get_largest (&scale), ==, 300);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/render/scale/ranges", test_ranges);
  g_test_add_func ("/mmx/render/scale/negative", test_negative);
  g_test_add_func ("/mmx/render/scale/flat", test_flat);
  g_test_add_func ("/mmx/render/scale/huge", test_huge);
  g_test_add_func ("/mmx/render/scale/not-finite", test_not_finite);
  g_test_add_func ("/mmx/render/scale/covers", test_covers);
  g_test_add_func ("/mmx/render/scale/map", test_map);

  return g_test_run ();
}
