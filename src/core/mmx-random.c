/* mmx-random.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-random.h"

/* xoshiro256** and its seeding by splitmix64, as their authors (Blackman
 * and Vigna) give them. */

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotate_left (guint64 x,
             int     k)
{
  return (x << k) | (x >> (64 - k));
}

/**
 * mmx_random_init:
 * @self: (out caller-allocates): a generator
 * @seed: the run's seed
 * @stream: which of its streams, e.g. the replicate's number
 */
void
mmx_random_init (MmxRandom *self,
                 guint64    seed,
                 guint64    stream)
{
  guint64 x = seed ^ splitmix64 (&stream);

  for (guint i = 0; i < G_N_ELEMENTS (self->state); i++)
    self->state[i] = splitmix64 (&x);
}

guint64
mmx_random_next (MmxRandom *self)
{
  guint64 *s = self->state;
  guint64 result = rotate_left (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotate_left (s[3], 45);
  return result;
}

/**
 * mmx_random_double:
 * @self: a generator
 *
 * Returns: a uniform number in [0, 1)
 */
double
mmx_random_double (MmxRandom *self)
{
  return (mmx_random_next (self) >> 11) * 0x1.0p-53;
}

/**
 * mmx_random_below:
 * @self: a generator
 * @bound: above 0
 *
 * Returns: a uniform integer in [0, @bound), without the bias of a modulo
 */
guint
mmx_random_below (MmxRandom *self,
                  guint      bound)
{
  guint64 threshold = (-(guint64) bound) % bound;
  guint64 x;

  g_return_val_if_fail (bound > 0, 0);

  do
    x = mmx_random_next (self);
  while (x < threshold);
  return x % bound;
}

/**
 * mmx_random_normal:
 * @self: a generator
 *
 * Returns: a standard normal number (Box–Muller)
 */
double
mmx_random_normal (MmxRandom *self)
{
  double u = 1 - mmx_random_double (self), v = mmx_random_double (self);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}
