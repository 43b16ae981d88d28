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
#include "mmx-date.h"
#include "mmx-kpis.h"
#include "mmx-series.h"

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

static const int channel_widths[] = { -28, 16, 16, 8, 14, 8 };

static void
print_kpis (const MmxKpis *kpis)
{
  g_autofree char *spend = mmx_cli_format_amount (kpis->spend);
  g_autofree char *revenue = mmx_cli_format_amount (kpis->revenue);
  g_autofree char *roas = format_ratio (kpis->roas);
  g_autofree char *conversions = mmx_cli_format_amount (kpis->conversions);
  const char *header[] = {
    _("Channel"), _("Spend"), _("Revenue"), _("ROAS"), _("Conversions"), _("Share"),
  };

  if (kpis->from == NULL)
    {
      g_print (_("No data yet: import a CSV file with “marketingmix-cli import FILE”.\n"));
      return;
    }

  g_print (_("From %s to %s\n"), kpis->from, kpis->to);
  g_print (_("  Spend        %s\n  Revenue      %s\n  ROAS         %s\n  Conversions  %s\n\n"),
           spend, revenue, roas, conversions);
  mmx_cli_print_row (channel_widths, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < kpis->channels->len; i++)
    {
      const MmxChannelKpis *channel = g_ptr_array_index (kpis->channels, i);
      g_autofree char *c_spend = mmx_cli_format_amount (channel->spend);
      g_autofree char *c_revenue = mmx_cli_format_amount (channel->revenue);
      g_autofree char *c_roas = format_ratio (channel->roas);
      g_autofree char *c_conversions = mmx_cli_format_amount (channel->conversions);
      g_autofree char *c_share = format_share (channel->spend_share);
      const char *row[] = { channel->name, c_spend, c_revenue, c_roas, c_conversions, c_share };

      mmx_cli_print_row (channel_widths, row, G_N_ELEMENTS (row));
    }
}

static void
print_series (const MmxSeries *series)
{
  g_print ("\n%-12s %6s %16s %16s\n", series->granularity == MMX_GRANULARITY_WEEKLY
           ? _("Week of") : _("Day"), _("Days"), _("Spend"), _("Revenue"));
  for (guint p = 0; p < series->n_periods; p++)
    {
      g_autofree char *date = mmx_date_julian_to_iso (series->period_start[p]);
      g_autofree char *spend = mmx_cli_format_amount (series->total_spend[p]);
      g_autofree char *revenue = mmx_cli_format_amount (series->total_revenue[p]);

      g_print ("%-12s %6u %16s %16s\n", date, series->period_days[p], spend, revenue);
    }
}

static gboolean
parse_by (const char      *by,
          MmxGranularity  *out_granularity)
{
  if (by == NULL)
    *out_granularity = MMX_GRANULARITY_UNKNOWN;
  else if (g_str_equal (by, "day"))
    *out_granularity = MMX_GRANULARITY_DAILY;
  else if (g_str_equal (by, "week"))
    *out_granularity = MMX_GRANULARITY_WEEKLY;
  else
    return FALSE;
  return TRUE;
}

int
mmx_cli_kpis (const char  *db_path,
              int          argc,
              char       **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *by = NULL;
  gboolean json = FALSE;
  gboolean with_series = FALSE;
  MmxGranularity granularity;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(MmxKpis) kpis = NULL;
  g_autoptr(MmxSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day (default: the first with data)"),
      "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (default: the last with data)"),
      "YYYY-MM-DD" },
    { "series", 0, 0, G_OPTION_ARG_NONE, &with_series,
      N_("Also give spend and revenue per day or week, in total and by channel"), NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("The periods of the series (default: those of the data)"), "day|week" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— spend, revenue, ROAS and conversions, in total and by channel"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1)
    return mmx_cli_usage_error (context, _("Unexpected argument “%s”."), argv[1]);
  if (!parse_by (by, &granularity))
    return mmx_cli_usage_error (context, _("“--by %s” is not a period: use day or week."), by);

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
  if (with_series)
    {
      series = mmx_series_query (store, from, to, granularity, &error);
      if (series == NULL)
        {
          mmx_cli_print_error (error);
          return MMX_CLI_EXIT_FAILURE;
        }
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mmx_kpis_build_json (kpis, builder);
      if (series != NULL)
        {
          json_builder_set_member_name (builder, "series");
          json_builder_begin_object (builder);
          mmx_series_build_json (series, builder);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
    }
  else
    {
      print_kpis (kpis);
      if (series != NULL && kpis->from != NULL)
        print_series (series);
    }
  return MMX_CLI_EXIT_OK;
}
