/* mmx-dashboard-charts.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-dashboard-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mmx-dashboard-charts.h"

/* The dashboard's charts, filled from the core's results. The window,
 * the command line and the report all draw them from here, so the same
 * range shows the same charts everywhere. */

/**
 * mmx_dashboard_channel_color:
 * @kpis: the KPIs of the range shown
 * @channel: a channel's name
 *
 * A channel has the same colour in every chart of a range: its rank by
 * spend, so the largest channels get the most distinct colours.
 *
 * Returns: a colour key
 */
guint
mmx_dashboard_channel_color (const MmxKpis *kpis,
                             const char    *channel)
{
  guint rank = 0;

  for (guint i = 0; i < kpis->channels->len; i++)
    {
      const MmxChannelKpis *kpi = g_ptr_array_index (kpis->channels, i);

      if (kpi->is_total)
        continue;
      if (g_strcmp0 (kpi->name, channel) == 0)
        return MMX_CHART_COLOR_CHANNEL (rank);
      rank++;
    }
  return MMX_CHART_COLOR_OTHER;
}

static const MmxChannelKpis *
find_channel (const MmxKpis *kpis,
              const char    *name)
{
  for (guint i = 0; i < kpis->channels->len; i++)
    {
      const MmxChannelKpis *kpi = g_ptr_array_index (kpis->channels, i);

      if (!kpi->is_total && g_strcmp0 (kpi->name, name) == 0)
        return kpi;
    }
  return NULL;
}

/**
 * mmx_dashboard_fill_time_chart:
 * @chart: a chart
 * @series: spend and revenue over time
 * @kpis: the KPIs of the same range, for the channels' colours
 * @show_total: whether to draw all spend and all revenue
 * @channels: (nullable): the channels to draw, their spend as a line and
 *   the revenue they report (if any) dashed
 */
void
mmx_dashboard_fill_time_chart (MmxTimeChart       *chart,
                               const MmxSeries    *series,
                               const MmxKpis      *kpis,
                               gboolean            show_total,
                               const char * const *channels)
{
  g_return_if_fail (MMX_IS_TIME_CHART (chart));
  g_return_if_fail (series != NULL && kpis != NULL);

  mmx_time_chart_set_periods (chart, series->granularity, series->n_periods, series->period_start,
                              series->period_days);
  if (show_total)
    {
      mmx_time_chart_add_series (chart, _("Spend"), series->total_spend, 1, MMX_CHART_COLOR_SPEND,
                                 FALSE);
      mmx_time_chart_add_series (chart, _("Revenue"), series->total_revenue, 1,
                                 MMX_CHART_COLOR_REVENUE, FALSE);
    }
  for (guint c = 0; c < series->n_channels; c++)
    {
      const char *name = series->channel_names[c];
      const MmxChannelKpis *kpi = find_channel (kpis, name);
      guint color = mmx_dashboard_channel_color (kpis, name);
      g_autofree char *spend = NULL;

      if (channels == NULL || !g_strv_contains (channels, name))
        continue;
      /* TRANSLATORS: a channel's spend in a chart's legend, "Meta Ads spend" */
      spend = g_strdup_printf (_("%s spend"), name);
      mmx_time_chart_add_series (chart, spend, series->spend + c, series->n_channels, color, FALSE);
      if (kpi != NULL && !isnan (kpi->revenue))
        {
          /* TRANSLATORS: the revenue a channel reports, in a chart's legend */
          g_autofree char *revenue = g_strdup_printf (_("%s revenue"), name);

          mmx_time_chart_add_series (chart, revenue, series->revenue + c, series->n_channels,
                                     color, TRUE);
        }
    }
  mmx_chart_set_empty_text (MMX_CHART (chart),
                            series->n_periods == 0 ? _("No data in this period")
                                                   : _("Choose what to show: the totals or a "
                                                       "channel"));
}

static int
compare_roas (gconstpointer a,
              gconstpointer b)
{
  const MmxChannelKpis *x = *(const MmxChannelKpis **) a;
  const MmxChannelKpis *y = *(const MmxChannelKpis **) b;

  return x->roas > y->roas ? -1 : x->roas < y->roas;
}

/**
 * mmx_dashboard_fill_roas_chart:
 * @chart: a chart of ratios
 * @kpis: the KPIs of a range
 *
 * A bar per channel with a ROAS, highest first, with break-even marked.
 */
void
mmx_dashboard_fill_roas_chart (MmxBarChart   *chart,
                               const MmxKpis *kpis)
{
  const MmxNumberFormat *format = mmx_chart_get_number_format (MMX_CHART (chart));
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  guint with_spend = 0;

  g_return_if_fail (MMX_IS_BAR_CHART (chart));
  g_return_if_fail (kpis != NULL);

  for (guint i = 0; i < kpis->channels->len; i++)
    {
      MmxChannelKpis *kpi = g_ptr_array_index (kpis->channels, i);

      with_spend += !kpi->is_total && kpi->spend > 0;
      if (!kpi->is_total && isfinite (kpi->roas))
        g_ptr_array_add (sorted, kpi);
    }
  g_ptr_array_sort (sorted, compare_roas);

  mmx_bar_chart_clear (chart);
  for (guint i = 0; i < sorted->len; i++)
    {
      const MmxChannelKpis *kpi = g_ptr_array_index (sorted, i);
      g_autofree char *spend = mmx_number_format_money (format, kpi->spend);
      g_autofree char *revenue = mmx_number_format_money (format, kpi->revenue);
      /* TRANSLATORS: below a channel's ROAS in a tooltip */
      g_autofree char *details = g_markup_printf_escaped (_("Spend %s, revenue %s"), spend, revenue);

      mmx_bar_chart_add (chart, kpi->name, kpi->roas,
                         mmx_dashboard_channel_color (kpis, kpi->name), details);
    }
  /* TRANSLATORS: the dashed line where a channel earns what it costs */
  mmx_bar_chart_set_reference (chart, 1, _("Break-even"));
  mmx_chart_set_empty_text (MMX_CHART (chart),
                            with_spend == 0
                            ? _("No spend in this period")
                            : _("No channel reports revenue of its own in this period, so its "
                                "return on ad spend is unknown"));
}

/**
 * mmx_dashboard_fill_share_chart:
 * @chart: a donut chart
 * @kpis: the KPIs of a range
 *
 * Each channel's part of all spend.
 */
void
mmx_dashboard_fill_share_chart (MmxDonutChart *chart,
                                const MmxKpis *kpis)
{
  g_return_if_fail (MMX_IS_DONUT_CHART (chart));
  g_return_if_fail (kpis != NULL);

  mmx_donut_chart_clear (chart);
  for (guint i = 0; i < kpis->channels->len; i++)
    {
      const MmxChannelKpis *kpi = g_ptr_array_index (kpis->channels, i);

      if (!kpi->is_total)
        mmx_donut_chart_add (chart, kpi->name, kpi->spend,
                             mmx_dashboard_channel_color (kpis, kpi->name));
    }
  mmx_donut_chart_set_caption (chart, _("Spend"));
  mmx_chart_set_empty_text (MMX_CHART (chart), _("No spend in this period"));
}
