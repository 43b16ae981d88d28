/* mmx-server-schema.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-db-connection.h"

G_BEGIN_DECLS

int      mmx_server_schema_get_latest_version (void);
gboolean mmx_server_schema_migrate            (MmxDbConnection  *db,
                                               GError          **error);

G_END_DECLS
