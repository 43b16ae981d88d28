/* mmx-kpis.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mmx-store.h"

G_BEGIN_DECLS

/**
 * MmxChannelKpis:
 * @name: the channel
 * @is_total: whether this is the revenue given for all channels together
 * @spend: money spent
 * @revenue: revenue reported for the channel; NAN when none was
 * @roas: revenue per unit of spend; NAN without spend or revenue
 * @conversions: conversions; NAN when none were reported
 * @spend_share: the channel's part of all spend, 0–1; NAN without spend
 *
 * Every value that cannot be computed is NAN, never an infinity.
 */
typedef struct
{
  char     *name;
  gboolean  is_total;
  double    spend;
  double    revenue;
  double    roas;
  double    conversions;
  double    spend_share;
} MmxChannelKpis;

/**
 * MmxKpis:
 * @from: (nullable): the first day counted, `YYYY-MM-DD`
 * @to: (nullable): the last day counted
 * @spend: all spend
 * @revenue: all revenue; NAN when none is stored
 * @roas: blended ROAS, all revenue over all spend; NAN without spend
 * @conversions: all conversions; NAN when none are stored
 * @channels: (element-type MmxChannelKpis): by spend, highest first
 */
typedef struct
{
  char      *from;
  char      *to;
  double     spend;
  double     revenue;
  double     roas;
  double     conversions;
  GPtrArray *channels;
} MmxKpis;

/* The columns of mmx_channel_kpis_append_csv(). */
#define MMX_CHANNEL_KPIS_CSV_HEADER "channel,spend,revenue,roas,conversions,spend_share\r\n"

MmxKpis  *mmx_kpis_query       (MmxStore       *store,
                                const char     *from,
                                const char     *to,
                                GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void      mmx_kpis_free        (MmxKpis        *self);
void      mmx_kpis_build_json  (const MmxKpis  *self,
                                JsonBuilder    *builder);
double    mmx_kpis_change      (double          current,
                                double          previous);

void      mmx_channel_kpis_append_csv (const MmxChannelKpis *self,
                                       GString              *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxKpis, mmx_kpis_free)

G_END_DECLS
