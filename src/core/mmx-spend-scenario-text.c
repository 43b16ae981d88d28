/* mmx-spend-scenario-text.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-spend-scenario-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mmx-channel-match.h"
#include "mmx-model-error.h"
#include "mmx-spend-scenario-text.h"

/* A scenario as the user writes it on the command line, its channels
 * named as the import would store them: here, apart from the model's
 * pure scenario type, since the names are looked up in the store. */

/* The channel that stands for all of them in a scenario's text. */
#define EVERY_CHANNEL "*"

#define HOW_TO_WRITE N_("Write NAME:CHANNEL=CHANGE[,CHANNEL=CHANGE…], where a change is +20%, " \
                        "-10%, 150/day or 1000/week, and CHANNEL may be * for every channel.")

/* "+20%", "-10 %", "150/day", "1000 / week" or "0". */
static gboolean
parse_amount (const char         *text,
              MmxSpendChangeKind *out_kind,
              double             *out_value)
{
  g_autofree char *unit = NULL;
  char *end;
  double value;

  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value))
    return FALSE;
  unit = g_strstrip (g_strdup (end));

  if (g_str_equal (unit, "%"))
    {
      /* A bare "20%" could mean "to 20 %" as well as "by 20 %". */
      if (text[0] != '+' && text[0] != '-')
        return FALSE;
      *out_kind = MMX_SPEND_CHANGE_RELATIVE;
      *out_value = value / 100;
      return TRUE;
    }
  if (text[0] == '+' || text[0] == '-')
    return FALSE;
  *out_kind = MMX_SPEND_CHANGE_PER_DAY;
  if (g_str_equal (unit, "/day") || g_str_equal (unit, "/ day") || (*unit == '\0' && value == 0))
    *out_value = value;
  else if (g_str_equal (unit, "/week") || g_str_equal (unit, "/ week"))
    *out_value = value / 7;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_change (MmxSpendScenario    *self,
              const char          *text,
              MmxStore            *store,
              const char * const  *channels,
              GError             **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "=", 2);
  g_autofree char *channel_list = NULL;
  const char *channel, *amount;
  MmxSpendChangeKind kind;
  double value;
  int index = -1;

  if (g_strv_length (parts) != 2)
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   _("In scenario “%s”, “%s” is not a change. %s"), mmx_spend_scenario_get_name (self), text,
                   _(HOW_TO_WRITE));
      return FALSE;
    }
  channel = g_strstrip (parts[0]);
  amount = g_strstrip (parts[1]);

  if (!parse_amount (amount, &kind, &value))
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   _("In scenario “%s”, “%s” is not a change of spend. %s"), mmx_spend_scenario_get_name (self), amount,
                   _(HOW_TO_WRITE));
      return FALSE;
    }
  if (value < (kind == MMX_SPEND_CHANGE_RELATIVE ? -1 : 0))
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   _("In scenario “%s”, %s would make the spend of %s negative: spend can fall "
                     "by 100%% at most."), mmx_spend_scenario_get_name (self), amount, channel);
      return FALSE;
    }

  if (g_str_equal (channel, EVERY_CHANNEL))
    {
      mmx_spend_scenario_add_change (self, NULL, kind, value);
      return TRUE;
    }
  if (!mmx_channel_match (store, channel, channels, &index, error))
    return FALSE;
  if (index < 0)
    {
      channel_list = mmx_channel_match_list (channels);
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   _("In scenario “%s”, “%s” is not a channel with spend in the history, so its "
                     "effect is unknown. The channels are: %s."), mmx_spend_scenario_get_name (self), channel,
                   channel_list);
      return FALSE;
    }
  mmx_spend_scenario_add_change (self, channels[index], kind, value);
  return TRUE;
}

/**
 * mmx_spend_scenario_parse:
 * @text: `NAME:CHANGE[,CHANGE…]`, a change being `CHANNEL=+20%`,
 *   `CHANNEL=-10%`, `CHANNEL=150/day`, `CHANNEL=1000/week` or
 *   `CHANNEL=0`, with `*` for every channel
 * @store: (nullable): the store whose channel names apply
 * @channels: (array zero-terminated=1): the channels the forecast knows
 * @error: a location for a #GError
 *
 * Channel names are read as the import reads them, custom names included.
 *
 * Returns: (transfer full): the scenario, or %NULL with a
 *   %MMX_MODEL_ERROR_INVALID_SETTINGS error
 */
MmxSpendScenario *
mmx_spend_scenario_parse (const char          *text,
                          MmxStore            *store,
                          const char * const  *channels,
                          GError             **error)
{
  g_autoptr(MmxSpendScenario) self = NULL;
  g_auto(GStrv) changes = NULL;
  const char *colon;
  g_autofree char *name = NULL;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (channels != NULL, NULL);

  colon = strchr (text, ':');
  if (colon != NULL)
    {
      name = g_strstrip (g_strndup (text, colon - text));
      rest = g_strstrip (g_strdup (colon + 1));
    }
  if (name == NULL || *name == '\0' || *rest == '\0')
    {
      g_set_error (error, MMX_MODEL_ERROR, MMX_MODEL_ERROR_INVALID_SETTINGS,
                   _("“%s” is not a scenario. %s"), text, _(HOW_TO_WRITE));
      return NULL;
    }

  self = mmx_spend_scenario_new (name);
  changes = g_strsplit (rest, ",", -1);
  for (guint i = 0; changes[i] != NULL; i++)
    if (!parse_change (self, changes[i], store, channels, error))
      return NULL;
  return g_steal_pointer (&self);
}
