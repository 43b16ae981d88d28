/* mmx-series.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-series"

#include "config.h"

#include "mmx-date.h"
#include "mmx-json.h"
#include "mmx-panel.h"
#include "mmx-series.h"

void
mmx_series_free (MmxSeries *self)
{
  if (self == NULL)
    return;
  g_free (self->period_start);
  g_free (self->period_days);
  g_strfreev (self->channel_names);
  g_free (self->spend);
  g_free (self->revenue);
  g_free (self->total_spend);
  g_free (self->total_revenue);
  g_free (self);
}

/* Julian day 1 (1 January of year 1) was a Monday. */
static guint32
monday_of (guint32 julian)
{
  return julian - (julian - 1) % 7;
}

/* The period of the series each period of @panel falls in: the same one,
 * or the week starting on the Monday before a day. */
static guint
count_periods (const MmxPanel *panel,
               gboolean        by_week,
               guint          *period_of)
{
  guint n = 0;

  for (guint t = 0; t < panel->n_periods; t++)
    {
      if (t == 0 || !by_week
          || monday_of (mmx_panel_get_day (panel, t)) != monday_of (mmx_panel_get_day (panel, t - 1)))
        n++;
      period_of[t] = n - 1;
    }
  return n;
}

/**
 * mmx_series_query:
 * @store: a store
 * @from: (nullable): the first day, `YYYY-MM-DD`; the first day with data
 *   when %NULL
 * @to: (nullable): the last day; the last day with data when %NULL
 * @by: %MMX_GRANULARITY_WEEKLY to sum daily data into weeks; anything
 *   else keeps the data's own periods (a series is never finer than its
 *   data)
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
MmxSeries *
mmx_series_query (MmxStore        *store,
                  const char      *from,
                  const char      *to,
                  MmxGranularity   by,
                  GError         **error)
{
  g_autoptr(MmxPanel) panel = NULL;
  g_autoptr(MmxSeries) self = NULL;
  g_autofree guint *period_of = NULL;
  gboolean by_week;
  guint data_days;

  g_return_val_if_fail (MMX_IS_STORE (store), NULL);

  panel = mmx_panel_load (store, from, to, NULL, error);
  if (panel == NULL)
    return NULL;

  by_week = by == MMX_GRANULARITY_WEEKLY && panel->granularity == MMX_GRANULARITY_DAILY;
  data_days = mmx_granularity_get_days (panel->granularity);

  self = g_new0 (MmxSeries, 1);
  self->granularity = by_week ? MMX_GRANULARITY_WEEKLY : panel->granularity;
  period_of = g_new (guint, MAX (panel->n_periods, 1));
  self->n_periods = count_periods (panel, by_week, period_of);
  self->n_channels = panel->n_channels;
  self->channel_names = g_strdupv (panel->channel_names);
  self->period_start = g_new0 (guint32, self->n_periods);
  self->period_days = g_new0 (guint, self->n_periods);
  self->spend = g_new0 (double, (gsize) self->n_periods * self->n_channels);
  self->revenue = g_new0 (double, (gsize) self->n_periods * self->n_channels);
  self->total_spend = g_new0 (double, self->n_periods);
  self->total_revenue = g_new0 (double, self->n_periods);

  for (guint t = 0; t < panel->n_periods; t++)
    {
      guint p = period_of[t];
      guint32 day = mmx_panel_get_day (panel, t);

      if (self->period_days[p] == 0)
        self->period_start[p] = by_week ? monday_of (day) : day;
      self->period_days[p] += data_days;
      self->total_revenue[p] += panel->revenue[t];
      for (guint c = 0; c < panel->n_channels; c++)
        {
          gsize in = (gsize) t * panel->n_channels + c;
          gsize out = (gsize) p * self->n_channels + c;

          self->spend[out] += panel->spend[in];
          self->revenue[out] += panel->channel_revenue[in];
          self->total_spend[p] += panel->spend[in];
        }
    }

  return g_steal_pointer (&self);
}

static void
add_numbers (JsonBuilder  *builder,
             const char   *member,
             const double *values,
             guint         n,
             guint         stride)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_double_value (builder, values[(gsize) i * stride]);
  json_builder_end_array (builder);
}

/**
 * mmx_series_build_json:
 * @self: a series
 * @builder: a builder, inside an object
 *
 * Adds `granularity`, `dates` (the first day of each period), `days`,
 * `spend` and `revenue` (the totals) and `channels` (each with its
 * `name`, `spend` and `revenue`), every array one value per period.
 */
void
mmx_series_build_json (const MmxSeries *self,
                       JsonBuilder     *builder)
{
  mmx_json_add_string (builder, "granularity", mmx_granularity_to_string (self->granularity));

  json_builder_set_member_name (builder, "dates");
  json_builder_begin_array (builder);
  for (guint p = 0; p < self->n_periods; p++)
    {
      g_autofree char *date = mmx_date_julian_to_iso (self->period_start[p]);

      json_builder_add_string_value (builder, date);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint p = 0; p < self->n_periods; p++)
    json_builder_add_int_value (builder, self->period_days[p]);
  json_builder_end_array (builder);

  add_numbers (builder, "spend", self->total_spend, self->n_periods, 1);
  add_numbers (builder, "revenue", self->total_revenue, self->n_periods, 1);

  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint c = 0; c < self->n_channels; c++)
    {
      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "name", self->channel_names[c]);
      add_numbers (builder, "spend", self->spend + c, self->n_periods, self->n_channels);
      add_numbers (builder, "revenue", self->revenue + c, self->n_periods, self->n_channels);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}
