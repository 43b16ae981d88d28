/* mmx-http-request.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-http-request-private.h"

MmxHttpRequest *
_mmx_http_request_new (const char *method,
                       const char *path)
{
  MmxHttpRequest *self = g_new0 (MmxHttpRequest, 1);

  self->method = g_strdup (method);
  self->path = g_strdup (path);
  self->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->started = g_get_monotonic_time ();
  return self;
}

void
mmx_http_request_free (MmxHttpRequest *self)
{
  if (self == NULL)
    return;
  g_free (self->method);
  g_free (self->path);
  g_free (self->client_ip);
  g_free (self->request_id);
  g_free (self->subject);
  g_free (self->error_code);
  g_hash_table_unref (self->headers);
  g_hash_table_unref (self->query);
  g_hash_table_unref (self->params);
  if (self->body_buffer != NULL)
    g_byte_array_unref (self->body_buffer);
  g_clear_pointer (&self->body, g_bytes_unref);
  mmx_http_response_free (self->early_response);
  mmx_http_response_free (self->response);
  g_free (self);
}

/**
 * mmx_http_request_get_header:
 * @self: a request
 * @name: a header name, in lower case
 *
 * Returns: (nullable): its value
 */
const char *
mmx_http_request_get_header (MmxHttpRequest *self,
                             const char     *name)
{
  return g_hash_table_lookup (self->headers, name);
}

const char *
mmx_http_request_get_query (MmxHttpRequest *self,
                            const char     *name)
{
  return g_hash_table_lookup (self->query, name);
}

/**
 * mmx_http_request_get_param:
 * @self: a request
 * @name: the name of a `{name}` segment of the route
 *
 * Returns: (nullable): the segment of the path it matched
 */
const char *
mmx_http_request_get_param (MmxHttpRequest *self,
                            const char     *name)
{
  return g_hash_table_lookup (self->params, name);
}

const char *
mmx_http_request_get_client_ip (MmxHttpRequest *self)
{
  return self->client_ip;
}

/**
 * mmx_http_request_get_body:
 * @self: a request
 *
 * Returns: (transfer none): the body, decompressed when it was sent gzipped
 */
GBytes *
mmx_http_request_get_body (MmxHttpRequest *self)
{
  return self->body;
}

/* Names the account in the access log, once the token is checked. */
void
mmx_http_request_set_subject (MmxHttpRequest *self,
                              const char     *subject)
{
  g_free (self->subject);
  self->subject = g_strdup (subject);
}
