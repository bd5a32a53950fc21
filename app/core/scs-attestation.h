/* scs-attestation.h: the canonical XML of what the expert attests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_ATTESTATION_ERROR (scs_attestation_error_quark ())

typedef enum
{
  SCS_ATTESTATION_ERROR_INVALID,  /* does not match its RELAX NG schema */
  SCS_ATTESTATION_ERROR_FAILED,   /* cannot read the workspace */
} ScsAttestationError;

GQuark scs_attestation_error_quark (void);

#define SCS_ATTESTATION_NAMESPACE "urn:jp-scsworkbench:assessment:1"
/* 2: the whole scope as data (1: a count summary) */
#define SCS_ATTESTATION_VERSION 2

/* The expert identity an attestation carries (stored in the workspace at
 * signing, so the same bytes can be rendered again to detect changes). */
typedef struct
{
  const char *name;
  const char *organization;
  const char *qualification;   /* scs_qualification_to_string () */
  const char *registration;    /* RISS: 6 digits; may be empty */
  const char *training_date;   /* YYYY-MM-DD; may be empty */
  const char *date;            /* attestation date, YYYY-MM-DD */
} ScsAttestationExpert;

/* Canonical, deterministic UTF-8 XML of exactly what is attested:
 * organisation, level, cycle, the whole scope (every item, its status,
 * reasons, separation measures and the expert's marks), catalog id + date + SHA-256,
 * every criterion's answer, note, NA reason and evidence (SHA-256 computed
 * from the stored bytes), review outcome, expert identity and date. Valid
 * against data/schema/assessment.rng. Before signing the expert element is
 * absent. */
GBytes    *scs_attestation_render     (ScsWorkspace               *workspace,
                                       GError                    **error);
/* The same in the format version of @signed_xml (a signature made before
 * the current format is checked against what it signed). */
GBytes    *scs_attestation_render_like (ScsWorkspace              *workspace,
                                        GBytes                    *signed_xml,
                                        GError                   **error);
/* Records the expert identity inside the caller's transaction. */
gboolean   scs_attestation_set_expert (ScsWorkspace               *workspace,
                                       const ScsAttestationExpert *expert,
                                       GError                    **error);
/* @schema: "assessment" or "declaration" (the built-in RELAX NG schemas). */
gboolean   scs_attestation_validate   (GBytes                     *xml,
                                       const char                 *schema,
                                       GError                    **error);
/* What differs between two renderings, as sorted human-readable strings:
 * "criterion 1-1-1-1: note", "organization: name", "catalog". Empty when
 * equal. Of char*. */
GPtrArray *scs_attestation_diff       (GBytes                     *before,
                                       GBytes                     *after);

G_END_DECLS
