/* mmx-store-migrations.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mmx-store-private.h"

/* Forward only: migration N takes a database from version N-1 to N. A
 * released migration is never edited; a change to the schema is a new
 * entry at the end. PRAGMA user_version holds the version. */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE channel ("
  "  id   INTEGER PRIMARY KEY,"
  "  key  TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'media' CHECK (kind IN ('media', 'total'))"
  ");"
  "INSERT INTO channel (key, name, kind) VALUES ('" MMX_STORE_TOTAL_CHANNEL_KEY "', 'Unattributed', 'total');"

  "CREATE TABLE channel_alias ("
  "  alias_key  TEXT PRIMARY KEY,"
  "  alias      TEXT NOT NULL,"
  "  channel_id INTEGER NOT NULL REFERENCES channel (id) ON DELETE CASCADE"
  ") WITHOUT ROWID;"

  "CREATE TABLE import_log ("
  "  id          INTEGER PRIMARY KEY,"
  "  file        TEXT NOT NULL,"
  "  sha256      TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  shape       TEXT NOT NULL CHECK (shape IN ('long', 'wide')),"
  "  granularity TEXT NOT NULL CHECK (granularity IN ('daily', 'weekly')),"
  "  inserted    INTEGER NOT NULL DEFAULT 0,"
  "  updated     INTEGER NOT NULL DEFAULT 0,"
  "  merged      INTEGER NOT NULL DEFAULT 0,"
  "  rejected    INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE metric ("
  "  date                TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  geo                 TEXT NOT NULL DEFAULT '',"
  "  channel_id          INTEGER NOT NULL REFERENCES channel (id),"
  "  spend               REAL CHECK (spend >= 0),"
  "  revenue             REAL CHECK (revenue >= 0),"
  "  impressions         REAL CHECK (impressions >= 0),"
  "  clicks              REAL CHECK (clicks >= 0),"
  "  conversions         REAL CHECK (conversions >= 0),"
  "  new_customers       REAL CHECK (new_customers >= 0),"
  "  returning_customers REAL CHECK (returning_customers >= 0),"
  "  import_id           INTEGER NOT NULL REFERENCES import_log (id),"
  "  PRIMARY KEY (date, geo, channel_id)"
  ") WITHOUT ROWID;"


  "CREATE TABLE control ("
  "  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  geo       TEXT NOT NULL DEFAULT '',"
  "  name      TEXT NOT NULL,"
  "  value     REAL NOT NULL,"
  "  import_id INTEGER NOT NULL REFERENCES import_log (id),"
  "  PRIMARY KEY (date, geo, name)"
  ") WITHOUT ROWID;"

  "CREATE TABLE column_mapping ("
  "  name       TEXT PRIMARY KEY,"
  "  header_key TEXT NOT NULL,"
  "  mapping    TEXT NOT NULL,"
  "  created    TEXT NOT NULL"
  ");"
  "CREATE INDEX column_mapping_by_header ON column_mapping (header_key);"

  "CREATE TABLE result_cache ("
  "  kind    TEXT NOT NULL,"
  "  key     TEXT NOT NULL,"
  "  json    TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  PRIMARY KEY (kind, key)"
  ") WITHOUT ROWID;"

  "CREATE TABLE scenario ("
  "  id      INTEGER PRIMARY KEY,"
  "  kind    TEXT NOT NULL,"
  "  name    TEXT NOT NULL,"
  "  json    TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  UNIQUE (kind, name)"
  ");",
};

int
_mmx_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static int
read_user_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/**
 * _mmx_store_migrate:
 * @db: an open database
 * @target_version: the version to reach; tests stop short of the latest
 * @error: a location for a #GError
 *
 * Applies each missing migration in a transaction of its own, so a crash
 * leaves the database at a version it had. Connections that open a new
 * database at once (the window's jobs) take turns: each reads the version
 * again once it holds the write lock.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
_mmx_store_migrate (sqlite3  *db,
                    int       target_version,
                    GError  **error)
{
  int version = read_user_version (db);

  g_return_val_if_fail (target_version <= _mmx_store_get_latest_version (), FALSE);

  if (version < 0)
    return _mmx_store_set_error (error, db, sqlite3_errcode (db), _("reading the schema version"));

  while (version < target_version)
    {
      g_autofree char *sql = NULL;
      int rc;

      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return _mmx_store_set_error (error, db, rc, _("upgrading the database"));
      version = read_user_version (db);
      if (version < 0 || version >= target_version)
        {
          rc = version < 0 ? sqlite3_errcode (db) : sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
          if (rc == SQLITE_OK)
            break;
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return _mmx_store_set_error (error, db, rc, _("reading the schema version"));
        }

      sql = g_strdup_printf ("%s;PRAGMA user_version = %d;COMMIT;", migrations[version],
                             version + 1);
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _mmx_store_set_error (error, db, rc, _("upgrading the database"));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      version++;
      g_debug ("Migrated the database to version %d", version);
    }
  return TRUE;
}
