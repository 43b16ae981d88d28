/* mmx-hill.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxHill:
 * @half: the (adstocked) spend at which the effect is half its maximum
 * @shape: the steepness; above 1 the curve is S-shaped
 *
 * Diminishing returns: h(a) = a^shape / (a^shape + half^shape), from 0
 * towards 1.
 */
typedef struct
{
  double half;
  double shape;
} MmxHill;

double mmx_hill_eval        (const MmxHill *self,
                             double         a);
double mmx_hill_derivative  (const MmxHill *self,
                             double         a);
double mmx_hill_elasticity  (const MmxHill *self,
                             double         a);
double mmx_hill_curvature   (const MmxHill *self,
                             double         a);
double mmx_hill_get_inflection (const MmxHill *self);

G_END_DECLS
