/* test-scenarios.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-store-scenarios.h"
#include "mmx-test-utils.h"

/* Named scenarios in the scenario table of a real SQLite file. */

static void
test_save_list_delete (MmxTestStoreFixture *fixture,
                       gconstpointer        data)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replaced = TRUE;
  const MmxScenario *scenario;

  g_assert_true (mmx_store_save_scenario (fixture->store, "optimizer", "Plan A", "{\"a\":1}",
                                          &replaced, &error));
  g_assert_no_error (error);
  g_assert_false (replaced);
  g_assert_true (mmx_store_save_scenario (fixture->store, "optimizer", "Plan B", "{\"b\":2}",
                                          NULL, &error));
  /* The same name of another kind is another scenario. */
  g_assert_true (mmx_store_save_scenario (fixture->store, "forecast", "Plan A", "{}", NULL,
                                          &error));

  scenarios = mmx_store_list_scenarios (fixture->store, "optimizer", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scenarios->len, ==, 2);
  scenario = g_ptr_array_index (scenarios, 0);
  g_assert_cmpstr (scenario->name, ==, "Plan A");
  g_assert_cmpstr (scenario->kind, ==, "optimizer");
  g_assert_cmpstr (scenario->json, ==, "{\"a\":1}");
  g_assert_true (g_str_has_suffix (scenario->created, "Z"));
  g_clear_pointer (&scenarios, g_ptr_array_unref);
  scenarios = mmx_store_list_scenarios (fixture->store, NULL, &error);
  g_assert_cmpuint (scenarios->len, ==, 3);
  g_clear_pointer (&scenarios, g_ptr_array_unref);

  /* Saving under a name again replaces it, in its place in the list. */
  g_assert_true (mmx_store_save_scenario (fixture->store, "optimizer", "Plan A", "{\"a\":3}",
                                          &replaced, &error));
  g_assert_true (replaced);
  scenarios = mmx_store_list_scenarios (fixture->store, "optimizer", &error);
  g_assert_cmpuint (scenarios->len, ==, 2);
  scenario = g_ptr_array_index (scenarios, 0);
  g_assert_cmpstr (scenario->name, ==, "Plan A");
  g_assert_cmpstr (scenario->json, ==, "{\"a\":3}");
  g_clear_pointer (&scenarios, g_ptr_array_unref);

  g_assert_true (mmx_store_delete_scenario (fixture->store, "optimizer", "Plan A", &error));
  g_assert_false (mmx_store_delete_scenario (fixture->store, "optimizer", "Plan A", &error));
  g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No scenario is saved as “Plan A”.");
  g_clear_error (&error);
  scenarios = mmx_store_list_scenarios (fixture->store, NULL, &error);
  g_assert_cmpuint (scenarios->len, ==, 2);
}

static void
test_bad_names (MmxTestStoreFixture *fixture,
                gconstpointer        data)
{
  const char * const bad[] = { "", "   ", " padded", "padded ",
                               "a name far too long to be shown in a column of the side by side "
                               "list", NULL };
  g_autoptr(GPtrArray) scenarios = NULL;

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mmx_store_save_scenario (fixture->store, "optimizer", bad[i], "{}", NULL,
                                               &error));
      g_assert_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
    }
  scenarios = mmx_store_list_scenarios (fixture->store, NULL, NULL);
  g_assert_cmpuint (scenarios->len, ==, 0);
}

/* New data empties the result cache, never the scenarios. */
static void
test_survive_import (MmxTestStoreFixture *fixture,
                     gconstpointer        data)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(MmxImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mmx_store_save_scenario (fixture->store, "optimizer", "Kept", "{}", NULL,
                                          &error));
  summary = mmx_test_import_text (fixture->store, fixture->dir, "more.csv",
                                  "date,channel,spend,revenue\n2025-02-01,Meta,10,20\n", NULL,
                                  &error);
  g_assert_no_error (error);
  scenarios = mmx_store_list_scenarios (fixture->store, NULL, &error);
  g_assert_cmpuint (scenarios->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  MMX_TEST_ADD_STORE_TEST ("/mmx/core/scenarios/save-list-delete", NULL, test_save_list_delete);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/scenarios/bad-names", NULL, test_bad_names);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/scenarios/survive-import", NULL, test_survive_import);

  return g_test_run ();
}
