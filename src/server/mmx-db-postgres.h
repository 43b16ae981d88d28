/* mmx-db-postgres.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-db-connection.h"

G_BEGIN_DECLS

#define MMX_TYPE_DB_POSTGRES (mmx_db_postgres_get_type ())

G_DECLARE_FINAL_TYPE (MmxDbPostgres, mmx_db_postgres, MMX, DB_POSTGRES, MmxDbConnection)

MmxDbConnection *mmx_db_postgres_open (const char  *url,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
