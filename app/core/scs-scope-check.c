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
#include <string.h>

#include "scs-date.h"
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

/* Reasons that say nothing ("なし", "N/A", "例外", "-"): an exception needs
 * a reason the expert or the evaluation body can judge. */
static gboolean
reason_is_specific (const char *reason)
{
  static const char * const empty_words[] = {
    "なし", "無し", "特になし", "対象外", "例外", "除外", "不要", "不明", "未定", "その他", "ー",
    "-", "--", "n/a", "na", "none", "tbd", "todo", "exception", "excluded", "other", "x", NULL,
  };
  g_autofree char *nfkc = g_utf8_normalize (reason != NULL ? reason : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *lower = g_utf8_strdown (nfkc != NULL ? nfkc : "", -1);
  GString *compact = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        g_string_append_unichar (compact, c);
    }
  text = g_string_free (compact, FALSE);
  if (g_utf8_strlen (text, -1) < 4)
    return FALSE;
  return !g_strv_contains (empty_words, text);
}

static gboolean
mentions_dmz (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text != NULL ? text : "", -1);

  return strstr (lower, "dmz") != NULL || strstr (lower, "非武装") != NULL;
}

/* A server in the DMZ: its zone says so, or names a network whose name or
 * purpose does. */
static gboolean
in_dmz (ScsScope     *scope,
        ScsScopeItem *item)
{
  const char *zone = scs_scope_item_get_value (item, SCS_SCOPE_FIELD_ZONE);
  GListModel *networks;

  if (scs_text_is_blank (zone))
    return FALSE;
  if (mentions_dmz (zone))
    return TRUE;
  networks = scs_scope_get_items (scope, SCS_SCOPE_KIND_NETWORK);
  for (guint i = 0; i < g_list_model_get_n_items (networks); i++)
    {
      g_autoptr(ScsScopeItem) network = g_list_model_get_item (networks, i);

      if (g_str_equal (scs_scope_item_get_name (network), zone) &&
          (mentions_dmz (scs_scope_item_get_name (network)) ||
           mentions_dmz (scs_scope_item_get_value (network, SCS_SCOPE_FIELD_PURPOSE))))
        return TRUE;
    }
  return FALSE;
}

static void
check_item (ScsScope     *scope,
            ScsScopeItem *item,
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

  if (kind == SCS_SCOPE_KIND_SERVER && status != SCS_SCOPE_STATUS_IN && in_dmz (scope, item))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "internet-facing-out-of-scope", id,
         g_strdup_printf (_("The server ‘%s’ is in the DMZ (internet-facing) and must be in scope"), name));

  if (kind == SCS_SCOPE_KIND_BOUNDARY && status != SCS_SCOPE_STATUS_IN)
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "boundary-out-of-scope", id,
         g_strdup_printf (_("The boundary device ‘%s’ (firewall, UTM, router or VPN gateway at the "
                            "internet or another organisation) must be in scope"), name));

  if (status == SCS_SCOPE_STATUS_EXCEPTION && scs_text_is_blank (scs_scope_item_get_reason (item)))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "exception-without-reason", id,
         g_strdup_printf (_("The exception ‘%s’ has no written reason"), name));
  else if (status == SCS_SCOPE_STATUS_EXCEPTION && !reason_is_specific (scs_scope_item_get_reason (item)))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "exception-reason-not-specific", id,
         g_strdup_printf (_("The reason for the exception ‘%s’ (“%s”) is not specific: say why it cannot "
                            "meet the requirements (e.g. software past end of support) and until when"),
                          name, scs_scope_item_get_reason (item)));

  if (status == SCS_SCOPE_STATUS_EXCLUDED && scs_text_is_blank (scs_scope_item_get_reason (item)))
    add (findings, SCS_SCOPE_SEVERITY_WARNING, "exclusion-without-reason", id,
         g_strdup_printf (_("The exclusion ‘%s’ has no written reason"), name));

  /* Whether or not "connected" is ticked: anything on the company's network
   * left outside the scope needs its separation recorded (a system that is
   * truly stand-alone says so there). Cloud services have their own rule. */
  if (status != SCS_SCOPE_STATUS_IN && kind != SCS_SCOPE_KIND_CLOUD &&
      scs_text_is_blank (scs_scope_item_get_separation (item)))
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "connected-without-separation", id,
         g_strdup_printf (_("‘%s’ is declared outside the scope without a technical separation "
                            "(VLAN, firewall rule, one-way gateway, or “not connected”)"), name));

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

  if (scs_scope_item_get_review (item) == SCS_SCOPE_REVIEW_QUESTIONED)
    add (findings, SCS_SCOPE_SEVERITY_ERROR, "reason-questioned", id,
         g_strdup_printf (_("The expert questioned the reason for ‘%s’: %s"),
                          name, scs_scope_item_get_review_comment (item)));

  if (scs_scope_item_is_tv_target (item))
    {
      const char *date = scs_scope_item_get_value (item, SCS_SCOPE_FIELD_VULN_TEST);
      const char *evidence = scs_scope_item_get_value (item, SCS_SCOPE_FIELD_VULN_EVIDENCE);
      ScsScopeSeverity severity = level >= 4 ? SCS_SCOPE_SEVERITY_ERROR : SCS_SCOPE_SEVERITY_WARNING;
      int age = scs_text_is_blank (date) ? G_MININT : scs_date_days_since (date);

      if (scs_text_is_blank (date))
        add (findings, severity, "verification-target-untested", id,
             g_strdup_printf (_("‘%s’ is a technical-verification target (internet-facing firewall, UTM, "
                                "router, VPN or web server) with no vulnerability test recorded"), name));
      else if (age < 0)
        add (findings, SCS_SCOPE_SEVERITY_ERROR, "verification-test-in-future", id,
             g_strdup_printf (_("The vulnerability test of ‘%s’ is dated %s, in the future"), name, date));
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

      check_item (self, item, level, findings);
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

/**
 * scs_scope_check_ready:
 * @workspace: the workspace about to be signed or exported
 *
 * The scope precondition of signing and of the final export: a ★4
 * assessment needs a described scope; a described scope (★3 or ★4) needs
 * its rule check to pass, with no reason left questioned by the expert.
 *
 * Returns: %TRUE when the scope does not stand in the way; %FALSE with
 *   #SCS_SCOPE_ERROR_NOT_READY naming the first error otherwise
 */
gboolean
scs_scope_check_ready (ScsWorkspace  *workspace,
                       GError       **error)
{
  ScsScope *scope;
  g_autoptr(GPtrArray) findings = NULL;
  guint n_errors;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  scope = scs_scope_get (workspace, error);
  if (scope == NULL)
    return FALSE;
  if (!scs_scope_is_described (scope))
    {
      if (scs_workspace_get_target_level (workspace) < 4)
        return TRUE;
      g_set_error_literal (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_READY,
                           _("A ★4 assessment needs a described scope: describe what is in and out of "
                             "scope, and why, before signing"));
      return FALSE;
    }

  findings = scs_scope_check (scope);
  n_errors = scs_scope_count_errors (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      ScsScopeFinding *finding = findings->pdata[i];

      if (finding->severity != SCS_SCOPE_SEVERITY_ERROR)
        continue;
      g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_NOT_READY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The scope check has %u error: %s",
                                "The scope check has %u errors, the first: %s",
                                n_errors),
                   n_errors, finding->message);
      return FALSE;
    }
  return TRUE;
}
