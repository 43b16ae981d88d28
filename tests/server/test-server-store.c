/* test-server-store.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "mmx-server-schema.h"
#include "mmx-server-store.h"
#include "mmx-test-database.h"
#include "mmx-test-utils.h"

/* The conformance suite of the storage interface: the same tests run on
 * SQLite and, under with-postgres.sh, on PostgreSQL. */

#define NOW 1780000000
#define DAY (24 * 3600)

typedef struct
{
  char           *dir;
  char           *location;
  MmxServerStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = mmx_test_make_dir ();
  fixture->location = mmx_test_database_new (fixture->dir);
  fixture->store = mmx_server_store_open (fixture->location, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mmx_server_store_get_dialect (fixture->store), ==,
                   mmx_test_database_is_postgres () ? "postgresql" : "sqlite");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  mmx_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->location, g_free);
}

static char *
create_account (Fixture    *fixture,
                const char *email)
{
  g_autoptr(GError) error = NULL;
  char *id = mmx_server_store_create_account (fixture->store, email, "$argon2id$hash", NOW, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (id, "acc_"));
  return id;
}

static void
test_accounts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = create_account (fixture, "ann@example.com");
  g_autofree char *again = NULL;
  g_autoptr(MmxAccount) found = NULL;
  g_autoptr(MmxAccount) by_id = NULL;
  g_autoptr(MmxAccount) missing = NULL;
  g_autoptr(MmxAccount) changed = NULL;

  g_assert_true (mmx_server_store_ping (fixture->store, &error));

  again = mmx_server_store_create_account (fixture->store, "ann@example.com", "x", NOW, &error);
  g_assert_null (again);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  found = mmx_server_store_find_account (fixture->store, "ann@example.com", NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, id);
  g_assert_cmpstr (found->email, ==, "ann@example.com");
  g_assert_cmpstr (found->password_hash, ==, "$argon2id$hash");
  g_assert_cmpstr (found->tier, ==, "free");
  g_assert_cmpint (found->created, ==, NOW);

  by_id = mmx_server_store_get_account (fixture->store, id, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id->email, ==, "ann@example.com");

  missing = mmx_server_store_find_account (fixture->store, "bob@example.com", NOW, &error);
  g_assert_null (missing);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Ids and addresses are values, never SQL. */
  missing = mmx_server_store_get_account (fixture->store, "' OR '1'='1", NOW, &error);
  g_assert_null (missing);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (mmx_server_store_set_password_hash (fixture->store, id, "$argon2id$new", FALSE,
                                                     &error));
  changed = mmx_server_store_get_account (fixture->store, id, NOW, &error);
  g_assert_cmpstr (changed->password_hash, ==, "$argon2id$new");
  g_assert_false (mmx_server_store_set_password_hash (fixture->store, "acc_none", "x", FALSE,
                                                      &error));
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (mmx_server_store_delete_account (fixture->store, id, NOW, &error));
  g_assert_false (mmx_server_store_delete_account (fixture->store, id, NOW, &error));
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  const MmxLockoutPolicy policy = { 3, 2, 16 };
  static const gint64 expected[] = { 0, 0, 0, 2, 4, 8, 16, 16 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mmx_server_store_get_lockout (fixture->store, "x@example.com", &error), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint64 until = mmx_server_store_record_login_failure (fixture->store, "x@example.com",
                                                            NOW + i, &policy, &error);

      g_assert_no_error (error);
      g_assert_cmpint (until, ==, expected[i] == 0 ? 0 : NOW + i + expected[i]);
    }
  g_assert_cmpint (mmx_server_store_get_lockout (fixture->store, "x@example.com", &error), ==,
                   NOW + 7 + 16);
  /* Another address is not affected. */
  g_assert_cmpint (mmx_server_store_get_lockout (fixture->store, "y@example.com", &error), ==, 0);

  /* A day later the failures are forgotten. */
  g_assert_cmpint (mmx_server_store_record_login_failure (fixture->store, "x@example.com",
                                                          NOW + 2 * DAY, &policy, &error), ==, 0);

  g_assert_true (mmx_server_store_clear_login_failures (fixture->store, "x@example.com", &error));
  g_assert_cmpint (mmx_server_store_get_lockout (fixture->store, "x@example.com", &error), ==, 0);
  g_assert_no_error (error);
}

static MmxRefreshOutcome
rotate (Fixture     *fixture,
        const char  *token,
        const char  *next,
        gint64       now,
        char       **out_account)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  MmxRefreshOutcome outcome = mmx_server_store_rotate_refresh_token (fixture->store, token, next,
                                                                     now, &account, &error);

  g_assert_no_error (error);
  if (out_account != NULL)
    *out_account = g_steal_pointer (&account);
  return outcome;
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = create_account (fixture, "ann@example.com");
  g_autofree char *bob = create_account (fixture, "bob@example.com");
  g_autofree char *owner = NULL;

  g_assert_true (mmx_server_store_create_refresh_family (fixture->store, ann, "h1", NOW,
                                                         NOW + 60 * DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rotate (fixture, "h1", "h2", NOW + 1, &owner), ==, MMX_REFRESH_ROTATED);
  g_assert_cmpstr (owner, ==, ann);
  g_assert_cmpint (rotate (fixture, "h2", "h3", NOW + 2, NULL), ==, MMX_REFRESH_ROTATED);
  g_assert_cmpint (rotate (fixture, "nope", "x", NOW + 2, NULL), ==, MMX_REFRESH_UNKNOWN);

  /* h1 again: stolen. The whole family ends, h3 with it. */
  g_assert_cmpint (rotate (fixture, "h1", "h4", NOW + 3, NULL), ==, MMX_REFRESH_REUSED);
  g_assert_cmpint (rotate (fixture, "h3", "h5", NOW + 4, NULL), ==, MMX_REFRESH_UNKNOWN);

  /* A family ends at its absolute lifetime, however often rotated. */
  g_assert_true (mmx_server_store_create_refresh_family (fixture->store, ann, "e1", NOW,
                                                         NOW + 10, &error));
  g_assert_cmpint (rotate (fixture, "e1", "e2", NOW + 5, NULL), ==, MMX_REFRESH_ROTATED);
  g_assert_cmpint (rotate (fixture, "e2", "e3", NOW + 10, NULL), ==, MMX_REFRESH_EXPIRED);

  /* Logging out ends a family, but only one's own. */
  g_assert_true (mmx_server_store_create_refresh_family (fixture->store, ann, "l1", NOW,
                                                         NOW + 60 * DAY, &error));
  g_assert_false (mmx_server_store_revoke_refresh_family (fixture->store, bob, "l1", NOW, &error));
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (mmx_server_store_revoke_refresh_family (fixture->store, ann, "l1", NOW, &error));
  g_assert_cmpint (rotate (fixture, "l1", "l2", NOW + 1, NULL), ==, MMX_REFRESH_UNKNOWN);

  /* A new password ends every session; a rehash does not. */
  g_assert_true (mmx_server_store_create_refresh_family (fixture->store, ann, "p1", NOW,
                                                         NOW + 60 * DAY, &error));
  g_assert_true (mmx_server_store_create_refresh_family (fixture->store, bob, "b1", NOW,
                                                         NOW + 60 * DAY, &error));
  g_assert_true (mmx_server_store_set_password_hash (fixture->store, ann, "rehash", FALSE, &error));
  g_assert_cmpint (rotate (fixture, "p1", "p2", NOW + 1, NULL), ==, MMX_REFRESH_ROTATED);
  g_assert_true (mmx_server_store_set_password_hash (fixture->store, ann, "new", TRUE, &error));
  g_assert_cmpint (rotate (fixture, "p2", "p3", NOW + 2, NULL), ==, MMX_REFRESH_UNKNOWN);
  g_assert_cmpint (rotate (fixture, "b1", "b2", NOW + 2, NULL), ==, MMX_REFRESH_ROTATED);
  g_assert_no_error (error);
}

static char *
create_license (Fixture    *fixture,
                const char *key_hash,
                const char *email,
                gint64      seats,
                gint64      expires)
{
  g_autoptr(GError) error = NULL;
  char *id = mmx_server_store_create_license (fixture->store, key_hash, email, "premium", seats,
                                              NOW, expires, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (id, "lic_"));
  return id;
}

static void
expect_activation_error (Fixture    *fixture,
                         const char *key_hash,
                         const char *account,
                         const char *machine,
                         int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxActivation) activation = mmx_server_store_activate_license (fixture->store,
                                                                           key_hash, account,
                                                                           machine, NOW, &error);

  g_assert_null (activation);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, code);
}

static void
test_licenses (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = create_account (fixture, "ann@example.com");
  g_autofree char *bob = create_account (fixture, "bob@example.com");
  g_autofree char *license = create_license (fixture, "k1", "ann@example.com", 2, NOW + 365 * DAY);
  g_autofree char *ended = create_license (fixture, "k2", "ann@example.com", 2, NOW - 1);
  g_autoptr(MmxActivation) first = NULL;
  g_autoptr(MmxActivation) renewed = NULL;
  g_autoptr(MmxActivation) second = NULL;
  g_autoptr(GPtrArray) licenses = NULL;
  g_autoptr(GPtrArray) activations = NULL;
  g_autoptr(MmxAccount) account = NULL;
  MmxLicenseRecord *record;

  first = mmx_server_store_activate_license (fixture->store, "k1", ann, "m1", NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->license_id, ==, license);
  g_assert_cmpstr (first->tier, ==, "premium");
  g_assert_cmpstr (first->machine, ==, "m1");
  g_assert_cmpint (first->seats, ==, 2);
  g_assert_cmpint (first->license_expires, ==, NOW + 365 * DAY);

  account = mmx_server_store_get_account (fixture->store, ann, NOW, &error);
  g_assert_cmpstr (account->tier, ==, "premium");
  g_clear_pointer (&account, mmx_account_free);

  /* The same machine renews its seat. */
  renewed = mmx_server_store_activate_license (fixture->store, "k1", ann, "m1", NOW + 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (renewed->activated, ==, NOW);
  g_assert_cmpint (renewed->last_issued, ==, NOW + 5);
  second = mmx_server_store_activate_license (fixture->store, "k1", ann, "m2", NOW, &error);
  g_assert_no_error (error);
  expect_activation_error (fixture, "k1", ann, "m3", MMX_SERVER_STORE_ERROR_SEATS_FULL);
  expect_activation_error (fixture, "k1", bob, "m9", MMX_SERVER_STORE_ERROR_FORBIDDEN);
  expect_activation_error (fixture, "nope", ann, "m1", MMX_SERVER_STORE_ERROR_NOT_FOUND);
  expect_activation_error (fixture, "k2", ann, "m1", MMX_SERVER_STORE_ERROR_REVOKED);

  licenses = mmx_server_store_list_licenses (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (licenses->len, ==, 2);
  record = g_ptr_array_index (licenses, 0);
  g_assert_true (g_str_equal (record->id, license) || g_str_equal (record->id, ended));
  for (guint i = 0; i < licenses->len; i++)
    {
      record = g_ptr_array_index (licenses, i);
      g_assert_cmpstr (record->email, ==, "ann@example.com");
      g_assert_cmpint (record->seats_used, ==, g_str_equal (record->id, license) ? 2 : 0);
    }

  activations = mmx_server_store_list_activations (fixture->store, ann, &error);
  g_assert_cmpint (activations->len, ==, 2);
  g_clear_pointer (&activations, g_ptr_array_unref);
  activations = mmx_server_store_list_activations (fixture->store, bob, &error);
  g_assert_cmpint (activations->len, ==, 0);
  g_clear_pointer (&activations, g_ptr_array_unref);

  /* Deactivation: only one's own, and at most as often as there are seats
   * in the window. */
  g_assert_false (mmx_server_store_deactivate_license (fixture->store, bob, license, "m1", NOW,
                                                       30 * DAY, &error));
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (mmx_server_store_deactivate_license (fixture->store, ann, license, "m1", NOW,
                                                      30 * DAY, &error));
  g_assert_no_error (error);
  g_clear_pointer (&second, mmx_activation_free);
  second = mmx_server_store_activate_license (fixture->store, "k1", ann, "m3", NOW, &error);
  g_assert_no_error (error);
  g_assert_true (mmx_server_store_deactivate_license (fixture->store, ann, license, "m3", NOW,
                                                      30 * DAY, &error));
  g_clear_pointer (&second, mmx_activation_free);
  second = mmx_server_store_activate_license (fixture->store, "k1", ann, "m4", NOW, &error);
  g_assert_false (mmx_server_store_deactivate_license (fixture->store, ann, license, "m4", NOW,
                                                       30 * DAY, &error));
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_LIMIT);
  g_clear_error (&error);
  g_assert_true (mmx_server_store_deactivate_license (fixture->store, ann, license, "m4",
                                                      NOW + 31 * DAY, 30 * DAY, &error));

  /* Revoked: no new activation, and the account is free again. */
  g_assert_true (mmx_server_store_revoke_license (fixture->store, license, NOW, &error));
  expect_activation_error (fixture, "k1", ann, "m5", MMX_SERVER_STORE_ERROR_REVOKED);
  account = mmx_server_store_get_account (fixture->store, ann, NOW, &error);
  g_assert_cmpstr (account->tier, ==, "free");
  g_assert_false (mmx_server_store_revoke_license (fixture->store, "lic_none", NOW, &error));
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
}

typedef struct
{
  MmxServerStore *store;
  const char     *account;
  guint           index;
  gint           *succeeded;
  gint           *full;
} Racer;

static gpointer
race_worker (gpointer data)
{
  Racer *racer = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *machine = g_strdup_printf ("machine-%u", racer->index);
  g_autoptr(MmxActivation) activation = mmx_server_store_activate_license (racer->store, "race",
                                                                           racer->account,
                                                                           machine, NOW, &error);

  if (activation != NULL)
    g_atomic_int_inc (racer->succeeded);
  else if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_SEATS_FULL))
    g_atomic_int_inc (racer->full);
  else
    g_error ("Unexpected: %s", error->message);
  return NULL;
}

static void
test_seat_race (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *ann = create_account (fixture, "ann@example.com");
  g_autofree char *license = create_license (fixture, "race", "ann@example.com", 3,
                                             NOW + 365 * DAY);
  GThread *threads[12];
  Racer racers[G_N_ELEMENTS (threads)];
  gint succeeded = 0;
  gint full = 0;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      racers[i] = (Racer) { fixture->store, ann, i, &succeeded, &full };
      threads[i] = g_thread_new ("racer", race_worker, &racers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (succeeded, ==, 3);
  g_assert_cmpint (full, ==, G_N_ELEMENTS (threads) - 3);
}

static void
test_uploads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = create_account (fixture, "ann@example.com");
  g_autofree char *bob = create_account (fixture, "bob@example.com");
  g_autoptr(GBytes) a = g_bytes_new_static ("first\0batch", 11);
  g_autoptr(GBytes) b = g_bytes_new_static ("second", 6);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean created = FALSE;
  gint64 seq = 0;
  MmxUploadInfo *info;

  g_assert_cmpint (mmx_server_store_put_upload (fixture->store, ann, "sha-a", a, NOW, 1000,
                                                &created, &error), ==, 1);
  g_assert_true (created);
  g_assert_cmpint (mmx_server_store_put_upload (fixture->store, ann, "sha-a", a, NOW, 1000,
                                                &created, &error), ==, 1);
  g_assert_false (created);
  g_assert_cmpint (mmx_server_store_put_upload (fixture->store, ann, "sha-b", b, NOW + 1, 1000,
                                                &created, &error), ==, 2);
  g_assert_cmpint (mmx_server_store_put_upload (fixture->store, ann, "sha-e", empty, NOW + 2, 1000,
                                                &created, &error), ==, 3);
  /* Sequence numbers are per account. */
  g_assert_cmpint (mmx_server_store_put_upload (fixture->store, bob, "sha-b", b, NOW, 1000,
                                                &created, &error), ==, 1);
  g_assert_no_error (error);

  g_assert_cmpint (mmx_server_store_put_upload (fixture->store, bob, "sha-big", a, NOW, 10,
                                                &created, &error), ==, -1);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_QUOTA);
  g_clear_error (&error);

  list = mmx_server_store_list_uploads (fixture->store, ann, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->len, ==, 3);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->sha256, ==, "sha-a");
  g_assert_cmpint (info->seq, ==, 1);
  g_assert_cmpint (info->size, ==, 11);
  g_assert_cmpint (info->created, ==, NOW);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mmx_server_store_list_uploads (fixture->store, ann, 1, 1, &error);
  g_assert_cmpint (list->len, ==, 1);
  g_assert_cmpstr (((MmxUploadInfo *) g_ptr_array_index (list, 0))->sha256, ==, "sha-b");

  read = mmx_server_store_get_upload (fixture->store, ann, "sha-a", &seq, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, a));
  g_assert_cmpint (seq, ==, 1);
  g_clear_pointer (&read, g_bytes_unref);
  read = mmx_server_store_get_upload (fixture->store, ann, "sha-e", NULL, &error);
  g_assert_cmpint (g_bytes_get_size (read), ==, 0);
  g_clear_pointer (&read, g_bytes_unref);

  /* Bob cannot read Ann's batch, whatever hash he names. */
  read = mmx_server_store_get_upload (fixture->store, bob, "sha-a", NULL, &error);
  g_assert_null (read);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the account deletes its batches. */
  g_assert_true (mmx_server_store_delete_account (fixture->store, ann, NOW, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mmx_server_store_list_uploads (fixture->store, ann, 0, 100, &error);
  g_assert_cmpint (list->len, ==, 0);
}

static void
test_metadata (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = create_account (fixture, "ann@example.com");
  g_autofree char *bob = create_account (fixture, "bob@example.com");
  g_autoptr(MmxMetadata) stored = NULL;
  g_autoptr(MmxMetadata) current = NULL;
  g_autoptr(GPtrArray) list = NULL;

  stored = mmx_server_store_put_metadata (fixture->store, ann, "channel-mappings", 0, "{\"a\":1}",
                                          NOW, &current, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpstr (stored->value, ==, "{\"a\":1}");
  g_clear_pointer (&stored, mmx_metadata_free);

  /* A second writer that also saw nothing loses, and learns what won. */
  stored = mmx_server_store_put_metadata (fixture->store, ann, "channel-mappings", 0, "{\"b\":2}",
                                          NOW, &current, &error);
  g_assert_null (stored);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (current->version, ==, 1);
  g_assert_cmpstr (current->value, ==, "{\"a\":1}");
  g_clear_pointer (&current, mmx_metadata_free);

  stored = mmx_server_store_put_metadata (fixture->store, ann, "channel-mappings", 1, "{\"c\":3}",
                                          NOW + 1, &current, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 2);
  g_assert_cmpint (stored->updated, ==, NOW + 1);
  g_clear_pointer (&stored, mmx_metadata_free);

  stored = mmx_server_store_put_metadata (fixture->store, ann, "absent", 4, "{}", NOW, &current,
                                          &error);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_CONFLICT);
  g_assert_null (current);
  g_clear_error (&error);

  stored = mmx_server_store_get_metadata (fixture->store, ann, "channel-mappings", &error);
  g_assert_cmpstr (stored->value, ==, "{\"c\":3}");
  g_clear_pointer (&stored, mmx_metadata_free);
  stored = mmx_server_store_get_metadata (fixture->store, bob, "channel-mappings", &error);
  g_assert_null (stored);
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Bob's own key of the same name is his. */
  stored = mmx_server_store_put_metadata (fixture->store, bob, "channel-mappings", 0, "[]", NOW,
                                          NULL, &error);
  g_assert_cmpint (stored->version, ==, 1);

  list = mmx_server_store_list_metadata (fixture->store, ann, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->len, ==, 1);
}

static void
test_delete_frees_seats (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = create_account (fixture, "ann@example.com");
  g_autofree char *license = create_license (fixture, "k", "ann@example.com", 1, NOW + 365 * DAY);
  g_autofree char *again = NULL;
  g_autoptr(MmxActivation) activation = NULL;
  g_autoptr(GPtrArray) licenses = NULL;

  activation = mmx_server_store_activate_license (fixture->store, "k", ann, "m1", NOW, &error);
  g_assert_no_error (error);
  g_assert_true (mmx_server_store_delete_account (fixture->store, ann, NOW, &error));
  licenses = mmx_server_store_list_licenses (fixture->store, &error);
  g_assert_cmpint (((MmxLicenseRecord *) g_ptr_array_index (licenses, 0))->seats_used, ==, 0);

  /* Signing up again gets the seat back, once: the deactivation counts. */
  again = create_account (fixture, "ann@example.com");
  g_clear_pointer (&activation, mmx_activation_free);
  activation = mmx_server_store_activate_license (fixture->store, "k", again, "m2", NOW, &error);
  g_assert_no_error (error);
  g_assert_false (mmx_server_store_deactivate_license (fixture->store, again, license, "m2", NOW,
                                                       30 * DAY, &error));
  g_assert_error (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_LIMIT);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = create_account (fixture, "ann@example.com");
  g_autoptr(MmxServerStore) again = NULL;
  g_autoptr(MmxAccount) account = NULL;

  g_clear_object (&fixture->store);
  again = mmx_server_store_open (fixture->location, 1, &error);
  g_assert_no_error (error);
  account = mmx_server_store_get_account (again, ann, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->email, ==, "ann@example.com");
}

int
main (int    argc,
      char **argv)
{
  const char *prefix = mmx_test_database_is_postgres () ? "/mmx/server/store/postgresql"
                                                        : "/mmx/server/store/sqlite";

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(name, func) \
  G_STMT_START { \
    g_autofree char *path = g_strconcat (prefix, "/", name, NULL); \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
  } G_STMT_END
  ADD ("accounts", test_accounts);
  ADD ("lockout", test_lockout);
  ADD ("refresh", test_refresh);
  ADD ("licenses", test_licenses);
  ADD ("seat-race", test_seat_race);
  ADD ("uploads", test_uploads);
  ADD ("metadata", test_metadata);
  ADD ("delete-frees-seats", test_delete_frees_seats);
  ADD ("reopen", test_reopen);
#undef ADD

  return g_test_run ();
}
