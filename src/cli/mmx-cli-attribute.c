/* mmx-cli-attribute.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <unistd.h>

#include "mmx-attribution-store.h"
#include "mmx-cli.h"
#include "mmx-lift-tests.h"
#include "mmx-model-error.h"
#include "mmx-parallel.h"

#define MAX_BOOTSTRAP 100000

typedef struct
{
  GMainLoop      *loop;
  MmxAttribution *result;
  GError         *error;
  gboolean        show_progress;
} Run;

static void
progress_cb (double   fraction,
             double   seconds_left,
             gpointer user_data)
{
  Run *run = user_data;

  if (!run->show_progress)
    return;
  if (seconds_left >= 0)
    g_printerr (_("\rAttributing… %3.0f %% (about %.0f s left)   "), fraction * 100, seconds_left);
  else
    g_printerr (_("\rAttributing… %3.0f %%                   "), fraction * 100);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) save_error = NULL;

  run->result = mmx_attribution_store_run_finish (MMX_STORE (source), result, &save_error,
                                                  &run->error);
  if (run->show_progress)
    g_printerr ("\r%60s\r", "");
  if (save_error != NULL)
    g_printerr (_("marketingmix-cli: the result could not be saved: %s\n"), save_error->message);
  g_main_loop_quit (run->loop);
}

static char *
format_interval (double value,
                 const double interval[2])
{
  g_autofree char *number = mmx_cli_format_cost (value);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (isnan (value) || isnan (interval[0]) || isnan (interval[1]))
    return g_steal_pointer (&number);
  low = mmx_cli_format_cost (interval[0]);
  high = mmx_cli_format_cost (interval[1]);
  return g_strdup_printf ("%s [%s–%s]", number, low, high);
}

/* Marketers buying conversions budget by what one costs, so on
 * conversions the table gives that rather than conversions per unit. */
static char *
format_channel_rate (const MmxAttribution        *result,
                     const MmxChannelAttribution *channel,
                     gboolean                     marginal)
{
  double ci[2], cpa;

  if (result->target != MMX_ATTRIBUTION_CONVERSIONS)
    return marginal ? format_interval (channel->mroas, channel->mroas_ci)
                    : format_interval (channel->roas, channel->roas_ci);
  cpa = mmx_channel_attribution_get_cpa (channel, marginal, ci);
  return format_interval (cpa, ci);
}

static const int column_widths[] = { -24, 14, 14, 7, 24, 24 };

static void
print_table (const MmxAttribution *result)
{
  const MmxAttributionDiagnostics *d = &result->diagnostics;
  g_autofree char *baseline = mmx_cli_format_amount (result->baseline_contribution);
  gboolean conversions = result->target == MMX_ATTRIBUTION_CONVERSIONS;

  g_print (_("%s attribution of %s, %s periods (%s)\n\n"),
           result->method == MMX_ATTRIBUTION_LAG ? _("Lag") : _("Marketing-mix"),
           conversions ? _("conversions") : _("revenue"),
           mmx_granularity_to_string (result->granularity),
           result->n_bootstrap > 0 ? _("intervals: 95 %, bootstrap") : _("no intervals"));
  const char *header[] = {
    _("Channel"), _("Spend"), _("Contribution"), _("Share"),
    conversions ? _("CPA [95 %]") : _("ROAS [95 %]"),
    conversions ? _("Marginal CPA [95 %]") : _("Marginal ROAS [95 %]"),
  };
  g_autofree char *baseline_share = g_strdup_printf ("%.1f%%", result->baseline_share * 100);
  const char *baseline_row[] = { _("Baseline"), "", baseline, baseline_share };

  G_STATIC_ASSERT (G_N_ELEMENTS (header) == G_N_ELEMENTS (column_widths));
  mmx_cli_print_row (column_widths, header, G_N_ELEMENTS (header));
  for (guint k = 0; k < result->channels->len; k++)
    {
      const MmxChannelAttribution *channel = g_ptr_array_index (result->channels, k);
      g_autofree char *spend = mmx_cli_format_amount (channel->spend);
      g_autofree char *contribution = mmx_cli_format_amount (channel->contribution);
      g_autofree char *share = g_strdup_printf ("%.1f%%", channel->share * 100);
      g_autofree char *roas = format_channel_rate (result, channel, FALSE);
      g_autofree char *mroas = format_channel_rate (result, channel, TRUE);
      const char *measured[] = { channel->name, spend, contribution, share, roas, mroas };
      const char *unmeasured[] = { channel->name, spend, "—", "—", _("not measured"), "—" };

      mmx_cli_print_row (column_widths, channel->measured ? measured : unmeasured,
                         G_N_ELEMENTS (measured));
    }
  mmx_cli_print_row (column_widths, baseline_row, G_N_ELEMENTS (baseline_row));
  g_print ("\n");
  g_print (_("R² %.3f   MAPE %.1f %%   NRMSE %.3f   held-out MAPE %.1f %%   DECOMP.RSSD %.3f\n"),
           d->r2, d->mape * 100, d->nrmse, d->holdout_mape * 100, d->decomposition_distance);
  if (conversions)
    g_print ("\n%s\n%s\n", mmx_attribution_explain_cpa (FALSE), mmx_attribution_explain_cpa (TRUE));
  else
    g_print ("\n%s\n%s\n", mmx_attribution_explain_roas (result),
             mmx_attribution_explain_mroas (result));
  for (guint i = 0; i < result->warnings->len; i++)
    g_print ("\n%s %s", _("Warning:"), (const char *) g_ptr_array_index (result->warnings, i));
  g_print ("\n");
}

/**
 * mmx_cli_run_attribution:
 * @store: the store
 * @panel: the data
 * @settings: how to attribute
 * @use_cache: whether a result saved for the same data and settings will do
 * @error: a location for a #GError
 *
 * Attributes, or finds the result in the cache, with
 * mmx_attribution_store_run_async(), showing progress on a terminal.
 *
 * Returns: (transfer full): the attribution, or %NULL with @error set
 */
MmxAttribution *
mmx_cli_run_attribution (MmxStore                      *store,
                         MmxPanel                      *panel,
                         const MmxAttributionSettings  *settings,
                         gboolean                       use_cache,
                         GError                       **error)
{
  Run run = { 0 };

  run.loop = g_main_loop_new (NULL, FALSE);
  run.show_progress = isatty (STDERR_FILENO);
  mmx_attribution_store_run_async (store, panel, settings, use_cache, progress_cb, &run, NULL,
                                   run_done_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  if (run.result == NULL)
    g_propagate_error (error, run.error);
  return run.result;
}

int
mmx_cli_attribute (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  g_autofree char *method = NULL;
  g_autofree char *target = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *calibration = NULL;
  g_autofree char *events_path = NULL;
  gint bootstrap = -1, block = 0, threads = 0, change_points = 0, starts = 0, evaluations = 0;
  gint64 seed = 1;
  double decomposition_weight = 0;
  gboolean json = FALSE, research = FALSE, no_holidays = FALSE, no_cache = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAttribution) result = NULL;
  MmxAttributionSettings settings;
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method,
      N_("mmm (adstock and saturation, the default) or lag (the first version’s model)"),
      "mmm|lag" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("What the channels drive (default: revenue)"), "revenue|conversions" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day (default: the first with data)"),
      "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (default: the last with data)"),
      "YYYY-MM-DD" },
    { "bootstrap", 0, 0, G_OPTION_ARG_INT, &bootstrap,
      N_("Bootstrap replicates for the intervals (default: 1000; 0 for none)"), "N" },
    { "block", 0, 0, G_OPTION_ARG_INT, &block,
      N_("Periods per resampled block (default: 14 days or 4 weeks)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The random seed (default: 1)"), "S" },
    { "research", 0, 0, G_OPTION_ARG_NONE, &research,
      N_("Search adstock and saturation again in every replicate (slow)"), NULL },
    { "calibration", 0, 0, G_OPTION_ARG_FILENAME, &calibration,
      N_("A CSV of lift tests to calibrate on: channel,start,end,incremental_revenue,"
         "standard_error"), "FILE" },
    { "events", 0, 0, G_OPTION_ARG_FILENAME, &events_path,
      N_("A CSV of your events and promotions: date (or start and end), name"), "FILE" },
    { "no-holidays", 0, 0, G_OPTION_ARG_NONE, &no_holidays,
      N_("Leave out Black Friday, Cyber Monday, Christmas and New Year"), NULL },
    { "change-points", 0, 0, G_OPTION_ARG_INT, &change_points,
      N_("Bends the baseline’s trend may take (default: 0)"), "N" },
    { "decomposition-weight", 0, 0, G_OPTION_ARG_DOUBLE, &decomposition_weight,
      N_("Keep each channel’s share of effect near its share of spend, this strongly "
         "(default: 0)"), "W" },
    { "starts", 0, 0, G_OPTION_ARG_INT, &starts,
      N_("Starting points of the search for adstock and saturation (default: 4)"), "N" },
    { "evaluations", 0, 0, G_OPTION_ARG_INT, &evaluations,
      N_("Models each start may try (default: grows with the channels)"), "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads,
      N_("Threads to use (default: one per processor); results do not depend on it"), "N" },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache,
      N_("Fit again even when a result for the same data and settings is saved"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— which channel drives revenue, and how sure we are"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1)
    return mmx_cli_usage_error (context, _("Unexpected argument “%s”."), argv[1]);

  mmx_attribution_settings_init (&settings);
  if (method != NULL && !mmx_attribution_method_from_string (method, &settings.method))
    return mmx_cli_usage_error (context, _("“--method %s” is not a method: use mmm or lag."),
                                method);
  if (target != NULL && g_strcmp0 (target, "conversions") == 0)
    settings.target = MMX_ATTRIBUTION_CONVERSIONS;
  else if (target != NULL && g_strcmp0 (target, "revenue") != 0)
    return mmx_cli_usage_error (context,
                                _("“--target %s” is not a target: use revenue or conversions."),
                                target);
  if (bootstrap > MAX_BOOTSTRAP || block < 0 || threads < 0 || change_points < 0 || starts < 0
      || starts > 64 || evaluations < 0
      || change_points > 25 || seed < 0 || decomposition_weight < 0
      || !isfinite (decomposition_weight))
    return mmx_cli_usage_error (context,
                                _("--bootstrap takes 0 to %d, --change-points 0 to 25, --starts "
                                  "0 to 64; --block, --evaluations, --threads, --seed and "
                                  "--decomposition-weight cannot be negative."), MAX_BOOTSTRAP);
  if (bootstrap >= 0)
    settings.n_bootstrap = bootstrap;
  settings.block_length = block;
  settings.seed = seed;
  settings.research = research;
  settings.builtin_events = !no_holidays;
  settings.n_change_points = change_points;
  settings.n_starts = starts;
  settings.max_evaluations = evaluations;
  settings.decomposition_weight = decomposition_weight;
  mmx_parallel_set_n_threads (threads);

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;
  panel = mmx_panel_load (store, from, to, NULL, &error);
  if (panel == NULL)
    {
      mmx_attribution_settings_clear (&settings);
      if (g_error_matches (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID))
        return mmx_cli_usage_error (context, "%s", error->message);
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }

  if (events_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (events_path);

      settings.events = mmx_events_new ();
      if (!mmx_events_load_file (settings.events, file, NULL, &error))
        goto failed;
    }
  if (calibration != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (calibration);

      settings.lift_tests = mmx_lift_tests_load (file, store, NULL, &error);
      if (settings.lift_tests == NULL)
        goto failed;
    }

  result = mmx_cli_run_attribution (store, panel, &settings, !no_cache, &error);
  if (result == NULL)
    goto failed;
  mmx_attribution_settings_clear (&settings);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mmx_attribution_build_json (result, builder, TRUE);
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
    }
  else
    print_table (result);
  return MMX_CLI_EXIT_OK;

failed:
  mmx_attribution_settings_clear (&settings);
  mmx_cli_print_error (error);
  return MMX_CLI_EXIT_FAILURE;
}
