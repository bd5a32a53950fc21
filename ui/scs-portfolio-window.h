/* scs-portfolio-window.h: the vendor's list of client workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-portfolio.h"
#include "scs-portfolio-stats.h"

G_BEGIN_DECLS

#define SCS_TYPE_PORTFOLIO_WINDOW (scs_portfolio_window_get_type ())
G_DECLARE_FINAL_TYPE (ScsPortfolioWindow, scs_portfolio_window, SCS, PORTFOLIO_WINDOW, AdwWindow)

/* The positions of the filter drop-down (template child "filter_dropdown"). */
typedef enum
{
  SCS_PORTFOLIO_FILTER_ALL,
  SCS_PORTFOLIO_FILTER_OPEN_GAPS,
  SCS_PORTFOLIO_FILTER_EXPIRING,   /* expiring soon or expired */
  SCS_PORTFOLIO_FILTER_NEEDS_CHECK,
  SCS_PORTFOLIO_FILTER_UNREADABLE,
  SCS_PORTFOLIO_FILTER_NOT_SUBMITTED, /* no final package exported this cycle */
} ScsPortfolioFilter;

/* Actions: portfolio.open-folder, portfolio.add-files, portfolio.reload (the
 * folder again, in a worker thread: the window stays responsive),
 * portfolio.open-client (s: path; opens it in the checklist),
 * portfolio.bulk (s: diagnose, renew, reconfirm: on the selected rows in a
 * worker thread, after asking for the folder or a confirmation; then a
 * dialog says what was done and what failed and why). */
ScsPortfolioWindow *scs_portfolio_window_new        (GtkApplication     *application);
gboolean            scs_portfolio_window_load_folder (ScsPortfolioWindow *self,
                                                      const char         *dir,
                                                      GError            **error);
G_END_DECLS
