/* mmx-server-licenses.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-server"

#include "config.h"

#include <string.h>

#include "mmx-json.h"
#include "mmx-license.h"
#include "mmx-secret.h"
#include "mmx-server-private.h"

/* Premium: a license key activates a seat for one machine and gets back a
 * signed offline license file that the app checks without network for 30
 * days; activating the same machine again renews the file. */

static MmxHttpResponse *
store_error (GError *error)
{
  if (error->domain != MMX_SERVER_STORE_ERROR)
    return _mmx_server_failure (error);
  switch (error->code)
    {
    case MMX_SERVER_STORE_ERROR_NOT_FOUND:
      return mmx_http_response_new_error (404, "license_not_found",
                                          "There is no such license key. Check it against the "
                                          "e-mail you got it in.");
    case MMX_SERVER_STORE_ERROR_FORBIDDEN:
      return mmx_http_response_new_error (403, "license_forbidden",
                                          "This license was sold to another e-mail address: "
                                          "log in with that one.");
    case MMX_SERVER_STORE_ERROR_REVOKED:
      return mmx_http_response_new_error (403, "license_revoked",
                                          "This license has been revoked or has ended.");
    case MMX_SERVER_STORE_ERROR_SEATS_FULL:
      return mmx_http_response_new_error (409, "seats_full",
                                          "%s Deactivate it on a machine you no longer use.",
                                          error->message);
    case MMX_SERVER_STORE_ERROR_LIMIT:
      return _mmx_server_too_many ("deactivation_limit", 24 * 3600, error->message);
    default:
      return _mmx_server_failure (error);
    }
}

static MmxHttpResponse *
activate_cb (MmxHttpRequest *request,
             gpointer        user_data)
{
  MmxServer *self = user_data;
  static const char * const entitlements[] = MMX_SERVER_PREMIUM_ENTITLEMENTS;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autoptr(MmxActivation) activation = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *key_hash = NULL;
  g_autofree char *text = NULL;
  MmxLicense license = { 0 };
  MmxHttpResponse *denied;
  gint64 now = _mmx_server_now ();
  gsize length;

  denied = _mmx_server_authenticate (self, request, &claims);
  if (denied == NULL)
    denied = _mmx_server_limit_rate (self, self->activation_limiter, request);
  if (denied != NULL)
    return denied;
  body = mmx_server_request_read_activation (mmx_http_request_get_body (request), &error);
  if (body == NULL)
    return _mmx_server_bad_body (error);

  key_hash = mmx_secret_hash (body->license_key);
  activation = mmx_server_store_activate_license (self->store, key_hash, claims->subject,
                                                  body->machine, now, &error);
  if (activation == NULL)
    return store_error (error);

  license.license_id = activation->license_id;
  license.account = claims->subject;
  license.tier = activation->tier;
  license.entitlements = (GStrv) entitlements;
  license.seats = activation->seats;
  license.machine = activation->machine;
  license.license_expires = activation->license_expires;
  license.issued = now;
  license.expires = now + MMX_LICENSE_FILE_TTL_SECONDS;
  text = mmx_license_sign (&license, mmx_signing_key_get_id (self->key),
                           mmx_signing_key_get_secret_key (self->key));
  length = strlen (text);
  file = g_bytes_new_take (g_steal_pointer (&text), length);
  return mmx_http_response_new_bytes (200, "application/json", file);
}

static MmxHttpResponse *
deactivate_cb (MmxHttpRequest *request,
               gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  MmxHttpResponse *denied;

  denied = _mmx_server_authenticate (self, request, &claims);
  if (denied == NULL)
    denied = _mmx_server_limit_rate (self, self->activation_limiter, request);
  if (denied != NULL)
    return denied;
  body = mmx_server_request_read_deactivation (mmx_http_request_get_body (request), &error);
  if (body == NULL)
    return _mmx_server_bad_body (error);
  if (!mmx_server_store_deactivate_license (self->store, claims->subject, body->license_id,
                                            body->machine, _mmx_server_now (),
                                            MMX_LICENSE_FILE_TTL_SECONDS, &error))
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
        return mmx_http_response_new_error (404, "activation_not_found",
                                            "This machine holds no seat of this license.");
      return store_error (error);
    }
  return mmx_http_response_new_empty (204);
}

static MmxHttpResponse *
list_cb (MmxHttpRequest *request,
         gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(GPtrArray) activations = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);

  if (denied != NULL)
    return denied;
  activations = mmx_server_store_list_activations (self->store, claims->subject, &error);
  if (activations == NULL)
    return _mmx_server_failure (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "activations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < activations->len; i++)
    {
      MmxActivation *activation = g_ptr_array_index (activations, i);

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "license_id", activation->license_id);
      mmx_json_add_string (builder, "tier", activation->tier);
      mmx_json_add_string (builder, "machine", activation->machine);
      mmx_json_add_int (builder, "seats", activation->seats);
      mmx_json_add_int (builder, "activated", activation->activated);
      mmx_json_add_int (builder, "last_issued", activation->last_issued);
      mmx_json_add_int (builder, "license_expires", activation->license_expires);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return mmx_http_response_new_json (200, builder);
}

void
_mmx_server_add_license_routes (MmxServer *self)
{
  gsize max = MMX_SERVER_MAX_JSON_BODY;

  mmx_http_router_add (self->router, "POST", "/v1/licenses/activate", MMX_HTTP_ROUTE_JSON, max,
                       activate_cb, self);
  mmx_http_router_add (self->router, "POST", "/v1/licenses/deactivate", MMX_HTTP_ROUTE_JSON, max,
                       deactivate_cb, self);
  mmx_http_router_add (self->router, "GET", "/v1/licenses", MMX_HTTP_ROUTE_DEFAULT, 0, list_cb,
                       self);
}
