/* test-import.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "mmx-csv-reader.h"
#include "mmx-import.h"
#include "mmx-json.h"
#include "mmx-test-utils.h"

/* Every test imports into a database of its own, then reads the tables
 * back with SQL: what the importer says it did (the summary) must be what
 * it did (the rows). */

/* Helpers */

static MmxImportSummary *
import_ok (MmxStore         *store,
           const char       *dir,
           const char       *name,
           const char       *contents,
           MmxColumnMapping *mapping)
{
  g_autoptr(GError) error = NULL;
  MmxImportSummary *summary = mmx_test_import_text (store, dir, name, contents, mapping, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* The import of @contents must fail; returns the error. */
static GError *
import_error (MmxStore         *store,
              const char       *dir,
              const char       *name,
              const char       *contents,
              gssize            length,
              MmxColumnMapping *mapping)
{
  g_autofree char *path = mmx_test_write_file (dir, name, contents, length);
  g_autoptr(MmxImportSummary) summary = NULL;
  GError *error = NULL;

  summary = mmx_test_import_file (store, path, mapping, &error);
  g_assert_null (summary);
  g_assert_nonnull (error);
  return error;
}

static MmxImportSummary *
import_fixture (MmxStore         *store,
                const char       *name,
                MmxColumnMapping *mapping)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GError) error = NULL;
  MmxImportSummary *summary = mmx_test_import_file (store, path, mapping, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* Plans an import of @contents without running it. */
static MmxImport *
open_import (MmxStore         *store,
             const char       *dir,
             const char       *name,
             const char       *contents,
             MmxColumnMapping *mapping)
{
  g_autofree char *path = mmx_test_write_file (dir, name, contents, -1);
  g_autoptr(GError) error = NULL;
  MmxImport *import = mmx_test_open_import (store, path, mapping, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static gint64 query_int (MmxStore   *store,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (MmxStore   *store,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return mmx_test_query_int (store, sql);
}

static double query_double (MmxStore   *store,
                            const char *format,
                            ...) G_GNUC_PRINTF (2, 3);

static double
query_double (MmxStore   *store,
              const char *format,
              ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return mmx_test_query_double (store, sql);
}

#define METRIC_WHERE \
  "FROM metric m JOIN channel c ON c.id = m.channel_id " \
  "WHERE c.name = '%s' AND m.date = '%s' AND m.geo = '%s'"

/* One stored value, which must be there and known. */
static double
metric_in_geo (MmxStore   *store,
               const char *column,
               const char *channel,
               const char *date,
               const char *geo)
{
  g_assert_cmpint (query_int (store, "SELECT count(*) " METRIC_WHERE " AND m.%s IS NOT NULL",
                              channel, date, geo, column), ==, 1);
  return query_double (store, "SELECT m.%s " METRIC_WHERE, column, channel, date, geo);
}

static double
metric (MmxStore   *store,
        const char *column,
        const char *channel,
        const char *date)
{
  return metric_in_geo (store, column, channel, date, "");
}

/* Whether the row is stored with @column unknown. */
static gboolean
metric_is_null (MmxStore   *store,
                const char *column,
                const char *channel,
                const char *date)
{
  g_assert_cmpint (query_int (store, "SELECT count(*) " METRIC_WHERE, channel, date, ""), ==, 1);
  return query_int (store, "SELECT m.%s IS NULL " METRIC_WHERE, column, channel, date, "") == 1;
}

static double
control (MmxStore   *store,
         const char *name,
         const char *date)
{
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM control WHERE name = '%s' "
                                     "AND date = '%s'", name, date), ==, 1);
  return query_double (store, "SELECT value FROM control WHERE name = '%s' AND date = '%s'",
                       name, date);
}

static gint64
count_rows (MmxStore   *store,
            const char *table)
{
  return query_int (store, "SELECT count(*) FROM %s", table);
}

/* Everything an import may change, as text, to compare before and after. */
static char *
snapshot (MmxStore *store)
{
  return mmx_test_query_text (store,
    "SELECT"
    " (SELECT ifnull (group_concat (r, ';'), '') FROM"
    "   (SELECT date || ',' || geo || ',' || channel_id || ',' || ifnull (spend, 'n') || ','"
    "      || ifnull (revenue, 'n') || ',' || ifnull (impressions, 'n') || ','"
    "      || ifnull (clicks, 'n') || ',' || ifnull (conversions, 'n') || ','"
    "      || ifnull (new_customers, 'n') || ',' || ifnull (returning_customers, 'n') || ','"
    "      || import_id AS r FROM metric ORDER BY date, geo, channel_id))"
    " || '|' || (SELECT ifnull (group_concat (r, ';'), '') FROM"
    "   (SELECT id || ',' || key || ',' || name || ',' || kind AS r FROM channel ORDER BY id))"
    " || '|' || (SELECT ifnull (group_concat (r, ';'), '') FROM"
    "   (SELECT date || ',' || geo || ',' || name || ',' || value || ',' || import_id AS r"
    "    FROM control ORDER BY date, geo, name))"
    " || '|' || (SELECT ifnull (group_concat (r, ';'), '') FROM"
    "   (SELECT id || ',' || file || ',' || inserted AS r FROM import_log ORDER BY id))"
    " || '|' || (SELECT ifnull (group_concat (r, ';'), '') FROM"
    "   (SELECT key || ',' || value AS r FROM setting ORDER BY key))");
}

/* The stored metrics without the import that wrote them. */
static char *
metric_values (MmxStore *store)
{
  return mmx_test_query_text (store,
    "SELECT ifnull (group_concat (r, ';'), '') FROM"
    " (SELECT date || ',' || geo || ',' || channel_id || ',' || ifnull (spend, 'n') || ','"
    "    || ifnull (revenue, 'n') || ',' || ifnull (impressions, 'n') || ','"
    "    || ifnull (clicks, 'n') || ',' || ifnull (conversions, 'n') || ','"
    "    || ifnull (new_customers, 'n') || ',' || ifnull (returning_customers, 'n') AS r"
    "  FROM metric ORDER BY date, geo, channel_id)");
}

static void
assert_strv (const char * const *actual,
             ...) G_GNUC_NULL_TERMINATED;

static void
assert_strv (const char * const *actual,
             ...)
{
  const char *expected;
  va_list args;
  guint i = 0;

  g_assert_nonnull (actual);
  va_start (args, actual);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpstr (actual[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_cmpstr (actual[i], ==, NULL);
}

static gboolean
strv_has_substring (const char * const *strv,
                    const char         *needle)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (strstr (strv[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* The roles of all columns, as MmxField values ending with -1. */
static void
assert_roles (MmxImport *import,
              ...)
{
  va_list args;
  int field;
  guint i = 0;

  va_start (args, import);
  while ((field = va_arg (args, int)) >= 0)
    {
      g_assert_cmpuint (i, <, mmx_import_get_n_columns (import));
      g_assert_cmpint (mmx_import_get_column_role (import, i)->field, ==, field);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (mmx_import_get_n_columns (import), ==, i);
}

static void
assert_issue (MmxImportSummary *summary,
              guint             row,
              const char       *column,
              const char       *fragment)
{
  const MmxImportIssue *issue = mmx_test_find_issue (summary, row);

  if (issue == NULL)
    g_error ("No issue reported on row %u", row);
  g_assert_cmpstr (issue->column, ==, column);
  if (strstr (issue->message, fragment) == NULL)
    g_error ("The issue of row %u, “%s”, does not say “%s”", row, issue->message, fragment);
  /* A sentence. */
  g_assert_true (g_ascii_isupper (issue->message[0]) || !g_ascii_isalpha (issue->message[0]));
  g_assert_true (g_str_has_suffix (issue->message, "."));
}

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

/* Shapes */

static const char long_csv[] =
  "date,channel,spend,revenue,impressions,clicks,conversions,new_customers,returning_customers\n"
  "2025-01-01,Facebook Ads,100.5,250,10000,300,12,8,4\n"
  "2025-01-01,Google Ads,80,190.25,5000,150,9,5,4\n"
  "2025-01-02,Facebook Ads,110,260,11000,310,13,9,4\n"
  "2025-01-02,Google Ads,85,200,5200,160,10,6,4\n"
  "2025-01-03,Facebook Ads,0,0,0,0,0,0,0\n"
  "2025-01-03,Google Ads,90,,,,,,\n";

static void
test_long (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = import_ok (store, dir, "long.csv", long_csv, NULL);
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         (const guchar *) long_csv,
                                                         strlen (long_csv));
  g_autoptr(GError) error = NULL;
  gint64 import_id;

  g_assert_cmpstr (summary->file, ==, "long.csv");
  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_LONG);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpint (summary->delimiter, ==, ',');
  g_assert_cmpstr (summary->encoding, ==, "UTF-8");
  g_assert_cmpint (summary->date_format, ==, MMX_DATE_FORMAT_ISO);
  g_assert_cmpuint (summary->header_row, ==, 1);
  g_assert_null (summary->mapping_name);
  g_assert_cmpuint (summary->inserted, ==, 6);
  g_assert_cmpuint (summary->updated, ==, 0);
  g_assert_cmpuint (summary->merged, ==, 0);
  g_assert_cmpuint (summary->skipped, ==, 0);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpuint (summary->n_issues, ==, 0);
  g_assert_cmpuint (mmx_import_summary_get_imported (summary), ==, 6);
  g_assert_cmpstr (summary->first_date, ==, "2025-01-01");
  g_assert_cmpstr (summary->last_date, ==, "2025-01-03");
  assert_strv ((const char * const *) summary->channels, "Facebook Ads", "Google Ads", NULL);
  assert_strv ((const char * const *) summary->ignored_columns, NULL);

  g_assert_cmpint (count_rows (store, "metric"), ==, 6);
  g_assert_cmpfloat_with_epsilon (metric (store, "spend", "Facebook Ads", "2025-01-01"), 100.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (metric (store, "revenue", "Google Ads", "2025-01-01"), 190.25, 1e-9);
  g_assert_cmpfloat (metric (store, "impressions", "Facebook Ads", "2025-01-02"), ==, 11000);
  g_assert_cmpfloat (metric (store, "clicks", "Google Ads", "2025-01-02"), ==, 160);
  g_assert_cmpfloat (metric (store, "conversions", "Facebook Ads", "2025-01-02"), ==, 13);
  g_assert_cmpfloat (metric (store, "new_customers", "Google Ads", "2025-01-02"), ==, 6);
  g_assert_cmpfloat (metric (store, "returning_customers", "Google Ads", "2025-01-02"), ==, 4);
  /* Zero is a value; an empty cell is unknown. */
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-03"), ==, 0);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-03"), ==, 90);
  g_assert_true (metric_is_null (store, "revenue", "Google Ads", "2025-01-03"));
  g_assert_true (metric_is_null (store, "clicks", "Google Ads", "2025-01-03"));
  g_assert_cmpfloat_with_epsilon (mmx_test_query_double (store, "SELECT sum (spend) FROM metric"),
                                  465.5, 1e-9);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM metric WHERE geo <> ''"), ==, 0);

  /* The history has the import, and every row points to it. */
  g_assert_cmpint (count_rows (store, "import_log"), ==, 1);
  import_id = mmx_test_query_int (store, "SELECT id FROM import_log");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM metric WHERE import_id = %"
                                     G_GINT64_FORMAT, import_id), ==, 6);
  {
    g_autofree char *file = mmx_test_query_text (store, "SELECT file FROM import_log");
    g_autofree char *hash = mmx_test_query_text (store, "SELECT sha256 FROM import_log");
    g_autofree char *shape = mmx_test_query_text (store, "SELECT shape FROM import_log");
    g_autofree char *granularity = mmx_test_query_text (store,
                                                        "SELECT granularity FROM import_log");

    g_assert_cmpstr (file, ==, "long.csv");
    g_assert_cmpstr (hash, ==, sha256);
    g_assert_cmpstr (shape, ==, "long");
    g_assert_cmpstr (granularity, ==, "daily");
  }
  g_assert_cmpint (mmx_test_query_int (store, "SELECT inserted FROM import_log"), ==, 6);
  g_assert_cmpint (mmx_store_get_granularity (store, &error), ==, MMX_GRANULARITY_DAILY);
  g_assert_no_error (error);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* A wide file's revenue belongs to no channel: it goes to "Unattributed",
 * the channel of kind 'total', and the channels' rows carry spend only. */
static void
test_wide (void)
{
  static const char wide_csv[] =
    "date,revenue,spend_facebook,spend_google\n"
    "2025-01-06,1000,100,50\n"
    "2025-01-07,1100,110,55\n"
    "2025-01-08,900,120,60\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = import_ok (store, dir, "wide.csv", wide_csv, NULL);
  g_autoptr(MmxImportSummary) again = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *values = NULL;
  g_autofree char *values_again = NULL;

  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_WIDE);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpuint (summary->inserted, ==, 3);
  g_assert_cmpuint (summary->rejected, ==, 0);
  assert_strv ((const char * const *) summary->channels, "Facebook Ads", "Google Ads", NULL);

  g_assert_cmpint (count_rows (store, "metric"), ==, 9);
  kind = mmx_test_query_text (store, "SELECT kind FROM channel WHERE name = 'Unattributed'");
  g_assert_cmpstr (kind, ==, "total");
  g_assert_cmpfloat (metric (store, "revenue", "Unattributed", "2025-01-07"), ==, 1100);
  g_assert_true (metric_is_null (store, "spend", "Unattributed", "2025-01-07"));
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-07"), ==, 110);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-08"), ==, 60);
  g_assert_true (metric_is_null (store, "revenue", "Facebook Ads", "2025-01-07"));
  g_assert_true (metric_is_null (store, "revenue", "Google Ads", "2025-01-08"));
  g_assert_cmpint (mmx_test_query_int (store,
                                       "SELECT count(*) FROM metric m JOIN channel c "
                                       "ON c.id = m.channel_id WHERE c.kind = 'media' "
                                       "AND m.revenue IS NOT NULL"), ==, 0);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum (revenue) FROM metric"), ==, 3000);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum (spend) FROM metric"), ==, 495);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM channel WHERE kind = 'total'"),
                   ==, 1);

  /* Again: every row replaces its three stored rows. */
  values = metric_values (store);
  again = import_ok (store, dir, "wide.csv", wide_csv, NULL);
  g_assert_cmpuint (again->inserted, ==, 0);
  g_assert_cmpuint (again->updated, ==, 3);
  values_again = metric_values (store);
  g_assert_cmpstr (values_again, ==, values);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* A known channel's bare name, or its name beside a metric word, is that
 * channel's spend. */
static void
test_wide_channel_names (void)
{
  static const char wide_csv[] =
    "Week,Sales,TikTok,Pinterest,Facebook Spend,YouTube cost\n"
    "2025-01-06,1000,1,2,3,4\n"
    "2025-01-13,1100,5,6,7,8\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = open_import (store, dir, "names.csv", wide_csv, NULL);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mmx_import_get_shape (import), ==, MMX_IMPORT_SHAPE_WIDE);
  assert_roles (import, MMX_FIELD_DATE, MMX_FIELD_REVENUE, MMX_FIELD_SPEND, MMX_FIELD_SPEND,
                MMX_FIELD_SPEND, MMX_FIELD_SPEND, -1);

  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_WEEKLY);
  assert_strv ((const char * const *) summary->channels,
               "Facebook Ads", "Pinterest Ads", "TikTok Ads", "YouTube", NULL);
  g_assert_cmpfloat (metric (store, "spend", "TikTok Ads", "2025-01-13"), ==, 5);
  g_assert_cmpfloat (metric (store, "spend", "Pinterest Ads", "2025-01-13"), ==, 6);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-13"), ==, 7);
  g_assert_cmpfloat (metric (store, "spend", "YouTube", "2025-01-13"), ==, 8);
  g_assert_cmpfloat (metric (store, "revenue", "Unattributed", "2025-01-06"), ==, 1000);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* One platform's export has spend but no channel column. */
static const char single_channel_csv[] =
  "Day,Cost,Conv. value\n"
  "2025-01-01,10,30\n"
  "2025-01-02,12,33\n";

static void
test_single_channel_from_mapping (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxImportSummary) summary = NULL;

  mmx_column_mapping_set_channel (mapping, "tiktok");
  summary = import_ok (store, dir, "export.csv", single_channel_csv, mapping);

  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_LONG);
  g_assert_cmpuint (summary->inserted, ==, 2);
  assert_strv ((const char * const *) summary->channels, "TikTok Ads", NULL);
  g_assert_cmpfloat (metric (store, "spend", "TikTok Ads", "2025-01-02"), ==, 12);
  g_assert_cmpfloat (metric (store, "revenue", "TikTok Ads", "2025-01-02"), ==, 33);
  g_assert_cmpint (count_rows (store, "metric"), ==, 2);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_single_channel_from_file_name (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "linkedin_campaigns_2025.csv", single_channel_csv, NULL);

  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_LONG);
  assert_strv ((const char * const *) summary->channels, "LinkedIn Ads", NULL);
  g_assert_true (strv_has_substring ((const char * const *) summary->notes, "LinkedIn Ads"));
  g_assert_true (strv_has_substring ((const char * const *) summary->notes, "file name"));
  g_assert_cmpfloat (metric (store, "spend", "LinkedIn Ads", "2025-01-01"), ==, 10);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_single_channel_unknown (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(GError) error = NULL;

  error = import_error (store, dir, "export.csv", single_channel_csv, -1, NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_CHANNEL);
  g_assert_nonnull (strstr (error->message, "export.csv"));
  g_assert_nonnull (strstr (error->message, "Cost"));
  g_assert_cmpint (count_rows (store, "metric"), ==, 0);
  g_assert_cmpint (count_rows (store, "import_log"), ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Headers */

/* The names ad platforms and shops write, matched whatever their case,
 * spacing and punctuation; ratios and labels beside them are left out. */
static void
test_header_export_names (void)
{
  static const char meta_csv[] =
    "Day,Platform,Amount spent (USD),Purchase conversion value,Impr.,Link clicks,Purchases,"
    "CTR,Campaign name\n"
    "2025-01-01,FB Ads,\"1,000.00\",2500,100000,1000,25,1.0%,Spring\n"
    "2025-01-02,Meta Ads,900,2400,90000,900,24,1.0%,Spring\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) meta = open_import (store, dir, "meta.csv", meta_csv, NULL);
  g_autoptr(MmxImport) shouting = NULL;
  g_autoptr(MmxImport) shop = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  assert_roles (meta, MMX_FIELD_DATE, MMX_FIELD_CHANNEL, MMX_FIELD_SPEND, MMX_FIELD_REVENUE,
                MMX_FIELD_IMPRESSIONS, MMX_FIELD_CLICKS, MMX_FIELD_CONVERSIONS, MMX_FIELD_IGNORE,
                MMX_FIELD_IGNORE, -1);
  g_assert_cmpint (mmx_import_get_shape (meta), ==, MMX_IMPORT_SHAPE_LONG);

  shouting = open_import (store, dir, "shouting.csv",
                          " DATE , CHANNEL NAME ,  SPEND,Revenue\n2025-01-01,A,1,2\n", NULL);
  assert_roles (shouting, MMX_FIELD_DATE, MMX_FIELD_CHANNEL, MMX_FIELD_SPEND, MMX_FIELD_REVENUE,
                -1);

  shop = open_import (store, dir, "shop.csv",
                      "Campaign date,Source,Spend (EUR),Sales,Orders,Week\n"
                      "2025-01-01,Email,1,2,3,1\n", NULL);
  /* A second date column ("Week") is left out: the first one counts. */
  assert_roles (shop, MMX_FIELD_DATE, MMX_FIELD_CHANNEL, MMX_FIELD_SPEND, MMX_FIELD_REVENUE,
                MMX_FIELD_CONVERSIONS, MMX_FIELD_IGNORE, -1);

  summary = mmx_import_run (meta, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 2);
  assert_strv ((const char * const *) summary->channels, "Facebook Ads", NULL);
  assert_strv ((const char * const *) summary->ignored_columns, "CTR", "Campaign name", NULL);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 1000);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-01"), ==, 2500);
  g_assert_cmpfloat (metric (store, "impressions", "Facebook Ads", "2025-01-02"), ==, 90000);
  g_assert_cmpfloat (metric (store, "clicks", "Facebook Ads", "2025-01-02"), ==, 900);
  g_assert_cmpfloat (metric (store, "conversions", "Facebook Ads", "2025-01-02"), ==, 24);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Columns nobody can guess, as other MMM tools write them. */
static const char mmm_csv[] =
  "period,y,x1,x2\n"
  "2025-01-01,1000,100,50\n"
  "2025-01-02,1100,110,55\n"
  "2025-01-03,1050,105,52\n";

static void
test_explicit_mapping (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const MmxColumnRole *role;

  /* Without a mapping there is no date column. */
  error = import_error (store, dir, "mmm.csv", mmm_csv, -1, NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "mmm.csv"));
  g_assert_nonnull (strstr (error->message, "period, y, x1, x2"));
  g_clear_error (&error);

  g_assert_true (mmx_column_mapping_set (mapping, "period", "date", &error));
  g_assert_true (mmx_column_mapping_set (mapping, "y", "revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "x1=spend:TV", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "x2=spend:Radio", &error));
  g_assert_no_error (error);

  import = open_import (store, dir, "mmm.csv", mmm_csv, mapping);
  g_assert_cmpint (mmx_import_get_shape (import), ==, MMX_IMPORT_SHAPE_WIDE);
  assert_roles (import, MMX_FIELD_DATE, MMX_FIELD_REVENUE, MMX_FIELD_SPEND, MMX_FIELD_SPEND, -1);
  role = mmx_import_get_column_role (import, 2);
  g_assert_cmpstr (role->channel, ==, "TV");

  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 3);
  assert_strv ((const char * const *) summary->channels, "Radio", "TV", NULL);
  g_assert_cmpfloat (metric (store, "spend", "TV", "2025-01-02"), ==, 110);
  g_assert_cmpfloat (metric (store, "spend", "Radio", "2025-01-03"), ==, 52);
  g_assert_cmpfloat (metric (store, "revenue", "Unattributed", "2025-01-01"), ==, 1000);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum (revenue) FROM metric"), ==, 3150);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Mapped columns are imported; the others are listed as ignored. */
static void
test_partial_mapping (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (mapping, "Y=revenue", &error));
  g_assert_no_error (error);
  summary = import_ok (store, dir, "partial.csv",
                       "date,y,x1\n2025-01-01,10,1\n2025-01-02,20,2\n", mapping);

  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_WIDE);
  assert_strv ((const char * const *) summary->ignored_columns, "x1", NULL);
  g_assert_cmpfloat (metric (store, "revenue", "Unattributed", "2025-01-02"), ==, 20);
  g_assert_cmpint (count_rows (store, "metric"), ==, 2);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_bad_mapping (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) missing = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) per_channel = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) nonsense = mmx_column_mapping_new ();
  g_autoptr(GError) error = NULL;

  /* A column the file does not have. */
  g_assert_true (mmx_column_mapping_set (missing, "budget", "spend", &error));
  g_assert_no_error (error);
  error = import_error (store, dir, "long.csv", long_csv, -1, missing);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
  g_assert_nonnull (strstr (error->message, "budget"));
  g_assert_nonnull (strstr (error->message, "long.csv"));
  g_clear_error (&error);

  /* One channel's spend in a file whose rows each name their channel. */
  g_assert_true (mmx_column_mapping_set (per_channel, "spend", "spend:TV", &error));
  g_assert_no_error (error);
  error = import_error (store, dir, "long.csv", long_csv, -1, per_channel);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
  g_assert_nonnull (strstr (error->message, "spend"));
  g_clear_error (&error);

  /* No such field. */
  g_assert_false (mmx_column_mapping_parse_argument (nonsense, "x1=budget", &error));
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);
  g_clear_error (&error);
  g_assert_false (mmx_column_mapping_parse_argument (nonsense, "x1", &error));
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING);

  g_assert_cmpint (count_rows (store, "metric"), ==, 0);
  g_assert_cmpint (count_rows (store, "import_log"), ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Row errors */

static const char row_errors_csv[] =
  "date,channel,spend,revenue,clicks\n"     /* 1 */
  "2025-01-01,Facebook Ads,10,20,1\n"       /* 2: good */
  ",Facebook Ads,10,20,1\n"                 /* 3 */
  "yesterday,Facebook Ads,10,20,1\n"        /* 4 */
  "2025-02-30,Facebook Ads,10,20,1\n"       /* 5 */
  "2026-07-01,Facebook Ads,10,20,1\n"       /* 6 */
  "1989-12-31,Facebook Ads,10,20,1\n"       /* 7 */
  "2025-01-02,,10,20,1\n"                   /* 8 */
  "2025-01-03,---,10,20,1\n"                /* 9 */
  "2025-01-04,Facebook Ads,ten,20,1\n"      /* 10 */
  "2025-01-05,Facebook Ads,-5,20,1\n"       /* 11 */
  "2025-01-06,Facebook Ads,NaN,20,1\n"      /* 12 */
  "2025-01-07,Facebook Ads,10,Inf,1\n"      /* 13 */
  "2025-01-08,Facebook Ads,1e400,20,1\n"    /* 14 */
  "2025-01-09,Facebook Ads,10,20,1e16\n"    /* 15 */
  "2025-01-10,Facebook Ads,10\n"            /* 16 */
  "2025-01-11,Facebook Ads,10,20,1,99\n"    /* 17 */
  "2025-01-12,Face\"book Ads,10,20,1\n"     /* 18 */
  "2025-01-13,Google Ads,30,60,3,\n"        /* 19: good, empty extra field */
  "2025-01-14,Google Ads,(12.00),60,3\n"    /* 20 */
  "2026-06-30,Google Ads,31,61,3\n";        /* 21: good, today */

static void
test_row_errors (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = import_ok (store, dir, "rows.csv", row_errors_csv, NULL);

  g_assert_cmpuint (summary->inserted, ==, 3);
  g_assert_cmpuint (summary->rejected, ==, 17);
  g_assert_cmpuint (summary->n_issues, ==, 17);
  g_assert_cmpuint (summary->issues->len, ==, 17);
  g_assert_cmpstr (summary->first_date, ==, "2025-01-01");
  g_assert_cmpstr (summary->last_date, ==, MMX_TEST_TODAY);

  assert_issue (summary, 3, "date", "The date is empty.");
  assert_issue (summary, 4, "date", "“yesterday” is not a date");
  assert_issue (summary, 5, "date", "“2025-02-30” is not a day of the calendar");
  assert_issue (summary, 6, "date", "lies in the future");
  assert_issue (summary, 6, "date", MMX_TEST_TODAY);
  assert_issue (summary, 7, "date", MMX_IMPORT_EARLIEST_DATE);
  assert_issue (summary, 8, "channel", "The channel is empty.");
  assert_issue (summary, 9, "channel", "no letters or digits");
  assert_issue (summary, 10, "spend", "“ten” is not a number");
  assert_issue (summary, 11, "spend", "“-5” is negative");
  assert_issue (summary, 12, "spend", "not a finite number");
  assert_issue (summary, 13, "revenue", "“Inf” is not a finite number");
  assert_issue (summary, 14, "spend", "“1e400” is too large");
  assert_issue (summary, 15, "clicks", "“1e16” is too large");
  assert_issue (summary, 16, NULL, "Too few fields");
  assert_issue (summary, 17, NULL, "Too many fields");
  assert_issue (summary, 18, NULL, "quote");
  assert_issue (summary, 20, "spend", "negative");
  g_assert_null (mmx_test_find_issue (summary, 2));
  g_assert_null (mmx_test_find_issue (summary, 19));
  g_assert_null (mmx_test_find_issue (summary, 21));

  /* The good rows are in, and nothing of the bad ones. */
  g_assert_cmpint (count_rows (store, "metric"), ==, 3);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 10);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-13"), ==, 30);
  g_assert_cmpfloat (metric (store, "clicks", "Google Ads", MMX_TEST_TODAY), ==, 3);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM channel"), ==, 3);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT rejected FROM import_log"), ==, 17);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Each wrong cell of a row is reported; the row counts once. */
static void
test_row_errors_several_per_row (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  guint on_row_2 = 0;

  summary = import_ok (store, dir, "several.csv",
                       "date,channel,spend,revenue\n"
                       "2025-13-45,Facebook Ads,x,-1\n"
                       "2025-01-02,Facebook Ads,1,2\n", NULL);

  g_assert_cmpuint (summary->rejected, ==, 1);
  g_assert_cmpuint (summary->inserted, ==, 1);
  g_assert_cmpuint (summary->n_issues, ==, 3);
  for (guint i = 0; i < summary->issues->len; i++)
    {
      const MmxImportIssue *issue = g_ptr_array_index (summary->issues, i);

      if (issue->row == 2)
        on_row_2++;
    }
  g_assert_cmpuint (on_row_2, ==, 3);
  assert_issue (summary, 2, "date", "2025-13-45");

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Exports drop empty trailing fields: missing columns that are not
 * imported do not make a row short. */
static void
test_short_rows_with_ignored_columns (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "short.csv",
                       "date,channel,spend,revenue,campaign,notes\n"
                       "2025-01-01,Facebook Ads,1,2\n"
                       "2025-01-02,Facebook Ads,3,4,Brand\n"
                       "2025-01-03,Facebook Ads,5\n", NULL);

  g_assert_cmpuint (summary->inserted, ==, 2);
  g_assert_cmpuint (summary->rejected, ==, 1);
  assert_issue (summary, 4, NULL, "Too few fields");
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-01"), ==, 2);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_quote_problems (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) misplaced = import_fixture (store, "misplaced-quote.csv", NULL);
  g_autofree char *other = mmx_test_make_dir ();
  g_autoptr(MmxStore) other_store = mmx_test_open_store (other);
  g_autoptr(MmxImportSummary) unclosed = import_fixture (other_store, "unclosed-quote.csv", NULL);

  g_assert_cmpuint (misplaced->inserted, ==, 2);
  g_assert_cmpuint (misplaced->rejected, ==, 2);
  assert_issue (misplaced, 3, NULL, "quote");
  assert_issue (misplaced, 4, NULL, "quote");
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 10);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-04"), ==, 13);

  /* The unclosed quote swallowed the last row. */
  g_assert_cmpuint (unclosed->inserted, ==, 1);
  g_assert_cmpuint (unclosed->rejected, ==, 1);
  assert_issue (unclosed, 3, NULL, "never closed");
  g_assert_cmpint (count_rows (other_store, "metric"), ==, 1);

  g_clear_object (&store);
  g_clear_object (&other_store);
  mmx_test_remove_dir (dir);
  mmx_test_remove_dir (other);
}

/* Files that cannot be imported at all write nothing. */
static void
test_unusable_files (void)
{
  static const char xlsx[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "csv", "empty.csv", NULL);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  error = import_error (store, dir, "report.csv", xlsx, sizeof xlsx - 1, NULL);
  g_assert_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "report.csv"));
  g_clear_error (&error);

  summary = mmx_test_import_file (store, empty, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, MMX_CSV_ERROR, MMX_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  error = import_error (store, dir, "header-only.csv", "date,channel,spend,revenue\n", -1, NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "header-only.csv"));
  g_clear_error (&error);

  error = import_error (store, dir, "no-date.csv", "when,channel,spend\nmonday,A,1\n", -1, NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "no-date.csv"));
  g_assert_nonnull (strstr (error->message, "when, channel, spend"));
  g_clear_error (&error);

  error = import_error (store, dir, "words.csv", "date,channel,spend\nfoo,A,1\nbar,A,2\n", -1,
                        NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_UNKNOWN_DATES);
  g_assert_nonnull (strstr (error->message, "“foo”"));
  g_clear_error (&error);

  error = import_error (store, dir, "comments.csv", "date,comment\n2025-01-01,hi\n", -1, NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "comments.csv"));
  g_clear_error (&error);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Replacing and adding */

static void
test_reimport_idempotent (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) first = import_ok (store, dir, "long.csv", long_csv, NULL);
  g_autofree char *values = metric_values (store);
  g_autofree char *values_again = NULL;
  g_autoptr(MmxImportSummary) second = NULL;
  gint64 second_id;

  g_assert_cmpuint (first->inserted, ==, 6);

  second = import_ok (store, dir, "long.csv", long_csv, NULL);
  g_assert_cmpuint (second->inserted, ==, 0);
  g_assert_cmpuint (second->updated, ==, 6);
  g_assert_cmpuint (second->merged, ==, 0);
  g_assert_cmpuint (second->rejected, ==, 0);

  values_again = metric_values (store);
  g_assert_cmpstr (values_again, ==, values);
  g_assert_cmpint (count_rows (store, "metric"), ==, 6);
  g_assert_cmpint (count_rows (store, "import_log"), ==, 2);
  second_id = mmx_test_query_int (store, "SELECT max (id) FROM import_log");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM metric WHERE import_id = %"
                                     G_GINT64_FORMAT, second_id), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT updated FROM import_log WHERE id = %"
                                     G_GINT64_FORMAT, second_id), ==, 6);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* One row per campaign: rows of one file for the same day and channel
 * add up, and importing the file again gives the same sums, not twice. */
static void
test_merge_same_file (void)
{
  static const char campaigns_csv[] =
    "date,channel,campaign,spend,revenue,clicks\n"
    "2025-01-01,Facebook Ads,Brand,10,,5\n"
    "2025-01-01,Facebook Ads,Prospecting,15,40,\n"
    "2025-01-01,Google Ads,Brand,20,50,\n"
    "2025-01-02,Facebook Ads,Brand,11,21,\n"
    "2025-01-02,FB Ads,Retargeting,4,9,\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) first = import_ok (store, dir, "campaigns.csv", campaigns_csv, NULL);
  g_autoptr(MmxImportSummary) second = NULL;
  g_autofree char *values = NULL;
  g_autofree char *values_again = NULL;

  g_assert_cmpuint (first->inserted, ==, 3);
  g_assert_cmpuint (first->merged, ==, 2);
  g_assert_cmpuint (first->updated, ==, 0);
  g_assert_cmpint (count_rows (store, "metric"), ==, 3);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 25);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-01"), ==, 40);
  g_assert_cmpfloat (metric (store, "clicks", "Facebook Ads", "2025-01-01"), ==, 5);
  g_assert_true (metric_is_null (store, "clicks", "Google Ads", "2025-01-01"));
  g_assert_true (metric_is_null (store, "clicks", "Facebook Ads", "2025-01-02"));
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-02"), ==, 15);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-02"), ==, 30);

  values = metric_values (store);
  second = import_ok (store, dir, "campaigns.csv", campaigns_csv, NULL);
  g_assert_cmpuint (second->inserted, ==, 0);
  g_assert_cmpuint (second->updated, ==, 3);
  g_assert_cmpuint (second->merged, ==, 2);
  values_again = metric_values (store);
  g_assert_cmpstr (values_again, ==, values);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* A later file replaces the rows of the same day and channel, whole,
 * and leaves the others alone. */
static void
test_later_file_replaces (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) first = NULL;
  g_autoptr(MmxImportSummary) second = NULL;
  gint64 first_id, second_id;

  first = import_ok (store, dir, "january.csv",
                     "date,channel,spend,revenue,clicks\n"
                     "2025-01-01,Facebook Ads,10,20,3\n"
                     "2025-01-02,Facebook Ads,20,40,4\n", NULL);
  first_id = mmx_test_query_int (store, "SELECT max (id) FROM import_log");
  second = import_ok (store, dir, "corrected.csv",
                      "date,channel,spend,revenue\n"
                      "2025-01-02,Facebook Ads,25,30\n"
                      "2025-01-03,Facebook Ads,5,6\n", NULL);
  second_id = mmx_test_query_int (store, "SELECT max (id) FROM import_log");

  g_assert_cmpuint (second->inserted, ==, 1);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpint (count_rows (store, "metric"), ==, 3);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-02"), ==, 25);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-02"), ==, 30);
  g_assert_true (metric_is_null (store, "clicks", "Facebook Ads", "2025-01-02"));
  g_assert_cmpfloat (metric (store, "clicks", "Facebook Ads", "2025-01-01"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT import_id FROM metric WHERE date = '2025-01-01'"),
                   ==, first_id);
  g_assert_cmpint (query_int (store, "SELECT import_id FROM metric WHERE date = '2025-01-02'"),
                   ==, second_id);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static const char all_bad_csv[] =
  "date,channel,spend,revenue\n"
  "2025-02-30,Facebook Ads,1,2\n"
  "2025-01-05,Brand New Channel,abc,2\n"
  ",Other Channel,1,2\n";

/* When no row is good, nothing is written, not even to the history. */
static void
test_all_rows_bad (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) first = import_ok (store, dir, "long.csv", long_csv, NULL);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "bad.csv", all_bad_csv, NULL);
  g_assert_cmpuint (mmx_import_summary_get_imported (summary), ==, 0);
  g_assert_cmpuint (summary->rejected, ==, 3);
  g_assert_cmpuint (summary->n_issues, ==, 3);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (store, "import_log"), ==, 1);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_all_rows_bad_fresh (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(MmxImportSummary) summary = import_ok (store, dir, "bad.csv", all_bad_csv, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (summary->rejected, ==, 3);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (store, "import_log"), ==, 0);
  g_assert_cmpint (mmx_store_get_granularity (store, &error), ==, MMX_GRANULARITY_UNKNOWN);
  g_assert_no_error (error);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Cancelling */

static const char overlapping_csv[] =
  "date,channel,spend,revenue,price\n"
  "2025-01-02,Facebook Ads,999,999,1.5\n"
  "2025-01-09,Snapchat,5,6,2.5\n";

static void
test_cancelled_before (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) first = import_ok (store, dir, "long.csv", long_csv, NULL);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(MmxImport) import = open_import (store, dir, "more.csv", overlapping_csv, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  summary = mmx_import_run (import, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum (spend) FROM metric"), ==, 465.5);
  g_assert_cmpint (count_rows (store, "control"), ==, 0);
  g_assert_cmpint (count_rows (store, "import_log"), ==, 1);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* A long file, with rows for many days, a control and a new channel. */
static char *
make_many_rows (guint n_days)
{
  GString *contents = g_string_new ("date,channel,spend,revenue,price\n");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2000);
  for (guint i = 0; i < n_days; i++)
    {
      g_string_append_printf (contents, "%04d-%02d-%02d,Many Rows Channel,%u,%u,%u.5\n",
                              g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), i % 100, i % 50, i % 7);
      g_date_add_days (&date, 1);
    }
  return g_string_free (contents, FALSE);
}

typedef struct
{
  GCancellable *cancellable;
  GArray       *fractions;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancellable != NULL)
    g_cancellable_cancel (progress->cancellable);
}

/* Cancelled halfway, after thousands of rows were written in the
 * transaction: none of them stays. */
static void
test_cancelled_while_running (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) first = import_ok (store, dir, "long.csv", long_csv, NULL);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *many = make_many_rows (9000);
  g_autoptr(MmxImport) import = open_import (store, dir, "many.csv", many, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { cancellable, fractions };
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = mmx_import_run (import, progress_cb, &progress, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);
  g_assert_cmpuint (fractions->len, >=, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), >, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 1.0);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_progress (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autofree char *many = make_many_rows (9000);
  g_autoptr(MmxImport) import = open_import (store, dir, "many.csv", many, NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { NULL, fractions };
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = mmx_import_run (import, progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 9000);
  g_assert_cmpint (count_rows (store, "metric"), ==, 9000);
  g_assert_cmpint (count_rows (store, "control"), ==, 9000);

  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >=, 0.0);
      g_assert_cmpfloat (fraction, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (fraction, >=, g_array_index (fractions, double, i - 1));
    }
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Granularity */

static const char weekly_csv[] =
  "date,revenue,spend_facebook,spend_google\n"
  "2025-01-06,1000,100,50\n"
  "2025-01-13,1100,110,55\n"
  "2025-01-20,900,120,60\n"
  "2025-01-27,950,130,65\n";

static void
test_weekly (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = open_import (store, dir, "weekly.csv", weekly_csv, NULL);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxImportSummary) more = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *granularity = NULL;

  g_assert_cmpint (mmx_import_get_granularity (import), ==, MMX_GRANULARITY_WEEKLY);
  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_WIDE);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpint (mmx_store_get_granularity (store, &error), ==, MMX_GRANULARITY_WEEKLY);
  g_assert_no_error (error);
  granularity = mmx_test_query_text (store, "SELECT granularity FROM import_log");
  g_assert_cmpstr (granularity, ==, "weekly");

  /* More weeks, even a single one, fit. */
  more = import_ok (store, dir, "one-week.csv",
                    "date,revenue,spend_facebook\n2025-02-03,990,140\n", NULL);
  g_assert_cmpint (more->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-02-03"), ==, 140);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_daily_into_weekly (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) weekly = import_ok (store, dir, "weekly.csv", weekly_csv, NULL);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  error = import_error (store, dir, "daily.csv", long_csv, -1, NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_GRANULARITY);
  g_assert_nonnull (strstr (error->message, "daily.csv"));
  g_assert_nonnull (strstr (error->message, "weekly"));

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM channel "
                                              "WHERE name = 'Facebook Ads'"), ==, 1);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_monthly (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) granularity_error = NULL;

  error = import_error (store, dir, "monthly.csv",
                        "date,channel,spend,revenue\n"
                        "2025-01-01,Facebook Ads,100,200\n"
                        "2025-02-01,Facebook Ads,110,210\n"
                        "2025-03-01,Facebook Ads,120,220\n", -1, NULL);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_GRANULARITY);
  g_assert_nonnull (strstr (error->message, "monthly.csv"));

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (mmx_store_get_granularity (store, &granularity_error), ==,
                   MMX_GRANULARITY_UNKNOWN);
  g_assert_no_error (granularity_error);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Dates */

static void
test_dates_day_first (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "dmy.csv",
                       "date,channel,spend\n"
                       "12/01/2025,Facebook Ads,1\n"
                       "13/01/2025,Facebook Ads,2\n"
                       "14/01/2025,Facebook Ads,3\n", NULL);
  g_assert_cmpint (summary->date_format, ==, MMX_DATE_FORMAT_DMY);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-12"), ==, 1);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-14"), ==, 3);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_dates_month_first (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "mdy.csv",
                       "date,channel,spend\n"
                       "01/12/2025,Facebook Ads,1\n"
                       "01/13/2025,Facebook Ads,2\n"
                       "01/14/2025,Facebook Ads,3\n", NULL);
  g_assert_cmpint (summary->date_format, ==, MMX_DATE_FORMAT_MDY);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-12"), ==, 1);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-14"), ==, 3);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* No day above 12, but only the day-first reading gives consecutive
 * days (month-first, they would be months apart). */
static void
assert_read_by_rhythm (const char *contents,
                       const char *date,
                       double      spend)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  import = open_import (store, dir, "rhythm.csv", contents, NULL);
  g_assert_false (mmx_import_get_date_ambiguous (import));
  g_assert_cmpint (mmx_import_get_date_format (import), ==, MMX_DATE_FORMAT_DMY);
  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", date), ==, spend);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_dates_by_rhythm (void)
{
  assert_read_by_rhythm ("date,channel,spend\n"
                         "04/02/2025,Facebook Ads,4\n"
                         "05/02/2025,Facebook Ads,5\n"
                         "06/02/2025,Facebook Ads,6\n"
                         "07/02/2025,Facebook Ads,7\n"
                         "08/02/2025,Facebook Ads,8\n",
                         "2025-02-06", 6);
}

/* The same, through a day that reads the same both ways (03/03): the
 * first ten days of March are still ten consecutive days. */
static void
test_dates_by_rhythm_through_same_day_and_month (void)
{
  g_autoptr(GString) contents = g_string_new ("date,channel,spend\n");

  for (guint day = 1; day <= 10; day++)
    g_string_append_printf (contents, "%02u/03/2025,Facebook Ads,%u\n", day, day);
  assert_read_by_rhythm (contents->str, "2025-03-05", 5);
}

/* Both readings give the same four days: only the user can tell. */
static const char ambiguous_csv[] =
  "date,channel,spend\n"
  "01/01/2025,Facebook Ads,1\n"
  "02/01/2025,Facebook Ads,2\n"
  "01/02/2025,Facebook Ads,3\n"
  "02/02/2025,Facebook Ads,4\n";

static void
test_dates_ambiguous (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = open_import (store, dir, "ambiguous.csv", ambiguous_csv, NULL);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_import_get_date_ambiguous (import));
  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_AMBIGUOUS_DATES);
  g_assert_null (summary);
  g_assert_nonnull (strstr (error->message, "ambiguous.csv"));
  g_assert_nonnull (strstr (error->message, "02/01/2025"));
  g_assert_cmpint (count_rows (store, "metric"), ==, 0);
  g_assert_cmpint (count_rows (store, "import_log"), ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_dates_ambiguous_chosen (void)
{
  g_autofree char *dmy_dir = mmx_test_make_dir ();
  g_autofree char *mdy_dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) dmy_store = mmx_test_open_store (dmy_dir);
  g_autoptr(MmxStore) mdy_store = mmx_test_open_store (mdy_dir);
  g_autoptr(MmxColumnMapping) dmy = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) mdy = mmx_column_mapping_new ();
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(MmxImportSummary) dmy_summary = NULL;
  g_autoptr(MmxImportSummary) mdy_summary = NULL;

  mmx_column_mapping_set_date_format (dmy, MMX_DATE_FORMAT_DMY);
  mmx_column_mapping_set_date_format (mdy, MMX_DATE_FORMAT_MDY);

  import = open_import (dmy_store, dmy_dir, "ambiguous.csv", ambiguous_csv, dmy);
  g_assert_false (mmx_import_get_date_ambiguous (import));
  g_assert_cmpint (mmx_import_get_date_format (import), ==, MMX_DATE_FORMAT_DMY);

  dmy_summary = import_ok (dmy_store, dmy_dir, "ambiguous.csv", ambiguous_csv, dmy);
  g_assert_cmpint (dmy_summary->date_format, ==, MMX_DATE_FORMAT_DMY);
  g_assert_cmpuint (dmy_summary->inserted, ==, 4);
  /* "02/01/2025" is the 2nd of January day-first, "01/02/2025" month-first. */
  g_assert_cmpfloat (metric (dmy_store, "spend", "Facebook Ads", "2025-01-02"), ==, 2);
  g_assert_cmpfloat (metric (dmy_store, "spend", "Facebook Ads", "2025-02-01"), ==, 3);

  mdy_summary = import_ok (mdy_store, mdy_dir, "ambiguous.csv", ambiguous_csv, mdy);
  g_assert_cmpint (mdy_summary->date_format, ==, MMX_DATE_FORMAT_MDY);
  g_assert_cmpfloat (metric (mdy_store, "spend", "Facebook Ads", "2025-01-02"), ==, 3);
  g_assert_cmpfloat (metric (mdy_store, "spend", "Facebook Ads", "2025-02-01"), ==, 2);

  g_clear_object (&dmy_store);
  g_clear_object (&mdy_store);
  mmx_test_remove_dir (dmy_dir);
  mmx_test_remove_dir (mdy_dir);
}

static void
test_dates_other_formats (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) ymd = NULL;
  g_autoptr(MmxImportSummary) named = NULL;
  g_autoptr(MmxImportSummary) with_time = NULL;

  ymd = import_ok (store, dir, "ymd.csv",
                   "date,channel,spend\n"
                   "2025/11/03,Facebook Ads,1\n"
                   "2025/11/04,Facebook Ads,2\n", NULL);
  g_assert_cmpint (ymd->date_format, ==, MMX_DATE_FORMAT_YMD);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-11-04"), ==, 2);

  named = import_ok (store, dir, "named.csv",
                     "date,channel,spend\n"
                     "\"Nov 5, 2025\",Facebook Ads,3\n"
                     "\"Nov 6, 2025\",Facebook Ads,4\n", NULL);
  g_assert_cmpint (named->date_format, ==, MMX_DATE_FORMAT_MONTH_NAME);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-11-05"), ==, 3);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-11-06"), ==, 4);

  with_time = import_ok (store, dir, "with-time.csv",
                         "date,channel,spend\n"
                         "2025-11-07 00:00:00,Facebook Ads,5\n"
                         "2025-11-08T00:00:00Z,Facebook Ads,6\n", NULL);
  g_assert_cmpint (with_time->date_format, ==, MMX_DATE_FORMAT_ISO);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-11-08"), ==, 6);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Numbers */

static void
test_decimal_comma (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "semicolon.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImport) import = mmx_test_open_import (store, path, NULL, &error);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxImportSummary) thousands = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mmx_import_get_delimiter (import), ==, ';');
  g_assert_cmpint (mmx_import_get_decimal_mark (import), ==, MMX_DECIMAL_COMMA);

  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 4);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpfloat_with_epsilon (metric (store, "spend", "Facebook Ads", "2025-01-01"),
                                  1234.56, 1e-9);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-01"), ==, 2500);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-01"), ==, 12.5);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-02"), ==, 1000);
  g_assert_cmpfloat_with_epsilon (metric (store, "revenue", "Facebook Ads", "2025-01-02"),
                                  2750.75, 1e-9);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-02"), ==, 7.25);

  /* Only thousands dots, and a no-break space as the thousands mark. */
  thousands = import_ok (store, dir, "thousands.csv",
                         "date;channel;spend;revenue\n"
                         "2025-01-03;Facebook Ads;1.234;2\xC2\xA0" "500,5\n"
                         "2025-01-04;Facebook Ads;12.000;1.000.000\n", NULL);
  g_assert_cmpuint (thousands->rejected, ==, 0);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-03"), ==, 1234);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-03"), ==, 2500.5);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-04"), ==, 12000);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-04"), ==, 1000000);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* A semicolon does not force the decimal comma when values show a point. */
static void
test_semicolon_with_decimal_point (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  import = open_import (store, dir, "points.csv",
                        "date;channel;spend\n"
                        "2025-01-01;Facebook Ads;12.25\n"
                        "2025-01-02;Facebook Ads;1.5\n", NULL);
  g_assert_cmpint (mmx_import_get_decimal_mark (import), ==, MMX_DECIMAL_POINT);
  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 12.25);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-02"), ==, 1.5);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_currency_symbols (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "money.csv",
                       "date,channel,spend,revenue\n"
                       "2025-01-01,Facebook Ads,\"$1,234.50\",US$ 2000\n"
                       "2025-01-02,Facebook Ads,€99.90,\"€ 1,000\"\n"
                       "2025-01-03,Facebook Ads,USD 10,10 EUR\n"
                       "2025-01-04,Facebook Ads,£5,5 kr\n"
                       "2025-01-05,Facebook Ads,CHF 1'234.50, $ 7 \n", NULL);

  g_assert_cmpuint (summary->inserted, ==, 5);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 1234.5);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-01"), ==, 2000);
  g_assert_cmpfloat_with_epsilon (metric (store, "spend", "Facebook Ads", "2025-01-02"),
                                  99.9, 1e-9);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-02"), ==, 1000);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-03"), ==, 10);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-03"), ==, 10);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-04"), ==, 5);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-04"), ==, 5);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-05"), ==, 1234.5);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-05"), ==, 7);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Controls, regions, derived revenue */

static void
test_controls (void)
{
  static const char controls_csv[] =
    "date,channel,spend,revenue,price,events,discount\n"
    "2025-01-01,Facebook Ads,10,20,9.99,na,0\n"
    "2025-01-01,Google Ads,5,10,9.99,na,0\n"
    "2025-01-02,Facebook Ads,10,20,10.49,event1,-5\n"
    "2025-01-02,Google Ads,5,10,10.49,event1,-5\n"
    "2025-01-03,Facebook Ads,10,20,abc,event2,0\n"
    "2025-01-04,Facebook Ads,10,20,8.5,,2.5\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = open_import (store, dir, "controls.csv", controls_csv, NULL);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const MmxColumnRole *role;

  assert_roles (import, MMX_FIELD_DATE, MMX_FIELD_CHANNEL, MMX_FIELD_SPEND, MMX_FIELD_REVENUE,
                MMX_FIELD_CONTROL, MMX_FIELD_CONTROL, MMX_FIELD_CONTROL, -1);
  role = mmx_import_get_column_role (import, 5);
  g_assert_cmpstr (role->name, ==, "events");

  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->inserted, ==, 5);
  g_assert_cmpuint (summary->rejected, ==, 1);
  assert_issue (summary, 6, "price", "“abc” is not a number");
  g_assert_true (strv_has_substring ((const char * const *) summary->notes, "events"));

  /* One value per date, whatever the number of channel rows. */
  g_assert_cmpint (count_rows (store, "control"), ==, 7);
  g_assert_cmpfloat (control (store, "price", "2025-01-01"), ==, 9.99);
  g_assert_cmpfloat (control (store, "price", "2025-01-02"), ==, 10.49);
  g_assert_cmpfloat (control (store, "price", "2025-01-04"), ==, 8.5);
  /* Categories become indicators: 1 on their days, nothing for "na". */
  g_assert_cmpfloat (control (store, "events=event1", "2025-01-02"), ==, 1);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM control "
                                              "WHERE name LIKE 'events%'"), ==, 1);
  /* Controls may be negative, and zero is a value. */
  g_assert_cmpfloat (control (store, "discount", "2025-01-01"), ==, 0);
  g_assert_cmpfloat (control (store, "discount", "2025-01-02"), ==, -5);
  g_assert_cmpfloat (control (store, "discount", "2025-01-04"), ==, 2.5);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM control WHERE geo <> '' "
                                              "OR import_id <> (SELECT id FROM import_log)"),
                   ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Controls named by a mapping, as MMM data has them. */
static void
test_controls_mapped (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (mapping, "ds=date", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "y=revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "tv_S=spend:TV", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "competitor_sales_B=control:competitor",
                                                    &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "events=control", &error));
  g_assert_no_error (error);

  summary = import_ok (store, dir, "robyn.csv",
                       "ds,y,tv_S,competitor_sales_B,events\n"
                       "2025-01-06,100,10,5000,na\n"
                       "2025-01-13,110,11,-4900,event2\n", mapping);
  g_assert_cmpuint (summary->inserted, ==, 2);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpfloat (control (store, "competitor", "2025-01-06"), ==, 5000);
  g_assert_cmpfloat (control (store, "competitor", "2025-01-13"), ==, -4900);
  g_assert_cmpfloat (control (store, "events=event2", "2025-01-13"), ==, 1);
  g_assert_cmpfloat (metric (store, "spend", "TV", "2025-01-13"), ==, 11);
  g_assert_cmpint (count_rows (store, "control"), ==, 3);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_geo (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "regions.csv",
                       "date,region,channel,spend,revenue\n"
                       "2025-01-01,North,Facebook Ads,10,20\n"
                       "2025-01-01,South,Facebook Ads,12,25\n"
                       "2025-01-02,North,Facebook Ads,11,21\n"
                       "2025-01-02,South,Facebook Ads,13,26\n", NULL);

  /* Regions are rows of their own, not merged. */
  g_assert_cmpuint (summary->inserted, ==, 4);
  g_assert_cmpuint (summary->merged, ==, 0);
  g_assert_cmpint (count_rows (store, "metric"), ==, 4);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(DISTINCT geo) FROM metric"), ==, 2);
  g_assert_cmpfloat (metric_in_geo (store, "spend", "Facebook Ads", "2025-01-01", "South"), ==, 12);
  g_assert_cmpfloat (metric_in_geo (store, "revenue", "Facebook Ads", "2025-01-02", "North"),
                     ==, 21);
  g_assert_cmpfloat (mmx_test_query_double (store, "SELECT sum (spend) FROM metric "
                                                   "WHERE geo = 'North'"), ==, 21);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_revenue_per_conversion (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxImportSummary) with_revenue = NULL;
  g_autoptr(MmxImportSummary) without_conversions = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;

  import = open_import (store, dir, "rpc.csv",
                        "date,channel,spend,conversions,revenue per conversion\n"
                        "2025-01-01,Facebook Ads,10,4,25\n"
                        "2025-01-02,Facebook Ads,10,3,\n", NULL);
  assert_roles (import, MMX_FIELD_DATE, MMX_FIELD_CHANNEL, MMX_FIELD_SPEND, MMX_FIELD_CONVERSIONS,
                MMX_FIELD_REVENUE_PER_CONVERSION, -1);
  notes = mmx_import_dup_notes (import);
  g_assert_true (strv_has_substring ((const char * const *) notes, "revenue per conversion"));

  summary = mmx_import_run (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-01"), ==, 100);
  g_assert_true (metric_is_null (store, "revenue", "Facebook Ads", "2025-01-02"));

  /* A revenue column wins over the product. */
  with_revenue = import_ok (store, dir, "both.csv",
                            "date,channel,spend,revenue,conversions,value per conversion\n"
                            "2025-01-03,Facebook Ads,1,50,4,25\n", NULL);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-03"), ==, 50);

  /* Without conversions there is nothing to multiply. */
  without_conversions = import_ok (store, dir, "no-conversions.csv",
                                   "date,channel,spend,revenue per order\n"
                                   "2025-01-04,Facebook Ads,1,25\n", NULL);
  assert_strv ((const char * const *) without_conversions->ignored_columns,
               "revenue per order", NULL);
  g_assert_true (strv_has_substring ((const char * const *) without_conversions->notes,
                                     "conversions column"));
  g_assert_true (metric_is_null (store, "revenue", "Facebook Ads", "2025-01-04"));

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Platform reports */

static void
test_title_and_total_rows (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = import_fixture (store, "google-ads-export.csv", NULL);

  g_assert_cmpuint (summary->header_row, ==, 3);
  g_assert_cmpuint (summary->inserted, ==, 5);
  g_assert_cmpuint (summary->skipped, ==, 2);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpuint (summary->n_issues, ==, 0);
  assert_strv ((const char * const *) summary->channels, "Google Ads", NULL);
  g_assert_true (strv_has_substring ((const char * const *) summary->notes, "above the header"));

  g_assert_cmpint (count_rows (store, "metric"), ==, 5);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-01"), ==, 1234.5);
  g_assert_cmpfloat (metric (store, "revenue", "Google Ads", "2025-01-01"), ==, 3000);
  g_assert_cmpfloat (metric (store, "clicks", "Google Ads", "2025-01-05"), ==, 82);
  g_assert_cmpfloat_with_epsilon (mmx_test_query_double (store, "SELECT sum (spend) FROM metric"),
                                  1633.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (mmx_test_query_double (store,
                                                         "SELECT sum (revenue) FROM metric"),
                                  3755.5, 1e-9);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Saved mappings */

static const char robyn_a_csv[] =
  "period,y,x1\n"
  "2025-01-01,100,10\n"
  "2025-01-02,110,11\n"
  "2025-01-03,120,12\n";

/* The same columns, written differently. */
static const char robyn_b_csv[] =
  " Period , Y , X1 \n"
  "2025-01-04,130,13\n"
  "2025-01-05,140,14\n";

static void
test_saved_mapping (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) empty = mmx_column_mapping_new ();
  g_autoptr(MmxImport) first = NULL;
  g_autoptr(MmxImport) second = NULL;
  g_autoptr(MmxImport) third = NULL;
  g_autoptr(MmxImportSummary) first_summary = NULL;
  g_autoptr(MmxImportSummary) second_summary = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (mapping, "period=date", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "y=revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (mapping, "x1=spend:TV", &error));
  g_assert_no_error (error);

  first = open_import (store, dir, "robyn-a.csv", robyn_a_csv, mapping);
  g_assert_null (mmx_import_get_mapping_name (first));
  g_assert_cmpstr (mmx_import_get_header_key (first), ==, "period,y,x1");
  g_assert_true (mmx_store_save_mapping (store, "robyn", mmx_import_get_header_key (first),
                                         mapping, &error));
  g_assert_no_error (error);
  first_summary = mmx_import_run (first, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (first_summary->mapping_name);

  /* A file with the same header finds the mapping by itself. */
  second = open_import (store, dir, "robyn-b.csv", robyn_b_csv, NULL);
  g_assert_cmpstr (mmx_import_get_mapping_name (second), ==, "robyn");
  g_assert_cmpstr (mmx_import_get_header_key (second), ==, "period,y,x1");
  assert_roles (second, MMX_FIELD_DATE, MMX_FIELD_REVENUE, MMX_FIELD_SPEND, -1);
  notes = mmx_import_dup_notes (second);
  g_assert_true (strv_has_substring ((const char * const *) notes, "“robyn”"));
  second_summary = mmx_import_run (second, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second_summary->mapping_name, ==, "robyn");
  g_assert_cmpuint (second_summary->inserted, ==, 2);
  g_assert_cmpfloat (metric (store, "spend", "TV", "2025-01-05"), ==, 14);
  g_assert_cmpfloat (metric (store, "revenue", "Unattributed", "2025-01-04"), ==, 130);

  /* An empty mapping says nothing: the saved one applies. */
  third = open_import (store, dir, "robyn-c.csv", robyn_b_csv, empty);
  g_assert_cmpstr (mmx_import_get_mapping_name (third), ==, "robyn");

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* What the caller says wins over a saved mapping. */
static void
test_saved_mapping_overridden (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) saved = mmx_column_mapping_new ();
  g_autoptr(MmxColumnMapping) given = mmx_column_mapping_new ();
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_column_mapping_parse_argument (saved, "period=date", &error));
  g_assert_true (mmx_column_mapping_parse_argument (saved, "y=revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (saved, "x1=spend:TV", &error));
  g_assert_true (mmx_store_save_mapping (store, "robyn", "period,y,x1", saved, &error));
  g_assert_true (mmx_column_mapping_parse_argument (given, "period=date", &error));
  g_assert_true (mmx_column_mapping_parse_argument (given, "y=revenue", &error));
  g_assert_true (mmx_column_mapping_parse_argument (given, "x1=spend:Radio", &error));
  g_assert_no_error (error);

  summary = import_ok (store, dir, "robyn-a.csv", robyn_a_csv, given);
  g_assert_null (summary->mapping_name);
  assert_strv ((const char * const *) summary->channels, "Radio", NULL);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM channel WHERE name = 'TV'"),
                   ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Preview */

static const char preview_csv[] =
  "date,channel,spend,revenue,campaign,notes\n"
  "2025-01-01,FB Ads,10,20,Brand,hello\n"
  "2025-01-01,adwords,5,10,Brand,\n"
  "2025-01-02,facebook ads,11,21,Brand,\n"
  "2025-01-02,partner network,3,0,Deals,\n"
  "2025-01-03,my_custom channel,1,1,,\n";

static void
test_preview (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char * const expected_channels[][2] = {
    { "FB Ads", "Facebook Ads" },
    { "adwords", "Google Ads" },
    { "facebook ads", "Facebook Ads" },
    { "partner network", "Affiliate" },
    { "my_custom channel", "My Custom Channel" },
  };

  /* The profile's own name for a channel takes precedence. */
  g_assert_true (mmx_store_map_channel (store, "Partner Network", "Affiliate", NULL, &error));
  g_assert_no_error (error);
  before = snapshot (store);

  import = open_import (store, dir, "preview.csv", preview_csv, NULL);
  g_assert_cmpint (mmx_import_get_shape (import), ==, MMX_IMPORT_SHAPE_LONG);
  g_assert_cmpint (mmx_import_get_granularity (import), ==, MMX_GRANULARITY_DAILY);
  g_assert_cmpint (mmx_import_get_delimiter (import), ==, ',');
  g_assert_cmpstr (mmx_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpint (mmx_import_get_decimal_mark (import), ==, MMX_DECIMAL_POINT);
  g_assert_cmpint (mmx_import_get_date_format (import), ==, MMX_DATE_FORMAT_ISO);
  g_assert_false (mmx_import_get_date_ambiguous (import));
  g_assert_cmpuint (mmx_import_get_header_row (import), ==, 1);
  g_assert_cmpstr (mmx_import_get_header_key (import), ==,
                   "date,channel,spend,revenue,campaign,notes");
  g_assert_null (mmx_import_get_mapping_name (import));

  g_assert_cmpuint (mmx_import_get_n_columns (import), ==, 6);
  g_assert_cmpstr (mmx_import_get_column_name (import, 0), ==, "date");
  g_assert_cmpstr (mmx_import_get_column_name (import, 5), ==, "notes");
  assert_roles (import, MMX_FIELD_DATE, MMX_FIELD_CHANNEL, MMX_FIELD_SPEND, MMX_FIELD_REVENUE,
                MMX_FIELD_IGNORE, MMX_FIELD_IGNORE, -1);

  g_assert_cmpuint (mmx_import_get_n_sample_rows (import), ==, 5);
  assert_strv (mmx_import_get_sample_row (import, 0),
               "2025-01-01", "FB Ads", "10", "20", "Brand", "hello", NULL);
  assert_strv (mmx_import_get_sample_row (import, 4),
               "2025-01-03", "my_custom channel", "1", "1", "", "", NULL);

  channels = mmx_import_list_channels (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, G_N_ELEMENTS (expected_channels));
  for (guint i = 0; i < channels->len; i++)
    {
      const MmxChannelPreview *channel = g_ptr_array_index (channels, i);

      g_assert_cmpstr (channel->as_written, ==, expected_channels[i][0]);
      g_assert_cmpstr (channel->stored_as, ==, expected_channels[i][1]);
    }

  notes = mmx_import_dup_notes (import);
  g_assert_nonnull (notes);
  g_assert_cmpuint (g_strv_length (notes), ==, 0);

  /* Planning writes nothing. */
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_preview_wide (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  const MmxChannelPreview *channel;

  import = open_import (store, dir, "wide.csv",
                       "date,spend_facebook,tiktok cost,Pinterest\n"
                       "2025-01-01,1,2,3\n"
                       "2025-01-02,4,5,6\n", NULL);
  g_assert_cmpint (mmx_import_get_shape (import), ==, MMX_IMPORT_SHAPE_WIDE);
  assert_roles (import, MMX_FIELD_DATE, MMX_FIELD_SPEND, MMX_FIELD_SPEND, MMX_FIELD_SPEND, -1);
  g_assert_cmpstr (mmx_import_get_column_role (import, 1)->channel, ==, "facebook");

  channels = mmx_import_list_channels (import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, ==, 3);
  channel = g_ptr_array_index (channels, 0);
  g_assert_cmpstr (channel->stored_as, ==, "Facebook Ads");
  channel = g_ptr_array_index (channels, 1);
  g_assert_cmpstr (channel->stored_as, ==, "TikTok Ads");
  channel = g_ptr_array_index (channels, 2);
  g_assert_cmpstr (channel->as_written, ==, "Pinterest");
  g_assert_cmpstr (channel->stored_as, ==, "Pinterest Ads");

  notes = mmx_import_dup_notes (import);
  g_assert_true (strv_has_substring ((const char * const *) notes, "no revenue column"));

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* The preview keeps the first rows only, however long the file. */
static void
test_preview_sample_limit (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autofree char *many = make_many_rows (MMX_IMPORT_SAMPLE_ROWS + 500);
  g_autoptr(MmxImport) import = open_import (store, dir, "many.csv", many, NULL);

  g_assert_cmpuint (mmx_import_get_n_sample_rows (import), ==, MMX_IMPORT_SAMPLE_ROWS);
  g_assert_cmpstr (mmx_import_get_sample_row (import, 0)[0], ==, "2000-01-01");

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static JsonObject *
parse_object (JsonBuilder *builder,
              JsonNode   **out_root)
{
  g_autofree char *text = mmx_json_to_string (builder, FALSE);
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  *out_root = root;
  return json_node_get_object (root);
}

static void
test_preview_json (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImport) import = open_import (store, dir, "preview.csv", preview_csv, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *columns;
  JsonArray *rows;
  JsonArray *row;
  JsonArray *channels;
  JsonObject *item;

  json_builder_begin_object (builder);
  g_assert_true (mmx_import_build_preview_json (import, builder, 2, &error));
  g_assert_no_error (error);
  json_builder_end_object (builder);
  object = parse_object (builder, &root);

  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, "preview.csv");
  g_assert_cmpstr (json_object_get_string_member (object, "shape"), ==, "long");
  g_assert_cmpstr (json_object_get_string_member (object, "granularity"), ==, "daily");
  g_assert_cmpstr (json_object_get_string_member (object, "delimiter"), ==, ",");
  g_assert_cmpstr (json_object_get_string_member (object, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (object, "decimal_mark"), ==, ".");
  g_assert_cmpstr (json_object_get_string_member (object, "date_format"), ==, "iso");
  g_assert_false (json_object_get_boolean_member (object, "date_ambiguous"));
  g_assert_cmpint (json_object_get_int_member (object, "header_row"), ==, 1);
  g_assert_true (json_object_get_null_member (object, "mapping"));

  columns = json_object_get_array_member (object, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 6);
  item = json_array_get_object_element (columns, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "channel");
  g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "channel");
  item = json_array_get_object_element (columns, 4);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "campaign");
  g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "ignore");

  rows = json_object_get_array_member (object, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  row = json_array_get_array_element (rows, 1);
  g_assert_cmpuint (json_array_get_length (row), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (row, 1), ==, "adwords");
  g_assert_cmpstr (json_array_get_string_element (row, 5), ==, "");

  channels = json_object_get_array_member (object, "channels");
  g_assert_cmpuint (json_array_get_length (channels), ==, 5);
  item = json_array_get_object_element (channels, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "as_written"), ==, "FB Ads");
  g_assert_cmpstr (json_object_get_string_member (item, "stored_as"), ==, "Facebook Ads");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "notes")), ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Summary output */

static void
test_summary_json (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *errors;
  JsonObject *issue;
  JsonArray *channels;

  summary = import_ok (store, dir, "summary.csv",
                       "date,channel,spend,revenue,campaign\n"
                       "2025-01-01,Facebook Ads,10,20,Brand\n"
                       "2025-01-02,Google Ads,abc,20,Brand\n"
                       "2025-01-03,Google Ads,5\n"
                       "2025-01-03,Google Ads,5,6,x\n", NULL);

  json_builder_begin_object (builder);
  mmx_import_summary_build_json (summary, builder);
  json_builder_end_object (builder);
  object = parse_object (builder, &root);

  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, "summary.csv");
  g_assert_cmpstr (json_object_get_string_member (object, "shape"), ==, "long");
  g_assert_cmpstr (json_object_get_string_member (object, "granularity"), ==, "daily");
  g_assert_cmpstr (json_object_get_string_member (object, "delimiter"), ==, ",");
  g_assert_cmpstr (json_object_get_string_member (object, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (object, "date_format"), ==, "iso");
  g_assert_cmpint (json_object_get_int_member (object, "header_row"), ==, 1);
  g_assert_true (json_object_get_null_member (object, "mapping"));
  g_assert_cmpint (json_object_get_int_member (object, "inserted"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "merged"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "rejected"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "first_date"), ==, "2025-01-01");
  g_assert_cmpstr (json_object_get_string_member (object, "last_date"), ==, "2025-01-03");

  channels = json_object_get_array_member (object, "channels");
  g_assert_cmpuint (json_array_get_length (channels), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (channels, 0), ==, "Facebook Ads");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object,
                                                                                "ignored_columns"),
                                                  0), ==, "campaign");
  g_assert_true (json_object_has_member (object, "notes"));

  errors = json_object_get_array_member (object, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  issue = json_array_get_object_element (errors, 0);
  g_assert_cmpint (json_object_get_int_member (issue, "row"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (issue, "column"), ==, "spend");
  g_assert_nonnull (strstr (json_object_get_string_member (issue, "message"), "“abc”"));
  issue = json_array_get_object_element (errors, 1);
  g_assert_cmpint (json_object_get_int_member (issue, "row"), ==, 4);
  g_assert_true (json_object_get_null_member (issue, "column"));
  g_assert_nonnull (strstr (json_object_get_string_member (issue, "message"), "Too few fields"));
  g_assert_cmpint (json_object_get_int_member (object, "errors_not_listed"), ==, 0);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static gboolean
collect_fields_cb (const MmxCsvRecord  *record,
                   gpointer             user_data,
                   GError             **error)
{
  GPtrArray *rows = user_data;

  g_ptr_array_add (rows, g_strdupv ((GStrv) record->fields));
  return TRUE;
}

/* The rejected rows as CSV, quoted where the values need it, read back
 * by our own reader to the same values. */
static void
test_issues_to_csv (void)
{
  g_autoptr(MmxImportSummary) summary = mmx_import_summary_new ("report, \"final\".csv");
  g_autofree char *csv = NULL;
  g_autofree char *file_text = NULL;
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MmxCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;

  mmx_import_summary_add_issue (summary, 3, "Spend, USD", "“1,5” is not a number.");
  mmx_import_summary_add_issue (summary, 4, NULL, "A quote is misplaced: write \"\" inside.");
  mmx_import_summary_add_issue (summary, 5, "date", "Plain message.");
  mmx_import_summary_add_issue (summary, 6, "note", "Line one\nline two.");

  csv = mmx_import_summary_issues_to_csv (summary);
  g_assert_cmpstr (csv, ==,
                   "\"report, \"\"final\"\".csv\",3,\"Spend, USD\",\"“1,5” is not a number.\"\r\n"
                   "\"report, \"\"final\"\".csv\",4,,"
                   "\"A quote is misplaced: write \"\"\"\" inside.\"\r\n"
                   "\"report, \"\"final\"\".csv\",5,date,Plain message.\r\n"
                   "\"report, \"\"final\"\".csv\",6,note,\"Line one\nline two.\"\r\n");

  file_text = g_strconcat (MMX_IMPORT_ISSUES_CSV_HEADER, csv, NULL);
  path = mmx_test_write_file (dir, "issues.csv", file_text, -1);
  file = g_file_new_for_path (path);
  reader = mmx_csv_reader_new (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mmx_csv_reader_foreach (reader, collect_fields_cb, rows, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rows->len, ==, 5);
  assert_strv (g_ptr_array_index (rows, 0), "file", "row", "column", "message", NULL);
  assert_strv (g_ptr_array_index (rows, 1),
               "report, \"final\".csv", "3", "Spend, USD", "“1,5” is not a number.", NULL);
  assert_strv (g_ptr_array_index (rows, 2),
               "report, \"final\".csv", "4", "", "A quote is misplaced: write \"\" inside.", NULL);
  assert_strv (g_ptr_array_index (rows, 4),
               "report, \"final\".csv", "6", "note", "Line one\nline two.", NULL);

  mmx_test_remove_dir (dir);
}

/* A file with a million broken rows keeps a bounded list. */
static void
test_issue_limit (void)
{
  g_autoptr(MmxImportSummary) summary = mmx_import_summary_new ("broken.csv");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  for (guint i = 0; i < MMX_IMPORT_MAX_LISTED_ISSUES + 5; i++)
    mmx_import_summary_add_issue (summary, i + 2, "spend", "Bad.");
  g_assert_cmpuint (summary->issues->len, ==, MMX_IMPORT_MAX_LISTED_ISSUES);
  g_assert_cmpuint (summary->n_issues, ==, MMX_IMPORT_MAX_LISTED_ISSUES + 5);

  json_builder_begin_object (builder);
  mmx_import_summary_build_json (summary, builder);
  json_builder_end_object (builder);
  object = parse_object (builder, &root);
  g_assert_cmpint (json_object_get_int_member (object, "errors_not_listed"), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==,
                    MMX_IMPORT_MAX_LISTED_ISSUES);
}

/* Files as they come */

/* A byte-order mark must not hide the "date" header, and CRLF line ends
 * must not shift row numbers. */
static void
test_bom_and_crlf (void)
{
  static const char contents[] =
    "\xEF\xBB\xBF" "date,channel,spend,revenue\r\n"
    "2025-01-01,Facebook Ads,10,20\r\n"
    "\r\n"
    "2025-01-02,Facebook Ads,11,21\r\n"
    "2025-01-03,Facebook Ads,oops,21\r\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = import_ok (store, dir, "bom.csv", contents, NULL);

  g_assert_cmpuint (summary->header_row, ==, 1);
  g_assert_cmpuint (summary->inserted, ==, 2);
  g_assert_cmpuint (summary->rejected, ==, 1);
  assert_issue (summary, 5, "spend", "“oops”");
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-02"), ==, 21);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_utf16_file (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(GByteArray) bytes = encode ("date\tchannel\tspend\n"
                                        "2025-01-01\tCafé Crème\t10\n"
                                        "2025-01-02\tCafé Crème\t11\n", "UTF-16LE", "\xFF\xFE", 2);
  g_autofree char *path = mmx_test_write_file (dir, "excel.txt", (const char *) bytes->data,
                                               bytes->len);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = mmx_test_import_file (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->encoding, ==, "UTF-16LE");
  g_assert_cmpint (summary->delimiter, ==, '\t');
  g_assert_cmpuint (summary->inserted, ==, 2);
  assert_strv ((const char * const *) summary->channels, "Café Crème", NULL);
  g_assert_cmpfloat (metric (store, "spend", "Café Crème", "2025-01-02"), ==, 11);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_windows_1252_file (void)
{
  static const char contents[] =
    "date,channel,spend\r\n"
    "2025-01-01,Caf\xE9,\x80 5\r\n"
    "2025-01-02,Caf\xE9,\x80 6\r\n";
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = import_ok (store, dir, "ansi.csv", contents, NULL);

  g_assert_cmpstr (summary->encoding, ==, "WINDOWS-1252");
  g_assert_true (strv_has_substring ((const char * const *) summary->notes, "not UTF-8"));
  g_assert_cmpuint (summary->inserted, ==, 2);
  g_assert_cmpfloat (metric (store, "spend", "Café", "2025-01-02"), ==, 6);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

static void
test_other_delimiters (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) tab = import_fixture (store, "tab.tsv", NULL);
  g_autoptr(MmxImportSummary) bar = NULL;
  g_autoptr(MmxImportSummary) quoted = NULL;

  g_assert_cmpint (tab->delimiter, ==, '\t');
  g_assert_cmpuint (tab->inserted, ==, 3);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-01"), ==, 30);

  bar = import_fixture (store, "bar.csv", NULL);
  g_assert_cmpint (bar->delimiter, ==, '|');
  g_assert_cmpuint (bar->updated, ==, 3);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 1000.5);
  g_assert_cmpfloat (metric (store, "revenue", "Facebook Ads", "2025-01-01"), ==, 2000);

  /* A quoted channel with the delimiter in it. */
  quoted = import_fixture (store, "quoted.csv", NULL);
  g_assert_cmpuint (quoted->inserted, ==, 3);
  g_assert_cmpuint (quoted->rejected, ==, 0);
  g_assert_cmpfloat (metric (store, "spend", "TikTok Ads", "2025-03-03"), ==, 30);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-03-02"), ==, 20);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Spellings of one channel are one channel: same day, one row. */
static void
test_channel_normalisation (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxImportSummary) summary = NULL;

  summary = import_ok (store, dir, "spellings.csv",
                       "date,channel,spend\n"
                       "2025-01-01,FB Ads,1\n"
                       "2025-01-01,facebook ads,2\n"
                       "2025-01-01,Meta Ads,4\n"
                       "2025-01-01,Google Search,8\n"
                       "2025-01-01,direct_mail,16\n", NULL);

  g_assert_cmpuint (summary->inserted, ==, 3);
  g_assert_cmpuint (summary->merged, ==, 2);
  assert_strv ((const char * const *) summary->channels,
               "Direct Mail", "Facebook Ads", "Google Ads", NULL);
  g_assert_cmpfloat (metric (store, "spend", "Facebook Ads", "2025-01-01"), ==, 7);
  g_assert_cmpfloat (metric (store, "spend", "Google Ads", "2025-01-01"), ==, 8);
  g_assert_cmpfloat (metric (store, "spend", "Direct Mail", "2025-01-01"), ==, 16);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM channel WHERE kind = 'media'"),
                   ==, 3);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* A delimiter the caller says wins over the one detected. */
static void
test_delimiter_given (void)
{
  g_autofree char *dir = mmx_test_make_dir ();
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autofree char *path = mmx_test_write_file (dir, "both.csv",
                                               "date;revenue;spend_tv,x\n"
                                               "2025-01-06;100;10,0\n"
                                               "2025-01-13;110;12,0\n", -1);
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = mmx_test_open_import (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mmx_import_get_delimiter (import), ==, ';');
  g_assert_true (mmx_import_get_delimiter_ambiguous (import));
  g_assert_cmpuint (mmx_import_get_n_columns (import), ==, 3);
  g_clear_object (&import);

  /* Commas leave no date column: the plan says so. */
  mmx_column_mapping_set_delimiter (mapping, ',');
  import = mmx_test_open_import (store, path, mapping, &error);
  g_assert_null (import);
  g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_HEADER);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/import/long", test_long);
  g_test_add_func ("/mmx/core/import/delimiter-given", test_delimiter_given);
  g_test_add_func ("/mmx/core/import/wide", test_wide);
  g_test_add_func ("/mmx/core/import/wide-channel-names", test_wide_channel_names);
  g_test_add_func ("/mmx/core/import/single-channel/from-mapping",
                   test_single_channel_from_mapping);
  g_test_add_func ("/mmx/core/import/single-channel/from-file-name",
                   test_single_channel_from_file_name);
  g_test_add_func ("/mmx/core/import/single-channel/unknown", test_single_channel_unknown);
  g_test_add_func ("/mmx/core/import/header/export-names", test_header_export_names);
  g_test_add_func ("/mmx/core/import/mapping/explicit", test_explicit_mapping);
  g_test_add_func ("/mmx/core/import/mapping/partial", test_partial_mapping);
  g_test_add_func ("/mmx/core/import/mapping/bad", test_bad_mapping);
  g_test_add_func ("/mmx/core/import/mapping/saved", test_saved_mapping);
  g_test_add_func ("/mmx/core/import/mapping/saved-overridden", test_saved_mapping_overridden);
  g_test_add_func ("/mmx/core/import/rows/errors", test_row_errors);
  g_test_add_func ("/mmx/core/import/rows/several-errors", test_row_errors_several_per_row);
  g_test_add_func ("/mmx/core/import/rows/short-with-ignored-columns",
                   test_short_rows_with_ignored_columns);
  g_test_add_func ("/mmx/core/import/rows/quote-problems", test_quote_problems);
  g_test_add_func ("/mmx/core/import/unusable", test_unusable_files);
  g_test_add_func ("/mmx/core/import/reimport-idempotent", test_reimport_idempotent);
  g_test_add_func ("/mmx/core/import/merge-same-file", test_merge_same_file);
  g_test_add_func ("/mmx/core/import/later-file-replaces", test_later_file_replaces);
  g_test_add_func ("/mmx/core/import/all-rows-bad", test_all_rows_bad);
  g_test_add_func ("/mmx/core/import/all-rows-bad-fresh", test_all_rows_bad_fresh);
  g_test_add_func ("/mmx/core/import/cancelled/before", test_cancelled_before);
  g_test_add_func ("/mmx/core/import/cancelled/while-running", test_cancelled_while_running);
  g_test_add_func ("/mmx/core/import/progress", test_progress);
  g_test_add_func ("/mmx/core/import/granularity/weekly", test_weekly);
  g_test_add_func ("/mmx/core/import/granularity/daily-into-weekly", test_daily_into_weekly);
  g_test_add_func ("/mmx/core/import/granularity/monthly", test_monthly);
  g_test_add_func ("/mmx/core/import/dates/day-first", test_dates_day_first);
  g_test_add_func ("/mmx/core/import/dates/month-first", test_dates_month_first);
  g_test_add_func ("/mmx/core/import/dates/by-rhythm", test_dates_by_rhythm);
  g_test_add_func ("/mmx/core/import/dates/by-rhythm-through-same-day-and-month",
                   test_dates_by_rhythm_through_same_day_and_month);
  g_test_add_func ("/mmx/core/import/dates/ambiguous", test_dates_ambiguous);
  g_test_add_func ("/mmx/core/import/dates/ambiguous-chosen", test_dates_ambiguous_chosen);
  g_test_add_func ("/mmx/core/import/dates/other-formats", test_dates_other_formats);
  g_test_add_func ("/mmx/core/import/numbers/decimal-comma", test_decimal_comma);
  g_test_add_func ("/mmx/core/import/numbers/semicolon-decimal-point",
                   test_semicolon_with_decimal_point);
  g_test_add_func ("/mmx/core/import/numbers/currency", test_currency_symbols);
  g_test_add_func ("/mmx/core/import/controls", test_controls);
  g_test_add_func ("/mmx/core/import/controls-mapped", test_controls_mapped);
  g_test_add_func ("/mmx/core/import/geo", test_geo);
  g_test_add_func ("/mmx/core/import/revenue-per-conversion", test_revenue_per_conversion);
  g_test_add_func ("/mmx/core/import/title-and-total-rows", test_title_and_total_rows);
  g_test_add_func ("/mmx/core/import/preview", test_preview);
  g_test_add_func ("/mmx/core/import/preview-wide", test_preview_wide);
  g_test_add_func ("/mmx/core/import/preview-sample-limit", test_preview_sample_limit);
  g_test_add_func ("/mmx/core/import/preview-json", test_preview_json);
  g_test_add_func ("/mmx/core/import/summary-json", test_summary_json);
  g_test_add_func ("/mmx/core/import/issues-to-csv", test_issues_to_csv);
  g_test_add_func ("/mmx/core/import/issue-limit", test_issue_limit);
  g_test_add_func ("/mmx/core/import/files/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/mmx/core/import/files/utf16", test_utf16_file);
  g_test_add_func ("/mmx/core/import/files/windows-1252", test_windows_1252_file);
  g_test_add_func ("/mmx/core/import/files/other-delimiters", test_other_delimiters);
  g_test_add_func ("/mmx/core/import/channel-normalisation", test_channel_normalisation);

  return g_test_run ();
}
