/* mmx-date-range.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-store.h"

G_BEGIN_DECLS

/**
 * MmxDateRangePreset:
 * @MMX_DATE_RANGE_LAST_30_DAYS: the last 30 days with data
 * @MMX_DATE_RANGE_LAST_90_DAYS: the last 90 days with data
 * @MMX_DATE_RANGE_LAST_365_DAYS: the last 365 days with data
 * @MMX_DATE_RANGE_ALL: every day with data
 * @MMX_DATE_RANGE_CUSTOM: two dates the user chose
 *
 * The ranges the dashboard offers. The "last" ones end on the last day
 * with data, not today: exports are downloaded now and then, and a range
 * ending today would show nothing for the days not exported yet.
 */
typedef enum
{
  MMX_DATE_RANGE_LAST_30_DAYS,
  MMX_DATE_RANGE_LAST_90_DAYS,
  MMX_DATE_RANGE_LAST_365_DAYS,
  MMX_DATE_RANGE_ALL,
  MMX_DATE_RANGE_CUSTOM,
} MmxDateRangePreset;

gboolean            mmx_date_range_resolve          (MmxStore            *store,
                                                     const char          *from,
                                                     const char          *to,
                                                     guint32             *out_from,
                                                     guint32             *out_to,
                                                     GError             **error);
const char         *mmx_date_range_preset_to_string (MmxDateRangePreset   preset);
gboolean            mmx_date_range_preset_from_string (const char        *name,
                                                     MmxDateRangePreset  *out_preset);
gboolean            mmx_date_range_resolve_preset   (MmxStore            *store,
                                                     MmxDateRangePreset   preset,
                                                     const char          *custom_from,
                                                     const char          *custom_to,
                                                     guint32             *out_from,
                                                     guint32             *out_to,
                                                     GError             **error);
void                mmx_date_range_previous         (guint32              from,
                                                     guint32              to,
                                                     guint32             *out_from,
                                                     guint32             *out_to);

G_END_DECLS
