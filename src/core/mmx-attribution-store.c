/* mmx-attribution-store.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-attribution-store"

#include "config.h"

#include "mmx-attribution-store.h"
#include "mmx-date.h"
#include "mmx-json.h"

/* Attributions kept in the store's result cache, where everything that
 * attributes or needs an attribution finds them: under a hash of the data
 * and the settings, for the same run again; and, as the latest one, under
 * a fixed key that names the data it was fitted to, for the optimizer and
 * the forecast, which take whatever the user attributed last. An import
 * empties the cache, and the latest one is checked against the data
 * anyway, so it never outlives the data it was fitted to. */

#define KIND "attribution"
#define LATEST_KIND "attribution-latest"
#define LATEST_KEY "latest"

static char *
cache_key (const char                   *data,
           const MmxAttributionSettings *settings)
{
  g_autofree char *options = mmx_attribution_settings_to_key (settings);
  g_autofree char *both = g_strconcat (data, ";", options, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, both, -1);
}

/**
 * mmx_attribution_store_lookup:
 * @store: a store
 * @panel: the data
 * @settings: the settings
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the attribution saved for @panel
 *   and @settings, or %NULL, with @error set only when the store fails
 */
MmxAttribution *
mmx_attribution_store_lookup (MmxStore                      *store,
                              const MmxPanel                *panel,
                              const MmxAttributionSettings  *settings,
                              GError                       **error)
{
  g_autofree char *data = mmx_panel_compute_checksum (panel);
  g_autofree char *key = cache_key (data, settings);
  g_autofree char *saved = mmx_store_lookup_result (store, KIND, key, error);

  /* A result an older version wrote is fitted again. */
  return saved != NULL ? mmx_attribution_new_from_data (saved, NULL) : NULL;
}

/**
 * mmx_attribution_store_set_latest:
 * @store: a store
 * @panel: the data
 * @settings: the settings of an attribution saved for @panel
 * @error: a location for a #GError
 *
 * Makes that attribution the one mmx_attribution_store_lookup_latest()
 * finds, as when the user looks at it again.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
mmx_attribution_store_set_latest (MmxStore                      *store,
                                  const MmxPanel                *panel,
                                  const MmxAttributionSettings  *settings,
                                  GError                       **error)
{
  g_autofree char *data = mmx_panel_compute_checksum (panel);
  g_autofree char *key = cache_key (data, settings);
  g_autofree char *from = mmx_date_julian_to_iso (panel->first_day);
  g_autofree char *to = mmx_date_julian_to_iso (mmx_panel_get_day (panel, panel->n_periods)
                                                - 1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "key", key);
  mmx_json_add_string (builder, "data", data);
  mmx_json_add_string (builder, "from", from);
  mmx_json_add_string (builder, "to", to);
  mmx_json_add_string (builder, "geo", panel->geo);
  json_builder_end_object (builder);
  json = mmx_json_to_string (builder, FALSE);
  return mmx_store_save_result (store, LATEST_KIND, LATEST_KEY, json, error);
}

/**
 * mmx_attribution_store_save:
 * @store: a store
 * @panel: the data @attribution was fitted to
 * @settings: its settings
 * @attribution: the attribution
 * @error: a location for a #GError
 *
 * Saves @attribution for mmx_attribution_store_lookup() and as the latest.
 *
 * Returns: %FALSE with @error set when the store fails
 */
gboolean
mmx_attribution_store_save (MmxStore                      *store,
                            const MmxPanel                *panel,
                            const MmxAttributionSettings  *settings,
                            const MmxAttribution          *attribution,
                            GError                       **error)
{
  g_autofree char *data = mmx_panel_compute_checksum (panel);
  g_autofree char *key = cache_key (data, settings);
  g_autofree char *json = mmx_attribution_to_data (attribution);

  return mmx_store_save_result (store, KIND, key, json, error)
         && mmx_attribution_store_set_latest (store, panel, settings, error);
}

/**
 * mmx_attribution_store_lookup_latest:
 * @store: a store
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the attribution saved or looked at
 *   last, if the data it was fitted to is still what the store holds;
 *   else %NULL, with @error set only when the store fails
 */
MmxAttribution *
mmx_attribution_store_lookup_latest (MmxStore  *store,
                                     GError   **error)
{
  g_autofree char *latest = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MmxPanel) panel = NULL;
  GError *local_error = NULL;
  JsonObject *object;

  latest = mmx_store_lookup_result (store, LATEST_KIND, LATEST_KEY, error);
  if (latest == NULL || !json_parser_load_from_data (parser, latest, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));

  panel = mmx_panel_load (store, json_object_get_string_member_with_default (object, "from", NULL),
                          json_object_get_string_member_with_default (object, "to", NULL),
                          json_object_get_string_member_with_default (object, "geo", NULL),
                          &local_error);
  if (panel == NULL)
    {
      /* Data that no longer covers the range is data that changed. */
      if (g_error_matches (local_error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID))
        g_clear_error (&local_error);
      g_propagate_error (error, local_error);
      return NULL;
    }
  data = mmx_panel_compute_checksum (panel);
  if (g_strcmp0 (data, json_object_get_string_member_with_default (object, "data", NULL)) != 0)
    return NULL;
  saved = mmx_store_lookup_result (store, KIND,
                                   json_object_get_string_member_with_default (object, "key", ""),
                                   error);
  return saved != NULL ? mmx_attribution_new_from_data (saved, NULL) : NULL;
}
