/* scs-declaration-page.c: the page of a self-declaration workspace
 *
 * One page per workspace type beside the SCS assessment, built from the
 * core's data: for JC-STAR ★1 the product record with its label dates,
 * each requirement's evaluation items (conforms / does not / not
 * applicable with a reason; conditional items and provisional topics
 * said as such), the equivalence with PSTI and CLS Level 1 both ways, and
 * the product events with their change notices; for SECURITY ACTION the
 * ★1 pledge, the ★2 self-check with its live score and band ("don't know"
 * flagged), the basic policy with its PDF, the declaration record and the
 * on-ramp to ★3. Every control writes through the core at once (one
 * durable transaction each); what the core refuses is said at the top of
 * the page and the control shows the stored value again.
 *
 * A new type adds one builder and one case in scs_declaration_page_new ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-declaration-page.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "scs-application.h"
#include "scs-date.h"
#include "scs-evidence-list.h"
#include "scs-i18n.h"
#include "scs-jc-import-dialog.h"
#include "scs-jcstar.h"
#include "scs-list-store.h"
#include "scs-security-action.h"

typedef struct
{
  ScsWorkspace *workspace;
  GtkWidget    *error_label;
  GHashTable   *entries;     /* field name → GtkEditable (borrowed) */
  GHashTable   *evidence;    /* item key → AdwExpanderRow (borrowed) */
  gulong        evidence_changed_id;
  gboolean      loading;
  /* JC-STAR */
  GtkWidget    *route;
  GtkWidget    *home_gateway;
  GtkWidget    *equivalence;
  GtkWidget    *label_row;
  GtkWidget    *events;
  GListStore   *events_store;  /* of ScsJcEventEntry, bound to the events list */
  GHashTable   *statuses;    /* requirement ID → AdwPreferencesGroup */
  GPtrArray    *items;       /* of ItemControls */
  /* SECURITY ACTION */
  GtkWidget    *score_row;
  GtkWidget    *level;
} Page;

static void
page_free (Page *page)
{
  g_clear_signal_handler (&page->evidence_changed_id, page->workspace);
  g_clear_object (&page->workspace);
  g_clear_pointer (&page->entries, g_hash_table_unref);
  g_clear_pointer (&page->evidence, g_hash_table_unref);
  g_clear_pointer (&page->statuses, g_hash_table_unref);
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_object (&page->events_store);
  g_free (page);
}

static Page *
get_page (GtkWidget *widget)
{
  GtkWidget *root = gtk_widget_get_ancestor (widget, GTK_TYPE_BOX);

  while (root != NULL && g_object_get_data (G_OBJECT (root), "scs-declaration") == NULL)
    root = gtk_widget_get_ancestor (gtk_widget_get_parent (root), GTK_TYPE_BOX);
  return root != NULL ? g_object_get_data (G_OBJECT (root), "scs-declaration") : NULL;
}

/* NULL clears the message. */
static void
say (Page         *page,
     const GError *error)
{
  gtk_label_set_text (GTK_LABEL (page->error_label), error != NULL ? error->message : "");
  gtk_widget_set_visible (page->error_label, error != NULL);
}

static GtkWidget *
add_entry (Page                 *page,
           AdwPreferencesGroup  *group,
           const char           *field,
           const char           *title,
           const char           *value)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *name = g_strconcat ("field-", field, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  gtk_widget_set_name (row, name);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (page->entries, (gpointer) field, row);
  return row;
}

/* The entry's text, NULL when blank. */
static char *
entry_text (Page       *page,
            const char *field)
{
  GtkEditable *editable = g_hash_table_lookup (page->entries, field);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static GtkWidget *
add_button (AdwPreferencesGroup *group,
            const char          *name,
            const char          *label,
            GCallback            callback,
            gpointer             data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  g_signal_connect (button, "clicked", callback, data);
  adw_preferences_group_add (group, button);
  return button;
}

/* ---- evidence on items ----------------------------------------------------- */

static void
update_evidence_count (Page       *page,
                       const char *key)
{
  AdwExpanderRow *row = g_hash_table_lookup (page->evidence, key);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *count = NULL;

  if (row == NULL)
    return;
  files = scs_workspace_list_evidence (page->workspace, key, NULL);
  if (files == NULL || files->len == 0)
    count = g_strdup (_("No evidence files yet"));
  else
    count = g_strdup_printf (ngettext ("%u evidence file", "%u evidence files", files->len), files->len);
  adw_expander_row_set_subtitle (row, count);
}

static void
on_evidence_changed (ScsWorkspace *workspace,
                     const char   *key,
                     Page         *page)
{
  update_evidence_count (page, key);
}

/* The list is made when the row is first opened: most items are never. */
static void
on_evidence_expanded (AdwExpanderRow *row,
                      GParamSpec     *pspec,
                      Page           *page)
{
  const char *key = g_object_get_data (G_OBJECT (row), "item-key");
  g_autofree char *name = NULL;
  GtkWidget *list;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "list") != NULL)
    return;
  list = scs_evidence_list_new ();
  name = g_strconcat ("evidence-list-", key, NULL);
  gtk_widget_set_name (list, name);
  scs_evidence_list_set_workspace (SCS_EVIDENCE_LIST (list), page->workspace);
  scs_evidence_list_set_criterion_id (SCS_EVIDENCE_LIST (list), key);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_top (list, 6);
  gtk_widget_set_margin_bottom (list, 6);
  adw_expander_row_add_row (row, list);
  g_object_set_data (G_OBJECT (row), "list", list);
}

/* An expander under the item's row with its evidence files (added,
 * previewed and removed with undo as on the SCS checklist), linked to the
 * item's key ("S1.1-12#1", "7", "pledge-2"). */
static void
add_evidence_row (Page                *page,
                  AdwPreferencesGroup *group,
                  const char          *key)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *name = g_strconcat ("evidence-", key, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Evidence"));
  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), "item-key", g_strdup (key), g_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_evidence_expanded), page);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (page->evidence, g_strdup (key), row);
  update_evidence_count (page, key);
}

static GtkWidget *
new_page (ScsWorkspace  *workspace,
          Page         **out,
          GtkWidget    **prefs)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  Page *page = g_new0 (Page, 1);

  page->workspace = g_object_ref (workspace);
  page->entries = g_hash_table_new (g_str_hash, g_str_equal);
  page->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  page->evidence_changed_id = g_signal_connect (workspace, "evidence-changed", G_CALLBACK (on_evidence_changed),
                                                page);
  page->statuses = g_hash_table_new (g_str_hash, g_str_equal);
  page->items = g_ptr_array_new_with_free_func (g_free);
  page->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (page->error_label), TRUE);
  gtk_widget_add_css_class (page->error_label, "error");
  gtk_widget_set_margin_top (page->error_label, 6);
  gtk_widget_set_margin_bottom (page->error_label, 6);
  gtk_widget_set_visible (page->error_label, FALSE);
  gtk_widget_set_name (page->error_label, "declaration-error");
  gtk_box_append (GTK_BOX (box), page->error_label);
  *prefs = adw_preferences_page_new ();
  gtk_widget_set_vexpand (*prefs, TRUE);
  gtk_box_append (GTK_BOX (box), *prefs);
  g_object_set_data_full (G_OBJECT (box), "scs-declaration", page, (GDestroyNotify) page_free);
  gtk_widget_set_name (box, "declaration-page");
  *out = page;
  return box;
}

static AdwPreferencesGroup *
add_group (GtkWidget  *prefs,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_info_row (AdwPreferencesGroup *group,
              const char          *name)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  return row;
}

typedef GBytes *(*RenderFunc) (ScsWorkspace *workspace,
                               GError      **error);

static void
pdf_chosen (GtkNativeDialog *chooser,
            int              response,
            Page            *page)
{
  RenderFunc render = g_object_get_data (G_OBJECT (chooser), "render");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      pdf = render (page->workspace, &error);
      if (pdf == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, &error))
        say (page, error);
      else
        say (page, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks where, then writes what @render makes (in the window's language). */
static void
export_pdf (Page       *page,
            GtkWidget  *button,
            const char *title,
            const char *file_name,
            RenderFunc  render)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (button)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data (G_OBJECT (chooser), "render", render);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_chosen), page);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- JC-STAR ★1 ---------------------------------------------------------- */

static void
jc_update_statuses (Page *page)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, page->statuses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      ScsJcStatus status = scs_jcstar_get_status (page->workspace, key, &error);
      const ScsJcRequirement *r = scs_jcstar_lookup_requirement (key);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("%s · %s", scs_jc_status_get_label (status), scs_jc_cls_get_label (r->cls));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (value), text);
    }
}

static void
jc_update_equivalence (Page *page)
{
  g_autoptr(ScsJcProduct) product = scs_jcstar_get_product (page->workspace, NULL);
  g_autofree char *today = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
  g_autoptr(GString) psti = g_string_new (NULL);
  g_autoptr(GString) cls_covered = g_string_new (NULL);
  g_autoptr(GString) cls_needed = g_string_new (NULL);
  g_autofree char *needed = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (page->equivalence)) != NULL &&
         (row = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (page->equivalence))) != NULL)
    break;
  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    {
      const ScsJcRequirement *r = scs_jcstar_get_requirement (i);

      if (scs_jcstar_is_waived (r, SCS_JC_ROUTE_PSTI))
        g_string_append_printf (psti, "%s%s", psti->len > 0 ? ", " : "", r->id);
      if (scs_jcstar_is_waived (r, SCS_JC_ROUTE_CLS))
        g_string_append_printf (cls_covered, "%s%s", cls_covered->len > 0 ? ", " : "", r->id);
      else
        g_string_append_printf (cls_needed, "%s%s", cls_needed->len > 0 ? ", " : "", r->id);
    }
  needed = g_strjoinv (", ", (char **) scs_jcstar_cls_still_needed (product != NULL && product->home_gateway));

  if (product != NULL && scs_jcstar_label_covers_psti (product, today))
    text = g_strdup_printf (_("This ★1 label (valid until %s) also covers PSTI security requirements 1–3 and the "
                              "statement of compliance, for units supplied while it is valid."), product->expires);
  else
    text = g_strdup (_("Once the ★1 label is issued and valid, it also covers PSTI security requirements 1–3 "
                       "(UK)."));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (g_object_get_data (G_OBJECT (page->equivalence), "psti")), text);
  g_free (text);
  text = g_strdup_printf (_("For a simplified CLS Level 1 application, CLS assessment is still needed of: %s"),
                          needed);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (g_object_get_data (G_OBJECT (page->equivalence), "cls")), text);
  g_free (text);
  text = g_strdup_printf (_("A product that complies with PSTI is exempt from %s; the other requirements "
                            "still need this self-assessment."), psti->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (g_object_get_data (G_OBJECT (page->equivalence), "from-psti")),
                               text);
  g_free (text);
  text = g_strdup_printf (_("A product with a CLS label is covered for %s; it still needs JC-STAR assessment "
                            "of %s."), cls_covered->str, cls_needed->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (g_object_get_data (G_OBJECT (page->equivalence), "from-cls")),
                               text);

  if (product != NULL && product->expires != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: the label's issue and expiry dates */
      label = g_strdup_printf (_("Issued %s, valid until %s"), product->issued ? product->issued : "-",
                               product->expires);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (page->label_row), label);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (page->label_row), _("No label recorded yet"));
}

static void
jc_save_product (GtkButton *button,
                 Page      *page)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *models = entry_text (page, "models");
  ScsJcProduct product = { 0 };
  gboolean ok;

  product.name = entry_text (page, "name");
  product.model_numbers = models != NULL ? g_regex_split_simple ("\\s*[,、]\\s*", models, 0, 0) : NULL;
  product.versions = entry_text (page, "versions");
  product.support_end = entry_text (page, "support-end");
  product.vdp_url = entry_text (page, "vdp-url");
  product.vdp_contact = entry_text (page, "vdp-contact");
  product.user_contact = entry_text (page, "user-contact");
  product.application_number = entry_text (page, "application-number");
  product.label_number = entry_text (page, "label-number");
  product.issued = entry_text (page, "issued");
  product.expires = entry_text (page, "expires");
  product.route = (ScsJcRoute) adw_combo_row_get_selected (ADW_COMBO_ROW (page->route));
  product.home_gateway = gtk_switch_get_active (GTK_SWITCH (page->home_gateway));
  ok = scs_jcstar_set_product (page->workspace, &product, &error);
  say (page, ok ? NULL : error);
  g_free (product.name);
  g_strfreev (product.model_numbers);
  g_free (product.versions);
  g_free (product.support_end);
  g_free (product.vdp_url);
  g_free (product.vdp_contact);
  g_free (product.user_contact);
  g_free (product.application_number);
  g_free (product.label_number);
  g_free (product.issued);
  g_free (product.expires);
  jc_update_statuses (page);
  jc_update_equivalence (page);
}

typedef struct
{
  const char *requirement_id;
  guint       item;
  GtkWidget  *dropdown;
  GtkWidget  *reason;
} ItemControls;

static void
jc_item_reload (Page         *page,
                ItemControls *controls)
{
  g_autofree char *reason = NULL;
  ScsJcAnswer answer = scs_jcstar_get_answer (page->workspace, controls->requirement_id, controls->item,
                                              &reason, NULL);

  page->loading = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (controls->dropdown), answer);
  gtk_editable_set_text (GTK_EDITABLE (controls->reason), reason != NULL ? reason : "");
  gtk_widget_set_visible (controls->reason, answer == SCS_JC_ANSWER_NOT_APPLICABLE);
  page->loading = FALSE;
}

static void
jc_item_save (ItemControls *controls)
{
  Page *page = get_page (controls->dropdown);
  g_autoptr(GError) error = NULL;
  ScsJcAnswer answer = (ScsJcAnswer) gtk_drop_down_get_selected (GTK_DROP_DOWN (controls->dropdown));

  if (page == NULL || page->loading)
    return;
  gtk_widget_set_visible (controls->reason, answer == SCS_JC_ANSWER_NOT_APPLICABLE);
  /* Not applicable waits for its reason (the reason field saves it). */
  if (answer == SCS_JC_ANSWER_NOT_APPLICABLE && *gtk_editable_get_text (GTK_EDITABLE (controls->reason)) == '\0')
    return;
  if (!scs_jcstar_set_answer (page->workspace, controls->requirement_id, controls->item, answer,
                              gtk_editable_get_text (GTK_EDITABLE (controls->reason)), &error))
    {
      say (page, error);
      jc_item_reload (page, controls);
      return;
    }
  say (page, NULL);
  jc_update_statuses (page);
}

static void
jc_add_requirement (Page                   *page,
                    GtkWidget              *prefs,
                    const ScsJcRequirement *r)
{
  g_autofree char *title = NULL;
  AdwPreferencesGroup *group;
  const char * const answers[] = {
    scs_jc_answer_get_label (SCS_JC_ANSWER_NONE), scs_jc_answer_get_label (SCS_JC_ANSWER_CONFORMS),
    scs_jc_answer_get_label (SCS_JC_ANSWER_DOES_NOT), scs_jc_answer_get_label (SCS_JC_ANSWER_NOT_APPLICABLE), NULL,
  };

  /* Translators: "S1.1-14 (provisional) — topic" */
  title = g_strdup_printf ("%s%s — %s", r->id, r->provisional ? _(" (provisional)") : "",
                           scs_i18n_pick (r->text_ja, r->text_en));
  group = add_group (prefs, title, NULL);
  g_hash_table_insert (page->statuses, (gpointer) r->id, group);
  for (guint i = 0; i < r->n_items; i++)
    {
      const ScsJcItem *item = &r->items[i];
      ItemControls *controls = g_new0 (ItemControls, 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *name = g_strdup_printf ("%s#%u", r->id, item->number);
      g_autofree char *item_title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: an evaluation item, e.g. "Item 2: …" */
      item_title = g_strdup_printf (_("Item %u: %s"), item->number, scs_i18n_pick (item->text_ja, item->text_en));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item_title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (r->any && r->n_items > 1)
        g_string_append (subtitle, _("Alternatives: one conforming item is enough."));
      if (g_strcmp0 (item->condition, "network-login") == 0)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " " : "",
                                _("Conditional: applies only when the product has network log-in."));
      else if (g_strcmp0 (item->condition, "network-update") == 0)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " " : "",
                                _("Conditional: applies only when updates come over the network."));
      if (item->provisional)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " " : "",
                                _("Provisional wording: check it against IPA’s checklist."));
      if (subtitle->len > 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      controls->requirement_id = r->id;
      controls->item = item->number;
      controls->dropdown = gtk_drop_down_new_from_strings (answers);
      gtk_widget_set_name (controls->dropdown, name);
      gtk_widget_set_valign (controls->dropdown, GTK_ALIGN_CENTER);
      controls->reason = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (controls->reason), _("Why it does not apply"));
      g_free (name);
      name = g_strdup_printf ("%s#%u-reason", r->id, item->number);
      gtk_widget_set_name (controls->reason, name);
      gtk_box_append (GTK_BOX (box), controls->dropdown);
      gtk_box_append (GTK_BOX (box), controls->reason);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (group, row);
      g_free (name);
      name = g_strdup_printf ("%s#%u", r->id, item->number);
      add_evidence_row (page, group, name);
      g_ptr_array_add (page->items, controls);
      jc_item_reload (page, controls);
      g_signal_connect_swapped (controls->dropdown, "notify::selected", G_CALLBACK (jc_item_save), controls);
      g_signal_connect_swapped (controls->reason, "activate", G_CALLBACK (jc_item_save), controls);
      {
        /* Leaving the reason field saves it too. */
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect_swapped (focus, "leave", G_CALLBACK (jc_item_save), controls);
        gtk_widget_add_controller (controls->reason, focus);
      }
    }
}

static void
jc_reload_items (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    jc_item_reload (page, g_ptr_array_index (page->items, i));
}

/* One recorded event as its row shows it: read-only properties "heading"
 * ("2026-12-01 — firmware update: 3.0.0") and "notice" (the draft as
 * stored), bound by scs-jc-event-row.ui. */
#define SCS_TYPE_JC_EVENT_ENTRY (scs_jc_event_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScsJcEventEntry, scs_jc_event_entry, SCS, JC_EVENT_ENTRY, GObject)

struct _ScsJcEventEntry
{
  GObject     parent_instance;
  ScsJcEvent *event;
};

G_DEFINE_FINAL_TYPE (ScsJcEventEntry, scs_jc_event_entry, G_TYPE_OBJECT)

enum
{
  EVENT_PROP_0,
  EVENT_PROP_HEADING,
  EVENT_PROP_NOTICE,
  EVENT_N_PROPS
};

static void
scs_jc_event_entry_finalize (GObject *object)
{
  g_clear_pointer (&SCS_JC_EVENT_ENTRY (object)->event, scs_jc_event_free);
  G_OBJECT_CLASS (scs_jc_event_entry_parent_class)->finalize (object);
}

static void
scs_jc_event_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScsJcEvent *event = SCS_JC_EVENT_ENTRY (object)->event;

  switch (prop_id)
    {
    case EVENT_PROP_HEADING:
      /* Translators: "2026-12-01 — firmware update: 3.0.0" */
      g_value_take_string (value, g_strdup_printf ("%s — %s: %s", event->date,
                                                   event->kind == SCS_JC_EVENT_MODEL ? _("new model number")
                                                                                     : _("firmware update"),
                                                   event->detail));
      break;
    case EVENT_PROP_NOTICE:
      g_value_set_string (value, event->notice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_jc_event_entry_class_init (ScsJcEventEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scs_jc_event_entry_finalize;
  object_class->get_property = scs_jc_event_entry_get_property;
  g_object_class_install_property (object_class, EVENT_PROP_HEADING,
                                   g_param_spec_string ("heading", NULL, NULL, NULL, flags));
  g_object_class_install_property (object_class, EVENT_PROP_NOTICE,
                                   g_param_spec_string ("notice", NULL, NULL, NULL, flags));
}

static void
scs_jc_event_entry_init (ScsJcEventEntry *self)
{
}

/* The same row: an event's row, and what is typed in it, stays. */
static gboolean
jc_event_entry_equal (gconstpointer a,
                      gconstpointer b)
{
  return SCS_JC_EVENT_ENTRY ((gpointer) a)->event->id == SCS_JC_EVENT_ENTRY ((gpointer) b)->event->id;
}

/* The row of one event (a GtkListBoxCreateWidgetFunc over events_store),
 * built with the entry as the builder's current object. */
static GtkWidget *
jc_event_row (gpointer item,
              gpointer user_data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;

  gtk_builder_set_current_object (builder, item);
  if (!gtk_builder_add_from_resource (builder, "/jp/scsworkbench/Workbench/scs-jc-event-row.ui", &error))
    g_error ("scs-jc-event-row.ui: %s", error->message);  /* a resource of ours */
  return g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
}

/* The events as stored: rows of new events are added, the others (and
 * what is typed in their notices) stay. */
static void
jc_show_events (Page *page)
{
  g_autoptr(GPtrArray) events = scs_jcstar_list_events (page->workspace, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (events != NULL)
    {
      /* the entries take the events */
      g_ptr_array_set_free_func (events, NULL);
      for (guint i = 0; i < events->len; i++)
        {
          ScsJcEventEntry *entry = g_object_new (SCS_TYPE_JC_EVENT_ENTRY, NULL);

          entry->event = events->pdata[i];
          g_ptr_array_add (entries, entry);
        }
    }
  scs_list_store_update (page->events_store, entries, jc_event_entry_equal);
}

static void
jc_save_notices (GtkButton *button,
                 Page      *page)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (page->events), "list");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_autoptr(ScsJcEventEntry) entry = g_list_model_get_item (G_LIST_MODEL (page->events_store), i);
      GtkWidget *w = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
      g_autoptr(GError) error = NULL;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (w));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!scs_jcstar_set_notice (page->workspace, entry->event->id, text, &error))
        {
          say (page, error);
          return;
        }
    }
  say (page, NULL);
}

static void
jc_record_event (Page           *page,
                 ScsJcEventKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsJcEvent) event = NULL;
  g_autofree char *today = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
  g_autofree char *detail = entry_text (page, "event-detail");
  g_autofree char *date = entry_text (page, "event-date");

  event = scs_jcstar_record_event (page->workspace, kind, detail, date != NULL ? date : today, &error);
  say (page, event != NULL ? NULL : error);
  if (event == NULL)
    return;
  g_autoptr(ScsJcProduct) product = scs_jcstar_get_product (page->workspace, NULL);
  g_autofree char *models = g_strjoinv ("、", product->model_numbers);

  gtk_editable_set_text (g_hash_table_lookup (page->entries, "models"), models);
  gtk_editable_set_text (g_hash_table_lookup (page->entries, "versions"),
                         product->versions != NULL ? product->versions : "");
  gtk_editable_set_text (g_hash_table_lookup (page->entries, "event-detail"), "");
  jc_reload_items (page);
  jc_update_statuses (page);
  jc_show_events (page);
}

static void
jc_on_new_model (GtkButton *button,
                 Page      *page)
{
  jc_record_event (page, SCS_JC_EVENT_MODEL);
}

static void
jc_on_firmware (GtkButton *button,
                Page      *page)
{
  jc_record_event (page, SCS_JC_EVENT_FIRMWARE);
}

static void
jc_export_checklist (GtkButton *button,
                     Page      *page)
{
  export_pdf (page, GTK_WIDGET (button), _("Export the Checklist as PDF"), _("jcstar-checklist.pdf"),
              scs_jcstar_render_checklist);
}

/* The user's own copy of IPA's checklist: imported at once when its
 * headers say which column holds what, else through the mapping dialog. */
static void
jc_imported (Page      *page,
             guint      n_texts,
             guint      n_answers,
             GtkWidget *widget)
{
  g_autofree char *message = NULL;

  jc_reload_items (page);
  jc_update_statuses (page);
  say (page, NULL);
  /* Translators: after importing IPA's checklist */
  message = g_strdup_printf (_("Imported the official wording of %u items and %u answers"), n_texts, n_answers);
  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

static void
on_dialog_imported (ScsJcImportDialog *dialog,
                    guint              n_texts,
                    guint              n_answers,
                    GtkWidget         *box)
{
  Page *page = g_object_get_data (G_OBJECT (box), "scs-declaration");

  jc_imported (page, n_texts, n_answers, box);
}

static void
jc_import_file (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  GtkWidget *box = data;
  Page *page = g_object_get_data (G_OBJECT (box), "scs-declaration");
  g_autoptr(ScsJcImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint n_texts = 0, n_answers = 0;
  ScsJcImportDialog *dialog;

  import = scs_jc_import_new_from_file (g_variant_get_string (parameter, NULL), &error);
  if (import == NULL)
    {
      say (page, error);
      return;
    }
  if (scs_jc_import_is_mapped (import))
    {
      if (!scs_jc_import_apply (import, page->workspace, &n_texts, &n_answers, &error))
        say (page, error);
      else
        jc_imported (page, n_texts, n_answers, box);
      return;
    }
  dialog = scs_jc_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (box)), page->workspace,
                                     g_steal_pointer (&import));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_dialog_imported), box, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jc_checklist_chosen (GtkNativeDialog *chooser,
                     int              response,
                     GtkWidget       *box)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (box, "jc.import-file", "s", path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
jc_choose_checklist (GtkButton *button,
                     GtkWidget *box)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import IPA’s Checklist"), GTK_WINDOW (gtk_widget_get_root (box)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets and CSV files"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xlsm");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (jc_checklist_chosen), box);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
jcstar_page_new (ScsWorkspace *workspace)
{
  g_autoptr(ScsJcProduct) product = scs_jcstar_get_product (workspace, NULL);
  g_autofree char *models = NULL;
  const char * const routes[] = {
    _("Standard application"), _("PSTI-compliant product"), _("Product with a CLS label"), NULL,
  };
  GtkWidget *prefs, *row, *box;
  AdwPreferencesGroup *group;
  Page *page;

  box = new_page (workspace, &page, &prefs);
  models = product != NULL ? g_strjoinv ("、", product->model_numbers) : NULL;

  group = add_group (prefs, _("Product"),
                     _("One declaration covers every model number of the product, assessed at one firmware "
                       "version. Separate model numbers with commas."));
  add_entry (page, group, "name", _("Product name"), product ? product->name : NULL);
  add_entry (page, group, "models", _("Model numbers"), models);
  add_entry (page, group, "versions", _("Firmware/software versions assessed"), product ? product->versions : NULL);
  add_entry (page, group, "support-end", _("End of the security-support period (YYYY-MM-DD)"),
             product ? product->support_end : NULL);
  add_entry (page, group, "vdp-url", _("Vulnerability-disclosure policy (web address)"),
             product ? product->vdp_url : NULL);
  add_entry (page, group, "vdp-contact", _("Where to report vulnerabilities"), product ? product->vdp_contact : NULL);
  add_entry (page, group, "user-contact", _("Contact point for users"), product ? product->user_contact : NULL);
  page->route = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->route), _("Application route"));
  adw_combo_row_set_model (ADW_COMBO_ROW (page->route), G_LIST_MODEL (gtk_string_list_new (routes)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (page->route), product ? product->route : SCS_JC_ROUTE_STANDARD);
  adw_preferences_group_add (group, page->route);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Home gateway or router"));
  page->home_gateway = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (page->home_gateway), product != NULL && product->home_gateway);
  gtk_widget_set_valign (page->home_gateway, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), page->home_gateway);
  adw_preferences_group_add (group, row);

  group = add_group (prefs, _("Application and label"), NULL);
  add_entry (page, group, "application-number", _("Application number from IPA"),
             product ? product->application_number : NULL);
  add_entry (page, group, "label-number", _("Label number"), product ? product->label_number : NULL);
  add_entry (page, group, "issued", _("Label issue date (YYYY-MM-DD)"), product ? product->issued : NULL);
  add_entry (page, group, "expires", _("Label expiry date (YYYY-MM-DD, at most two years)"),
             product ? product->expires : NULL);
  page->label_row = add_info_row (group, "label-dates");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->label_row), _("Label validity"));
  add_button (group, "save-product", _("_Save Product"), G_CALLBACK (jc_save_product), page);
  add_button (group, "export-checklist", _("_Export Checklist as PDF…"), G_CALLBACK (jc_export_checklist), page);

  group = add_group (prefs, _("IPA’s checklist"),
                     _("The texts here are our own words. Import your own copy of IPA’s checklist (Excel or CSV, "
                       "UTF-8 or Shift_JIS) for the official wording of each item, and any answers it holds."));
  add_button (group, "import-checklist", _("_Import IPA Checklist…"), G_CALLBACK (jc_choose_checklist), box);
  {
    GSimpleActionGroup *actions = g_simple_action_group_new ();
    const GActionEntry entries[] = {
      { "import-file", jc_import_file, "s", NULL, NULL, { 0 } },
    };

    g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), box);
    gtk_widget_insert_action_group (box, "jc", G_ACTION_GROUP (actions));
    g_object_unref (actions);
  }

  group = add_group (prefs, _("Equivalence with PSTI (UK) and CLS (Singapore)"), NULL);
  page->equivalence = GTK_WIDGET (group);
  row = add_info_row (group, "equivalence-psti");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("This declaration towards PSTI"));
  g_object_set_data (G_OBJECT (group), "psti", row);
  row = add_info_row (group, "equivalence-cls");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("This declaration towards CLS Level 1"));
  g_object_set_data (G_OBJECT (group), "cls", row);
  row = add_info_row (group, "equivalence-from-psti");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("A product arriving with a PSTI statement"));
  g_object_set_data (G_OBJECT (group), "from-psti", row);
  row = add_info_row (group, "equivalence-from-cls");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("A product arriving with a CLS label"));
  g_object_set_data (G_OBJECT (group), "from-cls", row);

  for (guint i = 0; i < scs_jcstar_get_n_requirements (); i++)
    jc_add_requirement (page, prefs, scs_jcstar_get_requirement (i));

  group = add_group (prefs, _("Changes to the product"),
                     _("A new model number or a firmware update reopens the items it may affect (our own "
                       "judgement, not IPA’s rule) and drafts a change notice you can edit."));
  page->events = GTK_WIDGET (group);
  add_entry (page, group, "event-detail", _("New model number or firmware version"), NULL);
  add_entry (page, group, "event-date", _("Date of the change (YYYY-MM-DD, default today)"), NULL);
  add_button (group, "add-model", _("Add _Model Number"), G_CALLBACK (jc_on_new_model), page);
  add_button (group, "record-firmware", _("Record _Firmware Update"), G_CALLBACK (jc_on_firmware), page);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_widget_set_name (list, "events");
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "background");
    gtk_widget_set_margin_top (list, 12);
    page->events_store = g_list_store_new (SCS_TYPE_JC_EVENT_ENTRY);
    gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (page->events_store), jc_event_row, NULL, NULL);
    g_object_set_data (G_OBJECT (group), "list", list);
    adw_preferences_group_add (group, list);
  }
  add_button (group, "save-notices", _("Save _Change Notices"), G_CALLBACK (jc_save_notices), page);

  jc_update_statuses (page);
  jc_update_equivalence (page);
  jc_show_events (page);
  return box;
}

/* ---- SECURITY ACTION ----------------------------------------------------- */

static void
sa_update_score (Page *page)
{
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  ScsSaScore score;

  if (!scs_security_action_get_answers (page->workspace, answers, NULL))
    return;
  scs_sa_score (answers, &score);
  /* Translators: the self-check's total, e.g. "Score: 74 of 100" */
  title = g_strdup_printf (_("Score: %d of 100"), score.total);
  if (score.n_dont_know > 0)
    /* Translators: band — next step; then how many "don't know" answers to follow up */
    subtitle = g_strdup_printf (ngettext ("%s — %s %u answer “don’t know” to follow up.",
                                          "%s — %s %u answers “don’t know” to follow up.", score.n_dont_know),
                                scs_sa_band_get_label (score.band), scs_sa_band_get_next_step (score.band),
                                score.n_dont_know);
  else
    subtitle = g_strdup_printf ("%s — %s", scs_sa_band_get_label (score.band),
                                scs_sa_band_get_next_step (score.band));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->score_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (page->score_row), subtitle);
}

static void
sa_mark_dont_know (GtkWidget   *row,
                   ScsSaAnswer  answer)
{
  if (answer == SCS_SA_ANSWER_DONT_KNOW)
    {
      gtk_widget_add_css_class (row, "warning");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("To follow up: find out and answer again."));
    }
  else
    {
      gtk_widget_remove_css_class (row, "warning");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
    }
}

static void
sa_on_answer (AdwComboRow *row,
              GParamSpec  *pspec,
              Page        *page)
{
  g_autoptr(GError) error = NULL;
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "question"));
  ScsSaAnswer answer = (ScsSaAnswer) adw_combo_row_get_selected (row);

  if (page->loading)
    return;
  if (!scs_security_action_set_answer (page->workspace, number, answer, &error))
    {
      ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];

      say (page, error);
      page->loading = TRUE;
      if (scs_security_action_get_answers (page->workspace, answers, NULL))
        adw_combo_row_set_selected (row, answers[number - 1]);
      page->loading = FALSE;
      return;
    }
  say (page, NULL);
  sa_mark_dont_know (GTK_WIDGET (row), answer);
  sa_update_score (page);
}

static void
sa_on_pledge (GtkCheckButton *check,
              GParamSpec     *pspec,
              Page           *page)
{
  g_autoptr(GError) error = NULL;
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "item"));

  if (!scs_security_action_set_pledge_item (page->workspace, number, gtk_check_button_get_active (check), &error))
    say (page, error);
  else
    say (page, NULL);
}

static void
sa_save_pledge_date (GtkButton *button,
                     Page      *page)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = entry_text (page, "pledge-date");

  say (page, scs_security_action_set_pledge_date (page->workspace, date, &error) ? NULL : error);
}

static void
sa_save_policy (GtkButton *button,
                Page      *page)
{
  g_autoptr(GError) error = NULL;
  ScsSaPolicy policy = { 0 };

  policy.company = entry_text (page, "policy-company");
  policy.representative = entry_text (page, "policy-representative");
  policy.adopted = entry_text (page, "policy-adopted");
  policy.revised = entry_text (page, "policy-revised");
  say (page, scs_security_action_set_policy (page->workspace, &policy, &error) ? NULL : error);
  g_free (policy.company);
  g_free (policy.representative);
  g_free (policy.adopted);
  g_free (policy.revised);
}

static void
sa_export_policy (GtkButton *button,
                  Page      *page)
{
  sa_save_policy (button, page);
  if (!gtk_widget_get_visible (page->error_label))
    export_pdf (page, GTK_WIDGET (button), _("Export the Basic Policy as PDF"), _("basic-policy.pdf"),
                scs_security_action_render_policy);
}

static void
sa_save_declaration (GtkButton *button,
                     Page      *page)
{
  g_autoptr(GError) error = NULL;
  ScsSaDeclaration declaration = { 0 };

  declaration.declaration_id = entry_text (page, "declaration-id");
  declaration.declared = entry_text (page, "declaration-date");
  declaration.policy_url = entry_text (page, "declaration-url");
  declaration.level = adw_combo_row_get_selected (ADW_COMBO_ROW (page->level)) + 1;
  say (page, scs_security_action_set_declaration (page->workspace, &declaration, &error) ? NULL : error);
  g_free (declaration.declaration_id);
  g_free (declaration.declared);
  g_free (declaration.policy_url);
}

static void
sa_star3_chosen (GtkNativeDialog *chooser,
                 int              response,
                 Page            *page)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsWorkspace) star3 = scs_security_action_start_star3 (page->workspace, path, &error);

      say (page, star3 != NULL ? NULL : error);
      if (star3 != NULL && SCS_IS_APPLICATION (g_application_get_default ()))
        scs_application_show_workspace (SCS_APPLICATION (g_application_get_default ()), star3, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
sa_start_star3 (GtkButton *button,
                Page      *page)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Start the ★3 Assessment"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("star3.scsw"));
  g_signal_connect (chooser, "response", G_CALLBACK (sa_star3_chosen), page);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
security_action_page_new (ScsWorkspace *workspace)
{
  g_autoptr(ScsSaPolicy) policy = scs_security_action_get_policy (workspace, NULL);
  g_autoptr(ScsSaDeclaration) declaration = scs_security_action_get_declaration (workspace, NULL);
  g_autoptr(ScsOrganization) org = scs_workspace_dup_organization (workspace);
  g_autofree char *pledge_date = NULL;
  g_autofree gboolean *pledged = g_new0 (gboolean, scs_security_action_get_n_pledge_items ());
  ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS];
  const char *labels[SCS_SA_N_ANSWERS + 1] = { NULL };
  const char * const levels[] = { _("★1 (one star)"), _("★2 (two stars)"), NULL };
  GtkWidget *prefs, *box, *row;
  AdwPreferencesGroup *group = NULL;
  Page *page;
  guint current_group = 0;

  box = new_page (workspace, &page, &prefs);
  scs_security_action_get_pledge (workspace, pledged, &pledge_date, NULL);
  scs_security_action_get_answers (workspace, answers, NULL);
  for (guint i = 0; i < SCS_SA_N_ANSWERS; i++)
    labels[i] = scs_sa_answer_get_label ((ScsSaAnswer) i);

  group = add_group (prefs, _("★1: the pledge"),
                     _("A declaration that the organisation will work on the five basic items; it can be made "
                       "before they are all in place. It is a self-declaration, not a certification."));
  for (guint i = 1; i <= scs_security_action_get_n_pledge_items (); i++)
    {
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *name = g_strdup_printf ("pledge-%u", i);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scs_security_action_get_pledge_item (i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), pledged[i - 1]);
      gtk_widget_set_name (check, name);
      g_object_set_data (G_OBJECT (check), "item", GUINT_TO_POINTER (i));
      g_signal_connect (check, "notify::active", G_CALLBACK (sa_on_pledge), page);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
      add_evidence_row (page, group, name);
    }
  add_entry (page, group, "pledge-date", _("Date of the pledge (YYYY-MM-DD)"), pledge_date);
  add_button (group, "save-pledge", _("Save _Pledge Date"), G_CALLBACK (sa_save_pledge_date), page);

  group = add_group (prefs, _("★2: the self-check"),
                     _("25 questions: done 4 points, partly 2, not done 0, don’t know −1. “Not applicable” is "
                       "our addition, scored as done and always shown as such."));
  page->score_row = add_info_row (group, "score");
  for (guint n = 1; n <= SCS_SECURITY_ACTION_N_QUESTIONS; n++)
    {
      g_autofree char *title = g_strdup_printf ("%u. %s", n, scs_security_action_get_question (n));
      g_autofree char *name = g_strdup_printf ("question-%u", n);

      if (scs_security_action_get_question_group (n) != current_group)
        {
          current_group = scs_security_action_get_question_group (n);
          group = add_group (prefs, scs_security_action_get_group_title (current_group), NULL);
        }
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (labels)));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), answers[n - 1]);
      gtk_widget_set_name (row, name);
      g_object_set_data (G_OBJECT (row), "question", GUINT_TO_POINTER (n));
      sa_mark_dont_know (row, answers[n - 1]);
      g_signal_connect (row, "notify::selected", G_CALLBACK (sa_on_answer), page);
      adw_preferences_group_add (group, row);
      g_free (name);
      name = g_strdup_printf ("%u", n);
      add_evidence_row (page, group, name);
    }

  group = add_group (prefs, _("★2: the basic policy"),
                     _("Our template: a commitment and five themes. Fill in the company, its representative and "
                       "the date, then export the PDF to publish it."));
  add_entry (page, group, "policy-company", _("Company"), policy ? policy->company : org->name);
  add_entry (page, group, "policy-representative", _("Representative’s title and name"),
             policy ? policy->representative : NULL);
  add_entry (page, group, "policy-adopted", _("Adopted on (YYYY-MM-DD)"), policy ? policy->adopted : NULL);
  add_entry (page, group, "policy-revised", _("Revised on (YYYY-MM-DD, optional)"), policy ? policy->revised : NULL);
  add_button (group, "save-policy", _("Save _Policy"), G_CALLBACK (sa_save_policy), page);
  add_button (group, "export-policy", _("_Export Policy as PDF…"), G_CALLBACK (sa_export_policy), page);

  group = add_group (prefs, _("The declaration"),
                     _("The record of the self-declaration made to IPA: a declaration, never a certification."));
  page->level = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->level), _("Level declared"));
  adw_combo_row_set_model (ADW_COMBO_ROW (page->level), G_LIST_MODEL (gtk_string_list_new (levels)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (page->level), declaration && declaration->level == 2 ? 1 : 0);
  adw_preferences_group_add (group, page->level);
  add_entry (page, group, "declaration-id", _("Declaration ID (11 digits)"),
             declaration ? declaration->declaration_id : NULL);
  add_entry (page, group, "declaration-date", _("Date of the declaration (YYYY-MM-DD)"),
             declaration ? declaration->declared : NULL);
  add_entry (page, group, "declaration-url", _("Where the basic policy is published (★2)"),
             declaration ? declaration->policy_url : NULL);
  add_button (group, "save-declaration", _("Save _Declaration"), G_CALLBACK (sa_save_declaration), page);

  group = add_group (prefs, _("Next step: the SCS ★3 assessment"),
                     _("Starts a ★3 workspace for the same organisation; the ★3 requirements related to your "
                       "self-check answers (our own mapping, not IPA’s) are highlighted there."));
  add_button (group, "start-star3", _("_Start the ★3 Assessment…"), G_CALLBACK (sa_start_star3), page);

  sa_update_score (page);
  return box;
}

GtkWidget *
scs_declaration_page_new (ScsWorkspace *workspace)
{
  g_return_val_if_fail (SCS_IS_WORKSPACE (workspace), NULL);

  switch (scs_workspace_get_workspace_type (workspace))
    {
    case SCS_WORKSPACE_TYPE_JCSTAR1:
      return jcstar_page_new (workspace);
    case SCS_WORKSPACE_TYPE_SECURITY_ACTION:
      return security_action_page_new (workspace);
    case SCS_WORKSPACE_TYPE_SCS:
    default:
      return NULL;
    }
}
