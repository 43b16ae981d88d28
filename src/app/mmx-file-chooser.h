/* mmx-file-chooser.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * MmxFileType:
 * @name: what the user sees, "PNG image", marked with N_() and
 *   translated when shown
 * @mime_type: its MIME type
 * @extension: its extension, without the dot
 */
typedef struct
{
  const char *name;
  const char *mime_type;
  const char *extension;
} MmxFileType;

/* Comma-separated values, for the tables and rejected rows saved. */
extern const MmxFileType mmx_file_type_csv;

void        mmx_file_chooser_save_async   (GtkWidget           *parent,
                                           const char          *title,
                                           const char          *suggested_name,
                                           const MmxFileType   *types,
                                           guint                n_types,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GFile      *mmx_file_chooser_save_finish  (GAsyncResult        *result,
                                           guint               *out_type,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void        mmx_file_chooser_open_async   (GtkWidget           *parent,
                                           const char          *title,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GListModel *mmx_file_chooser_open_finish  (GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
