/* mmx-db-sqlite.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "mmx-db-sqlite.h"

/* Writers wait this long for each other before giving up with RETRY. */
#define BUSY_TIMEOUT_MS 5000

struct _MmxDbSqlite
{
  MmxDbConnection  parent_instance;

  sqlite3         *db;
  /* Prepared statements by SQL text: the same few queries run all day. */
  GHashTable      *statements;
};

G_DEFINE_FINAL_TYPE (MmxDbSqlite, mmx_db_sqlite, MMX_TYPE_DB_CONNECTION)

static gboolean
set_error (MmxDbSqlite  *self,
           int           rc,
           GError      **error)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = MMX_SERVER_STORE_ERROR_RETRY;
      break;
    case SQLITE_CONSTRAINT:
      code = (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
             ? MMX_SERVER_STORE_ERROR_EXISTS : MMX_SERVER_STORE_ERROR_FAILED;
      break;
    default:
      code = MMX_SERVER_STORE_ERROR_FAILED;
      break;
    }
  g_set_error (error, MMX_SERVER_STORE_ERROR, code, "SQLite: %s (%s)", sqlite3_errmsg (self->db),
               sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
mmx_db_sqlite_exec (MmxDbConnection  *connection,
                    const char       *script,
                    GError          **error)
{
  MmxDbSqlite *self = MMX_DB_SQLITE (connection);
  int rc = sqlite3_exec (self->db, script, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error (self, rc, error);
  return TRUE;
}

static gboolean
mmx_db_sqlite_begin_write (MmxDbConnection  *connection,
                           GError          **error)
{
  return mmx_db_sqlite_exec (connection, "BEGIN IMMEDIATE", error);
}

static void
mmx_db_sqlite_rollback (MmxDbConnection *connection)
{
  MmxDbSqlite *self = MMX_DB_SQLITE (connection);

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
mmx_db_sqlite_commit (MmxDbConnection  *connection,
                      GError          **error)
{
  if (!mmx_db_sqlite_exec (connection, "COMMIT", error))
    {
      mmx_db_sqlite_rollback (connection);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (MmxDbSqlite  *self,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
bind (sqlite3_stmt     *stmt,
      const MmxDbValue *params,
      guint             n_params)
{
  for (guint i = 0; i < n_params; i++)
    {
      int index = (int) i + 1;

      switch (params[i].type)
        {
        case MMX_DB_INT:
          sqlite3_bind_int64 (stmt, index, params[i].integer);
          break;
        case MMX_DB_TEXT:
          sqlite3_bind_text (stmt, index, params[i].text, -1, SQLITE_STATIC);
          break;
        case MMX_DB_BLOB:
          {
            gsize size = 0;
            gconstpointer data = g_bytes_get_data (params[i].blob, &size);

            /* An empty blob is still a blob, not NULL. */
            sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_STATIC);
          }
          break;
        case MMX_DB_NULL:
        case MMX_DB_END:
        default:
          sqlite3_bind_null (stmt, index);
          break;
        }
    }
}

static void
copy_row (sqlite3_stmt *stmt,
          MmxDbRows    *rows)
{
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      MmxDbValue *value = _mmx_db_rows_add_value (rows);

      switch (sqlite3_column_type (stmt, c))
        {
        case SQLITE_INTEGER:
          value->type = MMX_DB_INT;
          value->integer = sqlite3_column_int64 (stmt, c);
          break;
        case SQLITE_BLOB:
          value->type = MMX_DB_BLOB;
          value->blob = g_bytes_new (sqlite3_column_blob (stmt, c),
                                     (gsize) sqlite3_column_bytes (stmt, c));
          break;
        case SQLITE_NULL:
          value->type = MMX_DB_NULL;
          break;
        default:
          value->type = MMX_DB_TEXT;
          value->text = g_strdup ((const char *) sqlite3_column_text (stmt, c));
          break;
        }
    }
}

static gboolean
mmx_db_sqlite_execute (MmxDbConnection   *connection,
                       const char        *sql,
                       const MmxDbValue  *params,
                       guint              n_params,
                       MmxDbRows        **out_rows,
                       GError           **error)
{
  MmxDbSqlite *self = MMX_DB_SQLITE (connection);
  sqlite3_stmt *stmt = prepare (self, sql, error);
  g_autoptr(MmxDbRows) rows = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_assert ((guint) sqlite3_bind_parameter_count (stmt) == n_params);

  bind (stmt, params, n_params);
  rows = _mmx_db_rows_new ((guint) sqlite3_column_count (stmt));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    copy_row (stmt, rows);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return set_error (self, rc, error);

  *out_rows = g_steal_pointer (&rows);
  return TRUE;
}

static void
mmx_db_sqlite_finalize (GObject *object)
{
  MmxDbSqlite *self = (MmxDbSqlite *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);

  G_OBJECT_CLASS (mmx_db_sqlite_parent_class)->finalize (object);
}

static void
mmx_db_sqlite_class_init (MmxDbSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MmxDbConnectionClass *connection_class = MMX_DB_CONNECTION_CLASS (klass);

  object_class->finalize = mmx_db_sqlite_finalize;
  connection_class->dialect = "sqlite";
  connection_class->begin_write = mmx_db_sqlite_begin_write;
  connection_class->commit = mmx_db_sqlite_commit;
  connection_class->rollback = mmx_db_sqlite_rollback;
  connection_class->exec = mmx_db_sqlite_exec;
  connection_class->execute = mmx_db_sqlite_execute;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
mmx_db_sqlite_init (MmxDbSqlite *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/**
 * mmx_db_sqlite_open:
 * @path: the database file, created (readable by its owner only) when missing
 * @error: a location for a #GError
 *
 * Opens the file in WAL mode with synchronous=FULL: a write that was
 * acknowledged survives a crash and a power cut.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
MmxDbConnection *
mmx_db_sqlite_open (const char  *path,
                    GError     **error)
{
  g_autoptr(MmxDbSqlite) self = g_object_new (MMX_TYPE_DB_SQLITE, NULL);
  int fd;
  int rc;

  /* The file holds password hashes: nobody else may read it. Only a file
   * that does not exist yet is touched: closing a descriptor of a file
   * that SQLite has open would drop this process's POSIX locks on it, and
   * another process would then delete the WAL under our feet. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    close (fd);
  else if (errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_OPEN,
                   "The database “%s” cannot be opened: %s.", path, g_strerror (saved_errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_OPEN,
                   "The database “%s” cannot be opened: %s.", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!mmx_db_sqlite_exec (MMX_DB_CONNECTION (self),
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = FULL;"
                           "PRAGMA foreign_keys = ON;", error))
    {
      g_prefix_error (error, "The database “%s” cannot be used: ", path);
      return NULL;
    }
  return MMX_DB_CONNECTION (g_steal_pointer (&self));
}
