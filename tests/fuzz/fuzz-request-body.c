/* fuzz-request-body.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mmx-fuzz.h"
#include "mmx-json-strict.h"
#include "mmx-server-requests.h"

/* The strict JSON parser and every request body reader of the server. */

typedef MmxServerRequest *(*ReadFunc) (GBytes  *body,
                                       GError **error);

static const ReadFunc readers[] = {
  mmx_server_request_read_credentials,
  mmx_server_request_read_refresh,
  mmx_server_request_read_password,
  mmx_server_request_read_password_change,
  mmx_server_request_read_activation,
  mmx_server_request_read_deactivation,
  mmx_server_request_read_metadata,
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = mmx_json_parse_strict ((const char *) data, size, 1024 * 1024, 64, &error);
  g_assert ((node == NULL) == (error != NULL));
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GError) read_error = NULL;
      g_autoptr(MmxServerRequest) request = readers[i] (body, &read_error);

      g_assert ((request == NULL) == (read_error != NULL));
    }
  return 0;
}
