/* mmx-csv-table.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A side file holds a few hundred rows; more is the wrong file. */
#define MMX_CSV_TABLE_MAX_ROWS 100000

/**
 * MmxCsvTable:
 *
 * A small CSV file the models read beside the data (events, lift tests,
 * spend plans), held in memory, with readers of typed values whose
 * errors name the file, the row and the column. Reading is through
 * #MmxCsvReader, so encodings, delimiters and quoting are the import's.
 */
typedef struct _MmxCsvTable MmxCsvTable;

MmxCsvTable *mmx_csv_table_load        (GFile               *file,
                                        GCancellable        *cancellable,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
MmxCsvTable *mmx_csv_table_load_columns (GFile              *file,
                                        const char * const * const *names,
                                        guint                n_columns,
                                        int                 *out_columns,
                                        const char          *empty_advice,
                                        GCancellable        *cancellable,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void         mmx_csv_table_free        (MmxCsvTable         *self);
const char  *mmx_csv_table_get_name    (MmxCsvTable         *self);
guint        mmx_csv_table_get_n_rows  (MmxCsvTable         *self);
guint        mmx_csv_table_get_line    (MmxCsvTable         *self,
                                        guint                row);
int          mmx_csv_table_find_column (MmxCsvTable         *self,
                                        const char * const  *names);
int          mmx_csv_table_require_column (MmxCsvTable      *self,
                                        const char * const  *names,
                                        GError             **error);
const char  *mmx_csv_table_get_text    (MmxCsvTable         *self,
                                        guint                row,
                                        int                  column);
gboolean     mmx_csv_table_get_date    (MmxCsvTable         *self,
                                        guint                row,
                                        int                  column,
                                        guint32             *out_julian,
                                        GError             **error);
gboolean     mmx_csv_table_get_number  (MmxCsvTable         *self,
                                        guint                row,
                                        int                  column,
                                        double              *out_value,
                                        GError             **error);
void         mmx_csv_table_set_error   (MmxCsvTable         *self,
                                        guint                row,
                                        int                  column,
                                        GError             **error,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (5, 6);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxCsvTable, mmx_csv_table_free)

G_END_DECLS
