/* mmx-lift-tests.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mmx-store.h"

G_BEGIN_DECLS

/**
 * MmxLiftTest:
 * @channel: the channel the experiment measured, as written in the file
 * @first_day: the Julian day the experiment started
 * @last_day: the day it ended
 * @lift: the incremental revenue it measured over those days
 * @standard_error: the experiment's standard error of @lift
 * @line: the row of the file, for errors
 *
 * A lift test (a geo or conversion-lift experiment): what a channel
 * truly added over some days, which calibration pulls the model towards.
 */
typedef struct
{
  char    *channel;
  guint32  first_day;
  guint32  last_day;
  double   lift;
  double   standard_error;
  guint    line;
} MmxLiftTest;

GPtrArray *mmx_lift_tests_load  (GFile         *file,
                                 MmxStore      *store,
                                 GCancellable  *cancellable,
                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void       mmx_lift_test_free   (MmxLiftTest   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxLiftTest, mmx_lift_test_free)

G_END_DECLS
