/* mmx-block-bootstrap.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mmx_block_bootstrap_resample (const double   *values,
                                   const gboolean *use,
                                   guint           n,
                                   guint           block_length,
                                   guint64         seed,
                                   guint           replicate,
                                   double         *out);

G_END_DECLS
