/* mmx-panel.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mmx-date.h"
#include "mmx-date-range.h"
#include "mmx-panel.h"
#include "mmx-store-private.h"

G_DEFINE_BOXED_TYPE (MmxPanel, mmx_panel, mmx_panel_ref, mmx_panel_unref)

static void
mmx_panel_clear (MmxPanel *self)
{
  g_free (self->geo);
  g_strfreev (self->channel_names);
  g_free (self->spend);
  g_free (self->channel_revenue);
  g_free (self->channel_missing);
  g_free (self->revenue);
  g_free (self->conversions);
  g_free (self->missing);
  g_strfreev (self->control_names);
  g_free (self->controls);
}

MmxPanel *
mmx_panel_ref (MmxPanel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
mmx_panel_unref (MmxPanel *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) mmx_panel_clear);
}

/**
 * mmx_panel_get_day:
 * @self: a panel
 * @period: a period index
 *
 * Returns: the Julian day the period starts on
 */
guint32
mmx_panel_get_day (const MmxPanel *self,
                   guint           period)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_day + period * mmx_granularity_get_days (self->granularity);
}

/* Binds the range as ?1 ?2 and the region as ?3: NULL, which the queries
 * read as "all regions", or one region. */
static sqlite3_stmt *
prepare_ranged (MmxStore    *store,
                const char  *sql,
                const char  *from,
                const char  *to,
                const char  *geo,
                GError     **error)
{
  sqlite3_stmt *stmt = _mmx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (geo != NULL)
    sqlite3_bind_text (stmt, 3, geo, -1, SQLITE_TRANSIENT);
  return stmt;
}

#define IN_RANGE "date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR geo = ?3)"

static gboolean
finish_rows (MmxStore  *store,
             int        rc,
             GError   **error)
{
  if (rc != SQLITE_DONE)
    return _mmx_store_set_error (error, _mmx_store_get_db (store), rc, _("loading the data"));
  return TRUE;
}

/* Weekly periods start on the data's own first day, whatever weekday the
 * range starts on. */
static gboolean
align_first_day (MmxPanel    *self,
                 MmxStore    *store,
                 const char  *from,
                 const char  *to,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_ranged (store, "SELECT min(date) FROM metric WHERE " IN_RANGE,
                         from, to, self->geo, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return finish_rows (store, rc, error);
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    self->first_day = mmx_date_julian_from_iso ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static gboolean
load_channels (MmxPanel    *self,
               MmxStore    *store,
               const char  *from,
               const char  *to,
               GHashTable  *index_of,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  stmt = prepare_ranged (store,
                         "SELECT c.id, c.name FROM metric JOIN channel c ON c.id = channel_id "
                         "WHERE " IN_RANGE " AND c.kind = 'media' "
                         "GROUP BY c.id HAVING total(spend) > 0 ORDER BY c.name COLLATE NOCASE",
                         from, to, self->geo, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_insert (index_of, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                           GUINT_TO_POINTER (self->n_channels++));
      g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 1));
    }
  self->channel_names = g_strv_builder_end (names);
  return finish_rows (store, rc, error);
}

static gboolean
period_of (const MmxPanel *self,
           const char     *date,
           guint          *out_period)
{
  guint32 day = mmx_date_julian_from_iso (date);

  if (day < self->first_day)
    return FALSE;
  *out_period = (day - self->first_day) / mmx_granularity_get_days (self->granularity);
  return *out_period < self->n_periods;
}

static gboolean
load_metrics (MmxPanel    *self,
              MmxStore    *store,
              const char  *from,
              const char  *to,
              GHashTable  *index_of,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_ranged (store,
                         "SELECT date, channel_id, total(spend), total(revenue), total(conversions) "
                         "FROM metric WHERE " IN_RANGE " GROUP BY date, channel_id",
                         from, to, self->geo, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer index;
      guint t;

      if (!period_of (self, (const char *) sqlite3_column_text (stmt, 0), &t))
        continue;
      self->missing[t] = FALSE;
      self->revenue[t] += sqlite3_column_double (stmt, 3);
      self->conversions[t] += sqlite3_column_double (stmt, 4);
      if (g_hash_table_lookup_extended (index_of, GINT_TO_POINTER (sqlite3_column_int (stmt, 1)),
                                        NULL, &index))
        {
          guint cell = t * self->n_channels + GPOINTER_TO_UINT (index);

          self->spend[cell] += sqlite3_column_double (stmt, 2);
          self->channel_revenue[cell] += sqlite3_column_double (stmt, 3);
          self->channel_missing[cell] = FALSE;
        }
    }
  return finish_rows (store, rc, error);
}

static gboolean
load_controls (MmxPanel    *self,
               MmxStore    *store,
               const char  *from,
               const char  *to,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) names = NULL;
  g_autoptr(sqlite3_stmt) values = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  names = prepare_ranged (store,
                          "SELECT DISTINCT name FROM control WHERE " IN_RANGE " ORDER BY name",
                          from, to, self->geo, error);
  if (names == NULL)
    return FALSE;
  while ((rc = sqlite3_step (names)) == SQLITE_ROW)
    {
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (names, 0));
      self->n_controls++;
    }
  if (!finish_rows (store, rc, error))
    return FALSE;
  self->control_names = g_strv_builder_end (builder);
  for (guint i = 0; i < self->n_controls; i++)
    g_hash_table_insert (index_of, self->control_names[i], GUINT_TO_POINTER (i));
  self->controls = g_new0 (double, (gsize) self->n_periods * self->n_controls);

  values = prepare_ranged (store,
                           "SELECT date, name, avg(value) FROM control WHERE " IN_RANGE
                           " GROUP BY date, name",
                           from, to, self->geo, error);
  if (values == NULL)
    return FALSE;
  while ((rc = sqlite3_step (values)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (values, 1);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, name));
      guint t;

      if (period_of (self, (const char *) sqlite3_column_text (values, 0), &t))
        self->controls[t * self->n_controls + index] = sqlite3_column_double (values, 2);
    }
  return finish_rows (store, rc, error);
}

static void
allocate (MmxPanel *self)
{
  gsize cells = (gsize) self->n_periods * self->n_channels;

  self->spend = g_new0 (double, cells);
  self->channel_revenue = g_new0 (double, cells);
  self->channel_missing = g_new (gboolean, cells);
  self->revenue = g_new0 (double, self->n_periods);
  self->conversions = g_new0 (double, self->n_periods);
  self->missing = g_new (gboolean, self->n_periods);
  for (gsize i = 0; i < cells; i++)
    self->channel_missing[i] = TRUE;
  for (guint t = 0; t < self->n_periods; t++)
    self->missing[t] = TRUE;
}

/**
 * mmx_panel_load:
 * @store: a store
 * @from: (nullable): the first day, `YYYY-MM-DD`; the first day with data
 *   when %NULL
 * @to: (nullable): the last day; the last day with data when %NULL
 * @geo: (nullable): one region, or %NULL for the sum over all
 * @error: a location for a #GError
 *
 * Loads the data of a range as a dense matrix, one row per day (or week)
 * whether data is stored for it or not.
 *
 * Returns: (transfer full): the panel, or %NULL with @error set
 */
MmxPanel *
mmx_panel_load (MmxStore    *store,
                const char  *from,
                const char  *to,
                const char  *geo,
                GError     **error)
{
  g_autoptr(MmxPanel) self = g_atomic_rc_box_new0 (MmxPanel);
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GError *local_error = NULL;
  guint32 first_day, last_day;
  guint step;

  g_return_val_if_fail (MMX_IS_STORE (store), NULL);

  self->geo = g_strdup (geo);
  self->granularity = mmx_store_get_granularity (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (self->granularity == MMX_GRANULARITY_UNKNOWN)
    self->granularity = MMX_GRANULARITY_DAILY;

  if (!mmx_date_range_resolve (store, from, to, &first_day, &last_day, error))
    return NULL;
  if (first_day != 0)
    {
      first = mmx_date_julian_to_iso (first_day);
      last = mmx_date_julian_to_iso (last_day);
      self->first_day = first_day;
      step = mmx_granularity_get_days (self->granularity);
      if (step > 1)
        {
          self->first_day = 0;
          if (!align_first_day (self, store, first, last, error))
            return NULL;
        }
      if (self->first_day != 0)
        self->n_periods = (last_day - self->first_day) / step + 1;
    }

  if (!load_channels (self, store, first ? first : "", last ? last : "", index_of, error))
    return NULL;
  allocate (self);
  if (self->n_periods > 0
      && (!load_metrics (self, store, first, last, index_of, error)
          || !load_controls (self, store, first, last, error)))
    return NULL;
  if (self->control_names == NULL)
    self->control_names = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

static void
checksum_doubles (GChecksum    *checksum,
                  const double *values,
                  gsize         n)
{
  if (n > 0)
    g_checksum_update (checksum, (const guchar *) values, n * sizeof (double));
}

/**
 * mmx_panel_compute_checksum:
 * @self: a panel
 *
 * Returns: (transfer full): a SHA-256 of everything in the panel: equal
 *   for equal data, so results fitted to it can be looked up again
 */
char *
mmx_panel_compute_checksum (const MmxPanel *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize cells = (gsize) self->n_periods * self->n_channels;
  guint32 header[] = { self->granularity, self->first_day, self->n_periods, self->n_channels,
                       self->n_controls };

  g_checksum_update (checksum, (const guchar *) header, sizeof header);
  g_checksum_update (checksum, (const guchar *) (self->geo ? self->geo : ""), -1);
  for (guint k = 0; k < self->n_channels; k++)
    g_checksum_update (checksum, (const guchar *) self->channel_names[k],
                       strlen (self->channel_names[k]) + 1);
  for (guint c = 0; c < self->n_controls; c++)
    g_checksum_update (checksum, (const guchar *) self->control_names[c],
                       strlen (self->control_names[c]) + 1);
  checksum_doubles (checksum, self->spend, cells);
  checksum_doubles (checksum, self->channel_revenue, cells);
  checksum_doubles (checksum, self->revenue, self->n_periods);
  checksum_doubles (checksum, self->conversions, self->n_periods);
  checksum_doubles (checksum, self->controls, (gsize) self->n_periods * self->n_controls);
  for (guint t = 0; t < self->n_periods; t++)
    {
      guint8 missing = self->missing[t] != FALSE;

      g_checksum_update (checksum, &missing, 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}
