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
  SCS_PROFILE_ERROR_NOT_QUALIFIED, /* signing: no (past) expert training date */
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

/* Keeping the qualification up: RISS holders take a yearly online course and
 * a practical one every three years; CISSP/CISM/CISA earn CPE; ISO/IEC
 * 27001 lead auditors CPD hours; 監査人 their points. */
typedef enum
{
  SCS_UPKEEP_RISS_ONLINE,
  SCS_UPKEEP_RISS_PRACTICAL,
  SCS_UPKEEP_CPE,
  SCS_UPKEEP_CPD,
  SCS_UPKEEP_AUDIT_POINTS,
} ScsUpkeepKind;

#define SCS_N_UPKEEP_KINDS 5

typedef struct
{
  ScsUpkeepKind  kind;
  char          *date;   /* YYYY-MM-DD */
  char          *note;   /* never NULL */
} ScsUpkeep;

/* "riss-online", "riss-practical", "cpe", "cpd", "audit-points" */
const char       *scs_upkeep_kind_to_string    (ScsUpkeepKind  kind);
gboolean          scs_upkeep_kind_from_string  (const char    *text,
                                                ScsUpkeepKind *kind);
const char       *scs_upkeep_kind_get_label    (ScsUpkeepKind  kind);
void              scs_upkeep_free              (ScsUpkeep     *upkeep);

const GPtrArray  *scs_profile_get_upkeep       (ScsProfile    *self);
gboolean          scs_profile_add_upkeep       (ScsProfile    *self,
                                                ScsUpkeepKind  kind,
                                                const char    *date,
                                                const char    *note,
                                                GError       **error);
/* The signing precondition: a training date, a past one. */
gboolean          scs_profile_check_training   (ScsProfile    *self,
                                                GError       **error);
/* Qualification, training and the latest upkeep, as lines for the sign dialog. */
char             *scs_profile_describe_qualification (ScsProfile *self);

G_END_DECLS
