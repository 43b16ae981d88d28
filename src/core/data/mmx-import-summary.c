/* mmx-import-summary.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-import"

#include "config.h"

#include "mmx-csv-writer.h"
#include "mmx-import-summary.h"
#include "mmx-json.h"

const char *
mmx_import_shape_to_string (MmxImportShape shape)
{
  return shape == MMX_IMPORT_SHAPE_WIDE ? "wide" : "long";
}

static void
mmx_import_issue_free (MmxImportIssue *issue)
{
  g_free (issue->column);
  g_free (issue->message);
  g_free (issue);
}

MmxImportSummary *
mmx_import_summary_new (const char *file)
{
  MmxImportSummary *self = g_new0 (MmxImportSummary, 1);

  self->file = g_strdup (file);
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_import_issue_free);
  return self;
}

void
mmx_import_summary_free (MmxImportSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->encoding);
  g_free (self->mapping_name);
  g_free (self->first_date);
  g_free (self->last_date);
  g_strfreev (self->ignored_columns);
  g_strfreev (self->notes);
  g_strfreev (self->channels);
  g_ptr_array_unref (self->issues);
  g_free (self);
}

/**
 * mmx_import_summary_add_issue:
 * @self: a summary
 * @row: the line of the file
 * @column: (nullable): the column's header
 * @message: what is wrong
 *
 * Records an error, listing it while there is room.
 */
void
mmx_import_summary_add_issue (MmxImportSummary *self,
                              guint             row,
                              const char       *column,
                              const char       *message)
{
  MmxImportIssue *issue;

  self->n_issues++;
  if (self->issues->len >= MMX_IMPORT_MAX_LISTED_ISSUES)
    return;

  issue = g_new0 (MmxImportIssue, 1);
  issue->row = row;
  issue->column = g_strdup (column);
  issue->message = g_strdup (message);
  g_ptr_array_add (self->issues, issue);
}

/**
 * mmx_import_summary_get_imported:
 * @self: a summary
 *
 * Returns: the rows that reached the database
 */
guint
mmx_import_summary_get_imported (const MmxImportSummary *self)
{
  return self->inserted + self->updated + self->merged;
}

/**
 * mmx_import_summary_build_json:
 * @self: a summary
 * @builder: a builder, inside an object
 *
 * Adds the summary's members to the object @builder is building, in the
 * shape `marketingmix-cli import --json` prints.
 */
void
mmx_import_summary_build_json (const MmxImportSummary *self,
                               JsonBuilder            *builder)
{
  char delimiter[2] = { self->delimiter, '\0' };

  mmx_json_add_string (builder, "file", self->file);
  mmx_json_add_string (builder, "shape", mmx_import_shape_to_string (self->shape));
  mmx_json_add_string (builder, "granularity", mmx_granularity_to_string (self->granularity));
  mmx_json_add_string (builder, "delimiter", delimiter);
  mmx_json_add_string (builder, "encoding", self->encoding);
  mmx_json_add_string (builder, "date_format", mmx_date_format_to_string (self->date_format));
  mmx_json_add_int (builder, "header_row", self->header_row);
  mmx_json_add_string (builder, "mapping", self->mapping_name);
  mmx_json_add_int (builder, "inserted", self->inserted);
  mmx_json_add_int (builder, "updated", self->updated);
  mmx_json_add_int (builder, "merged", self->merged);
  mmx_json_add_int (builder, "skipped", self->skipped);
  mmx_json_add_int (builder, "rejected", self->rejected);
  mmx_json_add_string (builder, "first_date", self->first_date);
  mmx_json_add_string (builder, "last_date", self->last_date);
  mmx_json_add_strv (builder, "channels", (const char * const *) self->channels);
  mmx_json_add_strv (builder, "ignored_columns", (const char * const *) self->ignored_columns);
  mmx_json_add_strv (builder, "notes", (const char * const *) self->notes);

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->issues->len; i++)
    {
      const MmxImportIssue *issue = g_ptr_array_index (self->issues, i);

      json_builder_begin_object (builder);
      mmx_json_add_int (builder, "row", issue->row);
      mmx_json_add_string (builder, "column", issue->column);
      mmx_json_add_string (builder, "message", issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  mmx_json_add_int (builder, "errors_not_listed", self->n_issues - self->issues->len);
}

/**
 * mmx_import_summary_issues_to_csv:
 * @self: a summary
 *
 * Returns: (transfer full): the listed errors as CSV rows
 *   (`file,row,column,message`), for the user to fix the file; the header
 *   is %MMX_IMPORT_ISSUES_CSV_HEADER
 */
char *
mmx_import_summary_issues_to_csv (const MmxImportSummary *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->issues->len; i++)
    {
      const MmxImportIssue *issue = g_ptr_array_index (self->issues, i);

      mmx_csv_append_field (out, self->file);
      g_string_append_printf (out, ",%u,", issue->row);
      mmx_csv_append_field (out, issue->column);
      g_string_append_c (out, ',');
      mmx_csv_append_field (out, issue->message);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
