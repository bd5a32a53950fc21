/* scs-fs.h: file-system rules every part of the process follows
 *
 * The file rule (docs/DESIGN.md): nothing in the process opens and closes a
 * workspace file outside SQLite while a connection to it may exist, because
 * closing any descriptor of a file drops every POSIX lock the process holds
 * on it — SQLite's included. Temporary files are named so that the next run
 * recognises and removes those an interrupted run left behind.
 *
 * Kept free of workspace types so it can move to a base library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ScsFsHold ScsFsHold;

/* Registers a connection about to be opened to @path, a regular file (any
 * other kind is refused with G_IO_ERROR_NOT_REGULAR_FILE without opening
 * it, so a FIFO cannot block). When the process holds no other connection
 * to the same file (device and inode) and @header is not NULL, reads up to
 * @header_size bytes of it with a descriptor that is closed before this
 * returns, and sets *@header_read; otherwise leaves the file unopened and
 * *@header_read FALSE: read the header through SQLite instead. Release the
 * hold after closing the connection. G_IO_ERROR otherwise. */
ScsFsHold *scs_fs_hold            (const char  *path,
                                   guint8      *header,
                                   gsize        header_size,
                                   gsize       *n_read,
                                   gboolean    *header_read,
                                   GError     **error);
void       scs_fs_release         (ScsFsHold   *hold);
/* How many holds the process has on @path's file (tests). */
guint      scs_fs_count_holds     (const char  *path);

/* Creates an empty file (mode 0600) next to @final_path named
 * ".BASE.scs-partial-PID-XXXXXX", after removing the ones in that folder
 * whose process is gone. Returns the descriptor and the name in @tmp_path,
 * or -1 with G_IO_ERROR. */
int        scs_fs_create_partial  (const char  *final_path,
                                   char       **tmp_path,
                                   GError     **error);
/* Removes the partial files of dead processes in @dir; returns how many. */
guint      scs_fs_remove_stale_partials (const char *dir);
gboolean   scs_fs_is_partial_name (const char  *basename);

/* The app's private folder for copies of evidence being shown (mode 0700,
 * under the user's runtime or cache folder), created when missing. */
char      *scs_fs_private_dir     (const char  *what,
                                   GError     **error);
/* Removes the private folders of processes that are gone (start-up). */
void       scs_fs_clean_private_dirs (const char *what);
/* Removes this process's private folder (when the copies are no longer shown). */
void       scs_fs_remove_private_dir (const char *what);

G_END_DECLS
