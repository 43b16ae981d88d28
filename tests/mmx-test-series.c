/* mmx-test-series.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-date.h"
#include "mmx-test-series.h"

static const char * const channel_names[MMX_TEST_SERIES_MAX_CHANNELS] = {
  "Email", "Facebook Ads", "Google Ads", "TikTok Ads",
};

/* Each channel's spend per day, carry-over, saturation and flighting. */
static const struct
{
  double   spend;
  double   decay;
  double   half;
  double   shape;
  gboolean flighted;
} channels[MMX_TEST_SERIES_MAX_CHANNELS] = {
  { 150, 0.2, 1.0, 1.0, FALSE },
  { 900, 0.5, 1.2, 1.4, FALSE },
  { 1200, 0.3, 0.9, 1.2, TRUE },
  { 500, 0.6, 1.1, 1.8, TRUE },
};

/* The sale: three days every seven weeks. */
#define EVENT_EVERY 49
#define EVENT_DAYS 3

void
mmx_test_series_free (MmxTestSeries *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->panel, mmx_panel_unref);
  g_clear_pointer (&self->events, mmx_events_free);
  g_free (self->trend);
  g_free (self->weekly);
  g_free (self->yearly);
  g_free (self->event);
  g_free (self->media);
  g_free (self->expected);
  g_free (self);
}

static double
gaussian (GRand *rand)
{
  double u = g_rand_double (rand), v = g_rand_double (rand);

  return sqrt (-2 * log (1 - u)) * cos (2 * G_PI * v);
}

static void
make_spend (GRand    *rand,
            guint     channel,
            guint     period_days,
            guint     n,
            double   *spend,
            guint     stride)
{
  guint left = g_rand_int_range (rand, 7, 21);
  gboolean on = TRUE;

  for (guint t = 0; t < n; t++)
    {
      double weekly = 1 + 0.15 * cos (2 * G_PI * (t % 7) / 7);
      double slow = 1 + 0.2 * sin (2 * G_PI * t * period_days / 120.0 + channel);
      double value = channels[channel].spend * period_days * (period_days == 1 ? weekly : 1)
                     * slow * exp (0.25 * gaussian (rand));

      if (channels[channel].flighted && left-- == 0)
        {
          on = !on;
          left = on ? g_rand_int_range (rand, 10, 30) / period_days + 1
                    : g_rand_int_range (rand, 5, 15) / period_days + 1;
        }
      spend[(gsize) t * stride] = on ? round (value * 100) / 100 : 0;
    }
}

/* Sets the curves so the channels bring about @spec's media share of the
 * baseline, split over them in proportion to their spend. */
static void
make_responses (MmxTestSeries           *self,
                const MmxTestSeriesSpec *spec)
{
  const MmxPanel *panel = self->panel;
  guint K = panel->n_channels, n = panel->n_periods;
  g_autofree double *adstocked = g_new (double, n);
  double total_spend = 0;

  for (guint k = 0; k < K; k++)
    for (guint t = 0; t < n; t++)
      total_spend += panel->spend[t * K + k];

  for (guint k = 0; k < K; k++)
    {
      MmxResponse *response = &self->responses[k];
      double spend = 0, mean = 0, saturation = 0;
      guint spending = 0;

      response->adstock = (MmxAdstock) { MMX_ADSTOCK_GEOMETRIC, channels[k].decay };
      mmx_adstock_apply (&response->adstock, panel->spend + k, n, K, adstocked);
      for (guint t = 0; t < n; t++)
        if (adstocked[t] > 0)
          {
            mean += adstocked[t];
            spending++;
          }
      response->hill = (MmxHill) { channels[k].half * mean / MAX (spending, 1), channels[k].shape };
      for (guint t = 0; t < n; t++)
        {
          spend += panel->spend[t * K + k];
          saturation += mmx_hill_eval (&response->hill, adstocked[t]);
        }
      response->beta = spec->media_share / (1 - spec->media_share) * spec->level * n
                       * (spend / total_spend) / MAX (saturation, 1e-9);
    }
}

static MmxPanel *
new_panel (const MmxTestSeriesSpec *spec)
{
  MmxPanel *panel = g_atomic_rc_box_new0 (MmxPanel);
  guint n = spec->n_periods, K = spec->n_channels;

  panel->granularity = spec->granularity;
  panel->first_day = mmx_date_julian_from_iso (spec->start);
  panel->n_periods = n;
  panel->n_channels = K;
  panel->channel_names = g_new0 (char *, K + 1);
  for (guint k = 0; k < K; k++)
    panel->channel_names[k] = g_strdup (channel_names[k]);
  panel->spend = g_new0 (double, (gsize) n * K);
  panel->channel_revenue = g_new0 (double, (gsize) n * K);
  panel->channel_missing = g_new0 (gboolean, (gsize) n * K);
  panel->revenue = g_new0 (double, n);
  panel->conversions = g_new0 (double, n);
  panel->missing = g_new0 (gboolean, n);
  panel->control_names = g_new0 (char *, 1);
  return panel;
}

/**
 * mmx_test_series_new:
 * @spec: what the series holds
 *
 * Returns: (transfer full): revenue = trend (with a change of slope) +
 *   weekly + yearly seasonality + a recurring sale + the channels'
 *   beta × Hill (adstock (spend)) + Gaussian noise, or the first three
 *   parts multiplied when @spec says so
 */
MmxTestSeries *
mmx_test_series_new (const MmxTestSeriesSpec *spec)
{
  g_autoptr(MmxTestSeries) self = g_new0 (MmxTestSeries, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) spec->seed);
  guint n = spec->n_periods, K = spec->n_channels;
  guint period_days = mmx_granularity_get_days (spec->granularity);
  g_autofree double *contribution = g_new (double, n);
  g_autofree double *sale = NULL;
  MmxPanel *panel;

  g_assert_cmpuint (K, >=, 1);
  g_assert_cmpuint (K, <=, MMX_TEST_SERIES_MAX_CHANNELS);

  self->panel = panel = new_panel (spec);
  for (guint k = 0; k < K; k++)
    make_spend (rand, k, period_days, n, panel->spend + k, K);
  make_responses (self, spec);

  self->events = mmx_events_new ();
  for (guint32 day = panel->first_day + 20; day < panel->first_day + n * period_days;
       day += EVENT_EVERY)
    mmx_events_add (self->events, MMX_TEST_SERIES_EVENT, day, day + EVENT_DAYS - 1);
  sale = mmx_events_build_indicators (self->events, panel->first_day, n, period_days);

  self->trend = g_new (double, n);
  self->weekly = g_new0 (double, n);
  self->yearly = g_new (double, n);
  self->event = g_new (double, n);
  self->media = g_new (double, (gsize) n * K);
  self->expected = g_new0 (double, n);
  for (guint k = 0; k < K; k++)
    {
      mmx_response_apply (&self->responses[k], panel->spend + k, n, K, contribution);
      for (guint t = 0; t < n; t++)
        self->media[t * K + k] = contribution[t];
    }

  for (guint t = 0; t < n; t++)
    {
      guint32 day = mmx_panel_get_day (panel, t);
      g_autoptr(GDate) date = g_date_new_julian (day);
      double doy = g_date_get_day_of_year (date) + (period_days - 1) / 2.0;
      double weekly = 0, yearly, event, scale;

      self->trend[t] = spec->level + spec->slope * t
                       + (spec->changepoint > 0 && t > spec->changepoint
                          ? spec->slope_change * (t - spec->changepoint) : 0);
      if (period_days == 1)
        weekly = sin (2 * G_PI * (day % 7) / 7.0) + 0.4 * cos (4 * G_PI * (day % 7) / 7.0);
      yearly = cos (2 * G_PI * (doy - 330) / 365.25);
      event = sale[t];
      scale = spec->multiplicative ? self->trend[t] : 1;
      self->weekly[t] = spec->weekly * weekly * scale;
      self->yearly[t] = spec->yearly * yearly * scale;
      self->event[t] = spec->event * event * scale;
      self->expected[t] = self->trend[t] + self->weekly[t] + self->yearly[t] + self->event[t];
      for (guint k = 0; k < K; k++)
        self->expected[t] += self->media[t * K + k];
      panel->revenue[t] = round ((self->expected[t] + spec->noise * gaussian (rand)) * 100) / 100;
      panel->missing[t] = spec->missing_every > 0
                          && t % spec->missing_every == spec->missing_every - 1;
      if (panel->missing[t])
        {
          panel->revenue[t] = 0;
          for (guint k = 0; k < K; k++)
            panel->spend[t * K + k] = 0;
        }
      for (guint k = 0; k < K; k++)
        panel->channel_missing[t * K + k] = panel->missing[t];
    }
  return g_steal_pointer (&self);
}

/**
 * mmx_test_series_get_history:
 * @self: a series
 * @n_periods: how many of its first periods
 *
 * Returns: (transfer full): a panel of those periods alone
 */
MmxPanel *
mmx_test_series_get_history (MmxTestSeries *self,
                             guint          n_periods)
{
  const MmxPanel *all = self->panel;
  MmxPanel *panel = g_atomic_rc_box_new0 (MmxPanel);
  guint K = all->n_channels;
  gsize cells = (gsize) n_periods * K;

  g_assert_cmpuint (n_periods, <=, all->n_periods);
  panel->granularity = all->granularity;
  panel->first_day = all->first_day;
  panel->n_periods = n_periods;
  panel->n_channels = K;
  panel->channel_names = g_strdupv (all->channel_names);
  panel->spend = g_memdup2 (all->spend, sizeof (double) * (cells + 1));
  panel->channel_revenue = g_memdup2 (all->channel_revenue, sizeof (double) * (cells + 1));
  panel->channel_missing = g_memdup2 (all->channel_missing, sizeof (gboolean) * (cells + 1));
  panel->revenue = g_memdup2 (all->revenue, sizeof (double) * (n_periods + 1));
  panel->conversions = g_memdup2 (all->conversions, sizeof (double) * (n_periods + 1));
  panel->missing = g_memdup2 (all->missing, sizeof (gboolean) * (n_periods + 1));
  panel->control_names = g_new0 (char *, 1);
  return panel;
}

/**
 * mmx_test_series_media_total:
 * @self: a series
 * @channel: a channel
 * @first: the first period
 * @n: how many
 * @factor: what the channel's spend of these periods is multiplied by
 *
 * Returns: the revenue the channel truly brings in these periods then,
 *   carry-over from the earlier ones included
 */
double
mmx_test_series_media_total (MmxTestSeries *self,
                             guint          channel,
                             guint          first,
                             guint          n,
                             double         factor)
{
  const MmxPanel *panel = self->panel;
  guint K = panel->n_channels, end = first + n;
  g_autofree double *spend = g_new (double, end);
  g_autofree double *revenue = g_new (double, end);
  double total = 0;

  for (guint t = 0; t < end; t++)
    spend[t] = panel->spend[t * K + channel] * (t >= first ? factor : 1);
  mmx_response_apply (&self->responses[channel], spend, end, 1, revenue);
  for (guint t = first; t < end; t++)
    total += revenue[t];
  return total;
}
