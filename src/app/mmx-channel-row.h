/* mmx-channel-row.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mmx-kpis.h"

G_BEGIN_DECLS

#define MMX_TYPE_CHANNEL_ROW (mmx_channel_row_get_type ())

G_DECLARE_FINAL_TYPE (MmxChannelRow, mmx_channel_row, MMX, CHANNEL_ROW, GObject)

MmxChannelRow        *mmx_channel_row_new      (const MmxChannelKpis *kpis) G_GNUC_WARN_UNUSED_RESULT;
const MmxChannelKpis *mmx_channel_row_get_kpis (MmxChannelRow        *self);

G_END_DECLS
