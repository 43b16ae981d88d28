/* mmx-panel.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-store.h"

G_BEGIN_DECLS

/**
 * MmxPanel:
 * @granularity: daily or weekly
 * @geo: (nullable): the region, or %NULL when all are summed
 * @first_day: the Julian day of period 0
 * @n_periods: days or weeks
 * @n_channels: the media channels: those that spent in the range
 * @channel_names: their names, alphabetical
 * @spend: @n_periods × @n_channels, period-major: spend[t * n_channels + k]
 * @channel_revenue: the same shape: revenue the channel's platform reported
 * @channel_missing: the same shape: %TRUE where the channel had no row
 * @revenue: @n_periods: all revenue of the period, of every channel and of
 *   none; the modelling target
 * @conversions: @n_periods: all conversions
 * @missing: @n_periods: %TRUE where nothing at all is stored
 * @n_controls: the control variables
 * @control_names: their names
 * @controls: @n_periods × @n_controls: the mean over regions; 0 where absent
 *
 * The dense matrix of dates × channels the models read. Missing values are
 * 0 and flagged. A panel never changes once loaded, so threads share it.
 */
typedef struct
{
  MmxGranularity  granularity;
  char           *geo;
  guint32         first_day;
  guint           n_periods;
  guint           n_channels;
  char          **channel_names;
  double         *spend;
  double         *channel_revenue;
  gboolean       *channel_missing;
  double         *revenue;
  double         *conversions;
  gboolean       *missing;
  guint           n_controls;
  char          **control_names;
  double         *controls;
} MmxPanel;

#define MMX_TYPE_PANEL (mmx_panel_get_type ())

GType     mmx_panel_get_type      (void) G_GNUC_CONST;
MmxPanel *mmx_panel_load          (MmxStore        *store,
                                   const char      *from,
                                   const char      *to,
                                   const char      *geo,
                                   GError         **error) G_GNUC_WARN_UNUSED_RESULT;
MmxPanel *mmx_panel_ref           (MmxPanel        *self);
void      mmx_panel_unref         (MmxPanel        *self);
guint32   mmx_panel_get_day       (const MmxPanel  *self,
                                   guint            period);

char     *mmx_panel_compute_checksum (const MmxPanel *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxPanel, mmx_panel_unref)

G_END_DECLS
