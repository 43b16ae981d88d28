/* mmx-attribution-store.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-attribution.h"
#include "mmx-panel.h"
#include "mmx-store.h"

G_BEGIN_DECLS

MmxAttribution *mmx_attribution_store_lookup        (MmxStore                      *store,
                                                     const MmxPanel                *panel,
                                                     const MmxAttributionSettings  *settings,
                                                     GError                       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        mmx_attribution_store_save          (MmxStore                      *store,
                                                     const MmxPanel                *panel,
                                                     const MmxAttributionSettings  *settings,
                                                     const MmxAttribution          *attribution,
                                                     GError                       **error);
gboolean        mmx_attribution_store_set_latest    (MmxStore                      *store,
                                                     const MmxPanel                *panel,
                                                     const MmxAttributionSettings  *settings,
                                                     GError                       **error);
MmxAttribution *mmx_attribution_store_lookup_latest (MmxStore                      *store,
                                                     GError                       **error) G_GNUC_WARN_UNUSED_RESULT;
void            mmx_attribution_store_run_async     (MmxStore                      *store,
                                                     MmxPanel                      *panel,
                                                     const MmxAttributionSettings  *settings,
                                                     gboolean                       use_cache,
                                                     MmxProgressFunc                progress_func,
                                                     gpointer                       progress_data,
                                                     GCancellable                  *cancellable,
                                                     GAsyncReadyCallback            callback,
                                                     gpointer                       user_data);
MmxAttribution *mmx_attribution_store_run_finish    (MmxStore                      *store,
                                                     GAsyncResult                  *result,
                                                     GError                       **out_save_error,
                                                     GError                       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
