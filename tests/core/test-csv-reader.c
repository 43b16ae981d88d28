/* test-csv-reader.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "mmx-csv-reader.h"
#include "mmx-test-utils.h"

/* The reader's input is whatever a user's spreadsheet or ad platform wrote,
 * so each test feeds it one of the ways real files go wrong. Plain text
 * fixtures live in tests/data/csv; files whose bytes matter (byte-order
 * marks, line ends, other encodings, binary data) are written here, so
 * that no editor or checkout can change them. */

/* Larger than the reader's 64 KiB chunks, to cross their boundaries. */
#define CHUNK 65536

typedef struct
{
  guint                line;
  MmxCsvRecordProblem  problem;
  GStrv                fields;
} Record;

static void
record_free (Record *record)
{
  g_strfreev (record->fields);
  g_free (record);
}

static gboolean
collect_cb (const MmxCsvRecord  *record,
            gpointer             user_data,
            GError             **error)
{
  GPtrArray *records = user_data;
  Record *copy = g_new0 (Record, 1);

  g_assert_nonnull (record->fields);
  g_assert_null (record->fields[record->n_fields]);
  copy->line = record->line;
  copy->problem = record->problem;
  copy->fields = g_strdupv ((GStrv) record->fields);
  g_assert_cmpuint (g_strv_length (copy->fields), ==, record->n_fields);
  g_ptr_array_add (records, copy);
  return TRUE;
}

static GPtrArray *
read_records (MmxCsvReader *reader)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  gboolean ok;

  ok = mmx_csv_reader_foreach (reader, collect_cb, records, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return records;
}

static MmxCsvReader *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MmxCsvReader *reader = mmx_csv_reader_new (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static MmxCsvReader *
open_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);

  return open_path (path);
}

static MmxCsvReader *
open_bytes (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = mmx_test_write_file (dir, name, contents, length);

  return open_path (path);
}

/* Opening @contents must fail with @domain and @code; returns the message. */
static char *
open_bytes_error (const char *dir,
                  const char *name,
                  const char *contents,
                  gssize      length,
                  GQuark      domain,
                  int         code)
{
  g_autofree char *path = mmx_test_write_file (dir, name, contents, length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxCsvReader) reader = mmx_csv_reader_new (file, NULL, &error);

  g_assert_error (error, domain, code);
  g_assert_null (reader);
  return g_strdup (error->message);
}

static const Record *
get_record (GPtrArray *records,
            guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return g_ptr_array_index (records, index);
}

/* Checks record @index: its line, its problem and all its fields. */
static void
assert_record (GPtrArray           *records,
               guint                index,
               guint                line,
               MmxCsvRecordProblem  problem,
               ...) G_GNUC_NULL_TERMINATED;

static void
assert_record (GPtrArray           *records,
               guint                index,
               guint                line,
               MmxCsvRecordProblem  problem,
               ...)
{
  const Record *record = get_record (records, index);
  const char *expected;
  va_list args;
  guint i = 0;

  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpint (record->problem, ==, problem);

  va_start (args, problem);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (record->fields[i]);
      g_assert_cmpstr (record->fields[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (g_strv_length (record->fields), ==, i);
}

/* @utf8 in another encoding, with @bom before it. */
static GByteArray *
encode (const char *utf8,
        const char *charset,
        const char *bom,
        gsize       bom_length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  GByteArray *bytes = g_byte_array_new ();
  gsize length = 0;

  converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) bom, bom_length);
  g_byte_array_append (bytes, (const guint8 *) converted, length);
  return bytes;
}

/* Delimiters */

static void
test_delimiter_comma (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("comma.csv");
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-8");

  records = read_records (reader);
  g_assert_cmpuint (records->len, ==, 5);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "spend", "revenue", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK,
                 "2025-01-01", "Facebook Ads", "100.50", "250", NULL);
  assert_record (records, 4, 5, MMX_CSV_RECORD_OK,
                 "2025-01-02", "Google Ads", "85", "200", NULL);
}

/* Commas stand in the values as decimal marks, and a quoted channel holds
 * a semicolon: the semicolon still splits the lines most consistently. */
static void
test_delimiter_semicolon (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("semicolon.csv");
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ';');

  records = read_records (reader);
  g_assert_cmpuint (records->len, ==, 5);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "spend", "revenue", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK,
                 "2025-01-01", "Facebook Ads", "1.234,56", "2.500", NULL);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK,
                 "2025-01-01", "Google; Ads", "12,5", "30", NULL);
}

/* Tabs are both the delimiter and whitespace to trim: an empty field
 * between two tabs must stay a field. */
static void
test_delimiter_tab (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("tab.tsv");
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, '\t');

  records = read_records (reader);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK,
                 "date", "channel", "campaign", "spend", "revenue", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK,
                 "2025-01-01", "Facebook Ads", "", "10", "20", NULL);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK,
                 "2025-01-01", "Google Ads", "Brand, EU", "30", "40", NULL);
  assert_record (records, 3, 4, MMX_CSV_RECORD_OK,
                 "2025-01-02", "Facebook Ads", "", "11", "21", NULL);
}

static void
test_delimiter_bar (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("bar.csv");
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, '|');

  records = read_records (reader);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK,
                 "2025-01-01", "Facebook Ads", "1,000.50", "2,000", NULL);
}

/* Delimiters inside quotes do not count, however many there are. */
static void
test_delimiter_ignores_quoted (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  reader = open_bytes (dir, "quoted-semicolons.csv",
                       "date,channel,note\n"
                       "2025-01-01,A,\"x;y;z;w;v\"\n"
                       "2025-01-02,B,\"a;b;c;d;e\"\n"
                       "2025-01-03,C,\"1;2;3;4;5\"\n", -1);
  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ',');

  records = read_records (reader);
  assert_record (records, 3, 4, MMX_CSV_RECORD_OK, "2025-01-03", "C", "1;2;3;4;5", NULL);

  mmx_test_remove_dir (dir);
}

/* Platform reports put a title and a date range above the header. */
static void
test_delimiter_with_title_lines (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("google-ads-export.csv");
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ',');

  records = read_records (reader);
  g_assert_cmpuint (records->len, ==, 10);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "Campaign performance report", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "January 1, 2025 - January 5, 2025", NULL);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK,
                 "Day", "Campaign", "Cost", "Conv. value", "Clicks", NULL);
  assert_record (records, 3, 4, MMX_CSV_RECORD_OK,
                 "2025-01-01", "Brand", "1,234.50", "3,000.00", "120", NULL);
  assert_record (records, 9, 10, MMX_CSV_RECORD_OK,
                 "Total: Account", "", "1,633.25", "3,755.50", "442", NULL);
}

/* Encodings */

static void
test_utf8_bom (void)
{
  static const char contents[] = "\xEF\xBB\xBF" "date,channel,spend\n2025-01-01,Café,5\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "bom.csv", contents, -1);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *sha256 = NULL;

  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ',');

  records = read_records (reader);
  g_assert_cmpuint (records->len, ==, 2);
  /* The byte-order mark is no part of the first header. */
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "spend", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Café", "5", NULL);

  /* The hash is of the file as stored, mark included. */
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                        strlen (contents));
  g_assert_cmpstr (mmx_csv_reader_get_sha256 (reader), ==, sha256);

  mmx_test_remove_dir (dir);
}

static const char utf16_text[] =
  "date;channel;spend\n"
  "2025-01-01;Café Ads;€ 12,50\n"
  "2025-01-02;\"Crème\n brûlée\";7\n"
  "2025-01-03;Ünïcödé;8\n";

static void
assert_utf16_records (MmxCsvReader *reader)
{
  g_autoptr(GPtrArray) records = read_records (reader);

  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "spend", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Café Ads", "€ 12,50", NULL);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK, "2025-01-02", "Crème\n brûlée", "7", NULL);
  assert_record (records, 3, 5, MMX_CSV_RECORD_OK, "2025-01-03", "Ünïcödé", "8", NULL);
}

static void
test_utf16le_bom (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GByteArray) bytes = encode (utf16_text, "UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "utf16le.csv", (const char *) bytes->data,
                                               bytes->len);

  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-16LE");
  assert_utf16_records (reader);

  mmx_test_remove_dir (dir);
}

static void
test_utf16be_bom (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GByteArray) bytes = encode (utf16_text, "UTF-16BE", "\xFE\xFF", 2);
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "utf16be.csv", (const char *) bytes->data,
                                               bytes->len);

  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-16BE");
  assert_utf16_records (reader);

  mmx_test_remove_dir (dir);
}

/* Without a byte-order mark, the zero in every other byte tells. */
static void
test_utf16_without_bom (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GByteArray) le = encode (utf16_text, "UTF-16LE", "", 0);
  g_autoptr(GByteArray) be = encode (utf16_text, "UTF-16BE", "", 0);
  g_autoptr(MmxCsvReader) le_reader = open_bytes (dir, "le.csv", (const char *) le->data, le->len);
  g_autoptr(MmxCsvReader) be_reader = open_bytes (dir, "be.csv", (const char *) be->data, be->len);

  g_assert_cmpstr (mmx_csv_reader_get_encoding (le_reader), ==, "UTF-16LE");
  assert_utf16_records (le_reader);
  g_assert_cmpstr (mmx_csv_reader_get_encoding (be_reader), ==, "UTF-16BE");
  assert_utf16_records (be_reader);

  mmx_test_remove_dir (dir);
}

/* Excel on Windows saves "CSV" in the ANSI code page: "€" is 0x80 there,
 * "é" 0xE9, neither valid UTF-8. */
static void
test_windows_1252 (void)
{
  static const char contents[] =
    "date,channel,spend\r\n"
    "2025-01-01,Caf\xE9 Ads,\x80 12.50\r\n"
    "2025-01-02,Cr\xE8me,\x80" "7\r\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "ansi.csv", contents, -1);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");

  records = read_records (reader);
  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Café Ads", "€ 12.50", NULL);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK, "2025-01-02", "Crème", "€7", NULL);

  mmx_test_remove_dir (dir);
}

/* The encoding is guessed from the first 64 KiB: a character cut by that
 * boundary must not make a UTF-8 file pass for Windows-1252. */
static void
test_utf8_character_across_sniff_boundary (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GString) contents = g_string_new ("date,channel,spend\n");
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const Record *last;

  while (contents->len < CHUNK - 40)
    g_string_append (contents, "2025-01-01,Plain,1\n");
  g_string_append (contents, "2025-01-02,");
  while (contents->len < CHUNK - 1)
    g_string_append_c (contents, 'x');
  /* "€" is three bytes: the first is the chunk's last. */
  g_string_append (contents, "€,2\n");
  g_assert_cmpuint ((guchar) contents->str[CHUNK - 1], ==, 0xE2);

  reader = open_bytes (dir, "boundary.csv", contents->str, contents->len);
  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-8");

  records = read_records (reader);
  last = get_record (records, records->len - 1);
  g_assert_cmpuint (g_strv_length (last->fields), ==, 3);
  g_assert_true (g_str_has_suffix (last->fields[1], "xx€"));
  g_assert_cmpstr (last->fields[2], ==, "2");

  mmx_test_remove_dir (dir);
}

/* Line ends */

static void
test_crlf (void)
{
  static const char contents[] =
    "date,channel,spend\r\n"
    "2025-01-01,Facebook Ads,1\r\n"
    "\r\n"
    "2025-01-02,\"Two\r\nlines\",2\r\n"
    "2025-01-03,Google Ads,3\r\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "crlf.csv", contents, -1);
  g_autoptr(GPtrArray) records = read_records (reader);

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "spend", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Facebook Ads", "1", NULL);
  g_assert_cmpuint (get_record (records, 2)->line, ==, 4);
  g_assert_cmpstr (get_record (records, 2)->fields[0], ==, "2025-01-02");
  g_assert_true (g_str_has_prefix (get_record (records, 2)->fields[1], "Two"));
  g_assert_true (g_str_has_suffix (get_record (records, 2)->fields[1], "\nlines"));
  g_assert_cmpstr (get_record (records, 2)->fields[2], ==, "2");
  assert_record (records, 3, 6, MMX_CSV_RECORD_OK, "2025-01-03", "Google Ads", "3", NULL);

  mmx_test_remove_dir (dir);
}

/* Old Mac files end lines with a lone carriage return. */
static void
test_cr_only (void)
{
  static const char contents[] =
    "date,channel,spend\r"
    "2025-01-01,Facebook Ads,1\r"
    "\r"
    "2025-01-02,\"Two\rlines\",2\r"
    "2025-01-03,Google Ads,3\r";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "cr.csv", contents, -1);
  g_autoptr(GPtrArray) records = read_records (reader);

  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "spend", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Facebook Ads", "1", NULL);
  assert_record (records, 2, 4, MMX_CSV_RECORD_OK, "2025-01-02", "Two\rlines", "2", NULL);
  assert_record (records, 3, 6, MMX_CSV_RECORD_OK, "2025-01-03", "Google Ads", "3", NULL);

  mmx_test_remove_dir (dir);
}

static void
test_no_final_newline (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "short.csv",
                                               "date,spend\n2025-01-01,5\n2025-01-02,6", -1);
  g_autoptr(GPtrArray) records = read_records (reader);

  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK, "2025-01-02", "6", NULL);

  mmx_test_remove_dir (dir);
}

/* Records and lines */

/* Line numbers are those an editor shows: the header is line 1, blank
 * lines count, and a record spanning lines is numbered by its first. */
static void
test_line_numbers (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("quoted.csv");
  g_autoptr(GPtrArray) records = read_records (reader);

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "note", "spend", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK,
                 "2025-03-01", "Facebook Ads", "says \"hello\", twice", "10", NULL);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK,
                 "2025-03-02", "Google Ads", "line one\nline two\nline three", "20", NULL);
  assert_record (records, 3, 7, MMX_CSV_RECORD_OK, "2025-03-03", "TikTok, Ads", "", "30", NULL);
}

static void
test_trimming (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  reader = open_bytes (dir, "spaces.csv",
                       "  date , channel ,spend  \n"
                       "  2025-01-01 ,\t Facebook Ads\t,  12 \n"
                       "2025-01-02,   ,  \n", -1);
  records = read_records (reader);

  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "spend", NULL);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Facebook Ads", "12", NULL);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK, "2025-01-02", "", "", NULL);

  mmx_test_remove_dir (dir);
}

/* Empty lines, lines of spaces and lines of bare delimiters (what a
 * spreadsheet writes for an empty row) are no records, but still lines. */
static void
test_blank_records_skipped (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  reader = open_bytes (dir, "blank.csv",
                       "\n"
                       "date,channel,spend\n"
                       "\n"
                       "   \n"
                       "2025-01-01,Facebook Ads,1\n"
                       ",,\n"
                       " , ,\t\n"
                       "2025-01-02,Google Ads,2\n"
                       "\n"
                       "\n", -1);
  records = read_records (reader);

  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 0, 2, MMX_CSV_RECORD_OK, "date", "channel", "spend", NULL);
  assert_record (records, 1, 5, MMX_CSV_RECORD_OK, "2025-01-01", "Facebook Ads", "1", NULL);
  assert_record (records, 2, 8, MMX_CSV_RECORD_OK, "2025-01-02", "Google Ads", "2", NULL);

  mmx_test_remove_dir (dir);
}

/* Problems */

static void
test_misplaced_quote (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("misplaced-quote.csv");
  g_autoptr(GPtrArray) records = read_records (reader);
  const Record *record;

  g_assert_cmpuint (records->len, ==, 5);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Facebook Ads", "10", "20", NULL);

  /* A quote inside an unquoted value: the rest of the line is lost. */
  record = get_record (records, 2);
  g_assert_cmpuint (record->line, ==, 3);
  g_assert_cmpint (record->problem, ==, MMX_CSV_RECORD_MISPLACED_QUOTE);
  g_assert_cmpstr (record->fields[0], ==, "2025-01-02");

  /* Text after a closing quote. */
  record = get_record (records, 3);
  g_assert_cmpuint (record->line, ==, 4);
  g_assert_cmpint (record->problem, ==, MMX_CSV_RECORD_MISPLACED_QUOTE);
  g_assert_cmpstr (record->fields[0], ==, "2025-01-03");

  /* Reading goes on with the next line, whole. */
  assert_record (records, 4, 5, MMX_CSV_RECORD_OK, "2025-01-04", "Google Ads", "13", "23", NULL);
}

/* A misplaced quote in the first field of a line, and on a last line
 * without a line end. */
static void
test_misplaced_quote_edges (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  reader = open_bytes (dir, "edges.csv",
                       "date,channel,spend\n"
                       "2025\"01\"01,A,1\n"
                       "2025-01-02,B,2\n"
                       "2025-01-03,C\"\"x,3", -1);
  records = read_records (reader);

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpuint (get_record (records, 1)->line, ==, 2);
  g_assert_cmpint (get_record (records, 1)->problem, ==, MMX_CSV_RECORD_MISPLACED_QUOTE);
  g_assert_cmpuint (g_strv_length (get_record (records, 1)->fields), >=, 1);
  assert_record (records, 2, 3, MMX_CSV_RECORD_OK, "2025-01-02", "B", "2", NULL);
  g_assert_cmpuint (get_record (records, 3)->line, ==, 4);
  g_assert_cmpint (get_record (records, 3)->problem, ==, MMX_CSV_RECORD_MISPLACED_QUOTE);
  g_assert_cmpstr (get_record (records, 3)->fields[0], ==, "2025-01-03");

  mmx_test_remove_dir (dir);
}

/* Text after the closing quote of a value that spans lines: the record
 * is still numbered by the line it starts on. */
static void
test_misplaced_quote_after_multiline (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  reader = open_bytes (dir, "multiline.csv",
                       "date,note,spend\n"
                       "2025-01-01,\"one\ntwo\"x,1\n"
                       "2025-01-02,fine,2\n", -1);
  records = read_records (reader);

  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpint (get_record (records, 1)->problem, ==, MMX_CSV_RECORD_MISPLACED_QUOTE);
  g_assert_cmpstr (get_record (records, 1)->fields[0], ==, "2025-01-01");
  g_assert_cmpuint (get_record (records, 1)->line, ==, 2);
  assert_record (records, 2, 4, MMX_CSV_RECORD_OK, "2025-01-02", "fine", "2", NULL);

  mmx_test_remove_dir (dir);
}

/* An opening quote never closed swallows the rest of the file into one
 * value; the record says so, numbered by the line it starts on. */
static void
test_unclosed_quote (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("unclosed-quote.csv");
  g_autoptr(GPtrArray) records = read_records (reader);
  const Record *record;

  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 1, 2, MMX_CSV_RECORD_OK, "2025-01-01", "Facebook Ads", "10", "20", NULL);

  record = get_record (records, 2);
  g_assert_cmpuint (record->line, ==, 3);
  g_assert_cmpint (record->problem, ==, MMX_CSV_RECORD_UNCLOSED_QUOTE);
  g_assert_cmpuint (g_strv_length (record->fields), ==, 2);
  g_assert_cmpstr (record->fields[0], ==, "2025-01-02");
  g_assert_true (g_str_has_prefix (record->fields[1], "Google Ads,11,21\n2025-01-03,TikTok Ads"));
}

/* An unclosed quote near the top of a big file would make a record as
 * large as the file: the reader stops at 16 MB instead. */
static void
test_field_too_long (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GString) contents = g_string_sized_new (17 * 1024 * 1024 + 1024);
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_autoptr(GError) error = NULL;
  char line[100];

  memset (line, 'a', sizeof line - 1);
  line[sizeof line - 1] = '\n';
  g_string_append (contents, "date,note\n2025-01-01,\"");
  while (contents->len < 17 * 1024 * 1024)
    g_string_append_len (contents, line, sizeof line);
  g_string_append (contents, "\"\n");

  reader = open_bytes (dir, "huge.csv", contents->str, contents->len);
  g_assert_false (mmx_csv_reader_foreach (reader, collect_cb, records, NULL, &error));
  g_assert_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_FIELD_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "16 MB"));
  /* The header came through before the reader gave up. */
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_null (mmx_csv_reader_get_sha256 (reader));

  mmx_test_remove_dir (dir);
}

/* Files that are no CSV */

static void
test_spreadsheet_workbook (void)
{
  static const char xlsx[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
  static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *message = NULL;
  g_autofree char *message_xls = NULL;

  /* Detected from the bytes, whatever the file is called. */
  message = open_bytes_error (dir, "spend-report.csv", xlsx, sizeof xlsx - 1,
                              MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (message, "spend-report.csv"));
  g_assert_nonnull (strstr (message, "workbook"));

  message_xls = open_bytes_error (dir, "old.xls", xls, sizeof xls - 1,
                                  MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (message_xls, "old.xls"));
  g_assert_nonnull (strstr (message_xls, "workbook"));

  mmx_test_remove_dir (dir);
}

static void
test_binary (void)
{
  /* The start of a PNG: zero bytes at odd and even offsets. */
  static const char png[] = "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x01\x00\x00\x00"
                            "\x01\x00\x08\x06\x00\x00\x00\x5C\x72\xA8\x66";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *message = NULL;

  message = open_bytes_error (dir, "chart.png", png, sizeof png - 1,
                              MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (message, "chart.png"));
  g_assert_nonnull (strstr (message, "not a text file"));

  mmx_test_remove_dir (dir);
}

static void
test_empty (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "empty.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxCsvReader) reader = mmx_csv_reader_new (file, NULL, &error);
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *blank = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *utf16_bom = NULL;

  g_assert_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY);
  g_assert_null (reader);
  g_assert_nonnull (strstr (error->message, "empty.csv"));

  /* Only line ends and spaces, or only a byte-order mark, is empty too. */
  blank = open_bytes_error (dir, "blank.csv", "\n\r\n   \n\t\n", -1,
                            MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (blank, "blank.csv"));
  bom = open_bytes_error (dir, "bom-only.csv", "\xEF\xBB\xBF", 3,
                          MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (bom, "bom-only.csv"));
  utf16_bom = open_bytes_error (dir, "utf16-bom-only.csv", "\xFF\xFE\n\x00", 4,
                                MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (utf16_bom, "utf16-bom-only.csv"));

  mmx_test_remove_dir (dir);
}

/* A UTF-16 file broken beyond the sniffed head: a lone high surrogate
 * where text should go on. */
static void
test_invalid_utf16 (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GString) text = g_string_new ("date,spend\n");
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_autoptr(GError) error = NULL;

  while (text->len < CHUNK)
    g_string_append (text, "2025-01-01,1\n");
  bytes = encode (text->str, "UTF-16LE", "\xFF\xFE", 2);
  g_byte_array_append (bytes, (const guint8 *) "\x00\xD8" "1\x00,\x00" "2\x00\n\x00", 10);

  reader = open_bytes (dir, "broken-utf16.csv", (const char *) bytes->data, bytes->len);
  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-16LE");
  g_assert_false (mmx_csv_reader_foreach (reader, collect_cb, records, NULL, &error));
  g_assert_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "UTF-16LE"));
  g_assert_null (mmx_csv_reader_get_sha256 (reader));

  mmx_test_remove_dir (dir);
}

static void
test_not_a_file (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) nothing = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxCsvReader) reader = NULL;

  reader = mmx_csv_reader_new (folder, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (reader);
  g_clear_error (&error);

  reader = mmx_csv_reader_new (nothing, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (reader);

  mmx_test_remove_dir (dir);
}

/* Passes */

static void
test_sha256_and_size (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "quoted.csv", NULL);
  g_autoptr(MmxCsvReader) reader = open_path (path);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  g_assert_cmpint (mmx_csv_reader_get_size (reader), ==, length);
  /* Only a complete pass knows the hash. */
  g_assert_null (mmx_csv_reader_get_sha256 (reader));

  first = read_records (reader);
  g_assert_cmpstr (mmx_csv_reader_get_sha256 (reader), ==, expected);
  g_assert_cmpint (mmx_csv_reader_get_bytes_read (reader), ==, length);

  /* Each pass starts again from the top. */
  second = read_records (reader);
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    {
      const Record *a = get_record (first, i);
      const Record *b = get_record (second, i);

      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_true (g_strv_equal ((const char * const *) a->fields,
                                   (const char * const *) b->fields));
    }
  g_assert_cmpstr (mmx_csv_reader_get_sha256 (reader), ==, expected);
}

static void
test_get_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "comma.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxCsvReader) reader = mmx_csv_reader_new (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (mmx_csv_reader_get_file (reader) == file);
}

typedef struct
{
  guint    seen;
  guint    stop_after;
  gboolean fail;
} StopState;

static gboolean
stop_cb (const MmxCsvRecord  *record,
         gpointer             user_data,
         GError             **error)
{
  StopState *state = user_data;

  state->seen++;
  g_assert_cmpuint (state->seen, <=, state->stop_after);
  if (state->seen < state->stop_after)
    return TRUE;
  if (state->fail)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Stopped on line %u", record->line);
  return FALSE;
}

/* Returning FALSE without an error ends the pass quietly: the file is
 * not done, so it has no hash. */
static void
test_stop_early (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("comma.csv");
  g_autoptr(GError) error = NULL;
  StopState state = { 0, 2, FALSE };

  g_assert_true (mmx_csv_reader_foreach (reader, stop_cb, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.seen, ==, 2);
  g_assert_null (mmx_csv_reader_get_sha256 (reader));
}

static void
test_stop_with_error (void)
{
  g_autoptr(MmxCsvReader) reader = open_fixture ("comma.csv");
  g_autoptr(GError) error = NULL;
  StopState state = { 0, 3, TRUE };

  g_assert_false (mmx_csv_reader_foreach (reader, stop_cb, &state, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "Stopped on line 3");
  g_assert_cmpuint (state.seen, ==, 3);
  g_assert_null (mmx_csv_reader_get_sha256 (reader));
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MmxCsvReader) reader = open_fixture ("comma.csv");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "comma.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MmxCsvReader) not_opened = NULL;

  g_cancellable_cancel (cancellable);

  g_assert_false (mmx_csv_reader_foreach (reader, collect_cb, records, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (records->len, ==, 0);
  g_assert_null (mmx_csv_reader_get_sha256 (reader));
  g_clear_error (&error);

  not_opened = mmx_csv_reader_new (file, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (not_opened);
}

/* A big file: every record, with every line number right, across chunk
 * boundaries, quoted line breaks and blank lines. Returns the expected
 * line of each data record in @out_lines. */
static GString *
make_big_file (guint    n_rows,
               GArray **out_lines)
{
  GString *contents = g_string_new ("date,channel,note,spend\n");
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint line = 2;

  for (guint i = 0; i < n_rows; i++)
    {
      if (i % 50 == 49)
        {
          g_string_append (contents, "\n");
          line++;
        }
      g_array_append_val (lines, line);
      if (i % 97 == 0)
        {
          g_string_append_printf (contents, "2025-01-01,Channel %u,\"first\nsecond, é\n€\",%u\n",
                                  i, i);
          line += 3;
        }
      else
        {
          g_string_append_printf (contents, "2025-01-01,Channel %u,plain 😀 note,%u\n", i, i);
          line++;
        }
    }
  *out_lines = lines;
  return contents;
}

static void
assert_big_records (GPtrArray *records,
                    GArray    *lines)
{
  g_assert_cmpuint (records->len, ==, lines->len + 1);
  assert_record (records, 0, 1, MMX_CSV_RECORD_OK, "date", "channel", "note", "spend", NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      const Record *record = get_record (records, i + 1);
      g_autofree char *channel = g_strdup_printf ("Channel %u", i);
      g_autofree char *spend = g_strdup_printf ("%u", i);

      g_assert_cmpuint (record->line, ==, g_array_index (lines, guint, i));
      g_assert_cmpint (record->problem, ==, MMX_CSV_RECORD_OK);
      g_assert_cmpuint (g_strv_length (record->fields), ==, 4);
      g_assert_cmpstr (record->fields[1], ==, channel);
      g_assert_cmpstr (record->fields[2], ==, i % 97 == 0 ? "first\nsecond, é\n€" : "plain 😀 note");
      g_assert_cmpstr (record->fields[3], ==, spend);
    }
}

static void
test_large_file (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) contents = make_big_file (8000, &lines);
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (contents->len, >, 4 * CHUNK);
  reader = open_bytes (dir, "big.csv", contents->str, contents->len);
  g_assert_cmpint (mmx_csv_reader_get_size (reader), ==, contents->len);

  records = read_records (reader);
  assert_big_records (records, lines);

  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents->str,
                                          contents->len);
  g_assert_cmpstr (mmx_csv_reader_get_sha256 (reader), ==, expected);
  g_assert_cmpint (mmx_csv_reader_get_bytes_read (reader), ==, contents->len);

  mmx_test_remove_dir (dir);
}

/* @contents in UTF-16LE with a byte-order mark, padded after the first
 * header until a surrogate pair (an emoji) straddles byte @boundary. */
static GByteArray *
encode_split_surrogate (GString *contents,
                        gsize    boundary)
{
  GByteArray *bytes = NULL;

  for (guint pad = 0; pad < 256; pad++)
    {
      bytes = encode (contents->str, "UTF-16LE", "\xFF\xFE", 2);
      g_assert_cmpuint (bytes->len, >, boundary);
      if (bytes->data[boundary - 1] >= 0xD8 && bytes->data[boundary - 1] <= 0xDB)
        return bytes;
      g_byte_array_unref (bytes);
      /* Spaces after a header are trimmed away. */
      g_string_insert_c (contents, strlen ("date"), ' ');
    }
  g_assert_not_reached ();
}

/* The same in UTF-16, where text is decoded chunk by chunk: a surrogate
 * pair is cut by the boundary of the second and third chunks. */
static void
test_large_file_utf16 (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) contents = make_big_file (8000, &lines);
  g_autoptr(GByteArray) bytes = encode_split_surrogate (contents, 2 * CHUNK);
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpuint (bytes->len, >, 4 * CHUNK);
  reader = open_bytes (dir, "big16.csv", (const char *) bytes->data, bytes->len);
  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-16LE");

  records = read_records (reader);
  assert_big_records (records, lines);

  mmx_test_remove_dir (dir);
}

/* The head read to sniff the encoding and delimiter is 64 KiB: a
 * surrogate pair cut there is no reason to reject a valid file. */
static void
test_utf16_surrogate_across_sniff_boundary (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) contents = make_big_file (3000, &lines);
  g_autoptr(GByteArray) bytes = encode_split_surrogate (contents, CHUNK);
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  reader = open_bytes (dir, "emoji16.csv", (const char *) bytes->data, bytes->len);
  g_assert_cmpstr (mmx_csv_reader_get_encoding (reader), ==, "UTF-16LE");
  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ',');

  records = read_records (reader);
  assert_big_records (records, lines);

  mmx_test_remove_dir (dir);
}

/* Cancelling while reading stops at the next chunk. */
static gboolean
cancel_cb (const MmxCsvRecord  *record,
           gpointer             user_data,
           GError             **error)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
  return TRUE;
}

static void
test_cancelled_while_reading (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) contents = make_big_file (8000, &lines);
  g_autoptr(MmxCsvReader) reader = open_bytes (dir, "big.csv", contents->str, contents->len);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mmx_csv_reader_foreach (reader, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (mmx_csv_reader_get_bytes_read (reader), <, contents->len);
  g_assert_null (mmx_csv_reader_get_sha256 (reader));

  mmx_test_remove_dir (dir);
}

static void
test_delimiter_ambiguous (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GError) error = NULL;

  /* A comma and a semicolon in every line, as often: either may split. */
  reader = open_bytes (dir, "both.csv", "date,channel;spend\n2025-01-06,TV;10\n2025-01-07,TV;11\n", -1);
  g_assert_true (mmx_csv_reader_get_delimiter_ambiguous (reader));
  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ',');
  mmx_csv_reader_set_delimiter (reader, ';');
  g_assert_false (mmx_csv_reader_get_delimiter_ambiguous (reader));
  head = mmx_csv_reader_read_head (reader, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (head, 0))[0], ==, "date,channel");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (head, 1))[1], ==, "10");
  g_clear_object (&reader);

  /* Semicolons with decimal commas: the header has no comma, no doubt. */
  reader = open_bytes (dir, "european.csv", "date;spend;revenue\n2025-01-06;10,5;100,25\n"
                       "2025-01-07;11,5;101,25\n", -1);
  g_assert_false (mmx_csv_reader_get_delimiter_ambiguous (reader));
  g_assert_cmpint (mmx_csv_reader_get_delimiter (reader), ==, ';');
  g_clear_object (&reader);

  /* One column: nothing to choose. */
  reader = open_bytes (dir, "one.csv", "date\n2025-01-06\n", -1);
  g_assert_false (mmx_csv_reader_get_delimiter_ambiguous (reader));
  mmx_test_remove_dir (dir);
}

static void
test_read_head (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GError) error = NULL;
  GStrv record;

  /* Title lines and the header come as they are; semicolons split. */
  reader = open_bytes (dir, "report.csv",
                       "Campaign report\r\n\r\nTag;Kosten;Umsatz\r\n2025-01-06;10,5;\"1.200,00\"\r\n"
                       "2025-01-07;11;1300\r\n2025-01-08;12;1400\r\n", -1);
  head = mmx_csv_reader_read_head (reader, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 3);
  record = g_ptr_array_index (head, 0);
  g_assert_cmpuint (g_strv_length (record), ==, 1);
  g_assert_cmpstr (record[0], ==, "Campaign report");
  record = g_ptr_array_index (head, 1);
  g_assert_cmpuint (g_strv_length (record), ==, 3);
  g_assert_cmpstr (record[1], ==, "Kosten");
  record = g_ptr_array_index (head, 2);
  g_assert_cmpstr (record[2], ==, "1.200,00");
  g_clear_pointer (&head, g_ptr_array_unref);

  /* Fewer records than asked for: all of them. */
  head = mmx_csv_reader_read_head (reader, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 5);
  g_clear_pointer (&head, g_ptr_array_unref);

  mmx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/csv/delimiter/comma", test_delimiter_comma);
  g_test_add_func ("/mmx/core/csv/delimiter/semicolon", test_delimiter_semicolon);
  g_test_add_func ("/mmx/core/csv/delimiter/tab", test_delimiter_tab);
  g_test_add_func ("/mmx/core/csv/delimiter/bar", test_delimiter_bar);
  g_test_add_func ("/mmx/core/csv/delimiter/ignores-quoted", test_delimiter_ignores_quoted);
  g_test_add_func ("/mmx/core/csv/delimiter/title-lines", test_delimiter_with_title_lines);
  g_test_add_func ("/mmx/core/csv/encoding/utf8-bom", test_utf8_bom);
  g_test_add_func ("/mmx/core/csv/encoding/utf16le-bom", test_utf16le_bom);
  g_test_add_func ("/mmx/core/csv/encoding/utf16be-bom", test_utf16be_bom);
  g_test_add_func ("/mmx/core/csv/encoding/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/mmx/core/csv/encoding/windows-1252", test_windows_1252);
  g_test_add_func ("/mmx/core/csv/encoding/utf8-across-sniff-boundary",
                   test_utf8_character_across_sniff_boundary);
  g_test_add_func ("/mmx/core/csv/encoding/utf16-surrogate-across-sniff-boundary",
                   test_utf16_surrogate_across_sniff_boundary);
  g_test_add_func ("/mmx/core/csv/encoding/invalid-utf16", test_invalid_utf16);
  g_test_add_func ("/mmx/core/csv/line-ends/crlf", test_crlf);
  g_test_add_func ("/mmx/core/csv/line-ends/cr-only", test_cr_only);
  g_test_add_func ("/mmx/core/csv/line-ends/no-final-newline", test_no_final_newline);
  g_test_add_func ("/mmx/core/csv/line-numbers", test_line_numbers);
  g_test_add_func ("/mmx/core/csv/trimming", test_trimming);
  g_test_add_func ("/mmx/core/csv/blank-records", test_blank_records_skipped);
  g_test_add_func ("/mmx/core/csv/misplaced-quote", test_misplaced_quote);
  g_test_add_func ("/mmx/core/csv/misplaced-quote-edges", test_misplaced_quote_edges);
  g_test_add_func ("/mmx/core/csv/misplaced-quote-after-multiline",
                   test_misplaced_quote_after_multiline);
  g_test_add_func ("/mmx/core/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/mmx/core/csv/field-too-long", test_field_too_long);
  g_test_add_func ("/mmx/core/csv/not-csv/workbook", test_spreadsheet_workbook);
  g_test_add_func ("/mmx/core/csv/not-csv/binary", test_binary);
  g_test_add_func ("/mmx/core/csv/not-csv/empty", test_empty);
  g_test_add_func ("/mmx/core/csv/not-csv/not-a-file", test_not_a_file);
  g_test_add_func ("/mmx/core/csv/sha256", test_sha256_and_size);
  g_test_add_func ("/mmx/core/csv/get-file", test_get_file);
  g_test_add_func ("/mmx/core/csv/stop-early", test_stop_early);
  g_test_add_func ("/mmx/core/csv/stop-with-error", test_stop_with_error);
  g_test_add_func ("/mmx/core/csv/cancelled", test_cancelled);
  g_test_add_func ("/mmx/core/csv/cancelled-while-reading", test_cancelled_while_reading);
  g_test_add_func ("/mmx/core/csv/read-head", test_read_head);
  g_test_add_func ("/mmx/core/csv/delimiter-ambiguous", test_delimiter_ambiguous);
  g_test_add_func ("/mmx/core/csv/large-file", test_large_file);
  g_test_add_func ("/mmx/core/csv/large-file-utf16", test_large_file_utf16);

  return g_test_run ();
}
