/* mmx-csv-reader.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MMX_CSV_ERROR (mmx_csv_error_quark ())

typedef enum
{
  MMX_CSV_ERROR_EMPTY,
  MMX_CSV_ERROR_BINARY,
  MMX_CSV_ERROR_FIELD_TOO_LONG,
  MMX_CSV_ERROR_BAD_VALUE,
  MMX_CSV_ERROR_MISSING_COLUMN,
  MMX_CSV_ERROR_TOO_MANY_ROWS,
} MmxCsvError;

/**
 * MmxCsvRecordProblem:
 * @MMX_CSV_RECORD_OK: the record was read as written
 * @MMX_CSV_RECORD_MISPLACED_QUOTE: a quote stood inside an unquoted value,
 *   or text followed a closing quote; the rest of the line was skipped
 * @MMX_CSV_RECORD_UNCLOSED_QUOTE: a quoted value ran to the end of the file
 */
typedef enum
{
  MMX_CSV_RECORD_OK,
  MMX_CSV_RECORD_MISPLACED_QUOTE,
  MMX_CSV_RECORD_UNCLOSED_QUOTE,
} MmxCsvRecordProblem;

/**
 * MmxCsvRecord:
 * @line: the line of the file where the record starts, counting from 1
 * @n_fields: the number of fields
 * @fields: (array length=n_fields zero-terminated=1): the fields, trimmed,
 *   each nul-terminated, the array %NULL-terminated; valid only during the
 *   callback
 * @problem: what went wrong reading it, if anything
 */
typedef struct
{
  guint                 line;
  guint                 n_fields;
  const char * const   *fields;
  MmxCsvRecordProblem   problem;
} MmxCsvRecord;

/* Return FALSE to stop reading (setting @error to report a failure). */
typedef gboolean (*MmxCsvRecordFunc) (const MmxCsvRecord  *record,
                                      gpointer             user_data,
                                      GError             **error);

#define MMX_TYPE_CSV_READER (mmx_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (MmxCsvReader, mmx_csv_reader, MMX, CSV_READER, GObject)

GQuark        mmx_csv_error_quark              (void);
MmxCsvReader *mmx_csv_reader_new               (GFile             *file,
                                                GCancellable      *cancellable,
                                                GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GFile        *mmx_csv_reader_get_file          (MmxCsvReader      *self);
char          mmx_csv_reader_get_delimiter     (MmxCsvReader      *self);
gboolean      mmx_csv_reader_get_delimiter_ambiguous (MmxCsvReader *self);
void          mmx_csv_reader_set_delimiter     (MmxCsvReader      *self,
                                                char               delimiter);
const char   *mmx_csv_reader_get_encoding      (MmxCsvReader      *self);
goffset       mmx_csv_reader_get_size          (MmxCsvReader      *self);
goffset       mmx_csv_reader_get_bytes_read    (MmxCsvReader      *self);
const char   *mmx_csv_reader_get_sha256        (MmxCsvReader      *self);
gboolean      mmx_csv_reader_foreach           (MmxCsvReader      *self,
                                                MmxCsvRecordFunc   func,
                                                gpointer           user_data,
                                                GCancellable      *cancellable,
                                                GError           **error);
GPtrArray    *mmx_csv_reader_read_head         (MmxCsvReader      *self,
                                                guint              max_records,
                                                GCancellable      *cancellable,
                                                GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
