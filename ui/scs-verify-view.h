/* scs-verify-view.h: the result of checking a submission package (.scsp)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-verify.h"

G_BEGIN_DECLS

#define SCS_TYPE_VERIFY_VIEW (scs_verify_view_get_type ())
G_DECLARE_FINAL_TYPE (ScsVerifyView, scs_verify_view, SCS, VERIFY_VIEW, AdwWindow)

/* Starts checking @file on a worker thread; ::done is emitted when the
 * result is shown: the verdict (template child "status_page") and one row
 * per check ("list", failures first), or the reason a package was
 * refused. */
ScsVerifyView         *scs_verify_view_new        (GtkApplication *application,
                                                   GFile          *file);

G_END_DECLS
