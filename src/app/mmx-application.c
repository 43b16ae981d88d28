/* mmx-application.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mmx-application.h"
#include "mmx-preferences-window.h"
#include "mmx-store.h"
#include "mmx-window.h"

struct _MmxApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
};

G_DEFINE_FINAL_TYPE (MmxApplication, mmx_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DB_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static MmxWindow *
get_window (MmxApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (MMX_IS_WINDOW (window))
    return MMX_WINDOW (window);
  window = GTK_WINDOW (mmx_window_new (self));
  return MMX_WINDOW (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows saves their state; quitting alone would not. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (self);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *self = user_data;
  const char *developers[] = { _("The MarketingMix developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (self),
                        "application-icon", g_application_get_application_id (G_APPLICATION (self)),
                        "application-name", _("MarketingMix"),
                        "developer-name", _("The MarketingMix developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("See what your advertising really returns. Your data stays "
                                      "on this computer."),
                        "website", "https://github.com/marketingmix/marketingmix",
                        "issue-url", "https://github.com/marketingmix/marketingmix/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The MarketingMix developers",
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MmxApplication *self = user_data;
  MmxPreferencesWindow *preferences;

  preferences = mmx_preferences_window_new (GTK_WINDOW (get_window (self)), self->db_path);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MmxWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (window), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The help cannot be opened: %s. Install "
                                                    "the Help application (Yelp)."),
                                                  error->message);

      mmx_window_show_toast (window, message);
    }
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MmxApplication *self = user_data;
  MmxWindow *window = get_window (self);

  gtk_show_uri_full (GTK_WINDOW (window), "help:marketingmix", GDK_CURRENT_TIME, NULL,
                     help_shown_cb, g_object_ref (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "help", help_activated },
};

static void
mmx_application_startup (GApplication *application)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.page::dashboard", { "<Control>1", NULL } },
    { "win.page::import", { "<Control>2", NULL } },
    { "win.page::attribution", { "<Control>3", NULL } },
    { "win.page::forecast", { "<Control>4", NULL } },
    { "win.page::optimizer", { "<Control>5", NULL } },
  };
  MmxApplication *self = MMX_APPLICATION (application);

  G_APPLICATION_CLASS (mmx_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
mmx_application_activate (GApplication *application)
{
  gtk_window_present (GTK_WINDOW (get_window (MMX_APPLICATION (application))));
}

static void
mmx_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  MmxWindow *window = get_window (MMX_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
  mmx_window_open_files (window, files, n_files, FALSE);
}

static int
mmx_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  MmxApplication *self = MMX_APPLICATION (application);
  const char *db_path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_path))
    mmx_application_set_db_path (self, db_path);
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("marketingmix %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
mmx_application_finalize (GObject *object)
{
  MmxApplication *self = (MmxApplication *) object;

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (mmx_application_parent_class)->finalize (object);
}

static void
mmx_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MmxApplication *self = MMX_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MmxApplication *self = MMX_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      mmx_application_set_db_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_application_class_init (MmxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mmx_application_finalize;
  object_class->get_property = mmx_application_get_property;
  object_class->set_property = mmx_application_set_property;
  application_class->startup = mmx_application_startup;
  application_class->activate = mmx_application_activate;
  application_class->open = mmx_application_open;
  application_class->handle_local_options = mmx_application_handle_local_options;

  /**
   * MmxApplication:db-path:
   *
   * The database file: `--db`, else `$MMX_DB`, else the profile's.
   */
  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mmx_application_init (MmxApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database to open instead of the profile’s"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { NULL }
  };

  self->db_path = mmx_store_get_default_path ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open MarketingMix, and import the CSV files "
                                              "given."));
}

/**
 * mmx_application_new:
 * @application_id: the ID, `io.github.marketingmix.MarketingMix` or its
 *   development twin
 * @flags: the flags; %G_APPLICATION_HANDLES_OPEN is added
 *
 * Returns: (transfer full): the application
 */
MmxApplication *
mmx_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  return g_object_new (MMX_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", MMX_RESOURCE_BASE,
                       NULL);
}

const char *
mmx_application_get_db_path (MmxApplication *self)
{
  g_return_val_if_fail (MMX_IS_APPLICATION (self), NULL);

  return self->db_path;
}

void
mmx_application_set_db_path (MmxApplication *self,
                             const char     *db_path)
{
  g_return_if_fail (MMX_IS_APPLICATION (self));
  g_return_if_fail (db_path != NULL);

  if (g_strcmp0 (self->db_path, db_path) == 0)
    return;
  g_free (self->db_path);
  self->db_path = g_strdup (db_path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB_PATH]);
}
