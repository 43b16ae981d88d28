/* mmx-import-summary-view.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mmx-import-summary.h"

G_BEGIN_DECLS

#define MMX_TYPE_IMPORT_SUMMARY_VIEW (mmx_import_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (MmxImportSummaryView, mmx_import_summary_view, MMX, IMPORT_SUMMARY_VIEW, GtkWidget)

void   mmx_import_summary_view_set_summary    (MmxImportSummaryView   *self,
                                               const MmxImportSummary *summary);
char  *mmx_import_summary_view_dup_issues_csv (MmxImportSummaryView   *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
