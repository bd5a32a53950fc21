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
  gsize capacity = 64 * 1024 * 1024;
  guint8 *buffer = g_malloc (capacity);
  size_t used = 0;
  g_autofree guint8 *zeros = NULL;

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

  return g_test_run ();
}
