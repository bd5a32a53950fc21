/* scs-scope-page.c: the scope workspace page (適用範囲)
 *
 * One table per inventory kind (GtkColumnView over the scope's list model,
 * filtered by the search entry and sorted by the clicked column), edited in
 * place: each text cell is a label that turns into an entry (Enter or
 * focus-out commits, Escape cancels) and the status cell a drop-down. Every edit goes through the
 * page's actions to ScsScope, which writes it as one transaction; a refused
 * edit shows its message and puts the cell back. The findings of the scope
 * rules and the diagram (scs_scope_draw) follow every change live, and the
 * diagram can be exported as PNG, SVG or PDF. "Import CSV…" opens the import
 * assistant (scs-scope-import-dialog.c) for the table shown. The tables are
 * built when the page is first mapped (or a caller asks for one), not with
 * the window: the page is hidden at start, and seven column views would
 * delay the first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "scs-list-line.h"
#include "scs-scope-import-dialog.h"
#include "scs-scope-page.h"

struct _ScsScopePage
{
  GtkWidget           parent_instance;

  ScsWorkspace       *workspace;
  ScsScope           *scope;
  gulong              changed_id;
  gboolean            syncing;

  GtkWidget          *paned;
  GtkDropDown        *unit_dropdown;
  GtkEntry           *description_entry;
  GtkEntry           *entities_entry;
  GtkStack           *kind_stack;
  GtkSearchEntry     *search_entry;
  GtkLabel           *error_label;
  GtkListBox         *findings;
  GListStore         *finding_lines; /* of ScsListLine, bound to findings */
  GtkDrawingArea     *diagram;

  gboolean            tables_built;
  ScsScopeKind        shown_kind;   /* the kind to show until they are */
  GtkColumnView      *views[SCS_SCOPE_N_KINDS];
  GtkFilterListModel *filter_models[SCS_SCOPE_N_KINDS];
  GtkSingleSelection *selections[SCS_SCOPE_N_KINDS];
  GtkCustomFilter    *filter;
};

G_DEFINE_FINAL_TYPE (ScsScopePage, scs_scope_page, GTK_TYPE_WIDGET)

static const char * const short_titles[SCS_SCOPE_N_KINDS] = {
  N_("Networks"), N_("Servers"), N_("Endpoints"), N_("Boundary"),
  N_("Internet-facing"), N_("Cloud"), N_("Connections"),
};

/* Columns after the kind's own fields. */
static const char * const extra_columns[] = {
  "status", "reason", "connected", "separation", "review", "review-comment", "criteria"
};

static const char *
extra_label (const char *column)
{
  if (g_str_equal (column, "status"))
    return _("Status");
  if (g_str_equal (column, "reason"))
    return _("Reason (if out of scope)");
  if (g_str_equal (column, "separation"))
    return _("Separation measure");
  if (g_str_equal (column, "connected"))
    return _("Connected");
  if (g_str_equal (column, "review"))
    return _("Expert’s mark");
  if (g_str_equal (column, "review-comment"))
    return _("Expert’s comment");
  return _("Criteria");
}

static const char *
review_label (ScsScopeReview review)
{
  switch (review)
    {
    case SCS_SCOPE_REVIEW_ACCEPTED:
      return _("Accepted");
    case SCS_SCOPE_REVIEW_QUESTIONED:
      return _("Questioned");
    default:
      return _("Not reviewed");
    }
}

/* The text a column shows for @item. */
static char *
cell_text (ScsScopeItem *item,
           const char   *column)
{
  if (g_str_equal (column, "reason"))
    return g_strdup (scs_scope_item_get_reason (item));
  if (g_str_equal (column, "separation"))
    return g_strdup (scs_scope_item_get_separation (item));
  if (g_str_equal (column, "status"))
    return g_strdup (scs_scope_status_label (scs_scope_item_get_status (item)));
  if (g_str_equal (column, "criteria"))
    return g_strjoinv (", ", (char **) scs_scope_item_get_criteria (item));
  if (g_str_equal (column, "connected"))
    return g_strdup (scs_scope_item_get_connected (item) ? _("Connected") : "");
  if (g_str_equal (column, "review"))
    return g_strdup (review_label (scs_scope_item_get_review (item)));
  if (g_str_equal (column, "review-comment"))
    return g_strdup (scs_scope_item_get_review_comment (item));
  return g_strdup (scs_scope_field_value_label (scs_scope_item_get_kind (item), column,
                                                scs_scope_item_get_field (item, column)));
}

static void
set_error (ScsScopePage *self,
           const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

/* The in-place editor of a text cell. GTK 4.8's GtkEditableLabel stops
 * editing from a 100 ms timeout after focus leaves it and keeps no reference
 * to its focus controller; when the column view recycles or drops the row
 * within those 100 ms (which every committed edit does, because the scope
 * replaces the item), the timeout runs on a freed controller ("invalid cast
 * from GtkEventControllerMotion to GtkEventControllerFocus"). This cell is a
 * label and an entry in a stack: Enter or a click starts editing, Enter in
 * the entry commits, Escape cancels, and focus leaving the cell commits from
 * an idle that holds a reference to the cell and is removed on dispose. */
struct _ScsScopeCell
{
  GtkWidget  parent_instance;

  GtkWidget *stack;
  GtkWidget *label;
  GtkWidget *entry;
  char      *text;
  guint      leave_id;
};

enum { CELL_PROP_0, CELL_PROP_EDITING, CELL_N_PROPS };
static GParamSpec *cell_props[CELL_N_PROPS];

G_DEFINE_FINAL_TYPE (ScsScopeCell, scs_scope_cell, GTK_TYPE_WIDGET)

static gboolean
scs_scope_cell_get_editing (ScsScopeCell *self)
{
  return gtk_stack_get_visible_child (GTK_STACK (self->stack)) == self->entry;
}

static const char *
scs_scope_cell_get_text (ScsScopeCell *self)
{
  return self->text;
}

static void
scs_scope_cell_set_text (ScsScopeCell *self,
                         const char   *text)
{
  g_free (self->text);
  self->text = g_strdup (text ? text : "");
  gtk_label_set_text (GTK_LABEL (self->label), self->text);
}

static void
scs_scope_cell_start_editing (ScsScopeCell *self)
{
  if (scs_scope_cell_get_editing (self))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->text);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->entry);
  gtk_widget_grab_focus (self->entry);
  gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
  g_object_notify_by_pspec (G_OBJECT (self), cell_props[CELL_PROP_EDITING]);
}

/* With @commit the entry's text becomes the cell's text; "notify::editing"
 * then lets the page write it. */
static void
scs_scope_cell_stop_editing (ScsScopeCell *self,
                             gboolean      commit)
{
  g_clear_handle_id (&self->leave_id, g_source_remove);
  if (!scs_scope_cell_get_editing (self))
    return;
  if (commit)
    scs_scope_cell_set_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->label);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL &&
      gtk_widget_has_focus (self->entry))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), cell_props[CELL_PROP_EDITING]);
}

static void
cell_start_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  scs_scope_cell_start_editing (SCS_SCOPE_CELL (widget));
}

static void
cell_stop_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  scs_scope_cell_stop_editing (SCS_SCOPE_CELL (widget), g_variant_get_boolean (parameter));
}

static gboolean
cell_leave_idle (gpointer data)
{
  ScsScopeCell *self = data;

  self->leave_id = 0;
  /* Focus may have come back (a click inside the entry). */
  if (scs_scope_cell_get_editing (self) &&
      !gtk_widget_has_focus (self->entry) && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    scs_scope_cell_stop_editing (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
cell_focus_leave (ScsScopeCell *self)
{
  if (scs_scope_cell_get_editing (self) && self->leave_id == 0)
    self->leave_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, cell_leave_idle,
                                      g_object_ref (self), g_object_unref);
}

static void
cell_pressed (GtkGestureClick *gesture,
              int              n_press,
              double           x,
              double           y,
              ScsScopeCell    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  scs_scope_cell_start_editing (self);
}

static gboolean
cell_grab_focus (GtkWidget *widget)
{
  ScsScopeCell *self = SCS_SCOPE_CELL (widget);

  if (scs_scope_cell_get_editing (self))
    return gtk_widget_grab_focus (self->entry);
  return GTK_WIDGET_CLASS (scs_scope_cell_parent_class)->grab_focus (widget);
}

static void
scs_scope_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (prop_id == CELL_PROP_EDITING)
    g_value_set_boolean (value, scs_scope_cell_get_editing (SCS_SCOPE_CELL (object)));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
scs_scope_cell_dispose (GObject *object)
{
  ScsScopeCell *self = SCS_SCOPE_CELL (object);

  g_clear_handle_id (&self->leave_id, g_source_remove);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  self->label = self->entry = NULL;
  G_OBJECT_CLASS (scs_scope_cell_parent_class)->dispose (object);
}

static void
scs_scope_cell_finalize (GObject *object)
{
  g_free (SCS_SCOPE_CELL (object)->text);
  G_OBJECT_CLASS (scs_scope_cell_parent_class)->finalize (object);
}

static void
scs_scope_cell_class_init (ScsScopeCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = scs_scope_cell_get_property;
  object_class->dispose = scs_scope_cell_dispose;
  object_class->finalize = scs_scope_cell_finalize;
  widget_class->grab_focus = cell_grab_focus;

  cell_props[CELL_PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, CELL_N_PROPS, cell_props);

  gtk_widget_class_install_action (widget_class, "editing.start", NULL, cell_start_action);
  gtk_widget_class_install_action (widget_class, "editing.stop", "b", cell_stop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "editing.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "editing.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editing.stop", "b", FALSE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "editablelabel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

static void
scs_scope_cell_init (ScsScopeCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->text = g_strdup ("");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->stack = gtk_stack_new ();
  self->label = gtk_label_new ("");
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->label), 8);
  self->entry = gtk_text_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 8);
  gtk_stack_add_named (GTK_STACK (self->stack), self->label, "label");
  gtk_stack_add_named (GTK_STACK (self->stack), self->entry, "entry");
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->label);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed), self);
  gtk_widget_add_controller (self->label, GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (scs_scope_cell_stop_editing),
                            self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (cell_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

static void
update_label (GtkWidget *widget)
{
  ScsScopeCell *cell = SCS_SCOPE_CELL (widget);
  ScsScopeItem *item = g_object_get_data (G_OBJECT (cell), "item");
  const char *column = g_object_get_data (G_OBJECT (cell), "column");
  g_autofree char *text = NULL;

  if (item == NULL || scs_scope_cell_get_editing (cell))
    return;
  text = cell_text (item, column);
  scs_scope_cell_set_text (cell, text);
}

static void
on_editing_changed (ScsScopeCell *cell)
{
  ScsScopeItem *item = g_object_get_data (G_OBJECT (cell), "item");
  const char *column = g_object_get_data (G_OBJECT (cell), "column");
  g_autofree char *old = NULL;
  g_autofree char *text = NULL;

  if (item == NULL || scs_scope_cell_get_editing (cell))
    return;
  old = cell_text (item, column);
  text = g_strdup (scs_scope_cell_get_text (cell));
  /* The edit replaces the item, which may unbind and drop this cell: keep it
   * alive until it shows what is stored. */
  g_object_ref (cell);
  if (g_strcmp0 (old, text) != 0)
    gtk_widget_activate_action (GTK_WIDGET (cell), "scope.set-field", "(xss)",
                                scs_scope_item_get_id (item), column, text);
  /* Shows what is stored: the new value, or the old one when refused. */
  update_label (GTK_WIDGET (cell));
  g_object_unref (cell);
}

static void
text_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const char               *column)
{
  GtkWidget *cell = g_object_new (SCS_TYPE_SCOPE_CELL, NULL);

  g_object_set_data_full (G_OBJECT (cell), "column", g_strdup (column), g_free);
  g_signal_connect (cell, "notify::editing", G_CALLBACK (on_editing_changed), NULL);
  gtk_list_item_set_child (list_item, cell);
}

/* How a cell shows its item: set up from the item and again on each of its
 * revisions. */
typedef void (*CellUpdateFunc) (GtkWidget *cell);

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CellUpdateFunc            update)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  ScsScopeItem *item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (child), "item", item);
  g_signal_connect_object (item, "notify::revision", G_CALLBACK (update), child, G_CONNECT_SWAPPED);
  update (child);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  ScsScopeItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, child);
  g_object_set_data (G_OBJECT (child), "item", NULL);
  /* A recycled cell must not carry an edit over to another item. */
  if (SCS_IS_SCOPE_CELL (child))
    scs_scope_cell_stop_editing (SCS_SCOPE_CELL (child), FALSE);
}

static void
update_status (GtkWidget *widget)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (widget);
  ScsScopeItem *item = g_object_get_data (G_OBJECT (dropdown), "item");

  if (item == NULL)
    return;
  g_object_set_data (G_OBJECT (dropdown), "syncing", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_selected (dropdown, scs_scope_item_get_status (item));
  g_object_set_data (G_OBJECT (dropdown), "syncing", NULL);
}

static void
on_status_selected (GtkDropDown *dropdown)
{
  ScsScopeItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (item == NULL || g_object_get_data (G_OBJECT (dropdown), "syncing") ||
      selected == GTK_INVALID_LIST_POSITION || selected == scs_scope_item_get_status (item))
    return;
  gtk_widget_activate_action (GTK_WIDGET (dropdown), "scope.set-status", "(xs)",
                              scs_scope_item_get_id (item), scs_scope_status_to_string (selected));
  update_status (GTK_WIDGET (dropdown));
}

static void
status_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  const char *labels[] = {
    scs_scope_status_label (SCS_SCOPE_STATUS_IN),
    scs_scope_status_label (SCS_SCOPE_STATUS_EXCLUDED),
    scs_scope_status_label (SCS_SCOPE_STATUS_EXCEPTION),
    NULL
  };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_status_selected), NULL);
  gtk_list_item_set_child (list_item, dropdown);
}

/* A field with a list of values ("type", "check-method"): a drop-down of
 * their labels, "—" first for not yet said; the code is what is stored. */
static void
update_choice (GtkWidget *widget)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (widget);
  ScsScopeItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  const char *column = g_object_get_data (G_OBJECT (dropdown), "column");
  const ScsScopeChoice *choices;
  const char *value;
  guint selected = 0;

  if (item == NULL)
    return;
  choices = scs_scope_field_choices (scs_scope_item_get_kind (item), column);
  value = scs_scope_item_get_field (item, column);
  for (guint i = 0; choices != NULL && choices[i].code != NULL; i++)
    if (g_str_equal (choices[i].code, value))
      selected = i + 1;
  g_object_set_data (G_OBJECT (dropdown), "syncing", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_selected (dropdown, selected);
  g_object_set_data (G_OBJECT (dropdown), "syncing", NULL);
}

static void
on_choice_selected (GtkDropDown *dropdown)
{
  ScsScopeItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  const char *column = g_object_get_data (G_OBJECT (dropdown), "column");
  guint selected = gtk_drop_down_get_selected (dropdown);
  const ScsScopeChoice *choices;
  const char *code;

  if (item == NULL || g_object_get_data (G_OBJECT (dropdown), "syncing") ||
      selected == GTK_INVALID_LIST_POSITION)
    return;
  choices = scs_scope_field_choices (scs_scope_item_get_kind (item), column);
  code = selected == 0 || choices == NULL ? "" : choices[selected - 1].code;
  if (g_strcmp0 (code, scs_scope_item_get_field (item, column)) != 0)
    gtk_widget_activate_action (GTK_WIDGET (dropdown), "scope.set-field", "(xss)",
                                scs_scope_item_get_id (item), column, code);
  update_choice (GTK_WIDGET (dropdown));
}

typedef struct
{
  ScsScopeKind  kind;
  char         *column;
} ChoiceColumn;

static void
choice_column_free (gpointer data,
                    GClosure *closure)
{
  ChoiceColumn *cc = data;

  g_free (cc->column);
  g_free (cc);
}

static void
choice_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ChoiceColumn             *cc)
{
  const ScsScopeChoice *choices = scs_scope_field_choices (cc->kind, cc->column);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (labels, _("—"));
  for (guint i = 0; choices[i].code != NULL; i++)
    gtk_string_list_append (labels, _(choices[i].label));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  g_object_set_data_full (G_OBJECT (dropdown), "column", g_strdup (cc->column), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(scs_scope_field_lookup (cc->column)->label), -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_choice_selected), NULL);
  gtk_list_item_set_child (list_item, dropdown);
}

/* The "connected" flag: only out-of-scope items can be connected. */
static void
update_connected (GtkWidget *widget)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (widget);
  ScsScopeItem *item = g_object_get_data (G_OBJECT (check), "item");

  if (item == NULL)
    return;
  g_object_set_data (G_OBJECT (check), "syncing", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_active (check, scs_scope_item_get_connected (item));
  gtk_widget_set_sensitive (GTK_WIDGET (check), scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN);
  g_object_set_data (G_OBJECT (check), "syncing", NULL);
}

static void
on_connected_toggled (GtkCheckButton *check)
{
  ScsScopeItem *item = g_object_get_data (G_OBJECT (check), "item");
  gboolean active = gtk_check_button_get_active (check);

  if (item == NULL || g_object_get_data (G_OBJECT (check), "syncing") ||
      active == scs_scope_item_get_connected (item))
    return;
  gtk_widget_activate_action (GTK_WIDGET (check), "scope.set-connected", "(xb)",
                              scs_scope_item_get_id (item), active);
  update_connected (GTK_WIDGET (check));
}

static void
connected_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Connected to the scope’s networks"), -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_connected_toggled), NULL);
  gtk_list_item_set_child (list_item, check);
}

/* The expert's mark on an out-of-scope reason. */
static void
update_review (GtkWidget *widget)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (widget);
  ScsScopeItem *item = g_object_get_data (G_OBJECT (dropdown), "item");

  if (item == NULL)
    return;
  g_object_set_data (G_OBJECT (dropdown), "syncing", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_selected (dropdown, scs_scope_item_get_review (item));
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN);
  g_object_set_data (G_OBJECT (dropdown), "syncing", NULL);
}

static void
on_review_selected (GtkDropDown *dropdown)
{
  ScsScopeItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (item == NULL || g_object_get_data (G_OBJECT (dropdown), "syncing") ||
      selected == GTK_INVALID_LIST_POSITION || selected == scs_scope_item_get_review (item))
    return;
  gtk_widget_activate_action (GTK_WIDGET (dropdown), "scope.set-review", "(xss)",
                              scs_scope_item_get_id (item), scs_scope_review_to_string (selected),
                              scs_scope_item_get_review_comment (item));
  update_review (GTK_WIDGET (dropdown));
}

static void
review_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  const char *labels[] = {
    review_label (SCS_SCOPE_REVIEW_NONE),
    review_label (SCS_SCOPE_REVIEW_ACCEPTED),
    review_label (SCS_SCOPE_REVIEW_QUESTIONED),
    NULL
  };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Expert’s mark"), -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_review_selected), NULL);
  gtk_list_item_set_child (list_item, dropdown);
}

/* For the column sorters: the cell text of an item. */
static char *
sort_key (ScsScopeItem *item,
          const char   *column)
{
  if (g_str_equal (column, "count"))
    return g_strdup_printf ("%010u", scs_scope_item_get_count (item));
  return cell_text (item, column);
}

static GtkColumnViewColumn *
make_column (ScsScopeKind  kind,
             const char   *column,
             const char   *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkExpression *expression;
  g_autoptr(GtkSorter) sorter = NULL;

  if (scs_scope_field_choices (kind, column) != NULL)
    {
      ChoiceColumn *cc = g_new0 (ChoiceColumn, 1);

      cc->kind = kind;
      cc->column = g_strdup (column);
      g_signal_connect_data (factory, "setup", G_CALLBACK (choice_setup), cc, choice_column_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), update_choice);
    }
  else if (g_str_equal (column, "status"))
    {
      g_signal_connect (factory, "setup", G_CALLBACK (status_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), update_status);
    }
  else if (g_str_equal (column, "connected"))
    {
      g_signal_connect (factory, "setup", G_CALLBACK (connected_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), update_connected);
    }
  else if (g_str_equal (column, "review"))
    {
      g_signal_connect (factory, "setup", G_CALLBACK (review_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), update_review);
    }
  else
    {
      g_signal_connect_data (factory, "setup", G_CALLBACK (text_setup), g_strdup (column),
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), update_label);
    }
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), NULL);

  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (g_str_equal (column, "name"))
    gtk_column_view_column_set_expand (col, TRUE);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (sort_key),
                                            g_strdup (column), (GClosureNotify) (void (*) (void)) g_free);
  /* the column takes a reference of its own */
  sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_column_view_column_set_sorter (col, sorter);
  return col;
}

static gboolean
filter_item (gpointer item,
             gpointer data)
{
  ScsScopePage *self = data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  const char * const *fields;

  if (search == NULL || *search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  fields = scs_scope_kind_fields (scs_scope_item_get_kind (item));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *text = cell_text (item, fields[i]);
      g_autofree char *hay = g_utf8_casefold (text, -1);

      if (strstr (hay, needle) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra_columns); i++)
    {
      g_autofree char *text = cell_text (item, extra_columns[i]);
      g_autofree char *hay = g_utf8_casefold (text, -1);

      if (strstr (hay, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
build_tables (ScsScopePage *self)
{
  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    {
      const char * const *fields = scs_scope_kind_fields (k);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
      GtkStackPage *page;

      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_autoptr(GtkColumnViewColumn) col =
            make_column (k, fields[i], _(scs_scope_field_lookup (fields[i])->label));

          gtk_column_view_append_column (view, col);
        }
      for (guint i = 0; i < G_N_ELEMENTS (extra_columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) col = make_column (k, extra_columns[i],
                                                            extra_label (extra_columns[i]));

          gtk_column_view_append_column (view, col);
        }
      gtk_column_view_set_show_column_separators (view, TRUE);
      gtk_column_view_set_reorderable (view, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      scs_scope_kind_label (k), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
      page = gtk_stack_add_titled (self->kind_stack, scroller, scs_scope_kind_to_string (k),
                                   _(short_titles[k]));
      (void) page;
      /* "table-server" …: how tests find the table of a kind */
      {
        g_autofree char *name = g_strconcat ("table-", scs_scope_kind_to_string (k), NULL);

        gtk_widget_set_name (GTK_WIDGET (view), name);
      }
      self->views[k] = view;
    }
}

static void
set_models (ScsScopePage *self)
{
  if (!self->tables_built)
    return;
  for (guint k = 0; k < SCS_SCOPE_N_KINDS; k++)
    {
      GtkFilterListModel *filtered;
      GtkSortListModel *sorted;
      GtkSingleSelection *selection;

      if (self->scope == NULL)
        {
          gtk_column_view_set_model (self->views[k], NULL);
          self->selections[k] = NULL;
          self->filter_models[k] = NULL;
          continue;
        }
      filtered = gtk_filter_list_model_new (g_object_ref (scs_scope_get_items (self->scope, k)),
                                            g_object_ref (GTK_FILTER (self->filter)));
      sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                        g_object_ref (gtk_column_view_get_sorter (self->views[k])));
      selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      gtk_column_view_set_model (self->views[k], GTK_SELECTION_MODEL (selection));
      self->selections[k] = selection;
      self->filter_models[k] = filtered;
      g_object_unref (selection);
    }
}

/* Builds the tables the first time they are needed, with the models of the
 * current scope, showing the kind asked for meanwhile. */
static void
ensure_tables (ScsScopePage *self)
{
  if (self->tables_built)
    return;
  self->tables_built = TRUE;
  build_tables (self);
  set_models (self);
  gtk_stack_set_visible_child_name (self->kind_stack, scs_scope_kind_to_string (self->shown_kind));
}

/* ------------------------------------------------------------------------ */
/* Unit, findings, diagram                                                   */

static void
update_unit (ScsScopePage *self)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *entities = NULL;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->unit_dropdown,
                              self->scope ? scs_scope_get_unit (self->scope) : SCS_SCOPE_UNIT_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         self->scope ? scs_scope_get_description (self->scope) : "");
  lines = g_strsplit (self->scope ? scs_scope_get_entities (self->scope) : "", "\n", -1);
  entities = g_strjoinv ("; ", lines);
  gtk_editable_set_text (GTK_EDITABLE (self->entities_entry), entities);
  self->syncing = FALSE;
}

static void
update_findings (ScsScopePage *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->finding_lines == NULL)  /* disposed */
    return;
  findings = self->scope != NULL ? scs_scope_check (self->scope) : NULL;
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      ScsScopeFinding *finding = findings->pdata[i];
      gboolean error = finding->severity == SCS_SCOPE_SEVERITY_ERROR;
      ScsListLine *line = scs_list_line_new (finding->message, NULL);

      scs_list_line_set_icon (line, error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                              error ? "error" : "warning", error ? _("Error") : _("Warning"));
      /* The rule's code is for scripts (scs-cli scope check --json), not a
       * line for people: a tooltip, for a support call */
      scs_list_line_set_tooltip (line, finding->rule);
      g_ptr_array_add (lines, line);
    }
  if (findings != NULL && findings->len == 0)
    {
      ScsListLine *line = scs_list_line_new (_("The scope passes the checks"), NULL);

      scs_list_line_set_icon (line, "emblem-ok-symbolic", NULL, NULL);
      g_ptr_array_add (lines, line);
    }
  scs_list_lines_update (self->finding_lines, lines);
}

static void
draw_diagram (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  ScsScopePage *self = data;

  if (self->workspace == NULL || !scs_scope_draw (self->workspace, cr, width, height))
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area),
                                                            _("Describe the scope to see its diagram."));
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_move_to (cr, 12, 12);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
}

static void
on_scope_changed (ScsScopePage *self)
{
  update_unit (self);
  update_findings (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->diagram));
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

/* Takes the GError by address: in report_error (self, edit (…, &error), &error)
 * it is read after the edit ran, whatever order the arguments are
 * evaluated in. */
static void
report_error (ScsScopePage  *self,
              gboolean       ok,
              GError       **error)
{
  set_error (self, ok || *error == NULL ? NULL : (*error)->message);
  if (!ok)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *column, *value;
  ScsScopeItem *item;
  gint64 id;
  gboolean ok;

  g_variant_get (parameter, "(x&s&s)", &id, &column, &value);
  if (self->scope == NULL || (item = scs_scope_lookup (self->scope, id)) == NULL)
    return;

  if (g_str_equal (column, "reason"))
    ok = scs_scope_set_status (self->scope, id, scs_scope_item_get_status (item), value, NULL,
                               scs_scope_item_get_connected (item), &error);
  else if (g_str_equal (column, "separation"))
    /* a separation measure is recorded because the item is connected */
    ok = scs_scope_set_status (self->scope, id, scs_scope_item_get_status (item), NULL, value,
                               *value != '\0' || scs_scope_item_get_connected (item), &error);
  else if (g_str_equal (column, "review-comment"))
    {
      g_autoptr(ScsProfile) profile = scs_profile_load_default (NULL);

      ok = scs_scope_set_review (self->scope, profile, id, scs_scope_item_get_review (item), value, &error);
    }
  else
    ok = scs_scope_set_field (self->scope, id, column, value, &error);
  report_error (self, ok, &error);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *status_text;
  ScsScopeStatus status;
  ScsScopeItem *item;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &status_text);
  if (self->scope == NULL || (item = scs_scope_lookup (self->scope, id)) == NULL ||
      !scs_scope_status_from_string (status_text, &status))
    return;
  report_error (self, scs_scope_set_status (self->scope, id, status, NULL, NULL,
                                            scs_scope_item_get_connected (item), &error), &error);
}

static void
set_connected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  ScsScopeItem *item;
  gboolean connected;
  gint64 id;

  g_variant_get (parameter, "(xb)", &id, &connected);
  if (self->scope == NULL || (item = scs_scope_lookup (self->scope, id)) == NULL)
    return;
  report_error (self, scs_scope_set_status (self->scope, id, scs_scope_item_get_status (item), NULL, NULL,
                                            connected, &error), &error);
}

static void
set_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProfile) profile = NULL;
  const char *review_text, *comment;
  ScsScopeReview review;
  gint64 id;

  g_variant_get (parameter, "(x&s&s)", &id, &review_text, &comment);
  if (self->scope == NULL || scs_scope_lookup (self->scope, id) == NULL ||
      !scs_scope_review_from_string (review_text, &review))
    return;
  profile = scs_profile_load_default (NULL);
  report_error (self, scs_scope_set_review (self->scope, profile, id, review, comment, &error), &error);
}

static ScsScopeKind
current_kind (ScsScopePage *self)
{
  ScsScopeKind kind = SCS_SCOPE_KIND_SERVER;

  if (!self->tables_built)
    return self->shown_kind;
  scs_scope_kind_from_string (gtk_stack_get_visible_child_name (self->kind_stack), &kind);
  return kind;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  ScsScopeKind kind = current_kind (self);
  gint64 id;

  if (self->scope == NULL)
    return;
  g_hash_table_insert (fields, "name", (gpointer) _("New item"));
  id = scs_scope_add_item (self->scope, kind, fields, &error);
  report_error (self, id != 0, &error);
  if (id != 0 && self->selections[kind] != NULL)
    {
      GListModel *model = G_LIST_MODEL (self->selections[kind]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(ScsScopeItem) item = g_list_model_get_item (model, i);

          if (scs_scope_item_get_id (item) == id)
            {
              gtk_single_selection_set_selected (self->selections[kind], i);
              break;
            }
        }
    }
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  ScsScopeKind kind = current_kind (self);
  ScsScopeItem *item;

  if (self->scope == NULL || self->selections[kind] == NULL)
    return;
  item = gtk_single_selection_get_selected_item (self->selections[kind]);
  if (item == NULL)
    return;
  report_error (self, scs_scope_remove_item (self->scope, scs_scope_item_get_id (item), &error), &error);
}

static void
on_imported (ScsScopePage *self,
             guint         kind,
             guint         count)
{
  set_error (self, NULL);
  if (kind < SCS_SCOPE_N_KINDS)
    scs_scope_page_show_kind (self, kind);
}

/* The CSV import assistant, for the table shown; it writes only when the
 * user confirms, and the tables follow the scope's models. */
static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  ScsScopeImportDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->scope == NULL)
    return;
  dialog = scs_scope_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->scope, current_kind (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *unit_text, *description, *entities;
  ScsScopeUnitKind unit;

  g_variant_get (parameter, "(&s&s&s)", &unit_text, &description, &entities);
  if (self->scope == NULL || !scs_scope_unit_from_string (unit_text, &unit))
    return;
  report_error (self, scs_scope_set_unit (self->scope, unit, description, entities, &error), &error);
}

static void
commit_unit (ScsScopePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *entities = NULL;

  if (self->syncing || self->scope == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  parts = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->entities_entry)), ";；", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_ptr_array_add (kept, parts[i]);
  g_ptr_array_add (kept, NULL);
  entities = g_strjoinv ("\n", (char **) kept->pdata);
  gtk_widget_activate_action (GTK_WIDGET (self), "scope.set-unit", "(sss)",
                              scs_scope_unit_to_string (selected),
                              gtk_editable_get_text (GTK_EDITABLE (self->description_entry)),
                              entities);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    ScsScopePage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      report_error (self, path != NULL && scs_scope_export_diagram (self->workspace, path, &error), &error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (widget);
  GtkFileChooserNative *dialog;

  if (self->workspace == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Scope Diagram"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "scope.pdf");
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------------ */

static void
scs_scope_page_dispose (GObject *object)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (object);

  scs_scope_page_set_workspace (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_SCOPE_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->finding_lines);

  G_OBJECT_CLASS (scs_scope_page_parent_class)->dispose (object);
}

static void
scs_scope_page_map (GtkWidget *widget)
{
  ensure_tables (SCS_SCOPE_PAGE (widget));
  GTK_WIDGET_CLASS (scs_scope_page_parent_class)->map (widget);
}

static void
scs_scope_page_class_init (ScsScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_scope_page_dispose;
  widget_class->map = scs_scope_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, paned);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, description_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, entities_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, kind_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, findings);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, diagram);

  gtk_widget_class_install_action (widget_class, "scope.set-field", "(xss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "scope.set-status", "(xs)", set_status_action);
  gtk_widget_class_install_action (widget_class, "scope.set-connected", "(xb)", set_connected_action);
  gtk_widget_class_install_action (widget_class, "scope.set-review", "(xss)", set_review_action);
  gtk_widget_class_install_action (widget_class, "scope.set-unit", "(sss)", set_unit_action);
  gtk_widget_class_install_action (widget_class, "scope.add-current", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "scope.remove-selected", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "scope.export-diagram", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "scope.import-csv", NULL, import_csv_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "scope.add-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "scope.remove-selected", NULL);
}

static void
on_search_changed (ScsScopePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
scs_scope_page_init (ScsScopePage *self)
{
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint u = SCS_SCOPE_UNIT_NONE; u <= SCS_SCOPE_UNIT_DIVISION; u++)
    gtk_string_list_append (units, scs_scope_unit_label (u));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (units));

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  gtk_drawing_area_set_draw_func (self->diagram, draw_diagram, self, NULL);
  self->finding_lines = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->findings, G_LIST_MODEL (self->finding_lines), scs_list_line_row_create,
                           NULL, NULL);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (commit_unit), self);
  g_signal_connect_swapped (self->description_entry, "activate", G_CALLBACK (commit_unit), self);
  g_signal_connect_swapped (self->entities_entry, "activate", G_CALLBACK (commit_unit), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_unit), self);
    gtk_widget_add_controller (GTK_WIDGET (self->description_entry), focus);
    focus = gtk_event_controller_focus_new ();
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_unit), self);
    gtk_widget_add_controller (GTK_WIDGET (self->entities_entry), focus);
  }
}

GtkWidget *
scs_scope_page_new (void)
{
  return g_object_new (SCS_TYPE_SCOPE_PAGE, NULL);
}

void
scs_scope_page_set_workspace (ScsScopePage *self,
                              ScsWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SCS_IS_SCOPE_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->scope != NULL)
    g_clear_signal_handler (&self->changed_id, self->scope);
  self->scope = NULL;
  g_clear_object (&self->workspace);

  if (workspace != NULL)
    {
      self->workspace = g_object_ref (workspace);
      self->scope = scs_scope_get (workspace, &error);
      if (self->scope == NULL)
        set_error (self, error->message);
      else
        self->changed_id = g_signal_connect_swapped (self->scope, "changed",
                                                     G_CALLBACK (on_scope_changed), self);
    }
  set_models (self);
  on_scope_changed (self);
}

void
scs_scope_page_show_kind (ScsScopePage *self,
                          ScsScopeKind  kind)
{
  g_return_if_fail (SCS_IS_SCOPE_PAGE (self));
  g_return_if_fail (kind < SCS_SCOPE_N_KINDS);
  self->shown_kind = kind;
  ensure_tables (self);
  gtk_stack_set_visible_child_name (self->kind_stack, scs_scope_kind_to_string (kind));
}
