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
#include "scs-date.h"
#include "scs-file.h"
#include "scs-renewal.h"
#include "scs-text.h"

G_DEFINE_QUARK (scs-wizard-error-quark, scs_wizard_error)

#define MAX_SUPPLIERS 10000
#define MAX_TEXT 4096

static const char * const check_methods[] = { "registry", "questionnaire", "on-site" };
static const char * const check_labels[] = {
  N_("Registry lookup"), N_("Questionnaire"), N_("On-site inspection"),
};

const char *
scs_check_method_to_string (ScsCheckMethod method)
{
  g_return_val_if_fail (method <= SCS_CHECK_ON_SITE, "");
  return check_methods[method];
}

gboolean
scs_check_method_from_string (const char     *text,
                              ScsCheckMethod *method)
{
  const char *labels[G_N_ELEMENTS (check_labels)];
  guint i;

  /* the word, or the label the user reads */
  for (i = 0; i < G_N_ELEMENTS (check_labels); i++)
    labels[i] = _(check_labels[i]);
  if (!scs_text_find_in_array (check_methods, text, &i) &&
      !scs_text_find_in_array (labels, text, &i))
    return FALSE;
  *method = i;
  return TRUE;
}

const char *
scs_check_method_get_label (ScsCheckMethod method)
{
  g_return_val_if_fail (method <= SCS_CHECK_ON_SITE, "");
  return _(check_labels[method]);
}

static void
check_free (ScsSupplierCheck *check)
{
  g_free (check->date);
  g_free (check->evidence);
  g_free (check);
}

static ScsSupplierCheck *
check_copy (const ScsSupplierCheck *check,
            gpointer                unused)
{
  ScsSupplierCheck *c = g_new0 (ScsSupplierCheck, 1);

  c->date = g_strdup (check->date);
  c->method = check->method;
  c->evidence = g_strdup (check->evidence);
  return c;
}

static void
negotiation_free (ScsSupplierNegotiation *n)
{
  g_free (n->date);
  g_free (n->outcome);
  g_free (n->documents);
  g_free (n);
}

static ScsSupplierNegotiation *
negotiation_copy (const ScsSupplierNegotiation *n,
                  gpointer                      unused)
{
  ScsSupplierNegotiation *c = g_new0 (ScsSupplierNegotiation, 1);

  c->date = g_strdup (n->date);
  c->outcome = g_strdup (n->outcome);
  c->documents = g_strdup (n->documents);
  return c;
}

ScsSupplier *
scs_supplier_new (void)
{
  ScsSupplier *s = g_new0 (ScsSupplier, 1);

  s->name = g_strdup ("");
  s->corporate_number = g_strdup ("");
  s->factors = g_strdup ("");
  s->outside_reason = g_strdup ("");
  s->reasoning = g_strdup ("");
  s->history = g_new0 (char *, 1);
  s->registry_id = g_strdup ("");
  s->expiry = g_strdup ("");
  s->decided = g_strdup ("");
  s->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) check_free);
  s->negotiations = g_ptr_array_new_with_free_func ((GDestroyNotify) negotiation_free);
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
  s->outside_reason = g_strdup (supplier->outside_reason);
  s->reasoning = g_strdup (supplier->reasoning);
  s->history = g_strdupv (supplier->history);
  s->registry_id = g_strdup (supplier->registry_id);
  s->expiry = g_strdup (supplier->expiry);
  s->decided = g_strdup (supplier->decided);
  s->checks = g_ptr_array_copy (supplier->checks, (GCopyFunc) check_copy, NULL);
  g_ptr_array_set_free_func (s->checks, (GDestroyNotify) check_free);
  s->negotiations = g_ptr_array_copy (supplier->negotiations, (GCopyFunc) negotiation_copy, NULL);
  g_ptr_array_set_free_func (s->negotiations, (GDestroyNotify) negotiation_free);
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
  g_free (supplier->outside_reason);
  g_free (supplier->reasoning);
  g_strfreev (supplier->history);
  g_free (supplier->registry_id);
  g_free (supplier->expiry);
  g_free (supplier->decided);
  g_ptr_array_unref (supplier->checks);
  g_ptr_array_unref (supplier->negotiations);
  g_free (supplier);
}

gboolean
scs_supplier_add_check (ScsSupplier  *supplier,
                        const char   *date,
                        const char   *method,
                        const char   *evidence,
                        GError      **error)
{
  ScsCheckMethod m;

  if (!scs_date_is_iso (date))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("The date of the check ‘%s’ is not a date of the form YYYY-MM-DD"), date ? date : "");
      return FALSE;
    }
  if (!scs_check_method_from_string (method, &m))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("Unknown way of checking ‘%s’ (registry, questionnaire or on-site)"), method ? method : "");
      return FALSE;
    }
  if (evidence == NULL || *evidence == '\0' || strlen (evidence) > MAX_TEXT)
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("A check needs its evidence (at most %u bytes): what shows the supplier’s measures"),
                   MAX_TEXT);
      return FALSE;
    }
  /* the copy is the record: the same fields as scs_supplier_copy () keeps */
  g_ptr_array_add (supplier->checks,
                   check_copy (&(ScsSupplierCheck) { .date = (char *) date, .method = m,
                                                     .evidence = (char *) evidence }, NULL));
  return TRUE;
}

gboolean
scs_supplier_add_negotiation (ScsSupplier  *supplier,
                              const char   *date,
                              const char   *outcome,
                              const char   *documents,
                              GError      **error)
{
  if (!scs_date_is_iso (date))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("The date of the negotiation ‘%s’ is not a date of the form YYYY-MM-DD"),
                   date ? date : "");
      return FALSE;
    }
  if (outcome == NULL || *outcome == '\0' || strlen (outcome) > MAX_TEXT ||
      (documents != NULL && strlen (documents) > MAX_TEXT))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("A negotiation record needs its outcome (at most %u bytes)"), MAX_TEXT);
      return FALSE;
    }
  g_ptr_array_add (supplier->negotiations,
                   negotiation_copy (&(ScsSupplierNegotiation) { .date = (char *) date,
                                                                 .outcome = (char *) outcome,
                                                                 .documents = (char *) (documents ? documents : "") },
                                     NULL));
  return TRUE;
}

const char *
scs_supplier_get_last_check (const ScsSupplier *supplier)
{
  const char *last = NULL;

  for (guint i = 0; i < supplier->checks->len; i++)
    {
      ScsSupplierCheck *c = g_ptr_array_index (supplier->checks, i);

      if (last == NULL || strcmp (c->date, last) > 0)
        last = c->date;
    }
  return last;
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
  g_free (supplier->reasoning);
  if (supplier->outside)
    {
      supplier->recommended = 0;
      supplier->reasoning = g_strdup_printf ("%s\n%s",
                                             _("Outside the supplier flow: a one-off purchase or goods that "
                                               "are easily replaced, which the guidance allows leaving out."),
                                             supplier->outside_reason ? supplier->outside_reason : "");
    }
  else
    supplier->recommended = scs_wizard_recommend (supplier->confidential, supplier->delay, supplier->access,
                                                  supplier->factors, &supplier->reasoning);
  if (supplier->decided == NULL || *supplier->decided == '\0')
    {
      g_free (supplier->decided);
      supplier->decided = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
    }
}

/* One line of the decision history, in the UI language: the date, the
 * outcome and the three answers. */
static char *
decision_line (const ScsSupplier *s)
{
  const char *yes = _("Yes"), *no = _("No");

  if (s->outside)
    return g_strdup_printf (_("%s: outside the flow (%s)"), s->decided, s->outside_reason);
  /* Translators: date, level, then the three answers (yes/no) */
  return g_strdup_printf (_("%s: ★%u — (1) %s, (2) %s, (3) %s"), s->decided, s->recommended,
                          s->confidential ? yes : no, s->delay ? yes : no, s->access ? yes : no);
}

static gboolean
same_decision (const ScsSupplier *a,
               const ScsSupplier *b)
{
  return a->outside == b->outside && a->recommended == b->recommended &&
         a->confidential == b->confidential && a->delay == b->delay && a->access == b->access &&
         g_strcmp0 (a->outside_reason, b->outside_reason) == 0;
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
  if (s->outside)
    g_string_append_printf (out, "\n%s %s\n", _("Recommended level:"), _("outside the flow"));
  else
    g_string_append_printf (out, "\n%s ★%u\n", _("Recommended level:"), s->recommended);
  if (s->obtained != 0)
    g_string_append_printf (out, "%s ★%u\n", _("Obtained level:"), s->obtained);
  else
    g_string_append_printf (out, "%s %s\n", _("Obtained level:"), _("none yet"));
  if (s->registry_id != NULL && *s->registry_id != '\0')
    g_string_append_printf (out, "%s %s\n", _("Registry ID:"), s->registry_id);
  if (s->expiry != NULL && *s->expiry != '\0')
    g_string_append_printf (out, "%s %s\n", _("Expires:"), s->expiry);
  g_string_append_printf (out, "\n%s\n%s\n", _("Reasoning:"), s->reasoning ? s->reasoning : "");
  if (s->history != NULL && s->history[0] != NULL)
    {
      g_string_append_printf (out, "\n%s\n", _("Decisions:"));
      for (guint i = 0; s->history[i] != NULL; i++)
        g_string_append_printf (out, "  %s\n", s->history[i]);
    }
  if (s->checks->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Yearly checks of the supplier’s measures:"));
      for (guint i = 0; i < s->checks->len; i++)
        {
          ScsSupplierCheck *c = g_ptr_array_index (s->checks, i);
          g_string_append_printf (out, "  %s  %s  %s\n", c->date, scs_check_method_get_label (c->method),
                                  c->evidence);
        }
    }
  if (s->negotiations->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Negotiation of security costs:"));
      for (guint i = 0; i < s->negotiations->len; i++)
        {
          ScsSupplierNegotiation *n = g_ptr_array_index (s->negotiations, i);
          g_string_append_printf (out, "  %s  %s  %s\n", n->date, n->outcome, n->documents);
        }
    }
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
  if (s->outside)
    {
      g_autofree char *reason = g_strstrip (g_strdup (s->outside_reason ? s->outside_reason : ""));

      if (*reason == '\0')
        {
          g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                       _("Supplier ‘%s’: say why it is left outside the flow"), name);
          return FALSE;
        }
    }
  if ((s->outside_reason && strlen (s->outside_reason) > MAX_TEXT) ||
      (s->registry_id && strlen (s->registry_id) > 256))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("Supplier ‘%s’: a text is longer than %u bytes"), name, MAX_TEXT);
      return FALSE;
    }
  if (s->expiry != NULL && *s->expiry != '\0' && !scs_date_is_iso (s->expiry))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_INVALID,
                   _("Supplier ‘%s’: the expiry ‘%s’ is not a date of the form YYYY-MM-DD"), name, s->expiry);
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

/* The checks and negotiations: parallel string lists, one item each. */
static gboolean
load_records (GKeyFile     *kf,
              const char   *group,
              ScsSupplier  *s,
              GError      **error)
{
  g_auto(GStrv) dates = g_key_file_get_string_list (kf, group, "check-dates", NULL, NULL);
  g_auto(GStrv) methods = g_key_file_get_string_list (kf, group, "check-methods", NULL, NULL);
  g_auto(GStrv) evidence = g_key_file_get_string_list (kf, group, "check-evidence", NULL, NULL);
  g_auto(GStrv) n_dates = g_key_file_get_string_list (kf, group, "negotiation-dates", NULL, NULL);
  g_auto(GStrv) outcomes = g_key_file_get_string_list (kf, group, "negotiation-outcomes", NULL, NULL);
  g_auto(GStrv) documents = g_key_file_get_string_list (kf, group, "negotiation-documents", NULL, NULL);
  guint n = dates ? g_strv_length (dates) : 0;
  guint m = n_dates ? g_strv_length (n_dates) : 0;

  if ((methods ? g_strv_length (methods) : 0) != n || (evidence ? g_strv_length (evidence) : 0) != n ||
      (outcomes ? g_strv_length (outcomes) : 0) != m || (documents ? g_strv_length (documents) : 0) != m)
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_FILE,
                   _("[%s]: the lists of checks or negotiations differ in length"), group);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!scs_supplier_add_check (s, dates[i], methods[i], evidence[i], error))
      return FALSE;
  for (guint i = 0; i < m; i++)
    if (!scs_supplier_add_negotiation (s, n_dates[i], outcomes[i], documents[i], error))
      return FALSE;
  return TRUE;
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
      GET_STR (outside_reason, "outside-reason");
      GET_STR (registry_id, "registry-id");
      GET_STR (expiry, "expiry");
#undef GET_STR
      s->outside = g_key_file_get_boolean (kf, groups[i], "outside", NULL);
      if (g_key_file_has_key (kf, groups[i], "history", NULL))
        {
          g_strfreev (s->history);
          s->history = g_key_file_get_string_list (kf, groups[i], "history", NULL, NULL);
          if (s->history == NULL)
            s->history = g_new0 (char *, 1);
        }
      if (!load_records (kf, groups[i], s, &e))
        {
          g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_FILE,
                       _("The supplier list ‘%s’ is damaged: %s"), display, e->message);
          return NULL;
        }
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
        g_autofree char *decided = g_strdup (s->decided);

        scs_supplier_decide (s);
        g_free (s->decided);
        s->decided = g_steal_pointer (&decided);
        if (reasoning != NULL)
          {
            g_free (s->reasoning);
            s->reasoning = reasoning;
          }
      }
      g_ptr_array_add (self->suppliers, g_steal_pointer (&s));
    }
  g_ptr_array_sort (self->suppliers, compare_suppliers);

  return g_steal_pointer (&self);
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

static void
save_records (GKeyFile          *kf,
              const char        *group,
              const ScsSupplier *s)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new ();
  g_autoptr(GPtrArray) b = g_ptr_array_new ();
  g_autoptr(GPtrArray) c = g_ptr_array_new ();

  for (guint i = 0; i < s->checks->len; i++)
    {
      ScsSupplierCheck *check = g_ptr_array_index (s->checks, i);
      g_ptr_array_add (a, check->date);
      g_ptr_array_add (b, (char *) scs_check_method_to_string (check->method));
      g_ptr_array_add (c, check->evidence);
    }
  g_key_file_set_string_list (kf, group, "check-dates", (const char * const *) a->pdata, a->len);
  g_key_file_set_string_list (kf, group, "check-methods", (const char * const *) b->pdata, b->len);
  g_key_file_set_string_list (kf, group, "check-evidence", (const char * const *) c->pdata, c->len);
  g_ptr_array_set_size (a, 0);
  g_ptr_array_set_size (b, 0);
  g_ptr_array_set_size (c, 0);
  for (guint i = 0; i < s->negotiations->len; i++)
    {
      ScsSupplierNegotiation *n = g_ptr_array_index (s->negotiations, i);
      g_ptr_array_add (a, n->date);
      g_ptr_array_add (b, n->outcome);
      g_ptr_array_add (c, n->documents);
    }
  g_key_file_set_string_list (kf, group, "negotiation-dates", (const char * const *) a->pdata, a->len);
  g_key_file_set_string_list (kf, group, "negotiation-outcomes", (const char * const *) b->pdata, b->len);
  g_key_file_set_string_list (kf, group, "negotiation-documents", (const char * const *) c->pdata, c->len);
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
      g_key_file_set_boolean (kf, group, "outside", s->outside);
      g_key_file_set_string (kf, group, "outside-reason", s->outside_reason ? s->outside_reason : "");
      g_key_file_set_string (kf, group, "registry-id", s->registry_id ? s->registry_id : "");
      g_key_file_set_string (kf, group, "expiry", s->expiry ? s->expiry : "");
      g_key_file_set_string_list (kf, group, "history", (const char * const *) s->history,
                                  g_strv_length (s->history));
      save_records (kf, group, s);
    }

  data = g_key_file_to_data (kf, &length, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !scs_file_set_contents (self->path, data, length, 0600, &local))
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

/* Decides @s and keeps the history of @stored (the supplier as saved, or
 * NULL), with a line for this decision when it differs from the last. */
static void
record_decision (ScsSupplier       *s,
                 const ScsSupplier *stored)
{
  scs_supplier_decide (s);
  if (stored != NULL)
    {
      g_strfreev (s->history);
      s->history = g_strdupv (stored->history);
      if (same_decision (s, stored) && stored->history[0] != NULL)
        return;
      /* A new decision is dated today unless the caller gave another date. */
      if (g_strcmp0 (s->decided, stored->decided) == 0)
        {
          g_free (s->decided);
          s->decided = scs_date_today_iso (SCS_DATE_ZONE_LOCAL);
        }
    }
  {
    guint n = g_strv_length (s->history);

    s->history = g_renew (char *, s->history, n + 2);
    s->history[n] = decision_line (s);
    s->history[n + 1] = NULL;
  }
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
  record_decision (copy, scs_supplier_list_lookup (self, copy->name));
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

/* The CSV columns: the key, the header the export writes (in the UI
 * language) and the Japanese header an ordering company's own list may
 * have; any of the three (or the header's translation) is accepted. */
enum
{
  COL_NAME, COL_CORPORATE_NUMBER, COL_CONFIDENTIAL, COL_DELAY, COL_ACCESS, COL_FACTORS,
  COL_OUTSIDE, COL_OUTSIDE_REASON, COL_RECOMMENDED, COL_OBTAINED, COL_REGISTRY_ID, COL_EXPIRY,
  COL_DECIDED, COL_REASONING, COL_LAST_CHECK, N_COLUMNS
};

static const struct
{
  const char *key;
  const char *label;
  const char *japanese[3];
} csv_columns[N_COLUMNS] = {
  { "name", NC_("supplier column", "Supplier"), { "取引先名", "取引先", "会社名" } },
  { "corporate_number", NC_("supplier column", "Corporate number"), { "法人番号" } },
  { "confidential", NC_("supplier column", "(1) Confidential information"), { "(1) 機密情報", "機密情報" } },
  { "delay", NC_("supplier column", "(2) Unacceptable delay"), { "(2) 事業への影響", "事業への影響" } },
  { "access", NC_("supplier column", "(3) Access to internal systems"),
    { "(3) 社内システムへの接続", "社内システムへの接続" } },
  { "factors", NC_("supplier column", "Additional factors"), { "その他の考慮事項", "考慮事項" } },
  { "outside", NC_("supplier column", "Outside the flow"), { "対象外" } },
  { "outside_reason", NC_("supplier column", "Reason for leaving out"), { "対象外の理由" } },
  { "recommended", NC_("supplier column", "Recommended level"), { "推奨レベル" } },
  { "obtained", NC_("supplier column", "Obtained level"), { "取得レベル" } },
  { "registry_id", NC_("supplier column", "Registry ID"), { "登録番号" } },
  { "expiry", NC_("supplier column", "Expiry"), { "有効期限" } },
  { "decided", NC_("supplier column", "Decided"), { "判断日" } },
  { "reasoning", NC_("supplier column", "Reasoning"), { "判断理由" } },
  { "last_check", NC_("supplier column", "Last check"), { "最終確認日" } },
};

static const char *
column_label (guint column)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "supplier column", csv_columns[column].label);
}

static int
find_column (const char * const *header,
             guint               column)
{
  int index = scs_csv_find_column (header, csv_columns[column].key);

  if (index < 0)
    index = scs_csv_find_column (header, csv_columns[column].label);
  if (index < 0)
    index = scs_csv_find_column (header, column_label (column));
  for (guint i = 0; index < 0 && i < G_N_ELEMENTS (csv_columns[column].japanese); i++)
    if (csv_columns[column].japanese[i] != NULL)
      index = scs_csv_find_column (header, csv_columns[column].japanese[i]);
  return index;
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (g_ascii_strcasecmp (t, "yes") == 0 || g_str_equal (t, "1") || g_ascii_strcasecmp (t, "true") == 0 ||
      g_str_equal (t, "はい") || g_str_equal (t, "○") || g_str_equal (t, "該当") || g_str_equal (t, _("Yes")))
    *value = TRUE;
  else if (g_ascii_strcasecmp (t, "no") == 0 || g_str_equal (t, "0") || g_ascii_strcasecmp (t, "false") == 0 ||
           g_str_equal (t, "いいえ") || g_str_equal (t, "×") || g_str_equal (t, "非該当") ||
           g_str_equal (t, _("No")))
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
  else if (allow_none && (g_ascii_strcasecmp (p, "none") == 0 || g_str_equal (p, "0") ||
                          g_str_equal (p, "なし") || g_str_equal (p, _("none"))))
    *level = 0;
  else
    return FALSE;
  return TRUE;
}

static gboolean
cell_error (GError     **error,
            guint        line,
            guint        column,
            guint        which,
            const char  *what)
{
  g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV,
               _("Line %u, column %u (%s): %s"), line, column, column_label (which), what);
  return FALSE;
}

guint
scs_supplier_list_import_csv (ScsSupplierList  *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize length = 0, text_length = 0;
  int index[N_COLUMNS];
  const char * const *header;

  g_return_val_if_fail (SCS_IS_SUPPLIER_LIST (self), 0);

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV, "%s", local->message);
      return 0;
    }
  text = scs_csv_decode (data, length, &text_length, NULL, &local);
  if (text != NULL)
    rows = scs_csv_parse_lines (text, text_length, &lines, &local);
  if (rows == NULL)
    {
      g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV, "%s", local->message);
      return 0;
    }

  header = g_ptr_array_index (rows, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      index[c] = find_column (header, c);
      /* name and the three answers are required; the rest optional. */
      if (index[c] < 0 && (c == COL_NAME || (c >= COL_CONFIDENTIAL && c <= COL_ACCESS)))
        {
          g_set_error (error, SCS_WIZARD_ERROR, SCS_WIZARD_ERROR_CSV,
                       _("Line 1: the header has no column ‘%s’ (%s)"), csv_columns[c].key, column_label (c));
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
      g_autoptr(ScsSupplier) s = NULL;
      g_autoptr(GError) e = NULL;
      g_autofree char *name = NULL;
      const ScsSupplier *stored;
      guint line = g_array_index (lines, guint, r);

#define HAS(c) (index[c] >= 0)
#define CELL(c) (HAS (c) ? scs_csv_cell_text (row[index[c]]) : "")
#define FAIL(c, what) return cell_error (error, line, (guint) index[c] + 1, c, what), 0
      name = g_strstrip (g_strdup (CELL (COL_NAME)));
      if (*name == '\0')
        FAIL (COL_NAME, _("the name is empty"));
      if (g_hash_table_contains (seen, name))
        FAIL (COL_NAME, _("the same supplier appears twice"));
      /* A supplier already listed keeps what the file does not say. */
      stored = scs_supplier_list_lookup (self, name);
      s = stored != NULL ? scs_supplier_copy (stored) : scs_supplier_new ();
      g_free (s->name);
      s->name = g_steal_pointer (&name);
      if (HAS (COL_CORPORATE_NUMBER))
        {
          g_free (s->corporate_number);
          s->corporate_number = g_strstrip (g_strdup (CELL (COL_CORPORATE_NUMBER)));
        }
      if (*s->corporate_number != '\0')
        {
          char *normalized = NULL;

          if (!scs_corporate_number_validate (s->corporate_number, &normalized, &e))
            FAIL (COL_CORPORATE_NUMBER, e->message);
          g_free (s->corporate_number);
          s->corporate_number = normalized;
        }
      if (!parse_yes_no (CELL (COL_CONFIDENTIAL), &s->confidential))
        FAIL (COL_CONFIDENTIAL, _("expected yes or no"));
      if (!parse_yes_no (CELL (COL_DELAY), &s->delay))
        FAIL (COL_DELAY, _("expected yes or no"));
      if (!parse_yes_no (CELL (COL_ACCESS), &s->access))
        FAIL (COL_ACCESS, _("expected yes or no"));
      if (HAS (COL_FACTORS))
        {
          g_free (s->factors);
          s->factors = g_strdup (CELL (COL_FACTORS));
        }
      if (HAS (COL_OUTSIDE))
        {
          if (scs_text_is_blank (CELL (COL_OUTSIDE)))
            s->outside = FALSE;
          else if (!parse_yes_no (CELL (COL_OUTSIDE), &s->outside))
            FAIL (COL_OUTSIDE, _("expected yes or no"));
        }
      if (HAS (COL_OUTSIDE_REASON))
        {
          g_free (s->outside_reason);
          s->outside_reason = g_strdup (CELL (COL_OUTSIDE_REASON));
        }
      if (s->outside && *g_strstrip (s->outside_reason) == '\0')
        FAIL (HAS (COL_OUTSIDE_REASON) ? COL_OUTSIDE_REASON : COL_OUTSIDE,
              _("say why the supplier is left outside the flow"));
      if (HAS (COL_OBTAINED) && !parse_level (CELL (COL_OBTAINED), TRUE, &s->obtained))
        FAIL (COL_OBTAINED, _("expected 3, 4 or empty"));
      if (HAS (COL_RECOMMENDED) && *CELL (COL_RECOMMENDED) != '\0')
        {
          guint given;
          if (!parse_level (CELL (COL_RECOMMENDED), FALSE, &given))
            FAIL (COL_RECOMMENDED, _("expected 3 or 4"));
        }
      if (HAS (COL_REGISTRY_ID))
        {
          g_free (s->registry_id);
          s->registry_id = g_strstrip (g_strdup (CELL (COL_REGISTRY_ID)));
        }
      if (HAS (COL_EXPIRY))
        {
          g_free (s->expiry);
          s->expiry = g_strstrip (g_strdup (CELL (COL_EXPIRY)));
          if (*s->expiry != '\0' && !scs_date_is_iso (s->expiry))
            FAIL (COL_EXPIRY, _("expected a date YYYY-MM-DD"));
        }
      if (HAS (COL_DECIDED) && *CELL (COL_DECIDED) != '\0')
        {
          if (!scs_date_is_iso (CELL (COL_DECIDED)))
            FAIL (COL_DECIDED, _("expected a date YYYY-MM-DD"));
          g_free (s->decided);
          s->decided = g_strdup (CELL (COL_DECIDED));
        }
      if (!validate (s, &e))
        FAIL (COL_NAME, e->message);
#undef HAS
#undef CELL
#undef FAIL
      record_decision (s, stored);
      g_hash_table_add (seen, s->name);
      put_into (next, g_steal_pointer (&s));
    }

  if (!commit (self, next, error))
    return 0;
  return rows->len - 1;
}

GBytes *
scs_supplier_list_export_csv (ScsSupplierList *self,
                              ScsCsvEncoding   encoding,
                              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[N_COLUMNS + 1] = { NULL, };
  const char *yes = _("Yes"), *no = _("No");

  for (guint c = 0; c < N_COLUMNS; c++)
    header[c] = column_label (c);
  g_ptr_array_add (rows, g_strdupv ((char **) header));
  for (guint i = 0; i < self->suppliers->len; i++)
    {
      ScsSupplier *s = g_ptr_array_index (self->suppliers, i);
      g_autofree char *rec = s->recommended ? g_strdup_printf ("★%u", s->recommended) : g_strdup ("");
      g_autofree char *obt = s->obtained ? g_strdup_printf ("★%u", s->obtained) : g_strdup ("");
      const char *last = scs_supplier_get_last_check (s);
      const char *row[N_COLUMNS + 1] = {
        s->name, s->corporate_number, s->confidential ? yes : no, s->delay ? yes : no,
        s->access ? yes : no, s->factors, s->outside ? yes : no, s->outside_reason, rec, obt,
        s->registry_id, s->expiry, s->decided, s->reasoning, last ? last : "", NULL,
      };
      g_ptr_array_add (rows, g_strdupv ((char **) row));
    }
  return scs_csv_write (rows, N_COLUMNS, encoding, error);
}
