/* scs-wizard.c: the ordering company's level wizard and its list of suppliers
 *
 * An ordering company decides which level to ask of each supplier with the
 * scheme's three questions (confidential information on the supplier's IT,
 * unacceptable delay if the supplier stops, access to internal systems):
 * ★4 if any answer is yes, otherwise ★3 and weigh the additional factors.
 * The decision is not about one organisation's self-assessment, so it does
 * not live in a .scsw workspace: the list of suppliers is a small per-user
 * file (GKeyFile, $XDG_DATA_HOME/scs-workbench/suppliers.ini by default, any
 * path with --file), human-readable and easy to back up or share, written
 * atomically (g_file_set_contents: temporary file, fsync, rename) so a
 * crash leaves the old or the new list, never half of one. The recommended
 * level is always recomputed from the answers, including on CSV import, so
 * the stored level and its reasoning cannot disagree with the answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-wizard.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-corporate-number.h"
#include "scs-csv.h"
#include "scs-renewal.h"

G_DEFINE_QUARK (scs-wizard-error-quark, scs_wizard_error)

#define MAX_SUPPLIERS 10000
#define MAX_TEXT 4096

ScsSupplier *
scs_supplier_new (void)
{
  ScsSupplier *s = g_new0 (ScsSupplier, 1);

  s->name = g_strdup ("");
  s->corporate_number = g_strdup ("");
  s->factors = g_strdup ("");
  s->reasoning = g_strdup ("");
  s->decided = g_strdup ("");
  s->recommended = 3;
  return s;
}

ScsSupplier *
scs_supplier_copy (const ScsSupplier *supplier)
{
  ScsSupplier *s = g_memdup2 (supplier, sizeof *supplier);

  s->name = g_strdup (supplier->name);
  s->corporate_number = g_strdup (supplier->corporate_number);
  s->factors = g_strdup (supplier->factors);
  s->reasoning = g_strdup (supplier->reasoning);
  s->decided = g_strdup (supplier->decided);
  return s;
}

void
scs_supplier_free (ScsSupplier *supplier)
{
  if (supplier == NULL)
    return;
  g_free (supplier->name);
  g_free (supplier->corporate_number);
  g_free (supplier->factors);
  g_free (supplier->reasoning);
  g_free (supplier->decided);
  g_free (supplier);
}

guint
scs_wizard_recommend (gboolean     confidential,
                      gboolean     delay,
                      gboolean     access,
                      const char  *factors,
                      char       **reasoning)
{
  g_autoptr(GString) why = g_string_new (NULL);
  guint level = (confidential || delay || access) ? 4 : 3;

  if (confidential)
    g_string_append_printf (why, "%s\n", _("(1) Yes: important confidential information of ours is handled "
                                           "on the supplier’s IT; a leak would cause loss of trust or "
                                           "damages claims."));
  else
    g_string_append_printf (why, "%s\n", _("(1) No: no important confidential information of ours is "
                                           "handled on the supplier’s IT."));
  if (delay)
    g_string_append_printf (why, "%s\n", _("(2) Yes: an interruption at the supplier would delay our "
                                           "business unacceptably."));
  else
    g_string_append_printf (why, "%s\n", _("(2) No: an interruption at the supplier would not delay our "
                                           "business unacceptably (others can substitute or we can "
                                           "stock up)."));
  if (access)
    g_string_append_printf (why, "%s\n", _("(3) Yes: the supplier’s environment can access our internal "
                                           "systems."));
  else
    g_string_append_printf (why, "%s\n", _("(3) No: the supplier’s environment cannot access our internal "
                                           "systems."));

  if (level == 4)
    g_string_append (why, _("At least one answer is yes: ask for ★4."));
  else
    g_string_append (why, _("All three answers are no: ask for ★3, then weigh the additional factors."));

  if (factors != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (factors));

      if (*trimmed != '\0')
        {
          g_string_append_c (why, '\n');
          g_string_append_printf (why, _("Additional factors considered: %s"), trimmed);
        }
    }

  if (reasoning != NULL)
    *reasoning = g_string_free (g_steal_pointer (&why), FALSE);
  return level;
}

void
scs_supplier_decide (ScsSupplier *supplier)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_free (supplier->reasoning);
  supplier->recommended = scs_wizard_recommend (supplier->confidential, supplier->delay, supplier->access,
                                                supplier->factors, &supplier->reasoning);
  if (supplier->decided == NULL || *supplier->decided == '\0')
    {
      g_free (supplier->decided);
      supplier->decided = g_date_time_format (now, "%Y-%m-%d");
    }
}

char *
scs_supplier_to_text (const ScsSupplier *s)
{
  GString *out = g_string_new (NULL);
  const char *yes = _("Yes"), *no = _("No");

  g_string_append_printf (out, "%s\n\n", _("Level to ask of a supplier"));
  g_string_append_printf (out, "%s: %s\n", _("Supplier"), s->name);
  if (s->corporate_number != NULL && *s->corporate_number)
    g_string_append_printf (out, "%s: %s\n", _("Corporate number"), s->corporate_number);
  g_string_append_printf (out, "%s: %s\n", _("Decided"), s->decided ? s->decided : "");
  g_string_append_printf (out, "\n%s %s\n", _("(1) Important confidential information on the supplier’s IT:"),
                          s->confidential ? yes : no);
  g_string_append_printf (out, "%s %s\n", _("(2) Unacceptable delay if the supplier stops:"),
                          s->delay ? yes : no);
  g_string_append_printf (out, "%s %s\n", _("(3) Access from the supplier to internal systems:"),
                          s->access ? yes : no);
  g_string_append_printf (out, "%s %s\n", _("Additional factors:"),
                          s->factors && *s->factors ? s->factors : "—");
  g_string_append_printf (out, "\n%s ★%u\n", _("Recommended level:"), s->recommended);
  if (s->obtained != 0)
    g_string_append_printf (out, "%s ★%u\n", _("Obtained level:"), s->obtained);
  else
    g_string_append_printf (out, "%s %s\n", _("Obtained level:"), _("none yet"));
  g_string_append_printf (out, "\n%s\n%s\n", _("Reasoning:"), s->reasoning ? s->reasoning : "");
  return g_string_free (out, FALSE);
}

static gboolean
validate (const ScsSupplier  *s,
          GError            **error)
{
  g_autofree char *name = g_strstrip (g_strdup (s->name ? s->name : ""));

  if (*name == '\0')
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID, _("A supplier needs a name"));
      return FALSE;
    }
  if (strlen (s->name) > MAX_TEXT || (s->factors && strlen (s->factors) > MAX_TEXT))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("Supplier ‘%s’: a text is longer than %u bytes"), name, MAX_TEXT);
      return FALSE;
    }
  if (s->corporate_number != NULL && *s->corporate_number != '\0')
    {
      g_autoptr(GError) local = NULL;
      if (!scs_corporate_number_validate (s->corporate_number, NULL, &local))
        {
          g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                       _("Supplier ‘%s’: %s"), name, local->message);
          return FALSE;
        }
    }
  if (s->obtained != 0 && s->obtained != 3 && s->obtained != 4)
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("Supplier ‘%s’: the obtained level must be none, 3 or 4"), name);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */

struct _ScsSupplierList
{
  GObject    parent_instance;
  char      *path;
  GPtrArray *suppliers;   /* of ScsSupplier*, sorted by name */
};

G_DEFINE_FINAL_TYPE (ScsSupplierList, scs_supplier_list, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
scs_supplier_list_finalize (GObject *object)
{
  ScsSupplierList *self = SCS_SUPPLIER_LIST (object);

  g_free (self->path);
  g_ptr_array_unref (self->suppliers);
  G_OBJECT_CLASS (scs_supplier_list_parent_class)->finalize (object);
}

static void
scs_supplier_list_class_init (ScsSupplierListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_supplier_list_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
scs_supplier_list_init (ScsSupplierList *self)
{
  self->suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_supplier_free);
}

char *
scs_supplier_list_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "scs-workbench", "suppliers.ini", NULL);
}

static int
compare_suppliers (gconstpointer a,
                   gconstpointer b)
{
  const ScsSupplier *sa = *(ScsSupplier **) a;
  const ScsSupplier *sb = *(ScsSupplier **) b;
  return g_strcmp0 (sa->name, sb->name);
}

ScsSupplierList *
scs_supplier_list_load (const char  *path,
                        GError     **error)
{
  g_autoptr(ScsSupplierList) self = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *display = g_filename_display_name (path);

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SCS_TYPE_SUPPLIER_LIST, NULL);
  self->path = g_strdup (path);

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&self);
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_FILE,
                   _("Cannot read the supplier list ‘%s’: %s"), display, local->message);
      return NULL;
    }

  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(ScsSupplier) s = scs_supplier_new ();
      g_autoptr(GError) e = NULL;

      if (!g_str_has_prefix (groups[i], "supplier "))
        continue;
      g_free (s->name);
      s->name = g_key_file_get_string (kf, groups[i], "name", &e);
      if (s->name == NULL)
        {
          g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_FILE,
                       _("The supplier list ‘%s’ is damaged: [%s] has no name"), display, groups[i]);
          return NULL;
        }
#define GET_STR(field, key) \
      { char *v = g_key_file_get_string (kf, groups[i], key, NULL); \
        if (v != NULL) { g_free (s->field); s->field = v; } }
      GET_STR (corporate_number, "corporate-number");
      GET_STR (factors, "factors");
      GET_STR (decided, "decided");
#undef GET_STR
      s->confidential = g_key_file_get_boolean (kf, groups[i], "confidential", NULL);
      s->delay = g_key_file_get_boolean (kf, groups[i], "delay", NULL);
      s->access = g_key_file_get_boolean (kf, groups[i], "access", NULL);
      s->obtained = (guint) g_key_file_get_integer (kf, groups[i], "obtained", NULL);
      if (!validate (s, &e))
        {
          g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_FILE,
                       _("The supplier list ‘%s’ is damaged: %s"), display, e->message);
          return NULL;
        }
      /* The reasoning as it was recorded; the level from the answers. */
      {
        char *reasoning = g_key_file_get_string (kf, groups[i], "reasoning", NULL);
        g_autofree char *fresh = NULL;

        s->recommended = scs_wizard_recommend (s->confidential, s->delay, s->access, s->factors, &fresh);
        g_free (s->reasoning);
        s->reasoning = reasoning != NULL ? reasoning : g_steal_pointer (&fresh);
      }
      g_ptr_array_add (self->suppliers, g_steal_pointer (&s));
    }
  g_ptr_array_sort (self->suppliers, compare_suppliers);

  return g_steal_pointer (&self);
}

const char *
scs_supplier_list_get_path (ScsSupplierList *self)
{
  return self->path;
}

GPtrArray *
scs_supplier_list_get (ScsSupplierList *self)
{
  g_return_val_if_fail (SCS_IS_SUPPLIER_LIST (self), NULL);
  return self->suppliers;
}

const ScsSupplier *
scs_supplier_list_lookup (ScsSupplierList *self,
                          const char      *name)
{
  for (guint i = 0; i < self->suppliers->len; i++)
    {
      ScsSupplier *s = g_ptr_array_index (self->suppliers, i);
      if (g_strcmp0 (s->name, name) == 0)
        return s;
    }
  return NULL;
}

static gboolean
save (ScsSupplierList  *self,
      GPtrArray        *suppliers,
      GError          **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *display = g_filename_display_name (self->path);
  gsize length;

  g_key_file_set_comment (kf, NULL, NULL,
                          " SCS Workbench: levels to ask of suppliers (ordering company wizard)", NULL);
  for (guint i = 0; i < suppliers->len; i++)
    {
      ScsSupplier *s = g_ptr_array_index (suppliers, i);
      g_autofree char *group = g_strdup_printf ("supplier %u", i + 1);

      g_key_file_set_string (kf, group, "name", s->name);
      g_key_file_set_string (kf, group, "corporate-number", s->corporate_number ? s->corporate_number : "");
      g_key_file_set_boolean (kf, group, "confidential", s->confidential);
      g_key_file_set_boolean (kf, group, "delay", s->delay);
      g_key_file_set_boolean (kf, group, "access", s->access);
      g_key_file_set_string (kf, group, "factors", s->factors ? s->factors : "");
      g_key_file_set_integer (kf, group, "recommended", s->recommended);
      g_key_file_set_integer (kf, group, "obtained", s->obtained);
      g_key_file_set_string (kf, group, "decided", s->decided ? s->decided : "");
      g_key_file_set_string (kf, group, "reasoning", s->reasoning ? s->reasoning : "");
    }

  data = g_key_file_to_data (kf, &length, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (self->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_FILE,
                   _("Cannot write the supplier list ‘%s’: %s"), display,
                   local != NULL ? local->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Replaces the list with @next only once it is saved. */
static gboolean
commit (ScsSupplierList  *self,
        GPtrArray        *next,
        GError          **error)
{
  g_ptr_array_sort (next, compare_suppliers);
  if (!save (self, next, error))
    return FALSE;
  g_ptr_array_unref (self->suppliers);
  self->suppliers = g_ptr_array_ref (next);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static GPtrArray *
copy_list (GPtrArray *list)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_supplier_free);

  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (copy, scs_supplier_copy (g_ptr_array_index (list, i)));
  return copy;
}

static void
put_into (GPtrArray   *list,
          ScsSupplier *supplier)
{
  for (guint i = 0; i < list->len; i++)
    {
      ScsSupplier *s = g_ptr_array_index (list, i);
      if (g_strcmp0 (s->name, supplier->name) == 0)
        {
          g_ptr_array_remove_index (list, i);
          break;
        }
    }
  g_ptr_array_add (list, supplier);
}

gboolean
scs_supplier_list_put (ScsSupplierList   *self,
                       const ScsSupplier *supplier,
                       GError           **error)
{
  g_autoptr(GPtrArray) next = NULL;
  ScsSupplier *copy;

  g_return_val_if_fail (SCS_IS_SUPPLIER_LIST (self), FALSE);

  if (!validate (supplier, error))
    return FALSE;
  copy = scs_supplier_copy (supplier);
  g_strstrip (copy->name);
  scs_supplier_decide (copy);
  next = copy_list (self->suppliers);
  put_into (next, copy);
  return commit (self, next, error);
}

gboolean
scs_supplier_list_remove (ScsSupplierList  *self,
                          const char       *name,
                          GError          **error)
{
  g_autoptr(GPtrArray) next = copy_list (self->suppliers);

  for (guint i = 0; i < next->len; i++)
    {
      ScsSupplier *s = g_ptr_array_index (next, i);
      if (g_strcmp0 (s->name, name) == 0)
        {
          g_ptr_array_remove_index (next, i);
          return commit (self, next, error);
        }
    }
  g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
               _("There is no supplier ‘%s’ in the list"), name);
  return FALSE;
}

static const char * const csv_columns[] = {
  "name", "corporate_number", "confidential", "delay", "access", "factors",
  "recommended", "obtained", "decided", "reasoning",
};

static gboolean
parse_yes_no (const char *text,
              gboolean   *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (g_ascii_strcasecmp (t, "yes") == 0 || g_str_equal (t, "1") || g_ascii_strcasecmp (t, "true") == 0 ||
      g_str_equal (t, "はい"))
    *value = TRUE;
  else if (g_ascii_strcasecmp (t, "no") == 0 || g_str_equal (t, "0") || g_ascii_strcasecmp (t, "false") == 0 ||
           g_str_equal (t, "いいえ"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_level (const char *text,
             gboolean    allow_none,
             guint      *level)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  const char *p = t;

  if (g_str_has_prefix (p, "★"))
    p += strlen ("★");
  if (*p == '\0' && allow_none)
    *level = 0;
  else if (g_str_equal (p, "3"))
    *level = 3;
  else if (g_str_equal (p, "4"))
    *level = 4;
  else if (allow_none && (g_ascii_strcasecmp (p, "none") == 0 || g_str_equal (p, "0")))
    *level = 0;
  else
    return FALSE;
  return TRUE;
}

static gboolean
cell_error (GError     **error,
            guint        row,
            guint        column,
            const char  *name,
            const char  *what)
{
  g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV,
               _("Row %u, column %u (%s): %s"), row, column, name, what);
  return FALSE;
}

guint
scs_supplier_list_import_csv (ScsSupplierList  *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int index[G_N_ELEMENTS (csv_columns)];
  const char * const *header;

  g_return_val_if_fail (SCS_IS_SUPPLIER_LIST (self), 0);

  rows = scs_csv_parse_file (path, &local);
  if (rows == NULL)
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV, "%s", local->message);
      return 0;
    }

  header = g_ptr_array_index (rows, 0);
  for (guint c = 0; c < G_N_ELEMENTS (csv_columns); c++)
    {
      index[c] = scs_csv_find_column (header, csv_columns[c]);
      /* name and the three answers are required; the rest optional. */
      if (index[c] < 0 && (c == 0 || (c >= 2 && c <= 4)))
        {
          g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV,
                       _("Row 1: the header has no column ‘%s’ (expected: name, corporate_number, "
                         "confidential, delay, access, factors, obtained)"), csv_columns[c]);
          return 0;
        }
    }
  if (rows->len - 1 > MAX_SUPPLIERS)
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV,
                   _("The file has more than %u suppliers"), MAX_SUPPLIERS);
      return 0;
    }

  next = copy_list (self->suppliers);
  for (guint r = 1; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);
      g_autoptr(ScsSupplier) s = scs_supplier_new ();
      g_autoptr(GError) e = NULL;
      guint row_no = r + 1;

#define CELL(c) (index[c] >= 0 ? scs_csv_cell_text (row[index[c]]) : "")
#define COL(c) ((guint) index[c] + 1)
      g_free (s->name);
      s->name = g_strstrip (g_strdup (CELL (0)));
      if (*s->name == '\0')
        return cell_error (error, row_no, COL (0), "name", _("the name is empty")), 0;
      if (g_hash_table_contains (seen, s->name))
        return cell_error (error, row_no, COL (0), "name", _("the same supplier appears twice")), 0;
      g_free (s->corporate_number);
      s->corporate_number = g_strstrip (g_strdup (CELL (1)));
      if (*s->corporate_number != '\0')
        {
          char *normalized = NULL;

          if (!scs_corporate_number_validate (s->corporate_number, &normalized, &e))
            return cell_error (error, row_no, COL (1), "corporate_number", e->message), 0;
          g_free (s->corporate_number);
          s->corporate_number = normalized;
        }
      if (!parse_yes_no (CELL (2), &s->confidential))
        return cell_error (error, row_no, COL (2), "confidential", _("expected yes or no")), 0;
      if (!parse_yes_no (CELL (3), &s->delay))
        return cell_error (error, row_no, COL (3), "delay", _("expected yes or no")), 0;
      if (!parse_yes_no (CELL (4), &s->access))
        return cell_error (error, row_no, COL (4), "access", _("expected yes or no")), 0;
      g_free (s->factors);
      s->factors = g_strdup (CELL (5));
      if (index[7] >= 0 && !parse_level (CELL (7), TRUE, &s->obtained))
        return cell_error (error, row_no, COL (7), "obtained", _("expected 3, 4 or empty")), 0;
      if (index[6] >= 0 && *CELL (6) != '\0')
        {
          guint given;
          if (!parse_level (CELL (6), FALSE, &given))
            return cell_error (error, row_no, COL (6), "recommended", _("expected 3 or 4")), 0;
        }
      if (index[8] >= 0 && *CELL (8) != '\0')
        {
          g_autoptr(GDate) date = scs_date_parse_iso (CELL (8));
          if (date == NULL)
            return cell_error (error, row_no, COL (8), "decided", _("expected a date YYYY-MM-DD")), 0;
          g_free (s->decided);
          s->decided = g_strdup (CELL (8));
        }
      if (!validate (s, &e))
        return cell_error (error, row_no, COL (0), "name", e->message), 0;
#undef CELL
#undef COL
      scs_supplier_decide (s);
      g_hash_table_add (seen, s->name);
      put_into (next, g_steal_pointer (&s));
    }

  if (!commit (self, next, error))
    return 0;
  return rows->len - 1;
}

GBytes *
scs_supplier_list_export_csv (ScsSupplierList *self)
{
  GString *out = g_string_new (SCS_CSV_BOM);

  scs_csv_append_row (out, csv_columns, G_N_ELEMENTS (csv_columns));
  for (guint i = 0; i < self->suppliers->len; i++)
    {
      ScsSupplier *s = g_ptr_array_index (self->suppliers, i);
      g_autofree char *rec = g_strdup_printf ("%u", s->recommended);
      g_autofree char *obt = s->obtained ? g_strdup_printf ("%u", s->obtained) : g_strdup ("");
      const char *row[] = {
        s->name, s->corporate_number, s->confidential ? "yes" : "no", s->delay ? "yes" : "no",
        s->access ? "yes" : "no", s->factors, rec, obt, s->decided, s->reasoning,
      };
      scs_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
  return g_string_free_to_bytes (out);
}
