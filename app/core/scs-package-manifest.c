/* scs-package-manifest.c: what a signature covers in the submission package
 *
 * The ASiCManifest of a role over its entries (deterministic bytes), the
 * entries of the expert's manifest, and the names and media types
 * evidence gets inside the package. Below the export (scs-package.c) so
 * that signing (scs-signoff.c) and checking (scs-signature-check.c) use
 * the same bytes without depending on the export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-package-manifest.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-provider.h"
#include "scs-scope.h"
#include "scs-sha256.h"
#include "scs-xml.h"
#include "scs-zip.h"

G_DEFINE_QUARK (scs-package-error-quark, scs_package_error)

char *
scs_package_safe_name (const char *name)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  /* the last path component only: a name never carries a directory */
  p = strrchr (normal, '/');
  p = p != NULL ? p + 1 : normal;
  if (strrchr (p, '\\') != NULL)
    p = strrchr (p, '\\') + 1;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || strchr ("<>:\"|?*", (int) c) != NULL ||
          (c >= 0x80 && c < 0xa0) || scs_zip_name_char_is_hidden (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
      /* keep room for a "-12345678" suffix, cut on a character boundary */
      if (out->len > 110)
        break;
    }
  /* no leading dots (hidden files, "..") and no trailing dots or spaces (Windows) */
  while (out->len > 0 && out->str[0] == '.')
    g_string_erase (out, 0, 1);
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_assign (out, "file");
  /* a Windows device name ("CON.txt") would not extract there */
  if (scs_zip_name_is_reserved (out->str))
    g_string_prepend_c (out, '_');
  return g_string_free (out, FALSE);
}

/* evidence/NAME, unique even on case-insensitive file systems: a clash gets
 * the first eight hex digits of its hash before the extension. */
char *
scs_package_evidence_path (const ScsEvidence *evidence,
               GHashTable        *taken)
{
  g_autofree char *safe = scs_package_safe_name (evidence->name);
  char *path = g_strconcat ("evidence/", safe, NULL);
  g_autofree char *key = g_utf8_casefold (path, -1);

  if (g_hash_table_contains (taken, key))
    {
      const char *dot = strrchr (safe, '.');
      g_autofree char *stem = dot != NULL && dot != safe ? g_strndup (safe, dot - safe) : g_strdup (safe);
      const char *ext = dot != NULL && dot != safe ? dot : "";

      g_free (path);
      g_free (key);
      path = g_strdup_printf ("evidence/%s-%.8s%s", stem, evidence->sha256, ext);
      key = g_utf8_casefold (path, -1);
    }
  g_hash_table_add (taken, g_steal_pointer (&key));
  return path;
}

static char *
hex_to_base64 (const char *hex)
{
  guint8 digest[32];

  for (guint i = 0; i < 32; i++)
    digest[i] = (g_ascii_xdigit_value (hex[2 * i]) << 4) | g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_base64_encode (digest, sizeof digest);
}

static int
compare_signed_entries (gconstpointer a,
                        gconstpointer b)
{
  const ScsSignedEntry *ea = *(const ScsSignedEntry **) a;
  const ScsSignedEntry *eb = *(const ScsSignedEntry **) b;

  return strcmp (ea->path, eb->path);
}

GBytes *
scs_package_render_manifest (ScsSignatureRole  role,
                             GPtrArray        *entries)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (entries, NULL, NULL);

  /* the copy keeps the free function: the entries stay the caller's */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_signed_entries);
  g_string_append (xml, "<asic:ASiCManifest xmlns:asic=\"" SCS_ASIC_NAMESPACE "\""
                        " xmlns:ds=\"" SCS_ASIC_DS_NAMESPACE "\">\n");
  g_string_append_printf (xml, "  <asic:SigReference URI=\"%s\" MimeType=\"application/pkcs7-signature\"/>\n",
                          role == SCS_SIGNATURE_ROLE_EXPERT ? SCS_ASIC_SIGNATURE_EXPERT
                                                            : SCS_ASIC_SIGNATURE_MANAGEMENT);
  for (guint i = 0; i < sorted->len; i++)
    {
      ScsSignedEntry *entry = g_ptr_array_index (sorted, i);
      g_autofree char *digest = hex_to_base64 (entry->sha256);

      g_string_append (xml, "  <asic:DataObjectReference URI=\"");
      scs_xml_append_escaped (xml, entry->path);
      g_string_append (xml, "\" MimeType=\"");
      scs_xml_append_escaped (xml, entry->media_type);
      g_string_append_printf (xml, "\">\n"
                              "    <ds:DigestMethod Algorithm=\"" SCS_ASIC_SHA256 "\"/>\n"
                              "    <ds:DigestValue>%s</ds:DigestValue>\n"
                              "  </asic:DataObjectReference>\n", digest);
    }
  g_string_append (xml, "</asic:ASiCManifest>\n");
  return g_string_free_to_bytes (xml);
}

GBytes *
scs_package_add_manifest (ScsSignatureRole  role,
                          GPtrArray        *entries)
{
  g_autoptr(GBytes) manifest = scs_package_render_manifest (role, entries);
  ScsSignedEntry *entry = scs_signed_entry_new (role == SCS_SIGNATURE_ROLE_EXPERT ? SCS_ASIC_MANIFEST_EXPERT
                                                                                  : SCS_ASIC_MANIFEST_MANAGEMENT,
                                                "text/xml", manifest);

  g_ptr_array_add (entries, entry);
  g_ptr_array_sort (entries, compare_signed_entries);
  return entry->data;
}

/* The evidence's media type when it is a plain "type/subtype" the
 * manifest schemas accept, else application/octet-stream. */
const char *
scs_package_evidence_media_type (const ScsEvidence *item)
{
  const char *type = item->mime_type;
  const char *slash = type != NULL ? strchr (type, '/') : NULL;

  if (slash == NULL || slash == type || slash[1] == '\0')
    return "application/octet-stream";
  for (const char *p = type; p < slash; p++)
    if (!g_ascii_islower (*p))
      return "application/octet-stream";
  for (const char *p = slash + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr (".+-", *p) == NULL)
      return "application/octet-stream";
  return type;
}

/* Adds every evidence file of @workspace to @entries (ScsSignedEntry*)
 * under its package path, its stored bytes checked against its SHA-256:
 * with the bytes when @with_data, else by reference. @paths, if not NULL,
 * gets SHA-256 → package path. */
static gboolean
add_evidence_entries (ScsWorkspace  *workspace,
                      GPtrArray     *entries,
                      gboolean       with_data,
                      GHashTable    *paths,
                      GError       **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) evidence = scs_workspace_list_evidence (workspace, NULL, error);

  if (evidence == NULL)
    return FALSE;
  for (guint i = 0; i < evidence->len; i++)
    {
      ScsEvidence *item = g_ptr_array_index (evidence, i);
      g_autofree char *path = scs_package_evidence_path (item, taken);
      g_autoptr(GBytes) data = NULL;
      g_autofree char *sha256 = NULL;
      const char *media_type = scs_package_evidence_media_type (item);
      gint64 size = 0;

      if (with_data)
        {
          data = scs_workspace_get_evidence_data (workspace, item->sha256, error);
          if (data == NULL)
            return FALSE;
          sha256 = scs_sha256_hex_bytes (data);
          size = g_bytes_get_size (data);
        }
      else
        {
          /* read in pieces: memory stays bounded whatever the evidence size */
          sha256 = scs_workspace_hash_evidence (workspace, item->sha256, &size, NULL, error);
          if (sha256 == NULL)
            return FALSE;
        }
      if (!g_str_equal (sha256, item->sha256))
        {
          g_set_error (error, SCS_PACKAGE_ERROR, SCS_PACKAGE_ERROR_INVALID,
                       _("The evidence file ‘%s’ is damaged in the workspace: its SHA-256 is not %s"),
                       item->name, item->sha256);
          return FALSE;
        }
      if (paths != NULL)
        g_hash_table_insert (paths, g_strdup (sha256), g_strdup (path));
      /* by reference, the workspace keeps the bytes; the entry names them by hash */
      g_ptr_array_add (entries, with_data ? scs_signed_entry_new (path, media_type, data)
                                          : scs_signed_entry_new_reference (path, media_type, sha256, size));
    }
  return TRUE;
}

GPtrArray *
scs_package_evidence_entries (ScsWorkspace  *workspace,
                              GHashTable   **paths,
                              GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_signed_entry_free);
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  if (!add_evidence_entries (workspace, entries, TRUE, map, error))
    return NULL;
  if (paths != NULL)
    *paths = g_steal_pointer (&map);
  return g_steal_pointer (&entries);
}

GPtrArray *
scs_package_expert_entries (ScsWorkspace  *workspace,
                            GBytes        *assessment,
                            GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_signed_entry_free);
  g_autoptr(GBytes) scope = NULL;
  g_autoptr(GBytes) provider = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  g_ptr_array_add (entries, scs_signed_entry_new ("assessment.xml", "application/xml", assessment));
  g_ptr_array_add (entries, scs_signed_entry_new ("catalog.xml", "application/xml",
                                                  scs_catalog_get_bytes (scs_workspace_get_catalog (workspace))));
  scope = scs_scope_render_xml (workspace, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (scope != NULL)
    g_ptr_array_add (entries, scs_signed_entry_new ("scope.xml", "application/xml", scope));
  provider = scs_provider_render_xml (workspace, error);
  if (provider != NULL)
    g_ptr_array_add (entries, scs_signed_entry_new ("provider.xml", "application/xml", provider));
  else if (error != NULL && *error != NULL)
    return NULL;

  if (!add_evidence_entries (workspace, entries, FALSE, NULL, error))
    return NULL;
  g_ptr_array_sort (entries, compare_signed_entries);
  return g_steal_pointer (&entries);
}
