/* mmx-adstock.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest carry-over a Weibull adstock spreads spend over, in periods. */
#define MMX_ADSTOCK_MAX_LAGS 60

typedef enum
{
  MMX_ADSTOCK_GEOMETRIC,
  MMX_ADSTOCK_WEIBULL,
} MmxAdstockKind;

/**
 * MmxAdstock:
 * @kind: the shape of the carry-over
 * @decay: geometric: the share of a period's effect that carries into the
 *   next, from 0 to below 1
 * @shape: Weibull: above 1 the effect peaks after a delay
 * @scale: Weibull: where the effect lies, in periods
 * @n_lags: Weibull: how many periods the effect spans, at most
 *   %MMX_ADSTOCK_MAX_LAGS
 *
 * How the effect of spend carries over into later periods. Both kinds put
 * weight 1 on the period of the strongest effect, so a steady spend of x
 * per period works like x × mmx_adstock_get_gain() spent at once.
 */
typedef struct
{
  MmxAdstockKind kind;
  double         decay;
  double         shape;
  double         scale;
  guint          n_lags;
} MmxAdstock;

const char *mmx_adstock_kind_to_string (MmxAdstockKind     kind);
double      mmx_adstock_get_weight     (const MmxAdstock  *self,
                                        guint              lag);
double      mmx_adstock_get_gain       (const MmxAdstock  *self);
guint       mmx_adstock_get_peak_lag   (const MmxAdstock  *self);
void        mmx_adstock_apply          (const MmxAdstock  *self,
                                        const double      *spend,
                                        gsize              n,
                                        gsize              stride,
                                        double            *out);

G_END_DECLS
