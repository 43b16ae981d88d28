/* mmx-job-pool.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-job-pool"

#include "config.h"

#include "mmx-job-pool.h"

/* The worker pool every long job of the application runs on, as in
 * gnome-builder's ide-thread-pool.c: a GTask and the function that does
 * its work, highest priority first, then first come first served. */
typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
  MmxJobPriority   priority;
  guint64          sequence;
} Job;

static GThreadPool *pool;
static guint64 next_sequence;
G_LOCK_DEFINE_STATIC (next_sequence);

static void
job_worker (gpointer data,
            gpointer pool_data)
{
  Job *job = data;

  job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
             g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *x = a;
  const Job *y = b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

static GThreadPool *
get_pool (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      pool = g_thread_pool_new (job_worker, NULL, MAX (g_get_num_processors (), 2), FALSE, NULL);
      g_thread_pool_set_sort_function (pool, compare_jobs, NULL);
      g_once_init_leave (&initialized, 1);
    }
  return pool;
}

/**
 * mmx_job_pool_push:
 * @task: the task, created on the thread that wants the result
 * @func: does the work on a worker thread and returns the task's result
 * @priority: which jobs go first when all workers are busy
 *
 * Runs @func on the shared worker pool. GTask then calls the task's
 * callback on the context it was created in.
 */
void
mmx_job_pool_push (GTask           *task,
                   GTaskThreadFunc  func,
                   MmxJobPriority   priority)
{
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  job->priority = priority;
  G_LOCK (next_sequence);
  job->sequence = next_sequence++;
  G_UNLOCK (next_sequence);
  g_thread_pool_push (get_pool (), job, NULL);
}
