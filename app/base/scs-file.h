/* scs-file.h: partial files, private folders, moving a file into place
 *
 * Workspace-agnostic file-system steps (the connection registry that keeps
 * the file rule is core's scs-fs.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Creates an empty file (mode 0600) next to @final_path named
 * ".BASE.scs-partial-PID-XXXXXX", after removing the ones in that folder
 * whose process is gone. Returns the descriptor and the name in @tmp_path,
 * or -1 with G_IO_ERROR. */
int        scs_file_create_partial  (const char  *final_path,
                                   char       **tmp_path,
                                   GError     **error);
/* Removes the partial files of dead processes in @dir; returns how many. */
guint      scs_file_remove_stale_partials (const char *dir);
gboolean   scs_file_is_partial_name (const char  *basename);

/* The app's private folder for copies of evidence being shown (mode 0700,
 * under the user's runtime or cache folder), created when missing. */
char      *scs_file_private_dir     (const char  *what,
                                   GError     **error);
/* Removes the private folders of processes that are gone (start-up). */
void       scs_file_clean_private_dirs (const char *what);
/* Removes this process's private folder (when the copies are no longer shown). */
void       scs_file_remove_private_dir (const char *what);

/* fsync() of the folder @dir, so a file created, renamed or removed in it
 * stays so after a power cut. Best effort. */
void       scs_file_sync_directory   (const char  *dir);
/* Moves @from to @to unless @to exists (G_IO_ERROR_EXISTS), then syncs
 * the folder. */
gboolean   scs_file_rename_no_replace (const char  *from,
                                       const char  *to,
                                       GError     **error);

/* Replaces @path with @data through a partial file (synced, renamed over
 * it, the folder synced): a reader sees the old or the new file; a killed
 * writer leaves only a partial the next writer removes. G_IO_ERROR. */
gboolean   scs_file_set_contents      (const char  *path,
                                       const void  *data,
                                       gsize        length,
                                       int          mode,
                                       GError     **error);

G_END_DECLS
