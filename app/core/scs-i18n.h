/* scs-i18n.h: gettext set-up and the language of catalog text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Sets up gettext. @language is "ja", "en" or NULL/"" for the system
 * language; a C/POSIX system locale falls back to Japanese, the product's
 * first language. Call before any other scs_ function. */
void     scs_i18n_init         (const char *language);
gboolean scs_i18n_is_japanese  (void);
/* For a rendering in another language (a report, a policy): switches the
 * process language to @language ("ja" or "en"; NULL keeps it) with
 * scs_i18n_init () and returns whether it was Japanese, for
 * scs_i18n_restore (). Messages made meanwhile are in @language: switch
 * around the rendering only. */
gboolean scs_i18n_switch       (const char *language);
void     scs_i18n_restore      (gboolean    was_japanese);
const char *scs_i18n_pick      (const char *ja,
                                const char *en);

G_END_DECLS
