/* scs-zip.c: the one bounded ZIP reader
 *
 * Workbooks and submission packages are ZIP archives anybody can craft.
 * Both are read here, with libarchive, in two passes: the headers first
 * (names, kinds, declared sizes), then the data, counted as it comes out,
 * so neither a lying header nor a compression bomb gets further than the
 * documented limits of scs-zip.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-zip.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>

#include "scs-sha256.h"

G_DEFINE_QUARK (scs-zip-error-quark, scs_zip_error)

struct _ScsZipReader
{
  GBytes          *bytes;   /* one of bytes … */
  char            *path;    /* … or path */
  gint64           archive_size;
  struct archive  *archive;
  char            *name;    /* the current entry */
  gint64           entry_size;
  gint64           total;
};

/* libarchive's own messages are English only: the ones a damaged or forged
 * zip gives are said in the user's language, anything else as it came. */
static const struct
{
  const char *prefix;
  const char *said;
} archive_messages[] = {
  { "ZIP bad CRC", N_("the data does not match its recorded checksum") },
  { "ZIP compressed data is wrong size", N_("the data is not the size recorded for it") },
  { "ZIP uncompressed data is wrong size", N_("the data is not the size recorded for it") },
  { "Truncated ZIP", N_("the archive ends too early") },
  { "Truncated Zip", N_("the archive ends too early") },
  { "Corrupted ZIP file data", N_("the compressed data is damaged") },
  { "ZIP decompression failed", N_("the compressed data is damaged") },
  { "Invalid compressed data", N_("the compressed data is damaged") },
  { "Damaged Zip archive", N_("the archive’s structure is damaged") },
  { "Unsupported ZIP compression method", N_("it uses a compression method that is not supported") },
  { "Encryption", N_("it is encrypted") },
};

static const char *
archive_message (struct archive *archive)
{
  const char *message = archive_error_string (archive);

  if (message == NULL)
    return "?";
  for (gsize i = 0; i < G_N_ELEMENTS (archive_messages); i++)
    if (g_str_has_prefix (message, archive_messages[i].prefix))
      return _(archive_messages[i].said);
  return message;
}

/* The name as UTF-8 whatever the locale (libarchive's locale conversion
 * fails for Japanese names under LC_ALL=C); raw bytes when it is not
 * UTF-8, for name_is_safe() to refuse. */
static const char *
entry_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  return name != NULL ? name : archive_entry_pathname (entry);
}

static struct archive *
open_archive (ScsZipReader  *self,
              GError       **error)
{
  struct archive *archive = archive_read_new ();
  int ret;

  archive_read_support_format_zip_seekable (archive);
  archive_read_set_options (archive, "zip:hdrcharset=UTF-8");
  if (self->bytes != NULL)
    ret = archive_read_open_memory (archive, g_bytes_get_data (self->bytes, NULL),
                                    g_bytes_get_size (self->bytes));
  else
    ret = archive_read_open_filename (archive, self->path, 64 * 1024);
  if (ret != ARCHIVE_OK)
    {
      g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP,
                   _("it is not a zip archive (%s)"), archive_message (archive));
      archive_read_free (archive);
      return NULL;
    }
  return archive;
}

gboolean
scs_zip_name_char_is_hidden (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  /* format characters: bidirectional controls, zero-width ones, the BOM,
   * tag characters; line and paragraph separators; non-characters */
  return type == G_UNICODE_FORMAT || type == G_UNICODE_LINE_SEPARATOR ||
         type == G_UNICODE_PARAGRAPH_SEPARATOR || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

gboolean
scs_zip_name_is_reserved (const char *part)
{
  static const char *const devices[] = { "CON", "PRN", "AUX", "NUL" };
  const char *dot = strchr (part, '.');
  gsize length = dot != NULL ? (gsize) (dot - part) : strlen (part);

  /* Windows ignores spaces between the device name and the extension */
  while (length > 0 && part[length - 1] == ' ')
    length--;
  if (length == 4 && part[3] >= '1' && part[3] <= '9' &&
      (g_ascii_strncasecmp (part, "COM", 3) == 0 || g_ascii_strncasecmp (part, "LPT", 3) == 0))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (devices) && length == 3; i++)
    if (g_ascii_strncasecmp (part, devices[i], 3) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
name_is_safe (const char  *name,
              GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (name, -1);

      g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE,
                   _("the entry name ‘%s’ is not valid UTF-8"), shown);
      return FALSE;
    }
  if (*name == '\0' || strlen (name) > SCS_ZIP_MAX_NAME || name[0] == '/' ||
      strchr (name, '\\') != NULL || strchr (name, ':') != NULL)
    goto bad;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        goto bad;
      if (scs_zip_name_char_is_hidden (c))
        {
          g_autofree char *shown = g_strescape (name, NULL);

          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE,
                       _("the entry name ‘%s’ holds an invisible or direction-changing character (U+%04X): "
                         "tools would show it as another name"), shown, c);
          return FALSE;
        }
    }
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize length = strlen (parts[i]);

      if ((parts[i][0] == '\0' && parts[i + 1] != NULL) ||
          g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        goto bad;
      /* Windows drops a trailing dot or space and refuses these: such a
       * name is extracted as another one, or not at all */
      if ((length > 0 && (parts[i][length - 1] == '.' || parts[i][length - 1] == ' ')) ||
          strpbrk (parts[i], "<>\"|?*") != NULL)
        {
          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE,
                       _("the entry name ‘%s’ ends in a dot or space or holds one of < > \" | ? *: "
                         "Windows would extract it under another name or not at all"), name);
          return FALSE;
        }
      if (scs_zip_name_is_reserved (parts[i]))
        {
          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE,
                       _("the entry name ‘%s’ holds ‘%s’, a device name Windows reserves: "
                         "it cannot be extracted there"), name, parts[i]);
          return FALSE;
        }
    }
  return TRUE;

bad:
  {
    g_autofree char *shown = g_strescape (name, NULL);

    g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE,
                 _("the entry name ‘%s’ could escape the folder it is extracted to"), shown);
  }
  return FALSE;
}

/* Pass 1: headers only. */
static gboolean
check_headers (ScsZipReader  *self,
               GError       **error)
{
  struct archive *archive = open_archive (self, error);
  struct archive_entry *entry;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 declared = 0;
  guint n = 0;
  gboolean ok = FALSE;
  int ret;

  if (archive == NULL)
    return FALSE;
  /* ARCHIVE_WARN: e.g. a name that is not in the declared charset; the
   * entry is still there and its name is judged below. */
  while ((ret = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || ret == ARCHIVE_WARN)
    {
      const char *name = entry_name (entry);
      g_autofree char *normal = NULL;
      g_autofree char *key = NULL;

      if (++n > SCS_ZIP_MAX_ENTRIES)
        {
          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT,
                       _("it has more than %d entries"), SCS_ZIP_MAX_ENTRIES);
          goto out;
        }
      if (name == NULL)
        {
          g_set_error_literal (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE, _("an entry has no name"));
          goto out;
        }
      if (!name_is_safe (name, error))
        goto out;
      if (archive_entry_filetype (entry) != AE_IFREG || archive_entry_hardlink (entry) != NULL ||
          archive_entry_symlink (entry) != NULL)
        {
          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE,
                       _("the entry ‘%s’ is a link, folder or device, not a plain file"), name);
          goto out;
        }
      /* Two entries with one name: which one a tool reads is a guess, so a
       * crafted archive could show different content to different tools. */
      normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
      key = g_utf8_casefold (normal, -1);
      if (g_hash_table_contains (names, key))
        {
          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE,
                       _("the entry name ‘%s’ occurs twice (letter case and Unicode form ignored)"), name);
          goto out;
        }
      g_hash_table_add (names, g_steal_pointer (&key));
      if (archive_entry_size_is_set (entry))
        {
          gint64 size = archive_entry_size (entry);

          if (size < 0 || size > SCS_ZIP_MAX_ENTRY_SIZE)
            {
              g_autofree char *shown = g_format_size_full (MAX (size, 0), G_FORMAT_SIZE_IEC_UNITS);

              g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT,
                           _("the entry ‘%s’ is larger than the limit (%s)"), name, shown);
              goto out;
            }
          declared += size;
          if (declared > SCS_ZIP_MAX_TOTAL_SIZE)
            {
              g_autofree char *limit = g_format_size_full (SCS_ZIP_MAX_TOTAL_SIZE, G_FORMAT_SIZE_IEC_UNITS);

              g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT,
                           _("it expands to more than %s"), limit);
              goto out;
            }
        }
    }
  if (ret != ARCHIVE_EOF)
    {
      g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP,
                   _("it is damaged: %s"), archive_message (archive));
      goto out;
    }
  if (n == 0)
    {
      g_set_error_literal (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP, _("it is empty"));
      goto out;
    }
  ok = TRUE;

out:
  archive_read_free (archive);
  return ok;
}

static ScsZipReader *
open_checked (ScsZipReader  *self,
              GError       **error)
{
  if (!check_headers (self, error) || (self->archive = open_archive (self, error)) == NULL)
    {
      scs_zip_reader_free (self);
      return NULL;
    }
  return self;
}

ScsZipReader *
scs_zip_reader_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  ScsZipReader *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (ScsZipReader, 1);
  self->bytes = g_bytes_ref (bytes);
  self->archive_size = (gint64) g_bytes_get_size (bytes);
  return open_checked (self, error);
}

ScsZipReader *
scs_zip_reader_new_from_file (const char  *path,
                              GError     **error)
{
  ScsZipReader *self;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (ScsZipReader, 1);
  self->path = g_strdup (path);
  if (g_stat (path, &st) == 0)
    self->archive_size = st.st_size;
  return open_checked (self, error);
}

void
scs_zip_reader_free (ScsZipReader *self)
{
  if (self == NULL)
    return;
  if (self->archive != NULL)
    archive_read_free (self->archive);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->path);
  g_free (self->name);
  g_free (self);
}

gboolean
scs_zip_reader_next (ScsZipReader  *self,
                     const char   **name,
                     GError       **error)
{
  struct archive_entry *entry;
  int ret;

  g_return_val_if_fail (self != NULL && name != NULL, FALSE);

  *name = NULL;
  ret = archive_read_next_header (self->archive, &entry);
  if (ret == ARCHIVE_EOF)
    return FALSE;
  if ((ret != ARCHIVE_OK && ret != ARCHIVE_WARN) || entry_name (entry) == NULL)
    {
      g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP,
                   _("it is damaged: %s"), archive_message (self->archive));
      return FALSE;
    }
  g_free (self->name);
  self->name = g_strdup (entry_name (entry));
  self->entry_size = 0;
  *name = self->name;
  return TRUE;
}

gssize
scs_zip_reader_read (ScsZipReader  *self,
                     void          *buffer,
                     gsize          size,
                     GError       **error)
{
  gint64 ratio_limit;
  la_ssize_t got;

  g_return_val_if_fail (self != NULL && self->name != NULL, -1);

  got = archive_read_data (self->archive, buffer, size);
  if (got < 0)
    {
      g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP,
                   _("the entry ‘%s’ cannot be read: %s"), self->name, archive_message (self->archive));
      return -1;
    }
  /* The sizes in the headers may lie: count what actually comes out. */
  self->entry_size += got;
  self->total += got;
  ratio_limit = MAX (SCS_ZIP_RATIO_FLOOR, self->archive_size * SCS_ZIP_MAX_RATIO);
  if (self->entry_size > SCS_ZIP_MAX_ENTRY_SIZE || self->total > SCS_ZIP_MAX_TOTAL_SIZE ||
      self->total > ratio_limit)
    {
      g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT,
                   _("the entry ‘%s’ expands beyond the size or compression-ratio limit "
                     "(a possible compression bomb)"), self->name);
      return -1;
    }
  return got;
}

GBytes *
scs_zip_reader_read_bytes (ScsZipReader  *self,
                           gsize          max_size,
                           GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[16384];
  gssize got;

  while ((got = scs_zip_reader_read (self, chunk, sizeof chunk, error)) > 0)
    {
      if (data->len + (gsize) got > max_size)
        {
          g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT,
                       _("the entry ‘%s’ is larger than %s"), self->name, limit);
          return NULL;
        }
      g_byte_array_append (data, chunk, (guint) got);
    }
  if (got < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* ------------------------------------------------------------------------ */
/* The layout: no byte outside the entries                                   */

#define SIG_LOCAL          0x04034b50
#define SIG_CENTRAL        0x02014b50
#define SIG_END            0x06054b50
#define SIG_DESCRIPTOR     0x08074b50
#define SIG_ZIP64_LOCATOR  0x07064b50
#define END_SIZE           22
#define CENTRAL_SIZE       46
#define LOCAL_SIZE         30
#define FLAG_ENCRYPTED     0x0001
#define FLAG_DESCRIPTOR    0x0008
#define FLAG_UTF8          0x0800
/* 4096 entries of at most 46 + 255 + 2 × 64 KiB bytes would be 530 MiB;
 * a package's directory, with its short extra fields, stays far below. */
#define MAX_DIRECTORY_SIZE (16 * 1024 * 1024)

typedef struct
{
  ScsZipReader *reader;
  int           fd;     /* -1 when reading bytes */
  gint64        size;
} Layout;

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* FALSE if the range is not all inside the archive. */
static gboolean
read_at (Layout  *layout,
         gint64   offset,
         void    *buffer,
         gsize    length)
{
  gsize done = 0;

  if (offset < 0 || (gint64) length > layout->size || offset > layout->size - (gint64) length)
    return FALSE;
  if (layout->fd < 0)
    {
      memcpy (buffer, (const guint8 *) g_bytes_get_data (layout->reader->bytes, NULL) + offset, length);
      return TRUE;
    }
  while (done < length)
    {
      ssize_t got = pread (layout->fd, (guint8 *) buffer + done, length - done, offset + (gint64) done);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        return FALSE;
      done += (gsize) got;
    }
  return TRUE;
}

/* Extra header fields of the two kinds ZIP writers put on every entry, and
 * nothing else: the extended timestamp (flags and at most three times) and
 * the Unix owner (version 1, uid and gid of at most 8 bytes each), each at
 * most once. Any other kind could hold anything (a Unicode path that some
 * tools show instead of the name, or a payload), and so could thousands of
 * timestamps; *@unknown says which was found. */
static gboolean
extra_is_known (const guint8 *extra,
                gsize         length,
                guint        *unknown)
{
  gboolean seen_time = FALSE, seen_owner = FALSE;

  *unknown = 0;
  while (length > 0)
    {
      guint id, size;

      if (length < 4)
        return FALSE;
      id = le16 (extra);
      size = le16 (extra + 2);
      if (size > length - 4)
        return FALSE;
      *unknown = id;
      if (id == 0x5455)
        {
          if (seen_time || size < 1 || size > 13 || (size - 1) % 4 != 0)
            return FALSE;
          seen_time = TRUE;
        }
      else if (id == 0x7875)
        {
          if (seen_owner)
            return FALSE;
          seen_owner = TRUE;
          guint uid_size, gid_size;

          if (size < 3 || extra[4] != 1 || (uid_size = extra[5]) > 8 || 3 + uid_size > size)
            return FALSE;
          gid_size = extra[6 + uid_size];
          if (gid_size > 8 || 3 + uid_size + gid_size != size)
            return FALSE;
        }
      else
        return FALSE;
      extra += 4 + size;
      length -= 4 + size;
    }
  *unknown = 0;
  return TRUE;
}

static gboolean
hostile (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
hostile (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE, format, args));
  va_end (args);
  return FALSE;
}

/* "24 bytes", "1.0 KiB (1,002 bytes)": exact, in the reader's language. */
static char *
bytes_text (gint64 count)
{
  return g_format_size_full ((guint64) count, G_FORMAT_SIZE_LONG_FORMAT | G_FORMAT_SIZE_IEC_UNITS);
}

static gboolean
damaged (GError **error)
{
  g_set_error_literal (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP,
                       _("it is damaged: its directory does not match its entries"));
  return FALSE;
}

/* No end record in the last 22 bytes: say what follows the last one. */
static gboolean
explain_end (Layout  *layout,
             GError **error)
{
  gint64 from = MAX (0, layout->size - END_SIZE - 65535);
  gsize length = (gsize) (layout->size - from);
  g_autofree guint8 *tail = g_malloc (length);

  if (length >= END_SIZE && read_at (layout, from, tail, length))
    for (gsize i = length - END_SIZE + 1; i-- > 0;)
      if (le32 (tail + i) == SIG_END)
        {
          gint64 after = (gint64) (length - i - END_SIZE);
          g_autofree char *shown = bytes_text (after);

          if (le16 (tail + i + 20) == after)
            return hostile (error, _("it carries an archive comment of %s, which no signature covers"),
                            shown);
          return hostile (error, _("%s follow the end of the archive, which no signature covers"), shown);
        }
  g_set_error_literal (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP,
                       _("it is damaged: the end of its directory is missing"));
  return FALSE;
}

/* One entry of the directory at @entry, its local header and data: every
 * byte from *@expected on belongs to it, and both headers say the same. */
static gboolean
check_entry (Layout        *layout,
             const guint8  *entry,
             gint64         directory_offset,
             gint64        *expected,
             GError       **error)
{
  guint flags = le16 (entry + 8), method = le16 (entry + 10);
  guint32 crc = le32 (entry + 16), packed = le32 (entry + 20), size = le32 (entry + 24);
  guint name_length = le16 (entry + 28), extra_length = le16 (entry + 30);
  gint64 offset = le32 (entry + 42);
  g_autofree char *name = g_utf8_make_valid ((const char *) entry + CENTRAL_SIZE, name_length);
  guint8 local[LOCAL_SIZE + 2 * 65535];
  guint local_name_length, local_extra_length, unknown;
  gint64 end;

  if (le16 (entry + 32) != 0)
    return hostile (error, _("the entry ‘%s’ carries a comment, which no signature covers"), name);
  /* every tool ends the name at a NUL: what follows it is covered by nothing */
  if (memchr (entry + CENTRAL_SIZE, '\0', name_length) != NULL)
    return hostile (error, _("the name of the entry ‘%s’ goes on after a NUL byte, which no signature "
                             "covers"), name);
  /* without the flag, Windows, Python and others read the name in a DOS
   * code page (evidence/方針.txt as evidence/µû╣Θç¥.txt), which nothing signed */
  if (!(flags & FLAG_UTF8))
    for (guint i = 0; i < name_length; i++)
      if (entry[CENTRAL_SIZE + i] >= 0x80)
        return hostile (error, _("the name of the entry ‘%s’ is not marked as UTF-8, so other tools "
                                 "would show it under another name"), name);
  if (packed == 0xffffffff || size == 0xffffffff || offset == 0xffffffff)
    return hostile (error, _("the entry ‘%s’ uses ZIP64 sizes, which a package never needs"), name);
  if (flags & FLAG_ENCRYPTED)
    return hostile (error, _("the entry ‘%s’ is encrypted"), name);
  if (!extra_is_known (entry + CENTRAL_SIZE + name_length, extra_length, &unknown))
    return hostile (error, _("the entry ‘%s’ carries extra header data of a kind a package never "
                             "has (0x%04x)"), name, unknown);
  if (offset > *expected)
    {
      g_autofree char *shown = bytes_text (offset - *expected);

      return hostile (error, _("%s before the entry ‘%s’ belong to no entry"), shown, name);
    }
  if (offset < *expected)
    return hostile (error, _("the entry ‘%s’ overlaps the entry before it"), name);

  if (!read_at (layout, offset, local, LOCAL_SIZE) || le32 (local) != SIG_LOCAL)
    return damaged (error);
  local_name_length = le16 (local + 26);
  local_extra_length = le16 (local + 28);
  if (!read_at (layout, offset + LOCAL_SIZE, local + LOCAL_SIZE, local_name_length + local_extra_length))
    return damaged (error);
  if (local_name_length != name_length ||
      memcmp (local + LOCAL_SIZE, entry + CENTRAL_SIZE, name_length) != 0)
    {
      g_autofree char *other = g_utf8_make_valid ((const char *) local + LOCAL_SIZE, local_name_length);

      return hostile (error, _("the entry ‘%s’ is named ‘%s’ in the archive’s directory: tools would "
                               "show different files"), other, name);
    }
  if (!extra_is_known (local + LOCAL_SIZE + name_length, local_extra_length, &unknown))
    return hostile (error, _("the entry ‘%s’ carries extra header data of a kind a package never "
                             "has (0x%04x)"), name, unknown);
  /* With a data descriptor the local sizes may be 0, to be given after the data. */
  if (le16 (local + 6) != flags || le16 (local + 8) != method ||
      !((le32 (local + 14) == crc && le32 (local + 18) == packed && le32 (local + 22) == size) ||
        ((flags & FLAG_DESCRIPTOR) && (le32 (local + 14) == 0 || le32 (local + 14) == crc) &&
         (le32 (local + 18) == 0 || le32 (local + 18) == packed) &&
         (le32 (local + 22) == 0 || le32 (local + 22) == size))))
    return hostile (error, _("the headers of the entry ‘%s’ disagree with the archive’s directory"), name);

  end = offset + LOCAL_SIZE + local_name_length + local_extra_length + packed;
  if (flags & FLAG_DESCRIPTOR)
    {
      guint8 d[16];
      gboolean with_signature;

      if (!read_at (layout, end, d, 12))
        return damaged (error);
      with_signature = le32 (d) == SIG_DESCRIPTOR;
      if (with_signature && !read_at (layout, end, d, 16))
        return damaged (error);
      if (le32 (d + with_signature * 4) != crc || le32 (d + 4 + with_signature * 4) != packed ||
          le32 (d + 8 + with_signature * 4) != size)
        return hostile (error, _("the headers of the entry ‘%s’ disagree with the archive’s directory"),
                        name);
      end += with_signature ? 16 : 12;
    }
  if (end > directory_offset)
    return damaged (error);
  *expected = end;
  return TRUE;
}

gboolean
scs_zip_reader_check_layout (ScsZipReader  *self,
                             GError       **error)
{
  Layout layout = { self, -1, self->archive_size };
  g_autofree guint8 *directory = NULL;
  guint8 end[END_SIZE], locator[4];
  gint64 end_offset, directory_offset, directory_size, expected = 0, position = 0;
  guint entries;
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->path != NULL)
    {
      GStatBuf st;

      layout.fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
      if (layout.fd < 0 || fstat (layout.fd, &st) != 0)
        {
          int saved = errno;

          g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP,
                       _("it cannot be read: %s"), g_strerror (saved));
          goto out;
        }
      layout.size = st.st_size;
    }

  end_offset = layout.size - END_SIZE;
  if (!read_at (&layout, end_offset, end, END_SIZE) || le32 (end) != SIG_END || le16 (end + 20) != 0)
    {
      explain_end (&layout, error);
      goto out;
    }
  entries = le16 (end + 10);
  directory_size = le32 (end + 12);
  directory_offset = le32 (end + 16);
  if (entries == 0xffff || directory_size == 0xffffffff || directory_offset == 0xffffffff ||
      (read_at (&layout, end_offset - 20, locator, 4) && le32 (locator) == SIG_ZIP64_LOCATOR))
    {
      hostile (error, _("it uses ZIP64 records, which a package never needs"));
      goto out;
    }
  if (le16 (end + 4) != 0 || le16 (end + 6) != 0 || le16 (end + 8) != entries ||
      directory_offset + directory_size > end_offset)
    {
      damaged (error);
      goto out;
    }
  if (directory_offset + directory_size < end_offset)
    {
      gint64 shift = end_offset - directory_size - directory_offset;
      g_autofree char *shown = bytes_text (shift);

      /* The usual way to put something in front: the offsets left as they were. */
      if (read_at (&layout, shift, locator, 4) && le32 (locator) == SIG_LOCAL)
        hostile (error, _("%s come before the archive’s first entry, which no signature covers"), shown);
      else
        hostile (error, _("%s between the archive’s directory and its end belong to no entry"), shown);
      goto out;
    }
  if (directory_size > MAX_DIRECTORY_SIZE)
    {
      g_set_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT,
                   _("its directory is larger than %d MiB"), MAX_DIRECTORY_SIZE >> 20);
      goto out;
    }
  directory = g_malloc (MAX (directory_size, 1));
  if (!read_at (&layout, directory_offset, directory, directory_size))
    {
      damaged (error);
      goto out;
    }
  for (guint i = 0; i < entries; i++)
    {
      const guint8 *entry = directory + position;

      if (position + CENTRAL_SIZE > directory_size || le32 (entry) != SIG_CENTRAL ||
          position + CENTRAL_SIZE + le16 (entry + 28) + le16 (entry + 30) + le16 (entry + 32) > directory_size ||
          le16 (entry + 34) != 0)
        {
          damaged (error);
          goto out;
        }
      if (!check_entry (&layout, entry, directory_offset, &expected, error))
        goto out;
      position += CENTRAL_SIZE + le16 (entry + 28) + le16 (entry + 30) + le16 (entry + 32);
    }
  if (position != directory_size)
    {
      g_autofree char *shown = bytes_text (directory_size - position);

      hostile (error, _("the archive’s directory holds %s that belong to no entry"), shown);
      goto out;
    }
  if (expected != directory_offset)
    {
      g_autofree char *shown = bytes_text (directory_offset - expected);

      hostile (error, _("%s between the last entry and the archive’s directory belong to no entry"),
               shown);
      goto out;
    }
  ok = TRUE;

out:
  if (layout.fd >= 0)
    close (layout.fd);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

struct _ScsZipWriter
{
  struct archive   *archive;
  int               fd;
  ScsSha256        *hash;        /* NULL once finished */
  guint64           size;
  int               sink_errno;  /* the first failed write to fd, 0 if none */
};

static gboolean
writer_failed (ScsZipWriter  *self,
               GError       **error)
{
  const char *message = self->sink_errno != 0 ? g_strerror (self->sink_errno)
                                              : archive_error_string (self->archive);
  int code = self->sink_errno != 0 ? self->sink_errno : archive_errno (self->archive);

  g_set_error_literal (error, G_IO_ERROR, code > 0 ? g_io_error_from_errno (code) : G_IO_ERROR_FAILED,
                       message != NULL ? message : g_strerror (code > 0 ? code : EIO));
  return FALSE;
}

/* Where libarchive writes: the file, and the SHA-256 on the way. A failed
 * write (a full disk) is remembered and the rest of the output dropped,
 * rather than reported to libarchive: an archive in its fatal state is
 * freed without ending the entry being deflated, and zlib's state leaks
 * (libarchive 3.6). Every step of the writer checks sink_errno. */
static la_ssize_t
sink_write (struct archive *archive,
            void           *data,
            const void     *buffer,
            size_t          length)
{
  ScsZipWriter *self = data;
  const guint8 *bytes = buffer;
  size_t done = 0;

  while (done < length && self->sink_errno == 0)
    {
      ssize_t n = write (self->fd, bytes + done, length - done);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          self->sink_errno = errno;
          return length;
        }
      done += n;
    }
  if (self->sink_errno != 0)
    return length;
  if (self->hash != NULL)
    scs_sha256_update (self->hash, buffer, length);
  self->size += length;
  return length;
}

ScsZipWriter *
scs_zip_writer_new (int      fd,
                    GError **error)
{
  ScsZipWriter *self = g_new0 (ScsZipWriter, 1);

  self->fd = fd;
  self->archive = archive_write_new ();
  self->hash = scs_sha256_new ();
  if (archive_write_set_format_zip (self->archive) != ARCHIVE_OK ||
      archive_write_set_format_option (self->archive, "zip", "hdrcharset", "UTF-8") != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block (self->archive, 1) != ARCHIVE_OK ||
      archive_write_open (self->archive, self, NULL, sink_write, NULL) != ARCHIVE_OK ||
      self->sink_errno != 0)
    {
      writer_failed (self, error);
      scs_zip_writer_free (self);
      return NULL;
    }
  return self;
}

gboolean
scs_zip_writer_begin (ScsZipWriter  *self,
                      const char    *name,
                      guint64        size,
                      gboolean       stored,
                      GError       **error)
{
  struct archive_entry *entry;

  g_return_val_if_fail (self != NULL && name != NULL, FALSE);

  /* per entry; the option string form is only accepted before opening */
  if ((stored ? archive_write_zip_set_compression_store (self->archive)
              : archive_write_zip_set_compression_deflate (self->archive)) != ARCHIVE_OK)
    return writer_failed (self, error);
  entry = archive_entry_new ();
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_uid (entry, 0);
  archive_entry_set_gid (entry, 0);
  /* No times at all: the same entries give the same bytes. */
  if (archive_write_header (self->archive, entry) != ARCHIVE_OK || self->sink_errno != 0)
    {
      archive_entry_free (entry);
      return writer_failed (self, error);
    }
  archive_entry_free (entry);
  return TRUE;
}

gboolean
scs_zip_writer_write (ScsZipWriter  *self,
                      const void    *data,
                      gsize          size,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const guint8 *bytes = data;
  gsize done = 0;

  g_return_val_if_fail (self != NULL && (data != NULL || size == 0), FALSE);

  while (done < size)
    {
      gsize chunk = MIN (size - done, 1024 * 1024);
      la_ssize_t written;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      written = archive_write_data (self->archive, bytes + done, chunk);
      if (written < 0 || self->sink_errno != 0)
        return writer_failed (self, error);
      done += written;
    }
  return TRUE;
}

gboolean
scs_zip_writer_end (ScsZipWriter  *self,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (archive_write_finish_entry (self->archive) != ARCHIVE_OK || self->sink_errno != 0)
    return writer_failed (self, error);
  return TRUE;
}

gboolean
scs_zip_writer_add (ScsZipWriter  *self,
                    const char    *name,
                    GBytes        *data,
                    gboolean       stored,
                    GCancellable  *cancellable,
                    GError       **error)
{
  const guint8 *bytes;
  gsize size;

  g_return_val_if_fail (self != NULL && name != NULL && data != NULL, FALSE);

  bytes = g_bytes_get_data (data, &size);
  return scs_zip_writer_begin (self, name, size, stored, error) &&
         scs_zip_writer_write (self, bytes, size, cancellable, error) &&
         scs_zip_writer_end (self, error);
}

gboolean
scs_zip_writer_finish (ScsZipWriter  *self,
                       char         **sha256,
                       guint64       *size,
                       GError       **error)
{
  char *hex;

  g_return_val_if_fail (self != NULL && self->hash != NULL, FALSE);

  if (archive_write_close (self->archive) != ARCHIVE_OK || self->sink_errno != 0)
    return writer_failed (self, error);
  hex = scs_sha256_finish_hex (g_steal_pointer (&self->hash));
  if (sha256 != NULL)
    *sha256 = hex;
  else
    g_free (hex);
  if (size != NULL)
    *size = self->size;
  return TRUE;
}

void
scs_zip_writer_free (ScsZipWriter *self)
{
  if (self == NULL)
    return;
  archive_write_free (self->archive);
  scs_sha256_free (self->hash);
  g_free (self);
}
