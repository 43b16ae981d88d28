/* mmx-events.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-events"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-csv-table.h"
#include "mmx-events.h"
#include "mmx-import-error.h"

/* One occurrence may span a season, not a year: longer is a typing slip. */
#define MAX_EVENT_DAYS 92

struct _MmxEvents
{
  GArray     *events;
  GPtrArray  *names;
  GHashTable *index_of_name;
};

static void
event_clear (MmxEvent *event)
{
  g_free (event->name);
}

MmxEvents *
mmx_events_new (void)
{
  MmxEvents *self = g_new0 (MmxEvents, 1);

  self->events = g_array_new (FALSE, FALSE, sizeof (MmxEvent));
  g_array_set_clear_func (self->events, (GDestroyNotify) event_clear);
  self->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->names, NULL);
  self->index_of_name = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
mmx_events_free (MmxEvents *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->events);
  g_hash_table_unref (self->index_of_name);
  g_ptr_array_unref (self->names);
  g_free (self);
}

/**
 * mmx_events_add:
 * @self: events
 * @name: the event's name
 * @first_day: its first Julian day
 * @last_day: its last, not before @first_day
 */
void
mmx_events_add (MmxEvents  *self,
                const char *name,
                guint32     first_day,
                guint32     last_day)
{
  MmxEvent event = { g_strdup (name), first_day, MAX (first_day, last_day) };

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (!g_hash_table_contains (self->index_of_name, name))
    {
      /* Keep the array NULL-terminated for mmx_events_get_names(). */
      char *copy = g_strdup (name);

      g_ptr_array_insert (self->names, self->names->len - 1, copy);
      g_hash_table_insert (self->index_of_name, copy, GUINT_TO_POINTER (self->names->len - 2));
    }
  g_array_append_val (self->events, event);
}

static guint32
julian (int         year,
        GDateMonth  month,
        int         day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* US Thanksgiving, the fourth Thursday of November, which Black Friday
 * and Cyber Monday follow everywhere they are kept. */
static guint32
thanksgiving (int year)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_NOVEMBER, year);
  int to_thursday = (G_DATE_THURSDAY - g_date_get_weekday (date) + 7) % 7;

  return g_date_get_julian (date) + to_thursday + 21;
}

/**
 * mmx_events_add_builtin:
 * @self: events
 * @first_day: the first Julian day to cover
 * @last_day: the last
 *
 * Adds the retail calendar of every year the range touches: Black Friday,
 * Cyber Monday, Christmas (24 and 25 December) and New Year (31 December
 * and 1 January).
 */
void
mmx_events_add_builtin (MmxEvents *self,
                        guint32    first_day,
                        guint32    last_day)
{
  g_autoptr(GDate) first = g_date_new_julian (MAX (first_day, 1));
  g_autoptr(GDate) last = g_date_new_julian (MAX (last_day, first_day));

  g_return_if_fail (self != NULL);

  /* From the year before, whose New Year reaches into this one. */
  for (int year = g_date_get_year (first) - 1; year <= g_date_get_year (last); year++)
    {
      guint32 thursday = thanksgiving (year);
      struct {
        const char *name;
        guint32 first, last;
      } calendar[] = {
        { N_("Black Friday"), thursday + 1, thursday + 1 },
        { N_("Cyber Monday"), thursday + 4, thursday + 4 },
        { N_("Christmas"), julian (year, G_DATE_DECEMBER, 24), julian (year, G_DATE_DECEMBER, 25) },
        { N_("New Year"), julian (year, G_DATE_DECEMBER, 31), julian (year + 1, G_DATE_JANUARY, 1) },
      };

      for (guint i = 0; i < G_N_ELEMENTS (calendar); i++)
        if (calendar[i].last >= first_day && calendar[i].first <= last_day)
          mmx_events_add (self, _(calendar[i].name), calendar[i].first, calendar[i].last);
    }
}

/**
 * mmx_events_load_file:
 * @self: events
 * @file: a CSV file with the columns `date` (or `start`), optionally `end`,
 *   and `name` (or `event`)
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Adds the user's events. A row that cannot be read makes the whole file
 * fail, with an error naming its row and column: a model must not run on
 * half of the events the user listed.
 *
 * Returns: %FALSE with @error set, and nothing added, on failure
 */
gboolean
mmx_events_load_file (MmxEvents     *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  static const char * const date_names[] = { "date", "start", "start date", "from", "day", NULL };
  static const char * const end_names[] = { "end", "end date", "to", "until", NULL };
  static const char * const name_names[] = { "name", "event", "holiday", "promotion", NULL };
  g_autoptr(MmxCsvTable) table = NULL;
  g_autoptr(GArray) read = g_array_new (FALSE, FALSE, sizeof (MmxEvent));
  GError *local_error = NULL;
  int date_column, end_column, name_column;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  table = mmx_csv_table_load (file, cancellable, &local_error);
  if (table == NULL)
    goto failed;
  if ((date_column = mmx_csv_table_require_column (table, date_names, &local_error)) < 0
      || (name_column = mmx_csv_table_require_column (table, name_names, &local_error)) < 0)
    goto failed;
  end_column = mmx_csv_table_find_column (table, end_names);

  g_array_set_clear_func (read, (GDestroyNotify) event_clear);
  for (guint row = 0; row < mmx_csv_table_get_n_rows (table); row++)
    {
      MmxEvent event = { 0 };
      const char *name = mmx_csv_table_get_text (table, row, name_column);

      if (!mmx_csv_table_get_date (table, row, date_column, &event.first_day, &local_error))
        goto failed;
      event.last_day = event.first_day;
      if (end_column >= 0 && *mmx_csv_table_get_text (table, row, end_column) != '\0'
          && !mmx_csv_table_get_date (table, row, end_column, &event.last_day, &local_error))
        goto failed;
      if (*name == '\0')
        {
          mmx_csv_table_set_error (table, row, name_column, &local_error,
                                   _("the event has no name. Name it: events with one name "
                                     "share one effect."));
          goto failed;
        }
      if (event.last_day < event.first_day)
        {
          mmx_csv_table_set_error (table, row, end_column, &local_error,
                                   _("the event ends before it starts."));
          goto failed;
        }
      if (event.last_day - event.first_day >= MAX_EVENT_DAYS)
        {
          mmx_csv_table_set_error (table, row, end_column, &local_error,
                                   _("the event lasts more than %u days. Split a long season "
                                     "into events, or give it as a control column of the "
                                     "data."), MAX_EVENT_DAYS);
          goto failed;
        }
      event.name = g_strdup (name);
      g_array_append_val (read, event);
    }

  for (guint i = 0; i < read->len; i++)
    {
      const MmxEvent *event = &g_array_index (read, MmxEvent, i);

      mmx_events_add (self, event->name, event->first_day, event->last_day);
    }
  return TRUE;

failed:
  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_FILE, "%s", local_error->message);
  g_error_free (local_error);
  return FALSE;
}

guint
mmx_events_get_n_events (MmxEvents *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->events->len;
}

const MmxEvent *
mmx_events_get_event (MmxEvents *self,
                      guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  return &g_array_index (self->events, MmxEvent, index);
}

/**
 * mmx_events_get_names:
 * @self: events
 *
 * Returns: (transfer none) (array zero-terminated=1): the distinct names,
 *   in the order first added
 */
const char * const *
mmx_events_get_names (MmxEvents *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->names->pdata;
}

/**
 * mmx_events_build_indicators:
 * @self: events
 * @first_day: the Julian day the first period starts
 * @n_periods: the number of periods
 * @period_days: the days in a period: 1 or 7
 *
 * One column per name (in the order of mmx_events_get_names()): the share
 * of a period's days that an occurrence covers, so a daily column is 0 or
 * 1 and a weekly one tells a one-day event from a week-long sale.
 *
 * Returns: (transfer full): @n_periods rows of one value per name
 */
double *
mmx_events_build_indicators (MmxEvents *self,
                             guint32    first_day,
                             guint      n_periods,
                             guint      period_days)
{
  guint n_names = self->names->len - 1;
  double *values = g_new0 (double, (gsize) n_periods * n_names + 1);
  guint32 end = first_day + n_periods * period_days;

  g_return_val_if_fail (period_days > 0, values);

  for (guint i = 0; i < self->events->len; i++)
    {
      const MmxEvent *event = &g_array_index (self->events, MmxEvent, i);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_of_name, event->name));

      for (guint32 day = MAX (event->first_day, first_day); day <= event->last_day && day < end;
           day++)
        {
          double *cell = &values[(gsize) ((day - first_day) / period_days) * n_names + column];

          /* Overlapping occurrences never make a period more than covered. */
          *cell = MIN (*cell + 1.0 / period_days, 1.0);
        }
    }
  return values;
}
