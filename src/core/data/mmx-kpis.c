/* mmx-kpis.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-csv-writer.h"
#include "mmx-date.h"
#include "mmx-date-range.h"
#include "mmx-json.h"
#include "mmx-kpis.h"
#include "mmx-store-private.h"

static void
mmx_channel_kpis_free (MmxChannelKpis *self)
{
  g_free (self->name);
  g_free (self);
}

void
mmx_kpis_free (MmxKpis *self)
{
  if (self == NULL)
    return;
  g_free (self->from);
  g_free (self->to);
  g_ptr_array_unref (self->channels);
  g_free (self);
}

static double
column_or_nan (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

/* Adds @value to a total that stays NAN until something is known. */
static void
accumulate (double *total,
            double  value)
{
  if (isnan (value))
    return;
  *total = isnan (*total) ? value : *total + value;
}

static double
ratio (double numerator,
       double denominator)
{
  if (isnan (numerator) || isnan (denominator) || denominator <= 0)
    return NAN;
  return numerator / denominator;
}

/**
 * mmx_kpis_query:
 * @store: a store
 * @from: (nullable): the first day, `YYYY-MM-DD`; the first day with data
 *   when %NULL
 * @to: (nullable): the last day; the last day with data when %NULL
 * @error: a location for a #GError
 *
 * Sums spend, revenue and conversions over the range, in total and per
 * channel. Revenue given for all channels together (a wide file's)
 * appears as its own "Unattributed" line and counts in the total.
 *
 * Returns: (transfer full): the KPIs, or %NULL with @error set
 */
MmxKpis *
mmx_kpis_query (MmxStore    *store,
                const char  *from,
                const char  *to,
                GError     **error)
{
  g_autoptr(MmxKpis) self = g_new0 (MmxKpis, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint32 first_day, last_day;
  int rc;

  g_return_val_if_fail (MMX_IS_STORE (store), NULL);

  self->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_channel_kpis_free);
  self->spend = 0;
  self->revenue = NAN;
  self->conversions = NAN;
  self->roas = NAN;

  if (!mmx_date_range_resolve (store, from, to, &first_day, &last_day, error))
    return NULL;
  if (first_day == 0)
    return g_steal_pointer (&self);
  self->from = mmx_date_julian_to_iso (first_day);
  self->to = mmx_date_julian_to_iso (last_day);

  stmt = _mmx_store_prepare (store,
                             "SELECT c.name, c.kind = 'total', total(m.spend), sum(m.revenue), "
                             "       sum(m.conversions) "
                             "FROM metric m JOIN channel c ON c.id = m.channel_id "
                             "WHERE m.date BETWEEN ?1 AND ?2 "
                             "GROUP BY c.id "
                             "ORDER BY c.kind = 'total', total(m.spend) DESC, c.name COLLATE NOCASE",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, self->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->to, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MmxChannelKpis *channel = g_new0 (MmxChannelKpis, 1);

      channel->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      channel->is_total = sqlite3_column_int (stmt, 1);
      channel->spend = sqlite3_column_double (stmt, 2);
      channel->revenue = column_or_nan (stmt, 3);
      channel->conversions = column_or_nan (stmt, 4);
      channel->roas = ratio (channel->revenue, channel->spend);
      g_ptr_array_add (self->channels, channel);

      self->spend += channel->spend;
      accumulate (&self->revenue, channel->revenue);
      accumulate (&self->conversions, channel->conversions);
    }
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, _mmx_store_get_db (store), rc, _("summing the KPIs"));
      return NULL;
    }

  self->roas = ratio (self->revenue, self->spend);
  for (guint i = 0; i < self->channels->len; i++)
    {
      MmxChannelKpis *channel = g_ptr_array_index (self->channels, i);

      channel->spend_share = ratio (channel->spend, self->spend);
    }
  return g_steal_pointer (&self);
}

/**
 * mmx_kpis_build_json:
 * @self: KPIs
 * @builder: a builder, inside an object
 *
 * Adds the KPIs' members in the shape `marketingmix-cli kpis --json`
 * prints; what cannot be computed is null.
 */
void
mmx_kpis_build_json (const MmxKpis *self,
                     JsonBuilder   *builder)
{
  mmx_json_add_string (builder, "from", self->from);
  mmx_json_add_string (builder, "to", self->to);
  mmx_json_add_number (builder, "spend", self->spend);
  mmx_json_add_number (builder, "revenue", self->revenue);
  mmx_json_add_number (builder, "roas", self->roas);
  mmx_json_add_number (builder, "conversions", self->conversions);

  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->channels->len; i++)
    {
      const MmxChannelKpis *channel = g_ptr_array_index (self->channels, i);

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "name", channel->name);
      mmx_json_add_boolean (builder, "unattributed", channel->is_total);
      mmx_json_add_number (builder, "spend", channel->spend);
      mmx_json_add_number (builder, "revenue", channel->revenue);
      mmx_json_add_number (builder, "roas", channel->roas);
      mmx_json_add_number (builder, "conversions", channel->conversions);
      mmx_json_add_number (builder, "spend_share", channel->spend_share);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * mmx_kpis_change:
 * @current: a KPI of a period
 * @previous: the same KPI of the period before
 *
 * Returns: the relative change, 0.25 for a quarter more; NAN when either
 *   is unknown or @previous is 0, where no ratio means anything
 */
double
mmx_kpis_change (double current,
                 double previous)
{
  if (isnan (current) || isnan (previous) || previous == 0)
    return NAN;
  return (current - previous) / fabs (previous);
}

/**
 * mmx_channel_kpis_append_csv:
 * @self: a channel's KPIs
 * @out: the CSV text being written
 *
 * Appends one row in the columns of %MMX_CHANNEL_KPIS_CSV_HEADER: money
 * with cents, ROAS and the share (a fraction) with four decimals; values
 * that cannot be computed are empty.
 */
void
mmx_channel_kpis_append_csv (const MmxChannelKpis *self,
                             GString              *out)
{
  mmx_csv_append_field (out, self->name);
  g_string_append_c (out, ',');
  mmx_csv_append_number (out, self->spend, 2);
  g_string_append_c (out, ',');
  mmx_csv_append_number (out, self->revenue, 2);
  g_string_append_c (out, ',');
  mmx_csv_append_number (out, self->roas, 4);
  g_string_append_c (out, ',');
  mmx_csv_append_number (out, self->conversions, 2);
  g_string_append_c (out, ',');
  mmx_csv_append_number (out, self->spend_share, 4);
  g_string_append (out, "\r\n");
}
