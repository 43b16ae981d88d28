/* mmx-ui-test-utils.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-application.h"
#include "mmx-window.h"

G_BEGIN_DECLS

/* UI tests wait this long at most for a job or a draw; a sanitizer build
 * under Xvfb is slow. */
#define MMX_UI_TEST_TIMEOUT_SECONDS 60

typedef gboolean (*MmxUiTestCondition) (gpointer data);

/* A fresh database and a window on it, sized as given. */
typedef struct
{
  char           *dir;
  char           *db_path;
  MmxApplication *app;
  MmxWindow      *window;
  GSettings      *settings;
} MmxUiTestFixture;

void            mmx_ui_test_init               (int                 *argc,
                                                char              ***argv);
MmxApplication *mmx_ui_test_get_application    (void);
void            mmx_ui_test_fixture_set_up     (MmxUiTestFixture    *fixture,
                                                gconstpointer        size);
void            mmx_ui_test_fixture_tear_down  (MmxUiTestFixture    *fixture,
                                                gconstpointer        size);
void            mmx_ui_test_open_window        (MmxUiTestFixture    *fixture,
                                                int                  width,
                                                int                  height);
void            mmx_ui_test_close_window       (MmxUiTestFixture    *fixture);
void            mmx_ui_test_wait_until         (MmxUiTestCondition   condition,
                                                gpointer             data,
                                                const char          *what);
void            mmx_ui_test_wait_for_dashboard (MmxUiTestFixture    *fixture);
void            mmx_ui_test_wait_for_import    (MmxUiTestFixture    *fixture,
                                                const char          *state);
void            mmx_ui_test_wait_for_draw      (GtkWidget           *widget);
char           *mmx_ui_test_save_screenshot    (GtkWidget           *widget,
                                                const char          *name) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_ui_test_import_sample      (MmxUiTestFixture    *fixture);
GFile          *mmx_ui_test_write_csv          (MmxUiTestFixture    *fixture,
                                                const char          *name,
                                                const char          *contents) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_ui_test_assert_labelled    (GtkWidget           *widget);
MmxOverview    *mmx_ui_test_query_overview     (MmxUiTestFixture    *fixture,
                                                MmxDateRangePreset   preset) G_GNUC_WARN_UNUSED_RESULT;

/* Window sizes for g_test_add() data. */
#define MMX_UI_TEST_WIDE   GINT_TO_POINTER (1)
#define MMX_UI_TEST_PHONE  GINT_TO_POINTER (2)
#define MMX_UI_TEST_TALL   GINT_TO_POINTER (3)

#define MMX_UI_TEST_ADD(path, size, func) \
  g_test_add (path, MmxUiTestFixture, size, mmx_ui_test_fixture_set_up, func, \
              mmx_ui_test_fixture_tear_down)

G_END_DECLS
