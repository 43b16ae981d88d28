/* mmx-server-sync.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-server"

#include "config.h"

#include <string.h>

#include "mmx-json.h"
#include "mmx-json-strict.h"
#include "mmx-server-private.h"

/* Sync between a user's machines. Each import travels as an immutable
 * batch named by its SHA-256 and numbered in the account's sequence, so a
 * machine asks for what came after the last number it has. Small mutable
 * metadata (channel mappings, saved scenarios) has a version and is only
 * replaced by a writer that names the version it changed. */

#define DEFAULT_PAGE 100
#define MAX_PAGE 1000
#define MAX_KEY_LENGTH 64

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_metadata_key (const char *key)
{
  gsize length = key != NULL ? strlen (key) : 0;

  if (length == 0 || length > MAX_KEY_LENGTH || !g_ascii_isalnum (key[0]))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!(g_ascii_islower (key[i]) || g_ascii_isdigit (key[i]) || strchr ("._-", key[i]) != NULL))
      return FALSE;
  return TRUE;
}

static MmxHttpResponse *
bad_hash (void)
{
  return mmx_http_response_new_error (400, "invalid_request",
                                      "An upload is named by the SHA-256 of its body: 64 "
                                      "lower-case hex digits.");
}

static MmxHttpResponse *
put_upload_cb (MmxHttpRequest *request,
               gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GBytes *body = mmx_http_request_get_body (request);
  const char *sha256 = mmx_http_request_get_param (request, "sha256");
  g_autofree char *actual = NULL;
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);
  gboolean created = FALSE;
  gint64 seq;

  if (denied != NULL)
    return denied;
  if (!is_sha256 (sha256))
    return bad_hash ();
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  if (strcmp (actual, sha256) != 0)
    return mmx_http_response_new_error (400, "hash_mismatch",
                                        "The body's SHA-256 is %s, not the %s named in the path: "
                                        "it was changed or cut short.", actual, sha256);

  seq = mmx_server_store_put_upload (self->store, claims->subject, sha256, body, _mmx_server_now (),
                                     self->config.quota, &created, &error);
  if (seq < 0)
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_QUOTA))
        return mmx_http_response_new_error (413, "quota_exceeded", "%s", error->message);
      return _mmx_server_failure (error);
    }
  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "sha256", sha256);
  mmx_json_add_int (builder, "seq", seq);
  mmx_json_add_int (builder, "size", (gint64) g_bytes_get_size (body));
  mmx_json_add_boolean (builder, "created", created);
  json_builder_end_object (builder);
  return mmx_http_response_new_json (created ? 201 : 200, builder);
}

static gboolean
read_number (const char *text,
             guint64     min,
             guint64     max,
             guint64    *out)
{
  /* Digits only: no sign, no space, no hex. */
  if (text == NULL || *text == '\0' || strspn (text, "0123456789") != strlen (text))
    return FALSE;
  return g_ascii_string_to_unsigned (text, 10, min, max, out, NULL);
}

static MmxHttpResponse *
list_uploads_cb (MmxHttpRequest *request,
                 gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(GPtrArray) uploads = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *after_text = mmx_http_request_get_query (request, "after");
  const char *limit_text = mmx_http_request_get_query (request, "limit");
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);
  guint64 after = 0;
  guint64 limit = DEFAULT_PAGE;
  gint64 last;

  if (denied != NULL)
    return denied;
  if ((after_text != NULL && !read_number (after_text, 0, G_MAXINT64, &after))
      || (limit_text != NULL && !read_number (limit_text, 1, MAX_PAGE, &limit)))
    return mmx_http_response_new_error (400, "invalid_request",
                                        "“after” must be a sequence number and “limit” a "
                                        "number from 1 to %d.", MAX_PAGE);
  /* One more than asked tells whether there are more. */
  uploads = mmx_server_store_list_uploads (self->store, claims->subject, (gint64) after,
                                           (guint) limit + 1, &error);
  if (uploads == NULL)
    return _mmx_server_failure (error);

  last = (gint64) after;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uploads");
  json_builder_begin_array (builder);
  for (guint i = 0; i < uploads->len && i < limit; i++)
    {
      MmxUploadInfo *info = g_ptr_array_index (uploads, i);

      json_builder_begin_object (builder);
      mmx_json_add_string (builder, "sha256", info->sha256);
      mmx_json_add_int (builder, "seq", info->seq);
      mmx_json_add_int (builder, "size", info->size);
      mmx_json_add_int (builder, "created", info->created);
      json_builder_end_object (builder);
      last = info->seq;
    }
  json_builder_end_array (builder);
  mmx_json_add_int (builder, "next_after", last);
  mmx_json_add_boolean (builder, "more", uploads->len > limit);
  json_builder_end_object (builder);
  return mmx_http_response_new_json (200, builder);
}

static MmxHttpResponse *
get_upload_cb (MmxHttpRequest *request,
               gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *seq_text = NULL;
  const char *sha256 = mmx_http_request_get_param (request, "sha256");
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);
  MmxHttpResponse *response;
  gint64 seq = 0;

  if (denied != NULL)
    return denied;
  if (!is_sha256 (sha256))
    return bad_hash ();
  data = mmx_server_store_get_upload (self->store, claims->subject, sha256, &seq, &error);
  if (data == NULL)
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
        return mmx_http_response_new_error (404, "not_found", "This account has no such upload.");
      return _mmx_server_failure (error);
    }
  response = mmx_http_response_new_bytes (200, "application/octet-stream", data);
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  mmx_http_response_add_header (response, "X-Sync-Seq", seq_text);
  return response;
}

static void
add_metadata (JsonBuilder       *builder,
              const MmxMetadata *metadata)
{
  g_autoptr(JsonNode) value = NULL;

  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "key", metadata->key);
  mmx_json_add_int (builder, "version", metadata->version);
  /* Stored by us from a checked request: it parses. */
  value = json_from_string (metadata->value, NULL);
  json_builder_set_member_name (builder, "value");
  if (value != NULL)
    json_builder_add_value (builder, g_steal_pointer (&value));
  else
    json_builder_add_null_value (builder);
  mmx_json_add_int (builder, "updated", metadata->updated);
  json_builder_end_object (builder);
}

static MmxHttpResponse *
list_metadata_cb (MmxHttpRequest *request,
                  gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);

  if (denied != NULL)
    return denied;
  list = mmx_server_store_list_metadata (self->store, claims->subject, &error);
  if (list == NULL)
    return _mmx_server_failure (error);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    add_metadata (builder, g_ptr_array_index (list, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return mmx_http_response_new_json (200, builder);
}

static MmxHttpResponse *
bad_key (void)
{
  return mmx_http_response_new_error (400, "invalid_request",
                                      "A metadata key is 1 to %d lower-case letters, digits, "
                                      "“.”, “_” or “-”.", MAX_KEY_LENGTH);
}

static MmxHttpResponse *
get_metadata_cb (MmxHttpRequest *request,
                 gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(MmxMetadata) metadata = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *key = mmx_http_request_get_param (request, "key");
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);

  if (denied != NULL)
    return denied;
  if (!is_metadata_key (key))
    return bad_key ();
  metadata = mmx_server_store_get_metadata (self->store, claims->subject, key, &error);
  if (metadata == NULL)
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_NOT_FOUND))
        return mmx_http_response_new_error (404, "not_found", "There is no metadata “%s”.", key);
      return _mmx_server_failure (error);
    }
  add_metadata (builder, metadata);
  return mmx_http_response_new_json (200, builder);
}

static MmxHttpResponse *
put_metadata_cb (MmxHttpRequest *request,
                 gpointer        user_data)
{
  MmxServer *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MmxAccessClaims) claims = NULL;
  g_autoptr(MmxServerRequest) body = NULL;
  g_autoptr(MmxMetadata) stored = NULL;
  g_autoptr(MmxMetadata) current = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *key = mmx_http_request_get_param (request, "key");
  MmxHttpResponse *denied = _mmx_server_authenticate (self, request, &claims);

  if (denied != NULL)
    return denied;
  if (!is_metadata_key (key))
    return bad_key ();
  body = mmx_server_request_read_metadata (mmx_http_request_get_body (request), &error);
  if (body == NULL)
    return _mmx_server_bad_body (error);

  stored = mmx_server_store_put_metadata (self->store, claims->subject, key, body->version,
                                          body->value, _mmx_server_now (), &current, &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_CONFLICT))
        {
          g_autoptr(JsonBuilder) copy = json_builder_new ();
          g_autoptr(JsonNode) node = NULL;
          g_autofree char *message = g_strdup_printf ("Another machine changed “%s” first: "
                                                      "merge with the server's copy and send "
                                                      "its version.", key);

          if (current != NULL)
            {
              add_metadata (copy, current);
              node = json_builder_get_root (copy);
            }
          return mmx_http_response_new_error_with (409, "conflict", message, "current", node);
        }
      if (g_error_matches (error, MMX_SERVER_STORE_ERROR, MMX_SERVER_STORE_ERROR_QUOTA))
        return mmx_http_response_new_error (413, "quota_exceeded", "%s", error->message);
      return _mmx_server_failure (error);
    }
  add_metadata (builder, stored);
  return mmx_http_response_new_json (200, builder);
}

void
_mmx_server_add_sync_routes (MmxServer *self)
{
  gsize max = MMX_SERVER_MAX_JSON_BODY;

  mmx_http_router_add (self->router, "PUT", "/v1/sync/uploads/{sha256}", MMX_HTTP_ROUTE_DEFAULT,
                       (gsize) self->config.max_upload, put_upload_cb, self);
  mmx_http_router_add (self->router, "GET", "/v1/sync/uploads", MMX_HTTP_ROUTE_DEFAULT, 0,
                       list_uploads_cb, self);
  mmx_http_router_add (self->router, "GET", "/v1/sync/uploads/{sha256}", MMX_HTTP_ROUTE_DEFAULT, 0,
                       get_upload_cb, self);
  mmx_http_router_add (self->router, "GET", "/v1/sync/metadata", MMX_HTTP_ROUTE_DEFAULT, 0,
                       list_metadata_cb, self);
  mmx_http_router_add (self->router, "GET", "/v1/sync/metadata/{key}", MMX_HTTP_ROUTE_DEFAULT, 0,
                       get_metadata_cb, self);
  mmx_http_router_add (self->router, "PUT", "/v1/sync/metadata/{key}", MMX_HTTP_ROUTE_JSON, max,
                       put_metadata_cb, self);
}
