/* mmx-http-response.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mmx-http-response.h"
#include "mmx-json.h"

/* What a route answers. Every error has the same body,
 * {"error":{"code":"..","message":".."}}: a code for programs, a sentence
 * for people. */

MmxHttpResponse *
mmx_http_response_new_bytes (guint       status,
                             const char *content_type,
                             GBytes     *body)
{
  MmxHttpResponse *self = g_new0 (MmxHttpResponse, 1);

  self->status = status;
  self->content_type = g_strdup (content_type);
  self->body = body != NULL ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  return self;
}

MmxHttpResponse *
mmx_http_response_new_empty (guint status)
{
  return mmx_http_response_new_bytes (status, NULL, NULL);
}

MmxHttpResponse *
mmx_http_response_new_json (guint        status,
                            JsonBuilder *builder)
{
  g_autofree char *text = mmx_json_to_string (builder, FALSE);
  gsize length = strlen (text);
  g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&text), length);

  return mmx_http_response_new_bytes (status, "application/json", body);
}

static void
begin_error (JsonBuilder *builder,
             const char  *code,
             const char  *message)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "code", code);
  mmx_json_add_string (builder, "message", message);
  json_builder_end_object (builder);
}

/**
 * mmx_http_response_new_error_with:
 * @status: the HTTP status
 * @code: the error code
 * @message: the sentence
 * @extra_member: (nullable): a member to add beside "error"
 * @extra: (nullable) (transfer none): its value; %NULL gives null
 *
 * Returns: (transfer full): an error answer that also carries data, as a
 *   conflict carries the server's copy
 */
MmxHttpResponse *
mmx_http_response_new_error_with (guint       status,
                                  const char *code,
                                  const char *message,
                                  const char *extra_member,
                                  JsonNode   *extra)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MmxHttpResponse *self;

  begin_error (builder, code, message);
  if (extra_member != NULL)
    {
      json_builder_set_member_name (builder, extra_member);
      if (extra != NULL)
        json_builder_add_value (builder, json_node_copy (extra));
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  self = mmx_http_response_new_json (status, builder);
  self->error_code = g_strdup (code);
  return self;
}

MmxHttpResponse *
mmx_http_response_new_error (guint       status,
                             const char *code,
                             const char *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return mmx_http_response_new_error_with (status, code, message, NULL, NULL);
}

void
mmx_http_response_add_header (MmxHttpResponse *self,
                              const char      *name,
                              const char      *value)
{
  g_ptr_array_add (self->headers, g_strdup (name));
  g_ptr_array_add (self->headers, g_strdup (value));
}

void
mmx_http_response_free (MmxHttpResponse *self)
{
  if (self == NULL)
    return;
  g_free (self->content_type);
  g_bytes_unref (self->body);
  g_ptr_array_unref (self->headers);
  g_free (self->error_code);
  g_free (self);
}
