/* mmx-store-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "mmx-store.h"

G_BEGIN_DECLS

/* The reserved channel that holds what a file gives for all channels
 * together; its key can never come out of mmx_channel_name_key(). */
#define MMX_STORE_TOTAL_CHANNEL_KEY "*total"

/* The metric columns, in the order of MmxField from MMX_FIELD_SPEND. */
#define MMX_SQL_METRIC_COLUMNS \
  "spend, revenue, impressions, clicks, conversions, new_customers, returning_customers"

/* The sum of the stored value of column @c and @value, NULL (unknown)
 * only when both are. */
#define MMX_SQL_SUM_NULLABLE_WITH(c, value) \
  "CASE WHEN metric." c " IS NULL AND " value " IS NULL THEN NULL " \
  "ELSE ifnull(metric." c ", 0) + ifnull(" value ", 0) END"

/* The same in an upsert, with the new value. */
#define MMX_SQL_SUM_NULLABLE(c) MMX_SQL_SUM_NULLABLE_WITH (c, "excluded." c)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

int           _mmx_store_get_latest_version  (void);
gboolean      _mmx_store_migrate             (sqlite3        *db,
                                              int             target_version,
                                              GError        **error);
sqlite3      *_mmx_store_get_db              (MmxStore       *self);
gboolean      _mmx_store_set_error           (GError        **error,
                                              sqlite3        *db,
                                              int             rc,
                                              const char     *doing);
gboolean      _mmx_store_exec                (MmxStore       *self,
                                              const char     *sql,
                                              GError        **error);
sqlite3_stmt *_mmx_store_prepare             (MmxStore       *self,
                                              const char     *sql,
                                              GError        **error);
gboolean      _mmx_store_step_done           (MmxStore       *self,
                                              sqlite3_stmt   *stmt,
                                              const char     *doing,
                                              GError        **error);
gboolean      _mmx_store_begin_write         (MmxStore       *self,
                                              GError        **error);
gboolean      _mmx_store_commit              (MmxStore       *self,
                                              GError        **error);
void          _mmx_store_rollback            (MmxStore       *self);
gint64        _mmx_store_ensure_channel      (MmxStore       *self,
                                              const char     *name,
                                              GError        **error);
gint64        _mmx_store_get_total_channel   (MmxStore       *self,
                                              GError        **error);
gboolean      _mmx_store_forget_results      (MmxStore       *self,
                                              GError        **error);
gboolean      _mmx_store_set_granularity     (MmxStore       *self,
                                              MmxGranularity  granularity,
                                              GError        **error);

G_END_DECLS
