// SPDX-License-Identifier: GPL-2.0
// expect: MODULE(): give the module's name exactly once
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, license = "GPL");
