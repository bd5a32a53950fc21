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

#include "scs-scope-private.h"
#include "scs-text.h"
#include "scs-xml.h"

#define SCOPE_NS "urn:scs-workbench:scope:1"

/* The bytes are those libxml2's xmlTextWriter wrote (indented by two
 * spaces, an element without content closed as <name/>), which the
 * signed packages made so far carry: tests/core/fixtures/scope-golden.xml
 * pins them. */
static void
element (GString    *out,
         guint       indent,
         const char *name,
         const char *text)
{
  scs_xml_append_element_as (out, indent, name, text, SCS_XML_ESCAPE_CONTENT);
}

static void
attribute (GString    *out,
           const char *name,
           const char *value)
{
  scs_xml_append_attribute_as (out, name, value, SCS_XML_ESCAPE_ATTRIBUTE);
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
      break;
  for (const char * const *c = scs_scope_item_get_criteria (item); local_error == NULL && *c != NULL; c++)
    scs_text_validate (*c, label, SCS_TEXT_SINGLE_LINE, &local_error);
  if (local_error != NULL)
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
  GListModel *all;
  GString *out;

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

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scope format=\"1\" xmlns=\"" SCOPE_NS "\">\n");
  g_string_append (out, "  <unit");
  attribute (out, "kind", scs_scope_unit_to_string (scs_scope_get_unit (scope)));
  g_string_append (out, ">\n");
  element (out, 4, "description", scs_scope_get_description (scope));
  {
    g_auto(GStrv) lines = g_strsplit (scs_scope_get_entities (scope), "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (*g_strstrip (lines[i]) != '\0')
        element (out, 4, "entity", lines[i]);
  }
  g_string_append (out, "  </unit>\n");

  g_string_append (out, g_list_model_get_n_items (all) > 0 ? "  <items>\n" : "  <items/>\n");
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsScopeItem) item = g_list_model_get_item (all, i);
      const char * const *criteria = scs_scope_item_get_criteria (item);
      ScsScopeStatus status = scs_scope_item_get_status (item);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, scs_scope_item_get_id (item));

      g_string_append (out, "    <item");
      attribute (out, "id", id);
      attribute (out, "kind", scs_scope_kind_to_string (scs_scope_item_get_kind (item)));
      attribute (out, "status", scs_scope_status_to_string (status));
      g_string_append (out, ">\n");
      element (out, 6, "name", scs_scope_item_get_name (item));
      for (guint f = SCS_SCOPE_FIELD_NAME + 1; f < SCS_SCOPE_N_FIELDS; f++)
        {
          const char *value = scs_scope_item_get_value (item, f);

          if (f == SCS_SCOPE_FIELD_EVIDENCE || f == SCS_SCOPE_FIELD_VULN_EVIDENCE || *value == '\0')
            continue;
          g_string_append (out, "      <field");
          attribute (out, "name", scs_scope_fields (NULL)[f].name);
          g_string_append_c (out, '>');
          scs_xml_append_escaped_as (out, value, SCS_XML_ESCAPE_CONTENT);
          g_string_append (out, "</field>\n");
        }
      for (guint e = 0; e < G_N_ELEMENTS (evidence_fields); e++)
        {
          const char *evidence = scs_scope_item_get_value (item, evidence_fields[e].field);

          if (*evidence == '\0')
            continue;
          g_string_append (out, "      <evidence");
          attribute (out, "for", evidence_fields[e].purpose);
          attribute (out, "sha256", evidence);
          g_string_append (out, "/>\n");
        }
      for (guint c = 0; criteria[c] != NULL; c++)
        {
          g_string_append (out, "      <criterion");
          attribute (out, "ref", criteria[c]);
          g_string_append (out, "/>\n");
        }
      if (status != SCS_SCOPE_STATUS_IN)
        {
          ScsScopeReview review = scs_scope_item_get_review (item);

          g_string_append (out, "      <out-of-scope");
          attribute (out, "connected", scs_scope_item_get_connected (item) ? "true" : "false");
          g_string_append (out, ">\n");
          element (out, 8, "reason", scs_scope_item_get_reason (item));
          element (out, 8, "separation", scs_scope_item_get_separation (item));
          if (review != SCS_SCOPE_REVIEW_NONE)
            {
              g_string_append (out, "        <review");
              attribute (out, "verdict", scs_scope_review_to_string (review));
              attribute (out, "reviewer", scs_scope_item_get_reviewer (item));
              g_string_append_c (out, '>');
              scs_xml_append_escaped_as (out, scs_scope_item_get_review_comment (item), SCS_XML_ESCAPE_CONTENT);
              g_string_append (out, "</review>\n");
            }
          g_string_append (out, "      </out-of-scope>\n");
        }
      g_string_append (out, "    </item>\n");
    }
  if (g_list_model_get_n_items (all) > 0)
    g_string_append (out, "  </items>\n");
  g_string_append (out, "</scope>\n");
  return g_string_free_to_bytes (out);
}
