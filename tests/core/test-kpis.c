/* test-kpis.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-kpis.h"
#include "mmx-json.h"
#include "mmx-test-utils.h"

/* The expected values below are worked out by hand from these rows. */
static const char long_file[] =
  "date,channel,spend,revenue,conversions\n"
  "2025-01-01,Facebook Ads,100,250,5\n"
  "2025-01-01,Google Ads,200,300,10\n"
  "2025-01-02,Facebook Ads,50,100,2\n"
  "2025-01-02,Google Ads,0,40,1\n"
  "2025-01-03,Email,0,60,3\n"
  "2025-01-03,TikTok,30,,\n";

static const MmxChannelKpis *
find_channel (const MmxKpis *kpis,
              const char    *name)
{
  for (guint i = 0; i < kpis->channels->len; i++)
    {
      const MmxChannelKpis *channel = g_ptr_array_index (kpis->channels, i);

      if (g_strcmp0 (channel->name, name) == 0)
        return channel;
    }
  g_error ("no channel %s", name);
}

static void
test_whole_range (MmxTestStoreFixture *fixture,
                  gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxKpis) kpis = mmx_kpis_query (fixture->store, NULL, NULL, &error);
  const MmxChannelKpis *google, *facebook, *tiktok, *email;

  g_assert_no_error (error);
  g_assert_cmpstr (kpis->from, ==, "2025-01-01");
  g_assert_cmpstr (kpis->to, ==, "2025-01-03");
  g_assert_cmpfloat (kpis->spend, ==, 380);
  g_assert_cmpfloat (kpis->revenue, ==, 750);
  g_assert_cmpfloat_with_epsilon (kpis->roas, 750.0 / 380.0, 1e-12);
  g_assert_cmpfloat (kpis->conversions, ==, 21);

  /* By spend, highest first. */
  g_assert_cmpuint (kpis->channels->len, ==, 4);
  g_assert_cmpstr (((MmxChannelKpis *) g_ptr_array_index (kpis->channels, 0))->name, ==,
                   "Google Ads");
  g_assert_cmpstr (((MmxChannelKpis *) g_ptr_array_index (kpis->channels, 1))->name, ==,
                   "Facebook Ads");
  g_assert_cmpstr (((MmxChannelKpis *) g_ptr_array_index (kpis->channels, 2))->name, ==,
                   "TikTok Ads");
  g_assert_cmpstr (((MmxChannelKpis *) g_ptr_array_index (kpis->channels, 3))->name, ==, "Email");

  google = find_channel (kpis, "Google Ads");
  g_assert_cmpfloat (google->spend, ==, 200);
  g_assert_cmpfloat (google->revenue, ==, 340);
  g_assert_cmpfloat_with_epsilon (google->roas, 1.7, 1e-12);
  g_assert_cmpfloat (google->conversions, ==, 11);
  g_assert_cmpfloat_with_epsilon (google->spend_share, 200.0 / 380.0, 1e-12);

  facebook = find_channel (kpis, "Facebook Ads");
  g_assert_cmpfloat (facebook->spend, ==, 150);
  g_assert_cmpfloat (facebook->revenue, ==, 350);
  g_assert_cmpfloat_with_epsilon (facebook->roas, 350.0 / 150.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (facebook->spend_share, 150.0 / 380.0, 1e-12);

  /* Spend without reported revenue: no ROAS, no conversions. */
  tiktok = find_channel (kpis, "TikTok Ads");
  g_assert_cmpfloat (tiktok->spend, ==, 30);
  g_assert_true (isnan (tiktok->revenue));
  g_assert_true (isnan (tiktok->roas));
  g_assert_true (isnan (tiktok->conversions));

  /* Revenue without spend: "no ROAS", never an infinity. */
  email = find_channel (kpis, "Email");
  g_assert_cmpfloat (email->spend, ==, 0);
  g_assert_cmpfloat (email->revenue, ==, 60);
  g_assert_true (isnan (email->roas));
  g_assert_cmpfloat (email->spend_share, ==, 0);
  g_assert_false (email->is_total);
}

static void
test_range (MmxTestStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxKpis) kpis = mmx_kpis_query (fixture->store, "2025-01-02", "2025-01-03", &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (kpis->spend, ==, 80);
  g_assert_cmpfloat (kpis->revenue, ==, 200);
  g_assert_cmpfloat (kpis->conversions, ==, 6);
  g_assert_cmpfloat_with_epsilon (find_channel (kpis, "Facebook Ads")->roas, 2.0, 1e-12);
  g_assert_true (isnan (find_channel (kpis, "Google Ads")->roas));

  g_clear_pointer (&kpis, mmx_kpis_free);
  kpis = mmx_kpis_query (fixture->store, "2025-01-02", NULL, &error);
  g_assert_cmpstr (kpis->to, ==, "2025-01-03");
  g_assert_cmpfloat (kpis->spend, ==, 80);

  /* A range with no data has nothing to divide. */
  g_clear_pointer (&kpis, mmx_kpis_free);
  kpis = mmx_kpis_query (fixture->store, "2024-01-01", "2024-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (kpis->spend, ==, 0);
  g_assert_true (isnan (kpis->revenue));
  g_assert_true (isnan (kpis->roas));
  g_assert_cmpuint (kpis->channels->len, ==, 0);
}

static void
test_bad_range (MmxTestStoreFixture *fixture,
                gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxKpis) kpis = NULL;

  kpis = mmx_kpis_query (fixture->store, "2025-01-03", "2025-01-01", &error);
  g_assert_null (kpis);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  kpis = mmx_kpis_query (fixture->store, "01/02/2025", NULL, &error);
  g_assert_null (kpis);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "01/02/2025"));
  g_clear_error (&error);

  kpis = mmx_kpis_query (fixture->store, "2025-02-30", NULL, &error);
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
}

static void
test_empty_database (MmxTestStoreFixture *fixture,
                     gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxKpis) kpis = mmx_kpis_query (fixture->store, NULL, NULL, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_null (kpis->from);
  g_assert_cmpfloat (kpis->spend, ==, 0);
  g_assert_true (isnan (kpis->roas));

  json_builder_begin_object (builder);
  mmx_kpis_build_json (kpis, builder);
  json_builder_end_object (builder);
  json = mmx_json_to_string (builder, FALSE);
  g_assert_cmpstr (json, ==, "{\"from\":null,\"to\":null,\"spend\":0.0,\"revenue\":null,"
                             "\"roas\":null,\"conversions\":null,\"channels\":[]}");
}

/* A wide file's revenue belongs to no channel: it counts in the total and
 * stands on its own line. */
static void
test_wide_revenue (MmxTestStoreFixture *fixture,
                   gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(MmxKpis) kpis = NULL;
  const MmxChannelKpis *unattributed;

  summary = mmx_test_import_text (fixture->store, fixture->dir, "wide.csv",
                                  "date,revenue,spend_facebook,spend_google\n"
                                  "2025-01-01,1000,100,200\n"
                                  "2025-01-02,800,50,0\n", NULL, &error);
  g_assert_no_error (error);

  kpis = mmx_kpis_query (fixture->store, NULL, NULL, &error);
  g_assert_cmpfloat (kpis->spend, ==, 350);
  g_assert_cmpfloat (kpis->revenue, ==, 1800);
  g_assert_cmpfloat_with_epsilon (kpis->roas, 1800.0 / 350.0, 1e-12);
  g_assert_cmpuint (kpis->channels->len, ==, 3);

  unattributed = g_ptr_array_index (kpis->channels, 2);
  g_assert_true (unattributed->is_total);
  g_assert_cmpstr (unattributed->name, ==, "Unattributed");
  g_assert_cmpfloat (unattributed->revenue, ==, 1800);
  g_assert_cmpfloat (unattributed->spend, ==, 0);
  g_assert_true (isnan (unattributed->roas));
  g_assert_true (isnan (find_channel (kpis, "Facebook Ads")->revenue));
  g_assert_true (isnan (find_channel (kpis, "Facebook Ads")->roas));
}

static void
test_json (MmxTestStoreFixture *fixture,
           gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxKpis) kpis = mmx_kpis_query (fixture->store, NULL, NULL, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonArray *channels;
  JsonObject *tiktok;

  json_builder_begin_object (builder);
  mmx_kpis_build_json (kpis, builder);
  json_builder_end_object (builder);
  text = mmx_json_to_string (builder, TRUE);
  root = json_from_string (text, &error);
  g_assert_no_error (error);

  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2025-01-01");
  g_assert_cmpfloat (json_object_get_double_member (object, "spend"), ==, 380);
  channels = json_object_get_array_member (object, "channels");
  g_assert_cmpuint (json_array_get_length (channels), ==, 4);
  tiktok = json_array_get_object_element (channels, 2);
  g_assert_cmpstr (json_object_get_string_member (tiktok, "name"), ==, "TikTok Ads");
  g_assert_true (json_object_get_null_member (tiktok, "roas"));
  g_assert_true (json_object_get_null_member (tiktok, "revenue"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (tiktok, "spend_share"),
                                  30.0 / 380.0, 1e-12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD MMX_TEST_ADD_STORE_TEST
  ADD ("/mmx/core/kpis/whole-range", long_file, test_whole_range);
  ADD ("/mmx/core/kpis/range", long_file, test_range);
  ADD ("/mmx/core/kpis/bad-range", long_file, test_bad_range);
  ADD ("/mmx/core/kpis/empty-database", NULL, test_empty_database);
  ADD ("/mmx/core/kpis/wide-revenue", NULL, test_wide_revenue);
  ADD ("/mmx/core/kpis/json", long_file, test_json);
#undef ADD

  return g_test_run ();
}
