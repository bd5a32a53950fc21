/* scs-checklist-page.h: the requirements and criteria of one category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-checklist-item.h"
#include "scs-criterion-row.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  SCS_CHECKLIST_FILTER_ALL,
  SCS_CHECKLIST_FILTER_UNANSWERED,
  SCS_CHECKLIST_FILTER_MET,
  SCS_CHECKLIST_FILTER_NOT_MET,
  SCS_CHECKLIST_FILTER_NOT_APPLICABLE,
} ScsChecklistFilter;

#define SCS_TYPE_CHECKLIST_PAGE (scs_checklist_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsChecklistPage, scs_checklist_page, SCS, CHECKLIST_PAGE, GtkWidget)

/* Properties "workspace", "category" (1 … 7) and "search-mode". With search
 * text, criteria of every category are matched by ID and by their Japanese
 * and English text. Actions: checklist.next, checklist.previous (also
 * Ctrl+Page Down / Up), checklist.set-focused-status (s: state name; Alt+1 … 4).
 * Template child "slots_box": one child per item (data "scs-item"), shown
 * when the item is; a criterion's holds its row only while in view. */
GtkWidget        *scs_checklist_page_new               (void);
void              scs_checklist_page_set_workspace     (ScsChecklistPage  *self,
                                                        ScsWorkspace      *workspace);
void              scs_checklist_page_set_category      (ScsChecklistPage  *self,
                                                        guint              category);
guint             scs_checklist_page_get_category      (ScsChecklistPage  *self);
void              scs_checklist_page_set_search_mode   (ScsChecklistPage  *self,
                                                        gboolean           search_mode);
gboolean          scs_checklist_page_get_search_mode   (ScsChecklistPage  *self);
/* Applies at once (typing in the entry applies after GtkSearchEntry's delay). */
void              scs_checklist_page_set_search_text   (ScsChecklistPage  *self,
                                                        const char        *text);
void              scs_checklist_page_set_filter        (ScsChecklistPage  *self,
                                                        ScsChecklistFilter filter);
void              scs_checklist_page_focus_search      (ScsChecklistPage  *self);
/* Shows @criterion_id's category (clearing search and filter if they hide
 * it), scrolls to the criterion and focuses it. FALSE if unknown. */
gboolean          scs_checklist_page_focus_criterion   (ScsChecklistPage  *self,
                                                        const char        *criterion_id);
/* The item of a criterion (its typed text, conflicts, saving): there
 * whether or not a row shows it. */
ScsChecklistItem *scs_checklist_page_get_item          (ScsChecklistPage  *self,
                                                        const char        *criterion_id);
/* The row showing @criterion_id now, NULL while it is not in view. */
ScsCriterionRow  *scs_checklist_page_get_row           (ScsChecklistPage  *self,
                                                        const char        *criterion_id);
ScsCriterionRow  *scs_checklist_page_get_focused_row   (ScsChecklistPage  *self);
/* Read-only rows: a signed assessment (or a workspace opened read-only). */
void              scs_checklist_page_set_sealed        (ScsChecklistPage  *self,
                                                        gboolean           sealed);
/* Sends every note and reason typed and not yet saved. */
void              scs_checklist_page_flush             (ScsChecklistPage  *self);

G_END_DECLS
