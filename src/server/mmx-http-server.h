/* mmx-http-server.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mmx-access-log.h"
#include "mmx-http-router.h"

G_BEGIN_DECLS

#define MMX_HTTP_SERVER_ERROR (mmx_http_server_error_quark ())

typedef enum
{
  MMX_HTTP_SERVER_ERROR_START,
} MmxHttpServerError;

/**
 * MmxHttpServerLimits:
 * @threads: connection threads, each with its own epoll loop
 * @max_connections: connections open at once, in all
 * @max_connections_per_ip: from one address; 0 for no limit (behind a proxy)
 * @connection_timeout: seconds a connection may stay idle
 * @connection_memory: bytes of buffer per connection (request line and headers)
 * @heavy_threads: threads that run password hashes, so at most this many
 *   hashes take memory at once
 * @heavy_queue: requests that may wait for a hashing thread; more get 429
 * @heavy_max_wait_usec: a request that waited longer gets 429, not a hash
 */
typedef struct
{
  guint  threads;
  guint  max_connections;
  guint  max_connections_per_ip;
  guint  connection_timeout;
  gsize  connection_memory;
  guint  heavy_threads;
  guint  heavy_queue;
  gint64 heavy_max_wait_usec;
} MmxHttpServerLimits;

typedef struct _MmxHttpServer MmxHttpServer;

GQuark         mmx_http_server_error_quark (void);
MmxHttpServer *mmx_http_server_new        (MmxHttpRouter              *router,
                                           const MmxHttpServerLimits  *limits,
                                           MmxAccessLog               *log,
                                           const char * const         *trusted_proxies) G_GNUC_WARN_UNUSED_RESULT;
gboolean       mmx_http_server_set_tls    (MmxHttpServer              *self,
                                           const char                 *cert_file,
                                           const char                 *key_file,
                                           GError                    **error);
gboolean       mmx_http_server_start      (MmxHttpServer              *self,
                                           const char                 *listen,
                                           GError                    **error);
guint16        mmx_http_server_get_port   (MmxHttpServer              *self);
void           mmx_http_server_free       (MmxHttpServer              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxHttpServer, mmx_http_server_free)

G_END_DECLS
