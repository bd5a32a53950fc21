/* scs-import-columns.h: which column of an imported table holds what, and
 * a preview of the rows as they would be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One column of the file being imported, as the mapping list shows it:
 * properties "title" (its letter or number and header), "subtitle" (its
 * first values) and "choice" (what it is read as: 0 not imported, n the
 * n-th field of the import's choices). */
#define SCS_TYPE_IMPORT_COLUMN (scs_import_column_get_type ())
G_DECLARE_FINAL_TYPE (ScsImportColumn, scs_import_column, SCS, IMPORT_COLUMN, GObject)

/* @name: the row's widget name (NULL: none). */
ScsImportColumn *scs_import_column_new        (guint            index,
                                               const char      *name,
                                               const char      *title,
                                               const char      *subtitle);
void             scs_import_column_set_choice (ScsImportColumn *self,
                                               guint            choice);

/* Called when the user picks @choice for column @index in its row; the
 * caller maps the column and sets every column's choice to what it is
 * read as now (a row left showing something else is put back). */
typedef void (*ScsImportColumnChosen) (guint    index,
                                       guint    choice,
                                       gpointer user_data);

/* Binds @list to @columns (of ScsImportColumn): one combo row per column
 * offering @choices (a GListModel of GtkStringObject: "not imported",
 * then the fields). */
void scs_import_columns_bind (GtkListBox            *list,
                              GListModel            *columns,
                              GListModel            *choices,
                              ScsImportColumnChosen  chosen,
                              gpointer               user_data);

/* One row of the preview: its line in the file and its cells in the
 * preview's column order (property "cells"), some of them marked as
 * refused. */
#define SCS_TYPE_IMPORT_ROW (scs_import_row_get_type ())
G_DECLARE_FINAL_TYPE (ScsImportRow, scs_import_row, SCS, IMPORT_ROW, GObject)

ScsImportRow *scs_import_row_new        (guint         line,
                                         GStrv         cells);
void          scs_import_row_mark_error (ScsImportRow *self,
                                         guint         cell);

/* Shows @rows (of ScsImportRow) in @view: a first column @line_title with
 * each row's line (none when NULL), then one column per title. */
void scs_import_preview_show (GtkColumnView      *view,
                              const char         *line_title,
                              const char * const *titles,
                              GListModel         *rows);

G_END_DECLS
