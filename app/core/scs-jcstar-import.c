/* scs-jcstar-import.c: the user's own copy of IPA's JC-STAR ★1 checklist
 *
 * The product ships only our own paraphrase of the requirements; the
 * official wording may come only from the user's copy of IPA's checklist
 * (XLSX, or CSV saved from it). This reads it with the project's readers
 * (scs-xlsx.c, scs-csv.c), finds the header row and its columns by their
 * text (requirement ID, item number, wording, answer, reason), and lets
 * the user map a column where the header does not say (--map in the CLI).
 * Rows are keyed on S1.1-NN and the item number; the wording is kept as
 * the official text of the item, and an answer, where the copy has one,
 * is stored as the item's answer. Everything is checked before anything
 * is written: a row the import cannot read is refused naming the sheet,
 * the row and the column, and then nothing is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-jcstar.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-csv.h"
#include "scs-db.h"
#include "scs-items.h"
#include "scs-text.h"
#include "scs-workspace-private.h"
#include "scs-xlsx.h"

/* The fields a column can hold, and header words that name them (lower
 * case, spaces removed; a header naming one field and no other decides). */
static const struct
{
  const char *field;
  const char *words[8];
} fields[] = {
  { "requirement", { "要求事項番号", "適合基準番号", "要件番号", "基準番号", "requirement", "要求事項id", NULL } },
  { "item", { "評価項目番号", "項目番号", "itemno", "itemnumber", "item", NULL } },
  { "text", { "評価項目の内容", "評価内容", "評価項目内容", "内容", "wording", "text", "description", NULL } },
  { "answer", { "適合判定", "判定", "自己評価結果", "評価結果", "回答", "answer", "result", NULL } },
  { "reason", { "理由", "該当しない理由", "備考", "根拠", "reason", "note", NULL } },
};

#define N_FIELDS G_N_ELEMENTS (fields)
#define HEADER_SEARCH_ROWS 10

struct _ScsJcImport
{
  char      *source;
  char      *sheet;     /* the sheet's name, NULL for a CSV file */
  GPtrArray *rows;      /* of GStrv, all of the sheet */
  guint      header;    /* index of the header row in rows */
  guint      n_columns;
  int        map[N_FIELDS]; /* field → 0-based column, −1 unmapped */
};

void
scs_jc_import_free (ScsJcImport *self)
{
  if (self == NULL)
    return;
  g_free (self->source);
  g_free (self->sheet);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

static char *
normalize (const char *text)
{
  g_autofree char *down = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '.' && c != '-' && c != '_' && c != '(' && c != ')' &&
          c != 0xFF08 && c != 0xFF09)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The field a header names, or −1. */
static int
field_of_header (const char *header)
{
  g_autofree char *key = normalize (header);

  if (*key == '\0')
    return -1;
  for (guint f = 0; f < N_FIELDS; f++)
    for (guint w = 0; fields[f].words[w] != NULL; w++)
      if (g_str_equal (key, fields[f].words[w]))
        return (int) f;
  return -1;
}

static int
field_index (const char *field)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (fields[f].field, field) == 0)
      return (int) f;
  return -1;
}

static const char *
cell (ScsJcImport *self,
      guint        row,
      int          column)
{
  GStrv cells = g_ptr_array_index (self->rows, row);

  if (column < 0 || (guint) column >= g_strv_length (cells))
    return "";
  return cells[column];
}

/* The header: the first of the top rows naming at least two fields. */
static void
guess_mapping (ScsJcImport *self)
{
  guint best = 0, best_count = 0;

  for (guint r = 0; r < self->rows->len && r < HEADER_SEARCH_ROWS; r++)
    {
      guint count = 0;

      for (guint c = 0; c < self->n_columns; c++)
        count += field_of_header (cell (self, r, (int) c)) >= 0;
      if (count > best_count)
        {
          best = r;
          best_count = count;
        }
      if (count >= 2)
        break;
    }
  self->header = best;
  for (guint f = 0; f < N_FIELDS; f++)
    self->map[f] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    {
      int f = field_of_header (cell (self, self->header, (int) c));

      if (f >= 0 && self->map[f] < 0)
        self->map[f] = (int) c;
    }
}

static gboolean
load_xlsx (ScsJcImport  *self,
           const char   *path,
           GError      **error)
{
  g_autoptr(ScsXlsx) book = scs_xlsx_new_from_file (path, error);
  guint best_count = 0;

  if (book == NULL)
    return FALSE;
  /* The sheet whose header names the most fields. */
  for (guint i = 0; i < scs_xlsx_get_n_sheets (book); i++)
    {
      g_autoptr(ScsXlsxSheet) sheet = NULL;
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      guint n_columns, count = 0;
      ScsJcImport probe = { 0 };

      if (scs_xlsx_get_sheet_hidden (book, i))
        continue;
      sheet = scs_xlsx_load_sheet (book, i, error);
      if (sheet == NULL)
        return FALSE;
      n_columns = MIN (scs_xlsx_sheet_get_max_column (sheet), 64);
      for (guint r = 1; r <= scs_xlsx_sheet_get_max_row (sheet); r++)
        {
          GStrv cells = g_new0 (char *, n_columns + 1);

          for (guint c = 1; c <= n_columns; c++)
            {
              ScsXlsxCell value;

              cells[c - 1] = g_strdup (scs_xlsx_sheet_get_cell (sheet, r, c, &value) ? value.text : "");
            }
          g_ptr_array_add (rows, cells);
        }
      probe.rows = rows;
      probe.n_columns = n_columns;
      guess_mapping (&probe);
      for (guint f = 0; f < N_FIELDS; f++)
        count += probe.map[f] >= 0;
      if (self->rows == NULL || count > best_count)
        {
          g_clear_pointer (&self->rows, g_ptr_array_unref);
          g_free (self->sheet);
          self->rows = g_steal_pointer (&rows);
          self->sheet = g_strdup (scs_xlsx_get_sheet_name (book, i));
          self->n_columns = n_columns;
          best_count = count;
        }
    }
  return TRUE;
}

ScsJcImport *
scs_jc_import_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(ScsJcImport) self = g_new0 (ScsJcImport, 1);
  g_autofree char *lower = g_ascii_strdown (path, -1);

  g_return_val_if_fail (path != NULL, NULL);

  self->source = g_path_get_basename (path);
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm"))
    {
      if (!load_xlsx (self, path, error))
        return NULL;
    }
  else
    {
      self->rows = scs_csv_parse_file (path, error);
      if (self->rows == NULL)
        return NULL;
      self->n_columns = self->rows->len > 0 ? g_strv_length (g_ptr_array_index (self->rows, 0)) : 0;
    }
  if (self->rows == NULL || self->rows->len == 0 || self->n_columns == 0)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID,
                   _("‘%s’ holds no table to read a checklist from"), self->source);
      return NULL;
    }
  guess_mapping (self);
  return g_steal_pointer (&self);
}

const char *
scs_jc_import_get_sheet (ScsJcImport *self)
{
  return self->sheet;
}

char *
scs_jc_import_dup_place (ScsJcImport *self)
{
  if (self->sheet == NULL)
    /* Translators: where a checklist table is: a CSV file, by its name */
    return g_strdup_printf (_("‘%s’"), self->source);
  /* Translators: where a checklist table is: "Sheet ‘チェックリスト’ of ‘ipa.xlsx’" */
  return g_strdup_printf (_("Sheet ‘%s’ of ‘%s’"), self->sheet, self->source);
}

guint
scs_jc_import_get_n_columns (ScsJcImport *self)
{
  return self->n_columns;
}

const char *
scs_jc_import_get_header (ScsJcImport *self,
                          guint        column)
{
  return cell (self, self->header, (int) column);
}

const char *
scs_jc_import_get_mapping (ScsJcImport *self,
                           const char  *field)
{
  int f = field_index (field);

  return f >= 0 && self->map[f] >= 0 ? scs_jc_import_get_header (self, (guint) self->map[f]) : NULL;
}

const char *
scs_jc_import_get_source (ScsJcImport *self)
{
  return self->source;
}

guint
scs_jc_import_get_n_rows (ScsJcImport *self)
{
  return self->rows->len - self->header - 1;
}

const char *
scs_jc_import_get_cell (ScsJcImport *self,
                        guint        row,
                        guint        column)
{
  if (row >= scs_jc_import_get_n_rows (self))
    return "";
  return cell (self, self->header + 1 + row, (int) column);
}

const char *
scs_jc_import_get_column_field (ScsJcImport *self,
                                guint        column)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->map[f] == (int) column)
      return fields[f].field;
  return NULL;
}

void
scs_jc_import_unmap_column (ScsJcImport *self,
                            guint        column)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->map[f] == (int) column)
      self->map[f] = -1;
}

gboolean
scs_jc_import_is_mapped (ScsJcImport *self)
{
  return self->map[field_index ("requirement")] >= 0 && self->map[field_index ("item")] >= 0 &&
         (self->map[field_index ("text")] >= 0 || self->map[field_index ("answer")] >= 0);
}

/* "B", "2" or a header's text → 0-based column, −1 when none. */
static int
find_column (ScsJcImport *self,
             const char  *column)
{
  guint64 number;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *header = g_strstrip (g_strdup (cell (self, self->header, (int) c)));

      if (*header != '\0' && g_str_equal (header, column))
        return (int) c;
    }
  if (g_ascii_string_to_unsigned (column, 10, 1, self->n_columns, &number, NULL))
    return (int) number - 1;
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *name = scs_xlsx_column_name (c + 1);

      if (g_ascii_strcasecmp (name, column) == 0)
        return (int) c;
    }
  return -1;
}

gboolean
scs_jc_import_map_column (ScsJcImport  *self,
                          guint         column,
                          const char   *field,
                          GError      **error)
{
  int f = field_index (field);

  if (f < 0)
    return scs_jc_import_map (self, NULL, field, error);
  if (column >= self->n_columns)
    {
      g_autofree char *place = scs_jc_import_dup_place (self);

      /* Translators: "Sheet ‘チェックリスト’ of ‘ipa.xlsx’ has no column 9" */
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_MAPPING, _("%s has no column %u"), place, column + 1);
      return FALSE;
    }
  scs_jc_import_unmap_column (self, column);
  self->map[f] = (int) column;
  return TRUE;
}

gboolean
scs_jc_import_map (ScsJcImport  *self,
                   const char   *column,
                   const char   *field,
                   GError      **error)
{
  int f = field_index (field);
  int c = column != NULL ? find_column (self, column) : -1;

  if (f < 0)
    {
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_MAPPING,
                   _("‘%s’ is not a field of the checklist: use requirement, item, text, answer or reason"),
                   field != NULL ? field : "");
      return FALSE;
    }
  if (c < 0)
    {
      g_autofree char *place = scs_jc_import_dup_place (self);

      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_MAPPING,
                   _("%s has no column ‘%s’ (give its header, its letter or its number)"),
                   place, column != NULL ? column : "");
      return FALSE;
    }
  for (guint other = 0; other < N_FIELDS; other++)
    if (self->map[other] == c)
      self->map[other] = -1;
  self->map[f] = c;
  return TRUE;
}

static gboolean
parse_answer (const char  *text,
              ScsJcAnswer *answer)
{
  static const struct
  {
    const char  *word;
    ScsJcAnswer  answer;
  } words[] = {
    { "適合", SCS_JC_ANSWER_CONFORMS }, { "○", SCS_JC_ANSWER_CONFORMS }, { "〇", SCS_JC_ANSWER_CONFORMS },
    { "はい", SCS_JC_ANSWER_CONFORMS }, { "yes", SCS_JC_ANSWER_CONFORMS }, { "conforms", SCS_JC_ANSWER_CONFORMS },
    { "不適合", SCS_JC_ANSWER_DOES_NOT }, { "×", SCS_JC_ANSWER_DOES_NOT }, { "いいえ", SCS_JC_ANSWER_DOES_NOT },
    { "no", SCS_JC_ANSWER_DOES_NOT }, { "does-not", SCS_JC_ANSWER_DOES_NOT },
    { "該当なし", SCS_JC_ANSWER_NOT_APPLICABLE }, { "対象外", SCS_JC_ANSWER_NOT_APPLICABLE },
    { "n/a", SCS_JC_ANSWER_NOT_APPLICABLE }, { "na", SCS_JC_ANSWER_NOT_APPLICABLE },
    { "-", SCS_JC_ANSWER_NOT_APPLICABLE }, { "－", SCS_JC_ANSWER_NOT_APPLICABLE },
  };
  g_autofree char *key = g_utf8_casefold (text, -1);

  g_strstrip (key);
  if (*key == '\0')
    {
      *answer = SCS_JC_ANSWER_NONE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (key, words[i].word))
      {
        *answer = words[i].answer;
        return TRUE;
      }
  return FALSE;
}

typedef struct
{
  const ScsJcRequirement *requirement;
  guint                   item;
  char                   *text;
  ScsJcAnswer             answer;
  char                   *reason;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->text);
  g_free (row->reason);
}

/* Sets a refusal naming the sheet, the row (as the spreadsheet numbers
 * it) and the column (its letter). */
static void
refuse (ScsJcImport  *self,
        GError      **error,
        guint         row,
        int           column,
        const char   *what)
{
  g_autofree char *letter = scs_xlsx_column_name ((guint) column + 1);
  g_autofree char *place = scs_jc_import_dup_place (self);

  /* Translators: "Sheet ‘チェックリスト’ of ‘ipa.xlsx’, row 12, column B: …" */
  g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_INVALID, _("%s, row %u, column %s: %s"),
               place, row + 1, letter, what);
}

gboolean
scs_jc_import_apply (ScsJcImport   *self,
                     ScsWorkspace  *workspace,
                     guint         *n_texts,
                     guint         *n_answers,
                     GError       **error)
{
  g_auto(ScsDbTransaction) txn = SCS_DB_TRANSACTION_INIT;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autofree char *now = scs_now_iso8601 ();
  int requirement_column = self->map[field_index ("requirement")];
  int item_column = self->map[field_index ("item")];
  int text_column = self->map[field_index ("text")];
  int answer_column = self->map[field_index ("answer")];
  int reason_column = self->map[field_index ("reason")];
  guint texts = 0, answers = 0;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  if (!scs_jc_import_is_mapped (self))
    {
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autofree char *place = scs_jc_import_dup_place (self);

      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autofree char *letter = scs_xlsx_column_name (c + 1);

          g_string_append_printf (columns, "%s%s “%s”", c > 0 ? ", " : "", letter, scs_jc_import_get_header (self, c));
        }
      g_set_error (error, SCS_JCSTAR_ERROR, SCS_JCSTAR_ERROR_MAPPING,
                   _("%s: the headers do not say which column holds the requirement ID "
                     "(S1.1-NN), the item number and the wording or the answer. Map them, e.g. "
                     "--map B=requirement. Columns: %s"), place, columns->str);
      return FALSE;
    }

  /* Everything is read and checked before anything is written. */
  for (guint r = self->header + 1; r < self->rows->len; r++)
    {
      const char *id = cell (self, r, requirement_column);
      g_autofree char *id_key = g_strstrip (g_strdup (id));
      g_autofree char *item_text = g_strstrip (g_strdup (cell (self, r, item_column)));
      Row row = { 0 };
      guint64 item;

      if (*id_key == '\0' && *item_text == '\0')
        continue; /* a blank or a heading row */
      row.requirement = scs_jcstar_lookup_requirement (id_key);
      if (row.requirement == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("‘%s’ is not a JC-STAR ★1 requirement (S1.1-01 … S1.1-16)"), id);

          refuse (self, error, r, requirement_column, what);
          return FALSE;
        }
      if (!g_ascii_string_to_unsigned (item_text, 10, 1, row.requirement->n_items, &item, NULL))
        {
          g_autofree char *what = g_strdup_printf (_("‘%s’ is not an evaluation item of %s (1 to %u)"),
                                                   item_text, row.requirement->id, row.requirement->n_items);

          refuse (self, error, r, item_column, what);
          return FALSE;
        }
      row.item = (guint) item;
      if (text_column >= 0 && !scs_text_is_blank (cell (self, r, text_column)))
        row.text = g_strdup (cell (self, r, text_column));
      if (answer_column >= 0 && !parse_answer (cell (self, r, answer_column), &row.answer))
        {
          g_autofree char *what = g_strdup_printf (_("‘%s’ is not an answer this import knows "
                                                     "(適合, 不適合, 該当なし)"), cell (self, r, answer_column));

          refuse (self, error, r, answer_column, what);
          return FALSE;
        }
      if (reason_column >= 0 && !scs_text_is_blank (cell (self, r, reason_column)))
        row.reason = g_strdup (cell (self, r, reason_column));
      if (row.answer == SCS_JC_ANSWER_NOT_APPLICABLE && row.reason == NULL)
        {
          refuse (self, error, r, reason_column >= 0 ? reason_column : answer_column,
                  _("not applicable needs a reason"));
          return FALSE;
        }
      g_array_append_val (rows, row);
    }

  /* Then one transaction: the official wording and the answers. */
  if (!scs_items_check_type (workspace, SCS_WORKSPACE_TYPE_JCSTAR1, SCS_JCSTAR_ERROR,
                             SCS_JCSTAR_ERROR_WRONG_TYPE, error) ||
      !scs_workspace_transaction_begin (workspace, &txn, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *key = g_strdup_printf ("%s#%u", row->requirement->id, row->item);

      if (row->text != NULL)
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;

          stmt = scs_db_prepare (workspace->db, workspace->path,
                                 "INSERT OR REPLACE INTO jc_official_text (requirement_id, item, text, source, "
                                 "imported) VALUES (?1, ?2, ?3, ?4, ?5)", error);
          if (stmt == NULL)
            return FALSE;
          scs_db_bind_text (stmt, 1, row->requirement->id);
          sqlite3_bind_int (stmt, 2, (int) row->item);
          scs_db_bind_text (stmt, 3, row->text);
          scs_db_bind_text (stmt, 4, self->source);
          scs_db_bind_text (stmt, 5, now);
          if (!scs_db_step_done (stmt, workspace->db, workspace->path, error))
            return FALSE;
          texts++;
        }
      if (row->answer != SCS_JC_ANSWER_NONE)
        {
          if (!scs_items_set_answer (workspace, SCS_WORKSPACE_TYPE_JCSTAR1, key,
                                     scs_jc_answer_to_string (row->answer),
                                     row->answer == SCS_JC_ANSWER_NOT_APPLICABLE ? row->reason : NULL,
                                     "jc-answer", key, now, error))
            return FALSE;
          answers++;
        }
    }
  if (!scs_workspace_audit (workspace, now, "jc-import", self->source, NULL, self->sheet, error) ||
      !scs_db_transaction_commit (&txn, error))
    return FALSE;
  if (n_texts != NULL)
    *n_texts = texts;
  if (n_answers != NULL)
    *n_answers = answers;
  return TRUE;
}

char *
scs_jcstar_get_official_text (ScsWorkspace *workspace,
                              const char   *requirement_id,
                              guint         item)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  stmt = scs_db_prepare (workspace->db, workspace->path,
                         "SELECT text FROM jc_official_text WHERE requirement_id = ?1 AND item = ?2", NULL);
  if (stmt == NULL)
    return NULL;
  scs_db_bind_text (stmt, 1, requirement_id);
  sqlite3_bind_int (stmt, 2, (int) item);
  return sqlite3_step (stmt) == SQLITE_ROW ? scs_db_column_dup (stmt, 0) : NULL;
}
