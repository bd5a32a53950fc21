/* scs-schema-module.h: a feature module's versioned tables in the workspace
 *
 * A header of its own, below the workspace, so that a module the
 * workspace itself asks (the seal) can define its tables without
 * including the workspace's private header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A feature module's tables: steps[n] takes the module from version n to
 * n + 1 (SQL run inside a transaction). The workspace records each module's
 * version in its schema_module table, migrates older files on open and
 * refuses files with a newer or unknown module. Register a module in
 * schema_modules[] in scs-workspace.c.
 *
 * A module split off another one (@split_from, e.g. the signature tables
 * off "review") has tables that the other module's steps created in files
 * older than the split. In such a file, which records no version for it,
 * @split_from at version v means this module at split_versions[v] (the
 * last entry for any later v): its tables are there already, and opening
 * the file records that version in one transaction before any step runs.
 * The split module's steps create exactly what the other module's did, so
 * old and new files have one schema. */
typedef struct
{
  const char         *name;
  const char * const *steps;
  guint               n_steps;
  const char         *split_from;
  const guint        *split_versions;
  guint               n_split_versions;
} ScsSchemaModule;

G_END_DECLS
