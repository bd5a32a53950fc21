/* scs-comment-thread.c: a review thread: comments, proposals, a new comment
 *
 * The thread is a GListModel of ScsListLine bound to a boxed list, a row
 * each (scs-list-line.c). The review page fills the model from the
 * review; what the user writes comes back as "post".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-comment-thread.h"

#include "scs-list-line.h"

/* Thread ----------------------------------------------------------------- */

struct _ScsCommentThread
{
  GtkWidget   parent_instance;

  GListStore *entries;
  char       *placeholder_text;
  char       *button_label;

  GtkListBox *list;
  GtkEntry   *entry;
};

G_DEFINE_FINAL_TYPE (ScsCommentThread, scs_comment_thread, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  PROP_BUTTON_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  POST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_post (ScsCommentThread *self)
{
  g_signal_emit (self, signals[POST], 0, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

/* A thread without entries (not even "no comments yet") is no thread yet:
 * its list is hidden and nothing can be written to it. */
static void
on_items_changed (ScsCommentThread *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->list), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), any);
}

static gboolean
scs_comment_thread_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SCS_COMMENT_THREAD (widget)->entry));
}

static void
scs_comment_thread_dispose (GObject *object)
{
  ScsCommentThread *self = SCS_COMMENT_THREAD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_COMMENT_THREAD);
  /* and the children the template does not name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (scs_comment_thread_parent_class)->dispose (object);
}

static void
scs_comment_thread_finalize (GObject *object)
{
  ScsCommentThread *self = SCS_COMMENT_THREAD (object);

  g_free (self->placeholder_text);
  g_free (self->button_label);

  G_OBJECT_CLASS (scs_comment_thread_parent_class)->finalize (object);
}

static void
scs_comment_thread_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScsCommentThread *self = SCS_COMMENT_THREAD (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, self->placeholder_text);
      break;
    case PROP_BUTTON_LABEL:
      g_value_set_string (value, self->button_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_comment_thread_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScsCommentThread *self = SCS_COMMENT_THREAD (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      if (g_strcmp0 (self->placeholder_text, g_value_get_string (value)) != 0)
        {
          g_free (self->placeholder_text);
          self->placeholder_text = g_value_dup_string (value);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          self->placeholder_text, -1);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BUTTON_LABEL:
      if (g_strcmp0 (self->button_label, g_value_get_string (value)) != 0)
        {
          g_free (self->button_label);
          self->button_label = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_comment_thread_class_init (ScsCommentThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_comment_thread_dispose;
  object_class->finalize = scs_comment_thread_finalize;
  object_class->get_property = scs_comment_thread_get_property;
  object_class->set_property = scs_comment_thread_set_property;
  widget_class->grab_focus = scs_comment_thread_grab_focus;

  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUTTON_LABEL] =
    g_param_spec_string ("button-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[POST] =
    g_signal_new ("post", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/scsworkbench/Workbench/scs-comment-thread.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsCommentThread, list);
  gtk_widget_class_bind_template_child (widget_class, ScsCommentThread, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_post);
}

static void
scs_comment_thread_init (ScsCommentThread *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (SCS_TYPE_LIST_LINE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->entries), scs_list_line_row_create, NULL, NULL);
  g_signal_connect_object (self->entries, "items-changed", G_CALLBACK (on_items_changed),
                           self, G_CONNECT_SWAPPED);
  on_items_changed (self);
}

void
scs_comment_thread_set_entries (ScsCommentThread *self,
                                GPtrArray        *entries)
{
  g_return_if_fail (SCS_IS_COMMENT_THREAD (self));
  g_return_if_fail (entries != NULL);

  scs_list_lines_update (self->entries, entries);
}

void
scs_comment_thread_clear (ScsCommentThread *self)
{
  g_return_if_fail (SCS_IS_COMMENT_THREAD (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}
