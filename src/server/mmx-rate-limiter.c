/* mmx-rate-limiter.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-rate-limiter.h"

/* A token bucket per key (a client address): @burst requests at once,
 * then @per_second. Buckets live in this process; each instance of the
 * server limits on its own. Full buckets are forgotten when the table
 * grows, so a scan of many addresses costs bounded memory. */

#define MAX_BUCKETS 100000

typedef struct
{
  double tokens;
  gint64 updated;
} Bucket;

struct _MmxRateLimiter
{
  double      per_second;
  double      burst;
  GMutex      lock;
  GHashTable *buckets;
};

MmxRateLimiter *
mmx_rate_limiter_new (double per_second,
                      double burst)
{
  MmxRateLimiter *self = g_new0 (MmxRateLimiter, 1);

  self->per_second = per_second;
  self->burst = MAX (burst, 1.0);
  g_mutex_init (&self->lock);
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
mmx_rate_limiter_free (MmxRateLimiter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->buckets);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static void
refill (MmxRateLimiter *self,
        Bucket         *bucket,
        gint64          now_usec)
{
  double elapsed = MAX (0, now_usec - bucket->updated) / (double) G_USEC_PER_SEC;

  bucket->tokens = MIN (self->burst, bucket->tokens + elapsed * self->per_second);
  bucket->updated = now_usec;
}

static gboolean
is_full_cb (gpointer key,
            gpointer value,
            gpointer user_data)
{
  MmxRateLimiter *self = ((gpointer *) user_data)[0];
  gint64 now_usec = *(gint64 *) ((gpointer *) user_data)[1];
  Bucket *bucket = value;

  refill (self, bucket, now_usec);
  return bucket->tokens >= self->burst;
}

/**
 * mmx_rate_limiter_take:
 * @self: a limiter
 * @key: whose bucket
 * @now_usec: the monotonic time
 * @out_retry_after: (out) (optional): when refused, seconds until a token
 *
 * Returns: whether the request may go on
 */
gboolean
mmx_rate_limiter_take (MmxRateLimiter *self,
                       const char     *key,
                       gint64          now_usec,
                       guint          *out_retry_after)
{
  Bucket *bucket;
  gboolean allowed;

  g_mutex_lock (&self->lock);
  bucket = g_hash_table_lookup (self->buckets, key);
  if (bucket == NULL)
    {
      if (g_hash_table_size (self->buckets) >= MAX_BUCKETS)
        {
          gpointer data[2] = { self, &now_usec };

          g_hash_table_foreach_remove (self->buckets, is_full_cb, data);
        }
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = self->burst;
      bucket->updated = now_usec;
      g_hash_table_insert (self->buckets, g_strdup (key), bucket);
    }
  refill (self, bucket, now_usec);
  allowed = bucket->tokens >= 1.0;
  if (allowed)
    bucket->tokens -= 1.0;
  else if (out_retry_after != NULL)
    *out_retry_after = (guint) ceil ((1.0 - bucket->tokens) / self->per_second);
  g_mutex_unlock (&self->lock);
  return allowed;
}
