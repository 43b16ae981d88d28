/* mmx-fuzz.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

/* The fuzz targets sign and check with this key, so the saved inputs can
 * carry valid signatures and reach the code behind them. */
#define MMX_FUZZ_KEY_ID "fuzz"
#define MMX_FUZZ_SEED "marketingmix fuzzing seed, 32 b"
#define MMX_FUZZ_NOW 1780000000
#define MMX_FUZZ_MACHINE_ID "00112233445566778899aabbccddeeff"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

G_END_DECLS
