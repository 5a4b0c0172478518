// SPDX-License-Identifier: GPL-2.0
// expect: error: format '%d' expects argument of type 'int'
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static void f() { pr_info("%d\n", "not an int"); }
MODULE(M, name = "print_format_mismatch", license = "GPL");
