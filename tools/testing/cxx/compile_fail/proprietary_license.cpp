// SPDX-License-Identifier: GPL-2.0
// expect: MODULE(): license must be GPL-compatible
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "proprietary_license", license = "Proprietary");
