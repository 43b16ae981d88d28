/* mmx-server.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-server"

#include "config.h"

#include <string.h>

#include "mmx-json-strict.h"
#include "mmx-server-private.h"

/* marketingmix-server: the HTTP server, its store, keys and limits, and
 * what every route shares: authentication, rate limits and the mapping
 * of failures to answers. */

void
mmx_server_config_init (MmxServerConfig *config)
{
  guint cores = MAX (g_get_num_processors (), 1);

  memset (config, 0, sizeof *config);
  config->listen = g_strdup ("127.0.0.1:8080");
  config->issuer = g_strdup ("marketingmix-server");
  config->audience = g_strdup ("marketingmix");
  config->access_log = g_strdup ("-");
  config->limits.threads = cores;
  config->limits.max_connections = 10000;
  config->limits.max_connections_per_ip = 256;
  config->limits.connection_timeout = 30;
  config->limits.connection_memory = 32 * 1024;
  /* Waiting logins are few and wait briefly: a client hears 429 well
   * before its own timeout, never silence. */
  config->limits.heavy_threads = cores;
  config->limits.heavy_queue = 4 * cores;
  config->limits.heavy_max_wait_usec = G_USEC_PER_SEC;
  /* One per connection thread and hashing thread, and some to spare. */
  config->db_connections = 3 * cores;
  config->argon2_memory_mib = 64;
  config->argon2_passes = 2;
  config->auth_per_second = 1.0;
  config->auth_burst = 20;
  config->activation_per_second = 0.2;
  config->activation_burst = 10;
  config->lockout = (MmxLockoutPolicy) { 5, 1, 15 * 60 };
  config->refresh_lifetime = 60 * 24 * 3600;
  config->max_upload = 16 * 1024 * 1024;
  config->quota = 1024 * 1024 * 1024;
}

void
mmx_server_config_clear (MmxServerConfig *config)
{
  g_clear_pointer (&config->db, g_free);
  g_clear_pointer (&config->listen, g_free);
  g_clear_pointer (&config->key_file, g_free);
  g_clear_pointer (&config->trusted_keys, g_free);
  g_clear_pointer (&config->issuer, g_free);
  g_clear_pointer (&config->audience, g_free);
  g_clear_pointer (&config->access_log, g_free);
  g_clear_pointer (&config->common_passwords, g_free);
  g_clear_pointer (&config->tls_cert, g_free);
  g_clear_pointer (&config->tls_key, g_free);
  g_clear_pointer (&config->trusted_proxies, g_strfreev);
}

static void
copy_config (MmxServerConfig       *to,
             const MmxServerConfig *from)
{
  *to = *from;
  to->db = g_strdup (from->db);
  to->listen = g_strdup (from->listen);
  to->key_file = g_strdup (from->key_file);
  to->trusted_keys = g_strdup (from->trusted_keys);
  to->issuer = g_strdup (from->issuer);
  to->audience = g_strdup (from->audience);
  to->access_log = g_strdup (from->access_log);
  to->common_passwords = g_strdup (from->common_passwords);
  to->tls_cert = g_strdup (from->tls_cert);
  to->tls_key = g_strdup (from->tls_key);
  to->trusted_proxies = g_strdupv (from->trusted_proxies);
}

gint64
_mmx_server_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

MmxHttpResponse *
_mmx_server_too_many (const char *code,
                      guint       retry_after,
                      const char *message)
{
  MmxHttpResponse *response = mmx_http_response_new_error (429, code, "%s", message);
  g_autofree char *seconds = g_strdup_printf ("%u", MAX (retry_after, 1));

  mmx_http_response_add_header (response, "Retry-After", seconds);
  return response;
}

/**
 * _mmx_server_limit_rate:
 * @self: the server
 * @limiter: the limiter of the route
 * @request: the request
 *
 * Returns: (nullable): a 429 when the client's address is over its rate
 */
MmxHttpResponse *
_mmx_server_limit_rate (MmxServer      *self,
                        MmxRateLimiter *limiter,
                        MmxHttpRequest *request)
{
  guint retry_after = 1;

  if (mmx_rate_limiter_take (limiter, mmx_http_request_get_client_ip (request),
                             g_get_monotonic_time (), &retry_after))
    return NULL;
  return _mmx_server_too_many ("rate_limited", retry_after,
                               "Too many requests from this address. Wait a moment and try again.");
}

/* A body that is not what the route takes. */
MmxHttpResponse *
_mmx_server_bad_body (GError *error)
{
  const char *code = g_error_matches (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA)
                     ? "invalid_request" : "invalid_json";

  return mmx_http_response_new_error (400, code, "%s", error->message);
}

/* Failures of the store no route expects: the database is down or busy. */
MmxHttpResponse *
_mmx_server_failure (GError *error)
{
  if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_RETRY))
    {
      MmxHttpResponse *response = mmx_http_response_new_error (503, "unavailable",
                                                               "The server is busy. Try again "
                                                               "in a moment.");

      mmx_http_response_add_header (response, "Retry-After", "1");
      return response;
    }
  g_warning ("%s", error->message);
  return mmx_http_response_new_error (500, "internal_error",
                                      "The server failed. Try again later; if it goes on, tell "
                                      "its administrator.");
}

static MmxHttpResponse *
unauthorized (const char *message)
{
  MmxHttpResponse *response = mmx_http_response_new_error (401, "invalid_token", "%s", message);

  mmx_http_response_add_header (response, "WWW-Authenticate",
                                "Bearer realm=\"marketingmix\", error=\"invalid_token\"");
  return response;
}

/**
 * _mmx_server_authenticate:
 * @self: the server
 * @request: a request to a protected route
 * @out_claims: (out) (transfer full): the token's claims
 *
 * Returns: (nullable): a 401 unless the request carries a valid
 *   `Authorization: Bearer` access token
 */
MmxHttpResponse *
_mmx_server_authenticate (MmxServer        *self,
                          MmxHttpRequest   *request,
                          MmxAccessClaims **out_claims)
{
  const char *authorization = mmx_http_request_get_header (request, "authorization");
  g_autoptr(GError) error = NULL;

  *out_claims = NULL;
  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return unauthorized ("This needs an access token: send “Authorization: Bearer TOKEN”.");
  *out_claims = mmx_access_tokens_verify (self->tokens, authorization + 7, _mmx_server_now (),
                                          &error);
  if (*out_claims == NULL)
    return unauthorized (error->message);
  mmx_http_request_set_subject (request, (*out_claims)->subject);
  return NULL;
}

static MmxHttpResponse *
healthz_cb (MmxHttpRequest *request,
            gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!mmx_server_store_ping (self->store, &error))
    return mmx_http_response_new_error (503, "unavailable", "The database does not answer.");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, mmx_server_store_get_dialect (self->store));
  json_builder_end_object (builder);
  return mmx_http_response_new_json (200, builder);
}

/**
 * mmx_server_new:
 * @config: the configuration
 * @error: a location for a #GError
 *
 * Opens the database and the keys; does not listen yet.
 *
 * Returns: (transfer full): the server, or %NULL with @error set
 */
MmxServer *
mmx_server_new (const MmxServerConfig  *config,
                GError                **error)
{
  g_autoptr(MmxServer) self = g_new0 (MmxServer, 1);
  g_autoptr(MmxKeyring) trusted = mmx_keyring_new ();
  g_autoptr(MmxAccessLog) log = NULL;

  copy_config (&self->config, config);

  self->key = mmx_signing_key_load (config->key_file, error);
  if (self->key == NULL)
    return NULL;
  if (config->trusted_keys != NULL && !mmx_keyring_load_file (trusted, config->trusted_keys, error))
    return NULL;
  self->hasher = mmx_password_hasher_new (config->argon2_memory_mib, config->argon2_passes, error);
  if (self->hasher == NULL)
    return NULL;
  if (config->common_passwords != NULL
      && !mmx_password_hasher_add_list (self->hasher, config->common_passwords, error))
    return NULL;
  log = mmx_access_log_open (config->access_log, error);
  if (log == NULL && g_strcmp0 (config->access_log, "off") != 0)
    return NULL;
  self->store = mmx_server_store_open (config->db, config->db_connections, error);
  if (self->store == NULL)
    return NULL;

  self->tokens = mmx_access_tokens_new (self->key, trusted, config->issuer, config->audience);
  self->auth_limiter = mmx_rate_limiter_new (config->auth_per_second, config->auth_burst);
  self->activation_limiter = mmx_rate_limiter_new (config->activation_per_second,
                                                   config->activation_burst);

  self->router = mmx_http_router_new ();
  mmx_http_router_add (self->router, "GET", "/healthz", MMX_HTTP_ROUTE_DEFAULT, 0, healthz_cb,
                       self);
  _mmx_server_add_auth_routes (self);
  _mmx_server_add_license_routes (self);
  _mmx_server_add_sync_routes (self);

  self->http = mmx_http_server_new (g_steal_pointer (&self->router), &config->limits,
                                    g_steal_pointer (&log),
                                    (const char * const *) config->trusted_proxies);
  if (config->tls_cert != NULL
      && !mmx_http_server_set_tls (self->http, config->tls_cert, config->tls_key, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
mmx_server_start (MmxServer  *self,
                  GError    **error)
{
  return mmx_http_server_start (self->http, self->config.listen, error);
}

guint16
mmx_server_get_port (MmxServer *self)
{
  return mmx_http_server_get_port (self->http);
}

void
mmx_server_free (MmxServer *self)
{
  if (self == NULL)
    return;
  /* The HTTP server first: no request may run once the rest is gone. */
  g_clear_pointer (&self->http, mmx_http_server_free);
  g_clear_pointer (&self->router, mmx_http_router_free);
  g_clear_pointer (&self->tokens, mmx_access_tokens_free);
  g_clear_pointer (&self->auth_limiter, mmx_rate_limiter_free);
  g_clear_pointer (&self->activation_limiter, mmx_rate_limiter_free);
  g_clear_pointer (&self->hasher, mmx_password_hasher_free);
  g_clear_pointer (&self->key, mmx_signing_key_free);
  g_clear_object (&self->store);
  mmx_server_config_clear (&self->config);
  g_free (self);
}
