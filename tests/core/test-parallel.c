/* test-parallel.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-job-pool.h"
#include "mmx-parallel.h"
#include "mmx-progress.h"

#define N_ITEMS 1000

typedef struct
{
  guint  *counts;
  GThread **threads;
} Items;

static void
count_item_cb (guint    index,
               gpointer user_data)
{
  Items *items = user_data;

  g_atomic_int_inc ((gint *) &items->counts[index]);
  items->threads[index] = g_thread_self ();
}

/* Every item runs once, whatever the number of threads. */
static void
test_every_item_once (void)
{
  for (guint n_threads = 1; n_threads <= 4; n_threads++)
    {
      g_autofree guint *counts = g_new0 (guint, N_ITEMS);
      g_autofree GThread **threads = g_new0 (GThread *, N_ITEMS);
      Items items = { counts, threads };

      mmx_parallel_set_n_threads (n_threads);
      g_assert_true (mmx_parallel_for (N_ITEMS, count_item_cb, &items, NULL));
      for (guint i = 0; i < N_ITEMS; i++)
        g_assert_cmpuint (counts[i], ==, 1);
      if (n_threads == 1)
        for (guint i = 0; i < N_ITEMS; i++)
          g_assert_true (threads[i] == g_thread_self ());
    }
  mmx_parallel_set_n_threads (0);
  g_assert_cmpuint (mmx_parallel_get_n_threads (), ==, g_get_num_processors ());
}

static void
empty_item_cb (guint    index,
               gpointer user_data)
{
  g_assert_not_reached ();
}

static void
test_no_items (void)
{
  g_assert_true (mmx_parallel_for (0, empty_item_cb, NULL, NULL));
}

static void
inner_item_cb (guint    index,
               gpointer user_data)
{
  g_atomic_int_inc ((gint *) user_data);
}

static void
outer_item_cb (guint    index,
               gpointer user_data)
{
  guint *sums = user_data;

  g_assert_true (mmx_parallel_for (100, inner_item_cb, &sums[index], NULL));
}

/* Loops inside loops use the same helpers without waiting for each other
 * forever. */
static void
test_nested (void)
{
  guint sums[16] = { 0 };

  mmx_parallel_set_n_threads (4);
  g_assert_true (mmx_parallel_for (G_N_ELEMENTS (sums), outer_item_cb, sums, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    g_assert_cmpuint (sums[i], ==, 100);
  mmx_parallel_set_n_threads (0);
}

static void
cancel_at_ten_cb (guint    index,
                  gpointer user_data)
{
  GCancellable *cancellable = user_data;

  if (index == 10)
    g_cancellable_cancel (cancellable);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  mmx_parallel_set_n_threads (1);
  g_assert_false (mmx_parallel_for (N_ITEMS, cancel_at_ten_cb, cancellable, cancellable));
  mmx_parallel_set_n_threads (0);
}

typedef struct
{
  GArray *fractions;
  double  last_seconds_left;
} Reports;

static void
progress_cb (double   fraction,
             double   seconds_left,
             gpointer user_data)
{
  Reports *reports = user_data;

  g_array_append_val (reports->fractions, fraction);
  reports->last_seconds_left = seconds_left;
}

/* Stages map onto one fraction that only grows; reports are throttled,
 * the last one is always 1. */
static void
test_progress (void)
{
  Reports reports = { g_array_new (FALSE, FALSE, sizeof (double)), 0 };
  g_autoptr(MmxProgress) progress = mmx_progress_new (progress_cb, &reports);
  double previous = 0;

  mmx_progress_set_stage (progress, 0, 0.25);
  for (guint i = 0; i <= 100; i++)
    {
      mmx_progress_report (progress, i / 100.0);
      g_usleep (1000);
    }
  mmx_progress_set_stage (progress, 0.25, 1);
  mmx_progress_report (progress, 0.5);
  mmx_progress_report (progress, 0.1);
  mmx_progress_finish (progress);

  g_assert_cmpuint (reports.fractions->len, >=, 2);
  g_assert_cmpuint (reports.fractions->len, <, 20);
  for (guint i = 0; i < reports.fractions->len; i++)
    {
      double fraction = g_array_index (reports.fractions, double, i);

      g_assert_cmpfloat (fraction, >=, previous);
      g_assert_cmpfloat (fraction, <=, 1);
      previous = fraction;
    }
  g_assert_cmpfloat (previous, ==, 1);
  g_assert_cmpfloat (reports.last_seconds_left, ==, 0);
  g_array_unref (reports.fractions);

  /* A reporter without a function, or none at all, costs nothing. */
  mmx_progress_report (NULL, 0.5);
  mmx_progress_finish (NULL);
}

static void
square_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  int value = GPOINTER_TO_INT (task_data);

  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
  g_task_return_int (task, value * value);
}

typedef struct
{
  int squares[7];
  int pending;
} Squares;

static void
squared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Squares *squares = user_data;
  g_autoptr(GError) error = NULL;
  GTask *task = G_TASK (result);
  gssize value = g_task_propagate_int (task, &error);

  g_assert_no_error (error);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  squares->squares[GPOINTER_TO_INT (g_task_get_task_data (task))] = value;
  squares->pending--;
}

/* Jobs run off the calling thread; their callbacks come back to it. */
static void
test_job_pool (void)
{
  Squares squares = { { 0 }, G_N_ELEMENTS (squares.squares) };

  for (int i = 0; i < (int) G_N_ELEMENTS (squares.squares); i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, squared_cb, &squares);

      g_task_set_task_data (task, GINT_TO_POINTER (i), NULL);
      mmx_job_pool_push (task, square_worker, i % 2 ? MMX_JOB_PRIORITY_MODEL
                                                    : MMX_JOB_PRIORITY_QUERY);
    }
  while (squares.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < (int) G_N_ELEMENTS (squares.squares); i++)
    g_assert_cmpint (squares.squares[i], ==, i * i);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/parallel/every-item-once", test_every_item_once);
  g_test_add_func ("/mmx/core/parallel/no-items", test_no_items);
  g_test_add_func ("/mmx/core/parallel/nested", test_nested);
  g_test_add_func ("/mmx/core/parallel/cancelled", test_cancelled);
  g_test_add_func ("/mmx/core/progress/stages", test_progress);
  g_test_add_func ("/mmx/core/job-pool/callbacks", test_job_pool);

  return g_test_run ();
}
