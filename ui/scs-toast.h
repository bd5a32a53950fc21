/* scs-toast.h: a toast that shows its text as written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* libadwaita 1.2 reads a toast's title as Pango markup: a message with "&"
 * or "<" in it (a file name, a company name, an error from elsewhere)
 * would show as nothing. Every toast is made here, escaped. */
static inline AdwToast *
scs_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

G_END_DECLS
