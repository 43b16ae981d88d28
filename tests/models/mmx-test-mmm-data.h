/* mmx-test-mmm-data.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-response.h"

G_BEGIN_DECLS

/**
 * MmxTestChannel:
 * @name: the channel's name in the file
 * @adstock: its true carry-over
 * @half_ratio: its true half saturation, as a multiple of its usual
 *   (positive) adstocked spend
 * @shape: its true Hill shape
 * @roas: its true ROAS over the history, which sets its beta
 * @level: its usual spend per period
 * @flighted: whether it runs in bursts with pauses between them
 */
typedef struct
{
  const char *name;
  MmxAdstock  adstock;
  double      half_ratio;
  double      shape;
  double      roas;
  double      level;
  gboolean    flighted;
} MmxTestChannel;

/**
 * MmxTestMmmData:
 * @csv: the generated wide file: date, revenue, one spend column per channel
 * @responses: each channel's true response
 * @contribution: each channel's true effect over the history
 * @roas: its true ROAS
 * @mroas: its true marginal ROAS (every period's spend raised by 1 %)
 * @total: the total revenue
 *
 * Revenue with known truth, as ../shared/bench/gen_data.py makes it:
 * baseline + trend + weekly and yearly waves + each channel's
 * beta × Hill (adstock (spend)) + Gaussian noise.
 */
typedef struct
{
  GString     *csv;
  MmxResponse *responses;
  double      *contribution;
  double      *roas;
  double      *mroas;
  double       total;
} MmxTestMmmData;

/* The names mmx_test_mmm_random_channels() gives, as gen_data.py does. */
#define MMX_TEST_MMM_MAX_RANDOM_CHANNELS 20

void            mmx_test_mmm_random_channels (GRand          *rand,
                                              guint           n_channels,
                                              MmxTestChannel *channels);
void            mmx_test_mmm_random_curves   (GRand          *rand,
                                              guint           n_channels,
                                              MmxResponse    *responses,
                                              double         *mean_spend);

MmxTestMmmData *mmx_test_mmm_data_new  (const MmxTestChannel *channels,
                                        guint                 n_channels,
                                        guint                 n_periods,
                                        gboolean              weekly,
                                        double                media_share,
                                        double                noise,
                                        guint32               seed);
char           *mmx_test_mmm_data_conversions_csv (const MmxTestMmmData *self,
                                                   double                revenue_per_conversion);
char           *mmx_test_mmm_write_two_channels   (const char           *dir,
                                                   const char           *name,
                                                   guint                 days,
                                                   double                revenue_per_conversion);
void            mmx_test_mmm_data_free (MmxTestMmmData       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxTestMmmData, mmx_test_mmm_data_free)

G_END_DECLS
