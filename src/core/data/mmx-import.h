/* mmx-import.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mmx-column-mapping.h"
#include "mmx-import-error.h"
#include "mmx-import-summary.h"
#include "mmx-number.h"
#include "mmx-store.h"

G_BEGIN_DECLS

/* The earliest date accepted: older rows are typing mistakes. */
#define MMX_IMPORT_EARLIEST_DATE "1990-01-01"

/* How many data rows the preview keeps and detection reads. */
#define MMX_IMPORT_SAMPLE_ROWS 1000

/**
 * MmxChannelPreview:
 * @as_written: the channel as the file writes it
 * @stored_as: the name it will be stored under
 */
typedef struct
{
  char *as_written;
  char *stored_as;
} MmxChannelPreview;

/* Called on the importing thread at most every few thousand rows. */
typedef void (*MmxImportProgressFunc) (double   fraction,
                                       gpointer user_data);

#define MMX_TYPE_IMPORT (mmx_import_get_type ())

G_DECLARE_FINAL_TYPE (MmxImport, mmx_import, MMX, IMPORT, GObject)

MmxImport            *mmx_import_new                    (MmxStore              *store,
                                                         GFile                 *file,
                                                         MmxColumnMapping      *mapping,
                                                         GCancellable          *cancellable,
                                                         GError               **error) G_GNUC_WARN_UNUSED_RESULT;
MmxImportShape        mmx_import_get_shape              (MmxImport             *self);
MmxGranularity        mmx_import_get_granularity        (MmxImport             *self);
char                  mmx_import_get_delimiter          (MmxImport             *self);
gboolean              mmx_import_get_delimiter_ambiguous (MmxImport            *self);
const char           *mmx_import_get_encoding           (MmxImport             *self);
MmxDecimalMark        mmx_import_get_decimal_mark       (MmxImport             *self);
MmxDateFormat         mmx_import_get_date_format        (MmxImport             *self);
gboolean              mmx_import_get_date_ambiguous     (MmxImport             *self);
guint                 mmx_import_get_header_row         (MmxImport             *self);
const char           *mmx_import_get_header_key         (MmxImport             *self);
const char           *mmx_import_get_mapping_name       (MmxImport             *self);
guint                 mmx_import_get_n_columns          (MmxImport             *self);
const char           *mmx_import_get_column_name        (MmxImport             *self,
                                                         guint                  column);
const MmxColumnRole  *mmx_import_get_column_role        (MmxImport             *self,
                                                         guint                  column);
guint                 mmx_import_get_n_sample_rows      (MmxImport             *self);
const char * const   *mmx_import_get_sample_row         (MmxImport             *self,
                                                         guint                  row);
GPtrArray            *mmx_import_list_channels          (MmxImport             *self,
                                                         GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv                 mmx_import_dup_notes              (MmxImport             *self) G_GNUC_WARN_UNUSED_RESULT;
void                  mmx_import_set_today              (MmxImport             *self,
                                                         guint32                julian);
MmxImportSummary     *mmx_import_run                    (MmxImport             *self,
                                                         MmxImportProgressFunc  progress,
                                                         gpointer               user_data,
                                                         GCancellable          *cancellable,
                                                         GError               **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean              mmx_import_build_preview_json     (MmxImport             *self,
                                                         JsonBuilder           *builder,
                                                         guint                  max_rows,
                                                         GError               **error);

void                  mmx_channel_preview_free          (MmxChannelPreview     *preview);

G_END_DECLS
