/* scs-provider.h: the security service-provider certification dossier
 * (provisional: the scheme is not final)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "scs-pdf-writer.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_PROVIDER_ERROR (scs_provider_error_quark ())

typedef enum
{
  SCS_PROVIDER_ERROR_WRONG_TYPE, /* not a provider workspace */
  SCS_PROVIDER_ERROR_INVALID,    /* bad date, category, empty name, CSV row … */
  SCS_PROVIDER_ERROR_STAR4,      /* the ★4 workspace cannot be linked */
} ScsProviderError;

GQuark scs_provider_error_quark (void);

/* The dossier's items: a catalog in the usual format (data/provider/, our
 * own words, provisional), answered, noted and evidenced like any other.
 * The criterion IDs the checks below refer to. */
#define SCS_PROVIDER_ITEM_TOOL_REGISTER "2-1-4-1"
#define SCS_PROVIDER_ITEM_ISMS          "3-1-1-1"
#define SCS_PROVIDER_ITEM_PLEDGE        "4-1-2-1"

ScsCatalog *scs_provider_catalog_new            (void);
/* TRUE for our draft list (not the published criteria). */
gboolean    scs_provider_catalog_is_provisional (ScsCatalog *catalog);

/* The five service categories of the 情報セキュリティサービス審査登録制度. */
typedef enum
{
  SCS_PROVIDER_AUDIT,
  SCS_PROVIDER_VULNERABILITY,   /* vulnerability assessment, penetration testing */
  SCS_PROVIDER_FORENSICS,
  SCS_PROVIDER_MONITORING,      /* security monitoring and operation */
  SCS_PROVIDER_DEVICE,          /* device verification */
  SCS_PROVIDER_N_CATEGORIES
} ScsProviderCategory;

/* "audit", "vulnerability", "forensics", "monitoring", "device" */
const char *scs_provider_category_to_string   (ScsProviderCategory  category);
gboolean    scs_provider_category_from_string (const char          *word,
                                               ScsProviderCategory *category);
const char *scs_provider_category_get_label   (ScsProviderCategory  category);

/* ---- the ★4 workspace --------------------------------------------------- */

typedef struct
{
  char *path;              /* absolute */
  char *corporate_number;  /* the ★4 organisation's 法人番号 */
  char *created;           /* the ★4 workspace's identity: its creation time */
  char *department;        /* the service department */
  char *obtained;          /* the ★4 as recorded when linked, or NULL */
  char *expiry;
} ScsProviderStar4;

void              scs_provider_star4_free (ScsProviderStar4 *star4);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsProviderStar4, scs_provider_star4_free)

/* Opens @star4_path (an SCS workspace at ★4 of the same 法人番号) and
 * records it with @department; nothing is written on error. */
gboolean          scs_provider_link_star4 (ScsWorkspace  *workspace,
                                           const char    *star4_path,
                                           const char    *department,
                                           GError       **error);
/* NULL (no error) before a link is recorded. */
ScsProviderStar4 *scs_provider_get_star4  (ScsWorkspace  *workspace,
                                           GError       **error);

/* ---- ISMS and the provider's own certification --------------------------- */

typedef struct
{
  char *number;
  char *body;         /* the certification body */
  char *scope;        /* the scope text of the certificate */
  char *expires;      /* YYYY-MM-DD */
  int   mark_start;   /* the part of @scope the user marked as covering the */
  int   mark_end;     /* service department: character offsets, -1 none */
} ScsProviderIsms;

void             scs_provider_isms_free (ScsProviderIsms *isms);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsProviderIsms, scs_provider_isms_free)

/* All fields required, the mark inside the scope text (or -1). */
gboolean         scs_provider_set_isms  (ScsWorkspace           *workspace,
                                         const ScsProviderIsms  *isms,
                                         GError                **error);
ScsProviderIsms *scs_provider_get_isms  (ScsWorkspace           *workspace,
                                         GError                **error);
/* The marked part, or NULL. */
char            *scs_provider_isms_dup_marked (const ScsProviderIsms *isms);

/* The provider certification itself: three years from @obtained. */
gboolean  scs_provider_set_certification (ScsWorkspace  *workspace,
                                          const char    *number,
                                          const char    *obtained,
                                          GError       **error);
/* FALSE (no error) when none is recorded. @expiry: the day before the
 * same date three years later. */
gboolean  scs_provider_get_certification (ScsWorkspace  *workspace,
                                          char         **number,
                                          char         **obtained,
                                          char         **expiry,
                                          GError       **error);

/* ---- services, subcontracting, registers -------------------------------- */

typedef struct
{
  gint64               id;
  ScsProviderCategory  category;
  char                *name;
} ScsProviderService;

typedef struct
{
  ScsProviderCategory  category;
  gboolean             contracting_out; /* service delivery contracted out */
  char                *exception;       /* why (required when contracting out) */
  gboolean             redelegation;    /* must be FALSE */
} ScsProviderSubcontract;

typedef enum
{
  SCS_PROVIDER_REGISTER_TOOLS,
  SCS_PROVIDER_REGISTER_STORES,
} ScsProviderRegister;

/* A register row: the columns of scs_provider_register_columns (). */
typedef struct
{
  gint64  id;
  GStrv   values;
} ScsProviderRow;

void        scs_provider_service_free     (ScsProviderService     *service);
void        scs_provider_subcontract_free (ScsProviderSubcontract *subcontract);
void        scs_provider_row_free         (ScsProviderRow         *row);

gint64      scs_provider_add_service      (ScsWorkspace           *workspace,
                                           ScsProviderCategory     category,
                                           const char             *name,
                                           GError                **error);
/* Of ScsProviderService*, by category then ID. */
GPtrArray  *scs_provider_list_services    (ScsWorkspace           *workspace,
                                           GError                **error);
gboolean    scs_provider_set_subcontract  (ScsWorkspace                  *workspace,
                                           const ScsProviderSubcontract  *subcontract,
                                           GError                       **error);
/* Of ScsProviderSubcontract*, by category. */
GPtrArray  *scs_provider_list_subcontracts (ScsWorkspace          *workspace,
                                            GError               **error);

/* The column names (as in CSV headers, the CLI and provider.xml), NULL-
 * terminated; yes/no columns take "yes" / "no" (はい / いいえ). */
const char * const *scs_provider_register_columns (ScsProviderRegister which);
/* Translated column title. */
const char *scs_provider_register_column_label    (ScsProviderRegister which,
                                                   guint               column);
/* @values in column order. Returns the new ID, 0 on error. */
gint64      scs_provider_add_row          (ScsWorkspace           *workspace,
                                           ScsProviderRegister     which,
                                           const char * const     *values,
                                           GError                **error);
gboolean    scs_provider_remove_row       (ScsWorkspace           *workspace,
                                           ScsProviderRegister     which,
                                           gint64                  id,
                                           GError                **error);
/* Of ScsProviderRow*, by ID. */
GPtrArray  *scs_provider_list_rows        (ScsWorkspace           *workspace,
                                           ScsProviderRegister     which,
                                           GError                **error);
/* A CSV (UTF-8 with or without BOM, or CP932) whose header names the
 * columns (in any order, English names or the Japanese titles): every row
 * added in one transaction, or none, the error naming line and column.
 * Returns the number of rows added. */
guint       scs_provider_import_csv       (ScsWorkspace           *workspace,
                                           ScsProviderRegister     which,
                                           const char             *data,
                                           gsize                   length,
                                           const char             *source,
                                           GError                **error);

/* ---- pledge, check, outputs ---------------------------------------------- */

/* Our pledge text, translated. */
const char *scs_provider_get_pledge_text  (void);
/* The representative signs the pledge as management's declaration
 * (scs-declaration.h, `scs-cli declare`): in a provider workspace its
 * default text is the pledge. */

/* Deterministic provider.xml for the package (the expert's manifest
 * covers it); NULL without error for another workspace type. */
GBytes     *scs_provider_render_xml       (ScsWorkspace  *workspace,
                                           GError       **error);
/* The dossier's pages of report.pdf, in the current language. */
void        scs_provider_add_report       (ScsPdfWriter  *writer,
                                           ScsWorkspace  *workspace);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsProviderService, scs_provider_service_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsProviderSubcontract, scs_provider_subcontract_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsProviderRow, scs_provider_row_free)

/* A service provider's three dates as recorded (the certification's
 * expiry, the ISMS certificate's, the linked ★4's), read from @db (a read
 * transaction on a file not opened as a workspace); NULL when not
 * recorded. */
void        scs_provider_read_dates (sqlite3  *db,
                                     char    **certification,
                                     char    **isms,
                                     char    **star4);

G_END_DECLS
