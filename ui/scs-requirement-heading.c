/* scs-requirement-heading.c: a heading line of the checklist
 *
 * In the checklist's flat list of items, a requirement's heading comes
 * before its criteria: the requirement's ID and title with its state
 * derived from its criteria (the item counts them over the workspace's
 * target level and follows each answer). ★4-only requirements whose
 * criteria are only in the official IPA workbook get a note saying so
 * instead of criteria. In search results, a category's title comes before
 * its requirements; the same widget shows it, so the list view reuses one
 * kind of heading for both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-requirement-heading.h"

#include <glib/gi18n-lib.h>

struct _ScsRequirementHeading
{
  GtkWidget         parent_instance;

  ScsChecklistItem *item;
  gulong            changed_id;
  GtkWidget        *category_label;
  GtkWidget        *header;
  GtkLabel         *id_label;
  GtkLabel         *title_label;
  GtkLabel         *state_label;
  GtkWidget        *workbook_note;
};

G_DEFINE_FINAL_TYPE (ScsRequirementHeading, scs_requirement_heading, GTK_TYPE_WIDGET)

static void
update_state (ScsRequirementHeading *self)
{
  static const char *classes[] = { "success", "warning", "error", "dim-label" };
  const char *label;
  guint kind = 3;

  if (self->item == NULL || scs_checklist_item_get_kind (self->item) != SCS_CHECKLIST_ITEM_REQUIREMENT)
    return;

  label = scs_checklist_item_get_state_label (self->item, &kind);
  gtk_label_set_text (self->state_label, label ? label : "");
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == kind)
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), classes[i]);
    }
}

void
scs_requirement_heading_set_item (ScsRequirementHeading *self,
                                  ScsChecklistItem      *item)
{
  gboolean is_category;
  const ScsRequirement *requirement;

  g_return_if_fail (SCS_IS_REQUIREMENT_HEADING (self));

  if (self->item == item)
    return;
  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->item);
      g_clear_object (&self->item);
    }
  if (item == NULL)
    return;

  self->item = g_object_ref (item);
  is_category = scs_checklist_item_get_kind (item) == SCS_CHECKLIST_ITEM_CATEGORY;
  gtk_widget_set_visible (self->category_label, is_category);
  gtk_widget_set_visible (self->header, !is_category);
  if (is_category)
    {
      gtk_label_set_text (GTK_LABEL (self->category_label), scs_checklist_item_get_title (item));
      gtk_widget_set_visible (self->workbook_note, FALSE);
      return;
    }

  requirement = scs_checklist_item_get_requirement (item);
  gtk_label_set_text (self->id_label, requirement->id);
  gtk_label_set_text (self->title_label, scs_requirement_get_title (requirement));
  gtk_widget_set_visible (self->workbook_note, !requirement->criteria_known);
  self->changed_id = g_signal_connect_object (item, "changed", G_CALLBACK (update_state),
                                              self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
scs_requirement_heading_dispose (GObject *object)
{
  ScsRequirementHeading *self = SCS_REQUIREMENT_HEADING (object);
  GtkWidget *child;

  scs_requirement_heading_set_item (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (scs_requirement_heading_parent_class)->dispose (object);
}

static void
scs_requirement_heading_class_init (ScsRequirementHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_requirement_heading_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "requirement");
}

static void
scs_requirement_heading_init (ScsRequirementHeading *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 10);

  self->category_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->category_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->category_label), TRUE);
  gtk_widget_add_css_class (self->category_label, "title-4");
  gtk_widget_set_parent (self->category_label, GTK_WIDGET (self));

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  self->id_label = GTK_LABEL (gtk_label_new (NULL));
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->id_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->id_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->id_label), "numeric");
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "requirement-state");
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->id_label));
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->state_label));
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->workbook_note = gtk_label_new (_("The criteria of this ★4 requirement are published only in "
                                         "the official IPA workbook. Import the workbook to answer them."));
  gtk_label_set_wrap (GTK_LABEL (self->workbook_note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->workbook_note), 0);
  gtk_widget_add_css_class (self->workbook_note, "dim-label");
  gtk_widget_add_css_class (self->workbook_note, "workbook-note");
  gtk_widget_set_parent (self->workbook_note, GTK_WIDGET (self));
}

GtkWidget *
scs_requirement_heading_new (void)
{
  return g_object_new (SCS_TYPE_REQUIREMENT_HEADING, NULL);
}
