/* scs-renewal.c: renewal cycles, validity periods, expiry and significant changes
 *
 * ★3 lasts a year and ★4 three years with a yearly self-assessment, so every
 * client comes back. A renewal is a new row of the workspace's assessment
 * table (cycle n + 1) into which the previous cycle's answers and evidence
 * links are copied as they were, with their original author and time, so
 * the answers stay the SME's and attributed; each copied answer is recorded
 * in this module's renewal_carry table as "to re-confirm" until someone
 * confirms it or changes it. The workspace loads the newest assessment, and
 * scs_renewal_start() points the open workspace at the new row after the
 * commit (the answer objects keep their values: they were copied). Cycles
 * are compared row by row in SQL, so a comparison reports exactly the
 * criteria whose state, note, reason or evidence differ.
 *
 * Validity periods and the list of significant changes are provisional in
 * the scheme, so they are data (data/vendor/validity.xml, built in as a
 * GResource), never constants here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-renewal.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scs-date.h"
#include "scs-db.h"
#include "scs-i18n.h"
#include "scs-text.h"
#include "scs-workspace-private.h"
#include "scs-xml.h"

G_DEFINE_QUARK (scs-renewal-error-quark, scs_renewal_error)

/* Step 1: carried answers, certifications (registry entries) and the
 * significant changes recorded per cycle. */
static const char renewal_v1[] =
  "CREATE TABLE renewal_carry (\n"
  "  assessment      INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id    TEXT NOT NULL,\n"
  "  from_assessment INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  carried         TEXT NOT NULL,\n"
  "  confirmed       TEXT,\n"
  "  confirmed_by    TEXT,\n"
  "  PRIMARY KEY (assessment, criterion_id),\n"
  "  CHECK (from_assessment <> assessment)\n"
  ") STRICT;\n"
  "CREATE TABLE certification (\n"
  "  assessment  INTEGER PRIMARY KEY REFERENCES assessment (id),\n"
  "  level       INTEGER NOT NULL CHECK (level IN (3, 4)),\n"
  "  obtained    TEXT NOT NULL CHECK (obtained GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  registry_id TEXT NOT NULL DEFAULT '',\n"
  "  author      TEXT NOT NULL,\n"
  "  recorded    TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE significant_change (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  assessment  INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  kind        TEXT NOT NULL CHECK (kind <> ''),\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  author      TEXT NOT NULL,\n"
  "  recorded    TEXT NOT NULL\n"
  ") STRICT;\n";

/* Step 2: a carried answer that is edited afterwards is marked by triggers,
 * not by comparing timestamps: an edit in the same millisecond as the
 * carry would otherwise look unchanged. */
static const char renewal_v2[] =
  "ALTER TABLE renewal_carry ADD COLUMN changed TEXT;\n"
  "CREATE TRIGGER renewal_answer_changed AFTER UPDATE ON answer\n"
  "WHEN OLD.state IS NOT NEW.state OR OLD.note IS NOT NEW.note OR OLD.reason IS NOT NEW.reason\n"
  "BEGIN UPDATE renewal_carry SET changed = NEW.updated\n"
  "  WHERE assessment = NEW.assessment AND criterion_id = NEW.criterion_id; END;\n"
  "CREATE TRIGGER renewal_evidence_added AFTER INSERT ON evidence_link\n"
  "BEGIN UPDATE renewal_carry SET changed = NEW.added\n"
  "  WHERE assessment = NEW.assessment AND criterion_id = NEW.criterion_id; END;\n"
  "CREATE TRIGGER renewal_evidence_removed AFTER DELETE ON evidence_link\n"
  "BEGIN UPDATE renewal_carry SET changed = OLD.added\n"
  "  WHERE assessment = OLD.assessment AND criterion_id = OLD.criterion_id; END;\n"
  "UPDATE renewal_carry SET changed = (SELECT a.updated FROM answer a\n"
  "  WHERE a.assessment = renewal_carry.assessment AND a.criterion_id = renewal_carry.criterion_id\n"
  "    AND a.updated > renewal_carry.carried);\n";

/* Step 3: the registry fields of ★4 (evaluation body, technical-
 * verification provider) and the star's status: the evaluation body or the
 * secretariat may suspend or withdraw it. */
static const char renewal_v3[] =
  "ALTER TABLE certification ADD COLUMN evaluation_body TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE certification ADD COLUMN tv_provider TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE certification ADD COLUMN status TEXT NOT NULL DEFAULT 'valid'\n"
  "  CHECK (status IN ('valid', 'suspended', 'withdrawn'));\n";

/* Step 4: a nonconformity found in the evaluation and its correction
 * report (issue 15's life cycle). */
static const char renewal_v4[] =
  "CREATE TABLE evaluation_finding (\n"
  "  assessment  INTEGER PRIMARY KEY REFERENCES assessment (id),\n"
  "  found       TEXT NOT NULL CHECK (found GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  corrected   TEXT CHECK (corrected IS NULL OR\n"
  "                          corrected GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  author      TEXT NOT NULL,\n"
  "  recorded    TEXT NOT NULL\n"
  ") STRICT;\n";

static const char * const renewal_steps[] = { renewal_v1, renewal_v2, renewal_v3, renewal_v4 };

const ScsSchemaModule scs_renewal_schema = {
  "renewal", renewal_steps, G_N_ELEMENTS (renewal_steps),
};

/* ------------------------------------------------------------------------ */
/* Validity data                                                             */

typedef struct
{
  guint  level;
  guint  years;
  guint  warn_days;
  gboolean yearly_self_assessment;  /* ★4: each year of the validity */
  gboolean minor_needs_declaration; /* <minor-change needs="self-declaration"> */
  guint  correction_months;         /* <correction-report>; 0: none set */
  gboolean correction_provisional;
  char  *check_ja;
  char  *check_en;
} LevelValidity;

struct _ScsValidity
{
  gboolean provisional;
  GArray  *levels;   /* of LevelValidity */
  GArray  *changes;  /* of ScsSignificantChange, strings owned below */
  GPtrArray *strings;
};

void
scs_validity_free (ScsValidity *validity)
{
  if (validity == NULL)
    return;
  for (guint i = 0; i < validity->levels->len; i++)
    {
      LevelValidity *lv = &g_array_index (validity->levels, LevelValidity, i);
      g_free (lv->check_ja);
      g_free (lv->check_en);
    }
  g_array_unref (validity->levels);
  g_array_unref (validity->changes);
  g_ptr_array_unref (validity->strings);
  g_free (validity);
}

static char *
xml_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
parse_uint (const char *text,
            guint       max,
            guint      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static const LevelValidity *find_level (ScsValidity *validity,
                                        guint        level);

ScsValidity *
scs_validity_load_bytes (GBytes  *xml,
                         GError **error)
{
  g_autoptr(ScsValidity) validity = NULL;
  xmlDoc *doc;
  xmlNode *root;
  g_return_val_if_fail (xml != NULL, NULL);

  if (g_bytes_get_size (xml) > 1024 * 1024)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA,
                   _("The validity data is larger than 1 MiB"));
      return NULL;
    }

  doc = scs_xml_parse (xml, 1024 * 1024, NULL);
  if (doc == NULL)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA,
                   _("The validity data is not well-formed XML"));
      return NULL;
    }

  validity = g_new0 (ScsValidity, 1);
  validity->levels = g_array_new (FALSE, TRUE, sizeof (LevelValidity));
  validity->changes = g_array_new (FALSE, TRUE, sizeof (ScsSignificantChange));
  validity->strings = g_ptr_array_new_with_free_func (g_free);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || xmlStrcmp (root->name, (const xmlChar *) "validity") != 0 ||
      doc->intSubset != NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA,
                   _("The validity data has no <validity> root element"));
      return NULL;
    }

  {
    g_autofree char *provisional = xml_prop (root, "provisional");
    validity->provisional = g_strcmp0 (provisional, "true") == 0;
  }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrcmp (node->name, (const xmlChar *) "level") == 0)
        {
          g_autofree char *star = xml_prop (node, "star");
          g_autofree char *years = xml_prop (node, "years");
          g_autofree char *warn = xml_prop (node, "warn-days");
          LevelValidity lv = { 0, };

          if (!parse_uint (star, 4, &lv.level) || lv.level < 3 ||
              !parse_uint (years, 50, &lv.years) || lv.years == 0 ||
              !parse_uint (warn != NULL ? warn : "60", 3650, &lv.warn_days))
            {
              int line = node->line;

              xmlFreeDoc (doc);
              g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA,
                           _("Line %d of the validity data: <level> needs star=\"3|4\" and "
                             "years=\"1…50\""), line);
              return NULL;
            }
          lv.check_ja = xml_prop (node, "check-ja");
          lv.check_en = xml_prop (node, "check-en");
          {
            g_autofree char *yearly = xml_prop (node, "yearly-self-assessment");

            lv.yearly_self_assessment = g_strcmp0 (yearly, "true") == 0;
          }
          g_array_append_val (validity->levels, lv);
        }
      else if (xmlStrcmp (node->name, (const xmlChar *) "minor-change") == 0 ||
               xmlStrcmp (node->name, (const xmlChar *) "correction-report") == 0)
        {
          g_autofree char *star = xml_prop (node, "star");
          g_autofree char *needs = xml_prop (node, "needs");
          g_autofree char *months = xml_prop (node, "months");
          g_autofree char *provisional = xml_prop (node, "provisional");
          gboolean minor = xmlStrcmp (node->name, (const xmlChar *) "minor-change") == 0;
          LevelValidity *lv = NULL;
          guint level = 0, n = 0;

          if (parse_uint (star, 4, &level))
            lv = (LevelValidity *) find_level (validity, level);
          if (lv == NULL ||
              (minor && g_strcmp0 (needs, "nothing") != 0 && g_strcmp0 (needs, "self-declaration") != 0) ||
              (!minor && (!parse_uint (months, 120, &n) || n == 0)))
            {
              int line = node->line;

              xmlFreeDoc (doc);
              g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA,
                           minor ? _("Line %d of the validity data: <minor-change> needs the star of a "
                                     "<level> above it and needs=\"nothing|self-declaration\"")
                                 : _("Line %d of the validity data: <correction-report> needs the star of a "
                                     "<level> above it and months=\"1…120\""), line);
              return NULL;
            }
          if (minor)
            lv->minor_needs_declaration = g_str_equal (needs, "self-declaration");
          else
            {
              lv->correction_months = n;
              lv->correction_provisional = g_strcmp0 (provisional, "true") == 0;
            }
        }
      else if (xmlStrcmp (node->name, (const xmlChar *) "significant-changes") == 0)
        {
          for (xmlNode *change = node->children; change != NULL; change = change->next)
            {
              ScsSignificantChange sc;
              char *id, *ja, *en;

              if (change->type != XML_ELEMENT_NODE)
                continue;
              id = xml_prop (change, "id");
              ja = xml_prop (change, "ja");
              en = xml_prop (change, "en");
              g_ptr_array_add (validity->strings, id);
              g_ptr_array_add (validity->strings, ja);
              g_ptr_array_add (validity->strings, en);
              if (id == NULL || *id == '\0' || ja == NULL || en == NULL)
                {
                  int line = change->line;

                  xmlFreeDoc (doc);
                  g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA,
                               _("Line %d of the validity data: <change> needs id, ja and en"), line);
                  return NULL;
                }
              sc.id = id;
              sc.title_ja = ja;
              sc.title_en = en;
              {
                g_autofree char *required = xml_prop (change, "description-required");

                sc.description_required = g_strcmp0 (required, "true") == 0;
              }
              g_array_append_val (validity->changes, sc);
            }
        }
    }
  xmlFreeDoc (doc);

  if (scs_validity_get_years (validity, 3) == 0 || scs_validity_get_years (validity, 4) == 0)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_DATA,
                   _("The validity data must give the period of both ★3 and ★4"));
      return NULL;
    }

  return g_steal_pointer (&validity);
}

ScsValidity *
scs_validity_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data ("/jp/scsworkbench/core/vendor/validity.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return scs_validity_load_bytes (bytes, error);
}

static const LevelValidity *
find_level (ScsValidity *validity,
            guint        level)
{
  for (guint i = 0; i < validity->levels->len; i++)
    {
      const LevelValidity *lv = &g_array_index (validity->levels, LevelValidity, i);
      if (lv->level == level)
        return lv;
    }
  return NULL;
}

guint
scs_validity_get_years (ScsValidity *validity,
                        guint        level)
{
  const LevelValidity *lv = find_level (validity, level);
  return lv != NULL ? lv->years : 0;
}

guint
scs_validity_get_warn_days (ScsValidity *validity,
                            guint        level)
{
  const LevelValidity *lv = find_level (validity, level);
  return lv != NULL ? lv->warn_days : 0;
}

gboolean
scs_validity_is_provisional (ScsValidity *validity)
{
  return validity->provisional;
}

const char *
scs_validity_get_check_label (ScsValidity *validity,
                              guint        level)
{
  const LevelValidity *lv = find_level (validity, level);

  if (lv == NULL)
    return NULL;
  return scs_i18n_is_japanese () ? lv->check_ja : lv->check_en;
}

GDate *
scs_validity_compute_expiry (ScsValidity *validity,
                             guint        level,
                             const GDate *obtained)
{
  guint years = scs_validity_get_years (validity, level);
  GDate *expiry;

  if (years == 0 || obtained == NULL || !g_date_valid (obtained))
    return NULL;

  expiry = g_date_copy (obtained);
  g_date_add_years (expiry, years);
  g_date_subtract_days (expiry, 1);
  return expiry;
}

/**
 * scs_validity_next_due:
 * @today: the day counted from
 * @kind: (out): what is due then
 *
 * The life cycle of a star obtained on @obtained: where the level has a
 * yearly self-assessment (★4), one is due on each anniversary within the
 * validity (to the evaluation body); at the end, on the expiry, the renewal
 * (★3: a new expert check; ★4: the re-evaluation). Past the expiry the
 * expiry itself is returned, as overdue.
 *
 * Returns: (transfer full) (nullable): the next date, or %NULL if unknown
 */
GDate *
scs_validity_next_due (ScsValidity  *validity,
                       guint         level,
                       const GDate  *obtained,
                       const GDate  *today,
                       ScsDueKind   *kind)
{
  const LevelValidity *lv = find_level (validity, level);
  GDate *expiry = scs_validity_compute_expiry (validity, level, obtained);

  g_return_val_if_fail (kind != NULL, NULL);

  *kind = SCS_DUE_RENEWAL;
  if (lv == NULL || expiry == NULL || today == NULL)
    return expiry;
  if (lv->yearly_self_assessment)
    for (guint year = 1; year < lv->years; year++)
      {
        GDate *anniversary = g_date_copy (obtained);

        g_date_add_years (anniversary, year);
        if (g_date_compare (anniversary, today) >= 0)
          {
            *kind = SCS_DUE_SELF_ASSESSMENT;
            g_date_free (expiry);
            return anniversary;
          }
        g_date_free (anniversary);
      }
  return expiry;
}

gboolean
scs_validity_minor_change_needs_declaration (ScsValidity *validity,
                                             guint        level)
{
  const LevelValidity *lv = find_level (validity, level);

  return lv != NULL && lv->minor_needs_declaration;
}

guint
scs_validity_get_correction_months (ScsValidity *validity,
                                    guint        level,
                                    gboolean    *provisional)
{
  const LevelValidity *lv = find_level (validity, level);

  if (provisional != NULL)
    *provisional = lv != NULL && lv->correction_provisional;
  return lv != NULL ? lv->correction_months : 0;
}

guint
scs_validity_get_n_changes (ScsValidity *validity)
{
  return validity->changes->len;
}

const ScsSignificantChange *
scs_validity_get_change (ScsValidity *validity,
                         guint        index)
{
  g_return_val_if_fail (index < validity->changes->len, NULL);
  return &g_array_index (validity->changes, ScsSignificantChange, index);
}

const ScsSignificantChange *
scs_validity_lookup_change (ScsValidity *validity,
                            const char  *id)
{
  for (guint i = 0; i < validity->changes->len; i++)
    {
      const ScsSignificantChange *sc = &g_array_index (validity->changes, ScsSignificantChange, i);
      if (g_strcmp0 (sc->id, id) == 0)
        return sc;
    }
  return NULL;
}

const char *
scs_significant_change_get_title (const ScsSignificantChange *change)
{
  return scs_i18n_is_japanese () ? change->title_ja : change->title_en;
}

ScsExpiryState
scs_expiry_state (ScsValidity *validity,
                  guint        level,
                  const GDate *expiry,
                  const GDate *today,
                  gint        *days_left)
{
  gint days;

  if (days_left != NULL)
    *days_left = 0;
  if (expiry == NULL || !g_date_valid (expiry))
    return SCS_EXPIRY_NONE;

  days = g_date_days_between (today, expiry);
  if (days_left != NULL)
    *days_left = days;
  if (days < 0)
    return SCS_EXPIRY_EXPIRED;
  if ((guint) days <= scs_validity_get_warn_days (validity, level))
    return SCS_EXPIRY_SOON;
  return SCS_EXPIRY_VALID;
}

/* ------------------------------------------------------------------------ */
/* Cycles                                                                    */

void
scs_cycle_info_free (ScsCycleInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->created);
  g_free (info);
}

void
scs_cycle_diff_free (ScsCycleDiff *diff)
{
  if (diff == NULL)
    return;
  g_free (diff->criterion_id);
  g_free (diff->old_note);
  g_free (diff->new_note);
  g_free (diff->old_reason);
  g_free (diff->new_reason);
  g_free (diff);
}

static gpointer
cycle_info_from_row (sqlite3_stmt *stmt,
                     gpointer      user_data)
{
  ScsCycleInfo *info = g_new0 (ScsCycleInfo, 1);

  info->assessment_id = sqlite3_column_int64 (stmt, 0);
  info->cycle = sqlite3_column_int (stmt, 1);
  info->target_level = sqlite3_column_int (stmt, 2);
  info->created = scs_db_column_dup (stmt, 3);
  return info;
}

GPtrArray *
scs_renewal_list_cycles (ScsWorkspace  *self,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT id, cycle, target_level, created FROM assessment ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return scs_db_collect (stmt, self->db, self->path, cycle_info_from_row, NULL,
                         (GDestroyNotify) scs_cycle_info_free, error);
}

guint
scs_renewal_start (ScsWorkspace  *self,
                   GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *target = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_auto(GStrv) open = NULL;
  gint64 old_id, new_id;
  guint new_cycle;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), 0);

  old_id = self->assessment_id;
  new_cycle = self->cycle + 1;

  /* A renewal is open while answers it carried wait to be re-confirmed:
   * a second one would carry them again, unconfirmed. */
  open = scs_renewal_list_unconfirmed (self, error);
  if (open == NULL)
    return 0;
  if (open[0] != NULL)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_OPEN,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Renewal %u is still open: %u carried answer is not re-confirmed yet "
                                "(re-confirm or change it first)",
                                "Renewal %u is still open: %u carried answers are not re-confirmed yet "
                                "(re-confirm or change them first)",
                                g_strv_length (open)),
                   self->cycle, g_strv_length (open));
      return 0;
    }

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return 0;

  insert = scs_db_prepare (self->db, self->path,
                           "INSERT INTO assessment (catalog_sha256, target_level, cycle, created, updated) "
                           "SELECT catalog_sha256, target_level, ?2, ?3, ?3 FROM assessment WHERE id = ?1",
                           error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, old_id);
  sqlite3_bind_int64 (insert, 2, new_cycle);
  scs_db_bind_text (insert, 3, now);
  if (!scs_db_step_done (insert, self->db, self->path, error))
    return 0;
  new_id = sqlite3_last_insert_rowid (self->db);

  /* Answers as they were, still attributed to whoever gave them. */
  if (!scs_db_exec_bound (self->db, self->path,
                          "INSERT INTO answer (assessment, criterion_id, state, note, reason, author, updated, version) "
                          "SELECT ?2, criterion_id, state, note, reason, author, updated, version "
                          "FROM answer WHERE assessment = ?1", old_id, new_id, NULL, error) ||
      !scs_db_exec_bound (self->db, self->path,
                          "INSERT INTO evidence_link (sha256, assessment, criterion_id, added, author) "
                          "SELECT sha256, ?2, criterion_id, added, author "
                          "FROM evidence_link WHERE assessment = ?1", old_id, new_id, NULL, error) ||
      /* Everything that carries something is to be re-confirmed. */
      !scs_db_exec_bound (self->db, self->path,
                          "INSERT INTO renewal_carry (assessment, criterion_id, from_assessment, carried) "
                          "SELECT ?2, criterion_id, ?1, ?3 FROM answer WHERE assessment = ?1 "
                          "UNION SELECT ?2, criterion_id, ?1, ?3 FROM evidence_link WHERE assessment = ?1",
                          old_id, new_id, now, error))
    return 0;

  target = g_strdup_printf ("assessment %" G_GINT64_FORMAT, new_id);
  old_text = g_strdup_printf ("cycle %u", self->cycle);
  new_text = g_strdup_printf ("cycle %u", new_cycle);
  if (!scs_workspace_audit (self, now, "renewal-start", target, old_text, new_text, error) ||
      !scs_db_transaction_commit (&txn, error))
    return 0;

  /* The copied answers equal the loaded ones: only the row changes. Undo
   * entries belong to the previous cycle. */
  self->assessment_id = new_id;
  self->cycle = new_cycle;
  scs_workspace_undo_forget (self);

  return new_cycle;
}

gboolean
scs_renewal_confirm (ScsWorkspace  *self,
                     const char    *criterion_id,
                     GError       **error)
{
  const char *ids[] = { criterion_id, NULL };

  g_return_val_if_fail (criterion_id != NULL, FALSE);
  return scs_renewal_confirm_all (self, ids, error);
}

gboolean
scs_renewal_confirm_all (ScsWorkspace        *self,
                         const char * const  *criterion_ids,
                         GError             **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (criterion_ids != NULL, FALSE);

  /* Every name is checked before anything is written. */
  for (guint i = 0; criterion_ids[i] != NULL; i++)
    {
      ScsAnswer *answer = scs_workspace_require_answer (self, criterion_ids[i], error);

      if (answer == NULL)
        return FALSE;
      g_ptr_array_add (answers, answer);
    }

  if (!scs_workspace_transaction_begin (self, &txn, error))
    return FALSE;

  stmt = scs_db_prepare (self->db, self->path,
                         "UPDATE renewal_carry SET confirmed = ?3, confirmed_by = ?4 "
                         "WHERE assessment = ?1 AND criterion_id = ?2 AND confirmed IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; criterion_ids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, self->assessment_id);
      scs_db_bind_text (stmt, 2, criterion_ids[i]);
      scs_db_bind_text (stmt, 3, now);
      scs_db_bind_text (stmt, 4, scs_workspace_get_actor (self));
      if (!scs_db_step_done (stmt, self->db, self->path, error))
        return FALSE;

      if (sqlite3_changes (self->db) == 0)
        {
          scs_db_transaction_rollback (&txn);
          g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                       _("The answer to ‘%s’ was not carried forward into this cycle, "
                         "or is already re-confirmed"), criterion_ids[i]);
          return FALSE;
        }

      if (!scs_workspace_audit (self, now, "renewal-confirm", criterion_ids[i], NULL, NULL, error))
        return FALSE;
    }
  if (!scs_db_transaction_commit (&txn, error))
    return FALSE;

  /* Views showing "to re-confirm" update with the answer. */
  for (guint i = 0; i < answers->len; i++)
    g_signal_emit_by_name (self, "answer-changed", g_ptr_array_index (answers, i));
  return TRUE;
}

/* A carried answer counts as re-confirmed when confirmed explicitly or
 * changed after it was carried (marked by the step-2 triggers). */
#define RECONFIRMED_SQL "(c.confirmed IS NOT NULL OR c.changed IS NOT NULL)"

/* The first column of every row of @sql, ?1 the current assessment. */
static GStrv
list_words (ScsWorkspace  *self,
            const char    *sql,
            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (self->db, self->path, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GStrv
scs_renewal_list_unconfirmed (ScsWorkspace  *self,
                              GError       **error)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  return list_words (self, "SELECT c.criterion_id FROM renewal_carry c WHERE c.assessment = ?1 "
                           "AND NOT " RECONFIRMED_SQL " ORDER BY c.criterion_id", error);
}

static gint64
assessment_of_cycle (ScsWorkspace  *self,
                     guint          cycle,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT id FROM assessment WHERE cycle = ?1 ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, cycle);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                 _("The workspace has no cycle %u (cycle 0 is the initial assessment)"), cycle);
  else
    scs_db_set_error (error, self->db, self->path);
  return -1;
}

static int
compare_diffs (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ScsCatalog *catalog = user_data;
  const ScsCycleDiff *da = *(ScsCycleDiff **) a;
  const ScsCycleDiff *db = *(ScsCycleDiff **) b;
  const ScsCriterion *ca = scs_catalog_lookup_criterion (catalog, da->criterion_id);
  const ScsCriterion *cb = scs_catalog_lookup_criterion (catalog, db->criterion_id);
  const GPtrArray *all = scs_catalog_get_criteria (catalog);
  guint ia = G_MAXUINT, ib = G_MAXUINT;

  /* Catalog order; unknown IDs last, by ID. */
  if (ca != NULL)
    g_ptr_array_find ((GPtrArray *) all, ca, &ia);
  if (cb != NULL)
    g_ptr_array_find ((GPtrArray *) all, cb, &ib);
  if (ia != ib)
    return ia < ib ? -1 : 1;
  return g_strcmp0 (da->criterion_id, db->criterion_id);
}

GPtrArray *
scs_renewal_compare (ScsWorkspace  *self,
                     guint          cycle_a,
                     guint          cycle_b,
                     GError       **error)
{
  g_autoptr(GPtrArray) diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_cycle_diff_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 a, b;
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);

  if ((a = assessment_of_cycle (self, cycle_a, error)) < 0 ||
      (b = assessment_of_cycle (self, cycle_b, error)) < 0)
    return NULL;

  /* Every criterion that has an answer or evidence in either cycle. A
   * criterion missing from a cycle is unanswered there. */
  stmt = scs_db_prepare (self->db, self->path,
    "WITH ids AS (SELECT criterion_id FROM answer WHERE assessment IN (?1, ?2) "
    "             UNION SELECT criterion_id FROM evidence_link WHERE assessment IN (?1, ?2)) "
    "SELECT ids.criterion_id, "
    "  coalesce (x.state, 'unanswered'), coalesce (x.note, ''), coalesce (x.reason, ''), "
    "  coalesce (y.state, 'unanswered'), coalesce (y.note, ''), coalesce (y.reason, ''), "
    "  (SELECT count (*) FROM evidence_link e WHERE e.assessment = ?1 AND e.criterion_id = ids.criterion_id), "
    "  (SELECT count (*) FROM evidence_link e WHERE e.assessment = ?2 AND e.criterion_id = ids.criterion_id), "
    "  (SELECT group_concat (sha256) FROM (SELECT sha256 FROM evidence_link e WHERE e.assessment = ?1 "
    "     AND e.criterion_id = ids.criterion_id ORDER BY sha256)) IS NOT "
    "  (SELECT group_concat (sha256) FROM (SELECT sha256 FROM evidence_link e WHERE e.assessment = ?2 "
    "     AND e.criterion_id = ids.criterion_id ORDER BY sha256)), "
    "  (SELECT count (*) FROM renewal_carry c WHERE c.assessment = ?2 AND c.criterion_id = ids.criterion_id), "
    "  (SELECT count (*) FROM renewal_carry c WHERE c.assessment = ?2 AND c.criterion_id = ids.criterion_id "
    "     AND " RECONFIRMED_SQL ") "
    "FROM ids "
    "LEFT JOIN answer x ON x.assessment = ?1 AND x.criterion_id = ids.criterion_id "
    "LEFT JOIN answer y ON y.assessment = ?2 AND y.criterion_id = ids.criterion_id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScsCycleDiff *diff = g_new0 (ScsCycleDiff, 1);

      diff->criterion_id = scs_db_column_dup (stmt, 0);
      scs_answer_state_from_string ((const char *) sqlite3_column_text (stmt, 1), &diff->old_state);
      diff->old_note = scs_db_column_dup (stmt, 2);
      diff->old_reason = scs_db_column_dup (stmt, 3);
      scs_answer_state_from_string ((const char *) sqlite3_column_text (stmt, 4), &diff->new_state);
      diff->new_note = scs_db_column_dup (stmt, 5);
      diff->new_reason = scs_db_column_dup (stmt, 6);
      diff->old_evidence = sqlite3_column_int (stmt, 7);
      diff->new_evidence = sqlite3_column_int (stmt, 8);
      if (diff->old_state != diff->new_state)
        diff->changes |= SCS_CHANGE_STATE;
      if (g_strcmp0 (diff->old_note, diff->new_note) != 0)
        diff->changes |= SCS_CHANGE_NOTE;
      if (g_strcmp0 (diff->old_reason, diff->new_reason) != 0)
        diff->changes |= SCS_CHANGE_REASON;
      if (sqlite3_column_int (stmt, 9) != 0)
        diff->changes |= SCS_CHANGE_EVIDENCE;
      diff->carried = sqlite3_column_int (stmt, 10) != 0;
      diff->reconfirmed = sqlite3_column_int (stmt, 11) != 0;
      g_ptr_array_add (diffs, diff);
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return NULL;
    }

  g_ptr_array_sort_with_data (diffs, compare_diffs, self->catalog);
  return g_steal_pointer (&diffs);
}

gboolean
scs_renewal_record_certification (ScsWorkspace  *self,
                                  guint          level,
                                  const char    *obtained,
                                  const char    *registry_id,
                                  GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *value = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  if (level != 3 && level != 4)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("The level ‘%u’ is not ★3 or ★4"), level);
      return FALSE;
    }
  date = scs_date_parse_iso (obtained);
  if (date == NULL)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("The date ‘%s’ is not a date of the form YYYY-MM-DD"), obtained ? obtained : "");
      return FALSE;
    }
  {
    g_autoptr(GDate) today = scs_date_today (SCS_DATE_ZONE_UTC);
    ScsProgress progress;

    /* A star is recorded once granted, for what was assessed. */
    if (g_date_compare (date, today) > 0)
      {
        g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                     _("The date ‘%s’ is in the future: record a star once it has been granted"), obtained);
        return FALSE;
      }
    if (level > scs_workspace_get_target_level (self))
      {
        g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                     _("The workspace targets ★%u: a ★%u cannot be recorded for it"),
                     scs_workspace_get_target_level (self), level);
        return FALSE;
      }
    scs_workspace_get_progress (self, 0, level, &progress);
    if (progress.counts[SCS_ANSWER_UNANSWERED] == progress.total)
      {
        g_set_error_literal (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                             _("Nothing is answered in this workspace: a star is recorded for an assessed "
                               "workspace"));
        return FALSE;
      }
  }

  stmt = scs_workspace_write_begin (self, &txn,
                                    "INSERT INTO certification (assessment, level, obtained, registry_id, author, recorded) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (assessment) DO UPDATE SET "
                                    "level = excluded.level, obtained = excluded.obtained, "
                                    "registry_id = excluded.registry_id, author = excluded.author, "
                                    "recorded = excluded.recorded", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  sqlite3_bind_int (stmt, 2, level);
  scs_db_bind_text (stmt, 3, obtained);
  scs_db_bind_text (stmt, 4, registry_id != NULL ? registry_id : "");
  scs_db_bind_text (stmt, 5, scs_workspace_get_actor (self));
  scs_db_bind_text (stmt, 6, now);
  value = g_strdup_printf ("★%u %s %s", level, obtained, registry_id != NULL ? registry_id : "");
  return scs_workspace_write_finish (self, &txn, stmt, now, "certification", NULL, NULL, value, error);
}

gboolean
scs_renewal_get_certification (ScsWorkspace  *self,
                               guint         *level,
                               char         **obtained,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT level, obtained FROM certification ORDER BY obtained DESC, assessment DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (level != NULL)
        *level = sqlite3_column_int (stmt, 0);
      if (obtained != NULL)
        *obtained = scs_db_column_dup (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    scs_db_set_error (error, self->db, self->path);
  return FALSE;
}

gboolean
scs_renewal_record_change (ScsWorkspace  *self,
                           ScsValidity   *validity,
                           const char    *kind,
                           const char    *description,
                           GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (validity != NULL, FALSE);

  if (scs_validity_lookup_change (validity, kind) == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < scs_validity_get_n_changes (validity); i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", scs_validity_get_change (validity, i)->id);
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("‘%s’ is not a significant change the scheme lists (known: %s)"),
                   kind ? kind : "", known->str);
      return FALSE;
    }

  if (scs_validity_lookup_change (validity, kind)->description_required &&
      (description == NULL || scs_text_is_blank (description)))
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("‘%s’ needs a description of the change: say what changed"), kind);
      return FALSE;
    }

  stmt = scs_workspace_write_begin (self, &txn,
                                    "INSERT INTO significant_change (assessment, kind, description, author, recorded) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  scs_db_bind_text (stmt, 2, kind);
  scs_db_bind_text (stmt, 3, description != NULL ? description : "");
  scs_db_bind_text (stmt, 4, scs_workspace_get_actor (self));
  scs_db_bind_text (stmt, 5, now);
  return scs_workspace_write_finish (self, &txn, stmt, now, "significant-change", kind, NULL, description, error);
}

GStrv
scs_renewal_list_changes (ScsWorkspace  *self,
                          GError       **error)
{
  return list_words (self, "SELECT DISTINCT kind FROM significant_change WHERE assessment = ?1 ORDER BY kind",
                     error);
}

static const char * const certification_status_names[] = { "valid", "suspended", "withdrawn" };

gboolean
scs_certification_status_from_string (const char             *text,
                                      ScsCertificationStatus *status)
{
  guint i;

  if (!scs_text_find_in_array (certification_status_names, text, &i))
    return FALSE;
  *status = (ScsCertificationStatus) i;
  return TRUE;
}

/**
 * scs_renewal_set_registry:
 * @evaluation_body: (nullable): ★4: the evaluation body; %NULL keeps it
 * @tv_provider: (nullable): ★4: the technical-verification provider; %NULL keeps it
 * @status: (nullable): "valid", "suspended" or "withdrawn"; %NULL keeps it
 *
 * Completes the newest registry entry: the ★4 registry names the evaluation
 * body and the technical-verification provider (a ★3 entry has neither),
 * and a star can be suspended or withdrawn.
 */
gboolean
scs_renewal_set_registry (ScsWorkspace  *self,
                          const char    *evaluation_body,
                          const char    *tv_provider,
                          const char    *status,
                          GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *value = NULL;
  ScsCertificationStatus parsed;
  gint64 assessment;
  guint level;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  if (status != NULL && !scs_certification_status_from_string (status, &parsed))
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("‘%s’ is not a status of a star: use valid, suspended or withdrawn"), status);
      return FALSE;
    }
  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT assessment, level FROM certification "
                         "ORDER BY obtained DESC, assessment DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                           _("No star is recorded in this workspace yet: record the certification first"));
      return FALSE;
    }
  assessment = sqlite3_column_int64 (stmt, 0);
  level = (guint) sqlite3_column_int (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (level < 4 && ((evaluation_body != NULL && *evaluation_body != '\0') ||
                    (tv_provider != NULL && *tv_provider != '\0')))
    {
      g_set_error_literal (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                           _("Only a ★4 registry entry names an evaluation body and a technical-verification "
                             "provider"));
      return FALSE;
    }

  stmt = scs_workspace_write_begin (self, &txn,
                                    "UPDATE certification SET evaluation_body = coalesce (?2, evaluation_body), "
                                    "tv_provider = coalesce (?3, tv_provider), status = coalesce (?4, status) "
                                    "WHERE assessment = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment);
  if (evaluation_body != NULL)
    scs_db_bind_text (stmt, 2, evaluation_body);
  if (tv_provider != NULL)
    scs_db_bind_text (stmt, 3, tv_provider);
  if (status != NULL)
    scs_db_bind_text (stmt, 4, status);
  value = g_strdup_printf ("%s | %s | %s", evaluation_body ? evaluation_body : "",
                           tv_provider ? tv_provider : "", status ? status : "");
  return scs_workspace_write_finish (self, &txn, stmt, now, "certification-registry", NULL, NULL, value, error);
}

/* ------------------------------------------------------------------------ */
/* Findings and the life cycle                                               */

gboolean
scs_renewal_record_finding (ScsWorkspace  *self,
                            const char    *found,
                            const char    *corrected,
                            GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) found_date = NULL;
  g_autoptr(GDate) corrected_date = NULL;
  g_autoptr(GDate) today = scs_date_today (SCS_DATE_ZONE_UTC);
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *value = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), FALSE);

  found_date = scs_date_parse_iso (found);
  if (found_date == NULL)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("The date ‘%s’ is not a date of the form YYYY-MM-DD"), found ? found : "");
      return FALSE;
    }
  if (corrected != NULL && (corrected_date = scs_date_parse_iso (corrected)) == NULL)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("The date ‘%s’ is not a date of the form YYYY-MM-DD"), corrected);
      return FALSE;
    }
  if (g_date_compare (found_date, today) > 0 || (corrected_date != NULL && g_date_compare (corrected_date, today) > 0))
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("The date ‘%s’ is in the future: record what has happened"),
                   g_date_compare (found_date, today) > 0 ? found : corrected);
      return FALSE;
    }
  if (corrected_date != NULL && g_date_compare (corrected_date, found_date) < 0)
    {
      g_set_error (error, SCS_RENEWAL_ERROR, SCS_RENEWAL_ERROR_INVALID,
                   _("The correction report (%s) cannot come before the finding (%s)"), corrected, found);
      return FALSE;
    }

  stmt = scs_workspace_write_begin (self, &txn,
                                    "INSERT INTO evaluation_finding (assessment, found, corrected, author, recorded) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (assessment) DO UPDATE SET "
                                    "found = excluded.found, corrected = excluded.corrected, author = excluded.author, "
                                    "recorded = excluded.recorded", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  scs_db_bind_text (stmt, 2, found);
  if (corrected != NULL)
    scs_db_bind_text (stmt, 3, corrected);
  else
    sqlite3_bind_null (stmt, 3);
  scs_db_bind_text (stmt, 4, scs_workspace_get_actor (self));
  scs_db_bind_text (stmt, 5, now);
  value = g_strdup_printf ("%s %s", found, corrected != NULL ? corrected : "");
  return scs_workspace_write_finish (self, &txn, stmt, now, "evaluation-finding", NULL, NULL, value, error);
}

void
scs_life_event_free (ScsLifeEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->label);
  g_free (event->date);
  g_free (event);
}

static void
add_event (GPtrArray        *events,
           ScsLifeEventKind  kind,
           const char       *label,
           const GDate      *date,
           const GDate      *today,
           guint             warn_days,
           gboolean          provisional)
{
  ScsLifeEvent *event = g_new0 (ScsLifeEvent, 1);

  event->kind = kind;
  event->label = g_strdup (label);
  event->provisional = provisional;
  if (date != NULL)
    {
      event->date = scs_date_to_iso (date);
      event->days_left = g_date_days_between (today, date);
      event->urgency = event->days_left < 0 ? SCS_LIFE_OVERDUE
                       : (guint) event->days_left <= warn_days ? SCS_LIFE_SOON : SCS_LIFE_OK;
    }
  else
    event->urgency = SCS_LIFE_OVERDUE;
  g_ptr_array_add (events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const ScsLifeEvent *x = *(const ScsLifeEvent * const *) a;
  const ScsLifeEvent *y = *(const ScsLifeEvent * const *) b;

  if ((x->date == NULL) != (y->date == NULL))
    return x->date == NULL ? -1 : 1;
  return g_strcmp0 (x->date, y->date);
}

GPtrArray *
scs_renewal_list_life_cycle (ScsWorkspace  *self,
                             ScsValidity   *validity,
                             const GDate   *today,
                             GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_life_event_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint target = scs_workspace_get_target_level (self);
  int rc;

  g_return_val_if_fail (SCS_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (validity != NULL && today != NULL, NULL);

  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT level, obtained, status FROM certification "
                         "ORDER BY obtained DESC, assessment DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      guint level = sqlite3_column_int (stmt, 0);
      g_autoptr(GDate) obtained = scs_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1));
      const char *status = (const char *) sqlite3_column_text (stmt, 2);
      g_autoptr(GDate) expiry = scs_validity_compute_expiry (validity, level, obtained);
      guint warn = scs_validity_get_warn_days (validity, level);
      gboolean provisional = scs_validity_is_provisional (validity);
      ScsDueKind kind;
      g_autoptr(GDate) due = scs_validity_next_due (validity, level, obtained, today, &kind);

      if (g_strcmp0 (status, "suspended") == 0)
        add_event (events, SCS_LIFE_STATUS, _("The star is suspended"), NULL, today, 0, FALSE);
      else if (g_strcmp0 (status, "withdrawn") == 0)
        add_event (events, SCS_LIFE_STATUS, _("The star is withdrawn"), NULL, today, 0, FALSE);
      if (expiry != NULL)
        {
          g_autofree char *valid = g_strdup_printf (_("★%u valid until"), level);

          add_event (events, SCS_LIFE_VALID_UNTIL, valid, expiry, today, warn, provisional);
          add_event (events, SCS_LIFE_RENEWAL,
                     level == 4 ? _("Re-evaluation by the evaluation body due")
                                : _("New check by the security expert due"),
                     expiry, today, warn, provisional);
        }
      if (due != NULL && kind == SCS_DUE_SELF_ASSESSMENT)
        add_event (events, SCS_LIFE_SELF_ASSESSMENT, _("Yearly self-assessment to the evaluation body due"),
                   due, today, warn, provisional);
    }
  else if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, self->db, self->path);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* An open finding of this cycle: its correction report is due. */
  stmt = scs_db_prepare (self->db, self->path,
                         "SELECT found FROM evaluation_finding WHERE assessment = ?1 AND corrected IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->assessment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GDate) found = scs_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0));
      gboolean provisional = FALSE;
      guint months = scs_validity_get_correction_months (validity, target, &provisional);

      if (found != NULL && months > 0)
        {
          g_date_add_months (found, months);
          add_event (events, SCS_LIFE_CORRECTION, _("Correction report due"), found, today, 14, provisional);
        }
      else
        {
          add_event (events, SCS_LIFE_CORRECTION, _("Correction report open (no period set for this level)"),
                     NULL, today, 0, FALSE);
          ((ScsLifeEvent *) g_ptr_array_index (events, events->len - 1))->urgency = SCS_LIFE_SOON;
        }
    }
  g_ptr_array_sort (events, compare_events);
  return g_steal_pointer (&events);
}

void
scs_renewal_read_summary (sqlite3           *db,
                          gint64             assessment,
                          ScsRenewalSummary *summary)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  memset (summary, 0, sizeof *summary);
  if (scs_db_has_table (db, "certification"))
    {
      /* The registry fields came with renewal step 3: an older file has
       * the level and date only. */
      gboolean registry = TRUE;

      stmt = scs_db_try_prepare (db, "SELECT level, obtained, status, evaluation_body, tv_provider "
                                     "FROM certification ORDER BY obtained DESC, assessment DESC LIMIT 1");
      if (stmt == NULL)
        {
          registry = FALSE;
          stmt = scs_db_try_prepare (db, "SELECT level, obtained FROM certification "
                                         "ORDER BY obtained DESC, assessment DESC LIMIT 1");
        }
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          summary->level = sqlite3_column_int (stmt, 0);
          summary->obtained = scs_db_column_dup (stmt, 1);
          if (registry)
            {
              summary->status = scs_db_column_dup (stmt, 2);
              summary->evaluation_body = scs_db_column_dup (stmt, 3);
              summary->tv_provider = scs_db_column_dup (stmt, 4);
            }
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (scs_db_has_table (db, "evaluation_finding"))
    {
      stmt = scs_db_try_prepare (db, "SELECT found FROM evaluation_finding "
                                     "WHERE assessment = ?1 AND corrected IS NULL");
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, assessment);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            summary->finding = scs_db_column_dup (stmt, 0);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (scs_db_has_table (db, "significant_change"))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      stmt = scs_db_try_prepare (db, "SELECT DISTINCT kind FROM significant_change "
                                     "WHERE assessment = ?1 ORDER BY kind");
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, assessment);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
        }
      summary->changes = g_strv_builder_end (builder);
    }
}

void
scs_renewal_summary_clear (ScsRenewalSummary *summary)
{
  g_clear_pointer (&summary->obtained, g_free);
  g_clear_pointer (&summary->status, g_free);
  g_clear_pointer (&summary->evaluation_body, g_free);
  g_clear_pointer (&summary->tv_provider, g_free);
  g_clear_pointer (&summary->finding, g_free);
  g_clear_pointer (&summary->changes, g_strfreev);
}
