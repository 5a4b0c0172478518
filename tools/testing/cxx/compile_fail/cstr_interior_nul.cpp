// SPDX-License-Identifier: GPL-2.0
// expect: cstr_literal_has_an_interior_nul
#include <cxx/prelude.h>
#include <cxx/cstr.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
/* C would stop at the first NUL; a CStr's length would not: refused. */
static constexpr cxx::CStr name = "cxx\0dev";
MODULE(M, name = "cstr_interior_nul", license = "GPL");
