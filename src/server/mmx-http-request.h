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

const char *mmx_http_request_get_header     (MmxHttpRequest  *self,
                                             const char      *name);
const char *mmx_http_request_get_query      (MmxHttpRequest  *self,
                                             const char      *name);
const char *mmx_http_request_get_param      (MmxHttpRequest  *self,
                                             const char      *name);
const char *mmx_http_request_get_client_ip  (MmxHttpRequest  *self);
GBytes     *mmx_http_request_get_body       (MmxHttpRequest  *self);
void        mmx_http_request_set_subject    (MmxHttpRequest  *self,
                                             const char      *subject);

void        mmx_http_request_free           (MmxHttpRequest  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxHttpRequest, mmx_http_request_free)

G_END_DECLS
