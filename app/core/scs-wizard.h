/* scs-wizard.h: the ordering company's level wizard and its list of suppliers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_WIZARD_ERROR (scs_wizard_error_quark ())

typedef enum
{
  SCS_WIZARD_ERROR_INVALID,  /* bad value: empty name, bad level, bad 法人番号 */
  SCS_WIZARD_ERROR_CSV,      /* a CSV import refused (row/column in the message) */
  SCS_WIZARD_ERROR_FILE,     /* the supplier file cannot be read or written */
} ScsWizardError;

GQuark scs_wizard_error_quark (void);

/* One supplier: the three questions of the guidance, the additional
 * factors, the recommended level with its reasoning, and the level the
 * supplier has actually obtained (0: none). */
typedef struct
{
  char     *name;
  char     *corporate_number;   /* "" or 13 digits */
  gboolean  confidential;       /* (1) important confidential information on the supplier's IT */
  gboolean  delay;              /* (2) a stop would delay the orderer unacceptably */
  gboolean  access;             /* (3) the supplier can access internal systems */
  char     *factors;            /* free text */
  guint     recommended;        /* 3 or 4 */
  char     *reasoning;          /* lines, "\n"-separated, in the UI language when decided */
  guint     obtained;           /* 0, 3 or 4 */
  char     *decided;            /* YYYY-MM-DD */
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
/* Fills recommended and reasoning of @supplier from its answers. */
void         scs_supplier_decide       (ScsSupplier *supplier);
/* A printable plain-text sheet of one decision. */
char        *scs_supplier_to_text      (const ScsSupplier *supplier);

#define SCS_TYPE_SUPPLIER_LIST (scs_supplier_list_get_type ())
G_DECLARE_FINAL_TYPE (ScsSupplierList, scs_supplier_list, SCS, SUPPLIER_LIST, GObject)

/* The per-user store: $XDG_DATA_HOME/scs-workbench/suppliers.ini. */
char            *scs_supplier_list_default_path (void);
/* Loads @path (a missing file is an empty list). */
ScsSupplierList *scs_supplier_list_load     (const char        *path,
                                             GError           **error);
const char      *scs_supplier_list_get_path (ScsSupplierList   *self);
/* Of ScsSupplier*, by name. */
GPtrArray       *scs_supplier_list_get      (ScsSupplierList   *self);
const ScsSupplier *
                 scs_supplier_list_lookup   (ScsSupplierList   *self,
                                             const char        *name);
/* Adds or replaces (by name) and saves atomically. Validates. */
gboolean         scs_supplier_list_put      (ScsSupplierList   *self,
                                             const ScsSupplier *supplier,
                                             GError           **error);
gboolean         scs_supplier_list_remove   (ScsSupplierList   *self,
                                             const char        *name,
                                             GError           **error);
/* CSV with a header row (name, corporate_number, confidential, delay,
 * access, factors, recommended, obtained, decided, reasoning). Import is all
 * or nothing: one bad cell refuses the file with its row and column, and
 * the list is unchanged. The recommended level is recomputed from the
 * answers, never trusted from the file. Returns the number imported. */
guint            scs_supplier_list_import_csv (ScsSupplierList *self,
                                               const char      *path,
                                               GError         **error);
GBytes          *scs_supplier_list_export_csv (ScsSupplierList *self);

G_END_DECLS
