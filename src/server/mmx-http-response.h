/* mmx-http-response.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint      status;
  char      *content_type;
  GBytes    *body;
  GPtrArray *headers;
  /* The error code of an error answer, for the access log. */
  char      *error_code;
} MmxHttpResponse;

MmxHttpResponse *mmx_http_response_new_bytes  (guint            status,
                                               const char      *content_type,
                                               GBytes          *body) G_GNUC_WARN_UNUSED_RESULT;
MmxHttpResponse *mmx_http_response_new_json   (guint            status,
                                               JsonBuilder     *builder) G_GNUC_WARN_UNUSED_RESULT;
MmxHttpResponse *mmx_http_response_new_empty  (guint            status) G_GNUC_WARN_UNUSED_RESULT;
MmxHttpResponse *mmx_http_response_new_error  (guint            status,
                                               const char      *code,
                                               const char      *format,
                                               ...) G_GNUC_PRINTF (3, 4) G_GNUC_WARN_UNUSED_RESULT;
MmxHttpResponse *mmx_http_response_new_error_with (guint         status,
                                                   const char   *code,
                                                   const char   *message,
                                                   const char   *extra_member,
                                                   JsonNode     *extra) G_GNUC_WARN_UNUSED_RESULT;
void             mmx_http_response_add_header (MmxHttpResponse *self,
                                               const char      *name,
                                               const char      *value);
void             mmx_http_response_free       (MmxHttpResponse *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxHttpResponse, mmx_http_response_free)

G_END_DECLS
