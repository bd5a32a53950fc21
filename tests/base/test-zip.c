/* test-zip.c: the one bounded ZIP reader against hostile archives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <locale.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "scs-sha256.h"
#include "scs-zip.h"

typedef struct
{
  const char *name;
  int         type;     /* 0: a plain file */
  const char *link;
  gsize       zeros;    /* data: that many zero bytes … */
  const char *text;     /* … or this text */
} Entry;

static GBytes *
build_zip (const Entry *entries,
           guint        n,
           guint        repeat)
{
  struct archive *a = archive_write_new ();
  /* What the archive can take, no more: meson's MALLOC_PERTURB_ fills every
   * byte of a malloc, and a fixed 64 MiB per case made this test slow. A
   * deflated run of zeros takes about a thousandth of its size. */
  gsize capacity = 64 * 1024;
  guint8 *buffer;
  size_t used = 0;
  g_autofree guint8 *zeros = NULL;

  for (guint i = 0; i < n; i++)
    capacity += repeat * (512 + strlen (entries[i].name)
                          + (entries[i].text != NULL ? strlen (entries[i].text) : entries[i].zeros / 256));
  buffer = g_malloc (capacity);

  archive_write_set_format_zip (a);
  archive_write_set_options (a, "zip:compression=deflate");
  g_assert_cmpint (archive_write_open_memory (a, buffer, capacity, &used), ==, ARCHIVE_OK);
  for (guint r = 0; r < repeat; r++)
    for (guint i = 0; i < n; i++)
      {
        struct archive_entry *e = archive_entry_new ();
        gsize size = entries[i].text != NULL ? strlen (entries[i].text) : entries[i].zeros;

        archive_entry_set_pathname (e, entries[i].name);
        archive_entry_set_filetype (e, entries[i].type != 0 ? (unsigned) entries[i].type : AE_IFREG);
        archive_entry_set_perm (e, 0644);
        if (entries[i].link != NULL)
          archive_entry_set_symlink (e, entries[i].link);
        else
          archive_entry_set_size (e, (la_int64_t) size);
        g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
        if (entries[i].text != NULL)
          archive_write_data (a, entries[i].text, size);
        else if (size > 0)
          {
            if (zeros == NULL)
              zeros = g_malloc0 (1024 * 1024);
            for (gsize done = 0; done < size; done += 1024 * 1024)
              archive_write_data (a, zeros, MIN (size - done, (gsize) 1024 * 1024));
          }
        archive_entry_free (e);
      }
  archive_write_close (a);
  archive_write_free (a);
  return g_bytes_new_take (g_realloc (buffer, used), used);
}

/* Reads every entry; FALSE with @error set on the first refusal. */
static gboolean
read_all (GBytes  *zip,
          guint   *n_entries,
          GError **error)
{
  g_autoptr(ScsZipReader) reader = scs_zip_reader_new_from_bytes (zip, error);
  const char *name;

  *n_entries = 0;
  if (reader == NULL)
    return FALSE;
  while (scs_zip_reader_next (reader, &name, error))
    {
      g_autoptr(GBytes) data = scs_zip_reader_read_bytes (reader, SCS_ZIP_MAX_ENTRY_SIZE, error);

      if (data == NULL)
        return FALSE;
      (*n_entries)++;
    }
  return error == NULL || *error == NULL;
}

static void
test_read (void)
{
  const Entry entries[] = {
    { "mimetype", 0, NULL, 0, "application/x" },
    { "dir/a.xml", 0, NULL, 0, "<a/>" },
    { "日本語/証跡.pdf", 0, NULL, 3000, NULL },
  };
  g_autoptr(GBytes) zip = build_zip (entries, G_N_ELEMENTS (entries), 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsZipReader) reader = scs_zip_reader_new_from_bytes (zip, &error);
  const char *name;
  guint i = 0;

  g_assert_no_error (error);
  while (scs_zip_reader_next (reader, &name, &error))
    {
      g_autoptr(GBytes) data = scs_zip_reader_read_bytes (reader, 4096, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, entries[i].name);
      g_assert_cmpuint (g_bytes_get_size (data), ==,
                        entries[i].text != NULL ? strlen (entries[i].text) : entries[i].zeros);
      i++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (entries));
}

static void
test_refuse (void)
{
  const Entry traversal[] = { { "a/../../etc/passwd", 0, NULL, 0, "x" } };
  const Entry absolute[] = { { "/etc/passwd", 0, NULL, 0, "x" } };
  const Entry backslash[] = { { "a\\..\\x", 0, NULL, 0, "x" } };
  const Entry drive[] = { { "C:/x", 0, NULL, 0, "x" } };
  const Entry control[] = { { "a\nb", 0, NULL, 0, "x" } };
  const Entry nonutf8[] = { { "a/\xff\xfe.pdf", 0, NULL, 0, "x" } };
  const Entry symlink[] = { { "link", AE_IFLNK, "/etc/passwd", 0, NULL } };
  const Entry duplicate[] = { { "a.pdf", 0, NULL, 0, "a" }, { "a.pdf", 0, NULL, 0, "b" } };
  const Entry casefold[] = { { "A.pdf", 0, NULL, 0, "a" }, { "a.PDF", 0, NULL, 0, "b" } };
  const Entry bomb[] = { { "zeros", 0, NULL, (gsize) 40 * 1024 * 1024, NULL } };
  /* names tools show or extract as other names */
  const Entry rlo[] = { { "evidence/invoice\u202Efdp.exe", 0, NULL, 0, "x" } };
  const Entry zero_width[] = { { "report\u200B.pdf", 0, NULL, 0, "x" } };
  const Entry isolate[] = { { "evidence/\u2067a.pdf", 0, NULL, 0, "x" } };
  const Entry bom[] = { { "\uFEFFassessment.xml", 0, NULL, 0, "x" } };
  const Entry separator[] = { { "a\u2028b", 0, NULL, 0, "x" } };
  const Entry nonchar[] = { { "a\uFFFEb", 0, NULL, 0, "x" } };
  const Entry trailing_dot[] = { { "report.pdf.", 0, NULL, 0, "x" } };
  const Entry trailing_space[] = { { "evidence /a.pdf", 0, NULL, 0, "x" } };
  const Entry windows[] = { { "evidence/a?.pdf", 0, NULL, 0, "x" } };
  struct
  {
    const Entry *entries;
    guint        n;
    guint        repeat;
    int          code;
  } cases[] = {
    { traversal, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { absolute, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { backslash, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { drive, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { control, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { nonutf8, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { symlink, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { duplicate, 2, 1, SCS_ZIP_ERROR_HOSTILE },
    { casefold, 2, 1, SCS_ZIP_ERROR_HOSTILE },
    { bomb, 1, 1, SCS_ZIP_ERROR_LIMIT },
    { rlo, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { zero_width, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { isolate, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { bom, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { separator, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { nonchar, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { trailing_dot, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { trailing_space, 1, 1, SCS_ZIP_ERROR_HOSTILE },
    { windows, 1, 1, SCS_ZIP_ERROR_HOSTILE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) zip = build_zip (cases[i].entries, cases[i].n, cases[i].repeat);
      g_autoptr(GError) error = NULL;
      guint n;

      g_test_message ("case %u", i);
      g_assert_false (read_all (zip, &n, &error));
      g_assert_error (error, SCS_ZIP_ERROR, cases[i].code);
      g_test_message ("refused: %s", error->message);
    }

  /* The limit of entries, then one more. */
  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) zip = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      guint count = SCS_ZIP_MAX_ENTRIES + extra;
      g_autofree Entry *many = g_new0 (Entry, count);
      guint n;

      for (guint i = 0; i < count; i++)
        {
          g_ptr_array_add (names, g_strdup_printf ("f%u", i));
          many[i].name = g_ptr_array_index (names, i);
          many[i].text = "";
        }
      zip = build_zip (many, count, 1);
      if (extra == 0)
        {
          g_assert_true (read_all (zip, &n, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (n, ==, SCS_ZIP_MAX_ENTRIES);
        }
      else
        {
          g_assert_false (read_all (zip, &n, &error));
          g_assert_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT);
        }
    }
}

static void
test_not_zip (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr(GBytes) empty = build_zip (NULL, 0, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsZipReader) reader = NULL;
  guint n;

  g_assert_false (read_all (text, &n, &error));
  g_assert_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP);
  g_clear_error (&error);
  g_assert_false (read_all (empty, &n, &error));
  g_assert_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP);
  g_clear_error (&error);

  reader = scs_zip_reader_new_from_file ("/nonexistent/x.zip", &error);
  g_assert_null (reader);
  g_assert_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP);
}

/* read_bytes() stops at the caller's size. */
static void
test_read_bytes_limit (void)
{
  const Entry entries[] = { { "big", 0, NULL, 5000, NULL } };
  g_autoptr(GBytes) zip = build_zip (entries, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsZipReader) reader = scs_zip_reader_new_from_bytes (zip, &error);
  const char *name;

  g_assert_no_error (error);
  g_assert_true (scs_zip_reader_next (reader, &name, &error));
  g_assert_null (scs_zip_reader_read_bytes (reader, 4999, &error));
  g_assert_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_LIMIT);
}

static GBytes *
write_archive (const char * const *names,
               const char * const *texts,
               char              **sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsZipWriter) writer = NULL;
  g_autofree char *path = NULL;
  char *contents;
  gsize length;
  guint64 size = 0;
  int fd;

  fd = g_file_open_tmp ("scs-test-zip-XXXXXX", &path, &error);
  g_assert_no_error (error);
  writer = scs_zip_writer_new (fd, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GBytes) data = g_bytes_new_static (texts[i], strlen (texts[i]));

      g_assert_true (scs_zip_writer_add (writer, names[i], data, i == 0, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (scs_zip_writer_finish (writer, sha256, &size, &error));
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);
  g_assert_cmpuint (length, ==, size);
  return g_bytes_new_take (contents, length);
}

/* What the writer writes, the reader reads; the same entries give the same
 * bytes, and the SHA-256 given is the archive's. */
static void
test_write (void)
{
  const char * const names[] = { "mimetype", "META-INF/manifest.xml", "証跡/報告書.pdf", NULL };
  const char * const texts[] = { "application/x", "<m/>", "%PDF-1.7 …", NULL };
  g_autofree char *sha_a = NULL;
  g_autofree char *sha_b = NULL;
  g_autofree char *sha_file = NULL;
  g_autoptr(GBytes) a = write_archive (names, texts, &sha_a);
  g_autoptr(GBytes) b = write_archive (names, texts, &sha_b);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsZipReader) reader = NULL;
  const char *name;
  guint i = 0;

  g_assert_true (g_bytes_equal (a, b));
  sha_file = scs_sha256_hex_bytes (a);
  g_assert_cmpstr (sha_a, ==, sha_file);

  reader = scs_zip_reader_new_from_bytes (a, &error);
  g_assert_no_error (error);
  while (scs_zip_reader_next (reader, &name, &error))
    {
      g_autoptr(GBytes) data = scs_zip_reader_read_bytes (reader, 1024, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, names[i]);
      g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), texts[i], strlen (texts[i]));
      i++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, 3);
}

/* The layout check, against the ways an outsider puts bytes into a signed
 * archive that no signature covers, or makes two tools see different
 * files: each change below is made on an archive our writer wrote. */

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static void
put32 (guint8  *p,
       guint32  v)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static void
put16 (guint8  *p,
       guint    v)
{
  p[0] = (guint8) v;
  p[1] = (guint8) (v >> 8);
}

#define END(a)            ((a)->len - 22)
#define DIRECTORY(a)      get32 ((a)->data + END (a) + 16)

/* The offset of directory entry @n (0-based). */
static gsize
central (GByteArray *a,
         guint       n)
{
  gsize at = DIRECTORY (a);

  for (guint i = 0; i < n; i++)
    at += 46 + (a->data[at + 28] | a->data[at + 29] << 8) + (a->data[at + 30] | a->data[at + 31] << 8) +
          (a->data[at + 32] | a->data[at + 33] << 8);
  return at;
}

static void
insert (GByteArray *a,
        gsize       at,
        const char *text)
{
  g_autoptr(GByteArray) tail = g_byte_array_new ();

  g_byte_array_append (tail, a->data + at, a->len - at);
  g_byte_array_set_size (a, at);
  g_byte_array_append (a, (const guint8 *) text, strlen (text));
  g_byte_array_append (a, tail->data, tail->len);
}

/* Bytes inserted at @at, in front of everything the directory points to
 * from entry @first on: the offsets adjusted, as a careful forger would. */
static void
insert_shifting (GByteArray *a,
                 gsize       at,
                 guint       first,
                 const char *text)
{
  guint entries = a->data[END (a) + 10] | a->data[END (a) + 11] << 8;
  gsize shift = strlen (text);

  for (guint i = first; i < entries; i++)
    {
      gsize c = central (a, i);

      put32 (a->data + c + 42, get32 (a->data + c + 42) + shift);
    }
  put32 (a->data + END (a) + 16, DIRECTORY (a) + shift);
  insert (a, at, text);
}

typedef enum
{
  COMMENT, TRAILING, PREFIX, GAP_BEFORE_DIRECTORY, GAP_BETWEEN_ENTRIES, ENTRY_COMMENT,
  UNICODE_PATH_EXTRA, CENTRAL_NAME, CENTRAL_CRC, ZIP64, N_CHANGES
} Change;

static void
change (GByteArray *a,
        Change      how)
{
  switch (how)
    {
    case COMMENT:
      put16 (a->data + END (a) + 20, 8);
      g_byte_array_append (a, (const guint8 *) "approved", 8);
      break;
    case TRAILING:
      g_byte_array_append (a, (const guint8 *) "hidden", 6);
      break;
    case PREFIX:
      insert (a, 0, "MZ: something else first");
      break;
    case GAP_BEFORE_DIRECTORY:
      insert_shifting (a, DIRECTORY (a), 99, "payload");
      break;
    case GAP_BETWEEN_ENTRIES:
      insert_shifting (a, get32 (a->data + central (a, 1) + 42), 1, "payload");
      break;
    case ENTRY_COMMENT:
      {
        gsize c = central (a, 0);
        gsize after = c + 46 + (a->data[c + 28] | a->data[c + 29] << 8) + (a->data[c + 30] | a->data[c + 31] << 8);

        put16 (a->data + c + 32, 2);
        put32 (a->data + END (a) + 12, get32 (a->data + END (a) + 12) + 2);
        insert (a, after, "OK");
      }
      break;
    case UNICODE_PATH_EXTRA:
      {
        gsize c = central (a, 2);
        gsize extra = c + 46 + (a->data[c + 28] | a->data[c + 29] << 8);

        g_assert_cmpuint (a->data[c + 30], >=, 4);
        put16 (a->data + extra, 0x7075);
      }
      break;
    case CENTRAL_NAME:
      a->data[central (a, 1) + 46] ^= 0x20;
      break;
    case CENTRAL_CRC:
      a->data[central (a, 2) + 16] ^= 1;
      break;
    case ZIP64:
      put32 (a->data + END (a) + 16, 0xffffffff);
      break;
    case N_CHANGES:
      g_assert_not_reached ();
    }
}

static void
test_layout (void)
{
  const char * const names[] = { "mimetype", "META-INF/manifest.xml", "証跡/報告書.pdf", NULL };
  const char * const texts[] = { "application/x", "<m>deflated, deflated, deflated</m>", "%PDF-1.7 …", NULL };
  const char *said[N_CHANGES] = {
    [COMMENT] = "archive comment of 8 bytes",
    [TRAILING] = "6 bytes follow the end",
    [PREFIX] = "24 bytes come before the archive’s first entry",
    [GAP_BEFORE_DIRECTORY] = "7 bytes between the last entry and the archive’s directory",
    [GAP_BETWEEN_ENTRIES] = "7 bytes before the entry ‘META-INF/manifest.xml’",
    [ENTRY_COMMENT] = "the entry ‘mimetype’ carries a comment",
    [UNICODE_PATH_EXTRA] = "extra header data of a kind a package never has (0x7075)",
    [CENTRAL_NAME] = "is named ‘mETA-INF/manifest.xml’ in the archive’s directory",
    [CENTRAL_CRC] = "the headers of the entry ‘証跡/報告書.pdf’ disagree",
    [ZIP64] = "ZIP64",
  };
  g_autoptr(GBytes) honest = write_archive (names, texts, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ScsZipReader) reader = scs_zip_reader_new_from_bytes (honest, &error);
  g_autoptr(ScsZipReader) from_file = NULL;
  int fd;

  g_assert_no_error (error);
  g_assert_true (scs_zip_reader_check_layout (reader, &error));
  g_assert_no_error (error);
  fd = g_file_open_tmp ("scs-test-layout-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (honest, NULL), g_bytes_get_size (honest), NULL));
  from_file = scs_zip_reader_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (scs_zip_reader_check_layout (from_file, &error));
  g_assert_no_error (error);

  for (Change how = 0; how < N_CHANGES; how++)
    {
      g_autoptr(GByteArray) a = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ScsZipReader) changed = NULL;
      g_autoptr(ScsZipReader) changed_file = NULL;

      g_test_message ("change %d", how);
      g_byte_array_append (a, g_bytes_get_data (honest, NULL), g_bytes_get_size (honest));
      change (a, how);
      bytes = g_bytes_new (a->data, a->len);
      changed = scs_zip_reader_new_from_bytes (bytes, &error);
      /* libarchive refuses some of these itself; the others it reads as if
       * nothing were there, which is why the layout is checked. */
      if (changed == NULL)
        {
          g_assert_nonnull (error);
          g_test_message ("refused by the reader itself: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_assert_false (scs_zip_reader_check_layout (changed, &error));
      g_assert_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE);
      if (strstr (error->message, said[how]) == NULL)
        g_error ("change %d: ‘%s’ does not say ‘%s’", how, error->message, said[how]);
      g_clear_error (&error);

      g_assert_true (g_file_set_contents (path, (const char *) a->data, a->len, NULL));
      changed_file = scs_zip_reader_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_false (scs_zip_reader_check_layout (changed_file, &error));
      g_assert_error (error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_HOSTILE);
      g_clear_error (&error);
    }
  g_unlink (path);
}

/* A checksum that does not match the data, in both headers as a forger
 * would leave it: reading the entry fails, and says why in words the
 * translation has, not in libarchive's English. */
static void
test_damaged_said (void)
{
  const char * const names[] = { "mimetype", "証跡/報告書.pdf", NULL };
  const char * const texts[] = { "application/x", "%PDF-1.7 … %%EOF", NULL };
  g_autoptr(GBytes) honest = write_archive (names, texts, NULL);
  g_autoptr(GByteArray) a = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScsZipReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  const char *name = NULL;
  gsize c;

  g_byte_array_append (a, g_bytes_get_data (honest, NULL), g_bytes_get_size (honest));
  c = central (a, 1);
  put32 (a->data + c + 16, get32 (a->data + c + 16) ^ 1);
  put32 (a->data + get32 (a->data + c + 42) + 14, get32 (a->data + c + 16));
  bytes = g_bytes_new (a->data, a->len);
  reader = scs_zip_reader_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (scs_zip_reader_next (reader, &name, &error));
  g_assert_no_error (error);
  g_assert_true (scs_zip_reader_next (reader, &name, &error));
  g_assert_cmpstr (name, ==, "証跡/報告書.pdf");
  data = scs_zip_reader_read_bytes (reader, 1024, &error);
  g_assert_null (data);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "‘証跡/報告書.pdf’"));
  g_assert_nonnull (strstr (error->message, "the data does not match its recorded checksum"));
  g_assert_null (strstr (error->message, "CRC"));
}

/* A full disk while an entry is deflated: the step that meets it fails with
 * the system's error, every later step too, and freeing the writer frees
 * all (the sanitizer run checks: libarchive leaks its deflate state when a
 * write fails inside it). /dev/full fails every write with ENOSPC. */
static void
test_write_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  ScsZipWriter *writer;
  GString *text = g_string_new (NULL);
  int fd = open ("/dev/full", O_WRONLY);
  gboolean ok;

  if (fd < 0)
    {
      g_test_skip ("no /dev/full");
      g_string_free (text, TRUE);
      return;
    }
  /* more than libarchive buffers, and not compressible to nothing */
  for (guint i = 0; text->len < 4 * 1024 * 1024; i++)
    g_string_append_printf (text, "%u %x\n", i, g_random_int ());
  data = g_bytes_new_take (text->str, text->len);
  g_string_free (text, FALSE);

  writer = scs_zip_writer_new (fd, &error);
  g_assert_no_error (error);
  ok = scs_zip_writer_add (writer, "big.txt", data, FALSE, NULL, &error);
  if (ok)
    ok = scs_zip_writer_finish (writer, NULL, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (scs_zip_writer_finish (writer, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  scs_zip_writer_free (writer);
  close (fd);
}

int
main (int    argc,
      char **argv)
{
  /* libarchive gives UTF-8 names only in a UTF-8 locale, as the app has. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/zip/read", test_read);
  g_test_add_func ("/scs/zip/refuse", test_refuse);
  g_test_add_func ("/scs/zip/not-zip", test_not_zip);
  g_test_add_func ("/scs/zip/read-bytes-limit", test_read_bytes_limit);
  g_test_add_func ("/scs/zip/write", test_write);
  g_test_add_func ("/scs/zip/write-disk-full", test_write_disk_full);
  g_test_add_func ("/scs/zip/layout", test_layout);
  g_test_add_func ("/scs/zip/damaged-said", test_damaged_said);

  return g_test_run ();
}
