/* scs-scope-import.c: importing a scope inventory from CSV
 *
 * SMEs keep their inventories in spreadsheets, and Excel in Japan saves CSV
 * in Shift_JIS (Windows code page 932) unless told otherwise, or as UTF-8
 * with a byte order mark. The import therefore takes the bytes, decides the
 * encoding (a BOM or valid UTF-8 means UTF-8, else CP932 through g_convert),
 * refuses bytes that are neither with the line and column where they are,
 * and hands the text to the RFC 4180 reader of scs-csv.c, which keeps the
 * line each row starts on (quoted fields may hold line breaks). The header
 * row is mapped to the fields of one inventory kind — guessed from field
 * names and labels, changed by the user — and every mapped cell is checked
 * with the scope's own validation before anything is written, so the user
 * sees every bad cell by line and column at once. Only a clean file is
 * imported, as one transaction (scs_scope_add_items): a refused import
 * leaves the workspace file byte for byte as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "scs-csv.h"
#include "scs-scope-import.h"
#include "scs-scope-private.h"
#include "scs-text.h"

G_DEFINE_QUARK (scs-scope-import-error-quark, scs_scope_import_error)

struct _ScsScopeImport
{
  GObject           parent_instance;

  char             *source;
  ScsScopeKind      kind;
  ScsScopeEncoding  encoding;
  GPtrArray        *rows;      /* GStrv, header first */
  GArray           *lines;     /* guint per row of @rows */
  guint             n_columns;
  char            **mapping;   /* n_columns field names or NULL */
};

G_DEFINE_FINAL_TYPE (ScsScopeImport, scs_scope_import, G_TYPE_OBJECT)

static const char * const encoding_names[] = { "auto", "utf-8", "cp932" };

const char *
scs_scope_encoding_to_string (ScsScopeEncoding encoding)
{
  g_return_val_if_fail (encoding < G_N_ELEMENTS (encoding_names), NULL);
  return encoding_names[encoding];
}

gboolean
scs_scope_encoding_from_string (const char       *text,
                                ScsScopeEncoding *encoding)
{
  static const struct { const char *name; ScsScopeEncoding encoding; } names[] = {
    { "auto", SCS_SCOPE_ENCODING_AUTO },
    { "utf-8", SCS_SCOPE_ENCODING_UTF8 },
    { "utf8", SCS_SCOPE_ENCODING_UTF8 },
    { "cp932", SCS_SCOPE_ENCODING_CP932 },
    { "shift_jis", SCS_SCOPE_ENCODING_CP932 },
    { "shift-jis", SCS_SCOPE_ENCODING_CP932 },
    { "sjis", SCS_SCOPE_ENCODING_CP932 },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

void
scs_scope_import_problem_free (ScsScopeImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
scs_scope_import_finalize (GObject *object)
{
  ScsScopeImport *self = SCS_SCOPE_IMPORT (object);

  g_free (self->source);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  if (self->mapping != NULL)
    for (guint i = 0; i < self->n_columns; i++)
      g_free (self->mapping[i]);
  g_free (self->mapping);

  G_OBJECT_CLASS (scs_scope_import_parent_class)->finalize (object);
}

static void
scs_scope_import_class_init (ScsScopeImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_scope_import_finalize;
}

static void
scs_scope_import_init (ScsScopeImport *self)
{
}

/* ------------------------------------------------------------------------ */
/* Decoding                                                                  */

static void
set_byte_error (GError     **error,
                const char  *source,
                const char  *data,
                gsize        offset,
                const char  *what)
{
  guint line, column;

  scs_csv_locate (data, offset, &line, &column);
  g_set_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_ENCODING,
               /* Translators: the last %s is “UTF-8”, “Shift_JIS (CP932)” or both */
               _("%s: line %u, column %u: byte 0x%02x is not %s text"),
               source, line, column, (guchar) data[offset], what);
}

/* Offset of the first byte that is not valid UTF-8 (or NUL), or -1. */
static gssize
utf8_invalid_at (const char *data,
                 gsize       length)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, length, &end))
    return -1;
  return end - data;
}

/* Offset at which CP932 decoding fails, or -1 with *@utf8 set. */
static gssize
cp932_decode (const char  *data,
              gsize        length,
              char       **utf8,
              gsize       *utf8_length)
{
  g_autoptr(GError) error = NULL;
  gsize read = 0;

  *utf8 = g_convert (data, length, "UTF-8", "CP932", &read, utf8_length, &error);
  if (*utf8 != NULL)
    return -1;
  return MIN (read, length > 0 ? length - 1 : 0);
}

static gboolean
decode (const char        *data,
        gsize              length,
        const char        *source,
        ScsScopeEncoding   wanted,
        char             **text,
        gsize             *text_length,
        ScsScopeEncoding  *found,
        GError           **error)
{
  gboolean bom = length >= 3 && memcmp (data, SCS_CSV_BOM, 3) == 0;
  const char *nul = memchr (data, '\0', length);
  gssize bad_utf8, bad_cp932;

  if (nul != NULL)
    {
      set_byte_error (error, source, data, nul - data, _("CSV"));
      return FALSE;
    }

  if (wanted == SCS_SCOPE_ENCODING_UTF8 || bom ||
      (wanted == SCS_SCOPE_ENCODING_AUTO && utf8_invalid_at (data, length) < 0))
    {
      bad_utf8 = utf8_invalid_at (data, length);
      if (bad_utf8 >= 0)
        {
          set_byte_error (error, source, data, bad_utf8, "UTF-8");
          return FALSE;
        }
      *text = g_memdup2 (data, length);
      *text_length = length;
      *found = SCS_SCOPE_ENCODING_UTF8;
      return TRUE;
    }

  bad_cp932 = cp932_decode (data, length, text, text_length);
  if (bad_cp932 < 0)
    {
      *found = SCS_SCOPE_ENCODING_CP932;
      return TRUE;
    }
  if (wanted == SCS_SCOPE_ENCODING_CP932)
    {
      set_byte_error (error, source, data, bad_cp932, _("Shift_JIS (CP932)"));
      return FALSE;
    }
  /* Neither: point at the failure of the encoding that got further, which
   * is most likely the one the file was meant to be in. */
  bad_utf8 = utf8_invalid_at (data, length);
  set_byte_error (error, source, data, MAX (bad_utf8, bad_cp932),
                  _("UTF-8 or Shift_JIS (CP932)"));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Mapping                                                                   */

/* "Check method", "check_method", " CHECK-METHOD " → "check-method". */
static char *
normalize (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *folded = g_utf8_casefold (stripped, -1);

  for (char *p = folded; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';
  return folded;
}

static gboolean
header_matches (const char *header,
                const char *field,
                const char *label)
{
  g_autofree char *h = normalize (header);
  g_autofree char *f = normalize (field);
  g_autofree char *l = normalize (label);
  g_autofree char *t = normalize (_(label));

  return g_str_equal (h, f) || g_str_equal (h, l) || g_str_equal (h, t);
}

static void
guess_mapping (ScsScopeImport *self)
{
  const char * const *header = g_ptr_array_index (self->rows, 0);
  const char * const *fields = scs_scope_kind_fields (self->kind);
  g_autoptr(GPtrArray) used = g_ptr_array_new ();

  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *match = NULL;

      g_clear_pointer (&self->mapping[c], g_free);
      for (guint f = 0; fields[f] != NULL && match == NULL; f++)
        if (header_matches (header[c], fields[f], scs_scope_field_lookup (fields[f])->label))
          match = fields[f];
      if (match == NULL && header_matches (header[c], "criteria", N_("Criteria")))
        match = "criteria";
      if (match != NULL && !g_ptr_array_find (used, match, NULL))
        {
          g_ptr_array_add (used, (gpointer) match);
          self->mapping[c] = g_strdup (match);
        }
    }
}

/* ------------------------------------------------------------------------ */

ScsScopeImport *
scs_scope_import_new (GBytes            *data,
                      const char        *source,
                      ScsScopeKind       kind,
                      ScsScopeEncoding   encoding,
                      GError           **error)
{
  g_autoptr(ScsScopeImport) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;
  const char *bytes;
  gsize length;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind < SCS_SCOPE_N_KINDS, NULL);

  self = g_object_new (SCS_TYPE_SCOPE_IMPORT, NULL);
  self->source = g_strdup (source ? source : "CSV");
  self->kind = kind;

  bytes = g_bytes_get_data (data, &length);
  if (length > SCS_CSV_MAX_BYTES)
    {
      g_set_error (error, SCS_CSV_ERROR, SCS_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MiB"), self->source,
                   SCS_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!decode (bytes ? bytes : "", length, self->source, encoding,
               &text, &text_length, &self->encoding, error))
    return NULL;

  self->rows = scs_csv_parse_lines (text, text_length, &self->lines, &local_error);
  if (self->rows == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", self->source);
      return NULL;
    }
  /* A line break inside a cell is CRLF when Excel wrote it; stored text
   * has LF line breaks only (scs_text_validate () refuses a lone CR). */
  for (guint r = 0; r < self->rows->len; r++)
    for (char **cell = g_ptr_array_index (self->rows, r); *cell != NULL; cell++)
      {
        char *out = *cell;

        for (const char *in = *cell; *in != '\0'; in++)
          if (!(in[0] == '\r' && in[1] == '\n'))
            *out++ = *in;
        *out = '\0';
      }
  self->n_columns = g_strv_length (g_ptr_array_index (self->rows, 0));
  self->mapping = g_new0 (char *, self->n_columns);
  guess_mapping (self);
  return g_steal_pointer (&self);
}

ScsScopeImport *
scs_scope_import_new_from_file (const char        *path,
                                ScsScopeKind       kind,
                                ScsScopeEncoding   encoding,
                                GError           **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Cannot read ‘%s’: %s"), display, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return scs_scope_import_new (bytes, display, kind, encoding, error);
}

ScsScopeEncoding
scs_scope_import_get_encoding (ScsScopeImport *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), SCS_SCOPE_ENCODING_AUTO);
  return self->encoding;
}

const char *
scs_scope_import_get_source (ScsScopeImport *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), NULL);
  return self->source;
}

ScsScopeKind
scs_scope_import_get_kind (ScsScopeImport *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), SCS_SCOPE_KIND_NETWORK);
  return self->kind;
}

void
scs_scope_import_set_kind (ScsScopeImport *self,
                           ScsScopeKind    kind)
{
  g_return_if_fail (SCS_IS_SCOPE_IMPORT (self));
  g_return_if_fail (kind < SCS_SCOPE_N_KINDS);

  self->kind = kind;
  guess_mapping (self);
}

const char * const *
scs_scope_import_get_header (ScsScopeImport *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), NULL);
  return g_ptr_array_index (self->rows, 0);
}

guint
scs_scope_import_get_n_columns (ScsScopeImport *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), 0);
  return self->n_columns;
}

guint
scs_scope_import_get_n_rows (ScsScopeImport *self)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), 0);
  return self->rows->len - 1;
}

const char * const *
scs_scope_import_get_row (ScsScopeImport *self,
                          guint           row)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), NULL);
  g_return_val_if_fail (row + 1 < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, row + 1);
}

guint
scs_scope_import_get_line (ScsScopeImport *self,
                           guint           row)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), 0);
  g_return_val_if_fail (row + 1 < self->lines->len, 0);
  return g_array_index (self->lines, guint, row + 1);
}

const char *
scs_scope_import_get_mapping (ScsScopeImport *self,
                              guint           column)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->mapping[column];
}

gboolean
scs_scope_import_map (ScsScopeImport  *self,
                      guint            column,
                      const char      *field,
                      GError         **error)
{
  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), FALSE);

  if (column >= self->n_columns)
    {
      g_set_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_MAPPING,
                   _("%s has no column %u (it has %u)"), self->source, column + 1,
                   self->n_columns);
      return FALSE;
    }
  if (field != NULL && *field != '\0' && !g_str_equal (field, "-") &&
      !g_str_equal (field, "criteria") && !scs_scope_field_applies (self->kind, field))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) scs_scope_kind_fields (self->kind));

      g_set_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_MAPPING,
                   _("‘%s’ is not a field of %s (one of: %s, criteria)"), field,
                   scs_scope_kind_to_string (self->kind), list);
      return FALSE;
    }

  for (guint c = 0; c < self->n_columns; c++)
    if (field != NULL && g_strcmp0 (self->mapping[c], field) == 0)
      g_clear_pointer (&self->mapping[c], g_free);
  g_free (self->mapping[column]);
  self->mapping[column] = (field == NULL || *field == '\0' || g_str_equal (field, "-"))
                          ? NULL : g_strdup (field);
  return TRUE;
}

gboolean
scs_scope_import_map_named (ScsScopeImport  *self,
                            const char      *column,
                            const char      *field,
                            GError         **error)
{
  const char * const *header;
  g_autofree char *wanted = NULL;
  guint64 number;

  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  header = scs_scope_import_get_header (self);
  wanted = normalize (column);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *name = normalize (header[c]);

      if (g_str_equal (name, wanted))
        return scs_scope_import_map (self, c, field, error);
    }
  if (g_ascii_string_to_unsigned (column, 10, 1, G_MAXUINT, &number, NULL))
    return scs_scope_import_map (self, (guint) number - 1, field, error);

  g_set_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_MAPPING,
               _("%s has no column ‘%s’ in its header row"), self->source, column);
  return FALSE;
}

static gboolean
row_is_blank (const char * const *row)
{
  for (guint i = 0; row[i] != NULL; i++)
    if (!scs_text_is_blank (row[i]))
      return FALSE;
  return TRUE;
}

guint
scs_scope_import_count_items (ScsScopeImport *self)
{
  guint n = 0;

  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), 0);

  for (guint r = 1; r < self->rows->len; r++)
    if (!row_is_blank (g_ptr_array_index (self->rows, r)))
      n++;
  return n;
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             guint       column,
             char       *message)
{
  ScsScopeImportProblem *problem = g_new0 (ScsScopeImportProblem, 1);

  problem->line = line;
  problem->column = column;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

GPtrArray *
scs_scope_import_check (ScsScopeImport *self,
                        ScsScope       *scope)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_scope_import_problem_free);
  const char * const *header;
  int name_column = -1;

  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), problems);
  g_return_val_if_fail (SCS_IS_SCOPE (scope), problems);

  header = scs_scope_import_get_header (self);
  for (guint c = 0; c < self->n_columns; c++)
    if (g_strcmp0 (self->mapping[c], "name") == 0)
      name_column = c;
  if (name_column < 0)
    add_problem (problems, g_array_index (self->lines, guint, 0), 0,
                 g_strdup_printf (_("Line %u: no column is mapped to the name of the item "
                                    "(map one, e.g. --map COLUMN=name)"),
                                  g_array_index (self->lines, guint, 0)));
  if (scs_scope_import_count_items (self) == 0)
    add_problem (problems, g_array_index (self->lines, guint, 0), 0,
                 g_strdup (_("There are no rows below the header row")));
  if (name_column < 0)
    return problems;

  for (guint r = 1; r < self->rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (self->rows, r);
      guint line = g_array_index (self->lines, guint, r);

      if (row_is_blank (row))
        continue;
      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autoptr(GError) error = NULL;

          if (self->mapping[c] == NULL)
            continue;
          if (!scs_scope_validate_value (scope, self->kind, self->mapping[c],
                                         scs_csv_cell_text (row[c]), &error))
            add_problem (problems, line, c + 1,
                         g_strdup_printf (_("Line %u, column %u (‘%s’): %s"),
                                          line, c + 1, header[c], error->message));
        }
    }
  return problems;
}

guint
scs_scope_import_commit (ScsScopeImport  *self,
                         ScsScope        *scope,
                         GError         **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (SCS_IS_SCOPE_IMPORT (self), 0);
  g_return_val_if_fail (SCS_IS_SCOPE (scope), 0);

  problems = scs_scope_import_check (self, scope);
  if (problems->len > 0)
    {
      ScsScopeImportProblem *first = g_ptr_array_index (problems, 0);

      g_set_error (error, SCS_SCOPE_IMPORT_ERROR, SCS_SCOPE_IMPORT_ERROR_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: nothing imported, %u problem: %s",
                                "%s: nothing imported, %u problems, the first: %s",
                                problems->len),
                   self->source, problems->len, first->message);
      return 0;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint r = 1; r < self->rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (self->rows, r);
      GHashTable *fields;

      if (row_is_blank (row))
        continue;
      fields = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint c = 0; c < self->n_columns; c++)
        if (self->mapping[c] != NULL)
          g_hash_table_insert (fields, self->mapping[c], (gpointer) scs_csv_cell_text (row[c]));
      g_ptr_array_add (items, fields);
    }
  return scs_scope_add_items (scope, self->kind, items, self->source, error);
}
