/* mmx-csv-reader.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-csv-reader"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "mmx-csv-reader.h"

/* Small enough to keep memory flat on any file, large enough that reads
 * and hashing are not the bottleneck. */
#define CHUNK_SIZE (64 * 1024)

/* No export has a value this long; a longer one is a quote never closed. */
#define MAX_RECORD_BYTES (16 * 1024 * 1024)

#define CSV_OPTIONS (CSV_REPALL_NL | CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI)

struct _MmxCsvReader
{
  GObject     parent_instance;

  GFile      *file;
  char       *encoding;
  char       *sha256;

  goffset     size;
  goffset     bytes_read;
  gsize       bom_length;
  char        delimiter;
  char        line_end;
  gboolean    delimiter_ambiguous;
};

/* The state of one pass over the file. */
typedef struct
{
  MmxCsvReader       *reader;
  MmxCsvRecordFunc    func;
  gpointer            user_data;
  struct csv_parser   parser;
  GString            *record;
  GArray             *offsets;
  GPtrArray          *fields;
  GError             *error;
  guint               line;
  /* Where the record being read started; 0 until its first line is fed. */
  guint               record_line;
  MmxCsvRecordProblem problem;
  gboolean            stopped;
} Pass;

G_DEFINE_FINAL_TYPE (MmxCsvReader, mmx_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (mmx-csv-error-quark, mmx_csv_error)

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Pass *pass = user_data;
  gsize offset = pass->record->len;

  if (pass->stopped)
    return;

  g_array_append_val (pass->offsets, offset);
  g_string_append_len (pass->record, data, len);
  g_string_append_c (pass->record, '\0');
}

static gboolean
record_is_blank (Pass *pass)
{
  for (guint i = 0; i < pass->offsets->len; i++)
    if (pass->record->str[g_array_index (pass->offsets, gsize, i)] != '\0')
      return FALSE;
  return TRUE;
}

static void
reset_record (Pass *pass)
{
  g_string_truncate (pass->record, 0);
  g_array_set_size (pass->offsets, 0);
  pass->record_line = 0;
  pass->problem = MMX_CSV_RECORD_OK;
}

static void
deliver_record (Pass *pass)
{
  MmxCsvRecord record;

  g_ptr_array_set_size (pass->fields, 0);
  for (guint i = 0; i < pass->offsets->len; i++)
    g_ptr_array_add (pass->fields, pass->record->str + g_array_index (pass->offsets, gsize, i));

  record.line = pass->record_line;
  record.n_fields = pass->fields->len;
  g_ptr_array_add (pass->fields, NULL);
  record.fields = (const char * const *) pass->fields->pdata;
  record.problem = pass->problem;

  if (!pass->func (&record, pass->user_data, &pass->error))
    pass->stopped = TRUE;
}

static void
row_cb (int   terminator,
        void *user_data)
{
  Pass *pass = user_data;

  if (pass->stopped)
    return;
  if (pass->offsets->len > 0 && !record_is_blank (pass))
    deliver_record (pass);
  reset_record (pass);
}

/* Feeds one line at a time, so the line number is known when a record
 * ends and a misplaced quote costs only the rest of its line. */
static void
parse_decoded (Pass       *pass,
               const char *data,
               gsize       len)
{
  const char *end = data + len;
  char line_end = pass->reader->line_end;

  while (data < end && !pass->stopped && pass->error == NULL)
    {
      const char *newline = memchr (data, line_end, end - data);
      gsize segment = newline != NULL ? (gsize) (newline - data) + 1 : (gsize) (end - data);

      if (pass->record_line == 0)
        pass->record_line = pass->line;
      /* libcsv grows its buffer by a fixed block: doubling it instead keeps
       * a long quoted value from costing a copy of itself per block. */
      csv_set_blk_size (&pass->parser, MAX (CHUNK_SIZE, csv_get_buffer_size (&pass->parser)));
      if (csv_parse (&pass->parser, data, segment, field_cb, row_cb, pass) != segment)
        {
          /* Strict mode stops at the misplaced quote. Report what was read
           * of the record, then start afresh on the next line. */
          pass->problem = MMX_CSV_RECORD_MISPLACED_QUOTE;
          if (pass->offsets->len == 0)
            {
              gsize offset = 0;

              g_array_append_val (pass->offsets, offset);
              g_string_append_c (pass->record, '\0');
            }
          deliver_record (pass);
          reset_record (pass);
          csv_free (&pass->parser);
          csv_init (&pass->parser, CSV_OPTIONS);
          csv_set_delim (&pass->parser, pass->reader->delimiter);
          if (newline == NULL)
            break;
          segment = (gsize) (newline - data) + 1;
        }

      if (newline != NULL)
        pass->line++;
      data += segment;

      /* What the open value holds so far, not the buffer it may outgrow. */
      if (pass->parser.entry_pos + pass->record->len > MAX_RECORD_BYTES)
        {
          g_set_error (&pass->error, MMX_CSV_ERROR, MMX_CSV_ERROR_FIELD_TOO_LONG,
                       _("The record that ends on line %u is longer than 16 MB. A quote is "
                         "probably never closed: check the quotes before that line."),
                       pass->line);
          return;
        }
    }
}

static void
finish_parse (Pass *pass)
{
  if (pass->stopped || pass->error != NULL)
    return;

  if (csv_fini (&pass->parser, field_cb, row_cb, pass) != 0)
    {
      /* A quoted value ran to the end: hand over what it swallowed. */
      pass->problem = MMX_CSV_RECORD_UNCLOSED_QUOTE;
      csv_set_opts (&pass->parser, CSV_OPTIONS & ~(CSV_STRICT | CSV_STRICT_FINI));
      csv_fini (&pass->parser, field_cb, row_cb, pass);
    }
}

static void
pass_clear (Pass *pass)
{
  csv_free (&pass->parser);
  g_string_free (pass->record, TRUE);
  g_array_unref (pass->offsets);
  g_ptr_array_unref (pass->fields);
  g_clear_error (&pass->error);
}

/* Decodes a chunk of raw bytes to UTF-8 through @converter, keeping an
 * incomplete character at the end for the next chunk. */
static gboolean
decode_chunk (Pass        *pass,
              GConverter  *converter,
              GByteArray  *pending,
              gboolean     at_end,
              GError     **error)
{
  char out[CHUNK_SIZE];

  while (pending->len > 0 || at_end)
    {
      gsize n_read = 0;
      gsize n_written = 0;
      g_autoptr(GError) local_error = NULL;
      GConverterResult result;

      result = g_converter_convert (converter, pending->data, pending->len, out, sizeof out,
                                    at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &n_read, &n_written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (!at_end && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            return TRUE;
          g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY,
                       _("The file is not valid %s text near byte %" G_GOFFSET_FORMAT ". "
                         "Save it again as CSV (UTF-8)."),
                       pass->reader->encoding, pass->reader->bytes_read);
          return FALSE;
        }

      parse_decoded (pass, out, n_written);
      g_byte_array_remove_range (pending, 0, n_read);
      if (result == G_CONVERTER_FINISHED || (n_read == 0 && n_written == 0))
        break;
    }
  return TRUE;
}

static GInputStream *
open_stream (MmxCsvReader  *self,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (self->file, cancellable, error);

  if (stream == NULL)
    return NULL;
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

/**
 * mmx_csv_reader_foreach:
 * @self: a reader
 * @func: called for every record that is not blank, the header included
 * @user_data: for @func
 * @cancellable: (nullable): checked between chunks
 * @error: a location for a #GError
 *
 * Streams the file from its start, in constant memory. After a complete
 * pass, mmx_csv_reader_get_sha256() gives the file's hash.
 *
 * Returns: %FALSE with @error set on failure (from the file or from @func)
 */
gboolean
mmx_csv_reader_foreach (MmxCsvReader      *self,
                        MmxCsvRecordFunc   func,
                        gpointer           user_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GConverter) converter = NULL;
  g_autoptr(GByteArray) pending = g_byte_array_new ();
  g_autofree char *chunk = g_malloc (CHUNK_SIZE);
  Pass pass = { 0 };
  gsize to_skip;
  gboolean ok = TRUE;

  g_return_val_if_fail (MMX_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stream = open_stream (self, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (g_strcmp0 (self->encoding, "UTF-8") != 0)
    {
      g_autoptr(GCharsetConverter) charset = g_charset_converter_new ("UTF-8", self->encoding, error);

      if (charset == NULL)
        return FALSE;
      converter = G_CONVERTER (g_steal_pointer (&charset));
    }

  pass.reader = self;
  pass.func = func;
  pass.user_data = user_data;
  pass.record = g_string_sized_new (256);
  pass.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  pass.fields = g_ptr_array_new ();
  pass.line = 1;
  csv_init (&pass.parser, CSV_OPTIONS);
  csv_set_delim (&pass.parser, self->delimiter);

  self->bytes_read = 0;
  to_skip = self->bom_length;

  while (ok && !pass.stopped && pass.error == NULL)
    {
      gssize n = g_input_stream_read (stream, chunk, CHUNK_SIZE, cancellable, error);
      gboolean at_end = n == 0;
      const char *data = chunk;

      if (n < 0 || g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      self->bytes_read += n;
      g_checksum_update (checksum, (const guchar *) chunk, n);

      if (to_skip > 0)
        {
          gsize skip = MIN ((gsize) n, to_skip);

          data += skip;
          n -= skip;
          to_skip -= skip;
        }

      if (converter == NULL)
        parse_decoded (&pass, data, n);
      else
        {
          g_byte_array_append (pending, (const guint8 *) data, n);
          ok = decode_chunk (&pass, converter, pending, at_end, error);
        }

      if (ok && at_end)
        {
          finish_parse (&pass);
          if (!pass.stopped && pass.error == NULL)
            {
              g_free (self->sha256);
              self->sha256 = g_strdup (g_checksum_get_string (checksum));
            }
          break;
        }
    }

  if (ok && pass.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pass.error));
      ok = FALSE;
    }
  pass_clear (&pass);
  return ok;
}

static gboolean
looks_binary_zip (const guint8 *data,
                  gsize         len)
{
  return len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

static gboolean
looks_binary_ole (const guint8 *data,
                  gsize         len)
{
  return len >= 4 && memcmp (data, "\xD0\xCF\x11\xE0", 4) == 0;
}

static gboolean
detect_encoding (MmxCsvReader  *self,
                 const guint8  *data,
                 gsize          len,
                 GError       **error)
{
  g_autofree char *name = g_file_get_basename (self->file);
  guint zeros_even = 0, zeros_odd = 0;
  const char *valid_end = NULL;

  if (looks_binary_zip (data, len) || looks_binary_ole (data, len))
    {
      g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY,
                   _("“%s” is a spreadsheet workbook, not a CSV file. Open it in LibreOffice "
                     "or Excel and save it as CSV (comma separated values)."), name);
      return FALSE;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->encoding = g_strdup ("UTF-8");
      self->bom_length = 3;
      return TRUE;
    }
  if (len >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    {
      self->encoding = g_strdup ("UTF-16LE");
      self->bom_length = 2;
      return TRUE;
    }
  if (len >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    {
      self->encoding = g_strdup ("UTF-16BE");
      self->bom_length = 2;
      return TRUE;
    }

  for (gsize i = 0; i < len; i++)
    if (data[i] == 0)
      {
        if (i % 2 == 0)
          zeros_even++;
        else
          zeros_odd++;
      }
  if (zeros_even + zeros_odd > 0)
    {
      /* ASCII in UTF-16 without a byte-order mark has a zero in every
       * other byte; zeros anywhere else mean this is no text file. */
      if (zeros_odd > len / 4 && zeros_even == 0)
        self->encoding = g_strdup ("UTF-16LE");
      else if (zeros_even > len / 4 && zeros_odd == 0)
        self->encoding = g_strdup ("UTF-16BE");
      else
        {
          g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY,
                       _("“%s” is not a text file. Export the data as CSV and import that."),
                       name);
          return FALSE;
        }
      return TRUE;
    }

  /* A chunk may end inside a character: only earlier errors count. */
  if (g_utf8_validate ((const char *) data, len, &valid_end)
      || (gsize) ((const guint8 *) valid_end - data) + 4 > len)
    self->encoding = g_strdup ("UTF-8");
  else
    self->encoding = g_strdup ("WINDOWS-1252");
  return TRUE;
}

static char *
decode_sample (MmxCsvReader  *self,
               const guint8  *data,
               gsize          len)
{
  const char *start = (const char *) data + self->bom_length;
  gsize n = len - self->bom_length;

  if (g_str_equal (self->encoding, "UTF-8"))
    return g_strndup (start, n);
  if (g_str_has_prefix (self->encoding, "UTF-16"))
    {
      gboolean little_endian = g_str_equal (self->encoding, "UTF-16LE");

      n -= n % 2;
      /* The head may end between the two halves of a surrogate pair. */
      if (n >= 2)
        {
          guint8 high = (guint8) start[little_endian ? n - 1 : n - 2];

          if (high >= 0xD8 && high <= 0xDB)
            n -= 2;
        }
    }
  return g_convert_with_fallback (start, n, "UTF-8", self->encoding, "?", NULL, NULL, NULL);
}

/* Picks the delimiter that splits the first lines into the same number of
 * fields most often, counting only outside quotes. Title lines above the
 * header, as some ad platforms write, count for nothing. Another that
 * splits as many lines as consistently makes the choice ambiguous. */
static char
detect_delimiter (const char *sample,
                  char        line_end,
                  gboolean   *out_ambiguous)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  g_auto(GStrv) lines = NULL;
  char separator[2] = { line_end, '\0' };
  char best = ',';
  guint best_consistent = 0;
  guint best_fields = 0;
  guint runner_up_consistent = 0;

  lines = g_strsplit (sample, separator, 51);
  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      g_autoptr(GHashTable) frequency = g_hash_table_new (NULL, NULL);
      guint mode = 0, mode_count = 0;

      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          gboolean quoted = FALSE;
          guint count = 0, seen;

          for (const char *p = lines[i]; *p; p++)
            {
              if (*p == '"')
                quoted = !quoted;
              else if (*p == candidates[c] && !quoted)
                count++;
            }
          if (count == 0)
            continue;
          seen = GPOINTER_TO_UINT (g_hash_table_lookup (frequency, GUINT_TO_POINTER (count))) + 1;
          g_hash_table_insert (frequency, GUINT_TO_POINTER (count), GUINT_TO_POINTER (seen));
          if (seen > mode_count || (seen == mode_count && count > mode))
            {
              mode = count;
              mode_count = seen;
            }
        }

      if (mode_count > best_consistent || (mode_count == best_consistent && mode > best_fields))
        {
          runner_up_consistent = best_consistent;
          best = candidates[c];
          best_consistent = mode_count;
          best_fields = mode;
        }
      else
        runner_up_consistent = MAX (runner_up_consistent, mode_count);
    }
  *out_ambiguous = best_consistent > 0 && runner_up_consistent == best_consistent;
  return best;
}

static gboolean
sniff (MmxCsvReader  *self,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guint8 *data = g_malloc (CHUNK_SIZE);
  g_autofree char *sample = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      g_autofree char *path = g_file_get_parse_name (self->file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” does not exist: check the file’s name and folder."), path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; choose the CSV files inside it."), name);
      return FALSE;
    }
  self->size = g_file_info_get_size (info);

  stream = open_stream (self, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("“%s” cannot be read: you have no permission to read it."), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_input_stream_read_all (stream, data, CHUNK_SIZE, &len, cancellable, error))
    return FALSE;

  if (!detect_encoding (self, data, len, error))
    return FALSE;

  sample = decode_sample (self, data, len);
  if (sample == NULL || *g_strstrip (sample) == '\0')
    {
      g_set_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY,
                   _("“%s” is empty. Export the data again, with a header row and at least "
                     "one row of data."), name);
      return FALSE;
    }

  self->line_end = strchr (sample, '\n') == NULL && strchr (sample, '\r') != NULL ? '\r' : '\n';
  self->delimiter = detect_delimiter (sample, self->line_end, &self->delimiter_ambiguous);
  return TRUE;
}

static void
mmx_csv_reader_finalize (GObject *object)
{
  MmxCsvReader *self = (MmxCsvReader *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (mmx_csv_reader_parent_class)->finalize (object);
}

static void
mmx_csv_reader_class_init (MmxCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mmx_csv_reader_finalize;
}

static void
mmx_csv_reader_init (MmxCsvReader *self)
{
}

/**
 * mmx_csv_reader_new:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Opens @file and reads its first 64 KiB to learn its encoding (UTF-8 with
 * or without a byte-order mark, UTF-16, else Windows-1252), its delimiter
 * (comma, semicolon, tab or bar) and its line ends.
 *
 * Returns: (transfer full): a reader, or %NULL with @error set
 */
MmxCsvReader *
mmx_csv_reader_new (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(MmxCsvReader) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MMX_TYPE_CSV_READER, NULL);
  self->file = g_object_ref (file);
  if (!sniff (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

GFile *
mmx_csv_reader_get_file (MmxCsvReader *self)
{
  g_return_val_if_fail (MMX_IS_CSV_READER (self), NULL);

  return self->file;
}

char
mmx_csv_reader_get_delimiter (MmxCsvReader *self)
{
  g_return_val_if_fail (MMX_IS_CSV_READER (self), ',');

  return self->delimiter;
}

/**
 * mmx_csv_reader_get_delimiter_ambiguous:
 * @self: a reader
 *
 * Returns: whether another delimiter splits the first lines as
 *   consistently as the one chosen ("a;b,c"), so the user should say
 */
gboolean
mmx_csv_reader_get_delimiter_ambiguous (MmxCsvReader *self)
{
  g_return_val_if_fail (MMX_IS_CSV_READER (self), FALSE);

  return self->delimiter_ambiguous;
}

/**
 * mmx_csv_reader_set_delimiter:
 * @self: a reader
 * @delimiter: `,`, `;`, a tab or `|`
 *
 * Reads the fields with @delimiter rather than the one detected.
 */
void
mmx_csv_reader_set_delimiter (MmxCsvReader *self,
                              char          delimiter)
{
  g_return_if_fail (MMX_IS_CSV_READER (self));
  g_return_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t' || delimiter == '|');

  self->delimiter = delimiter;
  self->delimiter_ambiguous = FALSE;
}

const char *
mmx_csv_reader_get_encoding (MmxCsvReader *self)
{
  g_return_val_if_fail (MMX_IS_CSV_READER (self), NULL);

  return self->encoding;
}

goffset
mmx_csv_reader_get_size (MmxCsvReader *self)
{
  g_return_val_if_fail (MMX_IS_CSV_READER (self), 0);

  return self->size;
}

/**
 * mmx_csv_reader_get_bytes_read:
 * @self: a reader
 *
 * Returns: how far the current or last pass got, for progress
 */
goffset
mmx_csv_reader_get_bytes_read (MmxCsvReader *self)
{
  g_return_val_if_fail (MMX_IS_CSV_READER (self), 0);

  return self->bytes_read;
}

/**
 * mmx_csv_reader_get_sha256:
 * @self: a reader
 *
 * Returns: (nullable): the SHA-256 of the file, known after a complete pass
 */
const char *
mmx_csv_reader_get_sha256 (MmxCsvReader *self)
{
  g_return_val_if_fail (MMX_IS_CSV_READER (self), NULL);

  return self->sha256;
}

typedef struct
{
  GPtrArray *records;
  guint      max_records;
} Head;

static gboolean
collect_head_cb (const MmxCsvRecord  *record,
                 gpointer             user_data,
                 GError             **error)
{
  Head *head = user_data;

  g_ptr_array_add (head->records, g_strdupv ((GStrv) record->fields));
  return head->records->len < head->max_records;
}

/**
 * mmx_csv_reader_read_head:
 * @self: a reader
 * @max_records: how many records to read at most
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads the first records as they are, header and title lines included,
 * for a user to say what the columns hold when no plan can be made.
 *
 * Returns: (transfer full) (element-type GStrv): the records, or %NULL
 *   with @error set
 */
GPtrArray *
mmx_csv_reader_read_head (MmxCsvReader  *self,
                          guint          max_records,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Head head = { records, MAX (max_records, 1) };

  g_return_val_if_fail (MMX_IS_CSV_READER (self), NULL);

  if (!mmx_csv_reader_foreach (self, collect_head_cb, &head, cancellable, error))
    return NULL;
  return g_steal_pointer (&records);
}
