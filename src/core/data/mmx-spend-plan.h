/* mmx-spend-plan.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mmx-panel.h"

G_BEGIN_DECLS

/**
 * MmxSpendPlanEntry:
 * @day: the Julian day
 * @channel: the channel, named as the panel names it
 * @spend: what it is planned to spend that day
 */
typedef struct
{
  guint32  day;
  char    *channel;
  double   spend;
} MmxSpendPlanEntry;

/**
 * MmxSpendPlan:
 *
 * Planned future spend, per day and channel: the file a user writes in
 * the import's long shape, `date,channel,spend`.
 */
typedef struct _MmxSpendPlan MmxSpendPlan;

MmxSpendPlan            *mmx_spend_plan_new          (void) G_GNUC_WARN_UNUSED_RESULT;
MmxSpendPlan            *mmx_spend_plan_load         (GFile            *file,
                                                      MmxStore         *store,
                                                      const MmxPanel   *panel,
                                                      GCancellable     *cancellable,
                                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void                     mmx_spend_plan_free         (MmxSpendPlan     *self);
void                     mmx_spend_plan_add          (MmxSpendPlan     *self,
                                                      guint32           day,
                                                      const char       *channel,
                                                      double            spend);
guint                    mmx_spend_plan_get_n_entries (MmxSpendPlan    *self);
const MmxSpendPlanEntry *mmx_spend_plan_get_entry    (MmxSpendPlan     *self,
                                                      guint             index);
guint32                  mmx_spend_plan_get_last_day (MmxSpendPlan     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxSpendPlan, mmx_spend_plan_free)

G_END_DECLS
