/* fuzz-replay.c: runs a fuzz target's corpus and crash reproducers as a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one fuzz-*.c target but without libFuzzer, so it builds with
 * gcc in the normal suite. Each argument is a directory (or a file); every
 * regular file under it is fed to LLVMFuzzerTestOneInput() once, in sorted
 * order, as one GLib test case per directory. A reproducer that crashes,
 * trips an assertion or a GLib critical fails the case and names the file
 * (the name is printed before each input, so a crash's last line says
 * which). A directory that does not exist counts as empty: a target without
 * a reproducer yet simply has no crashes/ folder.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] == '.' || g_str_equal (name, "README"))
        continue;
      collect (child, files);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  collect (path, files);
  g_ptr_array_sort (files, compare_paths);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;

      g_test_message ("input %s", file);
      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
    }
  g_test_message ("%u inputs replayed from %s", files->len, path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *parent = g_path_get_dirname (argv[i]);
      g_autofree char *kind = g_path_get_basename (parent);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/replay/%s/%s", base, kind);

      g_test_add_data_func (test_path, argv[i], replay);
    }

  return g_test_run ();
}
