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
 * dossier, what waits for a review, the redline, a comment or proposal of
 * a thread), as shown: properties "title", "subtitle" and "tooltip" (plain
 * text unless made with scs_list_line_new_markup (); bound by the row's
 * template). Set up before it goes into a list; not changed after. What
 * the line stands for goes with it as object data
 * (g_object_set_data_full ()), read back from the model by the row's
 * index. */
#define SCS_TYPE_LIST_LINE (scs_list_line_get_type ())
G_DECLARE_FINAL_TYPE (ScsListLine, scs_list_line, SCS, LIST_LINE, GObject)

ScsListLine *scs_list_line_new         (const char  *title,
                                        const char  *subtitle);
/* The same with Pango markup (an old value struck through, a new one
 * highlighted): whatever came from a user or a file in it is escaped
 * (g_markup_printf_escaped ()). */
ScsListLine *scs_list_line_new_markup  (const char  *title_markup,
                                        const char  *subtitle_markup);
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
/* The row can be activated: that presses the line's first button (a "go
 * to" button, scs_list_line_add_button ()), or, for a line without
 * buttons, the row ends in a "go to" arrow and the list's "row-activated"
 * says what to do. */
void         scs_list_line_set_activatable (ScsListLine *self,
                                            gboolean     activatable);
void         scs_list_line_set_name    (ScsListLine *self,
                                        const char  *name);
/* A word at the row's end, before its buttons, in the style @style_class
 * ("error", "warning", "success" or NULL). */
void         scs_list_line_set_badge   (ScsListLine *self,
                                        const char  *label,
                                        const char  *style_class);
/* A button at the row's end, after the badge and the buttons added
 * before, that activates @action_name with @target (floating references
 * are sunk): with @icon_name a flat icon button whose tooltip and
 * accessible label are @label, without it a button showing @label (with
 * a mnemonic); @style_class ("suggested-action" …) or NULL. */
void         scs_list_line_add_button  (ScsListLine *self,
                                        const char  *icon_name,
                                        const char  *label,
                                        const char  *style_class,
                                        const char  *action_name,
                                        GVariant    *target);

/* Makes @store (of ScsListLine) hold @lines, replacing only what changed
 * (scs_list_store_update ()), so the rows of the lines that stay are kept. */
void         scs_list_lines_update     (GListStore  *store,
                                        GPtrArray   *lines);

/* The row of @item (an ScsListLine): a GtkListBoxCreateWidgetFunc. */
GtkWidget   *scs_list_line_row_create  (gpointer     item,
                                        gpointer     user_data);

G_END_DECLS
