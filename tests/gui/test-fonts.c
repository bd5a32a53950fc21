/* test-fonts.c: Japanese text renders without missing glyphs ("tofu")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every catalog text (categories, requirements, criteria, in Japanese and
 * English) and every Japanese translation in po/ja.po is laid out with the
 * Pango context of a real GtkLabel, i.e. the fonts the workbench uses, and
 * must have no unknown glyph. This fails when fonts-noto-cjk is missing or
 * when a text carries a character no installed font has.
 */
#include "config.h"

#include <adwaita.h>

#include "scs-catalog.h"
#include "scs-i18n.h"

static GtkWidget *label;

static int
unknown_glyphs (const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, text);

  return pango_layout_get_unknown_glyphs_count (layout);
}

static void
assert_renders (const char *where,
                const char *text)
{
  int unknown = unknown_glyphs (text);

  if (unknown != 0)
    g_test_message ("%s: %d missing glyph(s) in “%s”", where, unknown, text);
  g_assert_cmpint (unknown, ==, 0);
}

static void
test_detects_missing_glyphs (void)
{
  /* A private-use character no font has: proves the check can fail. */
  g_assert_cmpint (unknown_glyphs ("\xee\x80\x80"), >, 0);
}

static void
test_catalog (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_builtin ();
  const GPtrArray *requirements = scs_catalog_get_requirements (catalog);
  const GPtrArray *criteria = scs_catalog_get_criteria (catalog);
  guint n_texts = 0;

  for (guint i = 1; i <= scs_catalog_get_n_categories (catalog); i++)
    {
      const ScsCategory *category = scs_catalog_get_category (catalog, i);

      assert_renders ("category", category->title_ja);
      assert_renders ("category", category->title_en);
      n_texts += 2;
    }
  for (guint i = 0; i < requirements->len; i++)
    {
      const ScsRequirement *requirement = g_ptr_array_index (requirements, i);

      assert_renders (requirement->id, requirement->title_ja);
      assert_renders (requirement->id, requirement->title_en);
      n_texts += 2;
    }
  for (guint i = 0; i < criteria->len; i++)
    {
      const ScsCriterion *criterion = g_ptr_array_index (criteria, i);

      assert_renders (criterion->id, criterion->text_ja);
      assert_renders (criterion->id, criterion->text_en);
      n_texts += 2;
    }
  g_assert_cmpuint (n_texts, ==, 2 * (7 + 43 + 81));
}

/* The msgstr strings of po/ja.po, read with a small parser of the
 * "msgstr \"…\"" + continuation-line form msgmerge writes. */
static GPtrArray *
read_translations (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quote = NULL;

      if (g_str_has_prefix (line, "msgstr"))
        {
          if (current != NULL)
            g_ptr_array_add (strings, g_string_free (current, FALSE));
          current = g_string_new (NULL);
          quote = strchr (line, '"');
        }
      else if (current != NULL && line[0] == '"')
        quote = line;
      else if (current != NULL)
        {
          g_ptr_array_add (strings, g_string_free (current, FALSE));
          current = NULL;
        }

      if (quote != NULL && current != NULL)
        {
          g_autofree char *body = g_strndup (quote + 1, strlen (quote) - 2);
          g_autofree char *text = g_strcompress (body);

          g_string_append (current, text);
        }
    }
  if (current != NULL)
    g_ptr_array_add (strings, g_string_free (current, FALSE));
  return strings;
}

static void
test_translations (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_DIR"), "po", "ja.po", NULL);
  g_autoptr(GPtrArray) strings = read_translations (path);
  guint n_japanese = 0;

  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);

      if (*text == '\0')
        continue;
      assert_renders ("po/ja.po", text);
      for (const char *p = text; *p; p = g_utf8_next_char (p))
        if (g_unichar_iswide (g_utf8_get_char (p)))
          {
            n_japanese++;
            break;
          }
    }
  /* The UI is Japanese first: most translations contain Japanese script. */
  g_assert_cmpuint (n_japanese, >, strings->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  scs_i18n_init ("ja");
  gtk_init ();
  adw_init ();
  label = g_object_ref_sink (gtk_label_new (NULL));

  g_test_add_func ("/scs/fonts/detects-missing-glyphs", test_detects_missing_glyphs);
  g_test_add_func ("/scs/fonts/catalog", test_catalog);
  g_test_add_func ("/scs/fonts/translations", test_translations);

  return g_test_run ();
}
