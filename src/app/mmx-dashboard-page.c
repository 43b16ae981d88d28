/* mmx-dashboard-page.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-dashboard-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mmx-application.h"
#include "mmx-channel-table.h"
#include "mmx-chart-view.h"
#include "mmx-dashboard-charts.h"
#include "mmx-dashboard-page.h"
#include "mmx-date.h"
#include "mmx-file-chooser.h"
#include "mmx-store-job.h"
#include "mmx-time-axis.h"

/* The dashboard: KPI tiles, three charts and the channel table for the
 * range of the header, read on the worker pool. A newer request cancels
 * the one in flight; a cancelled result is never shown. */
struct _MmxDashboardPage
{
  GtkWidget         parent_instance;

  GtkStack         *state_stack;
  AdwStatusPage    *error_page;
  GtkLabel         *range_label;
  MmxKpiTile       *spend_tile;
  MmxKpiTile       *revenue_tile;
  MmxKpiTile       *roas_tile;
  MmxKpiTile       *conversions_tile;
  GtkToggleButton  *daily_button;
  GtkFlowBox       *series_box;
  MmxChartView     *time_view;
  MmxChartView     *roas_view;
  MmxChartView     *share_view;
  MmxChannelTable  *channel_table;

  GSettings        *settings;
  GSimpleActionGroup *actions;
  GCancellable     *cancellable;
  MmxOverview      *overview;
  MmxTimeChart     *time_chart;
  MmxBarChart      *roas_chart;
  MmxDonutChart    *share_chart;
  GHashTable       *shown_channels;
  char             *db_path;
  MmxNumberFormat   format;

  guint             show_total : 1;
  guint             loading : 1;
};

G_DEFINE_FINAL_TYPE (MmxDashboardPage, mmx_dashboard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_HAS_DATA,
  N_PROPS
};

enum {
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *chart_names[] = {
  [MMX_DASHBOARD_CHART_TIME] = "time",
  [MMX_DASHBOARD_CHART_ROAS] = "roas",
  [MMX_DASHBOARD_CHART_SHARE] = "share",
};

static const MmxFileType chart_types[] = {
  [MMX_CHART_FORMAT_PNG] = { N_("PNG image"), "image/png", "png" },
  [MMX_CHART_FORMAT_SVG] = { N_("SVG drawing"), "image/svg+xml", "svg" },
  [MMX_CHART_FORMAT_PDF] = { N_("PDF document"), "application/pdf", "pdf" },
};

/* What a job reads, copied so the worker never touches the page. */
typedef struct
{
  MmxDateRangePreset  preset;
  char               *from;
  char               *to;
  MmxGranularity      by;
} OverviewRequest;

static void
overview_request_free (OverviewRequest *request)
{
  g_free (request->from);
  g_free (request->to);
  g_free (request);
}

static gpointer
overview_job (MmxStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  OverviewRequest *request = data;

  return mmx_overview_query (store, request->preset, request->from, request->to, request->by,
                             error);
}

static void
toast (MmxDashboardPage *self,
       const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static char *
dup_setting_or_null (GSettings  *settings,
                     const char *key)
{
  char *value = g_settings_get_string (settings, key);

  if (*value != '\0')
    return value;
  g_free (value);
  return NULL;
}

static char *
describe_days (const char *from,
               const char *to)
{
  return mmx_time_axis_format_range (mmx_date_julian_from_iso (from),
                                     mmx_date_julian_from_iso (to));
}

static guint
count_days (const MmxKpis *kpis)
{
  return mmx_date_julian_from_iso (kpis->to) - mmx_date_julian_from_iso (kpis->from) + 1;
}

/* "+12.5% on the previous 90 days", or why there is no change. */
static char *
describe_change (MmxDashboardPage *self,
                 double            current,
                 double            previous,
                 double           *out_change)
{
  g_autofree char *change = NULL;
  guint days = count_days (self->overview->kpis);

  *out_change = NAN;
  if (self->overview->previous == NULL)
    return g_strdup (_("No earlier period of the same length to compare with"));
  *out_change = mmx_kpis_change (current, previous);
  if (isnan (*out_change))
    return g_strdup (_("Nothing to compare with in the period before"));
  change = mmx_number_format_change (&self->format, *out_change);
  /* TRANSLATORS: a KPI's change, "+12.5% on the previous 90 days" */
  return g_strdup_printf (ngettext ("%s on the previous %u day", "%s on the previous %u days",
                                    days),
                          change, days);
}

static void
fill_tile (MmxDashboardPage *self,
           MmxKpiTile       *tile,
           char             *value,
           double            current,
           double            previous,
           char             *previous_value,
           MmxKpiTrend       trend)
{
  g_autofree char *owned_value = value;
  g_autofree char *owned_previous = previous_value;
  g_autofree char *details = NULL;
  g_autofree char *change = NULL;
  double relative;

  change = describe_change (self, current, previous, &relative);
  if (self->overview->previous != NULL)
    {
      g_autofree char *period = describe_days (self->overview->previous->from,
                                               self->overview->previous->to);

      /* TRANSLATORS: a KPI tile's tooltip, "3 May – 1 Aug 2025: $12,345.67" */
      details = g_strdup_printf (C_("kpi tile", "%s: %s"), period, owned_previous);
    }
  mmx_kpi_tile_set_figures (tile, owned_value, change, relative, trend, details);
}

static void
fill_tiles (MmxDashboardPage *self)
{
  const MmxKpis *now = self->overview->kpis;
  const MmxKpis *before = self->overview->previous;
  double nan = NAN;

#define PREVIOUS(field) (before ? before->field : nan)
  fill_tile (self, self->spend_tile, mmx_number_format_money (&self->format, now->spend),
             now->spend, PREVIOUS (spend),
             mmx_number_format_money (&self->format, PREVIOUS (spend)), MMX_KPI_TREND_NEUTRAL);
  fill_tile (self, self->revenue_tile, mmx_number_format_money (&self->format, now->revenue),
             now->revenue, PREVIOUS (revenue),
             mmx_number_format_money (&self->format, PREVIOUS (revenue)),
             MMX_KPI_TREND_UP_IS_GOOD);
  fill_tile (self, self->roas_tile, mmx_number_format_ratio (&self->format, now->roas), now->roas,
             PREVIOUS (roas), mmx_number_format_ratio (&self->format, PREVIOUS (roas)),
             MMX_KPI_TREND_UP_IS_GOOD);
  fill_tile (self, self->conversions_tile,
             mmx_number_format_number (&self->format, now->conversions, 0), now->conversions,
             PREVIOUS (conversions),
             mmx_number_format_number (&self->format, PREVIOUS (conversions), 0),
             MMX_KPI_TREND_UP_IS_GOOD);
#undef PREVIOUS
}

static void
fill_range_label (MmxDashboardPage *self)
{
  g_autofree char *range = describe_days (self->overview->from, self->overview->to);
  g_autofree char *previous = NULL;
  g_autofree char *text = NULL;

  if (self->overview->previous != NULL)
    {
      previous = describe_days (self->overview->previous->from, self->overview->previous->to);
      /* TRANSLATORS: the dashboard's range and the period compared with */
      text = g_strdup_printf (_("%s, compared with %s"), range, previous);
    }
  gtk_label_set_label (self->range_label, text ? text : range);
}

static void
fill_time_chart (MmxDashboardPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) channels = NULL;
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, self->shown_channels);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_strv_builder_add (builder, name);
  channels = g_strv_builder_end (builder);
  mmx_dashboard_fill_time_chart (self->time_chart, self->overview->series, self->overview->kpis,
                                 self->show_total, (const char * const *) channels);
}

static void
series_toggled_cb (GtkToggleButton  *button,
                   MmxDashboardPage *self)
{
  const char *channel = g_object_get_data (G_OBJECT (button), "channel");

  if (channel == NULL)
    self->show_total = gtk_toggle_button_get_active (button);
  else if (gtk_toggle_button_get_active (button))
    g_hash_table_add (self->shown_channels, g_strdup (channel));
  else
    g_hash_table_remove (self->shown_channels, channel);
  fill_time_chart (self);
}

static GtkWidget *
create_series_toggle (MmxDashboardPage *self,
                      const char       *label,
                      const char       *channel,
                      gboolean          active)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (button, "series-toggle");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
  g_object_set_data_full (G_OBJECT (button), "channel", g_strdup (channel), g_free);
  gtk_widget_set_tooltip_text (button, channel ? _("Show this channel’s spend and revenue")
                                               : _("Show all spend and all revenue"));
  g_signal_connect_object (button, "toggled", G_CALLBACK (series_toggled_cb), self, 0);
  return button;
}

/* A toggle for the totals and one per channel, by spend; channels the
 * range no longer has are forgotten. */
static void
fill_series_toggles (MmxDashboardPage *self)
{
  g_autoptr(GHashTable) still_shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->series_box))) != NULL)
    gtk_flow_box_remove (self->series_box, child);

  gtk_flow_box_append (self->series_box,
                       create_series_toggle (self, _("Totals"), NULL, self->show_total));
  for (guint i = 0; i < self->overview->kpis->channels->len; i++)
    {
      const MmxChannelKpis *kpis = g_ptr_array_index (self->overview->kpis->channels, i);
      gboolean shown = g_hash_table_contains (self->shown_channels, kpis->name);

      if (kpis->is_total)
        continue;
      if (shown)
        g_hash_table_add (still_shown, g_strdup (kpis->name));
      gtk_flow_box_append (self->series_box,
                           create_series_toggle (self, kpis->name, kpis->name, shown));
    }
  g_hash_table_unref (self->shown_channels);
  self->shown_channels = g_steal_pointer (&still_shown);
}

static void
fill (MmxDashboardPage *self)
{
  fill_range_label (self);
  fill_tiles (self);
  fill_series_toggles (self);
  fill_time_chart (self);
  mmx_dashboard_fill_roas_chart (self->roas_chart, self->overview->kpis);
  mmx_dashboard_fill_share_chart (self->share_chart, self->overview->kpis);
  mmx_channel_table_set_kpis (self->channel_table, self->overview->kpis);
  /* Weekly data has no days to show. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->daily_button),
                            self->overview->granularity != MMX_GRANULARITY_WEEKLY);
}

static void
set_loading (MmxDashboardPage *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
overview_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MmxDashboardPage) self = user_data;
  g_autoptr(MmxOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  gboolean had_data = mmx_dashboard_page_get_has_data (self);

  overview = mmx_store_job_run_finish (result, &error);
  /* A newer request replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->overview, mmx_overview_free);
  if (overview == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
    }
  else
    {
      self->overview = g_steal_pointer (&overview);
      if (self->overview->data_first == NULL)
        gtk_stack_set_visible_child_name (self->state_stack, "empty");
      else
        {
          fill (self);
          gtk_stack_set_visible_child_name (self->state_stack, "content");
        }
    }
  set_loading (self, FALSE);
  if (had_data != mmx_dashboard_page_get_has_data (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DATA]);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
settings_changed_cb (MmxDashboardPage *self)
{
  mmx_dashboard_page_reload (self);
}

static void
reload_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  mmx_dashboard_page_reload (MMX_DASHBOARD_PAGE (user_data));
}

static void
copy_table_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MmxDashboardPage *self = user_data;
  g_autofree char *csv = mmx_channel_table_dup_csv (self->channel_table);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), csv);
  toast (self, _("The channel table was copied as CSV"));
}

static const GActionEntry page_actions[] = {
  { "reload", reload_activated },
  { "copy-table", copy_table_activated },
};

static MmxChart *
chart_of (MmxDashboardPage  *self,
          MmxDashboardChart  chart)
{
  switch (chart)
    {
    case MMX_DASHBOARD_CHART_ROAS:
      return MMX_CHART (self->roas_chart);
    case MMX_DASHBOARD_CHART_SHARE:
      return MMX_CHART (self->share_chart);
    case MMX_DASHBOARD_CHART_TIME:
    default:
      return MMX_CHART (self->time_chart);
    }
}

static const char *
title_of (MmxDashboardChart chart)
{
  switch (chart)
    {
    case MMX_DASHBOARD_CHART_ROAS:
      return _("Return on Ad Spend per Channel");
    case MMX_DASHBOARD_CHART_SHARE:
      return _("Share of Spend");
    case MMX_DASHBOARD_CHART_TIME:
    default:
      return _("Spend and Revenue");
    }
}

static const char *
file_name_of (MmxDashboardChart chart)
{
  switch (chart)
    {
    case MMX_DASHBOARD_CHART_ROAS:
      /* TRANSLATORS: a file name, without spaces */
      return _("roas-per-channel");
    case MMX_DASHBOARD_CHART_SHARE:
      /* TRANSLATORS: a file name, without spaces */
      return _("share-of-spend");
    case MMX_DASHBOARD_CHART_TIME:
    default:
      /* TRANSLATORS: a file name, without spaces */
      return _("spend-and-revenue");
    }
}

static void
mmx_dashboard_page_dispose (GObject *object)
{
  MmxDashboardPage *self = (MmxDashboardPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MMX_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_object (&self->time_chart);
  g_clear_object (&self->roas_chart);
  g_clear_object (&self->share_chart);

  G_OBJECT_CLASS (mmx_dashboard_page_parent_class)->dispose (object);
}

static void
mmx_dashboard_page_finalize (GObject *object)
{
  MmxDashboardPage *self = (MmxDashboardPage *) object;

  g_clear_pointer (&self->overview, mmx_overview_free);
  g_clear_pointer (&self->shown_channels, g_hash_table_unref);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (mmx_dashboard_page_parent_class)->finalize (object);
}

static void
mmx_dashboard_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MmxDashboardPage *self = MMX_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_HAS_DATA:
      g_value_set_boolean (value, mmx_dashboard_page_get_has_data (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_dashboard_page_class_init (MmxDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_dashboard_page_dispose;
  object_class->finalize = mmx_dashboard_page_finalize;
  object_class->get_property = mmx_dashboard_page_get_property;

  /**
   * MmxDashboardPage:loading:
   *
   * Whether a query is running.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MmxDashboardPage:has-data:
   *
   * Whether the database holds data.
   */
  properties[PROP_HAS_DATA] =
    g_param_spec_boolean ("has-data", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MmxDashboardPage::loaded:
   *
   * A query's result is shown, or its error.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MMX_TYPE_KPI_TILE);
  g_type_ensure (MMX_TYPE_CHART_VIEW);
  g_type_ensure (MMX_TYPE_CHANNEL_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, spend_tile);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, revenue_tile);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, roas_tile);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, conversions_tile);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, daily_button);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, series_box);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, time_view);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, roas_view);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, share_view);
  gtk_widget_class_bind_template_child (widget_class, MmxDashboardPage, channel_table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mmx_dashboard_page_init (MmxDashboardPage *self)
{
  g_autoptr(GAction) periods = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->show_total = TRUE;
  self->shown_channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  mmx_number_format_init (&self->format, NULL);
  self->settings = g_settings_new (MMX_SCHEMA_ID);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), page_actions,
                                   G_N_ELEMENTS (page_actions), self);
  periods = g_settings_create_action (self->settings, "periods");
  g_action_map_add_action (G_ACTION_MAP (self->actions), periods);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "dashboard", G_ACTION_GROUP (self->actions));

  self->time_chart = mmx_time_chart_new ();
  self->roas_chart = mmx_bar_chart_new (MMX_CHART_VALUE_RATIO);
  self->share_chart = mmx_donut_chart_new ();
  mmx_chart_view_set_chart (self->time_view, MMX_CHART (self->time_chart));
  mmx_chart_view_set_chart (self->roas_view, MMX_CHART (self->roas_chart));
  mmx_chart_view_set_chart (self->share_view, MMX_CHART (self->share_chart));

  for (guint i = 0; i < 4; i++)
    {
      static const char *keys[] = { "changed::date-range", "changed::custom-from",
                                    "changed::custom-to", "changed::periods" };

      g_signal_connect_object (self->settings, keys[i], G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

gboolean
mmx_dashboard_chart_from_string (const char        *name,
                                 MmxDashboardChart *out_chart)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_names); i++)
    if (g_strcmp0 (name, chart_names[i]) == 0)
      {
        *out_chart = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * mmx_dashboard_page_set_db_path:
 * @self: a page
 * @db_path: the database to show
 *
 * Shows the database's data, once read.
 */
void
mmx_dashboard_page_set_db_path (MmxDashboardPage *self,
                                const char       *db_path)
{
  g_return_if_fail (MMX_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (db_path != NULL);

  g_free (self->db_path);
  self->db_path = g_strdup (db_path);
  mmx_dashboard_page_reload (self);
}

/**
 * mmx_dashboard_page_set_number_format:
 * @self: a page
 * @format: how to write numbers and money
 */
void
mmx_dashboard_page_set_number_format (MmxDashboardPage      *self,
                                      const MmxNumberFormat *format)
{
  g_return_if_fail (MMX_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (format != NULL);

  self->format = *format;
  mmx_chart_set_number_format (MMX_CHART (self->time_chart), format);
  mmx_chart_set_number_format (MMX_CHART (self->roas_chart), format);
  mmx_chart_set_number_format (MMX_CHART (self->share_chart), format);
  mmx_channel_table_set_number_format (self->channel_table, format);
  if (self->overview != NULL && self->overview->data_first != NULL)
    fill (self);
}

/**
 * mmx_dashboard_page_reload:
 * @self: a page
 *
 * Reads the data again, for the range of the settings, on the worker
 * pool; a read already running is cancelled.
 */
void
mmx_dashboard_page_reload (MmxDashboardPage *self)
{
  OverviewRequest *request;
  g_autofree char *preset = NULL;
  g_autofree char *periods = NULL;

  g_return_if_fail (MMX_IS_DASHBOARD_PAGE (self));

  if (self->db_path == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request = g_new0 (OverviewRequest, 1);
  preset = g_settings_get_string (self->settings, "date-range");
  if (!mmx_date_range_preset_from_string (preset, &request->preset))
    request->preset = MMX_DATE_RANGE_LAST_90_DAYS;
  request->from = dup_setting_or_null (self->settings, "custom-from");
  request->to = dup_setting_or_null (self->settings, "custom-to");
  periods = g_settings_get_string (self->settings, "periods");
  request->by = mmx_granularity_from_string (periods);

  if (self->overview == NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");
  set_loading (self, TRUE);
  mmx_store_job_run_async (self->db_path, MMX_JOB_PRIORITY_QUERY, overview_job, request,
                           (GDestroyNotify) overview_request_free,
                           (GDestroyNotify) mmx_overview_free, self->cancellable,
                           overview_loaded_cb, g_object_ref (self));
}

gboolean
mmx_dashboard_page_get_loading (MmxDashboardPage *self)
{
  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), FALSE);

  return self->loading;
}

gboolean
mmx_dashboard_page_get_has_data (MmxDashboardPage *self)
{
  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), FALSE);

  return self->overview != NULL && self->overview->data_first != NULL;
}

/**
 * mmx_dashboard_page_get_overview:
 * @self: a page
 *
 * Returns: (nullable): what the page shows, or %NULL before the first
 *   result
 */
const MmxOverview *
mmx_dashboard_page_get_overview (MmxDashboardPage *self)
{
  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), NULL);

  return self->overview;
}

MmxKpiTile *
mmx_dashboard_page_get_kpi_tile (MmxDashboardPage *self,
                                 MmxDashboardKpi   kpi)
{
  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), NULL);

  switch (kpi)
    {
    case MMX_DASHBOARD_KPI_REVENUE:
      return self->revenue_tile;
    case MMX_DASHBOARD_KPI_ROAS:
      return self->roas_tile;
    case MMX_DASHBOARD_KPI_CONVERSIONS:
      return self->conversions_tile;
    case MMX_DASHBOARD_KPI_SPEND:
    default:
      return self->spend_tile;
    }
}

MmxChart *
mmx_dashboard_page_get_chart (MmxDashboardPage  *self,
                              MmxDashboardChart  chart)
{
  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), NULL);

  return chart_of (self, chart);
}

GtkWidget *
mmx_dashboard_page_get_chart_view (MmxDashboardPage  *self,
                                   MmxDashboardChart  chart)
{
  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), NULL);

  switch (chart)
    {
    case MMX_DASHBOARD_CHART_ROAS:
      return GTK_WIDGET (self->roas_view);
    case MMX_DASHBOARD_CHART_SHARE:
      return GTK_WIDGET (self->share_view);
    case MMX_DASHBOARD_CHART_TIME:
    default:
      return GTK_WIDGET (self->time_view);
    }
}

GtkWidget *
mmx_dashboard_page_get_channel_table (MmxDashboardPage *self)
{
  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), NULL);

  return GTK_WIDGET (self->channel_table);
}

/**
 * mmx_dashboard_page_show_channel:
 * @self: a page
 * @channel: (nullable): a channel's name, or %NULL for the totals
 * @shown: whether to draw it in the spend and revenue chart
 *
 * Does what the toggle of the channel does.
 */
void
mmx_dashboard_page_show_channel (MmxDashboardPage *self,
                                 const char       *channel,
                                 gboolean          shown)
{
  g_return_if_fail (MMX_IS_DASHBOARD_PAGE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->series_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "channel"), channel) == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), shown);
    }
}

/**
 * mmx_dashboard_page_export_chart:
 * @self: a page
 * @chart: which chart
 * @file: where to write it
 * @format: PNG, SVG or PDF
 * @error: a location for a #GError
 *
 * Writes a chart at %MMX_CHART_EXPORT_WIDTH points wide, titled with its
 * name and range, taller than %MMX_CHART_EXPORT_HEIGHT if its bars need.
 *
 * Returns: %FALSE with @error set when the file cannot be written
 */
gboolean
mmx_dashboard_page_export_chart (MmxDashboardPage   *self,
                                 MmxDashboardChart   chart,
                                 GFile              *file,
                                 MmxChartFormat      format,
                                 GError            **error)
{
  g_autofree char *range = NULL;
  g_autofree char *title = NULL;
  double height;

  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), FALSE);
  g_return_val_if_fail (mmx_dashboard_page_get_has_data (self), FALSE);

  range = describe_days (self->overview->from, self->overview->to);
  /* TRANSLATORS: an exported chart's title, "Share of Spend, 3 Aug – 31 Oct 2025" */
  title = g_strdup_printf (_("%s, %s"), title_of (chart), range);
  /* The title and margins take about a hundred points. */
  height = MAX (MMX_CHART_EXPORT_HEIGHT,
                mmx_chart_get_height_for_width (chart_of (self, chart),
                                                gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                                MMX_CHART_EXPORT_WIDTH) + 100);
  return mmx_chart_export (chart_of (self, chart), file, format, MMX_CHART_EXPORT_WIDTH, height,
                           title, NULL, error);
}

/**
 * mmx_dashboard_page_export_table:
 * @self: a page
 * @file: where to write the channel table
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set when the file cannot be written
 */
gboolean
mmx_dashboard_page_export_table (MmxDashboardPage  *self,
                                 GFile             *file,
                                 GError           **error)
{
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MMX_IS_DASHBOARD_PAGE (self), FALSE);

  csv = mmx_channel_table_dup_csv (self->channel_table);
  if (g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                               G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    return TRUE;
  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               _("The table cannot be saved as “%s”: %s"), name, local_error->message);
  return FALSE;
}

typedef struct
{
  MmxDashboardPage  *page;
  MmxDashboardChart  chart;
} ExportRequest;

static void
report_saved (MmxDashboardPage *self,
              GFile            *file,
              gboolean          saved,
              const GError     *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (saved)
    message = g_strdup_printf (_("Saved as “%s”"), name);
  toast (self, saved ? message : error->message);
}

static void
chart_file_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(MmxDashboardPage) self = request->page;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint type = 0;

  file = mmx_file_chooser_save_finish (result, &type, &error);
  if (file != NULL && mmx_dashboard_page_get_has_data (self))
    report_saved (self, file,
                  mmx_dashboard_page_export_chart (self, request->chart, file, type, &error),
                  error);
  g_free (request);
}

/**
 * mmx_dashboard_page_choose_chart_export:
 * @self: a page
 * @chart: which chart
 *
 * Asks where to save the chart, and as what, then saves it.
 */
void
mmx_dashboard_page_choose_chart_export (MmxDashboardPage  *self,
                                        MmxDashboardChart  chart)
{
  ExportRequest *request;
  g_autofree char *name = NULL;

  g_return_if_fail (MMX_IS_DASHBOARD_PAGE (self));

  if (!mmx_dashboard_page_get_has_data (self))
    return;
  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (self);
  request->chart = chart;
  name = g_strdup_printf ("%s-%s-%s.png", file_name_of (chart), self->overview->from,
                          self->overview->to);
  mmx_file_chooser_save_async (GTK_WIDGET (self), _("Export the Chart"), name, chart_types,
                               G_N_ELEMENTS (chart_types), chart_file_chosen_cb, request);
}

static void
table_file_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(MmxDashboardPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = mmx_file_chooser_save_finish (result, NULL, &error);
  if (file != NULL)
    report_saved (self, file, mmx_dashboard_page_export_table (self, file, &error), error);
}

/**
 * mmx_dashboard_page_choose_table_export:
 * @self: a page
 *
 * Asks where to save the channel table as CSV, then saves it.
 */
void
mmx_dashboard_page_choose_table_export (MmxDashboardPage *self)
{
  g_autofree char *name = NULL;

  g_return_if_fail (MMX_IS_DASHBOARD_PAGE (self));

  if (!mmx_dashboard_page_get_has_data (self))
    return;
  /* TRANSLATORS: a file name, without spaces */
  name = g_strdup_printf ("%s-%s-%s.csv", _("channels"), self->overview->from, self->overview->to);
  mmx_file_chooser_save_async (GTK_WIDGET (self), _("Save the Channel Table"), name,
                               &mmx_file_type_csv, 1, table_file_chosen_cb, g_object_ref (self));
}
