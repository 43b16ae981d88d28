/* mmx-response.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-response.h"

/**
 * mmx_response_steady_state:
 * @self: a response
 * @spend: the spend of every period
 *
 * Returns: the revenue per period once the carry-over has settled
 */
double
mmx_response_steady_state (const MmxResponse *self,
                           double             spend)
{
  return self->beta * mmx_hill_eval (&self->hill, spend * mmx_adstock_get_gain (&self->adstock));
}

/**
 * mmx_response_steady_derivative:
 * @self: a response
 * @spend: the spend of every period
 *
 * Returns: the marginal ROAS at steady state: the revenue one more unit
 *   of spend per period brings per period
 */
double
mmx_response_steady_derivative (const MmxResponse *self,
                                double             spend)
{
  double gain = mmx_adstock_get_gain (&self->adstock);

  return self->beta * gain * mmx_hill_derivative (&self->hill, spend * gain);
}

/**
 * mmx_response_get_steady_hill:
 * @self: a response
 * @out_hill: (out caller-allocates): its saturation in units of spend per
 *   period
 *
 * At steady state the response is beta × @out_hill (spend): the adstock's
 * gain folded into the half-saturation, so callers that evaluate a curve
 * many times need not compute the gain each time.
 */
void
mmx_response_get_steady_hill (const MmxResponse *self,
                              MmxHill           *out_hill)
{
  out_hill->half = self->hill.half / mmx_adstock_get_gain (&self->adstock);
  out_hill->shape = self->hill.shape;
}

/**
 * mmx_response_apply:
 * @self: a response
 * @spend: spend per period, every @stride-th value
 * @n: the number of periods
 * @stride: the distance between two periods' values in @spend
 * @out: (out caller-allocates) (array length=n): the revenue the spend
 *   brings in each period
 */
void
mmx_response_apply (const MmxResponse *self,
                    const double      *spend,
                    gsize              n,
                    gsize              stride,
                    double            *out)
{
  mmx_adstock_apply (&self->adstock, spend, n, stride, out);
  for (gsize t = 0; t < n; t++)
    out[t] = self->beta * mmx_hill_eval (&self->hill, out[t]);
}
