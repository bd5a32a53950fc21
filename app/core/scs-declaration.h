/* scs-declaration.h: management's self-declaration of conformity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_DECLARATION_ERROR (scs_declaration_error_quark ())

typedef enum
{
  SCS_DECLARATION_ERROR_INVALID,     /* no name or title */
  SCS_DECLARATION_ERROR_NOT_SIGNED,  /* the expert has not signed (a valid signature) */
  SCS_DECLARATION_ERROR_SIGNED,      /* an unsigned declaration would replace a signed one */
} ScsDeclarationError;

GQuark scs_declaration_error_quark (void);

#define SCS_DECLARATION_NAMESPACE "urn:jp-scsworkbench:declaration:1"

/* Our declaration text, translated. */
const char *scs_declaration_get_default_text      (void);

/* The canonical declaration.xml (valid against declaration.rng), or NULL
 * with SCS_DECLARATION_ERROR_NOT_SIGNED when there is no declaration. */
GBytes     *scs_declaration_render                (ScsWorkspace  *workspace,
                                                   GError       **error);
/* The hash the declaration covers, or NULL. */
char       *scs_declaration_dup_assessment_sha256 (ScsWorkspace  *workspace);
/* The language report.pdf was rendered in when management declared ("ja",
 * "en"), or NULL with no declaration. */
char       *scs_declaration_dup_report_language   (ScsWorkspace  *workspace);

/* For scs-signoff.c, inside the caller's transaction: records (replaces)
 * the declaration of the current assessment, bound to the assessment.xml
 * of @assessment_sha256 and, since signed manifests, to the expert's
 * manifest @manifest_sha256 and the report @language (both NULL before). */
gboolean    scs_declaration_store                 (ScsWorkspace  *workspace,
                                                   const char    *name,
                                                   const char    *title,
                                                   const char    *date,
                                                   const char    *text,
                                                   const char    *assessment_sha256,
                                                   const char    *manifest_sha256,
                                                   const char    *language,
                                                   GError       **error);
/* For a new review round (scs-review.c), inside the caller's transaction:
 * the declaration of the current assessment removed. */
gboolean    scs_declaration_remove                (ScsWorkspace  *workspace,
                                                   GError       **error);

G_END_DECLS
