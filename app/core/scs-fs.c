/* scs-fs.c: the file rule, recognisable temporary files, private folders
 *
 * Linux (POSIX) record locks belong to the process and the file, not to the
 * descriptor: closing any descriptor of the file drops all of them. SQLite
 * keeps its own descriptors open for that reason, but a header read with a
 * plain open()/close() while a connection exists silently removes SQLite's
 * locks, and the next process to close the file believes it is the last
 * user and deletes the -wal and -shm files under the connection's feet.
 * Every connection to a workspace file is therefore registered here, keyed
 * by device and inode, and the raw header read is only done while none is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-fs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define PARTIAL_TAG ".scs-partial-"

struct _ScsFsHold
{
  dev_t dev;
  ino_t ino;
};

G_LOCK_DEFINE_STATIC (holds);
static GHashTable *holds; /* ScsFsHold* (key, owned) → GUINT_TO_POINTER (count) */

static guint
hold_hash (gconstpointer key)
{
  const ScsFsHold *hold = key;

  return (guint) hold->ino ^ ((guint) hold->dev << 7);
}

static gboolean
hold_equal (gconstpointer a,
            gconstpointer b)
{
  const ScsFsHold *x = a;
  const ScsFsHold *y = b;

  return x->dev == y->dev && x->ino == y->ino;
}

/* The message is the system's, in the user's language; callers name the
 * file in their own message around it. */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Reads the start of @path, which is the file @st describes, with a
 * descriptor that cannot block (a FIFO put in its place after the stat). */
static gboolean
read_start (const char     *path,
            const GStatBuf *st,
            guint8         *header,
            gsize           header_size,
            gsize          *n_read,
            GError        **error)
{
  GStatBuf fst;
  int fd;

  *n_read = 0;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  if (fstat (fd, &fst) != 0 || !S_ISREG (fst.st_mode) ||
      fst.st_dev != st->st_dev || fst.st_ino != st->st_ino)
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           g_strerror (EINVAL));
      return FALSE;
    }

  while (*n_read < header_size)
    {
      ssize_t n = read (fd, header + *n_read, header_size - *n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return set_errno_error (error, saved_errno, path);
        }
      if (n == 0)
        break;
      *n_read += n;
    }
  close (fd);

  return TRUE;
}

/**
 * scs_fs_hold:
 *
 * Returns: (transfer full) (nullable): the hold, to release with
 * scs_fs_release() after the connection is closed.
 */
ScsFsHold *
scs_fs_hold (const char  *path,
             guint8      *header,
             gsize        header_size,
             gsize       *n_read,
             gboolean    *header_read,
             GError     **error)
{
  ScsFsHold key;
  ScsFsHold *hold;
  GStatBuf st;
  guint count;

  g_return_val_if_fail (path != NULL, NULL);

  if (header_read != NULL)
    *header_read = FALSE;
  if (n_read != NULL)
    *n_read = 0;

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, g_strerror (EINVAL));
      return NULL;
    }

  key.dev = st.st_dev;
  key.ino = st.st_ino;

  G_LOCK (holds);
  if (holds == NULL)
    holds = g_hash_table_new_full (hold_hash, hold_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (holds, &key));

  /* Under the lock: no other thread can open a connection to the file
   * while this descriptor exists. */
  if (count == 0 && header != NULL)
    {
      gsize got = 0;

      if (!read_start (path, &st, header, header_size, &got, error))
        {
          G_UNLOCK (holds);
          return NULL;
        }
      if (n_read != NULL)
        *n_read = got;
      if (header_read != NULL)
        *header_read = TRUE;
    }

  hold = g_memdup2 (&key, sizeof key);
  g_hash_table_replace (holds, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (count + 1));
  G_UNLOCK (holds);

  return hold;
}

void
scs_fs_release (ScsFsHold *hold)
{
  guint count;

  if (hold == NULL)
    return;

  G_LOCK (holds);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (holds, hold));
  g_assert (count > 0);
  if (count == 1)
    g_hash_table_remove (holds, hold);
  else
    g_hash_table_replace (holds, g_memdup2 (hold, sizeof *hold), GUINT_TO_POINTER (count - 1));
  G_UNLOCK (holds);

  g_free (hold);
}

guint
scs_fs_count_holds (const char *path)
{
  ScsFsHold key;
  GStatBuf st;
  guint count = 0;

  if (g_stat (path, &st) != 0)
    return 0;
  key.dev = st.st_dev;
  key.ino = st.st_ino;

  G_LOCK (holds);
  if (holds != NULL)
    count = GPOINTER_TO_UINT (g_hash_table_lookup (holds, &key));
  G_UNLOCK (holds);

  return count;
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
scs_fs_is_partial_name (const char *basename)
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
scs_fs_remove_stale_partials (const char *dir)
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
scs_fs_create_partial (const char  *final_path,
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
  scs_fs_remove_stale_partials (dir);

  tmp = g_strdup_printf ("%s%c.%s" PARTIAL_TAG "%d-XXXXXX", dir, G_DIR_SEPARATOR, base,
                         (int) getpid ());
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, dir);
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
    return set_errno_error (error, errno, path);

  /* Never a folder someone else made for us, nor a link to one. */
  if (g_lstat (path, &st) != 0)
    return set_errno_error (error, errno, path);
  if (!S_ISDIR (st.st_mode) || st.st_uid != getuid ())
    return set_errno_error (error, EPERM, path);
  if ((st.st_mode & 0777) != 0700 && g_chmod (path, 0700) != 0)
    return set_errno_error (error, errno, path);

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
      set_errno_error (error, errno, base);
      return NULL;
    }

  root = g_build_filename (base, "scs-workbench", NULL);
  if (!ensure_private (root, error))
    return NULL;

  return g_steal_pointer (&root);
}

/**
 * scs_fs_clean_private_dirs:
 * @what: a short name: "evidence"
 *
 * Removes the private folders (scs_fs_private_dir()) of processes that are
 * gone, so copies left by a crash do not outlive the next start.
 */
void
scs_fs_clean_private_dirs (const char *what)
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
 * scs_fs_private_dir:
 * @what: a short name: "evidence"
 *
 * This process's folder "scs-workbench/WHAT-PID" under the user's runtime
 * folder (or cache folder), mode 0700, made when missing, after removing
 * those of processes that are gone.
 *
 * Returns: (transfer full): its path, or %NULL with @error set.
 */
char *
scs_fs_private_dir (const char  *what,
                    GError     **error)
{
  g_autofree char *root = NULL;
  g_autofree char *mine = NULL;

  g_return_val_if_fail (what != NULL, NULL);

  root = private_root (error);
  if (root == NULL)
    return NULL;
  scs_fs_clean_private_dirs (what);

  mine = g_strdup_printf ("%s%c%s-%d", root, G_DIR_SEPARATOR, what, (int) getpid ());
  if (!ensure_private (mine, error))
    return NULL;

  return g_steal_pointer (&mine);
}

/* Removes this process's private folder @what and what it holds. */
void
scs_fs_remove_private_dir (const char *what)
{
  g_autofree char *root = private_root (NULL);
  g_autofree char *mine = NULL;

  if (root == NULL)
    return;
  mine = g_strdup_printf ("%s%c%s-%d", root, G_DIR_SEPARATOR, what, (int) getpid ());
  remove_tree (mine);
}
