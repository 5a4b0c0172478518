// SPDX-License-Identifier: GPL-2.0
/*
 * A C++ module that exports a function to other modules, C and C++: the
 * function is defined here with C linkage (extern "C", from cxx_export.h)
 * and exported by export_syms.c, a C file of the same module, so that
 * genksyms versions it under CONFIG_MODVERSIONS.
 */
#include <cxx/prelude.h>

#include "cxx_export.h"

namespace {
u32 calls; /* atomically incremented: callers may race */
}

/* extern "C" here too: a definition that differs from the header's does
 * not compile (without it, it would be a C++ overload, and the C symbol
 * would stay undefined). */
#ifdef CXX_EXPORT_V2
extern "C" s64 cxx_export_add(s64 a, s64 b, u32 *n)
#else
extern "C" int cxx_export_add(int a, int b, u32 *n)
#endif
{
	*n = __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
	return a + b;
}

struct CxxExport {
	static cxx::Result<CxxExport> init(cxx::ThisModule &)
	{
		pr_info("exporting cxx_export_add\n");
		return cxx::Ok<CxxExport>();
	}
	~CxxExport() { pr_info("exit after %u calls\n", __atomic_load_n(&calls, __ATOMIC_RELAXED)); }
};

MODULE(CxxExport, name = "cxx_export", author = "C++ for Linux Contributors",
       description = "A C++ module that exports a function", license = "GPL");
