/* crash-shim.c: an LD_PRELOAD library that kills its process at the Nth
 * write to disk, for test-cli-crash
 *
 * A user's machine loses power, or the user kills scs-cli, at any point of a
 * write. This shim makes that point exact and repeatable: it counts the
 * calls that change a file — write, pwrite, writev, fsync, fdatasync,
 * ftruncate, rename, unlink — on regular files only (not the terminal or a
 * pipe), and raises SIGKILL just before the one numbered SCS_CRASH_AT, so
 * the calls before it have happened and that one never does. Without
 * SCS_CRASH_AT it only counts, and writes the number to SCS_CRASH_COUNT_FILE
 * at exit, so the test knows how many points there are to try.
 *
 * Test-only: never installed, never linked into the programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long crash_at = -1;
static long n_calls;
static int initialised;

static void
write_count (void)
{
  const char *path = getenv ("SCS_CRASH_COUNT_FILE");
  FILE *out;

  if (path == NULL || (out = fopen (path, "w")) == NULL)
    return;
  fprintf (out, "%ld\n", n_calls);
  fclose (out);
}

static void
init (void)
{
  const char *at;

  if (initialised)
    return;
  initialised = 1;
  at = getenv ("SCS_CRASH_AT");
  if (at != NULL && *at != '\0')
    crash_at = strtol (at, NULL, 10);
  else
    atexit (write_count);
}

/* Counts one call; kills the process before the one numbered SCS_CRASH_AT. */
static void
count (void)
{
  init ();
  n_calls++;
  if (n_calls == crash_at)
    raise (SIGKILL);
}

static int
is_file (int fd)
{
  struct stat st;

  return fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

static int
is_file_path (const char *path)
{
  struct stat st;

  return lstat (path, &st) == 0 && S_ISREG (st.st_mode);
}

#define NEXT(name) \
  static __typeof__ (name) *next; \
  if (next == NULL) \
    next = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

ssize_t
write (int fd, const void *buf, size_t n)
{
  NEXT (write);
  if (is_file (fd))
    count ();
  return next (fd, buf, n);
}

ssize_t
pwrite (int fd, const void *buf, size_t n, off_t offset)
{
  NEXT (pwrite);
  if (is_file (fd))
    count ();
  return next (fd, buf, n, offset);
}

ssize_t
pwrite64 (int fd, const void *buf, size_t n, off64_t offset)
{
  NEXT (pwrite64);
  if (is_file (fd))
    count ();
  return next (fd, buf, n, offset);
}

ssize_t
writev (int fd, const struct iovec *iov, int n)
{
  NEXT (writev);
  if (is_file (fd))
    count ();
  return next (fd, iov, n);
}

int
fsync (int fd)
{
  NEXT (fsync);
  count ();
  return next (fd);
}

int
fdatasync (int fd)
{
  NEXT (fdatasync);
  count ();
  return next (fd);
}

int
ftruncate (int fd, off_t length)
{
  NEXT (ftruncate);
  count ();
  return next (fd, length);
}

int
ftruncate64 (int fd, off64_t length)
{
  NEXT (ftruncate64);
  count ();
  return next (fd, length);
}

int
rename (const char *from, const char *to)
{
  NEXT (rename);
  count ();
  return next (from, to);
}

int
renameat (int from_dir, const char *from, int to_dir, const char *to)
{
  NEXT (renameat);
  count ();
  return next (from_dir, from, to_dir, to);
}

int
unlink (const char *path)
{
  NEXT (unlink);
  if (is_file_path (path))
    count ();
  return next (path);
}
