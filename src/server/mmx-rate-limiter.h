/* mmx-rate-limiter.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MmxRateLimiter MmxRateLimiter;

MmxRateLimiter *mmx_rate_limiter_new  (double          per_second,
                                       double          burst) G_GNUC_WARN_UNUSED_RESULT;
gboolean        mmx_rate_limiter_take (MmxRateLimiter *self,
                                       const char     *key,
                                       gint64          now_usec,
                                       guint          *out_retry_after);
void            mmx_rate_limiter_free (MmxRateLimiter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxRateLimiter, mmx_rate_limiter_free)

G_END_DECLS
