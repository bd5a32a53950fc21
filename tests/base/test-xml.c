/* test-xml.c: the one hardened XML parser, RELAX NG check and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <libxml/xmlwriter.h>

#include "scs-xml.h"

static xmlDocPtr
parse (const char  *text,
       gsize        max_size,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return scs_xml_parse (bytes, max_size, error);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc = parse ("<?xml version=\"1.0\"?>\n<a x=\"1\"><b>t &amp; u</b></a>", 1024, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "a");
  xmlFreeDoc (doc);
}

static void
test_refuse (void)
{
  static const struct
  {
    const char *text;
    int         code;
    const char *contains;
  } cases[] = {
    { "", SCS_XML_ERROR_EMPTY, NULL },
    /* billion laughs: refused before any entity is declared */
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n <!ENTITY l \"lol\">\n"
      " <!ENTITY l2 \"&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;\">\n]>\n<a>&l2;</a>",
      SCS_XML_ERROR_DOCTYPE, "line 2" },
    /* external entity and external DTD over the network */
    { "<!DOCTYPE a [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]><a>&x;</a>", SCS_XML_ERROR_DOCTYPE, NULL },
    { "<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\"><a/>", SCS_XML_ERROR_DOCTYPE, NULL },
    { "<!DOCTYPE a><a/>", SCS_XML_ERROR_DOCTYPE, NULL },
    { "<!ENTITY a \"b\"><a/>", SCS_XML_ERROR_DOCTYPE, NULL },
    { "<a><b></a>", SCS_XML_ERROR_MALFORMED, "line 1" },
    { "<a>&nbsp;</a>", SCS_XML_ERROR_MALFORMED, NULL },
    { "<a>", SCS_XML_ERROR_MALFORMED, NULL },
    { "<a/><b/>", SCS_XML_ERROR_MALFORMED, NULL },
    { "<a>\x01</a>", SCS_XML_ERROR_MALFORMED, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDocPtr doc = parse (cases[i].text, 1024, &error);

      g_test_message ("case %u", i);
      g_assert_null (doc);
      g_assert_error (error, SCS_XML_ERROR, cases[i].code);
      if (cases[i].contains != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].contains));
    }
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  static const guint depths[] = { SCS_XML_MAX_DEPTH, SCS_XML_MAX_DEPTH + 1, 100000 };
  g_autoptr(GString) deep = g_string_new (NULL);
  xmlDocPtr doc;

  /* Size: one byte over the caller's limit. */
  doc = parse ("<a>0123456789</a>", 16, &error);
  g_assert_null (doc);
  g_assert_error (error, SCS_XML_ERROR, SCS_XML_ERROR_TOO_LARGE);
  g_clear_error (&error);
  doc = parse ("<a>0123456789</a>", 17, &error);
  g_assert_no_error (error);
  xmlFreeDoc (doc);

  /* Depth: exactly SCS_XML_MAX_DEPTH is read, one more is refused as
   * hostile, and so is 100 000 deep (the parser stops at the first). */
  for (guint k = 0; k < G_N_ELEMENTS (depths); k++)
    {
      guint depth = depths[k];

      g_string_truncate (deep, 0);
      for (guint i = 0; i < depth; i++)
        g_string_append (deep, "<a>");
      for (guint i = 0; i < depth; i++)
        g_string_append (deep, "</a>");
      doc = parse (deep->str, deep->len, &error);
      g_test_message ("depth %u", depth);
      if (depth == SCS_XML_MAX_DEPTH)
        {
          g_assert_no_error (error);
          g_assert_nonnull (doc);
          xmlFreeDoc (doc);
          continue;
        }
      g_assert_null (doc);
      g_assert_error (error, SCS_XML_ERROR, SCS_XML_ERROR_TOO_DEEP);
      g_assert_true (scs_xml_error_is_hostile (error));
      g_assert_nonnull (strstr (error->message, "line 1"));
      g_clear_error (&error);
    }

  /* XInclude, in either of its namespaces, is refused as hostile: never
   * processed, the file never read. */
  {
    static const char *const xincludes[] = {
      "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
      "<xi:include href=\"/etc/passwd\" parse=\"text\"/></a>",
      "<a><include xmlns=\"http://www.w3.org/2003/XInclude\" href=\"/etc/passwd\"/></a>",
    };

    for (guint i = 0; i < G_N_ELEMENTS (xincludes); i++)
      {
        doc = parse (xincludes[i], 1024, &error);
        g_assert_null (doc);
        g_assert_error (error, SCS_XML_ERROR, SCS_XML_ERROR_XINCLUDE);
        g_assert_true (scs_xml_error_is_hostile (error));
        g_assert_null (strstr (error->message, "root:"));
        g_clear_error (&error);
      }
    doc = parse (xincludes[0], 1024, &error);
    g_assert_null (doc);
    g_assert_nonnull (strstr (error->message, "line 2"));
    g_clear_error (&error);
  }

  /* Broken is not hostile. */
  doc = parse ("<a><b></a>", 1024, &error);
  g_assert_error (error, SCS_XML_ERROR, SCS_XML_ERROR_MALFORMED);
  g_assert_false (scs_xml_error_is_hostile (error));
}

static void
test_validate (void)
{
  static const char rng[] =
    "<element name=\"a\" xmlns=\"http://relaxng.org/ns/structure/1.0\">"
    "<attribute name=\"x\"/><text/></element>";
  g_autoptr(GBytes) schema = g_bytes_new_static (rng, sizeof rng - 1);
  g_autoptr(GError) error = NULL;
  xmlDocPtr good = parse ("<a x=\"1\">t</a>", 1024, NULL);
  xmlDocPtr bad = parse ("<a><b/></a>", 1024, NULL);

  g_assert_true (scs_xml_validate (good, schema, &error));
  g_assert_no_error (error);
  g_assert_false (scs_xml_validate (bad, schema, &error));
  g_assert_error (error, SCS_XML_ERROR, SCS_XML_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
  xmlFreeDoc (good);
  xmlFreeDoc (bad);
}

static void
test_write (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;
  xmlChar *value;

  g_string_append (out, "<r");
  scs_xml_append_attribute (out, "v", "a\"<&>\tb");
  g_string_append (out, ">\n");
  scs_xml_append_element (out, 2, "e", "x < y & \"z\"\nline");
  scs_xml_append_element (out, 2, "n", NULL);
  g_string_append (out, "</r>\n");
  g_assert_cmpstr (out->str, ==,
                   "<r v=\"a&quot;&lt;&amp;&gt;&#9;b\">\n"
                   "  <e>x &lt; y &amp; &quot;z&quot;\nline</e>\n"
                   "  <n></n>\n"
                   "</r>\n");

  /* And it reads back as written. */
  bytes = g_bytes_new (out->str, out->len);
  doc = scs_xml_parse (bytes, out->len, NULL);
  g_assert_nonnull (doc);
  value = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "v");
  g_assert_cmpstr ((const char *) value, ==, "a\"<&>\tb");
  xmlFree (value);
  xmlFreeDoc (doc);
}

/* The escaping scope.xml's bytes were fixed with, libxml2's xmlTextWriter,
 * against ours over random text of the characters that matter (those a
 * writer escapes, tab, newline, carriage return, Japanese, an emoji). */
static void
test_write_as_libxml2 (void)
{
  static const char * const pieces[] = {
    "&", "<", ">", "\"", "'", "\t", "\n", "\r", " ", "a", "Z", "0", "-", ";", "#",
    "本社", "、", "＆", "＜", "\u3000", "😀", "é",
  };
  GRand *rand = g_rand_new_with_seed (20261207);

  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) ours = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<e");
      xmlBufferPtr buffer = xmlBufferCreate ();
      xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
      guint length = g_rand_int_range (rand, 0, 12);

      for (guint i = 0; i < length; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_assert_cmpint (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL), >=, 0);
      g_assert_cmpint (xmlTextWriterStartElement (writer, BAD_CAST "e"), >=, 0);
      g_assert_cmpint (xmlTextWriterWriteAttribute (writer, BAD_CAST "a", BAD_CAST text->str), >=, 0);
      g_assert_cmpint (xmlTextWriterWriteString (writer, BAD_CAST text->str), >=, 0);
      g_assert_cmpint (xmlTextWriterEndElement (writer), >=, 0);
      g_assert_cmpint (xmlTextWriterEndDocument (writer), >=, 0);
      xmlFreeTextWriter (writer);

      scs_xml_append_attribute_as (ours, "a", text->str, SCS_XML_ESCAPE_ATTRIBUTE);
      g_string_append_c (ours, '>');
      scs_xml_append_escaped_as (ours, text->str, SCS_XML_ESCAPE_CONTENT);
      g_string_append (ours, "</e>\n");
      g_assert_cmpstr (ours->str, ==, (const char *) xmlBufferContent (buffer));
      xmlBufferFree (buffer);
    }
  g_rand_free (rand);

  /* and the default escaping is what it was */
  {
    g_autoptr(GString) out = g_string_new (NULL);

    scs_xml_append_escaped (out, "a\tb\nc\rd");
    g_assert_cmpstr (out->str, ==, "a&#9;b\nc&#13;d");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/xml/parse", test_parse);
  g_test_add_func ("/scs/xml/refuse", test_refuse);
  g_test_add_func ("/scs/xml/limits", test_limits);
  g_test_add_func ("/scs/xml/validate", test_validate);
  g_test_add_func ("/scs/xml/write", test_write);
  g_test_add_func ("/scs/xml/write-as-libxml2", test_write_as_libxml2);

  return g_test_run ();
}
