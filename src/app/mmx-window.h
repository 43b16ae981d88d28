/* mmx-window.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mmx-application.h"
#include "mmx-dashboard-page.h"
#include "mmx-import-page.h"

G_BEGIN_DECLS

#define MMX_TYPE_WINDOW (mmx_window_get_type ())

G_DECLARE_FINAL_TYPE (MmxWindow, mmx_window, MMX, WINDOW, AdwApplicationWindow)

MmxWindow        *mmx_window_new                (MmxApplication  *application) G_GNUC_WARN_UNUSED_RESULT;
MmxDashboardPage *mmx_window_get_dashboard_page (MmxWindow       *self);
MmxImportPage    *mmx_window_get_import_page    (MmxWindow       *self);
const char       *mmx_window_get_page           (MmxWindow       *self);
void              mmx_window_open_files         (MmxWindow       *self,
                                                 GFile          **files,
                                                 guint            n_files,
                                                 gboolean         without_review);
void              mmx_window_show_toast         (MmxWindow       *self,
                                                 const char      *message);

G_END_DECLS
