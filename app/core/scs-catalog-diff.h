/* scs-catalog-diff.h: what changed between two catalog versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-catalog.h"

G_BEGIN_DECLS

typedef enum
{
  SCS_CATALOG_CHANGE_ADDED    = 1 << 0,
  SCS_CATALOG_CHANGE_REMOVED  = 1 << 1,
  SCS_CATALOG_CHANGE_REWORDED = 1 << 2,
  SCS_CATALOG_CHANGE_LEVEL    = 1 << 3, /* moved between ★3 and ★4 */
} ScsCatalogChangeFlags;

/* One criterion that differs; texts are borrowed from the catalogs. */
typedef struct
{
  const char            *id;
  ScsCatalogChangeFlags  flags;
  guint                  old_level;  /* 0 when added */
  guint                  new_level;  /* 0 when removed */
  const char            *old_text;   /* Japanese; NULL when added */
  const char            *new_text;   /* Japanese; NULL when removed */
} ScsCatalogChange;

#define SCS_TYPE_CATALOG_DIFF (scs_catalog_diff_get_type ())
G_DECLARE_FINAL_TYPE (ScsCatalogDiff, scs_catalog_diff, SCS, CATALOG_DIFF, GObject)

/* Compares criteria by ID: added, removed, re-worded (Japanese text, or
 * English where both have it, differs after trimming), level changes. */
ScsCatalogDiff         *scs_catalog_diff_new          (ScsCatalog     *old_catalog,
                                                       ScsCatalog     *new_catalog);
ScsCatalog             *scs_catalog_diff_get_old      (ScsCatalogDiff *self);
ScsCatalog             *scs_catalog_diff_get_new      (ScsCatalogDiff *self);
/* In ID order (removed ones at the place they had). */
guint                   scs_catalog_diff_get_n_changes (ScsCatalogDiff *self);
const ScsCatalogChange *scs_catalog_diff_get_change   (ScsCatalogDiff *self,
                                                       guint           index);
const ScsCatalogChange *scs_catalog_diff_lookup       (ScsCatalogDiff *self,
                                                       const char     *criterion_id);
/* Criteria carrying @flag. */
guint                   scs_catalog_diff_count        (ScsCatalogDiff        *self,
                                                       ScsCatalogChangeFlags  flag);
/* Same ID in both catalogs and no change. */
guint                   scs_catalog_diff_count_unchanged (ScsCatalogDiff *self);

G_END_DECLS
