/* fuzz-catalog.c: libFuzzer target for the catalog XML loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A catalog may come from anyone (a file a user loads), so the whole loader
 * is exposed: size cap, libxml2 parse with the DOCTYPE hook, RELAX NG
 * validation and the catalog rules. When an input is accepted, every
 * accessor a view would use is walked too, including the ID linkifier, so a
 * catalog that loads but breaks later is found as well.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "scs-catalog.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  scs_fuzz_init_common ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = NULL;
  const GPtrArray *criteria;
  const GPtrArray *requirements;

  catalog = scs_catalog_new_from_bytes (bytes, &error);
  if (catalog == NULL)
    {
      g_assert (error != NULL && error->domain == SCS_CATALOG_ERROR);
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);

  g_assert (strlen (scs_catalog_get_sha256 (catalog)) == 64);
  g_assert (scs_catalog_get_id (catalog) != NULL);
  (void) scs_catalog_get_title (catalog);

  requirements = scs_catalog_get_requirements (catalog);
  for (guint i = 0; i < requirements->len; i++)
    {
      const ScsRequirement *r = g_ptr_array_index (requirements, i);
      g_autofree char *markup = scs_catalog_markup_links (scs_requirement_get_title (r));

      g_assert (scs_catalog_lookup_requirement (catalog, r->id) == r);
      g_assert (r->category != NULL);
      (void) scs_category_get_title (r->category);
    }

  criteria = scs_catalog_get_criteria (catalog);
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *c = g_ptr_array_index (criteria, i);
      g_autofree char *markup = scs_catalog_markup_links (scs_criterion_get_text (c));

      g_assert (scs_criterion_id_is_valid (c->id));
      g_assert (scs_catalog_lookup_criterion (catalog, c->id) == c);
      g_assert (c->requirement != NULL);
    }

  for (guint level = 3; level <= 4; level++)
    {
      (void) scs_catalog_count_requirements (catalog, level);
      (void) scs_catalog_count_criteria (catalog, level);
      (void) scs_catalog_criteria_complete (catalog, level);
    }

  return 0;
}
