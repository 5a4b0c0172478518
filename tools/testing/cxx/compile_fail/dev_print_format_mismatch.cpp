// SPDX-License-Identifier: GPL-2.0
// expect: error: format '%d' expects argument of type 'int', but argument 3 has type 'const char*'
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static void f(const struct device *dev) { dev_info(dev, "minor %d\n", "zero"); }
MODULE(M, name = "dev_print_format_mismatch", license = "GPL");
