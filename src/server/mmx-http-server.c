/* mmx-http-server.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-http"

#include "config.h"

#include <arpa/inet.h>
#include <gio/gio.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sodium.h>
#include <string.h>
#include <sys/socket.h>

#include "mmx-http-request-private.h"
#include "mmx-http-server.h"

/* GNU libmicrohttpd with a thread pool, each thread an epoll loop, and
 * every limit set explicitly. A request's headers are checked before its
 * body is read: an unknown route, a body larger than the route takes, or
 * framing that could smuggle a second request is answered at once, and
 * libmicrohttpd then closes the connection unread. Routes that hash
 * passwords are suspended and run on a small pool of their own, so a
 * flood of logins costs a bounded amount of memory and CPU and never
 * blocks the threads that serve everything else; when that pool's queue
 * is full, or a request waited too long in it, the answer is a clean 429. */

#define LISTEN_BACKLOG 1024

struct _MmxHttpServer
{
  MmxHttpRouter       *router;
  MmxHttpServerLimits  limits;
  MmxAccessLog        *log;
  GStrv                trusted_proxies;
  char                *tls_cert;
  char                *tls_key;
  struct MHD_Daemon   *daemon;
  GThreadPool         *heavy;
  /* Held while a request joins the pool, so none joins once it stops. */
  GMutex               heavy_lock;
  gboolean             stopping;
  guint16              port;
};

G_DEFINE_QUARK (mmx-http-server-error-quark, mmx_http_server_error)

/* Headers that must not come twice: two of them would be read
 * differently by the proxy and by us. */
static const char * const singleton_headers[] = {
  "authorization", "content-length", "content-type", "content-encoding", "transfer-encoding",
  "host", NULL
};

static void
free_bytes_cb (void *cls)
{
  g_bytes_unref (cls);
}

static enum MHD_Result
queue_response (MmxHttpRequest  *request,
                MmxHttpResponse *response)
{
  struct MHD_Response *reply;
  GBytes *body = g_bytes_ref (response->body);
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (body, &size);
  enum MHD_Result result;

  reply = MHD_create_response_from_buffer_with_free_callback_cls (size, (void *) data,
                                                                  free_bytes_cb, body);
  if (reply == NULL)
    {
      g_bytes_unref (body);
      return MHD_NO;
    }
  if (response->content_type != NULL)
    MHD_add_response_header (reply, MHD_HTTP_HEADER_CONTENT_TYPE, response->content_type);
  MHD_add_response_header (reply, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  MHD_add_response_header (reply, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header (reply, "X-Request-Id", request->request_id);
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    MHD_add_response_header (reply, g_ptr_array_index (response->headers, i),
                             g_ptr_array_index (response->headers, i + 1));

  request->status = response->status;
  request->bytes_sent = size;
  g_free (request->error_code);
  request->error_code = g_strdup (response->error_code);
  result = MHD_queue_response (request->connection, response->status, reply);
  MHD_destroy_response (reply);
  return result;
}

typedef struct
{
  MmxHttpRequest *request;
  gboolean        duplicate;
} HeaderCollector;

static enum MHD_Result
collect_header_cb (void               *cls,
                   enum MHD_ValueKind  kind,
                   const char         *key,
                   const char         *value)
{
  HeaderCollector *collector = cls;
  g_autofree char *name = g_ascii_strdown (key, -1);

  if (g_hash_table_contains (collector->request->headers, name)
      && g_strv_contains (singleton_headers, name))
    collector->duplicate = TRUE;
  g_hash_table_replace (collector->request->headers, g_steal_pointer (&name),
                        g_strdup (value != NULL ? value : ""));
  return MHD_YES;
}

static enum MHD_Result
collect_query_cb (void               *cls,
                  enum MHD_ValueKind  kind,
                  const char         *key,
                  const char         *value)
{
  MmxHttpRequest *request = cls;

  g_hash_table_replace (request->query, g_strdup (key), g_strdup (value != NULL ? value : ""));
  return MHD_YES;
}

static char *
peer_address (struct MHD_Connection *connection)
{
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  char text[INET6_ADDRSTRLEN] = "";

  if (info == NULL || info->client_addr == NULL)
    return g_strdup ("unknown");
  if (info->client_addr->sa_family == AF_INET)
    inet_ntop (AF_INET, &((const struct sockaddr_in *) info->client_addr)->sin_addr, text,
               sizeof text);
  else if (info->client_addr->sa_family == AF_INET6)
    inet_ntop (AF_INET6, &((const struct sockaddr_in6 *) info->client_addr)->sin6_addr, text,
               sizeof text);
  return g_strdup (text);
}

/* Behind a trusted proxy, the client is the last address the proxy
 * appended to X-Forwarded-For; anything before it the client could forge. */
static char *
client_address (MmxHttpServer  *self,
                MmxHttpRequest *request,
                char           *peer)
{
  const char *forwarded = mmx_http_request_get_header (request, "x-forwarded-for");
  g_auto(GStrv) hops = NULL;
  guint n;

  if (forwarded == NULL || self->trusted_proxies == NULL
      || !g_strv_contains ((const char * const *) self->trusted_proxies, peer))
    return peer;
  hops = g_strsplit (forwarded, ",", -1);
  n = g_strv_length (hops);
  if (n == 0 || !g_hostname_is_ip_address (g_strstrip (hops[n - 1])))
    return peer;
  g_free (peer);
  return g_strdup (hops[n - 1]);
}

static gboolean
is_json_type (const char *content_type)
{
  g_autofree char *type = NULL;
  const char *semicolon;

  if (content_type == NULL)
    return FALSE;
  semicolon = strchr (content_type, ';');
  type = g_strstrip (g_strndup (content_type, semicolon != NULL ? (gsize) (semicolon - content_type)
                                                                : strlen (content_type)));
  return g_ascii_strcasecmp (type, "application/json") == 0;
}

/* The answer known from the request line and headers alone, if any. */
static MmxHttpResponse *
check_headers (MmxHttpServer  *self,
               MmxHttpRequest *request,
               gboolean        duplicate)
{
  const char *length = mmx_http_request_get_header (request, "content-length");
  const char *transfer = mmx_http_request_get_header (request, "transfer-encoding");
  g_autofree char *allowed = NULL;
  guint64 declared = 0;

  if (duplicate)
    return mmx_http_response_new_error (400, "bad_request",
                                        "A header that may appear once appears twice.");
  if (length != NULL && transfer != NULL)
    return mmx_http_response_new_error (400, "bad_request",
                                        "A request may not have both Content-Length and "
                                        "Transfer-Encoding.");
  if (transfer != NULL && g_ascii_strcasecmp (transfer, "chunked") != 0)
    return mmx_http_response_new_error (501, "not_implemented",
                                        "Only the chunked transfer encoding is understood.");
  if (length != NULL && !g_ascii_string_to_unsigned (length, 10, 0, G_MAXUINT64, &declared, NULL))
    return mmx_http_response_new_error (400, "bad_request", "Content-Length is not a number.");

  request->route = mmx_http_router_match (self->router, request->method, request->path,
                                          request->params, &allowed);
  if (request->route == NULL && allowed != NULL)
    {
      MmxHttpResponse *response = mmx_http_response_new_error (405, "method_not_allowed",
                                                               "%s is not allowed on %s.",
                                                               request->method, request->path);

      mmx_http_response_add_header (response, "Allow", allowed);
      return response;
    }
  if (request->route == NULL)
    return mmx_http_response_new_error (404, "not_found", "There is nothing at %s.",
                                        request->path);
  if (declared > request->route->max_body)
    return mmx_http_response_new_error (413, "payload_too_large",
                                        "The body has %" G_GUINT64_FORMAT " bytes; %s takes at "
                                        "most %" G_GSIZE_FORMAT ".", declared, request->path,
                                        request->route->max_body);
  if ((request->route->flags & MMX_HTTP_ROUTE_JSON) && (declared > 0 || transfer != NULL)
      && !is_json_type (mmx_http_request_get_header (request, "content-type")))
    return mmx_http_response_new_error (415, "unsupported_media_type",
                                        "The body must be application/json.");
  return NULL;
}

static MmxHttpRequest *
begin_request (MmxHttpServer         *self,
               struct MHD_Connection *connection,
               const char            *url,
               const char            *method)
{
  MmxHttpRequest *request = _mmx_http_request_new (method, url);
  HeaderCollector collector = { request, FALSE };
  guint8 id[8];
  char id_hex[2 * sizeof id + 1];

  request->connection = connection;
  randombytes_buf (id, sizeof id);
  sodium_bin2hex (id_hex, sizeof id_hex, id, sizeof id);
  request->request_id = g_strdup (id_hex);
  MHD_get_connection_values (connection, MHD_HEADER_KIND, collect_header_cb, &collector);
  MHD_get_connection_values (connection, MHD_GET_ARGUMENT_KIND, collect_query_cb, request);
  request->client_ip = client_address (self, request, peer_address (connection));
  request->body_buffer = g_byte_array_new ();
  request->early_response = check_headers (self, request, collector.duplicate);
  return request;
}

/* Decodes a gzipped body into at most @limit bytes. */
static GBytes *
gunzip (GBytes  *compressed,
        gsize    limit,
        gboolean *out_too_large)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize in_size = 0;
  const guint8 *in = g_bytes_get_data (compressed, &in_size);
  guint8 buffer[16384];

  *out_too_large = FALSE;
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize read = 0, written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor), in, in_size, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, &error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      in += read;
      in_size -= read;
      if (out->len + written > limit)
        {
          *out_too_large = TRUE;
          return NULL;
        }
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
      if (read == 0 && written == 0)
        return NULL;
    }
  /* Whatever follows the gzip stream is not part of it. */
  if (in_size != 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The body is in: decode it, or say why it cannot be used. */
static MmxHttpResponse *
finish_body (MmxHttpRequest *request)
{
  const char *encoding = mmx_http_request_get_header (request, "content-encoding");
  g_autoptr(GBytes) raw = g_byte_array_free_to_bytes (g_steal_pointer (&request->body_buffer));
  gboolean too_large = FALSE;

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "identity") == 0)
    {
      request->body = g_steal_pointer (&raw);
      return NULL;
    }
  if (g_ascii_strcasecmp (encoding, "gzip") != 0)
    return mmx_http_response_new_error (415, "unsupported_media_type",
                                        "Bodies may be sent as they are or gzipped, not as %s.",
                                        encoding);
  request->body = gunzip (raw, request->route->max_body, &too_large);
  if (too_large)
    return mmx_http_response_new_error (413, "payload_too_large",
                                        "The body is larger than %" G_GSIZE_FORMAT " bytes once "
                                        "decompressed.", request->route->max_body);
  if (request->body == NULL)
    return mmx_http_response_new_error (400, "bad_request", "The gzipped body is damaged.");
  return NULL;
}

static void
heavy_worker (gpointer data,
              gpointer user_data)
{
  MmxHttpRequest *request = data;
  MmxHttpServer *self = user_data;

  if (g_get_monotonic_time () - request->queued > self->limits.heavy_max_wait_usec)
    {
      request->response = mmx_http_response_new_error (429, "busy",
                                                       "The server is busy. Try again in a "
                                                       "moment.");
      mmx_http_response_add_header (request->response, "Retry-After", "1");
    }
  else
    request->response = request->route->handler (request, request->route->user_data);
  MHD_resume_connection (request->connection);
}

static enum MHD_Result
dispatch (MmxHttpServer  *self,
          MmxHttpRequest *request)
{
  g_autoptr(MmxHttpResponse) response = NULL;

  if (request->route->guard != NULL)
    {
      response = request->route->guard (request, request->route->user_data);
      if (response != NULL)
        return queue_response (request, response);
    }
  if (!(request->route->flags & MMX_HTTP_ROUTE_HEAVY))
    {
      response = request->route->handler (request, request->route->user_data);
      return queue_response (request, response);
    }

  g_mutex_lock (&self->heavy_lock);
  if (self->stopping || g_thread_pool_unprocessed (self->heavy) >= self->limits.heavy_queue)
    {
      g_mutex_unlock (&self->heavy_lock);
      response = mmx_http_response_new_error (429, "busy",
                                              "The server is busy. Try again in a moment.");
      mmx_http_response_add_header (response, "Retry-After", "1");
      return queue_response (request, response);
    }
  /* Suspended before the worker can resume it. */
  request->queued = g_get_monotonic_time ();
  MHD_suspend_connection (request->connection);
  g_thread_pool_push (self->heavy, request, NULL);
  g_mutex_unlock (&self->heavy_lock);
  return MHD_YES;
}

static enum MHD_Result
access_cb (void                  *cls,
           struct MHD_Connection *connection,
           const char            *url,
           const char            *method,
           const char            *version,
           const char            *upload_data,
           size_t                *upload_data_size,
           void                 **con_cls)
{
  MmxHttpServer *self = cls;
  MmxHttpRequest *request = *con_cls;
  g_autoptr(MmxHttpResponse) failure = NULL;

  if (request == NULL)
    {
      request = begin_request (self, connection, url, method);
      *con_cls = request;
      if (request->early_response != NULL)
        return queue_response (request, request->early_response);
      return MHD_YES;
    }

  if (request->response != NULL)
    return queue_response (request, request->response);

  if (*upload_data_size > 0)
    {
      /* Chunked bodies have no length up front: stop at the limit. */
      if (request->body_buffer->len + *upload_data_size > request->route->max_body)
        return MHD_NO;
      g_byte_array_append (request->body_buffer, (const guint8 *) upload_data,
                           (guint) *upload_data_size);
      *upload_data_size = 0;
      return MHD_YES;
    }

  failure = finish_body (request);
  if (failure != NULL)
    return queue_response (request, failure);
  return dispatch (self, request);
}

static void
completed_cb (void                            *cls,
              struct MHD_Connection           *connection,
              void                           **con_cls,
              enum MHD_RequestTerminationCode  toe)
{
  MmxHttpServer *self = cls;
  MmxHttpRequest *request = *con_cls;
  MmxAccessLogEntry entry = { 0 };

  if (request == NULL)
    return;
  entry.request_id = request->request_id;
  entry.client_ip = request->client_ip;
  entry.method = request->method;
  entry.path = request->path;
  entry.subject = request->subject;
  entry.status = request->status;
  entry.bytes = request->bytes_sent;
  entry.duration_usec = g_get_monotonic_time () - request->started;
  entry.error_code = request->error_code;
  mmx_access_log_write (self->log, &entry);

  mmx_http_request_free (request);
  *con_cls = NULL;
}

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

/* Decodes %XX in the path as libmicrohttpd would, except %00: a path
 * with a nul cut short would name another route. It stays as it is, and
 * matches none. */
static size_t
unescape_cb (void                  *cls,
             struct MHD_Connection *connection,
             char                  *text)
{
  char *out = text;

  for (const char *in = text; *in != '\0'; in++)
    {
      int high = *in == '%' ? hex_value (in[1]) : -1;
      int low = high >= 0 ? hex_value (in[2]) : -1;

      if (low >= 0 && (high != 0 || low != 0))
        {
          *out++ = (char) (high * 16 + low);
          in += 2;
        }
      else
        *out++ = *in;
    }
  *out = '\0';
  return (size_t) (out - text);
}

static void
log_cb (void       *cls,
        const char *format,
        va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_debug ("libmicrohttpd: %s", g_strchomp (message));
}

/**
 * mmx_http_server_new:
 * @router: (transfer full): the routes
 * @limits: the limits
 * @log: (nullable) (transfer full): where requests are logged
 * @trusted_proxies: (nullable): addresses of proxies whose X-Forwarded-For
 *   names the client
 *
 * Returns: (transfer full): a server, not yet listening
 */
MmxHttpServer *
mmx_http_server_new (MmxHttpRouter             *router,
                     const MmxHttpServerLimits *limits,
                     MmxAccessLog              *log,
                     const char * const        *trusted_proxies)
{
  MmxHttpServer *self = g_new0 (MmxHttpServer, 1);

  self->router = router;
  self->limits = *limits;
  self->log = log;
  self->trusted_proxies = g_strdupv ((char **) trusted_proxies);
  g_mutex_init (&self->heavy_lock);
  return self;
}

/**
 * mmx_http_server_set_tls:
 * @self: a server, not yet started
 * @cert_file: a PEM certificate chain
 * @key_file: its PEM private key
 * @error: a location for a #GError
 *
 * Serves HTTPS with libmicrohttpd's GnuTLS, for small installs without a
 * reverse proxy.
 *
 * Returns: %FALSE with @error set when a file cannot be read
 */
gboolean
mmx_http_server_set_tls (MmxHttpServer  *self,
                         const char     *cert_file,
                         const char     *key_file,
                         GError        **error)
{
  g_clear_pointer (&self->tls_cert, g_free);
  g_clear_pointer (&self->tls_key, g_free);
  if (!g_file_get_contents (cert_file, &self->tls_cert, NULL, error)
      || !g_file_get_contents (key_file, &self->tls_key, NULL, error))
    return FALSE;
  if (MHD_is_feature_supported (MHD_FEATURE_TLS) != MHD_YES)
    {
      g_set_error_literal (error, MMX_HTTP_SERVER_ERROR, MMX_HTTP_SERVER_ERROR_START,
                           "This libmicrohttpd was built without TLS.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_listen (const char              *listen,
              struct sockaddr_storage *address,
              GError                 **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *host;
  guint16 port;

  connectable = g_network_address_parse (listen, 0, &local_error);
  if (connectable == NULL)
    goto invalid;
  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    goto invalid;
  socket_address = g_inet_socket_address_new (inet, port);
  if (!g_socket_address_to_native (socket_address, address, sizeof *address, &local_error))
    goto invalid;
  return TRUE;

invalid:
  g_set_error (error, MMX_HTTP_SERVER_ERROR, MMX_HTTP_SERVER_ERROR_START,
               "“%s” is not an address to listen on: give IP:PORT, as 127.0.0.1:8080 or "
               "[::1]:8080 (port 0 picks a free one).", listen);
  return FALSE;
}

/**
 * mmx_http_server_start:
 * @self: a server
 * @listen: `IP:PORT`
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when the server cannot listen
 */
gboolean
mmx_http_server_start (MmxHttpServer  *self,
                       const char     *listen,
                       GError        **error)
{
  struct sockaddr_storage address;
  unsigned int flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME
                       | MHD_USE_ERROR_LOG;
  const union MHD_DaemonInfo *info;
  struct MHD_OptionItem options[20];
  guint n = 0;

  if (!parse_listen (listen, &address, error))
    return FALSE;
  if (address.ss_family == AF_INET6)
    flags |= MHD_USE_IPv6;
  if (self->tls_cert != NULL)
    flags |= MHD_USE_TLS;

  self->heavy = g_thread_pool_new (heavy_worker, self, (int) self->limits.heavy_threads, TRUE,
                                   NULL);

#define OPTION(o, v, p) options[n++] = (struct MHD_OptionItem) { o, (intptr_t) (v), p }
  OPTION (MHD_OPTION_SOCK_ADDR, 0, &address);
  OPTION (MHD_OPTION_THREAD_POOL_SIZE, self->limits.threads, NULL);
  OPTION (MHD_OPTION_CONNECTION_LIMIT, self->limits.max_connections, NULL);
  OPTION (MHD_OPTION_PER_IP_CONNECTION_LIMIT, self->limits.max_connections_per_ip, NULL);
  OPTION (MHD_OPTION_CONNECTION_TIMEOUT, self->limits.connection_timeout, NULL);
  OPTION (MHD_OPTION_CONNECTION_MEMORY_LIMIT, self->limits.connection_memory, NULL);
  OPTION (MHD_OPTION_LISTEN_BACKLOG_SIZE, LISTEN_BACKLOG, NULL);
  OPTION (MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL);
  OPTION (MHD_OPTION_NOTIFY_COMPLETED, completed_cb, self);
  OPTION (MHD_OPTION_EXTERNAL_LOGGER, log_cb, NULL);
  OPTION (MHD_OPTION_UNESCAPE_CALLBACK, unescape_cb, NULL);
  if (self->tls_cert != NULL)
    {
      OPTION (MHD_OPTION_HTTPS_MEM_CERT, 0, self->tls_cert);
      OPTION (MHD_OPTION_HTTPS_MEM_KEY, 0, self->tls_key);
    }
  OPTION (MHD_OPTION_END, 0, NULL);
#undef OPTION

  self->daemon = MHD_start_daemon (flags, 0, NULL, NULL, access_cb, self,
                                   MHD_OPTION_ARRAY, options, MHD_OPTION_END);
  if (self->daemon == NULL)
    {
      g_set_error (error, MMX_HTTP_SERVER_ERROR, MMX_HTTP_SERVER_ERROR_START,
                   "Cannot listen on %s: the address is in use, not this machine’s, or the "
                   "TLS files are invalid.", listen);
      return FALSE;
    }
  info = MHD_get_daemon_info (self->daemon, MHD_DAEMON_INFO_BIND_PORT);
  self->port = info != NULL ? info->port : 0;
  return TRUE;
}

guint16
mmx_http_server_get_port (MmxHttpServer *self)
{
  return self->port;
}

void
mmx_http_server_free (MmxHttpServer *self)
{
  if (self == NULL)
    return;
  /* Let the hashing threads finish and resume their connections first:
   * a daemon cannot stop while it holds suspended connections. */
  g_mutex_lock (&self->heavy_lock);
  self->stopping = TRUE;
  g_mutex_unlock (&self->heavy_lock);
  if (self->heavy != NULL)
    g_thread_pool_free (self->heavy, FALSE, TRUE);
  if (self->daemon != NULL)
    MHD_stop_daemon (self->daemon);
  mmx_http_router_free (self->router);
  mmx_access_log_free (self->log);
  g_strfreev (self->trusted_proxies);
  g_free (self->tls_cert);
  g_free (self->tls_key);
  g_mutex_clear (&self->heavy_lock);
  g_free (self);
}
