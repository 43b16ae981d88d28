/* mmx-optimizer-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-optimizer.h"

G_BEGIN_DECLS

MmxOptimization *_mmx_optimization_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
