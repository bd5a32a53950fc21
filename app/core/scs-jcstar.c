/* scs-jcstar.c: JC-STAR ★1 product self-declaration workspaces
 *
 * A maker declares that a product (several model numbers, one set of
 * firmware/software versions) meets the 16 ★1 requirements S1.1-01 …
 * S1.1-16, each shown by numbered evaluation items: all of them, or any one
 * where they are alternatives, and some only under a condition (network
 * log-in, network updates), else not applicable with a reason. A workspace
 * of type "jcstar1" keeps the product record and the answer to each item in
 * this module's tables, beside the organisation, evidence, audit log and
 * signatures every workspace has; each change is one durable transaction
 * with its audit row.
 *
 * The texts are data (data/jcstar/jcstar1-1.xml, our own words, checked
 * against data/schema/jcstar.rng); topics not confirmed from a public
 * source are marked provisional there. The equivalence rules come from the
 * UK PSTI regulations and the Japan–Singapore MoC: a PSTI-compliant product
 * is exempt from S1.1-02, -05 and -16; a current ★1 label meets PSTI's
 * three requirements; against CLS Level 1, requirements 2, 3, 4, 5, 7, 8
 * and 10 are fully matched, 6, 9 and 16 partly and 1, 11–15 not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-jcstar.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scs-attestation.h"
#include "scs-date.h"
#include "scs-db.h"
#include "scs-text.h"
#include "scs-workspace-private.h"
#include "scs-xml.h"

G_DEFINE_QUARK (scs-jcstar-error-quark, scs_jcstar_error)

static const char jcstar_v1[] =
  "CREATE TABLE jc_product (\n"
  "  id                 INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  name               TEXT NOT NULL CHECK (name <> ''),\n"
  "  model_numbers      TEXT NOT NULL CHECK (model_numbers <> ''),\n"
  "  versions           TEXT,\n"
  "  support_end        TEXT,\n"
  "  vdp_url            TEXT,\n"
  "  vdp_contact        TEXT,\n"
  "  user_contact       TEXT,\n"
  "  criteria_version   TEXT NOT NULL,\n"
  "  application_number TEXT,\n"
  "  label_number       TEXT,\n"
  "  issued             TEXT,\n"
  "  expires            TEXT,\n"
  "  route              TEXT NOT NULL CHECK (route IN ('standard', 'psti', 'cls')),\n"
  "  home_gateway       INTEGER NOT NULL CHECK (home_gateway IN (0, 1))\n"
  ") STRICT;\n"
  "CREATE TABLE jc_answer (\n"
  "  requirement_id TEXT NOT NULL,\n"
  "  item           INTEGER NOT NULL CHECK (item >= 1),\n"
  "  state          TEXT NOT NULL CHECK (state IN ('conforms', 'does-not', 'na')),\n"
  "  reason         TEXT,\n"
  "  author         TEXT NOT NULL,\n"
  "  updated        TEXT NOT NULL,\n"
  "  PRIMARY KEY (requirement_id, item),\n"
  "  CHECK (state <> 'na' OR trim (coalesce (reason, '')) <> '')\n"
  ") STRICT;\n";

static const char * const jcstar_steps[] = { jcstar_v1 };

const ScsSchemaModule scs_jcstar_schema = {
  "jcstar", jcstar_steps, G_N_ELEMENTS (jcstar_steps),
};

/* ---- the built-in texts -------------------------------------------------- */

typedef struct
{
  char    *document;
  GArray  *requirements; /* of ScsJcRequirement */
} Texts;

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static void
read_texts (xmlNodePtr   node,
            const char **ja,
            const char **en)
{
  *ja = *en = NULL;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, "text"))
      {
        xmlChar *content = xmlNodeGetContent (child);

        if (*ja == NULL)
          *ja = g_strdup ((const char *) content);
        else
          *en = g_strdup ((const char *) content);
        xmlFree (content);
      }
}

static Texts *
load_texts (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  Texts *texts;
  xmlDocPtr doc;
  xmlNodePtr root;
  gboolean ok = TRUE;

  bytes = g_resources_lookup_data ("/jp/scsworkbench/core/jcstar/builtin.xml", 0, error);
  if (bytes == NULL || !scs_attestation_validate (bytes, "jcstar", error))
    return NULL;

  doc = scs_xml_parse (bytes, G_MAXINT, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  texts = g_new0 (Texts, 1);
  texts->document = prop (root, "criteria-document");
  texts->requirements = g_array_new (FALSE, TRUE, sizeof (ScsJcRequirement));

  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    if (is_element (node, "requirement"))
      {
        ScsJcRequirement requirement = { 0 };
        g_autofree char *cls = prop (node, "cls");
        g_autofree char *items = prop (node, "items");
        g_autofree char *psti = prop (node, "psti-exempt");
        g_autofree char *provisional = prop (node, "provisional");
        g_autofree char *expected = g_strdup_printf ("S1.1-%02u", texts->requirements->len + 1);
        GArray *item_array = g_array_new (FALSE, TRUE, sizeof (ScsJcItem));

        requirement.id = prop (node, "id");
        requirement.method = prop (node, "method");
        requirement.cls = g_str_equal (cls, "full") ? SCS_JC_CLS_FULL
                          : g_str_equal (cls, "partial") ? SCS_JC_CLS_PARTIAL : SCS_JC_CLS_NONE;
        requirement.any = g_str_equal (items, "any");
        requirement.psti_exempt = psti != NULL;
        requirement.provisional = provisional != NULL;
        read_texts (node, &requirement.text_ja, &requirement.text_en);
        ok = ok && g_str_equal (requirement.id, expected);

        for (xmlNodePtr child = node->children; child != NULL; child = child->next)
          if (is_element (child, "item"))
            {
              ScsJcItem item = { 0 };
              g_autofree char *number = prop (child, "number");
              g_autofree char *item_provisional = prop (child, "provisional");

              item.number = (guint) g_ascii_strtoull (number, NULL, 10);
              item.condition = prop (child, "condition");
              item.provisional = item_provisional != NULL;
              read_texts (child, &item.text_ja, &item.text_en);
              ok = ok && item.number == item_array->len + 1;
              g_array_append_val (item_array, item);
            }
        requirement.n_items = item_array->len;
        requirement.items = (const ScsJcItem *) g_array_free (item_array, FALSE);
        g_array_append_val (texts->requirements, requirement);
      }
  xmlFreeDoc (doc);

  if (!ok || texts->requirements->len != 16)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("The built-in JC-STAR texts are incomplete: they need S1.1-01 to S1.1-16 "
                     "with items numbered in order"));
      return NULL;
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

const char *
scs_jcstar_get_criteria_document (void)
{
  return get_texts ()->document;
}

guint
scs_jcstar_get_n_requirements (void)
{
  return get_texts ()->requirements->len;
}

const ScsJcRequirement *
scs_jcstar_get_requirement (guint index)
{
  const GArray *requirements = get_texts ()->requirements;

  return index < requirements->len ? &g_array_index (requirements, ScsJcRequirement, index) : NULL;
}

const ScsJcRequirement *
scs_jcstar_lookup_requirement (const char *id)
{
  for (guint i = 0; id != NULL && i < scs_jcstar_get_n_requirements (); i++)
    if (g_str_equal (scs_jcstar_get_requirement (i)->id, id))
      return scs_jcstar_get_requirement (i);
  return NULL;
}

/* ---- equivalence --------------------------------------------------------- */

gboolean
scs_jcstar_is_waived (const ScsJcRequirement *requirement,
                      ScsJcRoute              route)
{
  g_return_val_if_fail (requirement != NULL, FALSE);

  switch (route)
    {
    case SCS_JC_ROUTE_PSTI:
      return requirement->psti_exempt;
    case SCS_JC_ROUTE_CLS:
      return requirement->cls == SCS_JC_CLS_FULL;
    case SCS_JC_ROUTE_STANDARD:
    default:
      return FALSE;
    }
}

gboolean
scs_jcstar_label_covers_psti (const ScsJcProduct *product,
                              const char         *today)
{
  g_return_val_if_fail (product != NULL && today != NULL, FALSE);

  /* ISO dates compare as strings. */
  return product->label_number != NULL && product->issued != NULL && product->expires != NULL &&
         strcmp (product->issued, today) <= 0 && strcmp (today, product->expires) <= 0;
}

const char * const *
scs_jcstar_cls_still_needed (gboolean home_gateway)
{
  static const char * const device[] = { "5.3-7", NULL };
  static const char * const gateway[] = { "5.3-7", "7.3-1", "7.3-7", "7.3-4", "5.3-6", "7.3-6", NULL };

  return home_gateway ? gateway : device;
}

/* ---- the workspace ------------------------------------------------------- */

static gboolean
check_type (ScsWorkspace  *workspace,
            GError       **error)
{
  if (scs_workspace_get_workspace_type (workspace) == SCS_WORKSPACE_TYPE_JCSTAR1)
    return TRUE;

  g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_WRONG_TYPE,
               _("‘%s’ is not a JC-STAR ★1 workspace: it is for %s"),
               scs_workspace_get_path (workspace),
               scs_workspace_type_get_label (scs_workspace_get_workspace_type (workspace)));
  return FALSE;
}

void
scs_jc_product_free (ScsJcProduct *product)
{
  if (product == NULL)
    return;
  g_free (product->name);
  g_strfreev (product->model_numbers);
  g_free (product->versions);
  g_free (product->support_end);
  g_free (product->vdp_url);
  g_free (product->vdp_contact);
  g_free (product->user_contact);
  g_free (product->criteria_version);
  g_free (product->application_number);
  g_free (product->label_number);
  g_free (product->issued);
  g_free (product->expires);
  g_free (product);
}

static const char * const route_words[] = { "standard", "psti", "cls" };

ScsJcProduct *
scs_jcstar_get_product (ScsWorkspace  *workspace,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsJcProduct *product;
  const char *route;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!check_type (workspace, error))
    return NULL;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT name, model_numbers, versions, support_end, vdp_url, vdp_contact, "
                         "user_contact, criteria_version, application_number, label_number, issued, "
                         "expires, route, home_gateway FROM jc_product WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      product = g_new0 (ScsJcProduct, 1);
      product->name = scs_db_column_dup (stmt, 0);
      product->model_numbers = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), "\n", -1);
      product->versions = scs_db_column_dup (stmt, 2);
      product->support_end = scs_db_column_dup (stmt, 3);
      product->vdp_url = scs_db_column_dup (stmt, 4);
      product->vdp_contact = scs_db_column_dup (stmt, 5);
      product->user_contact = scs_db_column_dup (stmt, 6);
      product->criteria_version = scs_db_column_dup (stmt, 7);
      product->application_number = scs_db_column_dup (stmt, 8);
      product->label_number = scs_db_column_dup (stmt, 9);
      product->issued = scs_db_column_dup (stmt, 10);
      product->expires = scs_db_column_dup (stmt, 11);
      route = (const char *) sqlite3_column_text (stmt, 12);
      for (guint i = 0; i < G_N_ELEMENTS (route_words); i++)
        if (g_strcmp0 (route, route_words[i]) == 0)
          product->route = (ScsJcRoute) i;
      product->home_gateway = sqlite3_column_int (stmt, 13) != 0;
      return product;

    case SQLITE_DONE:
      return NULL;

    default:
      scs_db_set_error (error, workspace->db, workspace->path);
      return NULL;
    }
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  g_autoptr(GDate) parsed = scs_date_parse_iso (text);

  if (parsed == NULL)
    return FALSE;
  *date = *parsed;
  return TRUE;
}

static gboolean
validate_product (const ScsJcProduct  *product,
                  GError             **error)
{
  const char *dates[] = { product->support_end, product->issued, product->expires };
  GDate issued, expires, limit;

  if (scs_text_is_blank (product->name) || product->model_numbers == NULL || product->model_numbers[0] == NULL)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("The product needs a name and at least one model number"));
      return FALSE;
    }
  for (guint i = 0; product->model_numbers[i] != NULL; i++)
    if (scs_text_is_blank (product->model_numbers[i]) || strchr (product->model_numbers[i], '\n') != NULL)
      {
        g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                     _("Model number %u is empty or spans several lines"), i + 1);
        return FALSE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i] != NULL && !parse_date (dates[i], &issued))
      {
        g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                     _("‘%s’ is not a date (YYYY-MM-DD)"), dates[i]);
        return FALSE;
      }
  if (product->issued != NULL && product->expires != NULL)
    {
      parse_date (product->issued, &issued);
      parse_date (product->expires, &expires);
      limit = issued;
      g_date_add_years (&limit, 2);
      if (g_date_compare (&expires, &issued) < 0 || g_date_compare (&expires, &limit) > 0)
        {
          g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                       _("A ★1 label is valid for up to two years: it cannot expire on %s "
                         "when it was issued on %s"), product->expires, product->issued);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
scs_jcstar_set_product (ScsWorkspace        *workspace,
                        const ScsJcProduct  *product,
                        GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *models = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (product != NULL, FALSE);

  if (!check_type (workspace, error) || !validate_product (product, error))
    return FALSE;

  models = g_strjoinv ("\n", product->model_numbers);
  if (!scs_workspace_begin (workspace, error))
    return FALSE;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "INSERT OR REPLACE INTO jc_product (id, name, model_numbers, versions, support_end, "
                         "vdp_url, vdp_contact, user_contact, criteria_version, application_number, "
                         "label_number, issued, expires, route, home_gateway) VALUES "
                         "(1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (stmt == NULL)
    goto fail;
  scs_db_bind_text (stmt, 1, product->name);
  scs_db_bind_text (stmt, 2, models);
  scs_db_bind_text (stmt, 3, product->versions);
  scs_db_bind_text (stmt, 4, product->support_end);
  scs_db_bind_text (stmt, 5, product->vdp_url);
  scs_db_bind_text (stmt, 6, product->vdp_contact);
  scs_db_bind_text (stmt, 7, product->user_contact);
  scs_db_bind_text (stmt, 8, product->criteria_version != NULL ? product->criteria_version
                                                               : scs_jcstar_get_criteria_document ());
  scs_db_bind_text (stmt, 9, product->application_number);
  scs_db_bind_text (stmt, 10, product->label_number);
  scs_db_bind_text (stmt, 11, product->issued);
  scs_db_bind_text (stmt, 12, product->expires);
  scs_db_bind_text (stmt, 13, route_words[product->route]);
  sqlite3_bind_int (stmt, 14, product->home_gateway ? 1 : 0);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    goto fail;
  if (!scs_workspace_audit (workspace, now, "jc-product", product->name, NULL, models, error) ||
      !scs_workspace_commit (workspace, error))
    goto fail;
  return TRUE;

fail:
  scs_workspace_rollback (workspace);
  return FALSE;
}

static const char * const answer_words[] = { "", "conforms", "does-not", "na" };

gboolean
scs_jc_answer_from_string (const char  *word,
                           ScsJcAnswer *answer)
{
  for (guint i = 1; word != NULL && i < G_N_ELEMENTS (answer_words); i++)
    if (g_str_equal (word, answer_words[i]))
      {
        *answer = (ScsJcAnswer) i;
        return TRUE;
      }
  return FALSE;
}

const char *
scs_jc_answer_to_string (ScsJcAnswer answer)
{
  g_return_val_if_fail ((guint) answer < G_N_ELEMENTS (answer_words), "");
  return answer_words[answer];
}

ScsJcAnswer
scs_jcstar_get_answer (ScsWorkspace  *workspace,
                       const char    *requirement_id,
                       guint          item,
                       char         **reason,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsJcAnswer answer = SCS_JC_ANSWER_NONE;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), SCS_JC_ANSWER_NONE);

  if (reason != NULL)
    *reason = NULL;
  if (!check_type (workspace, error))
    return SCS_JC_ANSWER_NONE;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT state, reason FROM jc_answer WHERE requirement_id = ?1 AND item = ?2", error);
  if (stmt == NULL)
    return SCS_JC_ANSWER_NONE;
  scs_db_bind_text (stmt, 1, requirement_id);
  sqlite3_bind_int (stmt, 2, (int) item);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      scs_jc_answer_from_string ((const char *) sqlite3_column_text (stmt, 0), &answer);
      if (reason != NULL)
        *reason = scs_db_column_dup (stmt, 1);
      break;
    case SQLITE_DONE:
      break;
    default:
      scs_db_set_error (error, workspace->db, workspace->path);
    }
  return answer;
}

gboolean
scs_jcstar_set_answer (ScsWorkspace  *workspace,
                       const char    *requirement_id,
                       guint          item,
                       ScsJcAnswer    answer,
                       const char    *reason,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = NULL;
  const ScsJcRequirement *requirement;
  ScsJcAnswer old;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (!check_type (workspace, error))
    return FALSE;
  requirement = scs_jcstar_lookup_requirement (requirement_id);
  if (requirement == NULL || item < 1 || item > requirement->n_items)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("There is no evaluation item %s #%u"), requirement_id ? requirement_id : "", item);
      return FALSE;
    }
  if (answer == SCS_JC_ANSWER_NOT_APPLICABLE && scs_text_is_blank (reason))
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("Evaluation item %s #%u: say why it does not apply"), requirement_id, item);
      return FALSE;
    }
  old = scs_jcstar_get_answer (workspace, requirement_id, item, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!scs_workspace_begin (workspace, error))
    return FALSE;
  if (answer == SCS_JC_ANSWER_NONE)
    stmt = scs_db_prepare (workspace->db, workspace->path,
                           "DELETE FROM jc_answer WHERE requirement_id = ?1 AND item = ?2", error);
  else
    stmt = scs_db_prepare (workspace->db, workspace->path,
                           "INSERT OR REPLACE INTO jc_answer (requirement_id, item, state, reason, author, updated) "
                           "VALUES (?1, ?2, ?3, NULLIF (?4, ''), ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  scs_db_bind_text (stmt, 1, requirement_id);
  sqlite3_bind_int (stmt, 2, (int) item);
  if (answer != SCS_JC_ANSWER_NONE)
    {
      scs_db_bind_text (stmt, 3, scs_jc_answer_to_string (answer));
      scs_db_bind_text (stmt, 4, answer == SCS_JC_ANSWER_NOT_APPLICABLE ? reason : NULL);
      scs_db_bind_text (stmt, 5, scs_workspace_get_actor (workspace));
      scs_db_bind_text (stmt, 6, now);
    }
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    goto fail;
  target = g_strdup_printf ("%s #%u", requirement_id, item);
  if (!scs_workspace_audit (workspace, now, "jc-answer", target,
                            old != SCS_JC_ANSWER_NONE ? scs_jc_answer_to_string (old) : NULL,
                            answer != SCS_JC_ANSWER_NONE ? scs_jc_answer_to_string (answer) : NULL, error) ||
      !scs_workspace_commit (workspace, error))
    goto fail;
  return TRUE;

fail:
  scs_workspace_rollback (workspace);
  return FALSE;
}

ScsJcStatus
scs_jcstar_get_status (ScsWorkspace  *workspace,
                       const char    *requirement_id,
                       GError       **error)
{
  g_autoptr(ScsJcProduct) product = NULL;
  g_autoptr(GError) local_error = NULL;
  const ScsJcRequirement *requirement = scs_jcstar_lookup_requirement (requirement_id);
  guint n_conforms = 0, n_does_not = 0, n_na = 0;

  if (requirement == NULL)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("There is no JC-STAR ★1 requirement ‘%s’"), requirement_id ? requirement_id : "");
      return SCS_JC_STATUS_OPEN;
    }
  product = scs_jcstar_get_product (workspace, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return SCS_JC_STATUS_OPEN;
    }
  if (product != NULL && scs_jcstar_is_waived (requirement, product->route))
    return SCS_JC_STATUS_WAIVED;

  for (guint i = 0; i < requirement->n_items; i++)
    {
      switch (scs_jcstar_get_answer (workspace, requirement_id, i + 1, NULL, &local_error))
        {
        case SCS_JC_ANSWER_CONFORMS:
          n_conforms++;
          break;
        case SCS_JC_ANSWER_DOES_NOT:
          n_does_not++;
          break;
        case SCS_JC_ANSWER_NOT_APPLICABLE:
          n_na++;
          break;
        case SCS_JC_ANSWER_NONE:
        default:
          break;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return SCS_JC_STATUS_OPEN;
        }
    }

  if (requirement->any)
    {
      if (n_conforms > 0 || n_na == requirement->n_items)
        return SCS_JC_STATUS_MET;
      return n_does_not + n_na == requirement->n_items ? SCS_JC_STATUS_NOT_MET : SCS_JC_STATUS_OPEN;
    }
  if (n_does_not > 0)
    return SCS_JC_STATUS_NOT_MET;
  return n_conforms + n_na == requirement->n_items ? SCS_JC_STATUS_MET : SCS_JC_STATUS_OPEN;
}
