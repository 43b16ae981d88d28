/* mmx-server-auth.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-server"

#include "config.h"

#include "mmx-json.h"
#include "mmx-secret.h"
#include "mmx-server-private.h"

/* Accounts and sessions: signup, login, refresh, logout, password, the
 * account itself. A session is an access token of 15 minutes and a
 * refresh token that rotates on every use within a family that lasts 60
 * days at most. */

#define BAD_CREDENTIALS "The e-mail address or the password is wrong."

static MmxHttpResponse *
session_response (guint       status,
                  const char *access_token,
                  const char *refresh_token,
                  const char *tier)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "access_token", access_token);
  mmx_json_add_string (builder, "refresh_token", refresh_token);
  mmx_json_add_string (builder, "token_type", "Bearer");
  mmx_json_add_int (builder, "expires_in", MMX_ACCESS_TOKEN_LIFETIME_SECONDS);
  mmx_json_add_string (builder, "tier", tier);
  json_builder_end_object (builder);
  return mmx_http_response_new_json (status, builder);
}

static MmxHttpResponse *
issue_session (MmxServer  *self,
               const char *account_id,
               const char *tier,
               guint       status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_token = mmx_secret_new_refresh_token ();
  g_autofree char *refresh_hash = mmx_secret_hash (refresh_token);
  g_autofree char *access_token = NULL;
  gint64 now = _mmx_server_now ();

  if (!mmx_server_store_create_refresh_family (self->store, account_id, refresh_hash, now,
                                               now + self->config.refresh_lifetime, &error))
    return _mmx_server_failure (error);
  access_token = mmx_access_tokens_issue (self->tokens, account_id, tier, now);
  return session_response (status, access_token, refresh_token, tier);
}

static MmxHttpResponse *
weak_password (GError *error)
{
  return mmx_http_response_new_error (400, "weak_password", "%s", error->message);
}

/* Runs on a hashing thread. */
static MmxHttpResponse *
signup_cb (MmxHttpRequest *request,
           gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *account_id = NULL;

  body = mmx_server_request_read_credentials (mmx_http_request_get_body (request), &error);
  if (body == NULL)
    return _mmx_server_bad_body (error);
  if (!mmx_password_hasher_check_policy (self->hasher, body->password, &error))
    return weak_password (error);
  hash = mmx_password_hasher_hash (self->hasher, body->password, &error);
  if (hash == NULL)
    return _mmx_server_too_many ("busy", 1, error->message);

  account_id = mmx_server_store_create_account (self->store, body->email, hash, _mmx_server_now (),
                                                &error);
  if (account_id == NULL)
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_EXISTS))
        return mmx_http_response_new_error (409, "email_taken",
                                            "An account with this e-mail address exists. Log "
                                            "in instead.");
      return _mmx_server_failure (error);
    }
  mmx_http_request_set_subject (request, account_id);
  return issue_session (self, account_id, "free", 201);
}

static MmxHttpResponse *
locked (gint64 until)
{
  return _mmx_server_too_many ("too_many_attempts", (guint) MAX (until - _mmx_server_now (), 1),
                               "Too many failed logins for this address. Wait and try again.");
}

/* Runs on a hashing thread. The answer takes the same time and says the
 * same words whether or not the address has an account: an unknown
 * address still costs a hash, and back-off counts per address. */
static MmxHttpResponse *
login_cb (MmxHttpRequest *request,
          gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autoptr(MmxAccount) account = NULL;
  gboolean needs_rehash = FALSE;
  gint64 now = _mmx_server_now ();
  gint64 locked_until;

  body = mmx_server_request_read_credentials (mmx_http_request_get_body (request), &error);
  if (body == NULL)
    return _mmx_server_bad_body (error);

  locked_until = mmx_server_store_get_lockout (self->store, body->email, &error);
  if (locked_until < 0)
    return _mmx_server_failure (error);
  if (locked_until > now)
    return locked (locked_until);

  account = mmx_server_store_find_account (self->store, body->email, now, &error);
  if (account == NULL
      && !g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
    return _mmx_server_failure (error);
  g_clear_error (&error);

  if (!mmx_password_hasher_verify (self->hasher, account != NULL ? account->password_hash : NULL,
                                   body->password, &needs_rehash))
    {
      locked_until = mmx_server_store_record_login_failure (self->store, body->email, now,
                                                            &self->config.lockout, &error);
      if (locked_until < 0)
        return _mmx_server_failure (error);
      return mmx_http_response_new_error (401, "invalid_credentials", BAD_CREDENTIALS);
    }

  if (!mmx_server_store_clear_login_failures (self->store, body->email, &error))
    return _mmx_server_failure (error);
  if (needs_rehash)
    {
      g_autofree char *hash = mmx_password_hasher_hash (self->hasher, body->password, NULL);

      /* The login stands even when the stronger hash cannot be stored. */
      if (hash == NULL
          || !mmx_server_store_set_password_hash (self->store, account->id, hash, FALSE, &error))
        g_warning ("The password of %s could not be rehashed", account->id);
    }
  mmx_http_request_set_subject (request, account->id);
  return issue_session (self, account->id, account->tier, 200);
}

static MmxHttpResponse *
invalid_grant (const char *code,
               const char *message)
{
  return mmx_http_response_new_error (401, code, "%s", message);
}

static MmxHttpResponse *
refresh_cb (MmxHttpRequest *request,
            gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autoptr(MmxAccount) account = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *next = mmx_secret_new_refresh_token ();
  g_autofree char *next_hash = mmx_secret_hash (next);
  g_autofree char *account_id = NULL;
  g_autofree char *access_token = NULL;
  MmxHttpResponse *limited;
  MmxRefreshOutcome outcome;
  gint64 now = _mmx_server_now ();

  limited = _mmx_server_limit_rate (self, self->auth_limiter, request);
  if (limited != NULL)
    return limited;
  body = mmx_server_request_read_refresh (mmx_http_request_get_body (request), &error);
  if (body == NULL)
    return _mmx_server_bad_body (error);
  if (!mmx_secret_is_refresh_token (body->refresh_token))
    return invalid_grant ("invalid_grant", "The refresh token is not valid. Log in again.");

  token_hash = mmx_secret_hash (body->refresh_token);
  outcome = mmx_server_store_rotate_refresh_token (self->store, token_hash, next_hash, now,
                                                   &account_id, &error);
  if (error != NULL)
    return _mmx_server_failure (error);
  switch (outcome)
    {
    case MMX_REFRESH_ROTATED:
      break;
    case MMX_REFRESH_REUSED:
      return invalid_grant ("refresh_token_reused",
                            "This refresh token was used before: someone may have copied it, so "
                            "every session it began has ended. Log in again.");
    case MMX_REFRESH_EXPIRED:
      return invalid_grant ("invalid_grant", "The session has expired. Log in again.");
    case MMX_REFRESH_UNKNOWN:
    default:
      return invalid_grant ("invalid_grant", "The refresh token is not valid. Log in again.");
    }

  account = mmx_server_store_get_account (self->store, account_id, now, &error);
  if (account == NULL)
    return _mmx_server_failure (error);
  mmx_http_request_set_subject (request, account_id);
  access_token = mmx_access_tokens_issue (self->tokens, account_id, account->tier, now);
  return session_response (200, access_token, next, account->tier);
}

static MmxHttpResponse *
logout_cb (MmxHttpRequest *request,
           gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autofree char *token_hash = NULL;
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);

  if (denied != NULL)
    return denied;
  body = mmx_server_request_read_refresh (mmx_http_request_get_body (request), &error);
  if (body == NULL)
    return _mmx_server_bad_body (error);
  token_hash = mmx_secret_hash (body->refresh_token);
  /* Logging out twice, or with a token already ended, is still logged out. */
  if (!mmx_server_store_revoke_refresh_family (self->store, claims->subject, token_hash,
                                               _mmx_server_now (), &error)
      && !g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
    return _mmx_server_failure (error);
  return mmx_http_response_new_empty (204);
}

typedef MmxServerRequest *(*ReadFunc) (GBytes  *body,
                                       GError **error);

/* Reads a body that holds the account's password, and checks the token
 * and the password; on a hashing thread. Whoever has no valid token hears
 * that first, whatever the body. */
static MmxHttpResponse *
read_with_password (MmxServer         *self,
                    MmxHttpRequest    *request,
                    ReadFunc           read,
                    MmxServerRequest **out_body,
                    MmxAccessClaims  **out_claims,
                    MmxAccount       **out_account)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccount) account = NULL;
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, out_claims);

  if (denied != NULL)
    return denied;
  *out_body = read (mmx_http_request_get_body (request), &error);
  if (*out_body == NULL)
    return _mmx_server_bad_body (error);
  account = mmx_server_store_get_account (self->store, (*out_claims)->subject, _mmx_server_now (),
                                          &error);
  if (account == NULL)
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
        return mmx_http_response_new_error (401, "invalid_token", "The account was deleted.");
      return _mmx_server_failure (error);
    }
  if (!mmx_password_hasher_verify (self->hasher, account->password_hash, (*out_body)->password,
                                   NULL))
    {
      if (mmx_server_store_record_login_failure (self->store, account->email, _mmx_server_now (),
                                                 &self->config.lockout, &error) < 0)
        return _mmx_server_failure (error);
      return mmx_http_response_new_error (403, "invalid_credentials",
                                          "The current password is wrong.");
    }
  *out_account = g_steal_pointer (&account);
  return NULL;
}

static MmxHttpResponse *
password_cb (MmxHttpRequest *request,
             gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(MmxAccount) account = NULL;
  g_autofree char *hash = NULL;
  MmxHttpResponse *denied;

  denied = read_with_password (self, request, mmx_server_request_read_password_change, &body,
                               &claims, &account);
  if (denied != NULL)
    return denied;
  if (!mmx_password_hasher_check_policy (self->hasher, body->new_password, &error))
    return weak_password (error);
  hash = mmx_password_hasher_hash (self->hasher, body->new_password, &error);
  if (hash == NULL)
    return _mmx_server_too_many ("busy", 1, error->message);
  /* Every other session ends; this one starts afresh. */
  if (!mmx_server_store_set_password_hash (self->store, account->id, hash, TRUE, &error))
    return _mmx_server_failure (error);
  return issue_session (self, account->id, account->tier, 200);
}

static MmxHttpResponse *
get_account_cb (MmxHttpRequest *request,
                gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(MmxAccount) account = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);

  if (denied != NULL)
    return denied;
  account = mmx_server_store_get_account (self->store, claims->subject, _mmx_server_now (), &error);
  if (account == NULL)
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
        return mmx_http_response_new_error (401, "invalid_token", "The account was deleted.");
      return _mmx_server_failure (error);
    }
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "id", account->id);
  mmx_json_add_string (builder, "email", account->email);
  mmx_json_add_string (builder, "tier", account->tier);
  mmx_json_add_int (builder, "created", account->created);
  json_builder_end_object (builder);
  return mmx_http_response_new_json (200, builder);
}

static MmxHttpResponse *
delete_account_cb (MmxHttpRequest *request,
                   gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(MmxAccount) account = NULL;
  MmxHttpResponse *denied;

  denied = read_with_password (self, request, mmx_server_request_read_password, &body, &claims,
                               &account);
  if (denied != NULL)
    return denied;
  if (!mmx_server_store_delete_account (self->store, account->id, _mmx_server_now (), &error))
    return _mmx_server_failure (error);
  return mmx_http_response_new_empty (204);
}

/* Signup and login are limited per address on the connection thread,
 * before they wait for a hashing thread: a flood from one address never
 * fills the queue. */
static MmxHttpResponse *
limit_auth_cb (MmxHttpRequest *request,
               gpointer        user_data)
{
  MmxServer *self = user_data;

  return _mmx_server_limit_rate (self, self->auth_limiter, request);
}

void
_mmx_server_add_auth_routes (MmxServer *self)
{
  MmxHttpRouteFlags heavy = MMX_HTTP_ROUTE_HEAVY | MMX_HTTP_ROUTE_JSON;
  gsize max = MMX_SERVER_MAX_JSON_BODY;

  mmx_http_router_add (self->router, "POST", "/v1/auth/signup", heavy, max, signup_cb,
                       self)->guard = limit_auth_cb;
  mmx_http_router_add (self->router, "POST", "/v1/auth/login", heavy, max, login_cb,
                       self)->guard = limit_auth_cb;
  mmx_http_router_add (self->router, "POST", "/v1/auth/refresh", MMX_HTTP_ROUTE_JSON, max,
                       refresh_cb, self);
  mmx_http_router_add (self->router, "POST", "/v1/auth/logout", MMX_HTTP_ROUTE_JSON, max,
                       logout_cb, self);
  mmx_http_router_add (self->router, "POST", "/v1/auth/password", heavy, max, password_cb, self);
  mmx_http_router_add (self->router, "GET", "/v1/account", MMX_HTTP_ROUTE_DEFAULT, 0,
                       get_account_cb, self);
  mmx_http_router_add (self->router, "DELETE", "/v1/account", heavy, max, delete_account_cb, self);
}
