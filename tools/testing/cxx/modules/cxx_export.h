/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The API cxx_export.ko exports, declared once for C and C++ callers and
 * for the definition itself (cxx_export.cpp includes it, so g++ rejects a
 * definition whose signature differs). The C export file (export_syms.c)
 * includes it too: genksyms computes each symbol's version (CRC) from the
 * C prototype here.
 *
 * CXX_EXPORT_V2 changes the signature, as a new version of the exporter
 * would: run_tests.sh builds it to show that a caller built against the
 * old one fails to load rather than calls it.
 */
#ifndef CXX_EXPORT_H
#define CXX_EXPORT_H

#ifdef __cplusplus
#include <generated/cxx/bindings.h>
extern "C" {
#else
#include <linux/types.h>
#endif

/* a + b, counted: callers see the number of calls so far in *calls. */
#ifdef CXX_EXPORT_V2
s64 cxx_export_add(s64 a, s64 b, u32 *calls);
#else
int cxx_export_add(int a, int b, u32 *calls);
#endif

#ifdef __cplusplus
}
#endif

#endif /* CXX_EXPORT_H */
