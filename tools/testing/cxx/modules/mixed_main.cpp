// SPDX-License-Identifier: GPL-2.0
/* A module made of a C++ and a C object (cxx_mixed-y := ...). */
#include <cxx/prelude.h>

extern "C" int mixed_helper_sum(int a, int b); /* mixed_helper.c */

struct CxxMixed {
	static cxx::Result<CxxMixed> init(cxx::ThisModule &)
	{
		pr_info("C says 2 + 3 = %d\n", mixed_helper_sum(2, 3));
		return cxx::Ok<CxxMixed>();
	}
	~CxxMixed() { pr_info("mixed exit\n"); }
};

MODULE(CxxMixed, name = "cxx_mixed", author = "C++ for Linux Contributors",
       description = "C and C++ objects in one module", license = "GPL");
