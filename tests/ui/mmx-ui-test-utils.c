/* mmx-ui-test-utils.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mmx-test-utils.h"
#include "mmx-ui-test-utils.h"

static MmxApplication *application;

/* Every key back to its default, so tests do not see each other's. */
static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/**
 * mmx_ui_test_init:
 *
 * GTK's test set-up, and the application registered once for all tests
 * of the program (it cannot be registered twice).
 */
void
mmx_ui_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (argc, argv, NULL);
  application = mmx_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
}

MmxApplication *
mmx_ui_test_get_application (void)
{
  return application;
}

void
mmx_ui_test_fixture_set_up (MmxUiTestFixture *fixture,
                            gconstpointer     size)
{
  fixture->dir = mmx_test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "marketingmix.db", NULL);
  fixture->app = application;
  fixture->settings = g_settings_new (MMX_SCHEMA_ID);
  reset_settings (fixture->settings);
  mmx_application_set_db_path (application, fixture->db_path);

  if (size == MMX_UI_TEST_PHONE)
    mmx_ui_test_open_window (fixture, 360, 720);
  else if (size == MMX_UI_TEST_TALL)
    mmx_ui_test_open_window (fixture, 1280, 2000);
  else if (size == MMX_UI_TEST_WIDE)
    mmx_ui_test_open_window (fixture, 1280, 860);
}

void
mmx_ui_test_fixture_tear_down (MmxUiTestFixture *fixture,
                               gconstpointer     size)
{
  mmx_ui_test_close_window (fixture);
  g_clear_object (&fixture->settings);
  mmx_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static gboolean
dashboard_idle (gpointer data)
{
  MmxUiTestFixture *fixture = data;

  return !mmx_dashboard_page_get_loading (mmx_window_get_dashboard_page (fixture->window))
         && mmx_dashboard_page_get_overview (mmx_window_get_dashboard_page (fixture->window));
}

/**
 * mmx_ui_test_open_window:
 *
 * A window of the size given, drawn, with its first query done.
 */
void
mmx_ui_test_open_window (MmxUiTestFixture *fixture,
                         int               width,
                         int               height)
{
  g_settings_set_int (fixture->settings, "window-width", width);
  g_settings_set_int (fixture->settings, "window-height", height);
  fixture->window = g_object_ref_sink (mmx_window_new (fixture->app));
  gtk_window_present (GTK_WINDOW (fixture->window));
  mmx_ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  mmx_ui_test_wait_for_dashboard (fixture);
}

static gboolean
pages_finalized (gpointer data)
{
  gpointer *pages = data;

  return pages[0] == NULL && pages[1] == NULL;
}

/**
 * mmx_ui_test_close_window:
 *
 * Closes the window and waits until its pages are finalized: their jobs
 * hold them until they end, and must not outlive the test's folder.
 */
void
mmx_ui_test_close_window (MmxUiTestFixture *fixture)
{
  gpointer pages[2];

  if (fixture->window == NULL)
    return;
  pages[0] = mmx_window_get_dashboard_page (fixture->window);
  pages[1] = mmx_window_get_import_page (fixture->window);
  g_object_add_weak_pointer (pages[0], &pages[0]);
  g_object_add_weak_pointer (pages[1], &pages[1]);
  /* Closed as the user closes it: it saves its state. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  mmx_ui_test_wait_until (pages_finalized, pages, "the window's jobs to end");
}

void
mmx_ui_test_wait_until (MmxUiTestCondition  condition,
                        gpointer            data,
                        const char         *what)
{
  gint64 deadline = g_get_monotonic_time () + MMX_UI_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
mmx_ui_test_wait_for_dashboard (MmxUiTestFixture *fixture)
{
  mmx_ui_test_wait_until (dashboard_idle, fixture, "the dashboard's query");
}

typedef struct
{
  MmxImportPage *page;
  const char    *state;
} ImportWait;

static gboolean
import_in_state (gpointer data)
{
  ImportWait *wait = data;

  return g_strcmp0 (mmx_import_page_get_state (wait->page), wait->state) == 0;
}

void
mmx_ui_test_wait_for_import (MmxUiTestFixture *fixture,
                             const char       *state)
{
  ImportWait wait = { mmx_window_get_import_page (fixture->window), state };
  g_autofree char *what = g_strdup_printf ("the import page to show “%s”", state);

  mmx_ui_test_wait_until (import_in_state, &wait, what);
}

static gboolean
is_settled (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;
  if (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget)))
    return FALSE;
  if (GTK_IS_REVEALER (widget)
      && gtk_revealer_get_child_revealed (GTK_REVEALER (widget))
         != gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!is_settled (child))
      return FALSE;
  return TRUE;
}

/**
 * mmx_ui_test_wait_for_draw:
 * @widget: a widget in a window
 *
 * Waits until the cross-fades and reveals under @widget are over and a
 * frame is drawn: a screenshot shows a page, not a blend of two.
 */
void
mmx_ui_test_wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  mmx_ui_test_wait_until ((MmxUiTestCondition) is_settled, widget, "the transitions");
  /* Again: the frame after the last step of a transition. */
  gtk_test_widget_wait_for_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
}

/**
 * mmx_ui_test_save_screenshot:
 * @widget: a window, or any widget drawn
 * @name: the file's name, without `.png`
 *
 * Renders @widget in-process (GUI_TESTING.md, recipe A) into the folder
 * of the test artefacts: $MMX_SCREENSHOT_DIR, else `screenshots` in the
 * build folder.
 *
 * Returns: the path written
 */
char *
mmx_ui_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  const char *dir = g_getenv ("MMX_SCREENSHOT_DIR");
  g_autofree char *folder = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  char *path;
  int width, height;

  mmx_ui_test_wait_for_draw (widget);
  folder = dir ? g_strdup (dir) : g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_mkdir_with_parents (folder, 0755);
  path = g_build_filename (folder, file, NULL);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, width, height);
  return path;
}

/**
 * mmx_ui_test_import_sample:
 *
 * Imports the sample data as the empty state's button does, and waits
 * for the dashboard to show it.
 */
void
mmx_ui_test_import_sample (MmxUiTestFixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.try-sample",
                                             NULL));
  mmx_ui_test_wait_for_import (fixture, "idle");
  mmx_ui_test_wait_until ((MmxUiTestCondition) mmx_dashboard_page_get_has_data,
                          mmx_window_get_dashboard_page (fixture->window), "the sample data");
  mmx_ui_test_wait_for_dashboard (fixture);
}

GFile *
mmx_ui_test_write_csv (MmxUiTestFixture *fixture,
                       const char       *name,
                       const char       *contents)
{
  g_autofree char *path = mmx_test_write_file (fixture->dir, name, contents, -1);

  return g_file_new_for_path (path);
}

/**
 * mmx_ui_test_query_overview:
 *
 * Returns: what the core computes for the range, on a connection of the
 *   test's own
 */
MmxOverview *
mmx_ui_test_query_overview (MmxUiTestFixture   *fixture,
                            MmxDateRangePreset  preset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxStore) store = mmx_store_open (fixture->db_path, &error);
  MmxOverview *overview;

  g_assert_no_error (error);
  overview = mmx_overview_query (store, preset, NULL, NULL, MMX_GRANULARITY_DAILY, &error);
  g_assert_no_error (error);
  return overview;
}

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child))
      return TRUE;
  return FALSE;
}

/**
 * mmx_ui_test_assert_labelled:
 * @widget: a window
 *
 * Every visible button says what it does to a screen reader: by a label
 * of its own or an accessible label. A tooltip does not count. The
 * buttons inside a toast (libadwaita 1.2) and a calendar (GTK 4.8) are
 * the toolkit's, and unlabelled there.
 */
void
mmx_ui_test_assert_labelled (GtkWidget *widget)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") || GTK_IS_CALENDAR (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mmx_ui_test_assert_labelled (child);

  if (!gtk_widget_get_visible (widget) || !(GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)))
    return;
  /* A menu button's inner toggle is labelled by the menu button. */
  if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return;
  if (!has_text (widget)
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autoptr(GString) path = g_string_new (NULL);

      for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
        g_string_prepend (path, G_OBJECT_TYPE_NAME (w)), g_string_prepend (path, " > ");
      g_error ("This button has no label nor accessible label: %s (tooltip “%s”)", path->str,
               gtk_widget_get_tooltip_text (widget));
    }
}
