/* scs-xlsx-writer.h: a table as a formatted Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @rows: GStrv rows of @n_columns cells, the header first. @widths (in
 * characters) and @wrap per column; @date_column (or -1) holds
 * YYYY-MM-DD dates written as dates. The same rows give the same bytes.
 * Fails (G_IO_ERROR) only when the temporary file cannot be written. */
GBytes *scs_xlsx_write_table (const char      *sheet_name,
                              GPtrArray       *rows,
                              guint            n_columns,
                              const double    *widths,
                              const gboolean  *wrap,
                              int              date_column,
                              GError         **error);

G_END_DECLS
