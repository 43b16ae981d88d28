/* mmx-import.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mmx-channel-name.h"
#include "mmx-csv-reader.h"
#include "mmx-import-plan-private.h"
#include "mmx-import.h"
#include "mmx-json.h"
#include "mmx-store-private.h"

/* Progress and cancellation are looked at this often, in rows. */
#define CHECK_EVERY 4096

/* Distinct raw channel names remembered during one import. */
#define MAX_CACHED_CHANNELS 10000

/* The import summary names at most this many channels. */
#define MAX_LISTED_CHANNELS 1000

struct _MmxImport
{
  GObject        parent_instance;

  MmxStore      *store;
  MmxCsvReader  *reader;
  MmxImportPlan *plan;
  guint32        today;
};

G_DEFINE_FINAL_TYPE (MmxImport, mmx_import, G_TYPE_OBJECT)

/* The values one file row gives one channel (or the whole business). */
typedef struct
{
  gint64   channel_id;
  gboolean used;
  double   values[MMX_N_METRICS];
  gboolean present[MMX_N_METRICS];
  double   revenue_per_conversion;
  gboolean has_revenue_per_conversion;
} Slot;

/* What writing a slot did: the three are exclusive, and each has its own
 * statement that changes a row only in its own case. */
typedef enum
{
  SLOT_NEW,
  SLOT_MERGED,
  SLOT_REPLACED,
  N_SLOT_OUTCOMES
} SlotOutcome;

/* The state of the writing pass. */
typedef struct
{
  MmxImport             *import;
  MmxImportPlan         *plan;
  MmxImportSummary      *summary;
  MmxImportProgressFunc  progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
  sqlite3_stmt          *write_metric[N_SLOT_OUTCOMES];
  guint                  last_outcome;
  sqlite3_stmt          *upsert_control;
  GHashTable            *channel_ids;
  GHashTable            *written_channels;
  GArray                *slots;
  guint8                *seen_days;
  GString               *message;
  gint64                 import_id;
  guint                  n_records;
  guint32                earliest;
  guint32                first_day;
  guint32                last_day;
} Writer;

static void
mmx_import_finalize (GObject *object)
{
  MmxImport *self = (MmxImport *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->plan, mmx_import_plan_free);

  G_OBJECT_CLASS (mmx_import_parent_class)->finalize (object);
}

static void
mmx_import_class_init (MmxImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mmx_import_finalize;
}

static void
mmx_import_init (MmxImport *self)
{
  self->today = mmx_date_julian_today ();
}

/**
 * mmx_import_new:
 * @store: the database the file is for; its saved mappings and channel
 *   names apply
 * @file: a CSV file
 * @mapping: (nullable): what the caller says about the columns, the date
 *   format and the channel; a saved mapping for this header is used when
 *   %NULL or empty
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads the file's head and plans the import, writing nothing: the
 * encoding, delimiter, header row, shape (long or wide), each column's
 * role, the date format and the decimal mark. The getters show the plan
 * (the preview); mmx_import_run() carries it out. To change the plan, make
 * a new import with another @mapping.
 *
 * Returns: (transfer full): the import, or %NULL with @error set when the
 *   file cannot be imported at all
 */
MmxImport *
mmx_import_new (MmxStore          *store,
                GFile             *file,
                MmxColumnMapping  *mapping,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(MmxImport) self = NULL;

  g_return_val_if_fail (MMX_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (mapping == NULL || MMX_IS_COLUMN_MAPPING (mapping), NULL);

  self = g_object_new (MMX_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->reader = mmx_csv_reader_new (file, cancellable, error);
  if (self->reader == NULL)
    return NULL;
  if (mapping != NULL && mmx_column_mapping_get_delimiter (mapping) != 0)
    mmx_csv_reader_set_delimiter (self->reader, mmx_column_mapping_get_delimiter (mapping));

  self->plan = mmx_import_plan_new (store, self->reader, mapping, cancellable, error);
  if (self->plan == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

MmxImportShape
mmx_import_get_shape (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), MMX_IMPORT_SHAPE_LONG);

  return self->plan->shape;
}

/**
 * mmx_import_get_granularity:
 * @self: an import
 *
 * Returns: the granularity the first rows show; the import decides on all
 *   of them
 */
MmxGranularity
mmx_import_get_granularity (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), MMX_GRANULARITY_UNKNOWN);

  return self->plan->granularity;
}

char
mmx_import_get_delimiter (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), ',');

  return mmx_csv_reader_get_delimiter (self->reader);
}

/**
 * mmx_import_get_delimiter_ambiguous:
 * @self: an import
 *
 * Returns: whether another delimiter would split the file as well; the
 *   caller may then choose with mmx_column_mapping_set_delimiter()
 */
gboolean
mmx_import_get_delimiter_ambiguous (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), FALSE);

  return mmx_csv_reader_get_delimiter_ambiguous (self->reader);
}

const char *
mmx_import_get_encoding (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);

  return mmx_csv_reader_get_encoding (self->reader);
}

MmxDecimalMark
mmx_import_get_decimal_mark (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), MMX_DECIMAL_POINT);

  return self->plan->decimal_mark;
}

MmxDateFormat
mmx_import_get_date_format (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), MMX_DATE_FORMAT_UNKNOWN);

  return self->plan->date_format;
}

/**
 * mmx_import_get_date_ambiguous:
 * @self: an import
 *
 * Returns: whether the dates read both day-first and month-first; the
 *   caller must then choose with mmx_column_mapping_set_date_format()
 */
gboolean
mmx_import_get_date_ambiguous (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), FALSE);

  return self->plan->date_ambiguous;
}

guint
mmx_import_get_header_row (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), 0);

  return self->plan->header_row;
}

/**
 * mmx_import_get_header_key:
 * @self: an import
 *
 * Returns: what identifies files with this header, to save a mapping for
 */
const char *
mmx_import_get_header_key (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);

  return self->plan->header_key;
}

/**
 * mmx_import_get_mapping_name:
 * @self: an import
 *
 * Returns: (nullable): the name of the saved mapping found for this header
 */
const char *
mmx_import_get_mapping_name (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);

  return self->plan->mapping_name;
}

guint
mmx_import_get_n_columns (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), 0);

  return self->plan->columns->len;
}

const char *
mmx_import_get_column_name (MmxImport *self,
                            guint      column)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->plan->columns->len, NULL);

  return mmx_import_plan_get_column (self->plan, column)->header;
}

/**
 * mmx_import_get_column_role:
 * @self: an import
 * @column: a column index
 *
 * Returns: what the column will be imported as; %MMX_FIELD_IGNORE when not
 */
const MmxColumnRole *
mmx_import_get_column_role (MmxImport *self,
                            guint      column)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->plan->columns->len, NULL);

  return mmx_import_plan_get_column (self->plan, column)->role;
}

guint
mmx_import_get_n_sample_rows (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), 0);

  return self->plan->sample->len;
}

/**
 * mmx_import_get_sample_row:
 * @self: an import
 * @row: a row of the sample, from 0
 *
 * Returns: (transfer none): the fields of one of the first data rows
 */
const char * const *
mmx_import_get_sample_row (MmxImport *self,
                           guint      row)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->plan->sample->len, NULL);

  return g_ptr_array_index (self->plan->sample, row);
}

/**
 * mmx_import_dup_notes:
 * @self: an import
 *
 * Returns: (transfer full): what the user should know about how the file
 *   will be read
 */
GStrv
mmx_import_dup_notes (MmxImport *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);

  return mmx_import_plan_dup_notes (self->plan);
}

/**
 * mmx_import_set_today:
 * @self: an import
 * @julian: the day to count as today
 *
 * Rows dated after today are rejected; tests fix the day.
 */
void
mmx_import_set_today (MmxImport *self,
                      guint32    julian)
{
  g_return_if_fail (MMX_IS_IMPORT (self));

  self->today = julian;
}

void
mmx_channel_preview_free (MmxChannelPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->as_written);
  g_free (preview->stored_as);
  g_free (preview);
}

static gboolean
add_channel_preview (MmxImport   *self,
                     GPtrArray   *previews,
                     GHashTable  *seen,
                     const char  *as_written,
                     GError     **error)
{
  MmxChannelPreview *preview;
  char *stored_as;

  if (as_written == NULL || *as_written == '\0' || g_hash_table_contains (seen, as_written))
    return TRUE;
  stored_as = mmx_store_resolve_channel_name (self->store, as_written, error);
  if (stored_as == NULL)
    return FALSE;

  preview = g_new0 (MmxChannelPreview, 1);
  preview->as_written = g_strdup (as_written);
  preview->stored_as = stored_as;
  g_ptr_array_add (previews, preview);
  g_hash_table_add (seen, preview->as_written);
  return TRUE;
}

/**
 * mmx_import_list_channels:
 * @self: an import
 * @error: a location for a #GError
 *
 * Lists the channels of the sample rows (or of the columns, for a wide
 * file) with the names they will be stored under, after the built-in and
 * the profile's custom mappings.
 *
 * Returns: (transfer full) (element-type MmxChannelPreview): the channels,
 *   or %NULL with @error set
 */
GPtrArray *
mmx_import_list_channels (MmxImport  *self,
                          GError    **error)
{
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  MmxImportPlan *plan;

  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);

  plan = self->plan;
  previews = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_channel_preview_free);

  if (!add_channel_preview (self, previews, seen, plan->file_channel, error))
    return NULL;
  for (guint i = 0; i < plan->columns->len; i++)
    if (!add_channel_preview (self, previews, seen,
                              mmx_import_plan_get_column (plan, i)->role->channel, error))
      return NULL;
  if (plan->channel_column >= 0)
    for (guint i = 0; i < plan->sample->len; i++)
      {
        const char * const *row = g_ptr_array_index (plan->sample, i);

        if ((guint) plan->channel_column < g_strv_length ((GStrv) row)
            && g_utf8_validate (row[plan->channel_column], -1, NULL)
            && !add_channel_preview (self, previews, seen, row[plan->channel_column], error))
          return NULL;
      }
  return g_steal_pointer (&previews);
}

/**
 * mmx_import_build_preview_json:
 * @self: an import
 * @builder: a builder, inside an object
 * @max_rows: how many of the first rows to show
 * @error: a location for a #GError
 *
 * Adds the plan's members, as `marketingmix-cli import --preview --json`
 * prints them.
 *
 * Returns: %FALSE with @error set when the channel names cannot be read
 */
gboolean
mmx_import_build_preview_json (MmxImport    *self,
                               JsonBuilder  *builder,
                               guint         max_rows,
                               GError      **error)
{
  g_autoptr(GPtrArray) channels = NULL;
  g_auto(GStrv) notes = NULL;
  MmxImportPlan *plan;
  char delimiter[2] = { 0 };

  g_return_val_if_fail (MMX_IS_IMPORT (self), FALSE);

  plan = self->plan;
  channels = mmx_import_list_channels (self, error);
  if (channels == NULL)
    return FALSE;

  delimiter[0] = plan->delimiter;
  mmx_json_add_string (builder, "file", plan->file_name);
  mmx_json_add_string (builder, "shape", mmx_import_shape_to_string (plan->shape));
  mmx_json_add_string (builder, "granularity", mmx_granularity_to_string (plan->granularity));
  mmx_json_add_string (builder, "delimiter", delimiter);
  mmx_json_add_string (builder, "encoding", plan->encoding);
  mmx_json_add_string (builder, "decimal_mark",
                       plan->decimal_mark == MMX_DECIMAL_COMMA ? "," : ".");
  mmx_json_add_string (builder, "date_format", mmx_date_format_to_string (plan->date_format));
  mmx_json_add_boolean (builder, "date_ambiguous", plan->date_ambiguous);
  mmx_json_add_int (builder, "header_row", plan->header_row);
  mmx_json_add_string (builder, "mapping", plan->mapping_name);

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->columns->len; i++)
    {
      const MmxImportColumn *column = mmx_import_plan_get_column (plan, i);
      g_autofree char *role = mmx_column_role_to_string (column->role);

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "name", column->header);
      mmx_json_add_string (builder, "role", role);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (max_rows, plan->sample->len); i++)
    {
      const char * const *row = g_ptr_array_index (plan->sample, i);

      json_builder_begin_array (builder);
      for (guint f = 0; row[f] != NULL; f++)
        json_builder_add_string_value (builder, g_utf8_validate (row[f], -1, NULL) ? row[f] : "");
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < channels->len; i++)
    {
      const MmxChannelPreview *channel = g_ptr_array_index (channels, i);

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "as_written", channel->as_written);
      mmx_json_add_string (builder, "stored_as", channel->stored_as);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  notes = mmx_import_plan_dup_notes (plan);
  mmx_json_add_strv (builder, "notes", (const char * const *) notes);
  return TRUE;
}

/* Writing */

static void
add_issue (Writer     *writer,
           guint       row,
           int         column,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
add_issue (Writer     *writer,
           guint       row,
           int         column,
           const char *format,
           ...)
{
  va_list args;
  const char *header = NULL;

  va_start (args, format);
  g_string_vprintf (writer->message, format, args);
  va_end (args);

  if (column >= 0)
    header = mmx_import_plan_get_column (writer->plan, column)->header;
  mmx_import_summary_add_issue (writer->summary, row, header, writer->message->str);
}

static gint64
channel_id_for_name (Writer      *writer,
                     const char  *name,
                     GError     **error)
{
  gpointer cached;
  gint64 id;

  if (g_hash_table_lookup_extended (writer->channel_ids, name, NULL, &cached))
    return *(gint64 *) cached;

  id = _mmx_store_ensure_channel (writer->import->store, name, error);
  if (id < 0)
    return -1;

  if (g_hash_table_size (writer->channel_ids) >= MAX_CACHED_CHANNELS)
    g_hash_table_remove_all (writer->channel_ids);
  g_hash_table_insert (writer->channel_ids, g_strdup (name), g_memdup2 (&id, sizeof id));
  return id;
}

static const char *
field_at (const MmxCsvRecord *record,
          int                 column)
{
  if (column < 0 || (guint) column >= record->n_fields)
    return "";
  return record->fields[column];
}

/* Checks the shape of the record; returns FALSE when it cannot be read. */
static gboolean
check_record (Writer             *writer,
              const MmxCsvRecord *record)
{
  MmxImportPlan *plan = writer->plan;
  guint n_columns = plan->columns->len;

  switch (record->problem)
    {
    case MMX_CSV_RECORD_MISPLACED_QUOTE:
      add_issue (writer, record->line, -1,
                 _("A quote is misplaced: a value containing quotes must be quoted as a whole, "
                   "with each inner quote doubled (\"\")."));
      return FALSE;
    case MMX_CSV_RECORD_UNCLOSED_QUOTE:
      add_issue (writer, record->line, -1,
                 _("A quoted value that starts on this row is never closed, so the rest of the "
                   "file was read as one value. Close the quote and import the file again."));
      return FALSE;
    case MMX_CSV_RECORD_OK:
    default:
      break;
    }

  if (record->n_fields < n_columns)
    {
      /* Exports drop empty trailing fields; only data columns must be there. */
      for (guint i = record->n_fields; i < n_columns; i++)
        if (mmx_import_plan_get_column (plan, i)->role->field != MMX_FIELD_IGNORE)
          {
            add_issue (writer, record->line, -1,
                       _("Too few fields: the header has %u columns, this row has %u. "
                         "A delimiter may be missing."), n_columns, record->n_fields);
            return FALSE;
          }
    }
  for (guint i = n_columns; i < record->n_fields; i++)
    if (*record->fields[i] != '\0')
      {
        add_issue (writer, record->line, -1,
                   _("Too many fields: the header has %u columns, this row has %u. A value "
                     "that contains the delimiter “%c” (such as 1,234) must be in quotes."),
                   n_columns, record->n_fields, plan->delimiter);
        return FALSE;
      }
  return TRUE;
}

/* Platform exports end with "Total" rows; they are not data. */
static gboolean
is_summary_row (Writer             *writer,
                const MmxCsvRecord *record)
{
  const char *date = field_at (record, writer->plan->date_column);

  if (*date != '\0' && g_ascii_strncasecmp (date, "total", 5) != 0)
    return FALSE;
  for (guint i = 0; i < record->n_fields; i++)
    if (g_ascii_strncasecmp (record->fields[i], "total", 5) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_row_date (Writer             *writer,
                const MmxCsvRecord *record,
                guint32            *out_day)
{
  MmxImportPlan *plan = writer->plan;
  const char *text = field_at (record, plan->date_column);
  g_autofree char *iso = NULL;

  switch (mmx_date_parse (text, plan->date_format, out_day))
    {
    case MMX_DATE_OK:
      break;
    case MMX_DATE_EMPTY:
      add_issue (writer, record->line, plan->date_column, _("The date is empty."));
      return FALSE;
    case MMX_DATE_NONEXISTENT:
      add_issue (writer, record->line, plan->date_column,
                 _("“%s” is not a day of the calendar (read as %s)."),
                 text, mmx_date_format_describe (plan->date_format));
      return FALSE;
    case MMX_DATE_INVALID:
    default:
      add_issue (writer, record->line, plan->date_column,
                 _("“%s” is not a date in the file’s format, %s."),
                 text, mmx_date_format_describe (plan->date_format));
      return FALSE;
    }

  if (*out_day < writer->earliest)
    {
      add_issue (writer, record->line, plan->date_column,
                 _("“%s” is before %s, the earliest date accepted."), text,
                 MMX_IMPORT_EARLIEST_DATE);
      return FALSE;
    }
  if (*out_day > writer->import->today)
    {
      iso = mmx_date_julian_to_iso (writer->import->today);
      add_issue (writer, record->line, plan->date_column,
                 _("“%s” lies in the future (today is %s); only past data can be imported."),
                 text, iso);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (Writer     *writer,
            guint       line,
            int         column,
            const char *text)
{
  if (g_utf8_validate (text, -1, NULL))
    return TRUE;
  add_issue (writer, line, column,
             _("The text is not valid UTF-8. Save the file as CSV (UTF-8) and import it again."));
  return FALSE;
}

static gboolean
parse_value (Writer     *writer,
             guint       line,
             int         column,
             gboolean    allow_negative,
             double     *out_value,
             gboolean   *out_present,
             const char *text)
{
  *out_present = FALSE;
  switch (mmx_number_parse (text, writer->plan->decimal_mark, out_value))
    {
    case MMX_NUMBER_OK:
      break;
    case MMX_NUMBER_EMPTY:
      return TRUE;
    case MMX_NUMBER_NOT_FINITE:
      add_issue (writer, line, column, _("“%s” is not a finite number."), text);
      return FALSE;
    case MMX_NUMBER_OVERFLOW:
      add_issue (writer, line, column,
                 _("“%s” is too large: no amount or count can exceed 10^15."), text);
      return FALSE;
    case MMX_NUMBER_INVALID:
    default:
      add_issue (writer, line, column, _("“%s” is not a number."), text);
      return FALSE;
    }

  if (*out_value < 0 && !allow_negative)
    {
      add_issue (writer, line, column,
                 _("“%s” is negative; only control variables can be below zero."), text);
      return FALSE;
    }
  *out_present = TRUE;
  return TRUE;
}

static void
reset_slots (Writer *writer)
{
  for (guint i = 0; i < writer->slots->len; i++)
    {
      Slot *slot = &g_array_index (writer->slots, Slot, i);

      memset (slot->present, 0, sizeof slot->present);
      slot->has_revenue_per_conversion = FALSE;
    }
}

/* A long file's channel must name one; it is resolved only once the row
 * is known to be good, so bad rows add no channels. */
static gboolean
check_row_channel (Writer             *writer,
                   const MmxCsvRecord *record)
{
  MmxImportPlan *plan = writer->plan;
  const char *name = field_at (record, plan->channel_column);
  g_autofree char *key = NULL;

  if (plan->channel_column < 0)
    return TRUE;

  if (*name == '\0')
    {
      add_issue (writer, record->line, plan->channel_column, _("The channel is empty."));
      return FALSE;
    }
  if (g_hash_table_contains (writer->channel_ids, name))
    return TRUE;
  if (!check_text (writer, record->line, plan->channel_column, name))
    return FALSE;
  key = mmx_channel_name_key (name);
  if (*key == '\0')
    {
      add_issue (writer, record->line, plan->channel_column,
                 _("“%s” is not a channel name: it has no letters or digits."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_row_values (Writer             *writer,
                 const MmxCsvRecord *record)
{
  MmxImportPlan *plan = writer->plan;
  gboolean ok = TRUE;

  for (guint i = 0; i < plan->columns->len; i++)
    {
      const MmxImportColumn *column = mmx_import_plan_get_column (plan, i);
      MmxField field = column->role->field;
      Slot *slot;
      double value;
      gboolean present;

      if (!MMX_FIELD_IS_METRIC (field) && field != MMX_FIELD_REVENUE_PER_CONVERSION)
        continue;

      slot = &g_array_index (writer->slots, Slot, column->slot);
      if (!parse_value (writer, record->line, i, FALSE, &value, &present,
                        field_at (record, i)))
        {
          ok = FALSE;
          continue;
        }
      if (field == MMX_FIELD_REVENUE_PER_CONVERSION)
        {
          slot->revenue_per_conversion = value;
          slot->has_revenue_per_conversion = present;
          continue;
        }
      slot->values[field - MMX_FIELD_FIRST_METRIC] = value;
      slot->present[field - MMX_FIELD_FIRST_METRIC] = present;
    }
  return ok;
}

static gboolean
read_row_controls (Writer             *writer,
                   const MmxCsvRecord *record)
{
  MmxImportPlan *plan = writer->plan;
  gboolean ok = TRUE;

  for (guint i = 0; i < plan->columns->len; i++)
    {
      const MmxImportColumn *column = mmx_import_plan_get_column (plan, i);
      double value;
      gboolean present;

      if (column->role->field != MMX_FIELD_CONTROL)
        continue;
      if (column->categorical)
        ok = check_text (writer, record->line, i, field_at (record, i)) && ok;
      else
        ok = parse_value (writer, record->line, i, TRUE, &value, &present,
                          field_at (record, i)) && ok;
    }
  return ok;
}

static gboolean
write_control (Writer      *writer,
               const char  *date,
               const char  *geo,
               const char  *name,
               double       value,
               GError     **error)
{
  sqlite3_stmt *stmt = writer->upsert_control;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, geo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 4, value);
  sqlite3_bind_int64 (stmt, 5, writer->import_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _mmx_store_set_error (error, sqlite3_db_handle (stmt), rc, _("saving a control value"));
  return TRUE;
}

static gboolean
write_controls (Writer              *writer,
                const MmxCsvRecord  *record,
                const char          *date,
                const char          *geo,
                GError             **error)
{
  MmxImportPlan *plan = writer->plan;

  for (guint i = 0; i < plan->columns->len; i++)
    {
      const MmxImportColumn *column = mmx_import_plan_get_column (plan, i);
      const char *text = field_at (record, i);
      double value;

      if (column->role->field != MMX_FIELD_CONTROL || *text == '\0')
        continue;

      if (column->categorical)
        {
          g_autofree char *name = NULL;

          if (mmx_import_plan_is_no_category (text))
            continue;
          /* Each category is an indicator: 1 on its days, absent (0) elsewhere. */
          name = g_strdup_printf ("%s=%s", column->role->name, text);
          if (!write_control (writer, date, geo, name, 1.0, error))
            return FALSE;
        }
      else if (mmx_number_parse (text, plan->decimal_mark, &value) == MMX_NUMBER_OK)
        {
          if (!write_control (writer, date, geo, column->role->name, value, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
bind_slot (sqlite3_stmt *stmt,
           Writer       *writer,
           Slot         *slot,
           const char   *date,
           const char   *geo)
{
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, geo, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, slot->channel_id);
  for (guint m = 0; m < MMX_N_METRICS; m++)
    {
      if (slot->present[m])
        sqlite3_bind_double (stmt, 4 + m, slot->values[m]);
      else
        sqlite3_bind_null (stmt, 4 + m);
    }
  sqlite3_bind_int64 (stmt, 4 + MMX_N_METRICS, writer->import_id);
}

/* Runs one of the three writes; TRUE in @out_changed when it touched a row. */
static gboolean
step_write (sqlite3_stmt  *stmt,
            gboolean      *out_changed,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _mmx_store_set_error (error, sqlite3_db_handle (stmt), rc, _("saving a row"));
  *out_changed = sqlite3_changes (sqlite3_db_handle (stmt)) > 0;
  return TRUE;
}

/* A new row is inserted; a row of the same file for the same day, region
 * and channel (one row per campaign) is added to; a row of an earlier
 * import is replaced. Files repeat one case for long runs, so the case of
 * the previous row is tried first: one statement per row, mostly. */
static gboolean
write_slot (Writer       *writer,
            Slot         *slot,
            const char   *date,
            const char   *geo,
            SlotOutcome  *out_outcome,
            GError      **error)
{
  for (guint i = 0; i < N_SLOT_OUTCOMES; i++)
    {
      guint outcome = (writer->last_outcome + i) % N_SLOT_OUTCOMES;
      sqlite3_stmt *stmt = writer->write_metric[outcome];
      gboolean changed = FALSE;

      bind_slot (stmt, writer, slot, date, geo);
      if (!step_write (stmt, &changed, error))
        return FALSE;
      if (changed)
        {
          writer->last_outcome = outcome;
          *out_outcome = outcome;
          return TRUE;
        }
    }
  g_return_val_if_reached (FALSE);
}

static gboolean
write_row (Writer              *writer,
           const MmxCsvRecord  *record,
           guint32              day,
           GError             **error)
{
  MmxImportPlan *plan = writer->plan;
  const char *geo = plan->geo_column >= 0 ? field_at (record, plan->geo_column) : "";
  char date[16];
  guint n_new = 0, n_replaced = 0, n_merged = 0;
  GDate gdate;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, day);
  g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&gdate),
              g_date_get_month (&gdate), g_date_get_day (&gdate));

  if (plan->channel_column >= 0)
    {
      Slot *row_channel = &g_array_index (writer->slots, Slot, 0);

      row_channel->channel_id = channel_id_for_name (writer,
                                                     field_at (record, plan->channel_column),
                                                     error);
      if (row_channel->channel_id < 0)
        return FALSE;
    }

  for (guint i = 0; i < writer->slots->len; i++)
    {
      Slot *slot = &g_array_index (writer->slots, Slot, i);
      guint revenue = MMX_FIELD_REVENUE - MMX_FIELD_FIRST_METRIC;
      guint conversions = MMX_FIELD_CONVERSIONS - MMX_FIELD_FIRST_METRIC;
      SlotOutcome outcome = SLOT_NEW;

      if (!slot->used)
        continue;
      if (!slot->present[revenue] && slot->has_revenue_per_conversion && slot->present[conversions])
        {
          slot->values[revenue] = slot->values[conversions] * slot->revenue_per_conversion;
          slot->present[revenue] = TRUE;
        }
      if (!write_slot (writer, slot, date, geo, &outcome, error))
        return FALSE;
      if (g_hash_table_size (writer->written_channels) < MAX_LISTED_CHANNELS)
        g_hash_table_add (writer->written_channels, g_memdup2 (&slot->channel_id, sizeof (gint64)));
      n_new += outcome == SLOT_NEW;
      n_replaced += outcome == SLOT_REPLACED;
      n_merged += outcome == SLOT_MERGED;
    }

  if (!write_controls (writer, record, date, geo, error))
    return FALSE;

  if (n_replaced > 0)
    writer->summary->updated++;
  else if (n_merged > 0 && n_new == 0)
    writer->summary->merged++;
  else
    writer->summary->inserted++;

  writer->seen_days[day - writer->earliest] = 1;
  writer->first_day = MIN (writer->first_day, day);
  writer->last_day = MAX (writer->last_day, day);
  return TRUE;
}

static gboolean
import_record (Writer              *writer,
               const MmxCsvRecord  *record,
               GError             **error)
{
  MmxImportPlan *plan = writer->plan;
  guint32 day = 0;
  gboolean ok;

  if (!check_record (writer, record))
    {
      writer->summary->rejected++;
      return TRUE;
    }
  if (is_summary_row (writer, record))
    {
      writer->summary->skipped++;
      return TRUE;
    }

  reset_slots (writer);
  ok = parse_row_date (writer, record, &day);
  if (plan->geo_column >= 0)
    ok = check_text (writer, record->line, plan->geo_column,
                     field_at (record, plan->geo_column)) && ok;
  ok = check_row_channel (writer, record) && ok;
  ok = read_row_values (writer, record) && ok;
  ok = read_row_controls (writer, record) && ok;

  if (!ok)
    {
      writer->summary->rejected++;
      return TRUE;
    }
  return write_row (writer, record, day, error);
}

static gboolean
import_record_cb (const MmxCsvRecord  *record,
                  gpointer             user_data,
                  GError             **error)
{
  Writer *writer = user_data;

  /* Title lines and the header come first. */
  if (++writer->n_records <= writer->plan->header_index + 1)
    return TRUE;

  if (writer->n_records % CHECK_EVERY == 0)
    {
      MmxCsvReader *reader = writer->import->reader;
      goffset size = mmx_csv_reader_get_size (reader);

      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
      if (writer->progress != NULL && size > 0)
        writer->progress ((double) mmx_csv_reader_get_bytes_read (reader) / size,
                          writer->progress_data);
    }

  return import_record (writer, record, error);
}

static gboolean
prepare_statements (Writer    *writer,
                    GError   **error)
{
  MmxStore *store = writer->import->store;

#define KEY "date = ?1 AND geo = ?2 AND channel_id = ?3"
#define ADD(c, n) c " = " MMX_SQL_SUM_NULLABLE_WITH (c, n)
  writer->write_metric[SLOT_NEW] = _mmx_store_prepare (store,
                                              "INSERT OR IGNORE INTO metric (date, geo, channel_id, "
                                              MMX_SQL_METRIC_COLUMNS ", import_id) "
                                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                              error);
  if (writer->write_metric[SLOT_NEW] == NULL)
    return FALSE;
  writer->write_metric[SLOT_MERGED] = _mmx_store_prepare (store,
                                             "UPDATE metric SET "
                                             ADD ("spend", "?4") ", " ADD ("revenue", "?5") ", "
                                             ADD ("impressions", "?6") ", " ADD ("clicks", "?7") ", "
                                             ADD ("conversions", "?8") ", "
                                             ADD ("new_customers", "?9") ", "
                                             ADD ("returning_customers", "?10") " "
                                             "WHERE " KEY " AND import_id = ?11",
                                             error);
  if (writer->write_metric[SLOT_MERGED] == NULL)
    return FALSE;
  writer->write_metric[SLOT_REPLACED] = _mmx_store_prepare (store,
                                               "UPDATE metric SET spend = ?4, revenue = ?5, "
                                               "impressions = ?6, clicks = ?7, conversions = ?8, "
                                               "new_customers = ?9, returning_customers = ?10, "
                                               "import_id = ?11 WHERE " KEY
                                               " AND import_id <> ?11",
                                               error);
  if (writer->write_metric[SLOT_REPLACED] == NULL)
    return FALSE;
#undef ADD
#undef KEY
  writer->upsert_control = _mmx_store_prepare (store,
                                               "INSERT INTO control (date, geo, name, value, import_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5) "
                                               "ON CONFLICT (date, geo, name) DO UPDATE SET "
                                               "value = excluded.value, import_id = excluded.import_id",
                                               error);
  return writer->upsert_control != NULL;
}

/* Slot 0 is the row's channel in a long file (resolved per row unless the
 * whole file is one channel's) and the whole business in a wide file;
 * each channel of a wide file has its own slot after it. */
static gboolean
prepare_slots (Writer   *writer,
               GError  **error)
{
  MmxImportPlan *plan = writer->plan;
  MmxStore *store = writer->import->store;
  Slot first = { 0 };

  if (plan->file_channel != NULL)
    first.channel_id = _mmx_store_ensure_channel (store, plan->file_channel, error);
  else if (plan->shape == MMX_IMPORT_SHAPE_WIDE)
    first.channel_id = _mmx_store_get_total_channel (store, error);
  if (first.channel_id < 0)
    return FALSE;
  first.used = plan->shape == MMX_IMPORT_SHAPE_LONG || plan->has_total_values;
  g_array_append_val (writer->slots, first);

  for (guint i = 1; i < plan->slot_channels->len; i++)
    {
      Slot slot = { 0 };

      slot.channel_id = _mmx_store_ensure_channel (store, g_ptr_array_index (plan->slot_channels, i),
                                                   error);
      if (slot.channel_id < 0)
        return FALSE;
      slot.used = TRUE;
      g_array_append_val (writer->slots, slot);
    }
  return TRUE;
}

static gint64
insert_log (MmxImport  *self,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported_at = g_date_time_format_iso8601 (now);
  g_autofree char *name = g_file_get_basename (mmx_csv_reader_get_file (self->reader));
  int rc;

  stmt = _mmx_store_prepare (self->store,
                             "INSERT INTO import_log (file, sha256, imported_at, shape, granularity) "
                             "VALUES (?, '', ?, ?, 'daily')", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, imported_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mmx_import_shape_to_string (self->plan->shape), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, _mmx_store_get_db (self->store), rc, _("logging the import"));
      return -1;
    }
  return sqlite3_last_insert_rowid (_mmx_store_get_db (self->store));
}

static gboolean
finish_log (Writer   *writer,
            GError  **error)
{
  MmxImportSummary *summary = writer->summary;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _mmx_store_prepare (writer->import->store,
                             "UPDATE import_log SET sha256 = ?2, granularity = ?3, inserted = ?4, "
                             "updated = ?5, merged = ?6, rejected = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, writer->import_id);
  sqlite3_bind_text (stmt, 2, mmx_csv_reader_get_sha256 (writer->import->reader), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mmx_granularity_to_string (summary->granularity), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, summary->inserted);
  sqlite3_bind_int (stmt, 5, summary->updated);
  sqlite3_bind_int (stmt, 6, summary->merged);
  sqlite3_bind_int (stmt, 7, summary->rejected);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _mmx_store_set_error (error, sqlite3_db_handle (stmt), rc, _("logging the import"));
  return TRUE;
}

/* Decides daily or weekly on every date imported, and checks it against
 * what the database already holds. */
static gboolean
settle_granularity (Writer   *writer,
                    GError  **error)
{
  MmxImport *self = writer->import;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (mmx_csv_reader_get_file (self->reader));
  MmxGranularity stored;
  MmxGranularity found;
  gboolean too_sparse = FALSE;

  for (guint32 day = writer->first_day; day <= writer->last_day; day++)
    if (writer->seen_days[day - writer->earliest])
      g_array_append_val (days, day);

  stored = mmx_store_get_granularity (self->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  found = mmx_import_plan_granularity_of ((guint32 *) (void *) days->data, days->len, &too_sparse);
  if (too_sparse)
    {
      g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_GRANULARITY,
                   _("“%s” has one row per month or less often. MarketingMix needs daily or "
                     "weekly data: export the report by day or by week."), name);
      return FALSE;
    }
  if (found == MMX_GRANULARITY_UNKNOWN)
    found = stored != MMX_GRANULARITY_UNKNOWN ? stored : MMX_GRANULARITY_DAILY;

  if (stored != MMX_GRANULARITY_UNKNOWN && stored != found)
    {
      g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_GRANULARITY,
                   _("“%s” has %s data, but this database holds %s data, and the two cannot be "
                     "modelled together. Import the file into a database of its own (--db) or "
                     "export it %s."),
                   name, mmx_granularity_to_string (found), mmx_granularity_to_string (stored),
                   stored == MMX_GRANULARITY_DAILY ? _("by day") : _("by week"));
      return FALSE;
    }

  writer->summary->granularity = found;
  return _mmx_store_set_granularity (self->store, found, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_summary_channels (Writer   *writer,
                       GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer id;

  stmt = _mmx_store_prepare (writer->import->store,
                             "SELECT name FROM channel WHERE id = ? AND kind = 'media'", error);
  if (stmt == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, writer->written_channels);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      else if (rc != SQLITE_DONE)
        {
          _mmx_store_set_error (error, sqlite3_db_handle (stmt), rc, _("listing the channels"));
          return NULL;
        }
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}

static gboolean
write_all (Writer   *writer,
           GError  **error)
{
  MmxImport *self = writer->import;

  if (!_mmx_store_begin_write (self->store, error))
    return FALSE;

  writer->import_id = insert_log (self, error);
  if (writer->import_id < 0)
    return FALSE;
  if (!prepare_statements (writer, error) || !prepare_slots (writer, error))
    return FALSE;

  if (!mmx_csv_reader_foreach (self->reader, import_record_cb, writer, writer->cancellable, error))
    return FALSE;

  if (mmx_import_summary_get_imported (writer->summary) == 0)
    {
      /* Nothing to decide on: say what the database holds, else daily. */
      if (writer->summary->granularity == MMX_GRANULARITY_UNKNOWN)
        writer->summary->granularity = mmx_store_get_granularity (self->store, NULL);
      if (writer->summary->granularity == MMX_GRANULARITY_UNKNOWN)
        writer->summary->granularity = MMX_GRANULARITY_DAILY;
      return TRUE;
    }

  if (!settle_granularity (writer, error) || !finish_log (writer, error))
    return FALSE;
  writer->summary->first_date = mmx_date_julian_to_iso (writer->first_day);
  writer->summary->last_date = mmx_date_julian_to_iso (writer->last_day);
  writer->summary->channels = list_summary_channels (writer, error);
  return writer->summary->channels != NULL;
}

static void
writer_clear (Writer *writer)
{
  for (guint i = 0; i < N_SLOT_OUTCOMES; i++)
    g_clear_pointer (&writer->write_metric[i], sqlite3_finalize);
  g_clear_pointer (&writer->upsert_control, sqlite3_finalize);
  g_clear_pointer (&writer->channel_ids, g_hash_table_unref);
  g_clear_pointer (&writer->written_channels, g_hash_table_unref);
  g_clear_pointer (&writer->slots, g_array_unref);
  g_clear_pointer (&writer->seen_days, g_free);
  if (writer->message != NULL)
    g_string_free (writer->message, TRUE);
}

/**
 * mmx_import_run:
 * @self: an import
 * @progress: (nullable) (scope call): called with the fraction read
 * @user_data: for @progress
 * @cancellable: (nullable): stops the import, which then changes nothing
 * @error: a location for a #GError
 *
 * Streams the file into the database in one transaction: valid rows are
 * stored (a row for the same date, region and channel as an earlier import
 * replaces it), invalid rows are listed in the summary. A crash, a kill or
 * a cancellation at any point leaves the database as it was before. When
 * no row is valid, nothing is written, not even to the import history.
 *
 * Returns: (transfer full): the summary, or %NULL with @error set when the
 *   file could not be imported at all
 */
MmxImportSummary *
mmx_import_run (MmxImport              *self,
                MmxImportProgressFunc   progress,
                gpointer                user_data,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autofree char *name = NULL;
  Writer writer = { 0 };
  gboolean ok;

  g_return_val_if_fail (MMX_IS_IMPORT (self), NULL);

  if (!mmx_import_plan_check_runnable (self->plan, error))
    return NULL;

  name = g_file_get_basename (mmx_csv_reader_get_file (self->reader));
  summary = mmx_import_summary_new (name);
  mmx_import_plan_fill_summary (self->plan, summary);

  writer.import = self;
  writer.plan = self->plan;
  writer.summary = summary;
  writer.progress = progress;
  writer.progress_data = user_data;
  writer.cancellable = cancellable;
  writer.channel_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer.written_channels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  writer.slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  writer.message = g_string_new (NULL);
  writer.earliest = mmx_date_julian_from_iso (MMX_IMPORT_EARLIEST_DATE);
  writer.seen_days = g_malloc0 (MAX (self->today, writer.earliest) - writer.earliest + 1);
  writer.first_day = G_MAXUINT32;
  writer.last_day = 0;

  ok = write_all (&writer, error);
  writer_clear (&writer);

  /* Results fitted to the old data are gone with it, in the same
   * transaction. */
  if (ok && mmx_import_summary_get_imported (summary) > 0)
    {
      ok = _mmx_store_forget_results (self->store, error) && _mmx_store_commit (self->store, error);
      if (!ok)
        _mmx_store_rollback (self->store);
    }
  else
    _mmx_store_rollback (self->store);

  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&summary);
}
