/* mmx-store-scenarios.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-store-private.h"
#include "mmx-store-scenarios.h"

/* Named scenarios in the scenario table: unlike cached results they stay
 * when the data changes, because the user saved them to compare later. */

/* Longer names do not fit a column of the side-by-side list. */
#define MAX_NAME_LENGTH 64

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *tidy = g_strstrip (g_strdup (name));

  if (*tidy == '\0')
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID,
                   _("A scenario needs a name with at least one character other than a space."));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > MAX_NAME_LENGTH || !g_str_equal (tidy, name))
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID,
                   _("The scenario name “%s” is too long or starts or ends with a space: use at "
                     "most %d characters, without spaces around them."), name, MAX_NAME_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/**
 * mmx_store_save_scenario:
 * @self: a store
 * @kind: what it holds
 * @name: its name, unique within @kind
 * @json: the result
 * @out_replaced: (out) (optional): whether a scenario of that name was
 *   replaced
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when the name is unusable or the store
 *   fails; nothing is changed then
 */
gboolean
mmx_store_save_scenario (MmxStore    *self,
                         const char  *kind,
                         const char  *name,
                         const char  *json,
                         gboolean    *out_replaced,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean replaced;

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && name != NULL && json != NULL, FALSE);

  if (!check_name (name, error) || !_mmx_store_begin_write (self, error))
    return FALSE;
  exists = _mmx_store_prepare (self, "SELECT 1 FROM scenario WHERE kind = ?1 AND name = ?2",
                               error);
  stmt = exists == NULL ? NULL
         : _mmx_store_prepare (self,
                               "INSERT INTO scenario (kind, name, json, created) "
                               "VALUES (?1, ?2, ?3, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                               "ON CONFLICT (kind, name) DO UPDATE SET json = excluded.json, "
                               "created = excluded.created", error);
  if (stmt == NULL)
    {
      _mmx_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (exists, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (exists, 2, name, -1, SQLITE_TRANSIENT);
  replaced = sqlite3_step (exists) == SQLITE_ROW;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  if (!_mmx_store_step_done (self, stmt, _("saving the scenario"), error)
      || !_mmx_store_commit (self, error))
    {
      _mmx_store_rollback (self);
      return FALSE;
    }
  if (out_replaced != NULL)
    *out_replaced = replaced;
  return TRUE;
}

/**
 * mmx_store_list_scenarios:
 * @self: a store
 * @kind: (nullable): what they hold, or %NULL for all
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type MmxScenario): the saved
 *   scenarios in the order they were first saved, or %NULL with @error set
 */
GPtrArray *
mmx_store_list_scenarios (MmxStore    *self,
                          const char  *kind,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) scenarios = NULL;
  int rc;

  g_return_val_if_fail (MMX_IS_STORE (self), NULL);

  stmt = _mmx_store_prepare (self,
                             "SELECT kind, name, json, created FROM scenario "
                             "WHERE ?1 IS NULL OR kind = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  if (kind != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_scenario_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MmxScenario *scenario = g_new0 (MmxScenario, 1);

      scenario->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      scenario->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      scenario->json = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      scenario->created = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (scenarios, scenario);
    }
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, _mmx_store_get_db (self), rc, _("listing the scenarios"));
      return NULL;
    }
  return g_steal_pointer (&scenarios);
}

/**
 * mmx_store_delete_scenario:
 * @self: a store
 * @kind: what it holds
 * @name: its name
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when there is no such scenario or the
 *   store fails
 */
gboolean
mmx_store_delete_scenario (MmxStore    *self,
                           const char  *kind,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && name != NULL, FALSE);

  stmt = _mmx_store_prepare (self, "DELETE FROM scenario WHERE kind = ?1 AND name = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!_mmx_store_step_done (self, stmt, _("deleting the scenario"), error))
    return FALSE;
  if (sqlite3_changes (_mmx_store_get_db (self)) == 0)
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND,
                   _("No scenario is saved as “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

void
mmx_scenario_free (MmxScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->kind);
  g_free (scenario->name);
  g_free (scenario->json);
  g_free (scenario->created);
  g_free (scenario);
}
