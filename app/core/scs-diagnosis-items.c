/* scs-diagnosis-items.c: the gap list of a self-declaration (JC-STAR ★1, SECURITY ACTION)
 *
 * A vendor diagnoses a client's self-declaration as it diagnoses an SCS
 * assessment: what is not there yet, and what to do next. The gaps are
 * derived from the type's own records (nothing is stored): for a JC-STAR
 * ★1 product, the product record (support period, disclosure policy and
 * contact), the label's expiry, and per requirement neither met nor waived
 * the items that do not conform or are unanswered, plus any item marked not
 * applicable without a reason (the declaration rests on it); for SECURITY
 * ACTION, at ★1 the pledge items not taken, at ★2 the self-check questions
 * not answered, answered "don't know" (to follow up) or scoring below
 * "done", and the basic policy and where it is published. Each gap carries
 * a next step written in our own words, not IPA's; the texts are msgids
 * translated in po/ja.po (Japanese first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-diagnosis-private.h"

#include <glib/gi18n-lib.h>

#include "scs-date.h"
#include "scs-i18n.h"
#include "scs-items.h"
#include "scs-jcstar.h"
#include "scs-pdf-writer.h"
#include "scs-security-action.h"
#include "scs-text.h"
#include "scs-workspace-private.h"

static const char * const kind_names[SCS_N_ITEM_GAP_KINDS] = {
  "does-not", "unanswered", "na-without-reason", "record", "label-expiry",
  "dont-know", "low-score", "no-policy", "pledge",
};

const char *
scs_item_gap_kind_to_string (ScsItemGapKind kind)
{
  g_return_val_if_fail ((guint) kind < SCS_N_ITEM_GAP_KINDS, "");
  return kind_names[kind];
}

void
scs_item_gap_free (ScsItemGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->key);
  g_free (gap->reference);
  g_free (gap->area);
  g_free (gap->subject);
  g_free (gap->finding);
  g_free (gap->next_step);
  g_free (gap);
}

static void
add_gap (GPtrArray      *gaps,
         ScsItemGapKind  kind,
         const char     *key,
         const char     *reference,
         const char     *area,
         const char     *subject,
         const char     *finding,
         const char     *next_step)
{
  ScsItemGap *gap = g_new0 (ScsItemGap, 1);

  gap->kind = kind;
  gap->key = g_strdup (key);
  gap->reference = g_strdup (reference != NULL ? reference : "");
  gap->area = g_strdup (area);
  gap->subject = g_strdup (subject);
  gap->finding = g_strdup (finding);
  gap->next_step = g_strdup (next_step);
  g_ptr_array_add (gaps, gap);
}

/* What the gaps are derived from, read once from the file. */
typedef struct
{
  GHashTable       *answers;      /* item key → state word */
  GHashTable       *reasons;      /* item key → reason */
  ScsJcProduct     *product;      /* JC-STAR: NULL before it is recorded */
  ScsSaDeclaration *declaration;  /* SECURITY ACTION: NULL when none */
  ScsSaPolicy      *policy;
} ItemFacts;

static void
item_facts_clear (ItemFacts *facts)
{
  g_clear_pointer (&facts->answers, g_hash_table_unref);
  g_clear_pointer (&facts->reasons, g_hash_table_unref);
  g_clear_pointer (&facts->product, scs_jc_product_free);
  g_clear_pointer (&facts->declaration, scs_sa_declaration_free);
  g_clear_pointer (&facts->policy, scs_sa_policy_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemFacts, item_facts_clear)

/* The records of a @type workspace, on @db (the workspace's connection or
 * a reader's). */
static gboolean
read_facts (sqlite3           *db,
            const char        *path,
            ScsWorkspaceType   type,
            ItemFacts         *facts,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  facts->answers = scs_items_read_answers (db, path, type, &facts->reasons, error);
  if (facts->answers == NULL)
    return FALSE;
  if (type == SCS_WORKSPACE_TYPE_JCSTAR1)
    facts->product = scs_jcstar_read_product (db, path, &local_error);
  else
    {
      facts->declaration = scs_security_action_read_declaration (db, path, &local_error);
      if (local_error == NULL)
        facts->policy = scs_security_action_read_policy (db, path, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- JC-STAR ★1 ----------------------------------------------------------- */

/* The support period recorded has ended before @today. */
static gboolean
support_over (const char  *support_end,
              const GDate *today)
{
  g_autoptr(GDate) end = NULL;

  if (scs_text_is_blank (support_end))
    return FALSE;
  end = scs_date_parse_iso (support_end);
  return end != NULL && g_date_compare (end, today) < 0;
}

/* The label expiring on @expires is a gap on @today: expired or within
 * SCS_DIAGNOSIS_LABEL_WARNING_DAYS (*@days: the days left). */
static gboolean
label_due (const char  *expires,
           const GDate *today,
           int         *days)
{
  g_autoptr(GDate) date = expires != NULL ? scs_date_parse_iso (expires) : NULL;

  if (date == NULL)
    return FALSE;
  *days = g_date_days_between (today, date);
  return *days <= SCS_DIAGNOSIS_LABEL_WARNING_DAYS;
}

static void
product_gaps (GPtrArray          *gaps,
              const ScsJcProduct *product,
              const GDate        *today)
{
  const char *area = _("Product record");

  if (product == NULL)
    {
      add_gap (gaps, SCS_ITEM_GAP_RECORD, "product", NULL, area, _("The product"), _("Not recorded"),
               _("Record the product: its name, every model number, the firmware or software versions "
                 "assessed, the end of the support period and the contacts for vulnerability reports."));
      return;
    }
  if (scs_text_is_blank (product->support_end))
    add_gap (gaps, SCS_ITEM_GAP_RECORD, "product:support-end", NULL, area,
             _("End of the security-support period"), _("Not recorded"),
             _("Decide until when the product will receive security updates, record that date and "
               "publish it where buyers can find it before they buy."));
  else if (today != NULL && support_over (product->support_end, today))
    add_gap (gaps, SCS_ITEM_GAP_RECORD, "product:support-end", NULL, area,
             _("End of the security-support period"), _("Already over"),
             _("The support period has ended: extend it and publish the new date, or stop "
               "declaring the product, since it no longer receives security updates."));
  if (scs_text_is_blank (product->vdp_url))
    add_gap (gaps, SCS_ITEM_GAP_RECORD, "product:vdp-url", NULL, area,
             _("Vulnerability-disclosure policy"), _("Not recorded"),
             _("Publish on the web how you receive and handle reports of vulnerabilities, and record "
               "the page’s address."));
  if (scs_text_is_blank (product->vdp_contact))
    add_gap (gaps, SCS_ITEM_GAP_RECORD, "product:vdp-contact", NULL, area,
             _("Where to report vulnerabilities"), _("Not recorded"),
             _("Set up a contact for vulnerability reports (an e-mail address or a web form), make "
               "sure someone answers it, and record it."));
}

static void
label_gap (GPtrArray          *gaps,
           const ScsJcProduct *product,
           const GDate        *today)
{
  g_autofree char *finding = NULL;
  g_autofree char *next_step = NULL;
  int days;

  if (product == NULL || !label_due (product->expires, today, &days))
    return;
  if (days < 0)
    {
      /* Translators: %s is a date */
      finding = g_strdup_printf (_("Expired on %s"), product->expires);
      next_step = g_strdup (_("Stop showing the label on the product and its documents, check the "
                              "product against the current criteria and apply to IPA again."));
    }
  else
    {
      /* Translators: a date, then the days left */
      finding = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires on %s (in %d day)",
                                              "Expires on %s (in %d days)", days),
                                 product->expires, days);
      next_step = g_strdup (_("Check the product again against the current criteria, including any "
                              "firmware updates since the label was issued, and prepare the new "
                              "application before the label lapses."));
    }
  add_gap (gaps, SCS_ITEM_GAP_LABEL_EXPIRY, "label", product->label_number, _("Label"),
           _("Label expiry date"), finding, next_step);
}

static const char *
unanswered_step (const ScsJcRequirement *requirement,
                 const ScsJcItem        *item)
{
  if (g_strcmp0 (item->condition, "network-update") == 0)
    return _("Check whether the product receives updates over the network: if it does, record whether "
             "this item conforms, with evidence; if not, record it as not applicable and say so.");
  if (g_strcmp0 (item->condition, "network-login") == 0)
    return _("Check whether users can log in to the product over the network: if they can, record "
             "whether this item conforms, with evidence; if not, record it as not applicable and say so.");
  if (requirement->any)
    return _("One of this requirement’s items is enough: check whether the product meets this one, and "
             "record the answer with evidence.");
  return _("Check the product against this item and record whether it conforms, with evidence (a "
           "document, a test record or a screenshot).");
}

/* @workspace (NULL: the built-in texts) gives the official wording;
 * @today NULL leaves out the gaps of dates (scs_diagnosis_count_dated_item_gaps ()). */
static void
jcstar_gaps (const ItemFacts *facts,
             ScsWorkspace    *workspace,
             const GDate     *today,
             GPtrArray       *gaps)
{
  product_gaps (gaps, facts->product, today);
  if (today != NULL)
    label_gap (gaps, facts->product, today);

  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    {
      const ScsJcRequirement *r = scs_jcstar_get_requirement (i);
      ScsJcStatus status = scs_jcstar_status_of (r, facts->product, facts->answers);
      gboolean open = status == SCS_JC_STATUS_OPEN || status == SCS_JC_STATUS_NOT_MET;
      const char *area = scs_i18n_pick (r->text_ja, r->text_en);

      if (status == SCS_JC_STATUS_WAIVED)
        continue;
      for (guint k = 0; k < r->n_items; k++)
        {
          const ScsJcItem *item = &r->items[k];
          g_autofree char *official = NULL;
          g_autofree char *key = g_strdup_printf ("%s#%u", r->id, item->number);
          g_autofree char *reference = g_strdup_printf ("%s #%u", r->id, item->number);
          ScsJcAnswer answer = scs_jcstar_answer_of (facts->answers, r->id, item->number);
          const char *reason = g_hash_table_lookup (facts->reasons, key);
          const char *subject;

          if (workspace != NULL)
            official = scs_jcstar_get_official_text (workspace, r->id, item->number);
          subject = official != NULL ? official : scs_i18n_pick (item->text_ja, item->text_en);
          if (answer == SCS_JC_ANSWER_NOT_APPLICABLE && scs_text_is_blank (reason))
            add_gap (gaps, SCS_ITEM_GAP_NO_REASON, key, reference, area, subject,
                     _("Not applicable, without a reason"),
                     _("Write down why the item does not apply to this product (for example: it has no "
                       "network updates). Without a reason, the answer does not support the declaration."));
          else if (open && answer == SCS_JC_ANSWER_DOES_NOT)
            add_gap (gaps, SCS_ITEM_GAP_DOES_NOT, key, reference, area, subject, _("Does not conform"),
                     r->any ? _("Another item of this requirement can meet it instead: make the product meet "
                                "this item or another one, then record it with evidence.")
                            : _("Change the product or its documents so that it conforms, then record the "
                                "item as conforming with evidence; until then the label cannot be declared."));
          else if (open && answer == SCS_JC_ANSWER_NONE)
            add_gap (gaps, SCS_ITEM_GAP_UNANSWERED, key, reference, area, subject, _("Not answered"),
                     unanswered_step (r, item));
        }
    }
}

/* ---- SECURITY ACTION ------------------------------------------------------ */

/* The level aimed at: the one declared, else ★2 once the self-check or the
 * policy has begun, else ★1. */
static guint
sa_level (const ScsSaDeclaration *declaration,
          const ScsSaAnswer       answers[SCS_SECURITY_ACTION_N_QUESTIONS],
          const ScsSaPolicy      *policy)
{
  if (declaration != NULL && (declaration->level == 1 || declaration->level == 2))
    return declaration->level;
  if (policy != NULL)
    return 2;
  for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
    if (answers[i] != SCS_SA_ANSWER_NONE)
      return 2;
  return 1;
}

static void
security_action_gaps (const ItemFacts *facts,
                      GPtrArray       *gaps)
{
  const ScsSaDeclaration *declaration = facts->declaration;
  const ScsSaPolicy *policy = facts->policy;
  g_autofree gboolean *pledged = NULL;
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  guint n_pledge = scs_security_action_get_n_pledge_items ();

  pledged = g_new0 (gboolean, n_pledge);
  scs_security_action_answers_of (facts->answers, answers, pledged);

  if (sa_level (declaration, answers, policy) == 1)
    {
      for (guint n = 1; n <= n_pledge; n++)
        {
          g_autofree char *key = NULL;
          g_autofree char *reference = NULL;

          if (pledged[n - 1])
            continue;
          key = g_strdup_printf ("pledge-%u", n);
          /* Translators: an item of the ★1 pledge, "Item 3" */
          reference = g_strdup_printf (_("Item %u"), n);
          add_gap (gaps, SCS_ITEM_GAP_PLEDGE, key, reference, _("★1 pledge"),
                   scs_security_action_get_pledge_item (n), _("Not pledged"),
                   _("★1 declares that the company will work on all five basic items: take this one "
                     "into the pledge too, and decide who starts on it."));
        }
      return;
    }

  for (guint n = 1; n <= SCS_SECURITY_ACTION_N_QUESTIONS; n++)
    {
      g_autofree char *key = g_strdup_printf ("%u", n);
      /* Translators: a question of the self-check, "No. 7" */
      g_autofree char *reference = g_strdup_printf (_("No. %u"), n);
      const char *area = scs_security_action_get_group_title (scs_security_action_get_question_group (n));
      const char *question = scs_security_action_get_question (n);

      switch (answers[n - 1])
        {
        case SCS_SA_ANSWER_NONE:
          add_gap (gaps, SCS_ITEM_GAP_UNANSWERED, key, reference, area, question, _("Not answered"),
                   _("Answer this question of the self-check: the score and its band only count once "
                     "all 25 are answered."));
          break;
        case SCS_SA_ANSWER_DONT_KNOW:
          add_gap (gaps, SCS_ITEM_GAP_DONT_KNOW, key, reference, area, question,
                   _("Don’t know (−1 point): to follow up"),
                   _("Ask whoever looks after this (IT staff, an outside supplier) how it is done today, "
                     "then answer again: done, partly or not done."));
          break;
        case SCS_SA_ANSWER_PARTLY:
          add_gap (gaps, SCS_ITEM_GAP_LOW_SCORE, key, reference, area, question, _("Partly done (2 of 4 points)"),
                   _("Extend the measure to every person and device it concerns, and write it into the "
                     "company’s rules so that it stays done."));
          break;
        case SCS_SA_ANSWER_NOT_DONE:
          add_gap (gaps, SCS_ITEM_GAP_LOW_SCORE, key, reference, area, question, _("Not done (0 points)"),
                   _("Plan this measure: decide who does it and by when, and start with what costs "
                     "least (a setting, a rule, a short talk to staff)."));
          break;
        case SCS_SA_ANSWER_DONE:
        case SCS_SA_ANSWER_NOT_APPLICABLE:
        default:
          break;
        }
    }
  if (policy == NULL)
    add_gap (gaps, SCS_ITEM_GAP_NO_POLICY, "policy", NULL, _("Basic policy"),
             _("Information-security basic policy"), _("Not written"),
             _("Write the basic policy from the template (the commitment and the five themes), have the "
               "representative adopt it, and publish it: ★2 declares that it is published."));
  else if (declaration != NULL && scs_text_is_blank (declaration->policy_url))
    add_gap (gaps, SCS_ITEM_GAP_RECORD, "declaration:policy-url", NULL, _("Declaration record"),
             _("Address of the published policy"), _("Not recorded"),
             _("Publish the basic policy on the company’s website and record the page’s address with "
               "the declaration."));
}

/* ---- the list, its table and the report ----------------------------------- */

GPtrArray *
scs_item_gaps_list (ScsWorkspace  *workspace,
                    const char    *today,
                    GError       **error)
{
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_item_gap_free);
  g_autoptr(GDate) date = scs_date_parse_iso (today);
  g_auto(ItemFacts) facts = { 0 };
  ScsWorkspaceType type = scs_workspace_get_workspace_type (workspace);

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (scs_workspace_type_is_item_based (type), NULL);

  if (!read_facts (workspace->db, workspace->path, type, &facts, error))
    return NULL;
  if (type == SCS_WORKSPACE_TYPE_JCSTAR1)
    jcstar_gaps (&facts, workspace, date, gaps);
  else
    security_action_gaps (&facts, gaps);
  return g_steal_pointer (&gaps);
}

gboolean
scs_diagnosis_read_item_gap_summary (sqlite3           *db,
                                     const char        *path,
                                     ScsWorkspaceType   type,
                                     guint             *n_gaps,
                                     char             **support_end,
                                     char             **label_expires,
                                     GError           **error)
{
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_item_gap_free);
  g_auto(ItemFacts) facts = { 0 };

  g_return_val_if_fail (scs_workspace_type_is_item_based (type), FALSE);

  *n_gaps = 0;
  *support_end = *label_expires = NULL;
  /* A file of a version before the shared answer table lists no gaps
   * until the app has opened (migrated) it. */
  if (!scs_db_has_table (db, "item_answer"))
    return TRUE;
  if (!read_facts (db, path, type, &facts, error))
    return FALSE;
  /* The list without the gaps of dates: a few dozen at most, next to the
   * cost of opening the file. */
  if (type == SCS_WORKSPACE_TYPE_JCSTAR1)
    {
      jcstar_gaps (&facts, NULL, NULL, gaps);
      if (facts.product != NULL)
        {
          *support_end = g_strdup (facts.product->support_end);
          *label_expires = g_strdup (facts.product->expires);
        }
    }
  else
    security_action_gaps (&facts, gaps);
  *n_gaps = gaps->len;
  return TRUE;
}

guint
scs_diagnosis_count_dated_item_gaps (const char  *support_end,
                                     const char  *label_expires,
                                     const GDate *today)
{
  int days;

  g_return_val_if_fail (today != NULL, 0);

  return (support_over (support_end, today) ? 1 : 0) + (label_due (label_expires, today, &days) ? 1 : 0);
}

/* The header in the user's language. */
static const char * const item_gap_header[SCS_N_ITEM_GAP_COLUMNS] = {
  NC_("gap column", "No."), NC_("gap column", "Where"), NC_("gap column", "Item"),
  NC_("gap column", "Finding"), NC_("gap column", "Suggested next step"),
};

const double scs_item_gap_widths[SCS_N_ITEM_GAP_COLUMNS] = { 12, 36, 50, 22, 60 };
const gboolean scs_item_gap_wrap[SCS_N_ITEM_GAP_COLUMNS] = { 0, 1, 1, 1, 1 };

GPtrArray *
scs_item_gaps_table (GPtrArray *gaps)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[SCS_N_ITEM_GAP_COLUMNS + 1] = { NULL, };

  for (guint c = 0; c < SCS_N_ITEM_GAP_COLUMNS; c++)
    header[c] = g_dpgettext2 (GETTEXT_PACKAGE, "gap column", item_gap_header[c]);
  g_ptr_array_add (rows, g_strdupv ((char **) header));
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsItemGap *gap = g_ptr_array_index (gaps, i);
      const char *row[SCS_N_ITEM_GAP_COLUMNS + 1] = {
        gap->reference, gap->area, gap->subject, gap->finding, gap->next_step, NULL,
      };

      g_ptr_array_add (rows, g_strdupv ((char **) row));
    }
  return rows;
}

GBytes *
scs_item_gaps_report (ScsWorkspace  *workspace,
                      GPtrArray     *gaps,
                      const char    *today,
                      GError       **error)
{
  g_autoptr(ScsPdfWriter) writer = NULL;
  g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);
  g_autofree char *n_gaps = g_strdup_printf ("%u", gaps->len);
  g_autofree char *score_text = NULL;
  g_autoptr(ScsJcProduct) product = NULL;
  ScsWorkspaceType type = scs_workspace_get_workspace_type (workspace);
  const char *pairs[16] = {
    _("Organisation"), org->name,
    _("Date"), today,
    _("Declaration"), scs_workspace_type_get_label (type),
    _("Open gaps"), n_gaps,
  };
  guint n = 8;

  /* What the declaration is about: the product, or the self-check's score. */
  if (type == SCS_WORKSPACE_TYPE_JCSTAR1 && (product = scs_jcstar_get_product (workspace, NULL)) != NULL)
    {
      pairs[n++] = _("Product name");
      pairs[n++] = product->name;
      if (product->expires != NULL)
        {
          pairs[n++] = _("Label expiry date");
          pairs[n++] = product->expires;
        }
    }
  else if (type == SCS_WORKSPACE_TYPE_SECURITY_ACTION)
    {
      ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
      ScsSaScore score;

      if (scs_security_action_get_answers (workspace, answers, NULL))
        {
          scs_sa_score (answers, &score);
          /* Translators: the self-check's total, then its band */
          score_text = score.band == SCS_SA_BAND_INCOMPLETE
                       ? g_strdup (scs_sa_band_get_label (score.band))
                       : g_strdup_printf (_("%d of 100 — %s"), score.total, scs_sa_band_get_label (score.band));
          pairs[n++] = _("Self-check score");
          pairs[n++] = score_text;
        }
    }
  pairs[n] = NULL;

  writer = scs_diagnosis_report_begin (org->name, today);
  scs_pdf_writer_key_values (writer, pairs);

  scs_pdf_writer_heading (writer, _("Gaps and next steps"));
  if (gaps->len == 0)
    scs_pdf_writer_paragraph (writer, _("No gaps: everything the declaration rests on is recorded."));
  else
    {
      const double widths[] = { 0.11, 0.33, 0.18, 0.38 };
      const char *head[] = { _("No."), _("Item"), _("Finding"), _("Suggested next step") };

      scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (head), widths, head);
      for (guint i = 0; i < gaps->len; i++)
        {
          ScsItemGap *gap = g_ptr_array_index (gaps, i);
          g_autofree char *item = g_strdup_printf ("%s\n%s", gap->subject, gap->area);
          const char *cells[] = { gap->reference, item, gap->finding, gap->next_step };

          scs_pdf_writer_table_row (writer, cells);
        }
      scs_pdf_writer_table_end (writer);
    }
  scs_pdf_writer_small (writer, _("The answers are the organisation’s own self-declaration; the next steps "
                                  "are general advice written for this report, not IPA’s wording."));

  return scs_diagnosis_report_finish (writer, error);
}
