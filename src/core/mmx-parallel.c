/* mmx-parallel.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-parallel"

#include "config.h"

#include "mmx-parallel.h"

/* One loop being run. The caller takes items too and only waits for the
 * items other threads have taken, so a loop inside a loop, or a pool
 * whose threads are all busy, never deadlocks: the caller then simply
 * does all the work itself. Helpers hold a reference because one may
 * start after the loop has ended. */
typedef struct
{
  MmxParallelFunc  func;
  gpointer         user_data;
  GCancellable    *cancellable;
  guint            n_items;
  gint             next;
  guint            done;
  GMutex           mutex;
  GCond            finished;
} Loop;

static GThreadPool *helpers;
static guint n_threads_setting;

static void
loop_clear (Loop *loop)
{
  g_clear_object (&loop->cancellable);
  g_mutex_clear (&loop->mutex);
  g_cond_clear (&loop->finished);
}

static void
loop_unref (Loop *loop)
{
  g_atomic_rc_box_release_full (loop, (GDestroyNotify) loop_clear);
}

/* Takes items until none are left. */
static void
work (Loop *loop)
{
  guint index;

  while ((index = (guint) g_atomic_int_add (&loop->next, 1)) < loop->n_items)
    {
      if (loop->cancellable == NULL || !g_cancellable_is_cancelled (loop->cancellable))
        loop->func (index, loop->user_data);

      g_mutex_lock (&loop->mutex);
      if (++loop->done == loop->n_items)
        g_cond_broadcast (&loop->finished);
      g_mutex_unlock (&loop->mutex);
    }
}

static void
helper_worker (gpointer data,
               gpointer pool_data)
{
  Loop *loop = data;

  work (loop);
  loop_unref (loop);
}

/**
 * mmx_parallel_get_n_threads:
 *
 * Returns: how many threads a loop runs on: the machine's processors
 *   unless mmx_parallel_set_n_threads() said otherwise
 */
guint
mmx_parallel_get_n_threads (void)
{
  guint n = g_atomic_int_get (&n_threads_setting);

  return n > 0 ? n : g_get_num_processors ();
}

/**
 * mmx_parallel_set_n_threads:
 * @n_threads: at most this many threads per loop, the caller's included;
 *   0 for one per processor
 *
 * For tests and benchmarks, which check that the thread count changes
 * nothing but the time.
 */
void
mmx_parallel_set_n_threads (guint n_threads)
{
  g_atomic_int_set (&n_threads_setting, n_threads);
}

static GThreadPool *
get_helpers (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      /* Shared, so pools of several libraries do not multiply threads. */
      helpers = g_thread_pool_new (helper_worker, NULL, MAX (g_get_num_processors (), 2),
                                   FALSE, NULL);
      g_once_init_leave (&initialized, 1);
    }
  return helpers;
}

/**
 * mmx_parallel_for:
 * @n_items: how many items
 * @func: does one item
 * @user_data: for @func
 * @cancellable: (nullable): once cancelled, the items not yet started are
 *   skipped
 *
 * Runs @func for every index from 0 to @n_items - 1, on up to
 * mmx_parallel_get_n_threads() threads, and returns when all are done.
 *
 * Returns: %FALSE if @cancellable was cancelled, so some items may not
 *   have run
 */
gboolean
mmx_parallel_for (guint            n_items,
                  MmxParallelFunc  func,
                  gpointer         user_data,
                  GCancellable    *cancellable)
{
  Loop *loop;
  guint n_helpers;
  gboolean cancelled;

  g_return_val_if_fail (func != NULL, FALSE);

  n_helpers = MIN (mmx_parallel_get_n_threads (), n_items);
  n_helpers = n_helpers > 0 ? n_helpers - 1 : 0;

  loop = g_atomic_rc_box_new0 (Loop);
  loop->func = func;
  loop->user_data = user_data;
  loop->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  loop->n_items = n_items;
  g_mutex_init (&loop->mutex);
  g_cond_init (&loop->finished);

  for (guint i = 0; i < n_helpers; i++)
    g_thread_pool_push (get_helpers (), g_atomic_rc_box_acquire (loop), NULL);

  work (loop);

  g_mutex_lock (&loop->mutex);
  while (loop->done < loop->n_items)
    g_cond_wait (&loop->finished, &loop->mutex);
  g_mutex_unlock (&loop->mutex);

  cancelled = cancellable != NULL && g_cancellable_is_cancelled (cancellable);
  loop_unref (loop);
  return !cancelled;
}
