/* scs-xlsx.h: a small, hostile-input-safe reader for .xlsx workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_XLSX_ERROR (scs_xlsx_error_quark ())

typedef enum
{
  SCS_XLSX_ERROR_NOT_XLSX,   /* not a zip, or no workbook in it */
  SCS_XLSX_ERROR_LIMIT,      /* too large, too many entries, compression bomb */
  SCS_XLSX_ERROR_MALFORMED,  /* XML not well-formed, DOCTYPE, bad references */
} ScsXlsxError;

GQuark scs_xlsx_error_quark (void);

/* Limits applied to every workbook (documented so tests can probe them),
 * beyond the ZIP reader's own (scs-zip.h). */
#define SCS_XLSX_MAX_FILE_SIZE    (32 * 1024 * 1024)
#define SCS_XLSX_MAX_PART_SIZE    (64 * 1024 * 1024)
#define SCS_XLSX_MAX_TOTAL_SIZE   (128 * 1024 * 1024)
#define SCS_XLSX_MAX_CELLS        2000000
#define SCS_XLSX_MAX_STRINGS      1000000
#define SCS_XLSX_MAX_MERGES       100000
#define SCS_XLSX_MAX_TEXT         (256 * 1024)
#define SCS_XLSX_MAX_ROW          1048576
#define SCS_XLSX_MAX_COLUMN       16384

typedef struct _ScsXlsxSheet ScsXlsxSheet;

/* One cell's value as seen through merges: @row/@column name the cell that
 * actually holds the value (the top-left of a merged range). */
typedef struct
{
  const char *text;     /* decoded (_xHHHH_ escapes), never NULL */
  gboolean    formula;  /* the cell holds a formula */
  guint       row;      /* 1-based */
  guint       column;   /* 1-based, A = 1 */
  gboolean    merged;   /* reached through a merged range */
} ScsXlsxCell;

#define SCS_TYPE_XLSX (scs_xlsx_get_type ())
G_DECLARE_FINAL_TYPE (ScsXlsx, scs_xlsx, SCS, XLSX, GObject)

ScsXlsx      *scs_xlsx_new_from_bytes        (GBytes        *bytes,
                                              GError       **error);
ScsXlsx      *scs_xlsx_new_from_file         (const char    *path,
                                              GError       **error);
const char   *scs_xlsx_get_sha256            (ScsXlsx       *self);
guint         scs_xlsx_get_n_sheets          (ScsXlsx       *self);
const char   *scs_xlsx_get_sheet_name        (ScsXlsx       *self,
                                              guint          index);
gboolean      scs_xlsx_get_sheet_hidden      (ScsXlsx       *self,
                                              guint          index);
/* "created" or "modified" from docProps/core.xml (ISO 8601), or NULL. */
const char   *scs_xlsx_get_core_property     (ScsXlsx       *self,
                                              const char    *name);
ScsXlsxSheet *scs_xlsx_load_sheet            (ScsXlsx       *self,
                                              guint          index,
                                              GError       **error);

void          scs_xlsx_sheet_free            (ScsXlsxSheet  *sheet);
const char   *scs_xlsx_sheet_get_name        (ScsXlsxSheet  *sheet);
guint         scs_xlsx_sheet_get_max_row     (ScsXlsxSheet  *sheet);
guint         scs_xlsx_sheet_get_max_column  (ScsXlsxSheet  *sheet);
gboolean      scs_xlsx_sheet_column_hidden   (ScsXlsxSheet  *sheet,
                                              guint          column);
/* Rows kept in view by a frozen pane (0: none); the auto-filter's range
 * ("A1:K80"), or NULL. */
guint         scs_xlsx_sheet_get_frozen_rows (ScsXlsxSheet  *sheet);
const char   *scs_xlsx_sheet_get_auto_filter (ScsXlsxSheet  *sheet);
/* The raw XML of one part of the zip (say "xl/styles.xml"), or NULL. */
GBytes       *scs_xlsx_get_part              (ScsXlsx       *self,
                                              const char    *name);
GArray       *scs_xlsx_sheet_get_rows        (ScsXlsxSheet  *sheet);
/* FALSE when the cell (after following merges) is absent or empty. */
gboolean      scs_xlsx_sheet_get_cell        (ScsXlsxSheet  *sheet,
                                              guint          row,
                                              guint          column,
                                              ScsXlsxCell   *cell);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsXlsxSheet, scs_xlsx_sheet_free)

/* "A", "Z", "AA", …; caller frees. */
char         *scs_xlsx_column_name           (guint          column);
/* Decodes Excel's _xHHHH_ escapes (_x000D_ → CR, _x005F_ → '_'). */
char         *scs_xlsx_decode_escapes        (const char    *text);

G_END_DECLS
