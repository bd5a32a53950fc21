/* scs-export-dialog.h: export the submission package, with progress and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_TYPE_EXPORT_DIALOG (scs_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsExportDialog, scs_export_dialog, SCS, EXPORT_DIALOG, AdwWindow)

/* Actions: export.choose (file chooser, which answers through
 * export.set-target), export.set-target (s: the package's path; ".scsp" is
 * added when missing), export.start, export.cancel, export.print (s: "" to
 * print the report, in the language chosen here, through the print dialog;
 * a path to write the same pages there as PDF, no dialog).
 * Signal ::finished (gboolean success) when an export ends. */
ScsExportDialog *scs_export_dialog_new        (GtkWindow       *parent,
                                               ScsWorkspace    *workspace);

/* Prints the report of @workspace through the print dialog, in the
 * report's language: the one declared, else @language, else Japanese
 * (never the window's). */
GtkPrintOperationResult scs_export_print_report (GtkWindow     *parent,
                                                 ScsWorkspace  *workspace,
                                                 const char    *language,
                                                 GError       **error);

G_END_DECLS
