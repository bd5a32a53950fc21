/* scs-scope-xml.c: scope.xml, the scope as the package and the evaluation
 * body read it
 *
 * The scope is written as plain, deterministic XML (items in ID order,
 * fields in a fixed order, no time stamps, empty values left out) so the same
 * scope always gives the same bytes and the package's hash over it is
 * stable. data/schema/scope.rng describes it; the tests validate the output
 * against it with xmllint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "scs-scope-private.h"
#include "scs-text.h"

#define SCOPE_NS "urn:scs-workbench:scope:1"

#define W(call) G_STMT_START { if ((call) < 0) goto failed; } G_STMT_END

static int
write_text_element (xmlTextWriterPtr  writer,
                    const char       *name,
                    const char       *text)
{
  return xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST (text ? text : ""));
}

/* Text stored before input was checked, or behind the application's back,
 * that XML 1.0 cannot carry: refused with the item named instead of
 * written as a file nobody can parse. */
static gboolean
check_item_text (ScsScopeItem  *item,
                 GError       **error)
{
  g_autofree char *label = g_strdup_printf (_("Scope item %lld"), (long long) scs_scope_item_get_id (item));
  g_autoptr(GError) local_error = NULL;
  const char *texts[SCS_SCOPE_N_FIELDS + 4];
  guint n = 0;

  for (guint f = 0; f < SCS_SCOPE_N_FIELDS; f++)
    texts[n++] = scs_scope_item_get_value (item, f);
  texts[n++] = scs_scope_item_get_reason (item);
  texts[n++] = scs_scope_item_get_separation (item);
  texts[n++] = scs_scope_item_get_review_comment (item);
  texts[n++] = scs_scope_item_get_reviewer (item);
  for (guint i = 0; i < n; i++)
    if (!scs_text_validate (texts[i], label, SCS_TEXT_MULTI_LINE, &local_error))
      {
        g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                     _("Cannot write scope.xml: %s"), local_error->message);
        return FALSE;
      }
  return TRUE;
}

/* The evidence files an item may carry, and what each is for. */
static const struct
{
  ScsScopeFieldId  field;
  const char      *purpose;
} evidence_fields[] = {
  { SCS_SCOPE_FIELD_EVIDENCE, "provider-check" },
  { SCS_SCOPE_FIELD_VULN_EVIDENCE, "vulnerability-test" },
};

/**
 * scs_scope_render_xml:
 *
 * Returns: (transfer full) (nullable): scope.xml, or %NULL without @error
 *   set when the workspace has no scope described
 */
GBytes *
scs_scope_render_xml (ScsWorkspace  *workspace,
                      GError       **error)
{
  ScsScope *scope;
  xmlBufferPtr buffer = NULL;
  xmlTextWriterPtr writer = NULL;
  GListModel *all;
  GBytes *bytes;

  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scope = scs_scope_get (workspace, error);
  if (scope == NULL)
    return NULL;
  if (!scs_scope_is_described (scope))
    return NULL;

  {
    g_autoptr(GError) local_error = NULL;

    if (!scs_text_validate (scs_scope_get_description (scope), _("The scope description"),
                            SCS_TEXT_MULTI_LINE, &local_error) ||
        !scs_text_validate (scs_scope_get_entities (scope), _("The entities or sites the scope covers"),
                            SCS_TEXT_MULTI_LINE, &local_error))
      {
        g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
                     _("Cannot write scope.xml: %s"), local_error->message);
        return NULL;
      }
  }
  all = scs_scope_get_items (scope, SCS_SCOPE_N_KINDS);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);

      if (!check_item_text (item, error))
        return NULL;
    }

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  if (writer == NULL)
    goto failed;
  W (xmlTextWriterSetIndent (writer, 1));
  W (xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  W (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  W (xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "scope", BAD_CAST SCOPE_NS));
  W (xmlTextWriterWriteAttribute (writer, BAD_CAST "format", BAD_CAST "1"));

  W (xmlTextWriterStartElement (writer, BAD_CAST "unit"));
  W (xmlTextWriterWriteAttribute (writer, BAD_CAST "kind",
                                  BAD_CAST scs_scope_unit_to_string (scs_scope_get_unit (scope))));
  W (write_text_element (writer, "description", scs_scope_get_description (scope)));
  {
    g_auto(GStrv) lines = g_strsplit (scs_scope_get_entities (scope), "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (*g_strstrip (lines[i]) != '\0')
        W (write_text_element (writer, "entity", lines[i]));
  }
  W (xmlTextWriterEndElement (writer));

  W (xmlTextWriterStartElement (writer, BAD_CAST "items"));
  all = scs_scope_get_items (scope, SCS_SCOPE_N_KINDS);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);
      const char * const *criteria = scs_scope_item_get_criteria (item);
      ScsScopeStatus status = scs_scope_item_get_status (item);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, scs_scope_item_get_id (item));

      W (xmlTextWriterStartElement (writer, BAD_CAST "item"));
      W (xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST id));
      W (xmlTextWriterWriteAttribute (writer, BAD_CAST "kind",
                                      BAD_CAST scs_scope_kind_to_string (scs_scope_item_get_kind (item))));
      W (xmlTextWriterWriteAttribute (writer, BAD_CAST "status",
                                      BAD_CAST scs_scope_status_to_string (status)));
      W (write_text_element (writer, "name", scs_scope_item_get_name (item)));
      for (guint f = SCS_SCOPE_FIELD_NAME + 1; f < SCS_SCOPE_N_FIELDS; f++)
        {
          const char *value = scs_scope_item_get_value (item, f);

          if (f == SCS_SCOPE_FIELD_EVIDENCE || f == SCS_SCOPE_FIELD_VULN_EVIDENCE || *value == '\0')
            continue;
          W (xmlTextWriterStartElement (writer, BAD_CAST "field"));
          W (xmlTextWriterWriteAttribute (writer, BAD_CAST "name",
                                          BAD_CAST scs_scope_fields (NULL)[f].name));
          W (xmlTextWriterWriteString (writer, BAD_CAST value));
          W (xmlTextWriterEndElement (writer));
        }
      for (guint e = 0; e < G_N_ELEMENTS (evidence_fields); e++)
        {
          const char *evidence = scs_scope_item_get_value (item, evidence_fields[e].field);

          if (*evidence == '\0')
            continue;
          W (xmlTextWriterStartElement (writer, BAD_CAST "evidence"));
          W (xmlTextWriterWriteAttribute (writer, BAD_CAST "for", BAD_CAST evidence_fields[e].purpose));
          W (xmlTextWriterWriteAttribute (writer, BAD_CAST "sha256", BAD_CAST evidence));
          W (xmlTextWriterEndElement (writer));
        }
      for (guint c = 0; criteria[c] != NULL; c++)
        {
          W (xmlTextWriterStartElement (writer, BAD_CAST "criterion"));
          W (xmlTextWriterWriteAttribute (writer, BAD_CAST "ref", BAD_CAST criteria[c]));
          W (xmlTextWriterEndElement (writer));
        }
      if (status != SCS_SCOPE_STATUS_IN)
        {
          ScsScopeReview review = scs_scope_item_get_review (item);

          W (xmlTextWriterStartElement (writer, BAD_CAST "out-of-scope"));
          W (xmlTextWriterWriteAttribute (writer, BAD_CAST "connected",
                                          BAD_CAST (scs_scope_item_get_connected (item) ? "true" : "false")));
          W (write_text_element (writer, "reason", scs_scope_item_get_reason (item)));
          W (write_text_element (writer, "separation", scs_scope_item_get_separation (item)));
          if (review != SCS_SCOPE_REVIEW_NONE)
            {
              W (xmlTextWriterStartElement (writer, BAD_CAST "review"));
              W (xmlTextWriterWriteAttribute (writer, BAD_CAST "verdict",
                                              BAD_CAST scs_scope_review_to_string (review)));
              W (xmlTextWriterWriteAttribute (writer, BAD_CAST "reviewer",
                                              BAD_CAST scs_scope_item_get_reviewer (item)));
              W (xmlTextWriterWriteString (writer, BAD_CAST scs_scope_item_get_review_comment (item)));
              W (xmlTextWriterEndElement (writer));
            }
          W (xmlTextWriterEndElement (writer));
        }
      W (xmlTextWriterEndElement (writer));
    }
  W (xmlTextWriterEndElement (writer)); /* items */
  W (xmlTextWriterEndElement (writer)); /* scope */
  W (xmlTextWriterEndDocument (writer));
  xmlFreeTextWriter (writer);
  writer = NULL;

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;

failed:
  if (writer != NULL)
    xmlFreeTextWriter (writer);
  if (buffer != NULL)
    xmlBufferFree (buffer);
  g_set_error (error, SCS_SCOPE_ERROR, SCS_SCOPE_ERROR_INVALID,
               _("Cannot write scope.xml of the workspace ‘%s’"),
               scs_workspace_get_path (workspace));
  return NULL;
}
