/* scs-verify.c: checking a submission package without trusting it
 *
 * A package may come from anyone, so it is read with base's bounded ZIP
 * reader (scs-zip.h: libarchive's seekable reader, the central directory,
 * what unzip and other tools see) and never extracted: the first pass
 * looks only at the headers and refuses hostile archives (path escapes, absolute or drive-letter paths,
 * backslashes, non-UTF-8 or control characters, links and devices,
 * duplicate or case-colliding names, too many entries, declared sizes over
 * the limits); the second streams every entry through SHA-256 with running
 * size and compression-ratio limits, keeping only the small XML and CMS
 * files in memory. XML is parsed with no DTD loading, no entity
 * substitution and no network, and a DOCTYPE anywhere is refused outright.
 * Only then are the checks a recipient cares about made: each ASiCManifest
 * valid and its signature (GnuTLS, detached CMS over the manifest's bytes)
 * valid and chained to the CA given; every referenced entry present with
 * its SHA-256; every other entry covered by a validly signed manifest;
 * answers complete for the level against the catalog.xml the package
 * carries (hash-bound to assessment.xml); the declaration bound to this
 * assessment, expert manifest, organisation, level and catalog. A package
 * with only an unsigned META-INF/manifest.xml is a draft (integrity only)
 * or of the older format (refused). Hostile or unreadable input is an
 * error (exit 2 in the CLI); everything else is a list of named checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-verify.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scs-catalog.h"
#include "scs-cms.h"
#include "scs-package-manifest.h"
#include "scs-sha256.h"
#include "scs-xml.h"
#include "scs-zip.h"

G_DEFINE_QUARK (scs-verify-error-quark, scs_verify_error)

void
scs_verify_result_free (ScsVerifyResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->checks);
  g_free (result->language);
  g_free (result);
}

static void
check_free (ScsVerifyCheck *check)
{
  g_free (check->check);
  g_free (check->file);
  g_free (check->message);
  g_free (check);
}

G_GNUC_PRINTF (5, 6)
static void
add_check (ScsVerifyResult *result,
           const char      *id,
           const char      *file,
           ScsCheckStatus   status,
           const char      *format,
           ...)
{
  ScsVerifyCheck *check = g_new0 (ScsVerifyCheck, 1);
  va_list args;

  check->check = g_strdup (id);
  check->file = g_strdup (file);
  check->status = status;
  va_start (args, format);
  check->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (result->checks, check);
  if (status == SCS_CHECK_FAIL)
    result->valid = FALSE;
}

/* XML */

gpointer
scs_verify_parse_xml (GBytes      *xml,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  xmlDocPtr doc;

  g_return_val_if_fail (xml != NULL, NULL);

  doc = scs_xml_parse (xml, SCS_VERIFY_MAX_XML_SIZE, &local_error);
  if (doc != NULL)
    return doc;

  if (g_error_matches (local_error, SCS_XML_ERROR, SCS_XML_ERROR_EMPTY))
    g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE, _("‘%s’ is empty"), name);
  else if (g_error_matches (local_error, SCS_XML_ERROR, SCS_XML_ERROR_TOO_LARGE))
    g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_HOSTILE,
                 _("‘%s’ is larger than %d MiB"), name, (int) (SCS_VERIFY_MAX_XML_SIZE >> 20));
  else if (g_error_matches (local_error, SCS_XML_ERROR, SCS_XML_ERROR_DOCTYPE))
    g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_HOSTILE,
                 _("‘%s’ declares a DOCTYPE or entities, which a package never contains"), name);
  else if (scs_xml_error_is_hostile (local_error))
    /* Translators: %s after the entry says where and what, "line 2 has an XInclude element, which is not allowed" */
    g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_HOSTILE,
                 _("‘%s’ is refused: %s"), name, local_error->message);
  else
    g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE,
                 _("‘%s’ is not well-formed XML: %s"), name, local_error->message);
  return NULL;
}

/* @schema_name: the resource name under /jp/scsworkbench/core/schema/. */
static gboolean
validate_manifest (xmlDocPtr    doc,
                   const char  *schema_name,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *resource = g_strconcat ("/jp/scsworkbench/core/schema/", schema_name, NULL);

  schema = g_resources_lookup_data (resource, 0, NULL);
  g_assert (schema != NULL);
  if (!scs_xml_validate (doc, schema, NULL))
    {
      g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE,
                   _("%s does not match its schema"), name);
      return FALSE;
    }
  return TRUE;
}

/* @data, the package's file @name (NULL: unreadable), parsed and checked
 * against @schema_name: the document, or NULL after a failed check
 * @check_id saying why. */
static xmlDocPtr
read_checked_xml (ScsVerifyResult *result,
                  GBytes          *data,
                  const char      *name,
                  const char      *schema_name,
                  const char      *check_id)
{
  g_autoptr(GError) local_error = NULL;
  xmlDocPtr doc = data != NULL ? scs_verify_parse_xml (data, name, &local_error) : NULL;

  if (doc == NULL || !validate_manifest (doc, schema_name, name, &local_error))
    {
      add_check (result, check_id, name, SCS_CHECK_FAIL, "%s", local_error != NULL ? local_error->message : name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  return doc;
}

/* Reading the archive */

typedef struct
{
  char   *name;
  gint64  size;
  char   *sha256;
  GBytes *data;   /* kept for XML, CMS and mimetype only */
} Item;

static void
item_free (Item *item)
{
  g_free (item->name);
  g_free (item->sha256);
  g_clear_pointer (&item->data, g_bytes_unref);
  g_free (item);
}

typedef struct
{
  GBytes     *bytes;     /* or */
  const char *path;
  gint64      file_size;
} Source;

/* The package's own files, which the checks below read. Evidence (under
 * evidence/) is the company's own files, only hashed, never kept nor
 * parsed (an XML file among them is opaque bytes like a PDF): what a
 * verification holds in memory does not grow with the evidence (it kept
 * every .xml entry, ~1 GB for a 17 MB package of XML evidence). */
static gboolean
keep_data (const char *name)
{
  if (g_str_has_prefix (name, "evidence/"))
    return FALSE;
  return g_str_equal (name, "mimetype") || g_str_has_suffix (name, ".xml") ||
         g_str_has_suffix (name, ".p7s");
}

/* Every entry streamed through SHA-256, with base's ZIP limits (scs-zip.h)
 * checked on the headers first and on the data as it comes out. */
static GPtrArray *
read_items (const Source  *source,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(ScsZipReader) zip = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (256 * 1024);
  const char *name;

  zip = source->bytes != NULL ? scs_zip_reader_new_from_bytes (source->bytes, &local_error)
                              : scs_zip_reader_new_from_file (source->path, &local_error);
  if (zip != NULL && !scs_zip_reader_check_layout (zip, &local_error))
    g_clear_pointer (&zip, scs_zip_reader_free);
  while (zip != NULL && scs_zip_reader_next (zip, &name, &local_error))
    {
      Item *item = g_new0 (Item, 1);
      g_autoptr(ScsSha256) hash = scs_sha256_new ();
      g_autoptr(GByteArray) kept = NULL;
      gssize got;

      item->name = g_strdup (name);
      g_ptr_array_add (items, item);
      if (keep_data (item->name))
        kept = g_byte_array_new ();
      while ((got = scs_zip_reader_read (zip, buffer, 256 * 1024, &local_error)) > 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          item->size += got;
          if (kept != NULL && item->size > SCS_VERIFY_MAX_XML_SIZE)
            {
              g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_HOSTILE,
                           _("The entry ‘%s’ expands beyond the size or compression-ratio limit"),
                           item->name);
              return NULL;
            }
          scs_sha256_update (hash, buffer, got);
          if (kept != NULL)
            g_byte_array_append (kept, buffer, got);
        }
      if (got < 0)
        break;
      item->sha256 = scs_sha256_finish_hex (g_steal_pointer (&hash));
      if (kept != NULL)
        item->data = g_byte_array_free_to_bytes (g_steal_pointer (&kept));
    }
  if (local_error == NULL)
    return g_steal_pointer (&items);

  if (g_error_matches (local_error, SCS_ZIP_ERROR, SCS_ZIP_ERROR_NOT_ZIP))
    g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE,
                 _("Not a readable submission package: %s"), local_error->message);
  else
    g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_HOSTILE,
                 _("The package is refused: %s"), local_error->message);
  return NULL;
}

static Item *
find_item (GPtrArray  *items,
           const char *name)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->name, name))
        return item;
    }
  return NULL;
}

/* Signatures */

/* @fingerprint (may be NULL): the SHA-256 of the signer's certificate
 * when the signature is good. */
static void
check_signature (ScsVerifyResult *result,
                 GPtrArray       *items,
                 const char      *id,
                 const char      *cms_name,
                 const char      *content_name,
                 GBytes          *ca_pem,
                 char           **fingerprint)
{
  Item *cms = find_item (items, cms_name);
  Item *content = find_item (items, content_name);
  g_autoptr(ScsTrustAnchors) anchors = NULL;
  g_autoptr(ScsCmsVerification) v = NULL;
  g_autofree char *person = NULL;
  g_autoptr(GError) local_error = NULL;

  if (cms == NULL)
    {
      add_check (result, id, cms_name, SCS_CHECK_FAIL,
                 result->draft ? _("%s is missing: a draft package is not signed")
                               : _("%s is missing: the package is not signed"), cms_name);
      return;
    }
  if (content == NULL)
    {
      add_check (result, id, content_name, SCS_CHECK_FAIL,
                 _("%s is missing, so %s signs nothing"), content_name, cms_name);
      return;
    }

  if (ca_pem != NULL)
    {
      anchors = scs_trust_anchors_new ();
      if (!scs_trust_anchors_add_data (anchors, ca_pem, _("the given CA"), &local_error))
        {
          result->trusted = FALSE;
          add_check (result, id, cms_name, SCS_CHECK_FAIL, "%s", local_error->message);
          return;
        }
    }
  v = scs_cms_verify_detached (cms->data, content->data, anchors, NULL, cms_name);
  if (!v->trusted)
    result->trusted = FALSE;
  person = scs_cms_verification_dup_person (v);
  if (fingerprint != NULL && scs_cms_verification_is_good (v))
    *fingerprint = g_strdup (v->fingerprint);
  if (!scs_cms_verification_is_good (v))
    add_check (result, id, cms_name, SCS_CHECK_FAIL, "%s", v->problem);
  else if (v->trusted)
    add_check (result, id, cms_name, SCS_CHECK_PASS,
               _("%s is a valid signature over %s by %s, chained to a trusted CA; %s"),
               cms_name, content_name, person, scs_cms_level_describe (v->level));
  else
    add_check (result, id, cms_name, SCS_CHECK_WARN,
               _("%s: signature over %s intact, signer not verified (%s): no trusted CA certificate "
                 "was given; %s"),
               cms_name, content_name, person, scs_cms_level_describe (v->level));
}

/* The assessment: catalog and answers */

static xmlNodePtr
find_element (xmlNodePtr  node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNodePtr found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST name))
        return node;
      found = find_element (node->children, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
get_prop (xmlNodePtr  node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* Whether @node has a <reason> with more than white space. */
static gboolean
has_reason (xmlNodePtr node)
{
  xmlNodePtr reason = find_element (node->children, "reason");
  xmlChar *text = reason != NULL ? xmlNodeGetContent (reason) : NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? (const char *) text : ""));

  xmlFree (text);
  return *stripped != '\0';
}

/* The answer of each criterion by ID; IDs answered more than once go to
 * @twice (a reader would take one answer, verify another). */
static void
collect_answers (xmlNodePtr  node,
                 GHashTable *answers,
                 GPtrArray  *twice)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST "criterion"))
        {
          char *id = get_prop (node, "id");
          char *state = get_prop (node, "answer");

          if (state == NULL)
            state = get_prop (node, "state");
          if (id != NULL && state != NULL)
            {
              /* NA counts only with a reason, as in the workspace */
              if (g_str_equal (state, "na") && !has_reason (node))
                {
                  g_free (state);
                  state = g_strdup ("na-without-reason");
                }
              if (g_hash_table_contains (answers, id))
                g_ptr_array_add (twice, g_strdup (id));
              g_hash_table_replace (answers, id, state);
            }
          else
            {
              g_free (id);
              g_free (state);
            }
        }
      collect_answers (node->children, answers, twice);
    }
}

static void
check_assessment (ScsVerifyResult *result,
                  GPtrArray       *items)
{
  Item *item = find_item (items, "assessment.xml");
  Item *catalog_item = find_item (items, "catalog.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) twice = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *catalog_hash = NULL;
  g_autofree char *level_text = NULL;
  const GPtrArray *criteria;
  xmlDocPtr doc;
  xmlNodePtr root, node;
  guint level, missing = 0;
  g_autoptr(GString) missing_ids = g_string_new (NULL);

  if (item == NULL)
    {
      add_check (result, "answers", "assessment.xml", SCS_CHECK_FAIL, _("assessment.xml is missing"));
      return;
    }
  doc = scs_verify_parse_xml (item->data, "assessment.xml", &error);
  if (doc == NULL)
    {
      add_check (result, "answers", "assessment.xml", SCS_CHECK_FAIL, "%s", error->message);
      return;
    }
  root = xmlDocGetRootElement (doc);

  node = find_element (root, "catalog");
  if (node != NULL)
    catalog_hash = get_prop (node, "sha256");
  /* the catalog the package carries, bound by its hash in assessment.xml;
   * a package without one (an older draft) may use the built-in catalog */
  if (catalog_item != NULL)
    {
      catalog = scs_catalog_new_from_bytes (catalog_item->data, &error);
      if (catalog == NULL)
        {
          add_check (result, "catalog", "catalog.xml", SCS_CHECK_FAIL,
                     _("catalog.xml cannot be read: %s"), error->message);
          xmlFreeDoc (doc);
          return;
        }
    }
  else
    catalog = g_object_ref (builtin);
  if (catalog_hash == NULL || !g_str_equal (catalog_hash, scs_catalog_get_sha256 (catalog)))
    {
      if (catalog_item != NULL)
        add_check (result, "catalog", "catalog.xml", SCS_CHECK_FAIL,
                   _("catalog.xml (SHA-256 %s) is not the catalog assessment.xml is answered against "
                     "(SHA-256 %s)"), scs_catalog_get_sha256 (catalog), catalog_hash != NULL ? catalog_hash : "—");
      else
        add_check (result, "catalog", "assessment.xml", SCS_CHECK_FAIL,
                   _("assessment.xml is answered against an unknown catalog (SHA-256 %s)"),
                   catalog_hash != NULL ? catalog_hash : "—");
      xmlFreeDoc (doc);
      return;
    }
  if (g_str_equal (catalog_hash, scs_catalog_get_sha256 (builtin)))
    add_check (result, "catalog", catalog_item != NULL ? "catalog.xml" : "assessment.xml", SCS_CHECK_PASS,
               _("Answered against the built-in catalog %s (%s), SHA-256 %s"),
               scs_catalog_get_id (catalog), scs_catalog_get_date (catalog), catalog_hash);
  else if (scs_catalog_is_official (catalog))
    add_check (result, "catalog", "catalog.xml", SCS_CHECK_PASS,
               _("Answered against the official workbook of %s (catalog %s, SHA-256 %s; workbook SHA-256 %s)"),
               scs_catalog_get_date (catalog), scs_catalog_get_id (catalog), catalog_hash,
               scs_catalog_get_source_sha256 (catalog) != NULL ? scs_catalog_get_source_sha256 (catalog) : "—");
  else
    add_check (result, "catalog", "catalog.xml", SCS_CHECK_PASS,
               _("Answered against the catalog %s (%s) the package carries, SHA-256 %s"),
               scs_catalog_get_id (catalog), scs_catalog_get_date (catalog), catalog_hash);

  level_text = get_prop (root, "level");
  if (level_text == NULL && (node = find_element (root, "level")) != NULL)
    {
      xmlChar *content = xmlNodeGetContent (node);

      level_text = g_strdup ((const char *) content);
      xmlFree (content);
    }
  level = level_text != NULL ? (guint) g_ascii_strtoull (level_text, NULL, 10) : 3;
  if (level < 3 || level > 4)
    level = 3;

  collect_answers (root, answers, twice);
  for (guint i = 0; i < twice->len; i++)
    add_check (result, "answers", "assessment.xml", SCS_CHECK_FAIL,
               _("assessment.xml answers the criterion %s more than once"), (const char *) twice->pdata[i]);
  criteria = scs_catalog_get_criteria (catalog);
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);
      const char *state;

      if (criterion->level > level)
        continue;
      state = g_hash_table_lookup (answers, criterion->id);
      if (state == NULL || (!g_str_equal (state, "met") && !g_str_equal (state, "na")))
        {
          if (missing++ < 5)
            g_string_append_printf (missing_ids, "%s%s", missing_ids->len > 0 ? ", " : "", criterion->id);
        }
    }
  if (missing == 0)
    add_check (result, "answers", "assessment.xml", SCS_CHECK_PASS,
               _("Every criterion up to ★%u is met or not applicable with a reason"), level);
  else
    add_check (result, "answers", "assessment.xml", SCS_CHECK_FAIL,
               _("assessment.xml: %u criteria up to ★%u are not met or not answered (%s%s)"),
               missing, level, missing_ids->str, missing > 5 ? ", …" : "");
  xmlFreeDoc (doc);
}

/* The checks */

static gboolean
mimetype_is_stored_first (const Source *source)
{
  guint8 head[64];
  gsize n = 0;

  if (source->bytes != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (source->bytes, &size);

      n = MIN (size, sizeof head);
      memcpy (head, data, n);
    }
  else
    {
      FILE *file = fopen (source->path, "rb");

      if (file == NULL)
        return FALSE;
      n = fread (head, 1, sizeof head, file);
      fclose (file);
    }
  /* local file header: signature, method (offset 8) stored, name at 30 */
  return n >= 38 && memcmp (head, "PK\003\004", 4) == 0 && head[8] == 0 && head[9] == 0 &&
         head[26] == 8 && head[27] == 0 && memcmp (head + 30, "mimetype", 8) == 0;
}

/* The language report.pdf was rendered in, as the manifest (a draft) or
 * the signed declaration (a final package) records it. */
static void
record_language (ScsVerifyResult *result,
                 const char      *file,
                 const char      *language,
                 const char      *when)
{
  if (g_strcmp0 (language, "ja") != 0 && g_strcmp0 (language, "en") != 0)
    return;
  g_free (result->language);
  result->language = g_strdup (language);
  /* Translators: the second %s is the language, the third when it was chosen */
  add_check (result, "report", file, SCS_CHECK_PASS, _("%s is in %s (chosen %s)"), "report.pdf",
             g_str_equal (language, "ja") ? _("Japanese") : _("English"), when);
}

/* Packages with an unsigned META-INF/manifest.xml */

static gboolean
has_signed_entries (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (g_str_has_prefix (item->name, "META-INF/ASiCManifest"))
        return TRUE;
    }
  return FALSE;
}

/* A draft: every file against the unsigned manifest. A non-draft package
 * with only that manifest is of the format before signed manifests. */
static void
verify_draft (ScsVerifyResult *result,
              GPtrArray       *items,
              Item            *manifest_item)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *draft = NULL;
  xmlDocPtr manifest;
  xmlNodePtr node;

  manifest = read_checked_xml (result, manifest_item->data, "META-INF/manifest.xml", "manifest.rng", "manifest");
  if (manifest == NULL)
    return;
  draft = get_prop (xmlDocGetRootElement (manifest), "draft");
  if (g_strcmp0 (draft, "true") != 0)
    {
      add_check (result, "format", "META-INF/manifest.xml", SCS_CHECK_FAIL,
                 _("Older format: the report and evidence are not covered by a signature "
                   "(only an unsigned META-INF/manifest.xml lists them); export again"));
      xmlFreeDoc (manifest);
      return;
    }
  result->draft = TRUE;
  add_check (result, "manifest", "META-INF/manifest.xml", SCS_CHECK_PASS,
             _("META-INF/manifest.xml is valid (a draft package)"));
  {
    g_autofree char *language = get_prop (xmlDocGetRootElement (manifest), "language");

    record_language (result, "META-INF/manifest.xml", language, _("at export"));
  }

  for (node = xmlDocGetRootElement (manifest)->children; node != NULL; node = node->next)
    {
      g_autofree char *path = NULL;
      g_autofree char *size = NULL;
      g_autofree char *sha256 = NULL;
      Item *item;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      path = get_prop (node, "path");
      size = get_prop (node, "size");
      sha256 = get_prop (node, "sha256");
      if (g_hash_table_contains (listed, path))
        {
          add_check (result, "manifest", path, SCS_CHECK_FAIL, _("%s is listed twice in the manifest"), path);
          continue;
        }
      g_hash_table_add (listed, g_strdup (path));
      item = find_item (items, path);
      if (item == NULL)
        add_check (result, "missing", path, SCS_CHECK_FAIL, _("%s is listed in the manifest but missing"), path);
      else if (g_ascii_strtoll (size, NULL, 10) != item->size || !g_str_equal (sha256, item->sha256))
        add_check (result, "hash", path, SCS_CHECK_FAIL,
                   _("%s has changed: its size or SHA-256 does not match the manifest"), path);
    }
  xmlFreeDoc (manifest);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->name, "mimetype") || g_str_equal (item->name, "META-INF/manifest.xml"))
        continue;
      if (!g_hash_table_contains (listed, item->name))
        add_check (result, "extra", item->name, SCS_CHECK_FAIL,
                   _("%s is in the package but not in the manifest"), item->name);
    }
  if (result->valid)
    add_check (result, "hash", NULL, SCS_CHECK_PASS,
               _("All %u files match the manifest"), g_hash_table_size (listed));
}

/* Signed ASiCManifests */

/* The references of an ASiCManifest: URI → SHA-256 (hex), in document
 * order in @order. NULL with a failed check when it is not one. */
static GHashTable *
parse_asic_manifest (ScsVerifyResult *result,
                     Item            *item,
                     const char      *signature_name,
                     GPtrArray       *order)
{
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *sig_uri = NULL;
  xmlDocPtr doc;
  xmlNodePtr node;

  doc = read_checked_xml (result, item->data, item->name, "asic-manifest.rng", "manifest");
  if (doc == NULL)
    return NULL;
  for (node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      g_autofree char *uri = NULL;
      xmlNodePtr value;
      xmlChar *text;
      guchar *digest;
      gsize length = 0;
      GString *hex;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      uri = get_prop (node, "URI");
      if (xmlStrEqual (node->name, BAD_CAST "SigReference"))
        {
          sig_uri = g_steal_pointer (&uri);
          continue;
        }
      value = find_element (node->children, "DigestValue");
      text = xmlNodeGetContent (value);
      digest = g_base64_decode ((const char *) text, &length);
      xmlFree (text);
      hex = g_string_new (NULL);
      for (gsize k = 0; k < length; k++)
        g_string_append_printf (hex, "%02x", digest[k]);
      g_free (digest);
      if (g_hash_table_contains (refs, uri))
        {
          add_check (result, "manifest", uri, SCS_CHECK_FAIL, _("%s is referenced twice in %s"), uri, item->name);
          g_string_free (hex, TRUE);
          continue;
        }
      g_ptr_array_add (order, g_strdup (uri));
      g_hash_table_insert (refs, g_steal_pointer (&uri), g_string_free (hex, FALSE));
    }
  xmlFreeDoc (doc);
  if (g_strcmp0 (sig_uri, signature_name) != 0)
    {
      add_check (result, "manifest", item->name, SCS_CHECK_FAIL,
                 _("%s belongs to the signature %s, not to %s"), item->name,
                 sig_uri != NULL ? sig_uri : "—", signature_name);
      return NULL;
    }
  return g_steal_pointer (&refs);
}

/* One signature: its manifest, the CMS over the manifest's bytes, and every
 * entry the manifest references. Entries of a manifest whose signature
 * holds are added to @covered. Returns the references, or NULL. */
static GHashTable *
verify_asic (ScsVerifyResult *result,
             GPtrArray       *items,
             const char      *id,
             const char      *manifest_name,
             const char      *signature_name,
             GBytes          *ca_pem,
             GHashTable      *covered,
             char           **fingerprint)
{
  Item *manifest = find_item (items, manifest_name);
  g_autoptr(GHashTable) refs = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  guint first;
  gboolean signed_ok = TRUE;
  gboolean all_match = TRUE;

  if (manifest == NULL)
    {
      add_check (result, "manifest", manifest_name, SCS_CHECK_FAIL,
                 _("%s is missing: the package is not signed"), manifest_name);
      return NULL;
    }
  refs = parse_asic_manifest (result, manifest, signature_name, order);
  if (refs == NULL)
    return NULL;
  first = result->checks->len;
  check_signature (result, items, id, signature_name, manifest_name, ca_pem, fingerprint);
  for (guint i = first; i < result->checks->len; i++)
    {
      ScsVerifyCheck *check = g_ptr_array_index (result->checks, i);

      if (check->status == SCS_CHECK_FAIL)
        signed_ok = FALSE;
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *path = g_ptr_array_index (order, i);
      Item *item = find_item (items, path);

      if (item == NULL)
        {
          all_match = FALSE;
          add_check (result, "missing", path, SCS_CHECK_FAIL,
                     _("%s is referenced by %s but missing"), path, manifest_name);
        }
      else if (!g_str_equal (item->sha256, g_hash_table_lookup (refs, path)))
        {
          all_match = FALSE;
          add_check (result, "hash", path, SCS_CHECK_FAIL,
                     _("%s has changed: its SHA-256 does not match %s"), path, manifest_name);
        }
      else if (signed_ok)
        g_hash_table_add (covered, g_strdup (path));
    }
  if (all_match)
    add_check (result, "hash", manifest_name, SCS_CHECK_PASS,
               _("All %u files %s references match"), order->len, manifest_name);
  return g_steal_pointer (&refs);
}

static void
require_reference (ScsVerifyResult *result,
                   GHashTable      *refs,
                   const char      *manifest_name,
                   const char      *path)
{
  if (refs != NULL && !g_hash_table_contains (refs, path))
    add_check (result, "manifest", path, SCS_CHECK_FAIL,
               _("%s is not referenced by %s"), path, manifest_name);
}

/* Every entry but the container's own (mimetype, manifests, signatures)
 * must be in @covered: referenced by a manifest whose signature holds. */
static void
check_coverage (ScsVerifyResult *result,
                GPtrArray       *items,
                GHashTable      *covered)
{
  guint uncovered = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->name, "mimetype") ||
          g_str_equal (item->name, SCS_ASIC_MANIFEST_EXPERT) || g_str_equal (item->name, SCS_ASIC_MANIFEST_MANAGEMENT) ||
          g_str_equal (item->name, SCS_ASIC_SIGNATURE_EXPERT) || g_str_equal (item->name, SCS_ASIC_SIGNATURE_MANAGEMENT))
        {
          /* the expert's manifest and signature are covered by management's */
          continue;
        }
      if (!g_hash_table_contains (covered, item->name))
        {
          uncovered++;
          add_check (result, "extra", item->name, SCS_CHECK_FAIL,
                     _("%s is not covered by any signature"), item->name);
        }
    }
  if (uncovered == 0)
    add_check (result, "coverage", NULL, SCS_CHECK_PASS,
               _("Every file of the package is covered by a valid signature"));
}

/* jcstar-declaration.xml matches its schema, and every evidence file it
 * names is in the package with the SHA-256 it states. */
static void
check_jcstar_declaration (ScsVerifyResult *result,
                          GPtrArray       *items)
{
  Item *declaration = find_item (items, SCS_PACKAGE_JCSTAR_DECLARATION);
  xmlDocPtr doc = NULL;
  guint n_evidence = 0, failed = 0;

  doc = read_checked_xml (result, declaration->data, SCS_PACKAGE_JCSTAR_DECLARATION, "jcstar-declaration.rng",
                          "declaration");
  if (doc == NULL)
    return;
  /* requirement / item / evidence, as the schema has it */
  for (xmlNodePtr r = xmlDocGetRootElement (doc)->children; r != NULL; r = r->next)
    for (xmlNodePtr i = r->children; i != NULL; i = i->next)
      for (xmlNodePtr e = i->children; e != NULL; e = e->next)
        if (e->type == XML_ELEMENT_NODE && g_str_equal ((const char *) e->name, "evidence"))
          {
            xmlChar *file = xmlGetProp (e, (const xmlChar *) "file");
            xmlChar *sha256 = xmlGetProp (e, (const xmlChar *) "sha256");
            Item *entry = find_item (items, (const char *) file);

            n_evidence++;
            if (entry == NULL)
              {
                failed++;
                add_check (result, "evidence", (const char *) file, SCS_CHECK_FAIL,
                           _("%s names the evidence file %s, which is not in the package"),
                           SCS_PACKAGE_JCSTAR_DECLARATION, (const char *) file);
              }
            else if (!g_str_equal (entry->sha256, (const char *) sha256))
              {
                failed++;
                add_check (result, "evidence", (const char *) file, SCS_CHECK_FAIL,
                           _("%s is not the evidence file %s declares: its SHA-256 is %s, not %s"),
                           (const char *) file, SCS_PACKAGE_JCSTAR_DECLARATION, entry->sha256,
                           (const char *) sha256);
              }
            xmlFree (file);
            xmlFree (sha256);
          }
  xmlFreeDoc (doc);
  if (failed == 0)
    add_check (result, "declaration", SCS_PACKAGE_JCSTAR_DECLARATION, SCS_CHECK_PASS,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s matches its schema, and the %u evidence file it names is in the package as declared",
                            "%s matches its schema, and the %u evidence files it names are in the package as "
                            "declared", n_evidence), SCS_PACKAGE_JCSTAR_DECLARATION, n_evidence);
}

/* A JC-STAR ★1 signed self-declaration: management's signature alone, over
 * the declaration, its checklist and the evidence files. */
static void
verify_self_declaration (ScsVerifyResult *result,
                         GPtrArray       *items,
                         GBytes          *ca_pem)
{
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) management = NULL;

  management = verify_asic (result, items, "signature-management", SCS_ASIC_MANIFEST_MANAGEMENT,
                            SCS_ASIC_SIGNATURE_MANAGEMENT, ca_pem, covered, NULL);
  require_reference (result, management, SCS_ASIC_MANIFEST_MANAGEMENT, SCS_PACKAGE_JCSTAR_DECLARATION);
  require_reference (result, management, SCS_ASIC_MANIFEST_MANAGEMENT, SCS_PACKAGE_JCSTAR_CHECKLIST);
  check_coverage (result, items, covered);
  check_jcstar_declaration (result, items);
}

static void
verify_signed (ScsVerifyResult *result,
               GPtrArray       *items,
               GBytes          *ca_pem)
{
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) expert = NULL;
  g_autoptr(GHashTable) management = NULL;
  g_autofree char *expert_signer = NULL;
  g_autofree char *management_signer = NULL;

  expert = verify_asic (result, items, "signature-expert", SCS_ASIC_MANIFEST_EXPERT, SCS_ASIC_SIGNATURE_EXPERT,
                        ca_pem, covered, &expert_signer);
  management = verify_asic (result, items, "signature-management", SCS_ASIC_MANIFEST_MANAGEMENT,
                            SCS_ASIC_SIGNATURE_MANAGEMENT, ca_pem, covered, &management_signer);
  /* allowed when signing only with --allow-same-signer: said, not hidden */
  if (expert_signer != NULL && g_strcmp0 (expert_signer, management_signer) == 0)
    add_check (result, "same-signer", SCS_ASIC_SIGNATURE_MANAGEMENT, SCS_CHECK_WARN,
               _("The expert’s and management’s signatures are made with the same certificate "
                 "(SHA-256 %s): one person signed in both roles"), expert_signer);

  require_reference (result, expert, SCS_ASIC_MANIFEST_EXPERT, "assessment.xml");
  require_reference (result, expert, SCS_ASIC_MANIFEST_EXPERT, "catalog.xml");
  require_reference (result, management, SCS_ASIC_MANIFEST_MANAGEMENT, "declaration.xml");
  require_reference (result, management, SCS_ASIC_MANIFEST_MANAGEMENT, "report.pdf");
  require_reference (result, management, SCS_ASIC_MANIFEST_MANAGEMENT, SCS_ASIC_MANIFEST_EXPERT);
  require_reference (result, management, SCS_ASIC_MANIFEST_MANAGEMENT, SCS_ASIC_SIGNATURE_EXPERT);
  if (expert != NULL && management != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      /* management declares over everything the expert signed, as signed */
      g_hash_table_iter_init (&iter, expert);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *theirs = g_hash_table_lookup (management, key);

          if (theirs == NULL)
            require_reference (result, management, SCS_ASIC_MANIFEST_MANAGEMENT, key);
          else if (!g_str_equal (theirs, value))
            add_check (result, "hash", key, SCS_CHECK_FAIL,
                       _("%s has another SHA-256 in %s than in %s"), (char *) key,
                       SCS_ASIC_MANIFEST_MANAGEMENT, SCS_ASIC_MANIFEST_EXPERT);
        }
    }

  check_coverage (result, items, covered);
}

/* declaration.xml is bound to this package's assessment, expert manifest,
 * organisation, level and catalog: each binding is checked and named. */
static char *
element_text (xmlNodePtr  root,
              const char *parent,
              const char *name)
{
  xmlNodePtr node = parent != NULL ? find_element (root, parent) : root;
  xmlChar *content;
  char *text;

  node = node != NULL ? find_element (node->children, name) : NULL;
  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text;
}

static char *
element_prop (xmlNodePtr  root,
              const char *name,
              const char *prop)
{
  xmlNodePtr node = find_element (root->children, name);

  return node != NULL ? get_prop (node, prop) : NULL;
}

static void
check_declaration (ScsVerifyResult *result,
                   GPtrArray       *items)
{
  Item *declaration = find_item (items, "declaration.xml");
  Item *assessment = find_item (items, "assessment.xml");
  Item *manifest = find_item (items, SCS_ASIC_MANIFEST_EXPERT);
  Item *catalog = find_item (items, "catalog.xml");
  xmlDocPtr decl_doc = NULL, assess_doc = NULL;
  xmlNodePtr decl, assess;
  guint failed = 0;

  if (declaration == NULL || find_item (items, SCS_ASIC_SIGNATURE_MANAGEMENT) == NULL)
    {
      add_check (result, "declaration", "declaration.xml", SCS_CHECK_FAIL,
                 _("Management’s self-declaration (declaration.xml with its signature) is missing"));
      return;
    }
  decl_doc = scs_verify_parse_xml (declaration->data, "declaration.xml", NULL);
  assess_doc = assessment != NULL ? scs_verify_parse_xml (assessment->data, "assessment.xml", NULL) : NULL;
  if (decl_doc == NULL || assess_doc == NULL)
    {
      add_check (result, "declaration", "declaration.xml", SCS_CHECK_FAIL,
                 _("declaration.xml or assessment.xml cannot be read, so the declaration is bound to nothing"));
      goto out;
    }
  {
    g_autoptr(GError) local_error = NULL;

    if (!validate_manifest (decl_doc, "declaration.rng", "declaration.xml", &local_error))
      {
        add_check (result, "declaration", "declaration.xml", SCS_CHECK_FAIL, "%s", local_error->message);
        goto out;
      }
  }
  decl = xmlDocGetRootElement (decl_doc);
  assess = xmlDocGetRootElement (assess_doc);

  {
    struct { const char *what; char *declared; char *actual; } bindings[] = {
      { N_("the SHA-256 of assessment.xml"), element_prop (decl, "assessment", "sha256"), g_strdup (assessment->sha256) },
      { N_("the SHA-256 of the expert’s manifest"), element_prop (decl, "manifest", "sha256"),
        g_strdup (manifest != NULL ? manifest->sha256 : NULL) },
      { N_("the organisation’s name"), element_text (decl, "organization", "name"),
        element_text (assess, "organization", "name") },
      { N_("the corporate number (法人番号)"), element_text (decl, "organization", "corporate-number"),
        element_text (assess, "organization", "corporate-number") },
      { N_("the target level"), element_text (decl, NULL, "level"), element_text (assess, NULL, "level") },
      { N_("the catalog ID"), element_prop (decl, "catalog", "id"), element_prop (assess, "catalog", "id") },
      { N_("the catalog’s SHA-256 in assessment.xml"), element_prop (decl, "catalog", "sha256"),
        element_prop (assess, "catalog", "sha256") },
      { N_("the SHA-256 of catalog.xml"), element_prop (decl, "catalog", "sha256"),
        g_strdup (catalog != NULL ? catalog->sha256 : NULL) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
      {
        if (bindings[i].declared == NULL || bindings[i].actual == NULL ||
            !g_str_equal (bindings[i].declared, bindings[i].actual))
          {
            failed++;
            add_check (result, "declaration", "declaration.xml", SCS_CHECK_FAIL,
                       _("declaration.xml is not bound to this package: %s differs (declared %s, package %s)"),
                       _(bindings[i].what), bindings[i].declared != NULL ? bindings[i].declared : "—",
                       bindings[i].actual != NULL ? bindings[i].actual : "—");
          }
        g_free (bindings[i].declared);
        g_free (bindings[i].actual);
      }
  }
  if (failed == 0)
    add_check (result, "declaration", "declaration.xml", SCS_CHECK_PASS,
               _("Management’s self-declaration is signed and bound to this assessment, its expert "
                 "manifest, organisation, level and catalog"));
  {
    g_autofree char *language = element_prop (decl, "report", "language");

    record_language (result, "declaration.xml", language, _("when management declared"));
  }

out:
  g_clear_pointer (&decl_doc, xmlFreeDoc);
  g_clear_pointer (&assess_doc, xmlFreeDoc);
}

static ScsVerifyResult *
verify (const Source  *source,
        GBytes        *ca_pem,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(ScsVerifyResult) result = g_new0 (ScsVerifyResult, 1);
  g_autoptr(GPtrArray) items = NULL;
  Item *mimetype, *manifest_item;

  result->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) check_free);
  result->valid = TRUE;
  result->trusted = ca_pem != NULL;

  items = read_items (source, cancellable, error);
  if (items == NULL)
    return NULL;
  result->n_files = items->len;

  /* every XML file of the package is refused if hostile, before any check
   * trusts it (evidence is not kept: see keep_data ()) */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->data != NULL && g_str_has_suffix (item->name, ".xml"))
        {
          g_autoptr(GError) local_error = NULL;
          xmlDocPtr doc = scs_verify_parse_xml (item->data, item->name, &local_error);

          if (doc == NULL)
            {
              /* merely broken XML is a failed check below; hostile is refused */
              if (g_error_matches (local_error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_HOSTILE))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return NULL;
                }
              continue;
            }
          xmlFreeDoc (doc);
        }
    }

  mimetype = find_item (items, "mimetype");
  if (mimetype != NULL && g_ptr_array_index (items, 0) == mimetype && mimetype_is_stored_first (source) &&
      g_bytes_get_size (mimetype->data) == strlen (SCS_PACKAGE_MIMETYPE) &&
      memcmp (g_bytes_get_data (mimetype->data, NULL), SCS_PACKAGE_MIMETYPE, strlen (SCS_PACKAGE_MIMETYPE)) == 0)
    add_check (result, "mimetype", "mimetype", SCS_CHECK_PASS, _("mimetype is first, stored, and names a submission package"));
  else
    add_check (result, "mimetype", "mimetype", SCS_CHECK_FAIL,
               _("mimetype is missing, not first, compressed, or not “%s”"), SCS_PACKAGE_MIMETYPE);

  /* a final package carries signed ASiCManifests; an unsigned
   * META-INF/manifest.xml alone is a draft, or the format before them */
  manifest_item = find_item (items, "META-INF/manifest.xml");
  if (manifest_item != NULL && !has_signed_entries (items))
    {
      verify_draft (result, items, manifest_item);
      if (!result->draft)
        return g_steal_pointer (&result);
      check_signature (result, items, "signature-expert", SCS_ASIC_SIGNATURE_EXPERT, "assessment.xml", ca_pem,
                       NULL);
      check_assessment (result, items);
      add_check (result, "declaration", "declaration.xml", SCS_CHECK_FAIL,
                 _("Management’s self-declaration (declaration.xml with its signature) is missing"));
      return g_steal_pointer (&result);
    }
  if (find_item (items, SCS_PACKAGE_JCSTAR_DECLARATION) != NULL && find_item (items, SCS_ASIC_MANIFEST_EXPERT) == NULL)
    {
      verify_self_declaration (result, items, ca_pem);
      return g_steal_pointer (&result);
    }
  verify_signed (result, items, ca_pem);
  check_assessment (result, items);
  check_declaration (result, items);
  return g_steal_pointer (&result);
}

ScsVerifyResult *
scs_verify_package_bytes (GBytes  *data,
                          GBytes  *ca_pem,
                          GError **error)
{
  Source source = { data, NULL, 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source.file_size = g_bytes_get_size (data);
  return verify (&source, ca_pem, NULL, error);
}

ScsVerifyResult *
scs_verify_package_file (const char    *path,
                         GBytes        *ca_pem,
                         GCancellable  *cancellable,
                         GError       **error)
{
  Source source = { NULL, path, 0 };
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE,
                   _("Cannot read the package ‘%s’"), path);
      return NULL;
    }
  source.file_size = st.st_size;
  return verify (&source, ca_pem, cancellable, error);
}

/* Verifying on a worker thread -------------------------------------------- */

typedef struct
{
  char   *path;
  GBytes *ca_pem;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->ca_pem, g_bytes_unref);
  g_free (job);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyJob *job = task_data;
  GError *error = NULL;
  ScsVerifyResult *result;

  result = scs_verify_package_file (job->path, job->ca_pem, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) scs_verify_result_free);
}

void
scs_verify_package_file_async (GFile               *file,
                               GBytes              *ca_pem,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  VerifyJob *job;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scs_verify_package_file_async);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, SCS_VERIFY_ERROR, SCS_VERIFY_ERROR_UNREADABLE,
                               _("Only packages on this computer can be checked"));
      return;
    }
  job = g_new0 (VerifyJob, 1);
  job->path = g_steal_pointer (&path);
  job->ca_pem = ca_pem != NULL ? g_bytes_ref (ca_pem) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) verify_job_free);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * scs_verify_package_file_finish:
 *
 * Returns: (transfer full): the result, or %NULL with @error set.
 */
ScsVerifyResult *
scs_verify_package_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
