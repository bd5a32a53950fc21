/* scs-scope-private.h: what the scope's own files share (storage, checks,
 * scope.xml, diagram)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-scope.h"

G_BEGIN_DECLS

/* Every text field an item can hold, in storage order; indexes into
 * ScsScopeItem's values. */
typedef enum
{
  SCS_SCOPE_FIELD_NAME,
  SCS_SCOPE_FIELD_TYPE,
  SCS_SCOPE_FIELD_ZONE,
  SCS_SCOPE_FIELD_OS_MODEL,
  SCS_SCOPE_FIELD_COUNT,
  SCS_SCOPE_FIELD_VENDOR,
  SCS_SCOPE_FIELD_MODEL,
  SCS_SCOPE_FIELD_FIRMWARE,
  SCS_SCOPE_FIELD_ADMINISTRATOR,
  SCS_SCOPE_FIELD_ADDRESS,
  SCS_SCOPE_FIELD_LOCATION,
  SCS_SCOPE_FIELD_PURPOSE,
  SCS_SCOPE_FIELD_PROVIDER,
  SCS_SCOPE_FIELD_DATA,
  SCS_SCOPE_FIELD_RESPONSIBILITY,
  SCS_SCOPE_FIELD_CHECK_METHOD,
  SCS_SCOPE_FIELD_EVIDENCE,
  SCS_SCOPE_FIELD_PEER,
  SCS_SCOPE_FIELD_VULN_TEST,
  SCS_SCOPE_FIELD_VULN_EVIDENCE,
  SCS_SCOPE_N_FIELDS
} ScsScopeFieldId;

int             scs_scope_field_index         (const char *name);

/* scs-scope-item.c: the model side; only the scope changes items. */
ScsScopeItem   *scs_scope_item_new            (gint64          id,
                                               ScsScopeKind    kind);
void            scs_scope_item_update         (ScsScopeItem   *self,
                                               char          **values,   /* SCS_SCOPE_N_FIELDS, taken */
                                               ScsScopeStatus  status,
                                               const char     *reason,
                                               const char     *separation,
                                               gboolean        connected,
                                               GStrv           criteria, /* taken */
                                               ScsScopeReview  review,
                                               const char     *review_comment,
                                               const char     *reviewer);
const char     *scs_scope_item_get_value      (ScsScopeItem   *self,
                                               ScsScopeFieldId field);

/* The scope of a workspace when it was already loaded, else NULL. */
ScsScope       *scs_scope_peek                (ScsWorkspace   *workspace);
/* Technical-verification target (★4): an internet-facing device whose
 * compromise opens the inside — boundary firewalls (UTMs too), routers and
 * VPN gateways, internet-facing web servers, VPN and remote access. */
gboolean        scs_scope_item_is_tv_target   (ScsScopeItem   *item);

/* Whether @value would be accepted for @field ("criteria" too) of a new
 * @kind item, without writing anything: the import checks cell by cell. */
gboolean        scs_scope_validate_value      (ScsScope       *self,
                                               ScsScopeKind    kind,
                                               const char     *field,
                                               const char     *value,
                                               GError        **error);

G_END_DECLS
