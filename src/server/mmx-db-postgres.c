/* mmx-db-postgres.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-db"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "mmx-db-postgres.h"

/* The type oid of bytea (pg_type.h is a server header). */
#define BYTEA_OID 17

struct _MmxDbPostgres
{
  MmxDbConnection  parent_instance;

  PGconn          *conn;
  /* The store writes `?`; PostgreSQL wants `$1`: converted once per text. */
  GHashTable      *converted;
};

G_DEFINE_FINAL_TYPE (MmxDbPostgres, mmx_db_postgres, MMX_TYPE_DB_CONNECTION)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static gboolean
set_error (MmxDbPostgres  *self,
           PGresult       *result,
           GError        **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (self->conn);
  g_autofree char *detail = g_strchomp (g_strdup (message));
  int code = MMX_SERVER_STORE_ERROR_FAILED;

  /* serialization_failure, deadlock_detected: run the transaction again. */
  if (g_strcmp0 (state, "40001") == 0 || g_strcmp0 (state, "40P01") == 0)
    code = MMX_SERVER_STORE_ERROR_RETRY;
  else if (g_strcmp0 (state, "23505") == 0)
    code = MMX_SERVER_STORE_ERROR_EXISTS;
  g_set_error (error, MMX_SERVER_STORE_ERROR, code, "PostgreSQL: %s", detail);
  return FALSE;
}

/* A connection the server dropped is reopened before the next query;
 * the query that met the drop failed and said so. */
static void
ensure_connected (MmxDbPostgres *self)
{
  if (PQstatus (self->conn) == CONNECTION_BAD)
    PQreset (self->conn);
}

static gboolean
check_result (MmxDbPostgres  *self,
              PGresult       *result,
              GError        **error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  return set_error (self, result, error);
}

static gboolean
mmx_db_postgres_exec (MmxDbConnection  *connection,
                      const char       *script,
                      GError          **error)
{
  MmxDbPostgres *self = MMX_DB_POSTGRES (connection);
  g_autoptr(PGresult) result = NULL;

  ensure_connected (self);
  result = PQexec (self->conn, script);
  return check_result (self, result, error);
}

static gboolean
mmx_db_postgres_begin_write (MmxDbConnection  *connection,
                             GError          **error)
{
  return mmx_db_postgres_exec (connection, "BEGIN ISOLATION LEVEL SERIALIZABLE", error);
}

static void
mmx_db_postgres_rollback (MmxDbConnection *connection)
{
  MmxDbPostgres *self = MMX_DB_POSTGRES (connection);

  if (PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    PQclear (PQexec (self->conn, "ROLLBACK"));
}

static gboolean
mmx_db_postgres_commit (MmxDbConnection  *connection,
                        GError          **error)
{
  if (!mmx_db_postgres_exec (connection, "COMMIT", error))
    {
      mmx_db_postgres_rollback (connection);
      return FALSE;
    }
  return TRUE;
}

static const char *
convert (MmxDbPostgres *self,
         const char    *sql)
{
  GString *converted = g_hash_table_lookup (self->converted, sql);
  gboolean quoted = FALSE;
  guint n = 0;

  if (converted != NULL)
    return converted->str;
  converted = g_string_new (NULL);
  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      if (*p == '?' && !quoted)
        g_string_append_printf (converted, "$%u", ++n);
      else
        g_string_append_c (converted, *p);
    }
  g_hash_table_insert (self->converted, g_strdup (sql), converted);
  return converted->str;
}

static void
copy_rows (PGresult  *result,
           MmxDbRows *rows)
{
  int n_columns = PQnfields (result);

  for (int r = 0; r < PQntuples (result); r++)
    for (int c = 0; c < n_columns; c++)
      {
        MmxDbValue *value = _mmx_db_rows_add_value (rows);

        if (PQgetisnull (result, r, c))
          value->type = MMX_DB_NULL;
        else if (PQftype (result, c) == BYTEA_OID)
          {
            size_t length = 0;
            guchar *data = PQunescapeBytea ((const guchar *) PQgetvalue (result, r, c), &length);

            value->type = MMX_DB_BLOB;
            value->blob = g_bytes_new (data, length);
            PQfreemem (data);
          }
        else
          {
            value->type = MMX_DB_TEXT;
            value->text = g_strdup (PQgetvalue (result, r, c));
          }
      }
}

static gboolean
mmx_db_postgres_execute (MmxDbConnection   *connection,
                         const char        *sql,
                         const MmxDbValue  *params,
                         guint              n_params,
                         MmxDbRows        **out_rows,
                         GError           **error)
{
  MmxDbPostgres *self = MMX_DB_POSTGRES (connection);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **values = g_new0 (const char *, n_params + 1);
  g_autofree int *lengths = g_new0 (int, n_params + 1);
  g_autofree int *formats = g_new0 (int, n_params + 1);
  g_autoptr(PGresult) result = NULL;
  g_autoptr(MmxDbRows) rows = NULL;

  for (guint i = 0; i < n_params; i++)
    switch (params[i].type)
      {
      case MMX_DB_INT:
        values[i] = g_strdup_printf ("%" G_GINT64_FORMAT, params[i].integer);
        g_ptr_array_add (numbers, (gpointer) values[i]);
        break;
      case MMX_DB_TEXT:
        values[i] = params[i].text;
        break;
      case MMX_DB_BLOB:
        {
          gsize size = 0;

          values[i] = g_bytes_get_data (params[i].blob, &size);
          if (values[i] == NULL)
            values[i] = "";
          lengths[i] = (int) size;
          formats[i] = 1;
        }
        break;
      case MMX_DB_NULL:
      case MMX_DB_END:
      default:
        values[i] = NULL;
        break;
      }

  ensure_connected (self);
  result = PQexecParams (self->conn, convert (self, sql), (int) n_params, NULL, values, lengths,
                         formats, 0);
  if (!check_result (self, result, error))
    return FALSE;

  rows = _mmx_db_rows_new ((guint) PQnfields (result));
  copy_rows (result, rows);
  *out_rows = g_steal_pointer (&rows);
  return TRUE;
}

static void
mmx_db_postgres_finalize (GObject *object)
{
  MmxDbPostgres *self = (MmxDbPostgres *) object;

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->converted, g_hash_table_unref);

  G_OBJECT_CLASS (mmx_db_postgres_parent_class)->finalize (object);
}

static void
mmx_db_postgres_class_init (MmxDbPostgresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MmxDbConnectionClass *connection_class = MMX_DB_CONNECTION_CLASS (klass);

  object_class->finalize = mmx_db_postgres_finalize;
  connection_class->dialect = "postgresql";
  connection_class->begin_write = mmx_db_postgres_begin_write;
  connection_class->commit = mmx_db_postgres_commit;
  connection_class->rollback = mmx_db_postgres_rollback;
  connection_class->exec = mmx_db_postgres_exec;
  connection_class->execute = mmx_db_postgres_execute;
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
mmx_db_postgres_init (MmxDbPostgres *self)
{
  self->converted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);
}

static void
ignore_notice (void       *data,
               const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

/**
 * mmx_db_postgres_open:
 * @url: a libpq connection URL, `postgres://user@host:port/database`
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
MmxDbConnection *
mmx_db_postgres_open (const char  *url,
                      GError     **error)
{
  g_autoptr(MmxDbPostgres) self = g_object_new (MMX_TYPE_DB_POSTGRES, NULL);

  self->conn = PQconnectdb (url);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *detail = g_strchomp (g_strdup (PQerrorMessage (self->conn)));

      /* The URL may hold a password: name the host and database only. */
      g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_OPEN,
                   "The PostgreSQL database “%s” on %s:%s cannot be opened: %s",
                   PQdb (self->conn), PQhost (self->conn), PQport (self->conn), detail);
      return NULL;
    }
  PQsetNoticeProcessor (self->conn, ignore_notice, NULL);
  return MMX_DB_CONNECTION (g_steal_pointer (&self));
}
