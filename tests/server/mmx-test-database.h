/* mmx-test-database.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  mmx_test_database_is_postgres (void);
char     *mmx_test_database_new         (const char *dir) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
