/* fuzz-portfolio-cache.c: libFuzzer target for the portfolio's cache file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps the rows of a listing in a file of the user's cache
 * folder (scs_portfolio_cache_new_persistent ()) and a new process lists
 * unchanged client files from it. Anything may have written that file, so
 * its reader is a parser of hostile input: the magic, the checksum, the
 * GVariant's normal form, the build's identity, and then each row. A folder
 * of real workspaces (an SCS client, a JC-STAR ★1 and a SECURITY ACTION
 * client, a file that is not a workspace) is made once; each input becomes
 * the cache file, and the folder is listed with it.
 *
 * The first byte chooses how the rest is written:
 *   0  as the whole file;
 *   1  as the body after a header made to match (magic and checksum), so
 *      the GVariant's checks are reached;
 *   2  as a body of the cache's type whose identity, paths and file keys
 *      are set to this build's and the folder's files (rows re-numbered
 *      onto them), so the rows themselves are what is fuzzed.
 * The contract: never a crash, a leak or a GLib warning; under 0 and 1 no
 * row comes from the file (its keys cannot match these files), every file
 * is read and the rows are those of a listing without a cache; under 2 any
 * row taken is one a listing can show (its figures within their ranges,
 * its texts valid UTF-8).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz-common.h"
#include "scs-i18n.h"
#include "scs-jcstar.h"
#include "scs-portfolio.h"
#include "scs-portfolio-private.h"
#include "scs-renewal.h"
#include "scs-sha256.h"
#include "scs-workspace.h"

static char        *fuzz_dir;     /* the cache file */
static char        *clients;      /* the folder listed */
static char        *cache_file;
static ScsValidity *validity;
static GDate       *today;
static GPtrArray   *paths;        /* the folder's files, sorted */
static char        *fresh;        /* the rows without a cache */

static void
remove_all (void)
{
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_unlink (cache_file);
  g_rmdir (clients);
  g_rmdir (fuzz_dir);
}

static void
add_client (const char       *name,
            ScsWorkspaceType  type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  g_autoptr(ScsOrganization) org = scs_organization_new ();
  g_autoptr(ScsWorkspace) ws = NULL;
  char *path = g_build_filename (clients, name, NULL);

  org->name = g_strdup ("株式会社ファズ");
  org->corporate_number = g_strdup ("7000012050002");
  ws = scs_workspace_create_typed (path, type, org, 3, catalog, &error);
  g_assert_no_error (error);
  if (type == SCS_WORKSPACE_TYPE_SCS)
    {
      const ScsCriterion *c = g_ptr_array_index (scs_catalog_get_criteria (catalog), 0);

      g_assert (scs_workspace_set_answer (ws, c->id, SCS_ANSWER_MET, NULL, NULL, &error));
      g_assert (scs_renewal_record_certification (ws, 3, "2026-04-01", "R-1", &error));
    }
  if (type == SCS_WORKSPACE_TYPE_JCSTAR1)
    g_assert (scs_jcstar_set_answer (ws, "S1.1-01", 1, SCS_JC_ANSWER_DOES_NOT, NULL, &error));
  g_ptr_array_add (paths, path);
}

/* What a row shows, one line per entry. */
static char *
dump (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      ScsPortfolioEntry *e = g_ptr_array_index (entries, i);
      const char * const *unmet = scs_portfolio_entry_get_unmet (e);

      g_string_append_printf (out, "%s %s %s L%u C%u %u/%u gaps=%u ready=%d review=%d expiry=%s days=%d "
                              "type=%d items=%u unmet=%u last=%s\n",
                              scs_portfolio_entry_get_path (e), scs_portfolio_entry_get_error (e),
                              scs_portfolio_entry_get_company (e), scs_portfolio_entry_get_level (e),
                              scs_portfolio_entry_get_cycle (e), scs_portfolio_entry_get_satisfied (e),
                              scs_portfolio_entry_get_total (e), scs_portfolio_entry_get_open_gaps (e),
                              scs_portfolio_entry_get_ready (e), scs_portfolio_entry_get_review_state (e),
                              scs_portfolio_entry_get_expiry (e), scs_portfolio_entry_get_days_left (e),
                              scs_portfolio_entry_get_workspace_type (e),
                              scs_portfolio_entry_get_items_answered (e),
                              unmet != NULL ? g_strv_length ((GStrv) unmet) : 0,
                              scs_portfolio_entry_get_last_change (e));
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
list (ScsPortfolioCache *cache)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = scs_portfolio_read_folder (clients, validity, today, cache, NULL, &error);

  g_assert_no_error (error);
  g_assert (entries != NULL && entries->len == paths->len);
  return entries;
}

/* SCS_FUZZ_WRITE_SEEDS=DIR: writes the seed corpus to DIR (a cache file
 * a listing of the folder wrote, as each mode takes it). */
static void
write_seeds (const char *dir)
{
  g_autoptr(ScsPortfolioCache) cache = scs_portfolio_cache_new_persistent (cache_file);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  entries = list (cache);
  g_assert (g_file_get_contents (cache_file, &contents, &length, NULL));
  g_assert (length > SCS_PORTFOLIO_CACHE_HEADER);
  for (guint mode = 0; mode < 3; mode++)
    {
      g_autofree char *name = g_strdup_printf ("listing-mode-%u", mode);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gsize skip = mode == 0 ? 0 : SCS_PORTFOLIO_CACHE_HEADER;
      g_autofree char *seed = g_malloc (length - skip + 1);

      seed[0] = mode;
      memcpy (seed + 1, contents + skip, length - skip);
      g_assert (g_file_set_contents (path, seed, length - skip + 1, NULL));
    }
  g_unlink (cache_file);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(ScsPortfolioCache) none = NULL;
  g_autofree char *other = NULL;
  gint64 settled;

  scs_fuzz_init_common ();
  scs_i18n_init ("en");
  fuzz_dir = g_dir_make_tmp ("scs-fuzz-portfolio-cache-XXXXXX", NULL);
  g_assert (fuzz_dir != NULL);
  clients = g_build_filename (fuzz_dir, "clients", NULL);
  cache_file = g_build_filename (fuzz_dir, "portfolio-rows", NULL);
  g_assert (g_mkdir (clients, 0700) == 0);
  paths = g_ptr_array_new_with_free_func (g_free);
  atexit (remove_all);

  add_client ("a-scs.scsw", SCS_WORKSPACE_TYPE_SCS);
  add_client ("b-jcstar.scsw", SCS_WORKSPACE_TYPE_JCSTAR1);
  add_client ("c-security-action.scsw", SCS_WORKSPACE_TYPE_SECURITY_ACTION);
  other = g_build_filename (clients, "d-notes.txt", NULL);
  g_assert (g_file_set_contents (other, "not a workspace", -1, NULL));
  /* in the order of the listing */
  g_ptr_array_add (paths, g_steal_pointer (&other));

  validity = scs_validity_load_default (&error);
  g_assert_no_error (error);
  today = g_date_new_dmy (10, G_DATE_MARCH, 2027);
  /* Only a file unchanged for the settle time can be listed from a cache. */
  settled = g_get_real_time () + (SCS_PORTFOLIO_CACHE_SETTLE_SECONDS + 1) * G_USEC_PER_SEC;
  while (g_get_real_time () < settled)
    g_usleep (100 * 1000);

  none = scs_portfolio_cache_new ();
  entries = list (none);
  fresh = dump (entries);
  if (g_getenv ("SCS_FUZZ_WRITE_SEEDS") != NULL)
    write_seeds (g_getenv ("SCS_FUZZ_WRITE_SEEDS"));
  return 0;
}

/* The key of @path as the cache keeps it. */
static GVariant *
file_key (const char *path)
{
  GVariant *key = scs_portfolio_cache_file_key (path);

  g_assert (key != NULL);
  return key;
}

/* @body as a cache of this build for the folder's files: the identity
 * replaced, each row's path and key those of a file of the folder. NULL
 * when @body is not of the cache's type. */
static GVariant *
rekey (GBytes *body)
{
  g_autoptr(GVariant) input = NULL;
  g_autoptr(GVariant) normal = NULL;
  g_autoptr(GVariant) catalogs = NULL;
  g_autoptr(GVariant) rows = NULL;
  g_autofree char *identity = scs_portfolio_cache_identity ();
  GVariantBuilder builder;
  gsize n;

  input = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SCS_PORTFOLIO_CACHE_TYPE), body, FALSE));
  normal = g_variant_get_normal_form (input);
  catalogs = g_variant_get_child_value (normal, 1);
  rows = g_variant_get_child_value (normal, 2);
  n = MIN (g_variant_n_children (rows), 64);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" SCS_PORTFOLIO_CACHE_ROW_TYPE));
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);
      GVariant *children[7];
      const char *path = g_ptr_array_index (paths, i % paths->len);

      children[0] = g_variant_new_string (path);
      children[1] = file_key (path);
      for (guint c = 2; c < 7; c++)
        children[c] = g_variant_get_child_value (row, c);
      g_variant_builder_add_value (&builder, g_variant_new_tuple (children, 7));
    }
  return g_variant_ref_sink (g_variant_new ("(s@" SCS_PORTFOLIO_CACHE_CATALOGS_TYPE "@a"
                                            SCS_PORTFOLIO_CACHE_ROW_TYPE ")",
                                            identity, catalogs, g_variant_builder_end (&builder)));
}

static void
write_framed (const void *body,
              gsize       size)
{
  g_autofree char *sum = scs_sha256_hex (body, size);
  g_autofree char *contents = g_malloc (SCS_PORTFOLIO_CACHE_HEADER + size);

  memcpy (contents, SCS_PORTFOLIO_CACHE_MAGIC, 16);
  memcpy (contents + 16, sum, 64);
  if (size > 0)
    memcpy (contents + SCS_PORTFOLIO_CACHE_HEADER, body, size);
  g_assert (g_file_set_contents (cache_file, contents, SCS_PORTFOLIO_CACHE_HEADER + size, NULL));
}

/* A row a listing can show: what stored_entry () promises. */
static void
check_entry (ScsPortfolioEntry *e)
{
  const char * const *unmet = scs_portfolio_entry_get_unmet (e);
  const char * const *changes = scs_portfolio_entry_get_changes (e);
  const char *texts[] = {
    scs_portfolio_entry_get_company (e), scs_portfolio_entry_get_corporate_number (e),
    scs_portfolio_entry_get_obtained (e), scs_portfolio_entry_get_expiry (e),
    scs_portfolio_entry_get_registry_status (e), scs_portfolio_entry_get_last_change (e),
    scs_portfolio_entry_get_submitted (e), scs_portfolio_entry_get_size (e), scs_portfolio_entry_get_sector (e),
    scs_portfolio_entry_get_next_due (e, NULL), scs_portfolio_entry_get_correction_due (e),
  };

  if (scs_portfolio_entry_get_error (e) != NULL)
    return;
  g_assert (scs_portfolio_entry_get_company (e) != NULL);
  g_assert (scs_portfolio_entry_get_level (e) == 3 || scs_portfolio_entry_get_level (e) == 4);
  g_assert (scs_portfolio_entry_get_satisfied (e) <= scs_portfolio_entry_get_total (e));
  g_assert (scs_portfolio_entry_get_review_state (e) <= SCS_REVIEW_STATE_SIGNED);
  g_assert (scs_portfolio_entry_get_workspace_type (e) <= SCS_WORKSPACE_TYPE_PROVIDER);
  (void) scs_review_state_get_label (scs_portfolio_entry_get_review_state (e));
  (void) scs_workspace_type_get_label (scs_portfolio_entry_get_workspace_type (e));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert (texts[i] == NULL || g_utf8_validate (texts[i], -1, NULL));
  for (guint i = 0; i < SCS_PORTFOLIO_N_PROVIDER_DATES; i++)
    {
      const char *date = scs_portfolio_entry_get_provider_date (e, i);

      g_assert (date == NULL || g_utf8_validate (date, -1, NULL));
    }
  for (guint i = 0; unmet != NULL && unmet[i] != NULL; i++)
    g_assert (g_utf8_validate (unmet[i], -1, NULL));
  for (guint i = 0; changes != NULL && changes[i] != NULL; i++)
    g_assert (g_utf8_validate (changes[i], -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ScsPortfolioCache) cache = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint mode;

  if (size < 1)
    return 0;
  mode = data[0] % 3;
  data++;
  size--;
  g_unlink (cache_file);
  if (mode == 0)
    g_assert (g_file_set_contents (cache_file, (const char *) data, size, NULL));
  else if (mode == 1)
    write_framed (data, size);
  else
    {
      g_autoptr(GBytes) body = g_bytes_new (data, size);
      g_autoptr(GVariant) cache_data = rekey (body);

      write_framed (g_variant_get_data (cache_data), g_variant_get_size (cache_data));
    }

  cache = scs_portfolio_cache_new_persistent (cache_file);
  entries = list (cache);
  if (mode < 2)
    {
      g_autofree char *rows = dump (entries);

      g_assert_cmpuint (scs_portfolio_cache_get_n_read (cache), ==, paths->len);
      g_assert_cmpstr (rows, ==, fresh);
    }
  else
    for (guint i = 0; i < entries->len; i++)
      check_entry (g_ptr_array_index (entries, i));
  return 0;
}
