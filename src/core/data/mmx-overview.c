/* mmx-overview.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-overview"

#include "config.h"

#include "mmx-date.h"
#include "mmx-overview.h"

void
mmx_overview_free (MmxOverview *self)
{
  if (self == NULL)
    return;
  g_free (self->from);
  g_free (self->to);
  g_free (self->data_first);
  g_free (self->data_last);
  g_clear_pointer (&self->kpis, mmx_kpis_free);
  g_clear_pointer (&self->previous, mmx_kpis_free);
  g_clear_pointer (&self->series, mmx_series_free);
  g_free (self);
}

/* The KPIs of the period before [@from, @to], if the store covers it. */
static gboolean
query_previous (MmxStore     *store,
                MmxOverview  *self,
                guint32       from,
                guint32       to,
                GError      **error)
{
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;
  guint32 first, last;

  mmx_date_range_previous (from, to, &first, &last);
  if (first == 0 || first < mmx_date_julian_from_iso (self->data_first))
    return TRUE;

  previous_from = mmx_date_julian_to_iso (first);
  previous_to = mmx_date_julian_to_iso (last);
  self->previous = mmx_kpis_query (store, previous_from, previous_to, error);
  return self->previous != NULL;
}

/**
 * mmx_overview_query:
 * @store: a store
 * @preset: the range
 * @custom_from: (nullable): the first day of a custom range, `YYYY-MM-DD`
 * @custom_to: (nullable): the last day of a custom range
 * @by: the periods of the series: %MMX_GRANULARITY_WEEKLY sums daily data
 *   into weeks
 * @error: a location for a #GError
 *
 * Everything the dashboard shows for a range, read in one go on the
 * caller's connection: the KPIs, those of the period before, and the
 * series. An empty store gives an overview with no range and empty KPIs.
 *
 * Returns: (transfer full): the overview, or %NULL with @error set
 */
MmxOverview *
mmx_overview_query (MmxStore            *store,
                    MmxDateRangePreset   preset,
                    const char          *custom_from,
                    const char          *custom_to,
                    MmxGranularity       by,
                    GError             **error)
{
  g_autoptr(MmxOverview) self = g_new0 (MmxOverview, 1);
  GError *local_error = NULL;
  guint32 from, to;

  g_return_val_if_fail (MMX_IS_STORE (store), NULL);

  if (!mmx_store_get_date_range (store, &self->data_first, &self->data_last, error)
      || !mmx_date_range_resolve_preset (store, preset, custom_from, custom_to, &from, &to, error))
    return NULL;
  self->granularity = mmx_store_get_granularity (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (from != 0)
    {
      self->from = mmx_date_julian_to_iso (from);
      self->to = mmx_date_julian_to_iso (to);
    }
  else if (preset != MMX_DATE_RANGE_CUSTOM)
    custom_from = custom_to = NULL;

  /* Without a day in the range, the bounds as given resolve to none again
   * in the queries, which then return empty results. */
  self->kpis = mmx_kpis_query (store, from ? self->from : custom_from, from ? self->to : custom_to,
                               error);
  if (self->kpis == NULL)
    return NULL;
  self->series = mmx_series_query (store, from ? self->from : custom_from,
                                   from ? self->to : custom_to, by, error);
  if (self->series == NULL)
    return NULL;
  if (from != 0 && !query_previous (store, self, from, to, error))
    return NULL;

  return g_steal_pointer (&self);
}
