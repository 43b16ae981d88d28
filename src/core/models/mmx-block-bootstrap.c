/* mmx-block-bootstrap.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-block-bootstrap.h"
#include "mmx-random.h"

/**
 * mmx_block_bootstrap_resample:
 * @values: (array length=n): a series, such as a model's residuals
 * @use: (array length=n) (nullable): the periods that take part; the
 *   others come out as 0
 * @n: the periods
 * @block_length: how many consecutive periods a drawn block holds
 * @seed: the run's seed
 * @replicate: which replicate this is
 * @out: (out caller-allocates) (array length=n): the resampled series
 *
 * A moving-block bootstrap: the series is rebuilt from blocks of
 * consecutive values that start anywhere, so a replicate keeps the
 * autocorrelation of the original. Each replicate draws from its own
 * generator, seeded by (@seed, @replicate), so it comes out the same
 * whichever thread draws it and in whatever order.
 */
void
mmx_block_bootstrap_resample (const double   *values,
                              const gboolean *use,
                              guint           n,
                              guint           block_length,
                              guint64         seed,
                              guint           replicate,
                              double         *out)
{
  g_autofree double *packed = g_new (double, MAX (n, 1));
  guint m = 0, start = 0;
  MmxRandom random;

  for (guint t = 0; t < n; t++)
    if (use == NULL || use[t])
      packed[m++] = values[t];
  if (m == 0)
    {
      for (guint t = 0; t < n; t++)
        out[t] = 0;
      return;
    }

  mmx_random_init (&random, seed, replicate);
  block_length = CLAMP (block_length, 1, m);
  for (guint t = 0, drawn = 0; t < n; t++)
    {
      if (use != NULL && !use[t])
        {
          out[t] = 0;
          continue;
        }
      if (drawn % block_length == 0)
        start = mmx_random_below (&random, m - block_length + 1);
      out[t] = packed[start + drawn % block_length];
      drawn++;
    }
}
