/* mmx-parallel.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Does item @index of a loop. Items must not depend on each other and must
 * write only their own results, so the outcome is the same whatever
 * thread runs them and in whatever order. */
typedef void (*MmxParallelFunc) (guint    index,
                                 gpointer user_data);

guint    mmx_parallel_get_n_threads (void);
void     mmx_parallel_set_n_threads (guint            n_threads);
gboolean mmx_parallel_for           (guint            n_items,
                                     MmxParallelFunc  func,
                                     gpointer         user_data,
                                     GCancellable    *cancellable);

G_END_DECLS
