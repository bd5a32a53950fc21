/* scs-list-line.h: one line of a boxed list of records, and its row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One line of a list a view shows (a check of a package, a finding of the
 * scope check, a problem of an import, a recent workspace, a criterion of
 * the renewal comparison, a date of the life cycle, a row of the provider
 * dossier), as shown: properties "title", "subtitle" and "tooltip" (plain
 * text, never markup, bound by the row's template). Set up before it goes
 * into a list; not changed after.
 * What the line stands for goes with it as object data
 * (g_object_set_data_full ()), read back from the model by the row's
 * index. */
#define SCS_TYPE_LIST_LINE (scs_list_line_get_type ())
G_DECLARE_FINAL_TYPE (ScsListLine, scs_list_line, SCS, LIST_LINE, GObject)

ScsListLine *scs_list_line_new         (const char  *title,
                                        const char  *subtitle);
/* An icon at the row's start: its style class ("error", "warning",
 * "success" or NULL) and, when it says something the text does not, its
 * accessible label. */
void         scs_list_line_set_icon    (ScsListLine *self,
                                        const char  *icon_name,
                                        const char  *style_class,
                                        const char  *accessible_label);
void         scs_list_line_set_tooltip (ScsListLine *self,
                                        const char  *tooltip);
/* Lines of the title and subtitle (0: all; the default is 0 and 0). */
void         scs_list_line_set_lines   (ScsListLine *self,
                                        int          title_lines,
                                        int          subtitle_lines);
/* The row can be activated and ends in a "go to" arrow. */
void         scs_list_line_set_activatable (ScsListLine *self,
                                            gboolean     activatable);
void         scs_list_line_set_name    (ScsListLine *self,
                                        const char  *name);
/* A button at the row's end that activates @action_name with @target
 * (floating references are sunk): a flat icon button whose tooltip and
 * accessible label are @label, or with @icon_name NULL a button showing
 * @label (with a mnemonic). */
void         scs_list_line_set_button  (ScsListLine *self,
                                        const char  *icon_name,
                                        const char  *label,
                                        const char  *action_name,
                                        GVariant    *target);
/* A word at the row's end (before its button) in the style @style_class
 * ("error", "warning", "success" or NULL). */
void         scs_list_line_set_badge   (ScsListLine *self,
                                        const char  *label,
                                        const char  *style_class);

/* Makes @store (of ScsListLine) hold @lines, replacing only what changed
 * (scs_list_store_update ()), so the rows of the lines that stay are kept. */
void         scs_list_lines_update     (GListStore  *store,
                                        GPtrArray   *lines);

/* The row of @item (an ScsListLine): a GtkListBoxCreateWidgetFunc. */
GtkWidget   *scs_list_line_row_create  (gpointer     item,
                                        gpointer     user_data);

G_END_DECLS
