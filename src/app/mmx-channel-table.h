/* mmx-channel-table.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mmx-kpis.h"
#include "mmx-number-format.h"

G_BEGIN_DECLS

#define MMX_TYPE_CHANNEL_TABLE (mmx_channel_table_get_type ())

G_DECLARE_FINAL_TYPE (MmxChannelTable, mmx_channel_table, MMX, CHANNEL_TABLE, GtkWidget)

void   mmx_channel_table_set_kpis          (MmxChannelTable       *self,
                                            const MmxKpis         *kpis);
void   mmx_channel_table_set_number_format (MmxChannelTable       *self,
                                            const MmxNumberFormat *format);
guint  mmx_channel_table_get_n_rows        (MmxChannelTable       *self);
char  *mmx_channel_table_dup_csv           (MmxChannelTable       *self) G_GNUC_WARN_UNUSED_RESULT;
void   mmx_channel_table_sort              (MmxChannelTable       *self,
                                            guint                  column,
                                            GtkSortType            order);
char  *mmx_channel_table_dup_cell          (MmxChannelTable       *self,
                                            guint                  row,
                                            guint                  column) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
