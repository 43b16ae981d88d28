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
#include <time.h>
#include <unistd.h>

#include "mmx-access-log.h"

/* One JSON object per line and request: time, request id, client, method,
 * path, status, bytes, duration, account and error code. Never a header,
 * a body, a query string or a token: nothing secret can end up in the log.
 *
 * At 20,000 requests a second the log must cost next to nothing on the
 * threads that serve: a line is formatted by hand and appended to a
 * buffer, and a thread of the log's own writes the buffer to the file,
 * when 32 KiB have gathered and at least every 200 ms, so a slow disk
 * never holds up a request. A crash loses at most that last moment. */

#define BATCH_BYTES (32 * 1024)
#define FLUSH_INTERVAL_USEC (200 * 1000)

struct _MmxAccessLog
{
  int      fd;
  GMutex   lock;
  GCond    cond;
  GString *pending;
  GThread *writer;
  gboolean closing;
};

static gpointer writer_thread (gpointer data);

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
  self->pending = g_string_sized_new (2 * BATCH_BYTES);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->writer = g_thread_new ("mmx-access-log", writer_thread, self);
  return self;
}

/* A JSON string member; text that is not UTF-8 (a path can be anything)
 * is made valid first. */
static void
append_string (GString    *line,
               const char *member,
               const char *value)
{
  g_autofree char *valid = NULL;

  g_string_append_printf (line, ",\"%s\":", member);
  if (value == NULL)
    {
      g_string_append (line, "null");
      return;
    }
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (line, '\\');
          g_string_append_c (line, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (line, "\\u%04x", c);
      else
        g_string_append_c (line, (char) c);
    }
  g_string_append_c (line, '"');
}

static void
write_all (int      fd,
           GString *text)
{
  gsize written = 0;

  while (written < text->len)
    {
      gssize n = write (fd, text->str + written, text->len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += (gsize) n;
    }
  g_string_truncate (text, 0);
}

static gpointer
writer_thread (gpointer data)
{
  MmxAccessLog *self = data;
  g_autoptr(GString) batch = g_string_sized_new (2 * BATCH_BYTES);
  gboolean closing;

  do
    {
      GString *swap;

      g_mutex_lock (&self->lock);
      if (!self->closing && self->pending->len < BATCH_BYTES)
        g_cond_wait_until (&self->cond, &self->lock,
                           g_get_monotonic_time () + FLUSH_INTERVAL_USEC);
      closing = self->closing;
      swap = self->pending;
      self->pending = batch;
      batch = swap;
      g_mutex_unlock (&self->lock);

      write_all (self->fd, batch);
    }
  while (!closing);
  return NULL;
}

void
mmx_access_log_write (MmxAccessLog            *self,
                      const MmxAccessLogEntry *entry)
{
  g_autoptr(GString) out = g_string_sized_new (256);
  struct timespec now;
  struct tm utc;
  char stamp[32];

  if (self == NULL)
    return;

  clock_gettime (CLOCK_REALTIME, &now);
  gmtime_r (&now.tv_sec, &utc);
  strftime (stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);

  g_string_append_printf (out, "{\"time\":\"%s.%03ldZ\"", stamp, now.tv_nsec / 1000000);
  append_string (out, "request_id", entry->request_id);
  append_string (out, "client", entry->client_ip);
  append_string (out, "method", entry->method);
  append_string (out, "path", entry->path);
  g_string_append_printf (out, ",\"status\":%u,\"bytes\":%" G_GSIZE_FORMAT ",\"duration_ms\":%.3f",
                          entry->status, entry->bytes, entry->duration_usec / 1000.0);
  append_string (out, "account", entry->subject);
  append_string (out, "error", entry->error_code);
  g_string_append (out, "}\n");

  g_mutex_lock (&self->lock);
  g_string_append_len (self->pending, out->str, (gssize) out->len);
  if (self->pending->len >= BATCH_BYTES)
    g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Writes what is left and closes the file. */
void
mmx_access_log_free (MmxAccessLog *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->closing = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->writer);

  close (self->fd);
  g_string_free (self->pending, TRUE);
  g_cond_clear (&self->cond);
  g_mutex_clear (&self->lock);
  g_free (self);
}
