/* mmx-store-job.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-store"

#include "config.h"

#include "mmx-store-job.h"

typedef struct
{
  char            *db_path;
  MmxStoreJobFunc  func;
  gpointer         data;
  GDestroyNotify   data_free;
  GDestroyNotify   result_free;
} StoreJob;

/* The connection a worker thread keeps to the last database it used:
 * opening one costs a few milliseconds, a range switch pays it otherwise.
 * Closed when the thread ends or moves to another database. */
typedef struct
{
  char     *path;
  MmxStore *store;
} ThreadStore;

static void
thread_store_free (ThreadStore *thread_store)
{
  g_free (thread_store->path);
  g_clear_object (&thread_store->store);
  g_free (thread_store);
}

static GPrivate thread_store = G_PRIVATE_INIT ((GDestroyNotify) thread_store_free);

static MmxStore *
open_for_thread (const char  *path,
                 GError     **error)
{
  ThreadStore *kept = g_private_get (&thread_store);
  MmxStore *store;

  if (kept != NULL && g_str_equal (kept->path, path))
    return g_object_ref (kept->store);
  store = mmx_store_open (path, error);
  if (store == NULL)
    return NULL;
  kept = g_new0 (ThreadStore, 1);
  kept->path = g_strdup (path);
  kept->store = g_object_ref (store);
  g_private_replace (&thread_store, kept);
  return store;
}

static void
store_job_free (StoreJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->db_path);
  g_free (job);
}

static void
store_job_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  StoreJob *job = task_data;
  g_autoptr(MmxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  store = open_for_thread (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = job->func (store, job->data, cancellable, &error);
  if (result == NULL)
    {
      g_assert (error != NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, job->result_free);
}

/**
 * mmx_store_job_run_async:
 * @db_path: the database file
 * @priority: which jobs go first when all workers are busy
 * @func: the work
 * @data: (transfer full): what @func reads; the caller must not touch it
 *   any more
 * @data_free: (nullable): frees @data when the job is done
 * @result_free: (nullable): frees a result nobody finished
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when the job is done
 * @user_data: for @callback
 *
 * Runs @func on the worker pool with the worker's own connection to the
 * database, opened for the job or kept from the last one on that thread:
 * SQLite connections belong to one thread, and the window's thread never
 * waits on a query.
 */
void
mmx_store_job_run_async (const char          *db_path,
                         MmxJobPriority       priority,
                         MmxStoreJobFunc      func,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GDestroyNotify       result_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StoreJob *job;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (StoreJob, 1);
  job->db_path = g_strdup (db_path);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mmx_store_job_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) store_job_free);
  mmx_job_pool_push (task, store_job_worker, priority);
}

/**
 * mmx_store_job_run_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): what the job's function returned, or %NULL
 *   with @error set: the function's error, a database that cannot be
 *   opened, or %G_IO_ERROR_CANCELLED
 */
gpointer
mmx_store_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mmx_store_job_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
