/* mmx-json-strict.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mmx-json-strict.h"

/* json-glib 1.6 parses with GScanner, which also takes single quotes, hex
 * and octal numbers, comments, "1.", ".5", raw control characters in
 * strings, unknown escapes, several documents in a row, duplicate members
 * (the last wins) and integers that overflow. Text from the network is
 * first checked against RFC 8259 here, so json-glib only ever sees JSON it
 * reads the way every other parser does. */

G_DEFINE_QUARK (mmx-json-error-quark, mmx_json_error)

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       depth;
  guint       max_depth;
  GError    **error;
} Checker;

static gboolean check_value (Checker *self);

static gboolean
fail (Checker    *self,
      int         code,
      const char *what)
{
  g_set_error (self->error, MMX_JSON_ERROR, code,
               _("Invalid JSON at byte %" G_GSIZE_FORMAT ": %s."), self->pos + 1, what);
  return FALSE;
}

static gboolean
at_end (Checker *self)
{
  return self->pos >= self->length;
}

static char
peek (Checker *self)
{
  return at_end (self) ? '\0' : self->data[self->pos];
}

static void
skip_whitespace (Checker *self)
{
  while (!at_end (self) && strchr (" \t\n\r", self->data[self->pos]) != NULL
         && self->data[self->pos] != '\0')
    self->pos++;
}

static gboolean
expect_literal (Checker    *self,
                const char *literal)
{
  gsize len = strlen (literal);

  if (self->length - self->pos < len || memcmp (self->data + self->pos, literal, len) != 0)
    return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected a value"));
  self->pos += len;
  return TRUE;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Checker  *self,
           gunichar *out)
{
  gunichar value = 0;

  if (self->length - self->pos < 4)
    return fail (self, MMX_JSON_ERROR_SYNTAX, _("a \\u escape needs four hex digits"));
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_digit (self->data[self->pos + i]);

      if (digit < 0)
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("a \\u escape needs four hex digits"));
      value = value * 16 + (gunichar) digit;
    }
  self->pos += 4;
  *out = value;
  return TRUE;
}

/* Checks a string at the opening quote; when @decoded is given, also
 * decodes it, so two spellings of a member name compare equal. */
static gboolean
check_string (Checker *self,
              GString *decoded)
{
  g_assert (peek (self) == '"');
  self->pos++;

  for (;;)
    {
      guchar c;

      if (at_end (self))
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("a string is not closed"));
      c = (guchar) self->data[self->pos];
      if (c == '"')
        {
          self->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (self, MMX_JSON_ERROR_SYNTAX,
                     _("a control character in a string must be escaped"));
      if (c != '\\')
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (char) c);
          self->pos++;
          continue;
        }

      self->pos++;
      switch (peek (self))
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          if (decoded != NULL)
            g_string_append_c (decoded, peek (self));
          self->pos++;
          break;
        case 'u':
          {
            gunichar unit;

            self->pos++;
            if (!read_hex4 (self, &unit))
              return FALSE;
            if (unit == 0)
              return fail (self, MMX_JSON_ERROR_SYNTAX, _("a string may not hold \\u0000"));
            if (unit >= 0xDC00 && unit <= 0xDFFF)
              return fail (self, MMX_JSON_ERROR_ENCODING, _("a low surrogate stands alone"));
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                gunichar low;

                if (self->length - self->pos < 2 || self->data[self->pos] != '\\'
                    || self->data[self->pos + 1] != 'u')
                  return fail (self, MMX_JSON_ERROR_ENCODING, _("a high surrogate stands alone"));
                self->pos += 2;
                if (!read_hex4 (self, &low))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  return fail (self, MMX_JSON_ERROR_ENCODING, _("a high surrogate stands alone"));
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              }
            if (decoded != NULL)
              g_string_append_unichar (decoded, unit);
          }
          break;
        default:
          return fail (self, MMX_JSON_ERROR_SYNTAX, _("unknown escape in a string"));
        }
    }
}

static gboolean
skip_digits (Checker *self)
{
  gsize start = self->pos;

  while (g_ascii_isdigit (peek (self)))
    self->pos++;
  return self->pos > start;
}

static gboolean
check_number (Checker *self)
{
  gsize start = self->pos;
  gboolean is_integer = TRUE;
  g_autofree char *text = NULL;
  char *end = NULL;

  if (peek (self) == '-')
    self->pos++;
  if (peek (self) == '0')
    self->pos++;
  else if (!skip_digits (self))
    return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected a digit"));
  if (g_ascii_isdigit (peek (self)))
    return fail (self, MMX_JSON_ERROR_SYNTAX, _("a number may not start with 0"));

  if (peek (self) == '.')
    {
      is_integer = FALSE;
      self->pos++;
      if (!skip_digits (self))
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected a digit after the decimal point"));
    }
  if (peek (self) == 'e' || peek (self) == 'E')
    {
      is_integer = FALSE;
      self->pos++;
      if (peek (self) == '+' || peek (self) == '-')
        self->pos++;
      if (!skip_digits (self))
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected a digit in the exponent"));
    }

  text = g_strndup (self->data + start, self->pos - start);
  errno = 0;
  if (is_integer)
    (void) g_ascii_strtoll (text, &end, 10);
  else
    {
      double value = g_ascii_strtod (text, &end);

      if (!isfinite (value))
        errno = ERANGE;
    }
  if (errno == ERANGE)
    {
      self->pos = start;
      return fail (self, MMX_JSON_ERROR_NUMBER_RANGE, _("the number is too large"));
    }
  return TRUE;
}

static gboolean
enter (Checker *self)
{
  if (++self->depth > self->max_depth)
    return fail (self, MMX_JSON_ERROR_TOO_DEEP, _("arrays and objects nest too deep"));
  self->pos++;
  skip_whitespace (self);
  return TRUE;
}

static gboolean
check_array (Checker *self)
{
  if (!enter (self))
    return FALSE;
  if (peek (self) == ']')
    {
      self->pos++;
      self->depth--;
      return TRUE;
    }
  for (;;)
    {
      if (!check_value (self))
        return FALSE;
      if (peek (self) == ']')
        break;
      if (peek (self) != ',')
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected “,” or “]”"));
      self->pos++;
    }
  self->pos++;
  self->depth--;
  return TRUE;
}

static gboolean
check_object (Checker *self)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!enter (self))
    return FALSE;
  if (peek (self) == '}')
    {
      self->pos++;
      self->depth--;
      return TRUE;
    }
  for (;;)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      gsize name_pos = self->pos;

      if (peek (self) != '"')
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected a member name in double quotes"));
      if (!check_string (self, name))
        return FALSE;
      if (!g_hash_table_add (names, g_string_free (g_steal_pointer (&name), FALSE)))
        {
          self->pos = name_pos;
          return fail (self, MMX_JSON_ERROR_DUPLICATE_MEMBER, _("a member is named twice"));
        }
      skip_whitespace (self);
      if (peek (self) != ':')
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected “:”"));
      self->pos++;
      if (!check_value (self))
        return FALSE;
      if (peek (self) == '}')
        break;
      if (peek (self) != ',')
        return fail (self, MMX_JSON_ERROR_SYNTAX, _("expected “,” or “}”"));
      self->pos++;
      skip_whitespace (self);
    }
  self->pos++;
  self->depth--;
  return TRUE;
}

/* Checks one value and the whitespace around it. */
static gboolean
check_value (Checker *self)
{
  gboolean ok;

  skip_whitespace (self);
  switch (peek (self))
    {
    case '{':
      ok = check_object (self);
      break;
    case '[':
      ok = check_array (self);
      break;
    case '"':
      ok = check_string (self, NULL);
      break;
    case 't':
      ok = expect_literal (self, "true");
      break;
    case 'f':
      ok = expect_literal (self, "false");
      break;
    case 'n':
      ok = expect_literal (self, "null");
      break;
    default:
      if (peek (self) == '-' || g_ascii_isdigit (peek (self)))
        ok = check_number (self);
      else if (at_end (self))
        ok = fail (self, MMX_JSON_ERROR_SYNTAX, _("the text ends where a value should be"));
      else
        ok = fail (self, MMX_JSON_ERROR_SYNTAX, _("expected a value"));
      break;
    }
  if (ok)
    skip_whitespace (self);
  return ok;
}

/**
 * mmx_json_parse_strict:
 * @data: the text, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_length: the longest text accepted
 * @max_depth: how deep arrays and objects may nest
 * @error: a location for a #GError
 *
 * Parses one JSON value exactly as RFC 8259 defines it, with no duplicate
 * object members, no `\u0000`, and numbers a 64-bit integer or a finite
 * double can hold.
 *
 * Returns: (transfer full): the value, or %NULL with @error set
 */
JsonNode *
mmx_json_parse_strict (const char  *data,
                       gsize        length,
                       gsize        max_length,
                       guint        max_depth,
                       GError     **error)
{
  Checker checker = { data, length, 0, 0, max_depth, error };
  g_autoptr(JsonParser) parser = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > max_length)
    {
      g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_TOO_LARGE,
                   _("The JSON text is %" G_GSIZE_FORMAT " bytes long; at most %" G_GSIZE_FORMAT
                     " are accepted."), length, max_length);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, MMX_JSON_ERROR, MMX_JSON_ERROR_ENCODING,
                           _("The JSON text is not valid UTF-8."));
      return NULL;
    }
  if (!check_value (&checker))
    return NULL;
  if (!at_end (&checker))
    {
      fail (&checker, MMX_JSON_ERROR_SYNTAX, _("more text follows the value"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return NULL;
  return json_parser_steal_root (parser);
}

/* Objects sent to us are flat or nearly: deeper nesting is an attack. */
#define OBJECT_MAX_DEPTH 16

/**
 * mmx_json_parse_object:
 * @data: the text
 * @length: its length in bytes
 * @max_length: the longest text accepted
 * @error: a location for a #GError
 *
 * Parses strictly, as mmx_json_parse_strict(), a text that must hold an
 * object: a request body, a license file.
 *
 * Returns: (transfer full): the object, or %NULL with @error set
 */
JsonObject *
mmx_json_parse_object (const char  *data,
                       gsize        length,
                       gsize        max_length,
                       GError     **error)
{
  g_autoptr(JsonNode) root = mmx_json_parse_strict (data, length, max_length,
                                                    OBJECT_MAX_DEPTH, error);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                           _("The JSON text must be an object."));
      return NULL;
    }
  return json_node_dup_object (root);
}

/**
 * mmx_json_check_members:
 * @object: an object
 * @known: (array zero-terminated=1): the member names it may have
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set, naming it, when @object has another member
 */
gboolean
mmx_json_check_members (JsonObject         *object,
                        const char * const *known,
                        GError            **error)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!g_strv_contains (known, name))
      {
        g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                     _("The member “%s” is not expected here."), name);
        return FALSE;
      }
  return TRUE;
}

static JsonNode *
find_member (JsonObject  *object,
             const char  *member,
             gboolean     required,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                 _("The member “%s” is missing."), member);
  return node;
}

/**
 * mmx_json_read_string:
 * @object: an object
 * @member: the member's name
 * @required: whether it must be there
 * @max_chars: the most characters it may have
 * @out_value: (out) (transfer none): the string, %NULL when it is absent
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when the member is missing though
 *   required, is not a string, or is too long
 */
gboolean
mmx_json_read_string (JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      gsize        max_chars,
                      const char **out_value,
                      GError     **error)
{
  JsonNode *node = find_member (object, member, required, error);
  const char *value;

  *out_value = NULL;
  if (node == NULL)
    return !required;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                   _("The member “%s” must be a string."), member);
      return FALSE;
    }
  value = json_node_get_string (node);
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                   _("The member “%s” is longer than %" G_GSIZE_FORMAT " characters."),
                   member, max_chars);
      return FALSE;
    }
  *out_value = value;
  return TRUE;
}

/**
 * mmx_json_read_int:
 * @object: an object
 * @member: the member's name
 * @required: whether it must be there
 * @min: the smallest value allowed
 * @max: the largest value allowed
 * @out_value: (out): the value, left alone when the member is absent
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when the member is missing though
 *   required, is not an integer, or is out of range
 */
gboolean
mmx_json_read_int (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   gint64       min,
                   gint64       max,
                   gint64      *out_value,
                   GError     **error)
{
  JsonNode *node = find_member (object, member, required, error);
  gint64 value;

  if (node == NULL)
    return !required;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                   _("The member “%s” must be an integer."), member);
      return FALSE;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                   _("The member “%s” must be between %" G_GINT64_FORMAT " and %"
                     G_GINT64_FORMAT "."), member, min, max);
      return FALSE;
    }
  *out_value = value;
  return TRUE;
}
