/* mmx-forecast-design.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-forecast-model.h"
#include "mmx-panel.h"

G_BEGIN_DECLS

/* The least history a forecast is fitted on, in periods with data. */
#define MMX_FORECAST_MIN_DAYS  30
#define MMX_FORECAST_MIN_WEEKS 12

/**
 * MmxForecastMedia:
 * @has_response: whether the channel's regressor is its response curve
 * @response: the curve, if so
 * @adstock: else the carry-over chosen for it
 * @scale: what the transformed spend is divided by
 *
 * How a channel's spend becomes its regressor: the revenue its response
 * curve gives, or its adstocked spend, over @scale.
 */
typedef struct
{
  gboolean    has_response;
  MmxResponse response;
  MmxAdstock  adstock;
  double      scale;
} MmxForecastMedia;

/**
 * MmxForecastDesign:
 * @model: the model, fitted once mmx_forecast_design_new() returns
 * @panel: the data
 * @n_future: the periods of the horizon
 * @period_days: 1 or 7
 * @n_channels: the panel's channels, the model's media columns
 * @media: @n_channels: how each one's spend becomes its regressor
 * @has_weekly: whether weekly seasonality is modelled
 * @has_yearly: whether yearly seasonality is modelled
 * @n_events: the events modelled
 * @event_names: their names
 *
 * A forecast's model built from a panel's first periods and fitted.
 */
typedef struct
{
  MmxForecastModel *model;
  MmxPanel         *panel;
  guint             n_future;
  guint             period_days;
  guint             n_channels;
  MmxForecastMedia *media;
  gboolean          has_weekly;
  gboolean          has_yearly;
  guint             n_events;
  GStrv             event_names;
} MmxForecastDesign;

MmxForecastDesign *mmx_forecast_design_new         (MmxPanel                *panel,
                                                    guint                    n_history,
                                                    guint                    n_future,
                                                    const double            *future_spend,
                                                    MmxForecastSettings     *settings,
                                                    GPtrArray               *notes,
                                                    GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
void               mmx_forecast_design_free        (MmxForecastDesign       *self);
guint              mmx_forecast_design_count_observed (const MmxPanel       *panel,
                                                    guint                    n_history);
gboolean           mmx_forecast_design_check_history (const MmxPanel        *panel,
                                                    guint                    n_history,
                                                    GError                 **error);
void               mmx_forecast_design_get_media   (const MmxForecastDesign *self,
                                                    const double            *future_spend,
                                                    double                  *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxForecastDesign, mmx_forecast_design_free)

G_END_DECLS
