/* mmx-granularity.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MmxGranularity:
 * @MMX_GRANULARITY_UNKNOWN: no data yet
 * @MMX_GRANULARITY_DAILY: one value per day
 * @MMX_GRANULARITY_WEEKLY: one value per week, dated by its first day
 */
typedef enum
{
  MMX_GRANULARITY_UNKNOWN,
  MMX_GRANULARITY_DAILY,
  MMX_GRANULARITY_WEEKLY,
} MmxGranularity;

const char     *mmx_granularity_to_string   (MmxGranularity  granularity);
MmxGranularity  mmx_granularity_from_string (const char     *name);
guint           mmx_granularity_get_days    (MmxGranularity  granularity);

G_END_DECLS
