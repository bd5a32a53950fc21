/* scs-attestation.c: the canonical XML of what the expert attests
 *
 * The expert's CMS signature covers these bytes, and the submission package
 * carries them as assessment.xml, so they must be exactly reproducible from
 * the workspace: fixed element order, two-space indentation, one element per
 * line, attributes in a fixed order, criteria in catalog (ID) order,
 * evidence sorted by hash, text escaped the same way every time, LF line
 * ends, UTF-8, no time zone or locale dependence. Everything is read from
 * the database (not from in-memory objects), and evidence hashes are
 * computed from the stored bytes, so a change made with an outside SQLite
 * tool shows up when the attestation is rendered again and compared with
 * the signed bytes; scs_attestation_diff() then names what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-attestation.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scs-db.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-scope.h"
#include "scs-sha256.h"
#include "scs-text.h"
#include "scs-xml.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-attestation-error-quark, scs_attestation_error)

/* The expert's attestation. Until review schema version 3 the review
 * module created it, in its version 1 (ScsSchemaModule.split_from); the
 * text is that step's, to the byte, so old and new files have one schema. */
static const char attestation_schema_v1[] =
  "CREATE TABLE review_attestation (\n"
  "  assessment           INTEGER PRIMARY KEY REFERENCES assessment (id),\n"
  "  expert_name          TEXT NOT NULL,\n"
  "  expert_organization  TEXT NOT NULL DEFAULT '',\n"
  "  qualification        TEXT NOT NULL,\n"
  "  registration         TEXT NOT NULL DEFAULT '',\n"
  "  training_date        TEXT NOT NULL DEFAULT '',\n"
  "  date                 TEXT NOT NULL\n"
  ") STRICT;\n";

static const char * const attestation_steps[] = { attestation_schema_v1 };
/* review version 0 to 3 → this module's version */
static const guint attestation_split[] = { 0, 1, 1, 1 };

const ScsSchemaModule scs_attestation_schema = {
  "attestation", attestation_steps, G_N_ELEMENTS (attestation_steps),
  "review", attestation_split, G_N_ELEMENTS (attestation_split),
};

static int compare_strings (gconstpointer a, gconstpointer b);

/* Text that XML 1.0 cannot carry (a vertical tab, U+FFFF) or that could
 * mislead a reader is refused when typed; data stored before that rule,
 * or written behind the application's back, stops the rendering here with
 * the criterion or item named, not later as "not well-formed". */
static gboolean
check_text (const char  *text,
            const char  *label,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (scs_text_validate (text, label, SCS_TEXT_MULTI_LINE, &local_error))
    return TRUE;
  g_set_error (error, SCS_ATTESTATION_ERROR, SCS_ATTESTATION_ERROR_INVALID,
               _("Cannot render what the expert signs: %s"), local_error->message);
  return FALSE;
}

static gboolean
checked_element (GString     *out,
                 guint        indent,
                 const char  *name,
                 const char  *text,
                 const char  *label,
                 GError     **error)
{
  if (!check_text (text, label, error))
    return FALSE;
  scs_xml_append_element (out, indent, name, text);
  return TRUE;
}

static gboolean
render_organization (ScsWorkspace  *ws,
                     GString       *out,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  static const char * const names[] = {
    "name", "trade-name", "sole-proprietor", "corporate-number", "address",
    "contact-name", "contact-email", "contact-phone",
  };

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT name, trade_name, CASE sole_proprietor WHEN 1 THEN 'true' ELSE 'false' END, "
                         "corporate_number, address, contact_name, contact_email, contact_phone "
                         "FROM organization WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SCS_ATTESTATION_ERROR, SCS_ATTESTATION_ERROR_FAILED,
                   _("The workspace ‘%s’ has no organisation"), ws->path);
      return FALSE;
    }
  g_string_append (out, "  <organization>\n");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* Translators: %s is a field of the organisation profile, e.g. "address" */
      g_autofree char *label = g_strdup_printf (_("The organisation’s %s"), names[i]);

      if (!checked_element (out, 4, names[i], (const char *) sqlite3_column_text (stmt, i), label, error))
        return FALSE;
    }
  g_string_append (out, "  </organization>\n");
  return TRUE;
}

static gboolean
render_evidence (ScsWorkspace  *ws,
                 GString       *out,
                 const char    *criterion_id,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT e.name, e.data FROM evidence_link l "
                         "JOIN evidence e ON e.sha256 = l.sha256 "
                         "WHERE l.assessment = ?1 AND l.criterion_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new ("      <evidence");
      const void *data = sqlite3_column_blob (stmt, 1);
      int size = sqlite3_column_bytes (stmt, 1);
      g_autofree char *sha = scs_sha256_hex (data, size);
      g_autofree char *size_text = g_strdup_printf ("%d", size);

      g_autofree char *label = g_strdup_printf (_("The name of an evidence file of criterion %s"),
                                                criterion_id);

      if (!check_text ((const char *) sqlite3_column_text (stmt, 0), label, error))
        return FALSE;
      scs_xml_append_attribute (line, "sha256", sha);
      scs_xml_append_attribute (line, "size", size_text);
      scs_xml_append_attribute (line, "name", (const char *) sqlite3_column_text (stmt, 0));
      g_string_append (line, "/>\n");
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return FALSE;
    }
  /* "      <evidence sha256=\"…": sorting the lines sorts by hash. */
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, lines->pdata[i]);
  return TRUE;
}

static gboolean
render_criteria (ScsWorkspace  *ws,
                 GString       *out,
                 GError       **error)
{
  GListModel *answers = scs_workspace_get_answers (ws);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = g_list_model_get_n_items (answers);

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT state, note, reason FROM answer WHERE assessment = ?1 AND criterion_id = ?2",
                         error);
  if (stmt == NULL)
    return FALSE;

  g_string_append_printf (out, "  <criteria count=\"%u\">\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const ScsCriterion *criterion = scs_answer_get_criterion (answer);
      g_autofree char *state = g_strdup ("unanswered");
      g_autofree char *note = NULL;
      g_autofree char *reason = NULL;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
      scs_db_bind_text (stmt, 2, criterion->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_free (state);
          state = scs_db_column_dup (stmt, 0);
          note = scs_db_column_dup (stmt, 1);
          reason = scs_db_column_dup (stmt, 2);
        }
      else if (rc != SQLITE_DONE)
        {
          scs_db_set_error (error, ws->db, ws->path);
          return FALSE;
        }

      g_string_append (out, "    <criterion");
      scs_xml_append_attribute (out, "id", criterion->id);
      g_string_append_printf (out, " level=\"%u\"", criterion->level);
      scs_xml_append_attribute (out, "state", state);
      g_string_append (out, ">\n");
      {
        /* Translators: %s is a criterion ID */
        g_autofree char *note_label = g_strdup_printf (_("The note of criterion %s"), criterion->id);
        /* Translators: %s is a criterion ID */
        g_autofree char *reason_label = g_strdup_printf (_("The not-applicable reason of criterion %s"),
                                                         criterion->id);

        if (!checked_element (out, 6, "note", note, note_label, error) ||
            !checked_element (out, 6, "reason", reason, reason_label, error))
          return FALSE;
      }
      if (!render_evidence (ws, out, criterion->id, error))
        return FALSE;
      g_string_append (out, "    </criterion>\n");
    }
  g_string_append (out, "  </criteria>\n");
  return TRUE;
}

/* The whole scope, as data: the unit, every item with its fields, its
 * in/out status and, out of scope, the reason, the separation measure
 * and the expert's mark; cloud items carry their shared-responsibility
 * split and check method as fields. Read from the tables (not from the
 * ScsScope objects), like everything here, so a change made behind the
 * application's back shows. Items in ID order, fields in the order of
 * scs_scope_fields (), empty values left out. */
static gboolean
render_scope_items (ScsWorkspace  *ws,
                    GString       *out,
                    GError       **error)
{
  const ScsScopeField *fields;
  guint n_fields;
  g_autoptr(GString) sql = g_string_new ("SELECT id, kind, status, reason, separation, connected, "
                                         "review, review_comment, reviewer, "
                                         "coalesce (evidence, ''), coalesce (vuln_evidence, '')");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) criteria = NULL;
  const guint first_field = 11;
  int rc;

  fields = scs_scope_fields (&n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      g_autofree char *column = g_strdelimit (g_strdup (fields[f].name), "-", '_');

      if (g_str_equal (column, "count"))
        g_string_append (sql, ", coalesce (CAST (count AS TEXT), '')");
      else if (g_str_equal (column, "evidence") || g_str_equal (column, "vuln_evidence"))
        g_string_append (sql, ", ''");
      else
        g_string_append_printf (sql, ", %s", column);
    }
  g_string_append (sql, " FROM scope_item ORDER BY id");

  stmt = scs_db_prepare (ws->db, ws->path, sql->str, error);
  criteria = scs_db_prepare (ws->db, ws->path,
                             "SELECT criterion_id FROM scope_item_criterion WHERE item = ?1 "
                             "ORDER BY criterion_id", error);
  if (stmt == NULL || criteria == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *status = (const char *) sqlite3_column_text (stmt, 2);
      const char *review = (const char *) sqlite3_column_text (stmt, 6);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: %s is the number of a scope item */
      g_autofree char *label = g_strdup_printf (_("Scope item %s"), id_text);
      static const char * const evidence_for[] = { "provider-check", "vulnerability-test" };

      g_string_append (out, "    <item");
      scs_xml_append_attribute (out, "id", id_text);
      scs_xml_append_attribute (out, "kind", (const char *) sqlite3_column_text (stmt, 1));
      scs_xml_append_attribute (out, "status", status);
      g_string_append (out, ">\n");
      for (guint f = 0; f < n_fields; f++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, first_field + f);

          if (value == NULL || (*value == '\0' && f != 0))
            continue;
          if (!checked_element (out, 6, fields[f].name, value, label, error))
            return FALSE;
        }
      for (guint e = 0; e < G_N_ELEMENTS (evidence_for); e++)
        {
          const char *sha = (const char *) sqlite3_column_text (stmt, 9 + e);

          if (*sha == '\0')
            continue;
          g_string_append (out, "      <evidence");
          scs_xml_append_attribute (out, "for", evidence_for[e]);
          scs_xml_append_attribute (out, "sha256", sha);
          g_string_append (out, "/>\n");
        }

      sqlite3_reset (criteria);
      sqlite3_bind_int64 (criteria, 1, id);
      while ((rc = sqlite3_step (criteria)) == SQLITE_ROW)
        {
          if (!check_text ((const char *) sqlite3_column_text (criteria, 0), label, error))
            return FALSE;
          g_string_append (out, "      <criterion");
          scs_xml_append_attribute (out, "ref", (const char *) sqlite3_column_text (criteria, 0));
          g_string_append (out, "/>\n");
        }
      if (rc != SQLITE_DONE)
        {
          scs_db_set_error (error, ws->db, ws->path);
          return FALSE;
        }

      if (g_strcmp0 (status, "in") != 0)
        {
          g_string_append (out, "      <out-of-scope");
          scs_xml_append_attribute (out, "connected", sqlite3_column_int (stmt, 5) ? "true" : "false");
          g_string_append (out, ">\n");
          if (!checked_element (out, 8, "reason", (const char *) sqlite3_column_text (stmt, 3),
                                label, error) ||
              !checked_element (out, 8, "separation", (const char *) sqlite3_column_text (stmt, 4),
                                label, error))
            return FALSE;
          g_string_append (out, "        <review");
          scs_xml_append_attribute (out, "verdict", review);
          if (!check_text ((const char *) sqlite3_column_text (stmt, 8), label, error) ||
              !check_text ((const char *) sqlite3_column_text (stmt, 7), label, error))
            return FALSE;
          scs_xml_append_attribute (out, "reviewer", (const char *) sqlite3_column_text (stmt, 8));
          g_string_append (out, ">");
          scs_xml_append_escaped (out, (const char *) sqlite3_column_text (stmt, 7));
          g_string_append (out, "</review>\n");
          g_string_append (out, "      </out-of-scope>\n");
        }
      g_string_append (out, "    </item>\n");
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
render_scope (ScsWorkspace  *ws,
              GString       *out,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *unit = "none";
  const char *description = "";
  const char *entities = "";
  int rc;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT unit, description, entities FROM scope_unit WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      unit = (const char *) sqlite3_column_text (stmt, 0);
      description = (const char *) sqlite3_column_text (stmt, 1);
      entities = (const char *) sqlite3_column_text (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return FALSE;
    }

  g_string_append (out, "  <scope");
  scs_xml_append_attribute (out, "unit", unit);
  g_string_append (out, ">\n");
  if (!checked_element (out, 4, "description", description, _("The scope description"), error))
    return FALSE;
  {
    g_auto(GStrv) lines = g_strsplit (entities, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (*g_strstrip (lines[i]) != '\0' &&
          !checked_element (out, 4, "entity", lines[i], _("The entities or sites the scope covers"),
                            error))
        return FALSE;
  }
  if (!render_scope_items (ws, out, error))
    return FALSE;
  g_string_append (out, "  </scope>\n");
  return TRUE;
}

static gboolean
render_review (ScsWorkspace  *ws,
               GString       *out,
               GError       **error)
{
  g_autoptr(ScsProfile) nobody = scs_profile_new ();
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *actor = g_strdup (scs_workspace_get_actor (ws));
  ScsReviewSummary s;
  gboolean complete;

  review = scs_review_new (ws, nobody);
  if (!scs_review_get_summary (review, &s, error))
    return FALSE;
  complete = scs_review_check_complete (review, NULL);
  comments = scs_review_list_comments (review, "", error);
  if (comments == NULL)
    return FALSE;

  g_string_append_printf (out,
                          "  <review outcome=\"%s\" round=\"%u\" criteria=\"%u\" accepted=\"%u\" "
                          "nonconformities-open=\"%u\" nonconformities-closed=\"%u\">\n",
                          complete ? "confirmed" : "open", s.round, s.n_criteria, s.n_accepted,
                          s.n_nonconformities_open, s.n_nonconformities_closed);
  for (guint i = 0; i < comments->len; i++)
    {
      ScsReviewComment *c = comments->pdata[i];
      ScsRole role = SCS_ROLE_SME;

      if (!scs_role_from_string (c->role, &role) || !scs_role_is_reviewer (role))
        continue;
      {
        g_autofree char *label = c->criterion_id
          ? g_strdup_printf (_("The comment on criterion %s"), c->criterion_id)
          : g_strdup (_("The comment on the assessment"));

        if (!check_text (c->author, _("The author of a review comment"), error) ||
            !check_text (c->body, label, error))
          return FALSE;
      }
      g_string_append (out, "    <comment");
      scs_xml_append_attribute (out, "author", c->author);
      scs_xml_append_attribute (out, "time", c->time);
      g_string_append (out, ">");
      scs_xml_append_escaped (out, c->body);
      g_string_append (out, "</comment>\n");
    }
  g_string_append (out, "  </review>\n");
  (void) actor;
  return TRUE;
}

static gboolean
render_expert (ScsWorkspace  *ws,
               GString       *out,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT expert_name, expert_organization, qualification, registration, "
                         "training_date, date FROM review_attestation WHERE assessment = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  g_string_append (out, "  <expert>\n");
  scs_xml_append_element (out, 4, "name", (const char *) sqlite3_column_text (stmt, 0));
  scs_xml_append_element (out, 4, "organization", (const char *) sqlite3_column_text (stmt, 1));
  g_string_append (out, "    <qualification");
  scs_xml_append_attribute (out, "type", (const char *) sqlite3_column_text (stmt, 2));
  scs_xml_append_attribute (out, "registration", (const char *) sqlite3_column_text (stmt, 3));
  g_string_append (out, "/>\n");
  scs_xml_append_element (out, 4, "training-completed", (const char *) sqlite3_column_text (stmt, 4));
  g_string_append (out, "  </expert>\n");
  scs_xml_append_element (out, 2, "date", (const char *) sqlite3_column_text (stmt, 5));
  return TRUE;
}

/* @version 1: the format signed before the whole scope was (an English
 * count summary), still rendered to check those signatures. */
static GBytes *
render (ScsWorkspace  *workspace,
        guint          version,
        GError       **error)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  ScsCatalog *catalog;

  catalog = scs_workspace_get_catalog (workspace);
  g_string_append_printf (out, "<assessment xmlns=\"" SCS_ATTESTATION_NAMESPACE "\" version=\"%u\">\n",
                          version);
  if (!render_organization (workspace, out, error))
    return NULL;

  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    stmt = scs_db_prepare (workspace->db, workspace->path,
                           "SELECT target_level, cycle, catalog_sha256 FROM assessment WHERE id = ?1", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        scs_db_set_error (error, workspace->db, workspace->path);
        return NULL;
      }
    g_string_append_printf (out, "  <level>%d</level>\n", sqlite3_column_int (stmt, 0));
    g_string_append_printf (out, "  <cycle>%d</cycle>\n", sqlite3_column_int (stmt, 1));
    if (version == 1)
      {
        g_autofree char *scope = scs_scope_dup_summary (workspace);

        scs_xml_append_element (out, 2, "scope", scope);
      }
    else if (!render_scope (workspace, out, error))
      return NULL;
    g_string_append (out, "  <catalog");
    scs_xml_append_attribute (out, "id", scs_catalog_get_id (catalog));
    scs_xml_append_attribute (out, "date", scs_catalog_get_date (catalog));
    scs_xml_append_attribute (out, "sha256", (const char *) sqlite3_column_text (stmt, 2));
    g_string_append (out, "/>\n");
  }

  if (!render_criteria (workspace, out, error) ||
      !render_review (workspace, out, error) ||
      !render_expert (workspace, out, error))
    return NULL;
  g_string_append (out, "</assessment>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
scs_attestation_render (ScsWorkspace  *workspace,
                        GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  return render (workspace, SCS_ATTESTATION_VERSION, error);
}

/**
 * scs_attestation_render_like:
 * @signed_xml: bytes signed earlier
 *
 * Renders the workspace in the format of @signed_xml, so a signature made
 * before the current format can still be compared with the workspace.
 */
GBytes *
scs_attestation_render_like (ScsWorkspace  *workspace,
                             GBytes        *signed_xml,
                             GError       **error)
{
  static const char v1[] = "<assessment xmlns=\"" SCS_ATTESTATION_NAMESPACE "\" version=\"1\">";
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (signed_xml != NULL, NULL);

  data = g_bytes_get_data (signed_xml, &size);
  if (data != NULL && g_strstr_len (data, MIN (size, 200), v1) != NULL)
    return render (workspace, 1, error);
  return render (workspace, SCS_ATTESTATION_VERSION, error);
}

gboolean
scs_attestation_set_expert (ScsWorkspace               *workspace,
                            const ScsAttestationExpert *expert,
                            GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (expert != NULL && expert->name != NULL && expert->date != NULL, FALSE);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "INSERT OR REPLACE INTO review_attestation (assessment, expert_name, "
                         "expert_organization, qualification, registration, training_date, date) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workspace->assessment_id);
  scs_db_bind_text (stmt, 2, expert->name);
  scs_db_bind_text (stmt, 3, expert->organization ? expert->organization : "");
  scs_db_bind_text (stmt, 4, expert->qualification ? expert->qualification : "none");
  scs_db_bind_text (stmt, 5, expert->registration ? expert->registration : "");
  scs_db_bind_text (stmt, 6, expert->training_date ? expert->training_date : "");
  scs_db_bind_text (stmt, 7, expert->date);
  return scs_db_step_done (stmt, workspace->db, workspace->path, error);
}

gboolean
scs_attestation_validate (GBytes      *xml,
                          const char  *schema,
                          GError     **error)
{
  g_autofree char *resource = g_strdup_printf ("/jp/scsworkbench/core/schema/%s.rng", schema);
  g_autoptr(GBytes) rng = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlDocPtr doc;
  gboolean valid;

  rng = g_resources_lookup_data (resource, 0, error);
  if (rng == NULL)
    return FALSE;

  /* Ours, rendered or built in: no size limit beyond libxml2's own. */
  doc = scs_xml_parse (xml, G_MAXINT, &local_error);
  if (doc == NULL)
    {
      g_set_error (error, SCS_ATTESTATION_ERROR, SCS_ATTESTATION_ERROR_INVALID,
                   _("The %s XML is not well-formed"), schema);
      return FALSE;
    }
  valid = scs_xml_validate (doc, rng, &local_error);
  xmlFreeDoc (doc);
  if (!valid)
    {
      g_set_error (error, SCS_ATTESTATION_ERROR, SCS_ATTESTATION_ERROR_INVALID,
                   _("The %s XML does not match its schema: %s"), schema, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Flattens a document to path → value: attributes as "path@name", text of
 * leaf elements as "path"; elements with an id attribute are keyed by it,
 * other repeated elements by position. */
static void
flatten (xmlNodePtr  node,
         const char *prefix,
         GHashTable *map)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *path = NULL;
      xmlChar *id;
      gboolean has_elements = FALSE;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      id = xmlGetProp (child, (const xmlChar *) "id");
      if (id != NULL)
        path = g_strdup_printf ("%s/%s[%s]", prefix, child->name, id);
      else
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, child->name));

          g_hash_table_insert (seen, g_strdup ((const char *) child->name), GUINT_TO_POINTER (n + 1));
          path = g_strdup_printf ("%s/%s#%u", prefix, child->name, n);
        }
      xmlFree (id);

      g_hash_table_insert (map, g_strdup (path), g_strdup (""));
      for (xmlAttrPtr a = child->properties; a != NULL; a = a->next)
        {
          xmlChar *value = xmlNodeListGetString (child->doc, a->children, 1);

          g_hash_table_insert (map, g_strdup_printf ("%s@%s", path, a->name),
                               g_strdup ((const char *) value));
          xmlFree (value);
        }
      for (xmlNodePtr c = child->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
          has_elements = TRUE;
      if (has_elements)
        flatten (child, path, map);
      else
        {
          xmlChar *text = xmlNodeGetContent (child);

          g_hash_table_insert (map, g_strdup (path), g_strdup ((const char *) text));
          xmlFree (text);
        }
    }
}

static GHashTable *
flatten_bytes (GBytes *xml)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlDocPtr doc = scs_xml_parse (xml, G_MAXINT, NULL);

  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    flatten (xmlDocGetRootElement (doc), "", map);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return map;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "/criteria#0/criterion[1-1-1-1]/evidence#0" → "criterion 1-1-1-1: evidence",
 * "/organization#0/name#0" → "organization: name", "/catalog#0" → "catalog" */
static char *
describe (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path + 1, "/", -1);
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *subject = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *hash = strchr (parts[i], '#');
      char *bracket = strchr (parts[i], '[');

      if (hash != NULL)
        *hash = '\0';
      if (bracket != NULL)
        {
          *bracket = '\0';
          bracket[strlen (bracket + 1)] = '\0';
          g_free (subject);
          subject = g_strdup_printf ("%s %s", g_str_equal (parts[i], "item") ? "scope item" : parts[i],
                                     bracket + 1);
          g_string_truncate (what, 0);
        }
      else if (subject == NULL)
        subject = g_strdup (parts[i]);
      else
        {
          if (what->len > 0)
            g_string_append_c (what, '/');
          g_string_append (what, parts[i]);
        }
    }

  if (what->len == 0)
    return g_steal_pointer (&subject);
  return g_strdup_printf ("%s: %s", subject, what->str);
}

GPtrArray *
scs_attestation_diff (GBytes *before,
                      GBytes *after)
{
  g_autoptr(GHashTable) a = flatten_bytes (before);
  g_autoptr(GHashTable) b = flatten_bytes (after);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint pass = 0; pass < 2; pass++)
    {
      GHashTable *x = pass == 0 ? a : b;
      GHashTable *y = pass == 0 ? b : a;

      g_hash_table_iter_init (&iter, x);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *other = g_hash_table_lookup (y, key);
          g_autofree char *path = NULL;
          char *at;
          char *text;

          if (g_hash_table_contains (y, key) && g_strcmp0 (other, value) == 0)
            continue;

          /* Name attribute changes after their element: "@state" → "state" */
          path = g_strdup (key);
          at = strrchr (path, '@');
          if (at != NULL && strrchr (path, '/') < at)
            {
              char *slash = strrchr (path, '/');
              char *name = g_strdup (at + 1);
              gboolean keyed = strchr (slash, '[') != NULL;

              *at = '\0';
              if (keyed)
                {
                  char *tmp = g_strdup_printf ("%s/%s", path, name);
                  g_free (path);
                  path = tmp;
                }
              g_free (name);
            }
          text = describe (path);
          if (!g_hash_table_contains (found, text))
            {
              g_hash_table_add (found, g_strdup (text));
              g_ptr_array_add (result, text);
            }
          else
            g_free (text);
        }
    }

  g_ptr_array_sort (result, compare_strings);
  return result;
}
