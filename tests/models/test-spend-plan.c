/* test-spend-plan.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-date.h"
#include "mmx-import-error.h"
#include "mmx-model-error.h"
#include "mmx-spend-plan.h"
#include "mmx-spend-scenario-text.h"
#include "mmx-test-utils.h"

/* Scenarios and spend plans name channels as a user writes them; both
 * read the names as the import does, through the store. */

static const char history_csv[] =
  "date,channel,spend,revenue\n"
  "2025-01-01,Meta Ads,100,900\n2025-01-01,Klaviyo,10,300\n"
  "2025-01-02,Meta Ads,120,950\n2025-01-02,Klaviyo,12,310\n"
  "2025-01-03,Meta Ads,90,880\n2025-01-03,Klaviyo,11,290\n";

static MmxPanel *
load_panel (MmxTestStoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  MmxPanel *panel = mmx_panel_load (fixture->store, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (panel->n_channels, ==, 2);
  g_assert_cmpstr (panel->channel_names[0], ==, "Email");
  g_assert_cmpstr (panel->channel_names[1], ==, "Facebook Ads");
  return panel;
}

static MmxSpendScenario *
parse (MmxTestStoreFixture  *fixture,
       MmxPanel             *panel,
       const char           *text,
       GError              **error)
{
  return mmx_spend_scenario_parse (text, fixture->store,
                                   (const char * const *) panel->channel_names, error);
}

static void
assert_change (MmxSpendScenario   *scenario,
               guint               index,
               const char         *channel,
               MmxSpendChangeKind  kind,
               double              value)
{
  const MmxSpendChange *change = mmx_spend_scenario_get_change (scenario, index);

  g_assert_cmpstr (change->channel, ==, channel);
  g_assert_cmpint (change->kind, ==, kind);
  g_assert_cmpfloat_with_epsilon (change->value, value, 1e-12);
}

static void
test_scenario_parse (MmxTestStoreFixture *fixture,
                     gconstpointer        data)
{
  g_autoptr(MmxPanel) panel = load_panel (fixture);
  g_autoptr(MmxSpendScenario) simple = NULL;
  g_autoptr(MmxSpendScenario) mixed = NULL;
  g_autoptr(MmxSpendScenario) aliased = NULL;
  g_autoptr(GError) error = NULL;

  simple = parse (fixture, panel, "more-meta:Facebook Ads=+20%", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mmx_spend_scenario_get_name (simple), ==, "more-meta");
  g_assert_cmpuint (mmx_spend_scenario_get_n_changes (simple), ==, 1);
  assert_change (simple, 0, "Facebook Ads", MMX_SPEND_CHANGE_RELATIVE, 0.2);

  /* Names as the import reads them, amounts per day or week, every
   * channel, and spaces where a user puts them. */
  mixed = parse (fixture, panel, " summer plan : *=+5% , FB Ads = -10 %, email=150/day,"
                                 "Klaviyo=700/week, facebook_ads=0", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mmx_spend_scenario_get_name (mixed), ==, "summer plan");
  g_assert_cmpuint (mmx_spend_scenario_get_n_changes (mixed), ==, 5);
  assert_change (mixed, 0, NULL, MMX_SPEND_CHANGE_RELATIVE, 0.05);
  assert_change (mixed, 1, "Facebook Ads", MMX_SPEND_CHANGE_RELATIVE, -0.1);
  assert_change (mixed, 2, "Email", MMX_SPEND_CHANGE_PER_DAY, 150);
  assert_change (mixed, 3, "Email", MMX_SPEND_CHANGE_PER_DAY, 100);
  assert_change (mixed, 4, "Facebook Ads", MMX_SPEND_CHANGE_PER_DAY, 0);

  /* A custom name the profile maps. */
  g_assert_true (mmx_store_map_channel (fixture->store, "Newsletter Pro", "Email", NULL, &error));
  g_assert_no_error (error);
  aliased = parse (fixture, panel, "n:Newsletter Pro=-100%", &error);
  g_assert_no_error (error);
  assert_change (aliased, 0, "Email", MMX_SPEND_CHANGE_RELATIVE, -1);
}

static void
test_scenario_errors (MmxTestStoreFixture *fixture,
                      gconstpointer        data)
{
  g_autoptr(MmxPanel) panel = load_panel (fixture);
  const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "Email=+20%", "“Email=+20%” is not a scenario. Write NAME:CHANNEL=CHANGE" },
    { ":Email=+20%", "is not a scenario" },
    { "x:", "“x:” is not a scenario" },
    { "x: ", "is not a scenario" },
    { "x:Email", "In scenario “x”, “Email” is not a change." },
    { "x:Email=20%", "“20%” is not a change of spend" },
    { "x:Email=lots", "“lots” is not a change of spend" },
    { "x:Email=150/month", "“150/month” is not a change of spend" },
    { "x:Email=150", "“150” is not a change of spend" },
    { "x:Email=-5/day", "“-5/day” is not a change of spend" },
    { "x:Email=-150%", "-150% would make the spend of Email negative" },
    { "x:Radio=+10%", "In scenario “x”, “Radio” is not a channel with spend in the history, so "
                      "its effect is unknown. The channels are: Email, Facebook Ads." },
    { "x:Email=+1%,", "“” is not a change" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MmxSpendScenario) scenario = parse (fixture, panel, cases[c].text, &error);

      g_assert_null (scenario);
      mmx_test_assert_error_says (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                                  cases[c].message);
    }
}

static MmxSpendPlan *
load_plan (MmxTestStoreFixture  *fixture,
           MmxPanel             *panel,
           const char           *contents,
           GError              **error)
{
  g_autofree char *path = mmx_test_write_file (fixture->dir, "plan.csv", contents, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return mmx_spend_plan_load (file, fixture->store, panel, NULL, error);
}

static void
assert_entry (MmxSpendPlan *plan,
              guint         index,
              const char   *date,
              const char   *channel,
              double        spend)
{
  const MmxSpendPlanEntry *entry = mmx_spend_plan_get_entry (plan, index);

  g_assert_cmpuint (entry->day, ==, mmx_date_julian_from_iso (date));
  g_assert_cmpstr (entry->channel, ==, channel);
  g_assert_cmpfloat (entry->spend, ==, spend);
}

static void
test_plan_load (MmxTestStoreFixture *fixture,
                gconstpointer        data)
{
  g_autoptr(MmxPanel) panel = load_panel (fixture);
  g_autoptr(MmxSpendPlan) plan = NULL;
  g_autoptr(MmxSpendPlan) european = NULL;
  g_autoptr(GError) error = NULL;

  plan = load_plan (fixture, panel,
                    "Date,Channel,Spend\n"
                    "2025-01-04,FB Ads,100\n"
                    "2025-01-04,facebook_ads,\"1,250.50\"\n"
                    "2025-01-10,Klaviyo,0\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mmx_spend_plan_get_n_entries (plan), ==, 3);
  assert_entry (plan, 0, "2025-01-04", "Facebook Ads", 100);
  assert_entry (plan, 1, "2025-01-04", "Facebook Ads", 1250.5);
  assert_entry (plan, 2, "2025-01-10", "Email", 0);
  g_assert_cmpuint (mmx_spend_plan_get_last_day (plan), ==,
                    mmx_date_julian_from_iso ("2025-01-10"));

  /* The import's other spellings: semicolons, decimal commas, budget. */
  european = load_plan (fixture, panel, "day;platform;budget\n05/01/2025;Meta;99,5\n"
                                        "20/01/2025;Email;10\n", &error);
  g_assert_no_error (error);
  assert_entry (european, 0, "2025-01-05", "Facebook Ads", 99.5);
}

static void
test_plan_errors (MmxTestStoreFixture *fixture,
                  gconstpointer        data)
{
  g_autoptr(MmxPanel) panel = load_panel (fixture);
  const struct {
    const char *contents;
    const char *message;
  } cases[] = {
    { "date,channel,spend\n2025-01-04,Email,10\n2025-13-01,Email,10\n",
      "plan.csv, row 3, column “date”: “2025-13-01” is a day that does not exist." },
    { "date,channel,spend\n2025-01-04,Email,10\nsoon,Email,10\n",
      "plan.csv, row 3, column “date”: “soon” is not a date" },
    { "date,channel,spend\n2025-01-03,Email,10\n",
      "plan.csv, row 2, column “date”: 2025-01-03 is in the history, which the plan cannot "
      "change. Plan from 2025-01-04 on." },
    { "date,channel,spend\n2025-01-04,TikTok,10\n",
      "plan.csv, row 2, column “channel”: “TikTok” is not a channel with spend in the history, "
      "so its effect is unknown. Plan the channels the data holds: Email, Facebook Ads." },
    { "date,channel,spend\n2025-01-04,,10\n", "row 2, column “channel”: the channel is missing." },
    { "date,channel,spend\n2025-01-04,Email,-5\n",
      "row 2, column “spend”: the spend is negative. Plan 0 or more." },
    { "date,channel,spend\n2025-01-04,Email,ten\n",
      "row 2, column “spend”: “ten” is not a number." },
    { "date,channel,spend\n2025-01-04,Email,\n", "row 2, column “spend”: the number is missing." },
    { "date,channel\n2025-01-04,Email\n",
      "plan.csv has no “spend” column (its header is: date, channel)" },
    { "date,channel,spend\n", "plan.csv plans nothing" },
    { "", "“plan.csv” is empty" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MmxSpendPlan) plan = load_plan (fixture, panel, cases[c].contents, &error);

      g_assert_null (plan);
      mmx_test_assert_error_says (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_FILE,
                                  cases[c].message);
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/plan.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(MmxSpendPlan) plan = mmx_spend_plan_load (file, fixture->store, panel, NULL, &error);

    g_assert_null (plan);
    g_assert_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_FILE);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  MMX_TEST_ADD_STORE_TEST ("/mmx/models/spend-scenario/parse", history_csv, test_scenario_parse);
  MMX_TEST_ADD_STORE_TEST ("/mmx/models/spend-scenario/errors", history_csv, test_scenario_errors);
  MMX_TEST_ADD_STORE_TEST ("/mmx/models/spend-plan/load", history_csv, test_plan_load);
  MMX_TEST_ADD_STORE_TEST ("/mmx/models/spend-plan/errors", history_csv, test_plan_errors);

  return g_test_run ();
}
