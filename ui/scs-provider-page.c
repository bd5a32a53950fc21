/* scs-provider-page.c: the service-provider dossier page
 *
 * A read-only overview of a provider workspace: the check's findings (each
 * in words, never its code), the ★4 and ISMS with their dates, every
 * dossier item with its status, the services with their subcontracting
 * declarations, and the two registers. The items themselves are answered on
 * the checklist pages (the dossier is a catalog); the rest is entered with
 * `scs-cli provider …` for now. Read again whenever the page is shown or an
 * answer changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-provider-page.h"

#include <glib/gi18n-lib.h>

#include "scs-provider.h"
#include "scs-provider-check.h"
#include "scs-list-line.h"

/* The page's lists, each a GListStore of ScsListLine bound to its
 * boxed list. */
enum
{
  LIST_FINDINGS,
  LIST_CERTIFICATIONS,
  LIST_ITEMS,
  LIST_SERVICES,
  LIST_TOOLS,
  LIST_STORES,
  N_LISTS
};

struct _ScsProviderPage
{
  GtkWidget     parent_instance;

  GtkWidget    *page;
  GtkListBox   *findings;
  GtkListBox   *certifications;
  GtkListBox   *items;
  GtkListBox   *services;
  GtkListBox   *tools;
  GtkListBox   *stores;

  ScsWorkspace *workspace;
  GListStore   *lists[N_LISTS];
};

G_DEFINE_FINAL_TYPE (ScsProviderPage, scs_provider_page, GTK_TYPE_WIDGET)

static void
add_row (GPtrArray  *lines,
         const char *title,
         const char *subtitle,
         const char *icon)
{
  ScsListLine *line = scs_list_line_new (title != NULL ? title : "—", subtitle);

  if (icon != NULL)
    scs_list_line_set_icon (line, icon, NULL, NULL);
  g_ptr_array_add (lines, line);
}

static const char *
yes_no (const char *word)
{
  return g_strcmp0 (word, "yes") == 0 ? _("Yes") : _("No");
}

static void
fill_findings (ScsProviderPage *self,
               GPtrArray       *lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = scs_provider_check (self->workspace, NULL, 0, &error);

  if (findings == NULL)
    {
      add_row (lines, error->message, NULL, "dialog-error-symbolic");
      return;
    }
  if (findings->len == 0)
    add_row (lines, _("The dossier is consistent."), _("Checked against our provisional criteria."),
             "emblem-ok-symbolic");
  for (guint i = 0; i < findings->len; i++)
    add_row (lines, ((ScsProviderFinding *) findings->pdata[i])->message, NULL,
             "dialog-warning-symbolic");
}

static void
fill_certifications (ScsProviderPage *self,
                     GPtrArray       *lines)
{
  g_autoptr(ScsProviderStar4) star4 = scs_provider_get_star4 (self->workspace, NULL);
  g_autoptr(ScsProviderIsms) isms = scs_provider_get_isms (self->workspace, NULL);
  g_autofree char *number = NULL;
  g_autofree char *expiry = NULL;

  if (star4 != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("SCS ★4 — service department: %s"), star4->department);
      g_autofree char *subtitle = g_strdup_printf (_("Valid until %s · %s"),
                                                   star4->expiry != NULL ? star4->expiry : "—", star4->path);

      add_row (lines, title, subtitle, NULL);
    }
  else
    add_row (lines, _("SCS ★4"), _("No ★4 workspace is linked"), NULL);
  if (isms != NULL)
    {
      g_autofree char *marked = scs_provider_isms_dup_marked (isms);
      g_autofree char *title = g_strdup_printf (_("ISMS %s (%s)"), isms->number, isms->body);
      g_autofree char *subtitle = g_strdup_printf (_("Valid until %s · covering the department: %s"),
                                                   isms->expires, marked != NULL ? marked : _("not marked"));

      add_row (lines, title, subtitle, NULL);
    }
  else
    add_row (lines, _("ISMS"), _("No ISMS certificate is recorded"), NULL);
  if (scs_provider_get_certification (self->workspace, &number, NULL, &expiry, NULL))
    {
      g_autofree char *title = g_strdup_printf (_("Provider certification %s"), number);
      g_autofree char *subtitle = g_strdup_printf (_("Valid until %s"), expiry);

      add_row (lines, title, subtitle, NULL);
    }
}

static void
fill_items (ScsProviderPage *self,
            GPtrArray       *lines)
{
  GListModel *answers = scs_workspace_get_answers (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const ScsCriterion *criterion = scs_answer_get_criterion (answer);
      const char *reason = scs_answer_get_reason (answer);
      g_autofree char *subtitle = NULL;

      if (scs_answer_get_state (answer) == SCS_ANSWER_NOT_APPLICABLE && reason != NULL && *reason != '\0')
        subtitle = g_strdup_printf ("%s — %s", scs_answer_state_get_label (scs_answer_get_state (answer)), reason);
      else
        subtitle = g_strdup (scs_answer_state_get_label (scs_answer_get_state (answer)));
      add_row (lines, scs_requirement_get_title (criterion->requirement), subtitle,
               scs_answer_is_satisfied (answer) ? "emblem-ok-symbolic" : NULL);
    }
}

static void
fill_services (ScsProviderPage *self,
               GPtrArray       *lines)
{
  g_autoptr(GPtrArray) services = scs_provider_list_services (self->workspace, NULL);
  g_autoptr(GPtrArray) subcontracts = scs_provider_list_subcontracts (self->workspace, NULL);

  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      ScsProviderService *service = services->pdata[i];

      add_row (lines, service->name, scs_provider_category_get_label (service->category), NULL);
    }
  for (guint i = 0; subcontracts != NULL && i < subcontracts->len; i++)
    {
      ScsProviderSubcontract *subcontract = subcontracts->pdata[i];
      g_autofree char *subtitle = g_strdup_printf (_("Contracting out: %s · Re-delegation: %s"),
                                                   subcontract->contracting_out ? _("Yes") : _("No"),
                                                   subcontract->redelegation ? _("Yes") : _("No"));

      add_row (lines, scs_provider_category_get_label (subcontract->category), subtitle, NULL);
    }
  if (lines->len == 0)
    add_row (lines, _("No service is listed"), NULL, NULL);
}

static void
fill_register (ScsProviderPage     *self,
               GPtrArray           *lines,
               ScsProviderRegister  which)
{
  g_autoptr(GPtrArray) rows = scs_provider_list_rows (self->workspace, which, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      ScsProviderRow *row = rows->pdata[i];
      g_autofree char *subtitle = NULL;

      if (which == SCS_PROVIDER_REGISTER_TOOLS)
        subtitle = g_strdup_printf (_("%s · data stored: %s · operation logs: %s · external communication: %s"),
                                    row->values[1], row->values[2], yes_no (row->values[3]),
                                    yes_no (row->values[4]));
      else
        subtitle = g_strdup_printf (_("%s · stored in: %s · %s · handled by: %s"),
                                    row->values[1], row->values[2], row->values[3], row->values[4]);
      add_row (lines, row->values[0], subtitle, NULL);
    }
  if (rows == NULL || rows->len == 0)
    add_row (lines, _("No rows yet"), NULL, NULL);
}

/* Reads the dossier again and runs the check; only the rows that changed
 * are made again. */
static void
refresh (ScsProviderPage *self)
{
  GPtrArray *lines[N_LISTS];
  gboolean provider = self->workspace != NULL &&
                      scs_workspace_get_workspace_type (self->workspace) == SCS_WORKSPACE_TYPE_PROVIDER;

  for (guint i = 0; i < N_LISTS; i++)
    lines[i] = g_ptr_array_new_with_free_func (g_object_unref);
  if (provider)
    {
      fill_findings (self, lines[LIST_FINDINGS]);
      fill_certifications (self, lines[LIST_CERTIFICATIONS]);
      fill_items (self, lines[LIST_ITEMS]);
      fill_services (self, lines[LIST_SERVICES]);
      fill_register (self, lines[LIST_TOOLS], SCS_PROVIDER_REGISTER_TOOLS);
      fill_register (self, lines[LIST_STORES], SCS_PROVIDER_REGISTER_STORES);
    }
  for (guint i = 0; i < N_LISTS; i++)
    {
      scs_list_lines_update (self->lists[i], lines[i]);
      g_ptr_array_unref (lines[i]);
    }
}

static void
on_answer_changed (ScsProviderPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

void
scs_provider_page_set_workspace (ScsProviderPage *self,
                                 ScsWorkspace    *workspace)
{
  g_return_if_fail (SCS_IS_PROVIDER_PAGE (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "answer-changed", G_CALLBACK (on_answer_changed), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
}

GtkWidget *
scs_provider_page_new (void)
{
  return g_object_new (SCS_TYPE_PROVIDER_PAGE, NULL);
}

static void
scs_provider_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scs_provider_page_parent_class)->map (widget);
  /* what other programs (scs-cli provider …) changed meanwhile */
  refresh (SCS_PROVIDER_PAGE (widget));
}

static void
scs_provider_page_dispose (GObject *object)
{
  ScsProviderPage *self = SCS_PROVIDER_PAGE (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_object (&self->lists[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_PROVIDER_PAGE);

  G_OBJECT_CLASS (scs_provider_page_parent_class)->dispose (object);
}

static void
scs_provider_page_class_init (ScsProviderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scs_provider_page_dispose;
  widget_class->map = scs_provider_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/scsworkbench/Workbench/scs-provider-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsProviderPage, page);
  gtk_widget_class_bind_template_child (widget_class, ScsProviderPage, findings);
  gtk_widget_class_bind_template_child (widget_class, ScsProviderPage, certifications);
  gtk_widget_class_bind_template_child (widget_class, ScsProviderPage, items);
  gtk_widget_class_bind_template_child (widget_class, ScsProviderPage, services);
  gtk_widget_class_bind_template_child (widget_class, ScsProviderPage, tools);
  gtk_widget_class_bind_template_child (widget_class, ScsProviderPage, stores);
}

static void
scs_provider_page_init (ScsProviderPage *self)
{
  GtkListBox *boxes[N_LISTS];

  gtk_widget_init_template (GTK_WIDGET (self));
  boxes[LIST_FINDINGS] = self->findings;
  boxes[LIST_CERTIFICATIONS] = self->certifications;
  boxes[LIST_ITEMS] = self->items;
  boxes[LIST_SERVICES] = self->services;
  boxes[LIST_TOOLS] = self->tools;
  boxes[LIST_STORES] = self->stores;
  for (guint i = 0; i < N_LISTS; i++)
    {
      self->lists[i] = g_list_store_new (SCS_TYPE_LIST_LINE);
      gtk_list_box_bind_model (boxes[i], G_LIST_MODEL (self->lists[i]), scs_list_line_row_create, NULL, NULL);
    }
}
