/* scs-wizard.h: the ordering company's level wizard and its list of suppliers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-csv.h"

G_BEGIN_DECLS

#define SCS_WIZARD_ERROR (scs_wizard_error_quark ())

typedef enum
{
  SCS_WIZARD_ERROR_INVALID,  /* bad value: empty name, bad level, bad 法人番号 */
  SCS_WIZARD_ERROR_CSV,      /* a CSV import refused (row/column in the message) */
  SCS_WIZARD_ERROR_FILE,     /* the supplier file cannot be read or written */
} ScsWizardError;

GQuark scs_wizard_error_quark (void);

/* How the yearly check of a supplier's measures was made (★4 requirement
 * 2-1-3): its ★ in the scheme's registry, a questionnaire, on site. */
typedef enum
{
  SCS_CHECK_REGISTRY,
  SCS_CHECK_QUESTIONNAIRE,
  SCS_CHECK_ON_SITE,
} ScsCheckMethod;

const char *scs_check_method_to_string   (ScsCheckMethod  method);  /* "registry" … */
gboolean    scs_check_method_from_string (const char     *text,
                                          ScsCheckMethod *method);
const char *scs_check_method_get_label   (ScsCheckMethod  method);

/* One yearly check of the supplier's measures. */
typedef struct
{
  char           *date;       /* YYYY-MM-DD */
  ScsCheckMethod  method;
  char           *evidence;   /* what shows it: a file name, a registry ID, a note */
} ScsSupplierCheck;

/* One record of the negotiation about security costs, as METI and the Fair
 * Trade Commission ask both sides to keep in writing. */
typedef struct
{
  char *date;        /* YYYY-MM-DD */
  char *outcome;     /* what was agreed */
  char *documents;   /* where the written record is */
} ScsSupplierNegotiation;

/* One supplier: the three questions of the guidance, the additional
 * factors, the recommended level with its reasoning and the history of
 * decisions, the level the supplier has actually obtained (0: none) with
 * its registry ID and expiry, the yearly checks and the price negotiation.
 * A one-off or easily replaced purchase may be left outside the flow
 * (recommended 0), with the reason. */
typedef struct
{
  char      *name;
  char      *corporate_number;   /* "" or 13 digits */
  gboolean   confidential;       /* (1) important confidential information on the supplier's IT */
  gboolean   delay;              /* (2) a stop would delay the orderer unacceptably */
  gboolean   access;             /* (3) the supplier can access internal systems */
  char      *factors;            /* free text */
  gboolean   outside;            /* left outside the flow: one-off or easily replaced */
  char      *outside_reason;
  guint      recommended;        /* 3 or 4; 0 when outside the flow */
  char      *reasoning;          /* lines, "\n"-separated, in the UI language when decided */
  char     **history;            /* earlier and current decisions, oldest first: "YYYY-MM-DD …" */
  guint      obtained;           /* 0, 3 or 4 */
  char      *registry_id;        /* "" or the ID in the scheme's registry */
  char      *expiry;             /* "" or YYYY-MM-DD */
  char      *decided;            /* YYYY-MM-DD */
  GPtrArray *checks;             /* of ScsSupplierCheck*, oldest first */
  GPtrArray *negotiations;       /* of ScsSupplierNegotiation*, oldest first */
} ScsSupplier;

ScsSupplier *scs_supplier_new    (void);
ScsSupplier *scs_supplier_copy   (const ScsSupplier *supplier);
void         scs_supplier_free   (ScsSupplier       *supplier);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsSupplier, scs_supplier_free)

/* The guidance: ★4 if any of the three answers is yes, otherwise ★3 and
 * weigh the additional factors. Returns the level; @reasoning gets the
 * explanation, one line per point. */
guint        scs_wizard_recommend      (gboolean     confidential,
                                        gboolean     delay,
                                        gboolean     access,
                                        const char  *factors,
                                        char       **reasoning);
/* Fills recommended and reasoning of @supplier from its answers (0 and
 * the reason when outside the flow). */
void         scs_supplier_decide       (ScsSupplier *supplier);
/* Appends a yearly check / a negotiation record, validated (dates, method,
 * a check needs evidence, a negotiation an outcome); @supplier unchanged on
 * error. Save with scs_supplier_list_put (). */
gboolean     scs_supplier_add_check    (ScsSupplier *supplier,
                                        const char  *date,
                                        const char  *method,
                                        const char  *evidence,
                                        GError     **error);
gboolean     scs_supplier_add_negotiation (ScsSupplier *supplier,
                                           const char  *date,
                                           const char  *outcome,
                                           const char  *documents,
                                           GError     **error);
/* The date of the last check, or NULL. */
const char  *scs_supplier_get_last_check (const ScsSupplier *supplier);
/* A printable plain-text sheet of one decision. */
char        *scs_supplier_to_text      (const ScsSupplier *supplier);

#define SCS_TYPE_SUPPLIER_LIST (scs_supplier_list_get_type ())
G_DECLARE_FINAL_TYPE (ScsSupplierList, scs_supplier_list, SCS, SUPPLIER_LIST, GObject)

/* The per-user store: $XDG_DATA_HOME/scs-workbench/suppliers.ini. */
char            *scs_supplier_list_default_path (void);
/* Loads @path (a missing file is an empty list). */
ScsSupplierList *scs_supplier_list_load     (const char        *path,
                                             GError           **error);
/* Of ScsSupplier*, by name. */
GPtrArray       *scs_supplier_list_get      (ScsSupplierList   *self);
const ScsSupplier *
                 scs_supplier_list_lookup   (ScsSupplierList   *self,
                                             const char        *name);
/* Adds or replaces (by name) and saves atomically. Validates. The
 * decision history is the stored one, with a line added when the decision
 * changed: a caller re-deciding starts from a copy of the stored supplier
 * (scs_supplier_list_lookup ()) so that no field is lost. */
gboolean         scs_supplier_list_put      (ScsSupplierList   *self,
                                             const ScsSupplier *supplier,
                                             GError           **error);
gboolean         scs_supplier_list_remove   (ScsSupplierList   *self,
                                             const char        *name,
                                             GError           **error);
/* CSV with a header row (name, corporate_number, confidential, delay,
 * access, factors, outside, outside_reason, obtained, registry_id, expiry,
 * decided, recommended, reasoning), in UTF-8 (with or without a byte order
 * mark) or CP932, the header in English or Japanese (取引先名, 法人番号 …,
 * as the export writes in a Japanese UI). Import is all or nothing: one bad
 * cell refuses the file with its line and column, and the list is
 * unchanged. A supplier already in the list keeps what the file does not
 * say (checks, negotiations, history). The recommended level is recomputed
 * from the answers, never trusted from the file. Returns the number
 * imported. Export writes the header and yes/no in the UI language. */
guint            scs_supplier_list_import_csv (ScsSupplierList *self,
                                               const char      *path,
                                               GError         **error);
GBytes          *scs_supplier_list_export_csv (ScsSupplierList *self,
                                               ScsCsvEncoding   encoding,
                                               GError         **error);

G_END_DECLS
