/* mmx-chart-view.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-chart-view"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "mmx-chart-view.h"

#define MIN_WIDTH 200
#define NATURAL_WIDTH 480

/* Shows an MmxChart: lays it out for the widget's size and text context,
 * keeps what it draws as a render node, and draws the hovered item's
 * highlight in a node of its own on top, so hovering never redraws the
 * chart. Colours come from the theme, dark or light. */
struct _MmxChartView
{
  GtkWidget      parent_instance;

  MmxChart      *chart;
  GskRenderNode *body;
  int            hovered;
};

G_DEFINE_FINAL_TYPE (MmxChartView, mmx_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_description (MmxChartView *self)
{
  g_autofree char *summary = self->chart ? mmx_chart_dup_summary (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary ? summary : "", -1);
}

static void
chart_changed_cb (MmxChartView *self)
{
  g_clear_pointer (&self->body, gsk_render_node_unref);
  self->hovered = -1;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              MmxRgba         *out,
              double           alpha)
{
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context, name, &color))
    return;
  *out = (MmxRgba) { color.red, color.green, color.blue, color.alpha * alpha };
}

/* The chart's style from the theme: Adwaita's named colours, its dark or
 * light palette, and the widget's font. */
static void
update_style (MmxChartView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  g_autofree char *font_name = font ? pango_font_description_to_string (font) : NULL;
  MmxChartStyle style;

  if (self->chart == NULL)
    return;
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    mmx_chart_style_init_dark (&style);
  else
    mmx_chart_style_init_light (&style);
  lookup_color (context, "window_fg_color", &style.foreground, 0.85);
  lookup_color (context, "window_fg_color", &style.dim_foreground, 0.6);
  lookup_color (context, "window_fg_color", &style.grid, 0.1);
  lookup_color (context, "window_fg_color", &style.axis, 0.35);
  lookup_color (context, "card_bg_color", &style.background, 1);
  if (font_name != NULL)
    g_strlcpy (style.font, font_name, sizeof style.font);
  mmx_chart_set_style (self->chart, &style);
}

static void
mmx_chart_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mmx_chart_view_parent_class)->css_changed (widget, change);
  update_style (MMX_CHART_VIEW (widget));
}

static GtkSizeRequestMode
mmx_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mmx_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  MmxChartView *self = MMX_CHART_VIEW (widget);
  double height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }
  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  height = mmx_chart_get_height_for_width (self->chart, gtk_widget_get_pango_context (widget),
                                           for_size > 0 ? for_size : NATURAL_WIDTH);
  *minimum = *natural = (int) ceil (height);
}

static void
mmx_chart_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  MmxChartView *self = MMX_CHART_VIEW (widget);

  g_clear_pointer (&self->body, gsk_render_node_unref);
}

static void
mmx_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MmxChartView *self = MMX_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  mmx_chart_ensure_layout (self->chart, gtk_widget_get_pango_context (widget), width, height);
  if (self->body == NULL)
    {
      GtkSnapshot *body = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (body, &bounds);

      mmx_chart_draw (self->chart, cr);
      cairo_destroy (cr);
      self->body = gtk_snapshot_free_to_node (body);
    }
  if (self->body != NULL)
    gtk_snapshot_append_node (snapshot, self->body);

  if (self->hovered >= 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      mmx_chart_draw_highlight (self->chart, cr, self->hovered);
      cairo_destroy (cr);
    }
}

static gboolean
mmx_chart_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  MmxChartView *self = MMX_CHART_VIEW (widget);
  g_autofree char *markup = NULL;

  if (self->chart == NULL || keyboard)
    return FALSE;
  markup = mmx_chart_dup_tooltip (self->chart, mmx_chart_pick (self->chart, x, y));
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
set_hovered (MmxChartView *self,
             int           item)
{
  if (self->hovered == item)
    return;
  self->hovered = item;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           gpointer                  user_data)
{
  MmxChartView *self = user_data;

  if (self->chart != NULL)
    set_hovered (self, mmx_chart_pick (self->chart, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          gpointer                  user_data)
{
  set_hovered (MMX_CHART_VIEW (user_data), -1);
}

static void
mmx_chart_view_dispose (GObject *object)
{
  MmxChartView *self = (MmxChartView *) object;

  mmx_chart_view_set_chart (self, NULL);

  G_OBJECT_CLASS (mmx_chart_view_parent_class)->dispose (object);
}

static void
mmx_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MmxChartView *self = MMX_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MmxChartView *self = MMX_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      mmx_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_chart_view_class_init (MmxChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_chart_view_dispose;
  object_class->get_property = mmx_chart_view_get_property;
  object_class->set_property = mmx_chart_view_set_property;
  widget_class->css_changed = mmx_chart_view_css_changed;
  widget_class->get_request_mode = mmx_chart_view_get_request_mode;
  widget_class->measure = mmx_chart_view_measure;
  widget_class->size_allocate = mmx_chart_view_size_allocate;
  widget_class->snapshot = mmx_chart_view_snapshot;
  widget_class->query_tooltip = mmx_chart_view_query_tooltip;

  /**
   * MmxChartView:chart:
   *
   * The chart shown.
   */
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, MMX_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mmx_chart_view_init (MmxChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hovered = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

MmxChart *
mmx_chart_view_get_chart (MmxChartView *self)
{
  g_return_val_if_fail (MMX_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * mmx_chart_view_set_chart:
 * @self: a view
 * @chart: (nullable): the chart to show
 */
void
mmx_chart_view_set_chart (MmxChartView *self,
                          MmxChart     *chart)
{
  g_return_if_fail (MMX_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || MMX_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_set_object (&self->chart, chart);
  if (self->chart != NULL)
    {
      g_signal_connect_swapped (self->chart, "changed", G_CALLBACK (chart_changed_cb), self);
      update_style (self);
    }
  chart_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}
