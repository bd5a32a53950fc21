/* scs-fs.c: the file rule
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
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

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

gboolean
scs_fs_hold_is_file (const ScsFsHold *hold,
                     const char      *path)
{
  GStatBuf st;

  g_return_val_if_fail (hold != NULL && path != NULL, FALSE);

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
         st.st_dev == hold->dev && st.st_ino == hold->ino;
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
