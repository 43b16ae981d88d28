/* test-json-strict.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-json-strict.h"

typedef struct
{
  const char *text;
  int         code;
} Rejected;

/* Everything json-glib 1.6 would take but RFC 8259 does not, and more. */
static const Rejected rejected[] = {
  { "", MMX_JSON_ERROR_SYNTAX },
  { "   ", MMX_JSON_ERROR_SYNTAX },
  { "{'a':1}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":0x10}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":01}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":1.}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":.5}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":+1}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":1e}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":-}", MMX_JSON_ERROR_SYNTAX },
  { "/* c */{\"a\":1}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":1} // c", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":1}{\"b\":2}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":1,}", MMX_JSON_ERROR_SYNTAX },
  { "[1,]", MMX_JSON_ERROR_SYNTAX },
  { "{a:1}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\" 1}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":\"\\x41\"}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":\"tab\there\"}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":\"\\u0000\"}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":\"\\u12\"}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":\"open}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":NaN}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":Infinity}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":tru}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":nul}", MMX_JSON_ERROR_SYNTAX },
  { "{\"a\":\"\\ud800\"}", MMX_JSON_ERROR_ENCODING },
  { "{\"a\":\"\\udc00\"}", MMX_JSON_ERROR_ENCODING },
  { "{\"a\":\"\\ud800\\u0041\"}", MMX_JSON_ERROR_ENCODING },
  { "{\"a\":\"\xff\"}", MMX_JSON_ERROR_ENCODING },
  { "{\"a\":1,\"a\":2}", MMX_JSON_ERROR_DUPLICATE_MEMBER },
  { "{\"a\":1,\"\\u0061\":2}", MMX_JSON_ERROR_DUPLICATE_MEMBER },
  { "{\"a\":99999999999999999999}", MMX_JSON_ERROR_NUMBER_RANGE },
  { "{\"a\":-9223372036854775809}", MMX_JSON_ERROR_NUMBER_RANGE },
  { "{\"a\":1e999}", MMX_JSON_ERROR_NUMBER_RANGE },
  { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", MMX_JSON_ERROR_TOO_DEEP },
};

static void
test_rejects (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = mmx_json_parse_strict (rejected[i].text, strlen (rejected[i].text),
                                                        1024, 32, &error);

      g_test_message ("%s", rejected[i].text);
      g_assert_null (node);
      g_assert_error (error, MMX_JSON_ERROR, rejected[i].code);
      g_assert_true (g_str_has_prefix (error->message, "Invalid JSON at byte ")
                     || rejected[i].code == MMX_JSON_ERROR_ENCODING);
    }
}

static void
test_accepts (void)
{
  static const char * const accepted[] = {
    "{}", "[]", "0", "-0", "1.5e-3", "-12E+2", "true", "false", "null", "\"\"",
    " {\"a\" : [1, 2.5, \"x\", {\"b\": null}] }\r\n",
    "{\"emoji\":\"\\ud83d\\ude00\",\"esc\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"raw\":\"é\"}",
    "{\"big\":9223372036854775807,\"small\":-9223372036854775808}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = mmx_json_parse_strict (accepted[i], strlen (accepted[i]),
                                                        1024, 32, &error);

      g_test_message ("%s", accepted[i]);
      g_assert_no_error (error);
      g_assert_nonnull (node);
    }
}

static void
test_decodes (void)
{
  const char *text = "{\"emoji\":\"\\ud83d\\ude00\",\"big\":9223372036854775807}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = mmx_json_parse_object (text, strlen (text), 1024, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (object, "emoji"), ==, "😀");
  g_assert_cmpint (json_object_get_int_member (object, "big"), ==, G_MAXINT64);
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mmx_json_parse_strict ("[1,2,3]", 7, 6, 32, &error);
  g_autoptr(JsonObject) object = NULL;

  g_assert_null (node);
  g_assert_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Not nul-terminated: only the given bytes count. */
  node = mmx_json_parse_strict ("[1]xyz", 3, 16, 32, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  /* A nul byte inside the text is not UTF-8 text. */
  g_clear_pointer (&node, json_node_unref);
  node = mmx_json_parse_strict ("[1]\0", 4, 16, 32, &error);
  g_assert_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_ENCODING);
  g_clear_error (&error);

  object = mmx_json_parse_object ("[1]", 3, 16, &error);
  g_assert_null (object);
  g_assert_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA);
}

static void
test_members (void)
{
  const char *text = "{\"email\":\"a@b.c\",\"n\":7,\"d\":1.5,\"long\":\"ééé\"}";
  static const char * const known[] = { "email", "n", "d", "long", NULL };
  static const char * const fewer[] = { "email", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = mmx_json_parse_object (text, strlen (text), 1024, &error);
  const char *value = NULL;
  gint64 number = 0;

  g_assert_no_error (error);
  g_assert_true (mmx_json_check_members (object, known, &error));
  g_assert_false (mmx_json_check_members (object, fewer, &error));
  g_assert_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "“n”"));
  g_clear_error (&error);

  g_assert_true (mmx_json_read_string (object, "email", TRUE, 10, &value, &error));
  g_assert_cmpstr (value, ==, "a@b.c");
  g_assert_true (mmx_json_read_string (object, "missing", FALSE, 10, &value, &error));
  g_assert_null (value);
  g_assert_false (mmx_json_read_string (object, "missing", TRUE, 10, &value, &error));
  g_assert_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA);
  g_clear_error (&error);
  g_assert_false (mmx_json_read_string (object, "n", TRUE, 10, &value, &error));
  g_assert_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA);
  g_clear_error (&error);
  /* Characters, not bytes. */
  g_assert_true (mmx_json_read_string (object, "long", TRUE, 3, &value, &error));
  g_assert_false (mmx_json_read_string (object, "long", TRUE, 2, &value, &error));
  g_clear_error (&error);

  g_assert_true (mmx_json_read_int (object, "n", TRUE, 0, 10, &number, &error));
  g_assert_cmpint (number, ==, 7);
  g_assert_false (mmx_json_read_int (object, "n", TRUE, 8, 10, &number, &error));
  g_clear_error (&error);
  g_assert_false (mmx_json_read_int (object, "d", TRUE, 0, 10, &number, &error));
  g_assert_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mmx/core/json-strict/rejects", test_rejects);
  g_test_add_func ("/mmx/core/json-strict/accepts", test_accepts);
  g_test_add_func ("/mmx/core/json-strict/decodes", test_decodes);
  g_test_add_func ("/mmx/core/json-strict/limits", test_limits);
  g_test_add_func ("/mmx/core/json-strict/members", test_members);

  return g_test_run ();
}
