/* mmx-import-plan.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "mmx-channel-name.h"
#include "mmx-import-plan-private.h"

/* Platforms put a title and a date range above the header; more lines
 * than this without a header means there is none. */
#define MAX_LINES_BEFORE_HEADER 20

/* The state of the pass that finds the header and keeps the first rows. */
typedef struct
{
  MmxImportPlan    *plan;
  MmxStore         *store;
  MmxColumnMapping *given;
  MmxColumnMapping *mapping;
  GPtrArray        *header;
  char             *first_line;
  guint             n_records;
  gboolean          sample_complete;
} HeadScan;

static void
mmx_import_column_free (MmxImportColumn *column)
{
  g_free (column->header);
  mmx_column_role_free (column->role);
  g_free (column);
}

void
mmx_import_plan_free (MmxImportPlan *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->sample);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->slot_channels);
  g_free (self->header_key);
  g_free (self->mapping_name);
  g_free (self->file_name);
  g_free (self->file_channel);
  g_free (self->date_example);
  g_free (self->encoding);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxImportPlan, mmx_import_plan_free)

const MmxImportColumn *
mmx_import_plan_get_column (MmxImportPlan *self,
                            guint          index)
{
  return g_ptr_array_index (self->columns, index);
}

static void
add_note (MmxImportPlan *self,
          const char    *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (MmxImportPlan *self,
          const char    *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

GStrv
mmx_import_plan_dup_notes (MmxImportPlan *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->notes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->notes, i));
  return g_strv_builder_end (builder);
}

static char *
make_header_key (const MmxCsvRecord *record)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < record->n_fields; i++)
    {
      g_autofree char *cell = mmx_channel_name_key (record->fields[i]);

      if (i > 0)
        g_string_append_c (key, ',');
      g_string_append (key, cell);
    }
  return g_string_free (key, FALSE);
}

static MmxColumnRole *
role_for_header (HeadScan   *scan,
                 const char *header)
{
  const MmxColumnRole *given = NULL;

  if (scan->mapping != NULL)
    given = mmx_column_mapping_lookup (scan->mapping, header);
  if (given != NULL)
    return mmx_column_role_copy (given);
  return mmx_column_role_recognise (header);
}

/* A header names a date column: by the mapping or by its usual name. */
static gboolean
record_has_date_column (HeadScan           *scan,
                        const MmxCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    {
      g_autoptr(MmxColumnRole) role = role_for_header (scan, record->fields[i]);

      if (role != NULL && role->field == MMX_FIELD_DATE)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_header (HeadScan            *scan,
           const MmxCsvRecord  *record,
           GError             **error)
{
  g_autofree char *key = make_header_key (record);

  /* A saved mapping for exactly this header makes it the header. */
  if (scan->given == NULL || mmx_column_mapping_is_empty (scan->given))
    {
      g_autoptr(MmxColumnMapping) saved = NULL;
      g_autofree char *name = NULL;
      GError *local_error = NULL;

      saved = mmx_store_find_mapping_for_header (scan->store, key, &name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (saved != NULL)
        {
          g_set_object (&scan->mapping, saved);
          scan->plan->mapping_name = g_steal_pointer (&name);
          scan->plan->header_key = g_steal_pointer (&key);
          return TRUE;
        }
    }

  if (!record_has_date_column (scan, record))
    return FALSE;
  scan->plan->header_key = g_steal_pointer (&key);
  return TRUE;
}

static char *
join_record (const MmxCsvRecord *record)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < record->n_fields; i++)
    {
      if (i > 0)
        g_string_append (line, ", ");
      g_string_append (line, record->fields[i]);
    }
  return g_string_free (line, FALSE);
}

static gboolean
head_scan_cb (const MmxCsvRecord  *record,
              gpointer             user_data,
              GError             **error)
{
  HeadScan *scan = user_data;
  MmxImportPlan *plan = scan->plan;
  GError *local_error = NULL;

  scan->n_records++;

  if (scan->header != NULL)
    {
      g_ptr_array_add (plan->sample, g_strdupv ((GStrv) record->fields));
      return plan->sample->len < MMX_IMPORT_SAMPLE_ROWS;
    }

  if (scan->first_line == NULL)
    scan->first_line = join_record (record);

  if (is_header (scan, record, &local_error))
    {
      scan->header = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < record->n_fields; i++)
        g_ptr_array_add (scan->header, g_strdup (record->fields[i]));
      plan->header_row = record->line;
      plan->header_index = scan->n_records - 1;
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return scan->n_records < MAX_LINES_BEFORE_HEADER;
}

static gboolean
check_mapping_columns (HeadScan  *scan,
                       GError   **error)
{
  g_autofree char *columns = NULL;
  const char *missing;

  if (scan->given == NULL)
    return TRUE;

  g_ptr_array_add (scan->header, NULL);
  missing = mmx_column_mapping_find_missing_column (scan->given,
                                                    (const char * const *) scan->header->pdata);
  if (missing != NULL)
    columns = g_strjoinv (", ", (GStrv) scan->header->pdata);
  g_ptr_array_remove_index (scan->header, scan->header->len - 1);

  if (missing == NULL)
    return TRUE;
  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING,
               _("The column “%s” of the mapping is not in the header of “%s”, whose columns "
                 "are: %s."), missing, scan->plan->file_name, columns);
  return FALSE;
}

static gboolean
is_singular (MmxField field)
{
  return field == MMX_FIELD_DATE || field == MMX_FIELD_CHANNEL || field == MMX_FIELD_GEO
         || field == MMX_FIELD_REVENUE_PER_CONVERSION;
}

/* Two columns for the same thing (a "Day" and a "Week", or "Cost" and
 * "Spend"): the first one counts. */
static char *
role_identity (const MmxColumnRole *role)
{
  g_autofree char *channel = mmx_channel_name_key (role->channel ? role->channel : "");

  if (role->field == MMX_FIELD_CONTROL)
    return g_strdup_printf ("control:%s", role->name);
  if (is_singular (role->field))
    return g_strdup (mmx_field_to_string (role->field));
  return g_strdup_printf ("%s:%s", mmx_field_to_string (role->field), channel);
}

static void
build_columns (HeadScan *scan)
{
  MmxImportPlan *plan = scan->plan;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < scan->header->len; i++)
    {
      const char *header = g_ptr_array_index (scan->header, i);
      MmxImportColumn *column = g_new0 (MmxImportColumn, 1);
      char *identity;

      column->header = *header != '\0' ? g_strdup (header)
                                       : g_strdup_printf (_("(column %u)"), i + 1);
      column->role = role_for_header (scan, header);
      if (column->role == NULL)
        column->role = mmx_column_role_new (MMX_FIELD_IGNORE, NULL, NULL);
      g_ptr_array_add (plan->columns, column);

      if (column->role->field == MMX_FIELD_IGNORE)
        continue;

      identity = role_identity (column->role);
      if (g_hash_table_contains (seen, identity))
        {
          add_note (plan, _("Column “%s” was ignored: column “%s” already gives the %s."),
                    column->header, (const char *) g_hash_table_lookup (seen, identity),
                    mmx_field_to_string (column->role->field));
          column->role->field = MMX_FIELD_IGNORE;
          g_free (identity);
          continue;
        }
      g_hash_table_insert (seen, identity, g_strdup (column->header));

      if (column->role->field == MMX_FIELD_DATE)
        plan->date_column = i;
      else if (column->role->field == MMX_FIELD_CHANNEL)
        plan->channel_column = i;
      else if (column->role->field == MMX_FIELD_GEO)
        plan->geo_column = i;
    }
}

static gboolean
find_spend_without_channel (MmxImportPlan  *plan,
                            const char    **out_header)
{
  for (guint i = 0; i < plan->columns->len; i++)
    {
      const MmxImportColumn *column = mmx_import_plan_get_column (plan, i);

      if (column->role->field == MMX_FIELD_SPEND && column->role->channel == NULL)
        {
          *out_header = column->header;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
decide_shape (HeadScan  *scan,
              GError   **error)
{
  MmxImportPlan *plan = scan->plan;
  const char *given_channel = scan->mapping ? mmx_column_mapping_get_channel (scan->mapping) : NULL;
  const char *spend_header = NULL;

  if (plan->channel_column >= 0)
    {
      plan->shape = MMX_IMPORT_SHAPE_LONG;
      for (guint i = 0; i < plan->columns->len; i++)
        {
          MmxImportColumn *column = g_ptr_array_index (plan->columns, i);

          if (column->role->channel == NULL)
            continue;
          if (scan->mapping != NULL && mmx_column_mapping_lookup (scan->mapping, column->header))
            {
              g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING,
                           _("Column “%s” is mapped to one channel, but “%s” has a channel "
                             "column (“%s”) that gives each row’s channel. Map it without a "
                             "channel, for example “%s”."),
                           column->header, plan->file_name,
                           mmx_import_plan_get_column (plan, plan->channel_column)->header,
                           mmx_field_to_string (column->role->field));
              return FALSE;
            }
          add_note (plan, _("Column “%s” was ignored: in a file with a channel column, each "
                            "row gives its own channel."), column->header);
          column->role->field = MMX_FIELD_IGNORE;
        }
      return TRUE;
    }

  if (given_channel == NULL && !find_spend_without_channel (plan, &spend_header))
    {
      plan->shape = MMX_IMPORT_SHAPE_WIDE;
      return TRUE;
    }

  /* One platform's export: every row is that platform's. */
  plan->shape = MMX_IMPORT_SHAPE_LONG;
  if (given_channel != NULL)
    {
      plan->file_channel = g_strdup (given_channel);
      return TRUE;
    }
  plan->file_channel = g_strdup (mmx_channel_name_guess (plan->file_name));
  if (plan->file_channel == NULL)
    {
      g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_CHANNEL,
                   _("“%s” has a spend column (“%s”) but no channel column, and its name does "
                     "not say which channel it is. Give the channel its rows belong to "
                     "(--channel NAME on the command line)."), plan->file_name, spend_header);
      return FALSE;
    }
  add_note (plan, _("All rows are taken as channel “%s”, from the file name."),
            plan->file_channel);
  return TRUE;
}

static void
assign_slots (MmxImportPlan *plan)
{
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_ptr_array_add (plan->slot_channels, NULL);
  for (guint i = 0; i < plan->columns->len; i++)
    {
      MmxImportColumn *column = g_ptr_array_index (plan->columns, i);
      MmxField field = column->role->field;
      g_autofree char *key = NULL;
      gpointer slot;

      if (!MMX_FIELD_IS_METRIC (field) && field != MMX_FIELD_REVENUE_PER_CONVERSION)
        continue;
      if (column->role->channel == NULL)
        {
          column->slot = 0;
          plan->has_total_values = TRUE;
          continue;
        }

      key = mmx_channel_name_key (column->role->channel);
      if (!g_hash_table_lookup_extended (slots, key, NULL, &slot))
        {
          slot = GUINT_TO_POINTER (plan->slot_channels->len);
          g_ptr_array_add (plan->slot_channels, g_strdup (column->role->channel));
          g_hash_table_insert (slots, g_steal_pointer (&key), slot);
        }
      column->slot = GPOINTER_TO_UINT (slot);
    }
}

static gboolean
has_field (MmxImportPlan *plan,
           MmxField       field)
{
  for (guint i = 0; i < plan->columns->len; i++)
    if (mmx_import_plan_get_column (plan, i)->role->field == field)
      return TRUE;
  return FALSE;
}

static gboolean
check_something_to_import (MmxImportPlan  *plan,
                           GError        **error)
{
  g_autoptr(GString) headers = g_string_new (NULL);

  for (guint i = 0; i < plan->columns->len; i++)
    {
      MmxField field = mmx_import_plan_get_column (plan, i)->role->field;

      if (MMX_FIELD_IS_METRIC (field) || field == MMX_FIELD_CONTROL)
        return TRUE;
    }

  for (guint i = 0; i < plan->columns->len; i++)
    {
      if (headers->len > 0)
        g_string_append (headers, ", ");
      g_string_append (headers, mmx_import_plan_get_column (plan, i)->header);
    }
  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_DATA,
               _("“%s” has a date column but nothing MarketingMix recognises as spend, revenue "
                 "or a control among its columns (%s). Say what they hold with a column mapping, "
                 "for example --map y=revenue --map x1=spend:x1."), plan->file_name,
               headers->str);
  return FALSE;
}

static void
note_revenue (MmxImportPlan *plan)
{
  gboolean per_conversion = has_field (plan, MMX_FIELD_REVENUE_PER_CONVERSION);

  if (per_conversion && !has_field (plan, MMX_FIELD_CONVERSIONS))
    {
      for (guint i = 0; i < plan->columns->len; i++)
        {
          MmxImportColumn *column = g_ptr_array_index (plan->columns, i);

          if (column->role->field == MMX_FIELD_REVENUE_PER_CONVERSION)
            {
              add_note (plan, _("Column “%s” was ignored: revenue per conversion needs a "
                                "conversions column."), column->header);
              column->role->field = MMX_FIELD_IGNORE;
            }
        }
      per_conversion = FALSE;
    }

  if (has_field (plan, MMX_FIELD_REVENUE))
    return;
  if (per_conversion)
    add_note (plan, _("Revenue is computed as conversions × revenue per conversion."));
  else if (has_field (plan, MMX_FIELD_SPEND))
    add_note (plan, _("The file has no revenue column: only its spend and other metrics are "
                      "imported; revenue must come from another file."));
}

static const char *
sample_value (MmxImportPlan *plan,
              guint          row,
              int            column)
{
  const char * const *fields = g_ptr_array_index (plan->sample, row);

  if (column < 0 || (guint) column >= g_strv_length ((GStrv) fields))
    return "";
  return fields[column];
}

static gboolean
is_numeric_column (const MmxImportColumn *column)
{
  MmxField field = column->role->field;

  return MMX_FIELD_IS_METRIC (field) || field == MMX_FIELD_REVENUE_PER_CONVERSION
         || field == MMX_FIELD_CONTROL;
}

/* Where ";" separates fields, "," is the decimal mark unless the values
 * show a point used as one. */
static void
detect_decimal_mark (MmxImportPlan *plan)
{
  gboolean point_seen = FALSE;

  plan->decimal_mark = MMX_DECIMAL_POINT;
  if (plan->delimiter != ';')
    return;

  for (guint i = 0; i < plan->columns->len; i++)
    {
      if (!is_numeric_column (mmx_import_plan_get_column (plan, i)))
        continue;
      for (guint row = 0; row < plan->sample->len; row++)
        {
          const char *value = sample_value (plan, row, i);

          if (mmx_number_looks_decimal_comma (value))
            {
              plan->decimal_mark = MMX_DECIMAL_COMMA;
              return;
            }
          point_seen = point_seen || mmx_number_looks_decimal_point (value);
        }
    }
  plan->decimal_mark = point_seen ? MMX_DECIMAL_POINT : MMX_DECIMAL_COMMA;
}

/**
 * mmx_import_plan_is_no_category:
 * @text: a value of a text control column
 *
 * Returns: whether @text says "no event that day"
 */
gboolean
mmx_import_plan_is_no_category (const char *text)
{
  static const char * const none[] = {
    "", "na", "n/a", "none", "null", "-", "--", "0", "no", "false", NULL
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  return g_strv_contains (none, g_strstrip (lower));
}

/* A control column of words ("na", "event1", "black_friday") holds
 * categories; one of numbers holds values. */
static void
detect_categorical_controls (MmxImportPlan *plan)
{
  for (guint i = 0; i < plan->columns->len; i++)
    {
      MmxImportColumn *column = g_ptr_array_index (plan->columns, i);
      guint n_values = 0, n_numbers = 0;

      if (column->role->field != MMX_FIELD_CONTROL)
        continue;
      for (guint row = 0; row < plan->sample->len; row++)
        {
          const char *value = sample_value (plan, row, i);
          double number;

          if (mmx_number_parse (value, plan->decimal_mark, &number) == MMX_NUMBER_OK)
            n_numbers++;
          else if (mmx_import_plan_is_no_category (value))
            continue;
          n_values++;
        }
      if (n_values > 0 && n_numbers * 2 < n_values)
        {
          column->categorical = TRUE;
          add_note (plan, _("Control “%s” holds categories: each value becomes a control of "
                            "its own, 1 on its days (for example “%s=…”)."),
                    column->role->name, column->role->name);
        }
    }
}

/* The pass over the whole file that a date format hard to tell needs. */
typedef struct
{
  MmxDateDetector *detector;
  guint            header_index;
  int              date_column;
  guint            n_records;
} DateScan;

static gboolean
scan_dates_cb (const MmxCsvRecord  *record,
               gpointer             user_data,
               GError             **error)
{
  DateScan *scan = user_data;

  if (++scan->n_records > scan->header_index + 1 && (guint) scan->date_column < record->n_fields)
    mmx_date_detector_add (scan->detector, record->fields[scan->date_column]);
  return TRUE;
}

static gboolean
detect_date_format (HeadScan      *scan,
                    MmxCsvReader  *reader,
                    GCancellable  *cancellable,
                    GError       **error)
{
  MmxImportPlan *plan = scan->plan;
  g_autoptr(MmxDateDetector) detector = mmx_date_detector_new ();
  const char *header = mmx_import_plan_get_column (plan, plan->date_column)->header;
  MmxDateFormat given = scan->mapping ? mmx_column_mapping_get_date_format (scan->mapping)
                                      : MMX_DATE_FORMAT_UNKNOWN;
  gboolean ambiguous = FALSE;
  const char *first_value = NULL;

  if (given != MMX_DATE_FORMAT_UNKNOWN)
    {
      plan->date_format = given;
      return TRUE;
    }

  for (guint row = 0; row < plan->sample->len; row++)
    {
      const char *value = sample_value (plan, row, plan->date_column);

      mmx_date_detector_add (detector, value);
      if (first_value == NULL && *value != '\0')
        first_value = value;
    }
  plan->date_format = mmx_date_detector_get_format (detector, &ambiguous);

  /* The first rows may all read both ways (days up to 12): look at all. */
  if ((ambiguous || plan->date_format == MMX_DATE_FORMAT_UNKNOWN) && !scan->sample_complete)
    {
      DateScan dates = { detector, plan->header_index, plan->date_column, 0 };

      if (!mmx_csv_reader_foreach (reader, scan_dates_cb, &dates, cancellable, error))
        return FALSE;
      plan->date_format = mmx_date_detector_get_format (detector, &ambiguous);
    }

  if (plan->date_format == MMX_DATE_FORMAT_UNKNOWN)
    {
      g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_UNKNOWN_DATES,
                   _("The dates in column “%s” of “%s” are in no format MarketingMix reads "
                     "(the first is “%s”). Write them as YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, "
                     "YYYY/MM/DD or “Nov 3, 2025”."),
                   header, plan->file_name, first_value ? first_value : "");
      return FALSE;
    }
  plan->date_ambiguous = ambiguous;
  plan->date_example = g_strdup (mmx_date_detector_get_example (detector));
  return TRUE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/**
 * mmx_import_plan_granularity_of:
 * @days: distinct days, sorted
 * @n_days: how many
 * @out_too_sparse: (out): set when the days lie a month or more apart
 *
 * Dates a multiple of seven days apart are weekly data; any other spacing
 * is daily data with days missing.
 *
 * Returns: the granularity, unknown for fewer than two days
 */
MmxGranularity
mmx_import_plan_granularity_of (const guint32 *days,
                                guint          n_days,
                                gboolean      *out_too_sparse)
{
  guint32 min_gap = G_MAXUINT32;
  gboolean weekly = TRUE;

  *out_too_sparse = FALSE;
  if (n_days < 2)
    return MMX_GRANULARITY_UNKNOWN;

  for (guint i = 1; i < n_days; i++)
    {
      guint32 gap = days[i] - days[i - 1];

      min_gap = MIN (min_gap, gap);
      weekly = weekly && gap % 7 == 0;
    }
  if (min_gap >= 28)
    {
      *out_too_sparse = TRUE;
      return MMX_GRANULARITY_UNKNOWN;
    }
  return weekly ? MMX_GRANULARITY_WEEKLY : MMX_GRANULARITY_DAILY;
}

static void
estimate_granularity (MmxImportPlan *plan)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_distinct = 0;
  gboolean too_sparse;

  if (plan->date_ambiguous)
    return;
  for (guint row = 0; row < plan->sample->len; row++)
    {
      guint32 day;

      if (mmx_date_parse (sample_value (plan, row, plan->date_column), plan->date_format, &day)
          == MMX_DATE_OK)
        g_array_append_val (days, day);
    }
  g_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    if (i == 0 || g_array_index (days, guint32, i) != g_array_index (days, guint32, n_distinct - 1))
      g_array_index (days, guint32, n_distinct++) = g_array_index (days, guint32, i);

  plan->granularity = mmx_import_plan_granularity_of ((guint32 *) (void *) days->data, n_distinct,
                                                      &too_sparse);
}

static void
note_reading (MmxImportPlan *plan,
              MmxCsvReader  *reader)
{
  const char *encoding = mmx_csv_reader_get_encoding (reader);

  if (plan->mapping_name != NULL)
    add_note (plan, _("The saved column mapping “%s” was used."), plan->mapping_name);
  if (plan->header_row > 1)
    add_note (plan, _("The %u line(s) above the header, on row %u, were skipped."),
              plan->header_row - 1, plan->header_row);
  if (!g_str_has_prefix (encoding, "UTF-"))
    add_note (plan, _("The file is not UTF-8; it was read as %s text."), encoding);
}

static void
head_scan_clear (HeadScan *scan)
{
  g_clear_object (&scan->mapping);
  g_clear_pointer (&scan->header, g_ptr_array_unref);
  g_clear_pointer (&scan->first_line, g_free);
}

/**
 * mmx_import_plan_new:
 * @store: the database, for saved mappings and channel names
 * @reader: the file
 * @mapping: (nullable): what the caller says about the file
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
MmxImportPlan *
mmx_import_plan_new (MmxStore          *store,
                     MmxCsvReader      *reader,
                     MmxColumnMapping  *mapping,
                     GCancellable      *cancellable,
                     GError           **error)
{
  g_autoptr(MmxImportPlan) plan = g_new0 (MmxImportPlan, 1);
  HeadScan scan = { 0 };
  gboolean ok;

  plan->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_import_column_free);
  plan->sample = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  plan->notes = g_ptr_array_new_with_free_func (g_free);
  plan->slot_channels = g_ptr_array_new_with_free_func (g_free);
  plan->file_name = g_file_get_basename (mmx_csv_reader_get_file (reader));
  plan->delimiter = mmx_csv_reader_get_delimiter (reader);
  plan->encoding = g_strdup (mmx_csv_reader_get_encoding (reader));
  plan->date_column = plan->channel_column = plan->geo_column = -1;

  scan.plan = plan;
  scan.store = store;
  scan.given = mapping;
  if (mapping != NULL)
    {
      scan.mapping = g_object_ref (mapping);
      plan->mapping_name = g_strdup (mmx_column_mapping_get_name (mapping));
    }

  ok = mmx_csv_reader_foreach (reader, head_scan_cb, &scan, cancellable, error);
  if (ok && scan.header == NULL)
    {
      g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_HEADER,
                   _("No header row with a date column was found at the top of “%s”; its first "
                     "line reads “%s”. Name the date column “Date”, or say which column it is "
                     "(for example --map time=date)."),
                   plan->file_name, scan.first_line ? scan.first_line : "");
      ok = FALSE;
    }
  if (ok && plan->sample->len == 0)
    {
      g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_DATA,
                   _("“%s” has a header but no rows of data below it."), plan->file_name);
      ok = FALSE;
    }

  if (ok)
    {
      scan.sample_complete = plan->sample->len < MMX_IMPORT_SAMPLE_ROWS;
      ok = check_mapping_columns (&scan, error);
    }
  if (ok)
    {
      build_columns (&scan);
      ok = decide_shape (&scan, error) && check_something_to_import (plan, error);
    }
  if (ok)
    {
      note_reading (plan, reader);
      note_revenue (plan);
      assign_slots (plan);
      detect_decimal_mark (plan);
      detect_categorical_controls (plan);
      ok = detect_date_format (&scan, reader, cancellable, error);
    }
  if (ok)
    estimate_granularity (plan);

  head_scan_clear (&scan);
  if (!ok)
    return NULL;
  return g_steal_pointer (&plan);
}

/**
 * mmx_import_plan_check_runnable:
 * @self: a plan
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when the caller must decide something
 *   first: which way to read ambiguous dates
 */
gboolean
mmx_import_plan_check_runnable (MmxImportPlan  *self,
                                GError        **error)
{
  if (!self->date_ambiguous)
    return TRUE;

  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_AMBIGUOUS_DATES,
               _("The dates in column “%s” of “%s” read both as day/month/year and as "
                 "month/day/year (for example “%s”). Choose how to read them "
                 "(--date-format dmy or --date-format mdy)."),
               mmx_import_plan_get_column (self, self->date_column)->header, self->file_name,
               self->date_example ? self->date_example : "");
  return FALSE;
}

void
mmx_import_plan_fill_summary (MmxImportPlan    *self,
                              MmxImportSummary *summary)
{
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();

  for (guint i = 0; i < self->columns->len; i++)
    {
      const MmxImportColumn *column = mmx_import_plan_get_column (self, i);

      if (column->role->field == MMX_FIELD_IGNORE)
        g_strv_builder_add (ignored, column->header);
    }

  summary->shape = self->shape;
  summary->granularity = self->granularity;
  summary->delimiter = self->delimiter;
  summary->encoding = g_strdup (self->encoding);
  summary->date_format = self->date_format;
  summary->header_row = self->header_row;
  summary->mapping_name = g_strdup (self->mapping_name);
  summary->ignored_columns = g_strv_builder_end (ignored);
  summary->notes = mmx_import_plan_dup_notes (self);
}
