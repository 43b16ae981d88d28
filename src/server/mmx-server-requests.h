/* mmx-server-requests.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest JSON body any route but uploads takes. */
#define MMX_SERVER_MAX_JSON_BODY (64 * 1024)
#define MMX_SERVER_MAX_METADATA_VALUE (32 * 1024)

/* What a request body says, read strictly: every member known, of the
 * right type and size. Errors are MMX_JSON_ERROR. Secrets are wiped when
 * the request is freed. */
typedef struct
{
  char   *email;
  char   *password;
  char   *new_password;
  char   *refresh_token;
  char   *license_key;
  char   *license_id;
  char   *machine;
  gint64  version;
  char   *value;
} MmxServerRequest;

MmxServerRequest *mmx_server_request_read_credentials     (GBytes  *body,
                                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;
MmxServerRequest *mmx_server_request_read_refresh         (GBytes  *body,
                                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;
MmxServerRequest *mmx_server_request_read_password        (GBytes  *body,
                                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;
MmxServerRequest *mmx_server_request_read_password_change (GBytes  *body,
                                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;
MmxServerRequest *mmx_server_request_read_activation      (GBytes  *body,
                                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;
MmxServerRequest *mmx_server_request_read_deactivation    (GBytes  *body,
                                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;
MmxServerRequest *mmx_server_request_read_metadata        (GBytes  *body,
                                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_server_request_free                 (MmxServerRequest *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxServerRequest, mmx_server_request_free)

G_END_DECLS
