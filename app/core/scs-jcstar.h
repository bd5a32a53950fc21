/* scs-jcstar.h: JC-STAR ★1 product self-declaration workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_JCSTAR_ERROR (scs_jcstar_error_quark ())

typedef enum
{
  SCS_JCSTAR_ERROR_WRONG_TYPE, /* not a JC-STAR ★1 workspace */
  SCS_JCSTAR_ERROR_INVALID,    /* unknown requirement or item, N/A without reason, bad date … */
  SCS_JCSTAR_ERROR_MAPPING,    /* an imported checklist's columns need mapping */
} ScsJcstarError;

GQuark scs_jcstar_error_quark (void);

typedef enum
{
  SCS_JC_CLS_FULL,    /* fully covered by Singapore CLS Level 1 */
  SCS_JC_CLS_PARTIAL, /* partly: JC-STAR assessment still needed */
  SCS_JC_CLS_NONE,    /* no CLS Level 1 counterpart */
} ScsJcClsStatus;

typedef struct
{
  guint        number;
  const char  *condition;   /* NULL, "network-login", "network-update" */
  gboolean     provisional;
  const char  *text_ja;
  const char  *text_en;
} ScsJcItem;

typedef struct
{
  const char     *id;          /* "S1.1-01" */
  const char     *text_ja;
  const char     *text_en;
  const char     *method;      /* "doc", "device" or NULL (unknown) */
  ScsJcClsStatus  cls;
  gboolean        psti_exempt; /* waived on the PSTI route */
  gboolean        provisional; /* topic not confirmed */
  gboolean        any;         /* items are alternatives: one suffices */
  const ScsJcItem *items;
  guint           n_items;
  guint           reopen_on;   /* ScsJcEventKind bits: our own judgement */
} ScsJcRequirement;

/* Events in a labelled product's life that reopen requirements. Which ones
 * each reopens is data (reopen-on in the built-in texts) and our own
 * judgement, not IPA's rule: the user records IPA's decision. */
typedef enum
{
  SCS_JC_EVENT_MODEL    = 1 << 0, /* a new model number joins the product */
  SCS_JC_EVENT_FIRMWARE = 1 << 1, /* a firmware/software update */
} ScsJcEventKind;

/* The built-in texts (data/jcstar/, our own words). */
const char             *scs_jcstar_get_criteria_document (void);
guint                   scs_jcstar_get_n_requirements    (void);
const ScsJcRequirement *scs_jcstar_get_requirement       (guint        index);
const ScsJcRequirement *scs_jcstar_lookup_requirement    (const char  *id);

/* How the product applies. */
typedef enum
{
  SCS_JC_ROUTE_STANDARD,
  SCS_JC_ROUTE_PSTI, /* a PSTI-compliant product: S1.1-02, -05, -16 waived */
  SCS_JC_ROUTE_CLS,  /* a product with a CLS label: the CLS-covered items waived */
} ScsJcRoute;

typedef struct
{
  char       *name;
  GStrv       model_numbers;
  char       *versions;          /* firmware/software versions assessed */
  char       *support_end;       /* YYYY-MM-DD */
  char       *vdp_url;
  char       *vdp_contact;
  char       *user_contact;
  char       *criteria_version;  /* default: the built-in texts' document */
  char       *application_number;
  char       *label_number;
  char       *issued;            /* YYYY-MM-DD */
  char       *expires;           /* YYYY-MM-DD, at most 2 years after issued */
  ScsJcRoute  route;
  gboolean    home_gateway;      /* CLS asks more of home gateways */
} ScsJcProduct;

void          scs_jc_product_free (ScsJcProduct *product);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsJcProduct, scs_jc_product_free)

/* NULL (no error) before the product is recorded. */
ScsJcProduct *scs_jcstar_get_product (ScsWorkspace        *workspace,
                                      GError             **error);
/* The same of @db (the workspace's connection, or a reader's of a file not
 * opened as a workspace; @path for messages). */
ScsJcProduct *scs_jcstar_read_product (sqlite3            *db,
                                       const char         *path,
                                       GError            **error);
/* Name and at least one model number required; dates checked; expiry not
 * before issue nor more than two years after. Audited. */
gboolean      scs_jcstar_set_product (ScsWorkspace        *workspace,
                                      const ScsJcProduct  *product,
                                      GError             **error);

typedef enum
{
  SCS_JC_ANSWER_NONE,
  SCS_JC_ANSWER_CONFORMS,
  SCS_JC_ANSWER_DOES_NOT,
  SCS_JC_ANSWER_NOT_APPLICABLE, /* needs a reason */
} ScsJcAnswer;

/* "conforms", "does-not", "na" */
gboolean      scs_jc_answer_from_string (const char   *word,
                                         ScsJcAnswer  *answer);
const char   *scs_jc_answer_to_string   (ScsJcAnswer   answer);

gboolean      scs_jcstar_set_answer  (ScsWorkspace  *workspace,
                                      const char    *requirement_id,
                                      guint          item,
                                      ScsJcAnswer    answer,
                                      const char    *reason,
                                      GError       **error);
ScsJcAnswer   scs_jcstar_get_answer  (ScsWorkspace  *workspace,
                                      const char    *requirement_id,
                                      guint          item,
                                      char         **reason,
                                      GError       **error);

typedef enum
{
  SCS_JC_STATUS_OPEN,      /* not yet shown to be met */
  SCS_JC_STATUS_MET,       /* items conform (or, alternatives, one does), the rest N/A */
  SCS_JC_STATUS_NOT_MET,   /* an item does not conform (and no alternative does) */
  SCS_JC_STATUS_WAIVED,    /* waived by the product's route (PSTI, CLS) */
} ScsJcStatus;

ScsJcStatus   scs_jcstar_get_status  (ScsWorkspace  *workspace,
                                      const char    *requirement_id,
                                      GError       **error);
/* The same from the product (NULL: not recorded) and the answers
 * (scs_items_read_answers () of "jcstar1"). */
ScsJcStatus   scs_jcstar_status_of   (const ScsJcRequirement *requirement,
                                      const ScsJcProduct     *product,
                                      GHashTable             *answers);
/* Item @item of @requirement_id in those answers. */
ScsJcAnswer   scs_jcstar_answer_of   (GHashTable    *answers,
                                      const char    *requirement_id,
                                      guint          item);
/* Translated, for people: "Conforms", "Still open" … */
const char   *scs_jc_status_get_label (ScsJcStatus  status);
const char   *scs_jc_answer_get_label (ScsJcAnswer  answer);
const char   *scs_jc_cls_get_label    (ScsJcClsStatus cls);

/* The checklist as a PDF in the current language (scs_i18n_init ()): the
 * product record and label, every requirement with its status (provisional
 * topics and conditional items marked), each item's answer and reason, and
 * the equivalence with PSTI and CLS. Fails before the product is recorded. */
GBytes       *scs_jcstar_render_checklist (ScsWorkspace  *workspace,
                                           GError       **error);

/* Equivalence, from the facts of the PSTI regulations and the
 * Japan–Singapore MoC. */
/* Waived on @route (never on STANDARD). */
gboolean      scs_jcstar_is_waived   (const ScsJcRequirement *requirement,
                                      ScsJcRoute              route);
/* A current ★1 label (@today between issue and expiry) covers PSTI's three
 * requirements and statement of compliance. */
gboolean      scs_jcstar_label_covers_psti (const ScsJcProduct *product,
                                            const char         *today);
/* What a ★1 product still needs for a simplified CLS Level 1 application:
 * ETSI EN 303 645 provisions, NULL-terminated (static). */
const char * const *scs_jcstar_cls_still_needed (gboolean home_gateway);

/* A recorded event and its change notice (変更届) draft. */
typedef struct
{
  gint64          id;
  ScsJcEventKind  kind;
  char           *detail;   /* the new model number or firmware version */
  char           *date;     /* YYYY-MM-DD */
  GStrv           reopened; /* requirement IDs whose items were reopened */
  char           *notice;   /* the change notice text, the user's to edit */
} ScsJcEvent;

void          scs_jc_event_free (ScsJcEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsJcEvent, scs_jc_event_free)

/* "model", "firmware" */
gboolean      scs_jc_event_kind_from_string (const char     *word,
                                             ScsJcEventKind *kind);
const char   *scs_jc_event_kind_to_string   (ScsJcEventKind  kind);

/* Records @kind on @date (YYYY-MM-DD): a new model number @detail joins
 * the product's model numbers, or the firmware version @detail becomes the
 * versions assessed; the answers of every item of the requirements whose
 * reopen-on names @kind are cleared (they are open again), and a change
 * notice is drafted in the current language. One durable transaction,
 * audited. Needs a product record; a model number already listed is
 * refused. Returns the event, NULL on error (nothing written). */
ScsJcEvent   *scs_jcstar_record_event  (ScsWorkspace   *workspace,
                                        ScsJcEventKind  kind,
                                        const char     *detail,
                                        const char     *date,
                                        GError        **error);
/* Of ScsJcEvent*, oldest first. */
GPtrArray    *scs_jcstar_list_events   (ScsWorkspace   *workspace,
                                        GError        **error);
/* Replaces the notice text of event @id (the user's edit). Audited. */
gboolean      scs_jcstar_set_notice    (ScsWorkspace   *workspace,
                                        gint64          id,
                                        const char     *notice,
                                        GError        **error);

struct _ScsSigner;

/* The signed self-declaration: jcstar-declaration.xml (the applicant, the
 * product, every item's answer) and checklist.pdf (current language) in a
 * package signed by @signer (struct _ScsSigner, scs-signer.h) as
 * management, the submission's format (docs/package-format.md), verified
 * before it is put at @path (which must not exist). Every requirement
 * must be met or waived. Audited ("jc-export"). */
gboolean      scs_jcstar_export_declaration (ScsWorkspace       *workspace,
                                             struct _ScsSigner  *signer,
                                             const char         *path,
                                             GError            **error);

/* Import of the user's own copy of IPA's checklist (scs-jcstar-import.c). */
typedef struct _ScsJcImport ScsJcImport;

/* Reads @path (.xlsx/.xlsm, else CSV: UTF-8 with or without a byte order
 * mark, or CP932 as Excel in Japan saves it): the sheet and header row
 * whose headers name the most fields, with the columns mapped from them. */
ScsJcImport  *scs_jc_import_new_from_file (const char    *path,
                                           GError       **error);
void          scs_jc_import_free          (ScsJcImport   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsJcImport, scs_jc_import_free)
/* The sheet read, NULL for a CSV file. */
const char   *scs_jc_import_get_sheet     (ScsJcImport   *self);
/* Where the table is, for people: "Sheet ‘チェックリスト’ of ‘ipa.xlsx’",
 * or the file's name alone for a CSV file. */
char         *scs_jc_import_dup_place     (ScsJcImport   *self);
guint         scs_jc_import_get_n_columns (ScsJcImport   *self);
const char   *scs_jc_import_get_header    (ScsJcImport   *self,
                                           guint          column);
/* The file's name, for messages. */
const char   *scs_jc_import_get_source    (ScsJcImport   *self);
/* The rows below the header and their cells (0-based; "" beyond the
 * table), for a preview. */
guint         scs_jc_import_get_n_rows    (ScsJcImport   *self);
const char   *scs_jc_import_get_cell      (ScsJcImport   *self,
                                           guint          row,
                                           guint          column);
/* The field @column (0-based) is read as, NULL when none. */
const char   *scs_jc_import_get_column_field (ScsJcImport *self,
                                              guint        column);
/* @column (0-based) is read as @field (as scs_jc_import_map ()). */
gboolean      scs_jc_import_map_column    (ScsJcImport   *self,
                                           guint          column,
                                           const char    *field,
                                           GError       **error);
/* @column is read as nothing. */
void          scs_jc_import_unmap_column  (ScsJcImport   *self,
                                           guint          column);
/* TRUE when the requirement, item and wording or answer columns are all
 * known: the import can go (scs_jc_import_apply ()). FALSE when the
 * headers left them uncertain: ask the user (--map, the window's mapping
 * dialog). */
gboolean      scs_jc_import_is_mapped     (ScsJcImport   *self);
/* The header of the column @field ("requirement", "item", "text",
 * "answer", "reason") is read from, NULL when none. */
const char   *scs_jc_import_get_mapping   (ScsJcImport   *self,
                                           const char    *field);
/* Maps the column named by its header, letter or number to @field. */
gboolean      scs_jc_import_map           (ScsJcImport   *self,
                                           const char    *column,
                                           const char    *field,
                                           GError       **error);
/* Checks every row, then stores the official wording of each item and
 * its answer (where the copy has one) in one transaction, audited.
 * SCS_JCSTAR_ERROR_MAPPING when the requirement, item and wording or answer
 * columns are not all known; a row it cannot read is refused naming the
 * sheet, row and column; nothing is written then. */
gboolean      scs_jc_import_apply         (ScsJcImport   *self,
                                           ScsWorkspace  *workspace,
                                           guint         *n_texts,
                                           guint         *n_answers,
                                           GError       **error);
/* The official wording imported for an item, NULL when none. */
char         *scs_jcstar_get_official_text (ScsWorkspace *workspace,
                                            const char   *requirement_id,
                                            guint         item);


G_END_DECLS
