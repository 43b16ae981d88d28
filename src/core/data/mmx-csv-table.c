/* mmx-csv-table.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-csv-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-channel-name.h"
#include "mmx-csv-reader.h"
#include "mmx-csv-table.h"
#include "mmx-date.h"
#include "mmx-number.h"

struct _MmxCsvTable
{
  char       *name;
  GStrv       header;
  GStrv       header_keys;
  GPtrArray  *rows;
  GArray     *lines;
  /* The date format of each column read as dates, decided once from all
   * its values: column + 1 -> format. */
  GHashTable *date_formats;
  MmxDecimalMark decimal_mark;
};

void
mmx_csv_table_free (MmxCsvTable *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_strfreev (self->header);
  g_strfreev (self->header_keys);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->lines);
  g_hash_table_unref (self->date_formats);
  g_free (self);
}

/* Where a value is, as a user finds it in a spreadsheet. */
static char *
describe_place (MmxCsvTable *self,
                guint        row,
                int          column)
{
  guint line = mmx_csv_table_get_line (self, row);

  if (column < 0 || (guint) column >= g_strv_length (self->header))
    return g_strdup_printf (_("%s, row %u"), self->name, line);
  return g_strdup_printf (_("%s, row %u, column “%s”"), self->name, line, self->header[column]);
}

/**
 * mmx_csv_table_set_error:
 * @self: a table
 * @row: a data row, from 0
 * @column: a column, or -1 for the whole row
 * @error: a location for a #GError
 * @format: what is wrong and how to fix it, a printf() format
 * @...: its arguments
 *
 * Sets a %MMX_CSV_ERROR_BAD_VALUE error that starts with the file, the
 * row (counted as a spreadsheet does, the header being row 1) and the
 * column.
 */
void
mmx_csv_table_set_error (MmxCsvTable  *self,
                         guint         row,
                         int           column,
                         GError      **error,
                         const char   *format,
                         ...)
{
  g_autofree char *place = describe_place (self, row, column);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_BAD_VALUE, "%s: %s", place, message);
}

typedef struct
{
  MmxCsvTable *table;
  gboolean     seen_header;
} Loading;

static gboolean
collect_cb (const MmxCsvRecord  *record,
            gpointer             user_data,
            GError             **error)
{
  Loading *loading = user_data;
  MmxCsvTable *self = loading->table;

  if (record->problem != MMX_CSV_RECORD_OK)
    {
      g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_BAD_VALUE,
                   _("%s, row %u: a quote mark is out of place. Put quotes only around whole "
                     "values, and double a quote inside one."), self->name, record->line);
      return FALSE;
    }

  if (!loading->seen_header)
    {
      loading->seen_header = TRUE;
      self->header = g_strdupv ((GStrv) record->fields);
      self->header_keys = g_new0 (char *, record->n_fields + 1);
      for (guint i = 0; i < record->n_fields; i++)
        self->header_keys[i] = mmx_channel_name_key (record->fields[i]);
      return TRUE;
    }

  if (self->rows->len >= MMX_CSV_TABLE_MAX_ROWS)
    {
      g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_TOO_MANY_ROWS,
                   _("%s has more than %u rows: is it the right file?"), self->name,
                   MMX_CSV_TABLE_MAX_ROWS);
      return FALSE;
    }
  g_ptr_array_add (self->rows, g_strdupv ((GStrv) record->fields));
  g_array_append_val (self->lines, record->line);
  return TRUE;
}

/**
 * mmx_csv_table_load:
 * @file: a CSV file with a header row
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
MmxCsvTable *
mmx_csv_table_load (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(MmxCsvTable) self = NULL;
  g_autoptr(MmxCsvReader) reader = NULL;
  Loading loading = { 0 };

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  reader = mmx_csv_reader_new (file, cancellable, error);
  if (reader == NULL)
    return NULL;

  self = g_new0 (MmxCsvTable, 1);
  self->name = g_file_get_basename (file);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->date_formats = g_hash_table_new (NULL, NULL);
  self->decimal_mark = mmx_csv_reader_get_delimiter (reader) == ';' ? MMX_DECIMAL_COMMA
                                                                     : MMX_DECIMAL_POINT;
  loading.table = self;

  if (!mmx_csv_reader_foreach (reader, collect_cb, &loading, cancellable, error))
    return NULL;
  if (self->header == NULL)
    {
      g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY, _("%s is empty."), self->name);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
mmx_csv_table_get_name (MmxCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

guint
mmx_csv_table_get_n_rows (MmxCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * mmx_csv_table_get_line:
 * @self: a table
 * @row: a data row, from 0
 *
 * Returns: the row's number in the file, the header being row 1
 */
guint
mmx_csv_table_get_line (MmxCsvTable *self,
                        guint        row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->lines->len, 0);

  return g_array_index (self->lines, guint, row);
}

/**
 * mmx_csv_table_find_column:
 * @self: a table
 * @names: (array zero-terminated=1): the names the column may have, in
 *   any case, spacing and punctuation
 *
 * Returns: the first column with one of @names, or -1
 */
int
mmx_csv_table_find_column (MmxCsvTable        *self,
                           const char * const *names)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *key = mmx_channel_name_key (names[n]);

      for (guint i = 0; self->header_keys[i] != NULL; i++)
        if (g_str_equal (self->header_keys[i], key))
          return i;
    }
  return -1;
}

/**
 * mmx_csv_table_require_column:
 * @self: a table
 * @names: (array zero-terminated=1): the names the column may have, the
 *   first the one to suggest
 * @error: a location for a #GError
 *
 * Returns: the column, or -1 with a %MMX_CSV_ERROR_MISSING_COLUMN error
 */
int
mmx_csv_table_require_column (MmxCsvTable        *self,
                              const char * const *names,
                              GError            **error)
{
  int column = mmx_csv_table_find_column (self, names);

  if (column < 0)
    {
      g_autofree char *header = g_strjoinv (", ", self->header);

      g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_MISSING_COLUMN,
                   _("%s has no “%s” column (its header is: %s). Add one, named in the "
                     "header row."), self->name, names[0], header);
    }
  return column;
}

/**
 * mmx_csv_table_get_text:
 * @self: a table
 * @row: a data row, from 0
 * @column: a column
 *
 * Returns: the value, trimmed; "" when the row is too short for @column
 */
const char *
mmx_csv_table_get_text (MmxCsvTable *self,
                        guint        row,
                        int          column)
{
  GStrv fields;

  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (row < self->rows->len, "");

  fields = g_ptr_array_index (self->rows, row);
  if (column < 0 || (guint) column >= g_strv_length (fields))
    return "";
  return fields[column];
}

static MmxDateFormat
column_date_format (MmxCsvTable *self,
                    int          column,
                    gboolean    *out_ambiguous)
{
  g_autoptr(MmxDateDetector) detector = NULL;
  MmxDateFormat format;
  gpointer known;

  *out_ambiguous = FALSE;
  if (g_hash_table_lookup_extended (self->date_formats, GINT_TO_POINTER (column + 1), NULL, &known))
    return GPOINTER_TO_INT (known);

  detector = mmx_date_detector_new ();
  for (guint row = 0; row < self->rows->len; row++)
    mmx_date_detector_add (detector, mmx_csv_table_get_text (self, row, column));
  format = mmx_date_detector_get_format (detector, out_ambiguous);
  /* Nothing reads: say what is wrong with the values as ISO dates. */
  known = GINT_TO_POINTER (format != MMX_DATE_FORMAT_UNKNOWN ? format : MMX_DATE_FORMAT_ISO);
  if (!*out_ambiguous)
    g_hash_table_insert (self->date_formats, GINT_TO_POINTER (column + 1), known);
  return GPOINTER_TO_INT (known);
}

/**
 * mmx_csv_table_get_date:
 * @self: a table
 * @row: a data row, from 0
 * @column: a column
 * @out_julian: (out): the day
 * @error: a location for a #GError
 *
 * Reads the formats the import reads, the column's format decided from
 * all its values.
 *
 * Returns: %FALSE with @error set when the value is no date
 */
gboolean
mmx_csv_table_get_date (MmxCsvTable  *self,
                        guint         row,
                        int           column,
                        guint32      *out_julian,
                        GError      **error)
{
  const char *text = mmx_csv_table_get_text (self, row, column);
  gboolean ambiguous;
  MmxDateFormat format = column_date_format (self, column, &ambiguous);

  if (ambiguous)
    {
      mmx_csv_table_set_error (self, row, column, error,
                               _("the dates read both day-first and month-first. Write them "
                                 "as YYYY-MM-DD."));
      return FALSE;
    }

  switch (mmx_date_parse (text, format, out_julian))
    {
    case MMX_DATE_OK:
      return TRUE;
    case MMX_DATE_EMPTY:
      mmx_csv_table_set_error (self, row, column, error, _("the date is missing."));
      return FALSE;
    case MMX_DATE_NONEXISTENT:
      mmx_csv_table_set_error (self, row, column, error,
                               _("“%s” is a day that does not exist."), text);
      return FALSE;
    case MMX_DATE_INVALID:
    default:
      mmx_csv_table_set_error (self, row, column, error,
                               _("“%s” is not a date. Write dates as YYYY-MM-DD."), text);
      return FALSE;
    }
}

/**
 * mmx_csv_table_get_number:
 * @self: a table
 * @row: a data row, from 0
 * @column: a column
 * @out_value: (out): the number
 * @error: a location for a #GError
 *
 * Reads a number as the import does (thousands separators, currency
 * signs), with a decimal point, or a decimal comma in a file separated by
 * semicolons.
 *
 * Returns: %FALSE with @error set when the value is no finite number
 */
gboolean
mmx_csv_table_get_number (MmxCsvTable  *self,
                          guint         row,
                          int           column,
                          double       *out_value,
                          GError      **error)
{
  const char *text = mmx_csv_table_get_text (self, row, column);

  switch (mmx_number_parse (text, self->decimal_mark, out_value))
    {
    case MMX_NUMBER_OK:
      return TRUE;
    case MMX_NUMBER_EMPTY:
      mmx_csv_table_set_error (self, row, column, error, _("the number is missing."));
      return FALSE;
    case MMX_NUMBER_NOT_FINITE:
    case MMX_NUMBER_OVERFLOW:
      mmx_csv_table_set_error (self, row, column, error,
                               _("“%s” is not a usable amount."), text);
      return FALSE;
    case MMX_NUMBER_INVALID:
    default:
      mmx_csv_table_set_error (self, row, column, error, _("“%s” is not a number."), text);
      return FALSE;
    }
}

/**
 * mmx_csv_table_load_columns:
 * @file: a CSV file with a header row
 * @names: (array length=n_columns): for each column the table must have,
 *   the names it may go by (NULL-terminated, the first to suggest)
 * @n_columns: how many
 * @out_columns: (out caller-allocates) (array length=n_columns): where
 *   each is
 * @empty_advice: what to say after the file's name when it has a header
 *   but no rows
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * What every side file begins with: loaded, its columns found, some rows.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
MmxCsvTable *
mmx_csv_table_load_columns (GFile               *file,
                            const char * const * const *names,
                            guint                n_columns,
                            int                 *out_columns,
                            const char          *empty_advice,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(MmxCsvTable) self = mmx_csv_table_load (file, cancellable, error);

  if (self == NULL)
    return NULL;
  for (guint c = 0; c < n_columns; c++)
    if ((out_columns[c] = mmx_csv_table_require_column (self, names[c], error)) < 0)
      return NULL;
  if (self->rows->len == 0)
    {
      g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY, "%s %s", self->name, empty_advice);
      return NULL;
    }
  return g_steal_pointer (&self);
}
