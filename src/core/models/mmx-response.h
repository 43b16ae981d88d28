/* mmx-response.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-adstock.h"
#include "mmx-hill.h"

G_BEGIN_DECLS

/**
 * MmxResponse:
 * @adstock: how a channel's spend carries over
 * @hill: its diminishing returns, on adstocked spend
 * @beta: the revenue per period at full saturation, in the account's
 *   currency
 *
 * A channel's response to spend, as attribution fits it: the effect in
 * period t is beta × hill (adstock (spend)_t). The optimizer and the
 * forecast use it at steady state, where a spend of x every period
 * earns beta × hill (x × gain) per period.
 */
typedef struct
{
  MmxAdstock adstock;
  MmxHill    hill;
  double     beta;
} MmxResponse;

double mmx_response_steady_state       (const MmxResponse *self,
                                        double             spend);
double mmx_response_steady_derivative  (const MmxResponse *self,
                                        double             spend);
void   mmx_response_get_steady_hill    (const MmxResponse *self,
                                        MmxHill           *out_hill);
void   mmx_response_apply              (const MmxResponse *self,
                                        const double      *spend,
                                        gsize              n,
                                        gsize              stride,
                                        double            *out);

G_END_DECLS
