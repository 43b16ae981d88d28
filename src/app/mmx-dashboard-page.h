/* mmx-dashboard-page.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mmx-chart.h"
#include "mmx-kpi-tile.h"
#include "mmx-number-format.h"
#include "mmx-overview.h"

G_BEGIN_DECLS

/**
 * MmxDashboardChart:
 * @MMX_DASHBOARD_CHART_TIME: spend and revenue over time
 * @MMX_DASHBOARD_CHART_ROAS: ROAS per channel
 * @MMX_DASHBOARD_CHART_SHARE: spend share per channel
 */
typedef enum
{
  MMX_DASHBOARD_CHART_TIME,
  MMX_DASHBOARD_CHART_ROAS,
  MMX_DASHBOARD_CHART_SHARE,
} MmxDashboardChart;

/**
 * MmxDashboardKpi:
 * @MMX_DASHBOARD_KPI_SPEND: total spend
 * @MMX_DASHBOARD_KPI_REVENUE: total revenue
 * @MMX_DASHBOARD_KPI_ROAS: blended ROAS
 * @MMX_DASHBOARD_KPI_CONVERSIONS: conversions
 */
typedef enum
{
  MMX_DASHBOARD_KPI_SPEND,
  MMX_DASHBOARD_KPI_REVENUE,
  MMX_DASHBOARD_KPI_ROAS,
  MMX_DASHBOARD_KPI_CONVERSIONS,
} MmxDashboardKpi;

#define MMX_TYPE_DASHBOARD_PAGE (mmx_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (MmxDashboardPage, mmx_dashboard_page, MMX, DASHBOARD_PAGE, GtkWidget)

gboolean           mmx_dashboard_chart_from_string        (const char            *name,
                                                           MmxDashboardChart     *out_chart);

void               mmx_dashboard_page_set_db_path         (MmxDashboardPage      *self,
                                                           const char            *db_path);
void               mmx_dashboard_page_set_number_format   (MmxDashboardPage      *self,
                                                           const MmxNumberFormat *format);
void               mmx_dashboard_page_reload              (MmxDashboardPage      *self);
gboolean           mmx_dashboard_page_get_loading         (MmxDashboardPage      *self);
gboolean           mmx_dashboard_page_get_has_data        (MmxDashboardPage      *self);
const MmxOverview *mmx_dashboard_page_get_overview        (MmxDashboardPage      *self);
MmxKpiTile        *mmx_dashboard_page_get_kpi_tile        (MmxDashboardPage      *self,
                                                           MmxDashboardKpi        kpi);
MmxChart          *mmx_dashboard_page_get_chart           (MmxDashboardPage      *self,
                                                           MmxDashboardChart      chart);
GtkWidget         *mmx_dashboard_page_get_chart_view     (MmxDashboardPage      *self,
                                                           MmxDashboardChart      chart);
GtkWidget         *mmx_dashboard_page_get_channel_table   (MmxDashboardPage      *self);
void               mmx_dashboard_page_show_channel        (MmxDashboardPage      *self,
                                                           const char            *channel,
                                                           gboolean               shown);
gboolean           mmx_dashboard_page_export_chart        (MmxDashboardPage      *self,
                                                           MmxDashboardChart      chart,
                                                           GFile                 *file,
                                                           MmxChartFormat         format,
                                                           GError               **error);
gboolean           mmx_dashboard_page_export_table        (MmxDashboardPage      *self,
                                                           GFile                 *file,
                                                           GError               **error);
void               mmx_dashboard_page_choose_chart_export (MmxDashboardPage      *self,
                                                           MmxDashboardChart      chart);
void               mmx_dashboard_page_choose_table_export (MmxDashboardPage      *self);

G_END_DECLS
