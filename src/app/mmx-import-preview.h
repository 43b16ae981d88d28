/* mmx-import-preview.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mmx-import.h"

G_BEGIN_DECLS

#define MMX_TYPE_IMPORT_PREVIEW (mmx_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (MmxImportPreview, mmx_import_preview, MMX, IMPORT_PREVIEW, GtkWidget)

void              mmx_import_preview_set_import         (MmxImportPreview *self,
                                                         MmxImport        *import,
                                                         GPtrArray        *channels,
                                                         MmxColumnMapping *mapping,
                                                         const char       *file_name);
void              mmx_import_preview_set_table          (MmxImportPreview *self,
                                                         GPtrArray        *head,
                                                         char              delimiter,
                                                         const GError     *error,
                                                         MmxColumnMapping *mapping,
                                                         const char       *file_name);
gboolean          mmx_import_preview_get_ready          (MmxImportPreview *self);
MmxColumnMapping *mmx_import_preview_dup_mapping        (MmxImportPreview *self) G_GNUC_WARN_UNUSED_RESULT;
const char       *mmx_import_preview_get_mapping_name   (MmxImportPreview *self);
void              mmx_import_preview_set_column_field   (MmxImportPreview *self,
                                                         guint             column,
                                                         MmxField          field);
void              mmx_import_preview_set_date_format    (MmxImportPreview *self,
                                                         MmxDateFormat     format);
void              mmx_import_preview_set_delimiter      (MmxImportPreview *self,
                                                         char              delimiter);
void              mmx_import_preview_rename_channel     (MmxImportPreview *self,
                                                         const char       *as_written,
                                                         const char       *stored_as);

G_END_DECLS
