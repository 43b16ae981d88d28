/* mmx-chart-view.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mmx-chart.h"

G_BEGIN_DECLS

#define MMX_TYPE_CHART_VIEW (mmx_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (MmxChartView, mmx_chart_view, MMX, CHART_VIEW, GtkWidget)

MmxChart *mmx_chart_view_get_chart (MmxChartView *self);
void      mmx_chart_view_set_chart (MmxChartView *self,
                                    MmxChart     *chart);

G_END_DECLS
