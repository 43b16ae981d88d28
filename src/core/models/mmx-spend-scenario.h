/* mmx-spend-scenario.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxSpendChangeKind:
 * @MMX_SPEND_CHANGE_RELATIVE: the base case's spend times 1 + value
 * @MMX_SPEND_CHANGE_PER_DAY: value every day
 */
typedef enum
{
  MMX_SPEND_CHANGE_RELATIVE,
  MMX_SPEND_CHANGE_PER_DAY,
} MmxSpendChangeKind;

/**
 * MmxSpendChange:
 * @channel: (nullable): the channel, or %NULL for every channel
 * @kind: how @value changes its spend
 * @value: a relative change (0.2 for +20 %) or a spend per day
 */
typedef struct
{
  char               *channel;
  MmxSpendChangeKind  kind;
  double              value;
} MmxSpendChange;

/**
 * MmxSpendScenario:
 *
 * A named what-if: changes of the base case's future spend, applied in
 * order, so a change for every channel can be followed by exceptions.
 */
typedef struct _MmxSpendScenario MmxSpendScenario;

MmxSpendScenario     *mmx_spend_scenario_new        (const char          *name) G_GNUC_WARN_UNUSED_RESULT;
void                  mmx_spend_scenario_free       (MmxSpendScenario    *self);
void                  mmx_spend_scenario_add_change (MmxSpendScenario    *self,
                                                     const char          *channel,
                                                     MmxSpendChangeKind   kind,
                                                     double               value);
const char           *mmx_spend_scenario_get_name   (MmxSpendScenario    *self);
guint                 mmx_spend_scenario_get_n_changes (MmxSpendScenario *self);
const MmxSpendChange *mmx_spend_scenario_get_change (MmxSpendScenario    *self,
                                                     guint                index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxSpendScenario, mmx_spend_scenario_free)

G_END_DECLS
