/* mmx-server-schema.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-server-store"

#include "config.h"

#include "mmx-server-schema.h"

/* Forward only, as the desktop store's: migration N takes the database
 * from version N-1 to N, and a released one is never edited. One text
 * serves SQLite and PostgreSQL; @BLOB@ is each one's binary type. Times
 * are seconds since 1970 UTC; a revoked or deactivated time of 0 means
 * "not". */
static const char * const migrations[] = {
  /* 1: accounts, refresh tokens, licenses, sync */
  "CREATE TABLE account ("
  "  id            TEXT PRIMARY KEY,"
  "  email         TEXT NOT NULL UNIQUE,"
  "  password_hash TEXT NOT NULL,"
  "  created       BIGINT NOT NULL,"
  "  sync_seq      BIGINT NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE login_throttle ("
  "  email_key    TEXT PRIMARY KEY,"
  "  failures     BIGINT NOT NULL,"
  "  locked_until BIGINT NOT NULL,"
  "  updated      BIGINT NOT NULL"
  ");"

  "CREATE TABLE refresh_family ("
  "  id         TEXT PRIMARY KEY,"
  "  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  created    BIGINT NOT NULL,"
  "  expires    BIGINT NOT NULL,"
  "  revoked    BIGINT NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX refresh_family_by_account ON refresh_family (account_id);"

  "CREATE TABLE refresh_token ("
  "  token_hash TEXT PRIMARY KEY,"
  "  family_id  TEXT NOT NULL REFERENCES refresh_family (id) ON DELETE CASCADE,"
  "  created    BIGINT NOT NULL,"
  "  used       BIGINT NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX refresh_token_by_family ON refresh_token (family_id);"

  "CREATE TABLE license ("
  "  id       TEXT PRIMARY KEY,"
  "  key_hash TEXT NOT NULL UNIQUE,"
  "  email    TEXT NOT NULL,"
  "  tier     TEXT NOT NULL,"
  "  seats    BIGINT NOT NULL CHECK (seats > 0),"
  "  created  BIGINT NOT NULL,"
  "  expires  BIGINT NOT NULL,"
  "  revoked  BIGINT NOT NULL DEFAULT 0"
  ");"

  /* Deactivated rows stay: they bound how often seats can be freed. */
  "CREATE TABLE activation ("
  "  id          TEXT PRIMARY KEY,"
  "  license_id  TEXT NOT NULL REFERENCES license (id),"
  "  account_id  TEXT REFERENCES account (id) ON DELETE SET NULL,"
  "  machine     TEXT NOT NULL,"
  "  activated   BIGINT NOT NULL,"
  "  last_issued BIGINT NOT NULL,"
  "  deactivated BIGINT NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX activation_active ON activation (license_id, machine)"
  "  WHERE deactivated = 0;"
  "CREATE INDEX activation_by_account ON activation (account_id);"
  "CREATE INDEX activation_by_license ON activation (license_id, deactivated);"

  "CREATE TABLE upload ("
  "  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  sha256     TEXT NOT NULL,"
  "  seq        BIGINT NOT NULL,"
  "  size       BIGINT NOT NULL,"
  "  created    BIGINT NOT NULL,"
  "  data       @BLOB@ NOT NULL,"
  "  PRIMARY KEY (account_id, sha256),"
  "  UNIQUE (account_id, seq)"
  ");"

  "CREATE TABLE metadata ("
  "  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  key        TEXT NOT NULL,"
  "  version    BIGINT NOT NULL,"
  "  value      TEXT NOT NULL,"
  "  updated    BIGINT NOT NULL,"
  "  PRIMARY KEY (account_id, key)"
  ");",
};

int
mmx_server_schema_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static char *
for_dialect (MmxDbConnection *db,
             const char      *sql)
{
  g_autoptr(GString) text = g_string_new (sql);
  gboolean postgres = g_str_equal (mmx_db_connection_get_dialect (db), "postgresql");

  g_string_replace (text, "@BLOB@", postgres ? "BYTEA" : "BLOB", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
migrate_once (MmxDbConnection  *db,
              GError          **error)
{
  g_autoptr(MmxDbRows) rows = NULL;
  int version;

  if (!mmx_db_connection_begin_write (db, error))
    return FALSE;
  if (!mmx_db_connection_exec (db, "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)",
                               error))
    goto failed;
  rows = mmx_db_connection_query (db, error, "SELECT max(version) FROM schema_version", MMX_DB_END);
  if (rows == NULL)
    goto failed;
  version = mmx_db_rows_is_null (rows, 0, 0) ? 0 : (int) mmx_db_rows_get_int (rows, 0, 0);
  if (version > mmx_server_schema_get_latest_version ())
    {
      g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_OPEN,
                   "The database was written by a newer marketingmix-server (schema %d, this "
                   "one knows %d). Update the server.", version,
                   mmx_server_schema_get_latest_version ());
      goto failed;
    }
  for (; version < mmx_server_schema_get_latest_version (); version++)
    {
      g_autofree char *sql = for_dialect (db, migrations[version]);

      if (!mmx_db_connection_exec (db, sql, error)
          || !mmx_db_connection_run (db, error, "INSERT INTO schema_version (version) VALUES (?)",
                                     MMX_DB_INT, (gint64) version + 1, MMX_DB_END))
        goto failed;
      g_debug ("Migrated the server database to version %d", version + 1);
    }
  return mmx_db_connection_commit (db, error);

failed:
  mmx_db_connection_rollback (db);
  return FALSE;
}

/**
 * mmx_server_schema_migrate:
 * @db: a connection
 * @error: a location for a #GError
 *
 * Brings the schema up to date in one transaction, so a crash leaves the
 * version it had, and two servers starting at once migrate only once.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_server_schema_migrate (MmxDbConnection  *db,
                           GError          **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (migrate_once (db, &local_error))
        return TRUE;
      if (attempt >= 5
          || !(g_error_matches (local_error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_RETRY)
               || g_error_matches (local_error, MMX_SERVER_STORE_ERROR,
                                   MMX_SERVER_STORE_ERROR_EXISTS)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (100 * 1000);
    }
}
