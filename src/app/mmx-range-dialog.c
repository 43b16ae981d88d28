/* mmx-range-dialog.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-range-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mmx-application.h"
#include "mmx-date.h"
#include "mmx-range-dialog.h"
#include "mmx-time-axis.h"

/* Two calendars for the first and the last day of a custom range. */
struct _MmxRangeDialog
{
  AdwWindow    parent_instance;

  GtkCalendar *from_calendar;
  GtkCalendar *to_calendar;
  GtkLabel    *hint_label;
  GtkWidget   *apply_button;
};

G_DEFINE_FINAL_TYPE (MmxRangeDialog, mmx_range_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_iso (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
select_iso (GtkCalendar *calendar,
            const char  *iso)
{
  g_autoptr(GDateTime) date = NULL;
  GDate day;

  if (iso == NULL || mmx_date_julian_from_iso (iso) == 0)
    return;
  g_date_clear (&day, 1);
  g_date_set_julian (&day, mmx_date_julian_from_iso (iso));
  date = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 12, 0, 0);
  gtk_calendar_select_day (calendar, date);
}

static void
day_selected_cb (MmxRangeDialog *self)
{
  g_autofree char *from = dup_iso (self->from_calendar);
  g_autofree char *to = dup_iso (self->to_calendar);

  gtk_widget_set_sensitive (self->apply_button, g_strcmp0 (from, to) <= 0);
}

static void
mmx_range_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MMX_TYPE_RANGE_DIALOG);

  G_OBJECT_CLASS (mmx_range_dialog_parent_class)->dispose (object);
}

static void
mmx_range_dialog_class_init (MmxRangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_range_dialog_dispose;

  /**
   * MmxRangeDialog::chosen:
   * @from: the first day, `YYYY-MM-DD`
   * @to: the last day
   *
   * The user applied a range.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-range-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxRangeDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, MmxRangeDialog, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, MmxRangeDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, MmxRangeDialog, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, mmx_range_dialog_apply);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mmx_range_dialog_init (MmxRangeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mmx_range_dialog_new:
 * @parent: the window it belongs to
 * @overview: (nullable): what the dashboard shows, for the range of the
 *   data
 * @from: (nullable): the custom range's first day, `YYYY-MM-DD`, if any
 * @to: (nullable): its last day
 *
 * Returns: (transfer full): a dialog that emits #MmxRangeDialog::chosen
 *   and closes when applied
 */
MmxRangeDialog *
mmx_range_dialog_new (GtkWindow         *parent,
                      const MmxOverview *overview,
                      const char        *from,
                      const char        *to)
{
  MmxRangeDialog *self = g_object_new (MMX_TYPE_RANGE_DIALOG, "transient-for", parent, NULL);

  if (overview != NULL && overview->data_first != NULL)
    {
      g_autofree char *range = mmx_time_axis_format_range (mmx_date_julian_from_iso (overview->data_first),
                                                           mmx_date_julian_from_iso (overview->data_last));
      g_autofree char *hint = g_strdup_printf (_("Your data covers %s."), range);

      gtk_label_set_label (self->hint_label, hint);
      mmx_range_dialog_select (self, overview->from ? overview->from : overview->data_first,
                               overview->to ? overview->to : overview->data_last);
    }
  if (from != NULL && *from != '\0' && to != NULL && *to != '\0')
    mmx_range_dialog_select (self, from, to);
  return self;
}

/**
 * mmx_range_dialog_select:
 * @self: a dialog
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day
 */
void
mmx_range_dialog_select (MmxRangeDialog *self,
                         const char     *from,
                         const char     *to)
{
  g_return_if_fail (MMX_IS_RANGE_DIALOG (self));

  select_iso (self->from_calendar, from);
  select_iso (self->to_calendar, to);
  day_selected_cb (self);
}

/**
 * mmx_range_dialog_apply:
 * @self: a dialog
 *
 * Emits #MmxRangeDialog::chosen with the days selected, and closes.
 */
void
mmx_range_dialog_apply (MmxRangeDialog *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (MMX_IS_RANGE_DIALOG (self));

  from = dup_iso (self->from_calendar);
  to = dup_iso (self->to_calendar);
  if (g_strcmp0 (from, to) > 0)
    return;
  g_signal_emit (self, signals[CHOSEN], 0, from, to);
  gtk_window_close (GTK_WINDOW (self));
}
