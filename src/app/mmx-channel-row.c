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

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mmx_channel_row_finalize (GObject *object)
{
  MmxChannelRow *self = (MmxChannelRow *) object;

  g_clear_pointer (&self->kpis.name, g_free);

  G_OBJECT_CLASS (mmx_channel_row_parent_class)->finalize (object);
}

static void
mmx_channel_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MmxChannelRow *self = MMX_CHANNEL_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->kpis.name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_channel_row_class_init (MmxChannelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mmx_channel_row_finalize;
  object_class->get_property = mmx_channel_row_get_property;

  /**
   * MmxChannelRow:name:
   *
   * The channel's name, for sorting and searching.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

const char *
mmx_channel_row_get_name (MmxChannelRow *self)
{
  g_return_val_if_fail (MMX_IS_CHANNEL_ROW (self), NULL);

  return self->kpis.name;
}
