/* mmx-test-mmm-data.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-test-mmm-data.h"
#include "mmx-test-utils.h"

static const char * const channel_names[MMX_TEST_MMM_MAX_RANDOM_CHANNELS] = {
  "tv", "search", "social", "display", "video", "radio", "print", "email", "affiliate", "ooh",
  "podcast", "shopping", "native", "ctv", "influencer", "audio", "programmatic", "dooh", "sms",
  "direct_mail",
};

static double
normal (GRand *rand)
{
  /* Box–Muller: GRand has no Gaussian. */
  double u = g_rand_double_range (rand, 1e-12, 1), v = g_rand_double (rand);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

static void
make_spend (GRand                *rand,
            const MmxTestChannel *channel,
            guint                 n,
            guint                 period_days,
            double               *spend)
{
  double phase = g_rand_double_range (rand, 0, 2 * G_PI);
  double slow_period = g_rand_double_range (rand, 60, 200) / period_days;
  gboolean on = TRUE;
  guint left = g_rand_int_range (rand, 7, 29) / (period_days == 1 ? 1 : 3) + 1;

  for (guint t = 0; t < n; t++)
    {
      double weekly = period_days == 1 ? 1 + 0.2 * cos (2 * G_PI * (t % 7) / 7 + phase) : 1;
      double slow = 1 + 0.3 * sin (2 * G_PI * t / slow_period + phase);

      spend[t] = channel->level * weekly * slow * exp (0.25 * normal (rand));
      if (channel->flighted)
        {
          if (left-- == 0)
            {
              on = !on;
              left = (on ? g_rand_int_range (rand, 7, 29) : g_rand_int_range (rand, 3, 22))
                     / (period_days == 1 ? 1 : 3) + 1;
            }
          spend[t] = on ? spend[t] * 1.4 : 0;
        }
      spend[t] = round (spend[t] * 100) / 100;
    }
}

static double
effect_sum (const MmxResponse *response,
            const double      *spend,
            guint              n,
            double             factor)
{
  g_autofree double *scaled = g_new (double, n);
  g_autofree double *out = g_new (double, n);
  double sum = 0;

  for (guint t = 0; t < n; t++)
    scaled[t] = spend[t] * factor;
  mmx_response_apply (response, scaled, n, 1, out);
  for (guint t = 0; t < n; t++)
    sum += out[t];
  return sum;
}

/**
 * mmx_test_mmm_data_new:
 * @channels: (array length=n_channels): the channels' truth
 * @n_channels: how many
 * @n_periods: the history, in days or weeks
 * @weekly: weeks (from Monday 2 January 2023) rather than days
 * @media_share: the share of revenue media should drive, which sets the
 *   baseline's level
 * @noise: the noise's standard deviation as a share of mean revenue
 * @seed: the seed
 *
 * Returns: (transfer full): the data and its truth
 */
MmxTestMmmData *
mmx_test_mmm_data_new (const MmxTestChannel *channels,
                       guint                 n_channels,
                       guint                 n_periods,
                       gboolean              weekly,
                       double                media_share,
                       double                noise,
                       guint32               seed)
{
  MmxTestMmmData *self = g_new0 (MmxTestMmmData, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDate) date = g_date_new_dmy (2, G_DATE_JANUARY, 2023);
  guint period_days = weekly ? 7 : 1;
  guint n = n_periods, K = n_channels;
  g_autofree double *spend = g_new (double, (gsize) n * K);
  g_autofree double *media = g_new0 (double, n);
  g_autofree double *column = g_new (double, n);
  double media_mean = 0, level, trend, weekly_amp, yearly_amp, sigma, mean_revenue = 0;

  self->responses = g_new0 (MmxResponse, K);
  self->contribution = g_new0 (double, K);
  self->roas = g_new0 (double, K);
  self->mroas = g_new0 (double, K);

  for (guint k = 0; k < K; k++)
    {
      MmxResponse *response = &self->responses[k];
      double *x = spend + (gsize) k * n;
      double positive = 0, total_spend = 0, saturated = 0;
      guint count = 0;

      make_spend (rand, &channels[k], n, period_days, x);
      response->adstock = channels[k].adstock;
      mmx_adstock_apply (&response->adstock, x, n, 1, column);
      for (guint t = 0; t < n; t++)
        if (column[t] > 0)
          {
            positive += column[t];
            count++;
          }
      response->hill.half = channels[k].half_ratio * positive / MAX (count, 1);
      response->hill.shape = channels[k].shape;
      response->beta = 1;
      for (guint t = 0; t < n; t++)
        total_spend += x[t];
      saturated = effect_sum (response, x, n, 1);
      /* Beta such that the history's ROAS is the channel's. */
      response->beta = channels[k].roas * total_spend / saturated;
      mmx_response_apply (response, x, n, 1, column);
      for (guint t = 0; t < n; t++)
        {
          media[t] += column[t];
          self->contribution[k] += column[t];
        }
      self->roas[k] = self->contribution[k] / total_spend;
      self->mroas[k] = (effect_sum (response, x, n, 1.01) - self->contribution[k])
                       / (0.01 * total_spend);
    }

  for (guint t = 0; t < n; t++)
    media_mean += media[t] / n;
  level = media_mean * (1 - media_share) / media_share;
  trend = level * g_rand_double_range (rand, 0, 0.3) / 365 * period_days;
  weekly_amp = level * g_rand_double_range (rand, 0.03, 0.1);
  yearly_amp = level * g_rand_double_range (rand, 0.05, 0.2);

  self->csv = g_string_new ("date,revenue");
  for (guint k = 0; k < K; k++)
    g_string_append_printf (self->csv, ",spend_%s", channels[k].name);
  g_string_append_c (self->csv, '\n');

  sigma = noise * (level + media_mean);
  for (guint t = 0; t < n; t++, g_date_add_days (date, period_days))
    {
      double day_of_year = g_date_get_day_of_year (date);
      double base = level + trend * t + yearly_amp * sin (2 * G_PI * day_of_year / 365.25)
                    + (weekly ? 0 : weekly_amp * sin (2 * G_PI * g_date_get_weekday (date) / 7));
      double revenue = round ((base + media[t] + sigma * normal (rand)) * 100) / 100;

      mean_revenue += revenue;
      g_string_append_printf (self->csv, "%04d-%02d-%02d,%.2f", g_date_get_year (date),
                              g_date_get_month (date), g_date_get_day (date), revenue);
      for (guint k = 0; k < K; k++)
        g_string_append_printf (self->csv, ",%.2f", spend[(gsize) k * n + t]);
      g_string_append_c (self->csv, '\n');
    }
  self->total = mean_revenue;
  return self;
}

/**
 * mmx_test_mmm_data_conversions_csv:
 * @self: generated data
 * @revenue_per_conversion: what one conversion is worth
 *
 * The same data with conversions in place of revenue, a whole number a
 * period: every channel's true conversions per unit spent is its ROAS
 * over @revenue_per_conversion.
 *
 * Returns: (transfer full): the CSV text
 */
char *
mmx_test_mmm_data_conversions_csv (const MmxTestMmmData *self,
                                   double                revenue_per_conversion)
{
  g_auto(GStrv) lines = g_strsplit (self->csv->str, "\n", -1);
  GString *csv = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 3);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      if (i == 0)
        g_string_append_printf (csv, "%s,conversions,%s\n", fields[0], fields[2]);
      else
        g_string_append_printf (csv, "%s,%.0f,%s\n", fields[0],
                                round (g_ascii_strtod (fields[1], NULL) / revenue_per_conversion),
                                fields[2]);
    }
  return g_string_free (csv, FALSE);
}

/**
 * mmx_test_mmm_write_two_channels:
 * @dir: where
 * @name: the file's name
 * @days: the history
 * @revenue_per_conversion: 0 for revenue; else conversions, each worth
 *   this
 *
 * The command-line tests' data: daily TV and search spend, both in
 * bursts, with known truth.
 *
 * Returns: (transfer full): the file's path
 */
char *
mmx_test_mmm_write_two_channels (const char *dir,
                                 const char *name,
                                 guint       days,
                                 double      revenue_per_conversion)
{
  static const MmxTestChannel channels[] = {
    { "tv", { MMX_ADSTOCK_GEOMETRIC, 0.5 }, 1.0, 1.5, 2.5, 2000, TRUE },
    { "search", { MMX_ADSTOCK_GEOMETRIC, 0.2 }, 0.8, 1.0, 3.0, 1500, TRUE },
  };
  g_autoptr(MmxTestMmmData) data = mmx_test_mmm_data_new (channels, G_N_ELEMENTS (channels), days,
                                                          FALSE, 0.4, 0.05, 3);
  g_autofree char *conversions = NULL;

  if (revenue_per_conversion <= 0)
    return mmx_test_write_file (dir, name, data->csv->str, -1);
  conversions = mmx_test_mmm_data_conversions_csv (data, revenue_per_conversion);
  return mmx_test_write_file (dir, name, conversions, -1);
}

void
mmx_test_mmm_data_free (MmxTestMmmData *self)
{
  if (self == NULL)
    return;
  g_string_free (self->csv, TRUE);
  g_free (self->responses);
  g_free (self->contribution);
  g_free (self->roas);
  g_free (self->mroas);
  g_free (self);
}

/**
 * mmx_test_mmm_random_channels:
 * @rand: the generator
 * @n_channels: how many, at most %MMX_TEST_MMM_MAX_RANDOM_CHANNELS
 * @channels: (out caller-allocates) (array length=n_channels): their truth
 *
 * Channels as gen_data.py draws them: geometric decay U(0.1, 0.8), the
 * half-saturation 40 % to 160 % of the adstocked spend, Hill shape
 * U(0.8, 2.5) (many S-shaped), ROAS U(0.5, 4), 60 % of them in bursts.
 */
void
mmx_test_mmm_random_channels (GRand          *rand,
                              guint           n_channels,
                              MmxTestChannel *channels)
{
  g_assert_cmpuint (n_channels, <=, MMX_TEST_MMM_MAX_RANDOM_CHANNELS);
  for (guint k = 0; k < n_channels; k++)
    {
      channels[k] = (MmxTestChannel) { 0 };
      channels[k].name = channel_names[k];
      channels[k].adstock.kind = MMX_ADSTOCK_GEOMETRIC;
      channels[k].adstock.decay = g_rand_double_range (rand, 0.1, 0.8);
      channels[k].half_ratio = g_rand_double_range (rand, 0.4, 1.6);
      channels[k].shape = g_rand_double_range (rand, 0.8, 2.5);
      channels[k].roas = g_rand_double_range (rand, 0.5, 4);
      channels[k].level = g_rand_double_range (rand, 300, 5000);
      channels[k].flighted = g_rand_double (rand) < 0.6;
    }
}

/**
 * mmx_test_mmm_random_curves:
 * @rand: the generator
 * @n_channels: how many curves, any number
 * @responses: (out caller-allocates) (array length=n_channels): the curves
 * @mean_spend: (out caller-allocates) (array length=n_channels): today's
 *   spend per day of each
 *
 * Steady-state response curves drawn as mmx_test_mmm_random_channels()
 * draws channels, without the data: the half-saturation set from the
 * steady adstocked spend, beta for the channel's ROAS at today's spend.
 */
void
mmx_test_mmm_random_curves (GRand       *rand,
                            guint        n_channels,
                            MmxResponse *responses,
                            double      *mean_spend)
{
  for (guint k = 0; k < n_channels; k++)
    {
      double decay = g_rand_double_range (rand, 0.1, 0.8);
      double half_ratio = g_rand_double_range (rand, 0.4, 1.6);
      double shape = g_rand_double_range (rand, 0.8, 2.5);
      double roas = g_rand_double_range (rand, 0.5, 4);
      double spend = g_rand_double_range (rand, 300, 5000);
      MmxHill hill = { half_ratio * spend / (1 - decay), shape };

      responses[k] = (MmxResponse) { { MMX_ADSTOCK_GEOMETRIC, decay }, hill,
                                     roas * spend / mmx_hill_eval (&hill, spend / (1 - decay)) };
      mean_spend[k] = spend;
    }
}
