/* scs-cli-private.h: what the scs-cli subcommand files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

/* Exit codes, as DESIGN.md "Command line" defines them. */
enum
{
  SCS_CLI_EXIT_OK = 0,
  SCS_CLI_EXIT_CHECK_FAILED = 1,
  SCS_CLI_EXIT_USAGE = 2,
};

typedef struct _ScsCliCommand ScsCliCommand;

typedef int (*ScsCliRunFunc) (const ScsCliCommand *command,
                              int                  argc,
                              char               **argv);

struct _ScsCliCommand
{
  const char    *name;        /* "evidence add" */
  const char    *parameters;  /* "FILE CRITERION_ID PATH…" */
  const char    *summary;     /* N_() */
  ScsCliRunFunc  run;
};

/* scs-cli.c */
int          scs_cli_error               (const char          *format,
                                          ...) G_GNUC_PRINTF (1, 2);
int          scs_cli_report              (const GError        *error);
/* The CA certificates of every --ca FILE (PEM, bundles or DER); NULL
 * after printing the error when one cannot be read. @files may be NULL:
 * an empty set. */
struct _ScsTrustAnchors *scs_cli_load_anchors (char **files);
gboolean     scs_cli_parse_arguments     (const ScsCliCommand *command,
                                          const GOptionEntry  *entries,
                                          gboolean             writes,
                                          int                 *argc,
                                          char              ***argv,
                                          int                  n_min,
                                          int                  n_max);
ScsWorkspace *scs_cli_open_workspace     (const char          *path);
/* A command whose one argument is a workspace FILE: its arguments parsed
 * and FILE opened; NULL after printing why. */
ScsWorkspace *scs_cli_parse_and_open     (const ScsCliCommand *command,
                                          const GOptionEntry  *entries,
                                          gboolean             writes,
                                          int                 *argc,
                                          char              ***argv);
void         scs_cli_print_json          (JsonBuilder         *builder);
/* --json, setting scs_cli_opt_json: one process runs one command. */
extern gboolean scs_cli_opt_json;
extern const GOptionEntry scs_cli_json_entries[];
/* A string member of the object being built, null when @value is NULL. */
void         scs_cli_json_add_string     (JsonBuilder         *builder,
                                          const char          *name,
                                          const char          *value);
void         scs_cli_json_add_int        (JsonBuilder         *builder,
                                          const char          *name,
                                          gint64               value);
void         scs_cli_json_add_boolean    (JsonBuilder         *builder,
                                          const char          *name,
                                          gboolean             value);
/* Fills the object being built from one record of a list. */
typedef void (*ScsCliJsonFillFunc)       (JsonBuilder         *builder,
                                          gconstpointer        item);
/* The member @name: an array of one object per element of @items, each
 * filled by @fill. */
void         scs_cli_json_add_objects    (JsonBuilder         *builder,
                                          const char          *name,
                                          GPtrArray           *items,
                                          ScsCliJsonFillFunc   fill);
char        *scs_cli_level_label         (guint                level);
void         scs_cli_json_add_progress   (JsonBuilder         *builder,
                                          const ScsProgress   *progress);
/* A record's number as typed (decimal, 1 or more): a review proposal,
 * a scope item, a JC-STAR event. FALSE, printing nothing, for other text. */
gboolean     scs_cli_parse_id            (const char          *text,
                                          gint64              *id);
gboolean     scs_cli_check_criterion     (ScsCatalog          *catalog,
                                          const char          *id);

guint        scs_cli_display_width       (const char          *text);

typedef struct _ScsCliTable ScsCliTable;


ScsCliTable *scs_cli_table_new           (guint                n_columns);
void         scs_cli_table_free          (ScsCliTable         *table);
void         scs_cli_table_set_right     (ScsCliTable         *table,
                                          guint                column);
/* Exactly n_columns strings; NULL prints as empty. */
void         scs_cli_table_add_row       (ScsCliTable         *table,
                                          ...);
void         scs_cli_table_add_rule      (ScsCliTable         *table);
void         scs_cli_table_print         (ScsCliTable         *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsCliTable, scs_cli_table_free)

/* scs-cli-org.c: the organisation's rows (`info`, `org show`) and JSON object */
void         scs_cli_org_add_rows        (ScsCliTable           *table,
                                          const ScsOrganization *org);
void         scs_cli_org_add_json        (JsonBuilder           *builder,
                                          const ScsOrganization *org);
/* scs-cli-items.c: the item-based types (JC-STAR ★1, SECURITY ACTION …) */
/* Stores @word (NULL: unanswered) for the item named by @keys; FALSE with
 * @error for a key or answer the type refuses. */
typedef gboolean (*ScsCliItemsSetFunc) (ScsWorkspace        *workspace,
                                        const char * const  *keys,
                                        const char          *word,
                                        GError             **error);
/* `… answer FILE KEY… WORD`: @n_keys key arguments, WORD one of @words or
 * "unanswered". */
int          scs_cli_items_answer        (const ScsCliCommand *command,
                                          const GOptionEntry  *entries,
                                          int                  argc,
                                          char               **argv,
                                          guint                n_keys,
                                          const char * const  *words,
                                          ScsCliItemsSetFunc   set);

/* scs-cli-review.c: for other commands that sign (`jc export`) */
extern const GOptionEntry *scs_cli_signer_entries;
/* The signer the options name; NULL after printing why. */
struct _ScsSigner *scs_cli_load_signer (void);

/* scs-cli-catalog.c */
int scs_cli_catalog_info      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_catalog_list      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_catalog_show      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_catalog_validate  (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-catalogv.c */
ScsCatalog *scs_cli_load_catalog (const char *argument);
int scs_cli_catalog_import_xlsx (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_catalog_diff      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_migrate           (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-workspace.c */
int scs_cli_jc_product        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_jc_answer         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_jc_event          (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_jc_notice         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_jc_checklist      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_jc_import         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_jc_export         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_jc_check          (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_sa_pledge         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_sa_answer         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_sa_check          (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_sa_policy         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_sa_to_star3       (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_sa_declare        (const ScsCliCommand *command, int argc, char **argv);
/* scs-cli-provider.c */
int scs_cli_provider_link        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_isms        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_certify     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_service     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_subcontract (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_tool        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_store       (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_import_csv  (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_show        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_provider_check       (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-org.c */
int scs_cli_new               (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_org_show          (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_org_set           (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-workspace.c */
int scs_cli_info              (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_answer            (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_status            (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_audit             (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-evidence.c */
int scs_cli_evidence_add      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_evidence_list     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_evidence_extract  (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-package.c */
int scs_cli_export            (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_report_pdf        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_verify            (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-submission.c */
int scs_cli_submissions       (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-scope.c */
int scs_cli_scope_unit        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_add         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_set         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_exclude     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_except      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_include     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_review      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_remove      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_list        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_show        (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_check       (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_export      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_scope_import_csv  (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-review.c */
int scs_cli_profile_show      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_profile_set       (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_comment    (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_verdict    (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_propose    (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_accept     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_reject     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_hand_over  (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_new_round  (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_review_status     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_sign              (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_declare           (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_verify_signature  (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_signature_export  (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_attestation       (const ScsCliCommand *command, int argc, char **argv);

/* scs-cli-vendor.c */
int scs_cli_portfolio          (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_diagnose           (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_diagnose_set       (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_renew              (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_renew_confirm      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_certify            (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_significant_change (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_compare            (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_wizard             (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_suppliers_list     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_suppliers_import   (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_suppliers_export   (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_portfolio_bulk     (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_portfolio_reminders (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_finding            (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_life_cycle         (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_portfolio_stats    (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_suppliers_set      (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_suppliers_check    (const ScsCliCommand *command, int argc, char **argv);
int scs_cli_suppliers_negotiation (const ScsCliCommand *command, int argc, char **argv);

G_END_DECLS
