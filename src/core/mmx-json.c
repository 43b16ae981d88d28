/* mmx-json.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-json.h"

/* Members of the objects results are written as. What has no value (a
 * missing string, a ratio over zero) is null, so no reader ever meets NaN
 * or an infinity, which JSON cannot hold. */

void
mmx_json_add_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
mmx_json_add_number (JsonBuilder *builder,
                     const char  *member,
                     double       value)
{
  json_builder_set_member_name (builder, member);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
mmx_json_add_int (JsonBuilder *builder,
                  const char  *member,
                  gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
mmx_json_add_boolean (JsonBuilder *builder,
                      const char  *member,
                      gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
mmx_json_add_strv (JsonBuilder        *builder,
                   const char         *member,
                   const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/**
 * mmx_json_to_string:
 * @builder: a builder holding a complete value
 * @pretty: whether to indent
 *
 * Returns: (transfer full): the JSON text
 */
char *
mmx_json_to_string (JsonBuilder *builder,
                    gboolean     pretty)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
