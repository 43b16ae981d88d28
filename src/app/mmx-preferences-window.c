/* mmx-preferences-window.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mmx-application.h"
#include "mmx-number-format.h"
#include "mmx-preferences-window.h"
#include "mmx-store-job.h"

/* The currency amounts are written in, the custom channel names, and where
 * the data lives. */
struct _MmxPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *currency_row;
  GtkListBox           *aliases_list;
  AdwActionRow         *database_row;

  GSettings            *settings;
  GCancellable         *disposed;
  GStrv                 codes;
  char                 *db_path;
};

G_DEFINE_FINAL_TYPE (MmxPreferencesWindow, mmx_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void reload_aliases (MmxPreferencesWindow *self);

static gpointer
list_channels_job (MmxStore      *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return mmx_store_list_channels (store, error);
}

static gpointer
unmap_job (MmxStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!mmx_store_unmap_channel (store, data, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
unmapped_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MmxPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->disposed))
    return;
  if (mmx_store_job_run_finish (result, &error) == NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  reload_aliases (self);
}

static void
remove_clicked_cb (GtkButton            *button,
                   MmxPreferencesWindow *self)
{
  const char *alias = g_object_get_data (G_OBJECT (button), "alias");

  mmx_store_job_run_async (self->db_path, MMX_JOB_PRIORITY_IMPORT, unmap_job, g_strdup (alias),
                           g_free, NULL, NULL, unmapped_cb, g_object_ref (self));
}

static void
add_alias_row (MmxPreferencesWindow *self,
               const char           *alias,
               const char           *canonical)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *subtitle = g_strdup_printf (_("Stored as “%s”"), canonical);
  g_autofree char *label = g_strdup_printf (_("Remove the name “%s”"), alias);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alias);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "alias", g_strdup (alias), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (self->aliases_list, row);
}

static void
aliases_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MmxPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) channels = mmx_store_job_run_finish (result, &error);
  GtkWidget *child;
  guint n = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->aliases_list))) != NULL)
    gtk_list_box_remove (self->aliases_list, child);
  if (channels == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < channels->len; i++)
    {
      const MmxChannelInfo *channel = g_ptr_array_index (channels, i);

      for (guint a = 0; channel->aliases != NULL && channel->aliases[a] != NULL; a++, n++)
        add_alias_row (self, channel->aliases[a], channel->name);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("None yet: rename a channel in an import’s preview"));
      gtk_list_box_append (self->aliases_list, row);
    }
}

static void
reload_aliases (MmxPreferencesWindow *self)
{
  mmx_store_job_run_async (self->db_path, MMX_JOB_PRIORITY_QUERY, list_channels_job, NULL, NULL,
                           (GDestroyNotify) g_ptr_array_unref, self->disposed, aliases_loaded_cb,
                           g_object_ref (self));
}

static void
currency_selected_cb (AdwComboRow          *row,
                      GParamSpec           *pspec,
                      MmxPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  g_settings_set_string (self->settings, "currency", selected == 0 ? "" : self->codes[selected - 1]);
}

static void
fill_currencies (MmxPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "currency");
  MmxNumberFormat format;
  g_autofree char *from_locale = NULL;
  guint selected = 0;

  mmx_number_format_init_from_locale (&format, NULL);
  /* TRANSLATORS: the currency of the language settings, "As in the language settings (EUR)" */
  from_locale = g_strdup_printf (_("As in the language settings (%s)"), format.currency_code);
  gtk_string_list_append (labels, from_locale);
  for (guint i = 0; self->codes[i] != NULL; i++)
    {
      g_autofree char *example = NULL;
      g_autofree char *label = NULL;

      mmx_number_format_init_from_locale (&format, self->codes[i]);
      example = mmx_number_format_money (&format, 1234.5);
      /* TRANSLATORS: a currency and how an amount in it is written, "EUR (1.234,50 €)" */
      label = g_strdup_printf (_("%s (%s)"), self->codes[i], example);
      gtk_string_list_append (labels, label);
      if (g_strcmp0 (current, self->codes[i]) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->currency_row, selected);
  g_signal_connect_object (self->currency_row, "notify::selected",
                           G_CALLBACK (currency_selected_cb), self, 0);
}

static void
mmx_preferences_window_dispose (GObject *object)
{
  MmxPreferencesWindow *self = (MmxPreferencesWindow *) object;

  g_cancellable_cancel (self->disposed);
  gtk_widget_dispose_template (GTK_WIDGET (self), MMX_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mmx_preferences_window_parent_class)->dispose (object);
}

static void
mmx_preferences_window_finalize (GObject *object)
{
  MmxPreferencesWindow *self = (MmxPreferencesWindow *) object;

  g_clear_object (&self->disposed);
  g_clear_pointer (&self->codes, g_strfreev);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (mmx_preferences_window_parent_class)->finalize (object);
}

static void
mmx_preferences_window_class_init (MmxPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_preferences_window_dispose;
  object_class->finalize = mmx_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, MmxPreferencesWindow, aliases_list);
  gtk_widget_class_bind_template_child (widget_class, MmxPreferencesWindow, database_row);
}

static void
mmx_preferences_window_init (MmxPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (MMX_SCHEMA_ID);
  self->disposed = g_cancellable_new ();
  self->codes = mmx_number_format_dup_currency_codes ();
  fill_currencies (self);
}

/**
 * mmx_preferences_window_new:
 * @parent: the main window
 * @db_path: the database of the custom channel names
 *
 * Returns: (transfer full): the preferences
 */
MmxPreferencesWindow *
mmx_preferences_window_new (GtkWindow  *parent,
                            const char *db_path)
{
  MmxPreferencesWindow *self = g_object_new (MMX_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent, NULL);

  self->db_path = g_strdup (db_path);
  adw_action_row_set_subtitle (self->database_row, db_path);
  reload_aliases (self);
  return self;
}
