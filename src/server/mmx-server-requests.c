/* mmx-server-requests.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "mmx-email.h"
#include "mmx-json-strict.h"
#include "mmx-machine-fingerprint.h"
#include "mmx-password.h"
#include "mmx-secret.h"
#include "mmx-server-requests.h"

#define MAX_ID_CHARS 64
#define MAX_TOKEN_CHARS 128
#define MAX_EMAIL_CHARS 320

static void
wipe (char *secret)
{
  if (secret != NULL)
    sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

void
mmx_server_request_free (MmxServerRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->email);
  wipe (request->password);
  wipe (request->new_password);
  wipe (request->refresh_token);
  wipe (request->license_key);
  g_free (request->license_id);
  g_free (request->machine);
  g_free (request->value);
  g_free (request);
}

static JsonObject *
parse (GBytes             *body,
       const char * const *members,
       GError            **error)
{
  g_autoptr(JsonObject) object = NULL;

  object = mmx_json_parse_object (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  MMX_SERVER_MAX_JSON_BODY, error);
  if (object == NULL || !mmx_json_check_members (object, members, error))
    return NULL;
  return g_steal_pointer (&object);
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             gsize        max_chars,
             char       **out,
             GError     **error)
{
  const char *value = NULL;

  if (!mmx_json_read_string (object, member, TRUE, max_chars, &value, error))
    return FALSE;
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_email (JsonObject  *object,
            char       **out,
            GError     **error)
{
  const char *value = NULL;

  if (!mmx_json_read_string (object, "email", TRUE, MAX_EMAIL_CHARS, &value, error))
    return FALSE;
  *out = mmx_email_normalize (value, error);
  return *out != NULL;
}

MmxServerRequest *
mmx_server_request_read_credentials (GBytes  *body,
                                     GError **error)
{
  static const char * const members[] = { "email", "password", NULL };
  g_autoptr(JsonObject) object = parse (body, members, error);
  g_autoptr(MmxServerRequest) request = g_new0 (MmxServerRequest, 1);

  if (object == NULL
      || !read_email (object, &request->email, error)
      || !read_string (object, "password", MMX_PASSWORD_MAX_CHARS, &request->password, error))
    return NULL;
  return g_steal_pointer (&request);
}

MmxServerRequest *
mmx_server_request_read_refresh (GBytes  *body,
                                 GError **error)
{
  static const char * const members[] = { "refresh_token", NULL };
  g_autoptr(JsonObject) object = parse (body, members, error);
  g_autoptr(MmxServerRequest) request = g_new0 (MmxServerRequest, 1);

  if (object == NULL
      || !read_string (object, "refresh_token", MAX_TOKEN_CHARS, &request->refresh_token, error))
    return NULL;
  return g_steal_pointer (&request);
}

MmxServerRequest *
mmx_server_request_read_password (GBytes  *body,
                                  GError **error)
{
  static const char * const members[] = { "password", NULL };
  g_autoptr(JsonObject) object = parse (body, members, error);
  g_autoptr(MmxServerRequest) request = g_new0 (MmxServerRequest, 1);

  if (object == NULL
      || !read_string (object, "password", MMX_PASSWORD_MAX_CHARS, &request->password, error))
    return NULL;
  return g_steal_pointer (&request);
}

MmxServerRequest *
mmx_server_request_read_password_change (GBytes  *body,
                                         GError **error)
{
  static const char * const members[] = { "password", "new_password", NULL };
  g_autoptr(JsonObject) object = parse (body, members, error);
  g_autoptr(MmxServerRequest) request = g_new0 (MmxServerRequest, 1);

  if (object == NULL
      || !read_string (object, "password", MMX_PASSWORD_MAX_CHARS, &request->password, error)
      || !read_string (object, "new_password", MMX_PASSWORD_MAX_CHARS + 1,
                       &request->new_password, error))
    return NULL;
  return g_steal_pointer (&request);
}

static gboolean
read_machine (JsonObject  *object,
              char       **out,
              GError     **error)
{
  if (!read_string (object, "machine", MMX_MACHINE_FINGERPRINT_LENGTH, out, error))
    return FALSE;
  if (!mmx_machine_fingerprint_is_valid (*out))
    {
      g_set_error_literal (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                           "“machine” must be the machine's fingerprint: 64 lower-case hex "
                           "digits, never the machine id itself.");
      return FALSE;
    }
  return TRUE;
}

MmxServerRequest *
mmx_server_request_read_activation (GBytes  *body,
                                    GError **error)
{
  static const char * const members[] = { "license_key", "machine", NULL };
  g_autoptr(JsonObject) object = parse (body, members, error);
  g_autoptr(MmxServerRequest) request = g_new0 (MmxServerRequest, 1);
  g_autofree char *typed = NULL;

  if (object == NULL
      || !read_string (object, "license_key", MAX_TOKEN_CHARS, &typed, error)
      || !read_machine (object, &request->machine, error))
    return NULL;
  request->license_key = mmx_secret_normalize_license_key (typed);
  wipe (g_steal_pointer (&typed));
  if (request->license_key == NULL)
    {
      g_set_error_literal (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                           "“license_key” is not a license key: it reads MMX- and 32 letters "
                           "and digits.");
      return NULL;
    }
  return g_steal_pointer (&request);
}

MmxServerRequest *
mmx_server_request_read_deactivation (GBytes  *body,
                                      GError **error)
{
  static const char * const members[] = { "license_id", "machine", NULL };
  g_autoptr(JsonObject) object = parse (body, members, error);
  g_autoptr(MmxServerRequest) request = g_new0 (MmxServerRequest, 1);

  if (object == NULL
      || !read_string (object, "license_id", MAX_ID_CHARS, &request->license_id, error)
      || !read_machine (object, &request->machine, error))
    return NULL;
  return g_steal_pointer (&request);
}

MmxServerRequest *
mmx_server_request_read_metadata (GBytes  *body,
                                  GError **error)
{
  static const char * const members[] = { "version", "value", NULL };
  g_autoptr(JsonObject) object = parse (body, members, error);
  g_autoptr(MmxServerRequest) request = g_new0 (MmxServerRequest, 1);
  JsonNode *value;

  if (object == NULL
      || !mmx_json_read_int (object, "version", TRUE, 0, G_MAXINT64 - 1, &request->version, error))
    return NULL;
  value = json_object_get_member (object, "value");
  if (value == NULL)
    {
      g_set_error_literal (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                           "The member “value” is missing.");
      return NULL;
    }
  request->value = json_to_string (value, FALSE);
  if (strlen (request->value) > MMX_SERVER_MAX_METADATA_VALUE)
    {
      g_set_error (error, MMX_JSON_ERROR, MMX_JSON_ERROR_SCHEMA,
                   "“value” is larger than %d bytes.", MMX_SERVER_MAX_METADATA_VALUE);
      return NULL;
    }
  return g_steal_pointer (&request);
}
