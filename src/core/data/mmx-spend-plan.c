/* mmx-spend-plan.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-spend-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-channel-match.h"
#include "mmx-csv-table.h"
#include "mmx-date.h"
#include "mmx-import-error.h"
#include "mmx-spend-plan.h"

struct _MmxSpendPlan
{
  GArray *entries;
};

static void
entry_clear (MmxSpendPlanEntry *entry)
{
  g_free (entry->channel);
}

MmxSpendPlan *
mmx_spend_plan_new (void)
{
  MmxSpendPlan *self = g_new0 (MmxSpendPlan, 1);

  self->entries = g_array_new (FALSE, FALSE, sizeof (MmxSpendPlanEntry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  return self;
}

void
mmx_spend_plan_free (MmxSpendPlan *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

/**
 * mmx_spend_plan_add:
 * @self: a plan
 * @day: a Julian day
 * @channel: a channel's name as the panel gives it
 * @spend: the spend planned, at least 0; rows of one day and channel add up
 */
void
mmx_spend_plan_add (MmxSpendPlan *self,
                    guint32       day,
                    const char   *channel,
                    double        spend)
{
  MmxSpendPlanEntry entry = { day, g_strdup (channel), spend };

  g_return_if_fail (self != NULL);
  g_return_if_fail (channel != NULL);

  g_array_append_val (self->entries, entry);
}

guint
mmx_spend_plan_get_n_entries (MmxSpendPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

const MmxSpendPlanEntry *
mmx_spend_plan_get_entry (MmxSpendPlan *self,
                          guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, MmxSpendPlanEntry, index);
}

/**
 * mmx_spend_plan_get_last_day:
 * @self: a plan
 *
 * Returns: the last Julian day planned, or 0 for an empty plan
 */
guint32
mmx_spend_plan_get_last_day (MmxSpendPlan *self)
{
  guint32 last = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->entries->len; i++)
    last = MAX (last, g_array_index (self->entries, MmxSpendPlanEntry, i).day);
  return last;
}

static gboolean
read_row (MmxSpendPlan    *self,
          MmxCsvTable     *table,
          guint            row,
          const int       *columns,
          MmxStore        *store,
          const MmxPanel  *panel,
          guint32          first_future_day,
          GError         **error)
{
  const char *channel = mmx_csv_table_get_text (table, row, columns[1]);
  guint32 day;
  double spend;
  int index;

  if (!mmx_csv_table_get_date (table, row, columns[0], &day, error))
    return FALSE;
  if (day < first_future_day)
    {
      g_autofree char *date = mmx_date_julian_to_iso (day);
      g_autofree char *first = mmx_date_julian_to_iso (first_future_day);

      mmx_csv_table_set_error (table, row, columns[0], error,
                               _("%s is in the history, which the plan cannot change. Plan from "
                                 "%s on."), date, first);
      return FALSE;
    }

  if (*channel == '\0')
    {
      mmx_csv_table_set_error (table, row, columns[1], error, _("the channel is missing."));
      return FALSE;
    }
  if (!mmx_channel_match (store, channel, (const char * const *) panel->channel_names, &index,
                          error))
    return FALSE;
  if (index < 0)
    {
      g_autofree char *known = mmx_channel_match_list ((const char * const *) panel->channel_names);

      mmx_csv_table_set_error (table, row, columns[1], error,
                               _("“%s” is not a channel with spend in the history, so its effect "
                                 "is unknown. Plan the channels the data holds: %s."), channel,
                               known);
      return FALSE;
    }

  if (!mmx_csv_table_get_number (table, row, columns[2], &spend, error))
    return FALSE;
  if (spend < 0)
    {
      mmx_csv_table_set_error (table, row, columns[2], error,
                               _("the spend is negative. Plan 0 or more."));
      return FALSE;
    }

  mmx_spend_plan_add (self, day, panel->channel_names[index], spend);
  return TRUE;
}

/**
 * mmx_spend_plan_load:
 * @file: a CSV file with the columns `date`, `channel` and `spend`, one
 *   row per day and channel
 * @store: (nullable): the store whose channel names apply, as on import
 * @panel: the history the plan continues
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Every row must plan a day after the history, for a channel of @panel,
 * at least 0; one that does not fails the whole file with an error that
 * names its row and column, since a forecast on half a plan misleads.
 *
 * Returns: (transfer full): the plan, or %NULL with a
 *   %MMX_IMPORT_ERROR_BAD_FILE error
 */
MmxSpendPlan *
mmx_spend_plan_load (GFile           *file,
                     MmxStore        *store,
                     const MmxPanel  *panel,
                     GCancellable    *cancellable,
                     GError         **error)
{
  static const char * const date_names[] = { "date", "day", NULL };
  static const char * const channel_names[] = { "channel", "channel name", "platform", NULL };
  static const char * const spend_names[] = { "spend", "budget", "cost", "amount", NULL };
  const char * const *names[] = { date_names, channel_names, spend_names };
  g_autoptr(MmxSpendPlan) self = mmx_spend_plan_new ();
  g_autoptr(MmxCsvTable) table = NULL;
  GError *local_error = NULL;
  int columns[G_N_ELEMENTS (names)];

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (panel != NULL, NULL);

  table = mmx_csv_table_load_columns (file, names, G_N_ELEMENTS (names), columns,
                                      _("plans nothing: add a row per day and channel under its "
                                        "header."), cancellable, &local_error);
  if (table == NULL)
    goto failed;

  for (guint row = 0; row < mmx_csv_table_get_n_rows (table); row++)
    if (!read_row (self, table, row, columns, store, panel,
                   mmx_panel_get_day (panel, panel->n_periods), &local_error))
      goto failed;
  return g_steal_pointer (&self);

failed:
  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_FILE, "%s", local_error->message);
  g_error_free (local_error);
  return NULL;
}
