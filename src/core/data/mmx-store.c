/* mmx-store.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mmx-channel-name.h"
#include "mmx-store-private.h"

/* "MMX1": tells our databases from any other SQLite file. */
#define MMX_APPLICATION_ID 0x4D4D5831

#define BUSY_TIMEOUT_MS 5000

struct _MmxStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
};

G_DEFINE_FINAL_TYPE (MmxStore, mmx_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (mmx-store-error-quark, mmx_store_error)

G_LOCK_DEFINE_STATIC (opening);

/**
 * _mmx_store_set_error:
 * @error: a location for a #GError
 * @db: the database that failed
 * @rc: the SQLite result code
 * @doing: what we were doing, as a phrase: "saving the import"
 *
 * Turns an SQLite failure into a sentence a user can act on.
 *
 * Returns: %FALSE, for `return _mmx_store_set_error (…);`
 */
gboolean
_mmx_store_set_error (GError     **error,
                      sqlite3     *db,
                      int          rc,
                      const char  *doing)
{
  const char *path = sqlite3_db_filename (db, "main");
  const char *detail = sqlite3_errmsg (db);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_BUSY,
                   _("The database “%s” is in use by another program while %s. Close the other "
                     "MarketingMix window or command and try again."), path, doing);
      break;
    case SQLITE_FULL:
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_FAILED,
                   _("The disk is full while %s in “%s”. Free some space and try again; nothing "
                     "was changed."), doing, path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be written while %s: check the permissions of "
                     "the file and its folder."), path, doing);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be opened: %s."), path, detail);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged or is not a MarketingMix database (%s). Choose another "
                     "file with --db."), path, detail);
      break;
    default:
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_FAILED,
                   _("The database “%s” failed while %s: %s."), path, doing, detail);
      break;
    }
  return FALSE;
}

gboolean
_mmx_store_exec (MmxStore    *self,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _mmx_store_set_error (error, self->db, rc, _("running a query"));
  return TRUE;
}

sqlite3_stmt *
_mmx_store_prepare (MmxStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _mmx_store_set_error (error, self->db, rc, _("preparing a query"));
      return NULL;
    }
  return stmt;
}

sqlite3 *
_mmx_store_get_db (MmxStore *self)
{
  g_return_val_if_fail (MMX_IS_STORE (self), NULL);

  return self->db;
}

/* Writers take the lock at once, so two writers never deadlock halfway. */
gboolean
_mmx_store_begin_write (MmxStore  *self,
                        GError   **error)
{
  int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _mmx_store_set_error (error, self->db, rc, _("starting to write"));
  return TRUE;
}

gboolean
_mmx_store_commit (MmxStore  *self,
                   GError   **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _mmx_store_set_error (error, self->db, rc, _("saving the changes"));
      _mmx_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
_mmx_store_rollback (MmxStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static char *
query_string (MmxStore    *self,
              const char  *sql,
              const char  *parameter,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _mmx_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (parameter != NULL)
    sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    _mmx_store_set_error (error, self->db, rc, _("reading"));
  return NULL;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
check_ours (MmxStore  *self,
            GError   **error)
{
  gint64 schema_version;
  gint64 application_id;
  gint64 user_version;
  gint64 n_tables;

  /* One read transaction, so another connection creating the schema at
   * this moment is seen either before or after, never halfway. */
  if (sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return _mmx_store_set_error (error, self->db, sqlite3_errcode (self->db), _("opening"));
  schema_version = query_int (self->db, "PRAGMA schema_version");
  application_id = query_int (self->db, "PRAGMA application_id");
  user_version = query_int (self->db, "PRAGMA user_version");
  n_tables = query_int (self->db, "SELECT count(*) FROM sqlite_master");
  if (schema_version < 0)
    {
      _mmx_store_set_error (error, self->db, sqlite3_errcode (self->db), _("opening"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (application_id != MMX_APPLICATION_ID && (n_tables > 0 || user_version > 0))
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of MarketingMix. Choose "
                     "another file with --db."), self->path);
      return FALSE;
    }
  if (user_version > _mmx_store_get_latest_version ())
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of MarketingMix "
                     "(schema %" G_GINT64_FORMAT ", this version knows %d). Update "
                     "MarketingMix to open it."),
                   self->path, user_version, _mmx_store_get_latest_version ());
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure (MmxStore  *self,
           GError   **error)
{
  g_autofree char *journal_mode = NULL;
  g_autofree char *set_id = NULL;

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_ours (self, error))
    return FALSE;

  /* WAL lets the window read while an import writes; FULL makes a commit
   * survive a power cut, not just a crash. */
  journal_mode = query_string (self, "PRAGMA journal_mode = WAL", NULL, error);
  if (journal_mode == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (journal_mode, "wal") != 0)
    g_warning ("The database %s cannot use WAL (journal mode %s)", self->path, journal_mode);

  set_id = g_strdup_printf ("PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA cache_size = -32768;"
                            "PRAGMA application_id = %d;", MMX_APPLICATION_ID);
  if (!_mmx_store_exec (self, set_id, error))
    return FALSE;

  return _mmx_store_migrate (self->db, _mmx_store_get_latest_version (), error);
}

static void
mmx_store_finalize (GObject *object)
{
  MmxStore *self = (MmxStore *) object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (mmx_store_parent_class)->finalize (object);
}

static void
mmx_store_class_init (MmxStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mmx_store_finalize;
}

static void
mmx_store_init (MmxStore *self)
{
}

/**
 * mmx_store_get_default_path:
 *
 * Returns: (transfer full): `$MMX_DB`, else
 *   `$XDG_DATA_HOME/marketingmix/marketingmix.db`
 */
char *
mmx_store_get_default_path (void)
{
  const char *from_env = g_getenv ("MMX_DB");

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);
  return g_build_filename (g_get_user_data_dir (), "marketingmix", "marketingmix.db", NULL);
}

/**
 * mmx_store_open:
 * @path: the database file; created with its folder when missing
 * @error: a location for a #GError
 *
 * Opens a profile's database and brings its schema up to date. The
 * connection belongs to the calling thread: other threads open their own.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MmxStore *
mmx_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(MmxStore) self = NULL;
  g_autofree char *folder = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_OPEN,
                   _("The folder “%s” for the database cannot be created: %s."),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (MMX_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* The connections of a process open one at a time. The first ones to a
   * new database would otherwise race to switch it to WAL and to create
   * its schema, and SQLite reports some of those races as busy at once
   * instead of waiting. */
  G_LOCK (opening);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    _mmx_store_set_error (error, self->db, rc, _("opening"));
  else if (!configure (self, error))
    rc = SQLITE_ERROR;
  G_UNLOCK (opening);

  if (rc != SQLITE_OK)
    return NULL;
  return g_steal_pointer (&self);
}

const char *
mmx_store_get_path (MmxStore *self)
{
  g_return_val_if_fail (MMX_IS_STORE (self), NULL);

  return self->path;
}

int
mmx_store_get_schema_version (MmxStore *self)
{
  g_return_val_if_fail (MMX_IS_STORE (self), -1);

  return (int) query_int (self->db, "PRAGMA user_version");
}

/**
 * mmx_store_get_granularity:
 * @self: a store
 * @error: a location for a #GError
 *
 * Returns: whether the stored data is daily or weekly;
 *   %MMX_GRANULARITY_UNKNOWN before the first import
 */
MmxGranularity
mmx_store_get_granularity (MmxStore  *self,
                           GError   **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (MMX_IS_STORE (self), MMX_GRANULARITY_UNKNOWN);

  value = query_string (self, "SELECT value FROM setting WHERE key = 'granularity'", NULL, error);
  return mmx_granularity_from_string (value);
}

gboolean
_mmx_store_set_granularity (MmxStore        *self,
                            MmxGranularity   granularity,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _mmx_store_prepare (self, "INSERT INTO setting (key, value) VALUES ('granularity', ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, mmx_granularity_to_string (granularity), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _mmx_store_set_error (error, self->db, rc, _("saving the granularity"));
  return TRUE;
}

/**
 * mmx_store_get_date_range:
 * @self: a store
 * @out_first: (out) (transfer full) (nullable): the first date with data
 * @out_last: (out) (transfer full) (nullable): the last date with data
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set on failure; the dates are %NULL when
 *   nothing is stored
 */
gboolean
mmx_store_get_date_range (MmxStore  *self,
                          char     **out_first,
                          char     **out_last,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);

  /* Two subqueries: SQLite answers each from the index, but not both at once. */
  stmt = _mmx_store_prepare (self, "SELECT (SELECT min(date) FROM metric), "
                                   "(SELECT max(date) FROM metric)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _mmx_store_set_error (error, self->db, rc, _("reading the dates"));
  if (out_first != NULL)
    *out_first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (out_last != NULL)
    *out_last = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}

static char *
lookup_alias (MmxStore    *self,
              const char  *key,
              GError     **error)
{
  return query_string (self,
                       "SELECT c.name FROM channel_alias a JOIN channel c ON c.id = a.channel_id "
                       "WHERE a.alias_key = ?", key, error);
}

/**
 * mmx_store_resolve_channel_name:
 * @self: a store
 * @name: a channel name as written in a file
 * @error: a location for a #GError
 *
 * The name a channel is stored under: the profile's custom mapping first,
 * then the built-in names (themselves subject to a custom mapping: after
 * "Facebook Ads" is mapped to "Meta", "FB Ads" is stored as "Meta" too),
 * else the tidied name; spelled as the channel already stored under the
 * same key, if any.
 *
 * Returns: (transfer full): the name, or %NULL with @error set
 */
char *
mmx_store_resolve_channel_name (MmxStore    *self,
                                const char  *name,
                                GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *mapped = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *normalised_key = NULL;
  g_autofree char *stored = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (MMX_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = mmx_channel_name_key (name);
  normalised = mmx_channel_name_normalise (name);
  normalised_key = mmx_channel_name_key (normalised);

  mapped = lookup_alias (self, key, &local_error);
  if (mapped == NULL && local_error == NULL && strcmp (key, normalised_key) != 0)
    mapped = lookup_alias (self, normalised_key, &local_error);
  if (mapped == NULL && local_error == NULL)
    stored = query_string (self, "SELECT name FROM channel WHERE key = ?", normalised_key,
                           &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (mapped != NULL)
    return g_steal_pointer (&mapped);
  return stored != NULL ? g_steal_pointer (&stored) : g_steal_pointer (&normalised);
}

static gint64
find_channel (MmxStore    *self,
              const char  *key,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _mmx_store_prepare (self, "SELECT id FROM channel WHERE key = ?",
                                                     error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, self->db, rc, _("looking up a channel"));
      return -1;
    }
  return 0;
}

static gint64
insert_channel (MmxStore    *self,
                const char  *key,
                const char  *name,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _mmx_store_prepare (self, "INSERT INTO channel (key, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, self->db, rc, _("adding a channel"));
      return -1;
    }
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * _mmx_store_ensure_channel:
 * @self: a store
 * @name: a channel name as written in a file
 * @error: a location for a #GError
 *
 * Returns: the id of the channel @name resolves to, created if new, or -1
 *   with @error set
 */
gint64
_mmx_store_ensure_channel (MmxStore    *self,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  canonical = mmx_store_resolve_channel_name (self, name, error);
  if (canonical == NULL)
    return -1;
  key = mmx_channel_name_key (canonical);
  id = find_channel (self, key, error);
  if (id != 0)
    return id;
  return insert_channel (self, key, canonical, error);
}

gint64
_mmx_store_get_total_channel (MmxStore  *self,
                              GError   **error)
{
  return find_channel (self, MMX_STORE_TOTAL_CHANNEL_KEY, error);
}

static GStrv
list_aliases (MmxStore  *self,
              gint64     channel_id,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = _mmx_store_prepare (self, "SELECT alias FROM channel_alias WHERE channel_id = ? "
                                   "ORDER BY alias", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, self->db, rc, _("listing channel mappings"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * mmx_store_list_channels:
 * @self: a store
 * @error: a location for a #GError
 *
 * Lists the channels that hold data or custom mappings, by name.
 *
 * Returns: (transfer full) (element-type MmxChannelInfo): the channels, or
 *   %NULL with @error set
 */
GPtrArray *
mmx_store_list_channels (MmxStore  *self,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  int rc;

  g_return_val_if_fail (MMX_IS_STORE (self), NULL);

  stmt = _mmx_store_prepare (self,
                             "SELECT c.id, c.name, c.kind = 'total', ifnull (s.n, 0), "
                             "       ifnull (s.spend, 0), s.first, s.last "
                             "FROM channel c LEFT JOIN "
                             "  (SELECT channel_id, count(*) AS n, total(spend) AS spend, "
                             "          min(date) AS first, max(date) AS last "
                             "   FROM metric GROUP BY channel_id) s ON s.channel_id = c.id "
                             "WHERE s.n > 0 "
                             "   OR EXISTS (SELECT 1 FROM channel_alias a WHERE a.channel_id = c.id) "
                             "ORDER BY c.kind = 'total', c.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;

  channels = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_channel_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MmxChannelInfo) info = g_new0 (MmxChannelInfo, 1);

      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->is_total = sqlite3_column_int (stmt, 2);
      info->n_rows = sqlite3_column_int64 (stmt, 3);
      info->spend = sqlite3_column_double (stmt, 4);
      info->first_date = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      info->last_date = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      info->aliases = list_aliases (self, sqlite3_column_int64 (stmt, 0), error);
      if (info->aliases == NULL)
        return NULL;
      g_ptr_array_add (channels, g_steal_pointer (&info));
    }
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, self->db, rc, _("listing channels"));
      return NULL;
    }
  return g_steal_pointer (&channels);
}

/**
 * _mmx_store_step_done:
 * @self: a store
 * @stmt: a statement that changes the database
 * @doing: what it does, for the error message
 * @error: a location for a #GError
 *
 * Runs @stmt to its end.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
_mmx_store_step_done (MmxStore      *self,
                      sqlite3_stmt  *stmt,
                      const char    *doing,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _mmx_store_set_error (error, self->db, rc, doing);
  return TRUE;
}

/* Moves every stored row of one channel to another. Where both have a row
 * for the same day and region, the values add up: they were two parts of
 * the same channel's activity. */
static gboolean
move_channel_rows (MmxStore  *self,
                   gint64     from_id,
                   gint64     to_id,
                   guint     *out_moved,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) move = NULL;
  g_autoptr(sqlite3_stmt) drop = NULL;

#define ADD(c) c " = " MMX_SQL_SUM_NULLABLE (c)
  move = _mmx_store_prepare (self,
                             "INSERT INTO metric (date, geo, channel_id, " MMX_SQL_METRIC_COLUMNS
                             ", import_id) "
                             "SELECT date, geo, ?2, " MMX_SQL_METRIC_COLUMNS ", import_id "
                             "FROM metric WHERE channel_id = ?1 "
                             "ON CONFLICT (date, geo, channel_id) DO UPDATE SET "
                             ADD ("spend") ", " ADD ("revenue") ", " ADD ("impressions") ", "
                             ADD ("clicks") ", " ADD ("conversions") ", " ADD ("new_customers") ", "
                             ADD ("returning_customers"), error);
#undef ADD
  if (move == NULL)
    return FALSE;
  sqlite3_bind_int64 (move, 1, from_id);
  sqlite3_bind_int64 (move, 2, to_id);
  if (!_mmx_store_step_done (self, move, _("moving the channel's rows"), error))
    return FALSE;
  *out_moved = sqlite3_changes (self->db);

  drop = _mmx_store_prepare (self,
                             "DELETE FROM metric WHERE channel_id = ?1;", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, from_id);
  if (!_mmx_store_step_done (self, drop, _("moving the channel's rows"), error))
    return FALSE;

  g_clear_pointer (&drop, sqlite3_finalize);
  drop = _mmx_store_prepare (self, "UPDATE channel_alias SET channel_id = ?2 WHERE channel_id = ?1",
                             error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, from_id);
  sqlite3_bind_int64 (drop, 2, to_id);
  if (!_mmx_store_step_done (self, drop, _("moving the channel's mappings"), error))
    return FALSE;

  g_clear_pointer (&drop, sqlite3_finalize);
  drop = _mmx_store_prepare (self, "DELETE FROM channel WHERE id = ?1", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, from_id);
  return _mmx_store_step_done (self, drop, _("removing the old channel"), error);
}

static gboolean
map_channel_in_transaction (MmxStore    *self,
                            const char  *alias,
                            const char  *alias_key,
                            const char  *canonical,
                            guint       *out_moved,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *target_key = mmx_channel_name_key (canonical);
  gint64 target_id;
  gint64 source_id;

  target_id = find_channel (self, target_key, error);
  if (target_id < 0)
    return FALSE;
  if (target_id == 0)
    target_id = insert_channel (self, target_key, canonical, error);
  else
    {
      /* Mapping to an existing channel also says how to spell it. */
      stmt = _mmx_store_prepare (self, "UPDATE channel SET name = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, target_id);
      sqlite3_bind_text (stmt, 2, canonical, -1, SQLITE_TRANSIENT);
      if (!_mmx_store_step_done (self, stmt, _("renaming the channel"), error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (target_id < 0)
    return FALSE;

  stmt = _mmx_store_prepare (self,
                             "INSERT INTO channel_alias (alias_key, alias, channel_id) "
                             "VALUES (?1, ?2, ?3) ON CONFLICT (alias_key) DO UPDATE SET "
                             "alias = excluded.alias, channel_id = excluded.channel_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, alias_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, alias, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, target_id);
  if (!_mmx_store_step_done (self, stmt, _("saving the channel mapping"), error))
    return FALSE;

  *out_moved = 0;
  source_id = find_channel (self, alias_key, error);
  if (source_id < 0)
    return FALSE;
  if (source_id > 0 && source_id != target_id)
    return move_channel_rows (self, source_id, target_id, out_moved, error);
  return TRUE;
}

/**
 * mmx_store_map_channel:
 * @self: a store
 * @alias: a channel name as files write it
 * @canonical: the name to store it under
 * @out_moved_rows: (out) (optional): how many stored rows moved from the
 *   channel called @alias to @canonical
 * @error: a location for a #GError
 *
 * Saves a custom mapping that takes precedence over the built-in names on
 * every later import, and moves the rows already stored under @alias.
 *
 * Returns: %FALSE with @error set on failure; nothing changes then
 */
gboolean
mmx_store_map_channel (MmxStore    *self,
                       const char  *alias,
                       const char  *canonical,
                       guint       *out_moved_rows,
                       GError     **error)
{
  g_autofree char *alias_key = NULL;
  g_autofree char *canonical_key = NULL;
  g_autofree char *tidy = NULL;
  guint moved = 0;

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);
  g_return_val_if_fail (canonical != NULL, FALSE);

  alias_key = mmx_channel_name_key (alias);
  tidy = g_strstrip (g_strdup (canonical));
  canonical_key = mmx_channel_name_key (tidy);
  if (*alias_key == '\0' || *canonical_key == '\0')
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_INVALID,
                   _("A channel name needs at least one letter or digit; “%s” has none."),
                   *alias_key == '\0' ? alias : canonical);
      return FALSE;
    }

  if (!_mmx_store_begin_write (self, error))
    return FALSE;
  if (!map_channel_in_transaction (self, alias, alias_key, tidy, &moved, error)
      || !_mmx_store_forget_results (self, error)
      || !_mmx_store_commit (self, error))
    {
      _mmx_store_rollback (self);
      return FALSE;
    }

  if (out_moved_rows != NULL)
    *out_moved_rows = moved;
  return TRUE;
}

/**
 * mmx_store_unmap_channel:
 * @self: a store
 * @alias: a name given to mmx_store_map_channel()
 * @error: a location for a #GError
 *
 * Forgets a custom mapping. Rows it already moved stay where they are:
 * once merged, they cannot be told apart.
 *
 * Returns: %FALSE with @error set when there was no such mapping
 */
gboolean
mmx_store_unmap_channel (MmxStore    *self,
                         const char  *alias,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  key = mmx_channel_name_key (alias);
  stmt = _mmx_store_prepare (self, "DELETE FROM channel_alias WHERE alias_key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!_mmx_store_step_done (self, stmt, _("removing the channel mapping"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND,
                   _("There is no custom mapping for “%s”; “marketingmix-cli channels” lists "
                     "them."), alias);
      return FALSE;
    }
  return TRUE;
}

/**
 * mmx_store_save_mapping:
 * @self: a store
 * @name: a name for it
 * @header_key: the key of the header it was made for, so the same export
 *   finds it again
 * @mapping: the mapping
 * @error: a location for a #GError
 *
 * Saves @mapping under @name, replacing one of the same name, and gives
 * @mapping that name.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_store_save_mapping (MmxStore          *self,
                        const char        *name,
                        const char        *header_key,
                        MmxColumnMapping  *mapping,
                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (mapping), FALSE);

  json = mmx_column_mapping_to_json (mapping);
  stmt = _mmx_store_prepare (self,
                             "INSERT INTO column_mapping (name, header_key, mapping, created) "
                             "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET "
                             "header_key = excluded.header_key, mapping = excluded.mapping, "
                             "created = excluded.created", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, header_key != NULL ? header_key : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, created, -1, SQLITE_TRANSIENT);
  if (!_mmx_store_step_done (self, stmt, _("saving the column mapping"), error))
    return FALSE;
  mmx_column_mapping_set_name (mapping, name);
  return TRUE;
}

static MmxColumnMapping *
load_mapping_where (MmxStore    *self,
                    const char  *sql,
                    const char  *parameter,
                    char       **out_name,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _mmx_store_prepare (self, sql, error);
  MmxColumnMapping *mapping;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _mmx_store_set_error (error, self->db, rc, _("reading the column mapping"));
      return NULL;
    }
  mapping = mmx_column_mapping_new_from_json ((const char *) sqlite3_column_text (stmt, 1), error);
  if (mapping != NULL)
    mmx_column_mapping_set_name (mapping, (const char *) sqlite3_column_text (stmt, 0));
  if (mapping != NULL && out_name != NULL)
    *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return mapping;
}

/**
 * mmx_store_load_mapping:
 * @self: a store
 * @name: the name it was saved under
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the mapping, or %NULL with @error set
 */
MmxColumnMapping *
mmx_store_load_mapping (MmxStore    *self,
                        const char  *name,
                        GError     **error)
{
  GError *local_error = NULL;
  MmxColumnMapping *mapping;

  g_return_val_if_fail (MMX_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  mapping = load_mapping_where (self, "SELECT name, mapping FROM column_mapping WHERE name = ?",
                                name, NULL, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (mapping == NULL)
    g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND,
                 _("No column mapping is saved as “%s”; “marketingmix-cli mappings” lists the "
                   "saved ones."), name);
  return mapping;
}

/**
 * mmx_store_find_mapping_for_header:
 * @self: a store
 * @header_key: the key of a file's header
 * @out_name: (out) (optional) (transfer full): the mapping's name
 * @error: a location for a #GError
 *
 * Finds the mapping saved last for a file with this header.
 *
 * Returns: (transfer full) (nullable): the mapping, %NULL when there is
 *   none or with @error set on failure
 */
MmxColumnMapping *
mmx_store_find_mapping_for_header (MmxStore    *self,
                                   const char  *header_key,
                                   char       **out_name,
                                   GError     **error)
{
  g_return_val_if_fail (MMX_IS_STORE (self), NULL);
  g_return_val_if_fail (header_key != NULL, NULL);

  return load_mapping_where (self, "SELECT name, mapping FROM column_mapping "
                                   "WHERE header_key = ? ORDER BY created DESC, rowid DESC LIMIT 1",
                             header_key, out_name, error);
}

/**
 * mmx_store_list_mappings:
 * @self: a store
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the names of the saved mappings, or %NULL
 *   with @error set
 */
GStrv
mmx_store_list_mappings (MmxStore  *self,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (MMX_IS_STORE (self), NULL);

  stmt = _mmx_store_prepare (self, "SELECT name FROM column_mapping ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, self->db, rc, _("listing the column mappings"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

gboolean
mmx_store_delete_mapping (MmxStore    *self,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = _mmx_store_prepare (self, "DELETE FROM column_mapping WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!_mmx_store_step_done (self, stmt, _("deleting the column mapping"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, MMX_STORE_ERROR, MMX_STORE_ERROR_NOT_FOUND,
                   _("No column mapping is saved as “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * mmx_store_list_imports:
 * @self: a store
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type MmxImportRecord): the import
 *   history, newest first, or %NULL with @error set
 */
GPtrArray *
mmx_store_list_imports (MmxStore  *self,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = NULL;
  int rc;

  g_return_val_if_fail (MMX_IS_STORE (self), NULL);

  stmt = _mmx_store_prepare (self,
                             "SELECT id, file, sha256, imported_at, shape, granularity, "
                             "       inserted, updated, merged, rejected "
                             "FROM import_log ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_import_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MmxImportRecord *record = g_new0 (MmxImportRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->file = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      record->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      record->imported_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      record->shape = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      record->granularity = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      record->inserted = sqlite3_column_int (stmt, 6);
      record->updated = sqlite3_column_int (stmt, 7);
      record->merged = sqlite3_column_int (stmt, 8);
      record->rejected = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (records, record);
    }
  if (rc != SQLITE_DONE)
    {
      _mmx_store_set_error (error, self->db, rc, _("reading the import history"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

void
mmx_channel_info_free (MmxChannelInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->first_date);
  g_free (info->last_date);
  g_strfreev (info->aliases);
  g_free (info);
}

void
mmx_import_record_free (MmxImportRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->file);
  g_free (record->sha256);
  g_free (record->imported_at);
  g_free (record->shape);
  g_free (record->granularity);
  g_free (record);
}

/* Results older than this are recomputed: a week is long enough to come
 * back to a model, short enough that a newer version refits it. */
#define RESULT_LIFETIME "-7 days"

/**
 * _mmx_store_forget_results:
 * @self: a store, inside a write transaction
 * @error: a location for a #GError
 *
 * Drops every cached model result: the data they were fitted to changed.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
_mmx_store_forget_results (MmxStore  *self,
                           GError   **error)
{
  return _mmx_store_exec (self, "DELETE FROM result_cache", error);
}

/**
 * mmx_store_lookup_result:
 * @self: a store
 * @kind: what kind of result ("attribution", …)
 * @key: what it was computed from: a hash of the data and the settings
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the result saved under @key within
 *   the last seven days, or %NULL (with @error set only on failure)
 */
char *
mmx_store_lookup_result (MmxStore    *self,
                         const char  *kind,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MMX_IS_STORE (self), NULL);

  stmt = _mmx_store_prepare (self,
                             "SELECT json FROM result_cache WHERE kind = ?1 AND key = ?2 "
                             "AND created >= strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '"
                             RESULT_LIFETIME "')", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    _mmx_store_set_error (error, self->db, rc, _("reading a saved result"));
  return NULL;
}

/**
 * mmx_store_save_result:
 * @self: a store
 * @kind: what kind of result
 * @key: what it was computed from
 * @json: the result
 * @error: a location for a #GError
 *
 * Saves a model's result for mmx_store_lookup_result(), and drops the
 * expired ones.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_store_save_result (MmxStore    *self,
                       const char  *kind,
                       const char  *key,
                       const char  *json,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MMX_IS_STORE (self), FALSE);

  if (!_mmx_store_begin_write (self, error))
    return FALSE;
  stmt = _mmx_store_prepare (self,
                             "INSERT OR REPLACE INTO result_cache (kind, key, json, created) "
                             "VALUES (?1, ?2, ?3, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))", error);
  if (stmt == NULL)
    {
      _mmx_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  if (!_mmx_store_step_done (self, stmt, _("saving a result"), error)
      || !_mmx_store_exec (self, "DELETE FROM result_cache WHERE created < strftime "
                           "('%Y-%m-%dT%H:%M:%SZ', 'now', '" RESULT_LIFETIME "')", error)
      || !_mmx_store_commit (self, error))
    {
      _mmx_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
