/* scs-profile.h: "who am I" — the local user's profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_PROFILE_ERROR (scs_profile_error_quark ())

typedef enum
{
  SCS_PROFILE_ERROR_INVALID,  /* bad value: unknown role, registration number … */
  SCS_PROFILE_ERROR_IO,       /* cannot read or write the profile file */
} ScsProfileError;

GQuark scs_profile_error_quark (void);

typedef enum
{
  SCS_ROLE_SME,
  SCS_ROLE_EXPERT,
  SCS_ROLE_ASSISTANT,
  SCS_ROLE_MANAGEMENT,
  SCS_ROLE_VENDOR,
} ScsRole;

#define SCS_N_ROLES 5

/* "sme", "expert", "assistant", "management", "vendor" */
const char *scs_role_to_string   (ScsRole     role);
gboolean    scs_role_from_string (const char *text,
                                  ScsRole    *role);
const char *scs_role_get_label   (ScsRole     role);
/* Expert and assistant review; the others are the assessed organisation. */
gboolean    scs_role_is_reviewer (ScsRole     role);

typedef enum
{
  SCS_QUALIFICATION_NONE,
  SCS_QUALIFICATION_RISS,        /* 情報処理安全確保支援士, 6-digit registration number */
  SCS_QUALIFICATION_CAIS,        /* 公認情報セキュリティ監査人 */
  SCS_QUALIFICATION_CISSP,
  SCS_QUALIFICATION_CISM,
  SCS_QUALIFICATION_CISA,
  SCS_QUALIFICATION_ISMS_LA,     /* ISO/IEC 27001 lead auditor */
} ScsQualification;

#define SCS_N_QUALIFICATIONS 7

/* "none", "riss", "cais", "cissp", "cism", "cisa", "iso27001-la" */
const char *scs_qualification_to_string   (ScsQualification  q);
gboolean    scs_qualification_from_string (const char       *text,
                                           ScsQualification *q);
const char *scs_qualification_get_label   (ScsQualification  q);

#define SCS_TYPE_PROFILE (scs_profile_get_type ())
G_DECLARE_FINAL_TYPE (ScsProfile, scs_profile, SCS, PROFILE, GObject)

/* $SCS_PROFILE if set, else <user config dir>/scs-workbench/profile.ini */
char             *scs_profile_get_default_path  (void);
ScsProfile       *scs_profile_new               (void);
/* A missing file gives an empty profile bound to @path. */
ScsProfile       *scs_profile_load              (const char  *path,
                                                 GError     **error);
ScsProfile       *scs_profile_load_default      (GError     **error);
/* Validates (scs_profile_validate) and writes atomically. */
gboolean          scs_profile_save              (ScsProfile  *self,
                                                 GError     **error);
/* Name required; RISS needs a 6-digit registration number; training date,
 * when set, is YYYY-MM-DD. */
gboolean          scs_profile_validate          (ScsProfile  *self,
                                                 GError     **error);

const char       *scs_profile_get_path          (ScsProfile  *self);
const char       *scs_profile_get_name          (ScsProfile  *self);
void              scs_profile_set_name          (ScsProfile  *self, const char *name);
const char       *scs_profile_get_organization  (ScsProfile  *self);
void              scs_profile_set_organization  (ScsProfile  *self, const char *organization);
ScsRole           scs_profile_get_role          (ScsProfile  *self);
void              scs_profile_set_role          (ScsProfile  *self, ScsRole role);
ScsQualification  scs_profile_get_qualification (ScsProfile  *self);
void              scs_profile_set_qualification (ScsProfile  *self, ScsQualification q);
const char       *scs_profile_get_registration  (ScsProfile  *self);
void              scs_profile_set_registration  (ScsProfile  *self, const char *number);
const char       *scs_profile_get_training_date (ScsProfile  *self);
void              scs_profile_set_training_date (ScsProfile  *self, const char *date);
/* A PKCS#11 URI or the path of a PKCS#12 file; never a passphrase. */
const char       *scs_profile_get_certificate   (ScsProfile  *self);
void              scs_profile_set_certificate   (ScsProfile  *self, const char *reference);

gboolean          scs_registration_number_is_valid (const char *number);

G_END_DECLS
