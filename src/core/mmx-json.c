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

/* An interval or a pair, null when unknown. JSON has no infinity, and an
 * interval may have no upper end (a cost per acquisition where the data
 * allow no effect at all): that end alone is null. */
void
mmx_json_add_pair (JsonBuilder  *builder,
                   const char   *member,
                   const double  values[2])
{
  json_builder_set_member_name (builder, member);
  if (!isfinite (values[0]) || isnan (values[1]) || values[1] == -INFINITY)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, values[0]);
  if (isfinite (values[1]))
    json_builder_add_double_value (builder, values[1]);
  else
    json_builder_add_null_value (builder);
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

JsonObject *
mmx_json_reader_object (MmxJsonReader *self,
                        JsonObject    *object,
                        const char    *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      self->ok = FALSE;
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
mmx_json_reader_array (MmxJsonReader *self,
                       JsonObject    *object,
                       const char    *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      self->ok = FALSE;
      return NULL;
    }
  return json_node_get_array (node);
}

double
mmx_json_reader_node (MmxJsonReader *self,
                      JsonNode      *node)
{
  if (node == NULL)
    {
      self->ok = FALSE;
      return NAN;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  if (!JSON_NODE_HOLDS_VALUE (node) || (json_node_get_value_type (node) != G_TYPE_DOUBLE
                                        && json_node_get_value_type (node) != G_TYPE_INT64))
    {
      self->ok = FALSE;
      return NAN;
    }
  return json_node_get_double (node);
}

/* Element @index of @array, as mmx_json_reader_node() reads it. */
double
mmx_json_reader_element (MmxJsonReader *self,
                         JsonArray     *array,
                         guint          index)
{
  return mmx_json_reader_node (self, index < json_array_get_length (array)
                                     ? json_array_get_element (array, index) : NULL);
}

double
mmx_json_reader_number (MmxJsonReader *self,
                        JsonObject    *object,
                        const char    *member)
{
  return mmx_json_reader_node (self, object != NULL ? json_object_get_member (object, member)
                                                    : NULL);
}

const char *
mmx_json_reader_string (MmxJsonReader *self,
                        JsonObject    *object,
                        const char    *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      self->ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

gboolean
mmx_json_reader_boolean (MmxJsonReader *self,
                         JsonObject    *object,
                         const char    *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      self->ok = FALSE;
      return FALSE;
    }
  return json_node_get_boolean (node);
}

/* What mmx_json_add_pair() wrote: NaN for both ends when it was null. */
void
mmx_json_reader_pair (MmxJsonReader *self,
                      JsonObject    *object,
                      const char    *member,
                      double         out[2])
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  JsonArray *array;

  out[0] = out[1] = NAN;
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return;
  array = mmx_json_reader_array (self, object, member);
  if (array == NULL || json_array_get_length (array) != 2)
    {
      self->ok = FALSE;
      return;
    }
  out[0] = mmx_json_reader_element (self, array, 0);
  out[1] = mmx_json_reader_element (self, array, 1);
}
