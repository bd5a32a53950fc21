/* scs-fs.h: file-system rules every part of the process follows
 *
 * The file rule (docs/DESIGN.md): nothing in the process opens and closes a
 * workspace file outside SQLite while a connection to it may exist, because
 * closing any descriptor of a file drops every POSIX lock the process holds
 * on it — SQLite's included. Partial files and private folders are base's
 * scs-file.h.
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
/* Whether @path now leads to the file @hold was taken on, by device and
 * inode: a symbolic or hard link to it, or another spelling of its path
 * ("dir/../x", "//x", relative), is the same file. Opens nothing. */
gboolean   scs_fs_hold_is_file    (const ScsFsHold *hold,
                                   const char      *path);
/* How many holds the process has on @path's file (tests). */
guint      scs_fs_count_holds     (const char  *path);

G_END_DECLS
