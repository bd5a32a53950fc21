/* scs-cli-review.c: scs-cli profile, review, sign, declare and verify-signature
 *
 * The command-line twins of the expert review: the local profile ("who am
 * I", from $SCS_PROFILE or the user's configuration directory), review
 * comments, verdicts, proposed corrections and their acceptance or
 * rejection, hand-overs and the redline status, the expert's CMS signature
 * with a PKCS#12 file or a PKCS#11 token, management's declaration, and the
 * verification that says whether the signed content still matches the
 * workspace and lists what changed. Passphrases and PINs come from a file
 * or are read once from the terminal; they are never stored or retried.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "scs-attestation.h"
#include "scs-cli-private.h"
#include "scs-date.h"
#include "scs-declaration.h"
#include "scs-i18n.h"
#include "scs-profile.h"
#include "scs-review.h"
#include "scs-signature-check.h"
#include "scs-signature.h"
#include "scs-signer.h"
#include "scs-signoff.h"


static ScsProfile *
load_profile (void)
{
  g_autoptr(GError) error = NULL;
  ScsProfile *profile = scs_profile_load_default (&error);

  if (profile == NULL)
    scs_cli_report (error);
  return profile;
}

/* Opens the workspace with a review bound to the current profile. */
static ScsReview *
open_review (const char *path)
{
  g_autoptr(ScsProfile) profile = load_profile ();
  g_autoptr(ScsWorkspace) workspace = NULL;

  if (profile == NULL)
    return NULL;
  workspace = scs_cli_open_workspace (path);
  if (workspace == NULL)
    return NULL;
  if (scs_profile_get_name (profile) == NULL)
    scs_profile_set_name (profile, scs_workspace_get_actor (workspace));
  return scs_review_new (workspace, profile);
}

/* ---- profile ------------------------------------------------------------- */

static char *opt_name, *opt_organization, *opt_role, *opt_qualification;
static char *opt_registration, *opt_training, *opt_certificate;
static char **opt_upkeep;

int
scs_cli_profile_show (const ScsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(ScsProfile) profile = NULL;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 0, 0))
    return SCS_CLI_EXIT_USAGE;
  profile = load_profile ();
  if (profile == NULL)
    return SCS_CLI_EXIT_USAGE;

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
#define MEMBER(key, value) scs_cli_json_add_string (b, key, value)
      MEMBER ("file", scs_profile_get_path (profile));
      MEMBER ("name", scs_profile_get_name (profile));
      MEMBER ("organization", scs_profile_get_organization (profile));
      MEMBER ("role", scs_role_to_string (scs_profile_get_role (profile)));
      MEMBER ("qualification", scs_qualification_to_string (scs_profile_get_qualification (profile)));
      MEMBER ("registration", scs_profile_get_registration (profile));
      MEMBER ("training_date", scs_profile_get_training_date (profile));
      MEMBER ("certificate", scs_profile_get_certificate (profile));
#undef MEMBER
      json_builder_set_member_name (b, "upkeep");
      json_builder_begin_array (b);
      for (guint i = 0; i < scs_profile_get_upkeep (profile)->len; i++)
        {
          const ScsUpkeep *u = scs_profile_get_upkeep (profile)->pdata[i];

          json_builder_begin_object (b);
          scs_cli_json_add_string (b, "kind", scs_upkeep_kind_to_string (u->kind));
          scs_cli_json_add_string (b, "date", u->date);
          scs_cli_json_add_string (b, "note", u->note);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      scs_cli_print_json (b);
      return SCS_CLI_EXIT_OK;
    }

  g_print (_("Profile:        %s\n"), scs_profile_get_path (profile));
  g_print (_("Name:           %s\n"), scs_profile_get_name (profile) ? scs_profile_get_name (profile) : "");
  g_print (_("Organisation:   %s\n"), scs_profile_get_organization (profile) ? scs_profile_get_organization (profile) : "");
  g_print (_("Role:           %s\n"), scs_role_get_label (scs_profile_get_role (profile)));
  g_print (_("Qualification:  %s\n"), scs_qualification_get_label (scs_profile_get_qualification (profile)));
  if (scs_profile_get_registration (profile))
    g_print (_("Registration:   %s\n"), scs_profile_get_registration (profile));
  if (scs_profile_get_training_date (profile))
    g_print (_("Training:       %s\n"), scs_profile_get_training_date (profile));
  if (scs_profile_get_certificate (profile))
    g_print (_("Certificate:    %s\n"), scs_profile_get_certificate (profile));
  for (guint i = 0; i < scs_profile_get_upkeep (profile)->len; i++)
    {
      const ScsUpkeep *u = scs_profile_get_upkeep (profile)->pdata[i];

      /* Translators: "Upkeep:         2026-05-10 RISS yearly online course (note)" */
      g_print (_("Upkeep:         %s %s%s%s%s\n"), u->date, scs_upkeep_kind_get_label (u->kind),
               *u->note != '\0' ? " (" : "", u->note, *u->note != '\0' ? ")" : "");
    }
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_profile_set (const ScsCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("Your name"), N_("NAME") },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &opt_organization, N_("Your organisation"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &opt_role,
      N_("sme, expert, assistant, management or vendor"), N_("ROLE") },
    { "qualification", 0, 0, G_OPTION_ARG_STRING, &opt_qualification,
      N_("riss, cais, cissp, cism, cisa, iso27001-la or none"), N_("QUALIFICATION") },
    { "registration", 0, 0, G_OPTION_ARG_STRING, &opt_registration,
      N_("RISS registration number (6 digits)"), N_("NUMBER") },
    { "training-date", 0, 0, G_OPTION_ARG_STRING, &opt_training,
      N_("Date the scheme’s expert training was completed"), N_("YYYY-MM-DD") },
    { "certificate", 0, 0, G_OPTION_ARG_STRING, &opt_certificate,
      N_("Signing key: a PKCS#12 file or a PKCS#11 URI"), N_("REF") },
    { "upkeep", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_upkeep,
      N_("Record qualification upkeep (riss-online, riss-practical, cpe, cpd or audit-points), "
         "repeatable"), N_("KIND:YYYY-MM-DD[:NOTE]") },
    { NULL }
  };
  g_autoptr(ScsProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, entries, FALSE, &argc, &argv, 0, 0))
    return SCS_CLI_EXIT_USAGE;
  profile = load_profile ();
  if (profile == NULL)
    return SCS_CLI_EXIT_USAGE;

  if (opt_name)
    scs_profile_set_name (profile, opt_name);
  if (opt_organization)
    scs_profile_set_organization (profile, opt_organization);
  if (opt_role)
    {
      ScsRole role;

      if (!scs_role_from_string (opt_role, &role))
        return scs_cli_error (_("Unknown role ‘%s’: use sme, expert, assistant, management or vendor"),
                              opt_role);
      scs_profile_set_role (profile, role);
    }
  if (opt_qualification)
    {
      ScsQualification q;

      if (!scs_qualification_from_string (opt_qualification, &q))
        return scs_cli_error (_("Unknown qualification ‘%s’: use riss, cais, cissp, cism, cisa, "
                                "iso27001-la or none"), opt_qualification);
      scs_profile_set_qualification (profile, q);
    }
  if (opt_registration)
    scs_profile_set_registration (profile, opt_registration);
  if (opt_training)
    scs_profile_set_training_date (profile, opt_training);
  if (opt_certificate)
    scs_profile_set_certificate (profile, opt_certificate);
  for (guint i = 0; opt_upkeep != NULL && opt_upkeep[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (opt_upkeep[i], ":", 3);
      ScsUpkeepKind kind;

      if (g_strv_length (parts) < 2 || !scs_upkeep_kind_from_string (parts[0], &kind))
        return scs_cli_error (_("--upkeep ‘%s’: expected KIND:YYYY-MM-DD[:NOTE] with KIND riss-online, "
                                "riss-practical, cpe, cpd or audit-points"), opt_upkeep[i]);
      if (!scs_profile_add_upkeep (profile, kind, parts[1], parts[2], &error))
        return scs_cli_report (error);
    }

  if (!scs_profile_save (profile, &error))
    return scs_cli_report (error);
  g_print (_("Saved the profile ‘%s’.\n"), scs_profile_get_path (profile));
  return SCS_CLI_EXIT_OK;
}

/* ---- review writes -------------------------------------------------------- */

static char *opt_comment;

int
scs_cli_review_comment (const ScsCliCommand *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;
  const char *criterion;
  gint64 id;

  if (!scs_cli_parse_arguments (command, NULL, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;
  criterion = g_str_equal (argv[2], "-") ? NULL : argv[2];
  id = scs_review_add_comment (review, criterion, argv[3], &error);
  if (id == 0)
    return scs_cli_report (error);
  g_print (_("Comment #%lld added.\n"), (long long) id);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_review_verdict (const ScsCliCommand *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;
  ScsVerdict verdict;
  guint n = 0;

  if (!scs_cli_parse_arguments (command, NULL, TRUE, &argc, &argv, 3, 3))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_verdict_from_string (argv[3], &verdict) ||
      (verdict != SCS_VERDICT_ACCEPTED && verdict != SCS_VERDICT_REVISION_REQUIRED))
    return scs_cli_error (_("Unknown verdict ‘%s’: use accepted or revision-required"), argv[3]);
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;

  if (g_str_equal (argv[2], "all"))
    {
      /* Every criterion up to the target level that is not already so. */
      ScsWorkspace *ws = scs_review_get_workspace (review);
      GListModel *answers = scs_workspace_get_answers (ws);
      guint level = scs_workspace_get_target_level (ws);

      for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
        {
          g_autoptr(ScsAnswer) answer = g_list_model_get_item (answers, i);
          const char *id = scs_answer_get_criterion_id (answer);

          if (scs_answer_get_criterion (answer)->level > level ||
              scs_review_get_verdict (review, id) == verdict)
            continue;
          if (!scs_review_set_verdict (review, id, verdict, &error))
            return scs_cli_report (error);
          n++;
        }
    }
  else
    {
      if (!scs_review_set_verdict (review, argv[2], verdict, &error))
        return scs_cli_report (error);
      n = 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u criterion marked %s.\n", "%u criteria marked %s.\n", n),
           n, scs_verdict_get_label (verdict));
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_review_propose (const ScsCliCommand *command,
                        int                  argc,
                        char               **argv)
{
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &opt_comment, N_("Why the correction is needed"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 4, 4))
    return SCS_CLI_EXIT_USAGE;
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;
  id = scs_review_propose (review, argv[2], argv[3], argv[4], opt_comment, &error);
  if (id == 0)
    return scs_cli_report (error);
  g_print (_("Correction #%lld proposed.\n"), (long long) id);
  return SCS_CLI_EXIT_OK;
}

static int
decide (const ScsCliCommand *command,
        int                  argc,
        char               **argv,
        gboolean             accept)
{
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &opt_comment, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!scs_cli_parse_arguments (command, accept ? NULL : entries, TRUE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_cli_parse_id (argv[2], &id))
    return scs_cli_error (_("‘%s’ is not a proposal number"), argv[2]);
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (accept ? !scs_review_accept_proposal (review, id, &error)
             : !scs_review_reject_proposal (review, id, opt_comment, &error))
    return scs_cli_report (error);
  g_print (accept ? _("Correction #%lld accepted.\n")
                  : _("Correction #%lld rejected.\n"), (long long) id);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_review_accept (const ScsCliCommand *command, int argc, char **argv)
{
  return decide (command, argc, argv, TRUE);
}

int
scs_cli_review_reject (const ScsCliCommand *command, int argc, char **argv)
{
  return decide (command, argc, argv, FALSE);
}

/* Opens FILE's review, runs one whole-review step, says what it did. */
static int
run_review_step (const ScsCliCommand  *command,
                 int                   argc,
                 char                **argv,
                 gboolean            (*step) (ScsReview *, GError **),
                 const char           *done)
{
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, NULL, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (!step (review, &error))
    return scs_cli_report (error);
  g_print ("%s", done);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_review_hand_over (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  return run_review_step (command, argc, argv, scs_review_hand_over,
                          _("Handed over: the other side will see what changed since now.\n"));
}

int
scs_cli_review_new_round (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  return run_review_step (command, argc, argv, scs_review_start_new_round,
                          _("A new review round started: the assessment can be changed, and must be signed again.\n"));
}

/* ---- review status -------------------------------------------------------- */

static void
review_change_to_json (JsonBuilder   *b,
                       gconstpointer  item)
{
  const ScsReviewChange *c = item;

  scs_cli_json_add_string (b, "target", c->target);
  scs_cli_json_add_string (b, "field", c->field);
  scs_cli_json_add_string (b, "old", c->old_value ? c->old_value : "");
  scs_cli_json_add_string (b, "new", c->new_value ? c->new_value : "");
  scs_cli_json_add_string (b, "actor", c->actor);
}

static void
review_item_to_json (JsonBuilder   *b,
                     gconstpointer  data)
{
  const ScsReviewItem *item = data;

  scs_cli_json_add_string (b, "criterion", item->criterion_id);
  scs_cli_json_add_string (b, "kind", item->kind);
  scs_cli_json_add_int (b, "ref", item->ref);
  scs_cli_json_add_string (b, "text", item->text);
}

static void
review_proposal_to_json (JsonBuilder   *b,
                         gconstpointer  item)
{
  const ScsReviewProposal *p = item;

  scs_cli_json_add_int (b, "id", p->id);
  scs_cli_json_add_string (b, "criterion", p->criterion_id);
  scs_cli_json_add_string (b, "field", p->field);
  scs_cli_json_add_string (b, "old", p->old_value);
  scs_cli_json_add_string (b, "new", p->new_value);
  scs_cli_json_add_string (b, "status", p->status);
}

int
scs_cli_review_status (const ScsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  ScsReviewSummary s;

  if (!scs_cli_parse_arguments (command, scs_cli_json_entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;

  if (!scs_review_get_summary (review, &s, &error) ||
      (changes = scs_review_list_changes (review, &error)) == NULL ||
      (waiting = scs_review_list_waiting (review, &error)) == NULL ||
      (proposals = scs_review_list_proposals (review, NULL, &error)) == NULL)
    return scs_cli_report (error);

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      scs_cli_json_add_string (b, "side", scs_review_get_side (review) == SCS_REVIEW_SIDE_EXPERT
                                        ? "expert" : "organization");
      scs_cli_json_add_int (b, "round", s.round);
      scs_cli_json_add_int (b, "criteria", s.n_criteria);
      scs_cli_json_add_int (b, "accepted", s.n_accepted);
      scs_cli_json_add_int (b, "revision_required", s.n_revision);
      scs_cli_json_add_int (b, "reopened", s.n_reopened);
      scs_cli_json_add_int (b, "unreviewed", s.n_unreviewed);
      scs_cli_json_add_int (b, "open_proposals", s.n_open_proposals);
      scs_cli_json_add_int (b, "nonconformities_open", s.n_nonconformities_open);
      scs_cli_json_add_int (b, "nonconformities_closed", s.n_nonconformities_closed);
      scs_cli_json_add_boolean (b, "sealed", s.sealed);

      scs_cli_json_add_objects (b, "changes", changes, review_change_to_json);
      scs_cli_json_add_objects (b, "waiting", waiting, review_item_to_json);
      scs_cli_json_add_objects (b, "proposals", proposals, review_proposal_to_json);
      json_builder_end_object (b);
      scs_cli_print_json (b);
      return SCS_CLI_EXIT_OK;
    }

  g_print (_("Review round %u%s\n"), s.round, s.sealed ? _(" — signed and sealed") : "");
  g_print (_("Criteria: %u accepted, %u revision required, %u reopened, %u not reviewed (of %u)\n"),
           s.n_accepted, s.n_revision, s.n_reopened, s.n_unreviewed, s.n_criteria);
  g_print (_("Nonconformities: %u open, %u corrected and accepted; open proposals: %u\n"),
           s.n_nonconformities_open, s.n_nonconformities_closed, s.n_open_proposals);

  if (changes->len > 0)
    {
      g_autoptr(ScsCliTable) table = scs_cli_table_new (5);

      g_print ("\n%s\n", _("Changed since your last hand-over:"));
      scs_cli_table_add_row (table, _("Item"), _("Field"), _("Before"), _("Now"), _("By"));
      scs_cli_table_add_rule (table);
      for (guint i = 0; i < changes->len; i++)
        {
          ScsReviewChange *c = changes->pdata[i];

          scs_cli_table_add_row (table, c->target, c->field, c->old_value, c->new_value, c->actor);
        }
      scs_cli_table_print (table);
    }
  if (waiting->len > 0)
    {
      g_print ("\n%s\n", _("Waiting for you:"));
      for (guint i = 0; i < waiting->len; i++)
        {
          ScsReviewItem *item = waiting->pdata[i];
          /* A scope item by the name its audit rows use, "scope:3". */
          g_autofree char *scope = g_str_equal (item->kind, "scope-questioned")
                                   ? g_strdup_printf ("scope:%lld", (long long) item->ref) : NULL;

          g_print ("  %-10s %s\n", item->criterion_id ? item->criterion_id : scope ? scope : "—", item->text);
        }
    }
  return SCS_CLI_EXIT_OK;
}

/* ---- signing --------------------------------------------------------------- */

static char *opt_p12, *opt_password_file, *opt_pkcs11, *opt_pin_file, *opt_tsa, *opt_ocsp;
static char **opt_ca, **opt_crl;
static gboolean opt_accept_personal, opt_allow_same_signer;

ScsTrustAnchors *
scs_cli_load_anchors (char **files)
{
  g_autoptr(ScsTrustAnchors) anchors = scs_trust_anchors_new ();

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!scs_trust_anchors_add_file (anchors, files[i], &error))
        {
          scs_cli_report (error);
          return NULL;
        }
    }
  return g_steal_pointer (&anchors);
}

/* The trusted CAs, the TSA and the CRLs of the command line, on @signer. */
static gboolean
configure_signer (ScsSigner *signer)
{
  g_autoptr(ScsTrustAnchors) anchors = NULL;

  if (opt_ca != NULL)
    {
      anchors = scs_cli_load_anchors (opt_ca);
      if (anchors == NULL)
        return FALSE;
      scs_signer_set_trust_anchors (signer, anchors);
    }
  scs_signer_set_tsa_url (signer, opt_tsa);
  /* "aia": the address in the certificate */
  if (opt_ocsp != NULL)
    scs_signer_set_ocsp_url (signer, g_str_equal (opt_ocsp, "aia") ? "" : opt_ocsp);
  for (guint i = 0; opt_crl != NULL && opt_crl[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!scs_signer_add_crl_file (signer, opt_crl[i], &error))
        {
          scs_cli_report (error);
          return FALSE;
        }
    }
  return TRUE;
}

/* What the options confirmed. */
static ScsSignFlags
sign_flags (void)
{
  return (opt_accept_personal ? SCS_SIGN_FLAGS_ACCEPT_PERSONAL_DATA : 0) |
         (opt_allow_same_signer ? SCS_SIGN_FLAGS_ALLOW_SAME_SIGNER : 0);
}

/* The core's refusal, with the option that overrides it. */
static int
report_signing_error (const GError *error)
{
  if (g_error_matches (error, SCS_SIGNER_ERROR, SCS_SIGNER_ERROR_SAME_SIGNER))
    return scs_cli_error (_("%s (--allow-same-signer to sign anyway)"), error->message);
  return scs_cli_report (error);
}

/* One line from @path, or read once from the terminal without echo. */
static char *
read_secret (const char *path,
             const char *prompt)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char line[1024];

  if (path != NULL)
    {
      char *nl;

      if (!g_file_get_contents (path, &contents, NULL, &error))
        {
          scs_cli_error ("%s", error->message);
          return NULL;
        }
      if ((nl = strpbrk (contents, "\r\n")) != NULL)
        *nl = '\0';
      return g_steal_pointer (&contents);
    }

  if (isatty (STDIN_FILENO))
    {
      struct termios old, quiet;
      gboolean ok;

      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &old);
      quiet = old;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
      ok = fgets (line, sizeof line, stdin) != NULL;
      tcsetattr (STDIN_FILENO, TCSANOW, &old);
      g_printerr ("\n");
      if (!ok)
        return NULL;
    }
  else if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;

  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

static char *
pin_from_file_or_terminal (const char  *token_label,
                           ScsPinFlags  flags,
                           gpointer     user_data)
{
  g_autofree char *prompt = g_strdup_printf (_("PIN for %s: "), token_label);

  if (flags & SCS_PIN_FLAGS_FINAL_TRY)
    g_printerr (_("scs-cli: warning: this is the last PIN try before the token locks\n"));
  else if (flags & SCS_PIN_FLAGS_COUNT_LOW)
    g_printerr (_("scs-cli: warning: few PIN tries are left on the token\n"));
  return read_secret (user_data, prompt);
}

static ScsSigner *
load_signer (GError **error)
{
  if ((opt_p12 != NULL) == (opt_pkcs11 != NULL))
    {
      scs_cli_error (_("Give the key with either --p12 FILE or --pkcs11 URI"));
      return NULL;
    }
  if (opt_p12 != NULL)
    {
      g_autofree char *prompt = g_strdup_printf (_("Passphrase for %s: "), opt_p12);
      g_autofree char *password = read_secret (opt_password_file, prompt);
      ScsSigner *signer;

      if (password == NULL)
        {
          scs_cli_error (_("No passphrase given for ‘%s’"), opt_p12);
          return NULL;
        }
      signer = scs_signer_new_from_pkcs12 (opt_p12, password, error);
      memset (password, 0, strlen (password));
      if (signer == NULL)
        scs_cli_report (*error);
      return signer;
    }
  else
    {
      ScsSigner *signer = scs_signer_new_from_pkcs11 (opt_pkcs11, pin_from_file_or_terminal,
                                                      opt_pin_file, error);
      if (signer == NULL)
        scs_cli_report (*error);
      return signer;
    }
}

/* The period in the user's calendar dates, as the sign dialog shows it.
 * Only after a signature: the core's check refused a certificate whose
 * period cannot be read. */
static void
print_validity (ScsSigner *signer)
{
  g_autoptr(GDateTime) from = scs_signer_get_activation_time (signer);
  g_autoptr(GDateTime) to = scs_signer_get_expiration_time (signer);
  g_autofree char *from_date = scs_date_time_to_iso (from, SCS_DATE_ZONE_LOCAL);
  g_autofree char *to_date = scs_date_time_to_iso (to, SCS_DATE_ZONE_LOCAL);

  g_print (_("The signing certificate is valid from %s to %s.\n"), from_date, to_date);
}

#define KEY_ENTRIES \
    { "p12", 0, 0, G_OPTION_ARG_FILENAME, &opt_p12, N_("PKCS#12 key file"), N_("FILE") }, \
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_password_file, \
      N_("Read the passphrase from this file (default: ask)"), N_("FILE") }, \
    { "pkcs11", 0, 0, G_OPTION_ARG_STRING, &opt_pkcs11, N_("PKCS#11 URI of the key on a token"), N_("URI") }, \
    { "pin-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_pin_file, \
      N_("Read the token PIN from this file (default: ask)"), N_("FILE") }, \
    { "ca", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_ca, \
      N_("Require a certificate under this CA (PEM, bundle or DER; repeatable)"), N_("FILE") }, \
    { "tsa", 0, 0, G_OPTION_ARG_STRING, &opt_tsa, \
      N_("Add an RFC 3161 time stamp from this time-stamp authority"), N_("URL") }, \
    { "ocsp", 0, 0, G_OPTION_ARG_STRING, &opt_ocsp, \
      N_("Ask this OCSP responder about the certificate and embed its answer (aia: the certificate’s own)"), \
      N_("URL") }, \
    { "crl", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_crl, \
      N_("Embed this certificate revocation list (PEM or DER; repeatable)"), N_("FILE") }, \
    { "allow-same-signer", 0, 0, G_OPTION_ARG_NONE, &opt_allow_same_signer, \
      N_("Sign even though the same certificate signed the other role"), NULL }, \
    { "accept-personal-data", 0, 0, G_OPTION_ARG_NONE, &opt_accept_personal, \
      N_("Sign even though the certificate carries personal data"), NULL }

/* For the commands of other files that sign (`jc export`): the key, trust,
 * time-stamp and CRL options, and the signer they name. */
static const GOptionEntry signer_entries[] = {
  { "p12", 0, 0, G_OPTION_ARG_FILENAME, &opt_p12, N_("PKCS#12 key file"), N_("FILE") },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_password_file,
    N_("Read the passphrase from this file (default: ask)"), N_("FILE") },
  { "pkcs11", 0, 0, G_OPTION_ARG_STRING, &opt_pkcs11, N_("PKCS#11 URI of the key on a token"), N_("URI") },
  { "pin-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_pin_file,
    N_("Read the token PIN from this file (default: ask)"), N_("FILE") },
  { "tsa", 0, 0, G_OPTION_ARG_STRING, &opt_tsa,
    N_("Add an RFC 3161 time stamp from this time-stamp authority"), N_("URL") },
  { NULL }
};

const GOptionEntry *scs_cli_signer_entries = signer_entries;

ScsSigner *
scs_cli_load_signer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSigner) signer = load_signer (&error);

  if (signer == NULL || !configure_signer (signer))
    return NULL;
  return g_steal_pointer (&signer);
}

int
scs_cli_sign (const ScsCliCommand *command,
              int                  argc,
              char               **argv)
{
  const GOptionEntry entries[] = { KEY_ENTRIES, { NULL } };
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSignatureInfo) info = NULL;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;
  signer = load_signer (&error);
  if (signer == NULL || !configure_signer (signer))
    return SCS_CLI_EXIT_USAGE;
  if (!scs_signoff_sign_assessment (signer, review, NULL, sign_flags (), &error))
    return report_signing_error (error);

  info = scs_signature_dup_info (scs_review_get_workspace (review), SCS_SIGNATURE_ROLE_EXPERT);
  g_print (_("Signed by %s; content SHA-256 %s. The assessment is now sealed.\n"),
           info->signer_subject, info->content_sha256);
  print_validity (signer);
  return SCS_CLI_EXIT_OK;
}

static char *opt_title, *opt_text, *opt_report_lang;

int
scs_cli_declare (const ScsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("Declarant’s name"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("Declarant’s title"), N_("TITLE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &opt_text, N_("Declaration text (default: ours)"), N_("TEXT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_report_lang,
      N_("Language of the signed report: ja (default) or en"), N_("LANG") },
    KEY_ENTRIES,
    { NULL }
  };
  g_autoptr(ScsReview) review = NULL;
  g_autoptr(ScsSigner) signer = NULL;
  g_autoptr(GError) error = NULL;

  if (!scs_cli_parse_arguments (command, entries, TRUE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  if (opt_name == NULL || opt_title == NULL)
    return scs_cli_error (_("declare: --name and --title are required"));
  review = open_review (argv[1]);
  if (review == NULL)
    return SCS_CLI_EXIT_USAGE;
  /* before asking for a password: the profile may not declare at all */
  if (!scs_signoff_check_declarant (review, &error))
    return scs_cli_report (error);
  if (opt_p12 != NULL || opt_pkcs11 != NULL)
    {
      signer = load_signer (&error);
      if (signer == NULL || !configure_signer (signer))
        return SCS_CLI_EXIT_USAGE;
    }
  /* the signed report.pdf in the language asked for, Japanese by default */
  if (!scs_signoff_declare (review, opt_name, opt_title, opt_text,
                            opt_report_lang != NULL ? opt_report_lang : "ja",
                            signer, NULL, sign_flags (), &error))
    return report_signing_error (error);
  g_print (signer ? _("Declared and signed by %s (%s).\n") : _("Declared by %s (%s), unsigned.\n"),
           opt_name, opt_title);
  if (signer != NULL)
    print_validity (signer);
  return SCS_CLI_EXIT_OK;
}

static void
add_time_json (JsonBuilder *b,
               const char  *name,
               GDateTime   *when)
{
  json_builder_set_member_name (b, name);
  if (when != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (when);

      json_builder_add_string_value (b, text);
    }
  else
    json_builder_add_null_value (b);
}

/* Who signed, when and how well: all from the CMS and its certificate. */
static void
add_verification_json (JsonBuilder              *b,
                       const ScsCmsVerification *v)
{
  scs_cli_json_add_boolean (b, "trusted", v != NULL && v->trusted);
  scs_cli_json_add_string (b, "signer", v ? v->subject : NULL);
  scs_cli_json_add_string (b, "signer_name", v ? v->common_name : NULL);
  scs_cli_json_add_string (b, "signer_organization", v ? v->organization : NULL);
  scs_cli_json_add_string (b, "signer_registration", v ? v->registration : NULL);
  scs_cli_json_add_string (b, "signer_issuer", v ? v->issuer : NULL);
  scs_cli_json_add_string (b, "signer_sha256", v ? v->fingerprint : NULL);
  add_time_json (b, "signed_at", v ? v->signing_time : NULL);
  add_time_json (b, "timestamp", v ? v->timestamp_time : NULL);
  scs_cli_json_add_string (b, "timestamp_authority", v ? v->tsa_subject : NULL);
  scs_cli_json_add_string (b, "level", scs_cms_level_to_string (v ? v->level : SCS_CMS_LEVEL_NONE));
  scs_cli_json_add_string (b, "notice", v ? v->notice : NULL);
}

/* "name — O (registration no. N), signed 2026-…, time-stamped 2026-… ; CAdES B-T" */
static char *
describe_signer (const ScsCmsVerification *v)
{
  g_autofree char *person = scs_cms_verification_dup_person (v);
  GString *out = g_string_new (person);

  if (v->timestamp_time != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (v->timestamp_time);
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

      g_string_append_printf (out, _(", time-stamped %s"), text);
    }
  else if (v->signing_time != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (v->signing_time);
      g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

      g_string_append_printf (out, _(", signed %s"), text);
    }
  g_string_append_printf (out, "; %s", scs_cms_level_describe (v->level));
  return g_string_free (out, FALSE);
}

int
scs_cli_verify_signature (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &scs_cli_opt_json, N_("Print JSON"), NULL },
    { "ca", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_ca,
      N_("Trust this CA certificate (PEM, bundle or DER; repeatable)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(ScsTrustAnchors) anchors = NULL;
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsSignatureCheck) expert = NULL;
  g_autoptr(ScsSignatureCheck) management = NULL;
  g_autoptr(GError) management_error = NULL;
  gboolean good;

  if (!scs_cli_parse_arguments (command, entries, FALSE, &argc, &argv, 1, 1))
    return SCS_CLI_EXIT_USAGE;
  anchors = scs_cli_load_anchors (opt_ca);
  if (anchors == NULL)
    return SCS_CLI_EXIT_USAGE;
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;

  expert = scs_signature_check_with_anchors (workspace, SCS_SIGNATURE_ROLE_EXPERT, anchors, &error);
  if (expert == NULL && !g_error_matches (error, SCS_SIGNATURE_ERROR, SCS_SIGNATURE_ERROR_UNSIGNED))
    return scs_cli_report (error);
  management = scs_signature_check_with_anchors (workspace, SCS_SIGNATURE_ROLE_MANAGEMENT, anchors,
                                                 &management_error);

  good = expert != NULL && scs_signature_check_is_good (expert) &&
         (management == NULL || scs_signature_check_is_good (management));

  if (scs_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      ScsSignatureCheck *checks[] = { expert, management };

      json_builder_begin_object (b);
      scs_cli_json_add_boolean (b, "valid", good);
      scs_cli_json_add_boolean (b, "trusted",
                                good && expert->verification != NULL && expert->verification->trusted &&
                                (management == NULL || management->verification == NULL ||
                                 management->verification->trusted));
      for (guint i = 0; i < 2; i++)
        {
          ScsSignatureCheck *c = checks[i];

          json_builder_set_member_name (b, i == 0 ? "expert" : "management");
          if (c == NULL)
            {
              json_builder_add_null_value (b);
              continue;
            }
          json_builder_begin_object (b);
          scs_cli_json_add_boolean (b, "signed", c->has_cms);
          scs_cli_json_add_boolean (b, "signature_valid", c->signature_valid);
          scs_cli_json_add_boolean (b, "content_matches", c->content_matches);
          add_verification_json (b, c->verification);
          scs_cli_json_add_string (b, "content_sha256", c->info->content_sha256);
          scs_cli_json_add_string (b, "problem", c->problem);
          json_builder_set_member_name (b, "changes");
          json_builder_begin_array (b);
          for (guint j = 0; j < c->changes->len; j++)
            json_builder_add_string_value (b, c->changes->pdata[j]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      scs_cli_print_json (b);
    }
  else
    {
      if (expert == NULL)
        g_print ("%s\n", error->message);
      else if (scs_signature_check_is_good (expert))
        {
          g_autofree char *who = describe_signer (expert->verification);

          g_print (expert->verification->trusted
                   ? _("Expert signature: valid, by %s; the workspace matches the signed content.\n")
                   : _("Expert signature: intact, signer not verified (%s); the workspace matches the "
                       "signed content. Give --ca to verify the signer.\n"), who);
        }
      else
        {
          g_print (_("Expert signature: NOT valid: %s\n"), expert->problem);
          for (guint j = 0; j < expert->changes->len; j++)
            g_print (_("  changed: %s\n"), (char *) expert->changes->pdata[j]);
        }
      if (management != NULL)
        {
          if (!scs_signature_check_is_good (management))
            g_print (_("Management declaration: NOT valid: %s\n"), management->problem);
          else if (management->has_cms)
            {
              g_autofree char *who = describe_signer (management->verification);

              g_print (management->verification->trusted
                       ? _("Management declaration: valid, signed by %s.\n")
                       : _("Management declaration: intact, signer not verified (%s).\n"), who);
            }
          else
            g_print (_("Management declaration: present, unsigned, covers the signed assessment.\n"));
        }
    }
  return good ? SCS_CLI_EXIT_OK : SCS_CLI_EXIT_CHECK_FAILED;
}

int
scs_cli_signature_export (const ScsCliCommand *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const struct { ScsSignatureRole role; const char *xml; const char *p7s; const char *manifest; } files[] = {
    { SCS_SIGNATURE_ROLE_EXPERT, "assessment.xml", "signature-expert.p7s", "ASiCManifest-expert.xml" },
    { SCS_SIGNATURE_ROLE_MANAGEMENT, "declaration.xml", "signature-management.p7s",
      "ASiCManifest-management.xml" },
  };
  guint n = 0;

  if (!scs_cli_parse_arguments (command, NULL, FALSE, &argc, &argv, 2, 2))
    return SCS_CLI_EXIT_USAGE;
  workspace = scs_cli_open_workspace (argv[1]);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  if (g_mkdir_with_parents (argv[2], 0755) != 0)
    return scs_cli_error (_("Cannot create the folder ‘%s’"), argv[2]);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) content = scs_signature_dup_signed_content (workspace, files[i].role);
      g_autoptr(GBytes) cms = scs_signature_dup_cms (workspace, files[i].role);
      g_autofree char *xml_path = g_build_filename (argv[2], files[i].xml, NULL);
      g_autofree char *p7s_path = g_build_filename (argv[2], files[i].p7s, NULL);
      g_autoptr(GPtrArray) entries = NULL;

      if (content == NULL || cms == NULL)
        continue;
      if (!g_file_set_contents (xml_path, g_bytes_get_data (content, NULL), g_bytes_get_size (content), &error) ||
          !g_file_set_contents (p7s_path, g_bytes_get_data (cms, NULL), g_bytes_get_size (cms), &error))
        return scs_cli_report (error);
      g_print ("%s\n%s\n", xml_path, p7s_path);
      /* since signed manifests the CMS covers the ASiCManifest, which
       * references the content by its SHA-256 */
      entries = scs_signature_dup_entries (workspace, files[i].role);
      for (guint j = 0; entries != NULL && j < entries->len; j++)
        {
          ScsSignedEntry *entry = g_ptr_array_index (entries, j);
          g_autofree char *manifest_path = NULL;

          if (!g_str_has_prefix (entry->path, "META-INF/") || entry->data == NULL)
            continue;
          manifest_path = g_build_filename (argv[2], files[i].manifest, NULL);
          if (!g_file_set_contents (manifest_path, g_bytes_get_data (entry->data, NULL),
                                    g_bytes_get_size (entry->data), &error))
            return scs_cli_report (error);
          g_print ("%s\n", manifest_path);
        }
      n++;
    }
  if (n == 0)
    return scs_cli_error (_("The workspace ‘%s’ has no signature to export"), argv[1]);
  return SCS_CLI_EXIT_OK;
}

int
scs_cli_attestation (const ScsCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(ScsWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;

  workspace = scs_cli_parse_and_open (command, NULL, FALSE, &argc, &argv);
  if (workspace == NULL)
    return SCS_CLI_EXIT_USAGE;
  xml = scs_attestation_render (workspace, &error);
  if (xml == NULL)
    return scs_cli_report (error);
  fwrite (g_bytes_get_data (xml, NULL), 1, g_bytes_get_size (xml), stdout);
  return SCS_CLI_EXIT_OK;
}
