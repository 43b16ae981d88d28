/* mmx-spend-scenario.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-spend-scenario"

#include "config.h"

#include "mmx-spend-scenario.h"

struct _MmxSpendScenario
{
  char   *name;
  GArray *changes;
};

static void
change_clear (MmxSpendChange *change)
{
  g_free (change->channel);
}

/**
 * mmx_spend_scenario_new:
 * @name: what the scenario is called
 *
 * Returns: (transfer full): a scenario without changes: the base case
 */
MmxSpendScenario *
mmx_spend_scenario_new (const char *name)
{
  MmxSpendScenario *self = g_new0 (MmxSpendScenario, 1);

  g_return_val_if_fail (name != NULL, NULL);

  self->name = g_strdup (name);
  self->changes = g_array_new (FALSE, FALSE, sizeof (MmxSpendChange));
  g_array_set_clear_func (self->changes, (GDestroyNotify) change_clear);
  return self;
}

void
mmx_spend_scenario_free (MmxSpendScenario *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_array_unref (self->changes);
  g_free (self);
}

/**
 * mmx_spend_scenario_add_change:
 * @self: a scenario
 * @channel: (nullable): a channel's name as the panel gives it, or %NULL
 *   for every channel
 * @kind: the kind of change
 * @value: a relative change of at least -1, or a spend per day of at
 *   least 0
 */
void
mmx_spend_scenario_add_change (MmxSpendScenario   *self,
                               const char         *channel,
                               MmxSpendChangeKind  kind,
                               double              value)
{
  MmxSpendChange change = { g_strdup (channel), kind, value };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->changes, change);
}

const char *
mmx_spend_scenario_get_name (MmxSpendScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

guint
mmx_spend_scenario_get_n_changes (MmxSpendScenario *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

const MmxSpendChange *
mmx_spend_scenario_get_change (MmxSpendScenario *self,
                               guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  return &g_array_index (self->changes, MmxSpendChange, index);
}
