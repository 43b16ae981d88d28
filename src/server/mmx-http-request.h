/* mmx-http-request.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _MmxHttpRequest MmxHttpRequest;

const char *mmx_http_request_get_method     (MmxHttpRequest  *self);
const char *mmx_http_request_get_path       (MmxHttpRequest  *self);
const char *mmx_http_request_get_header     (MmxHttpRequest  *self,
                                             const char      *name);
const char *mmx_http_request_get_query      (MmxHttpRequest  *self,
                                             const char      *name);
const char *mmx_http_request_get_param      (MmxHttpRequest  *self,
                                             const char      *name);
const char *mmx_http_request_get_client_ip  (MmxHttpRequest  *self);
GBytes     *mmx_http_request_get_body       (MmxHttpRequest  *self);
gint64      mmx_http_request_get_start_time (MmxHttpRequest  *self);
void        mmx_http_request_set_subject    (MmxHttpRequest  *self,
                                             const char      *subject);

/* For tests and fuzzing: a request that no connection carries. */
MmxHttpRequest *mmx_http_request_new_detached (const char    *method,
                                               const char    *path,
                                               const char    *client_ip,
                                               GBytes        *body) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_http_request_set_header   (MmxHttpRequest *self,
                                               const char     *name,
                                               const char     *value);
void            mmx_http_request_free         (MmxHttpRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxHttpRequest, mmx_http_request_free)

G_END_DECLS
