/* scs-requirement-heading.h: a heading line of the checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-checklist-item.h"

G_BEGIN_DECLS

#define SCS_TYPE_REQUIREMENT_HEADING (scs_requirement_heading_get_type ())
G_DECLARE_FINAL_TYPE (ScsRequirementHeading, scs_requirement_heading, SCS, REQUIREMENT_HEADING, GtkWidget)

/* Shows a requirement item (ID, title, derived state: all met / partly met
 * / not met / unanswered, kept live; for a ★4-only requirement whose
 * criteria are unknown, a note that the official workbook is needed) or a
 * category item (its title, above its requirements in search results). */
GtkWidget *scs_requirement_heading_new      (void);
void       scs_requirement_heading_set_item (ScsRequirementHeading *self,
                                             ScsChecklistItem      *item);

G_END_DECLS
