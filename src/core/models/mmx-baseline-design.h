/* mmx-baseline-design.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-events.h"
#include "mmx-panel.h"

G_BEGIN_DECLS

typedef enum
{
  MMX_BASELINE_INTERCEPT,
  MMX_BASELINE_TREND,
  MMX_BASELINE_CHANGE_POINT,
  MMX_BASELINE_WEEKLY,
  MMX_BASELINE_YEARLY,
  MMX_BASELINE_EVENT,
  MMX_BASELINE_CONTROL,
} MmxBaselineKind;

/**
 * MmxBaselineDesign:
 * @n_periods: the rows, one per period of the panel
 * @n_columns: the columns, the intercept first
 * @values: @n_periods rows of @n_columns values; every column but the
 *   intercept is centred and scaled to unit variance over the panel, so
 *   one ridge penalty suits them all
 * @kinds: (array length=n_columns): what each column is
 * @names: (array zero-terminated=1): a name for each column, for
 *   diagnostics ("trend", "weekly sin 1", an event's or control's name)
 *
 * What moves revenue besides media: level, trend with optional change
 * points, weekly seasonality (daily data only), yearly seasonality (with
 * enough history), events and the panel's control columns.
 */
typedef struct
{
  guint             n_periods;
  guint             n_columns;
  double           *values;
  MmxBaselineKind  *kinds;
  char            **names;
} MmxBaselineDesign;

MmxBaselineDesign *mmx_baseline_design_new  (const MmxPanel     *panel,
                                             MmxEvents          *events,
                                             guint               n_change_points);
void               mmx_baseline_design_free (MmxBaselineDesign  *self);
gboolean           mmx_baseline_kind_is_penalised (MmxBaselineKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxBaselineDesign, mmx_baseline_design_free)

G_END_DECLS
