/* mmx-attribution-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-attribution.h"

G_BEGIN_DECLS

/* What both methods fit: the target, the periods it is known in, and the
 * channels whose spend can be measured, in the result's order. */
typedef struct
{
  const MmxPanel *panel;
  guint           n;
  guint           period_days;
  /* Periods per resampled block of either method's bootstrap. */
  guint           block_length;
  double         *target;
  gboolean       *use;
  guint           n_used;
  /* Measured channels: their panel columns, and their spend as rows of
   * one value per measured channel. */
  guint           n_measured;
  guint          *columns;
  double         *spend;
} MmxAttributionInput;

MmxAttribution *_mmx_attribution_new_empty     (void);
MmxAttribution *_mmx_attribution_new           (const MmxAttributionInput     *input,
                                                const MmxAttributionSettings  *settings);
void            _mmx_attribution_finish        (MmxAttribution                *self,
                                                const MmxAttributionInput     *input,
                                                guint                          n_coefficients);
MmxChannelAttribution *_mmx_attribution_get_measured (MmxAttribution          *self,
                                                guint                          index);
void            _mmx_attribution_set_intervals (MmxAttribution                *self,
                                                const double                  *contributions,
                                                const double                  *marginals,
                                                guint                          n_replicates);
MmxAttribution *_mmx_lag_model_run             (const MmxAttributionInput     *input,
                                                const MmxAttributionSettings  *settings,
                                                MmxProgress                   *progress,
                                                GCancellable                  *cancellable,
                                                GError                       **error);

G_END_DECLS
