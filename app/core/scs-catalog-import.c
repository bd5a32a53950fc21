/* scs-catalog-import.c: the official IPA workbook (.xlsx) → a catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IPA publishes the requirements and criteria as one Excel sheet: a header
 * block, then one row per criterion, ★3 and ★4 rows mixed, category,
 * requirement and level cells merged over the rows they cover, and copies
 * that carry extra columns (sub-categories, ★3/★4 numbering, the user's own
 * answer columns). The importer finds its six columns by header text (the
 * known letters C, F, J, K, L, M break ties and stand in for a header it does
 * not recognise), reads every data row through the merges, and refuses
 * anything it does not understand — a missing column, a malformed ID, a
 * criterion without a requirement, a duplicate, a gap in the numbering, a
 * level other than ★3/★4, a formula where text belongs — naming sheet, row
 * and column. A row holding a requirement or criterion No. is data, never
 * header, whatever words its texts contain. Texts are kept
 * exactly as in the cells (escapes decoded, surrounding whitespace trimmed,
 * line breaks kept). Only when every row has passed is the catalog XML
 * written and loaded through the ordinary catalog loader, schema and all, so
 * an import yields a valid catalog or nothing.
 */

#include "config.h"

#include "scs-catalog-import.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "scs-date.h"
#include "scs-file.h"
#include "scs-text.h"
#include "scs-xlsx.h"
#include "scs-xml.h"

G_DEFINE_QUARK (scs-catalog-import-error-quark, scs_catalog_import_error)

#define MAX_HEADER_ROWS 10

static const guint default_columns[SCS_IMPORT_N_COLUMNS] = { 3, 6, 10, 11, 12, 13 };

static const char * const column_labels[SCS_IMPORT_N_COLUMNS] = {
  N_("category"),
  N_("requirement No."),
  N_("requirement text"),
  N_("level"),
  N_("criterion No."),
  N_("criterion text"),
};

static const char * const column_expected[SCS_IMPORT_N_COLUMNS] = {
  "大分類",
  "要求事項 No.",
  "要求事項",
  "レベル / ★",
  "評価基準 No.",
  "評価基準",
};

typedef struct
{
  char  *id;
  guint  level;
  char  *text;
  guint  row;
} ImportCriterion;

typedef struct
{
  char      *id;
  char      *text;
  guint      row;
  GPtrArray *criteria;  /* of ImportCriterion* */
} ImportRequirement;

typedef struct
{
  guint       number;
  char       *title;
  GPtrArray  *requirements;  /* of ImportRequirement* */
} ImportCategory;

static void
import_criterion_free (ImportCriterion *c)
{
  g_free (c->id);
  g_free (c->text);
  g_free (c);
}

static void
import_requirement_free (ImportRequirement *r)
{
  g_free (r->id);
  g_free (r->text);
  g_ptr_array_unref (r->criteria);
  g_free (r);
}

static void
import_category_free (ImportCategory *c)
{
  g_free (c->title);
  g_ptr_array_unref (c->requirements);
  g_free (c);
}

/* ---------------------------------------------------------------------
 * Cell text
 * ------------------------------------------------------------------- */

/* Trims Unicode white space (incl. U+3000) at both ends; nothing else. */
static char *
trim_text (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Header matching: NFKC, no white space, ASCII lower case. */
static char *
normalize_header (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc != NULL ? nfkc : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c < 128 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (out, FALSE);
}

/* IDs as people type them: full-width digits and dashes, "No." in front,
 * spaces. Returns the ASCII form, or NULL if it is not one. */
static char *
normalize_id (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);
  const char *p = nfkc != NULL ? nfkc : "";

  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (g_ascii_strncasecmp (p, "no.", 3) == 0)
    p += 3;
  else if (g_ascii_strncasecmp (p, "no", 2) == 0)
    p += 2;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2212)
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
requirement_id_is_valid (const char *id)
{
  g_autofree char *with_criterion = g_strconcat (id, "-1", NULL);

  return scs_criterion_id_is_valid (with_criterion) && strchr (id, '-') != strrchr (id, '-') &&
         strlen (id) < 16;
}

/* The first character XML 1.0 cannot hold, or 0. */
static gunichar
find_forbidden_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return c;
    }
  return 0;
}

/* ---------------------------------------------------------------------
 * Errors naming sheet, row and column
 * ------------------------------------------------------------------- */

G_GNUC_PRINTF (5, 6)
static gboolean
cell_error (GError       **error,
            ScsXlsxSheet  *sheet,
            guint          row,
            guint          column,
            const char    *format,
            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *letter = scs_xlsx_column_name (column);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "Sheet ‘要求事項・評価基準’, row 57, column L: <what is wrong>" */
  g_set_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_CONTENT,
               _("Sheet ‘%s’, row %u, column %s: %s"),
               scs_xlsx_sheet_get_name (sheet), row, letter, message);
  return FALSE;
}

/* ---------------------------------------------------------------------
 * Finding the columns
 * ------------------------------------------------------------------- */

static gboolean
has_number_word (const char *h)
{
  return strstr (h, "no") != NULL || strstr (h, "番号") != NULL || strstr (h, "id") != NULL;
}

/* Which field a normalized header names, or -1. */
static int
classify_header (const char *h)
{
  if (*h == '\0')
    return -1;
  if (strstr (h, "評価基準") != NULL)
    return has_number_word (h) ? SCS_IMPORT_COLUMN_CRITERION_ID : SCS_IMPORT_COLUMN_CRITERION_TEXT;
  if (strstr (h, "要求事項") != NULL)
    return has_number_word (h) ? SCS_IMPORT_COLUMN_REQUIREMENT_ID : SCS_IMPORT_COLUMN_REQUIREMENT_TEXT;
  if (strstr (h, "大分類") != NULL || strstr (h, "カテゴリ") != NULL || g_str_equal (h, "category"))
    return SCS_IMPORT_COLUMN_CATEGORY;
  if (!has_number_word (h) &&
      (strstr (h, "レベル") != NULL || strstr (h, "段階") != NULL || strstr (h, "level") != NULL ||
       g_str_equal (h, "★") || g_str_equal (h, "★3/★4") || g_str_equal (h, "★3・★4")))
    return SCS_IMPORT_COLUMN_LEVEL;
  return -1;
}

/* Whether a cell of @row (its own, not reached through a merge) holds a
 * requirement or criterion No.; @has_text (nullable): whether any does. */
static gboolean
row_has_id (ScsXlsxSheet *sheet,
            guint         row,
            guint         max_column,
            gboolean     *has_text)
{
  if (has_text != NULL)
    *has_text = FALSE;
  for (guint column = 1; column <= max_column; column++)
    {
      ScsXlsxCell cell;

      if (scs_xlsx_sheet_get_cell (sheet, row, column, &cell) && !cell.merged)
        {
          g_autofree char *id = normalize_id (cell.text);

          if (has_text != NULL)
            *has_text = TRUE;
          if (scs_criterion_id_is_valid (id) || requirement_id_is_valid (id))
            return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  guint header_rows;                    /* data starts after this row */
  guint columns[SCS_IMPORT_N_COLUMNS];  /* 1-based */
} Layout;

static gboolean
find_layout (ScsXlsxSheet  *sheet,
             Layout        *layout,
             GError       **error)
{
  guint max_column = MIN (scs_xlsx_sheet_get_max_column (sheet), 256u);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  int best_score[SCS_IMPORT_N_COLUMNS];
  gboolean any = FALSE;

  memset (layout, 0, sizeof *layout);

  /* The header block: the first rows, up to the last one with a header we
   * recognise (a two-row header has group labels merged above "No." and
   * text columns), and never a row holding a requirement or criterion No.:
   * the data starts there, whatever words its texts contain. */
  for (guint row = 1; row <= MAX_HEADER_ROWS && !row_has_id (sheet, row, max_column, NULL); row++)
    for (guint column = 1; column <= max_column; column++)
      {
        ScsXlsxCell cell;

        if (scs_xlsx_sheet_get_cell (sheet, row, column, &cell) && !cell.merged)
          {
            g_autofree char *h = normalize_header (cell.text);

            if (classify_header (h) >= 0)
              layout->header_rows = row;
          }
      }

  if (layout->header_rows == 0)
    {
      g_set_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_LAYOUT,
                   _("Sheet ‘%s’ is not in the layout of the official workbook: no header row with "
                     "‘要求事項’ and ‘評価基準’ was found in its first %d rows (expected columns C category, "
                     "F requirement No., J requirement, K level ★3/★4, L criterion No., M criterion)"),
                   scs_xlsx_sheet_get_name (sheet), MAX_HEADER_ROWS);
      return FALSE;
    }

  /* Rows under the last labelled one ("No.", "内容" below merged group
   * labels) belong to the header until the first row holding an ID. */
  for (guint row = layout->header_rows + 1; row <= MAX_HEADER_ROWS; row++)
    {
      gboolean has_text = FALSE;

      if (row_has_id (sheet, row, max_column, &has_text) || !has_text)
        break;
      layout->header_rows = row;
    }

  /* Each column's header is the text of the header block top to bottom,
   * merged group labels included. */
  g_ptr_array_add (headers, NULL);
  for (guint column = 1; column <= max_column; column++)
    {
      GString *text = g_string_new (NULL);

      for (guint row = 1; row <= layout->header_rows; row++)
        {
          ScsXlsxCell cell;

          if (scs_xlsx_sheet_get_cell (sheet, row, column, &cell))
            g_string_append (text, cell.text);
        }
      g_ptr_array_add (headers, normalize_header (text->str));
      g_string_free (text, TRUE);
    }

  for (guint f = 0; f < SCS_IMPORT_N_COLUMNS; f++)
    best_score[f] = -1;

  /* Among several candidates, a visible column at the known letter inside
   * the official block B–N wins, then the leftmost. */
  for (guint column = 1; column <= max_column; column++)
    {
      const char *h = g_ptr_array_index (headers, column);
      int field = classify_header (h);
      int score;

      if (field < 0)
        continue;
      any = TRUE;
      /* The official content is in B–N; beyond are the user's own columns
       * ("回答欄（評価基準への対応）" must not pass for the criterion text). */
      if (column > 14)
        continue;
      score = (scs_xlsx_sheet_column_hidden (sheet, column) ? 0 : 4) +
              (column == default_columns[field] ? 8 : 0) +
              (column >= 2 ? 2 : 0) +
              (strstr (h, "★") == NULL || field == SCS_IMPORT_COLUMN_LEVEL ? 1 : 0);
      if (score > best_score[field])
        {
          best_score[field] = score;
          layout->columns[field] = column;
        }
    }
  g_assert (any);

  /* A field whose header we do not recognise: the known letter stands in,
   * as long as its header names nothing else. */
  for (guint f = 0; f < SCS_IMPORT_N_COLUMNS; f++)
    {
      guint column = default_columns[f];
      gboolean taken = FALSE;

      if (layout->columns[f] != 0)
        continue;
      for (guint g = 0; g < SCS_IMPORT_N_COLUMNS; g++)
        taken |= layout->columns[g] == column;
      if (!taken && column <= max_column &&
          classify_header (g_ptr_array_index (headers, column)) < 0 &&
          *(const char *) g_ptr_array_index (headers, column) != '\0')
        layout->columns[f] = column;
    }

  for (guint f = 0; f < SCS_IMPORT_N_COLUMNS; f++)
    if (layout->columns[f] == 0)
      {
        g_autofree char *letter = scs_xlsx_column_name (default_columns[f]);

        g_set_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_LAYOUT,
                     _("Sheet ‘%s’ has no %s column: expected a header ‘%s’ in rows 1–%u "
                       "(column %s in the official layout)"),
                     scs_xlsx_sheet_get_name (sheet), _(column_labels[f]), column_expected[f],
                     layout->header_rows, letter);
        return FALSE;
      }

  return TRUE;
}

/* ---------------------------------------------------------------------
 * Reading the rows
 * ------------------------------------------------------------------- */

typedef struct
{
  ScsXlsxSheet *sheet;
  Layout       *layout;
  guint         row;
} RowReader;

/* One text field of the current row, through merges. Refuses formulas and
 * characters a catalog cannot hold. *value NULL when empty. */
static gboolean
read_field (RowReader    *rr,
            guint         field,
            char        **value,
            gboolean     *own,
            GError      **error)
{
  guint column = rr->layout->columns[field];
  ScsXlsxCell cell;
  gunichar bad;

  *value = NULL;
  if (own != NULL)
    *own = FALSE;
  if (!scs_xlsx_sheet_get_cell (rr->sheet, rr->row, column, &cell))
    return TRUE;

  if (cell.formula)
    return cell_error (error, rr->sheet, cell.row, cell.column,
                       _("the %s cell holds a formula; the importer only accepts plain text there"),
                       _(column_labels[field]));

  bad = find_forbidden_char (cell.text);
  if (bad != 0)
    return cell_error (error, rr->sheet, cell.row, cell.column,
                       _("the %s contains the control character U+%04X, which a catalog cannot hold"),
                       _(column_labels[field]), bad);

  *value = trim_text (cell.text);
  if (**value == '\0')
    g_clear_pointer (value, g_free);
  if (own != NULL)
    *own = !cell.merged;
  return TRUE;
}

static int
compare_requirements (gconstpointer a,
                      gconstpointer b)
{
  return scs_text_compare_ids ((*(ImportRequirement **) a)->id, (*(ImportRequirement **) b)->id);
}

static int
compare_criteria (gconstpointer a,
                  gconstpointer b)
{
  return scs_text_compare_ids ((*(ImportCriterion **) a)->id, (*(ImportCriterion **) b)->id);
}

typedef struct
{
  GHashTable *categories;    /* number → ImportCategory* */
  GHashTable *requirements;  /* id → ImportRequirement* (borrowed) */
  GHashTable *criteria;      /* id → ImportCriterion* (borrowed) */
} Model;

static gboolean
read_row (RowReader  *rr,
          Model      *model,
          GError    **error)
{
  Layout *layout = rr->layout;
  g_autofree char *category = NULL;
  g_autofree char *req_raw = NULL;
  g_autofree char *req_text = NULL;
  g_autofree char *level_raw = NULL;
  g_autofree char *crit_raw = NULL;
  g_autofree char *crit_text = NULL;
  g_autofree char *req_id = NULL;
  g_autofree char *crit_id = NULL;
  g_autofree char *level_norm = NULL;
  gboolean req_own = FALSE;
  ImportCategory *cat;
  ImportRequirement *req;
  ImportCriterion *crit;
  guint level;
  guint number;

  if (!read_field (rr, SCS_IMPORT_COLUMN_CATEGORY, &category, NULL, error) ||
      !read_field (rr, SCS_IMPORT_COLUMN_REQUIREMENT_ID, &req_raw, &req_own, error) ||
      !read_field (rr, SCS_IMPORT_COLUMN_REQUIREMENT_TEXT, &req_text, NULL, error) ||
      !read_field (rr, SCS_IMPORT_COLUMN_LEVEL, &level_raw, NULL, error) ||
      !read_field (rr, SCS_IMPORT_COLUMN_CRITERION_ID, &crit_raw, NULL, error) ||
      !read_field (rr, SCS_IMPORT_COLUMN_CRITERION_TEXT, &crit_text, NULL, error))
    return FALSE;

  /* Rows without a criterion are notes or spacing, unless they start a
   * requirement of their own: a requirement with no criterion is an error. */
  if (crit_raw == NULL && crit_text == NULL)
    {
      if (req_raw != NULL && req_own)
        return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_ID],
                           _("requirement ‘%s’ has no criterion No. on this row"), req_raw);
      return TRUE;
    }

  if (crit_raw == NULL)
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_ID],
                       _("the row has a criterion text but no criterion No."));
  crit_id = normalize_id (crit_raw);
  if (!scs_criterion_id_is_valid (crit_id))
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_ID],
                       _("the criterion No. ‘%s’ is not of the form X-Y-Z-W"), crit_raw);
  if (crit_text == NULL)
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_TEXT],
                       _("criterion ‘%s’ has no text"), crit_id);

  if (req_raw == NULL)
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_REQUIREMENT_ID],
                       _("criterion ‘%s’ has no requirement: the requirement No. is empty"), crit_id);
  req_id = normalize_id (req_raw);
  if (!requirement_id_is_valid (req_id))
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_REQUIREMENT_ID],
                       _("the requirement No. ‘%s’ is not of the form X-Y-Z"), req_raw);
  if (!g_str_has_prefix (crit_id, req_id) || crit_id[strlen (req_id)] != '-')
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_ID],
                       _("criterion ‘%s’ is listed under requirement ‘%s’, but its No. does not begin with ‘%s-’"),
                       crit_id, req_id, req_id);

  if (level_raw == NULL)
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_LEVEL],
                       _("criterion ‘%s’ has no level (expected ★3 or ★4)"), crit_id);
  level_norm = normalize_id (level_raw);
  if (g_str_equal (level_norm, "★3"))
    level = 3;
  else if (g_str_equal (level_norm, "★4"))
    level = 4;
  else
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_LEVEL],
                       _("the level ‘%s’ of criterion ‘%s’ is neither ★3 nor ★4"), level_raw, crit_id);

  crit = g_hash_table_lookup (model->criteria, crit_id);
  if (crit != NULL)
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_ID],
                       _("criterion ‘%s’ appears twice (first on row %u)"), crit_id, crit->row);

  number = (guint) (crit_id[0] - '0');
  cat = g_hash_table_lookup (model->categories, GUINT_TO_POINTER (number));
  if (cat == NULL)
    {
      cat = g_new0 (ImportCategory, 1);
      cat->number = number;
      cat->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) import_requirement_free);
      g_hash_table_insert (model->categories, GUINT_TO_POINTER (number), cat);
    }
  if (cat->title == NULL && category != NULL)
    cat->title = g_strdup (category);

  req = g_hash_table_lookup (model->requirements, req_id);
  if (req == NULL)
    {
      req = g_new0 (ImportRequirement, 1);
      req->id = g_strdup (req_id);
      req->row = rr->row;
      req->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) import_criterion_free);
      g_ptr_array_add (cat->requirements, req);
      g_hash_table_insert (model->requirements, req->id, req);
    }
  if (req->text == NULL && req_text != NULL)
    req->text = g_strdup (req_text);
  else if (req->text != NULL && req_text != NULL && !g_str_equal (req->text, req_text))
    return cell_error (error, rr->sheet, rr->row, layout->columns[SCS_IMPORT_COLUMN_REQUIREMENT_TEXT],
                       _("requirement ‘%s’ has a different text here than on row %u"), req_id, req->row);

  crit = g_new0 (ImportCriterion, 1);
  crit->id = g_steal_pointer (&crit_id);
  crit->level = level;
  crit->text = g_steal_pointer (&crit_text);
  crit->row = rr->row;
  g_ptr_array_add (req->criteria, crit);
  g_hash_table_insert (model->criteria, crit->id, crit);

  return TRUE;
}

/* ---------------------------------------------------------------------
 * Writing the catalog XML
 * ------------------------------------------------------------------- */

/* Texts as element content: a carriage return kept as a reference (a
 * literal one would become a line feed when the XML is read back). */
static GBytes *
write_catalog_xml (GPtrArray  *categories,
                   const char *date,
                   const char *sha256)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append (out, "<!-- Imported by SCS Workbench from the official IPA workbook;\n"
                        "     the Japanese wording is IPA's, unchanged. -->\n");
  g_string_append_printf (out,
                          "<catalog xmlns=\"urn:scs-workbench:catalog:1\" id=\"scs-official-%s\" date=\"%s\" "
                          "version=\"1\" source=\"official\" source-sha256=\"%s\">\n",
                          date, date, sha256);
  g_string_append_printf (out, "  <title xml:lang=\"ja\">SCS評価制度 要求事項と評価基準（IPA公式ワークブック %s版）</title>\n", date);
  g_string_append_printf (out, "  <title xml:lang=\"en\">SCS evaluation scheme requirements and criteria (official IPA workbook of %s)</title>\n", date);

  for (guint i = 0; i < categories->len; i++)
    {
      ImportCategory *cat = g_ptr_array_index (categories, i);

      g_string_append_printf (out, "  <category number=\"%u\">\n    <title xml:lang=\"ja\">", cat->number);
      scs_xml_append_escaped_as (out, cat->title, SCS_XML_ESCAPE_CONTENT);
      g_string_append (out, "</title>\n");

      for (guint j = 0; j < cat->requirements->len; j++)
        {
          ImportRequirement *req = g_ptr_array_index (cat->requirements, j);
          guint lowest = 4;

          for (guint k = 0; k < req->criteria->len; k++)
            lowest = MIN (lowest, ((ImportCriterion *) g_ptr_array_index (req->criteria, k))->level);

          g_string_append_printf (out, "    <requirement id=\"%s\" level=\"%u\">\n      <title xml:lang=\"ja\">",
                                  req->id, lowest);
          scs_xml_append_escaped_as (out, req->text, SCS_XML_ESCAPE_CONTENT);
          g_string_append (out, "</title>\n");

          for (guint k = 0; k < req->criteria->len; k++)
            {
              ImportCriterion *crit = g_ptr_array_index (req->criteria, k);

              g_string_append_printf (out, "      <criterion id=\"%s\" level=\"%u\">\n        <text xml:lang=\"ja\">",
                                      crit->id, crit->level);
              scs_xml_append_escaped_as (out, crit->text, SCS_XML_ESCAPE_CONTENT);
              g_string_append (out, "</text>\n      </criterion>\n");
            }
          g_string_append (out, "    </requirement>\n");
        }
      g_string_append (out, "  </category>\n");
    }
  g_string_append (out, "</catalog>\n");

  return g_string_free_to_bytes (out);
}

/* ---------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------- */

static char *
pick_date (ScsXlsx     *xlsx,
           const char  *date,
           GError     **error)
{
  const char *candidates[] = {
    scs_xlsx_get_core_property (xlsx, "modified"),
    scs_xlsx_get_core_property (xlsx, "created"),
  };
  const char *source = date;

  for (guint i = 0; source == NULL && i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && strlen (candidates[i]) >= 10)
      source = candidates[i];

  if (source == NULL)
    {
      g_set_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_DATE,
                   _("The workbook does not say when it was published (no dates in its properties); "
                     "give the publication date as YYYY-MM-DD"));
      return NULL;
    }

  {
    g_autofree char *day = g_strndup (source, 10);

    if (scs_date_is_iso (day) && (date == NULL || strlen (date) == 10))
      return g_steal_pointer (&day);
  }

  g_set_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_DATE,
               _("The publication date ‘%s’ is not a valid date of the form YYYY-MM-DD"), source);
  return NULL;
}

/* The last number of an ID ("1-2-3" → 3). */
static guint
last_number (const char *id)
{
  return (guint) g_ascii_strtoull (strrchr (id, '-') + 1, NULL, 10);
}

/* The workbook's own numbering, as the catalog's IDs say it runs: within
 * each parent, sub-categories, requirements and criteria are numbered 1, 2,
 * 3 … without a gap. A gap means a row is missing (or mistyped): refused,
 * naming the row after the gap. Called with the requirements and criteria
 * of @cat sorted. */
static gboolean
check_numbering (ScsXlsxSheet    *sheet,
                 Layout          *layout,
                 ImportCategory  *cat,
                 GError         **error)
{
  for (guint j = 0; j < cat->requirements->len; j++)
    {
      ImportRequirement *req = g_ptr_array_index (cat->requirements, j);
      ImportRequirement *prev = j > 0 ? g_ptr_array_index (cat->requirements, j - 1) : NULL;
      guint y = (guint) g_ascii_strtoull (strchr (req->id, '-') + 1, NULL, 10);
      guint prev_y = prev != NULL ? (guint) g_ascii_strtoull (strchr (prev->id, '-') + 1, NULL, 10) : 0;
      guint expected_z = prev != NULL && prev_y == y ? last_number (prev->id) + 1 : 1;

      if (y != prev_y && y != prev_y + 1)
        return cell_error (error, sheet, req->row, layout->columns[SCS_IMPORT_COLUMN_REQUIREMENT_ID],
                           _("the numbering is broken: requirement ‘%s’ follows %s, sub-category %u-%u is missing"),
                           req->id, prev != NULL ? prev->id : _("the start of its category"),
                           cat->number, prev_y + 1);
      if (last_number (req->id) != expected_z)
        return cell_error (error, sheet, req->row, layout->columns[SCS_IMPORT_COLUMN_REQUIREMENT_ID],
                           _("the numbering is broken: requirement ‘%s’ follows %s, requirement %u-%u-%u is missing"),
                           req->id, expected_z > 1 ? prev->id : _("the start of its sub-category"),
                           cat->number, y, expected_z);

      for (guint k = 0; k < req->criteria->len; k++)
        {
          ImportCriterion *crit = g_ptr_array_index (req->criteria, k);

          if (last_number (crit->id) != k + 1)
            return cell_error (error, sheet, crit->row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_ID],
                               _("the numbering is broken: criterion ‘%s’ follows %s, criterion %s-%u is missing"),
                               crit->id,
                               k > 0 ? ((ImportCriterion *) g_ptr_array_index (req->criteria, k - 1))->id
                                     : _("the start of its requirement"),
                               req->id, k + 1);
        }
    }
  return TRUE;
}

/* Categories run 1, 2, 3 … as well: category @number is missing, which is
 * a gap when a later one is present. */
static gboolean
check_category_gap (ScsXlsxSheet  *sheet,
                    Layout        *layout,
                    GHashTable    *categories,
                    guint          number,
                    GError       **error)
{
  for (guint later = number + 1; later <= 7; later++)
    {
      ImportCategory *cat = g_hash_table_lookup (categories, GUINT_TO_POINTER (later));
      guint row = G_MAXUINT;

      if (cat == NULL)
        continue;
      for (guint j = 0; j < cat->requirements->len; j++)
        row = MIN (row, ((ImportRequirement *) g_ptr_array_index (cat->requirements, j))->row);
      return cell_error (error, sheet, row, layout->columns[SCS_IMPORT_COLUMN_CRITERION_ID],
                         _("the numbering is broken: category %u begins here, but category %u is missing"),
                         later, number);
    }
  return TRUE;
}

static ScsCatalog *
import_sheet (ScsXlsx       *xlsx,
              ScsXlsxSheet  *sheet,
              Layout        *layout,
              const char    *date,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GArray) rows = scs_xlsx_sheet_get_rows (sheet);
  g_autoptr(GHashTable) categories = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) import_category_free);
  g_autoptr(GHashTable) requirements = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) criteria = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) local_error = NULL;
  Model model = { categories, requirements, criteria };
  RowReader rr = { sheet, layout, 0 };
  ScsCatalog *catalog;

  for (guint i = 0; i < rows->len; i++)
    {
      rr.row = g_array_index (rows, guint, i);
      if (rr.row <= layout->header_rows)
        continue;
      if ((i & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!read_row (&rr, &model, error))
        return NULL;
    }

  if (g_hash_table_size (criteria) == 0)
    {
      g_set_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_CONTENT,
                   _("Sheet ‘%s’ has no criteria below its header (rows 1–%u)"),
                   scs_xlsx_sheet_get_name (sheet), layout->header_rows);
      return NULL;
    }

  for (guint number = 1; number <= 7; number++)
    {
      ImportCategory *cat = g_hash_table_lookup (categories, GUINT_TO_POINTER (number));

      if (cat == NULL)
        {
          if (!check_category_gap (sheet, layout, categories, number, error))
            return NULL;
          continue;
        }
      if (cat->title == NULL)
        {
          ImportRequirement *first = g_ptr_array_index (cat->requirements, 0);

          cell_error (error, sheet, first->row, layout->columns[SCS_IMPORT_COLUMN_CATEGORY],
                      _("category %u has no name in any of its rows"), number);
          return NULL;
        }
      for (guint j = 0; j < cat->requirements->len; j++)
        {
          ImportRequirement *req = g_ptr_array_index (cat->requirements, j);

          if (req->text == NULL)
            {
              cell_error (error, sheet, req->row, layout->columns[SCS_IMPORT_COLUMN_REQUIREMENT_TEXT],
                          _("requirement ‘%s’ has no text"), req->id);
              return NULL;
            }
          g_ptr_array_sort (req->criteria, compare_criteria);
        }
      g_ptr_array_sort (cat->requirements, compare_requirements);
      if (!check_numbering (sheet, layout, cat, error))
        return NULL;
      g_ptr_array_add (ordered, cat);
    }

  xml = write_catalog_xml (ordered, date, scs_xlsx_get_sha256 (xlsx));
  catalog = scs_catalog_new_from_bytes (xml, &local_error);
  if (catalog == NULL)
    {
      g_set_error (error, SCS_CATALOG_IMPORT_ERROR, SCS_CATALOG_IMPORT_ERROR_INVALID,
                   _("Sheet ‘%s’ does not make a valid catalog: %s"),
                   scs_xlsx_sheet_get_name (sheet), local_error->message);
      return NULL;
    }

  return catalog;
}

/* The catalog in the first sheet of @xlsx, visible ones first, laid out
 * as the official workbook is. */
static ScsCatalog *
import_workbook (ScsXlsx       *xlsx,
                 const char    *date,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) first_error = NULL;
  g_autofree char *day = NULL;

  day = pick_date (xlsx, date, error);
  if (day == NULL)
    return NULL;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < scs_xlsx_get_n_sheets (xlsx); i++)
      {
        g_autoptr(ScsXlsxSheet) sheet = NULL;
        g_autoptr(GError) local_error = NULL;
        Layout layout;

        /* Visible sheets first: a hidden one is a helper sheet. */
        if (scs_xlsx_get_sheet_hidden (xlsx, i) != (pass == 1))
          continue;

        sheet = scs_xlsx_load_sheet (xlsx, i, error);
        if (sheet == NULL)
          return NULL;
        if (!find_layout (sheet, &layout, &local_error))
          {
            if (first_error == NULL)
              first_error = g_steal_pointer (&local_error);
            continue;
          }
        return import_sheet (xlsx, sheet, &layout, day, cancellable, error);
      }

  g_propagate_error (error, g_steal_pointer (&first_error));
  return NULL;
}

/**
 * scs_catalog_import_xlsx:
 * @workbook: the .xlsx file's bytes
 * @date: (nullable): publication date "YYYY-MM-DD", or %NULL for the
 *   workbook's own
 * @cancellable: (nullable): checked between rows
 * @error: #SCS_XLSX_ERROR for the container, #SCS_CATALOG_IMPORT_ERROR for
 *   the content (the message names sheet, row and column)
 *
 * Uses the first sheet, visible ones first, whose header has the columns.
 *
 * Returns: (transfer full) (nullable): the imported catalog
 */
ScsCatalog *
scs_catalog_import_xlsx (GBytes        *workbook,
                         const char    *date,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(ScsXlsx) xlsx = NULL;

  g_return_val_if_fail (workbook != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xlsx = scs_xlsx_new_from_bytes (workbook, error);
  if (xlsx == NULL)
    return NULL;
  return import_workbook (xlsx, date, cancellable, error);
}

ScsCatalog *
scs_catalog_import_xlsx_file (const char    *path,
                              const char    *date,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(ScsXlsx) xlsx = NULL;
  ScsCatalog *catalog = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* base's reader refuses a workbook over its limit before reading it */
  xlsx = scs_xlsx_new_from_file (path, error);
  if (xlsx != NULL)
    catalog = import_workbook (xlsx, date, cancellable, error);
  if (catalog == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_prefix_error (error, "%s: ", display);
    }
  return catalog;
}

/**
 * scs_catalog_save:
 *
 * Writes the exact bytes the catalog was loaded from (so its SHA-256 stays
 * its identity) to @path, replacing it atomically.
 */
gboolean
scs_catalog_save (ScsCatalog  *catalog,
                  const char  *path,
                  GError     **error)
{
  GBytes *bytes;

  g_return_val_if_fail (SCS_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = scs_catalog_get_bytes (catalog);
  return scs_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0644, error);
}
