/* scs-scope-check.c: the scope rules of the scheme, as findings
 *
 * REFERENCE.md "Scope" says what a declared scope must hold: internet-facing
 * servers are always in scope, an exception needs a written reason, anything
 * connected but declared outside needs its technical separation recorded,
 * shared-responsibility services need the split and how the provider was
 * checked, boundary devices need someone responsible, and ★4 technical
 * verification targets (internet-facing VPN gateways, routers, remote
 * access) need a recent vulnerability test or its evidence. Each rule here
 * gives a finding with a stable rule ID (for scripts and tests) and a
 * translated message naming the item; the GUI shows them live and
 * `scs-cli scope check` exits 1 while an error remains.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "scs-scope-private.h"
#include "scs-text.h"

/* A vulnerability test counts as recent for this many days. */
#define VULN_TEST_MAX_AGE_DAYS 365

void
scs_scope_finding_free (ScsScopeFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->message);
  g_free (finding);
}

static void
add (GPtrArray        *findings,
     ScsScopeSeverity  severity,
     const char       *rule,
     gint64            item,
     char             *message)
{
  ScsScopeFinding *finding = g_new0 (ScsScopeFinding, 1);

  finding->severity = severity;
  finding->rule = g_strdup (rule);
  finding->item = item;
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

/* Days from @date (YYYY-MM-DD) to today, or -1 when unparsable. */
static int
age_in_days (const char *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate then, today;

  g_date_clear (&then, 1);
  g_date_clear (&today, 1);
  {
    int y, m, d;

    if (sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
      return -1;
    g_date_set_dmy (&then, d, m, y);
  }
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return g_date_days_between (&then, &today);
}

static void
check_item (ScsScopeItem *item,
            guint         level,
            GPtrArray    *findings)
{
  gint64 id = scs_scope_item_get_id (item);
  const char *name = scs_scope_item_get_name (item);
  ScsScopeKind kind = scs_scope_item_get_kind (item);
  ScsScopeStatus status = scs_scope_item_get_status (item);

  if (kind == SCS_SCOPE_KIND_INTERNET && status != SCS_SCOPE_STATUS_IN)
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "internet-facing-out-of-scope", id,
         g_strdup_printf (_("The internet-facing system ‘%s’ must be in scope"), name));

  if (status == SCS_SCOPE_STATUS_EXCEPTION && scs_text_is_blank (scs_scope_item_get_reason (item)))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "exception-without-reason", id,
         g_strdup_printf (_("The exception ‘%s’ has no written reason"), name));

  if (status == SCS_SCOPE_STATUS_EXCLUDED && scs_text_is_blank (scs_scope_item_get_reason (item)))
    add (findings, SCS_SCOPE_SEVERITY_WARNING, "exclusion-without-reason", id,
         g_strdup_printf (_("The exclusion ‘%s’ has no written reason"), name));

  if (status != SCS_SCOPE_STATUS_IN && scs_scope_item_get_connected (item) &&
      scs_text_is_blank (scs_scope_item_get_separation (item)))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "connected-without-separation", id,
         g_strdup_printf (_("‘%s’ is connected to the scope but declared outside it without a "
                            "separation measure (VLAN, firewall rule, one-way gateway)"), name));

  if (kind == SCS_SCOPE_KIND_CLOUD && status == SCS_SCOPE_STATUS_IN)
    {
      gboolean no_split = scs_text_is_blank (scs_scope_item_get_value (item, SCS_SCOPE_FIELD_RESPONSIBILITY));
      gboolean no_method = scs_text_is_blank (scs_scope_item_get_value (item, SCS_SCOPE_FIELD_CHECK_METHOD));

      if (no_split || no_method)
        add (findings, SCS_SCOPE_SEVERITY_ERROR, "cloud-without-responsibility-check", id,
             no_split
             ? g_strdup_printf (_("The cloud service ‘%s’ has no shared-responsibility split"), name)
             : g_strdup_printf (_("The cloud service ‘%s’ does not say how the provider’s measures "
                                  "were checked (ISMAP, SOC 2 report, contract …)"), name));
      else if (scs_text_is_blank (scs_scope_item_get_value (item, SCS_SCOPE_FIELD_EVIDENCE)))
        add (findings, SCS_SCOPE_SEVERITY_WARNING, "cloud-check-without-evidence", id,
             g_strdup_printf (_("The provider check of the cloud service ‘%s’ has no evidence file"),
                              name));
    }

  if (kind == SCS_SCOPE_KIND_BOUNDARY && status == SCS_SCOPE_STATUS_IN &&
      scs_text_is_blank (scs_scope_item_get_value (item, SCS_SCOPE_FIELD_ADMINISTRATOR)))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "boundary-without-administrator", id,
         g_strdup_printf (_("The boundary device ‘%s’ has no administrator"), name));

  if (scs_scope_item_is_tv_target (item))
    {
      const char *date = scs_scope_item_get_value (item, SCS_SCOPE_FIELD_VULN_TEST);
      const char *evidence = scs_scope_item_get_value (item, SCS_SCOPE_FIELD_VULN_EVIDENCE);
      ScsScopeSeverity severity = level >= 4 ? SCS_SCOPE_SEVERITY_ERROR : SCS_SCOPE_SEVERITY_WARNING;
      int age = scs_text_is_blank (date) ? -1 : age_in_days (date);

      if (scs_text_is_blank (date))
        add (findings, severity, "verification-target-untested", id,
             g_strdup_printf (_("‘%s’ is a technical-verification target (internet-facing VPN or "
                                "router) with no vulnerability test recorded"), name));
      else if (age > VULN_TEST_MAX_AGE_DAYS)
        add (findings, severity, "verification-target-untested", id,
             g_strdup_printf (_("The last vulnerability test of ‘%s’ (%s) is more than a year old"),
                              name, date));
      else if (scs_text_is_blank (evidence))
        add (findings, severity, "verification-target-untested", id,
             g_strdup_printf (_("The vulnerability test of ‘%s’ (%s) has no evidence file"),
                              name, date));
    }
}

/**
 * scs_scope_check:
 *
 * Returns: (transfer full) (element-type ScsScopeFinding): findings, unit
 *   first, then items in ID order
 */
GPtrArray *
scs_scope_check (ScsScope *self)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_scope_finding_free);
  GListModel *all;
  guint level;

  g_return_val_if_fail (SCS_IS_SCOPE (self), findings);

  level = scs_workspace_get_target_level (scs_scope_get_workspace (self));

  if (scs_scope_get_unit (self) == SCS_SCOPE_UNIT_NONE)
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "unit-not-chosen", 0,
         g_strdup (_("The scope unit (company, group, division or site) is not chosen")));
  if (scs_text_is_blank (scs_scope_get_description (self)))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "unit-description-empty", 0,
         g_strdup (_("The scope unit has no description")));

  all = scs_scope_get_items (self, SCS_SCOPE_N_KINDS);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);

      check_item (item, level, findings);
    }

  return findings;
}

guint
scs_scope_count_errors (GPtrArray *findings)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);

  for (guint i = 0; i < findings->len; i++)
    if (((ScsScopeFinding *) findings->pdata[i])->severity == SCS_SCOPE_SEVERITY_ERROR)
      n++;
  return n;
}
