/* mmx-test-server.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The real marketingmix-server ($MMX_SERVER), started by a test on a free
 * loopback port with a database of its own. */
typedef struct
{
  char        *dir;
  char        *db;
  char        *key_file;
  char        *log_file;
  GSubprocess *process;
  guint16      port;
  /* Requests go over HTTPS, trusting any certificate. */
  gboolean     tls;
} MmxTestServer;

typedef struct
{
  long        status;
  GBytes     *body;
  GHashTable *headers;
  JsonNode   *json;
} MmxTestResponse;

MmxTestServer   *mmx_test_server_new        (void) G_GNUC_WARN_UNUSED_RESULT;
void             mmx_test_server_start      (MmxTestServer      *server,
                                             const char * const *extra_args);
void             mmx_test_server_stop       (MmxTestServer      *server);
void             mmx_test_server_kill       (MmxTestServer      *server);
void             mmx_test_server_free       (MmxTestServer      *server);
char            *mmx_test_server_admin      (MmxTestServer      *server,
                                             int                 expected_status,
                                             const char         *first_arg,
                                             ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;

MmxTestResponse *mmx_test_request           (MmxTestServer      *server,
                                             const char         *method,
                                             const char         *path,
                                             const char         *token,
                                             const char * const *headers,
                                             const char         *body,
                                             gssize              length) G_GNUC_WARN_UNUSED_RESULT;
MmxTestResponse *mmx_test_json              (MmxTestServer      *server,
                                             const char         *method,
                                             const char         *path,
                                             const char         *token,
                                             const char         *body) G_GNUC_WARN_UNUSED_RESULT;
MmxTestResponse *mmx_test_try_json          (MmxTestServer      *server,
                                             const char         *method,
                                             const char         *path,
                                             const char         *token,
                                             const char         *body) G_GNUC_WARN_UNUSED_RESULT;
char            *mmx_test_raw               (MmxTestServer      *server,
                                             const char         *request,
                                             gsize               length) G_GNUC_WARN_UNUSED_RESULT;
const char      *mmx_test_response_string   (MmxTestResponse    *response,
                                             const char         *member);
gint64           mmx_test_response_int      (MmxTestResponse    *response,
                                             const char         *member);
const char      *mmx_test_response_error    (MmxTestResponse    *response);
void             mmx_test_expect_error      (MmxTestResponse    *response,
                                             long                status,
                                             const char         *code);
void             mmx_test_response_free     (MmxTestResponse    *response);

void             mmx_test_signup            (MmxTestServer      *server,
                                             const char         *email,
                                             char              **out_access,
                                             char              **out_refresh);
char            *mmx_test_create_license    (MmxTestServer      *server,
                                             const char         *email,
                                             int                 seats) G_GNUC_WARN_UNUSED_RESULT;

char            *mmx_test_make_jws          (const char         *header,
                                             const char         *claims,
                                             const guint8       *secret_key) G_GNUC_WARN_UNUSED_RESULT;

#define MMX_TEST_PASSWORD "correct horse battery staple"

#define mmx_assert_status(response, expected) \
  G_STMT_START { \
    MmxTestResponse *_r = (response); \
    if (_r->status != (expected)) \
      g_error ("HTTP %ld, expected %ld: %.*s", _r->status, (long) (expected), \
               (int) g_bytes_get_size (_r->body), (const char *) g_bytes_get_data (_r->body, NULL)); \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxTestServer, mmx_test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxTestResponse, mmx_test_response_free)

G_END_DECLS
