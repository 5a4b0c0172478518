// SPDX-License-Identifier: GPL-2.0
// expect: 'licence' was not declared in this scope
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "unknown_field", licence = "GPL");
