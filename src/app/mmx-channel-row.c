/* mmx-channel-row.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-channel-row"

#include "config.h"

#include "mmx-channel-row.h"

/* A channel's KPIs as an item of a list model, for the channel table. */
struct _MmxChannelRow
{
  GObject         parent_instance;

  MmxChannelKpis  kpis;
};

G_DEFINE_FINAL_TYPE (MmxChannelRow, mmx_channel_row, G_TYPE_OBJECT)

static void
mmx_channel_row_finalize (GObject *object)
{
  MmxChannelRow *self = (MmxChannelRow *) object;

  g_clear_pointer (&self->kpis.name, g_free);

  G_OBJECT_CLASS (mmx_channel_row_parent_class)->finalize (object);
}

static void
mmx_channel_row_class_init (MmxChannelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mmx_channel_row_finalize;
}

static void
mmx_channel_row_init (MmxChannelRow *self)
{
}

/**
 * mmx_channel_row_new:
 * @kpis: a channel's KPIs, copied
 *
 * Returns: (transfer full): a row
 */
MmxChannelRow *
mmx_channel_row_new (const MmxChannelKpis *kpis)
{
  MmxChannelRow *self = g_object_new (MMX_TYPE_CHANNEL_ROW, NULL);

  self->kpis = *kpis;
  self->kpis.name = g_strdup (kpis->name);
  return self;
}

const MmxChannelKpis *
mmx_channel_row_get_kpis (MmxChannelRow *self)
{
  g_return_val_if_fail (MMX_IS_CHANNEL_ROW (self), NULL);

  return &self->kpis;
}
