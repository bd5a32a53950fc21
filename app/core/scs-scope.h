/* scs-scope.h: the ★4 scope description (適用範囲) of a workspace — unit,
 * inventory, what is out of scope and why, rule checks, scope.xml, diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "scs-profile.h"
#include "scs-workspace.h"

G_BEGIN_DECLS

#define SCS_SCOPE_ERROR (scs_scope_error_quark ())

typedef enum
{
  SCS_SCOPE_ERROR_INVALID,   /* bad value: unknown kind, field, status, criterion … */
  SCS_SCOPE_ERROR_NOT_FOUND, /* no such item */
  SCS_SCOPE_ERROR_NOT_READY, /* signing or export: the scope check does not pass */
  SCS_SCOPE_ERROR_ROLE,      /* an expert mark set by a profile that is not the expert's */
} ScsScopeError;

GQuark scs_scope_error_quark (void);

typedef enum
{
  SCS_SCOPE_UNIT_NONE,            /* not described yet */
  SCS_SCOPE_UNIT_COMPANY,
  SCS_SCOPE_UNIT_GROUP_DOMESTIC,
  SCS_SCOPE_UNIT_GROUP_OVERSEAS,  /* group including overseas entities */
  SCS_SCOPE_UNIT_DIVISION,        /* division or site */
} ScsScopeUnitKind;

typedef enum
{
  SCS_SCOPE_KIND_NETWORK,     /* networks / zones: location, purpose */
  SCS_SCOPE_KIND_SERVER,      /* on-premises, virtual, hypervisor */
  SCS_SCOPE_KIND_ENDPOINT,    /* PCs, thin clients, smart devices: counts by OS/model */
  SCS_SCOPE_KIND_BOUNDARY,    /* firewalls, routers, VPN gateways */
  SCS_SCOPE_KIND_INTERNET,    /* internet-facing systems: web, mail, VPN, remote access */
  SCS_SCOPE_KIND_CLOUD,       /* cloud and external services */
  SCS_SCOPE_KIND_CONNECTION,  /* connections to other organisations' systems */
  SCS_SCOPE_N_KINDS
} ScsScopeKind;

typedef enum
{
  SCS_SCOPE_STATUS_IN,         /* in scope */
  SCS_SCOPE_STATUS_EXCLUDED,   /* exclusion: OT, delivered products … */
  SCS_SCOPE_STATUS_EXCEPTION,  /* exception: IT that cannot meet the requirements */
} ScsScopeStatus;

typedef enum
{
  SCS_SCOPE_REVIEW_NONE,
  SCS_SCOPE_REVIEW_ACCEPTED,
  SCS_SCOPE_REVIEW_QUESTIONED,
} ScsScopeReview;

typedef enum
{
  SCS_SCOPE_SEVERITY_WARNING,
  SCS_SCOPE_SEVERITY_ERROR,
} ScsScopeSeverity;

/* Stable names, as in the CLI, scope.xml and the database: "server", "in",
 * "excluded", "accepted", "company", "group-domestic" … */
const char *scs_scope_kind_to_string     (ScsScopeKind      kind);
gboolean    scs_scope_kind_from_string   (const char       *text,
                                          ScsScopeKind     *kind);
const char *scs_scope_kind_label         (ScsScopeKind      kind); /* translated, plural */
const char *scs_scope_status_to_string   (ScsScopeStatus    status);
gboolean    scs_scope_status_from_string (const char       *text,
                                          ScsScopeStatus   *status);
const char *scs_scope_status_label       (ScsScopeStatus    status);
const char *scs_scope_unit_to_string     (ScsScopeUnitKind  unit);
gboolean    scs_scope_unit_from_string   (const char       *text,
                                          ScsScopeUnitKind *unit);
const char *scs_scope_unit_label         (ScsScopeUnitKind  unit);
const char *scs_scope_review_to_string   (ScsScopeReview    review);
gboolean    scs_scope_review_from_string (const char       *text,
                                          ScsScopeReview   *review);

/* The editable text fields of an item. Which fields a kind uses is in
 * scs_scope_field_applies (); "name" applies to every kind. */
typedef struct
{
  const char *name;   /* "vendor", as in --vendor and scope.xml */
  const char *label;  /* N_(), translate with _() */
} ScsScopeField;

const ScsScopeField *scs_scope_fields        (guint             *n_fields);
const ScsScopeField *scs_scope_field_lookup  (const char        *name);
gboolean             scs_scope_field_applies (ScsScopeKind       kind,
                                              const char        *field);
/* The fields of @kind in display order, NULL-terminated, static. */
const char * const  *scs_scope_kind_fields   (ScsScopeKind       kind);

/* A value of a field that takes one of a list ("type", "check-method"):
 * stored and written as the code, shown as the label. */
typedef struct
{
  const char *code;   /* "firewall", as in scope.xml and the CLI */
  const char *label;  /* N_(), translate with _() */
} ScsScopeChoice;

/* The choices of @field for @kind, ending with a NULL code; NULL when the
 * field is free text. The core also accepts a label for a code. */
const ScsScopeChoice *scs_scope_field_choices     (ScsScopeKind  kind,
                                                   const char   *field);
/* What to show for @value: the translated label of a choice, else @value. */
const char          *scs_scope_field_value_label (ScsScopeKind  kind,
                                                   const char   *field,
                                                   const char   *value);

/* ------------------------------------------------------------------------ */

#define SCS_TYPE_SCOPE_ITEM (scs_scope_item_get_type ())
G_DECLARE_FINAL_TYPE (ScsScopeItem, scs_scope_item, SCS, SCOPE_ITEM, GObject)

/* A snapshot of one row; the scope replaces items in its models when they
 * change. Properties "id", "kind", "name", "status", "summary" notify. */
gint64          scs_scope_item_get_id          (ScsScopeItem *self);
ScsScopeKind    scs_scope_item_get_kind        (ScsScopeItem *self);
ScsScopeStatus  scs_scope_item_get_status      (ScsScopeItem *self);
/* "" when unset; "count" as decimal text. */
const char     *scs_scope_item_get_field       (ScsScopeItem *self,
                                                const char   *field);
const char     *scs_scope_item_get_name        (ScsScopeItem *self);
const char     *scs_scope_item_get_reason      (ScsScopeItem *self);
const char     *scs_scope_item_get_separation  (ScsScopeItem *self);
gboolean        scs_scope_item_get_connected   (ScsScopeItem *self);
/* Criterion IDs, sorted. */
const char * const *scs_scope_item_get_criteria (ScsScopeItem *self);
ScsScopeReview  scs_scope_item_get_review      (ScsScopeItem *self);
const char     *scs_scope_item_get_review_comment (ScsScopeItem *self);
const char     *scs_scope_item_get_reviewer    (ScsScopeItem *self);
/* Endpoint count (1 for other kinds). */
guint           scs_scope_item_get_count       (ScsScopeItem *self);

/* ------------------------------------------------------------------------ */

typedef struct
{
  ScsScopeSeverity  severity;
  char             *rule;     /* "internet-facing-out-of-scope" … */
  gint64            item;     /* 0 for the unit */
  char             *message;  /* translated */
} ScsScopeFinding;

void scs_scope_finding_free (ScsScopeFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsScopeFinding, scs_scope_finding_free)

#define SCS_TYPE_SCOPE (scs_scope_get_type ())
G_DECLARE_FINAL_TYPE (ScsScope, scs_scope, SCS, SCOPE, GObject)

/* The scope of @workspace, loaded on first use and kept with it (borrowed:
 * lives as long as the workspace). Emits "changed" after every edit. */
ScsScope         *scs_scope_get               (ScsWorkspace      *workspace,
                                               GError           **error);
ScsWorkspace     *scs_scope_get_workspace     (ScsScope          *self);
/* GListModel of ScsScopeItem of one kind, or all (@kind SCS_SCOPE_N_KINDS),
 * in ID order. */
GListModel       *scs_scope_get_items         (ScsScope          *self,
                                               ScsScopeKind       kind);
ScsScopeItem     *scs_scope_lookup            (ScsScope          *self,
                                               gint64             id);
/* TRUE once a unit or any item has been recorded. */
gboolean          scs_scope_is_described      (ScsScope          *self);

ScsScopeUnitKind  scs_scope_get_unit          (ScsScope          *self);
const char       *scs_scope_get_description   (ScsScope          *self);
/* Covered legal entities or sites, one per line. */
const char       *scs_scope_get_entities      (ScsScope          *self);

/* Each edit is one transaction with audit rows; on error nothing changes.
 * @description / @entities NULL keep what is stored. */
gboolean          scs_scope_set_unit          (ScsScope          *self,
                                               ScsScopeUnitKind   unit,
                                               const char        *description,
                                               const char        *entities,
                                               GError           **error);
/* @fields: field name → value (NULL/"" clears), may contain "name" (required,
 * non-blank) and "criteria" (comma-separated IDs). Returns the new ID, 0 on
 * error. */
gint64            scs_scope_add_item          (ScsScope          *self,
                                               ScsScopeKind       kind,
                                               GHashTable        *fields,
                                               GError           **error);
/* Several new items of one kind in one transaction (an import): all or
 * nothing; @items holds a GHashTable of fields per item. Returns how many
 * were added, 0 on error (which names the item). */
guint             scs_scope_add_items         (ScsScope          *self,
                                               ScsScopeKind       kind,
                                               GPtrArray         *items,
                                               const char        *source,
                                               GError           **error);
gboolean          scs_scope_set_field         (ScsScope          *self,
                                               gint64             id,
                                               const char        *field,
                                               const char        *value,
                                               GError           **error);
/* Several fields (as in scs_scope_add_item (), without changing the kind)
 * in one transaction: all or nothing. */
gboolean          scs_scope_update_item       (ScsScope          *self,
                                               gint64             id,
                                               GHashTable        *fields,
                                               GError           **error);
gboolean          scs_scope_set_criteria      (ScsScope          *self,
                                               gint64             id,
                                               const char * const *criteria,
                                               GError           **error);
/* Declares an item in scope (@reason, @separation ignored) or out of it. */
gboolean          scs_scope_set_status        (ScsScope          *self,
                                               gint64             id,
                                               ScsScopeStatus     status,
                                               const char        *reason,
                                               const char        *separation,
                                               gboolean           connected,
                                               GError           **error);
/* The expert's / evaluation body's mark on an out-of-scope reason; the
 * reviewer is the workspace's actor. Questioning needs a comment. */
gboolean          scs_scope_set_review        (ScsScope          *self,
                                               ScsProfile        *profile,   /* must be the expert's */
                                               gint64             id,
                                               ScsScopeReview     review,
                                               const char        *comment,
                                               GError           **error);
gboolean          scs_scope_remove_item       (ScsScope          *self,
                                               gint64             id,
                                               GError           **error);

/* The rule checks of REFERENCE.md "Scope", in item order, unit first. Of
 * ScsScopeFinding*. */
GPtrArray        *scs_scope_check             (ScsScope          *self);
/* The scope precondition of signing and export (★4: described; any
 * described scope: no check error, no questioned reason). */
gboolean          scs_scope_check_ready       (ScsWorkspace      *workspace,
                                               GError           **error);
guint             scs_scope_count_errors      (GPtrArray         *findings);

/* ------------------------------------------------------------------------ */
/* For the attestation, the package and the report. */

/* Short, deterministic plain text (English, untranslated, so a signature
 * over it does not depend on the locale): unit, description, counts per
 * kind, out-of-scope counts. "Scope: not described\n" when nothing is. */
char     *scs_scope_dup_summary  (ScsWorkspace *workspace);

/* Deterministic scope.xml, valid against data/schema/scope.rng; NULL with
 * no error when no scope is described. */
GBytes   *scs_scope_render_xml   (ScsWorkspace  *workspace,
                                  GError       **error);

/* Draws the scope diagram into @cr within 0,0 – @width,@height. FALSE when
 * there is nothing to draw (nothing drawn). */
gboolean  scs_scope_draw         (ScsWorkspace  *workspace,
                                  cairo_t       *cr,
                                  double         width,
                                  double         height);

/* Writes the diagram to @path as PNG, SVG or PDF (by extension). */
gboolean  scs_scope_export_diagram (ScsWorkspace  *workspace,
                                    const char    *path,
                                    GError       **error);

G_END_DECLS
