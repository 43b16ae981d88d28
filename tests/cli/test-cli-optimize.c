/* test-cli-optimize.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "mmx-test-mmm-data.h"
#include "mmx-test-utils.h"

/* `marketingmix-cli optimize` and `scenarios`, the real binary on a real
 * database: generated data with four channels and a fifth whose spend
 * never changes, so the attribution cannot measure it. Each test has a
 * database of its own. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void run (Fixture          *fixture,
                 MmxTestCliResult *result,
                 const char       *first,
                 ...) G_GNUC_NULL_TERMINATED;

/* Runs `marketingmix-cli --db DB ARGS…`. */
static void
run (Fixture          *fixture,
     MmxTestCliResult *result,
     const char       *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, fixture->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  mmx_test_run_cli (fixture->dir, NULL, (const char * const *) args->pdata, result);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) flat = g_string_new ("date,channel,spend,revenue\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(MmxTestMmmData) generated = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flat_path = NULL;
  g_auto(MmxTestCliResult) result = { 0 };
  MmxTestChannel channels[4];

  fixture->dir = mmx_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "cli.db", NULL);
  mmx_test_mmm_random_channels (rand, G_N_ELEMENTS (channels), channels);
  generated = mmx_test_mmm_data_new (channels, G_N_ELEMENTS (channels), 180, FALSE, 0.35, 0.05,
                                     11);
  path = mmx_test_write_file (fixture->dir, "ads.csv", generated->csv->str, -1);
  /* The generated data starts on Monday 2 January 2023. */
  for (guint t = 0; t < 180; t++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 2, G_DATE_JANUARY, 2023);
      g_date_add_days (&date, t);
      g_string_append_printf (flat, "%04d-%02d-%02d,Klaviyo,40,0\n", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
    }
  flat_path = mmx_test_write_file (fixture->dir, "email.csv", flat->str, -1);
  run (fixture, &result, "import", path, flat_path, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mmx_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
}

static void
attribute (Fixture *fixture)
{
  g_auto(MmxTestCliResult) result = { 0 };

  run (fixture, &result, "attribute", "--bootstrap", "100", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return node;
}

static JsonObject *
find_channel (JsonObject *root,
              const char *name)
{
  JsonArray *channels = json_object_get_array_member (root, "channels");

  for (guint i = 0; i < json_array_get_length (channels); i++)
    {
      JsonObject *channel = json_array_get_object_element (channels, i);

      if (g_str_equal (json_object_get_string_member (channel, "name"), name))
        return channel;
    }
  g_error ("no channel %s", name);
}

static void
assert_pair (JsonObject *object,
             const char *member)
{
  JsonArray *pair = json_object_get_array_member (object, member);

  g_assert_nonnull (pair);
  g_assert_cmpuint (json_array_get_length (pair), ==, 2);
  g_assert_cmpfloat (json_array_get_double_element (pair, 0), <=,
                     json_array_get_double_element (pair, 1));
}

/* No attribution yet: one sentence that says what to do, exit 1. */
static void
test_needs_attribution (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };

  run (fixture, &result, "optimize", "--budget", "30000", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "no attribution yet"));
  g_assert_nonnull (strstr (result.err, "marketingmix-cli attribute"));
  g_assert_nonnull (strstr (result.err, "--attribute"));
  g_assert_cmpstr (result.out, ==, "");
}

/* The shape the issue gives, and the numbers adding up. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *current, *recommended, *uplift, *email;
  JsonArray *channels;
  double total = 0;

  attribute (fixture);
  run (fixture, &result, "optimize", "--budget", "150,000", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  node = parse (result.out);
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "month");
  g_assert_cmpfloat (json_object_get_double_member (root, "budget"), ==, 150000);
  channels = json_object_get_array_member (root, "channels");
  g_assert_cmpuint (json_array_get_length (channels), ==, 5);
  for (guint i = 0; i < json_array_get_length (channels); i++)
    {
      JsonObject *channel = json_array_get_object_element (channels, i);
      const char *bound = json_object_get_string_member (channel, "at_bound");

      g_assert_nonnull (json_object_get_string_member (channel, "name"));
      g_assert_true (json_object_has_member (channel, "current"));
      g_assert_true (json_object_has_member (channel, "expected_revenue"));
      g_assert_true (json_object_has_member (channel, "mroas"));
      g_assert_true (g_str_equal (bound, "min") || g_str_equal (bound, "max")
                     || g_str_equal (bound, "none"));
      total += json_object_get_double_member (channel, "recommended");
    }
  g_assert_cmpfloat_with_epsilon (total, 150000, 1e-6);

  current = json_object_get_object_member (root, "current");
  recommended = json_object_get_object_member (root, "recommended");
  uplift = json_object_get_object_member (root, "uplift");
  g_assert_true (json_object_has_member (current, "revenue"));
  g_assert_true (json_object_has_member (current, "roi"));
  assert_pair (recommended, "revenue_ci");
  g_assert_true (json_object_has_member (recommended, "roi"));
  assert_pair (uplift, "revenue_ci");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (uplift, "revenue"),
                                  json_object_get_double_member (recommended, "revenue")
                                  - json_object_get_double_member (current, "revenue"), 1e-6);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "frontier")), ==,
                    0);
  g_assert_cmpfloat (json_object_get_double_member (root, "elapsed_ms"), >=, 0);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root,
                                                                                "optimality"),
                                                 "verified"));

  /* Klaviyo's spend (stored as Email) never moves: it keeps it, and the
   * result says why. */
  email = find_channel (root, "Email");
  g_assert_cmpstr (json_object_get_string_member (email, "fixed"), ==, "not_measured");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (email, "recommended"),
                                  40 * 365.25 / 12, 1e-6);
  g_assert_true (json_object_get_null_member (email, "expected_revenue"));
  g_assert_nonnull (strstr (json_array_get_string_element (json_object_get_array_member (root,
                                                                                         "notes"),
                                                           0),
                            "Email could not be measured"));
}

/* --attribute attributes first, with the default settings. */
static void
test_attribute_first (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonNode) node = NULL;

  run (fixture, &result, "optimize", "--budget", "5000", "--period", "day", "--attribute",
       "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  node = parse (result.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "replicates"), ==,
                   1000);
  /* Now it is there without --attribute. */
  run (fixture, &result, "optimize", "--budget", "5000", "--period", "day", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

/* Limits per week by any name the import knows; a locked channel keeps
 * its spend. The limits are set from today's split: TV at most half its
 * spend, Search at least 1.2 times, Display locked, the budget today's. */
static void
test_limits (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonNode) today = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *tv_max = NULL;
  g_autofree char *search_min = NULL;
  JsonObject *root, *tv, *search, *display;
  double tv_today, search_today;

  attribute (fixture);
  run (fixture, &result, "optimize", "--budget", "1000000", "--period", "week", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  today = parse (result.out);
  root = json_node_get_object (today);
  tv_today = json_object_get_double_member (find_channel (root, "TV"), "current");
  search_today = json_object_get_double_member (find_channel (root, "Search"), "current");
  budget = g_strdup_printf ("%.2f", json_object_get_double_member (
                                      json_object_get_object_member (root, "current"), "spend"));
  tv_max = g_strdup_printf ("tv=%.2f", tv_today / 2);
  search_min = g_strdup_printf ("Search=%.2f", search_today * 1.2);

  run (fixture, &result, "optimize", "--budget", budget, "--period", "week", "--max", tv_max,
       "--min", search_min, "--lock", "display", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  node = parse (result.out);
  root = json_node_get_object (node);
  tv = find_channel (root, "TV");
  search = find_channel (root, "Search");
  display = find_channel (root, "Display");
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "week");
  g_assert_cmpfloat (json_object_get_double_member (tv, "recommended"), <=, tv_today / 2 + 0.01);
  g_assert_cmpfloat (json_object_get_double_member (search, "recommended"), >=,
                     search_today * 1.2 - 0.01);
  g_assert_cmpstr (json_object_get_string_member (display, "fixed"), ==, "locked");
  g_assert_cmpfloat (json_object_get_double_member (display, "recommended"), ==,
                     json_object_get_double_member (display, "current"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root,
                                                                                   "unconstrained"),
                                                    "cost"), >=, 0);
}

/* Every bad request: exit 2, one sentence naming the problem, and the
 * store as it was. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const struct {
    const char *args[10];
    const char *says;
  } cases[] = {
    { { "--budget", "10000", "--max", "zorblax=5" }, "no channel “Zorblax” in the attribution" },
    { { "--budget", "-1000" }, "0 or more" },
    { { "--budget", "10000", "--min", "tv=5000", "--min", "search=4000" },
      "the channels that keep today’s add up to 10217.50 per month, more than the budget of "
      "10000.00" },
    { { "--budget", "10000", "--min", "tv=500", "--max", "TV=100" },
      "maximum of TV (100.00 per month) is below its minimum (500.00)" },
    { { "--budget", "lots" }, "“lots” is not a number" },
    { { "--budget", "10000", "--min", "tv" }, "needs the form CHANNEL=AMOUNT" },
    { { "--budget", "10000", "--min", "=5" }, "channel name is missing" },
    { { "--target-revenue", "10", "--target-mroas", "1" }, "not both" },
    { { "--frontier" }, "Give the budget to split" },
    { { "--budget", "10000", "--period", "year" }, "not a period" },
    { { "--budget", "10000", "--lock", "Klaviyo", "--max", "Klaviyo=1" }, "could not measure it" },
    { { "--budget", "10000", "--max", "tv=1", "--max", "search=1", "--max", "social=1",
        "--max", "display=1" }, "can spend at most 1221.50 per month" },
    { { "--target-mroas", "100" }, "No budget brings a marginal ROAS of 100.00" },
    { { "--budget", "10000", "surplus" }, "Unexpected argument" },
  };

  attribute (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(MmxTestCliResult) result = { 0 };
      g_auto(GStrv) lines = NULL;

      g_ptr_array_add (args, (char *) "--db");
      g_ptr_array_add (args, fixture->db);
      g_ptr_array_add (args, (char *) "optimize");
      for (guint a = 0; a < G_N_ELEMENTS (cases[i].args) && cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (char *) cases[i].args[a]);
      g_ptr_array_add (args, (char *) "--save");
      g_ptr_array_add (args, (char *) "Never");
      g_ptr_array_add (args, NULL);
      mmx_test_run_cli (fixture->dir, NULL, (const char * const *) args->pdata, &result);
      if (result.status != 2 || strstr (result.err, cases[i].says) == NULL)
        g_error ("case %u: exit %d, said: %s", i, result.status, result.err);
      lines = g_strsplit (result.err, "\n", -1);
      g_assert_true (g_str_has_suffix (lines[0], "."));
    }

  {
    g_auto(MmxTestCliResult) result = { 0 };

    run (fixture, &result, "scenarios", "--json", NULL);
    g_assert_cmpstr (strstr (result.out, "Never"), ==, NULL);
  }
}

static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonNode) revenue = NULL;
  g_autoptr(JsonNode) mroas = NULL;
  g_autoptr(JsonNode) capped = NULL;
  g_autofree char *short_budget = NULL;
  JsonObject *root;

  attribute (fixture);
  run (fixture, &result, "optimize", "--target-revenue", "3000", "--period", "day", "--json",
       NULL);
  g_assert_cmpint (result.status, ==, 0);
  revenue = parse (result.out);
  root = json_node_get_object (revenue);
  g_assert_cmpstr (json_object_get_string_member (root, "goal"), ==, "target_revenue");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root,
                                                                                   "recommended"),
                                                    "revenue"), >=, 3000);

  run (fixture, &result, "optimize", "--target-mroas", "1", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  mroas = parse (result.out);
  root = json_node_get_object (mroas);
  g_assert_cmpstr (json_object_get_string_member (root, "goal"), ==, "target_mroas");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "marginal_roas"), 1, 1e-3);
  g_assert_false (json_object_get_boolean_member (root, "spent_before_target"));

  /* A budget short of it is all spent, and the heading does not claim
   * the margin was reached. */
  short_budget = g_strdup_printf ("%.0f", 0.9 * json_object_get_double_member (root, "budget"));
  run (fixture, &result, "optimize", "--budget", short_budget, "--target-mroas", "1", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "All that the budget and limits allow, "));
  g_assert_nonnull (strstr (result.out, "the marginal ROAS stays above 1.00"));
  g_assert_nonnull (strstr (result.out, "The whole budget is spent before the marginal ROAS"));
  run (fixture, &result, "optimize", "--budget", short_budget, "--target-mroas", "1", "--json",
       NULL);
  g_assert_cmpint (result.status, ==, 0);
  capped = parse (result.out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (capped),
                                                 "spent_before_target"));
}

static void
test_frontier (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *frontier;
  double today;

  attribute (fixture);
  run (fixture, &result, "optimize", "--budget", "100000", "--frontier", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  node = parse (result.out);
  root = json_node_get_object (node);
  frontier = json_object_get_array_member (root, "frontier");
  today = json_object_get_double_member (json_object_get_object_member (root, "current"),
                                         "spend");
  /* Up to twice the budget or today's spend, whichever is more. */
  g_assert_cmpuint (json_array_get_length (frontier), ==, 20);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (
                                    json_array_get_array_element (frontier, 19), 0),
                                  2 * MAX (100000, today), 1e-6);
}

/* Saved scenarios, listed side by side, replaced and deleted. */
static void
test_scenarios (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *scenarios;
  g_auto(GStrv) lines = NULL;

  run (fixture, &result, "scenarios", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "No saved scenarios"));

  attribute (fixture);
  run (fixture, &result, "optimize", "--budget", "100000", "--save", "Plan A", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "Saved as the scenario “Plan A”."));
  run (fixture, &result, "optimize", "--budget", "150000", "--max", "tv=20000", "--save",
       "TV capped", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run (fixture, &result, "optimize", "--budget", "120000", "--save", "Plan A", NULL);
  g_assert_nonnull (strstr (result.out, "in place of the one of that name"));

  run (fixture, &result, "scenarios", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  node = parse (result.out);
  scenarios = json_object_get_array_member (json_node_get_object (node), "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 0),
                                                  "name"), ==, "Plan A");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (
                                    json_object_get_object_member (
                                      json_array_get_object_element (scenarios, 0), "result"),
                                    "budget"), 120000, 1e-6);

  run (fixture, &result, "scenarios", NULL);
  g_assert_cmpint (result.status, ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  /* Side by side: both names on the first line, each channel on a line
   * with a value for each. */
  g_assert_nonnull (strstr (lines[0], "Plan A"));
  g_assert_nonnull (strstr (lines[0], "TV capped"));
  g_assert_nonnull (strstr (result.out, "120000.00/month"));
  g_assert_nonnull (strstr (result.out, "Marginal ROAS"));
  g_assert_null (strstr (result.out, "Conversions"));
  g_assert_null (strstr (result.out, "CPA"));
  g_assert_nonnull (strstr (result.out, "20000.00"));

  run (fixture, &result, "scenarios", "delete", "Plan A", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run (fixture, &result, "scenarios", "delete", "Plan A", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "No scenario is saved as “Plan A”."));
  run (fixture, &result, "optimize", "--budget", "1000", "--save", " ", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

/* The readable table and --help. */
static void
test_table_and_help (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(MmxTestCliResult) result = { 0 };

  run (fixture, &result, "optimize", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < 9; i++)
    {
      const char *options[] = { "--budget", "--period", "--min", "--max", "--lock",
                                "--target-revenue", "--target-mroas", "--frontier", "--save" };

      g_assert_nonnull (strstr (result.out, options[i]));
    }

  attribute (fixture);
  run (fixture, &result, "optimize", "--budget", "400000", "--min", "display=50000", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "The best split of a budget of 400000.00 per month"));
  g_assert_nonnull (strstr (result.out, "Recommended"));
  g_assert_nonnull (strstr (result.out, "Display at its minimum of 50000.00"));
  g_assert_nonnull (strstr (result.out, "Optimality check passed"));
  g_assert_nonnull (strstr (result.out, "not measured"));
  g_assert_nonnull (strstr (result.out, "[95 %"));
}

/* On an attribution of conversions, what a conversion costs, in place of
 * a return on investment that would weigh conversions against money. */
static void
test_conversions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = mmx_test_mmm_write_two_channels (fixture->dir, "conversions.csv", 365,
                                                           30);
  g_auto(MmxTestCliResult) result = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *margin = NULL;
  g_autofree char *heading = NULL;
  JsonObject *summary;
  double marginal;

  /* A database of conversions alone. */
  g_free (fixture->db);
  fixture->db = g_build_filename (fixture->dir, "conversions.db", NULL);
  run (fixture, &result, "import", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run (fixture, &result, "attribute", "--target", "conversions", "--bootstrap", "50", NULL);
  g_assert_cmpint (result.status, ==, 0);

  run (fixture, &result, "optimize", "--budget", "100000", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  node = parse (result.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "kpi"), ==,
                   "conversions");
  summary = json_object_get_object_member (json_node_get_object (node), "recommended");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (summary, "cpa"),
                                  1 / (1 + json_object_get_double_member (summary, "roi")),
                                  1e-9 * json_object_get_double_member (summary, "cpa"));
  marginal = json_object_get_double_member (json_node_get_object (node), "marginal_roas");

  run (fixture, &result, "optimize", "--budget", "100000", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "mCPA"));
  g_assert_nonnull (strstr (result.out, "CPA "));
  g_assert_nonnull (strstr (result.out, "One more conversion per month would cost"));
  g_assert_nonnull (strstr (result.out, "marginal costs per acquisition of the channels"));
  g_assert_null (strstr (result.out, "ROI"));
  g_assert_null (strstr (result.out, "ROAS"));

  /* A target at the margin is conversions per unit of budget; the
   * heading gives what it means, the cost of one more conversion. */
  margin = g_strdup_printf ("%.4f", marginal);
  run (fixture, &result, "optimize", "--target-mroas", margin, NULL);
  g_assert_cmpint (result.status, ==, 0);
  heading = g_strdup_printf ("The budget at which one more conversion costs %.2f (%s conversions",
                             1 / g_ascii_strtod (margin, NULL), margin);
  g_assert_true (g_str_has_prefix (result.out, heading));
  g_assert_null (strstr (result.out, "ROAS"));

  /* Spent before the margin falls that low, and beyond reach. */
  g_free (margin);
  margin = g_strdup_printf ("%.6f", marginal / 100);
  run (fixture, &result, "optimize", "--budget", "100000", "--target-mroas", margin, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "The whole budget is spent before one more conversion "
                                        "costs"));
  g_assert_true (g_str_has_prefix (result.out, "All that the budget and limits allow, 100"));
  g_assert_null (strstr (result.out, "ROAS"));
  g_free (margin);
  margin = g_strdup_printf ("%.4f", marginal * 1000);
  run (fixture, &result, "optimize", "--target-mroas", margin, NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "No budget brings one more conversion for"));
  g_assert_null (strstr (result.err, "ROAS"));
  run (fixture, &result, "optimize", "--target-revenue", "0", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "The target number of conversions must be above 0"));

  /* Saved, it is listed in conversions too. */
  g_free (margin);
  margin = g_strdup_printf ("%.6f", marginal / 100);
  run (fixture, &result, "optimize", "--budget", "100000", "--target-mroas", margin, "--save",
       "Conversions", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run (fixture, &result, "scenarios", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Conversions today"));
  g_assert_nonnull (strstr (result.out, "mCPA rises to"));
  g_assert_nonnull (strstr (result.out, "Marginal CPA"));
  g_assert_null (strstr (result.out, "Revenue"));
  g_assert_null (strstr (result.out, "ROAS"));
  g_assert_null (strstr (result.out, "ROI"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/mmx/cli/optimize/needs-attribution", test_needs_attribution);
  ADD ("/mmx/cli/optimize/json", test_json);
  ADD ("/mmx/cli/optimize/attribute-first", test_attribute_first);
  ADD ("/mmx/cli/optimize/limits", test_limits);
  ADD ("/mmx/cli/optimize/bad-input", test_bad_input);
  ADD ("/mmx/cli/optimize/targets", test_targets);
  ADD ("/mmx/cli/optimize/frontier", test_frontier);
  ADD ("/mmx/cli/optimize/scenarios", test_scenarios);
  ADD ("/mmx/cli/optimize/table-and-help", test_table_and_help);
  ADD ("/mmx/cli/optimize/conversions", test_conversions);
#undef ADD

  return g_test_run ();
}
