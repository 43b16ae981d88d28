/* mmx-test-mmm-data.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mmx-date.h"
#include "mmx-test-mmm-data.h"

/* Daily marketing-mix data with a known truth, by the model of
 * /work/shared/bench/gen_data.py (no numpy in CI, so in C, with GLib's
 * generator: the same process, not the same numbers):
 *
 *   revenue_t = baseline + trend t + weekly_t + yearly_t
 *               + sum_k beta_k hill (adstock_k (t); half_k, shape_k) + noise
 *   adstock_k (t) = spend_k (t) + decay_k adstock_k (t - 1)
 *
 * decay ~ U(0.1, 0.8), shape ~ U(0.8, 2.5), the half-saturation 40 % to
 * 160 % of the mean adstocked spend, beta set for a ROAS ~ U(0.5, 4); spend
 * with a level, a weekly and a slow cycle, noise, and bursts for 60 % of
 * the channels; media about 35 % of revenue, noise 5 % of it. */

static const char * const pool[MMX_TEST_MMM_MAX_CHANNELS] = {
  "tv", "search", "social", "display", "video", "radio", "print", "email",
};

static double
normal (GRand *rand)
{
  double u = g_rand_double (rand), v = g_rand_double (rand);

  return sqrt (-2 * log (1 - u)) * cos (2 * G_PI * v);
}

static void
make_spend (GRand  *rand,
            guint   n,
            double *spend)
{
  double level = exp (g_rand_double_range (rand, log (300), log (5000)));
  double weekly_amp = g_rand_double_range (rand, 0, 0.3);
  int weekly_shift = g_rand_int_range (rand, 0, 7);
  double period = g_rand_double_range (rand, 60, 200);
  double phase = g_rand_double_range (rand, 0, 6.28);
  gboolean flighted = g_rand_double (rand) < 0.6;
  guint next_switch = g_rand_int_range (rand, 0, 14);
  gboolean on = FALSE;

  for (guint t = 0; t < n; t++)
    {
      double weekly = 1 + weekly_amp * cos (2 * G_PI * ((int) (t % 7) - weekly_shift) / 7.0);
      double slow = 1 + 0.3 * sin (2 * G_PI * t / period + phase);
      double x = level * weekly * slow * exp (0.25 * normal (rand));

      if (flighted)
        {
          /* Bursts of 7 to 28 days on, 3 to 21 off. */
          if (t == next_switch)
            {
              on = !on;
              next_switch = t + (on ? g_rand_int_range (rand, 7, 29)
                                    : g_rand_int_range (rand, 3, 22));
            }
          x = on ? x * 1.4 : 0;
        }
      spend[t] = round (x * 100) / 100;
    }
}

/**
 * mmx_test_mmm_generate:
 * @n_days: days from 2022-01-01
 * @n_channels: channels, at most %MMX_TEST_MMM_MAX_CHANNELS
 * @seed: the seed
 * @out_truth: (out caller-allocates): the true curves
 *
 * Returns: (transfer full): a long CSV `date,channel,spend,revenue`, each
 *   day's revenue split over its rows by spend, as platform exports do
 */
char *
mmx_test_mmm_generate (guint            n_days,
                       guint            n_channels,
                       guint32          seed,
                       MmxTestMmmTruth *out_truth)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n = n_days, K = n_channels;
  g_autofree double *spend = g_new (double, (gsize) n * K);
  g_autofree double *media = g_new0 (double, n);
  g_autofree double *revenue = g_new (double, n);
  g_autofree double *adstock = g_new (double, n);
  guint32 first = mmx_date_julian_from_iso ("2022-01-01");
  double media_total = 0, base_level, trend, weekly_amp, weekly_phase, yearly_amp, yearly_phase;
  double mean_revenue = 0, sigma;
  GString *csv = g_string_new ("date,channel,spend,revenue\n");

  g_assert_cmpuint (K, <=, MMX_TEST_MMM_MAX_CHANNELS);
  *out_truth = (MmxTestMmmTruth) { 0 };
  out_truth->n_channels = K;
  for (guint k = 0; k < K; k++)
    make_spend (rand, n, spend + (gsize) k * n);

  for (guint k = 0; k < K; k++)
    {
      const double *x = spend + (gsize) k * n;
      double decay = g_rand_double_range (rand, 0.1, 0.8);
      double shape = g_rand_double_range (rand, 0.8, 2.5);
      double roas = g_rand_double_range (rand, 0.5, 4.0);
      double acc = 0, adstocked = 0, total_spend = 0, total_hill = 0;
      guint spending = 0;
      MmxResponse *response = &out_truth->responses[k];

      for (guint t = 0; t < n; t++)
        {
          acc = x[t] + decay * acc;
          adstock[t] = acc;
          if (acc > 0)
            {
              adstocked += acc;
              spending++;
            }
          total_spend += x[t];
        }
      *response = (MmxResponse) { { MMX_ADSTOCK_GEOMETRIC, decay },
                                  { g_rand_double_range (rand, 0.4, 1.6) * adstocked
                                    / MAX (spending, 1), shape }, 0 };
      for (guint t = 0; t < n; t++)
        total_hill += mmx_hill_eval (&response->hill, adstock[t]);
      response->beta = roas * total_spend / total_hill;
      for (guint t = 0; t < n; t++)
        {
          double effect = response->beta * mmx_hill_eval (&response->hill, adstock[t]);

          media[t] += effect;
          media_total += effect;
        }
      out_truth->names[k] = pool[k];
      out_truth->mean_spend[k] = total_spend / n;
    }

  base_level = media_total / n * (1 - 0.35) / 0.35;
  trend = base_level * g_rand_double_range (rand, 0, 0.3) / 365;
  weekly_amp = base_level * g_rand_double_range (rand, 0.03, 0.10);
  weekly_phase = g_rand_double_range (rand, 0, 2 * G_PI);
  yearly_amp = base_level * g_rand_double_range (rand, 0.05, 0.20);
  yearly_phase = g_rand_double_range (rand, 0, 2 * G_PI);
  for (guint t = 0; t < n; t++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, first + t);
      revenue[t] = base_level + trend * t
                   + weekly_amp * sin (2 * G_PI * (g_date_get_weekday (&date) - 1) / 7
                                       + weekly_phase)
                   + yearly_amp * sin (2 * G_PI * g_date_get_day_of_year (&date) / 365.25
                                       + yearly_phase)
                   + media[t];
      mean_revenue += revenue[t] / n;
    }
  sigma = 0.05 * mean_revenue;

  for (guint t = 0; t < n; t++)
    {
      g_autofree char *day = mmx_date_julian_to_iso (first + t);
      double total = round ((revenue[t] + sigma * normal (rand)) * 100) / 100;
      double day_spend = 0, given = 0;

      for (guint k = 0; k < K; k++)
        day_spend += spend[(gsize) k * n + t];
      for (guint k = 0; k < K; k++)
        {
          double x = spend[(gsize) k * n + t];
          double part = k + 1 < K ? round (total * (day_spend > 0 ? x / day_spend : 1.0 / K) * 100)
                                    / 100
                                  : round ((total - given) * 100) / 100;

          given += part;
          g_string_append_printf (csv, "%s,%s,%.2f,%.2f\n", day, pool[k], x, MAX (part, 0));
        }
    }
  return g_string_free (csv, FALSE);
}

/**
 * mmx_test_mmm_random_curves:
 * @rand: the generator
 * @n_channels: how many curves
 * @responses: (out caller-allocates) (array length=n_channels): the curves
 * @mean_spend: (out caller-allocates) (array length=n_channels): today's
 *   spend per day of each
 *
 * Response curves as mmx_test_mmm_generate() draws them, without the data:
 * the half-saturation 40 % to 160 % of the steady adstocked spend, beta
 * set for a ROAS between 0.5 and 4 at today's spend. Any number of them,
 * for the optimizer's tests and benchmarks.
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
      double shape = g_rand_double_range (rand, 0.8, 2.5);
      double roas = g_rand_double_range (rand, 0.5, 4.0);
      double spend = exp (g_rand_double_range (rand, log (300), log (5000)));
      MmxHill hill = { g_rand_double_range (rand, 0.4, 1.6) * spend / (1 - decay), shape };

      responses[k] = (MmxResponse) { { MMX_ADSTOCK_GEOMETRIC, decay }, hill,
                                     roas * spend / mmx_hill_eval (&hill, spend / (1 - decay)) };
      mean_spend[k] = spend;
    }
}
