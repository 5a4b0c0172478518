// SPDX-License-Identifier: GPL-2.0
// expect: MODULE(): missing license; add license = "GPL"
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "missing_license", author = "A");
