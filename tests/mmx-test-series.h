/* mmx-test-series.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-events.h"
#include "mmx-panel.h"
#include "mmx-response.h"

G_BEGIN_DECLS

#define MMX_TEST_SERIES_MAX_CHANNELS 4
#define MMX_TEST_SERIES_EVENT "Sale"

/**
 * MmxTestSeriesSpec:
 * @seed: the seed; one seed gives one series
 * @granularity: daily or weekly
 * @n_periods: days or weeks, history and held-out periods together
 * @n_channels: 1 to 4 media channels
 * @start: the first day, `YYYY-MM-DD`
 * @multiplicative: whether seasonality and the event scale the trend
 * @level: the trend at the start, per period
 * @slope: its growth per period
 * @changepoint: the period from which the slope changes, 0 for never
 * @slope_change: how much it changes by
 * @weekly: the weekly seasonality's amplitude: a share of the trend when
 *   @multiplicative, else in currency
 * @yearly: the yearly seasonality's, likewise
 * @event: the effect of each day of the "Sale" event, likewise
 * @media_share: about how much of revenue the channels bring
 * @noise: the standard deviation of the noise, in currency
 * @missing_every: every so many periods hold no data, 0 for none
 *
 * A series with known parts, for the forecast's accuracy tests.
 */
typedef struct
{
  guint64         seed;
  MmxGranularity  granularity;
  guint           n_periods;
  guint           n_channels;
  const char     *start;
  gboolean        multiplicative;
  double          level;
  double          slope;
  guint           changepoint;
  double          slope_change;
  double          weekly;
  double          yearly;
  double          event;
  double          media_share;
  double          noise;
  guint           missing_every;
} MmxTestSeriesSpec;

/**
 * MmxTestSeries:
 * @panel: all periods
 * @responses: each channel's true response to spend
 * @events: the days of the "Sale" event
 * @trend: the true trend of each period
 * @weekly: the weekly seasonality's part of each period, in currency
 * @yearly: the yearly one's
 * @event: the event's
 * @media: n_periods × n_channels: each channel's part
 * @expected: revenue without the noise
 */
typedef struct
{
  MmxPanel    *panel;
  MmxResponse  responses[MMX_TEST_SERIES_MAX_CHANNELS];
  MmxEvents   *events;
  double      *trend;
  double      *weekly;
  double      *yearly;
  double      *event;
  double      *media;
  double      *expected;
} MmxTestSeries;

MmxTestSeries *mmx_test_series_new         (const MmxTestSeriesSpec *spec) G_GNUC_WARN_UNUSED_RESULT;
void           mmx_test_series_free        (MmxTestSeries           *self);
MmxPanel      *mmx_test_series_get_history (MmxTestSeries           *self,
                                            guint                    n_periods) G_GNUC_WARN_UNUSED_RESULT;
double         mmx_test_series_media_total (MmxTestSeries           *self,
                                            guint                    channel,
                                            guint                    first,
                                            guint                    n,
                                            double                   factor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxTestSeries, mmx_test_series_free)

G_END_DECLS
