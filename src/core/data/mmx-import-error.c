/* mmx-import-error.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-import-error.h"

G_DEFINE_QUARK (mmx-import-error-quark, mmx_import_error)
