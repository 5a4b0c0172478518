// SPDX-License-Identifier: GPL-2.0
// expect: MODULE_PARAM(): unsupported parameter type
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE_PARAM(p, float, 0, 0444, "a float");
MODULE(M, name = "unsupported_param_type", license = "GPL");
