/* mmx-model-error.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-model-error.h"

G_DEFINE_QUARK (mmx-model-error-quark, mmx_model_error)
