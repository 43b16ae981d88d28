/* mmx-test-mmm-data.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-response.h"

G_BEGIN_DECLS

/* Channel names of the generated data, as /work/shared/bench/gen_data.py
 * names them. */
#define MMX_TEST_MMM_MAX_CHANNELS 8

/**
 * MmxTestMmmTruth:
 * @n_channels: the channels
 * @names: their names as written in the CSV
 * @responses: the true response of each
 * @mean_spend: each one's mean daily spend, today's split
 *
 * What generated a data set: the curves the models should find.
 */
typedef struct
{
  guint        n_channels;
  const char  *names[MMX_TEST_MMM_MAX_CHANNELS];
  MmxResponse  responses[MMX_TEST_MMM_MAX_CHANNELS];
  double       mean_spend[MMX_TEST_MMM_MAX_CHANNELS];
} MmxTestMmmTruth;

char *mmx_test_mmm_generate      (guint            n_days,
                                  guint            n_channels,
                                  guint32          seed,
                                  MmxTestMmmTruth *out_truth) G_GNUC_WARN_UNUSED_RESULT;
void  mmx_test_mmm_random_curves (GRand           *rand,
                                  guint            n_channels,
                                  MmxResponse     *responses,
                                  double          *mean_spend);

G_END_DECLS
