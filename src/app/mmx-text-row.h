/* mmx-text-row.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MMX_TYPE_TEXT_ROW (mmx_text_row_get_type ())

G_DECLARE_FINAL_TYPE (MmxTextRow, mmx_text_row, MMX, TEXT_ROW, GObject)

MmxTextRow          *mmx_text_row_new            (const char * const *cells) G_GNUC_WARN_UNUSED_RESULT;
const char          *mmx_text_row_get_cell       (MmxTextRow         *self,
                                                  guint               column);
GtkColumnViewColumn *mmx_text_row_create_column  (const char         *title,
                                                  guint               column,
                                                  gboolean            expand) G_GNUC_WARN_UNUSED_RESULT;
void                 mmx_text_row_clear_columns  (GtkColumnView      *view);

G_END_DECLS
