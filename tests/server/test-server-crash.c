/* test-server-crash.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "mmx-machine-fingerprint.h"
#include "mmx-secret.h"
#include "mmx-test-server.h"

/* Crash safety: the server is killed with SIGKILL in the middle of
 * signups, refresh rotations and activations, again and again. After
 * every kill the SQLite file passes PRAGMA integrity_check and holds
 * every write the server had acknowledged. */

#define CYCLES 50
#define WORKERS 3
/* A broken build fails, not hangs. */
#define PROGRESS_DEADLINE_SECONDS 60

typedef struct
{
  MmxTestServer *server;
  GMutex         lock;
  GPtrArray     *emails;
  GPtrArray     *refresh_hashes;
  GPtrArray     *machines;
  char          *license_key;
  gint           stop;
  guint          cycle;
} Crash;

typedef struct
{
  Crash *crash;
  guint  index;
  char  *email;
  char  *access;
  char  *refresh;
  guint  counter;
} Worker;

static void
acknowledge (Crash     *crash,
             GPtrArray *list,
             char      *value)
{
  g_mutex_lock (&crash->lock);
  g_ptr_array_add (list, value);
  g_mutex_unlock (&crash->lock);
}

/* Logs the worker's account in again, after a crash revoked its family. */
static gboolean
log_in (Worker *worker)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", worker->email,
                                           MMX_TEST_PASSWORD);
  g_autoptr(MmxTestResponse) response = mmx_test_try_json (worker->crash->server, "POST",
                                                           "/v1/auth/login", NULL, body);

  if (response == NULL || response->status != 200)
    return FALSE;
  g_free (worker->access);
  g_free (worker->refresh);
  worker->access = g_strdup (mmx_test_response_string (response, "access_token"));
  worker->refresh = g_strdup (mmx_test_response_string (response, "refresh_token"));
  return TRUE;
}

static void
sign_up (Worker *worker)
{
  Crash *crash = worker->crash;
  g_autofree char *email = g_strdup_printf ("c%u-w%u-%u@example.com", crash->cycle, worker->index,
                                            worker->counter++);
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email,
                                           MMX_TEST_PASSWORD);
  g_autoptr(MmxTestResponse) response = mmx_test_try_json (crash->server, "POST",
                                                           "/v1/auth/signup", NULL, body);

  if (response != NULL && response->status == 201)
    acknowledge (crash, crash->emails, g_steal_pointer (&email));
}

static void
rotate (Worker *worker)
{
  Crash *crash = worker->crash;
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", worker->refresh);
  g_autoptr(MmxTestResponse) response = mmx_test_try_json (crash->server, "POST",
                                                           "/v1/auth/refresh", NULL, body);

  if (response == NULL)
    return;
  if (response->status != 200)
    {
      /* A rotation the kill cut off after its commit makes this token a
       * reused one: that family is gone, start another. */
      log_in (worker);
      return;
    }
  g_free (worker->refresh);
  worker->refresh = g_strdup (mmx_test_response_string (response, "refresh_token"));
  acknowledge (crash, crash->refresh_hashes, mmx_secret_hash (worker->refresh));
}

static void
activate (Worker *worker)
{
  Crash *crash = worker->crash;
  g_autofree char *id = g_strdup_printf ("%08x%08x%016x", crash->cycle, worker->index,
                                         worker->counter++);
  g_autofree char *machine = mmx_machine_fingerprint_for_id (id, NULL);
  g_autofree char *body = g_strdup_printf ("{\"license_key\":\"%s\",\"machine\":\"%s\"}",
                                           crash->license_key, machine);
  g_autoptr(MmxTestResponse) response = mmx_test_try_json (crash->server, "POST",
                                                           "/v1/licenses/activate", worker->access,
                                                           body);

  if (response != NULL && response->status == 200)
    acknowledge (crash, crash->machines, g_steal_pointer (&machine));
  else if (response != NULL && response->status == 401)
    log_in (worker);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  for (guint i = 0; !g_atomic_int_get (&worker->crash->stop); i++)
    switch (i % 3)
      {
      case 0:
        sign_up (worker);
        break;
      case 1:
        rotate (worker);
        break;
      default:
        activate (worker);
        break;
      }
  return NULL;
}

static gint64
count (sqlite3    *db,
       const char *sql,
       const char *value)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
check_database (Crash *crash)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (crash->server->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  for (guint i = 0; i < crash->emails->len; i++)
    g_assert_cmpint (count (db, "SELECT count(*) FROM account WHERE email = ?",
                            g_ptr_array_index (crash->emails, i)), ==, 1);
  for (guint i = 0; i < crash->refresh_hashes->len; i++)
    g_assert_cmpint (count (db, "SELECT count(*) FROM refresh_token WHERE token_hash = ?",
                            g_ptr_array_index (crash->refresh_hashes, i)), ==, 1);
  for (guint i = 0; i < crash->machines->len; i++)
    g_assert_cmpint (count (db, "SELECT count(*) FROM activation WHERE machine = ?",
                            g_ptr_array_index (crash->machines, i)), ==, 1);
  sqlite3_close (db);
}

static guint
acknowledged (Crash     *crash,
              GPtrArray *list)
{
  guint n;

  g_mutex_lock (&crash->lock);
  n = list->len;
  g_mutex_unlock (&crash->lock);
  return n;
}

static void
wait_for_progress (Crash *crash)
{
  guint emails = acknowledged (crash, crash->emails);
  guint rotations = acknowledged (crash, crash->refresh_hashes);
  guint machines = acknowledged (crash, crash->machines);
  gint64 deadline = g_get_monotonic_time () + PROGRESS_DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (acknowledged (crash, crash->emails) == emails
         || acknowledged (crash, crash->refresh_hashes) == rotations
         || acknowledged (crash, crash->machines) == machines)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The server made no progress in %d s", PROGRESS_DEADLINE_SECONDS);
      g_usleep (2000);
    }
}

static void
test_kill_loop (void)
{
  Crash crash = { 0 };
  Worker workers[WORKERS];
  GThread *threads[WORKERS];

  crash.server = mmx_test_server_new ();
  g_mutex_init (&crash.lock);
  crash.emails = g_ptr_array_new_with_free_func (g_free);
  crash.refresh_hashes = g_ptr_array_new_with_free_func (g_free);
  crash.machines = g_ptr_array_new_with_free_func (g_free);
  crash.license_key = mmx_test_create_license (crash.server, "owner@example.com", 1000);

  mmx_test_server_start (crash.server, NULL);
  for (guint w = 0; w < WORKERS; w++)
    {
      workers[w] = (Worker) { &crash, w, NULL, NULL, NULL, 0 };
      /* Each worker rotates and activates as the license's owner. */
      if (w == 0)
        mmx_test_signup (crash.server, "owner@example.com", &workers[w].access, &workers[w].refresh);
      workers[w].email = g_strdup ("owner@example.com");
      if (w > 0)
        g_assert_true (log_in (&workers[w]));
    }

  for (crash.cycle = 0; crash.cycle < CYCLES; crash.cycle++)
    {
      if (crash.server->process == NULL)
        mmx_test_server_start (crash.server, NULL);
      g_atomic_int_set (&crash.stop, 0);
      for (guint w = 0; w < WORKERS; w++)
        threads[w] = g_thread_new ("worker", worker_thread, &workers[w]);
      /* Once each kind of write went through in this cycle, so the
       * writes are flowing, whatever the build's speed: then at a random
       * moment, mid-write. */
      wait_for_progress (&crash);
      g_usleep (g_test_rand_int_range (0, 100) * 1000);
      mmx_test_server_kill (crash.server);
      g_atomic_int_set (&crash.stop, 1);
      for (guint w = 0; w < WORKERS; w++)
        g_thread_join (threads[w]);
      check_database (&crash);
    }

  g_test_message ("%u cycles: %u signups, %u rotations, %u activations acknowledged and kept",
                  CYCLES, crash.emails->len, crash.refresh_hashes->len, crash.machines->len);
  g_assert_cmpuint (crash.emails->len, >=, CYCLES);
  g_assert_cmpuint (crash.refresh_hashes->len, >=, CYCLES);
  g_assert_cmpuint (crash.machines->len, >=, CYCLES);

  for (guint w = 0; w < WORKERS; w++)
    {
      g_free (workers[w].email);
      g_free (workers[w].access);
      g_free (workers[w].refresh);
    }
  g_ptr_array_unref (crash.emails);
  g_ptr_array_unref (crash.refresh_hashes);
  g_ptr_array_unref (crash.machines);
  g_free (crash.license_key);
  g_mutex_clear (&crash.lock);
  mmx_test_server_free (crash.server);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/server/crash/kill-loop", test_kill_loop);

  return g_test_run ();
}
