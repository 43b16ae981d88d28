/* mmx-range-dialog.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mmx-overview.h"

G_BEGIN_DECLS

#define MMX_TYPE_RANGE_DIALOG (mmx_range_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MmxRangeDialog, mmx_range_dialog, MMX, RANGE_DIALOG, AdwWindow)

MmxRangeDialog *mmx_range_dialog_new    (GtkWindow         *parent,
                                         const MmxOverview *overview,
                                         const char        *from,
                                         const char        *to) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_range_dialog_select (MmxRangeDialog    *self,
                                         const char        *from,
                                         const char        *to);
void            mmx_range_dialog_apply  (MmxRangeDialog    *self);

G_END_DECLS
