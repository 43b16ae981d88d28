/* test-transforms.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-adstock.h"
#include "mmx-hill.h"
#include "mmx-response.h"

/* a_t = x_t + decay × a_{t-1}, by hand for decay 0.5. */
static void
test_geometric (void)
{
  MmxAdstock adstock = { MMX_ADSTOCK_GEOMETRIC, 0.5 };
  const double spend[] = { 100, 0, 0, 40, 0 };
  const double expected[] = { 100, 50, 25, 52.5, 26.25 };
  double out[G_N_ELEMENTS (spend)];

  mmx_adstock_apply (&adstock, spend, G_N_ELEMENTS (spend), 1, out);
  for (guint t = 0; t < G_N_ELEMENTS (spend); t++)
    g_assert_cmpfloat_with_epsilon (out[t], expected[t], 1e-12);

  g_assert_cmpfloat_with_epsilon (mmx_adstock_get_gain (&adstock), 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (mmx_adstock_get_weight (&adstock, 3), 0.125, 1e-12);
  g_assert_cmpuint (mmx_adstock_get_peak_lag (&adstock), ==, 0);
  g_assert_cmpstr (mmx_adstock_kind_to_string (adstock.kind), ==, "geometric");
}

/* A strided column of a row-major matrix is read in place. */
static void
test_stride (void)
{
  MmxAdstock adstock = { MMX_ADSTOCK_GEOMETRIC, 0.25 };
  const double matrix[] = { 1, 8, 2, 0, 3, 4 };
  double out[3];

  mmx_adstock_apply (&adstock, matrix + 1, 3, 2, out);
  g_assert_cmpfloat (out[0], ==, 8);
  g_assert_cmpfloat (out[1], ==, 2);
  g_assert_cmpfloat (out[2], ==, 4.5);
}

/* A shape above 1 delays the peak; the weights are the density, peak 1. */
static void
test_weibull (void)
{
  MmxAdstock delayed = { MMX_ADSTOCK_WEIBULL, 0, 2.0, 5.0, 30 };
  MmxAdstock early = { MMX_ADSTOCK_WEIBULL, 0, 0.8, 3.0, 30 };
  double spend[40] = { 0 };
  double out[40];
  double peak_weight = 0;
  guint peak = mmx_adstock_get_peak_lag (&delayed);

  /* The density of shape 2, scale 5 peaks at 5 / sqrt 2 = 3.54, the
   * middle of lag 3. */
  g_assert_cmpuint (peak, ==, 3);
  g_assert_cmpfloat_with_epsilon (mmx_adstock_get_weight (&delayed, peak), 1, 1e-12);
  for (guint l = 0; l < 30; l++)
    peak_weight = MAX (peak_weight, mmx_adstock_get_weight (&delayed, l));
  g_assert_cmpfloat (peak_weight, ==, 1);
  g_assert_cmpfloat (mmx_adstock_get_weight (&delayed, 30), ==, 0);
  g_assert_cmpuint (mmx_adstock_get_peak_lag (&early), ==, 0);

  /* One pulse of spend comes out as the weights themselves. */
  spend[2] = 10;
  mmx_adstock_apply (&delayed, spend, G_N_ELEMENTS (spend), 1, out);
  g_assert_cmpfloat (out[0], ==, 0);
  g_assert_cmpfloat (out[1], ==, 0);
  for (guint l = 0; l < 30; l++)
    g_assert_cmpfloat_with_epsilon (out[2 + l], 10 * mmx_adstock_get_weight (&delayed, l), 1e-12);
  g_assert_cmpfloat (out[32], ==, 0);

  /* A steady spend settles at spend × gain. */
  for (guint t = 0; t < G_N_ELEMENTS (spend); t++)
    spend[t] = 3;
  mmx_adstock_apply (&delayed, spend, G_N_ELEMENTS (spend), 1, out);
  g_assert_cmpfloat_with_epsilon (out[39], 3 * mmx_adstock_get_gain (&delayed), 1e-9);
}

static void
test_hill (void)
{
  MmxHill hill = { 100, 2 };
  MmxHill concave = { 50, 1 };
  const double h = 1e-6;

  g_assert_cmpfloat (mmx_hill_eval (&hill, 0), ==, 0);
  g_assert_cmpfloat (mmx_hill_eval (&hill, -5), ==, 0);
  g_assert_cmpfloat_with_epsilon (mmx_hill_eval (&hill, 100), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (mmx_hill_eval (&hill, 200), 0.8, 1e-12);
  g_assert_cmpfloat (mmx_hill_eval (&hill, 1e300), ==, 1);

  /* The derivative against a central difference, on both shapes. */
  for (double a = 10; a < 500; a += 37)
    {
      double numeric = (mmx_hill_eval (&hill, a + h) - mmx_hill_eval (&hill, a - h)) / (2 * h);
      double numeric_concave = (mmx_hill_eval (&concave, a + h) - mmx_hill_eval (&concave, a - h))
                               / (2 * h);

      g_assert_cmpfloat_with_epsilon (mmx_hill_derivative (&hill, a), numeric, 1e-8);
      g_assert_cmpfloat_with_epsilon (mmx_hill_derivative (&concave, a), numeric_concave, 1e-8);
    }
  g_assert_cmpfloat (mmx_hill_derivative (&hill, 0), ==, 0);
  g_assert_cmpfloat_with_epsilon (mmx_hill_derivative (&concave, 0), 1.0 / 50, 1e-15);
  g_assert_cmpfloat (mmx_hill_derivative (&hill, 1e300), ==, 0);
}

/* The elasticity against a h'(a) / h(a) from the derivative; a concave
 * curve's is its shape near 0 and falls towards 0 far above half. */
static void
test_hill_elasticity (void)
{
  MmxHill hill = { 100, 2 };
  MmxHill concave = { 50, 1 };

  for (double a = 10; a < 400; a += 35)
    g_assert_cmpfloat_with_epsilon (mmx_hill_elasticity (&hill, a),
                                    a * mmx_hill_derivative (&hill, a) / mmx_hill_eval (&hill, a),
                                    1e-12);
  g_assert_cmpfloat_with_epsilon (mmx_hill_elasticity (&hill, 100), 1, 1e-15);
  g_assert_cmpfloat_with_epsilon (mmx_hill_elasticity (&concave, 1e-9), 1, 1e-9);
  g_assert_cmpfloat (mmx_hill_elasticity (&concave, 1e300), <, 1e-200);
}

/* The second derivative against a central difference of the first: it
 * changes sign at the inflection point of an S-shaped curve, where
 * (a / half)^shape = (shape - 1) / (shape + 1), and the concave shape
 * bends down everywhere. */
static void
test_hill_curvature (void)
{
  MmxHill hill = { 100, 2 };
  MmxHill concave = { 50, 1 };
  const double h = 1e-5;
  double inflection = 100 * sqrt (1.0 / 3);

  for (double a = 5; a < 500; a += 23)
    {
      double numeric = (mmx_hill_derivative (&hill, a + h) - mmx_hill_derivative (&hill, a - h))
                       / (2 * h);

      g_assert_cmpfloat_with_epsilon (mmx_hill_curvature (&hill, a), numeric, 1e-9);
      g_assert_cmpfloat (mmx_hill_curvature (&concave, a), <, 0);
    }
  g_assert_cmpfloat_with_epsilon (mmx_hill_get_inflection (&hill), inflection, 1e-12);
  g_assert_cmpfloat (mmx_hill_get_inflection (&concave), ==, 0);
  g_assert_cmpfloat (mmx_hill_curvature (&hill, inflection * 0.99), >, 0);
  g_assert_cmpfloat (mmx_hill_curvature (&hill, inflection * 1.01), <, 0);
  g_assert_cmpfloat (mmx_hill_curvature (&hill, 1e300), ==, 0);
}

/* Steady state against a long simulated run of constant spend. */
static void
test_response (void)
{
  MmxResponse response = { { MMX_ADSTOCK_GEOMETRIC, 0.6 }, { 300, 1.5 }, 2000 };
  double spend[200];
  double out[200];
  const double h = 1e-4;

  for (guint t = 0; t < G_N_ELEMENTS (spend); t++)
    spend[t] = 120;
  mmx_response_apply (&response, spend, G_N_ELEMENTS (spend), 1, out);
  g_assert_cmpfloat_with_epsilon (out[199], mmx_response_steady_state (&response, 120), 1e-9);
  /* 120 × 2.5 = 300, the half-saturation point. */
  g_assert_cmpfloat_with_epsilon (out[199], 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (out[0], 2000 * mmx_hill_eval (&response.hill, 120), 1e-9);

  g_assert_cmpfloat_with_epsilon (mmx_response_steady_derivative (&response, 120),
                                  (mmx_response_steady_state (&response, 120 + h)
                                   - mmx_response_steady_state (&response, 120 - h)) / (2 * h),
                                  1e-6);
}

/* The gain folded into the half-saturation gives the same steady state. */
static void
test_response_steady_hill (void)
{
  MmxResponse response = { { MMX_ADSTOCK_WEIBULL, 0, 2.0, 3.0, 20 }, { 300, 1.5 }, 2000 };
  MmxHill steady;

  mmx_response_get_steady_hill (&response, &steady);
  g_assert_cmpfloat_with_epsilon (steady.half, 300 / mmx_adstock_get_gain (&response.adstock),
                                  1e-12);
  g_assert_cmpfloat (steady.shape, ==, 1.5);
  for (double x = 0; x < 1000; x += 77)
    g_assert_cmpfloat_with_epsilon (2000 * mmx_hill_eval (&steady, x),
                                    mmx_response_steady_state (&response, x), 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/models/adstock/geometric", test_geometric);
  g_test_add_func ("/mmx/models/adstock/stride", test_stride);
  g_test_add_func ("/mmx/models/adstock/weibull", test_weibull);
  g_test_add_func ("/mmx/models/hill", test_hill);
  g_test_add_func ("/mmx/models/hill/elasticity", test_hill_elasticity);
  g_test_add_func ("/mmx/models/hill/curvature", test_hill_curvature);
  g_test_add_func ("/mmx/models/response", test_response);
  g_test_add_func ("/mmx/models/response/steady-hill", test_response_steady_hill);

  return g_test_run ();
}
