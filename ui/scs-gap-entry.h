/* scs-gap-entry.h: one gap of the diagnosis window, as its row shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One gap as shown (labels, never codes), bound by scs-gap-row.ui:
 * properties "title" and "subtitle" (plain text); for an SCS criterion
 * ("plannable") the vendor's plan — "support", "effort", "priority" (the
 * index of the choice shown, GTK_INVALID_LIST_POSITION for none), "owner",
 * "due", "note"; for a self-declaration's gap "next-step" and
 * "has-next-step". Updated in place, each property notified only when it
 * changes, so that a row stays open while its plan is edited. */
#define SCS_TYPE_GAP_ENTRY (scs_gap_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScsGapEntry, scs_gap_entry, SCS, GAP_ENTRY, GObject)

typedef enum
{
  SCS_GAP_ENTRY_TITLE,
  SCS_GAP_ENTRY_SUBTITLE,
  SCS_GAP_ENTRY_OWNER,
  SCS_GAP_ENTRY_DUE,
  SCS_GAP_ENTRY_NOTE,
  SCS_GAP_ENTRY_NEXT_STEP,
  SCS_GAP_ENTRY_N_TEXTS,
} ScsGapEntryText;

typedef enum
{
  SCS_GAP_ENTRY_SUPPORT,
  SCS_GAP_ENTRY_EFFORT,
  SCS_GAP_ENTRY_PRIORITY,
  SCS_GAP_ENTRY_N_CHOICES,
} ScsGapEntryChoice;

/* @key: the criterion ID or the item's key; @plannable: an SCS gap. */
ScsGapEntry *scs_gap_entry_new        (const char        *key,
                                       gboolean           plannable);
const char  *scs_gap_entry_get_key    (ScsGapEntry       *self);
const char  *scs_gap_entry_get_text   (ScsGapEntry       *self,
                                       ScsGapEntryText    which);
guint        scs_gap_entry_get_choice (ScsGapEntry       *self,
                                       ScsGapEntryChoice  which);
void         scs_gap_entry_set_text   (ScsGapEntry       *self,
                                       ScsGapEntryText    which,
                                       const char        *text);
void         scs_gap_entry_set_choice (ScsGapEntry       *self,
                                       ScsGapEntryChoice  which,
                                       guint              index);

G_END_DECLS
