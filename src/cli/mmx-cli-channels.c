/* mmx-cli-channels.c
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
list_channels (MmxStore *store,
               gboolean  json)
{
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GError) error = NULL;

  channels = mmx_store_list_channels (store, &error);
  if (channels == NULL)
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "channels");
      json_builder_begin_array (builder);
      for (guint i = 0; i < channels->len; i++)
        {
          const MmxChannelInfo *info = g_ptr_array_index (channels, i);

          json_builder_begin_object (builder);
          mmx_json_add_string (builder, "name", info->name);
          mmx_json_add_boolean (builder, "unattributed", info->is_total);
          mmx_json_add_int (builder, "rows", info->n_rows);
          mmx_json_add_number (builder, "spend", info->spend);
          mmx_json_add_string (builder, "first_date", info->first_date);
          mmx_json_add_string (builder, "last_date", info->last_date);
          mmx_json_add_strv (builder, "aliases", (const char * const *) info->aliases);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
      return MMX_CLI_EXIT_OK;
    }

  if (channels->len == 0)
    g_print (_("No channels yet: import a CSV file with “marketingmix-cli import FILE”.\n"));
  for (guint i = 0; i < channels->len; i++)
    {
      const MmxChannelInfo *info = g_ptr_array_index (channels, i);
      g_autofree char *spend = mmx_cli_format_amount (info->spend);

      g_print ("%-28s %8" G_GINT64_FORMAT " %s  %16s  %s – %s\n", info->name, info->n_rows,
               _("rows"), spend, info->first_date ? info->first_date : "",
               info->last_date ? info->last_date : "");
      if (info->aliases[0] != NULL)
        {
          g_autofree char *aliases = g_strjoinv (", ", info->aliases);

          g_print (_("  mapped from: %s\n"), aliases);
        }
    }
  return MMX_CLI_EXIT_OK;
}

int
mmx_cli_channels (const char  *db_path,
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

  context = g_option_context_new (_("[map ALIAS CANONICAL | unmap ALIAS] — the channels and "
                                     "their names"));
  g_option_context_set_description (context,
    _("Without arguments, lists the channels with their stored rows.\n"
      "map ALIAS CANONICAL  stores ALIAS as CANONICAL on every later import, and moves the rows\n"
      "                     already stored as ALIAS (adding them up where both have a day).\n"
      "unmap ALIAS          forgets the mapping; rows it moved stay where they are."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;

  if (argc > 1 && strcmp (argv[1], "map") == 0 && argc != 4)
    return mmx_cli_usage_error (context, _("“channels map” takes two names: ALIAS CANONICAL."));
  if (argc > 1 && strcmp (argv[1], "unmap") == 0 && argc != 3)
    return mmx_cli_usage_error (context, _("“channels unmap” takes one name: ALIAS."));
  if (argc > 1 && strcmp (argv[1], "map") != 0 && strcmp (argv[1], "unmap") != 0)
    return mmx_cli_usage_error (context, _("Unknown action “%s”: use map or unmap."), argv[1]);

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;

  if (argc == 1)
    return list_channels (store, json);

  if (strcmp (argv[1], "map") == 0)
    {
      guint moved = 0;

      if (!mmx_store_map_channel (store, argv[2], argv[3], &moved, &error))
        {
          mmx_cli_print_error (error);
          return MMX_CLI_EXIT_FAILURE;
        }
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "“%s” is now stored as “%s”; %u stored row moved.\n",
                            "“%s” is now stored as “%s”; %u stored rows moved.\n", moved),
               argv[2], argv[3], moved);
      return MMX_CLI_EXIT_OK;
    }

  if (!mmx_store_unmap_channel (store, argv[2], &error))
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }
  g_print (_("“%s” is no longer mapped; later imports use the built-in names for it.\n"),
           argv[2]);
  return MMX_CLI_EXIT_OK;
}
