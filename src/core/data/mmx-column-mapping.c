/* mmx-column-mapping.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-column-mapping"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mmx-channel-name.h"
#include "mmx-column-mapping.h"
#include "mmx-import-error.h"

/* What the user said about a file's columns, for headers nobody can guess
 * ("y", "x1", "tv_S"): their roles, the date format when the dates are
 * ambiguous, and the channel of a file that holds a single channel. */
struct _MmxColumnMapping
{
  GObject        parent_instance;

  GPtrArray     *columns;
  GPtrArray     *roles;
  char          *name;
  char          *channel;
  MmxDateFormat  date_format;
  char           delimiter;
};

G_DEFINE_FINAL_TYPE (MmxColumnMapping, mmx_column_mapping, G_TYPE_OBJECT)

static int
find_column (MmxColumnMapping *self,
             const char       *column)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->columns, i), column) == 0)
      return (int) i;
  return -1;
}

/* Takes @role, replacing the role @column had. */
static void
put_role (MmxColumnMapping *self,
          const char       *column,
          MmxColumnRole    *role)
{
  int index = find_column (self, column);

  if (index >= 0)
    {
      mmx_column_role_free (g_ptr_array_index (self->roles, index));
      g_ptr_array_index (self->roles, index) = role;
    }
  else
    {
      g_ptr_array_add (self->columns, g_strdup (column));
      g_ptr_array_add (self->roles, role);
    }
}

static void
mmx_column_mapping_finalize (GObject *object)
{
  MmxColumnMapping *self = (MmxColumnMapping *) object;

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->channel, g_free);

  G_OBJECT_CLASS (mmx_column_mapping_parent_class)->finalize (object);
}

static void
mmx_column_mapping_class_init (MmxColumnMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mmx_column_mapping_finalize;
}

static void
mmx_column_mapping_init (MmxColumnMapping *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_column_role_free);
}

MmxColumnMapping *
mmx_column_mapping_new (void)
{
  return g_object_new (MMX_TYPE_COLUMN_MAPPING, NULL);
}

/**
 * mmx_column_mapping_set:
 * @self: a mapping
 * @column: a column header, as written in the file
 * @spec: its role, as mmx_column_role_parse() reads it
 * @error: a location for a #GError
 *
 * Sets the role of @column, replacing an earlier one.
 *
 * Returns: %FALSE with @error set when @spec is no role
 */
gboolean
mmx_column_mapping_set (MmxColumnMapping  *self,
                        const char        *column,
                        const char        *spec,
                        GError           **error)
{
  MmxColumnRole *role;

  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  role = mmx_column_role_parse (spec, column, error);
  if (role == NULL)
    return FALSE;
  put_role (self, column, role);
  return TRUE;
}

/**
 * mmx_column_mapping_parse_argument:
 * @self: a mapping
 * @argument: `COLUMN=FIELD`, as given on the command line
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when @argument is malformed
 */
gboolean
mmx_column_mapping_parse_argument (MmxColumnMapping  *self,
                                   const char        *argument,
                                   GError           **error)
{
  const char *equals;
  g_autofree char *column = NULL;

  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), FALSE);
  g_return_val_if_fail (argument != NULL, FALSE);

  equals = strrchr (argument, '=');
  if (equals == NULL || equals == argument)
    {
      g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING,
                   _("“%s” is not a column mapping: write COLUMN=FIELD, for example "
                     "“tv_S=spend:TV” or “y=revenue”."), argument);
      return FALSE;
    }
  column = g_strndup (argument, equals - argument);
  return mmx_column_mapping_set (self, column, equals + 1, error);
}

void
mmx_column_mapping_set_date_format (MmxColumnMapping *self,
                                    MmxDateFormat     format)
{
  g_return_if_fail (MMX_IS_COLUMN_MAPPING (self));

  self->date_format = format;
}

/**
 * mmx_column_mapping_set_delimiter:
 * @self: a mapping
 * @delimiter: `,`, `;`, a tab or `|`; or 0 to detect it
 *
 * Says which character separates the fields, when detection cannot tell.
 */
void
mmx_column_mapping_set_delimiter (MmxColumnMapping *self,
                                  char              delimiter)
{
  g_return_if_fail (MMX_IS_COLUMN_MAPPING (self));
  g_return_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' || delimiter == '\t'
                    || delimiter == '|');

  self->delimiter = delimiter;
}

char
mmx_column_mapping_get_delimiter (MmxColumnMapping *self)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), 0);

  return self->delimiter;
}

void
mmx_column_mapping_set_channel (MmxColumnMapping *self,
                                const char       *channel)
{
  g_return_if_fail (MMX_IS_COLUMN_MAPPING (self));

  if (g_strcmp0 (self->channel, channel) == 0)
    return;
  g_free (self->channel);
  self->channel = g_strdup (channel);
}

/**
 * mmx_column_mapping_update:
 * @self: a mapping
 * @other: another mapping, whose settings win
 *
 * Adds what @other says to @self: a saved mapping, then the options given
 * for this import.
 */
void
mmx_column_mapping_update (MmxColumnMapping *self,
                           MmxColumnMapping *other)
{
  g_return_if_fail (MMX_IS_COLUMN_MAPPING (self));
  g_return_if_fail (MMX_IS_COLUMN_MAPPING (other));

  for (guint i = 0; i < other->columns->len; i++)
    put_role (self, g_ptr_array_index (other->columns, i),
              mmx_column_role_copy (g_ptr_array_index (other->roles, i)));
  if (other->date_format != MMX_DATE_FORMAT_UNKNOWN)
    self->date_format = other->date_format;
  if (other->delimiter != 0)
    self->delimiter = other->delimiter;
  if (other->channel != NULL)
    mmx_column_mapping_set_channel (self, other->channel);
}

gboolean
mmx_column_mapping_is_empty (MmxColumnMapping *self)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), TRUE);

  return self->columns->len == 0 && self->channel == NULL
         && self->date_format == MMX_DATE_FORMAT_UNKNOWN && self->delimiter == 0;
}

guint
mmx_column_mapping_get_n_columns (MmxColumnMapping *self)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), 0);

  return self->columns->len;
}

const char *
mmx_column_mapping_get_column (MmxColumnMapping *self,
                               guint             index)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, index);
}

const MmxColumnRole *
mmx_column_mapping_get_role (MmxColumnMapping *self,
                             guint             index)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), NULL);
  g_return_val_if_fail (index < self->roles->len, NULL);

  return g_ptr_array_index (self->roles, index);
}

/* Headers match written exactly so, else with other case, spacing or
 * punctuation. */
static gboolean
column_matches (const char *column,
                const char *header)
{
  g_autofree char *column_key = NULL;
  g_autofree char *header_key = NULL;

  if (strcmp (column, header) == 0)
    return TRUE;
  column_key = mmx_channel_name_key (column);
  header_key = mmx_channel_name_key (header);
  return strcmp (column_key, header_key) == 0;
}

/**
 * mmx_column_mapping_lookup:
 * @self: a mapping
 * @header: a header of the file
 *
 * Finds the role given for @header: written exactly so, else written with
 * other case, spacing or punctuation.
 *
 * Returns: (nullable): the role, or %NULL when the mapping says nothing
 */
const MmxColumnRole *
mmx_column_mapping_lookup (MmxColumnMapping *self,
                           const char       *header)
{
  int index;

  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), NULL);
  g_return_val_if_fail (header != NULL, NULL);

  index = find_column (self, header);
  if (index >= 0)
    return g_ptr_array_index (self->roles, index);

  for (guint i = 0; i < self->columns->len; i++)
    if (column_matches (g_ptr_array_index (self->columns, i), header))
      return g_ptr_array_index (self->roles, i);
  return NULL;
}

/**
 * mmx_column_mapping_find_missing_column:
 * @self: a mapping
 * @headers: a file's header
 *
 * Returns: (nullable): the first column of the mapping that is not in
 *   @headers, or %NULL when all are
 */
const char *
mmx_column_mapping_find_missing_column (MmxColumnMapping   *self,
                                        const char * const *headers)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      const char *column = g_ptr_array_index (self->columns, i);
      gboolean found = FALSE;

      for (guint h = 0; headers[h] != NULL && !found; h++)
        found = column_matches (column, headers[h]);
      if (!found)
        return column;
    }
  return NULL;
}

MmxDateFormat
mmx_column_mapping_get_date_format (MmxColumnMapping *self)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), MMX_DATE_FORMAT_UNKNOWN);

  return self->date_format;
}

/**
 * mmx_column_mapping_get_name:
 * @self: a mapping
 *
 * Returns: (nullable): the name it is saved under
 */
const char *
mmx_column_mapping_get_name (MmxColumnMapping *self)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), NULL);

  return self->name;
}

void
mmx_column_mapping_set_name (MmxColumnMapping *self,
                             const char       *name)
{
  g_return_if_fail (MMX_IS_COLUMN_MAPPING (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
}

const char *
mmx_column_mapping_get_channel (MmxColumnMapping *self)
{
  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), NULL);

  return self->channel;
}

/**
 * mmx_column_mapping_to_json:
 * @self: a mapping
 *
 * Returns: (transfer full): the mapping as JSON, for the store
 */
char *
mmx_column_mapping_to_json (MmxColumnMapping *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MMX_IS_COLUMN_MAPPING (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autofree char *spec = mmx_column_role_to_string (g_ptr_array_index (self->roles, i));

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, g_ptr_array_index (self->columns, i));
      json_builder_add_string_value (builder, spec);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  if (self->date_format != MMX_DATE_FORMAT_UNKNOWN)
    {
      json_builder_set_member_name (builder, "date_format");
      json_builder_add_string_value (builder, mmx_date_format_to_string (self->date_format));
    }
  if (self->channel != NULL)
    {
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, self->channel);
    }
  if (self->delimiter != 0)
    {
      char delimiter[2] = { self->delimiter, '\0' };

      json_builder_set_member_name (builder, "delimiter");
      json_builder_add_string_value (builder, delimiter);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gpointer
set_corrupt_error (GError **error)
{
  g_set_error (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING,
               _("A saved column mapping is damaged. Delete it and save it again."));
  return NULL;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_string (JsonArray *array,
              guint      index)
{
  return is_string (json_array_get_element (array, index));
}

/* An optional member: absent, null or a string. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *member,
                     const char **out_value)
{
  JsonNode *node = json_object_get_member (object, member);

  *out_value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!is_string (node))
    return FALSE;
  *out_value = json_node_get_string (node);
  return TRUE;
}

/**
 * mmx_column_mapping_new_from_json:
 * @json: what mmx_column_mapping_to_json() wrote
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the mapping, or %NULL with @error set
 */
MmxColumnMapping *
mmx_column_mapping_new_from_json (const char  *json,
                                  GError     **error)
{
  g_autoptr(MmxColumnMapping) self = mmx_column_mapping_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *columns;
  const char *date_format;
  const char *channel;
  const char *delimiter;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return set_corrupt_error (error);

  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, "columns")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "columns")))
    return set_corrupt_error (error);

  columns = json_object_get_array_member (object, "columns");
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonNode *pair = json_array_get_element (columns, i);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (pair))
        return set_corrupt_error (error);
      array = json_node_get_array (pair);
      if (json_array_get_length (array) != 2 || !holds_string (array, 0) || !holds_string (array, 1))
        return set_corrupt_error (error);
      if (!mmx_column_mapping_set (self,
                                   json_array_get_string_element (array, 0),
                                   json_array_get_string_element (array, 1),
                                   error))
        return NULL;
    }

  if (!get_optional_string (object, "date_format", &date_format)
      || !get_optional_string (object, "channel", &channel)
      || !get_optional_string (object, "delimiter", &delimiter))
    return set_corrupt_error (error);
  /* One we do not know is left to detection too. */
  if (delimiter != NULL && strlen (delimiter) == 1 && strchr (",;\t|", delimiter[0]) != NULL)
    self->delimiter = delimiter[0];
  /* A format this version does not know is left to detection. */
  if (date_format != NULL)
    self->date_format = mmx_date_format_from_string (date_format);
  mmx_column_mapping_set_channel (self, channel);

  return g_steal_pointer (&self);
}
