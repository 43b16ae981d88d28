/* mmx-kpi-tile.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-kpi-tile"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mmx-application.h"
#include "mmx-kpi-tile.h"

/* A KPI: its name, its value, and its change against the previous period,
 * green when good news, red when bad, plain when neither. */
struct _MmxKpiTile
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *value_label;
  GtkLabel  *change_label;
};

G_DEFINE_FINAL_TYPE (MmxKpiTile, mmx_kpi_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_label (MmxKpiTile *self)
{
  /* TRANSLATORS: what a screen reader says of a KPI tile: "Spend: $1,234.56, +12.5% on the previous 30 days" */
  g_autofree char *label = g_strdup_printf (C_("kpi tile", "%s: %s, %s"),
                                            gtk_label_get_label (self->title_label),
                                            gtk_label_get_label (self->value_label),
                                            gtk_label_get_label (self->change_label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
mmx_kpi_tile_dispose (GObject *object)
{
  GtkWidget *child;
  gtk_widget_dispose_template (GTK_WIDGET (object), MMX_TYPE_KPI_TILE);
  /* The template's outer box has no name, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mmx_kpi_tile_parent_class)->dispose (object);
}

static void
mmx_kpi_tile_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MmxKpiTile *self = MMX_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, mmx_kpi_tile_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_kpi_tile_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MmxKpiTile *self = MMX_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      mmx_kpi_tile_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mmx_kpi_tile_class_init (MmxKpiTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_kpi_tile_dispose;
  object_class->get_property = mmx_kpi_tile_get_property;
  object_class->set_property = mmx_kpi_tile_set_property;

  /**
   * MmxKpiTile:title:
   *
   * The KPI's name: "Spend".
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-kpi-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxKpiTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, MmxKpiTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, MmxKpiTile, change_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpitile");
}

static void
mmx_kpi_tile_init (MmxKpiTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
mmx_kpi_tile_get_title (MmxKpiTile *self)
{
  g_return_val_if_fail (MMX_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
mmx_kpi_tile_set_title (MmxKpiTile *self,
                        const char *title)
{
  g_return_if_fail (MMX_IS_KPI_TILE (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;
  gtk_label_set_label (self->title_label, title);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * mmx_kpi_tile_get_value:
 * @self: a tile
 *
 * Returns: the value shown, as written
 */
const char *
mmx_kpi_tile_get_value (MmxKpiTile *self)
{
  g_return_val_if_fail (MMX_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->value_label);
}

const char *
mmx_kpi_tile_get_change (MmxKpiTile *self)
{
  g_return_val_if_fail (MMX_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->change_label);
}

/**
 * mmx_kpi_tile_set_figures:
 * @self: a tile
 * @value: the value, written out
 * @change: the change against the previous period, in words
 * @relative_change: the change as a fraction, for its colour; NAN when
 *   unknown
 * @trend: which way is good news
 * @details: (nullable): a tooltip with the exact figures
 */
void
mmx_kpi_tile_set_figures (MmxKpiTile  *self,
                          const char  *value,
                          const char  *change,
                          double       relative_change,
                          MmxKpiTrend  trend,
                          const char  *details)
{
  gboolean good, bad;

  g_return_if_fail (MMX_IS_KPI_TILE (self));

  gtk_label_set_label (self->value_label, value);
  gtk_label_set_label (self->change_label, change);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), details);

  good = trend == MMX_KPI_TREND_UP_IS_GOOD && relative_change > 0.0005;
  bad = trend == MMX_KPI_TREND_UP_IS_GOOD && relative_change < -0.0005;
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label),
                            good ? "success" : bad ? "error" : "dim-label");
  update_accessible_label (self);
}
