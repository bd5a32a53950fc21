/* scs-catalog-diff.c: what changed between two catalog versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IPA revises the catalog, and a workspace answered against one version
 * must be moved to another knowingly. The diff matches criteria by ID only
 * (an ID is the criterion's identity in the scheme, and matching by text
 * would silently move answers): an ID only in the new catalog is added,
 * only in the old one removed, and one in both may be re-worded (its text
 * differs) or moved between ★3 and ★4, or both. Texts are compared after
 * trimming, Japanese always and English where both catalogs have it, so
 * moving from our paraphrase to the official wording reports every ★3
 * criterion as re-worded: that is exactly what the user must re-confirm.
 */

#include "config.h"

#include "scs-catalog-diff.h"

#include <string.h>

#include "scs-text.h"

struct _ScsCatalogDiff
{
  GObject     parent_instance;

  ScsCatalog *old_catalog;
  ScsCatalog *new_catalog;
  GArray     *changes;  /* of ScsCatalogChange */
  GHashTable *by_id;    /* id → index + 1 */
  guint       unchanged;
};

G_DEFINE_FINAL_TYPE (ScsCatalogDiff, scs_catalog_diff, G_TYPE_OBJECT)

static void
scs_catalog_diff_finalize (GObject *object)
{
  ScsCatalogDiff *self = (ScsCatalogDiff *) object;

  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->old_catalog);
  g_clear_object (&self->new_catalog);

  G_OBJECT_CLASS (scs_catalog_diff_parent_class)->finalize (object);
}

static void
scs_catalog_diff_class_init (ScsCatalogDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_catalog_diff_finalize;
}

static void
scs_catalog_diff_init (ScsCatalogDiff *self)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (ScsCatalogChange));
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
texts_differ (const char *a,
              const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));

  return !g_str_equal (x, y);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  return scs_text_compare_ids (((const ScsCatalogChange *) a)->id, ((const ScsCatalogChange *) b)->id);
}

/**
 * scs_catalog_diff_new:
 *
 * Returns: (transfer full): the differences from @old_catalog to @new_catalog
 */
ScsCatalogDiff *
scs_catalog_diff_new (ScsCatalog *old_catalog,
                      ScsCatalog *new_catalog)
{
  ScsCatalogDiff *self;
  const GPtrArray *old_criteria;
  const GPtrArray *new_criteria;

  g_return_val_if_fail (SCS_IS_CATALOG (old_catalog), NULL);
  g_return_val_if_fail (SCS_IS_CATALOG (new_catalog), NULL);

  self = g_object_new (SCS_TYPE_CATALOG_DIFF, NULL);
  self->old_catalog = g_object_ref (old_catalog);
  self->new_catalog = g_object_ref (new_catalog);

  old_criteria = scs_catalog_get_criteria (old_catalog);
  new_criteria = scs_catalog_get_criteria (new_catalog);

  for (guint i = 0; i < old_criteria->len; i++)
    {
      const ScsCriterion *old = g_ptr_array_index (old_criteria, i);
      const ScsCriterion *new = scs_catalog_lookup_criterion (new_catalog, old->id);
      ScsCatalogChange change = { old->id, 0, old->level, 0, old->text_ja, NULL };

      if (new == NULL)
        change.flags = SCS_CATALOG_CHANGE_REMOVED;
      else
        {
          change.new_level = new->level;
          change.new_text = new->text_ja;
          if (texts_differ (old->text_ja, new->text_ja) ||
              (*old->text_en != '\0' && *new->text_en != '\0' && texts_differ (old->text_en, new->text_en)))
            change.flags |= SCS_CATALOG_CHANGE_REWORDED;
          if (old->level != new->level)
            change.flags |= SCS_CATALOG_CHANGE_LEVEL;
        }

      if (change.flags != 0)
        g_array_append_val (self->changes, change);
      else
        self->unchanged++;
    }

  for (guint i = 0; i < new_criteria->len; i++)
    {
      const ScsCriterion *new = g_ptr_array_index (new_criteria, i);
      ScsCatalogChange change = { new->id, SCS_CATALOG_CHANGE_ADDED, 0, new->level, NULL, new->text_ja };

      if (scs_catalog_lookup_criterion (old_catalog, new->id) == NULL)
        g_array_append_val (self->changes, change);
    }

  g_array_sort (self->changes, compare_changes);
  for (guint i = 0; i < self->changes->len; i++)
    g_hash_table_insert (self->by_id, (gpointer) g_array_index (self->changes, ScsCatalogChange, i).id,
                         GUINT_TO_POINTER (i + 1));

  return self;
}

ScsCatalog *
scs_catalog_diff_get_old (ScsCatalogDiff *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG_DIFF (self), NULL);
  return self->old_catalog;
}

ScsCatalog *
scs_catalog_diff_get_new (ScsCatalogDiff *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG_DIFF (self), NULL);
  return self->new_catalog;
}

guint
scs_catalog_diff_get_n_changes (ScsCatalogDiff *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG_DIFF (self), 0);
  return self->changes->len;
}

const ScsCatalogChange *
scs_catalog_diff_get_change (ScsCatalogDiff *self,
                             guint           index)
{
  g_return_val_if_fail (SCS_IS_CATALOG_DIFF (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return &g_array_index (self->changes, ScsCatalogChange, index);
}

/* Returns: (nullable): the change of @criterion_id, NULL when unchanged or unknown */
const ScsCatalogChange *
scs_catalog_diff_lookup (ScsCatalogDiff *self,
                         const char     *criterion_id)
{
  guint index;

  g_return_val_if_fail (SCS_IS_CATALOG_DIFF (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, criterion_id));
  return index > 0 ? &g_array_index (self->changes, ScsCatalogChange, index - 1) : NULL;
}

guint
scs_catalog_diff_count (ScsCatalogDiff        *self,
                        ScsCatalogChangeFlags  flag)
{
  guint n = 0;

  g_return_val_if_fail (SCS_IS_CATALOG_DIFF (self), 0);

  for (guint i = 0; i < self->changes->len; i++)
    if (g_array_index (self->changes, ScsCatalogChange, i).flags & flag)
      n++;
  return n;
}

guint
scs_catalog_diff_count_unchanged (ScsCatalogDiff *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG_DIFF (self), 0);
  return self->unchanged;
}
