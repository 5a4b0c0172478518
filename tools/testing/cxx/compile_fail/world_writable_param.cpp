// SPDX-License-Identifier: GPL-2.0
// expect: MODULE_PARAM(): world-writable permissions are not allowed
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE_PARAM(p, int, 0, 0666, "world-writable");
MODULE(M, name = "world_writable_param", license = "GPL");
