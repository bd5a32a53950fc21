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

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-attestation.h"
#include "scs-date.h"
#include "scs-db.h"
#include "scs-i18n.h"
#include "scs-items.h"
#include "scs-package.h"
#include "scs-pdf-writer.h"
#include "scs-signature.h"
#include "scs-signer.h"
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

/* The answers moved to the shared item_answer table (scs-items.c). */
static const char jcstar_v2[] =
  "INSERT INTO item_answer (type, item, state, reason, author, updated)\n"
  "  SELECT 'jcstar1', requirement_id || '#' || item, state, reason, author, updated FROM jc_answer;\n"
  "DROP TABLE jc_answer;\n";

/* Product events (new model number, firmware update) and their notices. */
static const char jcstar_v3[] =
  "CREATE TABLE jc_event (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  kind     TEXT NOT NULL CHECK (kind IN ('model', 'firmware')),\n"
  "  detail   TEXT NOT NULL CHECK (detail <> ''),\n"
  "  date     TEXT NOT NULL,\n"
  "  reopened TEXT NOT NULL,\n"
  "  notice   TEXT NOT NULL,\n"
  "  author   TEXT NOT NULL,\n"
  "  created  TEXT NOT NULL\n"
  ") STRICT;\n";

/* The official wording from the user's own copy of IPA's checklist. */
static const char jcstar_v4[] =
  "CREATE TABLE jc_official_text (\n"
  "  requirement_id TEXT NOT NULL,\n"
  "  item           INTEGER NOT NULL CHECK (item >= 1),\n"
  "  text           TEXT NOT NULL,\n"
  "  source         TEXT NOT NULL,\n"
  "  imported       TEXT NOT NULL,\n"
  "  PRIMARY KEY (requirement_id, item)\n"
  ") STRICT;\n";

static const char * const jcstar_steps[] = { jcstar_v1, jcstar_v2, jcstar_v3, jcstar_v4 };

const ScsSchemaModule scs_jcstar_schema = {
  "jcstar", jcstar_steps, G_N_ELEMENTS (jcstar_steps),
};

/* ---- the built-in texts -------------------------------------------------- */

typedef struct
{
  char    *document;
  GArray  *requirements; /* of ScsJcRequirement */
} Texts;

static Texts *
load_texts (GError **error)
{
  Texts *texts;
  xmlDocPtr doc;
  xmlNodePtr root;
  gboolean ok = TRUE;

  doc = scs_items_load_texts ("/jp/scsworkbench/core/jcstar/builtin.xml", "jcstar", error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  texts = g_new0 (Texts, 1);
  texts->document = scs_items_prop (root, "criteria-document");
  texts->requirements = g_array_new (FALSE, TRUE, sizeof (ScsJcRequirement));

  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    if (scs_items_is_element (node, "requirement"))
      {
        ScsJcRequirement requirement = { 0 };
        g_autofree char *cls = scs_items_prop (node, "cls");
        g_autofree char *items = scs_items_prop (node, "items");
        g_autofree char *psti = scs_items_prop (node, "psti-exempt");
        g_autofree char *provisional = scs_items_prop (node, "provisional");
        g_autofree char *reopen = scs_items_prop (node, "reopen-on");
        g_autofree char *expected = g_strdup_printf ("S1.1-%02u", texts->requirements->len + 1);
        GArray *item_array = g_array_new (FALSE, TRUE, sizeof (ScsJcItem));

        requirement.id = scs_items_prop (node, "id");
        requirement.method = scs_items_prop (node, "method");
        requirement.cls = g_str_equal (cls, "full") ? SCS_JC_CLS_FULL
                          : g_str_equal (cls, "partial") ? SCS_JC_CLS_PARTIAL : SCS_JC_CLS_NONE;
        requirement.any = g_str_equal (items, "any");
        requirement.psti_exempt = psti != NULL;
        requirement.provisional = provisional != NULL;
        if (reopen != NULL)
          {
            g_auto(GStrv) kinds = g_strsplit (reopen, " ", -1);

            for (guint k = 0; kinds[k] != NULL; k++)
              {
                ScsJcEventKind kind;

                if (scs_jc_event_kind_from_string (kinds[k], &kind))
                  requirement.reopen_on |= kind;
              }
          }
        scs_items_read_texts (node, (char **) &requirement.text_ja, (char **) &requirement.text_en);
        ok = ok && g_str_equal (requirement.id, expected);

        for (xmlNodePtr child = node->children; child != NULL; child = child->next)
          if (scs_items_is_element (child, "item"))
            {
              ScsJcItem item = { 0 };
              g_autofree char *number = scs_items_prop (child, "number");
              g_autofree char *item_provisional = scs_items_prop (child, "provisional");

              item.number = (guint) g_ascii_strtoull (number, NULL, 10);
              item.condition = scs_items_prop (child, "condition");
              item.provisional = item_provisional != NULL;
              scs_items_read_texts (child, (char **) &item.text_ja, (char **) &item.text_en);
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

  return scs_items_get_texts_once ((gpointer *) &texts, (ScsItemsLoadFunc) load_texts);
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
  return scs_items_check_type (workspace, SCS_WORKSPACE_TYPE_JCSTAR1,
                               SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_WRONG_TYPE, error);
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
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!check_type (workspace, error))
    return NULL;
  return scs_jcstar_read_product (workspace->db, workspace->path, error);
}

ScsJcProduct *
scs_jcstar_read_product (sqlite3     *db,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsJcProduct *product;
  const char *route;

  stmt = scs_db_read_row (db, path,
                          "SELECT name, model_numbers, versions, support_end, vdp_url, vdp_contact, "
                          "user_contact, criteria_version, application_number, label_number, issued, "
                          "expires, route, home_gateway FROM jc_product WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
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
}

static gboolean
validate_product (const ScsJcProduct  *product,
                  GError             **error)
{
  const char *dates[] = { product->support_end, product->issued, product->expires };
  g_autoptr(GDate) issued = NULL;
  g_autoptr(GDate) expires = NULL;

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
    {
      g_autoptr(GDate) date = dates[i] != NULL ? scs_date_parse_iso (dates[i]) : NULL;

      if (dates[i] != NULL && date == NULL)
        {
          g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                       _("‘%s’ is not a date (YYYY-MM-DD)"), dates[i]);
          return FALSE;
        }
    }
  if (product->issued != NULL && product->expires != NULL)
    {
      g_autoptr(GDate) limit = scs_date_parse_iso (product->issued);

      issued = scs_date_parse_iso (product->issued);
      expires = scs_date_parse_iso (product->expires);
      g_date_add_years (limit, 2);
      if (g_date_compare (expires, issued) < 0 || g_date_compare (expires, limit) > 0)
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
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *models = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (product != NULL, FALSE);

  if (!check_type (workspace, error) || !validate_product (product, error))
    return FALSE;

  models = g_strjoinv ("\n", product->model_numbers);
  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "INSERT OR REPLACE INTO jc_product (id, name, model_numbers, versions, support_end, "
                                    "vdp_url, vdp_contact, user_contact, criteria_version, application_number, "
                                    "label_number, issued, expires, route, home_gateway) VALUES "
                                    "(1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (stmt == NULL)
    return FALSE;
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
  return scs_workspace_write_finish (workspace, &txn, stmt, now, "jc-product", product->name, NULL, models, error);
}

static const char * const answer_words[] = { "", "conforms", "does-not", "na" };

gboolean
scs_jc_answer_from_string (const char  *word,
                           ScsJcAnswer *answer)
{
  guint i;

  if (!scs_text_find_word (answer_words + 1, sizeof (answer_words[0]), G_N_ELEMENTS (answer_words) - 1, word, &i))
    return FALSE;
  *answer = (ScsJcAnswer) (i + 1);
  return TRUE;
}

const char *
scs_jc_answer_to_string (ScsJcAnswer answer)
{
  g_return_val_if_fail ((guint) answer < G_N_ELEMENTS (answer_words), "");
  return answer_words[answer];
}

/* The item's key in the shared answer table: "S1.1-08#1". */
static char *
item_key (const char *requirement_id,
          guint       item)
{
  return g_strdup_printf ("%s#%u", requirement_id, item);
}

/* Evidence is linked to items by their key (scs-workspace-private.h). */
gboolean
scs_jcstar_is_item_key (const char *key)
{
  const char *hash = key != NULL ? strchr (key, '#') : NULL;
  g_autofree char *id = NULL;
  const ScsJcRequirement *r;
  guint64 item;

  if (hash == NULL)
    return FALSE;
  id = g_strndup (key, hash - key);
  r = scs_jcstar_lookup_requirement (id);
  /* the key as item_key () writes it: no "#01" */
  return r != NULL && g_ascii_string_to_unsigned (hash + 1, 10, 1, r->n_items, &item, NULL) && hash[1] != '0';
}

ScsJcAnswer
scs_jcstar_get_answer (ScsWorkspace  *workspace,
                       const char    *requirement_id,
                       guint          item,
                       char         **reason,
                       GError       **error)
{
  g_autofree char *key = NULL;
  g_autofree char *state = NULL;
  ScsJcAnswer answer = SCS_JC_ANSWER_NONE;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), SCS_JC_ANSWER_NONE);

  if (reason != NULL)
    *reason = NULL;
  if (!check_type (workspace, error))
    return SCS_JC_ANSWER_NONE;
  key = item_key (requirement_id, item);
  state = scs_items_get_answer (workspace, SCS_WORKSPACE_TYPE_JCSTAR1, key, reason, error);
  if (state != NULL)
    scs_jc_answer_from_string (state, &answer);
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
  g_autofree char *key = NULL;
  g_autofree char *target = NULL;
  const ScsJcRequirement *requirement;

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

  key = item_key (requirement_id, item);
  target = g_strdup_printf ("%s #%u", requirement_id, item);
  return scs_items_set_answer (workspace, SCS_WORKSPACE_TYPE_JCSTAR1, key,
                               answer != SCS_JC_ANSWER_NONE ? scs_jc_answer_to_string (answer) : NULL,
                               answer == SCS_JC_ANSWER_NOT_APPLICABLE ? reason : NULL,
                               "jc-answer", target, NULL, error);
}

ScsJcStatus
scs_jcstar_get_status (ScsWorkspace  *workspace,
                       const char    *requirement_id,
                       GError       **error)
{
  g_autoptr(ScsJcProduct) product = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) local_error = NULL;
  const ScsJcRequirement *requirement = scs_jcstar_lookup_requirement (requirement_id);

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
  answers = scs_items_list_answers (workspace, SCS_WORKSPACE_TYPE_JCSTAR1, error);
  if (answers == NULL)
    return SCS_JC_STATUS_OPEN;
  return scs_jcstar_status_of (requirement, product, answers);
}

ScsJcAnswer
scs_jcstar_answer_of (GHashTable *answers,
                      const char *requirement_id,
                      guint       item)
{
  g_autofree char *key = item_key (requirement_id, item);
  ScsJcAnswer answer = SCS_JC_ANSWER_NONE;
  const char *state = g_hash_table_lookup (answers, key);

  if (state != NULL)
    scs_jc_answer_from_string (state, &answer);
  return answer;
}

ScsJcStatus
scs_jcstar_status_of (const ScsJcRequirement *requirement,
                      const ScsJcProduct     *product,
                      GHashTable             *answers)
{
  guint n_conforms = 0, n_does_not = 0, n_na = 0;

  if (product != NULL && scs_jcstar_is_waived (requirement, product->route))
    return SCS_JC_STATUS_WAIVED;

  for (guint i = 0; i < requirement->n_items; i++)
    {
      switch (scs_jcstar_answer_of (answers, requirement->id, i + 1))
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

/* ---- events and change notices ------------------------------------------- */

void
scs_jc_event_free (ScsJcEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->detail);
  g_free (event->date);
  g_strfreev (event->reopened);
  g_free (event->notice);
  g_free (event);
}

gboolean
scs_jc_event_kind_from_string (const char     *word,
                               ScsJcEventKind *kind)
{
  if (g_strcmp0 (word, "model") == 0)
    *kind = SCS_JC_EVENT_MODEL;
  else if (g_strcmp0 (word, "firmware") == 0)
    *kind = SCS_JC_EVENT_FIRMWARE;
  else
    return FALSE;
  return TRUE;
}

const char *
scs_jc_event_kind_to_string (ScsJcEventKind kind)
{
  return kind == SCS_JC_EVENT_MODEL ? "model" : "firmware";
}

static char *
draft_notice (const ScsJcProduct *product,
              ScsJcEventKind      kind,
              const char         *detail,
              const char         *date,
              GStrv               reopened)
{
  GString *text = g_string_new (NULL);
  g_autofree char *list = g_strjoinv (", ", reopened);

  g_string_append_printf (text, "%s\n\n", _("Change notice (draft)"));
  g_string_append_printf (text, _("Product: %s\n"), product->name);
  if (product->application_number != NULL)
    g_string_append_printf (text, _("Application number: %s\n"), product->application_number);
  if (product->label_number != NULL)
    g_string_append_printf (text, _("Label number: %s\n"), product->label_number);
  g_string_append_printf (text, _("Date of the change: %s\n"), date);
  if (kind == SCS_JC_EVENT_MODEL)
    g_string_append_printf (text, _("Change: the model number %s is added to the product.\n"), detail);
  else
    g_string_append_printf (text, _("Change: the firmware/software is updated to %s.\n"), detail);
  g_string_append_printf (text, _("Requirements checked again: %s\n"), *list != '\0' ? list : "-");
  g_string_append_printf (text, "\n%s\n",
                          _("Which requirements are checked again is our own judgement, not IPA’s rule. "
                            "Ask IPA whether this change needs a notice or a new application, and "
                            "record its answer."));
  return g_string_free (text, FALSE);
}

ScsJcEvent *
scs_jcstar_record_event (ScsWorkspace    *workspace,
                         ScsJcEventKind   kind,
                         const char      *detail,
                         const char      *date,
                         GError         **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(ScsJcProduct) product = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDate) parsed = scs_date_parse_iso (date);
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *models = NULL;
  g_autofree char *reopened_text = NULL;
  g_autoptr(ScsJcEvent) event = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (kind == SCS_JC_EVENT_MODEL || kind == SCS_JC_EVENT_FIRMWARE, NULL);

  product = scs_jcstar_get_product (workspace, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (product == NULL)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("Record the product first: an event changes a recorded product"));
      return NULL;
    }
  if (scs_text_is_blank (detail) || strchr (detail, '\n') != NULL)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   kind == SCS_JC_EVENT_MODEL ? _("The new model number is empty or spans several lines")
                                              : _("The new firmware version is empty or spans several lines"));
      return NULL;
    }
  if (parsed == NULL)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("‘%s’ is not a date (YYYY-MM-DD)"), date ? date : "");
      return NULL;
    }
  if (kind == SCS_JC_EVENT_MODEL && g_strv_contains ((const char * const *) product->model_numbers, detail))
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("The model number %s is already part of the product"), detail);
      return NULL;
    }

  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    if (scs_jcstar_get_requirement (i)->reopen_on & kind)
      g_strv_builder_add (builder, scs_jcstar_get_requirement (i)->id);
  event = g_new0 (ScsJcEvent, 1);
  event->kind = kind;
  event->detail = g_strdup (detail);
  event->date = g_strdup (date);
  event->reopened = g_strv_builder_end (builder);
  event->notice = draft_notice (product, kind, detail, date, event->reopened);
  reopened_text = g_strjoinv (" ", event->reopened);

  if (kind == SCS_JC_EVENT_MODEL)
    {
      g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;

      g_strv_builder_addv (all, (const char **) product->model_numbers);
      g_strv_builder_add (all, detail);
      list = g_strv_builder_end (all);
      models = g_strjoinv ("\n", list);
    }
  else
    models = g_strjoinv ("\n", product->model_numbers);

  stmt = scs_workspace_write_begin (workspace, &txn,
                                    "UPDATE jc_product SET model_numbers = ?1, versions = coalesce (?2, versions) "
                                    "WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  scs_db_bind_text (stmt, 1, models);
  scs_db_bind_text (stmt, 2, kind == SCS_JC_EVENT_FIRMWARE ? detail : NULL);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return NULL;
  for (guint i = 0; event->reopened[i] != NULL; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s#", event->reopened[i]);

      if (!scs_items_reopen (workspace, SCS_WORKSPACE_TYPE_JCSTAR1, prefix, "jc-reopen", error))
        return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "INSERT INTO jc_event (kind, detail, date, reopened, notice, author, created) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return NULL;
  scs_db_bind_text (stmt, 1, scs_jc_event_kind_to_string (kind));
  scs_db_bind_text (stmt, 2, detail);
  scs_db_bind_text (stmt, 3, date);
  scs_db_bind_text (stmt, 4, reopened_text);
  scs_db_bind_text (stmt, 5, event->notice);
  scs_db_bind_text (stmt, 6, scs_workspace_get_actor (workspace));
  scs_db_bind_text (stmt, 7, now);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return NULL;
  event->id = sqlite3_last_insert_rowid (workspace->db);
  if (!scs_workspace_audit (workspace, now, "jc-event", scs_jc_event_kind_to_string (kind), NULL, detail, error) ||
      !scs_db_transaction_commit (&txn, error))
    return NULL;
  return g_steal_pointer (&event);
}

static gpointer
event_from_row (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  ScsJcEvent *event = g_new0 (ScsJcEvent, 1);

  event->id = sqlite3_column_int64 (stmt, 0);
  scs_jc_event_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &event->kind);
  event->detail = scs_db_column_dup (stmt, 2);
  event->date = scs_db_column_dup (stmt, 3);
  event->reopened = g_strsplit ((const char *) sqlite3_column_text (stmt, 4), " ", -1);
  event->notice = scs_db_column_dup (stmt, 5);
  return event;
}

GPtrArray *
scs_jcstar_list_events (ScsWorkspace  *workspace,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!check_type (workspace, error))
    return NULL;
  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT id, kind, detail, date, reopened, notice FROM jc_event ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return scs_db_collect (stmt, workspace->db, workspace->path, event_from_row, NULL,
                         (GDestroyNotify) scs_jc_event_free, error);
}

gboolean
scs_jcstar_set_notice (ScsWorkspace  *workspace,
                       gint64         id,
                       const char    *notice,
                       GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = g_strdup_printf ("event %" G_GINT64_FORMAT, id);

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  if (!check_type (workspace, error))
    return FALSE;
  if (scs_text_is_blank (notice))
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID, _("The change notice is empty"));
      return FALSE;
    }
  stmt = scs_workspace_write_begin (workspace, &txn, "UPDATE jc_event SET notice = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, notice);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
    return FALSE;
  if (sqlite3_changes (workspace->db) != 1)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("There is no event %u"), (guint) id);
      return FALSE;
    }
  if (!scs_workspace_audit (workspace, now, "jc-notice", target, NULL, NULL, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  return TRUE;
}

/* ---- labels and the checklist PDF ----------------------------------------- */

const char *
scs_jc_status_get_label (ScsJcStatus status)
{
  static const char * const labels[] = {
    N_("Still open"), N_("Conforms"), N_("Does not conform"), N_("Waived by the route"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), "");
  return _(labels[status]);
}

const char *
scs_jc_answer_get_label (ScsJcAnswer answer)
{
  static const char * const labels[] = {
    N_("Not answered"), N_("Conforms"), N_("Does not conform"), N_("Not applicable"),
  };

  g_return_val_if_fail ((guint) answer < G_N_ELEMENTS (labels), "");
  return _(labels[answer]);
}

const char *
scs_jc_cls_get_label (ScsJcClsStatus cls)
{
  static const char * const labels[] = {
    N_("CLS L1: fully"), N_("CLS L1: partly"), N_("CLS L1: no counterpart"),
  };

  g_return_val_if_fail ((guint) cls < G_N_ELEMENTS (labels), "");
  return _(labels[cls]);
}

GBytes *
scs_jcstar_render_checklist (ScsWorkspace  *workspace,
                             GError       **error)
{
  g_autoptr(ScsJcProduct) product = NULL;
  g_autoptr(ScsPdfWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  g_autofree char *models = NULL;
  g_autofree char *needed = NULL;
  const char *routes[] = { N_("Standard application"), N_("PSTI-compliant product"), N_("Product with a CLS label") };
  const double widths[] = { 0.08, 0.52, 0.18, 0.22 };
  const char *headers[4];
  const char *title;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  product = scs_jcstar_get_product (workspace, &local_error);
  if (product == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                     _("Record the product first: the checklist is a product’s"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  org = scs_workspace_dup_organization (workspace);
  models = g_strjoinv (", ", product->model_numbers);
  needed = g_strjoinv (", ", (char **) scs_jcstar_cls_still_needed (product->home_gateway));

  title = _("JC-STAR ★1 self-assessment checklist");
  writer = scs_pdf_writer_new ();
  scs_pdf_writer_set_metadata (writer, title, org->name, NULL);
  scs_pdf_writer_set_margins (writer, 56, 56, 56, 56);
  scs_pdf_writer_title (writer, title);
  scs_pdf_writer_small (writer, _("Requirement texts are our own paraphrase, not IPA’s wording; "
                                  "provisional topics are marked. The official wording is in IPA’s checklist."));
  scs_pdf_writer_spacer (writer, 8);
  {
    const char *pairs[] = {
      _("Applicant"), org->name,
      _("Product name"), product->name,
      _("Model numbers"), models,
      _("Firmware/software versions assessed"), product->versions,
      _("End of the security-support period"), product->support_end,
      _("Vulnerability-disclosure policy"), product->vdp_url,
      _("Where to report vulnerabilities"), product->vdp_contact,
      _("Contact point for users"), product->user_contact,
      _("Criteria document"), product->criteria_version,
      _("Application route"), _(routes[product->route]),
      _("Application number from IPA"), product->application_number,
      _("Label number"), product->label_number,
      _("Label issue date"), product->issued,
      _("Label expiry date"), product->expires,
      NULL,
    };

    scs_pdf_writer_key_values (writer, pairs);
  }

  headers[0] = _("Item");
  headers[1] = _("Requirement and evaluation item");
  headers[2] = _("Answer");
  headers[3] = _("Reason");
  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    {
      const ScsJcRequirement *r = scs_jcstar_get_requirement (i);
      ScsJcStatus status = scs_jcstar_get_status (workspace, r->id, &local_error);
      g_autofree char *heading = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Translators: "S1.1-06 (provisional) — Conforms · CLS L1: partly" */
      heading = g_strdup_printf ("%s%s — %s · %s", r->id, r->provisional ? _(" (provisional)") : "",
                                 scs_jc_status_get_label (status), scs_jc_cls_get_label (r->cls));
      scs_pdf_writer_heading (writer, heading);
      scs_pdf_writer_paragraph (writer, scs_i18n_pick (r->text_ja, r->text_en));
      scs_pdf_writer_table_begin (writer, 4, widths, headers);
      for (guint k = 0; k < r->n_items; k++)
        {
          const ScsJcItem *item = &r->items[k];
          g_autofree char *reason = NULL;
          g_autofree char *number = g_strdup_printf ("%u", item->number);
          g_autofree char *text = NULL;
          g_autofree char *official = scs_jcstar_get_official_text (workspace, r->id, item->number);
          ScsJcAnswer answer = scs_jcstar_get_answer (workspace, r->id, item->number, &reason, NULL);
          const char *condition = g_strcmp0 (item->condition, "network-login") == 0
                                  ? _("Conditional: applies only when the product has network log-in.")
                                  : g_strcmp0 (item->condition, "network-update") == 0
                                  ? _("Conditional: applies only when updates come over the network.") : NULL;
          g_autofree char *key = item_key (r->id, item->number);
          g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, key, error);
          g_autoptr(GString) files = g_string_new (NULL);
          const char *cells[4];

          if (evidence == NULL)
            return NULL;
          for (guint e = 0; e < evidence->len; e++)
            g_string_append_printf (files, "%s%s", e > 0 ? ", " : "", ((ScsEvidence *) evidence->pdata[e])->name);
          /* The official wording where the user imported IPA's checklist. */
          if (files->len > 0)
            {
              /* Translators: the evidence files of an item, after its wording in the checklist PDF */
              g_autofree char *line = g_strdup_printf (_("Evidence files: %s"), files->str);

              g_string_printf (files, "\n%s", line);
            }
          text = g_strdup_printf ("%s%s%s%s",
                                  official != NULL ? official : scs_i18n_pick (item->text_ja, item->text_en),
                                  condition != NULL ? "\n" : "", condition != NULL ? condition : "", files->str);
          cells[0] = number;
          cells[1] = text;
          cells[2] = scs_jcstar_is_waived (r, product->route) ? _("Waived by the route")
                                                              : scs_jc_answer_get_label (answer);
          cells[3] = reason;
          scs_pdf_writer_table_row (writer, cells);
        }
      scs_pdf_writer_table_end (writer);
    }

  scs_pdf_writer_heading (writer, _("Equivalence with PSTI (UK) and CLS (Singapore)"));
  {
    g_autofree char *today = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
    g_autofree char *text = NULL;

    if (scs_jcstar_label_covers_psti (product, today))
      text = g_strdup_printf (_("This ★1 label (valid until %s) also covers PSTI security requirements 1–3 and the "
                                "statement of compliance, for units supplied while it is valid."), product->expires);
    else
      text = g_strdup (_("Once the ★1 label is issued and valid, it also covers PSTI security requirements 1–3 "
                         "(UK)."));
    scs_pdf_writer_paragraph (writer, text);
    g_free (text);
    text = g_strdup_printf (_("For a simplified CLS Level 1 application, CLS assessment is still needed of: %s"),
                            needed);
    scs_pdf_writer_paragraph (writer, text);
  }
  return scs_pdf_writer_finish (writer, error);
}

/* ---- the signed self-declaration ------------------------------------------ */

/* An attribute, left out when @value is NULL. */
static void
append_attribute (GString    *xml,
                  const char *name,
                  const char *value)
{
  if (value != NULL)
    scs_xml_append_attribute (xml, name, value);
}

/* The <evidence> elements of the item @key, each naming its package
 * entry (@paths: SHA-256 → evidence/NAME) and the SHA-256 of its bytes. */
static gboolean
append_evidence (GString       *xml,
                 ScsWorkspace  *workspace,
                 const char    *key,
                 GHashTable    *paths,
                 GError       **error)
{
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, key, error);

  if (evidence == NULL)
    return FALSE;
  for (guint i = 0; i < evidence->len; i++)
    {
      ScsEvidence *file = g_ptr_array_index (evidence, i);

      g_string_append (xml, "      <evidence");
      append_attribute (xml, "file", g_hash_table_lookup (paths, file->sha256));
      append_attribute (xml, "sha256", file->sha256);
      append_attribute (xml, "name", file->name);
      g_string_append (xml, "/>\n");
    }
  return TRUE;
}

static GBytes *
render_declaration (ScsWorkspace        *workspace,
                    const ScsJcProduct  *product,
                    GHashTable          *paths,
                    GError             **error)
{
  g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_string_append (xml, "<jcstar-declaration xmlns=\"urn:x-scs-workbench:jcstar-declaration:1\" level=\"1\"");
  append_attribute (xml, "criteria-document", product->criteria_version);
  append_attribute (xml, "texts", get_texts ()->document);
  g_string_append (xml, ">\n  <applicant");
  append_attribute (xml, "name", org->name);
  append_attribute (xml, "corporate-number", org->corporate_number);
  g_string_append (xml, "/>\n  <product");
  append_attribute (xml, "name", product->name);
  append_attribute (xml, "versions", product->versions);
  append_attribute (xml, "support-end", product->support_end);
  append_attribute (xml, "vdp-url", product->vdp_url);
  append_attribute (xml, "vdp-contact", product->vdp_contact);
  append_attribute (xml, "user-contact", product->user_contact);
  append_attribute (xml, "route", route_words[product->route]);
  append_attribute (xml, "application-number", product->application_number);
  append_attribute (xml, "label-number", product->label_number);
  append_attribute (xml, "issued", product->issued);
  append_attribute (xml, "expires", product->expires);
  g_string_append (xml, ">\n");
  for (guint i = 0; product->model_numbers[i] != NULL; i++)
    {
      g_string_append (xml, "    <model>");
      scs_xml_append_escaped (xml, product->model_numbers[i]);
      g_string_append (xml, "</model>\n");
    }
  g_string_append (xml, "  </product>\n");
  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    {
      const ScsJcRequirement *r = scs_jcstar_get_requirement (i);
      ScsJcStatus status = scs_jcstar_get_status (workspace, r->id, &local_error);
      static const char * const status_words[] = { "open", "met", "not-met", "waived" };

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (status != SCS_JC_STATUS_MET && status != SCS_JC_STATUS_WAIVED)
        {
          g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                       _("%s is not shown to be met yet: a self-declaration needs every requirement met "
                         "or waived by the route"), r->id);
          return NULL;
        }
      g_string_append_printf (xml, "  <requirement id=\"%s\" status=\"%s\">\n", r->id, status_words[status]);
      for (guint k = 0; k < r->n_items; k++)
        {
          g_autofree char *reason = NULL;
          ScsJcAnswer answer = scs_jcstar_get_answer (workspace, r->id, r->items[k].number, &reason, NULL);

          g_autofree char *key = item_key (r->id, r->items[k].number);
          g_autoptr(GString) evidence = g_string_new (NULL);

          if (!append_evidence (evidence, workspace, key, paths, error))
            return NULL;
          g_string_append_printf (xml, "    <item number=\"%u\"", r->items[k].number);
          if (answer != SCS_JC_ANSWER_NONE)
            append_attribute (xml, "answer", scs_jc_answer_to_string (answer));
          append_attribute (xml, "reason", reason);
          if (evidence->len > 0)
            g_string_append_printf (xml, ">\n%s    </item>\n", evidence->str);
          else
            g_string_append (xml, "/>\n");
        }
      g_string_append (xml, "  </requirement>\n");
    }
  g_string_append (xml, "</jcstar-declaration>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
  /* What verify will check it against (data/schema/jcstar-declaration.rng). */
  if (!scs_attestation_validate (bytes, "jcstar-declaration", error))
    return NULL;
  return g_steal_pointer (&bytes);
}

gboolean
scs_jcstar_export_declaration (ScsWorkspace  *workspace,
                               ScsSigner     *signer,
                               const char    *path,
                               GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(ScsJcProduct) product = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GBytes) declaration = NULL;
  g_autoptr(GBytes) checklist = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (SCS_IS_SIGNER (signer), FALSE);

  product = scs_jcstar_get_product (workspace, &local_error);
  if (product == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                     _("Record the product first: the checklist is a product’s"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The evidence files go in as they are, under evidence/NAME. */
  entries = scs_package_evidence_entries (workspace, &paths, error);
  if (entries == NULL)
    return FALSE;
  declaration = render_declaration (workspace, product, paths, error);
  if (declaration == NULL)
    return FALSE;
  checklist = scs_jcstar_render_checklist (workspace, error);
  if (checklist == NULL)
    return FALSE;
  g_ptr_array_add (entries, scs_signed_entry_new (SCS_PACKAGE_JCSTAR_CHECKLIST, "application/pdf", checklist));
  g_ptr_array_add (entries, scs_signed_entry_new (SCS_PACKAGE_JCSTAR_DECLARATION, "application/xml", declaration));
  if (!scs_package_write_signed (entries, signer, path, error))
    return FALSE;

  /* Recorded after the fact: the package is the user's either way. */
  if (!scs_workspace_transaction_begin (workspace, &txn, error) ||
      !scs_workspace_audit (workspace, now, "jc-export", path, NULL, product->name, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  return TRUE;
}
