/* mmx-import-summary.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mmx-date.h"
#include "mmx-granularity.h"

G_BEGIN_DECLS

/* Rows beyond this many are counted but not listed, so a file with a
 * million broken rows still imports in bounded memory. */
#define MMX_IMPORT_MAX_LISTED_ISSUES 10000

#define MMX_IMPORT_ISSUES_CSV_HEADER "file,row,column,message\r\n"

/**
 * MmxImportIssue:
 * @row: the line of the file, counting the header as 1
 * @column: (nullable): the column's header, or %NULL for the whole row
 * @message: what is wrong, as a sentence
 *
 * Why a row was rejected.
 */
typedef struct
{
  guint  row;
  char  *column;
  char  *message;
} MmxImportIssue;

/**
 * MmxImportShape:
 * @MMX_IMPORT_SHAPE_LONG: one row per date and channel
 * @MMX_IMPORT_SHAPE_WIDE: one row per date, a column per channel
 */
typedef enum
{
  MMX_IMPORT_SHAPE_LONG,
  MMX_IMPORT_SHAPE_WIDE,
} MmxImportShape;

/**
 * MmxImportSummary:
 * @file: the file's name
 * @shape: long or wide
 * @granularity: daily or weekly
 * @delimiter: the field delimiter found
 * @encoding: the text encoding found
 * @date_format: the date format used
 * @header_row: the line of the header
 * @mapping_name: (nullable): the saved column mapping applied
 * @ignored_columns: the columns not imported
 * @notes: what the user should know about how the file was read
 * @inserted: rows that added new data
 * @updated: rows that replaced data of an earlier import
 * @merged: rows added to an earlier row of the same file with the same
 *   date, region and channel (one row per campaign, say)
 * @skipped: summary rows ("Total") left out
 * @rejected: rows with errors, not imported
 * @first_date: (nullable): the first date imported
 * @last_date: (nullable): the last date imported
 * @channels: the channels, by stored name
 * @issues: (element-type MmxImportIssue): the errors of the rejected rows,
 *   at most %MMX_IMPORT_MAX_LISTED_ISSUES
 * @n_issues: all errors, listed or not
 *
 * What an import did.
 */
typedef struct
{
  char            *file;
  MmxImportShape   shape;
  MmxGranularity   granularity;
  char             delimiter;
  char            *encoding;
  MmxDateFormat    date_format;
  guint            header_row;
  char            *mapping_name;
  GStrv            ignored_columns;
  GStrv            notes;
  guint            inserted;
  guint            updated;
  guint            merged;
  guint            skipped;
  guint            rejected;
  char            *first_date;
  char            *last_date;
  GStrv            channels;
  GPtrArray       *issues;
  guint            n_issues;
} MmxImportSummary;

const char       *mmx_import_shape_to_string        (MmxImportShape           shape);
MmxImportSummary *mmx_import_summary_new            (const char              *file) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_import_summary_free           (MmxImportSummary        *self);
void              mmx_import_summary_add_issue      (MmxImportSummary        *self,
                                                     guint                    row,
                                                     const char              *column,
                                                     const char              *message);
guint             mmx_import_summary_get_imported   (const MmxImportSummary  *self);
void              mmx_import_summary_build_json     (const MmxImportSummary  *self,
                                                     JsonBuilder             *builder);
char             *mmx_import_summary_issues_to_csv  (const MmxImportSummary  *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxImportSummary, mmx_import_summary_free)

G_END_DECLS
