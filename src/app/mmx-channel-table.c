/* mmx-channel-table.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-channel-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mmx-application.h"
#include "mmx-channel-row.h"
#include "mmx-channel-table.h"

/* The KPIs of each channel in a sortable table: a column view over rows
 * sorted by the column the user clicks, spend first. */
struct _MmxChannelTable
{
  GtkWidget           parent_instance;

  GtkColumnView      *column_view;

  GListStore         *rows;
  GtkSortListModel   *sorted;
  GPtrArray          *columns;
  MmxNumberFormat     format;
};

G_DEFINE_FINAL_TYPE (MmxChannelTable, mmx_channel_table, GTK_TYPE_WIDGET)

typedef enum
{
  KIND_TEXT,
  KIND_MONEY,
  KIND_RATIO,
  KIND_COUNT,
  KIND_SHARE,
} Kind;

static const struct
{
  const char *title;
  Kind        kind;
  gsize       offset;
} columns[] = {
  { N_("Channel"), KIND_TEXT, 0 },
  { N_("Spend"), KIND_MONEY, G_STRUCT_OFFSET (MmxChannelKpis, spend) },
  { N_("Revenue"), KIND_MONEY, G_STRUCT_OFFSET (MmxChannelKpis, revenue) },
  { N_("ROAS"), KIND_RATIO, G_STRUCT_OFFSET (MmxChannelKpis, roas) },
  { N_("Conversions"), KIND_COUNT, G_STRUCT_OFFSET (MmxChannelKpis, conversions) },
  { N_("Share of Spend"), KIND_SHARE, G_STRUCT_OFFSET (MmxChannelKpis, spend_share) },
};

#define SPEND_COLUMN 1

static double
value_of (const MmxChannelKpis *kpis,
          guint                 column)
{
  return G_STRUCT_MEMBER (double, kpis, columns[column].offset);
}

static char *
format_cell (MmxChannelTable      *self,
             const MmxChannelKpis *kpis,
             guint                 column)
{
  double value = value_of (kpis, column);

  switch (columns[column].kind)
    {
    case KIND_TEXT:
      return g_strdup (kpis->is_total ? _("Unattributed") : kpis->name);
    case KIND_MONEY:
      return mmx_number_format_money (&self->format, value);
    case KIND_RATIO:
      return mmx_number_format_ratio (&self->format, value);
    case KIND_SHARE:
      return mmx_number_format_percent (&self->format, value, 1);
    case KIND_COUNT:
    default:
      return mmx_number_format_number (&self->format, value,
                                       fabs (value - round (value)) < 0.005 ? 0 : 2);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[column].kind == KIND_TEXT ? 0 : 1);
  if (columns[column].kind == KIND_TEXT)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  MmxChannelTable *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  MmxChannelRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = format_cell (self, mmx_channel_row_get_kpis (row), column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* Unknown values (NAN) sort below every number. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  const MmxChannelKpis *x = mmx_channel_row_get_kpis ((MmxChannelRow *) a);
  const MmxChannelKpis *y = mmx_channel_row_get_kpis ((MmxChannelRow *) b);
  double u, v;

  if (columns[column].kind == KIND_TEXT)
    return g_utf8_collate (x->name, y->name);
  u = value_of (x, column);
  v = value_of (y, column);
  if (isnan (u) || isnan (v))
    return isnan (u) && isnan (v) ? 0 : isnan (u) ? -1 : 1;
  return u < v ? -1 : u > v;
}

static void
add_columns (MmxChannelTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (i), NULL);
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->columns, column);
      g_object_unref (sorter);
    }
}

static void
mmx_channel_table_dispose (GObject *object)
{
  GtkWidget *child;
  MmxChannelTable *self = (MmxChannelTable *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MMX_TYPE_CHANNEL_TABLE);
  /* The template's outer box has no name, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (mmx_channel_table_parent_class)->dispose (object);
}

static void
mmx_channel_table_class_init (MmxChannelTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_channel_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-channel-table.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxChannelTable, column_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mmx_channel_table_init (MmxChannelTable *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  mmx_number_format_init (&self->format, NULL);

  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_list_store_new (MMX_TYPE_CHANNEL_ROW);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_columns (self);
  mmx_channel_table_sort (self, SPEND_COLUMN, GTK_SORT_DESCENDING);
}

/**
 * mmx_channel_table_set_kpis:
 * @self: a table
 * @kpis: the KPIs of a range; a row per channel
 */
void
mmx_channel_table_set_kpis (MmxChannelTable *self,
                            const MmxKpis   *kpis)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (MMX_IS_CHANNEL_TABLE (self));
  g_return_if_fail (kpis != NULL);

  for (guint i = 0; i < kpis->channels->len; i++)
    g_ptr_array_add (rows, mmx_channel_row_new (g_ptr_array_index (kpis->channels, i)));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

/**
 * mmx_channel_table_set_number_format:
 * @self: a table
 * @format: how to write numbers and money
 */
void
mmx_channel_table_set_number_format (MmxChannelTable       *self,
                                     const MmxNumberFormat *format)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (MMX_IS_CHANNEL_TABLE (self));

  self->format = *format;
  /* Putting the same rows back binds every cell again. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->rows), i));
  g_list_store_splice (self->rows, 0, n, rows->pdata, rows->len);
}

guint
mmx_channel_table_get_n_rows (MmxChannelTable *self)
{
  g_return_val_if_fail (MMX_IS_CHANNEL_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

/**
 * mmx_channel_table_dup_csv:
 * @self: a table
 *
 * Returns: (transfer full): the rows in the order shown, as CSV with a
 *   point for decimals whatever the locale, so any spreadsheet reads it
 */
char *
mmx_channel_table_dup_csv (MmxChannelTable *self)
{
  GString *csv = g_string_new (MMX_CHANNEL_KPIS_CSV_HEADER);

  g_return_val_if_fail (MMX_IS_CHANNEL_TABLE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sorted)); i++)
    {
      g_autoptr(MmxChannelRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      mmx_channel_kpis_append_csv (mmx_channel_row_get_kpis (row), csv);
    }
  return g_string_free (csv, FALSE);
}

/**
 * mmx_channel_table_sort:
 * @self: a table
 * @column: a column, from 0 (the channel's name)
 * @order: which way
 */
void
mmx_channel_table_sort (MmxChannelTable *self,
                        guint            column,
                        GtkSortType      order)
{
  g_return_if_fail (MMX_IS_CHANNEL_TABLE (self));
  g_return_if_fail (column < self->columns->len);

  gtk_column_view_sort_by_column (self->column_view, g_ptr_array_index (self->columns, column),
                                  order);
}

/**
 * mmx_channel_table_dup_cell:
 * @self: a table
 * @row: a row in the order shown
 * @column: a column
 *
 * Returns: (transfer full): the text of the cell
 */
char *
mmx_channel_table_dup_cell (MmxChannelTable *self,
                            guint            row,
                            guint            column)
{
  g_autoptr(MmxChannelRow) item = NULL;

  g_return_val_if_fail (MMX_IS_CHANNEL_TABLE (self), NULL);
  g_return_val_if_fail (column < G_N_ELEMENTS (columns), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);
  g_return_val_if_fail (item != NULL, NULL);
  return format_cell (self, mmx_channel_row_get_kpis (item), column);
}
