/* mmx-json-strict.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MMX_JSON_ERROR (mmx_json_error_quark ())

/**
 * MmxJsonError:
 * @MMX_JSON_ERROR_TOO_LARGE: the text is longer than allowed
 * @MMX_JSON_ERROR_ENCODING: the text is not UTF-8
 * @MMX_JSON_ERROR_SYNTAX: the text is not JSON as RFC 8259 defines it
 * @MMX_JSON_ERROR_TOO_DEEP: arrays and objects nest deeper than allowed
 * @MMX_JSON_ERROR_DUPLICATE_MEMBER: an object names a member twice
 * @MMX_JSON_ERROR_NUMBER_RANGE: a number does not fit a 64-bit integer or a double
 * @MMX_JSON_ERROR_SCHEMA: the value is JSON but not of the expected shape
 */
typedef enum
{
  MMX_JSON_ERROR_TOO_LARGE,
  MMX_JSON_ERROR_ENCODING,
  MMX_JSON_ERROR_SYNTAX,
  MMX_JSON_ERROR_TOO_DEEP,
  MMX_JSON_ERROR_DUPLICATE_MEMBER,
  MMX_JSON_ERROR_NUMBER_RANGE,
  MMX_JSON_ERROR_SCHEMA,
} MmxJsonError;

GQuark    mmx_json_error_quark  (void);
JsonNode *mmx_json_parse_strict (const char  *data,
                                 gsize        length,
                                 gsize        max_length,
                                 guint        max_depth,
                                 GError     **error) G_GNUC_WARN_UNUSED_RESULT;
JsonObject *mmx_json_parse_object (const char  *data,
                                   gsize        length,
                                   gsize        max_length,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  mmx_json_check_members  (JsonObject         *object,
                                   const char * const *known,
                                   GError            **error);
gboolean  mmx_json_read_string    (JsonObject         *object,
                                   const char         *member,
                                   gboolean            required,
                                   gsize               max_chars,
                                   const char        **out_value,
                                   GError            **error);
gboolean  mmx_json_read_int       (JsonObject         *object,
                                   const char         *member,
                                   gboolean            required,
                                   gint64              min,
                                   gint64              max,
                                   gint64             *out_value,
                                   GError            **error);

G_END_DECLS
