/* scs-diagnosis.c: a vendor's (お助け隊) diagnosis of one client workspace
 *
 * The new お助け隊 service diagnoses an SME per requirement (STEP 1), closes
 * the gaps with IT tools or non-IT support (STEP 2) until every item is met
 * (STEP 3). The diagnosis lives in its own tables of the client's workspace
 * (schema module "diagnosis"), keyed by the assessment, so each renewal
 * cycle has its own plan, and it never writes the answer table: the answers
 * stay the SME's, attributed to whoever gave them. A gap is derived, not
 * stored: every criterion up to the target level that is unanswered or not
 * met; the vendor's plan for it (support type, effort, priority, owner, due
 * date, note) is stored per criterion and survives the gap being closed.
 * Where the vendor has not decided, the gap carries a suggestion from the
 * criterion's category (protect, detect and recover are mostly IT tools;
 * governance, supplier management, identify and respond mostly policies,
 * procedures and training). The report goes through the shared PDF writer;
 * the gap list goes out, in the user's language, as CSV (UTF-8 with a byte
 * order mark, or CP932) and as a formatted one-sheet XLSX (libxlsxwriter).
 * A JC-STAR ★1 or SECURITY ACTION workspace has no SCS criteria to plan:
 * its gaps, each with a suggested next step, are scs-diagnosis-items.c's,
 * and the same exports and report carry them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-diagnosis.h"
#include "scs-diagnosis-private.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-csv.h"
#include "scs-date.h"
#include "scs-db.h"
#include "scs-i18n.h"
#include "scs-pdf-writer.h"
#include "scs-renewal.h"
#include "scs-text.h"
#include "scs-workspace-private.h"
#include "scs-xlsx-writer.h"

G_DEFINE_QUARK (scs-diagnosis-error-quark, scs_diagnosis_error)

static const char diagnosis_v1[] =
  "CREATE TABLE diagnosis (\n"
  "  assessment    INTEGER PRIMARY KEY REFERENCES assessment (id),\n"
  "  needs_on_site INTEGER NOT NULL DEFAULT 0 CHECK (needs_on_site IN (0, 1)),\n"
  "  author        TEXT NOT NULL,\n"
  "  updated       TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE diagnosis_gap (\n"
  "  assessment   INTEGER NOT NULL REFERENCES assessment (id),\n"
  "  criterion_id TEXT NOT NULL CHECK (criterion_id <> ''),\n"
  "  support      TEXT NOT NULL DEFAULT '' CHECK (support IN ('', 'it-tool', 'non-it', 'on-site')),\n"
  "  effort       TEXT NOT NULL DEFAULT '' CHECK (effort IN ('', 'low', 'medium', 'high')),\n"
  "  priority     TEXT NOT NULL DEFAULT '' CHECK (priority IN ('', 'low', 'medium', 'high')),\n"
  "  owner        TEXT NOT NULL DEFAULT '',\n"
  "  due          TEXT NOT NULL DEFAULT '' CHECK (due = '' OR due GLOB "
  "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  note         TEXT NOT NULL DEFAULT '',\n"
  "  author       TEXT NOT NULL,\n"
  "  updated      TEXT NOT NULL,\n"
  "  PRIMARY KEY (assessment, criterion_id)\n"
  ") STRICT;\n";

/* v2: the vendor's view of the client, for statistics across clients. */
static const char diagnosis_v2[] =
  "CREATE TABLE diagnosis_client (\n"
  "  id      INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  size    TEXT NOT NULL DEFAULT '' CHECK (size IN ('', 'small', 'medium', 'large')),\n"
  "  sector  TEXT NOT NULL DEFAULT '' CHECK (sector IN ('', 'manufacturing', 'construction', "
  "'wholesale-retail', 'information', 'transport', 'finance', 'medical-welfare', 'services', 'other')),\n"
  "  author  TEXT NOT NULL,\n"
  "  updated TEXT NOT NULL\n"
  ") STRICT;\n";

static const char * const diagnosis_steps[] = { diagnosis_v1, diagnosis_v2 };

const ScsSchemaModule scs_diagnosis_schema = {
  "diagnosis", diagnosis_steps, G_N_ELEMENTS (diagnosis_steps),
};

struct _ScsDiagnosis
{
  GObject       parent_instance;
  ScsWorkspace *workspace;
  char         *today;      /* YYYY-MM-DD, NULL: today (UTC) */
};

G_DEFINE_FINAL_TYPE (ScsDiagnosis, scs_diagnosis, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const support_names[] = { "", "it-tool", "non-it", "on-site" };
static const char * const support_labels[] = {
  N_("Undecided"), N_("IT tool"), N_("Non-IT support"), N_("On-site support"),
};
static const char * const tier_names[] = { "★3", "★3+", "★4", "★4+" };

const char *
scs_support_to_string (ScsSupport support)
{
  g_return_val_if_fail (support <= SCS_SUPPORT_ON_SITE, "");
  return support_names[support];
}

gboolean
scs_support_from_string (const char *text,
                         ScsSupport *support)
{
  guint i;

  if (!scs_text_find_in_array (support_names, text, &i))
    return FALSE;
  *support = i;
  return TRUE;
}

const char *
scs_support_get_label (ScsSupport support)
{
  g_return_val_if_fail (support <= SCS_SUPPORT_ON_SITE, "");
  return _(support_labels[support]);
}

gboolean
scs_diagnosis_grade_is_valid (const char *grade)
{
  return g_strcmp0 (grade, "") == 0 || g_strcmp0 (grade, "low") == 0 ||
         g_strcmp0 (grade, "medium") == 0 || g_strcmp0 (grade, "high") == 0;
}

const char *
scs_diagnosis_grade_get_label (const char *grade)
{
  if (g_strcmp0 (grade, "low") == 0)
    return C_("grade", "Low");
  if (g_strcmp0 (grade, "medium") == 0)
    return C_("grade", "Medium");
  if (g_strcmp0 (grade, "high") == 0)
    return C_("grade", "High");
  return "—";
}

const char *
scs_tier_to_string (ScsTier tier)
{
  g_return_val_if_fail (tier <= SCS_TIER_4_PLUS, "");
  return tier_names[tier];
}

ScsTier
scs_diagnosis_recommend_tier (guint    target_level,
                              gboolean needs_on_site)
{
  if (target_level >= 4)
    return needs_on_site ? SCS_TIER_4_PLUS : SCS_TIER_4;
  return needs_on_site ? SCS_TIER_3_PLUS : SCS_TIER_3;
}

void
scs_gap_free (ScsGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->criterion_id);
  g_free (gap->effort);
  g_free (gap->priority);
  g_free (gap->owner);
  g_free (gap->due);
  g_free (gap->note);
  g_free (gap);
}

static void
scs_diagnosis_dispose (GObject *object)
{
  ScsDiagnosis *self = SCS_DIAGNOSIS (object);

  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (scs_diagnosis_parent_class)->dispose (object);
}

static void
scs_diagnosis_finalize (GObject *object)
{
  g_free (SCS_DIAGNOSIS (object)->today);
  G_OBJECT_CLASS (scs_diagnosis_parent_class)->finalize (object);
}

static void
scs_diagnosis_class_init (ScsDiagnosisClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scs_diagnosis_dispose;
  G_OBJECT_CLASS (klass)->finalize = scs_diagnosis_finalize;

  /**
   * ScsDiagnosis::changed:
   * @criterion_id: (nullable): the gap whose plan changed; NULL for the tier
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
scs_diagnosis_init (ScsDiagnosis *self)
{
}

ScsDiagnosis *
scs_diagnosis_new (ScsWorkspace *workspace)
{
  ScsDiagnosis *self;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SCS_TYPE_DIAGNOSIS, NULL);
  self->workspace = g_object_ref (workspace);
  return self;
}

gboolean
scs_diagnosis_is_item_based (ScsDiagnosis *self)
{
  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), FALSE);
  return scs_workspace_type_is_item_based (scs_workspace_get_workspace_type (self->workspace));
}

/* TRUE for a date of the form YYYY-MM-DD, else FALSE with @format ("The
 * report date ‘%s’ …") said. */
static gboolean
check_date (const char  *date,
            const char  *format,
            GError     **error)
{
  if (scs_date_is_iso (date))
    return TRUE;
  g_set_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID, format, date);
  return FALSE;
}

gboolean
scs_diagnosis_set_today (ScsDiagnosis  *self,
                         const char    *today,
                         GError       **error)
{
  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), FALSE);

  if (today != NULL && !check_date (today, _("The date ‘%s’ is not a date of the form YYYY-MM-DD"), error))
    return FALSE;
  g_free (self->today);
  self->today = g_strdup (today);
  return TRUE;
}

static char *
dup_today (ScsDiagnosis *self)
{
  return self->today != NULL ? g_strdup (self->today) : scs_date_today_iso (SCS_DATE_ZONE_UTC);
}

GPtrArray *
scs_diagnosis_list_item_gaps (ScsDiagnosis  *self,
                              GError       **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), NULL);
  g_return_val_if_fail (scs_diagnosis_is_item_based (self), NULL);

  today = dup_today (self);
  return scs_item_gaps_list (self->workspace, today, error);
}

/* A self-declaration has no plan per gap: said, naming the file. */
static gboolean
refuse_plan (ScsDiagnosis  *self,
             GError       **error)
{
  ScsWorkspace *ws = self->workspace;

  g_set_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID,
               /* Translators: %s is a file, then a type such as "JC-STAR ★1 product self-declaration" */
               _("‘%s’ is a %s: its gaps come with a suggested next step; a plan per gap and the service "
                 "tier are for SCS assessments (★3/★4)"),
               ws->path, scs_workspace_type_get_label (scs_workspace_get_workspace_type (ws)));
  return FALSE;
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static ScsSupport
suggest_support (const ScsCriterion *criterion)
{
  switch (criterion->requirement->category->number)
    {
    case 4: /* protect */
    case 5: /* detect */
    case 7: /* recover: backups */
      return SCS_SUPPORT_IT_TOOL;
    default: /* governance, suppliers, identify, respond: policies, procedures, training */
      return SCS_SUPPORT_NON_IT;
    }
}

GPtrArray *
scs_diagnosis_list_gaps (ScsDiagnosis  *self,
                         GError       **error)
{
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_gap_free);
  g_autoptr(GHashTable) plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_strfreev);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsWorkspace *ws;
  GListModel *answers;
  guint level;
  int rc;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), NULL);

  ws = self->workspace;
  level = ws->target_level;
  /* The gaps are SCS criteria: a self-declaration of another scheme has
   * none (its untouched SCS checklist is not its gaps). */
  if (scs_diagnosis_is_item_based (self))
    return g_steal_pointer (&gaps);

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT criterion_id, support, effort, priority, owner, due, note "
                         "FROM diagnosis_gap WHERE assessment = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 7);

      for (int i = 0; i < 6; i++)
        row[i] = scs_db_column_dup (stmt, i + 1);
      g_hash_table_insert (plans, scs_db_column_dup (stmt, 0), row);
    }
  if (rc != SQLITE_DONE)
    {
      scs_db_set_error (error, ws->db, ws->path);
      return NULL;
    }

  answers = scs_workspace_get_answers (ws);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
      const ScsCriterion *criterion = scs_answer_get_criterion (answer);
      ScsAnswerState state = scs_answer_get_state (answer);
      const char *id = scs_answer_get_criterion_id (answer);
      char **plan;
      ScsGap *gap;

      if (criterion->level > level ||
          (state != SCS_ANSWER_UNANSWERED && state != SCS_ANSWER_NOT_MET))
        continue;

      gap = g_new0 (ScsGap, 1);
      gap->criterion_id = g_strdup (id);
      gap->state = state;
      plan = g_hash_table_lookup (plans, id);
      /* The suggestion first; what the vendor decided overrides it field
       * by field. */
      gap->support = suggest_support (criterion);
      gap->effort = g_strdup (gap->support == SCS_SUPPORT_IT_TOOL ? "medium" : "low");
      gap->priority = g_strdup (state == SCS_ANSWER_NOT_MET ? "high" : "medium");
      gap->owner = g_strdup ("");
      gap->due = g_strdup ("");
      gap->note = g_strdup ("");
      if (plan != NULL)
        {
          ScsSupport support;

          gap->planned = TRUE;
          if (scs_support_from_string (plan[0], &support) && support != SCS_SUPPORT_NONE)
            gap->support = support;
          if (*plan[1] != '\0')
            replace_str (&gap->effort, plan[1]);
          if (*plan[2] != '\0')
            replace_str (&gap->priority, plan[2]);
          replace_str (&gap->owner, plan[3]);
          replace_str (&gap->due, plan[4]);
          replace_str (&gap->note, plan[5]);
        }
      g_ptr_array_add (gaps, gap);
    }

  return g_steal_pointer (&gaps);
}

static gboolean
invalid (GError     **error,
         const char  *format,
         const char  *value)
{
  g_set_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID, format, value);
  return FALSE;
}

gboolean
scs_diagnosis_set_gap (ScsDiagnosis  *self,
                       const char    *criterion_id,
                       const char    *support,
                       const char    *effort,
                       const char    *priority,
                       const char    *owner,
                       const char    *due,
                       const char    *note,
                       GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *summary = NULL;
  ScsWorkspace *ws;
  ScsSupport parsed;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  ws = self->workspace;
  if (scs_diagnosis_is_item_based (self))
    return refuse_plan (self, error);
  if (scs_catalog_lookup_criterion (ws->catalog, criterion_id) == NULL)
    return invalid (error, _("Criterion ‘%s’ is not in the catalog"), criterion_id);
  if (support != NULL && !scs_support_from_string (support, &parsed))
    return invalid (error, _("‘%s’ is not a support type (it-tool, non-it, on-site)"), support);
  if (effort != NULL && !scs_diagnosis_grade_is_valid (effort))
    return invalid (error, _("‘%s’ is not an effort (low, medium, high)"), effort);
  if (priority != NULL && !scs_diagnosis_grade_is_valid (priority))
    return invalid (error, _("‘%s’ is not a priority (low, medium, high)"), priority);
  if (due != NULL && *due != '\0' &&
      !check_date (due, _("The due date ‘%s’ is not a date of the form YYYY-MM-DD"), error))
    return FALSE;

  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;

  /* Insert the row, then overwrite only the fields given. */
  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO diagnosis_gap (assessment, criterion_id, support, effort, priority, "
                         "  owner, due, note, author, updated) "
                         "VALUES (?1, ?2, coalesce (?3, ''), coalesce (?4, ''), coalesce (?5, ''), "
                         "  coalesce (?6, ''), coalesce (?7, ''), coalesce (?8, ''), ?9, ?10) "
                         "ON CONFLICT (assessment, criterion_id) DO UPDATE SET "
                         "  support = coalesce (?3, support), effort = coalesce (?4, effort), "
                         "  priority = coalesce (?5, priority), owner = coalesce (?6, owner), "
                         "  due = coalesce (?7, due), note = coalesce (?8, note), "
                         "  author = ?9, updated = ?10", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  scs_db_bind_text (stmt, 2, criterion_id);
  scs_db_bind_text (stmt, 3, support);
  scs_db_bind_text (stmt, 4, effort);
  scs_db_bind_text (stmt, 5, priority);
  scs_db_bind_text (stmt, 6, owner);
  scs_db_bind_text (stmt, 7, due);
  scs_db_bind_text (stmt, 8, note);
  scs_db_bind_text (stmt, 9, scs_workspace_get_actor (ws));
  scs_db_bind_text (stmt, 10, now);

  summary = g_strdup_printf ("support=%s effort=%s priority=%s owner=%s due=%s",
                             support ? support : "*", effort ? effort : "*",
                             priority ? priority : "*", owner ? owner : "*", due ? due : "*");
  if (!scs_db_step_done (stmt, ws->db, ws->path, error) ||
      !scs_workspace_audit (ws, now, "diagnosis-gap", criterion_id, NULL, summary, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0, criterion_id);
  return TRUE;
}

static const char * const size_names[] = { "", "small", "medium", "large", NULL };
static const char * const size_labels[] = {
  N_("Size not given"), N_("Small business (up to 20 employees)"), N_("Medium-sized enterprise"),
  N_("Large enterprise"),
};
static const char * const sector_names[] = {
  "", "manufacturing", "construction", "wholesale-retail", "information", "transport", "finance",
  "medical-welfare", "services", "other", NULL,
};
static const char * const sector_labels[] = {
  N_("Sector not given"), N_("Manufacturing"), N_("Construction"), N_("Wholesale and retail"),
  N_("Information and communications"), N_("Transport and logistics"), N_("Finance and insurance"),
  N_("Medical care and welfare"), N_("Services"), N_("Other sectors"),
};

const char * const *
scs_client_size_list (void)
{
  return size_names;
}

const char * const *
scs_client_sector_list (void)
{
  return sector_names;
}

static const char *
label_of (const char * const *names,
          const char * const *labels,
          const char         *name)
{
  guint i;

  if (!scs_text_find_word (names, sizeof (names[0]), g_strv_length ((char **) names), name, &i))
    i = 0;
  return _(labels[i]);
}

const char *
scs_client_size_get_label (const char *size)
{
  return label_of (size_names, size_labels, size);
}

const char *
scs_client_sector_get_label (const char *sector)
{
  return label_of (sector_names, sector_labels, sector);
}

void
scs_diagnosis_get_client (ScsDiagnosis  *self,
                          char         **size,
                          char         **sector)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsWorkspace *ws;

  g_return_if_fail (SCS_IS_DIAGNOSIS (self));
  ws = self->workspace;

  *size = NULL;
  *sector = NULL;
  stmt = scs_db_prepare (ws->db, ws->path, "SELECT size, sector FROM diagnosis_client WHERE id = 1", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *size = scs_db_column_dup (stmt, 0);
      *sector = scs_db_column_dup (stmt, 1);
    }
  if (*size == NULL)
    *size = g_strdup ("");
  if (*sector == NULL)
    *sector = g_strdup ("");
}

gboolean
scs_diagnosis_set_client (ScsDiagnosis  *self,
                          const char    *size,
                          const char    *sector,
                          GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  g_autofree char *old_size = NULL;
  g_autofree char *old_sector = NULL;
  g_autofree char *text = NULL;
  ScsWorkspace *ws;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), FALSE);
  ws = self->workspace;

  if (size != NULL && !g_strv_contains (size_names, size))
    {
      g_set_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID,
                   _("Unknown client size ‘%s’ (small, medium or large)"), size);
      return FALSE;
    }
  if (sector != NULL && !g_strv_contains (sector_names, sector))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) sector_names + 1);

      g_set_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_INVALID,
                   _("Unknown sector ‘%s’ (one of: %s)"), sector, known);
      return FALSE;
    }
  scs_diagnosis_get_client (self, &old_size, &old_sector);
  if (size == NULL)
    size = old_size;
  if (sector == NULL)
    sector = old_sector;
  text = g_strdup_printf ("%s/%s", size, sector);

  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO diagnosis_client (id, size, sector, author, updated) "
                         "VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET "
                         "size = excluded.size, sector = excluded.sector, author = excluded.author, "
                         "updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;
  scs_db_bind_text (stmt, 1, size);
  scs_db_bind_text (stmt, 2, sector);
  scs_db_bind_text (stmt, 3, scs_workspace_get_actor (ws));
  scs_db_bind_text (stmt, 4, now);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error) ||
      !scs_workspace_audit (ws, now, "diagnosis-client", NULL, NULL, text, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  return TRUE;
}

gboolean
scs_diagnosis_get_needs_on_site (ScsDiagnosis *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScsWorkspace *ws;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), FALSE);
  ws = self->workspace;

  stmt = scs_db_prepare (ws->db, ws->path,
                         "SELECT needs_on_site FROM diagnosis WHERE assessment = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

gboolean
scs_diagnosis_set_needs_on_site (ScsDiagnosis  *self,
                                 gboolean       needs,
                                 GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = scs_now_iso8601 ();
  ScsWorkspace *ws;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), FALSE);
  ws = self->workspace;

  if (scs_diagnosis_is_item_based (self))
    return refuse_plan (self, error);
  if (!scs_workspace_transaction_begin (ws, &txn, error))
    return FALSE;
  stmt = scs_db_prepare (ws->db, ws->path,
                         "INSERT INTO diagnosis (assessment, needs_on_site, author, updated) "
                         "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (assessment) DO UPDATE SET "
                         "needs_on_site = excluded.needs_on_site, author = excluded.author, "
                         "updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws->assessment_id);
  sqlite3_bind_int (stmt, 2, needs ? 1 : 0);
  scs_db_bind_text (stmt, 3, scs_workspace_get_actor (ws));
  scs_db_bind_text (stmt, 4, now);
  if (!scs_db_step_done (stmt, ws->db, ws->path, error) ||
      !scs_workspace_audit (ws, now, "diagnosis-on-site", NULL, NULL, needs ? "yes" : "no", error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0, NULL);
  return TRUE;
}

ScsTier
scs_diagnosis_get_tier (ScsDiagnosis *self)
{
  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), SCS_TIER_3);
  return scs_diagnosis_recommend_tier (self->workspace->target_level,
                                       scs_diagnosis_get_needs_on_site (self));
}

#define N_GAP_COLUMNS 11

enum { COLUMN_DUE = 8 };

/* The header in the user's language: a Japanese client reads Japanese. */
static const char * const gap_header[N_GAP_COLUMNS] = {
  NC_("gap column", "No."), NC_("gap column", "Requirement"), NC_("gap column", "Criterion"),
  NC_("gap column", "Answer"), NC_("gap column", "Support"), NC_("gap column", "Effort"),
  NC_("gap column", "Priority"), NC_("gap column", "Owner"), NC_("gap column", "Due"),
  NC_("gap column", "Note"), NC_("gap column", "Plan"),
};

/* Column widths in the workbook (characters) and which columns wrap. */
static const double gap_widths[N_GAP_COLUMNS] = { 10, 30, 60, 12, 16, 8, 8, 14, 12, 40, 14 };
static const gboolean gap_wrap[N_GAP_COLUMNS] = { 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0 };

/* The cells of the gap list, header first, as the user reads them (labels,
 * never codes): shared by CSV and XLSX. A self-declaration's are
 * SCS_N_ITEM_GAP_COLUMNS wide (*@n_columns). */
static GPtrArray *
gap_table (ScsDiagnosis  *self,
           guint         *n_columns,
           GError       **error)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  ScsCatalog *catalog = self->workspace->catalog;
  const char *header[N_GAP_COLUMNS + 1] = { NULL, };

  if (scs_diagnosis_is_item_based (self))
    {
      gaps = scs_diagnosis_list_item_gaps (self, error);
      *n_columns = SCS_N_ITEM_GAP_COLUMNS;
      return gaps != NULL ? scs_item_gaps_table (gaps) : NULL;
    }
  *n_columns = N_GAP_COLUMNS;
  gaps = scs_diagnosis_list_gaps (self, error);
  if (gaps == NULL)
    return NULL;

  for (guint c = 0; c < N_GAP_COLUMNS; c++)
    header[c] = g_dpgettext2 (GETTEXT_PACKAGE, "gap column", gap_header[c]);
  g_ptr_array_add (rows, g_strdupv ((char **) header));
  for (guint i = 0; i < gaps->len; i++)
    {
      ScsGap *gap = g_ptr_array_index (gaps, i);
      const ScsCriterion *criterion = scs_catalog_lookup_criterion (catalog, gap->criterion_id);
      const char *row[N_GAP_COLUMNS + 1] = {
        gap->criterion_id,
        scs_requirement_get_title (criterion->requirement),
        scs_criterion_get_text (criterion),
        scs_answer_state_get_label (gap->state),
        scs_support_get_label (gap->support),
        *gap->effort != '\0' ? scs_diagnosis_grade_get_label (gap->effort) : "",
        *gap->priority != '\0' ? scs_diagnosis_grade_get_label (gap->priority) : "",
        gap->owner, gap->due, gap->note,
        gap->planned ? C_("gap plan", "Planned") : C_("gap plan", "Suggested"),
        NULL,
      };
      g_ptr_array_add (rows, g_strdupv ((char **) row));
    }
  return g_steal_pointer (&rows);
}

GBytes *
scs_diagnosis_export_csv (ScsDiagnosis    *self,
                          ScsCsvEncoding   encoding,
                          GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n_columns;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), NULL);

  rows = gap_table (self, &n_columns, error);
  if (rows == NULL)
    return NULL;
  return scs_csv_write (rows, n_columns, encoding, error);
}

GBytes *
scs_diagnosis_export_xlsx (ScsDiagnosis  *self,
                           GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  gboolean items;
  guint n_columns;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), NULL);

  rows = gap_table (self, &n_columns, error);
  if (rows == NULL)
    return NULL;
  items = scs_diagnosis_is_item_based (self);
  return scs_xlsx_write_table (C_("sheet name", "Gaps"), rows, n_columns,
                               items ? scs_item_gap_widths : gap_widths, items ? scs_item_gap_wrap : gap_wrap,
                               items ? -1 : COLUMN_DUE, error);
}

ScsPdfWriter *
scs_diagnosis_report_begin (const char *organization,
                            const char *today)
{
  ScsPdfWriter *writer = scs_pdf_writer_new ();
  g_autofree char *pdf_date = g_strconcat (today, "T00:00:00Z", NULL);

  scs_pdf_writer_set_metadata (writer, _("Security diagnosis report"), organization, pdf_date);
  scs_pdf_writer_set_footer (writer, organization);
  scs_pdf_writer_title (writer, _("Security diagnosis report"));
  return writer;
}

GBytes *
scs_diagnosis_report_finish (ScsPdfWriter  *writer,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *pdf = scs_pdf_writer_finish (writer, &local_error);

  if (pdf == NULL)
    g_set_error (error, SCS_DIAGNOSIS_ERROR, SCS_DIAGNOSIS_ERROR_REPORT,
                 _("Cannot write the diagnosis report: %s"), local_error->message);
  return pdf;
}

GBytes *
scs_diagnosis_build_report (ScsDiagnosis  *self,
                            const char    *date,
                            GError       **error)
{
  g_autoptr(ScsPdfWriter) writer = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(ScsOrganization) org = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = NULL;
  g_autofree char *level_text = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *cycle_text = NULL;
  g_autofree char *ready_text = NULL;
  g_autofree char *gaps_text = NULL;
  ScsWorkspace *ws;
  ScsCatalog *catalog;
  ScsProgress total;

  g_return_val_if_fail (SCS_IS_DIAGNOSIS (self), NULL);

  ws = self->workspace;
  catalog = ws->catalog;

  if (date != NULL && !check_date (date, _("The report date ‘%s’ is not a date of the form YYYY-MM-DD"), error))
    return NULL;
  today = date != NULL ? g_strdup (date) : dup_today (self);
  if (scs_diagnosis_is_item_based (self))
    {
      /* the label's expiry counted from the report's date */
      gaps = scs_item_gaps_list (ws, today, error);
      return gaps != NULL ? scs_item_gaps_report (ws, gaps, today, error) : NULL;
    }
  gaps = scs_diagnosis_list_gaps (self, error);
  if (gaps == NULL)
    return NULL;
  org = scs_workspace_dup_organization (ws);

  writer = scs_diagnosis_report_begin (org->name, today);
  scs_workspace_get_progress (ws, 0, ws->target_level, &total);
  /* Translators: a level of the scheme, ★3 or ★4 */
  level_text = g_strdup_printf (_("★%u"), ws->target_level);
  cycle_text = ws->cycle == 0 ? g_strdup (_("Initial assessment"))
                              : g_strdup_printf (_("Renewal %u"), ws->cycle);
  missing = scs_catalog_describe_missing (catalog, ws->target_level);
  ready_text = missing != NULL ? g_strdup (missing)
                               : g_strdup_printf (_("%u of %u criteria met or justified not applicable"),
                                                  total.satisfied, total.total);
  gaps_text = missing != NULL ? g_strdup_printf (_("%u among the known criteria; %s"), gaps->len, missing)
                              : g_strdup_printf ("%u", gaps->len);
  {
    const char *pairs[] = {
      _("Organisation"), org->name,
      _("Date"), today,
      _("Target level"), level_text,
      _("Cycle"), cycle_text,
      _("Recommended service tier"), scs_tier_to_string (scs_diagnosis_get_tier (self)),
      _("Readiness"), ready_text,
      _("Open gaps"), gaps_text,
      NULL,
    };
    scs_pdf_writer_key_values (writer, pairs);
  }
  scs_pdf_writer_small (writer, _("Readiness is not a score or a grade: the scheme asks that every "
                                  "criterion of the level is met."));

  scs_pdf_writer_heading (writer, _("Readiness per category"));
  bars = g_array_new (FALSE, TRUE, sizeof (ScsPdfBar));
  for (guint i = 1; i <= scs_catalog_get_n_categories (catalog); i++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, i);
      ScsProgress progress;
      ScsPdfBar bar = { 0, };
      char *label;

      if (category == NULL)
        continue;
      scs_workspace_get_progress (ws, i, ws->target_level, &progress);
      if (progress.total == 0)
        continue;
      label = g_strdup_printf ("%u %s", i, scs_category_get_title (category));
      g_ptr_array_add (strings, label);
      bar.label = label;
      bar.value = progress.satisfied;
      bar.max = progress.total;
      bar.rgb = progress.satisfied == progress.total ? 0x2ec27e : 0xe5a50a;
      g_array_append_val (bars, bar);
    }
  scs_pdf_writer_bars (writer, (ScsPdfBar *) (gpointer) bars->data, bars->len);

  scs_pdf_writer_heading (writer, _("Gaps and support plan"));
  if (missing != NULL)
    scs_pdf_writer_paragraph (writer, missing);
  else if (gaps->len == 0)
    scs_pdf_writer_paragraph (writer, _("No gaps: every criterion of the level is met or justified "
                                        "not applicable."));
  if (gaps->len > 0)
    {
      const double widths[] = { 0.10, 0.34, 0.13, 0.14, 0.09, 0.09, 0.11 };
      const char *head[] = {
        _("ID"), _("Criterion"), _("Answer"), _("Support"), _("Effort"), _("Priority"), _("Owner / due"),
      };

      scs_pdf_writer_paragraph (writer, _("Each criterion below is not met or not yet answered. "
                                          "Plans marked * are suggestions not yet confirmed."));
      scs_pdf_writer_table_begin (writer, G_N_ELEMENTS (head), widths, head);
      for (guint i = 0; i < gaps->len; i++)
        {
          ScsGap *gap = g_ptr_array_index (gaps, i);
          const ScsCriterion *criterion = scs_catalog_lookup_criterion (catalog, gap->criterion_id);
          g_autofree char *support = g_strconcat (scs_support_get_label (gap->support),
                                                  gap->planned ? "" : " *", NULL);
          g_autofree char *owner = g_strdup_printf ("%s%s%s", gap->owner,
                                                    *gap->owner && *gap->due ? "\n" : "", gap->due);
          const char *cells[] = {
            gap->criterion_id, scs_criterion_get_text (criterion), scs_answer_state_get_label (gap->state), support,
            scs_diagnosis_grade_get_label (gap->effort), scs_diagnosis_grade_get_label (gap->priority),
            owner,
          };
          scs_pdf_writer_table_row (writer, cells);
        }
      scs_pdf_writer_table_end (writer);
    }

  scs_pdf_writer_small (writer, _("The answers in this report are the organisation’s own "
                                  "self-assessment; the support plan is the vendor’s."));

  return scs_diagnosis_report_finish (writer, error);
}

void
scs_diagnosis_read_client_summary (sqlite3  *db,
                                   char    **size,
                                   char    **sector)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *size = *sector = NULL;
  if (!scs_db_has_table (db, "diagnosis_client"))
    return;
  stmt = scs_db_try_prepare (db, "SELECT size, sector FROM diagnosis_client WHERE id = 1");
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *size = scs_db_column_dup (stmt, 0);
      *sector = scs_db_column_dup (stmt, 1);
    }
}
