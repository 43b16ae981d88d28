/* mmx-import-page.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-import-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mmx-application.h"
#include "mmx-csv-reader.h"
#include "mmx-import-page.h"
#include "mmx-progress-relay.h"
#include "mmx-store-job.h"

#define MAX_HISTORY 50

/* The records read from a file no plan can be made of. */
#define PREVIEW_RECORDS 12

/* The files dropped or chosen, one after the other: each is read on the
 * worker pool and previewed, and imported once confirmed (at once for
 * the sample data, when nothing needs deciding), with progress, Cancel and
 * a summary. Every job has a connection of its own: nothing here touches
 * the database on this thread. */
struct _MmxImportPage
{
  GtkWidget             parent_instance;

  GtkStack             *state_stack;
  GtkListBox           *history_list;
  GtkLabel             *reading_label;
  GtkLabel             *preview_title;
  MmxImportPreview     *preview;
  GtkLabel             *queue_label;
  GtkButton            *import_button;
  GtkButton            *skip_button;
  GtkLabel             *importing_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *time_label;
  MmxImportSummaryView *summary_view;
  GtkButton            *next_button;
  AdwStatusPage        *error_page;
  GtkButton            *error_next_button;

  char                 *db_path;
  GQueue                queue;
  GFile                *file;
  MmxColumnMapping     *mapping;
  MmxImportSummary     *summary;
  char                 *error_message;
  GCancellable         *cancellable;
  GCancellable         *disposed;
  guint                 n_history;
  guint                 n_files;
  guint                 file_index;
  guint                 without_review : 1;
};

G_DEFINE_FINAL_TYPE (MmxImportPage, mmx_import_page, GTK_TYPE_WIDGET)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GFile            *file;
  MmxColumnMapping *mapping;
  char             *mapping_name;
  MmxProgressRelay *progress;
} FileRequest;

/* A plan and its channels; or, when no plan can be made but a column
 * mapping can fix it, the file's first records and why. */
typedef struct
{
  MmxImport *import;
  GPtrArray *channels;
  GPtrArray *head;
  char       delimiter;
  GError    *error;
} Preview;

typedef struct
{
  char *alias;
  char *canonical;
} RenameRequest;

static void next_file (MmxImportPage *self);
static void start_preview (MmxImportPage *self);
static void reload_history (MmxImportPage *self);

static void
file_request_free (FileRequest *request)
{
  g_clear_object (&request->file);
  g_clear_object (&request->mapping);
  g_free (request->mapping_name);
  g_clear_pointer (&request->progress, mmx_progress_relay_free);
  g_free (request);
}

static FileRequest *
file_request_new (MmxImportPage *self)
{
  FileRequest *request = g_new0 (FileRequest, 1);

  request->file = g_object_ref (self->file);
  request->mapping = self->mapping ? g_object_ref (self->mapping) : NULL;
  return request;
}

static void
preview_free (Preview *preview)
{
  g_clear_object (&preview->import);
  g_clear_pointer (&preview->channels, g_ptr_array_unref);
  g_clear_pointer (&preview->head, g_ptr_array_unref);
  g_clear_error (&preview->error);
  g_free (preview);
}

static void
rename_request_free (RenameRequest *request)
{
  g_free (request->alias);
  g_free (request->canonical);
  g_free (request);
}

static void
toast (MmxImportPage *self,
       const char    *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static char *
file_name (GFile *file)
{
  return g_file_get_basename (file);
}

static void
renew_cancellable (MmxImportPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
set_state (MmxImportPage *self,
           const char    *state)
{
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

static gboolean
more_files (MmxImportPage *self)
{
  return !g_queue_is_empty (&self->queue);
}

/* Workers. */

/* Errors the user fixes by saying what the columns hold. */
static gboolean
needs_mapping (const GError *error)
{
  return g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_HEADER)
         || g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_DATA)
         || g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_BAD_MAPPING)
         || g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_CHANNEL)
         || g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_UNKNOWN_DATES);
}

static Preview *
read_head (FileRequest   *request,
           GError        *plan_error,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(MmxCsvReader) reader = NULL;
  Preview *preview;

  reader = mmx_csv_reader_new (request->file, cancellable, NULL);
  if (reader != NULL && request->mapping != NULL && mmx_column_mapping_get_delimiter (request->mapping))
    mmx_csv_reader_set_delimiter (reader, mmx_column_mapping_get_delimiter (request->mapping));
  preview = g_new0 (Preview, 1);
  preview->delimiter = reader ? mmx_csv_reader_get_delimiter (reader) : ',';
  preview->head = reader ? mmx_csv_reader_read_head (reader, PREVIEW_RECORDS, cancellable, NULL)
                         : NULL;
  preview->error = plan_error;
  if (preview->head == NULL || preview->head->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&preview->error));
      preview_free (preview);
      return NULL;
    }
  return preview;
}

static gpointer
preview_job (MmxStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  FileRequest *request = data;
  g_autoptr(MmxImport) import = NULL;
  GError *plan_error = NULL;
  Preview *preview;

  import = mmx_import_new (store, request->file, request->mapping, cancellable, &plan_error);
  if (import == NULL)
    {
      if (needs_mapping (plan_error))
        return read_head (request, plan_error, cancellable, error);
      g_propagate_error (error, plan_error);
      return NULL;
    }
  preview = g_new0 (Preview, 1);
  /* Listed here: the channels' stored names are a query. */
  preview->channels = mmx_import_list_channels (import, error);
  if (preview->channels == NULL)
    {
      preview_free (preview);
      return NULL;
    }
  preview->import = g_steal_pointer (&import);
  return preview;
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  mmx_progress_report (user_data, fraction);
}

static gpointer
import_job (MmxStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  FileRequest *request = data;
  g_autoptr(MmxImport) import = NULL;
  g_autoptr(MmxProgress) progress = NULL;
  MmxImportSummary *summary;

  /* Planned again on this thread's connection: the same file and
   * mapping give the plan that was previewed. */
  import = mmx_import_new (store, request->file, request->mapping, cancellable, error);
  if (import == NULL)
    return NULL;
  if (request->mapping_name != NULL
      && !mmx_store_save_mapping (store, request->mapping_name, mmx_import_get_header_key (import),
                                  request->mapping, error))
    return NULL;
  progress = mmx_progress_new (mmx_progress_relay_get_func (request->progress), request->progress);
  summary = mmx_import_run (import, import_progress_cb, progress, cancellable, error);
  if (summary != NULL)
    mmx_progress_finish (progress);
  return summary;
}

static gpointer
rename_job (MmxStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  RenameRequest *request = data;
  guint moved = 0;

  if (!mmx_store_map_channel (store, request->alias, request->canonical, &moved, error))
    return NULL;
  return g_memdup2 (&moved, sizeof moved);
}

static gpointer
history_job (MmxStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return mmx_store_list_imports (store, error);
}

/* The preview. */

static void
show_error (MmxImportPage *self,
            const GError  *error)
{
  g_autofree char *name = file_name (self->file);
  g_autofree char *title = g_strdup_printf (_("“%s” Cannot Be Imported"), name);

  g_free (self->error_message);
  self->error_message = g_strdup (error->message);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_button_set_label (self->error_next_button, more_files (self) ? _("_Next File") : _("_Done"));
  set_state (self, "error");
}

static void
update_import_button (MmxImportPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            mmx_import_preview_get_ready (self->preview));
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MmxImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Preview *preview;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *base = NULL;
  char *dot;

  preview = mmx_store_job_run_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (preview == NULL)
    {
      show_error (self, error);
      return;
    }

  name = file_name (self->file);
  base = g_strdup (name);
  if ((dot = strrchr (base, '.')) != NULL)
    *dot = '\0';
  if (preview->import != NULL)
    mmx_import_preview_set_import (self->preview, preview->import, preview->channels,
                                   self->mapping, base);
  else
    mmx_import_preview_set_table (self->preview, preview->head, preview->delimiter, preview->error,
                                  self->mapping, name);
  title = g_strdup_printf (_("Import “%s”?"), name);
  gtk_label_set_label (self->preview_title, title);
  preview_free (preview);
  update_import_button (self);

  if (self->without_review && mmx_import_preview_get_ready (self->preview))
    mmx_import_page_confirm (self);
  else
    set_state (self, "preview");
}

static void
start_preview (MmxImportPage *self)
{
  g_autofree char *name = file_name (self->file);
  g_autofree char *reading = g_strdup_printf (_("Reading “%s”…"), name);
  g_autofree char *position = NULL;

  gtk_label_set_label (self->reading_label, reading);
  if (self->n_files > 1)
    /* TRANSLATORS: which file of those dropped is previewed, "File 2 of 3" */
    position = g_strdup_printf (_("File %u of %u"), self->file_index, self->n_files);
  gtk_label_set_label (self->queue_label, position ? position : "");
  gtk_button_set_label (self->skip_button, more_files (self) ? _("_Skip") : _("_Cancel"));
  set_state (self, "reading");

  renew_cancellable (self);
  mmx_store_job_run_async (self->db_path, MMX_JOB_PRIORITY_QUERY, preview_job,
                           file_request_new (self), (GDestroyNotify) file_request_free,
                           (GDestroyNotify) preview_free, self->cancellable, preview_ready_cb,
                           g_object_ref (self));
}

static void
mapping_changed_cb (MmxImportPage    *self,
                    MmxColumnMapping *mapping,
                    MmxImportPreview *preview)
{
  g_set_object (&self->mapping, mapping);
  start_preview (self);
}

static void
channel_renamed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MmxImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree guint *moved = mmx_store_job_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (moved == NULL)
    {
      toast (self, error->message);
      set_state (self, "preview");
      return;
    }
  if (*moved > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u stored row moved to the new name",
                                                            "%u stored rows moved to the new name",
                                                            *moved),
                                                  *moved);

      toast (self, message);
    }
  start_preview (self);
}

static void
rename_channel_cb (MmxImportPage    *self,
                   const char       *as_written,
                   const char       *stored_as,
                   MmxImportPreview *preview)
{
  RenameRequest *request = g_new0 (RenameRequest, 1);

  request->alias = g_strdup (as_written);
  request->canonical = g_strdup (stored_as);
  set_state (self, "reading");
  renew_cancellable (self);
  mmx_store_job_run_async (self->db_path, MMX_JOB_PRIORITY_IMPORT, rename_job, request,
                           (GDestroyNotify) rename_request_free, g_free, self->cancellable,
                           channel_renamed_cb, g_object_ref (self));
}

/* The import. */

/* On this thread, relayed from the worker, before the import's result:
 * the job's reference keeps the page alive until then. */
static void
progress_reported_cb (double   fraction,
                      double   seconds_left,
                      gpointer user_data)
{
  MmxImportPage *self = user_data;
  g_autofree char *left = NULL;
  int seconds = (int) ceil (seconds_left);

  if (g_cancellable_is_cancelled (self->disposed))
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  if (seconds_left >= 0)
    left = g_strdup_printf (ngettext ("About %d second left", "About %d seconds left", seconds),
                            seconds);
  gtk_label_set_label (self->time_label, left ? left : "");
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MmxImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  MmxImportSummary *summary;
  g_autofree char *name = NULL;
  guint rows;

  summary = mmx_store_job_run_finish (result, &error);
  name = file_name (self->file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The import of “%s” was cancelled; nothing "
                                                    "was changed"), name);

      toast (self, message);
      self->without_review = FALSE;
      set_state (self, "preview");
      return;
    }
  if (summary == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->summary, mmx_import_summary_free);
  self->summary = summary;
  rows = mmx_import_summary_get_imported (summary);
  mmx_import_summary_view_set_summary (self->summary_view, summary);
  gtk_button_set_label (self->next_button, more_files (self) ? _("_Next File") : _("_Done"));
  reload_history (self);
  if (rows > 0)
    g_signal_emit (self, signals[IMPORTED], 0, rows, (gboolean) self->without_review);

  /* Reviewed files stop here; the sample data goes on unless rows were
   * rejected. */
  if (self->without_review && summary->rejected == 0)
    next_file (self);
  else
    set_state (self, "summary");
}

static void
reload_history_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MmxImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = mmx_store_job_run_finish (result, &error);
  GtkWidget *child;

  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The import history cannot be read: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  self->n_history = records->len;
  if (records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing imported yet"));
      gtk_list_box_append (self->history_list, row);
    }
  /* The newest first. */
  for (guint i = records->len; i > 0 && records->len - i < MAX_HISTORY; i--)
    {
      const MmxImportRecord *record = g_ptr_array_index (records, i - 1);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (record->imported_at, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      /* TRANSLATORS: when a file was imported; see g_date_time_format() */
      g_autofree char *when = local ? g_date_time_format (local, _("%-d %b %Y, %H:%M"))
                                    : g_strdup (record->imported_at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* TRANSLATORS: a line of the import history, "3 Nov 2025, 14:02 · 120 added, 3 replaced, 1 rejected" */
      subtitle = g_strdup_printf (_("%s · %u added, %u replaced, %u rejected"), when,
                                  record->inserted, record->updated, record->rejected);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->file);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
reload_history (MmxImportPage *self)
{
  if (self->db_path == NULL)
    return;
  mmx_store_job_run_async (self->db_path, MMX_JOB_PRIORITY_QUERY, history_job, NULL, NULL,
                           (GDestroyNotify) g_ptr_array_unref, self->disposed, reload_history_cb,
                           g_object_ref (self));
}

static void
next_file (MmxImportPage *self)
{
  g_clear_object (&self->file);
  g_clear_object (&self->mapping);
  self->file = g_queue_pop_head (&self->queue);
  if (self->file == NULL)
    {
      self->without_review = FALSE;
      self->n_files = self->file_index = 0;
      set_state (self, "idle");
      return;
    }
  self->file_index++;
  start_preview (self);
}

static void
import_clicked_cb (MmxImportPage *self)
{
  mmx_import_page_confirm (self);
}

static void
skip_clicked_cb (MmxImportPage *self)
{
  mmx_import_page_skip (self);
}

static void
cancel_clicked_cb (MmxImportPage *self)
{
  mmx_import_page_cancel (self);
}

static void
next_clicked_cb (MmxImportPage *self)
{
  next_file (self);
}

static void
mmx_import_page_dispose (GObject *object)
{
  MmxImportPage *self = (MmxImportPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->disposed);
  gtk_widget_dispose_template (GTK_WIDGET (self), MMX_TYPE_IMPORT_PAGE);
  g_queue_clear_full (&self->queue, g_object_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->mapping);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->disposed);

  G_OBJECT_CLASS (mmx_import_page_parent_class)->dispose (object);
}

static void
mmx_import_page_finalize (GObject *object)
{
  MmxImportPage *self = (MmxImportPage *) object;

  g_clear_pointer (&self->summary, mmx_import_summary_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (mmx_import_page_parent_class)->finalize (object);
}

static void
mmx_import_page_class_init (MmxImportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_import_page_dispose;
  object_class->finalize = mmx_import_page_finalize;

  /**
   * MmxImportPage::imported:
   * @rows: the rows stored
   * @without_review: whether the file was imported without a preview
   *   being confirmed (the sample data)
   *
   * A file was imported: the dashboard has new data.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  g_type_ensure (MMX_TYPE_IMPORT_PREVIEW);
  g_type_ensure (MMX_TYPE_IMPORT_SUMMARY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-import-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, reading_label);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, preview_title);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, preview);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, queue_label);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, importing_label);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, time_label);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPage, error_next_button);
  gtk_widget_class_bind_template_callback (widget_class, mapping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_channel_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mmx_import_page_init (MmxImportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->queue);
  self->disposed = g_cancellable_new ();
}

/**
 * mmx_import_page_set_db_path:
 * @self: a page
 * @db_path: the database files are imported into
 */
void
mmx_import_page_set_db_path (MmxImportPage *self,
                             const char    *db_path)
{
  g_return_if_fail (MMX_IS_IMPORT_PAGE (self));
  g_return_if_fail (db_path != NULL);

  g_free (self->db_path);
  self->db_path = g_strdup (db_path);
  reload_history (self);
}

/**
 * mmx_import_page_open_files:
 * @self: a page
 * @files: (array length=n_files): CSV files
 * @n_files: how many
 * @without_review: import each at once when nothing needs deciding
 *
 * Queues the files; the first is previewed unless another is in hand.
 */
void
mmx_import_page_open_files (MmxImportPage  *self,
                            GFile         **files,
                            guint           n_files,
                            gboolean        without_review)
{
  g_return_if_fail (MMX_IS_IMPORT_PAGE (self));
  g_return_if_fail (self->db_path != NULL);

  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->queue, g_object_ref (files[i]));
  self->n_files += n_files;
  if (self->file == NULL)
    {
      self->without_review = without_review;
      next_file (self);
    }
}

/**
 * mmx_import_page_get_state:
 * @self: a page
 *
 * Returns: what the page shows: `idle`, `reading`, `preview`,
 *   `importing`, `summary` or `error`
 */
const char *
mmx_import_page_get_state (MmxImportPage *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/**
 * mmx_import_page_get_error:
 * @self: a page
 *
 * Returns: (nullable): the last file's error, shown in the `error` state
 */
const char *
mmx_import_page_get_error (MmxImportPage *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PAGE (self), NULL);

  return self->error_message;
}

MmxImportPreview *
mmx_import_page_get_preview (MmxImportPage *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PAGE (self), NULL);

  return self->preview;
}

MmxImportSummaryView *
mmx_import_page_get_summary_view (MmxImportPage *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PAGE (self), NULL);

  return self->summary_view;
}

/**
 * mmx_import_page_get_summary:
 * @self: a page
 *
 * Returns: (nullable): what the last import did
 */
const MmxImportSummary *
mmx_import_page_get_summary (MmxImportPage *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PAGE (self), NULL);

  return self->summary;
}

guint
mmx_import_page_get_n_history (MmxImportPage *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PAGE (self), 0);

  return self->n_history;
}

/**
 * mmx_import_page_confirm:
 * @self: a page showing a preview
 *
 * Imports the file as previewed, on the worker pool.
 */
void
mmx_import_page_confirm (MmxImportPage *self)
{
  FileRequest *request;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (MMX_IS_IMPORT_PAGE (self));
  g_return_if_fail (self->file != NULL && mmx_import_preview_get_ready (self->preview));

  name = file_name (self->file);
  title = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->importing_label, title);
  gtk_label_set_label (self->time_label, "");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_state (self, "importing");

  request = file_request_new (self);
  g_clear_object (&request->mapping);
  request->mapping = mmx_import_preview_dup_mapping (self->preview);
  request->mapping_name = g_strdup (mmx_import_preview_get_mapping_name (self->preview));
  request->progress = mmx_progress_relay_new (progress_reported_cb, self);

  renew_cancellable (self);
  mmx_store_job_run_async (self->db_path, MMX_JOB_PRIORITY_IMPORT, import_job, request,
                           (GDestroyNotify) file_request_free,
                           (GDestroyNotify) mmx_import_summary_free, self->cancellable,
                           imported_cb, g_object_ref (self));
}

/**
 * mmx_import_page_cancel:
 * @self: a page
 *
 * Cancels the import running; the database is left as it was.
 */
void
mmx_import_page_cancel (MmxImportPage *self)
{
  g_return_if_fail (MMX_IS_IMPORT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * mmx_import_page_skip:
 * @self: a page
 *
 * Leaves the file previewed unimported, and goes to the next.
 */
void
mmx_import_page_skip (MmxImportPage *self)
{
  g_return_if_fail (MMX_IS_IMPORT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  next_file (self);
}
