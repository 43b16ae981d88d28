/* mmx-db-sqlite.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-db-connection.h"

G_BEGIN_DECLS

#define MMX_TYPE_DB_SQLITE (mmx_db_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (MmxDbSqlite, mmx_db_sqlite, MMX, DB_SQLITE, MmxDbConnection)

MmxDbConnection *mmx_db_sqlite_open (const char  *path,
                                     GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
