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
void   mmx_json_add_pair     (JsonBuilder        *builder,
                              const char         *member,
                              const double        values[2]);
char  *mmx_json_to_string    (JsonBuilder        *builder,
                              gboolean            pretty) G_GNUC_WARN_UNUSED_RESULT;

/**
 * MmxJsonReader:
 * @ok: %FALSE once a member was missing or of the wrong type
 *
 * Reads back what the writers above wrote. A member that is missing or of
 * the wrong type makes the whole text unreadable, as one written by a
 * different version; null stands for a number that was not finite, or a
 * missing string.
 */
typedef struct
{
  gboolean ok;
} MmxJsonReader;

JsonObject *mmx_json_reader_object  (MmxJsonReader *self,
                                     JsonObject    *object,
                                     const char    *member);
JsonArray  *mmx_json_reader_array   (MmxJsonReader *self,
                                     JsonObject    *object,
                                     const char    *member);
double      mmx_json_reader_node    (MmxJsonReader *self,
                                     JsonNode      *node);
double      mmx_json_reader_element (MmxJsonReader *self,
                                     JsonArray     *array,
                                     guint          index);
double      mmx_json_reader_number  (MmxJsonReader *self,
                                     JsonObject    *object,
                                     const char    *member);
const char *mmx_json_reader_string  (MmxJsonReader *self,
                                     JsonObject    *object,
                                     const char    *member);
gboolean    mmx_json_reader_boolean (MmxJsonReader *self,
                                     JsonObject    *object,
                                     const char    *member);
void        mmx_json_reader_pair    (MmxJsonReader *self,
                                     JsonObject    *object,
                                     const char    *member,
                                     double         out[2]);

G_END_DECLS
