/* mmx-cli-imports.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mmx-cli.h"
#include "mmx-json.h"

int
mmx_cli_imports (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— the import history, newest first"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1)
    return mmx_cli_usage_error (context, _("Unexpected argument “%s”."), argv[1]);

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;
  records = mmx_store_list_imports (store, &error);
  if (records == NULL)
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "imports");
      json_builder_begin_array (builder);
      for (guint i = 0; i < records->len; i++)
        {
          const MmxImportRecord *record = g_ptr_array_index (records, i);

          json_builder_begin_object (builder);
          mmx_json_add_string (builder, "file", record->file);
          mmx_json_add_string (builder, "sha256", record->sha256);
          mmx_json_add_string (builder, "imported_at", record->imported_at);
          mmx_json_add_string (builder, "shape", record->shape);
          mmx_json_add_string (builder, "granularity", record->granularity);
          mmx_json_add_int (builder, "inserted", record->inserted);
          mmx_json_add_int (builder, "updated", record->updated);
          mmx_json_add_int (builder, "merged", record->merged);
          mmx_json_add_int (builder, "rejected", record->rejected);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
      return MMX_CLI_EXIT_OK;
    }

  if (records->len == 0)
    g_print (_("Nothing imported yet.\n"));
  for (guint i = 0; i < records->len; i++)
    {
      const MmxImportRecord *record = g_ptr_array_index (records, i);

      g_print (_("%s  %s  %u inserted, %u updated, %u rejected\n"), record->imported_at,
               record->file, record->inserted, record->updated, record->rejected);
    }
  return MMX_CLI_EXIT_OK;
}
