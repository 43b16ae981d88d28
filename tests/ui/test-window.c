/* test-window.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The shell: the window on an empty database, its pages, shortcuts,
 * remembered settings, accessible labels, and the resources it is built
 * from. Real GTK under Xvfb. */

#include "config.h"

#include "mmx-preferences-window.h"
#include "mmx-range-dialog.h"
#include "mmx-ui-test-utils.h"

static void
test_opens_empty (MmxUiTestFixture *fixture,
                  gconstpointer     size)
{
  MmxDashboardPage *dashboard = mmx_window_get_dashboard_page (fixture->window);
  const MmxOverview *overview = mmx_dashboard_page_get_overview (dashboard);
  g_autofree char *screenshot = NULL;

  g_assert_cmpstr (mmx_window_get_page (fixture->window), ==, "dashboard");
  g_assert_nonnull (overview);
  g_assert_null (overview->data_first);
  g_assert_false (mmx_dashboard_page_get_has_data (dashboard));
  /* Nothing to export, no range to choose. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "export"));
  screenshot = mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "empty-state");
}

static void
test_pages (MmxUiTestFixture *fixture,
            gconstpointer     size)
{
  static const char *pages[] = { "import", "attribution", "forecast", "optimizer", "dashboard" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s%s", pages[i],
                                               size == MMX_UI_TEST_PHONE ? "-360" : "");
      g_autofree char *screenshot = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s",
                                                 pages[i]));
      g_assert_cmpstr (mmx_window_get_page (fixture->window), ==, pages[i]);
      screenshot = mmx_ui_test_save_screenshot (GTK_WIDGET (fixture->window), name);
    }
}

static void
test_shortcuts (MmxUiTestFixture *fixture,
                gconstpointer     size)
{
  static const struct
  {
    const char *action;
    const char *accel;
  } expected[] = {
    { "win.import", "<Control>o" },
    { "win.export", "<Control>e" },
    { "win.page::dashboard", "<Control>1" },
    { "win.page::import", "<Control>2" },
    { "win.page::attribution", "<Control>3" },
    { "win.page::forecast", "<Control>4" },
    { "win.page::optimizer", "<Control>5" },
    { "app.help", "F1" },
    { "app.preferences", "<Control>comma" },
    { "app.quit", "<Control>q" },
  };
  GtkApplication *app = GTK_APPLICATION (fixture->app);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, expected[i].action);

      g_assert_nonnull (accels[0]);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }

  /* Ctrl+? opens the shortcuts window, loaded from the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  }
}

static void
test_settings_remembered (MmxUiTestFixture *fixture,
                          gconstpointer     size)
{
  g_autofree char *page = NULL;
  g_autofree char *range = NULL;
  int width, height;

  /* The window opens at the size saved. */
  mmx_ui_test_open_window (fixture, 1000, 700);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "forecast");
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "range",
                                      g_variant_new_string ("last-30-days"));
  /* Closing saves the size it has, whatever was saved before. */
  g_settings_set_int (fixture->settings, "window-width", 500);
  mmx_ui_test_close_window (fixture);

  page = g_settings_get_string (fixture->settings, "last-page");
  range = g_settings_get_string (fixture->settings, "date-range");
  g_assert_cmpstr (page, ==, "forecast");
  g_assert_cmpstr (range, ==, "last-30-days");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (fixture->settings, "window-maximized"));

  /* A new window opens where the last one was left. */
  fixture->window = g_object_ref_sink (mmx_window_new (fixture->app));
  gtk_window_present (GTK_WINDOW (fixture->window));
  mmx_ui_test_wait_for_dashboard (fixture);
  g_assert_cmpstr (mmx_window_get_page (fixture->window), ==, "forecast");
  g_assert_cmpstr (g_variant_get_string (g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "range"), NULL),
                   ==, "last-30-days");
}

static void
test_accessible_labels (MmxUiTestFixture *fixture,
                        gconstpointer     size)
{
  g_autoptr(MmxPreferencesWindow) preferences = NULL;
  g_autoptr(MmxRangeDialog) range = NULL;

  mmx_ui_test_assert_labelled (GTK_WIDGET (fixture->window));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (mmx_dashboard_page_get_kpi_tile (mmx_window_get_dashboard_page (fixture->window),
                                                                                    MMX_DASHBOARD_KPI_SPEND)),
                                   GTK_ACCESSIBLE_ROLE_GROUP);

  preferences = g_object_ref_sink (mmx_preferences_window_new (GTK_WINDOW (fixture->window),
                                                               fixture->db_path));
  gtk_window_present (GTK_WINDOW (preferences));
  mmx_ui_test_wait_for_draw (GTK_WIDGET (preferences));
  mmx_ui_test_assert_labelled (GTK_WIDGET (preferences));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (preferences), "preferences"));
  gtk_window_destroy (GTK_WINDOW (preferences));

  range = g_object_ref_sink (mmx_range_dialog_new (GTK_WINDOW (fixture->window), NULL, "2025-01-01",
                                                   "2025-03-31"));
  gtk_window_present (GTK_WINDOW (range));
  mmx_ui_test_wait_for_draw (GTK_WIDGET (range));
  mmx_ui_test_assert_labelled (GTK_WIDGET (range));
  g_free (mmx_ui_test_save_screenshot (GTK_WIDGET (range), "custom-range"));
  gtk_window_destroy (GTK_WINDOW (range));
}

typedef struct
{
  char *from;
  char *to;
} Chosen;

static void
chosen_cb (MmxRangeDialog *dialog,
           const char     *from,
           const char     *to,
           Chosen         *chosen)
{
  chosen->from = g_strdup (from);
  chosen->to = g_strdup (to);
}

static void
test_custom_range_dialog (MmxUiTestFixture *fixture,
                          gconstpointer     size)
{
  MmxRangeDialog *dialog;
  Chosen chosen = { 0 };

  dialog = mmx_range_dialog_new (GTK_WINDOW (fixture->window), NULL, "2025-01-05", "2025-02-20");
  g_signal_connect (dialog, "chosen", G_CALLBACK (chosen_cb), &chosen);
  gtk_window_present (GTK_WINDOW (dialog));

  /* A reversed range is not applied. */
  mmx_range_dialog_select (dialog, "2025-03-01", "2025-02-01");
  mmx_range_dialog_apply (dialog);
  g_assert_null (chosen.from);

  mmx_range_dialog_select (dialog, "2025-01-05", "2025-02-20");
  mmx_range_dialog_apply (dialog);
  g_assert_cmpstr (chosen.from, ==, "2025-01-05");
  g_assert_cmpstr (chosen.to, ==, "2025-02-20");
  g_free (chosen.from);
  g_free (chosen.to);
}

/* The GResource holds every template and icon, and they load. */
static void
test_resources (void)
{
  static const char *icons[] = {
    "icons/scalable/actions/mmx-dashboard-symbolic.svg",
    "icons/scalable/actions/mmx-import-symbolic.svg",
    "icons/scalable/actions/mmx-attribution-symbolic.svg",
    "icons/scalable/actions/mmx-forecast-symbolic.svg",
    "icons/scalable/actions/mmx-optimizer-symbolic.svg",
    "icons/scalable/apps/io.github.marketingmix.MarketingMix.svg",
    "icons/symbolic/apps/io.github.marketingmix.MarketingMix-symbolic.svg",
  };
  g_auto(GStrv) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GBytes) sample = NULL;

  templates = g_resources_enumerate_children (MMX_RESOURCE_BASE "/ui", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (templates), ==, 9);

  builder = gtk_builder_new_from_resource (MMX_RESOURCE_BASE "/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", MMX_RESOURCE_BASE, icons[i]);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_resource (path);

      g_assert_cmpint (gdk_texture_get_width (texture), >=, 16);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, gdk_texture_get_height (texture));
    }

  /* The sample data and the template are there whether or not the
   * program is installed. */
  sample = g_resources_lookup_data (MMX_RESOURCE_BASE "/samples/demo-daily.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (sample), >, 100000);
  g_clear_pointer (&sample, g_bytes_unref);
  sample = g_resources_lookup_data (MMX_RESOURCE_BASE "/samples/template.csv", 0, &error);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  mmx_ui_test_init (&argc, &argv);

  MMX_UI_TEST_ADD ("/mmx/ui/window/opens-empty", MMX_UI_TEST_WIDE, test_opens_empty);
  MMX_UI_TEST_ADD ("/mmx/ui/window/pages", MMX_UI_TEST_WIDE, test_pages);
  MMX_UI_TEST_ADD ("/mmx/ui/window/pages-phone", MMX_UI_TEST_PHONE, test_pages);
  MMX_UI_TEST_ADD ("/mmx/ui/window/shortcuts", MMX_UI_TEST_WIDE, test_shortcuts);
  MMX_UI_TEST_ADD ("/mmx/ui/window/settings-remembered", NULL, test_settings_remembered);
  MMX_UI_TEST_ADD ("/mmx/ui/window/accessible-labels", MMX_UI_TEST_WIDE, test_accessible_labels);
  MMX_UI_TEST_ADD ("/mmx/ui/window/custom-range-dialog", MMX_UI_TEST_WIDE,
                   test_custom_range_dialog);
  g_test_add_func ("/mmx/ui/window/resources", test_resources);

  return g_test_run ();
}
