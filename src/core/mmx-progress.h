/* mmx-progress.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @seconds_left: an estimate of the time left, or a negative number while
 *   too little is done to tell
 * @user_data: the data given with the function
 *
 * Called on the thread that reported, never by two threads at once.
 */
typedef void (*MmxProgressFunc) (double   fraction,
                                 double   seconds_left,
                                 gpointer user_data);

typedef struct _MmxProgress MmxProgress;

MmxProgress *mmx_progress_new          (MmxProgressFunc  func,
                                        gpointer         user_data);
void         mmx_progress_free         (MmxProgress     *self);
void         mmx_progress_set_stage    (MmxProgress     *self,
                                        double           start,
                                        double           end);
void         mmx_progress_report       (MmxProgress     *self,
                                        double           stage_fraction);
void         mmx_progress_finish       (MmxProgress     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxProgress, mmx_progress_free)

G_END_DECLS
