/* scs-checklist-item.h: one line of the checklist, and what the user typed in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  SCS_CHECKLIST_ITEM_CATEGORY,     /* a category's title, shown in search results */
  SCS_CHECKLIST_ITEM_REQUIREMENT,  /* a requirement's heading and derived state */
  SCS_CHECKLIST_ITEM_CRITERION,    /* a criterion with its answer */
} ScsChecklistItemKind;

#define SCS_TYPE_CHECKLIST_ITEM (scs_checklist_item_get_type ())
G_DECLARE_FINAL_TYPE (ScsChecklistItem, scs_checklist_item, SCS, CHECKLIST_ITEM, GObject)

/* The checklist's rows are built only while in view and are reused for
 * other items, so everything a row must not forget lives here: the note
 * and reason the user typed and not yet saved (and their saving: after a
 * pause, on leaving the field, on flush), the versions typed over, the
 * conflict states, whether the reason field is open, whether the row is
 * read-only. Signal "changed": what a row shows of this item changed
 * (emitted also when the answer changed). Saving goes through the window's
 * actions (win.set-note, win.set-reason), activated on the actor widget. */
ScsChecklistItem    *scs_checklist_item_new_category    (guint                  number,
                                                         const char            *title);
ScsChecklistItem    *scs_checklist_item_new_requirement (ScsWorkspace          *workspace,
                                                         const ScsRequirement  *requirement);
ScsChecklistItem    *scs_checklist_item_new_criterion   (ScsWorkspace          *workspace,
                                                         ScsAnswer             *answer,
                                                         GtkWidget             *actor);
ScsChecklistItemKind scs_checklist_item_get_kind        (ScsChecklistItem      *self);
guint                scs_checklist_item_get_category    (ScsChecklistItem      *self);
/* Category items: "3. Title". */
const char          *scs_checklist_item_get_title       (ScsChecklistItem      *self);
const ScsRequirement *scs_checklist_item_get_requirement (ScsChecklistItem     *self);
ScsAnswer           *scs_checklist_item_get_answer      (ScsChecklistItem      *self);
ScsWorkspace        *scs_checklist_item_get_workspace   (ScsChecklistItem      *self);

/* Filtering (the checklist page): whether the item passes, and the folded
 * ID and texts (criterion) to search in. */
gboolean             scs_checklist_item_get_shown       (ScsChecklistItem      *self);
void                 scs_checklist_item_set_shown       (ScsChecklistItem      *self,
                                                         gboolean               shown);
/* Criterion items: @search (folded) is in the ID, the criterion's texts,
 * the user's note or reason, or @evidence_names' entry (may be NULL). */
gboolean             scs_checklist_item_matches         (ScsChecklistItem      *self,
                                                         const char            *search,
                                                         GHashTable            *evidence_names);

/* Requirement items: "All met", … and 0 success, 1 warning, 2 error, 3 dim. */
const char          *scs_checklist_item_get_state_label (ScsChecklistItem      *self,
                                                         guint                 *kind);

/* Criterion items: what the editors show (typed text while not saved). */
const char          *scs_checklist_item_get_note_text   (ScsChecklistItem      *self);
void                 scs_checklist_item_set_note_text   (ScsChecklistItem      *self,
                                                         const char            *text);
/* "saved", "pending", "failed", "conflict" or "invalid" (then the reason
 * in scs_checklist_item_get_note_problem). */
const char          *scs_checklist_item_get_note_state  (ScsChecklistItem      *self);
const char          *scs_checklist_item_get_note_problem (ScsChecklistItem     *self);
void                 scs_checklist_item_save_note       (ScsChecklistItem      *self);
const char          *scs_checklist_item_get_reason_text (ScsChecklistItem      *self);
void                 scs_checklist_item_set_reason_text (ScsChecklistItem      *self,
                                                         const char            *text);
/* @leaving: the field lost focus (a blank reason then reverts). */
void                 scs_checklist_item_save_reason     (ScsChecklistItem      *self,
                                                         gboolean               leaving);
gboolean             scs_checklist_item_get_reason_blank_error (ScsChecklistItem *self);
const char          *scs_checklist_item_get_reason_problem (ScsChecklistItem   *self);
gboolean             scs_checklist_item_get_reason_revealed (ScsChecklistItem  *self);
/* Opens the reason field (the answer is to become not applicable); emits
 * "reason-requested" so a row in view focuses it. */
void                 scs_checklist_item_request_reason  (ScsChecklistItem      *self);
void                 scs_checklist_item_flush           (ScsChecklistItem      *self);
gint64               scs_checklist_item_get_note_seen_version (ScsChecklistItem *self);
void                 scs_checklist_item_note_conflict   (ScsChecklistItem      *self);
void                 scs_checklist_item_resolve_note    (ScsChecklistItem      *self,
                                                         gboolean               keep_mine);
gint64               scs_checklist_item_get_reason_seen_version (ScsChecklistItem *self);
void                 scs_checklist_item_reason_conflict (ScsChecklistItem      *self);
gboolean             scs_checklist_item_get_reason_conflict (ScsChecklistItem  *self);
void                 scs_checklist_item_resolve_reason  (ScsChecklistItem      *self,
                                                         gboolean               keep_mine);
/* Read-only (a signed assessment, a workspace opened read-only). */
void                 scs_checklist_item_set_sealed      (ScsChecklistItem      *self,
                                                         gboolean               sealed);
gboolean             scs_checklist_item_get_sealed      (ScsChecklistItem      *self);

/* NFKC + case folding, so "ＢＡＣＫＵＰ" finds "backup" and "４-１" finds "4-1". */
char                *scs_checklist_item_fold            (const char            *text);

G_END_DECLS
