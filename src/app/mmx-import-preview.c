/* mmx-import-preview.c
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mmx-import-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mmx-application.h"
#include "mmx-import-preview.h"
#include "mmx-text-row.h"

/* Rows of the file shown, and sample values per column. */
#define PREVIEW_ROWS 8
#define SAMPLE_VALUES 3

/* How a file will be read, before anything is written: what the core's
 * plan says, with the choices a user can change (the date format when it
 * is ambiguous, each column's field, the channels' names). A change asks
 * for a new plan through a signal; this widget never reads the file. */
struct _MmxImportPreview
{
  GtkWidget          parent_instance;

  AdwPreferencesGroup *file_group;
  AdwActionRow      *shape_row;
  AdwActionRow      *periods_row;
  AdwActionRow      *date_row;
  AdwComboRow       *date_choice_row;
  AdwActionRow      *delimiter_row;
  AdwComboRow       *delimiter_choice_row;
  AdwActionRow      *encoding_row;
  GtkLabel          *ambiguous_label;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *channel_group;
  AdwEntryRow       *channel_row;
  AdwPreferencesGroup *channels_group;
  GtkColumnView     *rows_view;
  AdwExpanderRow    *remember_row;
  AdwEntryRow       *mapping_name_row;

  MmxImport         *import;
  GPtrArray         *head;
  GPtrArray         *recognised;
  guint              header_index;
  char               delimiter;
  MmxColumnMapping  *mapping;
  GPtrArray         *added_rows;
  guint              filling : 1;
};

G_DEFINE_FINAL_TYPE (MmxImportPreview, mmx_import_preview, GTK_TYPE_WIDGET)

enum {
  MAPPING_CHANGED,
  RENAME_CHANNEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  MmxField    field;
  const char *label;
} fields[] = {
  { MMX_FIELD_IGNORE, N_("Not imported") },
  { MMX_FIELD_DATE, N_("Date") },
  { MMX_FIELD_CHANNEL, N_("Channel") },
  { MMX_FIELD_GEO, N_("Region") },
  { MMX_FIELD_SPEND, N_("Spend") },
  { MMX_FIELD_REVENUE, N_("Revenue") },
  { MMX_FIELD_IMPRESSIONS, N_("Impressions") },
  { MMX_FIELD_CLICKS, N_("Clicks") },
  { MMX_FIELD_CONVERSIONS, N_("Conversions") },
  { MMX_FIELD_NEW_CUSTOMERS, N_("New customers") },
  { MMX_FIELD_RETURNING_CUSTOMERS, N_("Returning customers") },
  { MMX_FIELD_REVENUE_PER_CONVERSION, N_("Revenue per conversion") },
  { MMX_FIELD_CONTROL, N_("Control variable (price, promotion…)") },
};

static guint
index_of_field (MmxField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].field == field)
      return i;
  return 0;
}

static void
remove_added_rows (MmxImportPreview *self)
{
  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
}

static AdwActionRow *
add_row (MmxImportPreview    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_title_lines (row, 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->added_rows, row);
  return row;
}

/* The columns come from the plan, or, when the core could make none, from
 * the file's header as written, with the roles the user gave so far. */
static guint
count_columns (MmxImportPreview *self)
{
  if (self->import != NULL)
    return mmx_import_get_n_columns (self->import);
  return g_strv_length (g_ptr_array_index (self->head, self->header_index));
}

static const char *
column_name (MmxImportPreview *self,
             guint             column)
{
  if (self->import != NULL)
    return mmx_import_get_column_name (self->import, column);
  return ((GStrv) g_ptr_array_index (self->head, self->header_index))[column];
}

static const MmxColumnRole *
column_role (MmxImportPreview *self,
             guint             column)
{
  const MmxColumnRole *role;

  if (self->import != NULL)
    return mmx_import_get_column_role (self->import, column);
  role = self->mapping ? mmx_column_mapping_lookup (self->mapping, column_name (self, column))
                       : NULL;
  return role ? role : g_ptr_array_index (self->recognised, column);
}

static guint
count_sample_rows (MmxImportPreview *self)
{
  if (self->import != NULL)
    return mmx_import_get_n_sample_rows (self->import);
  return self->head->len - self->header_index - 1;
}

static const char * const *
sample_row (MmxImportPreview *self,
            guint             row)
{
  if (self->import != NULL)
    return mmx_import_get_sample_row (self->import, row);
  return g_ptr_array_index (self->head, self->header_index + 1 + row);
}

/* Without a channel column, metric columns are a channel's each. */
static gboolean
is_wide (MmxImportPreview *self)
{
  if (self->import != NULL)
    return mmx_import_get_shape (self->import) == MMX_IMPORT_SHAPE_WIDE;
  for (guint i = 0; i < count_columns (self); i++)
    {
      const MmxColumnRole *role = column_role (self, i);

      if (role != NULL && role->field == MMX_FIELD_CHANNEL)
        return FALSE;
    }
  return TRUE;
}

/* The spec of a column's new field. In a wide file, spend, impressions and
 * clicks belong to a channel (the one the column had, or its header);
 * revenue and conversions are the business's unless a channel was said. */
static char *
spec_for (MmxImportPreview *self,
          guint             column,
          MmxField          field)
{
  const MmxColumnRole *role = column_role (self, column);
  const char *header = column_name (self, column);

  if (field == MMX_FIELD_CONTROL)
    return g_strdup_printf ("control:%s", role && role->name ? role->name : header);
  if (is_wide (self) && mmx_field_accepts_channel (field))
    {
      if (role != NULL && role->channel != NULL)
        return g_strdup_printf ("%s:%s", mmx_field_to_string (field), role->channel);
      if (field == MMX_FIELD_SPEND || field == MMX_FIELD_IMPRESSIONS || field == MMX_FIELD_CLICKS)
        return g_strdup_printf ("%s:%s", mmx_field_to_string (field), header);
    }
  return g_strdup (mmx_field_to_string (field));
}

/* Every column as the plan reads it (or as the user said, without a
 * plan), with the date format and channel said before, so a change to
 * one column keeps the rest. */
static MmxColumnMapping *
dup_current_mapping (MmxImportPreview *self)
{
  MmxColumnMapping *mapping = mmx_column_mapping_new ();

  for (guint i = 0; i < count_columns (self); i++)
    {
      const MmxColumnRole *role = column_role (self, i);
      g_autofree char *spec = role ? mmx_column_role_to_string (role) : NULL;

      if (spec != NULL)
        mmx_column_mapping_set (mapping, column_name (self, i), spec, NULL);
    }
  if (self->mapping != NULL)
    {
      mmx_column_mapping_set_date_format (mapping,
                                          mmx_column_mapping_get_date_format (self->mapping));
      mmx_column_mapping_set_channel (mapping, mmx_column_mapping_get_channel (self->mapping));
      mmx_column_mapping_set_delimiter (mapping, mmx_column_mapping_get_delimiter (self->mapping));
    }
  return mapping;
}

static void
channel_applied_cb (MmxImportPreview *self)
{
  g_autoptr(MmxColumnMapping) mapping = dup_current_mapping (self);
  g_autofree char *channel = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->channel_row))));

  if (*channel == '\0')
    return;
  mmx_column_mapping_set_channel (mapping, channel);
  g_signal_emit (self, signals[MAPPING_CHANGED], 0, mapping);
}

static void
field_selected_cb (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   MmxImportPreview *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= G_N_ELEMENTS (fields))
    return;
  mmx_import_preview_set_column_field (self, column, fields[selected].field);
}

static char *
describe_samples (MmxImportPreview *self,
                  guint             column)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  guint found = 0;

  for (guint r = 0; r < count_sample_rows (self) && found < SAMPLE_VALUES; r++)
    {
      const char * const *row = sample_row (self, r);

      if (column < g_strv_length ((GStrv) row) && *row[column] != '\0')
        {
          g_strv_builder_add (builder, row[column]);
          found++;
        }
    }
  values = g_strv_builder_end (builder);
  if (found == 0)
    return g_strdup (_("Empty in the first rows"));
  return g_strjoinv (" · ", values);
}

static void
fill_columns (MmxImportPreview *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_string_list_append (labels, _(fields[i].label));

  for (guint i = 0; i < count_columns (self); i++)
    {
      const MmxColumnRole *role = column_role (self, i);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *samples = describe_samples (self, i);
      g_autofree char *subtitle = NULL;

      if (role != NULL && role->channel != NULL && mmx_field_accepts_channel (role->field))
        /* TRANSLATORS: a column's channel and first values, "TV · 120.5, 98, 130" */
        subtitle = g_strdup_printf (_("%s · %s"), role->channel, samples);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), column_name (self, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : samples);
      adw_combo_row_set_model (row, G_LIST_MODEL (labels));
      adw_combo_row_set_selected (row, index_of_field (role ? role->field : MMX_FIELD_IGNORE));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (field_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->added_rows, row);
    }
}

static void
rename_clicked_cb (GtkButton        *button,
                   MmxImportPreview *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (button), "entry");
  const char *as_written = g_object_get_data (G_OBJECT (button), "as-written");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                             GTK_TYPE_POPOVER)));
  if (*name != '\0')
    mmx_import_preview_rename_channel (self, as_written, name);
}

/* A button that opens a popover to type the name a channel is stored as. */
static GtkWidget *
create_rename_button (MmxImportPreview        *self,
                      const MmxChannelPreview *channel)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Store as"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Rename"));
  g_autofree char *accessible = g_strdup_printf (_("Rename %s"), channel->stored_as);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "document-edit-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Rename"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), channel->stored_as);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_object_set_data (G_OBJECT (apply), "entry", entry);
  g_object_set_data_full (G_OBJECT (apply), "as-written", g_strdup (channel->as_written), g_free);
  g_signal_connect_object (apply, "clicked", G_CALLBACK (rename_clicked_cb), self, 0);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_widget_activate), apply);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  return menu_button;
}

static void
fill_channels (MmxImportPreview *self,
               GPtrArray        *channels)
{
  gtk_widget_set_visible (GTK_WIDGET (self->channels_group), channels->len > 0);
  for (guint i = 0; i < channels->len; i++)
    {
      const MmxChannelPreview *channel = g_ptr_array_index (channels, i);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      if (g_strcmp0 (channel->as_written, channel->stored_as) != 0)
        /* TRANSLATORS: how a file writes a channel, under the name it is stored as */
        subtitle = g_strdup_printf (_("Written “%s” in the file"), channel->as_written);
      row = add_row (self, self->channels_group, channel->stored_as, subtitle);
      adw_action_row_add_suffix (row, create_rename_button (self, channel));
    }
}

static void
fill_rows (MmxImportPreview *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (MMX_TYPE_TEXT_ROW);
  g_autoptr(GtkNoSelection) selection = NULL;

  mmx_text_row_clear_columns (self->rows_view);
  for (guint i = 0; i < count_columns (self); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;

      column = mmx_text_row_create_column (column_name (self, i), i, FALSE);
      gtk_column_view_append_column (self->rows_view, column);
    }
  for (guint r = 0; r < MIN (PREVIEW_ROWS, count_sample_rows (self)); r++)
    {
      g_autoptr(MmxTextRow) row = mmx_text_row_new (sample_row (self, r));

      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
}

/* The delimiters in the order of the separator's list. */
static const char delimiters[] = { ',', ';', '\t', '|' };

static guint
index_of_delimiter (char delimiter)
{
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      return i;
  return 0;
}

static void
fill_file (MmxImportPreview *self,
           const char       *file_name)
{
  MmxDateFormat given = self->mapping ? mmx_column_mapping_get_date_format (self->mapping)
                                      : MMX_DATE_FORMAT_UNKNOWN;
  gboolean ambiguous = mmx_import_get_date_ambiguous (self->import);
  gboolean choosing = ambiguous || given == MMX_DATE_FORMAT_DMY || given == MMX_DATE_FORMAT_MDY;
  /* A separator said before stays changeable, or there is no way back. */
  gboolean choosing_delimiter = mmx_import_get_delimiter_ambiguous (self->import)
                                || (self->mapping && mmx_column_mapping_get_delimiter (self->mapping));
  guint delimiter_index;
  g_autofree char *text = NULL;

  adw_action_row_set_subtitle (self->shape_row,
                               mmx_import_get_shape (self->import) == MMX_IMPORT_SHAPE_WIDE
                               ? _("Wide: a row per date, a column per channel")
                               : _("Long: a row per date and channel"));
  switch (mmx_import_get_granularity (self->import))
    {
    case MMX_GRANULARITY_DAILY:
      adw_action_row_set_subtitle (self->periods_row, _("Daily"));
      break;
    case MMX_GRANULARITY_WEEKLY:
      adw_action_row_set_subtitle (self->periods_row, _("Weekly"));
      break;
    case MMX_GRANULARITY_UNKNOWN:
    default:
      adw_action_row_set_subtitle (self->periods_row,
                                   ambiguous ? _("Known once the dates are read")
                                             : _("Decided from all the rows"));
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->date_row), !choosing);
  gtk_widget_set_visible (GTK_WIDGET (self->date_choice_row), choosing);
  adw_action_row_set_subtitle (self->date_row,
                               mmx_date_format_describe (mmx_import_get_date_format (self->import)));
  adw_combo_row_set_selected (self->date_choice_row,
                              given == MMX_DATE_FORMAT_DMY ? 0
                              : given == MMX_DATE_FORMAT_MDY ? 1 : GTK_INVALID_LIST_POSITION);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_choice_row),
                               ambiguous ? _("Choose how to read them") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->ambiguous_label), ambiguous);
  if (ambiguous)
    gtk_label_set_label (self->ambiguous_label,
                         _("Every date of this file reads both day first and month first. Choose "
                           "how to read them before importing."));

  self->delimiter = mmx_import_get_delimiter (self->import);
  delimiter_index = index_of_delimiter (self->delimiter);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), !choosing_delimiter);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_choice_row), choosing_delimiter);
  adw_action_row_set_subtitle (self->delimiter_row,
                               gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (self->delimiter_choice_row)),
                                                           delimiter_index));
  adw_combo_row_set_selected (self->delimiter_choice_row, delimiter_index);
  /* TRANSLATORS: a file's text encoding and the row of its header, "UTF-8, header on row 1" */
  text = g_strdup_printf (_("%s, header on row %u"), mmx_import_get_encoding (self->import),
                          mmx_import_get_header_row (self->import));
  adw_action_row_set_subtitle (self->encoding_row, text);

  /* A saved mapping is kept under its name; a new one gets the file's. */
  if (mmx_import_get_mapping_name (self->import) != NULL)
    {
      adw_expander_row_set_enable_expansion (self->remember_row, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->mapping_name_row),
                             mmx_import_get_mapping_name (self->import));
    }
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->mapping_name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->mapping_name_row), file_name);
}

static void
fill_notes (MmxImportPreview *self)
{
  g_auto(GStrv) notes = mmx_import_dup_notes (self->import);

  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes[0] != NULL);
  for (guint i = 0; notes[i] != NULL; i++)
    add_row (self, self->notes_group, notes[i], NULL);
}

static void
date_chosen_cb (AdwComboRow      *row,
                GParamSpec       *pspec,
                MmxImportPreview *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION)
    return;
  mmx_import_preview_set_date_format (self, selected == 0 ? MMX_DATE_FORMAT_DMY
                                                          : MMX_DATE_FORMAT_MDY);
}

static void
delimiter_chosen_cb (AdwComboRow      *row,
                     GParamSpec       *pspec,
                     MmxImportPreview *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= G_N_ELEMENTS (delimiters)
      || delimiters[selected] == self->delimiter)
    return;
  mmx_import_preview_set_delimiter (self, delimiters[selected]);
}

static void
mmx_import_preview_dispose (GObject *object)
{
  GtkWidget *child;
  MmxImportPreview *self = (MmxImportPreview *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MMX_TYPE_IMPORT_PREVIEW);
  /* The template's outer box has no name, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->import);
  g_clear_pointer (&self->head, g_ptr_array_unref);
  g_clear_pointer (&self->recognised, g_ptr_array_unref);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mmx_import_preview_parent_class)->dispose (object);
}

static void
mmx_import_preview_class_init (MmxImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mmx_import_preview_dispose;

  /**
   * MmxImportPreview::mapping-changed:
   * @mapping: what the user now says about the file
   *
   * The file must be planned again with @mapping.
   */
  signals[MAPPING_CHANGED] = g_signal_new ("mapping-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           1, MMX_TYPE_COLUMN_MAPPING);
  /**
   * MmxImportPreview::rename-channel:
   * @as_written: a channel as the file writes it
   * @stored_as: the name to store it under
   *
   * The user asked for a custom channel name.
   */
  signals[RENAME_CHANNEL] = g_signal_new ("rename-channel", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               MMX_RESOURCE_BASE "/ui/mmx-import-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, file_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, shape_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, periods_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, date_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, date_choice_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, delimiter_choice_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, ambiguous_label);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, notes_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, columns_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, channel_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, channel_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, channels_group);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, rows_view);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, remember_row);
  gtk_widget_class_bind_template_child (widget_class, MmxImportPreview, mapping_name_row);
  gtk_widget_class_bind_template_callback (widget_class, channel_applied_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mmx_import_preview_init (MmxImportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->added_rows = g_ptr_array_new ();
  g_signal_connect_object (self->date_choice_row, "notify::selected", G_CALLBACK (date_chosen_cb),
                           self, 0);
  g_signal_connect_object (self->delimiter_choice_row, "notify::selected",
                           G_CALLBACK (delimiter_chosen_cb), self, 0);
}

/* The rows that say how a planned file is read; without a plan only the
 * separator row stays. */
static void
show_file_rows (MmxImportPreview *self,
                gboolean          planned)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->shape_row), GTK_WIDGET (self->periods_row),
                        GTK_WIDGET (self->date_row), GTK_WIDGET (self->date_choice_row),
                        GTK_WIDGET (self->encoding_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], planned);
}

/**
 * mmx_import_preview_set_import:
 * @self: a preview
 * @import: the plan of a file
 * @channels: (element-type MmxChannelPreview): its channels, listed on
 *   the worker that made the plan
 * @mapping: (nullable): what the user said about the file so far
 * @file_name: the name to offer for remembering the columns
 */
void
mmx_import_preview_set_import (MmxImportPreview *self,
                               MmxImport        *import,
                               GPtrArray        *channels,
                               MmxColumnMapping *mapping,
                               const char       *file_name)
{
  g_return_if_fail (MMX_IS_IMPORT_PREVIEW (self));
  g_return_if_fail (MMX_IS_IMPORT (import));

  self->filling = TRUE;
  g_set_object (&self->import, import);
  g_clear_pointer (&self->head, g_ptr_array_unref);
  g_set_object (&self->mapping, mapping);
  remove_added_rows (self);
  show_file_rows (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->channel_group), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->ambiguous_label), "error");
  fill_file (self, file_name);
  fill_notes (self);
  fill_columns (self);
  fill_channels (self, channels);
  fill_rows (self);
  self->filling = FALSE;
}

/* What to do, said for the window: the core's messages name the command
 * line's options where the user must decide. */
static char *
describe_problem (const GError *error,
                  const char   *file_name)
{
  if (g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_HEADER))
    return g_strdup_printf (_("No column of “%s” reads as a date. Choose below which column "
                              "holds the date, and what the others hold."), file_name);
  if (g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_DATA))
    return g_strdup_printf (_("MarketingMix does not recognise any column of “%s” as spend or "
                              "revenue. Choose below what each column holds: the revenue, and "
                              "the spend of each channel."), file_name);
  if (g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_CHANNEL))
    return g_strdup_printf (_("“%s” has no channel column, and its name does not say which "
                              "platform it comes from. Type its channel below."), file_name);
  return g_strdup (error->message);
}

/* The record most fields long among the first: the header, under any
 * title lines. */
static guint
find_header (GPtrArray *head)
{
  guint best = 0;

  for (guint i = 1; i < head->len; i++)
    if (g_strv_length (g_ptr_array_index (head, i)) > g_strv_length (g_ptr_array_index (head, best)))
      best = i;
  return best;
}

/**
 * mmx_import_preview_set_table:
 * @self: a preview
 * @head: (element-type GStrv): the first records of a file the core could
 *   not plan, as written
 * @delimiter: the separator they were read with
 * @error: why it could not: a column mapping can fix it
 * @mapping: (nullable): what the user said about the file so far
 * @file_name: the file's name
 *
 * Shows the file's columns so the user can say what they hold.
 */
void
mmx_import_preview_set_table (MmxImportPreview *self,
                              GPtrArray        *head,
                              char              delimiter,
                              const GError     *error,
                              MmxColumnMapping *mapping,
                              const char       *file_name)
{
  g_autoptr(GPtrArray) no_channels = g_ptr_array_new ();
  g_autofree char *message = describe_problem (error, file_name);

  g_return_if_fail (MMX_IS_IMPORT_PREVIEW (self));
  g_return_if_fail (head != NULL && head->len > 0);
  g_return_if_fail (error != NULL);

  self->filling = TRUE;
  g_clear_object (&self->import);
  g_clear_pointer (&self->head, g_ptr_array_unref);
  self->head = g_ptr_array_ref (head);
  self->header_index = find_header (head);
  /* What the headers say by themselves ("Date", "Cost"), as a start. */
  g_clear_pointer (&self->recognised, g_ptr_array_unref);
  self->recognised = g_ptr_array_new_with_free_func ((GDestroyNotify) mmx_column_role_free);
  for (guint i = 0; i < count_columns (self); i++)
    g_ptr_array_add (self->recognised, mmx_column_role_recognise (column_name (self, i)));
  g_set_object (&self->mapping, mapping);
  remove_added_rows (self);

  /* Without a plan, only the separator is known; it may be the reason. */
  show_file_rows (self, FALSE);
  self->delimiter = delimiter;
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_choice_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_choice_row), NULL);
  adw_combo_row_set_selected (self->delimiter_choice_row, index_of_delimiter (delimiter));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->channel_group),
                          g_error_matches (error, MMX_IMPORT_ERROR, MMX_IMPORT_ERROR_NO_CHANNEL));
  gtk_label_set_label (self->ambiguous_label, message);
  gtk_widget_add_css_class (GTK_WIDGET (self->ambiguous_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->ambiguous_label), TRUE);
  fill_columns (self);
  fill_channels (self, no_channels);
  fill_rows (self);
  self->filling = FALSE;
}

/**
 * mmx_import_preview_get_ready:
 * @self: a preview
 *
 * Returns: whether the file can be imported as shown: nothing is left to
 *   decide
 */
gboolean
mmx_import_preview_get_ready (MmxImportPreview *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PREVIEW (self), FALSE);

  return self->import != NULL && !mmx_import_get_date_ambiguous (self->import);
}

/**
 * mmx_import_preview_dup_mapping:
 * @self: a preview
 *
 * Returns: (transfer full) (nullable): what the user said about the
 *   file, to import it with; %NULL when nothing, so the plan's own
 *   reading (or a saved mapping) applies
 */
MmxColumnMapping *
mmx_import_preview_dup_mapping (MmxImportPreview *self)
{
  g_return_val_if_fail (MMX_IS_IMPORT_PREVIEW (self), NULL);

  if (mmx_import_preview_get_mapping_name (self) != NULL)
    return dup_current_mapping (self);
  return self->mapping ? g_object_ref (self->mapping) : NULL;
}

/**
 * mmx_import_preview_get_mapping_name:
 * @self: a preview
 *
 * Returns: (nullable): the name to save the columns' mapping under, when
 *   the user wants it remembered
 */
const char *
mmx_import_preview_get_mapping_name (MmxImportPreview *self)
{
  const char *name;

  g_return_val_if_fail (MMX_IS_IMPORT_PREVIEW (self), NULL);

  name = gtk_editable_get_text (GTK_EDITABLE (self->mapping_name_row));
  if (!adw_expander_row_get_enable_expansion (self->remember_row) || *name == '\0')
    return NULL;
  return name;
}

/**
 * mmx_import_preview_set_column_field:
 * @self: a preview
 * @column: a column
 * @field: what it holds
 *
 * Does what choosing in the column's list does: asks for a new plan.
 */
void
mmx_import_preview_set_column_field (MmxImportPreview *self,
                                     guint             column,
                                     MmxField          field)
{
  g_autoptr(MmxColumnMapping) mapping = NULL;
  g_autofree char *spec = NULL;

  g_return_if_fail (MMX_IS_IMPORT_PREVIEW (self));
  g_return_if_fail (column < count_columns (self));

  mapping = dup_current_mapping (self);
  spec = spec_for (self, column, field);
  mmx_column_mapping_set (mapping, column_name (self, column), spec, NULL);
  g_signal_emit (self, signals[MAPPING_CHANGED], 0, mapping);
}

/**
 * mmx_import_preview_set_date_format:
 * @self: a preview
 * @format: how to read the dates
 */
void
mmx_import_preview_set_date_format (MmxImportPreview *self,
                                    MmxDateFormat     format)
{
  g_autoptr(MmxColumnMapping) mapping = NULL;

  g_return_if_fail (MMX_IS_IMPORT_PREVIEW (self));

  mapping = dup_current_mapping (self);
  mmx_column_mapping_set_date_format (mapping, format);
  g_signal_emit (self, signals[MAPPING_CHANGED], 0, mapping);
}

/**
 * mmx_import_preview_set_delimiter:
 * @self: a preview
 * @delimiter: the character that separates the fields
 *
 * Reads the file again with @delimiter; the columns it had are forgotten,
 * since they change with it.
 */
void
mmx_import_preview_set_delimiter (MmxImportPreview *self,
                                  char              delimiter)
{
  g_autoptr(MmxColumnMapping) mapping = mmx_column_mapping_new ();

  g_return_if_fail (MMX_IS_IMPORT_PREVIEW (self));

  if (self->mapping != NULL)
    {
      mmx_column_mapping_set_date_format (mapping,
                                          mmx_column_mapping_get_date_format (self->mapping));
      mmx_column_mapping_set_channel (mapping, mmx_column_mapping_get_channel (self->mapping));
    }
  mmx_column_mapping_set_delimiter (mapping, delimiter);
  g_signal_emit (self, signals[MAPPING_CHANGED], 0, mapping);
}

/**
 * mmx_import_preview_rename_channel:
 * @self: a preview
 * @as_written: a channel as the file writes it
 * @stored_as: the name to store it under
 */
void
mmx_import_preview_rename_channel (MmxImportPreview *self,
                                   const char       *as_written,
                                   const char       *stored_as)
{
  g_return_if_fail (MMX_IS_IMPORT_PREVIEW (self));

  g_signal_emit (self, signals[RENAME_CHANNEL], 0, as_written, stored_as);
}
