/* mmx-file-chooser.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-file-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mmx-file-chooser.h"

/* GtkFileChooserNative, so the Flatpak portal picks the files, wrapped in
 * an async pair (GTK 4.8 has no GtkFileDialog). */

const MmxFileType mmx_file_type_csv = { N_("CSV file"), "text/csv", "csv" };

typedef struct
{
  GtkFileChooserNative *chooser;
  const MmxFileType    *types;
  guint                 n_types;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  if (data->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->chooser));
  g_clear_object (&data->chooser);
  g_free (data);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkFileFilter *
filter_for (const MmxFileType *type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", type->extension);

  gtk_file_filter_set_name (filter, _(type->name));
  gtk_file_filter_add_mime_type (filter, type->mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

/* A modal native chooser owned by @task's data, answering through
 * @response once shown. */
static GtkFileChooserNative *
create_chooser (GTask               *task,
                GtkWidget           *parent,
                const char          *title,
                GtkFileChooserAction action,
                const char          *accept)
{
  ChooserData *data = g_task_get_task_data (task);

  data->chooser = gtk_file_chooser_native_new (title, window_of (parent), action, accept,
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  return data->chooser;
}

static void
show_chooser (GTask     *task,
              GCallback  response)
{
  ChooserData *data = g_task_get_task_data (task);

  g_signal_connect (data->chooser, "response", response, task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}

/* The type the name's extension gives, else the filter chosen. */
static guint
chosen_type (ChooserData *data,
             GFile       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *dot = strrchr (name, '.');
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (data->chooser));

  for (guint i = 0; dot != NULL && i < data->n_types; i++)
    if (g_ascii_strcasecmp (dot + 1, data->types[i].extension) == 0)
      return i;
  for (guint i = 0; filter != NULL && i < data->n_types; i++)
    if (g_strcmp0 (gtk_file_filter_get_name (filter), _(data->types[i].name)) == 0)
      return i;
  return 0;
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  ChooserData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  guint type;

  if (response != GTK_RESPONSE_ACCEPT
      || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  type = chosen_type (data, file);
  name = g_file_get_basename (file);
  /* "report" saved as PDF is "report.pdf". */
  if (!g_str_has_suffix (name, data->types[type].extension) || strchr (name, '.') == NULL)
    {
      g_autofree char *with_extension = g_strdup_printf ("%s.%s", name,
                                                         data->types[type].extension);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      GFile *renamed = g_file_get_child (parent, with_extension);

      g_object_unref (file);
      file = renamed;
    }
  g_object_set_data (G_OBJECT (task), "type", GUINT_TO_POINTER (type));
  g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

/**
 * mmx_file_chooser_save_async:
 * @parent: a widget of the window the dialog belongs to
 * @title: the dialog's title
 * @suggested_name: the file name offered
 * @types: (array length=n_types): the types the file may be saved as;
 *   static
 * @n_types: how many
 * @callback: called with the choice
 * @user_data: for @callback
 *
 * Asks where to save a file, and in which of @types.
 */
void
mmx_file_chooser_save_async (GtkWidget           *parent,
                             const char          *title,
                             const char          *suggested_name,
                             const MmxFileType   *types,
                             guint                n_types,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);
  ChooserData *data = g_new0 (ChooserData, 1);
  GtkFileChooser *chooser;

  g_return_if_fail (n_types > 0);

  g_task_set_source_tag (task, mmx_file_chooser_save_async);
  data->types = types;
  data->n_types = n_types;
  g_task_set_task_data (task, data, (GDestroyNotify) chooser_data_free);
  chooser = GTK_FILE_CHOOSER (create_chooser (task, parent, title, GTK_FILE_CHOOSER_ACTION_SAVE,
                                              _("_Save")));
  gtk_file_chooser_set_current_name (chooser, suggested_name);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GtkFileFilter) filter = filter_for (&types[i]);

      gtk_file_chooser_add_filter (chooser, filter);
      if (i == 0)
        gtk_file_chooser_set_filter (chooser, filter);
    }
  show_chooser (task, G_CALLBACK (save_response_cb));
}

/**
 * mmx_file_chooser_save_finish:
 * @result: the result
 * @out_type: (out) (optional): the index of the type chosen, by the
 *   file's extension or else the filter
 * @error: a location for a #GError; %G_IO_ERROR_CANCELLED when the user
 *   cancelled
 *
 * Returns: (transfer full): the file, with the type's extension
 */
GFile *
mmx_file_chooser_save_finish (GAsyncResult  *result,
                              guint         *out_type,
                              GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mmx_file_chooser_save_async,
                        NULL);

  if (out_type != NULL)
    *out_type = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "type"));
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }
  g_task_return_pointer (task, gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog)),
                         g_object_unref);
}

/**
 * mmx_file_chooser_open_async:
 * @parent: a widget of the window the dialog belongs to
 * @title: the dialog's title
 * @callback: called with the choice
 * @user_data: for @callback
 *
 * Asks for CSV files to import.
 */
void
mmx_file_chooser_open_async (GtkWidget           *parent,
                             const char          *title,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  g_task_set_source_tag (task, mmx_file_chooser_open_async);
  g_task_set_task_data (task, g_new0 (ChooserData, 1), (GDestroyNotify) chooser_data_free);
  chooser = GTK_FILE_CHOOSER (create_chooser (task, parent, title, GTK_FILE_CHOOSER_ACTION_OPEN,
                                              _("_Open")));
  gtk_file_chooser_set_select_multiple (chooser, TRUE);

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.tsv");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  show_chooser (task, G_CALLBACK (open_response_cb));
}

/**
 * mmx_file_chooser_open_finish:
 * @result: the result
 * @error: a location for a #GError; %G_IO_ERROR_CANCELLED when the user
 *   cancelled
 *
 * Returns: (transfer full): the files chosen, a #GListModel of #GFile
 */
GListModel *
mmx_file_chooser_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mmx_file_chooser_open_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
