/* scs-security-action.h: SECURITY ACTION ★1/★2 self-declaration workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_SECURITY_ACTION_ERROR (scs_security_action_error_quark ())

typedef enum
{
  SCS_SECURITY_ACTION_ERROR_WRONG_TYPE, /* the workspace is not a SECURITY ACTION workspace */
  SCS_SECURITY_ACTION_ERROR_INVALID,    /* bad question number, answer, ID, date, URL … */
  SCS_SECURITY_ACTION_ERROR_TEXTS,      /* the built-in texts cannot be read */
} ScsSecurityActionError;

GQuark scs_security_action_error_quark (void);

#define SCS_SECURITY_ACTION_N_QUESTIONS 25

/* One answer of the ★2 self-check. Points: done 4, partly 2, not done 0,
 * don't know −1; "not applicable" is ours (no official rule): scored as
 * done, and always shown as not applicable so a reader sees it. */
typedef enum
{
  SCS_SA_ANSWER_NONE,
  SCS_SA_ANSWER_DONE,
  SCS_SA_ANSWER_PARTLY,
  SCS_SA_ANSWER_NOT_DONE,
  SCS_SA_ANSWER_DONT_KNOW,
  SCS_SA_ANSWER_NOT_APPLICABLE,
} ScsSaAnswer;

#define SCS_SA_N_ANSWERS 6

/* "done", "partly", "not-done", "dont-know", "na"; "" for NONE. */
const char *scs_sa_answer_to_string   (ScsSaAnswer  answer);
gboolean    scs_sa_answer_from_string (const char  *word,
                                       ScsSaAnswer *answer);
const char *scs_sa_answer_get_label   (ScsSaAnswer  answer);
int         scs_sa_answer_get_points  (ScsSaAnswer  answer);

typedef enum
{
  SCS_SA_BAND_INCOMPLETE, /* some questions unanswered: no band yet */
  SCS_SA_BAND_ACHIEVED,   /* 100 */
  SCS_SA_BAND_MOSTLY,     /* 70–99 */
  SCS_SA_BAND_GAPS,       /* 50–69 */
  SCS_SA_BAND_URGENT,     /* 49 and below (down to −25) */
} ScsSaBand;

const char *scs_sa_band_to_string     (ScsSaBand band);
const char *scs_sa_band_get_label     (ScsSaBand band);
const char *scs_sa_band_get_next_step (ScsSaBand band);
/* The band of a complete self-check's total. */
ScsSaBand   scs_sa_band_for_total     (int       total);

typedef struct
{
  int   total;           /* sum of the answered questions' points */
  ScsSaBand band;
  guint n_unanswered;
  guint n_dont_know;     /* each to be followed up */
  guint n_not_applicable;
} ScsSaScore;

void        scs_sa_score (const ScsSaAnswer answers[SCS_SECURITY_ACTION_N_QUESTIONS],
                          ScsSaScore       *score);

/* The built-in texts (data/security-action/, our own words), by number
 * from 1, in the user's language. NULL for a number out of range. */
const char *scs_security_action_get_pledge_item   (guint number);
guint       scs_security_action_get_n_pledge_items (void);
const char *scs_security_action_get_question      (guint number);
/* 1 basic, 2 staff, 3 organisation. */
guint       scs_security_action_get_question_group (guint number);
const char *scs_security_action_get_group_title   (guint group);
const char *scs_security_action_get_texts_id      (void);
/* The basic-policy template: 0 the opening commitment, 1 … n the themes. */
const char *scs_security_action_get_policy_text   (guint number);
guint       scs_security_action_get_n_policy_themes (void);

/* The stored answers (NONE where unanswered). */
gboolean    scs_security_action_get_answers (ScsWorkspace *workspace,
                                             ScsSaAnswer   answers[SCS_SECURITY_ACTION_N_QUESTIONS],
                                             GError      **error);
/* The answers and the pledge (n_pledge_items long) in @stored, the
 * answers of scs_items_read_answers () of "security-action"; either may be
 * NULL. */
void        scs_security_action_answers_of  (GHashTable  *stored,
                                             ScsSaAnswer  answers[SCS_SECURITY_ACTION_N_QUESTIONS],
                                             gboolean    *pledged);
/* One durable transaction with its audit entry ("sa-answer"). */
gboolean    scs_security_action_set_answer  (ScsWorkspace *workspace,
                                             guint         number,
                                             ScsSaAnswer   answer,
                                             GError      **error);

/* The ★1 pledge: which of the basic items (1 … n_pledge_items) the
 * organisation pledges to work on, and the date. @items (n_pledge_items
 * long) and @date may be NULL; *@date is NULL before a date is set. */
gboolean    scs_security_action_get_pledge      (ScsWorkspace  *workspace,
                                                 gboolean      *items,
                                                 char         **date,
                                                 GError       **error);
/* Each one durable transaction with its audit entry ("sa-pledge"). */
gboolean    scs_security_action_set_pledge_item (ScsWorkspace  *workspace,
                                                 guint          number,
                                                 gboolean       pledged,
                                                 GError       **error);
gboolean    scs_security_action_set_pledge_date (ScsWorkspace  *workspace,
                                                 const char    *date,
                                                 GError       **error);

/* The record of the declaration made to IPA: always a declaration, never a
 * certification. */
typedef struct
{
  char  *declaration_id; /* 11 digits, NULL until declared */
  char  *declared;       /* YYYY-MM-DD */
  guint  level;          /* 1 or 2 */
  char  *policy_url;     /* https://… where the basic policy is published (★2) */
} ScsSaDeclaration;

void              scs_sa_declaration_free (ScsSaDeclaration *declaration);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSaDeclaration, scs_sa_declaration_free)

/* NULL (no error) when nothing is recorded yet. */
ScsSaDeclaration *scs_security_action_get_declaration (ScsWorkspace            *workspace,
                                                       GError                 **error);
/* The same of @db (the workspace's connection, or a reader's of a file not
 * opened as a workspace; @path for messages). */
ScsSaDeclaration *scs_security_action_read_declaration (sqlite3                *db,
                                                        const char             *path,
                                                        GError                **error);
/* Checks the ID (11 digits), the date, the level, and for ★2 the policy URL
 * (http or https); nothing is written on error. */
gboolean          scs_security_action_set_declaration (ScsWorkspace            *workspace,
                                                       const ScsSaDeclaration  *declaration,
                                                       GError                 **error);

/* The information-security basic policy, from the template in our words:
 * the commitment and the five themes, then the dates and signatory. */
typedef struct
{
  char *company;        /* default: the organisation's name */
  char *representative; /* title and name, e.g. "代表取締役 山田 太郎" */
  char *adopted;        /* YYYY-MM-DD */
  char *revised;        /* YYYY-MM-DD or NULL */
} ScsSaPolicy;

void          scs_sa_policy_free (ScsSaPolicy *policy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSaPolicy, scs_sa_policy_free)

/* NULL (no error) when no policy is written yet. */
ScsSaPolicy  *scs_security_action_get_policy    (ScsWorkspace       *workspace,
                                                 GError            **error);
ScsSaPolicy  *scs_security_action_read_policy   (sqlite3            *db,
                                                 const char         *path,
                                                 GError            **error);
/* Company and representative required, dates checked; nothing written on error. */
gboolean      scs_security_action_set_policy    (ScsWorkspace       *workspace,
                                                 const ScsSaPolicy  *policy,
                                                 GError            **error);
/* The policy as a one-page PDF for publication, in the current language
 * (scs_i18n_init ()). Fails when no policy is written. */
GBytes       *scs_security_action_render_policy (ScsWorkspace       *workspace,
                                                 GError            **error);

/* The on-ramp to ★3: creates a new SCS ★3 workspace at @path for the same
 * organisation (carried over as it is) and records in it the ★3
 * requirements our own mapping relates to the self-check questions, each
 * marked as a gap when one of those questions was answered partly, not done
 * or don't know. Audited in both files. */
ScsWorkspace *scs_security_action_start_star3   (ScsWorkspace       *workspace,
                                                 const char         *path,
                                                 GError            **error);

/* One ★3 requirement highlighted by the on-ramp (our mapping, not IPA's). */
typedef struct
{
  char     *requirement_id;
  guint    *questions;   /* self-check question numbers, 0-terminated */
  gboolean  gap;         /* one of them was answered partly, not done or don't know */
} ScsSaOnrampHint;

void          scs_sa_onramp_hint_free (ScsSaOnrampHint *hint);
/* Of ScsSaOnrampHint*, in requirement order; empty for a workspace not
 * started from SECURITY ACTION. */
GPtrArray    *scs_security_action_list_onramp   (ScsWorkspace       *workspace,
                                                 GError            **error);

G_END_DECLS
