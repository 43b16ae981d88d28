/* mmx-date-range.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-store.h"

G_BEGIN_DECLS

gboolean mmx_date_range_resolve (MmxStore     *store,
                                 const char   *from,
                                 const char   *to,
                                 guint32      *out_from,
                                 guint32      *out_to,
                                 GError      **error);

G_END_DECLS
