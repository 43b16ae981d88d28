/* mmx-forecast-backtest.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-forecast.h"

G_BEGIN_DECLS

MmxForecastBacktest *mmx_forecast_backtest_run  (MmxPanel             *panel,
                                                 MmxForecastSettings  *settings,
                                                 guint                 n_future,
                                                 GCancellable         *cancellable,
                                                 GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void                 mmx_forecast_backtest_free (MmxForecastBacktest  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxForecastBacktest, mmx_forecast_backtest_free)

G_END_DECLS
