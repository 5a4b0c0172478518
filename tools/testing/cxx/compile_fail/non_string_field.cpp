// SPDX-License-Identifier: GPL-2.0
// expect: MODULE(): a field's value must be a string literal
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "non_string_field", license = "GPL", author = 42);
