// SPDX-License-Identifier: GPL-2.0
/* A C++ module that calls a function cxx_export.ko (C++) exports. */
#include <cxx/prelude.h>

#include "cxx_export.h"

struct CxxExportUser {
	static cxx::Result<CxxExportUser> init(cxx::ThisModule &)
	{
		u32 calls;
		int sum = cxx_export_add(40, 2, &calls);

		pr_info("C++ calls C++: 40 + 2 = %d (call %u)\n", sum, calls);
		return cxx::Ok<CxxExportUser>();
	}
};

MODULE(CxxExportUser, name = "cxx_export_user", author = "C++ for Linux Contributors",
       description = "A C++ caller of a C++ export", license = "GPL");
