/* mmx-json.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void   mmx_json_add_string   (JsonBuilder        *builder,
                              const char         *member,
                              const char         *value);
void   mmx_json_add_number   (JsonBuilder        *builder,
                              const char         *member,
                              double              value);
void   mmx_json_add_int      (JsonBuilder        *builder,
                              const char         *member,
                              gint64              value);
void   mmx_json_add_boolean  (JsonBuilder        *builder,
                              const char         *member,
                              gboolean            value);
void   mmx_json_add_strv     (JsonBuilder        *builder,
                              const char         *member,
                              const char * const *values);
char  *mmx_json_to_string    (JsonBuilder        *builder,
                              gboolean            pretty) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
