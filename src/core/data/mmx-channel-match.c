/* mmx-channel-match.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-channel-match"

#include "config.h"

#include "mmx-channel-match.h"
#include "mmx-channel-name.h"

/**
 * mmx_channel_match:
 * @store: (nullable): the store whose custom names apply, or %NULL to
 *   match the names as written
 * @name: a channel's name as a user wrote it in a side file or a setting
 * @channels: (array zero-terminated=1): the channels a model knows
 * @out_index: (out): the channel of @channels that @name stands for, or -1
 * @error: a location for a #GError
 *
 * Reads @name as an import would store it, so "FB Ads" finds "Facebook
 * Ads", and so does a custom name mapped to it.
 *
 * Returns: %FALSE with @error set when the store cannot be read
 */
gboolean
mmx_channel_match (MmxStore            *store,
                   const char          *name,
                   const char * const  *channels,
                   int                 *out_index,
                   GError             **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (store == NULL || MMX_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  *out_index = -1;
  if (store != NULL)
    {
      resolved = mmx_store_resolve_channel_name (store, name, error);
      if (resolved == NULL)
        return FALSE;
    }
  key = mmx_channel_name_key (resolved != NULL ? resolved : name);
  for (int i = 0; channels[i] != NULL; i++)
    {
      g_autofree char *channel_key = mmx_channel_name_key (channels[i]);

      if (g_str_equal (key, channel_key))
        {
          *out_index = i;
          break;
        }
    }
  return TRUE;
}

/**
 * mmx_channel_match_list:
 * @channels: (array zero-terminated=1): channel names
 *
 * Returns: (transfer full): the names for a message, "A, B, C"
 */
char *
mmx_channel_match_list (const char * const *channels)
{
  return g_strjoinv (", ", (GStrv) channels);
}
