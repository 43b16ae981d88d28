/* mmx-http-router.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-http-request.h"
#include "mmx-http-response.h"

G_BEGIN_DECLS

typedef MmxHttpResponse *(*MmxHttpHandler) (MmxHttpRequest *request,
                                            gpointer        user_data);

/**
 * MmxHttpRouteFlags:
 * @MMX_HTTP_ROUTE_HEAVY: the handler hashes a password: it runs on the
 *   bounded pool of hashing threads, never on a connection thread
 * @MMX_HTTP_ROUTE_JSON: a body, if any, must be `application/json`
 */
typedef enum
{
  MMX_HTTP_ROUTE_DEFAULT = 0,
  MMX_HTTP_ROUTE_HEAVY = 1 << 0,
  MMX_HTTP_ROUTE_JSON = 1 << 1,
} MmxHttpRouteFlags;

typedef struct
{
  char              *method;
  GStrv              segments;
  MmxHttpRouteFlags  flags;
  gsize              max_body;
  MmxHttpHandler     handler;
  /* Runs on the connection thread before a heavy handler is queued; an
   * answer it gives is the answer. */
  MmxHttpHandler     guard;
  gpointer           user_data;
} MmxHttpRoute;

typedef struct _MmxHttpRouter MmxHttpRouter;

MmxHttpRouter      *mmx_http_router_new   (void) G_GNUC_WARN_UNUSED_RESULT;
MmxHttpRoute       *mmx_http_router_add   (MmxHttpRouter      *self,
                                           const char         *method,
                                           const char         *pattern,
                                           MmxHttpRouteFlags   flags,
                                           gsize               max_body,
                                           MmxHttpHandler      handler,
                                           gpointer            user_data);
const MmxHttpRoute *mmx_http_router_match (MmxHttpRouter      *self,
                                           const char         *method,
                                           const char         *path,
                                           GHashTable         *params,
                                           char              **out_allowed);
void                mmx_http_router_free  (MmxHttpRouter      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxHttpRouter, mmx_http_router_free)

G_END_DECLS
