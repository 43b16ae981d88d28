/* mmx-job-pool.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MmxJobPriority:
 * @MMX_JOB_PRIORITY_QUERY: a query a view waits for; runs first
 * @MMX_JOB_PRIORITY_IMPORT: an import
 * @MMX_JOB_PRIORITY_MODEL: a model fit, which may take seconds
 */
typedef enum
{
  MMX_JOB_PRIORITY_QUERY,
  MMX_JOB_PRIORITY_IMPORT,
  MMX_JOB_PRIORITY_MODEL,
} MmxJobPriority;

void mmx_job_pool_push (GTask           *task,
                        GTaskThreadFunc  func,
                        MmxJobPriority   priority);

G_END_DECLS
