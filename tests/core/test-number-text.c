/* test-number-text.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-number-text.h"

static void
test_signs (void)
{
  const struct {
    double      value;
    int         decimals;
    const char *expected;
  } cases[] = {
    { 1529.944, 2, "1529.94" },
    { -1529.944, 2, "−1529.94" },
    { -0.0206, 4, "−0.0206" },
    /* Rounded to zero, a minus would say a loss that the digits do not. */
    { -0.001, 2, "0.00" },
    { -0.0, 2, "0.00" },
    { 0, 0, "0" },
    { -3, 0, "−3" },
    { -INFINITY, 2, "−inf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mmx_number_text (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* The render's formats ask the same question of their own digits. */
static void
test_shows_minus (void)
{
  g_assert_true (mmx_number_shows_minus (-0.01, 2));
  g_assert_false (mmx_number_shows_minus (-0.004, 2));
  g_assert_true (mmx_number_shows_minus (-0.004, 3));
  g_assert_false (mmx_number_shows_minus (0.5, 1));
  g_assert_false (mmx_number_shows_minus (NAN, 2));
  g_assert_true (mmx_number_shows_minus (-INFINITY, 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/number-text/signs", test_signs);
  g_test_add_func ("/mmx/core/number-text/shows-minus", test_shows_minus);

  return g_test_run ();
}
