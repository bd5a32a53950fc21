/* scs-file.c: recognisable partial files, private folders, safe moves
 *
 * A file being written is created under a partial name next to its final
 * place (".NAME.scs-partial-PID-XXXXXX"), so the next run recognises and
 * removes what a killed one left behind; it is then moved into place with
 * scs_file_rename_no_replace() or rename(), and the folder is synced so
 * the move survives a power cut. Nothing here knows the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-file.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#define PARTIAL_TAG ".scs-partial-"

/* The message is the system's, in the user's language; callers name the
 * file in their own message around it. */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Partial files                                                             */

/* The process id in a partial file's name, 0 when it is not one. */
static pid_t
partial_pid (const char *basename)
{
  const char *tag;
  const char *p;
  guint64 pid = 0;

  if (basename[0] != '.')
    return 0;
  tag = g_strrstr (basename, PARTIAL_TAG);
  if (tag == NULL)
    return 0;

  p = tag + strlen (PARTIAL_TAG);
  if (!g_ascii_isdigit (*p))
    return 0;
  for (; g_ascii_isdigit (*p) && pid < G_MAXINT; p++)
    pid = pid * 10 + (*p - '0');
  if (*p != '-' || strlen (p + 1) != 6 || pid == 0 || pid >= G_MAXINT)
    return 0;

  return (pid_t) pid;
}

gboolean
scs_file_is_partial_name (const char *basename)
{
  g_return_val_if_fail (basename != NULL, FALSE);

  return partial_pid (basename) != 0;
}

static gboolean
process_is_gone (pid_t pid)
{
  return pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH;
}

guint
scs_file_remove_stale_partials (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      pid_t pid = partial_pid (name);
      GStatBuf st;

      if (pid == 0 || !process_is_gone (pid))
        continue;

      path = g_build_filename (dir, name, NULL);
      /* Only plain files this user owns: never follow a link. */
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          g_unlink (path) == 0)
        removed++;
    }

  return removed;
}

int
scs_file_create_partial (const char  *final_path,
                       char       **tmp_path,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (final_path != NULL, -1);
  g_return_val_if_fail (tmp_path != NULL, -1);

  dir = g_path_get_dirname (final_path);
  base = g_path_get_basename (final_path);
  scs_file_remove_stale_partials (dir);

  tmp = g_strdup_printf ("%s%c.%s" PARTIAL_TAG "%d-XXXXXX", dir, G_DIR_SEPARATOR, base,
                         (int) getpid ());
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return -1;
    }

  *tmp_path = g_steal_pointer (&tmp);
  return fd;
}

/* ------------------------------------------------------------------------ */
/* Private folders                                                           */

static gboolean
ensure_private (const char  *path,
                GError     **error)
{
  GStatBuf st;

  if (g_mkdir (path, 0700) != 0 && errno != EEXIST)
    return set_errno_error (error, errno);

  /* Never a folder someone else made for us, nor a link to one. */
  if (g_lstat (path, &st) != 0)
    return set_errno_error (error, errno);
  if (!S_ISDIR (st.st_mode) || st.st_uid != getuid ())
    return set_errno_error (error, EPERM);
  if ((st.st_mode & 0777) != 0700 && g_chmod (path, 0700) != 0)
    return set_errno_error (error, errno);

  return TRUE;
}

/* Removes @path and what it holds, never following links. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The folder "scs-workbench" under the user's runtime folder (or cache
 * folder), mode 0700, made when missing. */
static char *
private_root (GError **error)
{
  g_autofree char *root = NULL;
  const char *base = g_get_user_runtime_dir ();

  if (base == NULL || g_access (base, W_OK) != 0)
    base = g_get_user_cache_dir ();
  if (g_mkdir_with_parents (base, 0700) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  root = g_build_filename (base, "scs-workbench", NULL);
  if (!ensure_private (root, error))
    return NULL;

  return g_steal_pointer (&root);
}

/**
 * scs_file_clean_private_dirs:
 * @what: a short name: "evidence"
 *
 * Removes the private folders (scs_file_private_dir()) of processes that are
 * gone, so copies left by a crash do not outlive the next start.
 */
void
scs_file_clean_private_dirs (const char *what)
{
  g_autofree char *root = private_root (NULL);
  g_autofree char *prefix = g_strconcat (what, "-", NULL);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (root == NULL)
    return;

  handle = g_dir_open (root, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      guint64 pid;
      char *end = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid = g_ascii_strtoull (name + strlen (prefix), &end, 10);
      if (end != NULL && *end == '\0' && pid > 0 && pid < G_MAXINT && process_is_gone ((pid_t) pid))
        {
          g_autofree char *stale = g_build_filename (root, name, NULL);

          remove_tree (stale);
        }
    }
}

/**
 * scs_file_private_dir:
 * @what: a short name: "evidence"
 *
 * This process's folder "scs-workbench/WHAT-PID" under the user's runtime
 * folder (or cache folder), mode 0700, made when missing, after removing
 * those of processes that are gone.
 *
 * Returns: (transfer full): its path, or %NULL with @error set.
 */
char *
scs_file_private_dir (const char  *what,
                    GError     **error)
{
  g_autofree char *root = NULL;
  g_autofree char *mine = NULL;

  g_return_val_if_fail (what != NULL, NULL);

  root = private_root (error);
  if (root == NULL)
    return NULL;
  scs_file_clean_private_dirs (what);

  mine = g_strdup_printf ("%s%c%s-%d", root, G_DIR_SEPARATOR, what, (int) getpid ());
  if (!ensure_private (mine, error))
    return NULL;

  return g_steal_pointer (&mine);
}

/* Removes this process's private folder @what and what it holds. */
void
scs_file_remove_private_dir (const char *what)
{
  g_autofree char *root = private_root (NULL);
  g_autofree char *mine = NULL;

  if (root == NULL)
    return;
  mine = g_strdup_printf ("%s%c%s-%d", root, G_DIR_SEPARATOR, what, (int) getpid ());
  remove_tree (mine);
}

/* ------------------------------------------------------------------------ */
/* Moving into place                                                         */

void
scs_file_sync_directory (const char *dir)
{
  int fd;

  g_return_if_fail (dir != NULL);

  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
sync_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  scs_file_sync_directory (dir);
}

/**
 * scs_file_rename_no_replace:
 *
 * Moves @from to @to unless @to exists, atomically where the file system
 * has hard links, and syncs the folder.
 *
 * Returns: %FALSE with %G_IO_ERROR_EXISTS when @to exists, another
 * %G_IO_ERROR otherwise; the messages name @to.
 */
gboolean
scs_file_rename_no_replace (const char  *from,
                            const char  *to,
                            GError     **error)
{
  g_autofree char *display = NULL;
  int saved_errno;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  display = g_filename_display_name (to);
  if (link (from, to) == 0)
    {
      g_unlink (from);
      sync_parent (to);
      return TRUE;
    }

  saved_errno = errno;
  if (saved_errno == EEXIST)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("‘%s’ already exists; choose another name"), display);
      return FALSE;
    }

  /* No hard links here (FAT, some network file systems): check, then
   * rename, accepting the small race. */
  if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == ENOSYS ||
      saved_errno == EMLINK || saved_errno == EOPNOTSUPP)
    {
      if (g_file_test (to, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("‘%s’ already exists; choose another name"), display);
          return FALSE;
        }

      if (g_rename (from, to) == 0)
        {
          sync_parent (to);
          return TRUE;
        }
      saved_errno = errno;
    }

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write ‘%s’: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/**
 * scs_file_set_contents:
 *
 * Replaces @path with @length bytes of @data, as g_file_set_contents ()
 * with %G_FILE_SET_CONTENTS_DURABLE does, but through a partial file
 * (mode @mode): a process killed while writing leaves a name the next
 * writer into the folder removes, never a stray "NAME.XXXXXX" kept forever.
 * A reader sees the old file or the new one.
 *
 * Returns: %FALSE with a %G_IO_ERROR (the system's message) on failure,
 * nothing left behind.
 */
gboolean
scs_file_set_contents (const char  *path,
                       const void  *data,
                       gsize        length,
                       int          mode,
                       GError     **error)
{
  g_autofree char *tmp = NULL;
  const char *p = data;
  gsize done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  fd = scs_file_create_partial (path, &tmp, error);
  if (fd < 0)
    return FALSE;
  if (fchmod (fd, mode) != 0)
    goto failed;
  while (done < length)
    {
      ssize_t n = write (fd, p + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto failed;
      done += (gsize) n;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto failed;
  sync_parent (path);
  return TRUE;

failed:
  {
    int saved_errno = errno != 0 ? errno : EIO;

    if (fd >= 0)
      close (fd);
    g_unlink (tmp);
    return set_errno_error (error, saved_errno);
  }
}
