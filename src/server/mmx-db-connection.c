/* mmx-db-connection.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-db"

#include "config.h"

#include <string.h>

#include "mmx-db-connection.h"
#include "mmx-db-postgres.h"
#include "mmx-db-sqlite.h"

/* One connection to the server's database. The store above it writes
 * every query once, with `?` placeholders, in the SQL both back ends
 * speak; a subclass runs it on SQLite or PostgreSQL. A connection is used
 * by one thread at a time. */

struct _MmxDbRows
{
  guint   n_columns;
  GArray *values;
};

G_DEFINE_ABSTRACT_TYPE (MmxDbConnection, mmx_db_connection, G_TYPE_OBJECT)

G_DEFINE_QUARK (mmx-server-store-error-quark, mmx_server_store_error)

static void
mmx_db_connection_class_init (MmxDbConnectionClass *klass)
{
}

static void
mmx_db_connection_init (MmxDbConnection *self)
{
}

/**
 * mmx_db_connection_open:
 * @location: a `postgres://` or `postgresql://` URL, else an SQLite file
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
MmxDbConnection *
mmx_db_connection_open (const char  *location,
                        GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (g_str_has_prefix (location, "postgres://") || g_str_has_prefix (location, "postgresql://"))
    return mmx_db_postgres_open (location, error);
  return mmx_db_sqlite_open (location, error);
}

const char *
mmx_db_connection_get_dialect (MmxDbConnection *self)
{
  g_return_val_if_fail (MMX_IS_DB_CONNECTION (self), NULL);

  return MMX_DB_CONNECTION_GET_CLASS (self)->dialect;
}

/**
 * mmx_db_connection_begin_write:
 * @self: a connection
 * @error: a location for a #GError
 *
 * Starts a transaction that will write: SQLite takes the write lock at
 * once, PostgreSQL runs it serializable. Either way the transaction sees
 * and changes the data as if no other ran at the same time, or fails
 * with %MMX_SERVER_STORE_ERROR_RETRY.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_db_connection_begin_write (MmxDbConnection  *self,
                               GError          **error)
{
  g_return_val_if_fail (MMX_IS_DB_CONNECTION (self), FALSE);

  return MMX_DB_CONNECTION_GET_CLASS (self)->begin_write (self, error);
}

gboolean
mmx_db_connection_commit (MmxDbConnection  *self,
                          GError          **error)
{
  g_return_val_if_fail (MMX_IS_DB_CONNECTION (self), FALSE);

  return MMX_DB_CONNECTION_GET_CLASS (self)->commit (self, error);
}

void
mmx_db_connection_rollback (MmxDbConnection *self)
{
  g_return_if_fail (MMX_IS_DB_CONNECTION (self));

  MMX_DB_CONNECTION_GET_CLASS (self)->rollback (self);
}

static MmxDbRows *
execute_valist (MmxDbConnection  *self,
                GError          **error,
                const char       *sql,
                va_list           args)
{
  g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (MmxDbValue));
  MmxDbRows *rows = NULL;
  MmxDbType type;

  while ((type = va_arg (args, MmxDbType)) != MMX_DB_END)
    {
      MmxDbValue value = { type, 0, NULL, NULL };

      switch (type)
        {
        case MMX_DB_INT:
          value.integer = va_arg (args, gint64);
          break;
        case MMX_DB_TEXT:
          value.text = va_arg (args, char *);
          if (value.text == NULL)
            value.type = MMX_DB_NULL;
          break;
        case MMX_DB_BLOB:
          value.blob = va_arg (args, GBytes *);
          break;
        case MMX_DB_NULL:
          break;
        case MMX_DB_END:
        default:
          g_assert_not_reached ();
        }
      g_array_append_val (params, value);
    }

  if (!MMX_DB_CONNECTION_GET_CLASS (self)->execute (self, sql, (MmxDbValue *) params->data,
                                                    params->len, &rows, error))
    return NULL;
  return rows;
}

/**
 * mmx_db_connection_query:
 * @self: a connection
 * @error: a location for a #GError
 * @sql: one statement with `?` placeholders
 * @...: a type and a value per placeholder, then %MMX_DB_END
 *
 * Returns: (transfer full): the rows, or %NULL with @error set
 */
MmxDbRows *
mmx_db_connection_query (MmxDbConnection  *self,
                         GError          **error,
                         const char       *sql,
                         ...)
{
  MmxDbRows *rows;
  va_list args;

  g_return_val_if_fail (MMX_IS_DB_CONNECTION (self), NULL);

  va_start (args, sql);
  rows = execute_valist (self, error, sql, args);
  va_end (args);
  return rows;
}

/**
 * mmx_db_connection_run:
 * @self: a connection
 * @error: a location for a #GError
 * @sql: one statement with `?` placeholders
 * @...: a type and a value per placeholder, then %MMX_DB_END
 *
 * Runs a statement whose rows, if any, are not needed.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_db_connection_run (MmxDbConnection  *self,
                       GError          **error,
                       const char       *sql,
                       ...)
{
  g_autoptr(MmxDbRows) rows = NULL;
  va_list args;

  g_return_val_if_fail (MMX_IS_DB_CONNECTION (self), FALSE);

  va_start (args, sql);
  rows = execute_valist (self, error, sql, args);
  va_end (args);
  return rows != NULL;
}

/**
 * mmx_db_connection_exec:
 * @self: a connection
 * @sql: statements without parameters, separated by `;`
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_db_connection_exec (MmxDbConnection  *self,
                        const char       *sql,
                        GError          **error)
{
  g_return_val_if_fail (MMX_IS_DB_CONNECTION (self), FALSE);

  return MMX_DB_CONNECTION_GET_CLASS (self)->exec (self, sql, error);
}

static void
clear_value (MmxDbValue *value)
{
  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->blob, g_bytes_unref);
}

MmxDbRows *
_mmx_db_rows_new (guint n_columns)
{
  MmxDbRows *rows = g_new0 (MmxDbRows, 1);

  rows->n_columns = n_columns;
  rows->values = g_array_new (FALSE, TRUE, sizeof (MmxDbValue));
  g_array_set_clear_func (rows->values, (GDestroyNotify) clear_value);
  return rows;
}

/* Back ends add a row's values one by one, in column order. */
MmxDbValue *
_mmx_db_rows_add_value (MmxDbRows *rows)
{
  g_array_set_size (rows->values, rows->values->len + 1);
  return &g_array_index (rows->values, MmxDbValue, rows->values->len - 1);
}

guint
mmx_db_rows_get_n_rows (MmxDbRows *rows)
{
  return rows->n_columns == 0 ? 0 : rows->values->len / rows->n_columns;
}

static MmxDbValue *
get_value (MmxDbRows *rows,
           guint      row,
           guint      column)
{
  g_assert (column < rows->n_columns);
  g_assert (row < mmx_db_rows_get_n_rows (rows));
  return &g_array_index (rows->values, MmxDbValue, row * rows->n_columns + column);
}

gboolean
mmx_db_rows_is_null (MmxDbRows *rows,
                     guint      row,
                     guint      column)
{
  return get_value (rows, row, column)->type == MMX_DB_NULL;
}

gint64
mmx_db_rows_get_int (MmxDbRows *rows,
                     guint      row,
                     guint      column)
{
  MmxDbValue *value = get_value (rows, row, column);

  /* PostgreSQL answers in text. */
  if (value->type == MMX_DB_TEXT)
    return g_ascii_strtoll (value->text, NULL, 10);
  return value->integer;
}

const char *
mmx_db_rows_get_text (MmxDbRows *rows,
                      guint      row,
                      guint      column)
{
  MmxDbValue *value = get_value (rows, row, column);

  g_assert (value->type == MMX_DB_TEXT || value->type == MMX_DB_NULL);
  return value->text;
}

GBytes *
mmx_db_rows_get_blob (MmxDbRows *rows,
                      guint      row,
                      guint      column)
{
  MmxDbValue *value = get_value (rows, row, column);

  g_assert (value->type == MMX_DB_BLOB);
  return g_bytes_ref (value->blob);
}

void
mmx_db_rows_free (MmxDbRows *rows)
{
  if (rows == NULL)
    return;
  g_array_unref (rows->values);
  g_free (rows);
}
