/* mmx-kpi-tile.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * MmxKpiTrend:
 * @MMX_KPI_TREND_NEUTRAL: neither way is better (spend)
 * @MMX_KPI_TREND_UP_IS_GOOD: a rise is good news (revenue, ROAS)
 */
typedef enum
{
  MMX_KPI_TREND_NEUTRAL,
  MMX_KPI_TREND_UP_IS_GOOD,
} MmxKpiTrend;

#define MMX_TYPE_KPI_TILE (mmx_kpi_tile_get_type ())

G_DECLARE_FINAL_TYPE (MmxKpiTile, mmx_kpi_tile, MMX, KPI_TILE, GtkWidget)

const char *mmx_kpi_tile_get_title   (MmxKpiTile  *self);
void        mmx_kpi_tile_set_title   (MmxKpiTile  *self,
                                      const char  *title);
const char *mmx_kpi_tile_get_value   (MmxKpiTile  *self);
const char *mmx_kpi_tile_get_change  (MmxKpiTile  *self);
void        mmx_kpi_tile_set_figures (MmxKpiTile  *self,
                                      const char  *value,
                                      const char  *change,
                                      double       relative_change,
                                      MmxKpiTrend  trend,
                                      const char  *details);

G_END_DECLS
