/* scs-report.c: the assessment report, laid out with ScsPdfWriter
 *
 * The report is the human-readable face of the package, in the order a
 * reader needs it: a cover (company, level, date, expert, status — no
 * hashes), a summary (counts per category, readiness, the organisation)
 * with the scope flowing after it, every criterion's answer by category
 * with notes and N/A reasons, open items, the evidence index, the review
 * summary, management's declaration naming its level, and at the end the
 * signatures with the package fingerprint and the catalog's id and hash. It is built only from
 * what the workspace stores (never the clock), in the language gettext and
 * scs_i18n are set to, so the same workspace gives the same PDF; the date it
 * shows and stamps into the PDF is the latest signature or answer change.
 * The same ScsPdfWriter pages are what the app prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-report.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scs-date.h"
#include "scs-i18n.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-provider.h"
#include "scs-scope.h"
#include "scs-signature.h"
#include "scs-verify.h"

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/* The latest time the workspace records: what the report is "as of". */
static char *
report_date (ScsWorkspace *workspace)
{
  GListModel *answers = scs_workspace_get_answers (workspace);
  const char *latest = scs_workspace_get_created (workspace);
  g_autoptr(ScsSignatureInfo) expert = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  g_autoptr(ScsSignatureInfo) management = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  char *result;

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const char *updated = scs_answer_get_updated (answer);

      if (updated != NULL && g_strcmp0 (updated, latest) > 0)
        latest = updated;
    }
  if (expert != NULL && g_strcmp0 (expert->signed_at, latest) > 0)
    latest = expert->signed_at;
  if (management != NULL && g_strcmp0 (management->signed_at, latest) > 0)
    latest = management->signed_at;
  result = g_strdup (latest != NULL ? latest : "2000-01-01T00:00:00Z");
  return result;
}

static char *
level_label (guint level)
{
  /* Translators: a level of the scheme, ★3 or ★4 */
  return g_strdup_printf (_("★%u"), level);
}

static char *
cycle_label (guint cycle)
{
  if (cycle == 0)
    return g_strdup (_("Initial assessment"));
  /* Translators: %u is the renewal number */
  return g_strdup_printf (_("Renewal %u"), cycle);
}

/* The expert's identity as the signed assessment.xml carries it. */
static void
expert_identity (GBytes  *assessment,
                 char   **name,
                 char   **qualification,
                 char   **registration)
{
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;

  if (assessment == NULL)
    return;
  doc = scs_verify_parse_xml (assessment, "assessment.xml", &error);
  if (doc == NULL)
    return;
  for (xmlNodePtr node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || !xmlStrEqual (node->name, BAD_CAST "expert"))
        continue;
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          if (child->type != XML_ELEMENT_NODE)
            continue;
          if (xmlStrEqual (child->name, BAD_CAST "name"))
            {
              xmlChar *text = xmlNodeGetContent (child);
              *name = g_strdup ((const char *) text);
              xmlFree (text);
            }
          else if (xmlStrEqual (child->name, BAD_CAST "qualification"))
            {
              xmlChar *type = xmlGetProp (child, BAD_CAST "type");
              xmlChar *number = xmlGetProp (child, BAD_CAST "registration");
              ScsQualification q;

              if (type != NULL && scs_qualification_from_string ((const char *) type, &q))
                *qualification = g_strdup (scs_qualification_get_label (q));
              *registration = g_strdup ((const char *) number);
              xmlFree (type);
              xmlFree (number);
            }
        }
    }
  xmlFreeDoc (doc);
}

/* The text of the first element named @name under @node, or NULL. */
static char *
child_text (xmlNodePtr  node,
            const char *name)
{
  for (xmlNodePtr child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, BAD_CAST name))
        {
          xmlChar *text = xmlNodeGetContent (child);
          char *copy = g_strdup ((const char *) text);

          xmlFree (text);
          return copy;
        }
    }
  return NULL;
}

/* Management's declaration as the signed declaration.xml carries it. */
static void
declaration_content (GBytes  *declaration,
                     char   **text,
                     char   **name,
                     char   **title)
{
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;
  xmlNodePtr root, node;

  if (declaration == NULL)
    return;
  doc = scs_verify_parse_xml (declaration, "declaration.xml", &error);
  if (doc == NULL)
    return;
  root = xmlDocGetRootElement (doc);
  *text = child_text (root, "text");
  for (node = root->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "declarant"))
      {
        *name = child_text (node, "name");
        *title = child_text (node, "title");
      }
  xmlFreeDoc (doc);
}

/* Where the assessment stands, in the words of the scheme's roles. */
static const char *
status_label (ScsWorkspace *workspace)
{
  g_autoptr(ScsSignatureInfo) expert = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  g_autoptr(ScsSignatureInfo) management = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);

  if (expert != NULL && management != NULL)
    return _("Declared by management, confirmed and signed by the security expert");
  if (expert != NULL)
    return _("Signed by the security expert; management has not declared yet");
  return _("Draft: not yet confirmed by a security expert");
}

/* "Name (Qualification, registration No. N)" of the expert who signed, or
 * NULL when nobody has. */
static char *
expert_line (ScsWorkspace *workspace)
{
  g_autoptr(ScsSignatureInfo) info = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  g_autoptr(GBytes) content = NULL;
  g_autofree char *name = NULL, *qualification = NULL, *registration = NULL;

  if (info == NULL)
    return NULL;
  content = scs_signature_dup_signed_content (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  expert_identity (content, &name, &qualification, &registration);
  if (name == NULL)
    name = g_strdup (info->actor);
  if (qualification != NULL && registration != NULL && *registration != '\0')
    /* Translators: expert's name, qualification, registration number */
    return g_strdup_printf (_("%s (%s, registration No. %s)"), or_dash (name), qualification, registration);
  if (registration != NULL && *registration != '\0')
    /* Translators: expert's name, registration number */
    return g_strdup_printf (_("%s (registration No. %s)"), or_dash (name), registration);
  return g_strdup (or_dash (name));
}

/* The cover: who, which level, as of when, confirmed by whom, how far. No
 * hashes here: those are at the end, where a verifier looks for them. */
static void
add_cover (ScsPdfWriter           *writer,
           ScsWorkspace           *workspace,
           const ScsReportOptions *options,
           const char             *date)
{
  g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);
  g_autofree char *level_text = level_label (scs_workspace_get_target_level (workspace));
  g_autofree char *day = scs_date_format_date (date, SCS_DATE_ZONE_JAPAN);
  g_autofree char *expert = expert_line (workspace);

  scs_pdf_writer_spacer (writer, 120);
  scs_pdf_writer_title (writer, _("Supply-chain security self-assessment report"));
  scs_pdf_writer_spacer (writer, 24);
  scs_pdf_writer_heading (writer, org->name);
  scs_pdf_writer_spacer (writer, 12);
  {
    const char *pairs[] = {
      _("Company"), org->name,
      _("Corporate number"), org->sole_proprietor ? _("Sole proprietor") : org->corporate_number,
      _("Target level"), level_text,
      _("Report date"), day,
      _("Security expert"), expert != NULL ? expert : _("Not yet confirmed by a security expert"),
      _("Status"), status_label (workspace),
      NULL
    };

    scs_pdf_writer_key_values (writer, pairs);
  }
  if (options->draft)
    {
      scs_pdf_writer_spacer (writer, 12);
      scs_pdf_writer_paragraph (writer, _("This is a draft: it is not signed and must not be submitted."));
    }
}

/* The summary: readiness, counts per category, the organisation. */
static void
add_summary (ScsPdfWriter *writer,
             ScsWorkspace *workspace)
{
  g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);
  ScsCatalog *catalog = scs_workspace_get_catalog (workspace);
  guint level = scs_workspace_get_target_level (workspace);
  g_autofree char *cycle_text = cycle_label (scs_workspace_get_cycle (workspace));
  g_autofree char *readiness = NULL;
  g_autoptr(GArray) bars = g_array_new (FALSE, TRUE, sizeof (ScsPdfBar));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const double widths[] = { 0.44, 0.14, 0.14, 0.14, 0.14 };
  const char *headers[] = { _("Category"), _("Met"), _("Not met"), _("Not applicable"), _("Unanswered") };
  ScsProgress total;

  scs_pdf_writer_heading (writer, _("Summary"));
  scs_workspace_get_progress (workspace, 0, level, &total);
  if (!scs_catalog_criteria_complete (catalog, level))
    readiness = scs_catalog_describe_missing (catalog, level);
  else if (scs_workspace_is_ready (workspace, level))
    readiness = g_strdup_printf (_("Ready: all %u criteria are met or not applicable with a reason."), total.total);
  else
    readiness = g_strdup_printf (_("Not ready: %u of %u criteria are met or not applicable with a reason; "
                                   "%u remain."), total.satisfied, total.total, total.total - total.satisfied);
  scs_pdf_writer_paragraph (writer, readiness);

  scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, headers);
  for (guint c = 0; c <= scs_catalog_get_n_categories (catalog); c++)
    {
      ScsProgress p;
      char *label, *cells[4];

      /* category 0 is every category: the total, last */
      guint number = c < scs_catalog_get_n_categories (catalog) ? c + 1 : 0;

      scs_workspace_get_progress (workspace, number, level, &p);
      if (p.total == 0 && number != 0)
        continue;
      label = number == 0 ? g_strdup (_("Total"))
                          : g_strdup_printf ("%u. %s", number,
                                             scs_category_get_title (scs_catalog_get_category (catalog, number)));
      cells[0] = g_strdup_printf ("%u", p.counts[SCS_ANSWER_MET]);
      cells[1] = g_strdup_printf ("%u", p.counts[SCS_ANSWER_NOT_MET]);
      cells[2] = g_strdup_printf ("%u", p.counts[SCS_ANSWER_NOT_APPLICABLE]);
      cells[3] = g_strdup_printf ("%u", p.counts[SCS_ANSWER_UNANSWERED]);
      scs_pdf_writer_table_row (writer, (const char *[]) { label, cells[0], cells[1], cells[2], cells[3] });
      if (number != 0)
        {
          ScsPdfBar bar = { 0 };
          char *value = g_strdup_printf ("%u / %u", p.satisfied, p.total);

          bar.label = label;
          bar.value = p.satisfied;
          bar.max = p.total;
          bar.rgb = p.satisfied == p.total ? 0x2e7d32 : 0x1565c0;
          bar.value_text = value;
          g_array_append_val (bars, bar);
          g_ptr_array_add (texts, value);
          g_ptr_array_add (texts, label);
        }
      else
        g_free (label);
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        g_free (cells[i]);
    }
  scs_pdf_writer_table_end (writer);

  scs_pdf_writer_subheading (writer, _("Criteria met or not applicable per category"));
  scs_pdf_writer_bars (writer, (const ScsPdfBar *) bars->data, bars->len);

  scs_pdf_writer_subheading (writer, _("Organisation"));
  {
    const char *pairs[] = {
      _("Organisation"), org->name,
      _("Trade name"), org->trade_name,
      _("Address"), org->address,
      _("Contact"), org->contact_name,
      _("Email"), org->contact_email,
      _("Phone"), org->contact_phone,
      _("Cycle"), cycle_text,
      NULL
    };

    scs_pdf_writer_key_values (writer, pairs);
  }
}

typedef struct
{
  ScsWorkspace *workspace;
} ScopeDraw;

static void
draw_scope (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  ScopeDraw *data = user_data;

  scs_scope_draw (data->workspace, cr, width, height);
}

/* Why the item is out of scope and how it is separated, or for a cloud
 * service the shared-responsibility split and how the provider was checked. */
static char *
scope_reason_cell (ScsScopeItem *item)
{
  GString *text = g_string_new (NULL);
  const char *reason = scs_scope_item_get_reason (item);
  const char *separation = scs_scope_item_get_separation (item);

  if (*reason != '\0')
    g_string_append (text, reason);
  if (*separation != '\0')
    g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", _("Separation"), separation);
  if (scs_scope_item_get_connected (item))
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", _("Connected to the scope"));
  if (scs_scope_item_get_kind (item) == SCS_SCOPE_KIND_CLOUD)
    {
      const char *split = scs_scope_item_get_field (item, "responsibility");
      const char *method = scs_scope_item_get_field (item, "check-method");

      if (*split != '\0')
        g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "",
                                _(scs_scope_field_lookup ("responsibility")->label), split);
      if (*method != '\0')
        g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "",
                                _(scs_scope_field_lookup ("check-method")->label),
                                scs_scope_field_value_label (SCS_SCOPE_KIND_CLOUD, "check-method", method));
    }
  return g_string_free (text, FALSE);
}

/* The expert's mark on an exclusion or exception, with the comment. */
static char *
scope_mark_cell (ScsScopeItem *item)
{
  const char *comment = scs_scope_item_get_review_comment (item);
  const char *mark;

  switch (scs_scope_item_get_review (item))
    {
    case SCS_SCOPE_REVIEW_ACCEPTED:
      mark = _("Accepted by the expert");
      break;
    case SCS_SCOPE_REVIEW_QUESTIONED:
      mark = _("Questioned by the expert");
      break;
    default:
      return g_strdup ("");
    }
  return *comment != '\0' ? g_strdup_printf ("%s: %s", mark, comment) : g_strdup (mark);
}

static void
add_scope (ScsPdfWriter *writer,
           ScsWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  ScsScope *scope = scs_scope_get (workspace, &error);
  const double widths[] = { 0.16, 0.24, 0.14, 0.28, 0.18 };
  const char *headers[] = { _("Kind"), _("Name"), _("Status"), _("Reason, separation, split"), _("Expert’s mark") };
  GListModel *items;
  guint n_in = 0, n_excluded = 0, n_exceptions = 0;

  scs_pdf_writer_heading (writer, _("Scope"));
  if (scope == NULL || !scs_scope_is_described (scope))
    {
      scs_pdf_writer_paragraph (writer, _("No scope is described: the whole organisation is assessed."));
      return;
    }
  items = scs_scope_get_items (scope, SCS_SCOPE_N_KINDS);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (items, i);

      switch (scs_scope_item_get_status (item))
        {
        case SCS_SCOPE_STATUS_EXCLUDED:
          n_excluded++;
          break;
        case SCS_SCOPE_STATUS_EXCEPTION:
          n_exceptions++;
          break;
        default:
          n_in++;
          break;
        }
    }

  {
    g_autofree char *unit = g_strdup_printf (_("Scope unit: %s"), scs_scope_unit_label (scs_scope_get_unit (scope)));
    g_autofree char *counts = g_strdup_printf (_("In scope: %u · Excluded: %u · Exceptions: %u"),
                                               n_in, n_excluded, n_exceptions);

    scs_pdf_writer_paragraph (writer, unit);
    if (*scs_scope_get_description (scope) != '\0')
      scs_pdf_writer_paragraph (writer, scs_scope_get_description (scope));
    if (*scs_scope_get_entities (scope) != '\0')
      {
        g_auto(GStrv) lines = g_strsplit (scs_scope_get_entities (scope), "\n", -1);
        g_autofree char *joined = g_strjoinv ("、", lines);
        g_autofree char *covers = g_strdup_printf (_("Covers: %s"), joined);

        scs_pdf_writer_paragraph (writer, covers);
      }
    scs_pdf_writer_paragraph (writer, counts);
  }
  {
    ScopeDraw data = { workspace };

    /* The diagram's canvas is 10:7; use the whole content width. */
    scs_pdf_writer_drawing (writer, scs_pdf_writer_get_content_width (writer) * 0.7,
                            draw_scope, &data);
  }

  scs_pdf_writer_subheading (writer, _("Inventory"));
  if (g_list_model_get_n_items (items) == 0)
    {
      scs_pdf_writer_paragraph (writer, _("No items are listed."));
      return;
    }
  scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (items, i);
      g_autofree char *reason = scope_reason_cell (item);
      g_autofree char *mark = scope_mark_cell (item);

      scs_pdf_writer_table_row (writer, (const char *[]) {
        scs_scope_kind_label (scs_scope_item_get_kind (item)),
        scs_scope_item_get_name (item),
        scs_scope_status_label (scs_scope_item_get_status (item)),
        reason,
        mark,
      });
    }
  scs_pdf_writer_table_end (writer);
}

static char *
note_cell (ScsAnswer *answer)
{
  GString *text = g_string_new (NULL);
  const char *note = scs_answer_get_note (answer);
  const char *reason = scs_answer_get_reason (answer);

  if (note != NULL && *note != '\0')
    g_string_append (text, note);
  /* a reason left over from an earlier N/A answer is not part of a met one */
  if (reason != NULL && *reason != '\0' && scs_answer_get_state (answer) == SCS_ANSWER_NOT_APPLICABLE)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: before the reason a criterion is not applicable */
      g_string_append_printf (text, "%s %s", _("Reason:"), reason);
    }
  return g_string_free (text, FALSE);
}

static void
add_results (ScsPdfWriter *writer,
             ScsWorkspace *workspace)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (workspace);
  guint level = scs_workspace_get_target_level (workspace);
  const double widths[] = { 0.10, 0.39, 0.14, 0.31, 0.06 };
  const char *headers[] = { _("ID"), _("Criterion"), _("Answer"), _("Note / reason"), _("Ev.") };

  scs_pdf_writer_page_break (writer);
  scs_pdf_writer_heading (writer, _("Results per category"));
  for (guint c = 1; c <= scs_catalog_get_n_categories (catalog); c++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, c);
      g_autofree char *title = g_strdup_printf ("%u. %s", c, scs_category_get_title (category));
      gboolean any = FALSE;

      for (guint r = 0; r < category->requirements->len; r++)
        {
          const ScsRequirement *requirement = g_ptr_array_index (category->requirements, r);

          for (guint k = 0; k < requirement->criteria->len; k++)
            {
              const ScsCriterion *criterion = g_ptr_array_index (requirement->criteria, k);
              ScsAnswer *answer;
              g_autofree char *note = NULL;
              g_autofree char *n_evidence = NULL;

              if (criterion->level > level)
                continue;
              answer = scs_workspace_lookup_answer (workspace, criterion->id);
              if (answer == NULL)
                continue;
              if (!any)
                {
                  scs_pdf_writer_subheading (writer, title);
                  scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, headers);
                  any = TRUE;
                }
              note = note_cell (answer);
              n_evidence = g_strdup_printf ("%u", scs_answer_get_n_evidence (answer));
              {
                const char *row[] = {
                  criterion->id,
                  scs_criterion_get_text (criterion),
                  scs_answer_state_get_label (scs_answer_get_state (answer)),
                  note,
                  n_evidence,
                };

                scs_pdf_writer_table_row (writer, row);
              }
            }
        }
      if (any)
        scs_pdf_writer_table_end (writer);
    }
}

static void
add_open_items (ScsPdfWriter *writer,
                ScsWorkspace *workspace)
{
  GListModel *answers = scs_workspace_get_answers (workspace);
  guint level = scs_workspace_get_target_level (workspace);
  const double widths[] = { 0.14, 0.66, 0.20 };
  const char *headers[] = { _("ID"), _("Criterion"), _("Answer") };
  gboolean any = FALSE;

  scs_pdf_writer_heading (writer, _("Open items"));
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const ScsCriterion *criterion = scs_answer_get_criterion (answer);

      if (criterion->level > level || scs_answer_is_satisfied (answer))
        continue;
      if (!any)
        {
          scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, headers);
          any = TRUE;
        }
      {
        const char *row[] = {
          criterion->id,
          scs_criterion_get_text (criterion),
          scs_answer_state_get_label (scs_answer_get_state (answer)),
        };

        scs_pdf_writer_table_row (writer, row);
      }
    }
  if (any)
    scs_pdf_writer_table_end (writer);
  else
    scs_pdf_writer_paragraph (writer, _("None: every criterion is met or not applicable with a reason."));
}

static gboolean
add_evidence (ScsPdfWriter           *writer,
              ScsWorkspace           *workspace,
              const ScsReportOptions *options,
              GError                **error)
{
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, NULL, error);
  const double widths[] = { 0.30, 0.40, 0.12, 0.18 };
  const char *headers[] = { _("File"), _("SHA-256"), _("Size"), _("Criteria") };

  if (evidence == NULL)
    return FALSE;
  scs_pdf_writer_heading (writer, _("Evidence index"));
  if (evidence->len == 0)
    {
      scs_pdf_writer_paragraph (writer, _("No evidence files are attached."));
      return TRUE;
    }
  scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < evidence->len; i++)
    {
      ScsEvidence *item = g_ptr_array_index (evidence, i);
      const char *path = options->evidence_paths != NULL
                           ? g_hash_table_lookup (options->evidence_paths, item->sha256) : NULL;
      g_autofree char *size = g_format_size_full (item->size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *criteria = item->criteria != NULL ? g_strjoinv (", ", item->criteria) : g_strdup ("");
      const char *row[] = { path != NULL ? path : item->name, item->sha256, size, criteria };

      scs_pdf_writer_table_row (writer, row);
    }
  scs_pdf_writer_table_end (writer);
  return TRUE;
}

static gboolean
add_review (ScsPdfWriter  *writer,
            ScsWorkspace  *workspace,
            GError       **error)
{
  g_autoptr(ScsProfile) nobody = scs_profile_new ();
  g_autoptr(ScsReview) review = scs_review_new (workspace, nobody);
  ScsReviewSummary s;
  g_autofree char *round = NULL, *accepted = NULL, *open = NULL, *closed = NULL, *pending = NULL;

  if (!scs_review_get_summary (review, &s, error))
    return FALSE;
  round = g_strdup_printf ("%u", s.round);
  accepted = g_strdup_printf ("%u / %u", s.n_accepted, s.n_criteria);
  open = g_strdup_printf ("%u", s.n_nonconformities_open);
  closed = g_strdup_printf ("%u", s.n_nonconformities_closed);
  pending = g_strdup_printf ("%u", s.n_open_proposals);
  {
    const char *pairs[] = {
      _("Review round"), round,
      _("Criteria accepted by the expert"), accepted,
      _("Nonconformities open"), open,
      _("Nonconformities corrected"), closed,
      _("Proposals open"), pending,
      _("Sealed"), s.sealed ? _("Yes") : _("No"),
      NULL
    };

    scs_pdf_writer_heading (writer, _("Review summary"));
    scs_pdf_writer_key_values (writer, pairs);
  }
  return TRUE;
}

/* Management's declaration, naming the level it is made for. */
static void
add_declaration (ScsPdfWriter *writer,
                 ScsWorkspace *workspace)
{
  g_autoptr(ScsSignatureInfo) info = scs_signature_dup_info (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  g_autoptr(GBytes) content = scs_signature_dup_content (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  g_autofree char *text = NULL, *name = NULL, *title = NULL;
  g_autofree char *level_text = level_label (scs_workspace_get_target_level (workspace));
  /* Translators: %s is the level, ★3 or ★4 */
  g_autofree char *heading = g_strdup_printf (_("Management’s self-declaration for %s"), level_text);
  g_autofree char *signed_at = NULL;

  scs_pdf_writer_keep (writer, 220);
  scs_pdf_writer_heading (writer, heading);
  declaration_content (content, &text, &name, &title);
  if (info == NULL || text == NULL)
    {
      scs_pdf_writer_paragraph (writer, _("Management has not declared yet."));
      return;
    }
  signed_at = scs_date_format_time (info->signed_at, SCS_DATE_ZONE_JAPAN);
  {
    /* the declared level right above the text, which refers to it */
    const char *level_pair[] = { _("Declared level"), level_text, NULL };
    const char *pairs[] = {
      _("Declared by"), or_dash (name != NULL ? name : info->actor),
      _("Title"), or_dash (title),
      _("Declared at"), signed_at,
      NULL
    };

    scs_pdf_writer_key_values (writer, level_pair);
    scs_pdf_writer_paragraph (writer, text);
    scs_pdf_writer_key_values (writer, pairs);
  }
}

static void
add_signature_block (ScsPdfWriter     *writer,
                     ScsWorkspace     *workspace,
                     ScsSignatureRole  role)
{
  g_autoptr(ScsSignatureInfo) info = scs_signature_dup_info (workspace, role);
  g_autofree char *signed_at = NULL;
  g_autofree char *name = NULL, *qualification = NULL, *registration = NULL;
  g_autofree char *text = NULL, *title = NULL;

  if (role == SCS_SIGNATURE_ROLE_EXPERT)
    scs_pdf_writer_subheading (writer, _("Security expert’s confirmation"));
  else
    scs_pdf_writer_subheading (writer, _("Management’s signature"));

  if (info == NULL)
    {
      scs_pdf_writer_paragraph (writer, _("Not signed."));
      return;
    }
  if (role == SCS_SIGNATURE_ROLE_EXPERT)
    {
      g_autoptr(GBytes) content = scs_signature_dup_signed_content (workspace, role);

      expert_identity (content, &name, &qualification, &registration);
    }
  else
    {
      g_autoptr(GBytes) content = scs_signature_dup_content (workspace, role);

      declaration_content (content, &text, &name, &title);
    }
  signed_at = scs_date_format_time (info->signed_at, SCS_DATE_ZONE_JAPAN);
  {
    const char *pairs[] = {
      role == SCS_SIGNATURE_ROLE_EXPERT ? _("Expert") : _("Declared by"),
      or_dash (name != NULL ? name : info->actor),
      role == SCS_SIGNATURE_ROLE_EXPERT ? _("Qualification") : _("Title"),
      or_dash (role == SCS_SIGNATURE_ROLE_EXPERT ? qualification : title),
      /* management's list ends here */
      role == SCS_SIGNATURE_ROLE_EXPERT ? _("Registration number") : NULL, or_dash (registration),
      NULL
    };
    const char *certificate[] = {
      _("Certificate"), info->signer_subject,
      _("Issuer"), info->signer_issuer,
      _("Certificate SHA-256"), info->signer_sha256,
      _("Signed at"), signed_at,
      _("Signed content SHA-256"), info->content_sha256,
      NULL
    };

    scs_pdf_writer_key_values (writer, pairs);
    scs_pdf_writer_key_values (writer, certificate);
  }
}

/* What ties the paper to the files: the package fingerprint, the catalog,
 * the report's language. */
static void
add_fingerprints (ScsPdfWriter           *writer,
                  ScsWorkspace           *workspace,
                  const ScsReportOptions *options)
{
  ScsCatalog *catalog = scs_workspace_get_catalog (workspace);
  g_autofree char *catalog_text = g_strdup_printf ("%s (%s)", scs_catalog_get_id (catalog),
                                                   scs_catalog_get_date (catalog));
  const char *pairs[] = {
    _("Package fingerprint"),
    options->content_sha256 != NULL ? options->content_sha256 : _("not in a package"),
    _("Catalog"), catalog_text,
    _("Catalog SHA-256"), scs_catalog_get_sha256 (catalog),
    _("Report language"), scs_i18n_is_japanese () ? "日本語 (ja)" : "English (en)",
    NULL
  };

  /* the block is short: never a lone line of it on the last page */
  scs_pdf_writer_keep (writer, 190);
  scs_pdf_writer_subheading (writer, _("Fingerprints"));
  scs_pdf_writer_key_values (writer, pairs);
  scs_pdf_writer_small (writer, _("The package fingerprint is the SHA-256 of assessment.xml, the content the "
                                  "security expert signed; scs-cli verify and openssl cms check it."));
}

static ScsPdfWriter *
report_build (ScsWorkspace            *workspace,
                  const ScsReportOptions  *options,
                  GError                 **error)
{
  g_autoptr(ScsPdfWriter) writer = scs_pdf_writer_new ();
  g_autoptr(ScsOrganization) org = NULL;
  g_autofree char *date = NULL;
  g_autofree char *footer = NULL;
  ScsReportOptions defaults = { 0 };

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  org = scs_workspace_dup_organization (workspace);
  date = options->date != NULL ? g_strdup (options->date) : report_date (workspace);
  footer = g_strdup_printf ("%s — %s", org->name, _("Self-assessment report"));

  scs_pdf_writer_set_metadata (writer, _("Supply-chain security self-assessment report"), org->name, date);
  scs_pdf_writer_set_footer (writer, footer);
  if (options->draft)
    /* the product's own term in both languages, as on paper forms */
    scs_pdf_writer_set_watermark (writer, scs_i18n_pick ("下書き / DRAFT", "DRAFT"));

  add_cover (writer, workspace, options, date);
  scs_pdf_writer_page_break (writer);
  /* the summary and the scope flow on one another: a short scope does not
   * get a page of its own */
  add_summary (writer, workspace);
  add_scope (writer, workspace);
  scs_provider_add_report (writer, workspace);
  add_results (writer, workspace);
  add_open_items (writer, workspace);
  if (!add_evidence (writer, workspace, options, error))
    return NULL;
  if (!add_review (writer, workspace, error))
    return NULL;
  /* no forced break: a page break here left the fingerprints alone on the
   * last page */
  add_declaration (writer, workspace);
  scs_pdf_writer_heading (writer, _("Signatures"));
  add_signature_block (writer, workspace, SCS_SIGNATURE_ROLE_EXPERT);
  add_signature_block (writer, workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  add_fingerprints (writer, workspace, options);

  return g_steal_pointer (&writer);
}

ScsPdfWriter *
scs_report_build (ScsWorkspace            *workspace,
                  const ScsReportOptions  *options,
                  GError                 **error)
{
  gboolean was_japanese;
  ScsPdfWriter *writer;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the language chosen for the report, not the UI's: switched only while
   * the pages are laid out (the PDF's text is fixed by then) */
  was_japanese = scs_i18n_switch (options != NULL ? options->language : NULL);
  writer = report_build (workspace, options, error);
  scs_i18n_restore (was_japanese);
  return writer;
}

GBytes *
scs_report_render (ScsWorkspace            *workspace,
                   const ScsReportOptions  *options,
                   GError                 **error)
{
  g_autoptr(ScsPdfWriter) writer = scs_report_build (workspace, options, error);

  if (writer == NULL)
    return NULL;
  return scs_pdf_writer_finish (writer, error);
}
