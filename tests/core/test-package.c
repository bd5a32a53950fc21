/* test-package.c: the submission package and its verifier
 *
 * Export is checked with stock tools (unzip -t, xmllint --relaxng) and for
 * byte-identical output across runs and time zones; failed and cancelled
 * exports leave nothing under the final name. The verifier is checked
 * against tampered packages (one byte changed in an entry or the manifest,
 * an entry added, removed or renamed: each named) and a corpus of hostile
 * archives built here with libarchive (path escapes, links, duplicates,
 * bombs, too many entries, DOCTYPE, non-UTF-8 names), every one refused
 * with SCS_VERIFY_ERROR_HOSTILE in well under two seconds. Files in
 * tests/core/fixtures/hostile/ (crash inputs found by fuzzing) replay too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <stdlib.h>
#include <time.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-package.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-verify.h"
#include "scs-zip.h"
#include "scs-workspace.h"

#include "core-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScsWorkspace *workspace;
} Fixture;

static void
add_evidence (Fixture    *fixture,
              const char *criterion,
              const char *name,
              const char *contents)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "src", criterion, NULL);
  g_autofree char *path = g_build_filename (sub, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_mkdir_with_parents (sub, 0700);
  core_test_write_file (path, contents, -1);
  hash = scs_workspace_add_evidence (fixture->workspace, criterion, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hash);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *answers;

  fixture->dir = core_test_make_tmp_dir ("scs-package-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.scsw", NULL);
  fixture->workspace = core_test_workspace_new (fixture->path, "株式会社テスト製作所", 3, "テスト 太郎");

  answers = scs_workspace_get_answers (fixture->workspace);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);

      scs_workspace_set_answer (fixture->workspace, scs_answer_get_criterion_id (answer),
                                i == 3 ? SCS_ANSWER_NOT_APPLICABLE : SCS_ANSWER_MET,
                                "規程で定義している", i == 3 ? "該当する設備がない" : NULL, &error);
      g_assert_no_error (error);
    }
  /* two different files with the same name, one Japanese name */
  add_evidence (fixture, "1-2-1-2", "規程.pdf", "%PDF-1.4 first");
  add_evidence (fixture, "1-2-1-1", "規程.pdf", "%PDF-1.4 second");
  add_evidence (fixture, "1-2-1-1", "a:b?.txt", "reserved characters");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  core_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
export_draft (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  char *out = g_build_filename (fixture->dir, name, NULL);

  scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_DRAFT, "ja", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return out;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static int
run (const char *command_line,
     char      **out)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_command_line_sync (command_line, out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* Names of the entries, in archive order. */
static GPtrArray *
list_entries (GBytes *zip)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip_seekable (a);
  g_assert_cmpint (archive_read_open_memory (a, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip)), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    g_ptr_array_add (names, g_strdup (archive_entry_pathname (entry)));
  archive_read_free (a);
  return names;
}

static void
test_export_layout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = export_draft (fixture, "draft.scsp");
  g_autofree char *cmd = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *rng = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "data", "schema", "manifest.rng", NULL);
  g_autoptr(GBytes) bytes = read_bytes (out);
  g_autoptr(GPtrArray) names = list_entries (bytes);
  const char *expected[] = {
    "mimetype", "META-INF/manifest.xml", "assessment.xml",
    "catalog.xml", "evidence/a_b_.txt", "evidence/規程.pdf", NULL,
  };

  /* mimetype first and stored (method 0), its content right after the
   * local header, as ASiC readers sniff it (libarchive adds a 20-byte
   * extra field, so the content starts at 58, not 38) */
  {
    const guint8 *raw = g_bytes_get_data (bytes, NULL);
    guint offset = 30 + raw[26] + (raw[27] << 8) + raw[28] + (raw[29] << 8);

    g_assert_cmpmem (raw, 4, "PK\003\004", 4);
    g_assert_cmpint (raw[8] | (raw[9] << 8), ==, 0);
    g_assert_cmpmem (raw + 30, 8, "mimetype", 8);
    g_assert_cmpmem (raw + offset, strlen (SCS_PACKAGE_MIMETYPE), SCS_PACKAGE_MIMETYPE, strlen (SCS_PACKAGE_MIMETYPE));
  }
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);
  for (guint i = 3; expected[i] != NULL; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, expected[i], g_str_equal, NULL));
  /* the second 規程.pdf got a unique name; nothing escapes evidence/ */
  g_assert_cmpuint (names->len, ==, 8);
  for (guint i = 0; i < names->len; i++)
    g_assert_null (strstr (g_ptr_array_index (names, i), ".."));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "report.pdf", g_str_equal, NULL));

  cmd = g_strdup_printf ("unzip -t '%s'", out);
  g_assert_cmpint (run (cmd, &listing), ==, 0);
  g_assert_nonnull (strstr (listing, "No errors detected"));
  g_free (cmd);
  manifest = g_build_filename (fixture->dir, "manifest.xml", NULL);
  cmd = g_strdup_printf ("sh -c \"unzip -p '%s' META-INF/manifest.xml > '%s'\"", out, manifest);
  g_assert_cmpint (run (cmd, NULL), ==, 0);
  g_free (cmd);
  cmd = g_strdup_printf ("xmllint --noout --relaxng '%s' '%s'",
                         rng,
                         manifest);
  g_assert_cmpint (run (cmd, NULL), ==, 0);
}

static void
test_export_deterministic (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  tzset ();
  first = export_draft (fixture, "one.scsp");
  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  tzset ();
  second = export_draft (fixture, "two.scsp");
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();

  a = read_bytes (first);
  b = read_bytes (second);
  g_assert_true (g_bytes_equal (a, b));
}

static void
test_export_draft_verifies (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *out = export_draft (fixture, "draft.scsp");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsVerifyResult) result = scs_verify_package_file (out, NULL, NULL, &error);
  gboolean saw_unsigned = FALSE, saw_incomplete = FALSE;

  g_assert_no_error (error);
  g_assert_true (result->draft);
  /* a draft is intact, but neither signed nor complete */
  g_assert_false (result->valid);
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      if (g_str_equal (check->check, "mimetype") || g_str_equal (check->check, "manifest") ||
          g_str_equal (check->check, "hash") || g_str_equal (check->check, "catalog"))
        g_assert_cmpint (check->status, ==, SCS_CHECK_PASS);
      if (g_str_equal (check->check, "signature-expert"))
        saw_unsigned = check->status == SCS_CHECK_FAIL;
      if (g_str_equal (check->check, "answers"))
        saw_incomplete = check->status == SCS_CHECK_FAIL;
    }
  g_assert_true (saw_unsigned);
  g_assert_true (saw_incomplete);
}

static void
test_export_final_needs_signatures (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "final.scsp", NULL);

  g_assert_false (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "ja",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_UNSIGNED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out = g_build_filename (fixture->dir, "cancelled.scsp", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "x.scsp", NULL);
  guint before = count_files (fixture->dir);

  g_cancellable_cancel (cancellable);
  g_assert_false (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_DRAFT, "ja",
                                      NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* no package and no temporary file left */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->dir), ==, before);

  g_assert_false (scs_package_export (fixture->workspace, missing, SCS_PACKAGE_FLAGS_DRAFT, "ja",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-dir"));
}

/* Tampering: rewrite the package entry by entry with libarchive. */

typedef enum
{
  TAMPER_FLIP_BYTE,
  TAMPER_DROP,
  TAMPER_ADD,
  TAMPER_RENAME,
} Tamper;

static GBytes *
rewrite (GBytes     *zip,
         const char *target,
         Tamper      tamper)
{
  struct archive *in = archive_read_new ();
  struct archive *out = archive_write_new ();
  struct archive_entry *entry;
  size_t used = 0;
  gsize capacity = g_bytes_get_size (zip) * 2 + 65536;
  guint8 *buffer = g_malloc (capacity);

  archive_read_support_format_zip_seekable (in);
  g_assert_cmpint (archive_read_open_memory (in, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip)), ==, ARCHIVE_OK);
  archive_write_set_format_zip (out);
  archive_write_set_bytes_in_last_block (out, 1);
  g_assert_cmpint (archive_write_open_memory (out, buffer, capacity, &used), ==, ARCHIVE_OK);
  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) data = g_byte_array_new ();
      guint8 chunk[8192];
      la_ssize_t n;
      g_autoptr(GString) new_name = g_string_new (name);
      struct archive_entry *copy;

      while ((n = archive_read_data (in, chunk, sizeof chunk)) > 0)
        g_byte_array_append (data, chunk, n);
      if (g_str_equal (name, "mimetype"))
        archive_write_zip_set_compression_store (out);
      else
        archive_write_zip_set_compression_deflate (out);
      if (g_str_equal (name, target))
        {
          if (tamper == TAMPER_DROP)
            continue;
          if (tamper == TAMPER_FLIP_BYTE)
            data->data[data->len / 2] ^= 0x01;
          if (tamper == TAMPER_RENAME)
            g_string_append (new_name, ".renamed");
        }
      copy = archive_entry_new ();
      archive_entry_set_pathname (copy, new_name->str);
      archive_entry_set_filetype (copy, AE_IFREG);
      archive_entry_set_perm (copy, 0644);
      archive_entry_set_size (copy, data->len);
      archive_write_header (out, copy);
      archive_write_data (out, data->data, data->len);
      archive_entry_free (copy);
    }
  if (tamper == TAMPER_ADD)
    {
      struct archive_entry *copy = archive_entry_new ();

      archive_entry_set_pathname (copy, target);
      archive_entry_set_filetype (copy, AE_IFREG);
      archive_entry_set_perm (copy, 0644);
      archive_entry_set_size (copy, 5);
      archive_write_header (out, copy);
      archive_write_data (out, "extra", 5);
      archive_entry_free (copy);
    }
  archive_write_close (out);
  archive_write_free (out);
  archive_read_free (in);
  return g_bytes_new_take (buffer, used);
}

static void
assert_fails_naming (GBytes     *zip,
                     const char *check_id,
                     const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsVerifyResult) result = scs_verify_package_bytes (zip, NULL, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_false (result->valid);
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      if (check->status == SCS_CHECK_FAIL && g_str_equal (check->check, check_id) &&
          g_strcmp0 (check->file, file) == 0)
        {
          g_assert_nonnull (strstr (check->message, file));
          found = TRUE;
        }
    }
  if (!found)
    g_error ("no failed ‘%s’ check naming %s", check_id, file);
}

static void
test_verify_tampered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = export_draft (fixture, "draft.scsp");
  g_autoptr(GBytes) zip = read_bytes (out);
  g_autoptr(GBytes) flipped = rewrite (zip, "report.pdf", TAMPER_FLIP_BYTE);
  g_autoptr(GBytes) flipped_ev = rewrite (zip, "evidence/規程.pdf", TAMPER_FLIP_BYTE);
  g_autoptr(GBytes) dropped = rewrite (zip, "assessment.xml", TAMPER_DROP);
  g_autoptr(GBytes) added = rewrite (zip, "evidence/new.txt", TAMPER_ADD);
  g_autoptr(GBytes) renamed = rewrite (zip, "report.pdf", TAMPER_RENAME);
  g_autoptr(GBytes) manifest = rewrite (zip, "META-INF/manifest.xml", TAMPER_FLIP_BYTE);
  g_autoptr(GBytes) untouched = rewrite (zip, "nothing", TAMPER_FLIP_BYTE);
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;

  assert_fails_naming (flipped, "hash", "report.pdf");
  assert_fails_naming (flipped_ev, "hash", "evidence/規程.pdf");
  assert_fails_naming (dropped, "missing", "assessment.xml");
  assert_fails_naming (added, "extra", "evidence/new.txt");
  assert_fails_naming (renamed, "missing", "report.pdf");
  assert_fails_naming (renamed, "extra", "report.pdf.renamed");

  /* a flipped bit in the manifest breaks either its XML or a listed hash */
  result = scs_verify_package_bytes (manifest, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (result->valid);
  g_clear_pointer (&result, scs_verify_result_free);

  /* the rewriting itself changes nothing the checks see */
  result = scs_verify_package_bytes (untouched, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      if (g_str_equal (check->check, "hash") || g_str_equal (check->check, "mimetype"))
        g_assert_cmpint (check->status, ==, SCS_CHECK_PASS);
    }
}

/* Hostile archives */

typedef struct
{
  const char *name;
  mode_t      type;
  const char *link;
  gsize       size;    /* of zeros when data is NULL */
  const char *data;
} HostileEntry;

static GBytes *
build_zip (const HostileEntry *entries,
           guint               n_entries,
           guint               repeat)
{
  struct archive *out = archive_write_new ();
  gsize capacity = 64 * 1024 * 1024;
  guint8 *buffer = g_malloc (capacity);
  g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
  size_t used = 0;

  archive_write_set_format_zip (out);
  archive_write_set_bytes_in_last_block (out, 1);
  g_assert_cmpint (archive_write_open_memory (out, buffer, capacity, &used), ==, ARCHIVE_OK);
  for (guint r = 0; r < repeat; r++)
    for (guint i = 0; i < n_entries; i++)
      {
        struct archive_entry *entry = archive_entry_new ();
        g_autofree char *name = repeat > 1 ? g_strdup_printf ("%s%u", entries[i].name, r) : g_strdup (entries[i].name);
        gsize size = entries[i].data != NULL ? strlen (entries[i].data) : entries[i].size;

        archive_entry_copy_pathname (entry, name);
        archive_entry_set_filetype (entry, entries[i].type != 0 ? entries[i].type : AE_IFREG);
        archive_entry_set_perm (entry, 0644);
        if (entries[i].link != NULL)
          archive_entry_set_symlink (entry, entries[i].link);
        else
          archive_entry_set_size (entry, size);
        archive_write_header (out, entry);
        if (entries[i].data != NULL)
          archive_write_data (out, entries[i].data, size);
        else
          for (gsize done = 0; done < size; done += 1024 * 1024)
            archive_write_data (out, zeros, MIN (size - done, 1024 * 1024));
        archive_entry_free (entry);
      }
  archive_write_close (out);
  archive_write_free (out);
  return g_bytes_new_take (buffer, used);
}

static void
assert_refused (GBytes *zip,
                gint    code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;

  result = scs_verify_package_bytes (zip, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, SCS_VERIFY_ERROR, code);
  g_test_message ("refused: %s", error->message);
}

#define MIME { "mimetype", 0, NULL, 0, SCS_PACKAGE_MIMETYPE }

static void
test_verify_hostile (void)
{
  const HostileEntry traversal[] = { MIME, { "evidence/../../etc/passwd", 0, NULL, 0, "x" } };
  const HostileEntry absolute[] = { MIME, { "/etc/passwd", 0, NULL, 0, "x" } };
  const HostileEntry backslash[] = { MIME, { "evidence\\..\\x", 0, NULL, 0, "x" } };
  const HostileEntry drive[] = { MIME, { "C:/x", 0, NULL, 0, "x" } };
  const HostileEntry symlink[] = { MIME, { "evidence/link", AE_IFLNK, "/etc/passwd", 0, NULL } };
  const HostileEntry duplicate[] = { MIME, { "report.pdf", 0, NULL, 0, "a" }, { "report.pdf", 0, NULL, 0, "b" } };
  const HostileEntry casefold[] = { MIME, { "evidence/A.pdf", 0, NULL, 0, "a" }, { "evidence/a.PDF", 0, NULL, 0, "b" } };
  const HostileEntry nonutf8[] = { MIME, { "evidence/\xff\xfe.pdf", 0, NULL, 0, "a" } };
  const HostileEntry control[] = { MIME, { "evidence/a\nb", 0, NULL, 0, "a" } };
  const HostileEntry ratio[] = { MIME, { "evidence/zeros", 0, NULL, (gsize) 40 * 1024 * 1024, NULL } };
  const HostileEntry doctype[] = {
    MIME,
    { "META-INF/manifest.xml", 0, NULL, 0,
      "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><m>&x;</m>" },
  };
  const HostileEntry entity[] = { MIME, { "assessment.xml", 0, NULL, 0, "<!ENTITY a \"b\"><a/>" } };
  const HostileEntry many[] = { { "evidence/f", 0, NULL, 0, "" } };
  struct
  {
    const HostileEntry *entries;
    guint               n;
    guint               repeat;
  } cases[] = {
    { traversal, G_N_ELEMENTS (traversal), 1 },
    { absolute, G_N_ELEMENTS (absolute), 1 },
    { backslash, G_N_ELEMENTS (backslash), 1 },
    { drive, G_N_ELEMENTS (drive), 1 },
    { symlink, G_N_ELEMENTS (symlink), 1 },
    { duplicate, G_N_ELEMENTS (duplicate), 1 },
    { casefold, G_N_ELEMENTS (casefold), 1 },
    { nonutf8, G_N_ELEMENTS (nonutf8), 1 },
    { control, G_N_ELEMENTS (control), 1 },
    { ratio, G_N_ELEMENTS (ratio), 1 },
    { doctype, G_N_ELEMENTS (doctype), 1 },
    { entity, G_N_ELEMENTS (entity), 1 },
    { many, G_N_ELEMENTS (many), SCS_ZIP_MAX_ENTRIES + 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) zip = build_zip (cases[i].entries, cases[i].n, cases[i].repeat);

      g_test_message ("hostile case %u", i);
      assert_refused (zip, SCS_VERIFY_ERROR_HOSTILE);
    }
}

static void
test_verify_unreadable (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("hello, not a zip", 16);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) header = g_bytes_new_static ("PK\003\004\024\000\000\000", 8);

  assert_refused (text, SCS_VERIFY_ERROR_UNREADABLE);
  assert_refused (empty, SCS_VERIFY_ERROR_UNREADABLE);
  assert_refused (header, SCS_VERIFY_ERROR_UNREADABLE);
}

/* A manifest that is not XML, or not a manifest: read, and a failed
 * "manifest" check saying which. */
static void
test_verify_bad_manifest (void)
{
  const HostileEntry not_xml[] = { MIME, { "META-INF/manifest.xml", 0, NULL, 0, "<manifest" } };
  const HostileEntry not_manifest[] = { MIME, { "META-INF/manifest.xml", 0, NULL, 0, "<recipe/>" } };
  struct
  {
    const HostileEntry *entries;
    guint               n;
    const char         *said;
  } cases[] = {
    { not_xml, G_N_ELEMENTS (not_xml), "not well-formed" },
    { not_manifest, G_N_ELEMENTS (not_manifest), "does not match its schema" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) zip = build_zip (cases[i].entries, cases[i].n, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsVerifyResult) result = scs_verify_package_bytes (zip, NULL, &error);
      gboolean saw = FALSE;

      g_assert_no_error (error);
      g_assert_false (result->valid);
      for (guint c = 0; c < result->checks->len; c++)
        {
          ScsVerifyCheck *check = g_ptr_array_index (result->checks, c);

          if (!g_str_equal (check->check, "manifest"))
            continue;
          g_test_message ("%s", check->message);
          g_assert_cmpint (check->status, ==, SCS_CHECK_FAIL);
          g_assert_cmpstr (check->file, ==, "META-INF/manifest.xml");
          g_assert_nonnull (strstr (check->message, cases[i].said));
          saw = TRUE;
        }
      g_assert_true (saw);
    }
}

/* Crash and hang inputs found by fuzzing replay as ordinary tests: each
 * must give a result or an error, never crash. */
static void
test_verify_corpus (void)
{
  const char *dir = g_test_get_filename (G_TEST_DIST, "core", "fixtures", "hostile", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GBytes) data = read_bytes (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsVerifyResult) result = scs_verify_package_bytes (data, NULL, &error);

      g_test_message ("%s: %s", name, error != NULL ? error->message : "checked");
      g_assert_true ((result == NULL) != (error == NULL));
      if (g_str_has_prefix (name, "hostile-"))
        g_assert_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_HOSTILE);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Signed: the expert reviews and signs, management declares; the final
 * package carries exactly the signed bytes and stock openssl agrees. */

static char *certs_dir;

static void
sign_workspace (Fixture *fixture)
{
  core_test_seal_workspace (fixture->workspace, certs_dir, TRUE);
}

static GBytes *
file_bytes (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return read_bytes (path);
}

static void
test_export_signed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "final.scsp", NULL);
  g_autofree char *x = g_build_filename (fixture->dir, "x", NULL);
  g_autofree char *cmd = NULL;
  g_autofree char *ca = g_build_filename (certs_dir, "ca.pem", NULL);
  g_autofree char *other_ca = g_build_filename (certs_dir, "otherca.pem", NULL);
  g_autoptr(GBytes) ca_pem = NULL;
  g_autoptr(GBytes) other_pem = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GBytes) signed_content = NULL;
  g_autoptr(GBytes) packaged = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autoptr(GBytes) broken = NULL;

  sign_workspace (fixture);
  /* the signed report is English (this test runs in English): a Japanese
   * final package is refused, not silently English; nothing is written */
  g_assert_false (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, "ja",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_LANGUAGE);
  g_assert_nonnull (strstr (error->message, "English"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  /* NULL: the language chosen at the declaration */
  g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, NULL,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  zip = read_bytes (out);
  ca_pem = read_bytes (ca);
  other_pem = read_bytes (other_ca);

  /* chained to the CA: valid and trusted; every check passes */
  result = scs_verify_package_bytes (zip, ca_pem, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      if (check->status != SCS_CHECK_PASS)
        g_error ("%s: %s", check->check, check->message);
    }
  g_assert_true (result->valid);
  g_assert_true (result->trusted);
  g_assert_false (result->draft);
  g_clear_pointer (&result, scs_verify_result_free);

  /* no CA: valid, reported as not checked against one */
  result = scs_verify_package_bytes (zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->valid);
  g_assert_false (result->trusted);
  g_clear_pointer (&result, scs_verify_result_free);

  /* another CA: the signatures are not chained to it */
  result = scs_verify_package_bytes (zip, other_pem, &error);
  g_assert_no_error (error);
  g_assert_false (result->valid);
  g_clear_pointer (&result, scs_verify_result_free);

  /* a changed signature is named */
  broken = rewrite (zip, "META-INF/signature-expert.p7s", TAMPER_FLIP_BYTE);
  result = scs_verify_package_bytes (broken, ca_pem, &error);
  g_assert_no_error (error);
  g_assert_false (result->valid);
  g_clear_pointer (&result, scs_verify_result_free);
  assert_fails_naming (broken, "hash", "META-INF/signature-expert.p7s");

  /* assessment.xml is exactly what the expert signed; stock openssl agrees
   * that each signature covers its manifest */
  g_mkdir (x, 0700);
  cmd = g_strdup_printf ("unzip -q -d '%s' '%s'", x, out);
  g_assert_cmpint (run (cmd, NULL), ==, 0);
  signed_content = scs_signature_dup_signed_content (fixture->workspace, SCS_SIGNATURE_ROLE_EXPERT);
  packaged = file_bytes (x, "assessment.xml");
  g_assert_true (g_bytes_equal (signed_content, packaged));
  g_free (cmd);
  cmd = g_strdup_printf ("sh -c \"cd '%s' && openssl cms -verify -binary -inform DER "
                         "-in META-INF/signature-expert.p7s -content META-INF/ASiCManifest-expert.xml "
                         "-CAfile '%s' -purpose any -out /dev/null\"", x, ca);
  g_assert_cmpint (run (cmd, NULL), ==, 0);
  g_free (cmd);
  cmd = g_strdup_printf ("sh -c \"cd '%s' && openssl cms -verify -binary -inform DER "
                         "-in META-INF/signature-management.p7s -content META-INF/ASiCManifest-management.xml "
                         "-CAfile '%s' -purpose any -out /dev/null\"", x, ca);
  g_assert_cmpint (run (cmd, NULL), ==, 0);
  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", x);
  g_assert_cmpint (run (cmd, NULL), ==, 0);
}

/* Evidence larger than a piece (SCS_EVIDENCE_CHUNK) is streamed from the
 * workspace into the package, draft and final, and comes out byte for
 * byte: unzip -t, cmp against the file added, openssl over the signed
 * manifests, our verifier. An XML evidence file with a DOCTYPE is the
 * company's own file, hashed and not parsed: the package verifies. */
static void
test_export_streamed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_build_filename (fixture->dir, "src", "big.bin", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "final.scsp", NULL);
  g_autofree char *x = g_build_filename (fixture->dir, "x", NULL);
  g_autofree char *ca = g_build_filename (certs_dir, "ca.pem", NULL);
  g_autofree char *draft = NULL;
  g_autofree char *cmd = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (big);
  g_autoptr(GBytes) ca_pem = NULL;
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autofree char *hash = NULL;
  gsize size = 2 * SCS_EVIDENCE_CHUNK + 12345;
  g_autofree guint8 *bytes = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) g_rand_int (rand);
  g_mkdir_with_parents (fixture->dir, 0700);
  g_assert_true (g_file_set_contents (big, (const char *) bytes, size, &error));
  hash = scs_workspace_add_evidence (fixture->workspace, "1-2-1-1", file, NULL, &error);
  g_assert_no_error (error);
  add_evidence (fixture, "1-2-1-2", "data.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e \"x\">]><d>&e;</d>");

  draft = export_draft (fixture, "draft.scsp");
  for (guint k = 0; k < 2; k++)
    {
      const char *package = k == 0 ? draft : out;

      if (k == 1)
        {
          sign_workspace (fixture);
          g_assert_true (scs_package_export (fixture->workspace, out, SCS_PACKAGE_FLAGS_NONE, NULL,
                                             NULL, NULL, NULL, &error));
          g_assert_no_error (error);
        }
      g_free (cmd);
      cmd = g_strdup_printf ("unzip -tqq '%s'", package);
      g_assert_cmpint (run (cmd, NULL), ==, 0);
      g_free (cmd);
      cmd = g_strdup_printf ("sh -c \"rm -rf '%s' && unzip -q -d '%s' '%s' && cmp '%s' '%s'/evidence/big.bin\"",
                             x, x, package, big, x);
      g_assert_cmpint (run (cmd, NULL), ==, 0);
      result = scs_verify_package_file (package, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (result->valid || k == 0);
      g_clear_pointer (&result, scs_verify_result_free);
    }

  ca_pem = read_bytes (ca);
  result = scs_verify_package_file (out, ca_pem, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->valid);
  g_assert_true (result->trusted);
  g_free (cmd);
  cmd = g_strdup_printf ("sh -c \"cd '%s' && openssl cms -verify -binary -inform DER "
                         "-in META-INF/signature-expert.p7s -content META-INF/ASiCManifest-expert.xml "
                         "-CAfile '%s' -purpose any -out /dev/null && "
                         "grep -q \\\"$(openssl dgst -sha256 -binary evidence/big.bin | base64)\\\" "
                         "META-INF/ASiCManifest-expert.xml\"", x, ca);
  g_assert_cmpint (run (cmd, NULL), ==, 0);
}

static void
test_safe_name (void)
{
  struct
  {
    const char *in, *out;
  } cases[] = {
    { "規程.pdf", "規程.pdf" },
    { "../../etc/passwd", "passwd" },
    { "C:\\Users\\x\\a.pdf", "a.pdf" },
    { "..", "file" },
    { ".hidden", "hidden" },
    { "a<b>:c?.txt", "a_b__c_.txt" },
    { "trailing. ", "trailing" },
    { "tab\tname", "tab_name" },
    { "", "file" },
    { "CON.txt", "_CON.txt" },
    { "nul", "_nul" },
    { "Com1 .pdf", "_Com1 .pdf" },
    { "lpt9.tar.gz", "_lpt9.tar.gz" },
    { "aux.", "_aux" },
    { "COM10.txt", "COM10.txt" },
    { "console.txt", "console.txt" },
    { "LPT0.txt", "LPT0.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = scs_package_safe_name (cases[i].in);

      g_assert_cmpstr (safe, ==, cases[i].out);
    }
  {
    g_autoptr(GString) longname = g_string_new (NULL);
    g_autofree char *safe = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (longname, "長");
    safe = scs_package_safe_name (longname->str);
    g_assert_cmpuint (strlen (safe), <=, 120);
    g_assert_true (g_utf8_validate (safe, -1, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cmd = NULL;
  int rc;

  scs_i18n_init ("en");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SCS_PROFILE", "/nonexistent/profile.ini", TRUE);
  certs_dir = g_dir_make_tmp ("scs-package-certs-XXXXXX", NULL);
  core_test_make_certificates (certs_dir, FALSE);

  g_test_add ("/scs/package/export-layout", Fixture, NULL, fixture_set_up, test_export_layout, fixture_tear_down);
  g_test_add ("/scs/package/export-deterministic", Fixture, NULL, fixture_set_up, test_export_deterministic, fixture_tear_down);
  g_test_add ("/scs/package/export-draft-verifies", Fixture, NULL, fixture_set_up, test_export_draft_verifies, fixture_tear_down);
  g_test_add ("/scs/package/export-final-needs-signatures", Fixture, NULL, fixture_set_up, test_export_final_needs_signatures, fixture_tear_down);
  g_test_add ("/scs/package/export-cancelled", Fixture, NULL, fixture_set_up, test_export_cancelled, fixture_tear_down);
  g_test_add ("/scs/package/verify-tampered", Fixture, NULL, fixture_set_up, test_verify_tampered, fixture_tear_down);
  g_test_add_func ("/scs/package/verify-hostile", test_verify_hostile);
  g_test_add_func ("/scs/package/verify-unreadable", test_verify_unreadable);
  g_test_add_func ("/scs/package/verify-bad-manifest", test_verify_bad_manifest);
  g_test_add_func ("/scs/package/verify-corpus", test_verify_corpus);
  g_test_add ("/scs/package/export-signed", Fixture, NULL, fixture_set_up, test_export_signed, fixture_tear_down);
  g_test_add ("/scs/package/export-streamed", Fixture, NULL, fixture_set_up, test_export_streamed, fixture_tear_down);
  g_test_add_func ("/scs/package/safe-name", test_safe_name);

  rc = g_test_run ();
  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf '%s'", certs_dir);
  g_assert_cmpint (system (cmd), ==, 0);
  return rc;
}
