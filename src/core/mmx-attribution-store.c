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

typedef struct
{
  MmxStore               *store;
  MmxPanel               *panel;
  MmxAttributionSettings  settings;
  GError                 *save_error;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->store);
  mmx_panel_unref (data->panel);
  mmx_attribution_settings_clear (&data->settings);
  g_clear_error (&data->save_error);
  g_free (data);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *data = g_task_get_task_data (task);
  GError *error = NULL;
  MmxAttribution *attribution = mmx_attribution_run_finish (result, &error);

  if (attribution == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  mmx_attribution_store_save (data->store, data->panel, &data->settings, attribution,
                              &data->save_error);
  g_task_return_pointer (task, attribution, (GDestroyNotify) mmx_attribution_unref);
}

/**
 * mmx_attribution_store_run_async:
 * @store: a store
 * @panel: the data, from @store
 * @settings: how to attribute
 * @use_cache: whether an attribution saved for the same data and settings
 *   will do
 * @progress_func: (nullable): receives the fraction done and the time left
 *   on the main context
 * @progress_data: data for @progress_func
 * @cancellable: (nullable): stops the run
 * @callback: called on the main context when done
 * @user_data: data for @callback
 *
 * Attributes on the worker pool, unless the cache holds the answer, and
 * saves the result as the latest attribution of the data: what the CLI
 * and the window both do, one place for it.
 */
void
mmx_attribution_store_run_async (MmxStore                     *store,
                                 MmxPanel                     *panel,
                                 const MmxAttributionSettings *settings,
                                 gboolean                      use_cache,
                                 MmxProgressFunc               progress_func,
                                 gpointer                      progress_data,
                                 GCancellable                 *cancellable,
                                 GAsyncReadyCallback           callback,
                                 gpointer                      user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(MmxAttribution) cached = NULL;
  RunData *data = g_new0 (RunData, 1);

  g_return_if_fail (MMX_IS_STORE (store));
  g_return_if_fail (panel != NULL);

  g_task_set_source_tag (task, mmx_attribution_store_run_async);
  data->store = g_object_ref (store);
  data->panel = mmx_panel_ref (panel);
  mmx_attribution_settings_copy (settings, &data->settings);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  /* A cache that cannot be read is a cache that misses. */
  if (use_cache && (cached = mmx_attribution_store_lookup (store, panel, settings, NULL)) != NULL)
    {
      /* Looked at again, it is the one the optimizer should use. */
      mmx_attribution_store_set_latest (store, panel, settings, &data->save_error);
      g_task_return_pointer (task, g_steal_pointer (&cached),
                             (GDestroyNotify) mmx_attribution_unref);
      return;
    }
  mmx_attribution_run_async (panel, settings, progress_func, progress_data, cancellable,
                             run_done_cb, g_steal_pointer (&task));
}

/**
 * mmx_attribution_store_run_finish:
 * @store: the store
 * @result: the result given to the callback
 * @out_save_error: (out) (optional): where to put why the result could not
 *   be saved, if it could not: it is still worth showing
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the attribution, or %NULL with @error set
 */
MmxAttribution *
mmx_attribution_store_run_finish (MmxStore      *store,
                                  GAsyncResult  *result,
                                  GError       **out_save_error,
                                  GError       **error)
{
  RunData *data;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (out_save_error != NULL && data->save_error != NULL)
    *out_save_error = g_error_copy (data->save_error);
  return g_task_propagate_pointer (G_TASK (result), error);
}
