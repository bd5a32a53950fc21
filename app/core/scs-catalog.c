/* scs-catalog.c: requirements and evaluation criteria, loaded from XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog is data, not code: categories → requirements → criteria live in
 * a versioned XML file (data/catalog/, built in through the core GResource)
 * and users can load others, e.g. one made from the official IPA workbook.
 * Any catalog may therefore be hostile, so loading is a gauntlet: a size cap
 * before anything is parsed, libxml2 with no network and a SAX hook that stops
 * the parser at the first DOCTYPE (so no entity can be declared, let alone
 * expanded), the RELAX NG schema embedded in the resource, and then the rules
 * the schema cannot state (an ID begins with its parent's ID, IDs are unique
 * and in order, a requirement's level is the lowest of its criteria). Every
 * failure becomes one SCS_CATALOG_ERROR naming the line and the ID; libxml2
 * errors are captured with structured handlers and never reach stderr. Once
 * loaded, the catalog is immutable plain records plus hash tables for lookup,
 * and its identity is the SHA-256 of the exact bytes it was read from.
 */

#include "config.h"

#include "scs-catalog.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "scs-core-resources.h"
#include "scs-i18n.h"
#include "scs-sha256.h"
#include "scs-text.h"
#include "scs-xml.h"

#define CATALOG_NS        "urn:scs-workbench:catalog:1"
#define MAX_CATALOG_SIZE  (16 * 1024 * 1024)
#define BUILTIN_RESOURCE  "/jp/scsworkbench/core/catalog/builtin.xml"
#define SCHEMA_RESOURCE   "/jp/scsworkbench/core/schema/catalog.rng"

G_DEFINE_QUARK (scs-catalog-error-quark, scs_catalog_error)

struct _ScsCatalog
{
  GObject     parent_instance;

  GBytes     *bytes;
  char       *id;
  char       *date;
  char       *sha256;
  char       *title_ja;
  char       *title_en;
  char       *source;        /* "builtin" or "official" */
  char       *source_sha256; /* of the official workbook, or NULL */

  GPtrArray  *categories;    /* of ScsCategory*, owned, by number */
  GPtrArray  *requirements;  /* of ScsRequirement*, borrowed, in ID order */
  GPtrArray  *criteria;      /* of ScsCriterion*, borrowed, in ID order */
  GHashTable *requirement_by_id;
  GHashTable *criterion_by_id;
};

G_DEFINE_FINAL_TYPE (ScsCatalog, scs_catalog, G_TYPE_OBJECT)

static void
criterion_free (ScsCriterion *criterion)
{
  g_free (criterion->id);
  g_free (criterion->text_ja);
  g_free (criterion->text_en);
  g_free (criterion);
}

static void
requirement_free (ScsRequirement *requirement)
{
  g_free (requirement->id);
  g_free (requirement->title_ja);
  g_free (requirement->title_en);
  g_clear_pointer (&requirement->criteria, g_ptr_array_unref);
  g_free (requirement);
}

static void
category_free (ScsCategory *category)
{
  g_free (category->title_ja);
  g_free (category->title_en);
  g_clear_pointer (&category->requirements, g_ptr_array_unref);
  g_free (category);
}

static void
scs_catalog_finalize (GObject *object)
{
  ScsCatalog *self = (ScsCatalog *) object;

  g_clear_pointer (&self->requirement_by_id, g_hash_table_unref);
  g_clear_pointer (&self->criterion_by_id, g_hash_table_unref);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->requirements, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->id);
  g_free (self->date);
  g_free (self->sha256);
  g_free (self->title_ja);
  g_free (self->title_en);
  g_free (self->source);
  g_free (self->source_sha256);

  G_OBJECT_CLASS (scs_catalog_parent_class)->finalize (object);
}

static void
scs_catalog_class_init (ScsCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_catalog_finalize;
}

static void
scs_catalog_init (ScsCatalog *self)
{
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  self->requirements = g_ptr_array_new ();
  self->criteria = g_ptr_array_new ();
  self->requirement_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->criterion_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ---------------------------------------------------------------------
 * Parsing and schema validation (base's hardened parser, scs-xml.h)
 * ------------------------------------------------------------------- */

static xmlDocPtr
parse_document (GBytes     *bytes,
                GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size = g_bytes_get_size (bytes);
  xmlDocPtr doc;

  if (size > MAX_CATALOG_SIZE)
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE,
                   _("The catalog is %llu bytes long; catalogs larger than %d MiB are refused"),
                   (unsigned long long) size, MAX_CATALOG_SIZE / (1024 * 1024));
      return NULL;
    }

  doc = scs_xml_parse (bytes, MAX_CATALOG_SIZE, &local_error);
  if (doc != NULL)
    return doc;

  if (g_error_matches (local_error, SCS_XML_ERROR, SCS_XML_ERROR_EMPTY))
    g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE, _("The catalog is empty"));
  else if (scs_xml_error_is_hostile (local_error))
    /* Translators: %s says where, "line 2 has a DOCTYPE declaration, which is not allowed" */
    g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE,
                 _("The catalog is refused: %s"), local_error->message);
  else
    g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE,
                 _("The catalog is not well-formed XML: %s"), local_error->message);
  return NULL;
}

static gboolean
validate_document (xmlDocPtr   doc,
                   GError    **error)
{
  g_autoptr(GBytes) schema_bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  schema_bytes = g_resource_lookup_data (scs_core_get_resource (), SCHEMA_RESOURCE,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (schema_bytes == NULL)
    g_error ("The catalog schema %s is missing from the core resource", SCHEMA_RESOURCE);

  if (!scs_xml_validate (doc, schema_bytes, &local_error))
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                   _("The catalog does not match the catalog schema: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------
 * Building the records, with the rules the schema cannot state
 * ------------------------------------------------------------------- */

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, CATALOG_NS) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
get_attribute (xmlNodePtr  node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_text (xmlNodePtr node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strstrip (g_strdup (value != NULL ? (const char *) value : ""));

  xmlFree (value);
  return copy;
}

/* Reads the <title>/<text> pair (ja, en) among @parent's children. */
static void
get_localized (xmlNodePtr   parent,
               const char  *element,
               char       **ja,
               char       **en)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    {
      xmlChar *lang;

      if (!is_element (child, element))
        continue;

      lang = xmlGetNsProp (child, (const xmlChar *) "lang", XML_XML_NAMESPACE);
      if (g_strcmp0 ((const char *) lang, "ja") == 0 && *ja == NULL)
        *ja = get_text (child);
      else if (g_strcmp0 ((const char *) lang, "en") == 0 && *en == NULL)
        *en = get_text (child);
      xmlFree (lang);
    }

  if (*ja == NULL)
    *ja = g_strdup ("");
  if (*en == NULL)
    *en = g_strdup ("");
}

static guint
parse_level (const char *text)
{
  return g_strcmp0 (text, "3") == 0 ? 3 : 4;
}

static gboolean
has_prefix_id (const char *id,
               const char *parent_id)
{
  gsize len = strlen (parent_id);

  return strncmp (id, parent_id, len) == 0 && id[len] == '-';
}

typedef struct
{
  ScsCatalog *self;
  GHashTable *lines;     /* ID → line of first use, for duplicate messages */
} Builder;

static gboolean
check_unique (Builder     *builder,
              const char  *id,
              long         line,
              GError     **error)
{
  gpointer first_line;

  if (g_hash_table_lookup_extended (builder->lines, id, NULL, &first_line))
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                   _("Line %ld: the ID ‘%s’ is used twice (first on line %ld)"),
                   line, id, (long) GPOINTER_TO_SIZE (first_line));
      return FALSE;
    }
  g_hash_table_insert (builder->lines, g_strdup (id), GSIZE_TO_POINTER ((gsize) line));

  return TRUE;
}

static gboolean
build_criterion (Builder         *builder,
                 ScsRequirement  *requirement,
                 xmlNodePtr       node,
                 GError         **error)
{
  ScsCriterion *criterion;
  long line = xmlGetLineNo (node);
  g_autofree char *id = get_attribute (node, "id");
  g_autofree char *level = get_attribute (node, "level");

  if (!check_unique (builder, id, line, error))
    return FALSE;

  if (!has_prefix_id (id, requirement->id))
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                   _("Line %ld: criterion ‘%s’ is placed under requirement ‘%s’, but its ID does not begin with ‘%s-’"),
                   line, id, requirement->id, requirement->id);
      return FALSE;
    }

  if (requirement->criteria->len > 0)
    {
      const ScsCriterion *previous = g_ptr_array_index (requirement->criteria, requirement->criteria->len - 1);

      if (scs_text_compare_ids (previous->id, id) >= 0)
        {
          g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                       _("Line %ld: criterion ‘%s’ is out of order: it comes after ‘%s’"),
                       line, id, previous->id);
          return FALSE;
        }
    }

  criterion = g_new0 (ScsCriterion, 1);
  criterion->id = g_steal_pointer (&id);
  criterion->requirement = requirement;
  criterion->level = parse_level (level);
  get_localized (node, "text", &criterion->text_ja, &criterion->text_en);
  g_ptr_array_add (requirement->criteria, criterion);

  if (criterion->level < requirement->level)
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                   _("Line %ld: criterion ‘%s’ is ★%u, below the ★%u of its requirement ‘%s’"),
                   line, criterion->id, criterion->level, requirement->level, requirement->id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
build_requirement (Builder      *builder,
                   ScsCategory  *category,
                   xmlNodePtr    node,
                   GError      **error)
{
  ScsRequirement *requirement;
  long line = xmlGetLineNo (node);
  g_autofree char *id = get_attribute (node, "id");
  g_autofree char *level = get_attribute (node, "level");
  g_autofree char *criteria = get_attribute (node, "criteria");
  g_autofree char *category_prefix = g_strdup_printf ("%u", category->number);
  guint lowest = G_MAXUINT;

  if (!check_unique (builder, id, line, error))
    return FALSE;

  if (!has_prefix_id (id, category_prefix))
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                   _("Line %ld: requirement ‘%s’ is placed in category %u, but its ID does not begin with ‘%u-’"),
                   line, id, category->number, category->number);
      return FALSE;
    }

  if (category->requirements->len > 0)
    {
      const ScsRequirement *previous = g_ptr_array_index (category->requirements, category->requirements->len - 1);

      if (scs_text_compare_ids (previous->id, id) >= 0)
        {
          g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                       _("Line %ld: requirement ‘%s’ is out of order: it comes after ‘%s’"),
                       line, id, previous->id);
          return FALSE;
        }
    }

  requirement = g_new0 (ScsRequirement, 1);
  requirement->id = g_steal_pointer (&id);
  requirement->category = category;
  requirement->level = parse_level (level);
  requirement->criteria_known = g_strcmp0 (criteria, "unpublished") != 0;
  requirement->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  get_localized (node, "title", &requirement->title_ja, &requirement->title_en);
  g_ptr_array_add (category->requirements, requirement);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (!is_element (child, "criterion"))
        continue;
      if (!build_criterion (builder, requirement, child, error))
        return FALSE;
      lowest = MIN (lowest, ((ScsCriterion *) g_ptr_array_index (requirement->criteria,
                                                                 requirement->criteria->len - 1))->level);
    }

  /* The level of a requirement is derived data (the lowest level of its
   * criteria); a file that says otherwise contradicts itself. */
  if (requirement->criteria_known && lowest != requirement->level)
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                   _("Line %ld: requirement ‘%s’ is marked ★%u, but its lowest criterion level is ★%u"),
                   line, requirement->id, requirement->level, lowest);
      return FALSE;
    }

  return TRUE;
}

static gboolean
build_catalog (ScsCatalog  *self,
               xmlDocPtr    doc,
               GError     **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder builder = { self, lines };

  /* The schema has been checked, so the shape is known; the checks here are
   * the cross-references it cannot express. */
  if (root == NULL || !is_element (root, "catalog"))
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                   _("The document is not an SCS catalog"));
      return FALSE;
    }

  self->id = get_attribute (root, "id");
  self->date = get_attribute (root, "date");
  self->source = get_attribute (root, "source");
  if (self->source == NULL)
    self->source = g_strdup ("builtin");
  self->source_sha256 = get_attribute (root, "source-sha256");
  get_localized (root, "title", &self->title_ja, &self->title_en);

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      ScsCategory *category;
      long line;
      g_autofree char *number = NULL;

      if (!is_element (child, "category"))
        continue;

      line = xmlGetLineNo (child);
      number = get_attribute (child, "number");
      category = g_new0 (ScsCategory, 1);
      category->number = (guint) g_ascii_strtoull (number, NULL, 10);
      category->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) requirement_free);
      get_localized (child, "title", &category->title_ja, &category->title_en);

      /* Numbered 1, 2, 3, … in order, without gaps, so that callers may
       * walk scs_catalog_get_category (1 … n_categories). */
      if (category->number != self->categories->len + 1)
        {
          if (scs_catalog_get_category (self, category->number) != NULL)
            g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                         _("Line %ld: category %u appears twice"),
                         line, category->number);
          else
            g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                         _("Line %ld: expected category %u here, found category %u (categories are numbered 1, 2, 3, … in order)"),
                         line, self->categories->len + 1, category->number);
          category_free (category);
          return FALSE;
        }
      g_ptr_array_add (self->categories, category);

      for (xmlNodePtr node = child->children; node != NULL; node = node->next)
        {
          if (!is_element (node, "requirement"))
            continue;
          if (!build_requirement (&builder, category, node, error))
            return FALSE;
        }
    }

  /* Flat, ID-ordered views and the lookup tables, built only once every
   * record is final so that the tables never point at freed memory. */
  for (guint i = 0; i < self->categories->len; i++)
    {
      const ScsCategory *category = g_ptr_array_index (self->categories, i);

      for (guint j = 0; j < category->requirements->len; j++)
        {
          ScsRequirement *requirement = g_ptr_array_index (category->requirements, j);

          g_ptr_array_add (self->requirements, requirement);
          g_hash_table_insert (self->requirement_by_id, requirement->id, requirement);

          for (guint k = 0; k < requirement->criteria->len; k++)
            {
              ScsCriterion *criterion = g_ptr_array_index (requirement->criteria, k);

              g_ptr_array_add (self->criteria, criterion);
              g_hash_table_insert (self->criterion_by_id, criterion->id, criterion);
            }
        }
    }

  /* Only the official wording may lack English: every other catalog is
   * ours, and ours is complete in both languages. The message names the
   * element and its line, like every other refusal of this loader. */
  if (!g_str_equal (self->source, "official"))
    {
      g_autofree char *missing = NULL;
      long line = 0;

      if (*self->title_en == '\0')
        {
          missing = g_strdup (self->id);
          line = xmlGetLineNo (root);
        }
      for (xmlNodePtr child = root->children; missing == NULL && child != NULL; child = child->next)
        {
          g_autofree char *number = NULL;

          if (!is_element (child, "category"))
            continue;
          number = get_attribute (child, "number");
          if (*scs_catalog_get_category (self, (guint) g_ascii_strtoull (number, NULL, 10))->title_en == '\0')
            {
              missing = g_strdup_printf (_("category %s"), number);
              line = xmlGetLineNo (child);
            }
        }
      for (guint i = 0; missing == NULL && i < self->requirements->len; i++)
        {
          const ScsRequirement *requirement = g_ptr_array_index (self->requirements, i);

          if (*requirement->title_en == '\0')
            {
              missing = g_strdup (requirement->id);
              line = (long) GPOINTER_TO_SIZE (g_hash_table_lookup (lines, requirement->id));
            }
        }
      for (guint i = 0; missing == NULL && i < self->criteria->len; i++)
        {
          const ScsCriterion *criterion = g_ptr_array_index (self->criteria, i);

          if (*criterion->text_en == '\0')
            {
              missing = g_strdup (criterion->id);
              line = (long) GPOINTER_TO_SIZE (g_hash_table_lookup (lines, criterion->id));
            }
        }
      if (missing != NULL)
        {
          g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID,
                       _("‘%s’ on line %ld has no English text; only an official catalog (source=\"official\") may be Japanese only"),
                       missing, line);
          return FALSE;
        }
    }

  return TRUE;
}

/* The built-in catalog is checked against the schema when the project is
 * built and tested (test catalog-schema, xmllint --relaxng); the same bytes
 * — the built-in catalog itself, or its copy embedded in a workspace — skip
 * the RelaxNG pass, a few milliseconds of every start-up. The catalog rules
 * in build_catalog() still run. */
static gboolean
is_builtin_xml (GBytes *xml)
{
  g_autoptr(GBytes) builtin = g_resource_lookup_data (scs_core_get_resource (), BUILTIN_RESOURCE,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  return builtin != NULL && g_bytes_equal (builtin, xml);
}

/* ---------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------- */

/**
 * scs_catalog_new_from_bytes:
 * @xml: the catalog XML, at most 16 MiB
 * @error: return location for a #SCS_CATALOG_ERROR
 *
 * Parses, validates and loads a catalog. Refuses a DOCTYPE, XML that is not
 * well-formed, anything the schema or the catalog rules reject; the message
 * names the line and, where there is one, the ID.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
ScsCatalog *
scs_catalog_new_from_bytes (GBytes  *xml,
                            GError **error)
{
  g_autoptr(ScsCatalog) self = NULL;
  xmlDocPtr doc;
  gboolean ok = FALSE;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xmlInitParser ();

  doc = parse_document (xml, error);
  if (doc != NULL)
    {
      if (is_builtin_xml (xml) || validate_document (doc, error))
        {
          self = g_object_new (SCS_TYPE_CATALOG, NULL);
          ok = build_catalog (self, doc, error);
        }
      xmlFreeDoc (doc);
    }

  if (!ok)
    return NULL;

  self->bytes = g_bytes_ref (xml);
  self->sha256 = scs_sha256_hex_bytes (xml);

  return g_steal_pointer (&self);
}

/**
 * scs_catalog_new_from_file:
 * @path: a catalog XML file
 * @error: return location for a #SCS_CATALOG_ERROR, or a #G_IO_ERROR when the
 *   file cannot be read
 *
 * Like scs_catalog_new_from_bytes(), reading @path first; a file larger than
 * 16 MiB is refused before it is read. Messages begin with the file name.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
ScsCatalog *
scs_catalog_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  ScsCatalog *catalog;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  display = g_filename_display_name (path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  /* Checked before reading so a huge file is never loaded into memory. */
  if (g_file_info_get_size (info) > MAX_CATALOG_SIZE)
    {
      g_set_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE,
                   _("%s: the file is %llu bytes long; catalogs larger than %d MiB are refused"),
                   display, (unsigned long long) g_file_info_get_size (info), MAX_CATALOG_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  catalog = scs_catalog_new_from_bytes (bytes, error);
  if (catalog == NULL)
    g_prefix_error (error, "%s: ", display);

  return catalog;
}

/**
 * scs_catalog_new_builtin:
 *
 * Loads the catalog shipped in the core resource, written in our own words
 * (ja + en): the 26 ★3 requirements with their 81 criteria and the 17 ★4-only
 * requirements, whose criteria need the official workbook.
 *
 * Returns: (transfer full): the built-in catalog
 */
ScsCatalog *
scs_catalog_new_builtin (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScsCatalog *catalog;

  /* Through scs_core_get_resource() rather than the global registry: that
   * reference is what makes the linker keep the resource object (and its
   * registering constructor) out of the static library. */
  bytes = g_resource_lookup_data (scs_core_get_resource (), BUILTIN_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in catalog is missing from the core resource: %s", error->message);

  /* The built-in catalog is part of the program: if it does not load, the
   * build is broken and there is nothing sensible to continue with. */
  catalog = scs_catalog_new_from_bytes (bytes, &error);
  if (catalog == NULL)
    g_error ("The built-in catalog does not load: %s", error->message);

  return catalog;
}

/**
 * scs_catalog_get_bytes:
 *
 * Returns: (transfer none): the exact XML the catalog was loaded from, e.g.
 *   to embed it in a workspace
 */
GBytes *
scs_catalog_get_bytes (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->bytes;
}

const char *
scs_catalog_get_id (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->id;
}

/* The publication date of the catalog, "YYYY-MM-DD". */
const char *
scs_catalog_get_date (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->date;
}

/* Lower-case hex SHA-256 of the exact XML bytes: the catalog's identity. */
const char *
scs_catalog_get_sha256 (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->sha256;
}

/* "builtin" (our paraphrase, the default) or "official" (imported from the IPA workbook). */
const char *
scs_catalog_get_source (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->source;
}

gboolean
scs_catalog_is_official (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), FALSE);

  return g_strcmp0 (self->source, "official") == 0;
}

/* The SHA-256 of the workbook an official catalog was imported from, or NULL. */
const char *
scs_catalog_get_source_sha256 (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->source_sha256;
}

/**
 * scs_catalog_get_paraphrase_en:
 * @criterion_id: a criterion of @self
 *
 * The official wording is Japanese only. For an English UI, our own English
 * paraphrase from the built-in catalog can be shown alongside, where the
 * built-in catalog has a criterion with the same ID; it is a paraphrase of
 * possibly different wording, and views must say so.
 *
 * Returns: (nullable): the built-in English text, or %NULL when @self has
 *   English of its own or the built-in catalog has no such criterion
 */
const char *
scs_catalog_get_paraphrase_en (ScsCatalog *self,
                               const char *criterion_id)
{
  static ScsCatalog *builtin = NULL;
  const ScsCriterion *own;
  const ScsCriterion *ours;

  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  own = scs_catalog_lookup_criterion (self, criterion_id);
  if (own != NULL && *own->text_en != '\0')
    return NULL;

  if (g_once_init_enter (&builtin))
    g_once_init_leave (&builtin, scs_catalog_new_builtin ());

  ours = scs_catalog_lookup_criterion (builtin, criterion_id);
  return ours != NULL && *ours->text_en != '\0' ? ours->text_en : NULL;
}

/* The title in the UI language (see scs_i18n_is_japanese()). */
const char *
scs_catalog_get_title (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return scs_i18n_pick (self->title_ja, self->title_en);
}

guint
scs_catalog_get_n_categories (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), 0);

  return self->categories->len;
}

/**
 * scs_catalog_get_category:
 * @number: the category number, 1 … 7
 *
 * Returns: (nullable): the category, or %NULL if the catalog has none with
 *   that number
 */
const ScsCategory *
scs_catalog_get_category (ScsCatalog *self,
                          guint       number)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  for (guint i = 0; i < self->categories->len; i++)
    {
      const ScsCategory *category = g_ptr_array_index (self->categories, i);

      if (category->number == number)
        return category;
    }

  return NULL;
}

/* All criteria of every level, in ID order. */
const GPtrArray *
scs_catalog_get_criteria (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->criteria;
}

/* All requirements of every level, including those whose criteria are unknown, in ID order. */
const GPtrArray *
scs_catalog_get_requirements (ScsCatalog *self)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  return self->requirements;
}

const ScsCriterion *
scs_catalog_lookup_criterion (ScsCatalog *self,
                              const char *id)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->criterion_by_id, id);
}

const ScsRequirement *
scs_catalog_lookup_requirement (ScsCatalog *self,
                                const char *id)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->requirement_by_id, id);
}

/**
 * scs_catalog_count_requirements:
 * @level: 3 or 4
 *
 * Counts the requirements that apply at @level: those having a criterion of
 * @level or below (★4 contains all of ★3), plus, for ★4, the requirements
 * whose criteria are not published yet.
 */
guint
scs_catalog_count_requirements (ScsCatalog *self,
                                guint       level)
{
  guint n = 0;

  g_return_val_if_fail (SCS_IS_CATALOG (self), 0);
  g_return_val_if_fail (level == 3 || level == 4, 0);

  for (guint i = 0; i < self->requirements->len; i++)
    {
      const ScsRequirement *requirement = g_ptr_array_index (self->requirements, i);

      if (requirement->level <= level)
        n++;
    }

  return n;
}

/**
 * scs_catalog_count_criteria:
 * @level: 3 or 4
 *
 * Counts the known criteria of @level or below. For ★4 this is less than the
 * official count while scs_catalog_criteria_complete() is %FALSE.
 */
guint
scs_catalog_count_criteria (ScsCatalog *self,
                            guint       level)
{
  guint n = 0;

  g_return_val_if_fail (SCS_IS_CATALOG (self), 0);
  g_return_val_if_fail (level == 3 || level == 4, 0);

  for (guint i = 0; i < self->criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if (criterion->level <= level)
        n++;
    }

  return n;
}

/**
 * scs_catalog_criteria_complete:
 * @level: 3 or 4
 *
 * Returns: %FALSE when a requirement that applies at @level has criteria that
 *   are not in this catalog (the official workbook is needed for them)
 */
gboolean
scs_catalog_criteria_complete (ScsCatalog *self,
                               guint       level)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (level == 3 || level == 4, FALSE);

  for (guint i = 0; i < self->requirements->len; i++)
    {
      const ScsRequirement *requirement = g_ptr_array_index (self->requirements, i);

      if (requirement->level <= level && !requirement->criteria_known)
        return FALSE;
    }

  return TRUE;
}

/* Reads one ID component: 1–3 digits, no leading zero. Returns its length. */
static gsize
scan_number (const char *text)
{
  gsize n = 0;

  if (text[0] < '1' || text[0] > '9')
    return 0;
  while (n < 3 && g_ascii_isdigit (text[n]))
    n++;

  return n;
}

/* Reads "X-Y-Z" or "X-Y-Z-W" at @text (X in 1–7), greedily; returns the
 * number of components (0 if none) and the length in @length. Boundaries are
 * the caller's concern. */
static guint
scan_id (const char *text,
         gsize      *length)
{
  gsize pos;
  guint parts;

  if (text[0] < '1' || text[0] > '7')
    return 0;
  pos = 1;
  parts = 1;

  while (parts < 4 && text[pos] == '-')
    {
      gsize n = scan_number (text + pos + 1);

      if (n == 0)
        break;
      pos += 1 + n;
      parts++;
    }

  *length = pos;
  return parts >= 3 ? parts : 0;
}

/**
 * scs_catalog_describe_missing:
 * @level: 3 or 4
 *
 * What dashboards, reports and status say instead of a count when the
 * catalog lacks criteria of @level (★4 before the official workbook is
 * imported): counting only the known ones would read as complete.
 *
 * Returns: (transfer full) (nullable): the translated sentence, or %NULL
 *   when scs_catalog_criteria_complete() is %TRUE
 */
char *
scs_catalog_describe_missing (ScsCatalog *self,
                              guint       level)
{
  g_return_val_if_fail (SCS_IS_CATALOG (self), NULL);

  if (scs_catalog_criteria_complete (self, level))
    return NULL;
  /* Translators: %u is the level, 3 or 4 */
  return g_strdup_printf (_("★%u criteria missing: import the official workbook"), level);
}

/**
 * scs_criterion_id_is_valid:
 * @id: (nullable): text to check
 *
 * Returns: %TRUE if @id has the form of a criterion ID, X-Y-Z-W with X the
 *   category 1–7 and the others 1–999 without leading zeros; says nothing
 *   about whether a catalog contains it
 */
gboolean
scs_criterion_id_is_valid (const char *id)
{
  gsize length = 0;

  if (id == NULL)
    return FALSE;

  return scan_id (id, &length) == 4 && id[length] == '\0';
}

const char *
scs_category_get_title (const ScsCategory *category)
{
  g_return_val_if_fail (category != NULL, NULL);

  return scs_i18n_pick (category->title_ja, category->title_en);
}

const char *
scs_requirement_get_title (const ScsRequirement *requirement)
{
  g_return_val_if_fail (requirement != NULL, NULL);

  return scs_i18n_pick (requirement->title_ja, requirement->title_en);
}

const char *
scs_criterion_get_text (const ScsCriterion *criterion)
{
  g_return_val_if_fail (criterion != NULL, NULL);

  return scs_i18n_pick (criterion->text_ja, criterion->text_en);
}

/* Characters that make an ID-looking run part of something else: a longer
 * number ("24-7", "2026-03-27"), a word ("ISO1-2-3") or a dotted version. */
static gboolean
is_id_glue (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/**
 * scs_catalog_markup_links:
 * @text: UTF-8 text, e.g. a criterion text
 *
 * Marks every criterion ID ("4-1-3-3", also in "No.4-1-3-3") and
 * requirement ID ("1-2-1") as a Pango link `<a href="scs:ID">ID</a>` and
 * escapes all other text. A run only counts as an ID when it stands alone:
 * not touching other digits, letters or hyphens, nor a dot followed or
 * preceded by a digit, so dates, times and version numbers stay text.
 *
 * Returns: (transfer full): Pango markup
 */
char *
scs_catalog_markup_links (const char *text)
{
  GString *markup;
  gsize start = 0;
  gsize i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  markup = g_string_sized_new (strlen (text) + 16);

  /* IDs are ASCII, and UTF-8 continuation bytes are never ASCII, so a
   * byte-wise scan cannot split a character. */
  while (text[i] != '\0')
    {
      gsize length = 0;
      gboolean before_ok;
      gboolean after_ok;

      if (text[i] < '1' || text[i] > '7' || scan_id (text + i, &length) == 0)
        {
          i++;
          continue;
        }

      before_ok = i == 0 ||
                  (!is_id_glue (text[i - 1]) &&
                   !(text[i - 1] == '.' && i >= 2 && g_ascii_isdigit (text[i - 2])));
      after_ok = !is_id_glue (text[i + length]) &&
                 !(text[i + length] == '.' && g_ascii_isdigit (text[i + length + 1]));

      if (!before_ok || !after_ok)
        {
          /* Skip the whole run: its tail ("2-3-4" of "1-2-3-4-5") is not an ID either. */
          i += length;
          continue;
        }

      if (i > start)
        {
          g_autofree char *escaped = g_markup_escape_text (text + start, (gssize) (i - start));
          g_string_append (markup, escaped);
        }
      g_string_append (markup, "<a href=\"scs:");
      g_string_append_len (markup, text + i, (gssize) length);
      g_string_append (markup, "\">");
      g_string_append_len (markup, text + i, (gssize) length);
      g_string_append (markup, "</a>");

      i += length;
      start = i;
    }

  if (i > start)
    {
      g_autofree char *escaped = g_markup_escape_text (text + start, (gssize) (i - start));
      g_string_append (markup, escaped);
    }

  return g_string_free (markup, FALSE);
}
