/* scs-reconfirm-window.c: re-confirming answers after a catalog change, in bulk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a catalog migration the answers carried over to re-worded or
 * re-levelled criteria wait for re-confirmation, and signing waits with
 * them. One click per row in the checklist is fine for three; after a
 * revision it may be eighty. Here every flagged answer is one row with the
 * wording it was given against and the wording it now stands against side
 * by side, and "Still holds" for the row; a search narrows the rows, and
 * "All Shown Still Hold" confirms the rows shown in one transaction.
 * Re-answering in the checklist clears a flag too (the core does that).
 *
 * The rows are a GListModel: an ScsReconfirmEntry per flagged criterion,
 * filtered by the search, bound to the list, each row built from
 * scs-reconfirm-row.ui; a refresh splices the entries that changed.
 * Actions: reconfirm.confirm (s: criterion ID), reconfirm.confirm-shown.
 */
#include "config.h"

#include "scs-reconfirm-window.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-list-store.h"
#include "scs-migration.h"
#include "scs-window.h"

/* One flagged answer as its row shows it: read-only properties
 * "criterion-id", "levels" ("★3 → ★4"), "levels-changed", "old-text" and
 * "new-text", bound by scs-reconfirm-row.ui. */
#define SCS_TYPE_RECONFIRM_ENTRY (scs_reconfirm_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScsReconfirmEntry, scs_reconfirm_entry, SCS, RECONFIRM_ENTRY, GObject)

struct _ScsReconfirmEntry
{
  GObject           parent_instance;
  ScsReconfirmItem *item;
};

G_DEFINE_FINAL_TYPE (ScsReconfirmEntry, scs_reconfirm_entry, G_TYPE_OBJECT)

enum
{
  ENTRY_PROP_0,
  ENTRY_PROP_CRITERION_ID,
  ENTRY_PROP_LEVELS,
  ENTRY_PROP_LEVELS_CHANGED,
  ENTRY_PROP_OLD_TEXT,
  ENTRY_PROP_NEW_TEXT,
  ENTRY_N_PROPS
};

static GParamSpec *entry_properties[ENTRY_N_PROPS];

static void
scs_reconfirm_entry_finalize (GObject *object)
{
  g_clear_pointer (&SCS_RECONFIRM_ENTRY (object)->item, scs_reconfirm_item_free);
  G_OBJECT_CLASS (scs_reconfirm_entry_parent_class)->finalize (object);
}

static void
scs_reconfirm_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScsReconfirmItem *item = SCS_RECONFIRM_ENTRY (object)->item;

  switch (prop_id)
    {
    case ENTRY_PROP_CRITERION_ID:
      g_value_set_string (value, item->criterion_id);
      break;
    case ENTRY_PROP_LEVELS:
      /* Translators: a criterion's level before and after the catalog change */
      g_value_take_string (value, g_strdup_printf (_("★%u → ★%u"), item->old_level, item->new_level));
      break;
    case ENTRY_PROP_LEVELS_CHANGED:
      g_value_set_boolean (value, item->old_level != item->new_level);
      break;
    case ENTRY_PROP_OLD_TEXT:
      g_value_set_string (value, item->old_text);
      break;
    case ENTRY_PROP_NEW_TEXT:
      g_value_set_string (value, item->new_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_reconfirm_entry_class_init (ScsReconfirmEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scs_reconfirm_entry_finalize;
  object_class->get_property = scs_reconfirm_entry_get_property;
  entry_properties[ENTRY_PROP_CRITERION_ID] = g_param_spec_string ("criterion-id", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_LEVELS] = g_param_spec_string ("levels", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_LEVELS_CHANGED] = g_param_spec_boolean ("levels-changed", NULL, NULL, FALSE, flags);
  entry_properties[ENTRY_PROP_OLD_TEXT] = g_param_spec_string ("old-text", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_NEW_TEXT] = g_param_spec_string ("new-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
scs_reconfirm_entry_init (ScsReconfirmEntry *self)
{
}

/* Takes @item. */
static ScsReconfirmEntry *
scs_reconfirm_entry_new (ScsReconfirmItem *item)
{
  ScsReconfirmEntry *self = g_object_new (SCS_TYPE_RECONFIRM_ENTRY, NULL);

  self->item = item;
  return self;
}

/* The same row: an entry whose texts and levels did not change keeps it. */
static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const ScsReconfirmItem *x = SCS_RECONFIRM_ENTRY ((gpointer) a)->item;
  const ScsReconfirmItem *y = SCS_RECONFIRM_ENTRY ((gpointer) b)->item;

  return g_str_equal (x->criterion_id, y->criterion_id) && g_str_equal (x->old_text, y->old_text) &&
         g_str_equal (x->new_text, y->new_text) && x->old_level == y->old_level &&
         x->new_level == y->new_level;
}

struct _ScsReconfirmWindow
{
  AdwWindow     parent_instance;

  ScsWorkspace *workspace;
  GtkWidget    *search;
  GtkWidget    *list;
  GtkWidget    *all_button;
  GtkWidget    *status;
  GListStore   *entries;  /* of ScsReconfirmEntry */
  GtkFilterListModel *shown;  /* entries matching the search */
  char         *filter;
};

G_DEFINE_FINAL_TYPE (ScsReconfirmWindow, scs_reconfirm_window, ADW_TYPE_WINDOW)

static gboolean
matches (ScsReconfirmItem *item,
         const char       *filter)
{
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (filter == NULL || *filter == '\0')
    return TRUE;
  needle = g_utf8_casefold (filter, -1);
  haystack = g_utf8_casefold (item->criterion_id, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (item->old_text, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (item->new_text, -1);
  return strstr (haystack, needle) != NULL;
}

static void refresh (ScsReconfirmWindow *self);

static void
report (ScsReconfirmWindow *self,
        GError             *error)
{
  gtk_label_set_text (GTK_LABEL (self->status), error->message);
  gtk_widget_add_css_class (self->status, "error");
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScsReconfirmWindow *self = SCS_RECONFIRM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!scs_migration_reconfirm (self->workspace, g_variant_get_string (parameter, NULL), &error))
    report (self, error);
  else
    refresh (self);
}

/* The row of @object (an ScsReconfirmEntry), built with the entry as the
 * builder's current object; the button's target and accessible name are
 * the entry's criterion. */
static GtkWidget *
make_row (gpointer object,
          gpointer user_data)
{
  ScsReconfirmItem *item = SCS_RECONFIRM_ENTRY (object)->item;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *button;

  gtk_builder_set_current_object (builder, object);
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-reconfirm-row.ui", &error))
    g_error ("scs-reconfirm-row.ui: %s", error->message);  /* a resource of ours */
  button = GTK_WIDGET (gtk_builder_get_object (builder, "confirm_button"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", item->criterion_id);
  /* Translators: accessible name of a row's button; %s is a criterion ID */
  accessible = g_strdup_printf (_("The answer to %s still holds"), item->criterion_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
}

static gboolean
shown_filter (gpointer object,
              gpointer user_data)
{
  ScsReconfirmWindow *self = user_data;

  return matches (SCS_RECONFIRM_ENTRY (object)->item, self->filter);
}

static void
show_status (ScsReconfirmWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  gtk_widget_remove_css_class (self->status, "error");
  if (total == 0)
    gtk_label_set_text (GTK_LABEL (self->status), _("Every answer is confirmed against the current wording."));
  else
    {
      /* Translators: "3 of 12 answers shown wait for re-confirmation" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u of %u answer shown waits for re-confirmation",
                                                            "%u of %u answers shown wait for re-confirmation",
                                                            total),
                                               shown, total);

      gtk_label_set_text (GTK_LABEL (self->status), text);
    }
  gtk_widget_set_sensitive (self->all_button, shown > 0);
}

static void
refresh (ScsReconfirmWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = scs_migration_list_reconfirm_items (self->workspace, &error);
  g_autoptr(GPtrArray) entries = NULL;

  if (items == NULL)
    {
      report (self, error);
      return;
    }
  entries = g_ptr_array_new_full (items->len, g_object_unref);
  /* the entries take the items */
  g_ptr_array_set_free_func (items, NULL);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (entries, scs_reconfirm_entry_new (items->pdata[i]));
  scs_list_store_update (self->entries, entries, entry_equal);
  show_status (self);
}

static void
on_search_changed (GtkSearchEntry     *entry,
                   ScsReconfirmWindow *self)
{
  g_free (self->filter);
  self->filter = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->shown), GTK_FILTER_CHANGE_DIFFERENT);
  show_status (self);
}

/* "All Shown Still Hold": the rows shown, in one transaction. */
static void
confirm_shown_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScsReconfirmWindow *self = SCS_RECONFIRM_WINDOW (widget);
  GListModel *shown = G_LIST_MODEL (self->shown);
  guint n = g_list_model_get_n_items (shown);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsReconfirmEntry) entry = g_list_model_get_item (shown, i);

      g_ptr_array_add (ids, g_strdup (entry->item->criterion_id));
    }
  g_ptr_array_add (ids, NULL);
  if (!scs_migration_reconfirm_many (self->workspace, (const char * const *) ids->pdata, &error))
    {
      report (self, error);
      return;
    }
  refresh (self);
}

static void
scs_reconfirm_window_dispose (GObject *object)
{
  ScsReconfirmWindow *self = SCS_RECONFIRM_WINDOW (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->shown);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->filter, g_free);
  G_OBJECT_CLASS (scs_reconfirm_window_parent_class)->dispose (object);
}

static void
scs_reconfirm_window_class_init (ScsReconfirmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_reconfirm_window_dispose;
  gtk_widget_class_install_action (widget_class, "reconfirm.confirm", "s", confirm_action);
  gtk_widget_class_install_action (widget_class, "reconfirm.confirm-shown", NULL, confirm_shown_action);
}

static void
scs_reconfirm_window_init (ScsReconfirmWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_window_set_title (GTK_WINDOW (self), _("Re-confirm Answers"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);
  self->entries = g_list_store_new (SCS_TYPE_RECONFIRM_ENTRY);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                           GTK_FILTER (gtk_custom_filter_new (shown_filter, self, NULL)));

  self->search = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by criterion ID or wording"), -1);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->shown), make_row, self, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  self->status = gtk_label_new ("");
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_set_hexpand (self->status, TRUE);
  self->all_button = gtk_button_new_with_mnemonic (_("_All Shown Still Hold"));
  gtk_widget_add_css_class (self->all_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->all_button), "reconfirm.confirm-shown");
  gtk_box_append (GTK_BOX (bottom), self->status);
  gtk_box_append (GTK_BOX (bottom), self->all_button);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), self->search);
  gtk_box_append (GTK_BOX (content), scroller);
  gtk_box_append (GTK_BOX (content), bottom);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static GtkWidget *
reconfirm_window_new (GtkWindow    *parent,
                      ScsWorkspace *workspace)
{
  ScsReconfirmWindow *self;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SCS_TYPE_RECONFIRM_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->workspace = g_object_ref (workspace);
  refresh (self);
  return GTK_WIDGET (self);
}

void
scs_reconfirm_window_action (GtkWidget  *window,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScsWorkspace *workspace = scs_window_get_workspace (SCS_WINDOW (window));

  if (workspace == NULL)
    return;
  gtk_window_present (GTK_WINDOW (reconfirm_window_new (GTK_WINDOW (window), workspace)));
}
