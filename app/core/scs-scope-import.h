/* scs-scope-import.h: importing a scope inventory from CSV (UTF-8 or
 * Shift_JIS/CP932), with a column mapping, a check per cell and one
 * transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-scope.h"

G_BEGIN_DECLS

#define SCS_SCOPE_IMPORT_ERROR (scs_scope_import_error_quark ())

typedef enum
{
  SCS_SCOPE_IMPORT_ERROR_ENCODING, /* neither UTF-8 nor CP932, or NUL bytes */
  SCS_SCOPE_IMPORT_ERROR_MAPPING,  /* unknown column or field, field mapped twice */
  SCS_SCOPE_IMPORT_ERROR_ROWS,     /* rows with problems: nothing imported */
} ScsScopeImportError;

GQuark scs_scope_import_error_quark (void);

typedef enum
{
  SCS_SCOPE_ENCODING_AUTO,   /* UTF-8 (with or without BOM), else CP932 */
  SCS_SCOPE_ENCODING_UTF8,
  SCS_SCOPE_ENCODING_CP932,  /* Shift_JIS as Excel in Japan writes it */
} ScsScopeEncoding;

/* "auto", "utf-8", "cp932" ("shift_jis", "sjis" are read as cp932). */
const char *scs_scope_encoding_to_string   (ScsScopeEncoding  encoding);
gboolean    scs_scope_encoding_from_string (const char       *text,
                                            ScsScopeEncoding *encoding);

/* A problem of a row (or of the header, line 1): @column is 1-based, 0 when
 * it is about the whole row or file. */
typedef struct
{
  guint  line;
  guint  column;
  char  *message;  /* translated, names the line and column */
} ScsScopeImportProblem;

void scs_scope_import_problem_free (ScsScopeImportProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsScopeImportProblem, scs_scope_import_problem_free)

#define SCS_TYPE_SCOPE_IMPORT (scs_scope_import_get_type ())
G_DECLARE_FINAL_TYPE (ScsScopeImport, scs_scope_import, SCS, SCOPE_IMPORT, GObject)

/* Decodes and parses @data; the first row is the header. The mapping starts
 * as guessed from the header (field names, English or translated labels).
 * A file that is not text in the encoding, or not CSV, is refused with the
 * line and column. @source names the file in messages and the audit trail. */
ScsScopeImport   *scs_scope_import_new            (GBytes            *data,
                                                   const char        *source,
                                                   ScsScopeKind       kind,
                                                   ScsScopeEncoding   encoding,
                                                   GError           **error);
ScsScopeImport   *scs_scope_import_new_from_file  (const char        *path,
                                                   ScsScopeKind       kind,
                                                   ScsScopeEncoding   encoding,
                                                   GError           **error);

/* The encoding found (never AUTO). */
ScsScopeEncoding  scs_scope_import_get_encoding   (ScsScopeImport    *self);
const char       *scs_scope_import_get_source     (ScsScopeImport    *self);
ScsScopeKind      scs_scope_import_get_kind       (ScsScopeImport    *self);
/* Changes the kind and guesses the mapping again. */
void              scs_scope_import_set_kind       (ScsScopeImport    *self,
                                                   ScsScopeKind       kind);

const char * const *scs_scope_import_get_header   (ScsScopeImport    *self);
guint             scs_scope_import_get_n_columns  (ScsScopeImport    *self);
/* Data rows, below the header. */
guint             scs_scope_import_get_n_rows     (ScsScopeImport    *self);
const char * const *scs_scope_import_get_row      (ScsScopeImport    *self,
                                                   guint              row);
/* The line of the file the row starts on (quoted fields may span lines). */
guint             scs_scope_import_get_line       (ScsScopeImport    *self,
                                                   guint              row);

/* The field column @column (0-based) goes to, NULL when it is ignored. */
const char       *scs_scope_import_get_mapping    (ScsScopeImport    *self,
                                                   guint              column);
/* Maps @column to @field (a field of the kind, or "criteria"; NULL or ""
 * ignores the column). A field already mapped elsewhere moves here. */
gboolean          scs_scope_import_map            (ScsScopeImport    *self,
                                                   guint              column,
                                                   const char        *field,
                                                   GError           **error);
/* As above with the column named by its header text, or its number. */
gboolean          scs_scope_import_map_named      (ScsScopeImport    *self,
                                                   const char        *column,
                                                   const char        *field,
                                                   GError           **error);

/* Checks every mapped cell as the scope would, writing nothing. Of
 * ScsScopeImportProblem*, empty when the import can go ahead. */
GPtrArray        *scs_scope_import_check          (ScsScopeImport    *self,
                                                   ScsScope          *scope);
/* Rows that will become items (blank rows are skipped). */
guint             scs_scope_import_count_items    (ScsScopeImport    *self);

/* Checks again and adds every row as one item, all in one transaction.
 * Returns the number imported; 0 with an error (the first problem and how
 * many there are) when anything is wrong, and then nothing is written. */
guint             scs_scope_import_commit         (ScsScopeImport    *self,
                                                   ScsScope          *scope,
                                                   GError           **error);

G_END_DECLS
