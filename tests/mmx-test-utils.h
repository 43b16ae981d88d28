/* mmx-test-utils.h
 *
 * Copyright 2026 The MarketingMix developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mmx-import.h"
#include "mmx-store.h"

G_BEGIN_DECLS

/* The day tests treat as today, so "in the future" never moves. */
#define MMX_TEST_TODAY "2026-06-30"

char             *mmx_test_make_dir        (void) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_test_remove_dir      (const char        *dir);
char             *mmx_test_write_file      (const char        *dir,
                                            const char        *name,
                                            const char        *contents,
                                            gssize             length) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_test_write_daily_csv (const char        *path,
                                            const char        *first_day,
                                            guint              n_days,
                                            guint              n_channels,
                                            guint32            seed);
double            mmx_test_median          (double            *values,
                                            guint              n_values,
                                            double            *out_p95);
char             *mmx_test_sample_path     (const char        *name) G_GNUC_WARN_UNUSED_RESULT;
MmxStore         *mmx_test_open_store      (const char        *dir) G_GNUC_WARN_UNUSED_RESULT;
MmxImport        *mmx_test_open_import     (MmxStore          *store,
                                            const char        *path,
                                            MmxColumnMapping  *mapping,
                                            GError           **error) G_GNUC_WARN_UNUSED_RESULT;
MmxImportSummary *mmx_test_import_file     (MmxStore          *store,
                                            const char        *path,
                                            MmxColumnMapping  *mapping,
                                            GError           **error) G_GNUC_WARN_UNUSED_RESULT;
MmxImportSummary *mmx_test_import_text     (MmxStore          *store,
                                            const char        *dir,
                                            const char        *name,
                                            const char        *contents,
                                            MmxColumnMapping  *mapping,
                                            GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gint64            mmx_test_query_int       (MmxStore          *store,
                                            const char        *sql);
double            mmx_test_query_double    (MmxStore          *store,
                                            const char        *sql);
char             *mmx_test_query_text      (MmxStore          *store,
                                            const char        *sql) G_GNUC_WARN_UNUSED_RESULT;
const MmxImportIssue *mmx_test_find_issue  (MmxImportSummary  *summary,
                                            guint              row);
void              mmx_test_assert_error_says (const GError    *error,
                                            GQuark             domain,
                                            int                code,
                                            const char        *text);

/* A fresh store in a fresh folder for g_test_add(), holding the CSV text
 * given as the test data when there is one. */
typedef struct
{
  char     *dir;
  MmxStore *store;
} MmxTestStoreFixture;

void              mmx_test_store_fixture_set_up    (MmxTestStoreFixture *fixture,
                                                    gconstpointer        csv_text);
void              mmx_test_store_fixture_tear_down (MmxTestStoreFixture *fixture,
                                                    gconstpointer        csv_text);

#define MMX_TEST_ADD_STORE_TEST(path, csv_text, func) \
  g_test_add (path, MmxTestStoreFixture, csv_text, mmx_test_store_fixture_set_up, func, \
              mmx_test_store_fixture_tear_down)

/* What a run of marketingmix-cli did: its exit status and what it printed
 * and said. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} MmxTestCliResult;

void              mmx_test_cli_result_clear (MmxTestCliResult   *result);
GSubprocessLauncher *mmx_test_cli_launcher (const char       *dir,
                                             GSubprocessFlags  flags,
                                             const char       *mmx_db) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *mmx_test_cli_argv         (const char * const *args) G_GNUC_WARN_UNUSED_RESULT;
void              mmx_test_run_cli          (const char         *dir,
                                             const char         *mmx_db,
                                             const char * const *args,
                                             MmxTestCliResult   *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MmxTestCliResult, mmx_test_cli_result_clear)

G_END_DECLS
