/* mmx-overview.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-date-range.h"
#include "mmx-kpis.h"
#include "mmx-series.h"

G_BEGIN_DECLS

/**
 * MmxOverview:
 * @from: (nullable): the first day of the range, `YYYY-MM-DD`; %NULL when
 *   the range holds no day
 * @to: (nullable): its last day
 * @data_first: (nullable): the first day the store holds; %NULL when empty
 * @data_last: (nullable): the last day the store holds
 * @granularity: whether the store holds days or weeks;
 *   %MMX_GRANULARITY_UNKNOWN when empty
 * @kpis: the KPIs of the range
 * @previous: (nullable): the KPIs of the period of equal length just
 *   before; %NULL unless the store holds data for all of it, so a change
 *   is never computed against a half-empty period
 * @series: spend and revenue over time in the range
 *
 * What the dashboard (and the report) shows for a date range.
 */
typedef struct
{
  char           *from;
  char           *to;
  char           *data_first;
  char           *data_last;
  MmxGranularity  granularity;
  MmxKpis        *kpis;
  MmxKpis        *previous;
  MmxSeries      *series;
} MmxOverview;

MmxOverview *mmx_overview_query  (MmxStore            *store,
                                  MmxDateRangePreset   preset,
                                  const char          *custom_from,
                                  const char          *custom_to,
                                  MmxGranularity       by,
                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void         mmx_overview_free   (MmxOverview         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxOverview, mmx_overview_free)

G_END_DECLS
