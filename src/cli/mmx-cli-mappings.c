/* mmx-cli-mappings.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mmx-cli.h"
#include "mmx-json.h"

static int
list_mappings (MmxStore *store,
               gboolean  json)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  names = mmx_store_list_mappings (store, &error);
  if (names == NULL)
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "mappings");
      json_builder_begin_array (builder);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autoptr(MmxColumnMapping) mapping = mmx_store_load_mapping (store, names[i], NULL);
          g_autofree char *text = mapping ? mmx_column_mapping_to_json (mapping) : NULL;
          g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;

          json_builder_begin_object (builder);
          mmx_json_add_string (builder, "name", names[i]);
          json_builder_set_member_name (builder, "mapping");
          if (node != NULL)
            json_builder_add_value (builder, g_steal_pointer (&node));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
      return MMX_CLI_EXIT_OK;
    }

  if (names[0] == NULL)
    g_print (_("No saved column mappings; save one with “import --map … --save-mapping NAME”.\n"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(MmxColumnMapping) mapping = mmx_store_load_mapping (store, names[i], NULL);

      g_print ("%s\n", names[i]);
      for (guint c = 0; mapping != NULL && c < mmx_column_mapping_get_n_columns (mapping); c++)
        {
          g_autofree char *role = mmx_column_role_to_string (mmx_column_mapping_get_role (mapping, c));

          g_print ("  %-28s → %s\n", mmx_column_mapping_get_column (mapping, c), role);
        }
    }
  return MMX_CLI_EXIT_OK;
}

int
mmx_cli_mappings (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("[delete NAME] — the saved column mappings"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1 && (strcmp (argv[1], "delete") != 0 || argc != 3))
    return mmx_cli_usage_error (context, _("Use “mappings” to list, “mappings delete NAME” to "
                                           "delete."));

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;
  if (argc == 1)
    return list_mappings (store, json);

  if (!mmx_store_delete_mapping (store, argv[2], &error))
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }
  g_print (_("The column mapping “%s” is deleted.\n"), argv[2]);
  return MMX_CLI_EXIT_OK;
}
