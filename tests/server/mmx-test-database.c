/* mmx-test-database.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include "mmx-test-database.h"

/* The server suites run on SQLite, and on PostgreSQL when with-postgres.sh
 * gives them a cluster: each test then gets a database of its own. */

gboolean
mmx_test_database_is_postgres (void)
{
  return g_getenv ("MMX_TEST_POSTGRES_URL") != NULL;
}

/**
 * mmx_test_database_new:
 * @dir: the test's folder
 *
 * Returns: (transfer full): a new, empty database for the server: a file
 *   in @dir, or a `postgres://` URL
 */
char *
mmx_test_database_new (const char *dir)
{
  const char *url = g_getenv ("MMX_TEST_POSTGRES_URL");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *base = NULL;
  PGconn *conn;
  PGresult *result;

  if (url == NULL)
    return g_build_filename (dir, "server.db", NULL);

  name = g_strdup_printf ("mmx_test_%08x%08x", g_random_int (), g_random_int ());
  conn = PQconnectdb (url);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot reach the test cluster at %s: %s", url, PQerrorMessage (conn));
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("Cannot create a test database: %s", PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);

  base = g_strndup (url, g_strrstr (url, "/") - url);
  return g_strdup_printf ("%s/%s", base, name);
}
