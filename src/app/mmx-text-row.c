/* mmx-text-row.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-text-row"

#include "config.h"

#include "mmx-text-row.h"

/* A row of plain text cells, for the column views of the import: the
 * first rows of a file, the rejected rows. */
struct _MmxTextRow
{
  GObject  parent_instance;

  GStrv    cells;
};

G_DEFINE_FINAL_TYPE (MmxTextRow, mmx_text_row, G_TYPE_OBJECT)

static void
mmx_text_row_finalize (GObject *object)
{
  MmxTextRow *self = (MmxTextRow *) object;

  g_clear_pointer (&self->cells, g_strfreev);

  G_OBJECT_CLASS (mmx_text_row_parent_class)->finalize (object);
}

static void
mmx_text_row_class_init (MmxTextRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mmx_text_row_finalize;
}

static void
mmx_text_row_init (MmxTextRow *self)
{
}

/**
 * mmx_text_row_new:
 * @cells: the texts, copied
 *
 * Returns: (transfer full): a row
 */
MmxTextRow *
mmx_text_row_new (const char * const *cells)
{
  MmxTextRow *self = g_object_new (MMX_TYPE_TEXT_ROW, NULL);

  self->cells = g_strdupv ((GStrv) cells);
  return self;
}

/**
 * mmx_text_row_get_cell:
 * @self: a row
 * @column: a column
 *
 * Returns: the text, empty past the row's end
 */
const char *
mmx_text_row_get_cell (MmxTextRow *self,
                       guint       column)
{
  g_return_val_if_fail (MMX_IS_TEXT_ROW (self), NULL);

  return column < g_strv_length (self->cells) ? self->cells[column] : "";
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  MmxTextRow *row = gtk_list_item_get_item (item);
  const char *text = mmx_text_row_get_cell (row, GPOINTER_TO_UINT (user_data));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), *text ? text : NULL);
}

/**
 * mmx_text_row_create_column:
 * @title: the column's header
 * @column: which cell of the rows it shows
 * @expand: whether it takes the width left
 *
 * Returns: (transfer full): a column of a view of #MmxTextRow
 */
GtkColumnViewColumn *
mmx_text_row_create_column (const char *title,
                            guint       column,
                            gboolean    expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  return view_column;
}

/**
 * mmx_text_row_clear_columns:
 * @view: a column view
 *
 * Removes all its columns.
 */
void
mmx_text_row_clear_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}
