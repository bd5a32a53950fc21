/* scs-xlsx.c: a small, hostile-input-safe reader for .xlsx workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The official catalog comes as an Excel workbook, and a workbook is a zip
 * of XML parts that anybody can craft, so this reader treats it like a
 * hostile package. The zip is read from memory (the file is size-capped
 * first) by base's bounded reader, scs-zip.h (entry count, names, links,
 * duplicates, compression ratio: a bomb stops at the cap, not at the end of
 * memory); only the XML parts we need are decompressed, and as they are
 * kept in memory each part and their total are capped again here. Each XML part must be UTF-8 (parsed as UTF-8 whatever it declares)
 * and contain no DOCTYPE, so no entity can ever be declared or expanded; it
 * is then read with libxml2's streaming reader, never into a tree, with caps
 * on cells, strings, merges and text length, so time and memory are linear
 * in the capped input. Only what a catalog import needs is understood: the
 * sheet list, shared strings (rich-text runs concatenated, phonetic runs
 * skipped), inline strings, values, formulas (flagged), hidden columns,
 * merged ranges (a lookup inside a range answers with its top-left cell) and
 * the core properties' dates. Excel's _xHHHH_ escapes are decoded.
 */

#include "scs-xlsx.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "scs-sha256.h"
#include "scs-zip.h"

G_DEFINE_QUARK (scs-xlsx-error-quark, scs_xlsx_error)

typedef struct
{
  char     *name;
  char     *target;   /* part path inside the zip */
  gboolean  hidden;
} SheetInfo;

struct _ScsXlsx
{
  GObject     parent_instance;

  char       *sha256;
  GHashTable *parts;         /* zip path → GBytes */
  GPtrArray  *sheets;        /* of SheetInfo* */
  GPtrArray  *strings;       /* shared strings, char*; NULL until needed */
  char       *created;
  char       *modified;
};

G_DEFINE_FINAL_TYPE (ScsXlsx, scs_xlsx, G_TYPE_OBJECT)

typedef struct
{
  guint32  row;
  guint32  column;
  gint32   sst;       /* shared string index, or -1 */
  gboolean formula;
  char    *text;      /* owned when sst < 0 */
} Cell;

typedef struct
{
  guint32 r1, c1, r2, c2;
} Range;

struct _ScsXlsxSheet
{
  char      *name;
  GPtrArray *strings;   /* borrowed from the workbook, kept alive by ref */
  ScsXlsx   *xlsx;
  GArray    *cells;     /* of Cell, sorted by (row, column) */
  GArray    *merges;    /* of Range */
  GArray    *hidden;    /* of Range (c1..c2) of hidden columns */
  GHashTable *merge_index; /* column → GArray of Range covering it, by r1 */
  guint      max_row;
  guint      max_column;
  guint      frozen_rows;
  char      *auto_filter;
};

static void
sheet_info_free (SheetInfo *info)
{
  g_free (info->name);
  g_free (info->target);
  g_free (info);
}

static void
scs_xlsx_finalize (GObject *object)
{
  ScsXlsx *self = (ScsXlsx *) object;

  g_clear_pointer (&self->parts, g_hash_table_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_free (self->sha256);
  g_free (self->created);
  g_free (self->modified);

  G_OBJECT_CLASS (scs_xlsx_parent_class)->finalize (object);
}

static void
scs_xlsx_class_init (ScsXlsxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_xlsx_finalize;
}

static void
scs_xlsx_init (ScsXlsx *self)
{
  self->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_info_free);
}

/* ---------------------------------------------------------------------
 * Text helpers
 * ------------------------------------------------------------------- */

char *
scs_xlsx_column_name (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  g_return_val_if_fail (column >= 1, NULL);

  buffer[i] = '\0';
  while (column > 0 && i > 0)
    {
      column--;
      buffer[--i] = 'A' + (column % 26);
      column /= 26;
    }

  return g_strdup (buffer + i);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads "_xHHHH_" at @p; returns the code unit or -1. */
static int
read_escape (const char *p)
{
  int value = 0;

  if (p[0] != '_' || p[1] != 'x')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      value = value * 16 + h;
    }
  if (p[6] != '_')
    return -1;

  return value;
}

/**
 * scs_xlsx_decode_escapes:
 * @text: a string as stored in the workbook XML
 *
 * Excel stores characters XML cannot carry (and CR, and a literal "_x" run)
 * as _xHHHH_ UTF-16 code units. Surrogate pairs are combined; a lone
 * surrogate becomes U+FFFD.
 *
 * Returns: (transfer full): the decoded text
 */
char *
scs_xlsx_decode_escapes (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (strstr (text, "_x") == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      int unit = read_escape (p);

      if (unit < 0)
        {
          g_string_append_c (out, *p);
          p++;
          continue;
        }
      p += 7;

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low = read_escape (p);

          if (low >= 0xDC00 && low <= 0xDFFF)
            {
              p += 7;
              g_string_append_unichar (out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
            }
          else
            g_string_append_unichar (out, 0xFFFD);
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        g_string_append_unichar (out, 0xFFFD);
      else if (unit == 0)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, (gunichar) unit);
    }

  return g_string_free (out, FALSE);
}

/* "C12" → column 3, row 12. FALSE when malformed or beyond Excel's grid. */
static gboolean
parse_reference (const char *ref,
                 guint      *row,
                 guint      *column)
{
  guint64 c = 0;
  guint64 r = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > SCS_XLSX_MAX_COLUMN)
        return FALSE;
      p++;
    }
  if (p == ref || !g_ascii_isdigit (*p) || *p == '0')
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > SCS_XLSX_MAX_ROW)
        return FALSE;
      p++;
    }
  if (*p != '\0')
    return FALSE;

  *row = (guint) r;
  *column = (guint) c;
  return TRUE;
}

static gboolean
parse_uint (const char *text,
            guint       max,
            guint      *value)
{
  guint64 v;
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  v = g_ascii_strtoull (text, &end, 10);
  if (end == NULL || *end != '\0' || v == 0 || v > max)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

/* ---------------------------------------------------------------------
 * The zip container
 * ------------------------------------------------------------------- */

static gboolean
is_wanted_part (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
}

static gboolean
read_zip (ScsXlsx  *self,
          GBytes   *bytes,
          GError  **error)
{
  g_autoptr(ScsZipReader) zip = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  guint64 kept = 0;

  zip = scs_zip_reader_new_from_bytes (bytes, &local_error);
  while (zip != NULL && scs_zip_reader_next (zip, &name, &local_error))
    {
      GBytes *part;

      if (!is_wanted_part (name))
        continue;
      /* scs-zip refuses two entries with one name (letter case ignored). */
      part = scs_zip_reader_read_bytes (zip, SCS_XLSX_MAX_PART_SIZE, &local_error);
      if (part == NULL)
        break;
      kept += g_bytes_get_size (part);
      g_hash_table_insert (self->parts, g_strdup (name), part);
      if (kept > SCS_XLSX_MAX_TOTAL_SIZE)
        {
          g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_LIMIT,
                       _("The workbook’s parts come to more than %d MiB; it is refused"),
                       SCS_XLSX_MAX_TOTAL_SIZE / (1024 * 1024));
          return FALSE;
        }
    }
  if (local_error == NULL)
    return TRUE;

  if (g_error_matches (local_error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP))
    g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_NOT_XLSX,
                 _("The file is not an Excel workbook (.xlsx): %s"), local_error->message);
  else
    g_set_error (error, SCS_XLSX_ERROR,
                 g_error_matches (local_error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT)
                 ? SCS_XLSX_ERROR_LIMIT : SCS_XLSX_ERROR_MALFORMED,
                 _("The workbook is refused: %s"), local_error->message);
  return FALSE;
}

/* ---------------------------------------------------------------------
 * XML parts, streamed
 * ------------------------------------------------------------------- */

static void
reader_error_cb (void        *arg,
                 xmlErrorPtr  error)
{
  GString *messages = arg;

  if (error != NULL && error->level >= XML_ERR_ERROR && messages->len < 512)
    {
      g_autofree char *text = g_strstrip (g_strdup (error->message ? error->message : ""));

      if (messages->len > 0)
        g_string_append (messages, "; ");
      g_string_append_printf (messages, "line %d: %s", error->line, text);
    }
}

typedef struct
{
  xmlTextReaderPtr reader;
  GString         *messages;
  const char      *part;
} PartReader;

/* Opens @part for streaming after the checks that make entity tricks
 * impossible: valid UTF-8 without NULs, parsed as UTF-8, no DOCTYPE. */
static gboolean
part_reader_open (ScsXlsx     *self,
                  const char  *part,
                  gboolean     required,
                  PartReader  *pr,
                  GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (self->parts, part);
  const char *data;
  gsize size;

  memset (pr, 0, sizeof *pr);
  pr->part = part;

  if (bytes == NULL)
    {
      if (required)
        g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_NOT_XLSX,
                     _("The workbook has no part ‘%s’"), part);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                   _("The workbook part ‘%s’ is not UTF-8 text"), part);
      return FALSE;
    }
  if (g_strstr_len (data, size, "<!DOCTYPE") != NULL || g_strstr_len (data, size, "<!ENTITY") != NULL)
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                   _("The workbook part ‘%s’ contains a DOCTYPE declaration, which is not allowed"),
                   part);
      return FALSE;
    }

  pr->messages = g_string_new (NULL);
  pr->reader = xmlReaderForMemory (data, (int) size, NULL, "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                   XML_PARSE_NOCDATA);
  if (pr->reader == NULL)
    g_error ("libxml2 could not allocate a reader");
  xmlTextReaderSetStructuredErrorHandler (pr->reader, reader_error_cb, pr->messages);

  return TRUE;
}

static void
part_reader_close (PartReader *pr)
{
  g_clear_pointer (&pr->reader, xmlFreeTextReader);
  if (pr->messages != NULL)
    g_string_free (pr->messages, TRUE);
  pr->messages = NULL;
}

static gboolean
part_reader_fail (PartReader  *pr,
                  GError     **error)
{
  g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
               _("The workbook part ‘%s’ is not well-formed XML: %s"),
               pr->part, pr->messages->len > 0 ? pr->messages->str : "?");
  return FALSE;
}

/* Closes @pr after its last xmlTextReaderRead () returned @rc: FALSE with
 * @error when that was a parse error (not 0). */
static gboolean
part_reader_finish (PartReader  *pr,
                    int          rc,
                    GError     **error)
{
  gboolean ok = rc == 0 || part_reader_fail (pr, error);

  part_reader_close (pr);
  return ok;
}

static const char *
local_name (xmlTextReaderPtr reader)
{
  return (const char *) xmlTextReaderConstLocalName (reader);
}

static char *
get_attr (xmlTextReaderPtr reader,
          const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The r:id attribute, whatever prefix and relationship namespace it uses. */
static char *
get_relationship_id (xmlTextReaderPtr reader)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (g_strcmp0 (local_name (reader), "id") == 0 && xmlTextReaderConstPrefix (reader) != NULL)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);

  return value;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static gboolean
append_text (GString     *text,
             const char  *value,
             const char  *part,
             GError     **error)
{
  gsize n = strlen (value);

  if (text->len + n > SCS_XLSX_MAX_TEXT)
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_LIMIT,
                   _("The workbook part ‘%s’ has a text longer than %d KiB; it is refused"),
                   part, SCS_XLSX_MAX_TEXT / 1024);
      return FALSE;
    }
  g_string_append_len (text, value, n);
  return TRUE;
}

/* Resolves a relationship target against the folder of its source part. */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  if (target == NULL || strstr (target, "..") != NULL || strstr (target, "://") != NULL)
    return NULL;
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat (base_dir, target, NULL);
}

static gboolean
read_relationships (ScsXlsx     *self,
                    const char  *part,
                    GHashTable  *by_id,     /* Id → Target */
                    char       **shared_strings,
                    GError     **error)
{
  PartReader pr;
  int rc;

  if (!part_reader_open (self, part, FALSE, &pr, error))
    return error == NULL || *error == NULL;

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      if (xmlTextReaderNodeType (pr.reader) != XML_READER_TYPE_ELEMENT ||
          g_strcmp0 (local_name (pr.reader), "Relationship") != 0)
        continue;
      {
        g_autofree char *id = get_attr (pr.reader, "Id");
        g_autofree char *target = get_attr (pr.reader, "Target");
        g_autofree char *type = get_attr (pr.reader, "Type");
        g_autofree char *mode = get_attr (pr.reader, "TargetMode");
        char *resolved;

        if (id == NULL || g_strcmp0 (mode, "External") == 0)
          continue;
        resolved = resolve_target ("xl/", target);
        if (resolved == NULL)
          continue;
        if (shared_strings != NULL && type != NULL && g_str_has_suffix (type, "/sharedStrings") && *shared_strings == NULL)
          *shared_strings = g_strdup (resolved);
        if (g_hash_table_size (by_id) < SCS_ZIP_MAX_ENTRIES)
          g_hash_table_insert (by_id, g_steal_pointer (&id), resolved);
        else
          g_free (resolved);
      }
    }
  return part_reader_finish (&pr, rc, error);
}

static gboolean
read_workbook (ScsXlsx     *self,
               char       **shared_strings_part,
               GError     **error)
{
  g_autoptr(GHashTable) rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  PartReader pr;
  int rc;

  if (!read_relationships (self, "xl/_rels/workbook.xml.rels", rels, shared_strings_part, error))
    return FALSE;
  if (!part_reader_open (self, "xl/workbook.xml", TRUE, &pr, error))
    {
      if (g_error_matches (*error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_NOT_XLSX))
        {
          g_clear_error (error);
          g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_NOT_XLSX,
                       _("The file is a zip archive but not an Excel workbook (no xl/workbook.xml)"));
        }
      return FALSE;
    }

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      SheetInfo *info;
      g_autofree char *rid = NULL;
      g_autofree char *state = NULL;
      const char *target;

      if (xmlTextReaderNodeType (pr.reader) != XML_READER_TYPE_ELEMENT ||
          g_strcmp0 (local_name (pr.reader), "sheet") != 0)
        continue;
      if (self->sheets->len >= 1024)
        break;

      rid = get_relationship_id (pr.reader);
      state = get_attr (pr.reader, "state");
      target = rid != NULL ? g_hash_table_lookup (rels, rid) : NULL;

      info = g_new0 (SheetInfo, 1);
      info->name = get_attr (pr.reader, "name");
      if (info->name == NULL)
        info->name = g_strdup_printf ("%u", self->sheets->len + 1);
      /* Without relationships, Excel's own default naming. */
      info->target = target != NULL ? g_strdup (target)
                                    : g_strdup_printf ("xl/worksheets/sheet%u.xml", self->sheets->len + 1);
      info->hidden = state != NULL && g_strcmp0 (state, "visible") != 0;
      g_ptr_array_add (self->sheets, info);
    }
  if (!part_reader_finish (&pr, rc, error))
    return FALSE;

  if (self->sheets->len == 0)
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_NOT_XLSX,
                   _("The workbook has no sheets"));
      return FALSE;
    }

  return TRUE;
}

/* Collects the text of <t> elements below the current element (an <si> or
 * <is>), skipping phonetic runs (<rPh>): their furigana is not cell text. */
static gboolean
read_string_item (PartReader  *pr,
                  GString     *text,
                  GError     **error)
{
  int depth = xmlTextReaderDepth (pr->reader);
  int rph_depth = -1;
  int t_depth = -1;
  int rc;

  if (xmlTextReaderIsEmptyElement (pr->reader))
    return TRUE;

  while ((rc = xmlTextReaderRead (pr->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (pr->reader);
      int d = xmlTextReaderDepth (pr->reader);

      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (d == depth)
            return TRUE;
          if (d == rph_depth)
            rph_depth = -1;
          if (d == t_depth)
            t_depth = -1;
        }
      else if (type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (pr->reader))
        {
          const char *name = local_name (pr->reader);

          if (rph_depth < 0 && g_strcmp0 (name, "rPh") == 0)
            rph_depth = d;
          else if (rph_depth < 0 && t_depth < 0 && g_strcmp0 (name, "t") == 0)
            t_depth = d;
        }
      else if (is_text_node (type) && t_depth >= 0 && rph_depth < 0)
        {
          g_autofree char *decoded = scs_xlsx_decode_escapes ((const char *) xmlTextReaderConstValue (pr->reader));

          if (!append_text (text, decoded, pr->part, error))
            return FALSE;
        }
    }

  return part_reader_fail (pr, error);
}

static gboolean
read_shared_strings (ScsXlsx     *self,
                     const char  *part,
                     GError     **error)
{
  PartReader pr;
  int rc;

  self->strings = g_ptr_array_new_with_free_func (g_free);
  if (!part_reader_open (self, part, FALSE, &pr, error))
    return error == NULL || *error == NULL;

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      g_autoptr(GString) text = NULL;

      if (xmlTextReaderNodeType (pr.reader) != XML_READER_TYPE_ELEMENT ||
          g_strcmp0 (local_name (pr.reader), "si") != 0)
        continue;
      if (self->strings->len >= SCS_XLSX_MAX_STRINGS)
        {
          g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_LIMIT,
                       _("The workbook has more than %d shared strings; it is refused"),
                       SCS_XLSX_MAX_STRINGS);
          part_reader_close (&pr);
          return FALSE;
        }
      text = g_string_new (NULL);
      if (!read_string_item (&pr, text, error))
        {
          part_reader_close (&pr);
          return FALSE;
        }
      g_ptr_array_add (self->strings, g_string_free (g_steal_pointer (&text), FALSE));
    }
  return part_reader_finish (&pr, rc, error);
}

static void
read_core_properties (ScsXlsx *self)
{
  PartReader pr;
  char **slot = NULL;
  int rc;

  /* Optional metadata: a broken core.xml only loses the dates. */
  if (!part_reader_open (self, "docProps/core.xml", FALSE, &pr, NULL))
    return;

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (pr.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = local_name (pr.reader);

          slot = NULL;
          if (g_strcmp0 (name, "created") == 0 && self->created == NULL)
            slot = &self->created;
          else if (g_strcmp0 (name, "modified") == 0 && self->modified == NULL)
            slot = &self->modified;
        }
      else if (type == XML_READER_TYPE_TEXT && slot != NULL)
        {
          const char *value = (const char *) xmlTextReaderConstValue (pr.reader);

          if (strlen (value) < 64)
            *slot = g_strstrip (g_strdup (value));
          slot = NULL;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        slot = NULL;
    }
  if (rc != 0)
    {
      g_clear_pointer (&self->created, g_free);
      g_clear_pointer (&self->modified, g_free);
    }
  part_reader_close (&pr);
}

/* ---------------------------------------------------------------------
 * Public API: the workbook
 * ------------------------------------------------------------------- */

/**
 * scs_xlsx_new_from_bytes:
 * @bytes: the .xlsx file's content
 * @error: return location for a #SCS_XLSX_ERROR
 *
 * Opens a workbook: reads the zip within the limits, the sheet list, shared
 * strings and core properties. Sheets are parsed by scs_xlsx_load_sheet().
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error set
 */
ScsXlsx *
scs_xlsx_new_from_bytes (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(ScsXlsx) self = NULL;
  g_autofree char *shared_strings = NULL;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = g_bytes_get_size (bytes);
  if (size > SCS_XLSX_MAX_FILE_SIZE)
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_LIMIT,
                   _("The workbook is %llu bytes long; workbooks larger than %d MiB are refused"),
                   (unsigned long long) size, SCS_XLSX_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  xmlInitParser ();

  self = g_object_new (SCS_TYPE_XLSX, NULL);
  self->sha256 = scs_sha256_hex_bytes (bytes);

  if (!read_zip (self, bytes, error) ||
      !read_workbook (self, &shared_strings, error) ||
      !read_shared_strings (self, shared_strings != NULL ? shared_strings : "xl/sharedStrings.xml", error))
    return NULL;
  read_core_properties (self);

  return g_steal_pointer (&self);
}

ScsXlsx *
scs_xlsx_new_from_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > SCS_XLSX_MAX_FILE_SIZE)
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_LIMIT,
                   _("The workbook is %llu bytes long; workbooks larger than %d MiB are refused"),
                   (unsigned long long) g_file_info_get_size (info), SCS_XLSX_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  return scs_xlsx_new_from_bytes (bytes, error);
}

/* Lower-case hex SHA-256 of the workbook file. */
const char *
scs_xlsx_get_sha256 (ScsXlsx *self)
{
  g_return_val_if_fail (SCS_IS_XLSX (self), NULL);
  return self->sha256;
}

guint
scs_xlsx_get_n_sheets (ScsXlsx *self)
{
  g_return_val_if_fail (SCS_IS_XLSX (self), 0);
  return self->sheets->len;
}

const char *
scs_xlsx_get_sheet_name (ScsXlsx *self,
                         guint    index)
{
  g_return_val_if_fail (SCS_IS_XLSX (self), NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);
  return ((SheetInfo *) g_ptr_array_index (self->sheets, index))->name;
}

gboolean
scs_xlsx_get_sheet_hidden (ScsXlsx *self,
                           guint    index)
{
  g_return_val_if_fail (SCS_IS_XLSX (self), FALSE);
  g_return_val_if_fail (index < self->sheets->len, FALSE);
  return ((SheetInfo *) g_ptr_array_index (self->sheets, index))->hidden;
}

const char *
scs_xlsx_get_core_property (ScsXlsx    *self,
                            const char *name)
{
  g_return_val_if_fail (SCS_IS_XLSX (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "created"))
    return self->created;
  if (g_str_equal (name, "modified"))
    return self->modified;
  return NULL;
}

/* ---------------------------------------------------------------------
 * Sheets
 * ------------------------------------------------------------------- */

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

void
scs_xlsx_sheet_free (ScsXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_free (sheet->auto_filter);
  g_clear_pointer (&sheet->cells, g_array_unref);
  g_clear_pointer (&sheet->merges, g_array_unref);
  g_clear_pointer (&sheet->hidden, g_array_unref);
  g_clear_pointer (&sheet->merge_index, g_hash_table_unref);
  g_clear_object (&sheet->xlsx);
  g_free (sheet);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *x = a;
  const Cell *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

static gboolean
sheet_limit (ScsXlsxSheet  *sheet,
             const char    *what,
             guint          limit,
             GError       **error)
{
  g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_LIMIT,
               _("Sheet ‘%s’ has more than %u %s; it is refused"), sheet->name, limit, what);
  return FALSE;
}

/* Reads one <c> element (the reader is on its start tag). */
static gboolean
read_cell (ScsXlsxSheet  *sheet,
           PartReader    *pr,
           guint          row,
           guint         *next_column,
           GError       **error)
{
  g_autofree char *ref = get_attr (pr->reader, "r");
  g_autofree char *type = get_attr (pr->reader, "t");
  g_autoptr(GString) value = g_string_new (NULL);
  Cell cell = { 0, };
  int depth = xmlTextReaderDepth (pr->reader);
  int v_depth = -1;
  gboolean has_value = FALSE;
  guint r = row;
  guint c = *next_column;
  int rc;

  if (ref != NULL && !parse_reference (ref, &r, &c))
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                   _("Sheet ‘%s’: the cell reference ‘%s’ is not valid"), sheet->name, ref);
      return FALSE;
    }
  if (c == 0 || c > SCS_XLSX_MAX_COLUMN || r == 0)
    {
      g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                   _("Sheet ‘%s’: a cell lies outside the grid"), sheet->name);
      return FALSE;
    }
  *next_column = c + 1;
  cell.row = r;
  cell.column = c;
  cell.sst = -1;

  if (!xmlTextReaderIsEmptyElement (pr->reader))
    {
      while ((rc = xmlTextReaderRead (pr->reader)) == 1)
        {
          int node = xmlTextReaderNodeType (pr->reader);
          int d = xmlTextReaderDepth (pr->reader);

          if (node == XML_READER_TYPE_END_ELEMENT)
            {
              if (d == depth)
                break;
              if (d == v_depth)
                v_depth = -1;
            }
          else if (node == XML_READER_TYPE_ELEMENT)
            {
              const char *name = local_name (pr->reader);

              if (g_strcmp0 (name, "f") == 0)
                cell.formula = TRUE;
              else if (g_strcmp0 (name, "v") == 0 && !xmlTextReaderIsEmptyElement (pr->reader))
                v_depth = d;
              else if (g_strcmp0 (name, "is") == 0)
                {
                  if (!read_string_item (pr, value, error))
                    return FALSE;
                  has_value = TRUE;
                }
            }
          else if (is_text_node (node) && v_depth >= 0)
            {
              if (!append_text (value, (const char *) xmlTextReaderConstValue (pr->reader), pr->part, error))
                return FALSE;
              has_value = TRUE;
            }
        }
      if (rc != 1)
        return part_reader_fail (pr, error);
    }

  if (g_strcmp0 (type, "s") == 0)
    {
      guint index;
      g_autofree char *trimmed = g_strstrip (g_strdup (value->str));

      if (!has_value)
        return TRUE;
      if (!g_ascii_isdigit (trimmed[0]) ||
          (index = (guint) g_ascii_strtoull (trimmed, NULL, 10)) >= sheet->strings->len ||
          strlen (trimmed) > 9)
        {
          g_autofree char *column = scs_xlsx_column_name (c);

          g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                       _("Sheet ‘%s’, row %u, column %s: the cell refers to shared string ‘%s’, "
                         "which does not exist"), sheet->name, r, column, trimmed);
          return FALSE;
        }
      cell.sst = (gint32) index;
    }
  else if (g_strcmp0 (type, "str") == 0)
    cell.text = scs_xlsx_decode_escapes (value->str);
  else if (has_value || cell.formula)
    cell.text = g_strdup (value->str);

  if (cell.sst < 0 && cell.text == NULL && !cell.formula)
    return TRUE;

  if (sheet->cells->len >= SCS_XLSX_MAX_CELLS)
    {
      cell_clear (&cell);
      return sheet_limit (sheet, _("cells"), SCS_XLSX_MAX_CELLS, error);
    }
  g_array_append_val (sheet->cells, cell);
  sheet->max_row = MAX (sheet->max_row, r);
  sheet->max_column = MAX (sheet->max_column, c);

  return TRUE;
}

static gboolean
read_range (const char *ref,
            Range      *range)
{
  g_auto(GStrv) parts = g_strsplit (ref, ":", 3);
  guint r1, c1, r2, c2;

  if (parts[0] == NULL || !parse_reference (parts[0], &r1, &c1))
    return FALSE;
  if (parts[1] == NULL)
    {
      r2 = r1;
      c2 = c1;
    }
  else if (parts[2] != NULL || !parse_reference (parts[1], &r2, &c2))
    return FALSE;

  range->r1 = MIN (r1, r2);
  range->r2 = MAX (r1, r2);
  range->c1 = MIN (c1, c2);
  range->c2 = MAX (c1, c2);
  return TRUE;
}

/**
 * scs_xlsx_load_sheet:
 * @index: 0-based, in workbook order
 *
 * Parses one worksheet into memory (cells, merged ranges, hidden columns).
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with @error set
 */
ScsXlsxSheet *
scs_xlsx_load_sheet (ScsXlsx  *self,
                     guint     index,
                     GError  **error)
{
  g_autoptr(ScsXlsxSheet) sheet = NULL;
  const SheetInfo *info;
  PartReader pr;
  guint row = 0;
  guint next_column = 1;
  int rc;

  g_return_val_if_fail (SCS_IS_XLSX (self), NULL);
  g_return_val_if_fail (index < self->sheets->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_ptr_array_index (self->sheets, index);
  sheet = g_new0 (ScsXlsxSheet, 1);
  sheet->name = g_strdup (info->name);
  sheet->xlsx = g_object_ref (self);
  sheet->strings = self->strings;
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_array_set_clear_func (sheet->cells, (GDestroyNotify) cell_clear);
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (Range));
  sheet->hidden = g_array_new (FALSE, FALSE, sizeof (Range));

  if (!part_reader_open (self, info->target, TRUE, &pr, error))
    return NULL;

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      const char *name;

      if (xmlTextReaderNodeType (pr.reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = local_name (pr.reader);

      if (g_strcmp0 (name, "row") == 0)
        {
          g_autofree char *r = get_attr (pr.reader, "r");

          if (r != NULL)
            {
              if (!parse_uint (r, SCS_XLSX_MAX_ROW, &row))
                {
                  g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                               _("Sheet ‘%s’: the row number ‘%s’ is not valid"), sheet->name, r);
                  goto fail;
                }
            }
          else if (++row > SCS_XLSX_MAX_ROW)
            {
              sheet_limit (sheet, _("rows"), SCS_XLSX_MAX_ROW, error);
              goto fail;
            }
          next_column = 1;
        }
      else if (g_strcmp0 (name, "c") == 0)
        {
          if (row == 0)
            row = 1;
          if (!read_cell (sheet, &pr, row, &next_column, error))
            goto fail;
        }
      else if (g_strcmp0 (name, "col") == 0)
        {
          g_autofree char *min = get_attr (pr.reader, "min");
          g_autofree char *max = get_attr (pr.reader, "max");
          g_autofree char *hidden = get_attr (pr.reader, "hidden");
          Range range = { 0, };

          if ((g_strcmp0 (hidden, "1") == 0 || g_strcmp0 (hidden, "true") == 0) &&
              parse_uint (min, SCS_XLSX_MAX_COLUMN, &range.c1) &&
              parse_uint (max, SCS_XLSX_MAX_COLUMN, &range.c2) &&
              range.c1 <= range.c2 && sheet->hidden->len < SCS_XLSX_MAX_COLUMN)
            g_array_append_val (sheet->hidden, range);
        }
      else if (g_strcmp0 (name, "pane") == 0)
        {
          g_autofree char *state = get_attr (pr.reader, "state");
          g_autofree char *split = get_attr (pr.reader, "ySplit");

          if (g_strcmp0 (state, "frozen") == 0 && split != NULL)
            parse_uint (split, SCS_XLSX_MAX_ROW, &sheet->frozen_rows);
        }
      else if (g_strcmp0 (name, "autoFilter") == 0)
        {
          g_autofree char *ref = get_attr (pr.reader, "ref");
          Range range;

          if (ref != NULL && read_range (ref, &range))
            {
              g_free (sheet->auto_filter);
              sheet->auto_filter = g_steal_pointer (&ref);
            }
        }
      else if (g_strcmp0 (name, "mergeCell") == 0)
        {
          g_autofree char *ref = get_attr (pr.reader, "ref");
          Range range;

          if (ref == NULL || !read_range (ref, &range))
            {
              g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                           _("Sheet ‘%s’: the merged range ‘%s’ is not valid"),
                           sheet->name, ref != NULL ? ref : "");
              goto fail;
            }
          if (sheet->merges->len >= SCS_XLSX_MAX_MERGES)
            {
              sheet_limit (sheet, _("merged ranges"), SCS_XLSX_MAX_MERGES, error);
              goto fail;
            }
          g_array_append_val (sheet->merges, range);
        }
    }
  if (rc != 0)
    {
      part_reader_fail (&pr, error);
      goto fail;
    }
  part_reader_close (&pr);

  g_array_sort (sheet->cells, compare_cells);
  /* A cell given twice: keep the last, as Excel does not write such files anyway. */
  for (guint i = 1; i < sheet->cells->len; i++)
    if (compare_cells (&g_array_index (sheet->cells, Cell, i - 1), &g_array_index (sheet->cells, Cell, i)) == 0)
      {
        g_autofree char *column = scs_xlsx_column_name (g_array_index (sheet->cells, Cell, i).column);

        g_set_error (error, SCS_XLSX_ERROR, SCS_XLSX_ERROR_MALFORMED,
                     _("Sheet ‘%s’, row %u, column %s: the cell is given twice"),
                     sheet->name, g_array_index (sheet->cells, Cell, i).row, column);
        return NULL;
      }

  return g_steal_pointer (&sheet);

fail:
  part_reader_close (&pr);
  return NULL;
}

guint
scs_xlsx_sheet_get_frozen_rows (ScsXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->frozen_rows;
}

const char *
scs_xlsx_sheet_get_auto_filter (ScsXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return sheet->auto_filter;
}

GBytes *
scs_xlsx_get_part (ScsXlsx    *self,
                   const char *name)
{
  GBytes *bytes;

  g_return_val_if_fail (SCS_IS_XLSX (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  bytes = g_hash_table_lookup (self->parts, name);
  return bytes != NULL ? g_bytes_ref (bytes) : NULL;
}

const char *
scs_xlsx_sheet_get_name (ScsXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return sheet->name;
}

/* The last row that holds a cell. */
guint
scs_xlsx_sheet_get_max_row (ScsXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->max_row;
}

guint
scs_xlsx_sheet_get_max_column (ScsXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->max_column;
}

gboolean
scs_xlsx_sheet_column_hidden (ScsXlsxSheet *sheet,
                              guint         column)
{
  g_return_val_if_fail (sheet != NULL, FALSE);

  for (guint i = 0; i < sheet->hidden->len; i++)
    {
      const Range *range = &g_array_index (sheet->hidden, Range, i);

      if (column >= range->c1 && column <= range->c2)
        return TRUE;
    }
  return FALSE;
}

static const Cell *
find_cell (ScsXlsxSheet *sheet,
           guint         row,
           guint         column)
{
  Cell key = { .row = row, .column = column };
  guint lo = 0;
  guint hi = sheet->cells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = compare_cells (&key, &g_array_index (sheet->cells, Cell, mid));

      if (cmp == 0)
        return &g_array_index (sheet->cells, Cell, mid);
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

static const char *
cell_text (ScsXlsxSheet *sheet,
           const Cell   *cell)
{
  if (cell->sst >= 0)
    return g_ptr_array_index (sheet->strings, cell->sst);
  return cell->text != NULL ? cell->text : "";
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a;
  const Range *y = b;

  return x->r1 < y->r1 ? -1 : x->r1 > y->r1 ? 1 : 0;
}

/* The merged ranges covering @column, sorted by first row, built on first
 * use: lookups are then a binary search, so a hostile sheet with many ranges
 * costs O(log n) per cell instead of O(n). */
static GArray *
merges_for_column (ScsXlsxSheet *sheet,
                   guint         column)
{
  GArray *ranges;

  if (sheet->merge_index == NULL)
    sheet->merge_index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  ranges = g_hash_table_lookup (sheet->merge_index, GUINT_TO_POINTER (column));
  if (ranges != NULL)
    return ranges;

  ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const Range *range = &g_array_index (sheet->merges, Range, i);

      if (column >= range->c1 && column <= range->c2)
        g_array_append_val (ranges, *range);
    }
  g_array_sort (ranges, compare_ranges);
  g_hash_table_insert (sheet->merge_index, GUINT_TO_POINTER (column), ranges);

  return ranges;
}

static const Range *
find_merge (ScsXlsxSheet *sheet,
            guint         row,
            guint         column)
{
  GArray *ranges = merges_for_column (sheet, column);
  guint lo = 0;
  guint hi = ranges->len;

  /* The last range starting at or above @row; Excel's ranges never overlap. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (ranges, Range, mid).r1 <= row)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return NULL;
  if (g_array_index (ranges, Range, lo - 1).r2 < row)
    return NULL;
  return &g_array_index (ranges, Range, lo - 1);
}

/**
 * scs_xlsx_sheet_get_rows:
 *
 * Returns: (transfer full): the distinct row numbers that hold at least one
 *   cell, ascending (a #GArray of guint)
 */
GArray *
scs_xlsx_sheet_get_rows (ScsXlsxSheet *sheet)
{
  GArray *rows;

  g_return_val_if_fail (sheet != NULL, NULL);

  rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      guint row = g_array_index (sheet->cells, Cell, i).row;

      if (rows->len == 0 || g_array_index (rows, guint, rows->len - 1) != row)
        g_array_append_val (rows, row);
    }
  return rows;
}

/**
 * scs_xlsx_sheet_get_cell:
 * @row: 1-based
 * @column: 1-based
 * @cell: (out): the value
 *
 * Looks a cell up; inside a merged range the value is the range's top-left
 * cell's, as Excel displays it.
 *
 * Returns: %TRUE if the cell has a value (possibly a formula)
 */
gboolean
scs_xlsx_sheet_get_cell (ScsXlsxSheet *sheet,
                         guint         row,
                         guint         column,
                         ScsXlsxCell  *cell)
{
  const Cell *found;
  gboolean merged = FALSE;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);

  found = find_cell (sheet, row, column);
  if (found == NULL)
    {
      const Range *range = find_merge (sheet, row, column);

      if (range != NULL)
        {
          found = find_cell (sheet, range->r1, range->c1);
          merged = TRUE;
        }
    }

  if (found == NULL || (!found->formula && *cell_text (sheet, found) == '\0'))
    return FALSE;

  cell->text = cell_text (sheet, found);
  cell->formula = found->formula;
  cell->row = found->row;
  cell->column = found->column;
  cell->merged = merged;
  return TRUE;
}
