/* scs-requirement-group.h: one requirement's heading and criterion rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

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

#define SCS_TYPE_REQUIREMENT_GROUP (scs_requirement_group_get_type ())
G_DECLARE_FINAL_TYPE (ScsRequirementGroup, scs_requirement_group, SCS, REQUIREMENT_GROUP, GtkWidget)

/* The heading (ID, title, derived state: all met / partly met / not met /
 * unanswered, kept live) over a boxed list of ScsCriterionRow; for a ★4-only
 * requirement whose criteria are unknown, a note that the official workbook
 * is needed instead. */
GtkWidget            *scs_requirement_group_new             (ScsWorkspace          *workspace,
                                                             const ScsRequirement  *requirement);
const ScsRequirement *scs_requirement_group_get_requirement (ScsRequirementGroup   *self);
/* Of ScsCriterionRow*, in catalog order. */
GPtrArray            *scs_requirement_group_get_rows        (ScsRequirementGroup   *self);
void                  scs_requirement_group_update_state    (ScsRequirementGroup   *self);
/* Shows the rows that pass (criteria up to @level, in the @filter state,
 * containing @search, already folded with scs_requirement_group_fold, in
 * the criterion's ID or text, the user's note or not-applicable reason, or
 * the names in @evidence_names: criterion ID → folded evidence file names,
 * may be NULL), and appends them to @visible. Returns whether the group is
 * shown. */
gboolean              scs_requirement_group_refilter        (ScsRequirementGroup   *self,
                                                             guint                  level,
                                                             ScsChecklistFilter     filter,
                                                             const char            *search,
                                                             GHashTable            *evidence_names,
                                                             GPtrArray             *visible);
/* NFKC + case folding, so "ＢＡＣＫＵＰ" finds "backup" and "４-１" finds "4-1". */
char                 *scs_requirement_group_fold            (const char            *text);

G_END_DECLS
