// SPDX-License-Identifier: GPL-2.0
// expect: MODULE(): name must equal the module's file name
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "something_else", license = "GPL");
