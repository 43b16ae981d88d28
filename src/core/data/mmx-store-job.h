/* mmx-store-job.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-job-pool.h"
#include "mmx-store.h"

G_BEGIN_DECLS

/**
 * MmxStoreJobFunc:
 * @store: a connection opened for this job, on the worker thread
 * @data: the job's data
 * @cancellable: (nullable): the job's cancellable
 * @error: a location for a #GError
 *
 * Does a job's work on a worker thread.
 *
 * Returns: (transfer full): the job's result; %NULL only with @error set
 */
typedef gpointer (*MmxStoreJobFunc) (MmxStore      *store,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

void     mmx_store_job_run_async   (const char           *db_path,
                                    MmxJobPriority        priority,
                                    MmxStoreJobFunc       func,
                                    gpointer              data,
                                    GDestroyNotify        data_free,
                                    GDestroyNotify        result_free,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gpointer mmx_store_job_run_finish  (GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
