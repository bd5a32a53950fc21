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

G_END_DECLS
