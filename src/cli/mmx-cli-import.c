/* mmx-cli-import.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "mmx-cli.h"
#include "mmx-import.h"
#include "mmx-json.h"

/* Errors shown per file without --json; the rest are counted. */
#define MAX_PRINTED_ISSUES 20

#define PREVIEW_ROWS 5

typedef struct
{
  char     *date_format;
  char    **maps;
  char     *channel;
  char     *mapping_name;
  char     *save_mapping;
  char     *errors_csv;
  char    **files;
  gboolean  preview;
  gboolean  json;
} ImportOptions;

static void
import_options_clear (ImportOptions *options)
{
  g_free (options->date_format);
  g_strfreev (options->maps);
  g_free (options->channel);
  g_free (options->mapping_name);
  g_free (options->save_mapping);
  g_free (options->errors_csv);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  const char *name = user_data;

  g_printerr ("\r%s: %3.0f%%", name, fraction * 100);
  if (fraction >= 1.0)
    g_printerr ("\n");
}

/* The mapping the options give: --map, --date-format and --channel. It
 * is checked before the database is opened, so bad usage creates nothing. */
static MmxColumnMapping *
parse_mapping_options (ImportOptions  *options,
                       GOptionContext *context,
                       int            *out_status)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; options->maps != NULL && options->maps[i] != NULL; i++)
    if (!mmx_column_mapping_parse_argument (mapping, options->maps[i], &error))
      {
        *out_status = mmx_cli_usage_error (context, "%s", error->message);
        return NULL;
      }

  if (options->date_format != NULL)
    {
      MmxDateFormat format = mmx_date_format_from_string (options->date_format);

      if (format == MMX_DATE_FORMAT_UNKNOWN)
        {
          *out_status = mmx_cli_usage_error (context,
                                             _("“%s” is not a date format: use dmy, mdy, iso, "
                                               "ymd or month-name."), options->date_format);
          return NULL;
        }
      mmx_column_mapping_set_date_format (mapping, format);
    }
  if (options->channel != NULL)
    mmx_column_mapping_set_channel (mapping, options->channel);

  return g_steal_pointer (&mapping);
}

/* A saved mapping (--mapping) with the options on top, named as it will
 * be saved (--save-mapping). */
static MmxColumnMapping *
complete_mapping (MmxStore         *store,
                  ImportOptions    *options,
                  MmxColumnMapping *given)
{
  g_autoptr(MmxColumnMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;

  if (options->mapping_name != NULL)
    {
      mapping = mmx_store_load_mapping (store, options->mapping_name, &error);
      if (mapping == NULL)
        {
          mmx_cli_print_error (error);
          return NULL;
        }
      mmx_column_mapping_update (mapping, given);
    }
  else
    mapping = g_object_ref (given);

  if (options->save_mapping != NULL)
    mmx_column_mapping_set_name (mapping, options->save_mapping);
  return g_steal_pointer (&mapping);
}

static void
print_preview (MmxImport *import)
{
  g_autoptr(GPtrArray) channels = mmx_import_list_channels (import, NULL);
  g_auto(GStrv) notes = mmx_import_dup_notes (import);
  char delimiter = mmx_import_get_delimiter (import);

  g_print (_("%s file, %s, delimiter “%s”, dates %s%s, %s, header on row %u\n"),
           mmx_import_shape_to_string (mmx_import_get_shape (import)),
           mmx_granularity_to_string (mmx_import_get_granularity (import)),
           delimiter == '\t' ? "tab" : (char[]) { delimiter, '\0' },
           mmx_date_format_describe (mmx_import_get_date_format (import)),
           mmx_import_get_date_ambiguous (import) ? _(" (ambiguous)") : "",
           mmx_import_get_encoding (import),
           mmx_import_get_header_row (import));

  g_print (_("Columns:\n"));
  for (guint i = 0; i < mmx_import_get_n_columns (import); i++)
    {
      g_autofree char *role = mmx_column_role_to_string (mmx_import_get_column_role (import, i));

      g_print ("  %-28s → %s\n", mmx_import_get_column_name (import, i), role);
    }

  if (channels != NULL && channels->len > 0)
    {
      g_print (_("Channels:\n"));
      for (guint i = 0; i < channels->len; i++)
        {
          const MmxChannelPreview *channel = g_ptr_array_index (channels, i);

          g_print ("  %-28s → %s\n", channel->as_written, channel->stored_as);
        }
    }

  g_print (_("First rows:\n"));
  for (guint i = 0; i < MIN (PREVIEW_ROWS, mmx_import_get_n_sample_rows (import)); i++)
    {
      g_autofree char *row = g_strjoinv (" | ", (GStrv) mmx_import_get_sample_row (import, i));

      g_print ("  %s\n", row);
    }
  for (guint i = 0; notes[i] != NULL; i++)
    g_print (_("Note: %s\n"), notes[i]);
}

static void
print_summary (const MmxImportSummary *summary)
{
  g_print (_("%s: %u inserted, %u updated, %u rejected"), summary->file, summary->inserted,
           summary->updated, summary->rejected);
  if (summary->merged > 0)
    g_print (_(", %u added to rows above them"), summary->merged);
  if (summary->skipped > 0)
    g_print (_(", %u total rows skipped"), summary->skipped);
  g_print ("\n");

  if (summary->first_date != NULL)
    {
      g_autofree char *channels = g_strjoinv (", ", summary->channels);

      g_print (_("  %s %s data from %s to %s; channels: %s\n"),
               mmx_import_shape_to_string (summary->shape),
               mmx_granularity_to_string (summary->granularity),
               summary->first_date, summary->last_date,
               *channels != '\0' ? channels : _("none"));
    }
  for (guint i = 0; summary->notes[i] != NULL; i++)
    g_print (_("  Note: %s\n"), summary->notes[i]);
  if (summary->ignored_columns[0] != NULL)
    {
      g_autofree char *ignored = g_strjoinv (", ", summary->ignored_columns);

      g_print (_("  Not imported: %s\n"), ignored);
    }

  for (guint i = 0; i < MIN (MAX_PRINTED_ISSUES, summary->issues->len); i++)
    {
      const MmxImportIssue *issue = g_ptr_array_index (summary->issues, i);

      if (issue->column != NULL)
        g_print (_("  Row %u, column “%s”: %s\n"), issue->row, issue->column, issue->message);
      else
        g_print (_("  Row %u: %s\n"), issue->row, issue->message);
    }
  if (summary->n_issues > MAX_PRINTED_ISSUES)
    g_print (_("  … and %u more errors (see them all with --errors-csv FILE or --json).\n"),
             summary->n_issues - MAX_PRINTED_ISSUES);
  if (summary->rejected > 0)
    g_print (_("  Fix the rejected rows and import the file again: rows already imported are "
               "replaced, not doubled.\n"));
}

static void
add_failed_file (JsonBuilder  *builder,
                 const char   *file,
                 const GError *error)
{
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "file", file);
  mmx_json_add_string (builder, "error", error->message);
  mmx_json_add_int (builder, "inserted", 0);
  mmx_json_add_int (builder, "updated", 0);
  mmx_json_add_int (builder, "rejected", 0);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Imports one file; returns whether at least one row reached the store. */
static gboolean
import_file (MmxStore         *store,
             const char       *path,
             MmxColumnMapping *mapping,
             ImportOptions    *options,
             JsonBuilder      *builder,
             GString          *issues_csv)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gboolean show_progress = !options->json && !options->preview && isatty (STDERR_FILENO);

  import = mmx_import_new (store, file, mmx_column_mapping_is_empty (mapping) ? NULL : mapping,
                           NULL, &error);
  if (import != NULL && options->save_mapping != NULL
      && !mmx_store_save_mapping (store, options->save_mapping,
                                  mmx_import_get_header_key (import), mapping, &error))
    g_clear_object (&import);

  if (import != NULL && options->preview)
    {
      if (!options->json)
        {
          print_preview (import);
          return TRUE;
        }
      json_builder_begin_object (builder);
      if (mmx_import_build_preview_json (import, builder, PREVIEW_ROWS * 4, &error))
        {
          json_builder_end_object (builder);
          return TRUE;
        }
      json_builder_end_object (builder);
      mmx_cli_print_error (error);
      return FALSE;
    }

  if (import != NULL)
    summary = mmx_import_run (import, show_progress ? progress_cb : NULL, name, NULL, &error);

  if (summary == NULL)
    {
      g_printerr ("marketingmix-cli: %s: %s\n", path, error->message);
      if (options->json)
        add_failed_file (builder, name, error);
      return FALSE;
    }

  if (options->json)
    {
      json_builder_begin_object (builder);
      mmx_import_summary_build_json (summary, builder);
      json_builder_end_object (builder);
    }
  else
    print_summary (summary);

  if (issues_csv != NULL)
    {
      g_autofree char *rows = mmx_import_summary_issues_to_csv (summary);

      g_string_append (issues_csv, rows);
    }
  return mmx_import_summary_get_imported (summary) > 0;
}

int
mmx_cli_import (const char  *db_path,
                int          argc,
                char       **argv)
{
  g_auto(ImportOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(MmxColumnMapping) given = NULL;
  g_autoptr(MmxColumnMapping) mapping = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) issues_csv = NULL;
  int status = MMX_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &options.date_format,
      N_("How to read ambiguous dates: dmy (31/12/2025) or mdy (12/31/2025)"), "FORMAT" },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.maps,
      N_("Say what a column holds: date, revenue, channel, spend, spend:CHANNEL, impressions, "
         "clicks, conversions, new_customers, returning_customers, revenue_per_conversion, "
         "control:NAME, geo or ignore"), "COLUMN=FIELD" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &options.channel,
      N_("The channel of a file that has no channel column"), "NAME" },
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &options.mapping_name,
      N_("Use a saved column mapping"), "NAME" },
    { "save-mapping", 0, 0, G_OPTION_ARG_STRING, &options.save_mapping,
      N_("Save this mapping; files with the same header then use it"), "NAME" },
    { "preview", 0, 0, G_OPTION_ARG_NONE, &options.preview,
      N_("Show how the files would be read, and write nothing"), NULL },
    { "errors-csv", 0, 0, G_OPTION_ARG_FILENAME, &options.errors_csv,
      N_("Write the rejected rows’ errors to a CSV file"), "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — import CSV exports of spend and revenue"));
  g_option_context_set_description (context,
    _("Long files have a row per date and channel (date,channel,spend,revenue,…); wide files\n"
      "a row per date with a spend column per channel (date,revenue,spend_facebook,…).\n"
      "Importing a file again replaces the rows it gave before. Exit status: 0 when every\n"
      "file imported at least one row, 1 when a file could not be imported, 2 on bad usage."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (options.files == NULL || options.files[0] == NULL)
    return mmx_cli_usage_error (context, _("Name at least one CSV file to import."));
  if (options.errors_csv != NULL && options.preview)
    return mmx_cli_usage_error (context, _("--errors-csv and --preview do not go together."));

  given = parse_mapping_options (&options, context, &status);
  if (given == NULL)
    return status;
  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;
  mapping = complete_mapping (store, &options, given);
  if (mapping == NULL)
    return MMX_CLI_EXIT_FAILURE;
  if (options.errors_csv != NULL)
    issues_csv = g_string_new (MMX_IMPORT_ISSUES_CSV_HEADER);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; options.files[i] != NULL; i++)
    if (!import_file (store, options.files[i], mapping, &options, builder, issues_csv))
      status = MMX_CLI_EXIT_FAILURE;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (options.json)
    mmx_cli_print_json (builder);

  if (issues_csv != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (options.errors_csv, issues_csv->str, issues_csv->len, &error))
        {
          mmx_cli_print_error (error);
          status = MMX_CLI_EXIT_FAILURE;
        }
    }
  return status;
}
