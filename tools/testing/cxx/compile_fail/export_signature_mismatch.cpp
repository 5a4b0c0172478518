// SPDX-License-Identifier: GPL-2.0
// expect: conflicting declaration of C function 'long int cxx_export_add(long int, long int, u32*)'
#include <cxx/prelude.h>
/* The exported API's C declaration (as in modules/cxx_export.h), then a
 * definition with another signature: the version genksyms computes from
 * the declaration would not describe the code. Refused. */
extern "C" int cxx_export_add(int a, int b, u32 *calls);
extern "C" long cxx_export_add(long a, long b, u32 *calls) { return a + b + *calls; }
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "export_signature_mismatch", license = "GPL");
