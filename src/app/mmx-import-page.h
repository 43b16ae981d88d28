/* mmx-import-page.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mmx-import-preview.h"
#include "mmx-import-summary.h"
#include "mmx-import-summary-view.h"

G_BEGIN_DECLS

#define MMX_TYPE_IMPORT_PAGE (mmx_import_page_get_type ())

G_DECLARE_FINAL_TYPE (MmxImportPage, mmx_import_page, MMX, IMPORT_PAGE, GtkWidget)

void                    mmx_import_page_set_db_path        (MmxImportPage  *self,
                                                            const char     *db_path);
void                    mmx_import_page_open_files         (MmxImportPage  *self,
                                                            GFile         **files,
                                                            guint           n_files,
                                                            gboolean        without_review);
const char             *mmx_import_page_get_state          (MmxImportPage  *self);
const char             *mmx_import_page_get_error          (MmxImportPage  *self);
MmxImportPreview       *mmx_import_page_get_preview        (MmxImportPage  *self);
MmxImportSummaryView   *mmx_import_page_get_summary_view   (MmxImportPage  *self);
const MmxImportSummary *mmx_import_page_get_summary        (MmxImportPage  *self);
guint                   mmx_import_page_get_n_history      (MmxImportPage  *self);
void                    mmx_import_page_confirm            (MmxImportPage  *self);
void                    mmx_import_page_cancel             (MmxImportPage  *self);
void                    mmx_import_page_skip               (MmxImportPage  *self);

G_END_DECLS
