/* mmx-spend-scenario-text.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-spend-scenario.h"
#include "mmx-store.h"

G_BEGIN_DECLS

MmxSpendScenario *mmx_spend_scenario_parse (const char          *text,
                                            MmxStore            *store,
                                            const char * const  *channels,
                                            GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
