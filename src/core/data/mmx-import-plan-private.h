/* mmx-import-plan-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-csv-reader.h"
#include "mmx-import.h"

G_BEGIN_DECLS

/* A column of the file and what the import does with it. */
typedef struct
{
  char          *header;
  MmxColumnRole *role;
  guint          slot;
  gboolean       categorical;
} MmxImportColumn;

/* What an import will do, decided from the file's head: the plan the
 * preview shows and mmx_import_run() carries out. Slot 0 receives the
 * values without a channel of their own: the row's channel in a long
 * file, the whole business in a wide one; each channel of a wide file has
 * a slot after it. */
typedef struct
{
  GPtrArray      *columns;
  GPtrArray      *sample;
  GPtrArray      *notes;
  GPtrArray      *slot_channels;
  char           *header_key;
  char           *mapping_name;
  char           *file_name;
  char           *file_channel;
  char           *date_example;
  guint           header_row;
  guint           header_index;
  int             date_column;
  int             channel_column;
  int             geo_column;
  MmxImportShape  shape;
  MmxGranularity  granularity;
  MmxDateFormat   date_format;
  MmxDecimalMark  decimal_mark;
  char            delimiter;
  char           *encoding;
  guint           date_ambiguous : 1;
  guint           has_total_values : 1;
} MmxImportPlan;

MmxImportPlan         *mmx_import_plan_new             (MmxStore          *store,
                                                        MmxCsvReader      *reader,
                                                        MmxColumnMapping  *mapping,
                                                        GCancellable      *cancellable,
                                                        GError           **error);
void                   mmx_import_plan_free            (MmxImportPlan     *self);
const MmxImportColumn *mmx_import_plan_get_column      (MmxImportPlan     *self,
                                                        guint              index);
GStrv                  mmx_import_plan_dup_notes       (MmxImportPlan     *self);
gboolean               mmx_import_plan_check_runnable  (MmxImportPlan     *self,
                                                        GError           **error);
void                   mmx_import_plan_fill_summary    (MmxImportPlan     *self,
                                                        MmxImportSummary  *summary);
gboolean               mmx_import_plan_is_no_category  (const char        *text);
MmxGranularity         mmx_import_plan_granularity_of  (const guint32     *days,
                                                        guint              n_days,
                                                        gboolean          *out_too_sparse);

G_END_DECLS
