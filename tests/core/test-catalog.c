/* test-catalog.c: the built-in catalog, the loader's refusals, ID links, i18n
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "scs-catalog.h"
#include "scs-i18n.h"

#define BUILTIN_XML "data/catalog/scs-star3-2026-03-27.xml"
#define SCHEMA_RNG  "data/schema/catalog.rng"

/* ---------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------- */

static char *
source_path (const char *relative)
{
  const char *source_dir = g_getenv ("SCS_SOURCE_DIR");

  if (source_dir == NULL)
    source_dir = "."; /* run by hand from the source tree */

  return g_build_filename (source_dir, relative, NULL);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* The minimal fixture with @old replaced by @new_text (which must occur). */
static GBytes *
minimal_with (const char *old,
              const char *new_text)
{
  g_autoptr(GBytes) bytes = load_fixture ("catalog-minimal.xml");
  GString *text = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (text, old, new_text, 1), ==, 1);

  return g_string_free_to_bytes (text);
}

static ScsCatalog *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return scs_catalog_new_from_bytes (bytes, error);
}

static void
assert_message_contains (const GError *error,
                         const char   *needle)
{
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_error ("Expected ‘%s’ in the error message: %s", needle, error->message);
}

/* ---------------------------------------------------------------------
 * The built-in catalog
 * ------------------------------------------------------------------- */

static void
test_builtin_counts (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  /* Criteria per category in the 2026-03-27 ★3 catalog. */
  static const guint criteria_per_category[] = { 8, 4, 11, 48, 3, 6, 1 };
  guint n_criteria = 0;
  guint n_requirements = 0;

  g_assert_cmpstr (scs_catalog_get_id (catalog), ==, "scs-builtin-2026-03-27");
  g_assert_cmpstr (scs_catalog_get_date (catalog), ==, "2026-03-27");

  g_assert_cmpuint (scs_catalog_get_n_categories (catalog), ==, 7);
  g_assert_cmpuint (scs_catalog_count_requirements (catalog, 3), ==, 26);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 3), ==, 81);
  g_assert_cmpuint (scs_catalog_count_requirements (catalog, 4), ==, 43);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 4), ==, 81);
  g_assert_true (scs_catalog_criteria_complete (catalog, 3));
  g_assert_false (scs_catalog_criteria_complete (catalog, 4));

  g_assert_cmpuint (scs_catalog_get_requirements (catalog)->len, ==, 43);
  g_assert_cmpuint (scs_catalog_get_criteria (catalog)->len, ==, 81);

  for (guint number = 1; number <= 7; number++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, number);
      guint in_category = 0;

      g_assert_nonnull (category);
      g_assert_cmpuint (category->number, ==, number);
      g_assert_cmpuint (category->requirements->len, >, 0);
      for (guint i = 0; i < category->requirements->len; i++)
        {
          const ScsRequirement *requirement = g_ptr_array_index (category->requirements, i);

          g_assert_true (requirement->category == category);
          in_category += requirement->criteria->len;
        }
      g_assert_cmpuint (in_category, ==, criteria_per_category[number - 1]);
      n_criteria += in_category;
      n_requirements += category->requirements->len;
    }
  g_assert_cmpuint (n_criteria, ==, 81);
  g_assert_cmpuint (n_requirements, ==, 43);

  g_assert_null (scs_catalog_get_category (catalog, 0));
  g_assert_null (scs_catalog_get_category (catalog, 8));

  g_assert_cmpstr (scs_catalog_get_category (catalog, 1)->title_ja, ==, "ガバナンスの整備");
  g_assert_cmpstr (scs_catalog_get_category (catalog, 2)->title_en, ==, "Supplier management");
  g_assert_cmpstr (scs_catalog_get_category (catalog, 7)->title_ja, ==, "インシデントからの復旧");

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

/* The ★4-only requirements are there, marked as needing the official workbook. */
static void
test_builtin_star4_only (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const GPtrArray *requirements = scs_catalog_get_requirements (catalog);
  guint unpublished = 0;

  for (guint i = 0; i < requirements->len; i++)
    {
      const ScsRequirement *requirement = g_ptr_array_index (requirements, i);

      if (!requirement->criteria_known)
        {
          unpublished++;
          g_assert_cmpuint (requirement->level, ==, 4);
          g_assert_cmpuint (requirement->criteria->len, ==, 0);
          g_assert_cmpstr (requirement->title_ja, !=, "");
          g_assert_cmpstr (requirement->title_en, !=, "");
        }
      else
        {
          g_assert_cmpuint (requirement->level, ==, 3);
          g_assert_cmpuint (requirement->criteria->len, >, 0);
        }
    }
  g_assert_cmpuint (unpublished, ==, 17);

  g_assert_false (scs_catalog_lookup_requirement (catalog, "5-2-1")->criteria_known);
  g_assert_true (scs_catalog_lookup_requirement (catalog, "7-1-1")->criteria_known);
}

static void
test_builtin_lookup (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const ScsCriterion *criterion;
  const ScsRequirement *requirement;

  criterion = scs_catalog_lookup_criterion (catalog, "1-2-1-1");
  g_assert_nonnull (criterion);
  g_assert_cmpstr (criterion->id, ==, "1-2-1-1");
  g_assert_cmpuint (criterion->level, ==, 3);
  g_assert_cmpstr (criterion->requirement->id, ==, "1-2-1");
  g_assert_cmpuint (criterion->requirement->category->number, ==, 1);

  criterion = scs_catalog_lookup_criterion (catalog, "7-1-1-1");
  g_assert_nonnull (criterion);
  g_assert_cmpuint (criterion->requirement->category->number, ==, 7);

  requirement = scs_catalog_lookup_requirement (catalog, "4-1-1");
  g_assert_nonnull (requirement);
  g_assert_cmpuint (requirement->criteria->len, ==, 4);
  g_assert_true (scs_catalog_lookup_criterion (catalog, "4-1-1-4") == g_ptr_array_index (requirement->criteria, 3));

  g_assert_null (scs_catalog_lookup_criterion (catalog, "9-9-9-9"));
  g_assert_null (scs_catalog_lookup_criterion (catalog, "1-2-1"));
  g_assert_null (scs_catalog_lookup_requirement (catalog, "1-2-1-1"));
  g_assert_null (scs_catalog_lookup_requirement (catalog, "1-9-9"));

  /* Every criterion is found through the table, and the flat list is in ID order. */
  for (guint i = 0; i < scs_catalog_get_criteria (catalog)->len; i++)
    {
      const ScsCriterion *c = g_ptr_array_index (scs_catalog_get_criteria (catalog), i);

      g_assert_true (scs_catalog_lookup_criterion (catalog, c->id) == c);
      g_assert_true (g_ptr_array_find (c->requirement->criteria, c, NULL));
    }
}

static void
test_builtin_texts (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);

  g_assert_cmpstr (scs_catalog_get_title (catalog), !=, "");

  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);

      g_assert_true (scs_criterion_id_is_valid (criterion->id));
      g_assert_true (g_str_has_prefix (criterion->id, criterion->requirement->id));
      /* Japanese text has Japanese in it; English text is not a copy of it. */
      g_assert_nonnull (criterion->text_ja);
      g_assert_nonnull (criterion->text_en);
      g_assert_false (g_str_is_ascii (criterion->text_ja));
      g_assert_cmpuint (strlen (criterion->text_en), >, 10);
      g_assert_cmpstr (criterion->text_ja, !=, criterion->text_en);
      g_assert_cmpstr (criterion->requirement->title_ja, !=, "");
      g_assert_cmpstr (criterion->requirement->title_en, !=, "");
    }

  for (guint number = 1; number <= 7; number++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, number);

      g_assert_false (g_str_is_ascii (category->title_ja));
      g_assert_cmpstr (category->title_en, !=, "");
    }
}

static void
relaxng_error_cb (void        *user_data,
                  xmlErrorPtr  error)
{
  GString *messages = user_data;

  g_string_append_printf (messages, "line %d: %s", error->line, error->message);
}

/* Validates with libxml2's RELAX NG API against the schema in the source
 * tree; returns the errors, empty when valid. */
static char *
validate_with_schema (const char *xml_path)
{
  g_autofree char *schema_path = source_path (SCHEMA_RNG);
  GString *messages = g_string_new (NULL);
  xmlRelaxNGParserCtxtPtr parser_ctxt;
  xmlRelaxNGValidCtxtPtr valid_ctxt;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;

  parser_ctxt = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNGSetParserStructuredErrors (parser_ctxt, relaxng_error_cb, messages);
  schema = xmlRelaxNGParse (parser_ctxt);
  xmlRelaxNGFreeParserCtxt (parser_ctxt);
  g_assert_nonnull (schema);

  doc = xmlReadFile (xml_path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);

  valid_ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (valid_ctxt, relaxng_error_cb, messages);
  if (xmlRelaxNGValidateDoc (valid_ctxt, doc) != 0 && messages->len == 0)
    g_string_append (messages, "invalid");
  xmlRelaxNGFreeValidCtxt (valid_ctxt);
  xmlRelaxNGFree (schema);
  xmlFreeDoc (doc);

  return g_string_free (messages, FALSE);
}

static void
test_builtin_schema (void)
{
  g_autofree char *xml_path = source_path (BUILTIN_XML);
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "core", "fixtures",
                                                         "catalog-minimal.xml", NULL);
  g_autofree char *errors = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) resource = NULL;
  g_autoptr(GBytes) resource_schema = NULL;
  g_autofree char *schema_path = source_path (SCHEMA_RNG);
  g_autofree char *schema_contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  errors = validate_with_schema (xml_path);
  g_assert_cmpstr (errors, ==, "");
  g_clear_pointer (&errors, g_free);

  errors = validate_with_schema (fixture_path);
  g_assert_cmpstr (errors, ==, "");

  /* The resource compiled into the program is the file in the tree. */
  g_file_get_contents (xml_path, &contents, &length, &error);
  g_assert_no_error (error);
  resource = g_resources_lookup_data ("/jp/scsworkbench/core/catalog/builtin.xml", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (resource, NULL), g_bytes_get_size (resource));

  g_file_get_contents (schema_path, &schema_contents, &length, &error);
  g_assert_no_error (error);
  resource_schema = g_resources_lookup_data ("/jp/scsworkbench/core/schema/catalog.rng", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (schema_contents, length,
                   g_bytes_get_data (resource_schema, NULL), g_bytes_get_size (resource_schema));
}

static void
test_builtin_sha256 (void)
{
  g_autoptr(ScsCatalog) first = scs_catalog_new_builtin ();
  g_autoptr(ScsCatalog) second = scs_catalog_new_builtin ();
  g_autoptr(GBytes) resource = NULL;
  g_autoptr(ScsCatalog) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GString *text;
  const char *sha256 = scs_catalog_get_sha256 (first);

  resource = g_resources_lookup_data ("/jp/scsworkbench/core/catalog/builtin.xml", 0, &error);
  g_assert_no_error (error);
  expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, resource);

  g_assert_cmpuint (strlen (sha256), ==, 64);
  for (const char *p = sha256; *p != '\0'; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  g_assert_cmpstr (sha256, ==, expected);
  g_assert_cmpstr (scs_catalog_get_sha256 (second), ==, sha256);
  g_assert_true (g_bytes_equal (scs_catalog_get_bytes (first), resource));

  /* One byte of insignificant whitespace is a different catalog content. */
  text = g_string_new_len (g_bytes_get_data (resource, NULL), (gssize) g_bytes_get_size (resource));
  g_string_append_c (text, '\n');
  {
    g_autoptr(GBytes) bytes = g_string_free_to_bytes (text);

    changed = scs_catalog_new_from_bytes (bytes, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (scs_catalog_get_sha256 (changed), !=, sha256);
  g_assert_cmpuint (scs_catalog_count_criteria (changed, 3), ==, 81);
}

/* ---------------------------------------------------------------------
 * Loading other catalogs
 * ------------------------------------------------------------------- */

static void
test_minimal (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("catalog-minimal.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_from_bytes (bytes, &error);
  const ScsRequirement *requirement;

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_cmpstr (scs_catalog_get_id (catalog), ==, "test-minimal");
  g_assert_cmpstr (scs_catalog_get_date (catalog), ==, "2026-01-15");
  g_assert_cmpuint (scs_catalog_get_n_categories (catalog), ==, 2);
  g_assert_nonnull (scs_catalog_get_category (catalog, 2));
  g_assert_null (scs_catalog_get_category (catalog, 3));

  /* The level belongs to the criterion: 1-2-1 is ★3 with a ★4 criterion. */
  g_assert_cmpuint (scs_catalog_count_requirements (catalog, 3), ==, 1);
  g_assert_cmpuint (scs_catalog_count_requirements (catalog, 4), ==, 3);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 3), ==, 1);
  g_assert_cmpuint (scs_catalog_count_criteria (catalog, 4), ==, 3);
  g_assert_true (scs_catalog_criteria_complete (catalog, 3));
  g_assert_false (scs_catalog_criteria_complete (catalog, 4));

  requirement = scs_catalog_lookup_requirement (catalog, "1-2-1");
  g_assert_cmpuint (requirement->level, ==, 3);
  g_assert_cmpstr (requirement->title_en, ==, "Roles & responsibilities");
  g_assert_cmpuint (scs_catalog_lookup_criterion (catalog, "1-2-1-2")->level, ==, 4);
  g_assert_cmpstr (scs_catalog_lookup_criterion (catalog, "2-1-1-1")->text_ja, ==, "取引先一覧がある。");

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_from_file (void)
{
  g_autofree char *path = source_path (BUILTIN_XML);
  g_autoptr(ScsCatalog) builtin = scs_catalog_new_builtin ();
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = scs_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_catalog_get_sha256 (catalog), ==, scs_catalog_get_sha256 (builtin));

  g_assert_null (scs_catalog_new_from_file ("/nonexistent/catalog.xml", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_refuse_doctype (void)
{
  static const char *const hostile[] = {
    /* billion laughs */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE catalog [\n"
    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    "]>\n"
    "<catalog xmlns=\"urn:scs-workbench:catalog:1\">&f;</catalog>\n",
    /* external entity */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE catalog [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<catalog xmlns=\"urn:scs-workbench:catalog:1\">&x;</catalog>\n",
    /* external DTD over the network */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE catalog SYSTEM \"http://example.invalid/catalog.dtd\">\n"
    "<catalog xmlns=\"urn:scs-workbench:catalog:1\"/>\n",
    /* even a harmless-looking one */
    "<!DOCTYPE catalog><catalog xmlns=\"urn:scs-workbench:catalog:1\"/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsCatalog) catalog = load_string (hostile[i], &error);

      g_assert_null (catalog);
      g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
      assert_message_contains (error, "DOCTYPE");
    }

  /* The DOCTYPE of the first case is on line 2. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (load_string (hostile[0], &error));
    assert_message_contains (error, "line 2");
  }
}

static void
test_refuse_not_well_formed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) truncated = minimal_with ("</catalog>", "");
  g_autoptr(GBytes) mismatched = minimal_with ("</criterion>", "</criteria>");
  g_autoptr(GBytes) entity = minimal_with ("Roles &amp; responsibilities", "Roles &nbsp; responsibilities");

  g_assert_null (scs_catalog_new_from_bytes (truncated, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
  assert_message_contains (error, "not well-formed");
  g_clear_error (&error);

  g_assert_null (scs_catalog_new_from_bytes (mismatched, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
  /* The first </criterion> is on line 20. */
  assert_message_contains (error, "line 20");
  g_clear_error (&error);

  g_assert_null (scs_catalog_new_from_bytes (entity, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
  assert_message_contains (error, "line 16");
  g_clear_error (&error);

  g_assert_null (load_string ("", &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_null (load_string ("\x89PNG\r\n\x1a\n not xml at all", &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
  g_clear_error (&error);

  /* An undeclared namespace prefix is an error too, not a warning. */
  g_assert_null (load_string ("<catalog xmlns=\"urn:scs-workbench:catalog:1\"><x:y/></catalog>", &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
}

static void
test_refuse_schema (void)
{
  static const struct
  {
    const char *old;
    const char *new_text;
  } cases[] = {
    /* English text missing */
    { "<text xml:lang=\"en\">Roles are defined (see 1-2-1-2).</text>", "" },
    /* both languages, but not ja and en */
    { "<title xml:lang=\"en\">Supplier management</title>", "<title xml:lang=\"fr\">Fournisseurs</title>" },
    /* blank text */
    { "A contact list is kept.", "   " },
    /* impossible date */
    { "date=\"2026-01-15\"", "date=\"2026-02-30\"" },
    /* malformed ID */
    { "id=\"1-2-1-2\"", "id=\"1-2-1-x\"" },
    /* category out of range */
    { "number=\"2\"", "number=\"8\"" },
    /* level out of range */
    { "<criterion id=\"2-1-1-1\" level=\"4\">", "<criterion id=\"2-1-1-1\" level=\"5\">" },
    /* unpublished criteria on a ★3 requirement */
    { "level=\"4\" criteria=\"unpublished\"", "level=\"3\" criteria=\"unpublished\"" },
    /* wrong namespace */
    { "urn:scs-workbench:catalog:1", "urn:example:other" },
    /* unknown element */
    { "</requirement>", "<note>x</note></requirement>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = minimal_with (cases[i].old, cases[i].new_text);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s → %s", i, cases[i].old, cases[i].new_text);
      g_assert_null (scs_catalog_new_from_bytes (bytes, &error));
      g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
      assert_message_contains (error, "line ");
    }
}

static void
test_refuse_duplicate_id (void)
{
  g_autoptr(GBytes) bytes = minimal_with ("id=\"1-2-1-2\"", "id=\"1-2-1-1\"");
  g_autoptr(GBytes) category = minimal_with ("number=\"2\"", "number=\"1\"");
  g_autoptr(GError) error = NULL;

  g_assert_null (scs_catalog_new_from_bytes (bytes, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "‘1-2-1-1’");
  assert_message_contains (error, "Line 21");
  assert_message_contains (error, "line 17");
  g_clear_error (&error);

  g_assert_null (scs_catalog_new_from_bytes (category, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "category 1 appears twice");
}

static void
test_refuse_wrong_parent (void)
{
  g_autoptr(GBytes) criterion = minimal_with ("id=\"1-2-1-2\"", "id=\"1-3-1-2\"");
  g_autoptr(GBytes) requirement = minimal_with ("<requirement id=\"2-1-1\"", "<requirement id=\"5-1-1\"");
  g_autoptr(GError) error = NULL;

  g_assert_null (scs_catalog_new_from_bytes (criterion, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "‘1-3-1-2’");
  assert_message_contains (error, "‘1-2-1’");
  assert_message_contains (error, "Line 21");
  g_clear_error (&error);

  g_assert_null (scs_catalog_new_from_bytes (requirement, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "‘5-1-1’");
  assert_message_contains (error, "category 2");
  assert_message_contains (error, "Line 30");
}

static void
test_refuse_levels_and_order (void)
{
  g_autoptr(GBytes) below = minimal_with ("<requirement id=\"1-2-1\" level=\"3\">",
                                          "<requirement id=\"1-2-1\" level=\"4\">");
  g_autoptr(GBytes) above = minimal_with ("<requirement id=\"2-1-1\" level=\"4\">",
                                          "<requirement id=\"2-1-1\" level=\"3\">");
  g_autoptr(GBytes) order = minimal_with ("<criterion id=\"1-2-1-1\"", "<criterion id=\"1-2-1-3\"");
  g_autoptr(GBytes) requirement_order = minimal_with ("<requirement id=\"1-1-1\"", "<requirement id=\"1-3-1\"");
  g_autoptr(GBytes) category_gap = minimal_with ("<category number=\"2\">", "<category number=\"3\">");
  g_autoptr(GError) error = NULL;

  /* A ★3 criterion under a requirement that claims ★4. */
  g_assert_null (scs_catalog_new_from_bytes (below, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "‘1-2-1-1’");
  assert_message_contains (error, "Line 17");
  g_clear_error (&error);

  /* A requirement that claims ★3 with only ★4 criteria. */
  g_assert_null (scs_catalog_new_from_bytes (above, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "‘2-1-1’");
  assert_message_contains (error, "Line 30");
  g_clear_error (&error);

  g_assert_null (scs_catalog_new_from_bytes (order, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "‘1-2-1-2’");
  assert_message_contains (error, "out of order");
  g_clear_error (&error);

  g_assert_null (scs_catalog_new_from_bytes (requirement_order, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "‘1-2-1’");
  g_clear_error (&error);

  /* Categories are numbered 1, 2, 3, … without gaps (the requirement
   * IDs 2-… would be wrong too, but the category comes first). */
  g_assert_null (scs_catalog_new_from_bytes (category_gap, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_INVALID);
  assert_message_contains (error, "expected category 2");
  assert_message_contains (error, "Line 27");
}

static void
test_refuse_huge (void)
{
  gsize size = 16 * 1024 * 1024 + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  /* A well-formed start, then padding: the size alone must refuse it. */
  memset (data, ' ', size);
  memcpy (data, "<catalog>", strlen ("<catalog>"));
  bytes = g_bytes_new_take (data, size);
  g_assert_null (scs_catalog_new_from_bytes (bytes, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
  assert_message_contains (error, "16 MiB");
  g_clear_error (&error);

  /* A sparse 4 GiB file is refused before it is read. */
  dir = g_dir_make_tmp ("scs-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.xml", NULL);
  g_file_set_contents (path, "<catalog>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (truncate (path, (off_t) 4 * 1024 * 1024 * 1024), ==, 0);

  g_assert_null (scs_catalog_new_from_file (path, &error));
  g_assert_error (error, SCS_CATALOG_ERROR, SCS_CATALOG_ERROR_PARSE);
  assert_message_contains (error, "huge.xml");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* libxml2 must never print: a refusal is a GError and nothing on stderr. */
static void
test_refuse_silently (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) broken = minimal_with ("</catalog>", "</catalo>");
      g_autoptr(GBytes) invalid = minimal_with ("date=\"2026-01-15\"", "date=\"yesterday\"");
      g_autoptr(GBytes) duplicate = minimal_with ("id=\"1-2-1-2\"", "id=\"1-2-1-1\"");
      g_autoptr(GError) error = NULL;

      g_assert_null (scs_catalog_new_from_bytes (broken, &error));
      g_clear_error (&error);
      g_assert_null (scs_catalog_new_from_bytes (invalid, &error));
      g_clear_error (&error);
      g_assert_null (scs_catalog_new_from_bytes (duplicate, &error));
      g_clear_error (&error);
      g_assert_null (load_string ("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", &error));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* ---------------------------------------------------------------------
 * IDs and links
 * ------------------------------------------------------------------- */

static void
test_criterion_id_is_valid (void)
{
  g_assert_true (scs_criterion_id_is_valid ("1-2-1-1"));
  g_assert_true (scs_criterion_id_is_valid ("7-1-1-1"));
  g_assert_true (scs_criterion_id_is_valid ("4-1-10-12"));

  g_assert_false (scs_criterion_id_is_valid (NULL));
  g_assert_false (scs_criterion_id_is_valid (""));
  g_assert_false (scs_criterion_id_is_valid ("1-2-1"));
  g_assert_false (scs_criterion_id_is_valid ("1-2-1-1-1"));
  g_assert_false (scs_criterion_id_is_valid ("8-1-1-1"));
  g_assert_false (scs_criterion_id_is_valid ("0-1-1-1"));
  g_assert_false (scs_criterion_id_is_valid ("1-2-1-01"));
  g_assert_false (scs_criterion_id_is_valid ("1-2-1-1 "));
  g_assert_false (scs_criterion_id_is_valid (" 1-2-1-1"));
  g_assert_false (scs_criterion_id_is_valid ("4-1-x"));
  g_assert_false (scs_criterion_id_is_valid ("a-b-c-d"));
  g_assert_false (scs_criterion_id_is_valid ("1-2-1-1000"));
  g_assert_false (scs_criterion_id_is_valid ("１-２-１-１"));
}

static void
test_markup_links (void)
{
  static const struct
  {
    const char *text;
    const char *markup;
  } cases[] = {
    { "see No.4-1-3-3.", "see No.<a href=\"scs:4-1-3-3\">4-1-3-3</a>." },
    { "1-2-1-1・1-2-1-2で決めた", "<a href=\"scs:1-2-1-1\">1-2-1-1</a>・<a href=\"scs:1-2-1-2\">1-2-1-2</a>で決めた" },
    { "requirement 1-2-1 applies", "requirement <a href=\"scs:1-2-1\">1-2-1</a> applies" },
    { "(No.7-1-1-1)", "(No.<a href=\"scs:7-1-1-1\">7-1-1-1</a>)" },
    { "4-1-1-1", "<a href=\"scs:4-1-1-1\">4-1-1-1</a>" },
    /* escaping of everything else */
    { "A & B < C > D \"E\" 1-2-1-1",
      "A &amp; B &lt; C &gt; D &quot;E&quot; <a href=\"scs:1-2-1-1\">1-2-1-1</a>" },
    { "<a href=\"x\">1-2-1</a>",
      "&lt;a href=&quot;x&quot;&gt;<a href=\"scs:1-2-1\">1-2-1</a>&lt;/a&gt;" },
    /* not IDs */
    { "24-7 support", "24-7 support" },
    { "on 2026-03-27 and 2026-3-27", "on 2026-03-27 and 2026-3-27" },
    { "8-1-1-1", "8-1-1-1" },
    { "0-1-1", "0-1-1" },
    { "1-2-3-4-5", "1-2-3-4-5" },
    { "11-2-3", "11-2-3" },
    { "1-2", "1-2" },
    { "1-02-3", "1-02-3" },
    { "v1-2-3 and ISO1-2-3", "v1-2-3 and ISO1-2-3" },
    { "1.1-2-3 and 1-2-3.4", "1.1-2-3 and 1-2-3.4" },
    { "TEL 03-1234-5678", "TEL 03-1234-5678" },
    { "CVSS 7.0 or higher, 14 days", "CVSS 7.0 or higher, 14 days" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = scs_catalog_markup_links (cases[i].text);

      g_assert_cmpstr (markup, ==, cases[i].markup);
    }
}

static void
collect_links (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  GPtrArray *links = user_data;

  if (g_strcmp0 (element_name, "a") != 0)
    return;
  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_strcmp0 (attribute_names[i], "href") == 0)
      g_ptr_array_add (links, g_strdup (attribute_values[i]));
}

/* Every link in the built-in texts is well-formed markup and points at an
 * ID that exists: no false positives in the real texts. */
static void
test_markup_links_builtin (void)
{
  static const GMarkupParser parser = { collect_links, NULL, NULL, NULL, NULL };
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  const ScsCriterion *with_references;

  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);
      const char *texts[] = { criterion->text_ja, criterion->text_en };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          g_autofree char *markup = scs_catalog_markup_links (texts[j]);
          g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
          g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, links, NULL);
          g_autoptr(GError) error = NULL;

          g_markup_parse_context_parse (context, document, -1, &error);
          g_assert_no_error (error);
          g_markup_parse_context_end_parse (context, &error);
          g_assert_no_error (error);
        }
    }

  g_assert_cmpuint (links->len, >, 0);
  for (guint i = 0; i < links->len; i++)
    {
      const char *href = g_ptr_array_index (links, i);
      const char *id;

      g_assert_true (g_str_has_prefix (href, "scs:"));
      id = href + strlen ("scs:");
      if (scs_catalog_lookup_criterion (catalog, id) == NULL &&
          scs_catalog_lookup_requirement (catalog, id) == NULL)
        g_error ("The built-in texts link to ‘%s’, which is not in the catalog", id);
    }

  with_references = scs_catalog_lookup_criterion (catalog, "1-2-1-3");
  {
    g_autofree char *markup = scs_catalog_markup_links (with_references->text_en);

    g_assert_nonnull (strstr (markup, "<a href=\"scs:1-2-1-1\">1-2-1-1</a>"));
    g_assert_nonnull (strstr (markup, "<a href=\"scs:1-2-1-2\">1-2-1-2</a>"));
  }
}

/* ---------------------------------------------------------------------
 * Language of catalog text (each case in a fresh process)
 * ------------------------------------------------------------------- */

#define PROBE_MSGID "SCS Workbench test probe"
#define PROBE_JA    "テスト用の訳文"

/* Writes a two-entry GNU .mo file: the header and the probe message. */
static void
write_probe_mo (const char *localedir)
{
  const char *ids[] = { "", PROBE_MSGID };
  const char *strs[] = { "Content-Type: text/plain; charset=UTF-8\n", PROBE_JA };
  g_autofree char *dir = g_build_filename (localedir, "ja", "LC_MESSAGES", NULL);
  g_autofree char *path = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GByteArray) mo = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guint32 header[7] = { 0x950412de, 0, 2, 28, 28 + 16, 0, 28 + 32 };
  guint32 offset = 28 + 32;
  guint32 table[8];

  for (guint i = 0; i < 2; i++)
    {
      table[2 * i] = (guint32) strlen (ids[i]);
      table[2 * i + 1] = offset;
      offset += table[2 * i] + 1;
    }
  for (guint i = 0; i < 2; i++)
    {
      table[4 + 2 * i] = (guint32) strlen (strs[i]);
      table[4 + 2 * i + 1] = offset;
      offset += table[4 + 2 * i] + 1;
    }

  g_byte_array_append (mo, (const guint8 *) header, sizeof header);
  g_byte_array_append (mo, (const guint8 *) table, sizeof table);
  for (guint i = 0; i < 2; i++)
    g_byte_array_append (mo, (const guint8 *) ids[i], (guint) strlen (ids[i]) + 1);
  for (guint i = 0; i < 2; i++)
    g_byte_array_append (mo, (const guint8 *) strs[i], (guint) strlen (strs[i]) + 1);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, (const char *) mo->data, (gssize) mo->len, &error);
  g_assert_no_error (error);
}

static void
remove_probe_mo (const char *localedir)
{
  g_autofree char *path = g_build_filename (localedir, "ja", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *messages = g_build_filename (localedir, "ja", "LC_MESSAGES", NULL);
  g_autofree char *ja = g_build_filename (localedir, "ja", NULL);

  g_unlink (path);
  g_rmdir (messages);
  g_rmdir (ja);
  g_rmdir (localedir);
}

/* Runs in the subprocess: environment as given, then scs_i18n_init (NULL). */
static void
set_or_unset (const char *variable,
              const char *value)
{
  if (value != NULL)
    g_setenv (variable, value, TRUE);
  else
    g_unsetenv (variable);
}

static gboolean
init_with (const char *lc_all,
           const char *lang,
           const char *language,
           const char *scs_language,
           char      **localedir)
{
  g_autoptr(GError) error = NULL;

  *localedir = g_dir_make_tmp ("scs-locale-XXXXXX", &error);
  g_assert_no_error (error);
  write_probe_mo (*localedir);

  g_setenv ("SCS_LOCALEDIR", *localedir, TRUE);
  set_or_unset ("LC_ALL", lc_all);
  g_unsetenv ("LC_MESSAGES");
  set_or_unset ("LANG", lang);
  set_or_unset ("LANGUAGE", language);
  set_or_unset ("SCS_LANGUAGE", scs_language);

  scs_i18n_init (NULL);

  return scs_i18n_is_japanese ();
}

static void
assert_english (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const ScsCriterion *criterion = scs_catalog_lookup_criterion (catalog, "1-2-1-1");

  g_assert_false (scs_i18n_is_japanese ());
  g_assert_cmpstr (scs_i18n_pick ("日本語", "English"), ==, "English");
  g_assert_cmpstr (scs_i18n_pick ("日本語", ""), ==, "日本語");
  g_assert_cmpstr (scs_i18n_pick ("日本語", NULL), ==, "日本語");
  g_assert_cmpstr (scs_category_get_title (scs_catalog_get_category (catalog, 4)), ==, "Protect");
  g_assert_cmpstr (scs_criterion_get_text (criterion), ==, criterion->text_en);
  g_assert_cmpstr (scs_requirement_get_title (criterion->requirement), ==, criterion->requirement->title_en);
  g_assert_cmpstr (_(PROBE_MSGID), ==, PROBE_MSGID);
}

static void
assert_japanese (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const ScsCriterion *criterion = scs_catalog_lookup_criterion (catalog, "1-2-1-1");

  g_assert_true (scs_i18n_is_japanese ());
  g_assert_cmpstr (scs_i18n_pick ("日本語", "English"), ==, "日本語");
  g_assert_cmpstr (scs_i18n_pick ("", "English"), ==, "English");
  g_assert_cmpstr (scs_category_get_title (scs_catalog_get_category (catalog, 4)), ==, "攻撃等の防御");
  g_assert_cmpstr (scs_criterion_get_text (criterion), ==, criterion->text_ja);
  g_assert_cmpstr (scs_catalog_get_title (catalog), !=, "");
  g_assert_false (g_str_is_ascii (scs_catalog_get_title (catalog)));
  /* The .mo is found and used, so the UI is Japanese too. */
  g_assert_cmpstr (_(PROBE_MSGID), ==, PROBE_JA);
}

/* An environment (NULL: a variable unset) and whether it gives Japanese. */
typedef struct
{
  const char *path;
  const char *lc_all;
  const char *lang;
  const char *language;
  const char *scs_language;
  gboolean    japanese;
} I18nCase;

static const I18nCase i18n_cases[] = {
  { "/scs/i18n/scs-language-en", "C.UTF-8", NULL, NULL, "en", FALSE },
  /* SCS_LANGUAGE wins over an English system language. */
  { "/scs/i18n/scs-language-ja", "C.UTF-8", NULL, "en", "ja", TRUE },
  /* LC_ALL=C, nothing else: Japanese, and gettext really translates
   * although it ignores LANGUAGE under the plain C locale. */
  { "/scs/i18n/c-locale", "C", NULL, NULL, NULL, TRUE },
  /* The C locale with LANGUAGE=en: the user asked for English. */
  { "/scs/i18n/c-locale-language-en", "C", NULL, "en", NULL, FALSE },
  /* LANG names a Japanese locale: Japanese, even where that locale is not
   * installed (setlocale falls back to C; Debian containers have only C). */
  { "/scs/i18n/lang-ja", NULL, "ja_JP.UTF-8", NULL, NULL, TRUE },
  /* LANG names an English locale: English, installed or not. */
  { "/scs/i18n/lang-en", NULL, "en_US.UTF-8", NULL, NULL, FALSE },
  /* LANGUAGE lists a language we have no catalog for, then Japanese: like
   * gettext, fall through to Japanese. */
  { "/scs/i18n/language-fallthrough", "C.UTF-8", NULL, "fr:ja", NULL, TRUE },
};

/* One of i18n_cases, in a fresh subprocess. */
static void
test_i18n_environment (gconstpointer data)
{
  const I18nCase *c = data;

  if (g_test_subprocess ())
    {
      g_autofree char *localedir = NULL;

      init_with (c->lc_all, c->lang, c->language, c->scs_language, &localedir);
      if (c->japanese)
        assert_japanese ();
      else
        assert_english ();
      remove_probe_mo (localedir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The argument (the preference) wins over SCS_LANGUAGE. */
static void
test_i18n_argument (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *localedir = g_dir_make_tmp ("scs-locale-XXXXXX", &error);

      g_assert_no_error (error);
      write_probe_mo (localedir);
      g_setenv ("SCS_LOCALEDIR", localedir, TRUE);
      g_setenv ("SCS_LANGUAGE", "en", TRUE);
      scs_i18n_init ("ja");
      assert_japanese ();
      remove_probe_mo (localedir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Error messages are asserted in English; the i18n cases each run in a
   * fresh subprocess that sets up its own language. */
  if (!g_test_subprocess ())
    scs_i18n_init ("en");

  g_test_add_func ("/scs/catalog/builtin/counts", test_builtin_counts);
  g_test_add_func ("/scs/catalog/builtin/star4-only", test_builtin_star4_only);
  g_test_add_func ("/scs/catalog/builtin/lookup", test_builtin_lookup);
  g_test_add_func ("/scs/catalog/builtin/texts", test_builtin_texts);
  g_test_add_func ("/scs/catalog/builtin/schema", test_builtin_schema);
  g_test_add_func ("/scs/catalog/builtin/sha256", test_builtin_sha256);
  g_test_add_func ("/scs/catalog/load/minimal", test_minimal);
  g_test_add_func ("/scs/catalog/load/file", test_from_file);
  g_test_add_func ("/scs/catalog/refuse/doctype", test_refuse_doctype);
  g_test_add_func ("/scs/catalog/refuse/not-well-formed", test_refuse_not_well_formed);
  g_test_add_func ("/scs/catalog/refuse/schema", test_refuse_schema);
  g_test_add_func ("/scs/catalog/refuse/duplicate-id", test_refuse_duplicate_id);
  g_test_add_func ("/scs/catalog/refuse/wrong-parent", test_refuse_wrong_parent);
  g_test_add_func ("/scs/catalog/refuse/levels-and-order", test_refuse_levels_and_order);
  g_test_add_func ("/scs/catalog/refuse/huge", test_refuse_huge);
  g_test_add_func ("/scs/catalog/refuse/silently", test_refuse_silently);
  g_test_add_func ("/scs/catalog/id/is-valid", test_criterion_id_is_valid);
  g_test_add_func ("/scs/catalog/links/cases", test_markup_links);
  g_test_add_func ("/scs/catalog/links/builtin", test_markup_links_builtin);
  for (gsize i = 0; i < G_N_ELEMENTS (i18n_cases); i++)
    g_test_add_data_func (i18n_cases[i].path, &i18n_cases[i], test_i18n_environment);
  g_test_add_func ("/scs/i18n/argument", test_i18n_argument);

  return g_test_run ();
}
