/* test-store-job.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-kpis.h"
#include "mmx-store-job.h"
#include "mmx-test-utils.h"

/* What a job did, seen from the test. The worker writes @ran_on before
 * the result comes back; the task data may be freed on either thread,
 * after the callback, so @freed is atomic. */
typedef struct
{
  GThread  *ran_on;
  gint      freed;
  gboolean  done;
  gpointer  result;
  GError   *error;
} Outcome;

typedef struct
{
  Outcome  *outcome;
  gboolean  fail;
} JobData;

static void
job_data_free (JobData *data)
{
  g_atomic_int_set (&data->outcome->freed, TRUE);
  g_free (data);
}

/* Sums the spend the job's own connection sees, from the worker. */
static gpointer
sum_spend_job (MmxStore      *store,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  JobData *data = user_data;
  g_autoptr(MmxKpis) kpis = NULL;

  data->outcome->ran_on = g_thread_self ();
  if (data->fail)
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID, "The job failed.");
      return NULL;
    }
  kpis = mmx_kpis_query (store, NULL, NULL, error);
  if (kpis == NULL)
    return NULL;
  return g_strdup_printf ("%u channels, %.0f spent", kpis->channels->len, kpis->spend);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = mmx_store_job_run_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
run_job (const char   *db_path,
         gboolean      fail,
         GCancellable *cancellable,
         Outcome      *outcome)
{
  JobData *data = g_new0 (JobData, 1);
  gint64 deadline;

  data->outcome = outcome;
  data->fail = fail;
  mmx_store_job_run_async (db_path, MMX_JOB_PRIORITY_QUERY, sum_spend_job, data,
                           (GDestroyNotify) job_data_free, g_free, cancellable, job_done_cb,
                           outcome);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);

  /* Every job frees its data, whatever its outcome. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&outcome->freed) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  g_assert_true (g_atomic_int_get (&outcome->freed));
}

static void
test_result (MmxTestStoreFixture *fixture,
             gconstpointer        csv)
{
  Outcome outcome = { 0 };

  run_job (mmx_store_get_path (fixture->store), FALSE, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.result, ==, "2 channels, 350 spent");
  /* On a worker, never on the caller's thread. */
  g_assert_nonnull (outcome.ran_on);
  g_assert_true (outcome.ran_on != g_thread_self ());
  g_free (outcome.result);
}

static void
test_error (MmxTestStoreFixture *fixture,
            gconstpointer        csv)
{
  Outcome outcome = { 0 };

  run_job (mmx_store_get_path (fixture->store), TRUE, NULL, &outcome);
  g_assert_error (outcome.error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID);
  g_assert_null (outcome.result);
  g_clear_error (&outcome.error);
}

static void
test_bad_database (MmxTestStoreFixture *fixture,
                   gconstpointer        csv)
{
  g_autofree char *path = mmx_test_write_file (fixture->dir, "not-a-db.db", "hello, world\n", -1);
  Outcome outcome = { 0 };

  run_job (path, FALSE, NULL, &outcome);
  g_assert_error (outcome.error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (outcome.ran_on);
  g_clear_error (&outcome.error);
}

static void
test_cancelled (MmxTestStoreFixture *fixture,
                gconstpointer        csv)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { 0 };

  g_cancellable_cancel (cancellable);
  run_job (mmx_store_get_path (fixture->store), FALSE, cancellable, &outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (outcome.result);
  g_assert_null (outcome.ran_on);
  g_clear_error (&outcome.error);
}

static void
count_open_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;
  gpointer done = mmx_store_job_run_finish (result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (done);
  (*n_done)++;
}

static gpointer
schema_version_job (MmxStore      *store,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return GINT_TO_POINTER (mmx_store_get_schema_version (store));
}

/* Jobs started together on a database that does not exist yet all open
 * it: one creates the schema, the others wait for it. */
static void
test_concurrent_first_open (void)
{
  g_autofree char *dir = mmx_test_make_dir ();

  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *name = g_strdup_printf ("new-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      guint n_done = 0;

      for (guint i = 0; i < 6; i++)
        mmx_store_job_run_async (path, MMX_JOB_PRIORITY_QUERY, schema_version_job, NULL, NULL,
                                 NULL, NULL, count_open_cb, &n_done);
      while (n_done < 6)
        g_main_context_iteration (NULL, TRUE);
    }
  mmx_test_remove_dir (dir);
}

static const char two_channels[] =
  "date,channel,spend,revenue\n"
  "2025-01-01,Facebook Ads,100,250\n"
  "2025-01-02,Google Ads,250,300\n";

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  MMX_TEST_ADD_STORE_TEST ("/mmx/core/store-job/result", two_channels, test_result);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/store-job/error", two_channels, test_error);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/store-job/bad-database", two_channels, test_bad_database);
  MMX_TEST_ADD_STORE_TEST ("/mmx/core/store-job/cancelled", two_channels, test_cancelled);
  g_test_add_func ("/mmx/core/store-job/concurrent-first-open", test_concurrent_first_open);

  return g_test_run ();
}
