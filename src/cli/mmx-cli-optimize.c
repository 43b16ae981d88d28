/* mmx-cli-optimize.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mmx-attribution-store.h"
#include "mmx-cli.h"
#include "mmx-date.h"
#include "mmx-json.h"
#include "mmx-model-error.h"
#include "mmx-number.h"
#include "mmx-optimizer.h"
#include "mmx-store-scenarios.h"

typedef struct
{
  GMainLoop       *loop;
  MmxOptimization *result;
  GError          *error;
} Run;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->result = mmx_optimizer_run_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
parse_amount (const char  *option,
              const char  *text,
              double      *out_value,
              GError     **error)
{
  if (mmx_number_parse (text, MMX_DECIMAL_POINT, out_value) == MMX_NUMBER_OK)
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s “%s” is not a number: write it like 5000 or 5,000.50."), option, text);
  return FALSE;
}

/* The channel as the import stores it, so “facebook” finds “Meta”. */
static char *
resolve_channel (MmxStore    *store,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *tidy = g_strstrip (g_strdup (name));

  if (*tidy == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("A channel name is missing: write CHANNEL=AMOUNT, or the channel to lock."));
      return NULL;
    }
  return mmx_store_resolve_channel_name (store, tidy, error);
}

/* --min CH=V and --max CH=V, V per the budget's period. */
static gboolean
add_limits (MmxStore              *store,
            MmxOptimizerSettings  *settings,
            const char            *option,
            char                 **values,
            gboolean               is_max,
            GError               **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *equals = strrchr (values[i], '=');
      g_autofree char *name = NULL;
      g_autofree char *channel = NULL;
      double amount;

      if (equals == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s “%s” needs the form CHANNEL=AMOUNT, like %s Meta=2000."), option,
                       values[i], option);
          return FALSE;
        }
      name = g_strndup (values[i], equals - values[i]);
      if (!parse_amount (option, equals + 1, &amount, error)
          || (channel = resolve_channel (store, name, error)) == NULL)
        return FALSE;
      if (is_max)
        mmx_optimizer_settings_get_limits (settings, channel)->max = amount;
      else
        mmx_optimizer_settings_get_limits (settings, channel)->min = amount;
    }
  return TRUE;
}

/* The latest attribution of the data; with @attribute, one made now with
 * the default settings when there is none the optimizer can use. */
static MmxAttribution *
find_attribution (MmxStore  *store,
                  gboolean   attribute,
                  GError   **error)
{
  g_autoptr(MmxAttribution) latest = NULL;
  g_autoptr(MmxPanel) panel = NULL;
  GError *local_error = NULL;
  MmxAttributionSettings settings;
  MmxAttribution *result;

  latest = mmx_attribution_store_lookup_latest (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (latest != NULL && (latest->method == MMX_ATTRIBUTION_MMM || !attribute))
    return g_steal_pointer (&latest);
  if (!attribute)
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_NO_RESULT,
                   _("The data has no attribution yet, and the optimizer needs its response "
                     "curves: run “marketingmix-cli attribute” first, or add --attribute."));
      return NULL;
    }

  panel = mmx_panel_load (store, NULL, NULL, NULL, error);
  if (panel == NULL)
    return NULL;
  mmx_attribution_settings_init (&settings);
  result = mmx_cli_run_attribution (store, panel, &settings, TRUE, error);
  mmx_attribution_settings_clear (&settings);
  return result;
}

static const char *
kpi_name (const MmxOptimization *result)
{
  return result->target_kind == MMX_ATTRIBUTION_CONVERSIONS ? _("Conversions") : _("Revenue");
}

static char *
format_ratio (double value)
{
  return isfinite (value) ? g_strdup_printf ("%.2f", value) : g_strdup ("—");
}

/* On conversions, a conversion's cost rather than a return on
 * investment, which would weigh conversions against money. */
static char *
format_return (const MmxOptimization      *result,
               const MmxAllocationSummary *summary)
{
  if (result->target_kind != MMX_ATTRIBUTION_CONVERSIONS)
    return format_ratio (summary->roi);
  return mmx_cli_format_cost (mmx_allocation_summary_get_cpa (summary));
}

/* The same at the margin, per channel: one over its marginal return. */
static char *
format_marginal_return (const MmxOptimization        *result,
                        const MmxChannelOptimization *channel)
{
  if (result->target_kind != MMX_ATTRIBUTION_CONVERSIONS)
    return format_ratio (channel->mroas);
  return mmx_cli_format_cost (mmx_cost_per_unit (channel->mroas));
}

static char *
format_interval (const double interval[2])
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (!isfinite (interval[0]))
    return g_strdup ("");
  lo = mmx_cli_format_amount (interval[0]);
  hi = mmx_cli_format_amount (interval[1]);
  return g_strdup_printf (_("[95 %%: %s – %s]"), lo, hi);
}

static const char *
describe_limit (const MmxChannelOptimization *channel)
{
  if (channel->fixed == MMX_CHANNEL_FIXED_LOCKED)
    return _("locked");
  if (channel->fixed == MMX_CHANNEL_FIXED_UNMEASURED)
    return _("not measured");
  if (channel->at_bound == MMX_BOUND_MIN)
    return _("at minimum");
  if (channel->at_bound == MMX_BOUND_MAX)
    return _("at maximum");
  return "";
}

static void
print_heading (const MmxOptimization *result)
{
  const char *per = mmx_budget_period_to_string (result->period);
  g_autofree char *budget = mmx_cli_format_amount (result->budget);
  g_autofree char *target = mmx_cli_format_amount (result->target);
  g_autofree char *from = mmx_date_julian_to_iso (result->attribution_first_day);
  g_autofree char *to = mmx_date_julian_to_iso (result->attribution_last_day);

  switch (result->goal)
    {
    case MMX_OPTIMIZER_GOAL_TARGET_REVENUE:
      g_print (_("The least spend that brings %s %s per %s: %s per %s\n"),
               result->target_kind == MMX_ATTRIBUTION_CONVERSIONS ? _("conversions of")
                                                                  : _("a revenue of"),
               target, per, budget, per);
      break;
    case MMX_OPTIMIZER_GOAL_TARGET_MROAS:
      if (result->spent_before_target && result->target_kind == MMX_ATTRIBUTION_CONVERSIONS)
        g_print (_("All that the budget and limits allow, %s per %s: one more conversion still "
                   "costs less than %.2f\n"),
                 budget, per, mmx_cost_per_unit (result->target));
      else if (result->spent_before_target)
        g_print (_("All that the budget and limits allow, %s per %s: the marginal ROAS stays "
                   "above %.2f\n"),
                 budget, per, result->target);
      else if (result->target_kind == MMX_ATTRIBUTION_CONVERSIONS)
        g_print (_("The budget at which one more conversion costs %.2f (%.4f conversions per "
                   "unit of budget at the margin): %s per %s\n"),
                 mmx_cost_per_unit (result->target), result->target, budget, per);
      else
        g_print (_("The budget at which the marginal ROAS falls to %.2f: %s per %s\n"),
                 result->target, budget, per);
      break;
    case MMX_OPTIMIZER_GOAL_BUDGET:
    default:
      g_print (_("The best split of a budget of %s per %s\n"), budget, per);
      break;
    }
  g_print (_("On the response curves of the attribution of %s to %s (%s data, %u bootstrap "
             "replicates)\n\n"), from, to, mmx_granularity_to_string (result->granularity),
           result->n_replicates);
}

/* The limit comes last, set off by an empty column. */
static const int channel_widths[] = { -22, 14, 14, 14, 14, 9, 0, 0 };

static void
print_channels (const MmxOptimization *result)
{
  double today = 0, recommended = 0, revenue = 0;
  const char *header[] = {
    _("Channel"), _("Today"), _("Recommended"), _("Change"), kpi_name (result),
    result->target_kind == MMX_ATTRIBUTION_CONVERSIONS ? _("mCPA") : _("mROAS"), "", _("Limit"),
  };

  mmx_cli_print_row (channel_widths, header, G_N_ELEMENTS (header));
  for (guint k = 0; k < result->channels->len; k++)
    {
      const MmxChannelOptimization *channel = g_ptr_array_index (result->channels, k);
      g_autofree char *current = mmx_cli_format_amount (channel->current);
      g_autofree char *recommend = mmx_cli_format_amount (channel->recommended);
      g_autofree char *change = mmx_cli_format_signed (channel->change);
      g_autofree char *expected = mmx_cli_format_amount (channel->expected_revenue);
      g_autofree char *mroas = format_marginal_return (result, channel);
      const char *row[] = {
        channel->name, current, recommend, change, expected, mroas, "", describe_limit (channel),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (row) == G_N_ELEMENTS (channel_widths));
      mmx_cli_print_row (channel_widths, row, G_N_ELEMENTS (row));
      today += channel->current;
      recommended += channel->recommended;
      if (isfinite (channel->expected_revenue))
        revenue += channel->expected_revenue;
    }
  {
    g_autofree char *current = mmx_cli_format_amount (today);
    g_autofree char *recommend = mmx_cli_format_amount (recommended);
    g_autofree char *change = mmx_cli_format_signed (recommended - today);
    g_autofree char *expected = mmx_cli_format_amount (revenue);

    const char *row[] = { _("Total"), current, recommend, change, expected };

    mmx_cli_print_row (channel_widths, row, G_N_ELEMENTS (row));
    g_print ("\n");
  }
}

static void
print_totals (const MmxOptimization *result)
{
  const char *per = mmx_budget_period_to_string (result->period);
  g_autofree char *today = mmx_cli_format_amount (result->current.revenue);
  g_autofree char *today_ci = format_interval (result->current.revenue_ci);
  g_autofree char *recommended = mmx_cli_format_amount (result->recommended.revenue);
  g_autofree char *recommended_ci = format_interval (result->recommended.revenue_ci);
  g_autofree char *uplift = mmx_cli_format_signed (result->uplift);
  g_autofree char *uplift_share = mmx_cli_format_signed_percent (result->uplift_share);
  g_autofree char *uplift_ci = NULL;
  gboolean conversions = result->target_kind == MMX_ATTRIBUTION_CONVERSIONS;
  g_autofree char *today_roi = format_return (result, &result->current);
  g_autofree char *recommended_roi = format_return (result, &result->recommended);

  if (isfinite (result->uplift_ci[0]))
    {
      g_autofree char *lo = mmx_cli_format_signed (result->uplift_ci[0]);
      g_autofree char *hi = mmx_cli_format_signed (result->uplift_ci[1]);

      uplift_ci = g_strdup_printf (_("[95 %%: %s – %s]"), lo, hi);
    }

  g_print (_("%s the measured channels bring per %s, beyond the baseline:\n"), kpi_name (result),
           per);
  g_print (_("  today        %14s  %-36s %s %s\n"), today, today_ci,
           conversions ? _("CPA") : _("ROI"), today_roi);
  g_print (_("  recommended  %14s  %-36s %s %s\n"), recommended, recommended_ci,
           conversions ? _("CPA") : _("ROI"), recommended_roi);
  g_print (_("  uplift       %14s  (%s) %s\n"), uplift, uplift_share,
           uplift_ci != NULL ? uplift_ci : "");
  if (isfinite (result->uplift_probability))
    g_print (_("  The recommended split earns more in %.0f %% of the bootstrap replicates.\n"),
             result->uplift_probability * 100);
  g_print ("\n");
}

static void
print_constraints (const MmxOptimization *result)
{
  const char *per = mmx_budget_period_to_string (result->period);
  g_autofree char *unconstrained = mmx_cli_format_amount (result->unconstrained_revenue);
  g_autofree char *cost = mmx_cli_format_amount (result->unconstrained_revenue
                                                 - result->recommended.revenue);
  gboolean any = FALSE;

  if (result->marginal_roas > 0 && result->target_kind == MMX_ATTRIBUTION_CONVERSIONS)
    g_print (_("One more conversion per %s would cost %.2f of budget: the marginal cost per "
               "acquisition of the channels off their limits.\n"), per, 1 / result->marginal_roas);
  else if (result->marginal_roas > 0)
    g_print (_("One more unit of budget per %s would bring %.2f: the marginal ROAS of the "
               "channels off their limits.\n"), per, result->marginal_roas);
  for (guint k = 0; k < result->channels->len; k++)
    {
      const MmxChannelOptimization *channel = g_ptr_array_index (result->channels, k);
      g_autofree char *limit = NULL;

      if (channel->at_bound == MMX_BOUND_NONE)
        continue;
      if (!any)
        g_print (_("Limits that bind:\n"));
      any = TRUE;
      limit = mmx_cli_format_amount (channel->at_bound == MMX_BOUND_MAX ? channel->max
                                                                        : channel->min);
      if (channel->at_bound == MMX_BOUND_MAX)
        g_print (_("  %s at its maximum of %s: each unit more would bring %.2f more.\n"),
                 channel->name, limit, fabs (channel->mroas - result->marginal_roas));
      else if (channel->min == 0)
        g_print (_("  %s gets nothing: its first unit would bring %.2f, less than elsewhere.\n"),
                 channel->name, channel->mroas);
      else
        g_print (_("  %s at its minimum of %s: each unit less would bring %.2f more "
                   "elsewhere.\n"), channel->name, limit,
                 fabs (result->marginal_roas - channel->mroas));
    }
  g_print (_("Without your limits and locks the best split would bring %s per %s; they cost "
             "%s.\n"), unconstrained, per, cost);
  if (result->verified)
    g_print (result->target_kind == MMX_ATTRIBUTION_CONVERSIONS
               ? _("Optimality check passed: the marginal costs per acquisition of the channels "
                   "off their limits agree within %.4f %%.\n")
               : _("Optimality check passed: the marginal ROAS of the channels off their limits "
                   "agree within %.4f %%.\n"), result->optimality_gap * 100);
  else
    g_print (result->target_kind == MMX_ATTRIBUTION_CONVERSIONS
               ? _("Optimality check failed: the marginal costs per acquisition of the channels "
                   "off their limits differ by up to %.2f %%.\n")
               : _("Optimality check failed: the marginal ROAS of the channels off their limits "
                   "differ by up to %.2f %%.\n"), result->optimality_gap * 100);
}

static void
print_frontier (const MmxOptimization *result)
{
  if (result->n_frontier == 0)
    return;
  g_print (_("\nBudget sweep, per %s:\n%16s %16s\n"), mmx_budget_period_to_string (result->period),
           _("Budget"), kpi_name (result));
  for (guint i = 0; i < result->n_frontier; i++)
    {
      g_autofree char *budget = mmx_cli_format_amount (result->frontier_budget[i]);
      g_autofree char *revenue = mmx_cli_format_amount (result->frontier_revenue[i]);

      g_print ("%16s %16s\n", budget, revenue);
    }
}

static void
print_table (const MmxOptimization *result)
{
  print_heading (result);
  print_channels (result);
  print_totals (result);
  print_constraints (result);
  print_frontier (result);
  for (guint i = 0; i < result->notes->len; i++)
    g_print ("\n%s %s", _("Note:"), (const char *) g_ptr_array_index (result->notes, i));
  g_print ("\n");
}

static int
report_error (GOptionContext *context,
              GError         *error)
{
  /* Settings that make no sense are bad usage; the rest is a failure. */
  if (error->domain == G_OPTION_ERROR
      || g_error_matches (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS))
    return mmx_cli_usage_error (context, "%s", error->message);
  mmx_cli_print_error (error);
  return MMX_CLI_EXIT_FAILURE;
}

int
mmx_cli_optimize (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  g_autofree char *budget = NULL;
  g_autofree char *period = NULL;
  g_autofree char *target_revenue = NULL;
  g_autofree char *target_mroas = NULL;
  g_autofree char *save = NULL;
  g_auto(GStrv) mins = NULL;
  g_auto(GStrv) maxes = NULL;
  g_auto(GStrv) locks = NULL;
  gboolean json = FALSE, frontier = FALSE, attribute = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(MmxAttribution) attribution = NULL;
  g_autoptr(MmxOptimization) result = NULL;
  g_autoptr(GError) error = NULL;
  MmxOptimizerSettings settings;
  Run run = { 0 };
  const GOptionEntry entries[] = {
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget,
      N_("The total budget to split, per period; with a target, the most to spend"), "B" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      N_("What the budget, the limits, the target and the results are per (default: month)"),
      "day|week|month" },
    { "min", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mins,
      N_("The least a channel may spend per period (repeatable)"), "CHANNEL=AMOUNT" },
    { "max", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maxes,
      N_("The most a channel may spend per period (repeatable)"), "CHANNEL=AMOUNT" },
    { "lock", 0, 0, G_OPTION_ARG_STRING_ARRAY, &locks,
      N_("Keep a channel at today’s spend (repeatable)"), "CHANNEL" },
    { "target-revenue", 0, 0, G_OPTION_ARG_STRING, &target_revenue,
      N_("Find the least spend that brings this revenue per period"), "R" },
    { "target-mroas", 0, 0, G_OPTION_ARG_STRING, &target_mroas,
      N_("Find the budget at which the marginal ROAS falls to this (1 is break-even)"), "M" },
    { "frontier", 0, 0, G_OPTION_ARG_NONE, &frontier,
      N_("Also sweep the budget: the best revenue for 20 budgets up to twice this one"), NULL },
    { "save", 0, 0, G_OPTION_ARG_STRING, &save,
      N_("Save the result as a scenario of this name (see “marketingmix-cli scenarios”)"),
      "NAME" },
    { "attribute", 0, 0, G_OPTION_ARG_NONE, &attribute,
      N_("Attribute first, with the default settings, when the data has no attribution yet"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— the split of a budget that earns the most"));
  g_option_context_set_summary (context,
                                _("Splits a budget over the channels on the response curves of "
                                  "the latest attribution of the data, with their diminishing "
                                  "returns. Revenue is what the measured channels bring beyond "
                                  "the baseline, with its 95 % interval over the attribution’s "
                                  "bootstrap replicates. Channels the attribution could not "
                                  "measure keep today’s spend."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1)
    return mmx_cli_usage_error (context, _("Unexpected argument “%s”."), argv[1]);
  if (target_revenue != NULL && target_mroas != NULL)
    return mmx_cli_usage_error (context, _("Give --target-revenue or --target-mroas, not both."));
  if (budget == NULL && target_revenue == NULL && target_mroas == NULL)
    return mmx_cli_usage_error (context, _("Give the budget to split with --budget, or a target "
                                           "with --target-revenue or --target-mroas."));

  mmx_optimizer_settings_init (&settings);
  settings.frontier = frontier;
  if (period != NULL && !mmx_budget_period_from_string (period, &settings.period))
    {
      mmx_optimizer_settings_clear (&settings);
      return mmx_cli_usage_error (context, _("“--period %s” is not a period: use day, week or "
                                             "month."), period);
    }
  if ((budget != NULL && !parse_amount ("--budget", budget, &settings.budget, &error))
      || (target_revenue != NULL
          && !parse_amount ("--target-revenue", target_revenue, &settings.target, &error))
      || (target_mroas != NULL
          && !parse_amount ("--target-mroas", target_mroas, &settings.target, &error)))
    goto failed;
  if (target_revenue != NULL)
    settings.goal = MMX_OPTIMIZER_GOAL_TARGET_REVENUE;
  else if (target_mroas != NULL)
    settings.goal = MMX_OPTIMIZER_GOAL_TARGET_MROAS;

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    {
      mmx_optimizer_settings_clear (&settings);
      return MMX_CLI_EXIT_FAILURE;
    }
  if (!add_limits (store, &settings, "--min", mins, FALSE, &error)
      || !add_limits (store, &settings, "--max", maxes, TRUE, &error))
    goto failed;
  for (guint i = 0; locks != NULL && locks[i] != NULL; i++)
    {
      g_autofree char *channel = resolve_channel (store, locks[i], &error);

      if (channel == NULL)
        goto failed;
      mmx_optimizer_settings_get_limits (&settings, channel)->locked = TRUE;
    }

  attribution = find_attribution (store, attribute, &error);
  if (attribution == NULL)
    goto failed;

  run.loop = g_main_loop_new (NULL, FALSE);
  mmx_optimizer_run_async (attribution, &settings, NULL, run_done_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  if (run.result == NULL)
    {
      g_propagate_error (&error, run.error);
      goto failed;
    }
  result = run.result;
  mmx_optimizer_settings_clear (&settings);

  if (save != NULL)
    {
      g_autofree char *data = mmx_optimization_to_data (result);
      gboolean replaced = FALSE;

      if (!mmx_store_save_scenario (store, MMX_SCENARIO_KIND_OPTIMIZER, save, data, &replaced,
                                    &error))
        return report_error (context, error);
      if (!json)
        g_print (replaced ? _("Saved as the scenario “%s”, in place of the one of that name.\n\n")
                          : _("Saved as the scenario “%s”.\n\n"), save);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      mmx_optimization_build_json (result, builder);
      mmx_json_add_string (builder, "saved_as", save);
      json_builder_end_object (builder);
      mmx_cli_print_json (builder);
    }
  else
    print_table (result);
  return MMX_CLI_EXIT_OK;

failed:
  mmx_optimizer_settings_clear (&settings);
  return report_error (context, error);
}
