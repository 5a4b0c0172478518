// SPDX-License-Identifier: GPL-2.0
// expect: default_value_does_not_fit_the_parameter_type
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE_PARAM(p, byte, 256, 0444, "too big for a byte");
MODULE(M, name = "param_default_out_of_range", license = "GPL");
