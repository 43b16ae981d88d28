/* mmx-cli-scenarios.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mmx-cli.h"
#include "mmx-json.h"
#include "mmx-optimizer.h"
#include "mmx-store-scenarios.h"

#define COLUMN_WIDTH 22

static int
print_json (GPtrArray *scenarios)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scenarios->len; i++)
    {
      const MmxScenario *scenario = g_ptr_array_index (scenarios, i);
      g_autoptr(JsonNode) node = json_from_string (scenario->json, NULL);

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "name", scenario->name);
      mmx_json_add_string (builder, "kind", scenario->kind);
      mmx_json_add_string (builder, "created", scenario->created);
      json_builder_set_member_name (builder, "result");
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

/* One row of the side-by-side table: a label, then a cell per scenario,
 * "—" where a scenario has nothing to say. */
static void
print_row (const char *label,
           GPtrArray  *cells)
{
  g_print ("%-24s", label);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      g_print (" %*s", COLUMN_WIDTH, cell != NULL ? cell : "—");
    }
  g_print ("\n");
}

typedef char *(*CellFunc) (const MmxOptimization *result);

static void
print_result_row (const char *label,
                  GPtrArray  *results,
                  CellFunc    cell_func)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < results->len; i++)
    {
      const MmxOptimization *result = g_ptr_array_index (results, i);

      g_ptr_array_add (cells, result != NULL ? cell_func (result) : NULL);
    }
  print_row (label, cells);
}

/* A row that only scenarios on @kind fill, left out when there are
 * none: conversions and revenue are not added up or compared. */
static void
print_kind_row (const char           *label,
                GPtrArray            *results,
                MmxAttributionTarget  kind,
                CellFunc              cell_func)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean any = FALSE;

  for (guint i = 0; i < results->len; i++)
    {
      const MmxOptimization *result = g_ptr_array_index (results, i);
      gboolean of_kind = result != NULL && result->target_kind == kind;

      any = any || of_kind;
      g_ptr_array_add (cells, of_kind ? cell_func (result) : NULL);
    }
  if (any)
    print_row (label, cells);
}

static char *
goal_cell (const MmxOptimization *result)
{
  gboolean conversions = result->target_kind == MMX_ATTRIBUTION_CONVERSIONS;

  switch (result->goal)
    {
    case MMX_OPTIMIZER_GOAL_TARGET_REVENUE:
      return g_strdup (conversions ? _("target conversions") : _("target revenue"));
    case MMX_OPTIMIZER_GOAL_TARGET_MROAS:
      if (conversions)
        return g_strdup_printf (_("mCPA rises to %.2f"), mmx_cost_per_unit (result->target));
      return g_strdup_printf (_("mROAS falls to %.2f"), result->target);
    case MMX_OPTIMIZER_GOAL_BUDGET:
    default:
      return g_strdup (_("best split"));
    }
}

static char *
budget_cell (const MmxOptimization *result)
{
  g_autofree char *amount = mmx_cli_format_amount (result->budget);

  return g_strdup_printf ("%s/%s", amount, mmx_budget_period_to_string (result->period));
}

static char *
today_cell (const MmxOptimization *result)
{
  return mmx_cli_format_amount (result->current.revenue);
}

static char *
recommended_cell (const MmxOptimization *result)
{
  return mmx_cli_format_amount (result->recommended.revenue);
}

static char *
interval_cell (const MmxOptimization *result)
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (!isfinite (result->recommended.revenue_ci[0]))
    return NULL;
  lo = mmx_cli_format_amount (result->recommended.revenue_ci[0]);
  hi = mmx_cli_format_amount (result->recommended.revenue_ci[1]);
  return g_strdup_printf ("%s–%s", lo, hi);
}

static char *
uplift_cell (const MmxOptimization *result)
{
  g_autofree char *amount = mmx_cli_format_signed (result->uplift);
  g_autofree char *share = mmx_cli_format_signed_percent (result->uplift_share);

  return g_strdup_printf ("%s (%s)", amount, share);
}

static char *
roi_cell (const MmxOptimization *result)
{
  return isfinite (result->recommended.roi) ? g_strdup_printf ("%.2f", result->recommended.roi)
                                            : NULL;
}

static char *
cpa_cell (const MmxOptimization *result)
{
  return mmx_cli_format_cost (mmx_allocation_summary_get_cpa (&result->recommended));
}

static char *
mroas_cell (const MmxOptimization *result)
{
  return g_strdup_printf ("%.2f", result->marginal_roas);
}

static char *
mcpa_cell (const MmxOptimization *result)
{
  return mmx_cli_format_cost (mmx_cost_per_unit (result->marginal_roas));
}

static int
print_table (GPtrArray *scenarios)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
                                   (GDestroyNotify) mmx_optimization_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();

  if (scenarios->len == 0)
    {
      g_print (_("No saved scenarios; save one with “marketingmix-cli optimize … --save "
                 "NAME”.\n"));
      return MMX_CLI_EXIT_OK;
    }

  for (guint i = 0; i < scenarios->len; i++)
    {
      const MmxScenario *scenario = g_ptr_array_index (scenarios, i);
      MmxOptimization *result = NULL;

      if (g_str_equal (scenario->kind, MMX_SCENARIO_KIND_OPTIMIZER))
        result = mmx_optimization_new_from_data (scenario->json, NULL);
      g_ptr_array_add (results, result);
      g_ptr_array_add (names, scenario->name);
      /* 2026-12-01T21:10:40Z as 2026-12-01 21:10, UTC. */
      g_ptr_array_add (created, g_strdup_printf ("%.10s %.5s", scenario->created,
                                                 scenario->created + MIN (11, strlen (
                                                                             scenario->created))));
      for (guint k = 0; result != NULL && k < result->channels->len; k++)
        {
          const MmxChannelOptimization *channel = g_ptr_array_index (result->channels, k);
          gboolean seen = FALSE;

          for (guint c = 0; c < channels->len && !seen; c++)
            seen = g_str_equal (g_ptr_array_index (channels, c), channel->name);
          if (!seen)
            g_ptr_array_add (channels, channel->name);
        }
    }

  print_row (_("Scenario"), names);
  print_row (_("Saved (UTC)"), created);
  print_result_row (_("Goal"), results, goal_cell);
  print_result_row (_("Budget"), results, budget_cell);
  print_kind_row (_("Revenue today"), results, MMX_ATTRIBUTION_REVENUE, today_cell);
  print_kind_row (_("Conversions today"), results, MMX_ATTRIBUTION_CONVERSIONS, today_cell);
  print_kind_row (_("Revenue recommended"), results, MMX_ATTRIBUTION_REVENUE, recommended_cell);
  print_kind_row (_("Conversions recommended"), results, MMX_ATTRIBUTION_CONVERSIONS,
                  recommended_cell);
  print_result_row (_("  95 % interval"), results, interval_cell);
  print_result_row (_("Uplift"), results, uplift_cell);
  print_kind_row (_("ROI"), results, MMX_ATTRIBUTION_REVENUE, roi_cell);
  print_kind_row (_("CPA"), results, MMX_ATTRIBUTION_CONVERSIONS, cpa_cell);
  print_kind_row (_("Marginal ROAS"), results, MMX_ATTRIBUTION_REVENUE, mroas_cell);
  print_kind_row (_("Marginal CPA"), results, MMX_ATTRIBUTION_CONVERSIONS, mcpa_cell);
  g_print ("%s\n", _("Recommended spend:"));
  for (guint c = 0; c < channels->len; c++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *label = g_strdup_printf ("  %s", (const char *) g_ptr_array_index (channels,
                                                                                          c));

      for (guint i = 0; i < results->len; i++)
        {
          const MmxOptimization *result = g_ptr_array_index (results, i);
          char *cell = NULL;

          for (guint k = 0; result != NULL && k < result->channels->len && cell == NULL; k++)
            {
              const MmxChannelOptimization *channel = g_ptr_array_index (result->channels, k);

              if (g_str_equal (channel->name, g_ptr_array_index (channels, c)))
                cell = mmx_cli_format_amount (channel->recommended);
            }
          g_ptr_array_add (cells, cell);
        }
      print_row (label, cells);
    }
  for (guint i = 0; i < results->len; i++)
    if (g_ptr_array_index (results, i) == NULL)
      g_print (_("\n“%s” cannot be shown: it is a %s scenario, or a different version of "
                 "MarketingMix saved it.\n"),
               (const char *) g_ptr_array_index (names, i),
               ((MmxScenario *) g_ptr_array_index (scenarios, i))->kind);
  return MMX_CLI_EXIT_OK;
}

int
mmx_cli_scenarios (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("[delete NAME] — the saved scenarios, side by side"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!mmx_cli_parse_options (context, &argc, &argv))
    return MMX_CLI_EXIT_USAGE;
  if (argc > 1 && (strcmp (argv[1], "delete") != 0 || argc != 3))
    return mmx_cli_usage_error (context, _("Use “scenarios” to list, “scenarios delete NAME” "
                                           "to delete."));

  store = mmx_cli_open_store (db_path);
  if (store == NULL)
    return MMX_CLI_EXIT_FAILURE;
  if (argc == 3)
    {
      if (!mmx_store_delete_scenario (store, MMX_SCENARIO_KIND_OPTIMIZER, argv[2], &error))
        {
          mmx_cli_print_error (error);
          return MMX_CLI_EXIT_FAILURE;
        }
      g_print (_("The scenario “%s” is deleted.\n"), argv[2]);
      return MMX_CLI_EXIT_OK;
    }

  scenarios = mmx_store_list_scenarios (store, NULL, &error);
  if (scenarios == NULL)
    {
      mmx_cli_print_error (error);
      return MMX_CLI_EXIT_FAILURE;
    }
  return json ? print_json (scenarios) : print_table (scenarios);
}
