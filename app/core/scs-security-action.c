/* scs-security-action.c: SECURITY ACTION ★1/★2 self-declaration workspaces
 *
 * IPA's SECURITY ACTION is a self-declaration below the SCS ★3: ★1 is a
 * pledge to work on five basic items, ★2 adds a 25-question self-check
 * (4 / 2 / 0 / −1 points per answer, total −25 … 100, read in four bands), a
 * written basic policy and its publication. A workspace of type
 * "security-action" keeps the self-check answers and the record of the
 * declaration in this module's tables, beside the same organisation, audit
 * log, evidence and signatures as every workspace; each change is one
 * durable transaction with its audit row.
 *
 * The texts (pledge items, questions, policy template) are data:
 * data/security-action/security-action-1.xml, written in our own words and
 * checked against data/schema/security-action.rng when first used. They
 * are never IPA's wording, and the product always speaks of a declaration
 * (宣言), never of a certification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-security-action.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scs-attestation.h"
#include "scs-db.h"
#include "scs-i18n.h"
#include "scs-workspace-private.h"

G_DEFINE_QUARK (scs-security-action-error-quark, scs_security_action_error)

static const char security_action_v1[] =
  "CREATE TABLE sa_answer (\n"
  "  question INTEGER PRIMARY KEY CHECK (question BETWEEN 1 AND 25),\n"
  "  answer   TEXT NOT NULL CHECK (answer IN ('done', 'partly', 'not-done', 'dont-know', 'na')),\n"
  "  author   TEXT NOT NULL,\n"
  "  updated  TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE sa_declaration (\n"
  "  id             INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  declaration_id TEXT CHECK (declaration_id IS NULL OR (length (declaration_id) = 11\n"
  "                             AND declaration_id NOT GLOB '*[^0-9]*')),\n"
  "  declared       TEXT,\n"
  "  level          INTEGER NOT NULL CHECK (level IN (1, 2)),\n"
  "  policy_url     TEXT\n"
  ") STRICT;\n";

static const char * const security_action_steps[] = { security_action_v1 };

const ScsSchemaModule scs_security_action_schema = {
  "security_action", security_action_steps, G_N_ELEMENTS (security_action_steps),
};

/* ---- answers and bands --------------------------------------------------- */

static const char * const answer_words[SCS_SA_N_ANSWERS] = {
  "", "done", "partly", "not-done", "dont-know", "na",
};

const char *
scs_sa_answer_to_string (ScsSaAnswer answer)
{
  g_return_val_if_fail ((guint) answer < SCS_SA_N_ANSWERS, "");
  return answer_words[answer];
}

gboolean
scs_sa_answer_from_string (const char  *word,
                           ScsSaAnswer *answer)
{
  for (guint i = 1; word != NULL && i < SCS_SA_N_ANSWERS; i++)
    if (g_str_equal (word, answer_words[i]))
      {
        *answer = (ScsSaAnswer) i;
        return TRUE;
      }
  return FALSE;
}

const char *
scs_sa_answer_get_label (ScsSaAnswer answer)
{
  switch (answer)
    {
    case SCS_SA_ANSWER_NONE:
      return _("Not answered");
    case SCS_SA_ANSWER_DONE:
      return _("Done");
    case SCS_SA_ANSWER_PARTLY:
      return _("Partly done");
    case SCS_SA_ANSWER_NOT_DONE:
      return _("Not done");
    case SCS_SA_ANSWER_DONT_KNOW:
      return _("Don’t know");
    case SCS_SA_ANSWER_NOT_APPLICABLE:
      return _("Not applicable (scored as done)");
    default:
      g_return_val_if_reached ("");
    }
}

int
scs_sa_answer_get_points (ScsSaAnswer answer)
{
  switch (answer)
    {
    case SCS_SA_ANSWER_DONE:
    case SCS_SA_ANSWER_NOT_APPLICABLE:
      return 4;
    case SCS_SA_ANSWER_PARTLY:
      return 2;
    case SCS_SA_ANSWER_DONT_KNOW:
      return -1;
    case SCS_SA_ANSWER_NONE:
    case SCS_SA_ANSWER_NOT_DONE:
    default:
      return 0;
    }
}

ScsSaBand
scs_sa_band_for_total (int total)
{
  if (total >= 100)
    return SCS_SA_BAND_ACHIEVED;
  if (total >= 70)
    return SCS_SA_BAND_MOSTLY;
  if (total >= 50)
    return SCS_SA_BAND_GAPS;
  return SCS_SA_BAND_URGENT;
}

const char *
scs_sa_band_to_string (ScsSaBand band)
{
  static const char * const words[] = { "incomplete", "achieved", "mostly", "gaps", "urgent" };

  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (words), "");
  return words[band];
}

const char *
scs_sa_band_get_label (ScsSaBand band)
{
  switch (band)
    {
    case SCS_SA_BAND_INCOMPLETE:
      return _("Not every question is answered yet");
    case SCS_SA_BAND_ACHIEVED:
      return _("The basic measures are in place");
    case SCS_SA_BAND_MOSTLY:
      return _("Mostly in place, with some gaps");
    case SCS_SA_BAND_GAPS:
      return _("Clear gaps");
    case SCS_SA_BAND_URGENT:
      return _("An incident could happen at any time");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
scs_sa_band_get_next_step (ScsSaBand band)
{
  switch (band)
    {
    case SCS_SA_BAND_INCOMPLETE:
      return _("Answer the remaining questions.");
    case SCS_SA_BAND_ACHIEVED:
      return _("Keep it up and look at further measures, such as the SCS ★3 assessment.");
    case SCS_SA_BAND_MOSTLY:
      return _("Fix the weak items and aim for 100 points.");
    case SCS_SA_BAND_GAPS:
      return _("Improve, starting with the lowest-scoring items.");
    case SCS_SA_BAND_URGENT:
      return _("Improve urgently.");
    default:
      g_return_val_if_reached ("");
    }
}

void
scs_sa_score (const ScsSaAnswer  answers[SCS_SECURITY_ACTION_N_QUESTIONS],
              ScsSaScore        *score)
{
  g_return_if_fail (answers != NULL && score != NULL);

  memset (score, 0, sizeof *score);
  for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
    {
      score->total += scs_sa_answer_get_points (answers[i]);
      if (answers[i] == SCS_SA_ANSWER_NONE)
        score->n_unanswered++;
      else if (answers[i] == SCS_SA_ANSWER_DONT_KNOW)
        score->n_dont_know++;
      else if (answers[i] == SCS_SA_ANSWER_NOT_APPLICABLE)
        score->n_not_applicable++;
    }
  score->band = score->n_unanswered > 0 ? SCS_SA_BAND_INCOMPLETE : scs_sa_band_for_total (score->total);
}

/* ---- the built-in texts -------------------------------------------------- */

typedef struct
{
  char  *ja;
  char  *en;
  guint  group; /* questions only */
} Text;

typedef struct
{
  char   *id;
  GArray *pledge;    /* of Text */
  GArray *questions; /* of Text */
  GArray *groups;    /* of Text */
  GArray *policy;    /* of Text: [0] the commitment, then the themes */
} Texts;

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* The two <text> children (the schema guarantees ja, then en). */
static Text
read_texts (xmlNodePtr node)
{
  Text text = { NULL, NULL, 0 };

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, "text"))
      {
        xmlChar *content = xmlNodeGetContent (child);

        if (text.ja == NULL)
          text.ja = g_strdup ((const char *) content);
        else
          text.en = g_strdup ((const char *) content);
        xmlFree (content);
      }
  return text;
}

/* Appends the numbered <item>s of @node; FALSE unless numbered 1, 2, 3 … */
static gboolean
read_items (xmlNodePtr  node,
            GArray     *into,
            guint       group)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, "item"))
      {
        xmlChar *number = xmlGetProp (child, (const xmlChar *) "number");
        gboolean in_order = g_ascii_strtoull ((const char *) number, NULL, 10) == into->len + 1;
        Text text;

        xmlFree (number);
        if (!in_order)
          return FALSE;
        text = read_texts (child);
        text.group = group;
        g_array_append_val (into, text);
      }
  return TRUE;
}

static Texts *
load_texts (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  Texts *texts;
  xmlDocPtr doc;
  xmlNodePtr root;
  gboolean ok = TRUE;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data ("/jp/scsworkbench/core/security-action/builtin.xml", 0, error);
  if (bytes == NULL || !scs_attestation_validate (bytes, "security-action", error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int) size, NULL, "UTF-8", XML_PARSE_NONET);
  root = xmlDocGetRootElement (doc);

  texts = g_new0 (Texts, 1);
  texts->pledge = g_array_new (FALSE, TRUE, sizeof (Text));
  texts->questions = g_array_new (FALSE, TRUE, sizeof (Text));
  texts->groups = g_array_new (FALSE, TRUE, sizeof (Text));
  texts->policy = g_array_new (FALSE, TRUE, sizeof (Text));
  {
    xmlChar *id = xmlGetProp (root, (const xmlChar *) "id");

    texts->id = g_strdup ((const char *) id);
    xmlFree (id);
  }

  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    {
      if (is_element (node, "pledge"))
        ok = ok && read_items (node, texts->pledge, 0);
      else if (is_element (node, "self-check"))
        {
          for (xmlNodePtr group = node->children; group != NULL; group = group->next)
            if (is_element (group, "group"))
              {
                Text title = read_texts (group);

                g_array_append_val (texts->groups, title);
                ok = ok && read_items (group, texts->questions, texts->groups->len);
              }
        }
      else if (is_element (node, "policy"))
        {
          for (xmlNodePtr child = node->children; child != NULL; child = child->next)
            if (is_element (child, "commitment"))
              {
                Text commitment = read_texts (child);

                g_array_append_val (texts->policy, commitment);
              }
          {
            g_autoptr(GArray) themes = g_array_new (FALSE, TRUE, sizeof (Text));

            ok = ok && read_items (node, themes, 0);
            g_array_append_vals (texts->policy, themes->data, themes->len);
          }
        }
    }
  xmlFreeDoc (doc);

  if (!ok || texts->questions->len != SCS_SECURITY_ACTION_N_QUESTIONS || texts->policy->len < 2)
    {
      /* Built-in data: a broken build, said plainly rather than half-loaded. */
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_TEXTS,
                   _("The built-in SECURITY ACTION texts are incomplete: they need %u questions "
                     "numbered in order"), SCS_SECURITY_ACTION_N_QUESTIONS);
      return NULL; /* leaked on purpose: never happens in a correct build */
    }
  return texts;
}

static const Texts *
get_texts (void)
{
  static Texts *texts = NULL;

  if (g_once_init_enter (&texts))
    {
      g_autoptr(GError) error = NULL;
      Texts *loaded = load_texts (&error);

      if (loaded == NULL)
        g_error ("%s", error->message);
      g_once_init_leave (&texts, loaded);
    }
  return texts;
}

static const char *
pick (const GArray *array,
      guint         number)
{
  const Text *text;

  if (number == 0 || number > array->len)
    return NULL;
  text = &g_array_index (array, Text, number - 1);
  return scs_i18n_pick (text->ja, text->en);
}

const char *
scs_security_action_get_texts_id (void)
{
  return get_texts ()->id;
}

guint
scs_security_action_get_n_pledge_items (void)
{
  return get_texts ()->pledge->len;
}

const char *
scs_security_action_get_pledge_item (guint number)
{
  return pick (get_texts ()->pledge, number);
}

const char *
scs_security_action_get_question (guint number)
{
  return pick (get_texts ()->questions, number);
}

guint
scs_security_action_get_question_group (guint number)
{
  const GArray *questions = get_texts ()->questions;

  if (number == 0 || number > questions->len)
    return 0;
  return g_array_index (questions, Text, number - 1).group;
}

const char *
scs_security_action_get_group_title (guint group)
{
  return pick (get_texts ()->groups, group);
}

/* The commitment (0) and the five themes (1–5) of the policy template. */
const char *
scs_security_action_get_policy_text (guint number)
{
  return pick (get_texts ()->policy, number + 1);
}

guint
scs_security_action_get_n_policy_themes (void)
{
  return get_texts ()->policy->len - 1;
}

/* ---- the workspace ------------------------------------------------------- */

static gboolean
check_type (ScsWorkspace  *workspace,
            GError       **error)
{
  if (scs_workspace_get_workspace_type (workspace) == SCS_WORKSPACE_TYPE_SECURITY_ACTION)
    return TRUE;

  g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_WRONG_TYPE,
               _("‘%s’ is not a SECURITY ACTION workspace: it is for %s"),
               scs_workspace_get_path (workspace),
               scs_workspace_type_get_label (scs_workspace_get_workspace_type (workspace)));
  return FALSE;
}

gboolean
scs_security_action_get_answers (ScsWorkspace *workspace,
                                 ScsSaAnswer   answers[SCS_SECURITY_ACTION_N_QUESTIONS],
                                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
    answers[i] = SCS_SA_ANSWER_NONE;
  if (!check_type (workspace, error))
    return FALSE;

  stmt = scs_db_prepare (workspace->db, workspace->path, "SELECT question, answer FROM sa_answer", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 question = sqlite3_column_int64 (stmt, 0);
      ScsSaAnswer answer;

      if (question >= 1 && question <= SCS_SECURITY_ACTION_N_QUESTIONS &&
          scs_sa_answer_from_string ((const char *) sqlite3_column_text (stmt, 1), &answer))
        answers[question - 1] = answer;
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, workspace->db, workspace->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
scs_security_action_set_answer (ScsWorkspace *workspace,
                                guint         number,
                                ScsSaAnswer   answer,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = NULL;
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (number < 1 || number > SCS_SECURITY_ACTION_N_QUESTIONS)
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("There is no self-check question %u: the questions are numbered 1 to %u"),
                   number, SCS_SECURITY_ACTION_N_QUESTIONS);
      return FALSE;
    }
  if ((guint) answer >= SCS_SA_N_ANSWERS)
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("Unknown answer %d to self-check question %u"), (int) answer, number);
      return FALSE;
    }
  if (!scs_security_action_get_answers (workspace, answers, error))
    return FALSE;
  if (answers[number - 1] == answer)
    return TRUE;

  if (!scs_workspace_begin (workspace, error))
    return FALSE;
  if (answer == SCS_SA_ANSWER_NONE)
    stmt = scs_db_prepare (workspace->db, workspace->path,
                           "DELETE FROM sa_answer WHERE question = ?1", error);
  else
    stmt = scs_db_prepare (workspace->db, workspace->path,
                           "INSERT INTO sa_answer (question, answer, author, updated) "
                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (question) DO UPDATE SET "
                           "answer = excluded.answer, author = excluded.author, updated = excluded.updated",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, (int) number);
  if (answer != SCS_SA_ANSWER_NONE)
    {
      scs_db_bind_text (stmt, 2, scs_sa_answer_to_string (answer));
      scs_db_bind_text (stmt, 3, scs_workspace_get_actor (workspace));
      scs_db_bind_text (stmt, 4, now);
    }
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    goto fail;

  target = g_strdup_printf ("self-check %u", number);
  if (!scs_workspace_audit (workspace, now, "sa-answer", target,
                            answers[number - 1] != SCS_SA_ANSWER_NONE
                            ? scs_sa_answer_to_string (answers[number - 1]) : NULL,
                            answer != SCS_SA_ANSWER_NONE ? scs_sa_answer_to_string (answer) : NULL,
                            error) ||
      !scs_workspace_commit (workspace, error))
    goto fail;
  return TRUE;

fail:
  scs_workspace_rollback (workspace);
  return FALSE;
}

/* ---- the declaration record ---------------------------------------------- */

void
scs_sa_declaration_free (ScsSaDeclaration *declaration)
{
  if (declaration == NULL)
    return;
  g_free (declaration->declaration_id);
  g_free (declaration->declared);
  g_free (declaration->policy_url);
  g_free (declaration);
}

ScsSaDeclaration *
scs_security_action_get_declaration (ScsWorkspace  *workspace,
                                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsSaDeclaration *declaration;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!check_type (workspace, error))
    return NULL;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT declaration_id, declared, level, policy_url FROM sa_declaration WHERE id = 1",
                         error);
  if (stmt == NULL)
    return NULL;
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      declaration = g_new0 (ScsSaDeclaration, 1);
      declaration->declaration_id = scs_db_column_dup (stmt, 0);
      declaration->declared = scs_db_column_dup (stmt, 1);
      declaration->level = (guint) sqlite3_column_int (stmt, 2);
      declaration->policy_url = scs_db_column_dup (stmt, 3);
      return declaration;

    case SQLITE_DONE:
      return NULL;

    default:
      scs_db_set_error (error, workspace->db, workspace->path);
      return NULL;
    }
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDate) date = NULL;
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      text[4] != '-' || text[7] != '-')
    return FALSE;
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
describe (const ScsSaDeclaration *declaration)
{
  return g_strdup_printf ("%s %s ★%u %s",
                          declaration->declaration_id ? declaration->declaration_id : "-",
                          declaration->declared ? declaration->declared : "-",
                          declaration->level,
                          declaration->policy_url ? declaration->policy_url : "-");
}

gboolean
scs_security_action_set_declaration (ScsWorkspace            *workspace,
                                     const ScsSaDeclaration  *declaration,
                                     GError                 **error)
{
  g_autoptr(ScsSaDeclaration) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const char *id = declaration->declaration_id;
  const char *url = declaration->policy_url;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (declaration != NULL, FALSE);

  if (!check_type (workspace, error))
    return FALSE;
  if (id != NULL && *id != '\0' && !is_digits (id, 11))
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("The declaration ID ‘%s’ is not valid: it has 11 digits"), id);
      return FALSE;
    }
  if (declaration->declared != NULL && *declaration->declared != '\0' && !is_date (declaration->declared))
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("The declaration date ‘%s’ is not a date (YYYY-MM-DD)"), declaration->declared);
      return FALSE;
    }
  if (declaration->level != 1 && declaration->level != 2)
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("The declared level must be ★1 or ★2, not %u"), declaration->level);
      return FALSE;
    }
  if (url != NULL && *url != '\0' &&
      !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("The basic policy’s address ‘%s’ is not a web address (https://…)"), url);
      return FALSE;
    }

  old = scs_security_action_get_declaration (workspace, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!scs_workspace_begin (workspace, error))
    return FALSE;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "INSERT OR REPLACE INTO sa_declaration (id, declaration_id, declared, level, policy_url) "
                         "VALUES (1, NULLIF (?1, ''), NULLIF (?2, ''), ?3, NULLIF (?4, ''))", error);
  if (stmt == NULL)
    goto fail;
  scs_db_bind_text (stmt, 1, id);
  scs_db_bind_text (stmt, 2, declaration->declared);
  sqlite3_bind_int (stmt, 3, (int) declaration->level);
  scs_db_bind_text (stmt, 4, url);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    goto fail;

  old_text = old != NULL ? describe (old) : NULL;
  new_text = describe (declaration);
  if (!scs_workspace_audit (workspace, now, "sa-declaration", "declaration", old_text, new_text, error) ||
      !scs_workspace_commit (workspace, error))
    goto fail;
  return TRUE;

fail:
  scs_workspace_rollback (workspace);
  return FALSE;
}
