/* main.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mmx-cli.h"

static const struct {
  const char        *name;
  MmxCliCommandFunc  func;
  const char        *summary;
} commands[] = {
  { "import", mmx_cli_import, N_("Import CSV files of spend and revenue") },
  { "imports", mmx_cli_imports, N_("List the files imported so far") },
  { "kpis", mmx_cli_kpis, N_("Show spend, revenue, ROAS and conversions") },
  { "channels", mmx_cli_channels, N_("List channels; map a channel name to another") },
  { "mappings", mmx_cli_mappings, N_("List or delete saved column mappings") },
  { "attribute", mmx_cli_attribute, N_("Attribute revenue to channels, with intervals") },
  { "optimize", mmx_cli_optimize, N_("Split a budget over the channels to earn the most") },
  { "scenarios", mmx_cli_scenarios, N_("List the saved optimizer scenarios side by side") },
  { "forecast", mmx_cli_forecast, N_("Forecast revenue with a band, for a spend plan or scenarios") },
  { "license", mmx_cli_license, N_("Check an offline license file on this computer") },
};

static void
print_help (void)
{
  g_autofree char *default_db = mmx_store_get_default_path ();

  g_print (_("Usage:\n  marketingmix-cli [--db PATH] COMMAND [OPTION…]\n\n"));
  g_print (_("Marketing-mix analysis of your ad spend, offline.\n\n"));
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\nOptions:\n"
             "  --db PATH   the database (default: $MMX_DB, else %s)\n"
             "  --version   print the version\n"
             "  -h, --help  show this help; COMMAND --help shows a command’s\n"), default_db);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("marketingmix-cli");

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help ();
          return MMX_CLI_EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("marketingmix-cli %s\n", PACKAGE_VERSION);
          return MMX_CLI_EXIT_OK;
        }
      else
        return mmx_cli_usage_error (NULL, _("Unknown option “%s”. See “marketingmix-cli --help”."),
                                    argv[i]);
    }

  if (i >= argc)
    {
      print_help ();
      return MMX_CLI_EXIT_USAGE;
    }
  if (db_path == NULL)
    db_path = mmx_store_get_default_path ();
  if (*db_path == '\0')
    return mmx_cli_usage_error (NULL, _("--db needs a file name."));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[i], commands[c].name) == 0)
      {
        /* Usage lines and hints then name the command too. */
        g_autofree char *prgname = g_strdup_printf ("marketingmix-cli %s", commands[c].name);

        g_set_prgname (prgname);
        return commands[c].func (db_path, argc - i, argv + i);
      }

  return mmx_cli_usage_error (NULL, _("Unknown command “%s”. See “marketingmix-cli --help”."),
                              argv[i]);
}
