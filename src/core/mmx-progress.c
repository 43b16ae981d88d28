/* mmx-progress.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-progress"

#include "config.h"

#include "mmx-progress.h"

/* About 20 reports a second at most, or one per percent, whichever is
 * rarer: enough for a progress bar, too few to slow a model down. */
#define MIN_INTERVAL_USEC (G_USEC_PER_SEC / 20)
#define MIN_STEP 0.01

/* Below this, the rate seen so far says little about what is left. */
#define MIN_FRACTION_FOR_ESTIMATE 0.02

struct _MmxProgress
{
  MmxProgressFunc func;
  gpointer        user_data;
  GMutex          mutex;
  gint64          started;
  gint64          last_report;
  double          last_fraction;
  double          stage_start;
  double          stage_end;
};

/**
 * mmx_progress_new:
 * @func: (nullable): receives the reports; %NULL to report nothing
 * @user_data: for @func
 *
 * A progress reporter that any thread may use. Work is split into stages
 * (mmx_progress_set_stage()), each a part of the whole, so a caller sees
 * one fraction that only grows.
 *
 * Returns: (transfer full): the reporter
 */
MmxProgress *
mmx_progress_new (MmxProgressFunc func,
                  gpointer        user_data)
{
  MmxProgress *self = g_new0 (MmxProgress, 1);

  self->func = func;
  self->user_data = user_data;
  self->started = g_get_monotonic_time ();
  self->stage_end = 1;
  g_mutex_init (&self->mutex);
  return self;
}

void
mmx_progress_free (MmxProgress *self)
{
  if (self == NULL)
    return;
  g_mutex_clear (&self->mutex);
  g_free (self);
}

/**
 * mmx_progress_set_stage:
 * @self: (nullable): a reporter
 * @start: where the stage starts in the whole, from 0 to 1
 * @end: where it ends
 *
 * Later reports give fractions of this stage.
 */
void
mmx_progress_set_stage (MmxProgress *self,
                        double       start,
                        double       end)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->stage_start = CLAMP (start, 0, 1);
  self->stage_end = CLAMP (end, self->stage_start, 1);
  g_mutex_unlock (&self->mutex);
}

static void
emit (MmxProgress *self,
      double       fraction,
      gint64       now)
{
  double elapsed = (now - self->started) / (double) G_USEC_PER_SEC;
  double seconds_left = -1;

  if (fraction >= MIN_FRACTION_FOR_ESTIMATE)
    seconds_left = elapsed * (1 - fraction) / fraction;
  self->last_fraction = fraction;
  self->last_report = now;
  self->func (fraction, seconds_left, self->user_data);
}

/**
 * mmx_progress_report:
 * @self: (nullable): a reporter
 * @stage_fraction: how much of the current stage is done, from 0 to 1
 *
 * Passes the progress on unless the last report was too recent or too
 * close; a fraction below one already reported is ignored.
 */
void
mmx_progress_report (MmxProgress *self,
                     double       stage_fraction)
{
  double fraction;
  gint64 now;

  if (self == NULL || self->func == NULL)
    return;

  now = g_get_monotonic_time ();
  g_mutex_lock (&self->mutex);
  fraction = self->stage_start + (self->stage_end - self->stage_start) * CLAMP (stage_fraction, 0, 1);
  if (fraction >= self->last_fraction + MIN_STEP && now - self->last_report >= MIN_INTERVAL_USEC)
    emit (self, fraction, now);
  g_mutex_unlock (&self->mutex);
}

/**
 * mmx_progress_finish:
 * @self: (nullable): a reporter
 *
 * Reports that all is done, however recent the last report.
 */
void
mmx_progress_finish (MmxProgress *self)
{
  if (self == NULL || self->func == NULL)
    return;

  g_mutex_lock (&self->mutex);
  emit (self, 1, g_get_monotonic_time ());
  g_mutex_unlock (&self->mutex);
}
