// SPDX-License-Identifier: GPL-2.0
// expect: error: ignoring returned value of type 'cxx::Result<void>'
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static void f(cxx::Vec<int> &v) { v.try_push(1); }
MODULE(M, name = "ignored_result", license = "GPL");
