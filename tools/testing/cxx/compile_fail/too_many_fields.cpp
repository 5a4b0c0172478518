// SPDX-License-Identifier: GPL-2.0
// expect: MODULE(): at most 32 fields
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
/* name, license and 31 aliases: 33 fields, one more than MODULE() emits. */
MODULE(M, name = "too_many_fields", license = "GPL",
       alias = "a0", alias = "a1", alias = "a2", alias = "a3", alias = "a4",
       alias = "a5", alias = "a6", alias = "a7", alias = "a8", alias = "a9",
       alias = "a10", alias = "a11", alias = "a12", alias = "a13", alias = "a14",
       alias = "a15", alias = "a16", alias = "a17", alias = "a18", alias = "a19",
       alias = "a20", alias = "a21", alias = "a22", alias = "a23", alias = "a24",
       alias = "a25", alias = "a26", alias = "a27", alias = "a28", alias = "a29",
       alias = "a30");
