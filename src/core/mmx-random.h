/* mmx-random.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxRandom:
 *
 * A xoshiro256** generator on the stack. Models draw thousands of
 * independent streams (one per bootstrap replicate, one per search start)
 * from (seed, stream), which must cost next to nothing to set up: GRand's
 * Mersenne Twister costs 20 000 instructions to seed.
 */
typedef struct
{
  guint64 state[4];
} MmxRandom;

void    mmx_random_init   (MmxRandom *self,
                           guint64    seed,
                           guint64    stream);
guint64 mmx_random_next   (MmxRandom *self);
double  mmx_random_double (MmxRandom *self);
guint   mmx_random_below  (MmxRandom *self,
                           guint      bound);
double  mmx_random_normal (MmxRandom *self);

G_END_DECLS
