/* mmx-access-log.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mmx-access-log.h"
#include "mmx-json.h"

/* One JSON object per line and request: time, request id, client, method,
 * path, status, bytes, duration and account. Never a header, a body, a
 * query string or a token: nothing secret can end up in the log. */

struct _MmxAccessLog
{
  int    fd;
  GMutex lock;
};

/**
 * mmx_access_log_open:
 * @destination: "-" for standard output, "off", or a file to append to
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the log, %NULL for "off" or with
 *   @error set
 */
MmxAccessLog *
mmx_access_log_open (const char  *destination,
                     GError     **error)
{
  MmxAccessLog *self;
  int fd;

  if (g_strcmp0 (destination, "off") == 0)
    return NULL;
  if (g_strcmp0 (destination, "-") == 0)
    fd = dup (STDOUT_FILENO);
  else
    fd = g_open (destination, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "The access log “%s” cannot be opened: %s.", destination,
                   g_strerror (saved_errno));
      return NULL;
    }
  self = g_new0 (MmxAccessLog, 1);
  self->fd = fd;
  g_mutex_init (&self->lock);
  return self;
}

void
mmx_access_log_write (MmxAccessLog            *self,
                      const MmxAccessLogEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  gsize length;
  gsize written = 0;

  if (self == NULL)
    return;

  json_builder_begin_object (builder);
  mmx_json_add_string (builder, "time", time);
  mmx_json_add_string (builder, "request_id", entry->request_id);
  mmx_json_add_string (builder, "client", entry->client_ip);
  mmx_json_add_string (builder, "method", entry->method);
  mmx_json_add_string (builder, "path", entry->path);
  mmx_json_add_int (builder, "status", entry->status);
  mmx_json_add_int (builder, "bytes", (gint64) entry->bytes);
  mmx_json_add_number (builder, "duration_ms", entry->duration_usec / 1000.0);
  mmx_json_add_string (builder, "account", entry->subject);
  mmx_json_add_string (builder, "error", entry->error_code);
  json_builder_end_object (builder);
  text = mmx_json_to_string (builder, FALSE);
  line = g_strconcat (text, "\n", NULL);
  length = strlen (line);

  /* One write per line, under a lock: lines never interleave. */
  g_mutex_lock (&self->lock);
  while (written < length)
    {
      gssize n = write (self->fd, line + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += (gsize) n;
    }
  g_mutex_unlock (&self->lock);
}

void
mmx_access_log_free (MmxAccessLog *self)
{
  if (self == NULL)
    return;
  close (self->fd);
  g_mutex_clear (&self->lock);
  g_free (self);
}
