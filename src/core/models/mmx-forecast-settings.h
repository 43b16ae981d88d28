/* mmx-forecast-settings.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mmx-attribution.h"
#include "mmx-events.h"
#include "mmx-response.h"
#include "mmx-spend-plan.h"
#include "mmx-spend-scenario.h"

G_BEGIN_DECLS

#define MMX_FORECAST_MAX_HORIZON_DAYS        365
#define MMX_FORECAST_DEFAULT_INTERVAL        0.8
#define MMX_FORECAST_DEFAULT_SAMPLES         1000
#define MMX_FORECAST_MAX_SAMPLES             100000
#define MMX_FORECAST_DEFAULT_CHANGEPOINT_PRIOR_SCALE 0.05
#define MMX_FORECAST_MAX_CHANGEPOINTS        25
#define MMX_FORECAST_DEFAULT_CUTOFFS         3

/**
 * MmxForecastMode:
 * @MMX_FORECAST_MODE_ADDITIVE: seasonality and events add to the trend
 * @MMX_FORECAST_MODE_MULTIPLICATIVE: they scale it, for a business whose
 *   peaks grow with it
 *
 * Media effects are added in both modes: they are revenue per period,
 * as attribution measures them.
 */
typedef enum
{
  MMX_FORECAST_MODE_ADDITIVE,
  MMX_FORECAST_MODE_MULTIPLICATIVE,
} MmxForecastMode;

/**
 * MmxSeasonality:
 * @MMX_SEASONALITY_AUTO: on when the history can tell it: weekly for daily
 *   data, yearly from two years of history
 * @MMX_SEASONALITY_ON: always (weekly only for daily data)
 * @MMX_SEASONALITY_OFF: never
 */
typedef enum
{
  MMX_SEASONALITY_AUTO,
  MMX_SEASONALITY_ON,
  MMX_SEASONALITY_OFF,
} MmxSeasonality;

typedef struct _MmxForecastSettings MmxForecastSettings;

#define MMX_TYPE_FORECAST_SETTINGS (mmx_forecast_settings_get_type ())

GType                mmx_forecast_settings_get_type      (void) G_GNUC_CONST;
MmxForecastSettings *mmx_forecast_settings_new           (guint                 horizon_days) G_GNUC_WARN_UNUSED_RESULT;
MmxForecastSettings *mmx_forecast_settings_ref           (MmxForecastSettings  *self);
void                 mmx_forecast_settings_unref         (MmxForecastSettings  *self);
const char          *mmx_forecast_mode_to_string         (MmxForecastMode       mode);
gboolean             mmx_forecast_mode_from_string       (const char           *name,
                                                          MmxForecastMode      *out_mode);
guint                mmx_forecast_settings_get_horizon   (MmxForecastSettings  *self);
double               mmx_forecast_settings_get_interval  (MmxForecastSettings  *self);
void                 mmx_forecast_settings_set_interval  (MmxForecastSettings  *self,
                                                          double                interval);
void                 mmx_forecast_settings_set_n_samples (MmxForecastSettings  *self,
                                                          guint                 n_samples);
void                 mmx_forecast_settings_set_seed      (MmxForecastSettings  *self,
                                                          guint64               seed);
void                 mmx_forecast_settings_set_mode      (MmxForecastSettings  *self,
                                                          MmxForecastMode       mode);
void                 mmx_forecast_settings_set_changepoint_prior_scale
                                                         (MmxForecastSettings  *self,
                                                          double                scale);
void                 mmx_forecast_settings_set_max_changepoints
                                                         (MmxForecastSettings  *self,
                                                          guint                 n_changepoints);
void                 mmx_forecast_settings_set_weekly    (MmxForecastSettings  *self,
                                                          MmxSeasonality        weekly);
void                 mmx_forecast_settings_set_yearly    (MmxForecastSettings  *self,
                                                          MmxSeasonality        yearly);
void                 mmx_forecast_settings_set_builtin_events
                                                         (MmxForecastSettings  *self,
                                                          gboolean              builtin_events);
void                 mmx_forecast_settings_take_events   (MmxForecastSettings  *self,
                                                          MmxEvents            *events);
void                 mmx_forecast_settings_take_spend_plan
                                                         (MmxForecastSettings  *self,
                                                          MmxSpendPlan         *plan);
void                 mmx_forecast_settings_take_scenario (MmxForecastSettings  *self,
                                                          MmxSpendScenario     *scenario);
void                 mmx_forecast_settings_set_response  (MmxForecastSettings  *self,
                                                          const char           *channel,
                                                          const MmxResponse    *response);
guint                mmx_forecast_settings_set_attribution
                                                         (MmxForecastSettings  *self,
                                                          const MmxAttribution *attribution);
void                 mmx_forecast_settings_set_backtest  (MmxForecastSettings  *self,
                                                          guint                 n_cutoffs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MmxForecastSettings, mmx_forecast_settings_unref)

G_END_DECLS
