/* scs-catalog-import.h: the official IPA workbook (.xlsx) → a catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-catalog.h"

G_BEGIN_DECLS

#define SCS_CATALOG_IMPORT_ERROR (scs_catalog_import_error_quark ())

typedef enum
{
  SCS_CATALOG_IMPORT_ERROR_LAYOUT,   /* no sheet with the expected columns */
  SCS_CATALOG_IMPORT_ERROR_CONTENT,  /* a cell the importer does not understand */
  SCS_CATALOG_IMPORT_ERROR_DATE,     /* no usable publication date */
  SCS_CATALOG_IMPORT_ERROR_INVALID,  /* the result is not a valid catalog */
} ScsCatalogImportError;

GQuark scs_catalog_import_error_quark (void);

/* The columns the importer needs, in the order of the known layout. */
typedef enum
{
  SCS_IMPORT_COLUMN_CATEGORY,          /* C: 大分類 */
  SCS_IMPORT_COLUMN_REQUIREMENT_ID,    /* F: 要求事項 No. */
  SCS_IMPORT_COLUMN_REQUIREMENT_TEXT,  /* J: 要求事項 */
  SCS_IMPORT_COLUMN_LEVEL,             /* K: ★3 / ★4 */
  SCS_IMPORT_COLUMN_CRITERION_ID,      /* L: 評価基準 No. */
  SCS_IMPORT_COLUMN_CRITERION_TEXT,    /* M: 評価基準 */
  SCS_IMPORT_N_COLUMNS
} ScsImportColumn;

/* Imports a workbook in the official layout. @date ("YYYY-MM-DD") is the
 * publication date; NULL takes it from the workbook's core properties
 * (dcterms:modified, else dcterms:created). @sheet_out / @columns_out
 * (nullable) receive the sheet used and the 1-based columns found.
 * Everything is checked before the catalog is built: on error nothing is
 * returned. The result is Japanese only (the official wording), with
 * source="official" and the workbook's SHA-256. */
ScsCatalog *scs_catalog_import_xlsx        (GBytes        *workbook,
                                            const char    *date,
                                            GCancellable  *cancellable,
                                            GError       **error);
ScsCatalog *scs_catalog_import_xlsx_file   (const char    *path,
                                            const char    *date,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* Writes the catalog's XML to @path atomically. */
gboolean    scs_catalog_save               (ScsCatalog    *catalog,
                                            const char    *path,
                                            GError       **error);

G_END_DECLS
