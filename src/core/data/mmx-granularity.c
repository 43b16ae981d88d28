/* mmx-granularity.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-granularity.h"

const char *
mmx_granularity_to_string (MmxGranularity granularity)
{
  switch (granularity)
    {
    case MMX_GRANULARITY_DAILY:
      return "daily";
    case MMX_GRANULARITY_WEEKLY:
      return "weekly";
    case MMX_GRANULARITY_UNKNOWN:
    default:
      return "unknown";
    }
}

MmxGranularity
mmx_granularity_from_string (const char *name)
{
  if (g_strcmp0 (name, "daily") == 0)
    return MMX_GRANULARITY_DAILY;
  if (g_strcmp0 (name, "weekly") == 0)
    return MMX_GRANULARITY_WEEKLY;
  return MMX_GRANULARITY_UNKNOWN;
}

/**
 * mmx_granularity_get_days:
 * @granularity: a granularity
 *
 * Returns: the days one period spans (1 when unknown)
 */
guint
mmx_granularity_get_days (MmxGranularity granularity)
{
  return granularity == MMX_GRANULARITY_WEEKLY ? 7 : 1;
}
