/* mmx-column-role.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxField:
 * @MMX_FIELD_IGNORE: not imported
 * @MMX_FIELD_DATE: the day, or the first day of the week
 * @MMX_FIELD_CHANNEL: the channel of the row (long files)
 * @MMX_FIELD_GEO: a region, kept so models can aggregate or split by it
 * @MMX_FIELD_SPEND: money spent
 * @MMX_FIELD_REVENUE: money earned
 * @MMX_FIELD_IMPRESSIONS: ad impressions
 * @MMX_FIELD_CLICKS: ad clicks
 * @MMX_FIELD_CONVERSIONS: purchases, orders or another conversion count
 * @MMX_FIELD_NEW_CUSTOMERS: first-time customers
 * @MMX_FIELD_RETURNING_CUSTOMERS: returning customers
 * @MMX_FIELD_REVENUE_PER_CONVERSION: revenue is this times the conversions
 * @MMX_FIELD_CONTROL: a variable the models control for (price, promotion, event)
 *
 * What a column of a CSV file holds. Spend to returning customers are the
 * stored metrics.
 */
typedef enum
{
  MMX_FIELD_IGNORE,
  MMX_FIELD_DATE,
  MMX_FIELD_CHANNEL,
  MMX_FIELD_GEO,
  MMX_FIELD_SPEND,
  MMX_FIELD_REVENUE,
  MMX_FIELD_IMPRESSIONS,
  MMX_FIELD_CLICKS,
  MMX_FIELD_CONVERSIONS,
  MMX_FIELD_NEW_CUSTOMERS,
  MMX_FIELD_RETURNING_CUSTOMERS,
  MMX_FIELD_REVENUE_PER_CONVERSION,
  MMX_FIELD_CONTROL,
} MmxField;

#define MMX_FIELD_FIRST_METRIC MMX_FIELD_SPEND
#define MMX_FIELD_LAST_METRIC  MMX_FIELD_RETURNING_CUSTOMERS
#define MMX_N_METRICS          (MMX_FIELD_LAST_METRIC - MMX_FIELD_FIRST_METRIC + 1)
#define MMX_FIELD_IS_METRIC(f) ((f) >= MMX_FIELD_FIRST_METRIC && (f) <= MMX_FIELD_LAST_METRIC)

/**
 * MmxColumnRole:
 * @field: what the column holds
 * @channel: (nullable): the channel a metric belongs to, in a wide file
 *   (`spend:Facebook`)
 * @name: (nullable): the name of a control variable
 */
typedef struct
{
  MmxField  field;
  char     *channel;
  char     *name;
} MmxColumnRole;

const char     *mmx_field_to_string           (MmxField              field);
gboolean        mmx_field_accepts_channel     (MmxField              field);
MmxColumnRole  *mmx_column_role_new           (MmxField              field,
                                               const char           *channel,
                                               const char           *name) G_GNUC_WARN_UNUSED_RESULT;
MmxColumnRole  *mmx_column_role_copy          (const MmxColumnRole  *self) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_column_role_free          (MmxColumnRole        *self);
MmxColumnRole  *mmx_column_role_parse         (const char           *spec,
                                               const char           *column,
                                               GError              **error) G_GNUC_WARN_UNUSED_RESULT;
char           *mmx_column_role_to_string     (const MmxColumnRole  *self) G_GNUC_WARN_UNUSED_RESULT;
MmxColumnRole  *mmx_column_role_recognise     (const char           *header) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxColumnRole, mmx_column_role_free)

G_END_DECLS
