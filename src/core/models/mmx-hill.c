/* mmx-hill.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-hill.h"

/* Written in a / half so neither large spends nor small halves overflow. */

double
mmx_hill_eval (const MmxHill *self,
               double         a)
{
  double z;

  if (a <= 0)
    return 0;
  z = pow (a / self->half, self->shape);
  return isinf (z) ? 1 : z / (1 + z);
}

/**
 * mmx_hill_derivative:
 * @self: a curve
 * @a: an (adstocked) spend
 *
 * Returns: dh/da at @a
 */
double
mmx_hill_derivative (const MmxHill *self,
                     double         a)
{
  double z;

  if (a <= 0)
    return self->shape < 1 ? INFINITY : self->shape == 1 ? 1 / self->half : 0;
  z = pow (a / self->half, self->shape);
  if (isinf (z))
    return 0;
  return self->shape * z / (a * (1 + z) * (1 + z));
}

/**
 * mmx_hill_elasticity:
 * @self: a curve
 * @a: an (adstocked) spend above 0
 *
 * Returns: a h'(a) / h(a), the share by which the response grows per
 *   share of spend at @a: shape / (1 + (a / half)^shape)
 */
double
mmx_hill_elasticity (const MmxHill *self,
                     double         a)
{
  g_return_val_if_fail (a > 0, 0);

  return self->shape / (1 + pow (a / self->half, self->shape));
}

/**
 * mmx_hill_curvature:
 * @self: a curve
 * @a: an (adstocked) spend above 0
 *
 * Returns: d²h/da² at @a: positive below the inflection point of an
 *   S-shaped curve, negative above it
 */
double
mmx_hill_curvature (const MmxHill *self,
                    double         a)
{
  double s = self->shape, z;

  g_return_val_if_fail (a > 0, 0);

  z = pow (a / self->half, s);
  if (isinf (z))
    return 0;
  return s * z * ((s - 1) - (s + 1) * z) / (a * a * (1 + z) * (1 + z) * (1 + z));
}

/**
 * mmx_hill_get_inflection:
 * @self: a curve
 *
 * Returns: where an S-shaped curve turns from rising faster and faster to
 *   saturating, (a / half)^shape = (shape - 1) / (shape + 1); 0 for a
 *   concave one
 */
double
mmx_hill_get_inflection (const MmxHill *self)
{
  double s = self->shape;

  return s > 1 ? self->half * pow ((s - 1) / (s + 1), 1 / s) : 0;
}
