/* mmx-import-summary-view.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-import-summary-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mmx-application.h"
#include "mmx-file-chooser.h"
#include "mmx-import-summary-view.h"
#include "mmx-text-row.h"

/* What an import did: the counts, the data it brought, and the rejected
 * rows (row, column, reason) to copy or save as CSV, fix and import
 * again. */
struct _MmxImportSummaryView
{
  GtkWidget            parent_instance;

  GtkLabel            *title_label;
  GtkLabel            *description_label;
  AdwPreferencesGroup *counts_group;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *issues_group;
  GtkColumnView       *issues_view;
  GtkLabel            *unlisted_label;

  GPtrArray           *added_rows;
  char                *issues_csv;
  char                *file;
};

G_DEFINE_FINAL_TYPE (MmxImportSummaryView, mmx_import_summary_view, GTK_TYPE_WIDGET)

static void
toast (MmxImportSummaryView *self,
       const char           *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
add_row (MmxImportSummaryView *self,
         AdwPreferencesGroup  *group,
         const char           *title,
         const char           *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, row);
}

static void
add_count (MmxImportSummaryView *self,
           const char           *title,
           guint                 count,
           gboolean              always)
{
  g_autofree char *value = NULL;

  if (count == 0 && !always)
    return;
  value = g_strdup_printf ("%u", count);
  add_row (self, self->counts_group, title, value);
}

static void
remove_added_rows (MmxImportSummaryView *self)
{
  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
}

static void
fill_issues (MmxImportSummaryView   *self,
             const MmxImportSummary *summary)
{
  g_autoptr(GListStore) rows = g_list_store_new (MMX_TYPE_TEXT_ROW);
  g_autoptr(GtkNoSelection) selection = NULL;

  for (guint i = 0; i < summary->issues->len; i++)
    {
      const MmxImportIssue *issue = g_ptr_array_index (summary->issues, i);
      g_autofree char *row = g_strdup_printf ("%u", issue->row);
      const char *cells[] = { row, issue->column ? issue->column : _("(whole row)"),
                              issue->message, NULL };
      g_autoptr(MmxTextRow) item = mmx_text_row_new (cells);

      g_list_store_append (rows, item);
    }
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (rows)));
  gtk_column_view_set_model (self->issues_view, GTK_SELECTION_MODEL (selection));

  gtk_widget_set_visible (GTK_WIDGET (self->unlisted_label),
                          summary->n_issues > summary->issues->len);
  if (summary->n_issues > summary->issues->len)
    {
      g_autofree char *text = g_strdup_printf (_("Only the first %u of the %u errors are "
                                                 "listed."),
                                               summary->issues->len, summary->n_issues);

      gtk_label_set_label (self->unlisted_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), summary->rejected > 0);
}

static void
fill_details (MmxImportSummaryView   *self,
              const MmxImportSummary *summary)
{
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), summary->first_date != NULL);
  if (summary->first_date != NULL)
    {
      /* TRANSLATORS: the first and last day imported, "2025-01-06 to 2025-03-31" */
      g_autofree char *period = g_strdup_printf (_("%s to %s"), summary->first_date,
                                                 summary->last_date);
      g_autofree char *channels = g_strjoinv (", ", summary->channels);

      add_row (self, self->details_group,
               summary->granularity == MMX_GRANULARITY_WEEKLY ? _("Weeks") : _("Days"), period);
      if (*channels != '\0')
        add_row (self, self->details_group, _("Channels"), channels);
    }
  if (summary->ignored_columns[0] != NULL)
    {
      g_autofree char *ignored = g_strjoinv (", ", summary->ignored_columns);

      add_row (self, self->details_group, _("Columns not imported"), ignored);
      gtk_widget_set_visible (GTK_WIDGET (self->details_group), TRUE);
    }
  for (guint i = 0; summary->notes[i] != NULL; i++)
    {
      add_row (self, self->details_group, summary->notes[i], NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->details_group), TRUE);
    }
}

static void
copy_issues_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MmxImportSummaryView *self = user_data;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->issues_csv);
  toast (self, _("The rejected rows were copied as CSV"));
}

static void
issues_file_chosen_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(MmxImportSummaryView) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  file = mmx_file_chooser_save_finish (result, NULL, &error);
  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if (g_file_replace_contents (file, self->issues_csv, strlen (self->issues_csv), NULL, FALSE,
                               G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    message = g_strdup_printf (_("Saved as “%s”"), name);
  else
    message = g_strdup_printf (_("The rejected rows cannot be saved as “%s”: %s"), name,
                               error->message);
  toast (self, message);
}

static void
save_issues_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MmxImportSummaryView *self = user_data;
  g_autofree char *base = g_strdup (self->file ? self->file : "import");
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  /* TRANSLATORS: the file of an import's rejected rows, "google-ads-rejected.csv" */
  name = g_strdup_printf (_("%s-rejected.csv"), base);
  mmx_file_chooser_save_async (GTK_WIDGET (self), _("Save the Rejected Rows"), name,
                               &mmx_file_type_csv, 1, issues_file_chosen_cb,
                               g_object_ref (self));
}

static const GActionEntry view_actions[] = {
  { "copy-issues", copy_issues_activated },
  { "save-issues", save_issues_activated },
};

static void
mmx_import_summary_view_dispose (GObject *object)
{
  GtkWidget *child;
  MmxImportSummaryView *self = (MmxImportSummaryView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MMX_TYPE_IMPORT_SUMMARY_VIEW);
  /* The template's outer box has no name, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mmx_import_summary_view_parent_class)->dispose (object);
}

static void
mmx_import_summary_view_finalize (GObject *object)
{
  MmxImportSummaryView *self = (MmxImportSummaryView *) object;

  g_clear_pointer (&self->issues_csv, g_free);
  g_clear_pointer (&self->file, g_free);

  G_OBJECT_CLASS (mmx_import_summary_view_parent_class)->finalize (object);
}

static void
mmx_import_summary_view_class_init (MmxImportSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_import_summary_view_dispose;
  object_class->finalize = mmx_import_summary_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-import-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxImportSummaryView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MmxImportSummaryView, description_label);
  gtk_widget_class_bind_template_child (widget_class, MmxImportSummaryView, counts_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportSummaryView, details_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportSummaryView, issues_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportSummaryView, issues_view);
  gtk_widget_class_bind_template_child (widget_class, MmxImportSummaryView, unlisted_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mmx_import_summary_view_init (MmxImportSummaryView *self)
{
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  static const char *titles[] = { N_("Row"), N_("Column"), N_("Reason") };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->added_rows = g_ptr_array_new ();
  self->issues_csv = g_strdup (MMX_IMPORT_ISSUES_CSV_HEADER);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = mmx_text_row_create_column (_(titles[i]), i, i == 2);

      gtk_column_view_append_column (self->issues_view, column);
    }
  g_action_map_add_action_entries (G_ACTION_MAP (actions), view_actions,
                                   G_N_ELEMENTS (view_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "summary", G_ACTION_GROUP (actions));
}

/**
 * mmx_import_summary_view_set_summary:
 * @self: a view
 * @summary: what an import did
 */
void
mmx_import_summary_view_set_summary (MmxImportSummaryView   *self,
                                     const MmxImportSummary *summary)
{
  g_autofree char *title = NULL;
  g_autofree char *issues = NULL;
  guint imported;

  g_return_if_fail (MMX_IS_IMPORT_SUMMARY_VIEW (self));
  g_return_if_fail (summary != NULL);

  remove_added_rows (self);
  imported = mmx_import_summary_get_imported (summary);
  g_free (self->file);
  self->file = g_strdup (summary->file);

  if (imported == 0)
    title = g_strdup_printf (_("No Row of “%s” Could Be Imported"), summary->file);
  else if (summary->rejected > 0)
    title = g_strdup_printf (_("“%s” Imported, with Rejected Rows"), summary->file);
  else
    title = g_strdup_printf (_("“%s” Imported"), summary->file);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->description_label,
                       imported == 0 ? _("Nothing was changed. The reasons are below.")
                       : summary->rejected > 0
                       ? _("The other rows are saved and show on the dashboard.")
                       : _("Every row was read and saved."));

  add_count (self, _("Added"), summary->inserted, TRUE);
  add_count (self, _("Replaced, from an earlier import"), summary->updated, TRUE);
  add_count (self, _("Added to a row above (same day and channel)"), summary->merged, FALSE);
  add_count (self, _("Totals left out"), summary->skipped, FALSE);
  add_count (self, _("Rejected"), summary->rejected, TRUE);
  fill_details (self, summary);
  fill_issues (self, summary);

  issues = mmx_import_summary_issues_to_csv (summary);
  g_free (self->issues_csv);
  self->issues_csv = g_strconcat (MMX_IMPORT_ISSUES_CSV_HEADER, issues, NULL);
}

/**
 * mmx_import_summary_view_dup_issues_csv:
 * @self: a view
 *
 * Returns: (transfer full): the rejected rows as CSV, with a header
 */
char *
mmx_import_summary_view_dup_issues_csv (MmxImportSummaryView *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_SUMMARY_VIEW (self), NULL);

  return g_strdup (self->issues_csv);
}
