/* test-startup.c: what main() does before GTK starts (ui/scs-startup.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs without starting GTK, so that nothing else has loaded the GL driver
 * or started fontconfig: the preload loads the driver through EGL and
 * keeps it loaded, and GTK then uses the same objects; fontconfig takes
 * its language from what was set.
 * Poppler is not in the process until the first PDF is previewed, nor
 * libsoup until the first time stamp is requested, nor libxlsxwriter until
 * the first workbook is written, and then each is the library of the
 * header the build compiled against. The program exports
 * none of its own functions to the libraries it loads.
 */

#include "config.h"

#define _GNU_SOURCE 1
#include <dlfcn.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <gtk/gtk.h>
#include <link.h>
#include <libsoup/soup.h>
#include <poppler-features.h>
#include <xlsxwriter.h>

#include "scs-cms.h"
#include "scs-pdf-preview.h"
#include "scs-xlsx-writer.h"
#include "scs-startup.h"
#include "scs-ui-resources.h"

/* First of all: fontconfig reads its default languages once. */
static void
test_type_language (void)
{
  FcStrSet *langs;

  g_unsetenv ("FC_LANG");
  /* An English UI: nothing set */
  g_assert_false (scs_startup_set_type_language (FALSE));
  g_assert_null (g_getenv ("FC_LANG"));

  /* A Japanese one: Japanese first for fontconfig */
  g_assert_true (scs_startup_set_type_language (TRUE));
  g_assert_cmpstr (g_getenv ("FC_LANG"), ==, "ja");
  langs = FcGetDefaultLangs ();
  g_assert_true (FcStrSetMember (langs, (const FcChar8 *) "ja"));
  FcStrSetDestroy (langs);

  /* Released once read; a second release is harmless */
  scs_startup_release_type_language ();
  g_assert_null (g_getenv ("FC_LANG"));
  scs_startup_release_type_language ();

  /* The user's own setting is theirs */
  g_setenv ("FC_LANG", "en", TRUE);
  g_assert_false (scs_startup_set_type_language (TRUE));
  scs_startup_release_type_language ();
  g_assert_cmpstr (g_getenv ("FC_LANG"), ==, "en");
  g_unsetenv ("FC_LANG");
}

static void
test_gl_preload_wanted (void)
{
  char *plain[] = { "scs-workbench", "company.scsw", NULL };
  char *help[] = { "scs-workbench", "--help", NULL };
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *wayland = g_strdup (g_getenv ("WAYLAND_DISPLAY"));

  g_setenv ("DISPLAY", ":99", TRUE);
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("GSK_RENDERER");
  g_assert_true (scs_startup_gl_preload_wanted (2, plain));
  g_assert_true (scs_startup_gl_preload_wanted (1, plain));
  g_assert_false (scs_startup_gl_preload_wanted (2, help));

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_assert_false (scs_startup_gl_preload_wanted (2, plain));
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_true (scs_startup_gl_preload_wanted (2, plain));

  g_unsetenv ("DISPLAY");
  g_assert_false (scs_startup_gl_preload_wanted (2, plain));
  g_setenv ("WAYLAND_DISPLAY", "wayland-0", TRUE);
  g_assert_true (scs_startup_gl_preload_wanted (2, plain));

  /* The display the suite runs on, for the next test */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  if (wayland != NULL)
    g_setenv ("WAYLAND_DISPLAY", wayland, TRUE);
  else
    g_unsetenv ("WAYLAND_DISPLAY");
}

typedef struct
{
  const char *base;  /* a file name */
  guint       n;     /* objects loaded under it */
} Count;

static int
count_objects (struct dl_phdr_info *info,
               size_t               size,
               void                *data)
{
  Count *count = data;
  g_autofree char *base = info->dlpi_name != NULL ? g_path_get_basename (info->dlpi_name) : NULL;

  if (base != NULL && g_str_equal (base, count->base))
    count->n++;
  return 0;
}

/* Bringing up EGL on the thread loads the driver and keeps it loaded after
 * its display is gone; GTK then finds it loaded and does not load a second
 * copy. */
static void
test_gl_preload_run (void)
{
  g_autoptr(GPtrArray) kept = scs_startup_gl_preload_run ();

  if (kept->len == 0)
    {
      g_test_skip ("no surfaceless EGL platform to bring up: nothing to preload");
      return;
    }
  /* Loaded, and staying loaded after the display was terminated */
  for (guint i = 0; i < kept->len; i++)
    {
      const char *path = g_ptr_array_index (kept, i);

      g_assert_true (g_path_is_absolute (path));
      g_assert_nonnull (dlopen (path, RTLD_LAZY | RTLD_NOLOAD));
    }

  /* GTK, starting now, loads its GL driver: the same objects, not second
   * copies (their paths may differ: /lib vs /usr/lib, another hard link). */
  g_unsetenv ("GSK_RENDERER");
  if (!gtk_init_check ())
    {
      g_test_skip ("no display to start GTK on");
      return;
    }
  gtk_widget_realize (gtk_window_new ());
  for (guint i = 0; i < kept->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (kept, i));
      Count count = { base, 0 };

      dl_iterate_phdr (count_objects, &count);
      g_assert_cmpuint (count.n, ==, 1);
    }
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Poppler is opened by the soname the build found (ui/meson.build), when
 * the first PDF is previewed: not before, and then the very library whose
 * header the build used. In a process of its own, where nothing else has
 * previewed a PDF. */
static void
test_poppler_lazy (void)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header_version = g_strdup_printf ("%d.%d.%d", POPPLER_MAJOR_VERSION,
                                                     POPPLER_MINOR_VERSION, POPPLER_MICRO_VERSION);
  const char *(*get_version) (void) = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  ScsPdfPreview *preview;
  void *handle;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_null (dlopen (POPPLER_GLIB_SONAME, RTLD_LAZY | RTLD_NOLOAD));
  if (!gtk_init_check ())
    {
      g_test_skip ("no display to start GTK on");
      return;
    }
  adw_init ();
  g_assert_nonnull (scs_ui_get_resource ());  /* registers the templates */
  g_assert_null (dlopen (POPPLER_GLIB_SONAME, RTLD_LAZY | RTLD_NOLOAD));

  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, 200, 100);
  cr = cairo_create (surface);
  cairo_show_page (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));

  preview = scs_pdf_preview_new (bytes, "two pages.pdf", &error);
  g_assert_no_error (error);
  {
    g_autofree char *first = g_strdup_printf (_("Page %d of %d"), 1, 2);

    GObject *title = gtk_widget_get_template_child (GTK_WIDGET (preview), SCS_TYPE_PDF_PREVIEW, "window_title");

    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, first);
  }

  handle = dlopen (POPPLER_GLIB_SONAME, RTLD_LAZY | RTLD_NOLOAD);
  g_assert_nonnull (handle);
  get_version = (const char *(*) (void)) dlsym (handle, "poppler_get_version");
  g_assert_nonnull (get_version);
  g_assert_cmpstr (get_version (), ==, header_version);
  dlclose (handle);
  gtk_window_destroy (GTK_WINDOW (preview));
}

/* Linked as scs-workbench is (ui/meson.build: GModule without
 * --export-dynamic): the dynamic linker finds none of the program's own
 * functions, so it need not look at them for every symbol of every
 * library it loads. */
static void
test_no_exported_symbols (void)
{
  g_assert_nonnull ((void *) scs_pdf_preview_new);
  g_assert_null (dlsym (RTLD_DEFAULT, "scs_pdf_preview_new"));
  g_assert_null (dlsym (RTLD_DEFAULT, "scs_cms_add_timestamp"));
  g_assert_null (dlsym (RTLD_DEFAULT, "scs_xlsx_write_table"));
  g_assert_null (dlsym (RTLD_DEFAULT, "scs_startup_gl_preload_run"));
}

/* A CMS signature made by openssl, in @dir. */
static GBytes *
make_signature (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "signature.der", NULL);
  const char *argv[] = { "sh", "-ec",
    "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem "
    "  -subj '/CN=SCS Test' -days 2 -out cert.pem 2>/dev/null; "
    "printf 'signed' > data; "
    "openssl cms -sign -binary -in data -signer cert.pem -inkey key.pem -outform DER -out signature.der",
    NULL };
  char *contents = NULL;
  gsize length = 0;
  int status = 0;

  if (!g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error))
    g_error ("openssl: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  return g_bytes_new_take (contents, length);
}

/* libsoup is opened by the soname the build found (app/core/meson.build)
 * when the first time stamp is requested: not before, and then the very
 * library whose header the build used, doing the request. In a process of
 * its own, where nothing else has requested one. */
static void
test_soup_lazy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) stamped = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected = NULL;
  guint (*get_major_version) (void) = NULL;
  guint port;
  void *handle;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_null (dlopen (SOUP_SONAME, RTLD_LAZY | RTLD_NOLOAD));

  dir = g_dir_make_tmp ("scs-test-soup-XXXXXX", &error);
  g_assert_no_error (error);
  signature = make_signature (dir);
  g_assert_null (dlopen (SOUP_SONAME, RTLD_LAZY | RTLD_NOLOAD));

  /* A port of this machine nobody listens on: the connection is refused. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/tsa", port);

  stamped = scs_cms_add_timestamp (signature, url, NULL, &error);
  g_assert_null (stamped);
  /* libsoup was there and tried: "Cannot reach …: <libsoup's reason>" */
  g_assert_error (error, SCS_CMS_ERROR, SCS_CMS_ERROR_TSA);
  expected = g_strdup_printf (_("Cannot reach the time-stamp authority ‘%s’: %s"), url, "");
  g_assert_true (g_str_has_prefix (error->message, expected));

  handle = dlopen (SOUP_SONAME, RTLD_LAZY | RTLD_NOLOAD);
  g_assert_nonnull (handle);
  get_major_version = (guint (*) (void)) dlsym (handle, "soup_get_major_version");
  g_assert_nonnull (get_major_version);
  g_assert_cmpuint (get_major_version (), ==, SOUP_MAJOR_VERSION);
  dlclose (handle);

  {
    const char *names[] = { "cert.pem", "key.pem", "data", "signature.der" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

/* libxlsxwriter is opened by the soname the build found
 * (app/core/meson.build) when the first workbook is written: not before,
 * and then the very library whose header the build used, writing it. */
static void
test_xlsxwriter_lazy (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) book = NULL;
  const char *header[] = { "ID", "Due" };
  const char *row[] = { "1-1", "2027-03-31" };
  const double widths[] = { 10, 12 };
  const gboolean wrap[] = { FALSE, FALSE };
  const char *(*get_version) (void) = NULL;
  const char *data;
  void *handle;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_null (dlopen (XLSXWRITER_SONAME, RTLD_LAZY | RTLD_NOLOAD));
  g_ptr_array_add (rows, header);
  g_ptr_array_add (rows, row);
  book = scs_xlsx_write_table ("Plan", rows, 2, widths, wrap, 1, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (book, NULL);
  g_assert_cmpuint (g_bytes_get_size (book), >, 4);
  g_assert_true (memcmp (data, "PK\x03\x04", 4) == 0);

  handle = dlopen (XLSXWRITER_SONAME, RTLD_LAZY | RTLD_NOLOAD);
  g_assert_nonnull (handle);
  get_version = (const char *(*) (void)) dlsym (handle, "lxw_version");
  g_assert_nonnull (get_version);
  g_assert_cmpstr (get_version (), ==, LXW_VERSION);
  dlclose (handle);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scs/startup/type-language", test_type_language);
  g_test_add_func ("/scs/startup/gl-preload-wanted", test_gl_preload_wanted);
  g_test_add_func ("/scs/startup/gl-preload-run", test_gl_preload_run);
  g_test_add_func ("/scs/startup/poppler-lazy", test_poppler_lazy);
  g_test_add_func ("/scs/startup/soup-lazy", test_soup_lazy);
  g_test_add_func ("/scs/startup/xlsxwriter-lazy", test_xlsxwriter_lazy);
  g_test_add_func ("/scs/startup/no-exported-symbols", test_no_exported_symbols);

  return g_test_run ();
}
