/* scs-trust-settings.c: the user's trusted CAs and time-stamp authority
 *
 * The trusted CA certificates are kept as PEM texts in the "trusted-cas"
 * key, one certificate per entry, so a moved or deleted file changes
 * nothing; the preferences list them (subject, expiry) and the review
 * page's banner, the sign dialog and the verify view check against them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scs-trust-settings.h"

#include <string.h>

ScsTrustAnchors *
scs_trust_settings_dup_anchors (GSettings *settings)
{
  g_autoptr(ScsTrustAnchors) anchors = scs_trust_anchors_new ();
  g_auto(GStrv) pems = g_settings_get_strv (settings, "trusted-cas");

  for (guint i = 0; pems[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (pems[i], strlen (pems[i]));

      scs_trust_anchors_add_data (anchors, bytes, "trusted-cas", NULL);
    }
  return g_steal_pointer (&anchors);
}

gboolean
scs_trust_settings_add_file (GSettings   *settings,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(ScsTrustAnchors) added = scs_trust_anchors_new ();
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pems = NULL;

  if (!scs_trust_anchors_add_file (added, path, error))
    return FALSE;
  old = g_settings_get_strv (settings, "trusted-cas");
  g_strv_builder_addv (builder, (const char **) old);
  for (guint i = 0; i < scs_trust_anchors_get_n_certificates (added); i++)
    {
      g_autofree char *pem = scs_trust_anchors_dup_pem (added, i);

      if (pem != NULL && !g_strv_contains ((const char * const *) old, pem))
        g_strv_builder_add (builder, pem);
    }
  pems = g_strv_builder_end (builder);
  return g_settings_set_strv (settings, "trusted-cas", (const char * const *) pems);
}

void
scs_trust_settings_remove (GSettings *settings,
                           guint      index)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "trusted-cas");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pems = NULL;

  for (guint i = 0; old[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (builder, old[i]);
  pems = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "trusted-cas", (const char * const *) pems);
}
