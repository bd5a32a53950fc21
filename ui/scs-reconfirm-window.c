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
 */
#include "config.h"

#include "scs-reconfirm-window.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-migration.h"
#include "scs-window.h"

struct _ScsReconfirmWindow
{
  AdwWindow     parent_instance;

  ScsWorkspace *workspace;
  GtkWidget    *search;
  GtkWidget    *list;
  GtkWidget    *all_button;
  GtkWidget    *status;
  GPtrArray    *items;   /* of ScsReconfirmItem* */
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

static GtkWidget *
wording (const char *heading,
         const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
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
on_still_holds (GtkButton          *button,
                ScsReconfirmWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "criterion-id");
  g_autoptr(GError) error = NULL;

  if (!scs_migration_reconfirm (self->workspace, id, &error))
    report (self, error);
  else
    refresh (self);
}

static GtkWidget *
make_row (ScsReconfirmWindow *self,
          ScsReconfirmItem   *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *id = gtk_label_new (item->criterion_id);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Still _Holds"));
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_widget_set_hexpand (id, TRUE);
  gtk_widget_add_css_class (id, "heading");
  gtk_box_append (GTK_BOX (top), id);
  if (item->old_level != item->new_level)
    {
      /* Translators: a criterion's level before and after the catalog change */
      g_autofree char *levels = g_strdup_printf (_("★%u → ★%u"), item->old_level, item->new_level);
      GtkWidget *label = gtk_label_new (levels);

      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (top), label);
    }
  g_object_set_data_full (G_OBJECT (button), "criterion-id", g_strdup (item->criterion_id), g_free);
  /* Translators: accessible name of a row's button; %s is a criterion ID */
  accessible = g_strdup_printf (_("The answer to %s still holds"), item->criterion_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_still_holds), self);
  gtk_box_append (GTK_BOX (top), button);

  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), wording (_("Answered against"), item->old_text));
  gtk_box_append (GTK_BOX (sides), wording (_("Now reads"), item->new_text));

  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), sides);
  return row;
}

static void
refresh (ScsReconfirmWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = scs_migration_list_reconfirm_items (self->workspace, &error);
  if (self->items == NULL)
    {
      self->items = g_ptr_array_new ();
      report (self, error);
      return;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      ScsReconfirmItem *item = self->items->pdata[i];

      if (!matches (item, self->filter))
        continue;
      gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (self, item));
      shown++;
    }

  gtk_widget_remove_css_class (self->status, "error");
  if (self->items->len == 0)
    gtk_label_set_text (GTK_LABEL (self->status), _("Every answer is confirmed against the current wording."));
  else
    {
      /* Translators: "3 of 12 answers shown wait for re-confirmation" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u of %u answer shown waits for re-confirmation",
                                                            "%u of %u answers shown wait for re-confirmation",
                                                            self->items->len),
                                               shown, self->items->len);

      gtk_label_set_text (GTK_LABEL (self->status), text);
    }
  gtk_widget_set_sensitive (self->all_button, shown > 0);
}

static void
on_search_changed (GtkSearchEntry     *entry,
                   ScsReconfirmWindow *self)
{
  scs_reconfirm_window_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_all_clicked (GtkButton          *button,
                ScsReconfirmWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!scs_reconfirm_window_confirm_shown (self, &error))
    report (self, error);
}

static void
scs_reconfirm_window_dispose (GObject *object)
{
  ScsReconfirmWindow *self = SCS_RECONFIRM_WINDOW (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);
  G_OBJECT_CLASS (scs_reconfirm_window_parent_class)->dispose (object);
}

static void
scs_reconfirm_window_class_init (ScsReconfirmWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scs_reconfirm_window_dispose;
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

  self->search = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by criterion ID or wording"), -1);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  self->status = gtk_label_new ("");
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_set_hexpand (self->status, TRUE);
  self->all_button = gtk_button_new_with_mnemonic (_("_All Shown Still Hold"));
  gtk_widget_add_css_class (self->all_button, "suggested-action");
  g_signal_connect (self->all_button, "clicked", G_CALLBACK (on_all_clicked), self);
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

GtkWidget *
scs_reconfirm_window_new (GtkWindow    *parent,
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
scs_reconfirm_window_set_filter (ScsReconfirmWindow *self,
                                 const char         *text)
{
  g_return_if_fail (SCS_IS_RECONFIRM_WINDOW (self));

  g_free (self->filter);
  self->filter = g_strdup (text);
  refresh (self);
}

GStrv
scs_reconfirm_window_dup_shown (ScsReconfirmWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SCS_IS_RECONFIRM_WINDOW (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      ScsReconfirmItem *item = self->items->pdata[i];

      if (matches (item, self->filter))
        g_strv_builder_add (builder, item->criterion_id);
    }
  return g_strv_builder_end (builder);
}

gboolean
scs_reconfirm_window_confirm_shown (ScsReconfirmWindow  *self,
                                    GError             **error)
{
  g_auto(GStrv) ids = NULL;
  gboolean ok;

  g_return_val_if_fail (SCS_IS_RECONFIRM_WINDOW (self), FALSE);

  ids = scs_reconfirm_window_dup_shown (self);
  if (ids[0] == NULL)
    return TRUE;
  ok = scs_migration_reconfirm_many (self->workspace, (const char * const *) ids, error);
  refresh (self);
  return ok;
}

void
scs_reconfirm_window_action (GtkWidget  *window,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScsWorkspace *workspace = scs_window_get_workspace (SCS_WINDOW (window));

  if (workspace == NULL)
    return;
  gtk_window_present (GTK_WINDOW (scs_reconfirm_window_new (GTK_WINDOW (window), workspace)));
}
