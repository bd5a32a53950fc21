/* scs-package.c: writing the submission package (.scsp)
 *
 * The package is what the SME sends to the registration body: a ZIP laid
 * out after ETSI ASiC-E that anyone can open and check with stock tools.
 * A final package is assembled from the bytes the workspace stored when
 * the expert and management signed (review_signed_entry): each signature
 * is a detached CMS over an ASiCManifest listing the entries it covers with
 * their SHA-256, so every entry is under a signature and nothing in the
 * package is unsigned. Before it is assembled the workspace is checked
 * against those entries again (rendered anew, every evidence blob hashed):
 * a workspace changed behind the seal is refused, naming what changed, and
 * nothing is written. A draft is rendered fresh and lists its files in an
 * unsigned META-INF/manifest.xml. Everything that goes in is gathered in
 * memory first (streaming evidence from the workspace one file at a time
 * would bound memory for very large packages; not done yet), sorted by
 * path, then written with base's ZIP writer (scs-zip.h) so the same
 * workspace always gives the same bytes: no modification times (ZIP's DOS time then is
 * libarchive's minimum, 1980-01-01 00:00, whatever the time zone), uid/gid
 * 0, mode 0644, "mimetype" first and stored, XML deflated, evidence and the
 * PDF stored (they are mostly compressed already). The file is written
 * under a temporary name in the target directory, fsync'ed, re-opened and
 * verified with scs-verify, and only then renamed over the final name, so
 * a failed or cancelled export leaves nothing half-written there.
 *
 * A final (non-draft) export is also recorded in the workspace
 * (scs-submission.c: file name, SHA-256 and size of the package, time,
 * exporter, the expert signature's state). The record is part of the
 * export's success, not a best-effort note: the vendor's portfolio says
 * "submitted" from it, so a package the workspace does not know about
 * would be a submission nobody can see. The record's transaction is
 * opened before the rename and committed after it; if the record cannot
 * be written (the workspace is locked or its disk full; a read-only file
 * cannot even be opened) the export fails with that error and the package
 * is removed, and if the commit fails after the rename the new package is
 * removed again and a package it replaced is put back. The SHA-256 of the
 * package is computed while it is written, so recording costs no second
 * read of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-package.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "scs-attestation.h"
#include "scs-file.h"
#include "scs-report.h"
#include "scs-provider.h"
#include "scs-scope.h"
#include "scs-sha256.h"
#include "scs-signer.h"
#include "scs-verify.h"
#include "scs-xml.h"
#include "scs-zip.h"

#include "scs-declaration.h"
#include "scs-signature.h"
#include "scs-signature-check.h"
#include "scs-submission.h"

typedef struct
{
  char       *path;
  GBytes     *data;       /* NULL: evidence, streamed from the workspace by sha256 */
  guint64     size;
  const char *media_type;
  char       *sha256;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_clear_pointer (&entry->data, g_bytes_unref);
  g_free (entry->sha256);
  g_free (entry);
}


static Entry *
add_entry (GPtrArray  *entries,
           const char *path,
           GBytes     *data,
           const char *media_type)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->path = g_strdup (path);
  entry->data = g_bytes_ref (data);
  entry->size = g_bytes_get_size (data);
  entry->media_type = media_type;
  entry->sha256 = scs_sha256_hex_bytes (data);
  g_ptr_array_add (entries, entry);
  return entry;
}

/* Evidence: hashed now in pieces and streamed from the workspace when the
 * package is written, so an export holds at most a piece of it in memory
 * (it held all of it: 1.4 GB for 1.1 GB of evidence). The entry's
 * sha256 is what the stored bytes hash to now; NULL when they cannot be
 * read. */
static Entry *
add_evidence_entry (GPtrArray     *entries,
                    ScsWorkspace  *workspace,
                    const char    *path,
                    const char    *stored_sha256,
                    const char    *media_type,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Entry *entry;
  gint64 size = 0;
  char *sha256 = scs_workspace_hash_evidence (workspace, stored_sha256, &size, cancellable, error);

  if (sha256 == NULL)
    return NULL;
  entry = g_new0 (Entry, 1);
  entry->path = g_strdup (path);
  entry->size = size;
  entry->media_type = media_type;
  entry->sha256 = sha256;
  g_ptr_array_add (entries, entry);
  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;

  return strcmp (ea->path, eb->path);
}

/* What the workspace accepts as evidence fits in what the verifier
 * accepts as a package, with room for the XML and the report. */
G_STATIC_ASSERT (SCS_EVIDENCE_MAX_SIZE <= SCS_ZIP_MAX_ENTRY_SIZE);
G_STATIC_ASSERT (SCS_EVIDENCE_MAX_TOTAL_SIZE + (gint64) 64 * 1024 * 1024 <= SCS_ZIP_MAX_TOTAL_SIZE);

/* "Japanese" or "English" for "ja" / "en", translated */
static const char *
language_name (const char *language)
{
  return g_str_equal (language, "ja") ? _("Japanese") : _("English");
}

static GBytes *
render_manifest (GPtrArray  *entries,
                 gboolean    draft,
                 const char *language)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append_printf (xml,
                          "<manifest xmlns=\"" SCS_PACKAGE_MANIFEST_NS "\" version=\"1\""
                          " draft=\"%s\" language=\"%s\" generator=\"SCS Workbench %s\">\n",
                          draft ? "true" : "false", language, PACKAGE_VERSION);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_string_append (xml, "  <file");
      scs_xml_append_attribute (xml, "path", entry->path);
      g_string_append_printf (xml, " size=\"%" G_GSIZE_FORMAT "\" sha256=\"%s\" media-type=\"%s\"/>\n",
                              (gsize) entry->size, entry->sha256, entry->media_type);
    }
  g_string_append (xml, "</manifest>\n");
  return g_string_free_to_bytes (xml);
}

/* Waits for @thread, a worker that sets *@result or *@worker_error: its
 * result, or NULL with @error from the worker. When this thread failed
 * meanwhile (@ok FALSE, @error already set), the worker's result and error
 * are dropped. */
static gpointer
join_worker (GThread         *thread,
             gboolean         ok,
             gpointer        *result,
             GDestroyNotify   free_result,
             GError         **worker_error,
             GError         **error)
{
  g_thread_join (thread);
  if (!ok)
    {
      g_clear_error (worker_error);
      g_clear_pointer (result, free_result);
      return NULL;
    }
  if (*result == NULL)
    g_propagate_error (error, g_steal_pointer (worker_error));
  return g_steal_pointer (result);
}

/* The report is rendered on a second thread, with its own connection to
 * the workspace file, while this one reads and hashes the evidence: the
 * font subsetting of the PDF takes about as long as hashing 100 MiB. */
typedef struct
{
  char             *workspace_path;
  ScsReportOptions  options;
  GBytes           *pdf;
  GError           *error;
} ReportJob;

static gpointer
report_thread (gpointer data)
{
  ReportJob *job = data;
  g_autoptr(ScsWorkspace) workspace = scs_workspace_open_again (job->workspace_path, &job->error);

  if (workspace != NULL)
    job->pdf = scs_report_render (workspace, &job->options, &job->error);
  return NULL;
}

/* What goes into a draft, rendered fresh and sorted by path; its
 * META-INF/manifest.xml is not included. */
static GPtrArray *
collect_draft_entries (ScsWorkspace            *workspace,
                       const char              *language,
                       ScsPackageProgressFunc   progress,
                       gpointer                 progress_data,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GBytes) assessment = NULL;
  g_autoptr(GBytes) scope = NULL;
  g_autoptr(GBytes) provider = NULL;
  g_autoptr(GBytes) report = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *assessment_hash = NULL;
  ReportJob job = { 0 };
  GThread *thread;
  gboolean ok = TRUE;
  GError *local_error = NULL;

  assessment = scs_attestation_render (workspace, error);
  if (assessment == NULL)
    return NULL;
  add_entry (entries, "assessment.xml", assessment, "application/xml");
  add_entry (entries, "catalog.xml", scs_catalog_get_bytes (scs_workspace_get_catalog (workspace)),
             "application/xml");
  assessment_hash = scs_sha256_hex_bytes (assessment);

  scope = scs_scope_render_xml (workspace, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (scope != NULL)
    add_entry (entries, "scope.xml", scope, "application/xml");
  provider = scs_provider_render_xml (workspace, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (provider != NULL)
    add_entry (entries, "provider.xml", provider, "application/xml");

  evidence = scs_workspace_list_evidence (workspace, NULL, error);
  if (evidence == NULL)
    return NULL;
  for (guint i = 0; i < evidence->len; i++)
    {
      ScsEvidence *item = g_ptr_array_index (evidence, i);

      g_hash_table_insert (paths, g_strdup (item->sha256), scs_package_evidence_path (item, taken));
    }

  job.workspace_path = (char *) scs_workspace_get_path (workspace);
  job.options.draft = TRUE;
  job.options.language = language;
  job.options.content_sha256 = assessment_hash;
  job.options.evidence_paths = paths;
#ifdef __GLIBC__
  /* The report thread allocates from a malloc arena of its own, which
   * cannot reuse what this thread has freed (rendering the XML, reading
   * the workspace): hand that back first, or the export's peak memory is
   * both together (~25 MiB more). */
  malloc_trim (0);
#endif
  thread = g_thread_new ("scs-report", report_thread, &job);

  for (guint i = 0; i < evidence->len && ok; i++)
    {
      ScsEvidence *item = g_ptr_array_index (evidence, i);
      Entry *entry;

      entry = add_evidence_entry (entries, workspace, g_hash_table_lookup (paths, item->sha256), item->sha256,
                                  g_intern_string (scs_package_evidence_media_type (item)), cancellable, error);
      if (entry == NULL)
        {
          ok = FALSE;
          break;
        }
      /* what the workspace says and what it holds must agree */
      if (!g_str_equal (entry->sha256, item->sha256))
        {
          g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_INVALID,
                       _("The evidence file ‘%s’ is damaged in the workspace: its SHA-256 is not %s"),
                       item->name, item->sha256);
          ok = FALSE;
          break;
        }
      if (progress != NULL)
        progress (0.5 * (i + 1) / evidence->len, progress_data);
    }

  report = join_worker (thread, ok, (gpointer *) &job.pdf, (GDestroyNotify) g_bytes_unref, &job.error, error);
  if (report == NULL)
    return NULL;
  add_entry (entries, "report.pdf", report, "application/pdf");

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}


/* The workspace rendered again on a second thread, with its own
 * connection, while this one reads and hashes the evidence. */
typedef struct
{
  char      *workspace_path;
  GPtrArray *changes;
  GError    *error;
} RecheckJob;

static gpointer
recheck_thread (gpointer data)
{
  RecheckJob *job = data;
  g_autoptr(ScsWorkspace) workspace = scs_workspace_open_again (job->workspace_path, &job->error);
  g_autoptr(GPtrArray) management = NULL;

  if (workspace == NULL)
    return NULL;
  job->changes = scs_signature_list_changes (workspace, SCS_SIGNATURE_ROLE_EXPERT, FALSE, &job->error);
  if (job->changes != NULL)
    management = scs_signature_list_changes (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT, FALSE, &job->error);
  if (management == NULL)
    {
      g_clear_pointer (&job->changes, g_ptr_array_unref);
      return NULL;
    }
  for (guint i = 0; i < management->len; i++)
    g_ptr_array_add (job->changes, g_strdup (management->pdata[i]));
  return NULL;
}

/* What goes into a final package: the stored signed bytes, sorted by path,
 * after checking the workspace against them. */
static GPtrArray *
collect_final_entries (ScsWorkspace            *workspace,
                       ScsPackageProgressFunc   progress,
                       gpointer                 progress_data,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GBytes) expert_cms = scs_signature_dup_cms (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  g_autoptr(GBytes) management_cms = scs_signature_dup_cms (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  g_autoptr(GPtrArray) expert = NULL;
  g_autoptr(GPtrArray) management = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) report_changes = NULL;
  g_autofree char *expert_cms_sha256 = NULL;
  RecheckJob job = { 0 };
  GThread *thread;
  guint n_evidence = 0, done = 0;
  gboolean ok = TRUE;

  if (expert_cms == NULL)
    {
      g_set_error_literal (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_UNSIGNED,
                           _("The assessment is not signed by the security expert yet: "
                             "export a draft package, or sign the assessment first"));
      return NULL;
    }
  if (management_cms == NULL)
    {
      g_set_error_literal (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_UNSIGNED,
                           _("Management has not signed the self-declaration yet: "
                             "export a draft package, or sign the declaration first"));
      return NULL;
    }
  expert = scs_signature_dup_entries (workspace, SCS_SIGNATURE_ROLE_EXPERT);
  management = scs_signature_dup_entries (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT);
  if (expert == NULL || management == NULL)
    {
      g_set_error_literal (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_UNSIGNED,
                           _("This workspace was signed before signed package manifests: the expert must "
                             "sign again in a new review round (and management declare again), so that "
                             "every file of the package is covered by a signature"));
      return NULL;
    }

  job.workspace_path = (char *) scs_workspace_get_path (workspace);
  thread = g_thread_new ("scs-recheck", recheck_thread, &job);

  for (guint i = 0; i < expert->len; i++)
    n_evidence += ((ScsSignedEntry *) expert->pdata[i])->data == NULL;
  for (guint i = 0; i < expert->len && ok; i++)
    {
      ScsSignedEntry *signed_entry = g_ptr_array_index (expert, i);
      g_autoptr(GError) local_error = NULL;
      Entry *entry;

      if (signed_entry->data != NULL)
        {
          add_entry (entries, signed_entry->path, signed_entry->data, g_intern_string (signed_entry->media_type));
          continue;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      /* evidence: its blob must still hash to what the expert signed */
      entry = add_evidence_entry (entries, workspace, signed_entry->path, signed_entry->sha256,
                                  g_intern_string (signed_entry->media_type), cancellable, &local_error);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
          break;
        }
      if (entry == NULL)
        {
          g_ptr_array_add (changes, g_strdup (signed_entry->path));
          continue;
        }
      if (!g_str_equal (entry->sha256, signed_entry->sha256))
        g_ptr_array_add (changes, g_strdup (signed_entry->path));
      if (progress != NULL)
        progress (0.5 * ++done / n_evidence, progress_data);
    }

  /* management's entries: its own bytes, or the expert's by path and hash */
  expert_cms_sha256 = scs_sha256_hex_bytes (expert_cms);
  for (guint i = 0; i < management->len && ok; i++)
    {
      ScsSignedEntry *signed_entry = g_ptr_array_index (management, i);
      ScsSignedEntry *of_expert = scs_signed_entry_find (expert, signed_entry->path);

      if (signed_entry->data != NULL)
        add_entry (entries, signed_entry->path, signed_entry->data, g_intern_string (signed_entry->media_type));
      else if (g_str_equal (signed_entry->path, SCS_ASIC_SIGNATURE_EXPERT)
               ? !g_str_equal (signed_entry->sha256, expert_cms_sha256)
               : of_expert == NULL || !g_str_equal (of_expert->sha256, signed_entry->sha256))
        g_ptr_array_add (changes, g_strdup (signed_entry->path));
    }
  add_entry (entries, SCS_ASIC_SIGNATURE_EXPERT, expert_cms, "application/pkcs7-signature");
  add_entry (entries, SCS_ASIC_SIGNATURE_MANAGEMENT, management_cms, "application/pkcs7-signature");

  report_changes = join_worker (thread, ok, (gpointer *) &job.changes, (GDestroyNotify) g_ptr_array_unref,
                                &job.error, error);
  if (report_changes == NULL)
    return NULL;
  for (guint i = 0; i < report_changes->len; i++)
    g_ptr_array_add (changes, g_strdup (report_changes->pdata[i]));
  if (changes->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (changes, NULL);
      list = g_strjoinv (", ", (char **) changes->pdata);
      g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_CHANGED,
                   _("The workspace no longer matches what the expert and management signed "
                     "(changed behind the seal: %s); no package was written. Start a new review "
                     "round and sign again"), list);
      return NULL;
    }

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

static gboolean
write_chunk (const guint8  *data,
             gsize          size,
             gpointer       user_data,
             GError       **error)
{
  return scs_zip_writer_write (user_data, data, size, NULL, error);
}

/* @workspace: where the evidence entries (data NULL) are read from */
static gboolean
write_zip (int               fd,
           ScsWorkspace     *workspace,
           GPtrArray        *entries,
           GBytes           *manifest,
           const char       *path,
           ScsPackageProgressFunc progress,
           gpointer          progress_data,
           GCancellable     *cancellable,
           char            **sha256,
           guint64          *size,
           GError          **error)
{
  g_autoptr(ScsZipWriter) zip = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) mimetype = g_bytes_new_static (SCS_PACKAGE_MIMETYPE, strlen (SCS_PACKAGE_MIMETYPE));
  gboolean ok;

  zip = scs_zip_writer_new (fd, &local_error);
  ok = zip != NULL &&
       scs_zip_writer_add (zip, "mimetype", mimetype, TRUE, cancellable, &local_error) &&
       (manifest == NULL ||
        scs_zip_writer_add (zip, "META-INF/manifest.xml", manifest, FALSE, cancellable, &local_error));
  for (guint i = 0; ok && i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      /* XML compresses well; evidence files and the PDF are mostly compressed
       * already, so they are stored: deflating them again costs time for
       * nothing (and stored entries read back at copy speed) */
      gboolean stored = !g_str_has_suffix (entry->path, ".xml");

      if (entry->data != NULL)
        ok = scs_zip_writer_add (zip, entry->path, entry->data, stored, cancellable, &local_error);
      else
        ok = scs_zip_writer_begin (zip, entry->path, entry->size, stored, &local_error) &&
             scs_workspace_read_evidence (workspace, entry->sha256, write_chunk, zip, cancellable,
                                          &local_error) &&
             scs_zip_writer_end (zip, &local_error);
      if (ok && progress != NULL)
        progress (0.5 + 0.4 * (i + 1) / entries->len, progress_data);
    }
  if (ok && scs_zip_writer_finish (zip, sha256, size, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO,
                 _("Could not write the package ‘%s’: %s"), path, local_error->message);
  return FALSE;
}

static gboolean
check_written (const char      *tmp_path,
               const char      *path,
               gboolean         draft,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(ScsVerifyResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  result = scs_verify_package_file (tmp_path, NULL, cancellable, &local_error);
  if (result == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_INVALID,
                   _("The package ‘%s’ did not verify after writing: %s"), path, local_error->message);
      return FALSE;
    }
  for (guint i = 0; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      /* a draft is unsigned and may be incomplete: only its integrity counts */
      if (check->status != SCS_CHECK_FAIL)
        continue;
      if (draft && !g_str_equal (check->check, "mimetype") && !g_str_equal (check->check, "manifest") &&
          !g_str_equal (check->check, "hash") && !g_str_equal (check->check, "missing") &&
          !g_str_equal (check->check, "extra"))
        continue;
      g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_INVALID,
                   _("The package ‘%s’ did not verify after writing: %s"), path, check->message);
      return FALSE;
    }
  return TRUE;
}

/* Writes the package under a recognisable partial name next to @path
 * (scs-file.h: the next run removes it if this one is killed), synced and
 * verified; returns that name, NULL with nothing left on error. */
static char *
write_checked (const char              *path,
               ScsWorkspace            *workspace,
               GPtrArray               *entries,
               GBytes                  *manifest,
               gboolean                 draft,
               ScsPackageProgressFunc   progress,
               gpointer                 progress_data,
               GCancellable            *cancellable,
               char                   **sha256,
               guint64                 *size,
               GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp_path = NULL;
  int fd;

  fd = scs_file_create_partial (path, &tmp_path, &local_error);
  if (fd < 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO,
                   _("Could not create a file in ‘%s’: %s"), dir, local_error->message);
      return NULL;
    }
  /* mkstemp gives 0600; a package is meant to be shared */
  fchmod (fd, 0644);

  if (!write_zip (fd, workspace, entries, manifest, path, progress, progress_data, cancellable, sha256, size, error))
    {
      close (fd);
      g_unlink (tmp_path);
      return NULL;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO,
                   _("Could not write the package ‘%s’: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (!check_written (tmp_path, path, draft, cancellable, error))
    {
      g_unlink (tmp_path);
      return NULL;
    }
  return g_steal_pointer (&tmp_path);
}

gboolean
scs_package_export (ScsWorkspace           *workspace,
                    const char             *path,
                    ScsPackageFlags         flags,
                    const char             *language,
                    ScsPackageProgressFunc  progress,
                    gpointer                progress_data,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *package_sha256 = NULL;
  guint64 package_size = 0;
  gboolean draft = (flags & SCS_PACKAGE_FLAGS_DRAFT) != 0;
  g_auto(ScsDbTransaction) record = SCS_DB_TRANSACTION_INIT;
  int fd;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_return_val_if_fail (language == NULL || g_str_equal (language, "ja") || g_str_equal (language, "en"), FALSE);

  /* A final package carries the report management signed, in the language
   * chosen then: another one is refused rather than silently ignored. */
  if (!draft && language != NULL)
    {
      g_autofree char *declared = scs_declaration_dup_report_language (workspace);

      if (declared != NULL && !g_str_equal (declared, language))
        {
          g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_LANGUAGE,
                       _("The signed report is in %s, chosen when management declared; a report in %s "
                         "needs a new declaration (or export a draft in %s)"),
                       language_name (declared), language_name (language), language_name (language));
          return FALSE;
        }
    }
  if (language == NULL)
    language = "ja";

  /* evidence added before the total limit existed: said before any work */
  {
    g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, NULL, error);
    gint64 total = 0;

    if (evidence == NULL)
      return FALSE;
    for (guint i = 0; i < evidence->len; i++)
      total += ((ScsEvidence *) g_ptr_array_index (evidence, i))->size;
    if (total > SCS_EVIDENCE_MAX_TOTAL_SIZE)
      {
        g_autofree char *sum = g_format_size_full (total, G_FORMAT_SIZE_IEC_UNITS);
        g_autofree char *limit = g_format_size_full (SCS_EVIDENCE_MAX_TOTAL_SIZE, G_FORMAT_SIZE_IEC_UNITS);

        g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO,
                     _("The workspace holds %s of evidence; a submission package holds at most %s: "
                       "remove some evidence files first"), sum, limit);
        return FALSE;
      }
  }

  entries = draft ? collect_draft_entries (workspace, language, progress, progress_data, cancellable, error)
                  : collect_final_entries (workspace, progress, progress_data, cancellable, error);
  if (entries == NULL)
    return FALSE;
  /* a final package lists its entries in the signed ASiCManifests only */
  if (draft)
    manifest = render_manifest (entries, draft, language);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = write_checked (path, workspace, entries, manifest, draft, progress, progress_data, cancellable,
                            &package_sha256, &package_size, error);
  if (tmp_path == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  /* A final package is recorded in the workspace in the same step as it
   * is put in place (see the top of the file): until the commit below,
   * every return rolls the record back. */
  if (!draft && !scs_submission_prepare (workspace, &record, base, package_sha256, package_size, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  /* A package replaced by this one is kept under a second name until the
   * record is committed, so a failed commit can put it back. The name is a
   * partial one (scs-file.h): after kill -9 the next run removes it. */
  if (!draft && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fd = scs_file_create_partial (path, &backup_path, NULL);
      if (fd >= 0)
        close (fd);
      if (fd < 0 || g_unlink (backup_path) != 0 || link (path, backup_path) != 0)
        {
          int saved = errno;

          g_unlink (tmp_path);
          g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO,
                       _("Could not keep the existing package ‘%s’ while replacing it: %s"),
                       path, g_strerror (saved));
          return FALSE;
        }
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      if (backup_path != NULL)
        g_unlink (backup_path);
      g_unlink (tmp_path);
      g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO,
                   _("Could not write the package ‘%s’: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!draft && !scs_submission_commit (workspace, &record, error))
    {
      if (backup_path == NULL || g_rename (backup_path, path) != 0)
        g_unlink (path);
      scs_file_sync_directory (dir);
      return FALSE;
    }
  if (backup_path != NULL)
    g_unlink (backup_path);
  scs_file_sync_directory (dir);
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* Async */

typedef struct
{
  char                   *workspace_path;
  char                   *path;
  ScsPackageFlags         flags;
  char                   *language;
  char                   *actor;
  ScsPackageProgressFunc  progress;
  gpointer                progress_data;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->workspace_path);
  g_free (data->path);
  g_free (data->language);
  g_free (data->actor);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(ScsWorkspace) workspace = NULL;
  GError *error = NULL;

  /* one SQLite connection per thread: the worker opens its own */
  workspace = scs_workspace_open_again (data->workspace_path, &error);
  /* the submission record names who exported, as the caller's workspace does */
  if (workspace != NULL)
    scs_workspace_set_actor (workspace, data->actor);
  if (workspace == NULL ||
      !scs_package_export (workspace, data->path, data->flags, data->language,
                           data->progress, data->progress_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
scs_package_export_async (ScsWorkspace           *workspace,
                          const char             *path,
                          ScsPackageFlags         flags,
                          const char             *language,
                          ScsPackageProgressFunc  progress,
                          gpointer                progress_data,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (SCS_IS_WORKSPACE (workspace));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_package_export_async);
  data = g_new0 (ExportData, 1);
  data->workspace_path = g_strdup (scs_workspace_get_path (workspace));
  data->path = g_strdup (path);
  data->flags = flags;
  data->language = g_strdup (language);
  data->actor = g_strdup (scs_workspace_get_actor (workspace));
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
scs_package_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
scs_package_write_signed (GPtrArray   *signed_entries,
                          ScsSigner   *signer,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *package_sha256 = NULL;
  guint64 package_size = 0;

  g_return_val_if_fail (signed_entries != NULL && SCS_IS_SIGNER (signer) && path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_IO,
                   _("‘%s’ already exists: a signed declaration is never written over a file"), path);
      return FALSE;
    }
  manifest = scs_package_render_manifest (SCS_SIGNATURE_ROLE_MANAGEMENT, signed_entries);
  cms = scs_signer_sign (signer, manifest, error);
  if (cms == NULL)
    return FALSE;
  for (guint i = 0; i < signed_entries->len; i++)
    {
      ScsSignedEntry *entry = g_ptr_array_index (signed_entries, i);

      add_entry (entries, entry->path, entry->data, entry->media_type);
    }
  add_entry (entries, SCS_ASIC_MANIFEST_MANAGEMENT, manifest, "text/xml");
  add_entry (entries, SCS_ASIC_SIGNATURE_MANAGEMENT, cms, "application/pkcs7-signature");
  g_ptr_array_sort (entries, compare_entries);

  tmp_path = write_checked (path, NULL, entries, NULL, FALSE, NULL, NULL, NULL, &package_sha256, &package_size, error);
  if (tmp_path == NULL)
    return FALSE;
  if (!scs_file_rename_no_replace (tmp_path, path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  {
    g_autofree char *dir = g_path_get_dirname (path);

    scs_file_sync_directory (dir);
  }
  return TRUE;
}
