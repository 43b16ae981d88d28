/* mmx-access-log.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *request_id;
  const char *client_ip;
  const char *method;
  const char *path;
  const char *subject;
  const char *error_code;
  guint       status;
  gsize       bytes;
  gint64      duration_usec;
} MmxAccessLogEntry;

typedef struct _MmxAccessLog MmxAccessLog;

MmxAccessLog *mmx_access_log_open  (const char               *destination,
                                    GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
void          mmx_access_log_write (MmxAccessLog             *self,
                                    const MmxAccessLogEntry  *entry);
void          mmx_access_log_free  (MmxAccessLog             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxAccessLog, mmx_access_log_free)

G_END_DECLS
