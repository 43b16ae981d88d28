/* mmx-dashboard-charts.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-bar-chart.h"
#include "mmx-donut-chart.h"
#include "mmx-kpis.h"
#include "mmx-series.h"
#include "mmx-time-chart.h"

G_BEGIN_DECLS

guint mmx_dashboard_channel_color      (const MmxKpis       *kpis,
                                        const char          *channel);
void  mmx_dashboard_fill_time_chart    (MmxTimeChart        *chart,
                                        const MmxSeries     *series,
                                        const MmxKpis       *kpis,
                                        gboolean             show_total,
                                        const char * const  *channels);
void  mmx_dashboard_fill_roas_chart    (MmxBarChart         *chart,
                                        const MmxKpis       *kpis);
void  mmx_dashboard_fill_share_chart   (MmxDonutChart       *chart,
                                        const MmxKpis       *kpis);

G_END_DECLS
