/* scs-profile.c: "who am I" — the local user's profile
 *
 * The person using SCS Workbench on this computer: name, organisation, role
 * (SME staff, expert, expert's assistant, management, vendor), and for an
 * expert the qualification with its registration number, the date the
 * scheme's expert training was completed and a reference to the signing
 * certificate (a PKCS#12 path or a PKCS#11 URI; passphrases and PINs are
 * never stored). Kept in a small key file under the user's configuration
 * directory so the GUI and scs-cli share it; the workspace actor (the name
 * recorded with every change) is set from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scs-profile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-date.h"
#include "scs-file.h"
#include "scs-text.h"

G_DEFINE_QUARK (scs-profile-error-quark, scs_profile_error)

#define GROUP "Profile"

struct _ScsProfile
{
  GObject           parent_instance;

  char             *path;
  char             *name;
  char             *organization;
  ScsRole           role;
  ScsQualification  qualification;
  char             *registration;
  char             *training_date;
  char             *certificate;
  GPtrArray        *upkeep;   /* of ScsUpkeep*, oldest first */
};

static const ScsTextWord upkeep_kinds[SCS_N_UPKEEP_KINDS] = {
  { "riss-online", N_("RISS yearly online course") },
  { "riss-practical", N_("RISS practical course (every three years)") },
  { "cpe", N_("CPE credits (CISSP, CISM, CISA)") },
  { "cpd", N_("CPD hours and audit records (ISO/IEC 27001 lead auditor)") },
  { "audit-points", N_("Auditor points (公認情報セキュリティ監査人)") },
};

const char *
scs_upkeep_kind_to_string (ScsUpkeepKind kind)
{
  return scs_text_word_get_id (upkeep_kinds, SCS_N_UPKEEP_KINDS, kind);
}

gboolean
scs_upkeep_kind_from_string (const char    *text,
                             ScsUpkeepKind *kind)
{
  guint i;

  if (!scs_text_find_in_table (upkeep_kinds, id, text, &i))
    return FALSE;
  *kind = (ScsUpkeepKind) i;
  return TRUE;
}

const char *
scs_upkeep_kind_get_label (ScsUpkeepKind kind)
{
  return scs_text_word_get_label (upkeep_kinds, SCS_N_UPKEEP_KINDS, kind);
}

void
scs_upkeep_free (ScsUpkeep *upkeep)
{
  if (upkeep == NULL)
    return;
  g_free (upkeep->date);
  g_free (upkeep->note);
  g_free (upkeep);
}

G_DEFINE_FINAL_TYPE (ScsProfile, scs_profile, G_TYPE_OBJECT)

static const ScsTextWord roles[] = {
  { "sme", N_("SME staff") },
  { "expert", N_("Security expert") },
  { "assistant", N_("Expert’s assistant") },
  { "management", N_("Management") },
  { "vendor", N_("Vendor") },
};

static const ScsTextWord qualifications[] = {
  { "none", N_("None") },
  { "riss", N_("Registered Information Security Specialist (RISS)") },
  { "cais", N_("Certified Information Security Auditor") },
  { "cissp", N_("CISSP") },
  { "cism", N_("CISM") },
  { "cisa", N_("CISA") },
  { "iso27001-la", N_("ISO/IEC 27001 lead auditor") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (roles) == SCS_N_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (qualifications) == SCS_N_QUALIFICATIONS);

const char *
scs_role_to_string (ScsRole role)
{
  return scs_text_word_get_id (roles, SCS_N_ROLES, role);
}

gboolean
scs_role_from_string (const char *text,
                      ScsRole    *role)
{
  guint i;

  if (!scs_text_find_in_table (roles, id, text, &i))
    return FALSE;
  *role = (ScsRole) i;
  return TRUE;
}

const char *
scs_role_get_label (ScsRole role)
{
  return scs_text_word_get_label (roles, SCS_N_ROLES, role);
}

gboolean
scs_role_is_reviewer (ScsRole role)
{
  return role == SCS_ROLE_EXPERT || role == SCS_ROLE_ASSISTANT;
}

const char *
scs_qualification_to_string (ScsQualification q)
{
  return scs_text_word_get_id (qualifications, SCS_N_QUALIFICATIONS, q);
}

gboolean
scs_qualification_from_string (const char       *text,
                               ScsQualification *q)
{
  guint i;

  if (!scs_text_find_in_table (qualifications, id, text, &i))
    return FALSE;
  *q = (ScsQualification) i;
  return TRUE;
}

const char *
scs_qualification_get_label (ScsQualification q)
{
  return scs_text_word_get_label (qualifications, SCS_N_QUALIFICATIONS, q);
}

gboolean
scs_registration_number_is_valid (const char *number)
{
  if (number == NULL || strlen (number) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (number[i]))
      return FALSE;
  return TRUE;
}

static void
scs_profile_finalize (GObject *object)
{
  ScsProfile *self = SCS_PROFILE (object);

  g_free (self->path);
  g_free (self->name);
  g_free (self->organization);
  g_free (self->registration);
  g_free (self->training_date);
  g_free (self->certificate);
  g_ptr_array_unref (self->upkeep);

  G_OBJECT_CLASS (scs_profile_parent_class)->finalize (object);
}

static void
scs_profile_class_init (ScsProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_profile_finalize;
}

static void
scs_profile_init (ScsProfile *self)
{
  self->role = SCS_ROLE_SME;
  self->upkeep = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_upkeep_free);
  self->qualification = SCS_QUALIFICATION_NONE;
}

char *
scs_profile_get_default_path (void)
{
  const char *env = g_getenv ("SCS_PROFILE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_config_dir (), "scs-workbench", "profile.ini", NULL);
}

ScsProfile *
scs_profile_new (void)
{
  return g_object_new (SCS_TYPE_PROFILE, NULL);
}

static char *
dup_nonempty (GKeyFile   *file,
              const char *key)
{
  g_autofree char *value = g_key_file_get_string (file, GROUP, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

ScsProfile *
scs_profile_load (const char  *path,
                  GError     **error)
{
  g_autoptr(ScsProfile) self = scs_profile_new ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *qualification = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&self);

      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_IO,
                   _("Cannot read the profile ‘%s’: %s"), display, local_error->message);
      return NULL;
    }

  self->name = dup_nonempty (file, "name");
  self->organization = dup_nonempty (file, "organization");
  self->registration = dup_nonempty (file, "registration");
  self->training_date = dup_nonempty (file, "training-date");
  self->certificate = dup_nonempty (file, "certificate");
  role = dup_nonempty (file, "role");
  qualification = dup_nonempty (file, "qualification");

  /* upkeep=KIND DATE NOTE;… (the note may hold spaces, not ';') */
  {
    g_auto(GStrv) entries = g_key_file_get_string_list (file, GROUP, "upkeep", NULL, NULL);

    for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
      {
        g_auto(GStrv) parts = g_strsplit (entries[i], " ", 3);
        ScsUpkeepKind kind;
        g_autoptr(GError) upkeep_error = NULL;

        if (g_strv_length (parts) < 2 || !scs_upkeep_kind_from_string (parts[0], &kind) ||
            !scs_profile_add_upkeep (self, kind, parts[1], parts[2], &upkeep_error))
          {
            g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                         _("The profile ‘%s’ has an upkeep record it does not understand: ‘%s’"),
                         path, entries[i]);
            return NULL;
          }
      }
  }

  if (role != NULL && !scs_role_from_string (role, &self->role))
    {
      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                   _("The profile ‘%s’ has an unknown role ‘%s’"), path, role);
      return NULL;
    }
  if (qualification != NULL && !scs_qualification_from_string (qualification, &self->qualification))
    {
      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                   _("The profile ‘%s’ has an unknown qualification ‘%s’"), path, qualification);
      return NULL;
    }

  return g_steal_pointer (&self);
}

ScsProfile *
scs_profile_load_default (GError **error)
{
  g_autofree char *path = scs_profile_get_default_path ();

  return scs_profile_load (path, error);
}

gboolean
scs_profile_validate (ScsProfile  *self,
                      GError     **error)
{
  g_return_val_if_fail (SCS_IS_PROFILE (self), FALSE);

  if (self->name == NULL || *self->name == '\0')
    {
      g_set_error_literal (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                           _("The profile needs a name: every change is recorded under it"));
      return FALSE;
    }
  if (self->qualification == SCS_QUALIFICATION_RISS &&
      !scs_registration_number_is_valid (self->registration))
    {
      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                   _("The RISS registration number ‘%s’ is not 6 digits"),
                   self->registration ? self->registration : "");
      return FALSE;
    }
  if (self->training_date != NULL && !scs_date_is_iso (self->training_date))
    {
      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                   _("The training completion date ‘%s’ is not a date like 2026-04-01"),
                   self->training_date);
      return FALSE;
    }
  return TRUE;
}

gboolean
scs_profile_save (ScsProfile  *self,
                  GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  const struct { const char *value; const char *label; } texts[] = {
    { self->name, N_("Your name in the profile") },
    { self->organization, N_("Your organisation in the profile") },
  };

  /* The profile's name becomes the actor of every change and the name in
   * reports: one line, no control or text-direction characters. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!scs_text_validate_as (texts[i].value, _(texts[i].label), SCS_TEXT_SINGLE_LINE,
                               SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID, error))
      return FALSE;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (SCS_IS_PROFILE (self), FALSE);

  if (!scs_profile_validate (self, error))
    return FALSE;

  if (self->path == NULL)
    self->path = scs_profile_get_default_path ();

#define SET(key, value) if ((value) != NULL) g_key_file_set_string (file, GROUP, key, value)
  SET ("name", self->name);
  SET ("organization", self->organization);
  SET ("role", scs_role_to_string (self->role));
  SET ("qualification", scs_qualification_to_string (self->qualification));
  SET ("registration", self->registration);
  SET ("training-date", self->training_date);
  SET ("certificate", self->certificate);
#undef SET
  if (self->upkeep->len > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) entries = NULL;

      for (guint i = 0; i < self->upkeep->len; i++)
        {
          ScsUpkeep *u = self->upkeep->pdata[i];
          g_autofree char *entry = g_strdup_printf ("%s %s%s%s", scs_upkeep_kind_to_string (u->kind), u->date,
                                                    *u->note != '\0' ? " " : "", u->note);

          g_strv_builder_add (builder, entry);
        }
      entries = g_strv_builder_end (builder);
      g_key_file_set_string_list (file, GROUP, "upkeep", (const char * const *) entries,
                                  g_strv_length (entries));
    }

  data = g_key_file_to_data (file, &length, NULL);
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !scs_file_set_contents (self->path, data, length, 0600, &local_error))
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_IO,
                   _("Cannot write the profile ‘%s’: %s"), display,
                   local_error ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

#define STRING_ACCESSORS(field) \
  const char * scs_profile_get_##field (ScsProfile *self) \
  { g_return_val_if_fail (SCS_IS_PROFILE (self), NULL); return self->field; } \
  void scs_profile_set_##field (ScsProfile *self, const char *value) \
  { \
    g_return_if_fail (SCS_IS_PROFILE (self)); \
    g_free (self->field); \
    self->field = (value != NULL && *value != '\0') ? g_strstrip (g_strdup (value)) : NULL; \
  }

STRING_ACCESSORS (name)
STRING_ACCESSORS (organization)
STRING_ACCESSORS (registration)
STRING_ACCESSORS (training_date)
STRING_ACCESSORS (certificate)

const char *
scs_profile_get_path (ScsProfile *self)
{
  g_return_val_if_fail (SCS_IS_PROFILE (self), NULL);
  return self->path;
}

ScsRole
scs_profile_get_role (ScsProfile *self)
{
  g_return_val_if_fail (SCS_IS_PROFILE (self), SCS_ROLE_SME);
  return self->role;
}

void
scs_profile_set_role (ScsProfile *self,
                      ScsRole     role)
{
  g_return_if_fail (SCS_IS_PROFILE (self));
  g_return_if_fail ((guint) role < SCS_N_ROLES);
  self->role = role;
}

ScsQualification
scs_profile_get_qualification (ScsProfile *self)
{
  g_return_val_if_fail (SCS_IS_PROFILE (self), SCS_QUALIFICATION_NONE);
  return self->qualification;
}

void
scs_profile_set_qualification (ScsProfile       *self,
                               ScsQualification  q)
{
  g_return_if_fail (SCS_IS_PROFILE (self));
  g_return_if_fail ((guint) q < SCS_N_QUALIFICATIONS);
  self->qualification = q;
}

/**
 * scs_profile_check_training:
 *
 * The qualification precondition of the expert's signature: the scheme's
 * expert training must be recorded, with a completion date that is a date
 * and not in the future.
 */
gboolean
scs_profile_check_training (ScsProfile  *self,
                            GError     **error)
{
  g_return_val_if_fail (SCS_IS_PROFILE (self), FALSE);

  if (self->training_date == NULL || *self->training_date == '\0')
    {
      g_set_error_literal (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_NOT_QUALIFIED,
                           _("The expert profile has no training date: the scheme requires its expert "
                             "training before signing; record the date it was completed"));
      return FALSE;
    }
  if (!scs_date_is_iso (self->training_date) || scs_date_days_since (self->training_date) < 0)
    {
      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_NOT_QUALIFIED,
                   _("The training completion date ‘%s’ is not a past date like 2026-04-01"),
                   self->training_date);
      return FALSE;
    }
  return TRUE;
}

/**
 * scs_profile_get_upkeep:
 *
 * Returns: (transfer none) (element-type ScsUpkeep): the qualification
 *   upkeep records (RISS courses, CPE/CPD, audit points), oldest first
 */
const GPtrArray *
scs_profile_get_upkeep (ScsProfile *self)
{
  g_return_val_if_fail (SCS_IS_PROFILE (self), NULL);
  return self->upkeep;
}

/**
 * scs_profile_add_upkeep:
 * @date: YYYY-MM-DD, not in the future
 * @note: (nullable): e.g. "40 CPE"
 */
gboolean
scs_profile_add_upkeep (ScsProfile     *self,
                        ScsUpkeepKind   kind,
                        const char     *date,
                        const char     *note,
                        GError        **error)
{
  ScsUpkeep *upkeep;
  guint at = 0;

  g_return_val_if_fail (SCS_IS_PROFILE (self), FALSE);
  g_return_val_if_fail ((guint) kind < SCS_N_UPKEEP_KINDS, FALSE);

  if (!scs_date_is_iso (date) || scs_date_days_since (date) < 0)
    {
      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                   _("The date ‘%s’ of the qualification upkeep is not a past date like 2026-04-01"),
                   date != NULL ? date : "");
      return FALSE;
    }
  if (note != NULL && (strchr (note, ';') != NULL || strchr (note, '\n') != NULL))
    {
      g_set_error (error, SCS_PROFILE_ERROR, SCS_PROFILE_ERROR_INVALID,
                   _("The note of a qualification upkeep record cannot hold ‘;’ or a line break"));
      return FALSE;
    }

  upkeep = g_new0 (ScsUpkeep, 1);
  upkeep->kind = kind;
  upkeep->date = g_strdup (date);
  upkeep->note = g_strstrip (g_strdup (note != NULL ? note : ""));
  while (at < self->upkeep->len && strcmp (((ScsUpkeep *) self->upkeep->pdata[at])->date, date) <= 0)
    at++;
  g_ptr_array_insert (self->upkeep, (int) at, upkeep);
  return TRUE;
}

/**
 * scs_profile_describe_qualification:
 *
 * What the sign dialog shows about the signer's qualification: the
 * qualification, the training date, and the latest record of each kind of
 * upkeep, with a note when the RISS yearly course is more than a year old.
 *
 * Returns: (transfer full): translated lines
 */
char *
scs_profile_describe_qualification (ScsProfile *self)
{
  GString *out = g_string_new (NULL);
  const ScsUpkeep *latest[SCS_N_UPKEEP_KINDS] = { NULL, };

  g_return_val_if_fail (SCS_IS_PROFILE (self), NULL);

  g_string_append_printf (out, _("Qualification: %s"), scs_qualification_get_label (self->qualification));
  if (self->registration != NULL)
    g_string_append_printf (out, " (%s)", self->registration);
  g_string_append_c (out, '\n');
  if (self->training_date != NULL)
    g_string_append_printf (out, _("Expert training completed: %s"), self->training_date);
  else
    g_string_append (out, _("Expert training: not recorded (required for signing)"));

  for (guint i = 0; i < self->upkeep->len; i++)
    {
      const ScsUpkeep *u = self->upkeep->pdata[i];

      latest[u->kind] = u;
    }
  for (guint k = 0; k < SCS_N_UPKEEP_KINDS; k++)
    {
      if (latest[k] == NULL)
        continue;
      g_string_append_c (out, '\n');
      /* Translators: "RISS yearly online course: 2026-05-10 (note)" */
      g_string_append_printf (out, _("%s: %s"), scs_upkeep_kind_get_label (k), latest[k]->date);
      if (*latest[k]->note != '\0')
        g_string_append_printf (out, " (%s)", latest[k]->note);
      if (k == SCS_UPKEEP_RISS_ONLINE && scs_date_days_since (latest[k]->date) > 366)
        g_string_append_printf (out, " — %s", _("more than a year ago"));
    }
  if (self->qualification == SCS_QUALIFICATION_RISS && latest[SCS_UPKEEP_RISS_ONLINE] == NULL)
    g_string_append_printf (out, "\n%s", _("RISS yearly online course: not recorded"));

  return g_string_free (out, FALSE);
}
