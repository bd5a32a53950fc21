/* scs-i18n.c: gettext set-up and the language of catalog text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Japanese is the product's first language, English is complete too. The UI
 * language comes from, in order: the caller (a preference), the SCS_LANGUAGE
 * environment variable (ja|en), the system. A system in the C/POSIX locale
 * with no LANGUAGE set (containers, CI, ssh sessions) gets Japanese. GNU
 * gettext ignores LANGUAGE while LC_MESSAGES is exactly "C", so a C locale is
 * swapped for C.UTF-8 (always present on Debian) before LANGUAGE is relied
 * on; that also lets Japanese text through the C library's conversions.
 * Catalog text exists in exactly two languages, so the decision "Japanese or
 * not" is taken once here and remembered: scs_i18n_pick() answers from it,
 * whether or not a .mo file was found.
 */

#include "config.h"

#include "scs-i18n.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

/* Until scs_i18n_init() runs, catalog text is Japanese, the first language. */
static gboolean japanese = TRUE;

static gboolean
is_c_locale (const char *name)
{
  if (name == NULL)
    return TRUE;

  return strcmp (name, "C") == 0 ||
         strcmp (name, "POSIX") == 0 ||
         g_str_has_prefix (name, "C.");
}

static gboolean
language_env_set (void)
{
  const char *value = g_getenv ("LANGUAGE");

  return value != NULL && *value != '\0';
}

/* The locale the environment configures for messages, as setlocale() reads
 * it: LC_ALL, else LC_MESSAGES, else LANG; %NULL when none is set. */
static const char *
configured_locale (void)
{
  static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && *value != '\0')
        return value;
    }

  return NULL;
}

/* "ja", "ja_JP.UTF-8", "ja@x" → "ja"; returns the bare language code. */
static char *
language_code (const char *name)
{
  return g_strndup (name, strcspn (name, "_.@"));
}

static const char *
normalize_request (const char *language,
                   const char *origin)
{
  g_autofree char *code = NULL;

  if (language == NULL || *language == '\0')
    return NULL;

  code = language_code (language);
  if (strcmp (code, "ja") == 0)
    return "ja";
  if (strcmp (code, "en") == 0)
    return "en";

  g_warning ("%s asks for the language ‘%s’; only ja and en are available, following the system language",
             origin, language);
  return NULL;
}

static gboolean
has_translation (const char *localedir,
                 const char *language)
{
  g_autofree char *path = g_build_filename (localedir, language, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Mirrors gettext's choice: the first language of LANGUAGE (then the locale)
 * that is Japanese, English, or has a catalog of ours. */
static gboolean
system_is_japanese (const char *localedir,
                    const char *messages_locale)
{
  const char *env = g_getenv ("LANGUAGE");
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  if (language_env_set ())
    {
      g_auto(GStrv) parts = g_strsplit (env, ":", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (candidates, g_strdup (parts[i]));
    }
  g_ptr_array_add (candidates, g_strdup (messages_locale != NULL ? messages_locale : "C"));

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *code = language_code (candidate);

      if (strcmp (code, "ja") == 0)
        return TRUE;
      if (strcmp (code, "en") == 0 || is_c_locale (candidate))
        return FALSE;
      if (has_translation (localedir, candidate) || has_translation (localedir, code))
        return FALSE;
    }

  return FALSE;
}

/* gettext would ignore LANGUAGE under "C"; C.UTF-8 behaves the same
 * otherwise, and lets UTF-8 through where LC_CTYPE was plain C too. */
static void
leave_c_locale (void)
{
  static const char *const utf8_c_names[] = { "C.UTF-8", "C.utf8" };
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *ctype = setlocale (LC_CTYPE, NULL);

  if (messages != NULL && strcmp (messages, "C") != 0 && strcmp (messages, "POSIX") != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (utf8_c_names); i++)
    {
      if (setlocale (LC_MESSAGES, utf8_c_names[i]) == NULL)
        continue;
      if (ctype == NULL || strcmp (ctype, "C") == 0 || strcmp (ctype, "POSIX") == 0)
        setlocale (LC_CTYPE, utf8_c_names[i]);
      return;
    }

  g_debug ("No C.UTF-8 locale: translations need a locale other than C");
}

/**
 * scs_i18n_init:
 * @language: (nullable): "ja", "en", or %NULL / "" for SCS_LANGUAGE or the system
 *
 * Sets the locale from the environment, chooses the UI language and binds
 * the gettext domain, to SCS_LOCALEDIR when that is set, else to the
 * installed locale directory, or to the build tree's po/ directory when
 * nothing is installed (running uninstalled).
 */
void
scs_i18n_init (const char *language)
{
  const char *requested;
  const char *localedir;
  const char *configured;

  setlocale (LC_ALL, "");

  localedir = g_getenv ("SCS_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    {
      g_autofree char *installed = g_build_filename (LOCALEDIR, "ja", "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);

      /* Run from the build tree without installing (the README's commands):
       * the translations meson built are there, not in LOCALEDIR yet. */
      localedir = g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR;
    }

  requested = normalize_request (language, "The caller");
  if (requested == NULL)
    requested = normalize_request (g_getenv ("SCS_LANGUAGE"), "SCS_LANGUAGE");

  /* The system language is what the environment asks for, even when that
   * locale is not installed and setlocale() fell back to C. */
  configured = configured_locale ();

  if (requested != NULL)
    {
      g_setenv ("LANGUAGE", requested, TRUE);
      japanese = strcmp (requested, "ja") == 0;
    }
  else if (!language_env_set () && is_c_locale (configured))
    japanese = TRUE;
  else
    japanese = system_is_japanese (localedir, configured);

  /* Say so to gettext too: the locale may be C (or a Japanese locale that
   * is not installed, which leaves C), where only LANGUAGE selects ja. */
  if (japanese && !language_env_set ())
    g_setenv ("LANGUAGE", "ja", TRUE);

  leave_c_locale ();

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* g_dgettext () decides once, at its first call, whether to translate at
   * all, and says no for good when that call finds our own text domain set,
   * no catalog for it (an English UI) and a locale such as C.UTF-8: a later
   * switch to Japanese (a declaration's report) would then stay English.
   * Make that first call here, before textdomain (), where it says yes. */
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  /* Also bumps gettext's catalog cache, which LANGUAGE alone does not. */
  textdomain (GETTEXT_PACKAGE);

  g_debug ("UI language: %s (LC_MESSAGES %s, LANGUAGE %s, locale dir %s)",
           japanese ? "Japanese" : "English", setlocale (LC_MESSAGES, NULL),
           g_getenv ("LANGUAGE"), localedir);
}

/**
 * scs_i18n_is_japanese:
 *
 * Returns: %TRUE when the UI language chosen by scs_i18n_init() is Japanese
 *   (also before it is called: Japanese is the first language)
 */
gboolean
scs_i18n_is_japanese (void)
{
  return japanese;
}

gboolean
scs_i18n_switch (const char *language)
{
  gboolean was_japanese = japanese;

  if (language != NULL && (strcmp (language, "ja") == 0) != japanese)
    scs_i18n_init (language);
  return was_japanese;
}

void
scs_i18n_restore (gboolean was_japanese)
{
  if (was_japanese != japanese)
    scs_i18n_init (was_japanese ? "ja" : "en");
}

/**
 * scs_i18n_pick:
 * @ja: (nullable): the Japanese text
 * @en: (nullable): the English text
 *
 * Returns: (nullable): the text in the UI language, or the other one when
 *   that is missing or empty
 */
const char *
scs_i18n_pick (const char *ja,
               const char *en)
{
  const char *first = japanese ? ja : en;
  const char *second = japanese ? en : ja;

  if (first != NULL && *first != '\0')
    return first;

  return second;
}
