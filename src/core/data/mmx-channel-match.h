/* mmx-channel-match.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-store.h"

G_BEGIN_DECLS

gboolean  mmx_channel_match      (MmxStore            *store,
                                  const char          *name,
                                  const char * const  *channels,
                                  int                 *out_index,
                                  GError             **error);
char     *mmx_channel_match_list (const char * const  *channels) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
