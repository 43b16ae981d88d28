/* mmx-http-request-private.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <microhttpd.h>

#include "mmx-http-request.h"
#include "mmx-http-response.h"
#include "mmx-http-router.h"

G_BEGIN_DECLS

struct _MmxHttpRequest
{
  struct MHD_Connection *connection;
  char                  *method;
  char                  *path;
  char                  *client_ip;
  char                  *request_id;
  char                  *subject;
  char                  *error_code;
  /* Header names lower-cased; both tables are filled on the first call,
   * so a handler on another thread never touches the connection. */
  GHashTable            *headers;
  GHashTable            *query;
  GHashTable            *params;
  const MmxHttpRoute    *route;
  GByteArray            *body_buffer;
  GBytes                *body;
  /* Set before the body is read when the answer is known already. */
  MmxHttpResponse       *early_response;
  /* Set by a worker thread before it resumes the connection. */
  MmxHttpResponse       *response;
  gint64                 started;
  gint64                 queued;
  guint                  status;
  gsize                  bytes_sent;
};

MmxHttpRequest *_mmx_http_request_new (const char *method,
                                       const char *path);

G_END_DECLS
