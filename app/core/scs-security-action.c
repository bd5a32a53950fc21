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

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-date.h"
#include "scs-db.h"
#include "scs-i18n.h"
#include "scs-items.h"
#include "scs-pdf-writer.h"
#include "scs-text.h"
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
  ") STRICT;\n"
  "CREATE TABLE sa_policy (\n"
  "  id             INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  company        TEXT NOT NULL CHECK (company <> ''),\n"
  "  representative TEXT NOT NULL CHECK (representative <> ''),\n"
  "  adopted        TEXT NOT NULL,\n"
  "  revised        TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE sa_onramp (\n"
  "  requirement_id TEXT PRIMARY KEY,\n"
  "  questions      TEXT NOT NULL,\n"
  "  gap            INTEGER NOT NULL CHECK (gap IN (0, 1))\n"
  ") STRICT;\n";

/* The answers moved to the shared item_answer table (scs-items.c). */
static const char security_action_v2[] =
  "INSERT INTO item_answer (type, item, state, reason, author, updated)\n"
  "  SELECT 'security-action', CAST (question AS TEXT), answer, NULL, author, updated FROM sa_answer;\n"
  "DROP TABLE sa_answer;\n";

/* The ★1 pledge's date (the items pledged are rows "pledge-N" of item_answer). */
static const char security_action_v3[] =
  "CREATE TABLE sa_pledge (\n"
  "  id      INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  pledged TEXT NOT NULL\n"
  ") STRICT;\n";

static const char * const security_action_steps[] = {
  security_action_v1, security_action_v2, security_action_v3,
};

const ScsSchemaModule scs_security_action_schema = {
  "security_action", security_action_steps, G_N_ELEMENTS (security_action_steps),
};

/* ---- answers and bands --------------------------------------------------- */

/* Row i is the answer i; the first, "not answered", is never stored. */
static const ScsTextWord answer_words[SCS_SA_N_ANSWERS] = {
  { "", N_("Not answered") },
  { "done", N_("Done") },
  { "partly", N_("Partly done") },
  { "not-done", N_("Not done") },
  { "dont-know", N_("Don’t know") },
  { "na", N_("Not applicable (scored as done)") },
};

const char *
scs_sa_answer_to_string (ScsSaAnswer answer)
{
  g_return_val_if_fail ((guint) answer < SCS_SA_N_ANSWERS, "");
  return answer_words[answer].id;
}

gboolean
scs_sa_answer_from_string (const char  *word,
                           ScsSaAnswer *answer)
{
  guint i;

  if (!scs_text_find_word (&answer_words[1].id, sizeof (answer_words[0]), G_N_ELEMENTS (answer_words) - 1, word, &i))
    return FALSE;
  *answer = (ScsSaAnswer) (i + 1);
  return TRUE;
}

const char *
scs_sa_answer_get_label (ScsSaAnswer answer)
{
  g_return_val_if_fail ((guint) answer < SCS_SA_N_ANSWERS, "");
  return _(answer_words[answer].label);
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

/* Row i is the band i: its word, its label and the next step it calls for. */
static const struct
{
  const char *word;
  const char *label;
  const char *next_step;
} bands[] = {
  { "incomplete", N_("Not every question is answered yet"), N_("Answer the remaining questions.") },
  { "achieved", N_("The basic measures are in place"),
    N_("Keep it up and look at further measures, such as the SCS ★3 assessment.") },
  { "mostly", N_("Mostly in place, with some gaps"), N_("Fix the weak items and aim for 100 points.") },
  { "gaps", N_("Clear gaps"), N_("Improve, starting with the lowest-scoring items.") },
  { "urgent", N_("An incident could happen at any time"), N_("Improve urgently.") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (bands) == SCS_SA_BAND_URGENT + 1);

const char *
scs_sa_band_to_string (ScsSaBand band)
{
  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (bands), "");
  return bands[band].word;
}

const char *
scs_sa_band_get_label (ScsSaBand band)
{
  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (bands), "");
  return _(bands[band].label);
}

const char *
scs_sa_band_get_next_step (ScsSaBand band)
{
  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (bands), "");
  return _(bands[band].next_step);
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
  GStrv  star3; /* questions only: our mapping to ★3 requirement IDs */
} Text;

typedef struct
{
  char   *id;
  GArray *pledge;    /* of Text */
  GArray *questions; /* of Text */
  GArray *groups;    /* of Text */
  GArray *policy;    /* of Text: [0] the commitment, then the themes */
} Texts;

/* The two <text> children and, for questions, the <star3> mapping. */
static Text
read_texts (xmlNodePtr node)
{
  Text text = { NULL, NULL, 0, NULL };
  g_autoptr(GStrvBuilder) star3 = g_strv_builder_new ();

  scs_items_read_texts (node, &text.ja, &text.en);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (scs_items_is_element (child, "star3"))
      {
        g_autofree char *requirement = scs_items_prop (child, "requirement");

        g_strv_builder_add (star3, requirement);
      }
  text.star3 = g_strv_builder_end (star3);
  return text;
}

/* Appends the numbered <item>s of @node; FALSE unless numbered 1, 2, 3 … */
static gboolean
read_items (xmlNodePtr  node,
            GArray     *into,
            guint       group)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (scs_items_is_element (child, "item"))
      {
        g_autofree char *number = scs_items_prop (child, "number");
        gboolean in_order = g_ascii_strtoull (number, NULL, 10) == into->len + 1;
        Text text;

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
  Texts *texts;
  xmlDocPtr doc;
  xmlNodePtr root;
  gboolean ok = TRUE;

  doc = scs_items_load_texts ("/jp/scsworkbench/core/security-action/builtin.xml", "security-action", error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);

  texts = g_new0 (Texts, 1);
  texts->id = scs_items_prop (root, "id");
  texts->pledge = g_array_new (FALSE, TRUE, sizeof (Text));
  texts->questions = g_array_new (FALSE, TRUE, sizeof (Text));
  texts->groups = g_array_new (FALSE, TRUE, sizeof (Text));
  texts->policy = g_array_new (FALSE, TRUE, sizeof (Text));

  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    {
      if (scs_items_is_element (node, "pledge"))
        ok = ok && read_items (node, texts->pledge, 0);
      else if (scs_items_is_element (node, "self-check"))
        {
          for (xmlNodePtr group = node->children; group != NULL; group = group->next)
            if (scs_items_is_element (group, "group"))
              {
                Text title = read_texts (group);

                g_array_append_val (texts->groups, title);
                ok = ok && read_items (group, texts->questions, texts->groups->len);
              }
        }
      else if (scs_items_is_element (node, "policy"))
        {
          for (xmlNodePtr child = node->children; child != NULL; child = child->next)
            if (scs_items_is_element (child, "commitment"))
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

  return scs_items_get_texts_once ((gpointer *) &texts, (ScsItemsLoadFunc) load_texts);
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
  return scs_items_check_type (workspace, SCS_WORKSPACE_TYPE_SECURITY_ACTION, SCS_SECURITY_ACTION_ERROR,
                               SCS_SECURITY_ACTION_ERROR_WRONG_TYPE, error);
}

gboolean
scs_security_action_get_answers (ScsWorkspace *workspace,
                                 ScsSaAnswer   answers[SCS_SECURITY_ACTION_N_QUESTIONS],
                                 GError      **error)
{
  g_autoptr(GHashTable) stored = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  for (guint i = 0; i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
    answers[i] = SCS_SA_ANSWER_NONE;
  if (!check_type (workspace, error))
    return FALSE;
  stored = scs_items_list_answers (workspace, SCS_WORKSPACE_TYPE_SECURITY_ACTION, error);
  if (stored == NULL)
    return FALSE;
  scs_security_action_answers_of (stored, answers, NULL);
  return TRUE;
}

void
scs_security_action_answers_of (GHashTable  *stored,
                                ScsSaAnswer  answers[SCS_SECURITY_ACTION_N_QUESTIONS],
                                gboolean    *pledged)
{
  for (guint i = 0; answers != NULL && i < SCS_SECURITY_ACTION_N_QUESTIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i + 1);

      answers[i] = SCS_SA_ANSWER_NONE;
      scs_sa_answer_from_string (g_hash_table_lookup (stored, key), &answers[i]);
    }
  for (guint i = 0; pledged != NULL && i < scs_security_action_get_n_pledge_items (); i++)
    {
      g_autofree char *key = g_strdup_printf ("pledge-%u", i + 1);

      pledged[i] = g_hash_table_contains (stored, key);
    }
}

/* Evidence is linked to the self-check questions ("7") and the pledge
 * items ("pledge-2") by their keys (scs-workspace-private.h). */
gboolean
scs_security_action_is_item_key (const char *key)
{
  gboolean pledge = FALSE;
  guint64 number;

  if (key == NULL)
    return FALSE;
  if (g_str_has_prefix (key, "pledge-"))
    {
      key += strlen ("pledge-");
      pledge = TRUE;
    }
  /* the keys as written: no "07" */
  if (key[0] == '0')
    return FALSE;
  if (pledge)
    return g_ascii_string_to_unsigned (key, 10, 1, scs_security_action_get_n_pledge_items (), &number, NULL);
  return g_ascii_string_to_unsigned (key, 10, 1, SCS_SECURITY_ACTION_N_QUESTIONS, &number, NULL);
}

gboolean
scs_security_action_set_answer (ScsWorkspace *workspace,
                                guint         number,
                                ScsSaAnswer   answer,
                                GError      **error)
{
  g_autofree char *key = NULL;
  g_autofree char *target = NULL;

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
  if (!check_type (workspace, error))
    return FALSE;

  key = g_strdup_printf ("%u", number);
  target = g_strdup_printf ("self-check %u", number);
  return scs_items_set_answer (workspace, SCS_WORKSPACE_TYPE_SECURITY_ACTION, key,
                               answer != SCS_SA_ANSWER_NONE ? scs_sa_answer_to_string (answer) : NULL,
                               NULL, "sa-answer", target, NULL, error);
}

/* ---- the ★1 pledge ------------------------------------------------------ */

gboolean
scs_security_action_get_pledge (ScsWorkspace  *workspace,
                                gboolean      *items,
                                char         **date,
                                GError       **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (date != NULL)
    *date = NULL;
  if (!check_type (workspace, error))
    return FALSE;
  stored = scs_items_list_answers (workspace, SCS_WORKSPACE_TYPE_SECURITY_ACTION, error);
  if (stored == NULL)
    return FALSE;
  scs_security_action_answers_of (stored, NULL, items);
  stmt = scs_db_read_row (workspace->db, workspace->path, "SELECT pledged FROM sa_pledge WHERE id = 1",
                          &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (stmt != NULL && date != NULL)
    *date = scs_db_column_dup (stmt, 0);
  return TRUE;
}

gboolean
scs_security_action_set_pledge_item (ScsWorkspace  *workspace,
                                     guint          number,
                                     gboolean       pledged,
                                     GError       **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (!check_type (workspace, error))
    return FALSE;
  if (number < 1 || number > scs_security_action_get_n_pledge_items ())
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("There is no pledge item %u: the items are numbered 1 to %u"),
                   number, scs_security_action_get_n_pledge_items ());
      return FALSE;
    }
  key = g_strdup_printf ("pledge-%u", number);
  return scs_items_set_answer (workspace, SCS_WORKSPACE_TYPE_SECURITY_ACTION, key,
                               pledged ? "pledged" : NULL, NULL, "sa-pledge", key, NULL, error);
}

gboolean
scs_security_action_set_pledge_date (ScsWorkspace  *workspace,
                                     const char    *date,
                                     GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) parsed = scs_date_parse_iso (date);
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (!check_type (workspace, error))
    return FALSE;
  if (parsed == NULL)
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("The pledge date ‘%s’ is not a date (YYYY-MM-DD)"), date ? date : "");
      return FALSE;
    }
  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO sa_pledge (id, pledged) VALUES (1, ?1)", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, date);
  return scs_workspace_write_finish (workspace, &txn, stmt, now, "sa-pledge", "date", NULL, date, error);
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
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!check_type (workspace, error))
    return NULL;
  return scs_security_action_read_declaration (workspace->db, workspace->path, error);
}

ScsSaDeclaration *
scs_security_action_read_declaration (sqlite3     *db,
                                      const char  *path,
                                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsSaDeclaration *declaration;

  stmt = scs_db_read_row (db, path, "SELECT declaration_id, declared, level, policy_url "
                                    "FROM sa_declaration WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  declaration = g_new0 (ScsSaDeclaration, 1);
  declaration->declaration_id = scs_db_column_dup (stmt, 0);
  declaration->declared = scs_db_column_dup (stmt, 1);
  declaration->level = (guint) sqlite3_column_int (stmt, 2);
  declaration->policy_url = scs_db_column_dup (stmt, 3);
  return declaration;
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
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
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
  if (declaration->declared != NULL && *declaration->declared != '\0' && !scs_date_is_iso (declaration->declared))
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

  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO sa_declaration (id, declaration_id, declared, level, policy_url) "
                                    "VALUES (1, NULLIF (?1, ''), NULLIF (?2, ''), ?3, NULLIF (?4, ''))", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, id);
  scs_db_bind_text (stmt, 2, declaration->declared);
  sqlite3_bind_int (stmt, 3, (int) declaration->level);
  scs_db_bind_text (stmt, 4, url);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return FALSE;

  old_text = old != NULL ? describe (old) : NULL;
  new_text = describe (declaration);
  if (!scs_workspace_audit (workspace, now, "sa-declaration", "declaration", old_text, new_text, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  return TRUE;
}

/* ---- the basic policy ---------------------------------------------------- */

void
scs_sa_policy_free (ScsSaPolicy *policy)
{
  if (policy == NULL)
    return;
  g_free (policy->company);
  g_free (policy->representative);
  g_free (policy->adopted);
  g_free (policy->revised);
  g_free (policy);
}

ScsSaPolicy *
scs_security_action_get_policy (ScsWorkspace  *workspace,
                                GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!check_type (workspace, error))
    return NULL;
  return scs_security_action_read_policy (workspace->db, workspace->path, error);
}

ScsSaPolicy *
scs_security_action_read_policy (sqlite3     *db,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsSaPolicy *policy;

  stmt = scs_db_read_row (db, path, "SELECT company, representative, adopted, revised "
                                    "FROM sa_policy WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  policy = g_new0 (ScsSaPolicy, 1);
  policy->company = scs_db_column_dup (stmt, 0);
  policy->representative = scs_db_column_dup (stmt, 1);
  policy->adopted = scs_db_column_dup (stmt, 2);
  policy->revised = scs_db_column_dup (stmt, 3);
  return policy;
}

gboolean
scs_security_action_set_policy (ScsWorkspace       *workspace,
                                const ScsSaPolicy  *policy,
                                GError            **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  if (!check_type (workspace, error))
    return FALSE;
  if (scs_text_is_blank (policy->company) || scs_text_is_blank (policy->representative))
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("The basic policy needs the company’s name and its representative"));
      return FALSE;
    }
  if (!scs_date_is_iso (policy->adopted) || (policy->revised != NULL && *policy->revised != '\0' &&
                                     !scs_date_is_iso (policy->revised)))
    {
      g_set_error (error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                   _("The basic policy’s dates must be dates (YYYY-MM-DD): adopted ‘%s’, revised ‘%s’"),
                   policy->adopted ? policy->adopted : "", policy->revised ? policy->revised : "");
      return FALSE;
    }

  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO sa_policy (id, company, representative, adopted, revised) "
                                    "VALUES (1, ?1, ?2, ?3, NULLIF (?4, ''))", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, policy->company);
  scs_db_bind_text (stmt, 2, policy->representative);
  scs_db_bind_text (stmt, 3, policy->adopted);
  scs_db_bind_text (stmt, 4, policy->revised);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return FALSE;
  text = g_strdup_printf ("%s / %s / %s / %s", policy->company, policy->representative, policy->adopted,
                          policy->revised ? policy->revised : "-");
  if (!scs_workspace_audit (workspace, now, "sa-policy", "policy", NULL, text, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  return TRUE;
}

GBytes *
scs_security_action_render_policy (ScsWorkspace  *workspace,
                                   GError       **error)
{
  g_autoptr(ScsSaPolicy) policy = NULL;
  g_autoptr(ScsPdfWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *adopted = NULL;
  g_autofree char *revised = NULL;
  g_autofree char *date = NULL;
  const char *title;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  policy = scs_security_action_get_policy (workspace, &local_error);
  if (policy == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SCS_SECURITY_ACTION_ERROR, SCS_SECURITY_ACTION_ERROR_INVALID,
                     _("‘%s’ has no basic policy yet: fill in the company, representative and date first"),
                     scs_workspace_get_path (workspace));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  title = _("Information Security Basic Policy");
  date = g_strconcat (policy->revised ? policy->revised : policy->adopted, "T00:00:00Z", NULL);
  writer = scs_pdf_writer_new ();
  scs_pdf_writer_set_metadata (writer, title, policy->company, date);
  scs_pdf_writer_set_margins (writer, 72, 72, 72, 72);
  scs_pdf_writer_title (writer, title);
  scs_pdf_writer_spacer (writer, 12);
  scs_pdf_writer_paragraph (writer, scs_security_action_get_policy_text (0));
  scs_pdf_writer_spacer (writer, 8);
  for (guint i = 1; i <= scs_security_action_get_n_policy_themes (); i++)
    {
      g_autofree char *line = g_strdup_printf ("%u. %s", i, scs_security_action_get_policy_text (i));

      scs_pdf_writer_paragraph (writer, line);
    }
  scs_pdf_writer_spacer (writer, 24);
  /* Translators: the date the basic policy was adopted */
  adopted = g_strdup_printf (_("Adopted: %s"), policy->adopted);
  scs_pdf_writer_paragraph (writer, adopted);
  if (policy->revised != NULL)
    {
      /* Translators: the date the basic policy was last revised */
      revised = g_strdup_printf (_("Revised: %s"), policy->revised);
      scs_pdf_writer_paragraph (writer, revised);
    }
  scs_pdf_writer_spacer (writer, 8);
  scs_pdf_writer_paragraph (writer, policy->company);
  scs_pdf_writer_paragraph (writer, policy->representative);

  return scs_pdf_writer_finish (writer, error);
}

/* ---- the on-ramp to ★3 --------------------------------------------------- */

void
scs_sa_onramp_hint_free (ScsSaOnrampHint *hint)
{
  if (hint == NULL)
    return;
  g_free (hint->requirement_id);
  g_free (hint->questions);
  g_free (hint);
}

static gboolean
is_gap (ScsSaAnswer answer)
{
  return answer == SCS_SA_ANSWER_PARTLY || answer == SCS_SA_ANSWER_NOT_DONE ||
         answer == SCS_SA_ANSWER_DONT_KNOW;
}

ScsWorkspace *
scs_security_action_start_star3 (ScsWorkspace  *workspace,
                                 const char    *path,
                                 GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsWorkspace) star3 = NULL;
  g_autoptr(GHashTable) questions = NULL;  /* requirement → GString of numbers */
  g_autoptr(GHashTable) gaps = NULL;       /* requirement → present when a gap */
  g_autoptr(GList) keys = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  const GArray *texts;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!scs_security_action_get_answers (workspace, answers, error))
    return NULL;

  org = scs_workspace_dup_organization (workspace);
  catalog = scs_catalog_new_builtin ();
  star3 = scs_workspace_create (path, org, 3, catalog, error);
  if (star3 == NULL)
    return NULL;
  scs_workspace_set_actor (star3, scs_workspace_get_actor (workspace));

  questions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_free);
  gaps = g_hash_table_new (g_str_hash, g_str_equal);
  texts = get_texts ()->questions;
  for (guint i = 0; i < texts->len; i++)
    {
      const Text *text = &g_array_index (texts, Text, i);

      for (guint k = 0; text->star3[k] != NULL; k++)
        {
          const char *id = text->star3[k];
          char *old = g_hash_table_lookup (questions, id);

          g_hash_table_insert (questions, (gpointer) id,
                               old != NULL ? g_strdup_printf ("%s,%u", old, i + 1) : g_strdup_printf ("%u", i + 1));
          if (is_gap (answers[i]))
            g_hash_table_add (gaps, (gpointer) id);
        }
    }

  if (!scs_workspace_transaction_begin (star3, &txn, error))
    return NULL;
  keys = g_list_sort (g_hash_table_get_keys (questions), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = scs_db_prepare (star3->db, star3->path,
                             "INSERT INTO sa_onramp (requirement_id, questions, gap) VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return NULL;
      scs_db_bind_text (stmt, 1, l->data);
      scs_db_bind_text (stmt, 2, g_hash_table_lookup (questions, l->data));
      sqlite3_bind_int (stmt, 3, g_hash_table_contains (gaps, l->data) ? 1 : 0);
      if (!scs_db_step_done (stmt, star3->db, star3->path, error))
        return NULL;
    }
  if (!scs_workspace_audit (star3, now, "onramp-from", "security-action",
                            NULL, scs_workspace_get_path (workspace), error) ||
      !scs_db_transaction_commit (&txn, error))
    return NULL;

  /* The source records where its ★3 assessment went. */
  if (!scs_workspace_transaction_begin (workspace, &txn, error) ||
      !scs_workspace_audit (workspace, now, "onramp-to", "star3", NULL, path, error) ||
      !scs_db_transaction_commit (&txn, error))
    return NULL;
  return g_steal_pointer (&star3);
}

static gpointer
onramp_hint_from_row (sqlite3_stmt *stmt,
                      gpointer      user_data)
{
  ScsSaOnrampHint *hint = g_new0 (ScsSaOnrampHint, 1);
  g_auto(GStrv) numbers = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), ",", -1);
  guint n = g_strv_length (numbers);

  hint->requirement_id = scs_db_column_dup (stmt, 0);
  hint->gap = sqlite3_column_int (stmt, 2) != 0;
  hint->questions = g_new0 (guint, n + 1);
  for (guint i = 0; i < n; i++)
    hint->questions[i] = (guint) g_ascii_strtoull (numbers[i], NULL, 10);
  return hint;
}

GPtrArray *
scs_security_action_list_onramp (ScsWorkspace  *workspace,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT requirement_id, questions, gap FROM sa_onramp ORDER BY requirement_id", error);
  if (stmt == NULL)
    return NULL;
  return scs_db_collect (stmt, workspace->db, workspace->path, onramp_hint_from_row, NULL,
                         (GDestroyNotify) scs_sa_onramp_hint_free, error);
}
