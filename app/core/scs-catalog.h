/* scs-catalog.h: requirements and evaluation criteria, loaded from XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_CATALOG_ERROR (scs_catalog_error_quark ())

typedef enum
{
  SCS_CATALOG_ERROR_PARSE,     /* not well-formed XML, DOCTYPE, too large */
  SCS_CATALOG_ERROR_INVALID,   /* does not match the schema or its rules */
} ScsCatalogError;

GQuark scs_catalog_error_quark (void);

typedef struct _ScsCategory    ScsCategory;
typedef struct _ScsRequirement ScsRequirement;
typedef struct _ScsCriterion   ScsCriterion;

/* Plain read-only records owned by the catalog; valid as long as it lives. */
struct _ScsCategory
{
  guint      number;        /* 1 … 7 */
  char      *title_ja;
  char      *title_en;
  GPtrArray *requirements;  /* of ScsRequirement*, in ID order */
};

struct _ScsRequirement
{
  char              *id;        /* "X-Y-Z" */
  const ScsCategory *category;
  guint              level;     /* lowest level of its criteria; 3 or 4 */
  char              *title_ja;
  char              *title_en;
  gboolean           criteria_known; /* FALSE: ★4-only, needs the official workbook */
  GPtrArray         *criteria;  /* of ScsCriterion*, in ID order */
};

struct _ScsCriterion
{
  char                 *id;     /* "X-Y-Z-W" */
  const ScsRequirement *requirement;
  guint                 level;  /* 3 or 4 */
  char                 *text_ja;
  char                 *text_en;
};

#define SCS_TYPE_CATALOG (scs_catalog_get_type ())
G_DECLARE_FINAL_TYPE (ScsCatalog, scs_catalog, SCS, CATALOG, GObject)

ScsCatalog           *scs_catalog_new_builtin            (void);
ScsCatalog           *scs_catalog_new_from_bytes         (GBytes       *xml,
                                                          GError      **error);
ScsCatalog           *scs_catalog_new_from_file          (const char   *path,
                                                          GError      **error);
GBytes               *scs_catalog_get_bytes              (ScsCatalog   *self);
const char           *scs_catalog_get_id                 (ScsCatalog   *self);
const char           *scs_catalog_get_date               (ScsCatalog   *self);
const char           *scs_catalog_get_sha256             (ScsCatalog   *self);
const char           *scs_catalog_get_title              (ScsCatalog   *self);
/* "builtin" or "official"; see scs_catalog_get_paraphrase_en(). */
const char           *scs_catalog_get_source             (ScsCatalog   *self);
gboolean              scs_catalog_is_official            (ScsCatalog   *self);
const char           *scs_catalog_get_source_sha256      (ScsCatalog   *self);
const char           *scs_catalog_get_paraphrase_en      (ScsCatalog   *self,
                                                          const char   *criterion_id);
guint                 scs_catalog_get_n_categories       (ScsCatalog   *self);
const ScsCategory    *scs_catalog_get_category           (ScsCatalog   *self,
                                                          guint         number);
const GPtrArray      *scs_catalog_get_criteria           (ScsCatalog   *self);
const GPtrArray      *scs_catalog_get_requirements       (ScsCatalog   *self);
const ScsCriterion   *scs_catalog_lookup_criterion       (ScsCatalog   *self,
                                                          const char   *id);
const ScsRequirement *scs_catalog_lookup_requirement     (ScsCatalog   *self,
                                                          const char   *id);
guint                 scs_catalog_count_requirements     (ScsCatalog   *self,
                                                          guint         level);
guint                 scs_catalog_count_criteria         (ScsCatalog   *self,
                                                          guint         level);
char                 *scs_catalog_describe_missing       (ScsCatalog   *self,
                                                          guint         level);
gboolean              scs_catalog_criteria_complete      (ScsCatalog   *self,
                                                          guint         level);

gboolean              scs_criterion_id_is_valid          (const char   *id);

/* Localised text: Japanese or English, after scs_i18n_is_japanese(). */
const char           *scs_category_get_title             (const ScsCategory    *category);
const char           *scs_requirement_get_title          (const ScsRequirement *requirement);
const char           *scs_criterion_get_text             (const ScsCriterion   *criterion);

/* Splits @text into runs, marking every criterion or requirement ID
 * ("4-1-3-3", "No.1-2-1") so views can turn them into links. Returns a
 * Pango-markup string with <a href="scs:ID">ID</a> links, all other text escaped. */
char                 *scs_catalog_markup_links           (const char   *text);

G_END_DECLS
