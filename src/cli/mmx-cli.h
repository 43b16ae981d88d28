/* mmx-cli.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mmx-attribution.h"
#include "mmx-store.h"

G_BEGIN_DECLS

enum
{
  MMX_CLI_EXIT_OK = 0,
  MMX_CLI_EXIT_FAILURE = 1,
  MMX_CLI_EXIT_USAGE = 2,
};

/* A command gets the database path and its own arguments, its name first. */
typedef int (*MmxCliCommandFunc) (const char  *db_path,
                                  int          argc,
                                  char       **argv);

int       mmx_cli_import        (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_imports       (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_kpis          (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_channels      (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_attribute     (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_mappings      (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_optimize      (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_scenarios     (const char      *db_path,
                                 int              argc,
                                 char           **argv);
int       mmx_cli_forecast      (const char      *db_path,
                                 int              argc,
                                 char           **argv);

int       mmx_cli_license       (const char      *db_path,
                                 int              argc,
                                 char           **argv);

MmxStore *mmx_cli_open_store    (const char      *db_path);
MmxAttribution *mmx_cli_run_attribution (MmxStore                      *store,
                                         MmxPanel                      *panel,
                                         const MmxAttributionSettings  *settings,
                                         gboolean                       use_cache,
                                         GError                       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  mmx_cli_parse_options (GOptionContext  *context,
                                 int             *argc,
                                 char          ***argv);
int       mmx_cli_usage_error   (GOptionContext  *context,
                                 const char      *format,
                                 ...) G_GNUC_PRINTF (2, 3);
void      mmx_cli_print_error   (const GError    *error);
void      mmx_cli_print_json    (JsonBuilder     *builder);
char     *mmx_cli_format_amount (double           value) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_cli_format_cost   (double           value) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_cli_format_signed (double           value) G_GNUC_WARN_UNUSED_RESULT;
char     *mmx_cli_format_signed_percent (double share) G_GNUC_WARN_UNUSED_RESULT;
void      mmx_cli_print_row     (const int          *widths,
                                 const char * const *cells,
                                 guint               n);

G_END_DECLS
