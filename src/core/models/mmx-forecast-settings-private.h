/* mmx-forecast-settings-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-forecast-settings.h"

G_BEGIN_DECLS

/* Read by the forecast, never changed once a run has it. */
struct _MmxForecastSettings
{
  guint             horizon_days;
  double            interval;
  guint             n_samples;
  guint64           seed;
  MmxForecastMode   mode;
  double            changepoint_prior_scale;
  guint             max_changepoints;
  MmxSeasonality    weekly;
  MmxSeasonality    yearly;
  gboolean          builtin_events;
  guint             n_cutoffs;
  MmxEvents        *events;
  MmxSpendPlan     *spend_plan;
  GPtrArray        *scenarios;
  /* Channel name -> MmxResponse. */
  GHashTable       *responses;
};

G_END_DECLS
