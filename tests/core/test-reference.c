/* test-reference.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mmx-test-utils.h"

/* The public reference data of other MMM projects (PyMC-Marketing, the
 * PyMC Labs parameter-recovery benchmark, Meridian, Robyn), copied into
 * tests/data/reference (see its NOTICE). Their headers are nothing an
 * importer can guess ("y", "x1", "tv_S"), so each file comes with the
 * column mapping a user would give, and must then import whole: every row,
 * the right channels, weekly, and the totals the projects publish.
 *
 * Totals come from the data's README where it gives them (rounded there,
 * hence the tolerances); the others were summed from the files with Python,
 * independently of our parser. */

#define MAX_MAPS     24
#define MAX_CHANNELS 6

typedef struct
{
  const char *name;
  double      revenue;
  double      tolerance;
} ChannelTotal;

typedef struct
{
  const char   *test_path;
  const char   *path;
  const char   *maps[MAX_MAPS];
  guint         rows;
  guint         weeks;
  guint         geos;
  const char   *first_date;
  const char   *last_date;
  const char   *channels;
  const char   *controls;
  double        spend;
  double        revenue;
  double        revenue_tolerance;
  ChannelTotal  channel_revenue[MAX_CHANNELS];
} ReferenceFile;

/* Revenue and spend checked to this relative error when no tolerance is
 * given: the sums of the same doubles in another order. */
#define RELATIVE_EPSILON 1e-9

static const ReferenceFile reference_files[] = {
  {
    "/mmx/core/reference/pymc-marketing/mmm-roas-data",
    "pymc_marketing/mmm_roas_data.csv",
    { "date=date", "y=revenue", "x1=spend:x1", "x2=spend:x2", "z=control",
      /* The generating process and the answer are not model input. */
      "dayofyear=ignore", "quarter=ignore", "trend=ignore", "cs=ignore", "cc=ignore",
      "seasonality=ignore", "epsilon=ignore", "x1_adstock=ignore", "x2_adstock=ignore",
      "x1_adstock_saturated=ignore", "x2_adstock_saturated=ignore", "x1_effect=ignore",
      "x2_effect=ignore", "y01=ignore", "y02=ignore", NULL },
    131, 131, 1, "2021-10-02", "2024-03-30",
    "X1|X2", "z",
    148.57442342124762, 48739.70, 0.01,
    { { NULL } },
  },
  {
    "/mmx/core/reference/pymc-marketing/mmm-example",
    "pymc_marketing/mmm_example.csv",
    { "date_week=date", "y=revenue", "x1=spend:x1", "x2=spend:x2", "event_1=control",
      "event_2=control", "dayofyear=ignore", "t=ignore", NULL },
    179, 179, 1, "2018-04-02", "2021-08-30",
    "X1|X2", "event_1|event_2",
    84.29675086712064, 946006, 0.5,
    { { NULL } },
  },
  {
    /* The true contribution of each channel, in revenue: no spend at all. */
    "/mmx/core/reference/pymc-marketing/mmm-example-true-contributions",
    "pymc_marketing/mmm_example_true_contributions_DERIVED.csv",
    { "date_week=date", "x1_contribution=revenue:x1", "x2_contribution=revenue:x2", NULL },
    179, 179, 1, "2018-04-02", "2021-08-30",
    "X1|X2", NULL,
    NAN, 340754.27788861777, 0,
    { { "X1", 274848, 0.5 }, { "X2", 65906, 0.5 }, { NULL } },
  },
  {
    "/mmx/core/reference/pymc-mmm-param-recovery/input-data-raw",
    "pymc_mmm_param_recovery/input_data_RAW.csv",
    { "date_week=date", "y=revenue", "x1=spend:x1", "x2=spend:x2", "x3=spend:x3",
      "x4=spend:x4", "c1=control", "c2=control", "c3=control", NULL },
    159, 159, 1, "2022-06-06", "2025-06-16",
    "X1|X2|X3|X4", "c1|c2|c3",
    202.70398790900785, 870.4, 0.1,
    { { NULL } },
  },
  {
    /* The weekly truth; x2 as the project stored it (saturated). */
    "/mmx/core/reference/pymc-mmm-param-recovery/true-output-data",
    "pymc_mmm_param_recovery/true_output_data.csv",
    { "date_week=date", "x1=revenue:x1", "x2=revenue:x2", "x3=revenue:x3", "x4=revenue:x4",
      "intercept=ignore", "c1=ignore", "c2=ignore", "c3=ignore", "trend=ignore",
      "seasonality=ignore", NULL },
    159, 159, 1, "2022-06-06", "2025-06-16",
    "X1|X2|X3|X4", NULL,
    NAN, 325.4231288025007, 0,
    { { "X1", 83.0, 0.05 }, { "X2", 104.08693014373435, 1e-9 }, { "X3", 118.3, 0.05 },
      { "X4", 20.1, 0.05 }, { NULL } },
  },
  {
    /* The same with x2 unsaturated, as y was generated: the README's totals. */
    "/mmx/core/reference/pymc-mmm-param-recovery/true-output-data-x2-corrected",
    "pymc_mmm_param_recovery/true_output_data_x2_corrected_DERIVED.csv",
    { "date_week=date", "x1=revenue:x1", "x2=revenue:x2", "x3=revenue:x3", "x4=revenue:x4",
      "intercept=ignore", "c1=ignore", "c2=ignore", "c3=ignore", "trend=ignore",
      "seasonality=ignore", NULL },
    159, 159, 1, "2022-06-06", "2025-06-16",
    "X1|X2|X3|X4", NULL,
    NAN, 349.12293787696456, 0,
    { { "X1", 83.0, 0.05 }, { "X2", 127.8, 0.05 }, { "X3", 118.3, 0.05 },
      { "X4", 20.1, 0.05 }, { NULL } },
  },
  {
    /* "events" is text ("na", "event1", "event2"): one control per category.
     * Facebook and OOH take their built-in canonical names. */
    "/mmx/core/reference/robyn/dt-simulated-weekly",
    "robyn/dt_simulated_weekly.csv",
    { "DATE=date", "revenue=revenue", "tv_S=spend:TV", "ooh_S=spend:OOH",
      "print_S=spend:Print", "facebook_S=spend:Facebook", "search_S=spend:Search",
      "facebook_I=impressions:Facebook", "search_clicks_P=clicks:Search",
      "competitor_sales_B=control", "events=control", "newsletter=control", NULL },
    208, 208, 1, "2015-11-23", "2019-11-11",
    "Facebook Ads|Out-of-Home|Print|Search|TV",
    "competitor_sales_B|events=event1|events=event2|newsletter",
    14529098.512313902, 379005696.6666665, 0,
    { { NULL } },
  },
  {
    /* Meridian: revenue is conversions × revenue per conversion. */
    "/mmx/core/reference/meridian/national-media",
    "meridian/national_media.csv",
    { "time=date", "conversions=conversions", "revenue_per_conversion=revenue_per_conversion",
      "Channel0_impression=impressions:Channel0", "Channel1_impression=impressions:Channel1",
      "Channel2_impression=impressions:Channel2", "Channel3_impression=impressions:Channel3",
      "Channel0_spend=spend:Channel0", "Channel1_spend=spend:Channel1",
      "Channel2_spend=spend:Channel2", "Channel3_spend=spend:Channel3",
      "competitor_activity_score_control=control", "sentiment_score_control=control", NULL },
    156, 156, 1, "2021-01-25", "2024-01-15",
    "Channel0|Channel1|Channel2|Channel3",
    "competitor_activity_score_control|sentiment_score_control",
    121740698.08299993, 1140591725.522867, 0,
    { { NULL } },
  },
  {
    "/mmx/core/reference/meridian/national-media-rf",
    "meridian/national_media_rf.csv",
    { "time=date", "conversions=conversions", "revenue_per_conversion=revenue_per_conversion",
      "Channel0_impression=impressions:Channel0", "Channel1_impression=impressions:Channel1",
      "Channel2_impression=impressions:Channel2", "Channel3_impression=impressions:Channel3",
      "Channel0_spend=spend:Channel0", "Channel1_spend=spend:Channel1",
      "Channel2_spend=spend:Channel2", "Channel3_spend=spend:Channel3",
      "Channel3_reach=ignore", "Channel3_frequency=ignore",
      "competitor_activity_score_control=control", "sentiment_score_control=control", NULL },
    156, 156, 1, "2021-01-25", "2024-01-15",
    "Channel0|Channel1|Channel2|Channel3",
    "competitor_activity_score_control|sentiment_score_control",
    110913255.32589988, 1185182267.207075, 0,
    { { NULL } },
  },
  {
    "/mmx/core/reference/meridian/national-all-channels",
    "meridian/national_all_channels.csv",
    { "time=date", "conversions=conversions", "revenue_per_conversion=revenue_per_conversion",
      "Channel0_impression=impressions:Channel0", "Channel1_impression=impressions:Channel1",
      "Channel2_impression=impressions:Channel2", "Channel3_impression=impressions:Channel3",
      "Channel4_impression=impressions:Channel4", "Channel0_spend=spend:Channel0",
      "Channel1_spend=spend:Channel1", "Channel2_spend=spend:Channel2",
      "Channel3_spend=spend:Channel3", "Channel4_spend=spend:Channel4",
      "Organic_channel0_impression=impressions:Organic channel0",
      "competitor_sales_control=control", "sentiment_score_control=control", "Promo=control",
      NULL },
    156, 156, 1, "2021-01-25", "2024-01-15",
    "Channel0|Channel1|Channel2|Channel3|Channel4|Organic channel0",
    "Promo|competitor_sales_control|sentiment_score_control",
    219492402.35048625, 1318718006.1275942, 0,
    { { NULL } },
  },
  {
    "/mmx/core/reference/meridian/geo-media",
    "meridian/geo_media.csv",
    { "geo=geo", "time=date", "conversions=conversions",
      "revenue_per_conversion=revenue_per_conversion", "population=ignore",
      "Channel0_impression=impressions:Channel0", "Channel1_impression=impressions:Channel1",
      "Channel2_impression=impressions:Channel2", "Channel3_impression=impressions:Channel3",
      "Channel0_spend=spend:Channel0", "Channel1_spend=spend:Channel1",
      "Channel2_spend=spend:Channel2", "Channel3_spend=spend:Channel3",
      "competitor_activity_score_control=control", "sentiment_score_control=control", NULL },
    156 * 20, 156, 20, "2021-01-25", "2024-01-15",
    "Channel0|Channel1|Channel2|Channel3",
    "competitor_activity_score_control|sentiment_score_control",
    121740698.07346305, 1140674674.9731495, 0,
    { { NULL } },
  },
  {
    "/mmx/core/reference/meridian/geo-media-rf",
    "meridian/geo_media_rf.csv",
    { "geo=geo", "time=date", "conversions=conversions",
      "revenue_per_conversion=revenue_per_conversion", "population=ignore",
      "Channel0_impression=impressions:Channel0", "Channel1_impression=impressions:Channel1",
      "Channel2_impression=impressions:Channel2", "Channel3_impression=impressions:Channel3",
      "Channel0_spend=spend:Channel0", "Channel1_spend=spend:Channel1",
      "Channel2_spend=spend:Channel2", "Channel3_spend=spend:Channel3",
      "Channel3_reach=ignore", "Channel3_frequency=ignore",
      "competitor_activity_score_control=control", "sentiment_score_control=control", NULL },
    156 * 20, 156, 20, "2021-01-25", "2024-01-15",
    "Channel0|Channel1|Channel2|Channel3",
    "competitor_activity_score_control|sentiment_score_control",
    110913255.55914874, 1185034033.9492874, 0,
    { { NULL } },
  },
  {
    /* The first column is a pandas index with an empty header: it cannot be
     * named in a mapping, and is left out as unrecognised. */
    "/mmx/core/reference/meridian/geo-all-channels",
    "meridian/geo_all_channels.csv",
    { "geo=geo", "time=date", "conversions=conversions",
      "revenue_per_conversion=revenue_per_conversion", "population=ignore",
      "Channel0_impression=impressions:Channel0", "Channel1_impression=impressions:Channel1",
      "Channel2_impression=impressions:Channel2", "Channel3_impression=impressions:Channel3",
      "Channel4_impression=impressions:Channel4", "Channel0_spend=spend:Channel0",
      "Channel1_spend=spend:Channel1", "Channel2_spend=spend:Channel2",
      "Channel3_spend=spend:Channel3", "Channel4_spend=spend:Channel4",
      "Organic_channel0_impression=impressions:Organic channel0",
      "competitor_sales_control=control", "sentiment_score_control=control", "Promo=control",
      NULL },
    156 * 40, 156, 40, "2021-01-25", "2024-01-15",
    "Channel0|Channel1|Channel2|Channel3|Channel4|Organic channel0",
    "Promo|competitor_sales_control|sentiment_score_control",
    219492402.35048595, 1318699437.7351642, 0,
    { { NULL } },
  },
  {
    "/mmx/core/reference/meridian/geo-full-funnel-data",
    "meridian/geo_full_funnel_data.csv",
    { "geo=geo", "time=date", "conversions=conversions",
      "revenue_per_conversion=revenue_per_conversion", "population=ignore",
      "AwarenessVideo_impression=impressions:AwarenessVideo",
      "PerformanceDisplay_impression=impressions:PerformanceDisplay",
      "PerformanceNative_impression=impressions:PerformanceNative",
      "AwarenessVideo_spend=spend:AwarenessVideo",
      "PerformanceDisplay_spend=spend:PerformanceDisplay",
      "PerformanceNative_spend=spend:PerformanceNative",
      "BrandedGQV_control=control", "GenericGQV_control=control", NULL },
    156 * 20, 156, 20, "2021-01-25", "2024-01-15",
    "AwarenessVideo|PerformanceDisplay|PerformanceNative",
    "BrandedGQV_control|GenericGQV_control",
    109519522.05375779, 1198071598.791814, 0,
    { { NULL } },
  },
  {
    /* A scenario file: a pandas index ("Unnamed: 0"), rows in no order, and
     * no outcome at all (revenue per conversion without conversions), so
     * only spend and impressions are stored. */
    "/mmx/core/reference/meridian/hypothetical-geo-all-channels",
    "meridian/hypothetical_geo_all_channels.csv",
    { "Unnamed: 0=ignore", "geo=geo", "time=date", "revenue_per_conversion=ignore",
      "population=ignore",
      "Channel0_impression=impressions:Channel0", "Channel1_impression=impressions:Channel1",
      "Channel2_impression=impressions:Channel2", "Channel3_impression=impressions:Channel3",
      "Channel4_impression=impressions:Channel4", "Channel0_spend=spend:Channel0",
      "Channel1_spend=spend:Channel1", "Channel2_spend=spend:Channel2",
      "Channel3_spend=spend:Channel3", "Channel4_spend=spend:Channel4",
      "Organic_channel0_impression=impressions:Organic channel0", "Promo=control", NULL },
    38 * 40, 38, 40, "2023-11-17", "2024-08-02",
    "Channel0|Channel1|Channel2|Channel3|Channel4|Organic channel0",
    "Promo",
    68068839.28406796, NAN, 0,
    { { NULL } },
  },
};

static char *
reference_path (const char *path)
{
  return g_test_build_filename (G_TEST_DIST, "data", "reference", path, NULL);
}

static MmxColumnMapping *
build_mapping (const char * const *maps)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();

  for (guint i = 0; maps[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      mmx_column_mapping_parse_argument (mapping, maps[i], &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&mapping);
}

static void
assert_close (double expected,
              double actual,
              double tolerance)
{
  if (tolerance <= 0)
    tolerance = fabs (expected) * RELATIVE_EPSILON;
  g_assert_cmpfloat_with_epsilon (actual, expected, tolerance);
}

/* Each stored control that is not a category holds a value on every row. */
static void
assert_controls_complete (MmxStore            *store,
                          const ReferenceFile *file)
{
  g_auto(GStrv) names = NULL;

  if (file->controls == NULL)
    return;
  names = g_strsplit (file->controls, "|", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;

      if (strchr (names[i], '=') != NULL)
        continue;
      sql = g_strdup_printf ("SELECT count(*) FROM control WHERE name = '%s'", names[i]);
      g_assert_cmpint (mmx_test_query_int (store, sql), ==, file->rows);
    }
}

static void
test_reference_file (gconstpointer data)
{
  const ReferenceFile *file = data;
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = reference_path (file->path);
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = build_mapping (file->maps);
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *controls = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  summary = mmx_test_import_file (store, path, mapping, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  /* Every data row, none rejected. */
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpuint (summary->n_issues, ==, 0);
  g_assert_cmpuint (summary->inserted, ==, file->rows);
  g_assert_cmpuint (summary->updated, ==, 0);
  g_assert_cmpuint (summary->merged, ==, 0);
  g_assert_cmpuint (summary->skipped, ==, 0);
  g_assert_cmpint (summary->shape, ==, MMX_IMPORT_SHAPE_WIDE);
  g_assert_cmpint (summary->granularity, ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpint (mmx_store_get_granularity (store, NULL), ==, MMX_GRANULARITY_WEEKLY);
  g_assert_cmpstr (summary->first_date, ==, file->first_date);
  g_assert_cmpstr (summary->last_date, ==, file->last_date);

  /* Weeks × geos, each once. */
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM "
                                              "(SELECT DISTINCT date, geo FROM metric)"),
                   ==, file->rows);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(DISTINCT date) FROM metric"),
                   ==, file->weeks);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(DISTINCT geo) FROM metric"),
                   ==, file->geos);

  channels = mmx_test_query_text (store, "SELECT group_concat(name, '|') FROM "
                                         "(SELECT name FROM channel WHERE kind = 'media' "
                                         " ORDER BY name)");
  g_assert_cmpstr (channels, ==, file->channels);

  controls = mmx_test_query_text (store, "SELECT group_concat(name, '|') FROM "
                                         "(SELECT DISTINCT name FROM control ORDER BY name)");
  g_assert_cmpstr (controls, ==, file->controls);
  assert_controls_complete (store, file);

  if (isnan (file->spend))
    g_assert_cmpint (mmx_test_query_int (store, "SELECT count(spend) FROM metric"), ==, 0);
  else
    assert_close (file->spend, mmx_test_query_double (store, "SELECT sum(spend) FROM metric"),
                  0);

  if (isnan (file->revenue))
    g_assert_cmpint (mmx_test_query_int (store, "SELECT count(revenue) FROM metric"), ==, 0);
  else
    assert_close (file->revenue, mmx_test_query_double (store, "SELECT sum(revenue) FROM metric"),
                  file->revenue_tolerance);

  for (guint i = 0; i < MAX_CHANNELS && file->channel_revenue[i].name != NULL; i++)
    {
      const ChannelTotal *total = &file->channel_revenue[i];
      g_autofree char *sql = g_strdup_printf ("SELECT sum(m.revenue) FROM metric m "
                                              "JOIN channel c ON c.id = m.channel_id "
                                              "WHERE c.name = '%s'", total->name);

      assert_close (total->revenue, mmx_test_query_double (store, sql), total->tolerance);
    }

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

/* Robyn's "events" column holds text; each category becomes a 0/1 control
 * that is 1 in the week of the event. */
static void
test_robyn_events (void)
{
  const ReferenceFile *file = NULL;
  g_autofree char *dir = mmx_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(MmxStore) store = mmx_test_open_store (dir);
  g_autoptr(MmxColumnMapping) mapping = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *event1 = NULL;
  g_autofree char *event2 = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reference_files); i++)
    if (g_str_has_prefix (reference_files[i].path, "robyn/"))
      file = &reference_files[i];
  g_assert_nonnull (file);

  path = reference_path (file->path);
  mapping = build_mapping (file->maps);
  summary = mmx_test_import_file (store, path, mapping, &error);
  g_assert_no_error (error);

  event1 = mmx_test_query_text (store, "SELECT group_concat(date) FROM control "
                                       "WHERE name = 'events=event1' AND value = 1");
  event2 = mmx_test_query_text (store, "SELECT group_concat(date) FROM control "
                                       "WHERE name = 'events=event2' AND value = 1");
  g_assert_cmpstr (event1, ==, "2018-05-21");
  g_assert_cmpstr (event2, ==, "2019-04-22");
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(*) FROM control "
                                              "WHERE name LIKE 'events=%' AND value <> 0"),
                   ==, 2);

  /* Impressions and clicks land on the channels whose spend they go with. */
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(m.impressions) FROM metric m "
                                              "JOIN channel c ON c.id = m.channel_id "
                                              "WHERE c.name = 'Facebook Ads'"), ==, 208);
  g_assert_cmpint (mmx_test_query_int (store, "SELECT count(m.clicks) FROM metric m "
                                              "JOIN channel c ON c.id = m.channel_id "
                                              "WHERE c.name = 'Search'"), ==, 208);

  g_clear_object (&store);
  mmx_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reference_files); i++)
    g_test_add_data_func (reference_files[i].test_path, &reference_files[i],
                          test_reference_file);
  g_test_add_func ("/mmx/core/reference/robyn/events", test_robyn_events);

  return g_test_run ();
}
