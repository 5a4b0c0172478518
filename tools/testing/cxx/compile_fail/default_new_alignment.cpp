// SPDX-License-Identifier: GPL-2.0
// expect: compile with -faligned-new=N, N at most ARCH_KMALLOC_MINALIGN
// cxxflags-remove: -faligned-new=8
// Without -faligned-new=8, g++ hands types aligned to 16 to plain operator
// new, i.e. kmalloc(), which aligns only to 8 on x86-64: <cxx/new.h> refuses.
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "default_new_alignment", license = "GPL");
