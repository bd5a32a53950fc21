/* test-file.c: partial files, private folders, moving a file into place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "scs-file.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("scs-test-file-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The id of a process that is gone: a child, reaped. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();
  int status;

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

/* Partial files are recognised by name; those of dead processes go. */
static void
test_partials (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *final = g_build_filename (f->dir, "out.scsp", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *live = NULL;
  g_autofree char *other = g_build_filename (f->dir, ".out.scsp.abcdef", NULL);
  GStatBuf st;
  int fd;

  dead = g_strdup_printf ("%s/.out.scsp.scs-partial-%d-Ab12Cd", f->dir, (int) dead_pid ());
  live = g_strdup_printf ("%s/.out.scsp.scs-partial-%d-Ab12Cd", f->dir, (int) getppid ());
  write_file (dead, "half");
  write_file (live, "half");
  write_file (other, "not ours");

  g_assert_true (scs_file_is_partial_name (".out.scsp.scs-partial-12-Ab12Cd"));
  g_assert_false (scs_file_is_partial_name ("out.scsp"));
  g_assert_false (scs_file_is_partial_name (".out.scsp.scs-partial-0-Ab12Cd"));
  g_assert_false (scs_file_is_partial_name (".out.scsp.scs-partial-12-Ab12C"));
  g_assert_false (scs_file_is_partial_name ("out.scsp.scs-partial-12-Ab12Cd"));
  g_assert_false (scs_file_is_partial_name (".out.scsp.scs-partial-99999999999-Ab12Cd"));

  fd = scs_file_create_partial (final, &tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fstat (fd, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  close (fd);
  g_assert_true (scs_file_is_partial_name (strrchr (tmp, '/') + 1));
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  /* Our own is in use. */
  g_assert_cmpuint (scs_file_remove_stale_partials (f->dir), ==, 0);
  g_assert_true (g_file_test (tmp, G_FILE_TEST_EXISTS));
}

/* A dead process's partial that is a link is not followed nor removed. */
static void
test_partial_link (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "target", NULL);
  g_autofree char *link = NULL;

  link = g_strdup_printf ("%s/.x.scs-partial-%d-Ab12Cd", f->dir, (int) dead_pid ());
  write_file (target, "keep");
  g_assert_cmpint (symlink (target, link), ==, 0);

  g_assert_cmpuint (scs_file_remove_stale_partials (f->dir), ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* Moving into place never replaces what is there. */
static void
test_rename_no_replace (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = g_build_filename (f->dir, "from", NULL);
  g_autofree char *to = g_build_filename (f->dir, "to", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such", NULL);

  write_file (from, "new");
  write_file (to, "old");
  g_assert_false (scs_file_rename_no_replace (from, to, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "to"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (to, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_true (g_file_test (from, G_FILE_TEST_EXISTS));

  g_unlink (to);
  g_assert_true (scs_file_rename_no_replace (from, to, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (from, G_FILE_TEST_EXISTS));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (to, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  /* A source that is not there: an error, not EXISTS. */
  g_unlink (to);
  g_assert_false (scs_file_rename_no_replace (missing, to, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
}

/* The private folder for evidence copies: 0700, and a dead process's goes. */
static void
test_private_dir (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *root = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *stale_file = NULL;
  GStatBuf st;

  /* Not the user's real runtime folder. */
  g_setenv ("XDG_RUNTIME_DIR", f->dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", f->dir, TRUE);
  g_assert_nonnull (strstr (g_get_user_runtime_dir (), "scs-test-file-"));

  dir = scs_file_private_dir ("evidence", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  root = g_path_get_dirname (dir);
  stale = g_strdup_printf ("%s/evidence-%d", root, (int) dead_pid ());
  g_assert_cmpint (g_mkdir (stale, 0700), ==, 0);
  stale_file = g_build_filename (stale, "secret.pdf", NULL);
  write_file (stale_file, "confidential");

  g_free (scs_file_private_dir ("evidence", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  scs_file_remove_private_dir ("evidence");
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scs/file/partials", test_partials);
  ADD ("/scs/file/partial-link", test_partial_link);
  ADD ("/scs/file/rename-no-replace", test_rename_no_replace);
  ADD ("/scs/file/private-dir", test_private_dir);
#undef ADD

  return g_test_run ();
}
