/* scs-xml.c: the one hardened XML parser, RELAX NG check and writer helpers
 *
 * Every XML document the app reads may come from outside (catalogs,
 * package entries, attestations read back), so all of them go through
 * one parser set up the same way: no network, a DOCTYPE refused before
 * anything it declares is processed (no entity expansion, no external
 * entity, no DTD), an XInclude element refused as soon as it opens, the
 * parser stopped at the first element nested deeper than
 * SCS_XML_MAX_DEPTH, a size limit given by the caller, and libxml2's
 * messages collected into the GError instead of printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-xml.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>

G_DEFINE_QUARK (scs-xml-error-quark, scs_xml_error)

typedef struct
{
  GString  *messages;     /* "line N: message; line M: message" */
  guint     n_errors;
  gboolean  doctype_seen;
  int       doctype_line;
  /* what the element callbacks saw (parsing only) */
  guint     depth;
  gboolean  too_deep;
  gboolean  xinclude_seen;
  int       stopped_line;
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func   end_element;
} Errors;

gboolean
scs_xml_error_is_hostile (const GError *error)
{
  return g_error_matches (error, SCS_XML_ERROR, SCS_XML_ERROR_DOCTYPE) ||
         g_error_matches (error, SCS_XML_ERROR, SCS_XML_ERROR_XINCLUDE) ||
         g_error_matches (error, SCS_XML_ERROR, SCS_XML_ERROR_TOO_DEEP);
}

static void
errors_add (Errors     *errors,
            int         line,
            const char *message)
{
  g_autofree char *text = g_strstrip (g_strdup (message != NULL ? message : ""));

  if (++errors->n_errors > SCS_XML_MAX_ERRORS)
    return;
  if (errors->messages->len > 0)
    g_string_append (errors->messages, "; ");
  if (line > 0)
    /* Translators: one error reported by the XML parser, e.g. "line 3: Opening and ending tag mismatch" */
    g_string_append_printf (errors->messages, _("line %d: %s"), line, text);
  else
    g_string_append (errors->messages, text);
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  /* Warnings (a namespace URI that is not absolute) are no reason to
   * refuse; schema validation reports real problems itself. */
  if (error == NULL || error->level < XML_ERR_ERROR)
    return;
  errors_add (user_data, error->line, error->message);
}

/* The parser's error callback gets the parser context (ctxt->userData);
 * the Errors travel in ctxt->_private. */
static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;

  structured_error_cb (ctxt->_private, error);
}

G_GNUC_PRINTF (2, 3)
static void
generic_error_cb (void       *user_data,
                  const char *format,
                  ...)
{
  /* Old-style messages come in fragments; the structured handler has the
   * useful ones, this keeps stray output off stderr. */
}

/* Runs when the DOCTYPE's name has been read, before its internal subset:
 * nothing it declares is ever processed. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  Errors *errors = ctxt->_private;

  if (!errors->doctype_seen)
    {
      errors->doctype_seen = TRUE;
      errors->doctype_line = xmlSAX2GetLineNumber (ctxt);
    }
  xmlStopParser (ctxt);
}

/* Both namespaces XInclude has had: libxml2 processes either. */
static gboolean
is_xinclude (const xmlChar *uri)
{
  return uri != NULL && (xmlStrEqual (uri, (const xmlChar *) "http://www.w3.org/2001/XInclude") ||
                         xmlStrEqual (uri, (const xmlChar *) "http://www.w3.org/2003/XInclude"));
}

/* Each element counted before libxml2 builds it: the parser stops at the
 * first one nested too deep or in XInclude's namespace, so neither a
 * 100 000-deep document nor an include costs more than the check. */
static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  Errors *errors = ctxt->_private;

  if (++errors->depth > SCS_XML_MAX_DEPTH || is_xinclude (uri))
    {
      if (errors->depth > SCS_XML_MAX_DEPTH)
        errors->too_deep = TRUE;
      else
        errors->xinclude_seen = TRUE;
      errors->stopped_line = xmlSAX2GetLineNumber (ctxt);
      xmlStopParser (ctxt);
      return;
    }
  errors->start_element (user_data, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  Errors *errors = ctxt->_private;

  errors->depth--;
  errors->end_element (user_data, localname, prefix, uri);
}

typedef struct
{
  xmlStructuredErrorFunc  structured;
  void                   *structured_data;
  xmlGenericErrorFunc     generic;
  void                   *generic_data;
} SavedHandlers;

/* libxml2's global handlers are per thread: ours for the duration of one
 * call, so nothing, not even an error raised outside a context, prints. */
static void
push_handlers (SavedHandlers *saved,
               Errors        *errors)
{
  saved->structured = xmlStructuredError;
  saved->structured_data = xmlStructuredErrorContext;
  saved->generic = xmlGenericError;
  saved->generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (errors, structured_error_cb);
  xmlSetGenericErrorFunc (NULL, generic_error_cb);
}

static void
pop_handlers (SavedHandlers *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_data, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_data, saved->generic);
}

xmlDocPtr
scs_xml_parse (GBytes      *bytes,
               gsize        max_size,
               GError     **error)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  Errors errors = { .messages = messages };
  SavedHandlers saved;
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  const char *data;
  gsize size = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (data == NULL || size == 0)
    {
      g_set_error_literal (error, SCS_XML_ERROR, SCS_XML_ERROR_EMPTY, _("it is empty"));
      return NULL;
    }
  if (size > max_size || size > G_MAXINT)
    {
      g_autofree char *limit = g_format_size (MIN (max_size, (gsize) G_MAXINT));

      g_set_error (error, SCS_XML_ERROR, SCS_XML_ERROR_TOO_LARGE,
                   _("it is larger than %s"), limit);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("libxml2 could not allocate a parser context");
  ctxt->_private = &errors;
  ctxt->sax->internalSubset = internal_subset_cb;
  errors.start_element = ctxt->sax->startElementNs;
  errors.end_element = ctxt->sax->endElementNs;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;

  push_handlers (&saved, &errors);
  /* No XML_PARSE_HUGE: libxml2 keeps its depth and text-size limits. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  pop_handlers (&saved);

  if (errors.doctype_seen || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)))
    {
      g_set_error (error, SCS_XML_ERROR, SCS_XML_ERROR_DOCTYPE,
                   _("line %d has a DOCTYPE declaration, which is not allowed"),
                   errors.doctype_line);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (errors.xinclude_seen)
    {
      g_set_error (error, SCS_XML_ERROR, SCS_XML_ERROR_XINCLUDE,
                   _("line %d has an XInclude element, which is not allowed"), errors.stopped_line);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (errors.too_deep)
    {
      g_set_error (error, SCS_XML_ERROR, SCS_XML_ERROR_TOO_DEEP,
                   _("line %d has elements nested more than %d deep"), errors.stopped_line,
                   SCS_XML_MAX_DEPTH);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if ((doc == NULL || !ctxt->wellFormed || errors.n_errors > 0) &&
           g_strstr_len (data, size, "<!ENTITY") != NULL)
    {
      /* An entity declared outside a DOCTYPE is not well-formed either,
       * but it says what the file tries: refused as such. */
      g_set_error_literal (error, SCS_XML_ERROR, SCS_XML_ERROR_DOCTYPE,
                           _("it declares entities, which is not allowed"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed || errors.n_errors > 0)
    {
      g_set_error_literal (error, SCS_XML_ERROR, SCS_XML_ERROR_MALFORMED,
                           messages->len > 0 ? messages->str : _("it ends too early"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  return doc;
}

gboolean
scs_xml_validate (xmlDocPtr    doc,
                  GBytes      *schema,
                  GError     **error)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  Errors errors = { .messages = messages };
  SavedHandlers saved;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr grammar;
  xmlRelaxNGValidCtxtPtr valid;
  gsize size;
  const char *data;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (schema != NULL, FALSE);

  data = g_bytes_get_data (schema, &size);
  push_handlers (&saved, &errors);
  /* Our schemas are small; compiling one per call keeps this free of
   * shared state, so documents can be checked from any thread. */
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  xmlRelaxNGSetParserStructuredErrors (parser, structured_error_cb, &errors);
  grammar = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  if (grammar == NULL)
    g_error ("A built-in RELAX NG schema does not compile: %s", messages->str);

  valid = xmlRelaxNGNewValidCtxt (grammar);
  xmlRelaxNGSetValidStructuredErrors (valid, structured_error_cb, &errors);
  result = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlRelaxNGFree (grammar);
  pop_handlers (&saved);

  if (result != 0)
    {
      g_set_error_literal (error, SCS_XML_ERROR, SCS_XML_ERROR_INVALID,
                           messages->len > 0 ? messages->str : _("it does not match its schema"));
      return FALSE;
    }
  return TRUE;
}

void
scs_xml_append_escaped_as (GString      *out,
                           const char   *text,
                           ScsXmlEscape  escape)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n':
          if (escape == SCS_XML_ESCAPE_ATTRIBUTE)
            g_string_append (out, "&#10;");
          else
            g_string_append_c (out, '\n');
          break;
        case '\t':
          if (escape == SCS_XML_ESCAPE_CONTENT)
            g_string_append_c (out, '\t');
          else
            g_string_append (out, "&#9;");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "&#%u;", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
}

void
scs_xml_append_escaped (GString    *out,
                        const char *text)
{
  scs_xml_append_escaped_as (out, text, SCS_XML_ESCAPE_DEFAULT);
}

void
scs_xml_append_element_as (GString      *out,
                           guint         indent,
                           const char   *name,
                           const char   *text,
                           ScsXmlEscape  escape)
{
  g_string_append_printf (out, "%*s<%s>", indent, "", name);
  scs_xml_append_escaped_as (out, text, escape);
  g_string_append_printf (out, "</%s>\n", name);
}

void
scs_xml_append_element (GString    *out,
                        guint       indent,
                        const char *name,
                        const char *text)
{
  scs_xml_append_element_as (out, indent, name, text, SCS_XML_ESCAPE_DEFAULT);
}

void
scs_xml_append_attribute_as (GString      *out,
                             const char   *name,
                             const char   *value,
                             ScsXmlEscape  escape)
{
  g_string_append_printf (out, " %s=\"", name);
  scs_xml_append_escaped_as (out, value, escape);
  g_string_append_c (out, '"');
}

void
scs_xml_append_attribute (GString    *out,
                          const char *name,
                          const char *value)
{
  scs_xml_append_attribute_as (out, name, value, SCS_XML_ESCAPE_DEFAULT);
}
