/* mmx-optimizer-json.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-optimizer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-date.h"
#include "mmx-json.h"
#include "mmx-model-error.h"
#include "mmx-optimizer-private.h"

/* An optimization as JSON: what `marketingmix-cli optimize --json` prints
 * and what a saved scenario keeps, read back by
 * mmx_optimization_new_from_data(). */

static const char * const goal_names[] = { "budget", "target_revenue", "target_mroas" };

/* On conversions "revenue" is conversions, and what a conversion costs
 * says more than a return on investment. */
static void
add_summary (JsonBuilder                *builder,
             const char                 *member,
             const MmxAllocationSummary *summary,
             MmxAttributionTarget        kind)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  mmx_json_add_number (builder, "spend", summary->spend);
  mmx_json_add_number (builder, "revenue", summary->revenue);
  mmx_json_add_pair (builder, "revenue_ci", summary->revenue_ci);
  mmx_json_add_number (builder, "roi", summary->roi);
  if (kind == MMX_ATTRIBUTION_CONVERSIONS)
    mmx_json_add_number (builder, "cpa", mmx_allocation_summary_get_cpa (summary));
  json_builder_end_object (builder);
}

static void
add_channel (JsonBuilder                  *builder,
             const MmxChannelOptimization *channel)
{
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "name", channel->name);
  mmx_json_add_number (builder, "current", channel->current);
  mmx_json_add_number (builder, "recommended", channel->recommended);
  mmx_json_add_number (builder, "change", channel->change);
  mmx_json_add_number (builder, "current_revenue", channel->current_revenue);
  mmx_json_add_number (builder, "expected_revenue", channel->expected_revenue);
  mmx_json_add_number (builder, "current_mroas", channel->current_mroas);
  mmx_json_add_number (builder, "mroas", channel->mroas);
  mmx_json_add_string (builder, "at_bound", mmx_bound_to_string (channel->at_bound));
  mmx_json_add_number (builder, "min", channel->min);
  mmx_json_add_number (builder, "max", channel->max);
  mmx_json_add_string (builder, "fixed", mmx_channel_fixed_to_string (channel->fixed));
  mmx_json_add_number (builder, "unconstrained", channel->unconstrained);
  json_builder_end_object (builder);
}

/* The limits that hold the split back, each with what moving it by one
 * unit per period would bring or save. */
static void
add_binding (JsonBuilder           *builder,
             const MmxOptimization *self)
{
  json_builder_set_member_name (builder, "binding");
  json_builder_begin_array (builder);
  for (guint k = 0; k < self->channels->len; k++)
    {
      const MmxChannelOptimization *channel = g_ptr_array_index (self->channels, k);

      if (channel->at_bound == MMX_BOUND_NONE)
        continue;
      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "channel", channel->name);
      mmx_json_add_string (builder, "bound", mmx_bound_to_string (channel->at_bound));
      mmx_json_add_number (builder, "limit", channel->at_bound == MMX_BOUND_MAX ? channel->max
                                                                                : channel->min);
      mmx_json_add_number (builder, "value_per_unit", fabs (channel->mroas
                                                            - self->marginal_roas));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * mmx_optimization_build_json:
 * @self: a result
 * @builder: a builder inside an object
 *
 * Adds the members `marketingmix-cli optimize --json` prints.
 */
void
mmx_optimization_build_json (const MmxOptimization *self,
                             JsonBuilder           *builder)
{
  g_autofree char *from = mmx_date_julian_to_iso (self->attribution_first_day);
  g_autofree char *to = mmx_date_julian_to_iso (self->attribution_last_day);

  mmx_json_add_string (builder, "goal", goal_names[self->goal]);
  mmx_json_add_string (builder, "period", mmx_budget_period_to_string (self->period));
  mmx_json_add_string (builder, "granularity", mmx_granularity_to_string (self->granularity));
  mmx_json_add_string (builder, "kpi", self->target_kind == MMX_ATTRIBUTION_CONVERSIONS
                                       ? "conversions" : "revenue");
  mmx_json_add_number (builder, "budget", self->budget);
  mmx_json_add_number (builder, "target", self->target);

  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint k = 0; k < self->channels->len; k++)
    add_channel (builder, g_ptr_array_index (self->channels, k));
  json_builder_end_array (builder);

  add_summary (builder, "current", &self->current, self->target_kind);
  add_summary (builder, "recommended", &self->recommended, self->target_kind);

  json_builder_set_member_name (builder, "uplift");
  json_builder_begin_object (builder);
  mmx_json_add_number (builder, "revenue", self->uplift);
  mmx_json_add_pair (builder, "revenue_ci", self->uplift_ci);
  mmx_json_add_number (builder, "share", self->uplift_share);
  mmx_json_add_pair (builder, "share_ci", self->uplift_share_ci);
  mmx_json_add_number (builder, "probability", self->uplift_probability);
  json_builder_end_object (builder);

  mmx_json_add_number (builder, "current_mix_revenue", self->current_mix_revenue);
  mmx_json_add_number (builder, "marginal_roas", self->marginal_roas);
  mmx_json_add_boolean (builder, "spent_before_target", self->spent_before_target);
  json_builder_set_member_name (builder, "optimality");
  json_builder_begin_object (builder);
  mmx_json_add_boolean (builder, "verified", self->verified);
  mmx_json_add_number (builder, "gap", self->optimality_gap);
  json_builder_end_object (builder);
  add_binding (builder, self);

  json_builder_set_member_name (builder, "unconstrained");
  json_builder_begin_object (builder);
  mmx_json_add_number (builder, "revenue", self->unconstrained_revenue);
  mmx_json_add_number (builder, "cost", self->unconstrained_revenue - self->recommended.revenue);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "frontier");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_frontier; i++)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, self->frontier_budget[i]);
      json_builder_add_double_value (builder, self->frontier_revenue[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  mmx_json_add_int (builder, "replicates", self->n_replicates);
  mmx_json_add_int (builder, "starts", self->n_starts);
  json_builder_set_member_name (builder, "attribution");
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "method", mmx_attribution_method_to_string (
                                            self->attribution_method));
  mmx_json_add_string (builder, "from", from);
  mmx_json_add_string (builder, "to", to);
  json_builder_end_object (builder);
  mmx_json_add_strv (builder, "notes", (const char * const *) self->notes->pdata);
  mmx_json_add_number (builder, "elapsed_ms", self->elapsed_ms);
}

/**
 * mmx_optimization_to_data:
 * @self: a result
 *
 * Returns: (transfer full): the result as JSON, for a saved scenario
 */
char *
mmx_optimization_to_data (const MmxOptimization *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  mmx_optimization_build_json (self, builder);
  json_builder_end_object (builder);
  return mmx_json_to_string (builder, FALSE);
}

static guint32
get_date (MmxJsonReader *reader,
          JsonObject    *object,
          const char    *member)
{
  const char *text = mmx_json_reader_string (reader, object, member);
  guint32 julian = text != NULL ? mmx_date_julian_from_iso (text) : 0;

  if (julian == 0)
    reader->ok = FALSE;
  return julian;
}

static guint
find_name (const char * const *names,
           guint               n_names,
           const char         *name,
           MmxJsonReader      *reader)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  reader->ok = FALSE;
  return 0;
}

static void
read_summary (MmxJsonReader        *reader,
              JsonObject           *object,
              MmxAllocationSummary *out)
{
  out->spend = mmx_json_reader_number (reader, object, "spend");
  out->revenue = mmx_json_reader_number (reader, object, "revenue");
  mmx_json_reader_pair (reader, object, "revenue_ci", out->revenue_ci);
  out->roi = mmx_json_reader_number (reader, object, "roi");
}

static MmxChannelOptimization *
read_channel (MmxJsonReader *reader,
              JsonObject    *object)
{
  static const char * const bounds[] = { "none", "min", "max" };
  MmxChannelOptimization *channel = g_new0 (MmxChannelOptimization, 1);
  const char *fixed = mmx_json_reader_string (reader, object, "fixed");

  channel->name = g_strdup (mmx_json_reader_string (reader, object, "name"));
  channel->current = mmx_json_reader_number (reader, object, "current");
  channel->recommended = mmx_json_reader_number (reader, object, "recommended");
  channel->change = mmx_json_reader_number (reader, object, "change");
  channel->current_revenue = mmx_json_reader_number (reader, object, "current_revenue");
  channel->expected_revenue = mmx_json_reader_number (reader, object, "expected_revenue");
  channel->current_mroas = mmx_json_reader_number (reader, object, "current_mroas");
  channel->mroas = mmx_json_reader_number (reader, object, "mroas");
  channel->at_bound = find_name (bounds, G_N_ELEMENTS (bounds),
                                 mmx_json_reader_string (reader, object, "at_bound"), reader);
  channel->min = mmx_json_reader_number (reader, object, "min");
  channel->max = mmx_json_reader_number (reader, object, "max");
  if (isnan (channel->max))
    channel->max = INFINITY;
  channel->fixed = fixed == NULL ? MMX_CHANNEL_FIXED_NONE
                   : g_str_equal (fixed, "locked") ? MMX_CHANNEL_FIXED_LOCKED
                   : MMX_CHANNEL_FIXED_UNMEASURED;
  channel->unconstrained = mmx_json_reader_number (reader, object, "unconstrained");
  if (channel->name == NULL)
    reader->ok = FALSE;
  return channel;
}

/**
 * mmx_optimization_new_from_data:
 * @data: what mmx_optimization_to_data() wrote
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the result, or %NULL with @error set when the
 *   text is not one
 */
MmxOptimization *
mmx_optimization_new_from_data (const char  *data,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MmxOptimization) self = _mmx_optimization_new ();
  MmxJsonReader reader = { TRUE };
  JsonObject *root, *uplift, *optimality, *unconstrained, *attribution;
  JsonArray *channels, *frontier, *notes;
  const char *text;

  if (!json_parser_load_from_data (parser, data, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto unreadable;
  root = json_node_get_object (json_parser_get_root (parser));

  self->goal = find_name (goal_names, G_N_ELEMENTS (goal_names),
                          mmx_json_reader_string (&reader, root, "goal"), &reader);
  if (!mmx_budget_period_from_string (mmx_json_reader_string (&reader, root, "period"),
                                      &self->period))
    reader.ok = FALSE;
  self->granularity = mmx_granularity_from_string (mmx_json_reader_string (&reader, root,
                                                                           "granularity"));
  if (self->granularity == MMX_GRANULARITY_UNKNOWN)
    reader.ok = FALSE;
  text = mmx_json_reader_string (&reader, root, "kpi");
  self->target_kind = g_strcmp0 (text, "conversions") == 0 ? MMX_ATTRIBUTION_CONVERSIONS
                                                           : MMX_ATTRIBUTION_REVENUE;
  self->budget = mmx_json_reader_number (&reader, root, "budget");
  self->target = mmx_json_reader_number (&reader, root, "target");

  channels = mmx_json_reader_array (&reader, root, "channels");
  for (guint i = 0; channels != NULL && i < json_array_get_length (channels); i++)
    {
      JsonNode *node = json_array_get_element (channels, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto unreadable;
      g_ptr_array_add (self->channels, read_channel (&reader, json_node_get_object (node)));
    }

  read_summary (&reader, mmx_json_reader_object (&reader, root, "current"), &self->current);
  read_summary (&reader, mmx_json_reader_object (&reader, root, "recommended"), &self->recommended);
  uplift = mmx_json_reader_object (&reader, root, "uplift");
  self->uplift = mmx_json_reader_number (&reader, uplift, "revenue");
  mmx_json_reader_pair (&reader, uplift, "revenue_ci", self->uplift_ci);
  self->uplift_share = mmx_json_reader_number (&reader, uplift, "share");
  mmx_json_reader_pair (&reader, uplift, "share_ci", self->uplift_share_ci);
  self->uplift_probability = mmx_json_reader_number (&reader, uplift, "probability");
  self->current_mix_revenue = mmx_json_reader_number (&reader, root, "current_mix_revenue");
  self->marginal_roas = mmx_json_reader_number (&reader, root, "marginal_roas");
  self->spent_before_target = json_object_get_boolean_member_with_default (root,
                                                                           "spent_before_target",
                                                                           FALSE);
  optimality = mmx_json_reader_object (&reader, root, "optimality");
  self->optimality_gap = mmx_json_reader_number (&reader, optimality, "gap");
  self->verified = optimality != NULL && json_object_get_boolean_member_with_default (optimality,
                                                                                       "verified",
                                                                                       FALSE);
  unconstrained = mmx_json_reader_object (&reader, root, "unconstrained");
  self->unconstrained_revenue = mmx_json_reader_number (&reader, unconstrained, "revenue");

  frontier = mmx_json_reader_array (&reader, root, "frontier");
  self->n_frontier = frontier != NULL ? json_array_get_length (frontier) : 0;
  self->frontier_budget = g_new (double, MAX (self->n_frontier, 1));
  self->frontier_revenue = g_new (double, MAX (self->n_frontier, 1));
  for (guint i = 0; i < self->n_frontier; i++)
    {
      JsonNode *node = json_array_get_element (frontier, i);
      JsonArray *point;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (point = json_node_get_array (
                                                                    node)) != 2)
        goto unreadable;
      self->frontier_budget[i] = mmx_json_reader_element (&reader, point, 0);
      self->frontier_revenue[i] = mmx_json_reader_element (&reader, point, 1);
    }

  self->n_replicates = (guint) mmx_json_reader_number (&reader, root, "replicates");
  self->n_starts = (guint) mmx_json_reader_number (&reader, root, "starts");
  attribution = mmx_json_reader_object (&reader, root, "attribution");
  if (!mmx_attribution_method_from_string (mmx_json_reader_string (&reader, attribution, "method"),
                                           &self->attribution_method))
    reader.ok = FALSE;
  self->attribution_first_day = get_date (&reader, attribution, "from");
  self->attribution_last_day = get_date (&reader, attribution, "to");
  notes = mmx_json_reader_array (&reader, root, "notes");
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      const char *line = json_array_get_string_element (notes, i);

      if (line == NULL)
        goto unreadable;
      g_ptr_array_add (self->notes, g_strdup (line));
    }
  self->elapsed_ms = mmx_json_reader_number (&reader, root, "elapsed_ms");

  if (reader.ok)
    return g_steal_pointer (&self);

unreadable:
  g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_BAD_FILE,
               _("The saved optimization cannot be read: a different version of MarketingMix "
                 "wrote it. Optimize again to replace it."));
  return NULL;
}
