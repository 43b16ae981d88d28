/* mmx-column-mapping.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mmx-column-role.h"
#include "mmx-date.h"

G_BEGIN_DECLS

#define MMX_TYPE_COLUMN_MAPPING (mmx_column_mapping_get_type ())

G_DECLARE_FINAL_TYPE (MmxColumnMapping, mmx_column_mapping, MMX, COLUMN_MAPPING, GObject)

MmxColumnMapping    *mmx_column_mapping_new            (void) G_GNUC_WARN_UNUSED_RESULT;
MmxColumnMapping    *mmx_column_mapping_new_from_json  (const char        *json,
                                                        GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char                *mmx_column_mapping_to_json        (MmxColumnMapping  *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean             mmx_column_mapping_is_empty       (MmxColumnMapping  *self);
guint                mmx_column_mapping_get_n_columns  (MmxColumnMapping  *self);
const char          *mmx_column_mapping_get_column     (MmxColumnMapping  *self,
                                                        guint              index);
const MmxColumnRole *mmx_column_mapping_get_role       (MmxColumnMapping  *self,
                                                        guint              index);
const MmxColumnRole *mmx_column_mapping_lookup         (MmxColumnMapping  *self,
                                                        const char        *header);
const char          *mmx_column_mapping_find_missing_column (MmxColumnMapping   *self,
                                                             const char * const *headers);
MmxDateFormat        mmx_column_mapping_get_date_format (MmxColumnMapping *self);
const char          *mmx_column_mapping_get_name       (MmxColumnMapping  *self);
void                 mmx_column_mapping_set_name       (MmxColumnMapping  *self,
                                                        const char        *name);
const char          *mmx_column_mapping_get_channel    (MmxColumnMapping  *self);
char                 mmx_column_mapping_get_delimiter  (MmxColumnMapping  *self);
gboolean             mmx_column_mapping_set            (MmxColumnMapping  *self,
                                                        const char        *column,
                                                        const char        *spec,
                                                        GError           **error);
gboolean             mmx_column_mapping_parse_argument (MmxColumnMapping  *self,
                                                        const char        *argument,
                                                        GError           **error);
void                 mmx_column_mapping_set_date_format (MmxColumnMapping *self,
                                                        MmxDateFormat      format);
void                 mmx_column_mapping_set_channel    (MmxColumnMapping  *self,
                                                        const char        *channel);
void                 mmx_column_mapping_set_delimiter  (MmxColumnMapping  *self,
                                                        char               delimiter);
void                 mmx_column_mapping_update         (MmxColumnMapping  *self,
                                                        MmxColumnMapping  *other);

G_END_DECLS
