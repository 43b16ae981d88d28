/* mmx-progress-relay.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-progress.h"

G_BEGIN_DECLS

/**
 * MmxProgressRelay:
 *
 * Carries a worker's progress reports to the main context of the thread
 * that started the work, so an `_async` function's caller is told in its
 * own thread, as it is told of the result.
 */
typedef struct _MmxProgressRelay MmxProgressRelay;

MmxProgressRelay *mmx_progress_relay_new    (MmxProgressFunc   func,
                                             gpointer          user_data) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_progress_relay_free   (MmxProgressRelay *self);
MmxProgressFunc   mmx_progress_relay_get_func (MmxProgressRelay *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxProgressRelay, mmx_progress_relay_free)

G_END_DECLS
