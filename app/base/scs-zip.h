/* scs-zip.h: the one bounded ZIP reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_ZIP_ERROR (scs_zip_error_quark ())

/* The messages are details ("it has more than 4096 entries") for the
 * caller to put after its own words ("The package is refused: %s"). */
typedef enum
{
  SCS_ZIP_ERROR_NOT_ZIP,  /* not a ZIP archive, empty, damaged, unreadable */
  SCS_ZIP_ERROR_HOSTILE,  /* a name that could escape, a link, a name twice */
  SCS_ZIP_ERROR_LIMIT,    /* too many entries, too large, compression bomb */
} ScsZipError;

GQuark scs_zip_error_quark (void);

/* The limits every archive is read with (workbooks, packages), checked
 * against the sizes the headers declare and again against what actually
 * comes out, so a lying header gains nothing:
 * - at most SCS_ZIP_MAX_ENTRIES entries, names of at most SCS_ZIP_MAX_NAME
 *   bytes;
 * - one entry at most SCS_ZIP_MAX_ENTRY_SIZE, all of them together at most
 *   SCS_ZIP_MAX_TOTAL_SIZE, and never more than SCS_ZIP_MAX_RATIO times
 *   the archive's own size (plus SCS_ZIP_RATIO_FLOOR): a compression bomb
 *   stops at the limit, not at the end of memory. */
#define SCS_ZIP_MAX_ENTRIES     4096
#define SCS_ZIP_MAX_NAME        255
#define SCS_ZIP_MAX_ENTRY_SIZE  ((gint64) 256 * 1024 * 1024)
#define SCS_ZIP_MAX_TOTAL_SIZE  ((gint64) 1024 * 1024 * 1024)
#define SCS_ZIP_MAX_RATIO       100
#define SCS_ZIP_RATIO_FLOOR     ((gint64) 1024 * 1024)

typedef struct _ScsZipReader ScsZipReader;

/* A character that hides or reorders what a name shows (format
 * characters such as U+202E or U+200B, line and paragraph separators,
 * non-characters): refused in entry names, replaced by writers. */
gboolean      scs_zip_name_char_is_hidden   (gunichar       c);
/* A name (one path part) Windows reserves for a device: CON, PRN, AUX,
 * NUL, COM1–9, LPT1–9 in any case, with or without an extension
 * ("nul.txt", "Com1 .pdf"): refused in entry names, mapped by writers. */
gboolean      scs_zip_name_is_reserved      (const char    *part);

/* Names are read as UTF-8, which libarchive can do only in a UTF-8 locale
 * (the app's, set by setlocale()); elsewhere a non-ASCII name reads as no
 * name and is refused.
 *
 * Opens the archive and checks every header before any data is read:
 * entry count, names (valid UTF-8, relative, no "..", no backslash, colon
 * or control character, no character scs_zip_name_char_is_hidden(), no
 * trailing dot or space, none of < > " | ? * and no device name
 * scs_zip_name_is_reserved() in any part; two names
 * that differ only in letter case or Unicode form count as the same),
 * plain files only (no link, folder or device), declared sizes. */
ScsZipReader *scs_zip_reader_new_from_bytes (GBytes        *bytes,
                                             GError       **error);
ScsZipReader *scs_zip_reader_new_from_file  (const char    *path,
                                             GError       **error);
void          scs_zip_reader_free           (ScsZipReader  *self);

/* Moves to the next entry: TRUE with its name in *@name (valid until the
 * next call), FALSE at the end (@error unset) or on an error. */
gboolean      scs_zip_reader_next           (ScsZipReader  *self,
                                             const char   **name,
                                             GError       **error);
/* Reads the current entry's data: bytes read, 0 at its end, -1 on an
 * error (the limits above included). */
gssize        scs_zip_reader_read           (ScsZipReader  *self,
                                             void          *buffer,
                                             gsize          size,
                                             GError       **error);
/* The whole current entry, refused (SCS_ZIP_ERROR_LIMIT) past @max_size. */
GBytes       *scs_zip_reader_read_bytes     (ScsZipReader  *self,
                                             gsize          max_size,
                                             GError       **error);

/* For archives whose content is signed (submission packages): every byte
 * of the archive belongs to an entry's header, data or data descriptor,
 * the directory or its end record, so nothing can travel in it that no
 * signature covers. Refused (SCS_ZIP_ERROR_HOSTILE), naming the place:
 * bytes before, between or after the entries, an archive or entry
 * comment, an entry whose local header gives another name, sizes or
 * checksum than the directory (tools would show different files), extra
 * header fields other than timestamps and Unix owner, ZIP64 records and
 * encryption. The dates and permissions in the headers are not judged:
 * they are metadata no verification shows. */
gboolean      scs_zip_reader_check_layout   (ScsZipReader  *self,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsZipReader, scs_zip_reader_free)

/* Writing: a ZIP archive to @fd, the same bytes for the same entries (no
 * times, uid/gid 0, mode 0644, UTF-8 names), its SHA-256 computed on the
 * way. Errors are G_IO_ERROR (G_IO_ERROR_CANCELLED when cancelled). */
typedef struct _ScsZipWriter ScsZipWriter;

ScsZipWriter *scs_zip_writer_new            (int            fd,
                                             GError       **error);
/* @stored: no compression (data that is compressed already). */
gboolean      scs_zip_writer_add            (ScsZipWriter  *self,
                                             const char    *name,
                                             GBytes        *data,
                                             gboolean       stored,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* The same in pieces, for data that is never all in memory (evidence
 * streamed out of the workspace): begin with the entry's exact size,
 * write that many bytes in as many calls as wanted, end. */
gboolean      scs_zip_writer_begin          (ScsZipWriter  *self,
                                             const char    *name,
                                             guint64        size,
                                             gboolean       stored,
                                             GError       **error);
gboolean      scs_zip_writer_write          (ScsZipWriter  *self,
                                             const void    *data,
                                             gsize          size,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean      scs_zip_writer_end            (ScsZipWriter  *self,
                                             GError       **error);
/* Writes the central directory; the archive's SHA-256 (64 hex digits)
 * and size. @fd is left open. */
gboolean      scs_zip_writer_finish         (ScsZipWriter  *self,
                                             char         **sha256,
                                             guint64       *size,
                                             GError       **error);
void          scs_zip_writer_free           (ScsZipWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsZipWriter, scs_zip_writer_free)

G_END_DECLS
