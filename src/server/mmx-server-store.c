/* mmx-server-store.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-server-store"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "mmx-server-schema.h"
#include "mmx-server-store.h"

/* Everything the server keeps, written once over MmxDbConnection for both
 * back ends. Every query on a user's data names the account it belongs
 * to, so ids sent by another account never match. Writes that read
 * before they write (seats, rotations, sequence numbers) run in one
 * write transaction, which the back end makes serializable; one that
 * lost a race is run again. */

/* How long a request waits for a free connection. */
#define ACQUIRE_TIMEOUT_USEC (10 * G_USEC_PER_SEC)
#define MAX_ATTEMPTS 8
/* Failed logins older than this are forgotten. */
#define THROTTLE_MEMORY_SECONDS (24 * 3600)
#define MAX_METADATA_KEYS 256

struct _MmxServerStore
{
  GObject      parent_instance;

  GAsyncQueue *idle;
  const char  *dialect;
  guint        n_connections;
};

G_DEFINE_FINAL_TYPE (MmxServerStore, mmx_server_store, G_TYPE_OBJECT)

typedef gboolean (*WriteFunc) (MmxDbConnection  *db,
                               gpointer          data,
                               GError          **error);

void
mmx_account_free (MmxAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->id);
  g_free (account->email);
  if (account->password_hash != NULL)
    sodium_memzero (account->password_hash, strlen (account->password_hash));
  g_free (account->password_hash);
  g_free (account->tier);
  g_free (account);
}

void
mmx_license_record_free (MmxLicenseRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->email);
  g_free (record->tier);
  g_free (record);
}

void
mmx_activation_free (MmxActivation *activation)
{
  if (activation == NULL)
    return;
  g_free (activation->license_id);
  g_free (activation->tier);
  g_free (activation->machine);
  g_free (activation);
}

void
mmx_upload_info_free (MmxUploadInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->sha256);
  g_free (info);
}

void
mmx_metadata_free (MmxMetadata *metadata)
{
  if (metadata == NULL)
    return;
  g_free (metadata->key);
  g_free (metadata->value);
  g_free (metadata);
}

static void
mmx_server_store_finalize (GObject *object)
{
  MmxServerStore *self = (MmxServerStore *) object;
  MmxDbConnection *db;

  /* Every connection is back: requests are over when the store goes. */
  while ((db = g_async_queue_try_pop (self->idle)) != NULL)
    g_object_unref (db);
  g_clear_pointer (&self->idle, g_async_queue_unref);

  G_OBJECT_CLASS (mmx_server_store_parent_class)->finalize (object);
}

static void
mmx_server_store_class_init (MmxServerStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mmx_server_store_finalize;
}

static void
mmx_server_store_init (MmxServerStore *self)
{
  self->idle = g_async_queue_new ();
}

/**
 * mmx_server_store_open:
 * @location: an SQLite file, or a `postgres://` URL
 * @n_connections: how many requests may use the database at once
 * @error: a location for a #GError
 *
 * Opens the connections and brings the schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MmxServerStore *
mmx_server_store_open (const char  *location,
                       guint        n_connections,
                       GError     **error)
{
  g_autoptr(MmxServerStore) self = g_object_new (MMX_TYPE_SERVER_STORE, NULL);

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (n_connections > 0, NULL);

  for (guint i = 0; i < n_connections; i++)
    {
      g_autoptr(MmxDbConnection) db = mmx_db_connection_open (location, error);

      if (db == NULL)
        return NULL;
      if (i == 0 && !mmx_server_schema_migrate (db, error))
        return NULL;
      self->dialect = mmx_db_connection_get_dialect (db);
      g_async_queue_push (self->idle, g_steal_pointer (&db));
    }
  self->n_connections = n_connections;
  return g_steal_pointer (&self);
}

const char *
mmx_server_store_get_dialect (MmxServerStore *self)
{
  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  return self->dialect;
}

/* A connection lent to one request; given back when it goes out of scope. */
typedef struct
{
  MmxServerStore  *store;
  MmxDbConnection *db;
} Lease;

static void
lease_clear (Lease *lease)
{
  if (lease->db != NULL)
    g_async_queue_push (lease->store->idle, g_steal_pointer (&lease->db));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lease, lease_clear)

static gboolean
acquire (MmxServerStore  *self,
         Lease           *lease,
         GError         **error)
{
  lease->store = self;
  lease->db = g_async_queue_timeout_pop (self->idle, ACQUIRE_TIMEOUT_USEC);
  if (lease->db == NULL)
    {
      g_set_error_literal (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_RETRY,
                           "Every database connection stayed busy.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_write (MmxServerStore  *self,
           WriteFunc        func,
           gpointer         data,
           GError         **error)
{
  g_auto(Lease) lease = { 0 };

  if (!acquire (self, &lease, error))
    return FALSE;

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (mmx_db_connection_begin_write (lease.db, &local_error)
          && func (lease.db, data, &local_error)
          && mmx_db_connection_commit (lease.db, &local_error))
        return TRUE;
      mmx_db_connection_rollback (lease.db);

      if (attempt >= MAX_ATTEMPTS
          || !g_error_matches (local_error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_RETRY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Back off a little, at random, so the racers part. */
      g_usleep (g_random_int_range (1000, 5000) * attempt);
    }
}

static char *
new_id (const char *prefix)
{
  guint8 bytes[16];
  char hex[2 * sizeof bytes + 1];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);
  return g_strconcat (prefix, hex, NULL);
}

static gboolean
not_found (GError     **error,
           const char  *what)
{
  g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND,
               "No such %s.", what);
  return FALSE;
}

gboolean
mmx_server_store_ping (MmxServerStore  *self,
                       GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  if (!acquire (self, &lease, error))
    return FALSE;
  rows = mmx_db_connection_query (lease.db, error, "SELECT 1", MMX_DB_END);
  return rows != NULL;
}

/* Accounts */

typedef struct
{
  const char *email;
  const char *password_hash;
  gint64      now;
  char       *id;
} CreateAccount;

static gboolean
create_account_cb (MmxDbConnection  *db,
                   gpointer          data,
                   GError          **error)
{
  CreateAccount *op = data;
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&op->id, g_free);
  op->id = new_id ("acc_");
  if (mmx_db_connection_run (db, &local_error,
                             "INSERT INTO account (id, email, password_hash, created) "
                             "VALUES (?, ?, ?, ?)",
                             MMX_DB_TEXT, op->id, MMX_DB_TEXT, op->email,
                             MMX_DB_TEXT, op->password_hash, MMX_DB_INT, op->now, MMX_DB_END))
    return TRUE;
  if (g_error_matches (local_error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_EXISTS))
    g_set_error_literal (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_EXISTS,
                         "An account with this e-mail address exists.");
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * mmx_server_store_create_account:
 * @self: a store
 * @email: the normalised address
 * @password_hash: the Argon2id hash string
 * @now: the time
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new account's id, or %NULL with @error set
 *   (%MMX_SERVER_STORE_ERROR_EXISTS when the address is taken)
 */
char *
mmx_server_store_create_account (MmxServerStore  *self,
                                 const char      *email,
                                 const char      *password_hash,
                                 gint64           now,
                                 GError         **error)
{
  CreateAccount op = { email, password_hash, now, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!run_write (self, create_account_cb, &op, error))
    {
      g_free (op.id);
      return NULL;
    }
  return op.id;
}

/* The tier is that of the licenses active on the account's machines (an
 * aggregate, not ORDER BY: every GET /v1/account runs this, and a sort
 * would build a temporary b-tree each time). */
#define ACCOUNT_COLUMNS \
  "a.id, a.email, a.password_hash, a.created, " \
  "COALESCE((SELECT max(l.tier) FROM activation v JOIN license l ON l.id = v.license_id " \
  "          WHERE v.account_id = a.id AND v.deactivated = 0 AND l.revoked = 0 " \
  "            AND l.expires > ?), 'free') "

static MmxAccount *
read_account (MmxServerStore  *self,
              const char      *sql,
              gint64           now,
              const char      *key,
              GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;
  MmxAccount *account;

  if (!acquire (self, &lease, error))
    return NULL;
  rows = mmx_db_connection_query (lease.db, error, sql, MMX_DB_INT, now, MMX_DB_TEXT, key,
                                  MMX_DB_END);
  if (rows == NULL)
    return NULL;
  if (mmx_db_rows_get_n_rows (rows) == 0)
    {
      not_found (error, "account");
      return NULL;
    }
  account = g_new0 (MmxAccount, 1);
  account->id = g_strdup (mmx_db_rows_get_text (rows, 0, 0));
  account->email = g_strdup (mmx_db_rows_get_text (rows, 0, 1));
  account->password_hash = g_strdup (mmx_db_rows_get_text (rows, 0, 2));
  account->created = mmx_db_rows_get_int (rows, 0, 3);
  account->tier = g_strdup (mmx_db_rows_get_text (rows, 0, 4));
  return account;
}

/**
 * mmx_server_store_find_account:
 * @self: a store
 * @email: the normalised address
 * @now: the time, for the tier
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 *   (%MMX_SERVER_STORE_ERROR_NOT_FOUND when there is none)
 */
MmxAccount *
mmx_server_store_find_account (MmxServerStore  *self,
                               const char      *email,
                               gint64           now,
                               GError         **error)
{
  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  return read_account (self, "SELECT " ACCOUNT_COLUMNS "FROM account a WHERE a.email = ?", now,
                       email, error);
}

MmxAccount *
mmx_server_store_get_account (MmxServerStore  *self,
                              const char      *account_id,
                              gint64           now,
                              GError         **error)
{
  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  return read_account (self, "SELECT " ACCOUNT_COLUMNS "FROM account a WHERE a.id = ?", now,
                       account_id, error);
}

typedef struct
{
  const char *account_id;
  const char *password_hash;
  gboolean    revoke_sessions;
} SetPassword;

static gboolean
set_password_cb (MmxDbConnection  *db,
                 gpointer          data,
                 GError          **error)
{
  SetPassword *op = data;
  g_autoptr(MmxDbRows) rows = NULL;

  rows = mmx_db_connection_query (db, error,
                                  "UPDATE account SET password_hash = ? WHERE id = ? RETURNING id",
                                  MMX_DB_TEXT, op->password_hash, MMX_DB_TEXT, op->account_id,
                                  MMX_DB_END);
  if (rows == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (rows) == 0)
    return not_found (error, "account");
  if (!op->revoke_sessions)
    return TRUE;
  return mmx_db_connection_run (db, error,
                                "UPDATE refresh_family SET revoked = ? "
                                "WHERE account_id = ? AND revoked = 0",
                                MMX_DB_INT, g_get_real_time () / G_USEC_PER_SEC,
                                MMX_DB_TEXT, op->account_id, MMX_DB_END);
}

/**
 * mmx_server_store_set_password_hash:
 * @self: a store
 * @account_id: the account
 * @password_hash: the new hash
 * @revoke_sessions: whether to revoke every refresh token of the account
 *   too, as a change of password does (a rehash does not)
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_server_store_set_password_hash (MmxServerStore  *self,
                                    const char      *account_id,
                                    const char      *password_hash,
                                    gboolean         revoke_sessions,
                                    GError         **error)
{
  SetPassword op = { account_id, password_hash, revoke_sessions };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  return run_write (self, set_password_cb, &op, error);
}

typedef struct
{
  const char *account_id;
  gint64      now;
} AccountAt;

static gboolean
delete_account_cb (MmxDbConnection  *db,
                   gpointer          data,
                   GError          **error)
{
  AccountAt *op = data;
  g_autoptr(MmxDbRows) rows = NULL;

  /* Its seats are freed, but the deactivations still count against
   * minting seats by deleting accounts. */
  if (!mmx_db_connection_run (db, error,
                              "UPDATE activation SET deactivated = ? "
                              "WHERE account_id = ? AND deactivated = 0",
                              MMX_DB_INT, op->now, MMX_DB_TEXT, op->account_id, MMX_DB_END))
    return FALSE;
  rows = mmx_db_connection_query (db, error, "DELETE FROM account WHERE id = ? RETURNING id",
                                  MMX_DB_TEXT, op->account_id, MMX_DB_END);
  if (rows == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (rows) == 0)
    return not_found (error, "account");
  return TRUE;
}

/**
 * mmx_server_store_delete_account:
 * @self: a store
 * @account_id: the account
 * @now: the time
 * @error: a location for a #GError
 *
 * Deletes the account with its tokens, uploads and metadata, and frees
 * the seats its machines held.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_server_store_delete_account (MmxServerStore  *self,
                                 const char      *account_id,
                                 gint64           now,
                                 GError         **error)
{
  AccountAt op = { account_id, now };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  return run_write (self, delete_account_cb, &op, error);
}

/* Login back-off */

/* The back-off table holds addresses people tried, accounts or not: keep
 * only their hash. */
static void
email_key (const char *email,
           char        out[65])
{
  guint8 hash[32];

  crypto_generichash (hash, sizeof hash, (const guint8 *) email, strlen (email), NULL, 0);
  sodium_bin2hex (out, 65, hash, sizeof hash);
}

/**
 * mmx_server_store_get_lockout:
 * @self: a store
 * @email: the normalised address
 * @error: a location for a #GError
 *
 * Returns: until when logins to @email are refused, 0 when they are not,
 *   -1 with @error set on failure
 */
gint64
mmx_server_store_get_lockout (MmxServerStore  *self,
                              const char      *email,
                              GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;
  char key[65];

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), -1);

  email_key (email, key);
  if (!acquire (self, &lease, error))
    return -1;
  rows = mmx_db_connection_query (lease.db, error,
                                  "SELECT locked_until FROM login_throttle WHERE email_key = ?",
                                  MMX_DB_TEXT, key, MMX_DB_END);
  if (rows == NULL)
    return -1;
  return mmx_db_rows_get_n_rows (rows) == 0 ? 0 : mmx_db_rows_get_int (rows, 0, 0);
}

typedef struct
{
  const char             *key;
  gint64                  now;
  const MmxLockoutPolicy *policy;
  gint64                  locked_until;
} LoginFailure;

static gboolean
record_failure_cb (MmxDbConnection  *db,
                   gpointer          data,
                   GError          **error)
{
  LoginFailure *op = data;
  g_autoptr(MmxDbRows) rows = NULL;
  gint64 failures = 0;

  rows = mmx_db_connection_query (db, error,
                                  "SELECT failures, updated FROM login_throttle WHERE email_key = ?",
                                  MMX_DB_TEXT, op->key, MMX_DB_END);
  if (rows == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (rows) > 0
      && mmx_db_rows_get_int (rows, 0, 1) > op->now - THROTTLE_MEMORY_SECONDS)
    failures = mmx_db_rows_get_int (rows, 0, 0);
  failures++;

  op->locked_until = 0;
  if (failures > op->policy->free_attempts)
    {
      guint doublings = MIN (failures - op->policy->free_attempts - 1, 30);
      gint64 seconds = MIN (op->policy->base_seconds << doublings, op->policy->max_seconds);

      op->locked_until = op->now + seconds;
    }
  return mmx_db_connection_run (db, error,
                                "INSERT INTO login_throttle (email_key, failures, locked_until, updated) "
                                "VALUES (?, ?, ?, ?) ON CONFLICT (email_key) DO UPDATE SET "
                                "failures = excluded.failures, locked_until = excluded.locked_until, "
                                "updated = excluded.updated",
                                MMX_DB_TEXT, op->key, MMX_DB_INT, failures,
                                MMX_DB_INT, op->locked_until, MMX_DB_INT, op->now, MMX_DB_END);
}

/**
 * mmx_server_store_record_login_failure:
 * @self: a store
 * @email: the normalised address
 * @now: the time
 * @policy: how long failures lock
 * @error: a location for a #GError
 *
 * Returns: until when logins are now refused (0: not), -1 with @error set
 *   on failure
 */
gint64
mmx_server_store_record_login_failure (MmxServerStore          *self,
                                       const char              *email,
                                       gint64                   now,
                                       const MmxLockoutPolicy  *policy,
                                       GError                 **error)
{
  char key[65];
  LoginFailure op = { key, now, policy, 0 };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), -1);

  email_key (email, key);
  if (!run_write (self, record_failure_cb, &op, error))
    return -1;
  return op.locked_until;
}

static gboolean
clear_failures_cb (MmxDbConnection  *db,
                   gpointer          data,
                   GError          **error)
{
  return mmx_db_connection_run (db, error, "DELETE FROM login_throttle WHERE email_key = ?",
                                MMX_DB_TEXT, (const char *) data, MMX_DB_END);
}

gboolean
mmx_server_store_clear_login_failures (MmxServerStore  *self,
                                       const char      *email,
                                       GError         **error)
{
  char key[65];

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  email_key (email, key);
  return run_write (self, clear_failures_cb, key, error);
}

/* Refresh tokens */

typedef struct
{
  const char *account_id;
  const char *token_hash;
  const char *new_token_hash;
  gint64      now;
  gint64      expires;
  MmxRefreshOutcome outcome;
  char       *found_account_id;
} Refresh;

static gboolean
create_family_cb (MmxDbConnection  *db,
                  gpointer          data,
                  GError          **error)
{
  Refresh *op = data;
  g_autofree char *family_id = new_id ("fam_");

  return mmx_db_connection_run (db, error,
                                "INSERT INTO refresh_family (id, account_id, created, expires) "
                                "VALUES (?, ?, ?, ?)",
                                MMX_DB_TEXT, family_id, MMX_DB_TEXT, op->account_id,
                                MMX_DB_INT, op->now, MMX_DB_INT, op->expires, MMX_DB_END)
         && mmx_db_connection_run (db, error,
                                   "INSERT INTO refresh_token (token_hash, family_id, created) "
                                   "VALUES (?, ?, ?)",
                                   MMX_DB_TEXT, op->token_hash, MMX_DB_TEXT, family_id,
                                   MMX_DB_INT, op->now, MMX_DB_END);
}

/**
 * mmx_server_store_create_refresh_family:
 * @self: a store
 * @account_id: the account that logged in
 * @token_hash: the hash of its first refresh token
 * @now: the time
 * @expires: when the family ends, however often it is rotated
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mmx_server_store_create_refresh_family (MmxServerStore  *self,
                                        const char      *account_id,
                                        const char      *token_hash,
                                        gint64           now,
                                        gint64           expires,
                                        GError         **error)
{
  Refresh op = { account_id, token_hash, NULL, now, expires, 0, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  return run_write (self, create_family_cb, &op, error);
}

static gboolean
rotate_cb (MmxDbConnection  *db,
           gpointer          data,
           GError          **error)
{
  Refresh *op = data;
  g_autoptr(MmxDbRows) rows = NULL;
  const char *family_id;

  g_clear_pointer (&op->found_account_id, g_free);
  rows = mmx_db_connection_query (db, error,
                                  "SELECT t.used, f.id, f.account_id, f.expires, f.revoked "
                                  "FROM refresh_token t JOIN refresh_family f ON f.id = t.family_id "
                                  "WHERE t.token_hash = ?",
                                  MMX_DB_TEXT, op->token_hash, MMX_DB_END);
  if (rows == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (rows) == 0 || mmx_db_rows_get_int (rows, 0, 4) != 0)
    {
      op->outcome = MMX_REFRESH_UNKNOWN;
      return TRUE;
    }
  family_id = mmx_db_rows_get_text (rows, 0, 1);
  if (mmx_db_rows_get_int (rows, 0, 0) != 0)
    {
      /* A token used twice was stolen, or its copy was: end the family. */
      op->outcome = MMX_REFRESH_REUSED;
      return mmx_db_connection_run (db, error, "UPDATE refresh_family SET revoked = ? WHERE id = ?",
                                    MMX_DB_INT, op->now, MMX_DB_TEXT, family_id, MMX_DB_END);
    }
  if (op->now >= mmx_db_rows_get_int (rows, 0, 3))
    {
      op->outcome = MMX_REFRESH_EXPIRED;
      return TRUE;
    }

  op->outcome = MMX_REFRESH_ROTATED;
  op->found_account_id = g_strdup (mmx_db_rows_get_text (rows, 0, 2));
  return mmx_db_connection_run (db, error,
                                "UPDATE refresh_token SET used = ? WHERE token_hash = ?",
                                MMX_DB_INT, op->now, MMX_DB_TEXT, op->token_hash, MMX_DB_END)
         && mmx_db_connection_run (db, error,
                                   "INSERT INTO refresh_token (token_hash, family_id, created) "
                                   "VALUES (?, ?, ?)",
                                   MMX_DB_TEXT, op->new_token_hash, MMX_DB_TEXT, family_id,
                                   MMX_DB_INT, op->now, MMX_DB_END);
}

/**
 * mmx_server_store_rotate_refresh_token:
 * @self: a store
 * @token_hash: the hash of the token presented
 * @new_token_hash: the hash of the token that replaces it
 * @now: the time
 * @out_account_id: (out) (transfer full): the family's account, when rotated
 * @error: a location for a #GError
 *
 * Marks the token used and adds its successor to the family. A token that
 * was used already revokes the whole family.
 *
 * Returns: what happened; %MMX_REFRESH_UNKNOWN with @error set on failure
 */
MmxRefreshOutcome
mmx_server_store_rotate_refresh_token (MmxServerStore  *self,
                                       const char      *token_hash,
                                       const char      *new_token_hash,
                                       gint64           now,
                                       char           **out_account_id,
                                       GError         **error)
{
  Refresh op = { NULL, token_hash, new_token_hash, now, 0, MMX_REFRESH_UNKNOWN, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), MMX_REFRESH_UNKNOWN);

  *out_account_id = NULL;
  if (!run_write (self, rotate_cb, &op, error))
    {
      g_free (op.found_account_id);
      return MMX_REFRESH_UNKNOWN;
    }
  *out_account_id = op.found_account_id;
  return op.outcome;
}

static gboolean
revoke_family_cb (MmxDbConnection  *db,
                  gpointer          data,
                  GError          **error)
{
  Refresh *op = data;
  g_autoptr(MmxDbRows) rows = NULL;

  rows = mmx_db_connection_query (db, error,
                                  "UPDATE refresh_family SET revoked = ? "
                                  "WHERE account_id = ? AND revoked = 0 AND id = "
                                  "(SELECT family_id FROM refresh_token WHERE token_hash = ?) "
                                  "RETURNING id",
                                  MMX_DB_INT, op->now, MMX_DB_TEXT, op->account_id,
                                  MMX_DB_TEXT, op->token_hash, MMX_DB_END);
  if (rows == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (rows) == 0)
    return not_found (error, "session");
  return TRUE;
}

/**
 * mmx_server_store_revoke_refresh_family:
 * @self: a store
 * @account_id: the account logging out
 * @token_hash: the hash of a token of the family
 * @now: the time
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set (%MMX_SERVER_STORE_ERROR_NOT_FOUND when
 *   the token is not a live one of @account_id) on failure
 */
gboolean
mmx_server_store_revoke_refresh_family (MmxServerStore  *self,
                                        const char      *account_id,
                                        const char      *token_hash,
                                        gint64           now,
                                        GError         **error)
{
  Refresh op = { account_id, token_hash, NULL, now, 0, 0, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  return run_write (self, revoke_family_cb, &op, error);
}

/* Licenses */

typedef struct
{
  const char *key_hash;
  const char *email;
  const char *tier;
  gint64      seats;
  gint64      now;
  gint64      expires;
  char       *id;
} CreateLicense;

static gboolean
create_license_cb (MmxDbConnection  *db,
                   gpointer          data,
                   GError          **error)
{
  CreateLicense *op = data;

  g_clear_pointer (&op->id, g_free);
  op->id = new_id ("lic_");
  return mmx_db_connection_run (db, error,
                                "INSERT INTO license (id, key_hash, email, tier, seats, created, expires) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                MMX_DB_TEXT, op->id, MMX_DB_TEXT, op->key_hash,
                                MMX_DB_TEXT, op->email, MMX_DB_TEXT, op->tier,
                                MMX_DB_INT, op->seats, MMX_DB_INT, op->now,
                                MMX_DB_INT, op->expires, MMX_DB_END);
}

/**
 * mmx_server_store_create_license:
 * @self: a store
 * @key_hash: the hash of the license key
 * @email: the customer's normalised address: only their account activates it
 * @tier: "premium"
 * @seats: on how many machines it may be active at once
 * @now: the time
 * @expires: when it ends
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the license's id, or %NULL with @error set
 */
char *
mmx_server_store_create_license (MmxServerStore  *self,
                                 const char      *key_hash,
                                 const char      *email,
                                 const char      *tier,
                                 gint64           seats,
                                 gint64           now,
                                 gint64           expires,
                                 GError         **error)
{
  CreateLicense op = { key_hash, email, tier, seats, now, expires, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!run_write (self, create_license_cb, &op, error))
    {
      g_free (op.id);
      return NULL;
    }
  return op.id;
}

/**
 * mmx_server_store_list_licenses:
 * @self: a store
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type MmxLicenseRecord): every license,
 *   oldest first, or %NULL with @error set
 */
GPtrArray *
mmx_server_store_list_licenses (MmxServerStore  *self,
                                GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;
  g_autoptr(GPtrArray) licenses = NULL;

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!acquire (self, &lease, error))
    return NULL;
  rows = mmx_db_connection_query (lease.db, error,
                                  "SELECT l.id, l.email, l.tier, l.seats, l.created, l.expires, "
                                  "l.revoked, (SELECT count(*) FROM activation v "
                                  "WHERE v.license_id = l.id AND v.deactivated = 0) "
                                  "FROM license l ORDER BY l.created, l.id", MMX_DB_END);
  if (rows == NULL)
    return NULL;
  licenses = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_license_record_free);
  for (guint r = 0; r < mmx_db_rows_get_n_rows (rows); r++)
    {
      MmxLicenseRecord *record = g_new0 (MmxLicenseRecord, 1);

      record->id = g_strdup (mmx_db_rows_get_text (rows, r, 0));
      record->email = g_strdup (mmx_db_rows_get_text (rows, r, 1));
      record->tier = g_strdup (mmx_db_rows_get_text (rows, r, 2));
      record->seats = mmx_db_rows_get_int (rows, r, 3);
      record->created = mmx_db_rows_get_int (rows, r, 4);
      record->expires = mmx_db_rows_get_int (rows, r, 5);
      record->revoked = mmx_db_rows_get_int (rows, r, 6);
      record->seats_used = mmx_db_rows_get_int (rows, r, 7);
      g_ptr_array_add (licenses, record);
    }
  return g_steal_pointer (&licenses);
}

typedef struct
{
  const char    *license_id;
  const char    *key_hash;
  const char    *account_id;
  const char    *machine;
  gint64         now;
  gint64         window;
  MmxActivation *activation;
} Activate;

static gboolean
revoke_license_cb (MmxDbConnection  *db,
                   gpointer          data,
                   GError          **error)
{
  Activate *op = data;
  g_autoptr(MmxDbRows) rows = NULL;

  rows = mmx_db_connection_query (db, error,
                                  "UPDATE license SET revoked = CASE WHEN revoked = 0 THEN ? "
                                  "ELSE revoked END WHERE id = ? RETURNING id",
                                  MMX_DB_INT, op->now, MMX_DB_TEXT, op->license_id, MMX_DB_END);
  if (rows == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (rows) == 0)
    return not_found (error, "license");
  return TRUE;
}

gboolean
mmx_server_store_revoke_license (MmxServerStore  *self,
                                 const char      *license_id,
                                 gint64           now,
                                 GError         **error)
{
  Activate op = { license_id, NULL, NULL, NULL, now, 0, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  return run_write (self, revoke_license_cb, &op, error);
}

static gboolean
activate_cb (MmxDbConnection  *db,
             gpointer          data,
             GError          **error)
{
  Activate *op = data;
  g_autoptr(MmxDbRows) license = NULL;
  g_autoptr(MmxDbRows) account = NULL;
  g_autoptr(MmxDbRows) active = NULL;
  g_autoptr(MmxDbRows) used = NULL;
  g_autofree char *activation_id = NULL;
  const char *license_id;
  gint64 seats;
  gint64 activated = op->now;

  g_clear_pointer (&op->activation, mmx_activation_free);
  license = mmx_db_connection_query (db, error,
                                     "SELECT id, email, tier, seats, expires, revoked "
                                     "FROM license WHERE key_hash = ?",
                                     MMX_DB_TEXT, op->key_hash, MMX_DB_END);
  if (license == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (license) == 0)
    return not_found (error, "license key");
  license_id = mmx_db_rows_get_text (license, 0, 0);
  seats = mmx_db_rows_get_int (license, 0, 3);

  account = mmx_db_connection_query (db, error, "SELECT email FROM account WHERE id = ?",
                                     MMX_DB_TEXT, op->account_id, MMX_DB_END);
  if (account == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (account) == 0)
    return not_found (error, "account");
  if (g_strcmp0 (mmx_db_rows_get_text (account, 0, 0), mmx_db_rows_get_text (license, 0, 1)) != 0)
    {
      g_set_error_literal (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_FORBIDDEN,
                           "This license was sold to another e-mail address.");
      return FALSE;
    }
  if (mmx_db_rows_get_int (license, 0, 5) != 0 || mmx_db_rows_get_int (license, 0, 4) <= op->now)
    {
      g_set_error_literal (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_REVOKED,
                           "This license has been revoked or has ended.");
      return FALSE;
    }

  active = mmx_db_connection_query (db, error,
                                    "SELECT id, activated FROM activation "
                                    "WHERE license_id = ? AND machine = ? AND deactivated = 0 "
                                    "AND account_id = ?",
                                    MMX_DB_TEXT, license_id, MMX_DB_TEXT, op->machine,
                                    MMX_DB_TEXT, op->account_id, MMX_DB_END);
  if (active == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (active) > 0)
    {
      /* The same machine again: a renewal, not a new seat. */
      activated = mmx_db_rows_get_int (active, 0, 1);
      if (!mmx_db_connection_run (db, error, "UPDATE activation SET last_issued = ? WHERE id = ?",
                                  MMX_DB_INT, op->now,
                                  MMX_DB_TEXT, mmx_db_rows_get_text (active, 0, 0), MMX_DB_END))
        return FALSE;
    }
  else
    {
      used = mmx_db_connection_query (db, error,
                                      "SELECT count(*) FROM activation "
                                      "WHERE license_id = ? AND deactivated = 0",
                                      MMX_DB_TEXT, license_id, MMX_DB_END);
      if (used == NULL)
        return FALSE;
      if (mmx_db_rows_get_int (used, 0, 0) >= seats)
        {
          g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_SEATS_FULL,
                       "All %" G_GINT64_FORMAT " seats of this license are in use.", seats);
          return FALSE;
        }
      activation_id = new_id ("act_");
      if (!mmx_db_connection_run (db, error,
                                  "INSERT INTO activation (id, license_id, account_id, machine, "
                                  "activated, last_issued) VALUES (?, ?, ?, ?, ?, ?)",
                                  MMX_DB_TEXT, activation_id, MMX_DB_TEXT, license_id,
                                  MMX_DB_TEXT, op->account_id, MMX_DB_TEXT, op->machine,
                                  MMX_DB_INT, op->now, MMX_DB_INT, op->now, MMX_DB_END))
        return FALSE;
    }

  op->activation = g_new0 (MmxActivation, 1);
  op->activation->license_id = g_strdup (license_id);
  op->activation->tier = g_strdup (mmx_db_rows_get_text (license, 0, 2));
  op->activation->machine = g_strdup (op->machine);
  op->activation->seats = seats;
  op->activation->activated = activated;
  op->activation->last_issued = op->now;
  op->activation->license_expires = mmx_db_rows_get_int (license, 0, 4);
  return TRUE;
}

/**
 * mmx_server_store_activate_license:
 * @self: a store
 * @key_hash: the hash of the license key
 * @account_id: the account activating it
 * @machine: the machine's fingerprint
 * @now: the time
 * @error: a location for a #GError
 *
 * Takes a seat of the license for @machine, or renews the one it holds,
 * in one transaction: however many activations race, no more than the
 * seats succeed.
 *
 * Returns: (transfer full): the activation, or %NULL with @error set:
 *   %MMX_SERVER_STORE_ERROR_NOT_FOUND (no such key),
 *   %MMX_SERVER_STORE_ERROR_FORBIDDEN (another customer's),
 *   %MMX_SERVER_STORE_ERROR_REVOKED, %MMX_SERVER_STORE_ERROR_SEATS_FULL
 */
MmxActivation *
mmx_server_store_activate_license (MmxServerStore  *self,
                                   const char      *key_hash,
                                   const char      *account_id,
                                   const char      *machine,
                                   gint64           now,
                                   GError         **error)
{
  Activate op = { NULL, key_hash, account_id, machine, now, 0, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!run_write (self, activate_cb, &op, error))
    {
      mmx_activation_free (op.activation);
      return NULL;
    }
  return op.activation;
}

static gboolean
deactivate_cb (MmxDbConnection  *db,
               gpointer          data,
               GError          **error)
{
  Activate *op = data;
  g_autoptr(MmxDbRows) active = NULL;
  g_autoptr(MmxDbRows) recent = NULL;
  gint64 seats;

  active = mmx_db_connection_query (db, error,
                                    "SELECT v.id, l.seats FROM activation v "
                                    "JOIN license l ON l.id = v.license_id "
                                    "WHERE v.license_id = ? AND v.machine = ? AND v.account_id = ? "
                                    "AND v.deactivated = 0",
                                    MMX_DB_TEXT, op->license_id, MMX_DB_TEXT, op->machine,
                                    MMX_DB_TEXT, op->account_id, MMX_DB_END);
  if (active == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (active) == 0)
    return not_found (error, "activation");
  seats = mmx_db_rows_get_int (active, 0, 1);

  /* A deactivated machine keeps its offline file until it expires: freeing
   * seats faster than files expire would mint seats. */
  recent = mmx_db_connection_query (db, error,
                                    "SELECT count(*) FROM activation "
                                    "WHERE license_id = ? AND deactivated > ?",
                                    MMX_DB_TEXT, op->license_id, MMX_DB_INT, op->now - op->window,
                                    MMX_DB_END);
  if (recent == NULL)
    return FALSE;
  if (mmx_db_rows_get_int (recent, 0, 0) >= seats)
    {
      g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_LIMIT,
                   "This license was deactivated %" G_GINT64_FORMAT " times in the last %"
                   G_GINT64_FORMAT " days, as often as it has seats.",
                   mmx_db_rows_get_int (recent, 0, 0), op->window / (24 * 3600));
      return FALSE;
    }
  return mmx_db_connection_run (db, error, "UPDATE activation SET deactivated = ? WHERE id = ?",
                                MMX_DB_INT, op->now,
                                MMX_DB_TEXT, mmx_db_rows_get_text (active, 0, 0), MMX_DB_END);
}

/**
 * mmx_server_store_deactivate_license:
 * @self: a store
 * @account_id: the account
 * @license_id: the license
 * @machine: the machine to free the seat of
 * @now: the time
 * @window_seconds: a license may be deactivated as many times as it has
 *   seats in this much time
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set (%MMX_SERVER_STORE_ERROR_LIMIT when
 *   deactivated too often) on failure
 */
gboolean
mmx_server_store_deactivate_license (MmxServerStore  *self,
                                     const char      *account_id,
                                     const char      *license_id,
                                     const char      *machine,
                                     gint64           now,
                                     gint64           window_seconds,
                                     GError         **error)
{
  Activate op = { license_id, NULL, account_id, machine, now, window_seconds, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), FALSE);

  return run_write (self, deactivate_cb, &op, error);
}

/**
 * mmx_server_store_list_activations:
 * @self: a store
 * @account_id: the account
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type MmxActivation): the account's
 *   active machines, or %NULL with @error set
 */
GPtrArray *
mmx_server_store_list_activations (MmxServerStore  *self,
                                   const char      *account_id,
                                   GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;
  g_autoptr(GPtrArray) activations = NULL;

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!acquire (self, &lease, error))
    return NULL;
  rows = mmx_db_connection_query (lease.db, error,
                                  "SELECT v.license_id, l.tier, v.machine, l.seats, v.activated, "
                                  "v.last_issued, l.expires FROM activation v "
                                  "JOIN license l ON l.id = v.license_id "
                                  "WHERE v.account_id = ? AND v.deactivated = 0 "
                                  "ORDER BY v.activated, v.id",
                                  MMX_DB_TEXT, account_id, MMX_DB_END);
  if (rows == NULL)
    return NULL;
  activations = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_activation_free);
  for (guint r = 0; r < mmx_db_rows_get_n_rows (rows); r++)
    {
      MmxActivation *activation = g_new0 (MmxActivation, 1);

      activation->license_id = g_strdup (mmx_db_rows_get_text (rows, r, 0));
      activation->tier = g_strdup (mmx_db_rows_get_text (rows, r, 1));
      activation->machine = g_strdup (mmx_db_rows_get_text (rows, r, 2));
      activation->seats = mmx_db_rows_get_int (rows, r, 3);
      activation->activated = mmx_db_rows_get_int (rows, r, 4);
      activation->last_issued = mmx_db_rows_get_int (rows, r, 5);
      activation->license_expires = mmx_db_rows_get_int (rows, r, 6);
      g_ptr_array_add (activations, activation);
    }
  return g_steal_pointer (&activations);
}

/* Sync */

typedef struct
{
  const char *account_id;
  const char *sha256;
  GBytes     *data;
  gint64      now;
  gint64      quota;
  gint64      seq;
  gboolean    created;
} PutUpload;

static gboolean
put_upload_cb (MmxDbConnection  *db,
               gpointer          data,
               GError          **error)
{
  PutUpload *op = data;
  g_autoptr(MmxDbRows) existing = NULL;
  g_autoptr(MmxDbRows) stored = NULL;
  g_autoptr(MmxDbRows) seq = NULL;
  gint64 size = (gint64) g_bytes_get_size (op->data);

  existing = mmx_db_connection_query (db, error,
                                      "SELECT seq FROM upload WHERE account_id = ? AND sha256 = ?",
                                      MMX_DB_TEXT, op->account_id, MMX_DB_TEXT, op->sha256,
                                      MMX_DB_END);
  if (existing == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (existing) > 0)
    {
      op->seq = mmx_db_rows_get_int (existing, 0, 0);
      op->created = FALSE;
      return TRUE;
    }

  stored = mmx_db_connection_query (db, error,
                                    "SELECT COALESCE(sum(size), 0) FROM upload WHERE account_id = ?",
                                    MMX_DB_TEXT, op->account_id, MMX_DB_END);
  if (stored == NULL)
    return FALSE;
  if (mmx_db_rows_get_int (stored, 0, 0) + size > op->quota)
    {
      g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_QUOTA,
                   "The account would store more than its %" G_GINT64_FORMAT " MiB.",
                   op->quota / (1024 * 1024));
      return FALSE;
    }
  seq = mmx_db_connection_query (db, error,
                                 "UPDATE account SET sync_seq = sync_seq + 1 WHERE id = ? "
                                 "RETURNING sync_seq",
                                 MMX_DB_TEXT, op->account_id, MMX_DB_END);
  if (seq == NULL)
    return FALSE;
  if (mmx_db_rows_get_n_rows (seq) == 0)
    return not_found (error, "account");
  op->seq = mmx_db_rows_get_int (seq, 0, 0);
  op->created = TRUE;
  return mmx_db_connection_run (db, error,
                                "INSERT INTO upload (account_id, sha256, seq, size, created, data) "
                                "VALUES (?, ?, ?, ?, ?, ?)",
                                MMX_DB_TEXT, op->account_id, MMX_DB_TEXT, op->sha256,
                                MMX_DB_INT, op->seq, MMX_DB_INT, size, MMX_DB_INT, op->now,
                                MMX_DB_BLOB, op->data, MMX_DB_END);
}

/**
 * mmx_server_store_put_upload:
 * @self: a store
 * @account_id: the account
 * @sha256: the hash of @data, checked by the caller
 * @data: the batch
 * @now: the time
 * @quota_bytes: the most an account may store
 * @out_created: (out): whether it is new; %FALSE when it was stored before
 * @error: a location for a #GError
 *
 * Stores a batch once: putting it again answers its sequence number.
 *
 * Returns: the batch's sequence number in the account, or -1 with @error set
 */
gint64
mmx_server_store_put_upload (MmxServerStore  *self,
                             const char      *account_id,
                             const char      *sha256,
                             GBytes          *data,
                             gint64           now,
                             gint64           quota_bytes,
                             gboolean        *out_created,
                             GError         **error)
{
  PutUpload op = { account_id, sha256, data, now, quota_bytes, -1, FALSE };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), -1);

  if (!run_write (self, put_upload_cb, &op, error))
    return -1;
  *out_created = op.created;
  return op.seq;
}

/**
 * mmx_server_store_list_uploads:
 * @self: a store
 * @account_id: the account
 * @after: list those with a greater sequence number
 * @limit: at most this many
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type MmxUploadInfo): the batches in
 *   order, or %NULL with @error set
 */
GPtrArray *
mmx_server_store_list_uploads (MmxServerStore  *self,
                               const char      *account_id,
                               gint64           after,
                               guint            limit,
                               GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;
  g_autoptr(GPtrArray) uploads = NULL;

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!acquire (self, &lease, error))
    return NULL;
  rows = mmx_db_connection_query (lease.db, error,
                                  "SELECT sha256, seq, size, created FROM upload "
                                  "WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                                  MMX_DB_TEXT, account_id, MMX_DB_INT, after,
                                  MMX_DB_INT, (gint64) limit, MMX_DB_END);
  if (rows == NULL)
    return NULL;
  uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_upload_info_free);
  for (guint r = 0; r < mmx_db_rows_get_n_rows (rows); r++)
    {
      MmxUploadInfo *info = g_new0 (MmxUploadInfo, 1);

      info->sha256 = g_strdup (mmx_db_rows_get_text (rows, r, 0));
      info->seq = mmx_db_rows_get_int (rows, r, 1);
      info->size = mmx_db_rows_get_int (rows, r, 2);
      info->created = mmx_db_rows_get_int (rows, r, 3);
      g_ptr_array_add (uploads, info);
    }
  return g_steal_pointer (&uploads);
}

/**
 * mmx_server_store_get_upload:
 * @self: a store
 * @account_id: the account
 * @sha256: the batch's hash
 * @out_seq: (out) (optional): its sequence number
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the batch, or %NULL with @error set
 */
GBytes *
mmx_server_store_get_upload (MmxServerStore  *self,
                             const char      *account_id,
                             const char      *sha256,
                             gint64          *out_seq,
                             GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!acquire (self, &lease, error))
    return NULL;
  rows = mmx_db_connection_query (lease.db, error,
                                  "SELECT data, seq FROM upload WHERE account_id = ? AND sha256 = ?",
                                  MMX_DB_TEXT, account_id, MMX_DB_TEXT, sha256, MMX_DB_END);
  if (rows == NULL)
    return NULL;
  if (mmx_db_rows_get_n_rows (rows) == 0)
    {
      not_found (error, "upload");
      return NULL;
    }
  if (out_seq != NULL)
    *out_seq = mmx_db_rows_get_int (rows, 0, 1);
  return mmx_db_rows_get_blob (rows, 0, 0);
}

static MmxMetadata *
metadata_from_row (MmxDbRows *rows,
                   guint      row)
{
  MmxMetadata *metadata = g_new0 (MmxMetadata, 1);

  metadata->key = g_strdup (mmx_db_rows_get_text (rows, row, 0));
  metadata->version = mmx_db_rows_get_int (rows, row, 1);
  metadata->value = g_strdup (mmx_db_rows_get_text (rows, row, 2));
  metadata->updated = mmx_db_rows_get_int (rows, row, 3);
  return metadata;
}

/**
 * mmx_server_store_list_metadata:
 * @self: a store
 * @account_id: the account
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type MmxMetadata): the account's
 *   metadata by key, or %NULL with @error set
 */
GPtrArray *
mmx_server_store_list_metadata (MmxServerStore  *self,
                                const char      *account_id,
                                GError         **error)
{
  g_auto(Lease) lease = { 0 };
  g_autoptr(MmxDbRows) rows = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!acquire (self, &lease, error))
    return NULL;
  rows = mmx_db_connection_query (lease.db, error,
                                  "SELECT key, version, value, updated FROM metadata "
                                  "WHERE account_id = ? ORDER BY key",
                                  MMX_DB_TEXT, account_id, MMX_DB_END);
  if (rows == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_metadata_free);
  for (guint r = 0; r < mmx_db_rows_get_n_rows (rows); r++)
    g_ptr_array_add (list, metadata_from_row (rows, r));
  return g_steal_pointer (&list);
}

static MmxMetadata *
query_metadata (MmxDbConnection  *db,
                const char       *account_id,
                const char       *key,
                GError          **error)
{
  g_autoptr(MmxDbRows) rows = NULL;

  rows = mmx_db_connection_query (db, error,
                                  "SELECT key, version, value, updated FROM metadata "
                                  "WHERE account_id = ? AND key = ?",
                                  MMX_DB_TEXT, account_id, MMX_DB_TEXT, key, MMX_DB_END);
  if (rows == NULL)
    return NULL;
  if (mmx_db_rows_get_n_rows (rows) == 0)
    {
      not_found (error, "metadata");
      return NULL;
    }
  return metadata_from_row (rows, 0);
}

MmxMetadata *
mmx_server_store_get_metadata (MmxServerStore  *self,
                               const char      *account_id,
                               const char      *key,
                               GError         **error)
{
  g_auto(Lease) lease = { 0 };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (!acquire (self, &lease, error))
    return NULL;
  return query_metadata (lease.db, account_id, key, error);
}

typedef struct
{
  const char  *account_id;
  const char  *key;
  gint64       expected_version;
  const char  *value;
  gint64       now;
  MmxMetadata *stored;
  MmxMetadata *current;
} PutMetadata;

static gboolean
put_metadata_cb (MmxDbConnection  *db,
                 gpointer          data,
                 GError          **error)
{
  PutMetadata *op = data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(MmxMetadata) current = NULL;
  g_autoptr(MmxDbRows) count = NULL;
  g_autoptr(MmxDbRows) rows = NULL;
  gint64 version;

  g_clear_pointer (&op->stored, mmx_metadata_free);
  g_clear_pointer (&op->current, mmx_metadata_free);
  current = query_metadata (db, op->account_id, op->key, &local_error);
  if (current == NULL
      && !g_error_matches (local_error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  version = current != NULL ? current->version : 0;
  if (version != op->expected_version)
    {
      op->current = g_steal_pointer (&current);
      g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_CONFLICT,
                   "The stored version is %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT ".",
                   version, op->expected_version);
      return FALSE;
    }

  if (current == NULL)
    {
      count = mmx_db_connection_query (db, error,
                                       "SELECT count(*) FROM metadata WHERE account_id = ?",
                                       MMX_DB_TEXT, op->account_id, MMX_DB_END);
      if (count == NULL)
        return FALSE;
      if (mmx_db_rows_get_int (count, 0, 0) >= MAX_METADATA_KEYS)
        {
          g_set_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_QUOTA,
                       "An account keeps at most %d metadata keys.", MAX_METADATA_KEYS);
          return FALSE;
        }
    }

  rows = mmx_db_connection_query (db, error,
                                  "INSERT INTO metadata (account_id, key, version, value, updated) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, key) DO UPDATE SET "
                                  "version = excluded.version, value = excluded.value, "
                                  "updated = excluded.updated "
                                  "RETURNING key, version, value, updated",
                                  MMX_DB_TEXT, op->account_id, MMX_DB_TEXT, op->key,
                                  MMX_DB_INT, version + 1, MMX_DB_TEXT, op->value,
                                  MMX_DB_INT, op->now, MMX_DB_END);
  if (rows == NULL)
    return FALSE;
  op->stored = metadata_from_row (rows, 0);
  return TRUE;
}

/**
 * mmx_server_store_put_metadata:
 * @self: a store
 * @account_id: the account
 * @key: the metadata's name
 * @expected_version: the version the client changed; 0 to create it
 * @value: the new value, JSON text
 * @now: the time
 * @out_current: (out) (transfer full) (optional): on a conflict, what is
 *   stored (%NULL when nothing is)
 * @error: a location for a #GError
 *
 * Compare and swap: the value is stored only when the stored version is
 * @expected_version; its version then goes up by one.
 *
 * Returns: (transfer full): what is now stored, or %NULL with @error set
 *   (%MMX_SERVER_STORE_ERROR_CONFLICT on another version)
 */
MmxMetadata *
mmx_server_store_put_metadata (MmxServerStore  *self,
                               const char      *account_id,
                               const char      *key,
                               gint64           expected_version,
                               const char      *value,
                               gint64           now,
                               MmxMetadata    **out_current,
                               GError         **error)
{
  PutMetadata op = { account_id, key, expected_version, value, now, NULL, NULL };

  g_return_val_if_fail (MMX_IS_SERVER_STORE (self), NULL);

  if (out_current != NULL)
    *out_current = NULL;
  if (!run_write (self, put_metadata_cb, &op, error))
    {
      if (out_current != NULL)
        *out_current = g_steal_pointer (&op.current);
      mmx_metadata_free (op.current);
      mmx_metadata_free (op.stored);
      return NULL;
    }
  mmx_metadata_free (op.current);
  return op.stored;
}
