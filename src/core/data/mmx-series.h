/* mmx-series.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mmx-granularity.h"
#include "mmx-store.h"

G_BEGIN_DECLS

/**
 * MmxSeries:
 * @granularity: what one period is: a day, or a week starting on Monday
 *   (weekly data keeps its own weeks)
 * @n_periods: the number of periods
 * @period_start: (array length=n_periods): the Julian day each period
 *   starts on
 * @period_days: (array length=n_periods): how many days of the range each
 *   period holds: fewer than 7 for a week cut by the range's ends
 * @n_channels: the number of media channels with spend in the range
 * @channel_names: (array zero-terminated=1): their names
 * @spend: (array): spend, @n_periods rows of @n_channels
 * @revenue: (array): revenue reported by each channel, in the same layout
 * @total_spend: (array length=n_periods): spend of all channels
 * @total_revenue: (array length=n_periods): all revenue, including what is
 *   not reported by a channel (a wide file's)
 *
 * Spend and revenue over time, for the dashboard's charts.
 */
typedef struct
{
  MmxGranularity  granularity;
  guint           n_periods;
  guint32        *period_start;
  guint          *period_days;
  guint           n_channels;
  char          **channel_names;
  double         *spend;
  double         *revenue;
  double         *total_spend;
  double         *total_revenue;
} MmxSeries;

MmxSeries *mmx_series_query       (MmxStore         *store,
                                   const char       *from,
                                   const char       *to,
                                   MmxGranularity    by,
                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void       mmx_series_free        (MmxSeries        *self);
void       mmx_series_build_json  (const MmxSeries  *self,
                                   JsonBuilder      *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxSeries, mmx_series_free)

G_END_DECLS
