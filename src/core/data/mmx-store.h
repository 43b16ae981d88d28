/* mmx-store.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mmx-column-mapping.h"
#include "mmx-granularity.h"

G_BEGIN_DECLS

#define MMX_STORE_ERROR (mmx_store_error_quark ())

/**
 * MmxStoreError:
 * @MMX_STORE_ERROR_OPEN: the file cannot be opened or created
 * @MMX_STORE_ERROR_NOT_A_DATABASE: the file is not a MarketingMix database
 * @MMX_STORE_ERROR_TOO_NEW: a newer MarketingMix wrote the database
 * @MMX_STORE_ERROR_BUSY: another program holds the database
 * @MMX_STORE_ERROR_FAILED: a query failed (disk full, damaged file…)
 * @MMX_STORE_ERROR_NOT_FOUND: the named thing is not stored
 * @MMX_STORE_ERROR_INVALID: the request makes no sense for the stored data
 */
typedef enum
{
  MMX_STORE_ERROR_OPEN,
  MMX_STORE_ERROR_NOT_A_DATABASE,
  MMX_STORE_ERROR_TOO_NEW,
  MMX_STORE_ERROR_BUSY,
  MMX_STORE_ERROR_FAILED,
  MMX_STORE_ERROR_NOT_FOUND,
  MMX_STORE_ERROR_INVALID,
} MmxStoreError;

/**
 * MmxChannelInfo:
 * @name: the canonical name
 * @is_total: whether this is the "Unattributed" row that holds revenue a
 *   wide file gives for all channels together
 * @n_rows: stored rows
 * @spend: total spend
 * @first_date: (nullable): the first date with data, `YYYY-MM-DD`
 * @last_date: (nullable): the last date with data
 * @aliases: the custom names mapped to it
 */
typedef struct
{
  char     *name;
  gboolean  is_total;
  gint64    n_rows;
  double    spend;
  char     *first_date;
  char     *last_date;
  GStrv     aliases;
} MmxChannelInfo;

/**
 * MmxImportRecord:
 * @file: the file's name
 * @sha256: the file's hash
 * @imported_at: when, in ISO 8601 UTC
 * @shape: "long" or "wide"
 * @granularity: "daily" or "weekly"
 *
 * One line of the import history.
 */
typedef struct
{
  gint64  id;
  char   *file;
  char   *sha256;
  char   *imported_at;
  char   *shape;
  char   *granularity;
  guint   inserted;
  guint   updated;
  guint   merged;
  guint   rejected;
} MmxImportRecord;

#define MMX_TYPE_STORE (mmx_store_get_type ())

G_DECLARE_FINAL_TYPE (MmxStore, mmx_store, MMX, STORE, GObject)

GQuark            mmx_store_error_quark               (void);
char             *mmx_store_get_default_path          (void) G_GNUC_WARN_UNUSED_RESULT;
MmxStore         *mmx_store_open                      (const char        *path,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
const char       *mmx_store_get_path                  (MmxStore          *self);
int               mmx_store_get_schema_version        (MmxStore          *self);
MmxGranularity    mmx_store_get_granularity           (MmxStore          *self,
                                                       GError           **error);
gboolean          mmx_store_get_date_range            (MmxStore          *self,
                                                       char             **out_first,
                                                       char             **out_last,
                                                       GError           **error);
char             *mmx_store_resolve_channel_name      (MmxStore          *self,
                                                       const char        *name,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *mmx_store_list_channels             (MmxStore          *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          mmx_store_map_channel               (MmxStore          *self,
                                                       const char        *alias,
                                                       const char        *canonical,
                                                       guint             *out_moved_rows,
                                                       GError           **error);
gboolean          mmx_store_unmap_channel             (MmxStore          *self,
                                                       const char        *alias,
                                                       GError           **error);
gboolean          mmx_store_save_mapping              (MmxStore          *self,
                                                       const char        *name,
                                                       const char        *header_key,
                                                       MmxColumnMapping  *mapping,
                                                       GError           **error);
MmxColumnMapping *mmx_store_load_mapping              (MmxStore          *self,
                                                       const char        *name,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
MmxColumnMapping *mmx_store_find_mapping_for_header   (MmxStore          *self,
                                                       const char        *header_key,
                                                       char             **out_name,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv             mmx_store_list_mappings             (MmxStore          *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          mmx_store_delete_mapping            (MmxStore          *self,
                                                       const char        *name,
                                                       GError           **error);
GPtrArray        *mmx_store_list_imports              (MmxStore          *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;

char             *mmx_store_lookup_result             (MmxStore          *self,
                                                       const char        *kind,
                                                       const char        *key,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          mmx_store_save_result               (MmxStore          *self,
                                                       const char        *kind,
                                                       const char        *key,
                                                       const char        *json,
                                                       GError           **error);
void              mmx_channel_info_free               (MmxChannelInfo    *info);
void              mmx_import_record_free              (MmxImportRecord   *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxChannelInfo, mmx_channel_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxImportRecord, mmx_import_record_free)

G_END_DECLS
