/* scs-workspace-error.c: the workspace document's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-workspace-error.h"

G_DEFINE_QUARK (scs-workspace-error-quark, scs_workspace_error)
