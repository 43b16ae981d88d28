/* mmx-window.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mmx-date.h"
#include "mmx-date-range.h"
#include "mmx-file-chooser.h"
#include "mmx-range-dialog.h"
#include "mmx-time-axis.h"
#include "mmx-window.h"

#define SAMPLE_DATA MMX_RESOURCE_BASE "/samples/demo-daily.csv"
#define TEMPLATE MMX_RESOURCE_BASE "/samples/template.csv"

struct _MmxWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  GtkMenuButton        *range_button;
  GtkLabel             *range_label;
  GtkMenuButton        *export_button;
  GtkRevealer          *drop_revealer;
  MmxDashboardPage     *dashboard_page;
  MmxImportPage        *import_page;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (MmxWindow, mmx_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
describe_range (MmxWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "date-range");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  MmxDateRangePreset preset = MMX_DATE_RANGE_LAST_90_DAYS;
  guint32 first, last;

  mmx_date_range_preset_from_string (name, &preset);
  switch (preset)
    {
    case MMX_DATE_RANGE_LAST_30_DAYS:
      return g_strdup (_("Last 30 Days"));
    case MMX_DATE_RANGE_LAST_90_DAYS:
      return g_strdup (_("Last 90 Days"));
    case MMX_DATE_RANGE_LAST_365_DAYS:
      return g_strdup (_("Last 365 Days"));
    case MMX_DATE_RANGE_ALL:
      return g_strdup (_("All Data"));
    case MMX_DATE_RANGE_CUSTOM:
    default:
      from = g_settings_get_string (self->settings, "custom-from");
      to = g_settings_get_string (self->settings, "custom-to");
      first = mmx_date_julian_from_iso (from);
      last = mmx_date_julian_from_iso (to);
      if (first == 0 || last == 0 || first > last)
        return g_strdup (_("Custom Range"));
      return mmx_time_axis_format_range (first, last);
    }
}

static void
update_range (MmxWindow *self)
{
  g_autofree char *label = describe_range (self);
  g_autofree char *name = g_settings_get_string (self->settings, "date-range");
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "range");

  gtk_label_set_label (self->range_label, label);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
}

static void
range_changed_cb (MmxWindow *self)
{
  update_range (self);
}

static void
update_number_format (MmxWindow *self)
{
  g_autofree char *currency = g_settings_get_string (self->settings, "currency");
  MmxNumberFormat format;

  mmx_number_format_init_from_locale (&format, currency);
  mmx_dashboard_page_set_number_format (self->dashboard_page, &format);
}

static void
dashboard_loaded_cb (MmxWindow        *self,
                     MmxDashboardPage *page)
{
  gboolean has_data = mmx_dashboard_page_get_has_data (page);

  gtk_widget_set_sensitive (GTK_WIDGET (self->range_button), has_data);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), has_data);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "export")),
                               has_data);
}

static void
imported_cb (MmxWindow     *self,
             guint          rows,
             gboolean       without_review,
             MmxImportPage *page)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;

  mmx_dashboard_page_reload (self->dashboard_page);
  title = g_strdup_printf (ngettext ("%u row imported", "%u rows imported", rows), rows);
  toast = adw_toast_new (title);
  /* The sample data is shown at once; a reviewed file's summary stays. */
  if (without_review)
    adw_view_stack_set_visible_child_name (self->stack, "dashboard");
  else
    {
      adw_toast_set_button_label (toast, _("_Show Dashboard"));
      adw_toast_set_action_name (toast, "win.page");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("dashboard"));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
}

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MmxWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  files = mmx_file_chooser_open_finish (result, &error);
  if (files == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (list, g_list_model_get_item (files, i));
  mmx_window_open_files (self, (GFile **) list->pdata, list->len, FALSE);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MmxWindow *self = user_data;

  mmx_file_chooser_open_async (GTK_WIDGET (self), _("Import CSV Files"), import_chosen_cb,
                               g_object_ref (self));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MmxWindow *self = user_data;

  adw_view_stack_set_visible_child_name (self->stack, "dashboard");
  gtk_menu_button_popup (self->export_button);
}

static void
export_chart_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MmxWindow *self = user_data;
  MmxDashboardChart chart;

  if (mmx_dashboard_chart_from_string (g_variant_get_string (parameter, NULL), &chart))
    mmx_dashboard_page_choose_chart_export (self->dashboard_page, chart);
}

static void
export_table_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MmxWindow *self = user_data;

  mmx_dashboard_page_choose_table_export (self->dashboard_page);
}

static void
page_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MmxWindow *self = user_data;

  adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

static void
custom_range_chosen_cb (MmxRangeDialog *dialog,
                        const char     *from,
                        const char     *to,
                        gpointer        user_data)
{
  MmxWindow *self = user_data;

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "custom-from", from);
  g_settings_set_string (self->settings, "custom-to", to);
  g_settings_set_string (self->settings, "date-range", "custom");
  g_settings_apply (self->settings);
}

static void
range_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  MmxWindow *self = user_data;
  const char *name = g_variant_get_string (value, NULL);
  MmxDateRangePreset preset;
  MmxRangeDialog *dialog;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!mmx_date_range_preset_from_string (name, &preset))
    return;
  if (preset != MMX_DATE_RANGE_CUSTOM)
    {
      g_settings_set_string (self->settings, "date-range", name);
      return;
    }

  /* The custom range is set when the dialog is applied, not before. */
  from = g_settings_get_string (self->settings, "custom-from");
  to = g_settings_get_string (self->settings, "custom-to");
  dialog = mmx_range_dialog_new (GTK_WINDOW (self),
                                 mmx_dashboard_page_get_overview (self->dashboard_page), from, to);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (custom_range_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_sample_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MmxWindow *self = user_data;
  g_autoptr(GFile) sample = g_file_new_for_uri ("resource://" SAMPLE_DATA);

  mmx_window_open_files (self, &sample, 1, TRUE);
}

static void
template_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MmxWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  file = mmx_file_chooser_save_finish (result, NULL, &error);
  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  template = g_resources_lookup_data (TEMPLATE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (g_file_replace_contents (file, g_bytes_get_data (template, NULL), g_bytes_get_size (template),
                               NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    message = g_strdup_printf (_("Template saved as “%s”: fill it in and drop it here"), name);
  else
    message = g_strdup_printf (_("The template cannot be saved as “%s”: %s"), name,
                               error->message);
  mmx_window_show_toast (self, message);
}

static void
save_template_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  MmxWindow *self = user_data;

  mmx_file_chooser_save_async (GTK_WIDGET (self), _("Save the Template"),
                               _("marketingmix-template.csv"), &mmx_file_type_csv, 1,
                               template_chosen_cb, g_object_ref (self));
}

static void
toast_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  mmx_window_show_toast (MMX_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static const GActionEntry window_actions[] = {
  { "import", import_activated },
  { "export", export_activated },
  { "export-chart", export_chart_activated, "s" },
  { "export-table", export_table_activated },
  { "page", page_activated, "s" },
  { "range", NULL, "s", "'last-90-days'", range_change_state },
  { "try-sample", try_sample_activated },
  { "save-template", save_template_activated },
  { "toast", toast_activated, "s" },
};

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  MmxWindow *self = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  mmx_window_open_files (self, (GFile **) files->pdata, files->len, FALSE);
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               gpointer       user_data)
{
  MmxWindow *self = user_data;

  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               gpointer       user_data)
{
  MmxWindow *self = user_data;

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

static gboolean
mmx_window_close_request (GtkWindow *window)
{
  MmxWindow *self = MMX_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (mmx_window_parent_class)->close_request (window);
}

static void
mmx_window_dispose (GObject *object)
{
  MmxWindow *self = (MmxWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MMX_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mmx_window_parent_class)->dispose (object);
}

static void
mmx_window_class_init (MmxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mmx_window_dispose;
  window_class->close_request = mmx_window_close_request;

  g_type_ensure (MMX_TYPE_DASHBOARD_PAGE);
  g_type_ensure (MMX_TYPE_IMPORT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, MMX_RESOURCE_BASE "/ui/mmx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, range_button);
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, range_label);
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, MmxWindow, import_page);
  gtk_widget_class_bind_template_callback (widget_class, dashboard_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, imported_cb);
}

static void
mmx_window_init (MmxWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);

  self->settings = g_settings_new (MMX_SCHEMA_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::date-range", G_CALLBACK (range_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::custom-from", G_CALLBACK (range_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::custom-to", G_CALLBACK (range_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::currency",
                           G_CALLBACK (update_number_format), self, G_CONNECT_SWAPPED);
  update_range (self);
  update_number_format (self);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop_target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (drop_target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  dashboard_loaded_cb (self, self->dashboard_page);
}

/**
 * mmx_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a main window on the application's database
 */
MmxWindow *
mmx_window_new (MmxApplication *application)
{
  MmxWindow *self;

  g_return_val_if_fail (MMX_IS_APPLICATION (application), NULL);

  self = g_object_new (MMX_TYPE_WINDOW, "application", application, NULL);
  mmx_import_page_set_db_path (self->import_page, mmx_application_get_db_path (application));
  mmx_dashboard_page_set_db_path (self->dashboard_page, mmx_application_get_db_path (application));
  return self;
}

MmxDashboardPage *
mmx_window_get_dashboard_page (MmxWindow *self)
{
  g_return_val_if_fail (MMX_IS_WINDOW (self), NULL);

  return self->dashboard_page;
}

MmxImportPage *
mmx_window_get_import_page (MmxWindow *self)
{
  g_return_val_if_fail (MMX_IS_WINDOW (self), NULL);

  return self->import_page;
}

/**
 * mmx_window_get_page:
 * @self: a window
 *
 * Returns: the name of the page shown: `dashboard`, `import`…
 */
const char *
mmx_window_get_page (MmxWindow *self)
{
  g_return_val_if_fail (MMX_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * mmx_window_open_files:
 * @self: a window
 * @files: (array length=n_files): CSV files, dropped or chosen
 * @n_files: how many
 * @without_review: import at once when nothing needs deciding, as for the
 *   sample data
 *
 * Shows the Import page with the preview of the first file; each file is
 * imported once its preview is confirmed.
 */
void
mmx_window_open_files (MmxWindow  *self,
                       GFile     **files,
                       guint       n_files,
                       gboolean    without_review)
{
  g_return_if_fail (MMX_IS_WINDOW (self));

  if (n_files == 0)
    return;
  adw_view_stack_set_visible_child_name (self->stack, "import");
  mmx_import_page_open_files (self->import_page, files, n_files, without_review);
}

void
mmx_window_show_toast (MmxWindow  *self,
                       const char *message)
{
  AdwToast *toast;

  g_return_if_fail (MMX_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
