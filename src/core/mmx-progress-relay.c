/* mmx-progress-relay.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-progress-relay"

#include "config.h"

#include "mmx-progress-relay.h"

struct _MmxProgressRelay
{
  MmxProgressFunc  func;
  gpointer         user_data;
  GMainContext    *context;
};

typedef struct
{
  MmxProgressFunc func;
  gpointer        user_data;
  double          fraction;
  double          seconds_left;
} Report;

/**
 * mmx_progress_relay_new:
 * @func: (nullable): receives the reports in the thread-default main
 *   context of the caller; %NULL to report nothing
 * @user_data: for @func; it must outlive the work
 *
 * Returns: (transfer full): a relay, for the work's task data
 */
MmxProgressRelay *
mmx_progress_relay_new (MmxProgressFunc func,
                        gpointer        user_data)
{
  MmxProgressRelay *self = g_new0 (MmxProgressRelay, 1);

  self->func = func;
  self->user_data = user_data;
  self->context = g_main_context_ref_thread_default ();
  return self;
}

void
mmx_progress_relay_free (MmxProgressRelay *self)
{
  if (self == NULL)
    return;
  g_main_context_unref (self->context);
  g_free (self);
}

static gboolean
deliver_cb (gpointer user_data)
{
  Report *report = user_data;

  report->func (report->fraction, report->seconds_left, report->user_data);
  return G_SOURCE_REMOVE;
}

/* On the worker. Queued before the task's result, a report is also
 * delivered before it. */
static void
relay_cb (double   fraction,
          double   seconds_left,
          gpointer user_data)
{
  MmxProgressRelay *self = user_data;
  Report *report = g_new (Report, 1);

  *report = (Report) { self->func, self->user_data, fraction, seconds_left };
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_cb, report, g_free);
}

/**
 * mmx_progress_relay_get_func:
 * @self: a relay
 *
 * Returns: (nullable): the function for the worker to report to, with
 *   @self as its data, or %NULL when nobody listens
 */
MmxProgressFunc
mmx_progress_relay_get_func (MmxProgressRelay *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->func != NULL ? relay_cb : NULL;
}
