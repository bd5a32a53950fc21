/* scs-xml.h: the one hardened XML parser, RELAX NG check and writer helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define SCS_XML_ERROR (scs_xml_error_quark ())

/* The messages are details ("line 3: Opening and ending tag mismatch")
 * for the caller to put after its own words ("The catalog is not
 * well-formed XML: %s"). */
typedef enum
{
  SCS_XML_ERROR_EMPTY,      /* no bytes at all */
  SCS_XML_ERROR_TOO_LARGE,  /* more than the caller's limit */
  SCS_XML_ERROR_DOCTYPE,    /* a DOCTYPE (the door to entities and DTDs) */
  SCS_XML_ERROR_MALFORMED,  /* not well-formed */
  SCS_XML_ERROR_INVALID,    /* does not match the schema */
  SCS_XML_ERROR_XINCLUDE,   /* an XInclude element (never processed) */
  SCS_XML_ERROR_TOO_DEEP,   /* elements nested deeper than SCS_XML_MAX_DEPTH */
} ScsXmlError;

GQuark scs_xml_error_quark (void);

/* TRUE for the errors that say the document tries something (a DOCTYPE,
 * entities, XInclude, nesting to exhaust the reader) rather than being
 * merely broken: callers refuse these as hostile input. */
gboolean scs_xml_error_is_hostile (const GError *error);

/* Limits every document is read with (documented so tests can probe them):
 * elements nested at most this deep (the parser stops at the first one
 * deeper, below libxml2's own limit), and at most this many parser
 * messages kept in an error. */
#define SCS_XML_MAX_DEPTH   256
#define SCS_XML_MAX_ERRORS  3

/* Parses @bytes with no network, no DTD, no entities (a DOCTYPE is refused
 * as soon as its name is read, before anything it declares), no XInclude
 * (an element in its namespace is refused, never followed), at most
 * SCS_XML_MAX_DEPTH deep, nothing printed: at most @max_size bytes. Free
 * with xmlFreeDoc(). */
xmlDocPtr  scs_xml_parse          (GBytes      *bytes,
                                   gsize        max_size,
                                   GError     **error);
/* Checks @doc against the RELAX NG grammar @schema (ours, so a grammar
 * that does not compile is a programming error). SCS_XML_ERROR_INVALID
 * with the validator's first messages. */
gboolean   scs_xml_validate       (xmlDocPtr    doc,
                                   GBytes      *schema,
                                   GError     **error);

/* Writing. How text is escaped:
 * - SCS_XML_ESCAPE_DEFAULT: &, <, >, " as entities, newline as it is,
 *   other control characters (tab too) as character references;
 * - SCS_XML_ESCAPE_CONTENT and SCS_XML_ESCAPE_ATTRIBUTE: as libxml2's
 *   xmlTextWriter escapes element content and attribute values (the bytes
 *   of scope.xml, signed content, and of the imported catalog): &, <, >,
 *   " and carriage return as references; tab and newline as they are in
 *   content, as references in an attribute (where a reader would turn
 *   them into spaces).
 * Either way the caller refuses the other control characters first: XML
 * 1.0 cannot carry them, not even as references. */
typedef enum
{
  SCS_XML_ESCAPE_DEFAULT,
  SCS_XML_ESCAPE_CONTENT,
  SCS_XML_ESCAPE_ATTRIBUTE,
} ScsXmlEscape;

/* @text (nullable) escaped as SCS_XML_ESCAPE_DEFAULT says. */
void       scs_xml_append_escaped (GString     *out,
                                   const char  *text);
void       scs_xml_append_escaped_as (GString      *out,
                                      const char   *text,
                                      ScsXmlEscape  escape);
/* <name>text</name> and a newline, indented by @indent spaces. */
void       scs_xml_append_element (GString     *out,
                                   guint        indent,
                                   const char  *name,
                                   const char  *text);
void       scs_xml_append_element_as (GString      *out,
                                      guint         indent,
                                      const char   *name,
                                      const char   *text,
                                      ScsXmlEscape  escape);
/*  name="value" (with its leading space). */
void       scs_xml_append_attribute (GString   *out,
                                     const char *name,
                                     const char *value);
void       scs_xml_append_attribute_as (GString      *out,
                                        const char   *name,
                                        const char   *value,
                                        ScsXmlEscape  escape);

G_END_DECLS
