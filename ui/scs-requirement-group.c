/* scs-requirement-group.c: one requirement's heading and criterion rows
 *
 * A section of the checklist: the requirement's ID and title with its state
 * derived from its criteria (all met, partly met, not met, unanswered —
 * counted over the criteria up to the workspace's target level, and kept
 * live by following each ScsAnswer), above a boxed list of ScsCriterionRow.
 * ★4-only requirements whose criteria are only in the official IPA workbook
 * get a note saying so instead of rows. Filtering is done here, row by row,
 * against a folded copy of each criterion's ID and Japanese and English text
 * that is made once, so typing in the search entry stays fast; the user's
 * note and reason are folded when first searched and again after they
 * change, evidence names come from the page, which reads them once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-requirement-group.h"

#include <string.h>

#include <glib/gi18n-lib.h>

struct _ScsRequirementGroup
{
  GtkWidget             parent_instance;

  ScsWorkspace         *workspace;
  const ScsRequirement *requirement;
  GtkLabel             *state_label;
  GtkWidget            *list;       /* NULL when the criteria are not known */
  GPtrArray            *rows;       /* of ScsCriterionRow*, owned by the list */
  GPtrArray            *haystacks;  /* folded text, parallel to rows */
  GPtrArray            *user_text;  /* folded note and reason, parallel to
                                     * rows; NULL until searched or changed */
};

G_DEFINE_FINAL_TYPE (ScsRequirementGroup, scs_requirement_group, GTK_TYPE_WIDGET)

char *
scs_requirement_group_fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (nfkc ? nfkc : "", -1);
}

static guint
target_level (ScsRequirementGroup *self)
{
  return scs_workspace_get_target_level (self->workspace);
}

void
scs_requirement_group_update_state (ScsRequirementGroup *self)
{
  static const char *classes[] = { "success", "warning", "error", "dim-label" };
  guint n = 0, satisfied = 0, unanswered = 0;
  guint kind;

  g_return_if_fail (SCS_IS_REQUIREMENT_GROUP (self));

  if (self->list == NULL)
    {
      gtk_label_set_text (self->state_label, _("Needs the official workbook"));
      kind = 3;
    }
  else
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          ScsAnswer *answer = scs_criterion_row_get_answer (self->rows->pdata[i]);

          if (scs_answer_get_criterion (answer)->level > target_level (self))
            continue;
          n++;
          if (scs_answer_is_satisfied (answer))
            satisfied++;
          else if (scs_answer_get_state (answer) == SCS_ANSWER_UNANSWERED)
            unanswered++;
        }

      if (n > 0 && satisfied == n)
        kind = 0, gtk_label_set_text (self->state_label, _("All met"));
      else if (unanswered == n)
        kind = 3, gtk_label_set_text (self->state_label, _("Unanswered"));
      else if (satisfied > 0)
        kind = 1, gtk_label_set_text (self->state_label, _("Partly met"));
      else
        kind = 2, gtk_label_set_text (self->state_label, _("Not met"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == kind)
        gtk_widget_add_css_class (GTK_WIDGET (self->state_label), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), classes[i]);
    }
}

static gboolean
state_passes (ScsAnswerState     state,
              ScsChecklistFilter filter)
{
  switch (filter)
    {
    case SCS_CHECKLIST_FILTER_UNANSWERED:
      return state == SCS_ANSWER_UNANSWERED;
    case SCS_CHECKLIST_FILTER_MET:
      return state == SCS_ANSWER_MET;
    case SCS_CHECKLIST_FILTER_NOT_MET:
      return state == SCS_ANSWER_NOT_MET;
    case SCS_CHECKLIST_FILTER_NOT_APPLICABLE:
      return state == SCS_ANSWER_NOT_APPLICABLE;
    case SCS_CHECKLIST_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* The user's own words and files: the note and reason folded when first
 * searched, and again after they changed (on_user_text_notify). */
static gboolean
user_text_matches (ScsRequirementGroup *self,
                   guint                index,
                   const char          *search,
                   GHashTable          *evidence_names)
{
  ScsAnswer *answer = scs_criterion_row_get_answer (self->rows->pdata[index]);
  const char *names;

  names = evidence_names ? g_hash_table_lookup (evidence_names, scs_answer_get_criterion_id (answer)) : NULL;
  if (names != NULL && strstr (names, search) != NULL)
    return TRUE;
  if (self->user_text->pdata[index] == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", scs_answer_get_note (answer) ? scs_answer_get_note (answer) : "",
                                           scs_answer_get_reason (answer) ? scs_answer_get_reason (answer) : "",
                                           NULL);

      self->user_text->pdata[index] = scs_requirement_group_fold (joined);
    }
  return strstr (self->user_text->pdata[index], search) != NULL;
}

static void
on_user_text_notify (ScsRequirementGroup *self,
                     GParamSpec          *pspec,
                     ScsAnswer           *answer)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (scs_criterion_row_get_answer (self->rows->pdata[i]) == answer)
      g_clear_pointer (&self->user_text->pdata[i], g_free);
}

gboolean
scs_requirement_group_refilter (ScsRequirementGroup *self,
                                guint                level,
                                ScsChecklistFilter   filter,
                                const char          *search,
                                GHashTable          *evidence_names,
                                GPtrArray           *visible)
{
  gboolean shown = FALSE;

  g_return_val_if_fail (SCS_IS_REQUIREMENT_GROUP (self), FALSE);

  if (self->list == NULL)
    /* Criteria unknown: only when aiming at ★4 and nothing narrows the view. */
    shown = search == NULL && filter == SCS_CHECKLIST_FILTER_ALL && level >= self->requirement->level;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      ScsAnswer *answer = scs_criterion_row_get_answer (SCS_CRITERION_ROW (row));
      gboolean passes = scs_answer_get_criterion (answer)->level <= level &&
                        state_passes (scs_answer_get_state (answer), filter) &&
                        (search == NULL || strstr (self->haystacks->pdata[i], search) != NULL ||
                         user_text_matches (self, i, search, evidence_names));

      gtk_widget_set_visible (row, passes);
      if (passes)
        {
          if (visible != NULL)
            g_ptr_array_add (visible, row);
          shown = TRUE;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  return shown;
}

static void
build (ScsRequirementGroup *self)
{
  const ScsRequirement *requirement = self->requirement;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *id_label = gtk_label_new (requirement->id);
  GtkWidget *title = gtk_label_new (scs_requirement_get_title (requirement));

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (id_label, "heading");
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_widget_add_css_class (id_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "requirement-state");
  gtk_box_append (GTK_BOX (header), id_label);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->state_label));
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  if (!requirement->criteria_known)
    {
      GtkWidget *note = gtk_label_new (_("The criteria of this ★4 requirement are published only in "
                                         "the official IPA workbook. Import the workbook to answer them."));

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "workbook-note");
      gtk_widget_set_parent (note, GTK_WIDGET (self));
      return;
    }

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));

  for (guint i = 0; i < requirement->criteria->len; i++)
    {
      const ScsCriterion *criterion = requirement->criteria->pdata[i];
      ScsAnswer *answer = scs_workspace_lookup_answer (self->workspace, criterion->id);
      g_autofree char *joined = NULL;
      GtkWidget *row;

      if (answer == NULL)
        continue;

      row = scs_criterion_row_new (self->workspace, answer);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      g_ptr_array_add (self->rows, row);
      joined = g_strjoin ("\n", criterion->id,
                          criterion->text_ja ? criterion->text_ja : "",
                          criterion->text_en ? criterion->text_en : "", NULL);
      g_ptr_array_add (self->haystacks, scs_requirement_group_fold (joined));
      g_ptr_array_add (self->user_text, NULL);

      g_signal_connect_object (answer, "notify::state", G_CALLBACK (scs_requirement_group_update_state),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (answer, "notify::reason", G_CALLBACK (scs_requirement_group_update_state),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (answer, "notify::note", G_CALLBACK (on_user_text_notify),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (answer, "notify::reason", G_CALLBACK (on_user_text_notify),
                               self, G_CONNECT_SWAPPED);
    }
}

/* Off screen, a group draws nothing: the cairo renderer draws every node
 * it is given, clipped or not, and a checklist of 153 rows with their
 * evidence lists made each frame that changed the page cost the whole
 * page's drawing (bench-gui-latency). Only groups within a quarter of a
 * screen of the scrolled window's view draw; the page redraws the groups
 * when the view scrolls or its content changes size
 * (scs_requirement_group_queue_draw_all). */
static gboolean
in_view (ScsRequirementGroup *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;
  int height;

  if (viewport == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), viewport, &bounds))
    return TRUE;
  height = gtk_widget_get_height (viewport);
  return bounds.origin.y + bounds.size.height >= -height / 4.0 &&
         bounds.origin.y <= height + height / 4.0;
}

static void
scs_requirement_group_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  if (in_view (SCS_REQUIREMENT_GROUP (widget)))
    GTK_WIDGET_CLASS (scs_requirement_group_parent_class)->snapshot (widget, snapshot);
}

static void
scs_requirement_group_dispose (GObject *object)
{
  ScsRequirementGroup *self = SCS_REQUIREMENT_GROUP (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->list = NULL;
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (scs_requirement_group_parent_class)->dispose (object);
}

static void
scs_requirement_group_finalize (GObject *object)
{
  ScsRequirementGroup *self = SCS_REQUIREMENT_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->haystacks, g_ptr_array_unref);
  g_clear_pointer (&self->user_text, g_ptr_array_unref);

  G_OBJECT_CLASS (scs_requirement_group_parent_class)->finalize (object);
}

static void
scs_requirement_group_class_init (ScsRequirementGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_requirement_group_dispose;
  object_class->finalize = scs_requirement_group_finalize;
  widget_class->snapshot = scs_requirement_group_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "requirement");
}

static void
scs_requirement_group_init (ScsRequirementGroup *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 10);
  self->rows = g_ptr_array_new ();
  self->haystacks = g_ptr_array_new_with_free_func (g_free);
  self->user_text = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
scs_requirement_group_new (ScsWorkspace         *workspace,
                           const ScsRequirement *requirement)
{
  ScsRequirementGroup *self;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (requirement != NULL, NULL);

  self = g_object_new (SCS_TYPE_REQUIREMENT_GROUP, NULL);
  self->workspace = g_object_ref (workspace);
  self->requirement = requirement;
  build (self);
  scs_requirement_group_update_state (self);
  return GTK_WIDGET (self);
}

const ScsRequirement *
scs_requirement_group_get_requirement (ScsRequirementGroup *self)
{
  g_return_val_if_fail (SCS_IS_REQUIREMENT_GROUP (self), NULL);

  return self->requirement;
}

GPtrArray *
scs_requirement_group_get_rows (ScsRequirementGroup *self)
{
  g_return_val_if_fail (SCS_IS_REQUIREMENT_GROUP (self), NULL);

  return self->rows;
}
