/* scs-review-entry.c: one line of the review page's lists, and its row
 *
 * The review page's lists (what waits, the redline, the comment threads)
 * are GListModels of ScsReviewEntry bound to boxed lists
 * (gtk_list_box_bind_model): each entry is drawn by a row whose .ui
 * (scs-review-row.ui) binds its title and subtitle to the entry; its
 * buttons (a link, Accept / Reject of a proposal) are made with the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-review-entry.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "scs-list-store.h"

/* Entry ------------------------------------------------------------------ */

struct _ScsReviewEntry
{
  GObject   parent_instance;

  char     *title;
  char     *subtitle;
  gint64    proposal_id;
  gboolean  decidable;
  char     *link_tooltip;
  char     *link_action;
  GVariant *link_target;
  gboolean  link_activates;
  char     *icon_name;
  char     *name;
};

G_DEFINE_FINAL_TYPE (ScsReviewEntry, scs_review_entry, G_TYPE_OBJECT)

enum
{
  ENTRY_PROP_0,
  ENTRY_PROP_TITLE,
  ENTRY_PROP_SUBTITLE,
  ENTRY_N_PROPS
};

static GParamSpec *entry_properties[ENTRY_N_PROPS];

static void
scs_review_entry_finalize (GObject *object)
{
  ScsReviewEntry *self = SCS_REVIEW_ENTRY (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->link_tooltip);
  g_free (self->link_action);
  g_clear_pointer (&self->link_target, g_variant_unref);
  g_free (self->icon_name);
  g_free (self->name);

  G_OBJECT_CLASS (scs_review_entry_parent_class)->finalize (object);
}

static void
scs_review_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScsReviewEntry *self = SCS_REVIEW_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ENTRY_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_review_entry_class_init (ScsReviewEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_review_entry_finalize;
  object_class->get_property = scs_review_entry_get_property;

  entry_properties[ENTRY_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
scs_review_entry_init (ScsReviewEntry *self)
{
}

/**
 * scs_review_entry_new:
 * @title_markup: what the line says, as Pango markup
 * @subtitle_markup: (nullable): below it (who, when, where), as Pango markup
 */
ScsReviewEntry *
scs_review_entry_new (const char *title_markup,
                      const char *subtitle_markup)
{
  ScsReviewEntry *self = g_object_new (SCS_TYPE_REVIEW_ENTRY, NULL);

  self->title = g_strdup (title_markup ? title_markup : "");
  self->subtitle = g_strdup (subtitle_markup ? subtitle_markup : "");
  return self;
}

ScsReviewEntry *
scs_review_entry_new_text (const char *title,
                           const char *subtitle)
{
  g_autofree char *title_markup = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

  return scs_review_entry_new (title_markup, subtitle_markup);
}

void
scs_review_entry_set_proposal (ScsReviewEntry *self,
                               gint64          proposal_id,
                               gboolean        decidable)
{
  g_return_if_fail (SCS_IS_REVIEW_ENTRY (self));
  g_return_if_fail (proposal_id > 0);

  self->proposal_id = proposal_id;
  self->decidable = decidable;
}

void
scs_review_entry_set_link (ScsReviewEntry *self,
                           const char     *tooltip,
                           const char     *action_name,
                           GVariant       *target,
                           gboolean        activates)
{
  g_return_if_fail (SCS_IS_REVIEW_ENTRY (self));
  g_return_if_fail (action_name != NULL);

  g_free (self->link_tooltip);
  self->link_tooltip = g_strdup (tooltip);
  g_free (self->link_action);
  self->link_action = g_strdup (action_name);
  g_clear_pointer (&self->link_target, g_variant_unref);
  self->link_target = target != NULL ? g_variant_ref_sink (target) : NULL;
  self->link_activates = activates;
}

void
scs_review_entry_set_icon (ScsReviewEntry *self,
                           const char     *icon_name)
{
  g_return_if_fail (SCS_IS_REVIEW_ENTRY (self));

  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
}

void
scs_review_entry_set_name (ScsReviewEntry *self,
                           const char     *name)
{
  g_return_if_fail (SCS_IS_REVIEW_ENTRY (self));

  g_free (self->name);
  self->name = g_strdup (name);
}

static gboolean
variant_equal0 (GVariant *a,
                GVariant *b)
{
  return a == NULL ? b == NULL : b != NULL && g_variant_equal (a, b);
}

static gboolean
entry_equal (gconstpointer entry_a,
             gconstpointer entry_b)
{
  const ScsReviewEntry *a = entry_a, *b = entry_b;

  return g_str_equal (a->title, b->title) && g_str_equal (a->subtitle, b->subtitle) &&
         a->proposal_id == b->proposal_id && a->decidable == b->decidable &&
         g_strcmp0 (a->link_tooltip, b->link_tooltip) == 0 &&
         g_strcmp0 (a->link_action, b->link_action) == 0 &&
         variant_equal0 (a->link_target, b->link_target) && a->link_activates == b->link_activates &&
         g_strcmp0 (a->icon_name, b->icon_name) == 0 && g_strcmp0 (a->name, b->name) == 0;
}

/**
 * scs_review_entries_update:
 * @store: a GListStore of ScsReviewEntry
 * @entries: (element-type ScsReviewEntry): what it is to hold now
 *
 * Replaces only what changed (scs_list_store_update ()): a refresh after
 * one action rebuilds one row, not the list.
 */
void
scs_review_entries_update (GListStore *store,
                           GPtrArray  *entries)
{
  scs_list_store_update (store, entries, entry_equal);
}

/* Row -------------------------------------------------------------------- */

/* What the .ui does not bind, made with the row (rows without buttons or
 * icon have no prefix or suffix box): the buttons' targets are GVariants. */
static void
add_extras (AdwActionRow   *row,
            ScsReviewEntry *entry)
{
  if (entry->icon_name != NULL)
    adw_action_row_add_prefix (row, gtk_image_new_from_icon_name (entry->icon_name));
  if (entry->link_action != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, entry->link_tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), entry->link_action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), entry->link_target);
      adw_action_row_add_suffix (row, button);
      if (entry->link_activates)
        adw_action_row_set_activatable_widget (row, button);
    }
  if (entry->decidable)
    {
      GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept"));
      GtkWidget *reject = gtk_button_new_with_mnemonic (_("_Reject"));

      gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (reject, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (accept, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "review.accept");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "x", entry->proposal_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (reject), "review.reject");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (reject), "(xs)", entry->proposal_id, "");
      adw_action_row_add_suffix (row, reject);
      adw_action_row_add_suffix (row, accept);
    }
  if (entry->name != NULL)
    gtk_widget_set_name (GTK_WIDGET (row), entry->name);
}

/* The row is built from scs-review-row.ui with the entry as the builder's
 * current object: its bindings watch the entry, not the row itself (GTK
 * 4.8 cannot unwatch a binding whose source is its own target when that
 * is finalized). */
GtkWidget *
scs_review_row_create (gpointer item,
                       gpointer user_data)
{
  ScsReviewEntry *entry = SCS_REVIEW_ENTRY (item);
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  gtk_builder_set_current_object (builder, G_OBJECT (entry));
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-review-row.ui", &error))
    g_error ("scs-review-row.ui: %s", error->message);  /* a resource of ours */
  row = g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
  add_extras (ADW_ACTION_ROW (row), entry);
  return row;
}
