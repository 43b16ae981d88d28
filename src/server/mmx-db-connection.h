/* mmx-db-connection.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MMX_SERVER_STORE_ERROR (mmx_server_store_error_quark ())

/**
 * MmxServerStoreError:
 * @MMX_SERVER_STORE_ERROR_OPEN: the database cannot be opened
 * @MMX_SERVER_STORE_ERROR_FAILED: a query failed
 * @MMX_SERVER_STORE_ERROR_RETRY: a transaction lost a race and may be run again
 * @MMX_SERVER_STORE_ERROR_EXISTS: a unique value is taken
 * @MMX_SERVER_STORE_ERROR_NOT_FOUND: nothing matches
 * @MMX_SERVER_STORE_ERROR_CONFLICT: the stored version is not the expected one
 * @MMX_SERVER_STORE_ERROR_SEATS_FULL: every seat of the license is taken
 * @MMX_SERVER_STORE_ERROR_REVOKED: the license is revoked or has ended
 * @MMX_SERVER_STORE_ERROR_FORBIDDEN: the license is not the account's
 * @MMX_SERVER_STORE_ERROR_LIMIT: too many deactivations of late
 * @MMX_SERVER_STORE_ERROR_QUOTA: the account stores too much
 */
typedef enum
{
  MMX_SERVER_STORE_ERROR_OPEN,
  MMX_SERVER_STORE_ERROR_FAILED,
  MMX_SERVER_STORE_ERROR_RETRY,
  MMX_SERVER_STORE_ERROR_EXISTS,
  MMX_SERVER_STORE_ERROR_NOT_FOUND,
  MMX_SERVER_STORE_ERROR_CONFLICT,
  MMX_SERVER_STORE_ERROR_SEATS_FULL,
  MMX_SERVER_STORE_ERROR_REVOKED,
  MMX_SERVER_STORE_ERROR_FORBIDDEN,
  MMX_SERVER_STORE_ERROR_LIMIT,
  MMX_SERVER_STORE_ERROR_QUOTA,
} MmxServerStoreError;

/* The types of query parameters, given in pairs with their value:
 * MMX_DB_TEXT, "x", MMX_DB_INT, (gint64) 3, MMX_DB_BLOB, bytes, MMX_DB_END. */
typedef enum
{
  MMX_DB_END,
  MMX_DB_NULL,
  MMX_DB_INT,
  MMX_DB_TEXT,
  MMX_DB_BLOB,
} MmxDbType;

typedef struct
{
  MmxDbType  type;
  gint64     integer;
  char      *text;
  GBytes    *blob;
} MmxDbValue;

/* The rows a query returned, copied out of the back end. */
typedef struct _MmxDbRows MmxDbRows;

#define MMX_TYPE_DB_CONNECTION (mmx_db_connection_get_type ())

G_DECLARE_DERIVABLE_TYPE (MmxDbConnection, mmx_db_connection, MMX, DB_CONNECTION, GObject)

struct _MmxDbConnectionClass
{
  GObjectClass parent_class;

  const char *dialect;

  gboolean (*begin_write) (MmxDbConnection  *self,
                           GError          **error);
  gboolean (*commit)      (MmxDbConnection  *self,
                           GError          **error);
  void     (*rollback)    (MmxDbConnection  *self);
  gboolean (*exec)        (MmxDbConnection  *self,
                           const char       *script,
                           GError          **error);
  gboolean (*execute)     (MmxDbConnection  *self,
                           const char       *sql,
                           const MmxDbValue *params,
                           guint             n_params,
                           MmxDbRows       **out_rows,
                           GError          **error);
};

GQuark           mmx_server_store_error_quark  (void);

MmxDbConnection *mmx_db_connection_open        (const char       *location,
                                                GError          **error) G_GNUC_WARN_UNUSED_RESULT;
const char      *mmx_db_connection_get_dialect (MmxDbConnection  *self);
gboolean         mmx_db_connection_begin_write (MmxDbConnection  *self,
                                                GError          **error);
gboolean         mmx_db_connection_commit      (MmxDbConnection  *self,
                                                GError          **error);
void             mmx_db_connection_rollback    (MmxDbConnection  *self);
gboolean         mmx_db_connection_exec        (MmxDbConnection  *self,
                                                const char       *sql,
                                                GError          **error);
MmxDbRows       *mmx_db_connection_query       (MmxDbConnection  *self,
                                                GError          **error,
                                                const char       *sql,
                                                ...) G_GNUC_WARN_UNUSED_RESULT;
gboolean         mmx_db_connection_run         (MmxDbConnection  *self,
                                                GError          **error,
                                                const char       *sql,
                                                ...);

MmxDbRows       *_mmx_db_rows_new              (guint             n_columns);
MmxDbValue      *_mmx_db_rows_add_value        (MmxDbRows        *rows);
guint            mmx_db_rows_get_n_rows        (MmxDbRows        *rows);
gboolean         mmx_db_rows_is_null           (MmxDbRows        *rows,
                                                guint             row,
                                                guint             column);
gint64           mmx_db_rows_get_int           (MmxDbRows        *rows,
                                                guint             row,
                                                guint             column);
const char      *mmx_db_rows_get_text          (MmxDbRows        *rows,
                                                guint             row,
                                                guint             column);
GBytes          *mmx_db_rows_get_blob          (MmxDbRows        *rows,
                                                guint             row,
                                                guint             column);
void             mmx_db_rows_free              (MmxDbRows        *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxDbRows, mmx_db_rows_free)

G_END_DECLS
