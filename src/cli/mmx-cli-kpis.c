/* mmx-cli-kpis.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mmx-cli.h"
#include "mmx-kpis.h"

static char *
format_ratio (double value)
{
  if (!isfinite (value))
    return g_strdup (_("no ROAS"));
  return g_strdup_printf ("%.2f", value);
}

static char *
format_share (double value)
{
  if (!isfinite (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%", value * 100);
}

static void
print_kpis (const MmxKpis *kpis)
{
  g_autofree char *spend = mmx_cli_format_amount (kpis->spend);
  g_autofree char *revenue = mmx_cli_format_amount (kpis->revenue);
  g_autofree char *roas = format_ratio (kpis->roas);
  g_autofree char *conversions = mmx_cli_format_amount (kpis->conversions);

  if (kpis->from == NULL)
    {
      g_print (_("No data yet: import a CSV file with “marketingmix-cli import FILE”.\n"));
      return;
    }

  g_print (_("From %s to %s\n"), kpis->from, kpis->to);
  g_print (_("  Spend        %s\n  Revenue      %s\n  ROAS         %s\n  Conversions  %s\n\n"),
           spend, revenue, roas, conversions);
  g_print ("%-28s %16s %16s %8s %14s %8s\n", _("Channel"), _("Spend"), _("Revenue"), _("ROAS"),
           _("Conversions"), _("Share"));
  for (guint i = 0; i < kpis->channels->len; i++)
    {
      const MmxChannelKpis *channel = g_ptr_array_index (kpis->channels, i);
      g_autofree char *c_spend = mmx_cli_format_amount (channel->spend);
      g_autofree char *c_revenue = mmx_cli_format_amount (channel->revenue);
      g_autofree char *c_roas = format_ratio (channel->roas);
      g_autofree char *c_conversions = mmx_cli_format_amount (channel->conversions);
      g_autofree char *c_share = format_share (channel->spend_share);

      g_print ("%-28s %16s %16s %8s %14s %8s\n", channel->name, c_spend, c_revenue, c_roas,
               c_conversions, c_share);
    }
}

int
mmx_cli_kpis (const char  *db_path,
              int          argc,
              char       **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(MmxKpis) kpis = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day (default: the first with data)"),
      "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (default: the last with data)"),
      "YYYY-MM-DD" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— spend, revenue, ROAS and conversions, in total and by channel"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1)
    return mmx_cli_usage_error (context, _("Unexpected argument “%s”."), argv[1]);

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;

  kpis = mmx_kpis_query (store, from, to, &error);
  if (kpis == NULL)
    {
      if (g_error_matches (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID))
        return mmx_cli_usage_error (context, "%s", error->message);
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mmx_kpis_build_json (kpis, builder);
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
    }
  else
    print_kpis (kpis);
  return MMX_CLI_EXIT_OK;
}
