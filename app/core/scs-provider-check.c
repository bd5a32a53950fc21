/* scs-provider-check.c: every inconsistency of a provider dossier
 *
 * Apart from scs-provider.c because it judges the pledge by its signature
 * (scs-signature.h), while the signature, the package and the report
 * include scs-provider.h to render the dossier: one module doing both
 * would include the signing modules in a circle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-provider-check.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-date.h"
#include "scs-db.h"
#include "scs-portfolio.h"
#include "scs-provider-private.h"
#include "scs-renewal.h"
#include "scs-scope.h"
#include "scs-signature-check.h"
#include "scs-signature.h"
#include "scs-workspace-private.h"

/* ---- check ------------------------------------------------------------------- */

void
scs_provider_finding_free (ScsProviderFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->code);
  g_free (finding->message);
  g_free (finding);
}

G_GNUC_PRINTF (3, 4)
static void
add_finding (GPtrArray  *findings,
             const char *code,
             const char *format,
             ...)
{
  ScsProviderFinding *finding = g_new0 (ScsProviderFinding, 1);
  va_list args;

  va_start (args, format);
  finding->code = g_strdup (code);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, finding);
}

/* Expired (days < 0) or within @warn_days; FALSE otherwise. */
static int
days_until (const char  *date_text,
            const GDate *today)
{
  g_autoptr(GDate) date = scs_date_parse_iso (date_text);

  if (date == NULL)
    return G_MININT;
  return g_date_days_between (today, date);
}

static void
check_department_in_scope (GPtrArray    *findings,
                           ScsWorkspace *star4,
                           const char   *department)
{
  g_autoptr(GError) error = NULL;
  ScsScope *scope = scs_scope_get (star4, &error);
  GListModel *items;

  if (scope == NULL || !scs_scope_is_described (scope) || scs_scope_get_unit (scope) == SCS_SCOPE_UNIT_NONE)
    {
      add_finding (findings, "department-outside-star4",
                   _("The ★4 workspace describes no scope: the service department ‘%s’ is not shown to be inside it"),
                   department);
      return;
    }
  /* A division or site: the department must be one of the covered lines. */
  if (scs_scope_get_unit (scope) == SCS_SCOPE_UNIT_DIVISION)
    {
      g_auto(GStrv) lines = g_strsplit (scs_scope_get_entities (scope), "\n", -1);
      gboolean found = FALSE;

      for (guint i = 0; lines[i] != NULL && !found; i++)
        found = g_str_equal (g_strstrip (lines[i]), department);
      if (!found)
        {
          add_finding (findings, "department-outside-star4",
                       _("The service department ‘%s’ is not among the divisions or sites the ★4 scope covers"),
                       department);
          return;
        }
    }
  /* Whatever the unit: a network of the department left out of scope. */
  items = scs_scope_get_items (scope, SCS_SCOPE_KIND_NETWORK);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (items, i);

      if (scs_scope_item_get_status (item) != SCS_SCOPE_STATUS_IN &&
          (strstr (scs_scope_item_get_name (item), department) != NULL ||
           strstr (scs_scope_item_get_field (item, "location"), department) != NULL))
        add_finding (findings, "department-outside-star4",
                     _("The ★4 scope leaves out ‘%s’ (%s), a network of the service department ‘%s’"),
                     scs_scope_item_get_name (item), scs_scope_status_label (scs_scope_item_get_status (item)),
                     department);
    }
}

static void
check_star4 (GPtrArray        *findings,
             ScsWorkspace     *workspace,
             ScsValidity      *validity,
             const GDate      *today,
             guint             warn_days,
             ScsProviderStar4 *link)
{
  g_autoptr(ScsWorkspace) star4 = NULL;
  g_autoptr(ScsOrganization) theirs = NULL;
  g_autoptr(ScsPortfolioEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  const char *status;
  int days;

  star4 = scs_workspace_open (link->path, &error);
  if (star4 == NULL)
    {
      add_finding (findings, "star4-unreadable", _("The ★4 workspace ‘%s’ cannot be opened: %s"),
                   link->path, error->message);
      return;
    }
  theirs = scs_workspace_dup_organization (star4);
  if (g_strcmp0 (theirs->corporate_number, link->corporate_number) != 0 ||
      g_strcmp0 (scs_workspace_get_created (star4), link->created) != 0)
    {
      add_finding (findings, "star4-identity",
                   _("‘%s’ is no longer the ★4 workspace that was linked (another file, or another "
                     "organisation): link it again"), link->path);
      return;
    }
  check_department_in_scope (findings, star4, link->department);
  g_clear_object (&star4);

  entry = scs_portfolio_entry_read (link->path, validity, today, NULL);
  if (scs_portfolio_entry_get_error (entry) != NULL)
    {
      add_finding (findings, "star4-unreadable", _("The ★4 workspace ‘%s’ cannot be read: %s"),
                   link->path, scs_portfolio_entry_get_error (entry));
      return;
    }
  if (scs_portfolio_entry_get_obtained_level (entry) < 4 || scs_portfolio_entry_get_expiry (entry) == NULL)
    {
      add_finding (findings, "star4-not-certified",
                   _("The ★4 workspace ‘%s’ records no ★4 certification"), link->path);
      return;
    }
  status = scs_portfolio_entry_get_registry_status (entry);
  if (status != NULL && !g_str_equal (status, "valid"))
    add_finding (findings, "star4-expired", _("The ★4 certification is %s in the registry"),
                 g_str_equal (status, "suspended") ? _("suspended") : _("withdrawn"));
  days = days_until (scs_portfolio_entry_get_expiry (entry), today);
  if (days < 0)
    add_finding (findings, "star4-expired", _("The ★4 certification expired on %s"),
                 scs_portfolio_entry_get_expiry (entry));
  else if ((guint) days <= warn_days)
    add_finding (findings, "star4-expiring", _("The ★4 certification expires on %s, in %d days"),
                 scs_portfolio_entry_get_expiry (entry), days);
}

static void
check_isms (GPtrArray        *findings,
            ScsWorkspace     *workspace,
            const GDate      *today,
            guint             warn_days,
            ScsProviderStar4 *link)
{
  g_autoptr(ScsProviderIsms) isms = scs_provider_get_isms (workspace, NULL);
  g_autofree char *marked = NULL;
  ScsAnswer *answer;
  int days;

  if (isms == NULL)
    {
      add_finding (findings, "isms-missing", _("No ISMS certificate is recorded"));
      return;
    }
  days = days_until (isms->expires, today);
  if (days < 0)
    add_finding (findings, "isms-expired", _("The ISMS certificate %s expired on %s"), isms->number, isms->expires);
  else if ((guint) days <= warn_days)
    add_finding (findings, "isms-expiring", _("The ISMS certificate %s expires on %s, in %d days"),
                 isms->number, isms->expires, days);
  marked = scs_provider_isms_dup_marked (isms);
  if (marked == NULL)
    add_finding (findings, "isms-scope-unmarked",
                 _("The part of the ISMS scope text that covers the service department is not marked"));
  else if (link != NULL && strstr (marked, link->department) == NULL)
    add_finding (findings, "department-not-in-isms",
                 _("The marked part of the ISMS scope (‘%s’) does not name the service department ‘%s’"),
                 marked, link->department);
  answer = scs_workspace_lookup_answer (workspace, SCS_PROVIDER_ITEM_ISMS);
  if (answer != NULL && scs_answer_get_n_evidence (answer) < 2)
    add_finding (findings, "isms-evidence-missing",
                 _("The dossier item “%s” needs the ISMS scope statement and the statement of applicability "
                   "as evidence"), scs_requirement_get_title (scs_answer_get_criterion (answer)->requirement));
}

GPtrArray *
scs_provider_check (ScsWorkspace  *workspace,
                    const GDate   *today,
                    guint          warn_days,
                    GError       **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_provider_finding_free);
  g_autoptr(ScsProviderStar4) link = NULL;
  g_autoptr(ScsValidity) validity = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) subcontracts = NULL;
  g_autoptr(GPtrArray) tools = NULL;
  g_autoptr(GPtrArray) stores = NULL;
  g_autoptr(GDate) local_today = NULL;
  g_autoptr(GString) open = g_string_new (NULL);
  g_autoptr(ScsSignatureCheck) pledge = NULL;
  g_autofree char *expiry = NULL;
  GListModel *answers;
  gboolean covered[SCS_PROVIDER_N_CATEGORIES] = { FALSE };

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!scs_provider_check_type (workspace, error))
    return NULL;
  if (today == NULL)
    today = local_today = scs_date_today (SCS_DATE_ZONE_LOCAL);
  validity = scs_provider_load_validity ();
  if (warn_days == 0)
    warn_days = scs_validity_get_warn_days (validity, 4);

  /* The dossier's items. */
  answers = scs_workspace_get_answers (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      /* by the item's title: a reader never needs the IDs */
      if (!scs_answer_is_satisfied (answer))
        g_string_append_printf (open, "%s%s", open->len > 0 ? _(", ") : "",
                                scs_requirement_get_title (scs_answer_get_criterion (answer)->requirement));
    }
  if (open->len > 0)
    add_finding (findings, "items-not-done", _("Dossier items not done: %s"), open->str);

  /* ★4 */
  link = scs_provider_get_star4 (workspace, error);
  if (link == NULL && error != NULL && *error != NULL)
    return NULL;
  if (link == NULL)
    add_finding (findings, "star4-not-linked", _("No ★4 workspace is linked"));
  else
    check_star4 (findings, workspace, validity, today, warn_days, link);

  check_isms (findings, workspace, today, warn_days, link);

  /* The provider certification, once granted. */
  if (scs_provider_get_certification (workspace, NULL, NULL, &expiry, NULL))
    {
      int days = days_until (expiry, today);

      if (days < 0)
        add_finding (findings, "certification-expired", _("The provider certification expired on %s"), expiry);
      else if ((guint) days <= warn_days)
        add_finding (findings, "certification-expiring",
                     _("The provider certification expires on %s, in %d days"), expiry, days);
    }

  /* Services and subcontracting. */
  services = scs_provider_list_services (workspace, error);
  subcontracts = services != NULL ? scs_provider_list_subcontracts (workspace, error) : NULL;
  tools = subcontracts != NULL ? scs_provider_list_rows (workspace, SCS_PROVIDER_REGISTER_TOOLS, error) : NULL;
  stores = tools != NULL ? scs_provider_list_rows (workspace, SCS_PROVIDER_REGISTER_STORES, error) : NULL;
  if (stores == NULL)
    return NULL;
  if (services->len == 0)
    add_finding (findings, "no-services", _("No service is listed"));
  for (guint i = 0; i < subcontracts->len; i++)
    {
      ScsProviderSubcontract *subcontract = subcontracts->pdata[i];

      covered[subcontract->category] = TRUE;
      if (subcontract->redelegation)
        add_finding (findings, "redelegation",
                     _("%s: re-delegation is declared, but it is prohibited"),
                     scs_provider_category_get_label (subcontract->category));
    }
  for (guint i = 0; i < services->len; i++)
    {
      ScsProviderService *service = services->pdata[i];

      if (!covered[service->category])
        {
          covered[service->category] = TRUE;
          add_finding (findings, "subcontract-missing", _("%s: no subcontracting declaration"),
                       scs_provider_category_get_label (service->category));
        }
    }

  /* Registers. */
  if (tools->len == 0)
    add_finding (findings, "tool-register-empty", _("The tool register is empty"));
  if (stores->len == 0)
    add_finding (findings, "store-register-empty", _("The data-store register is empty"));
  for (guint i = 0; i < services->len; i++)
    {
      ScsProviderService *service = services->pdata[i];
      gboolean found = FALSE;

      for (guint j = 0; j < stores->len && !found; j++)
        found = g_str_equal (((ScsProviderRow *) stores->pdata[j])->values[0], service->name);
      if (!found)
        add_finding (findings, "service-without-store",
                     _("The data-store register has no row for the service ‘%s’"), service->name);
    }

  /* The pledge: management's declaration, signed, over this dossier. */
  pledge = scs_signature_check (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT, NULL, NULL);
  if (pledge == NULL || !pledge->has_cms || !pledge->signature_valid || !pledge->content_matches)
    add_finding (findings, "pledge-unsigned", _("The disclosure pledge is not signed by the representative"));

  return g_steal_pointer (&findings);
}

