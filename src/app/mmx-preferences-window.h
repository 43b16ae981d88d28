/* mmx-preferences-window.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MMX_TYPE_PREFERENCES_WINDOW (mmx_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MmxPreferencesWindow, mmx_preferences_window, MMX, PREFERENCES_WINDOW, AdwPreferencesWindow)

MmxPreferencesWindow *mmx_preferences_window_new (GtkWindow  *parent,
                                                  const char *db_path) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
