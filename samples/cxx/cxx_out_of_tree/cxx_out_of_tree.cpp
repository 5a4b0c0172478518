// SPDX-License-Identifier: GPL-2.0
/*
 * A C++ kernel module built out of tree: copy this directory anywhere,
 * then run `make CXX_FOR_LINUX=/path/to/c++-for-linux` (see Makefile).
 */
#include <cxx/prelude.h>

MODULE_PARAM(greeting_count, int, 1, 0444, "How many times to greet");

struct CxxOutOfTree {
	cxx::Vec<int> numbers;

	static cxx::Result<CxxOutOfTree> init(cxx::ThisModule &mod)
	{
		int count = greeting_count.read(cxx::ParamLock(mod));

		for (int i = 0; i < count; i++)
			pr_info("Hello from an out-of-tree C++ module (%d/%d)\n", i + 1, count);
		cxx::Vec<int> numbers;
		TRY(numbers.try_push(1));
		TRY(numbers.try_push(2));
		TRY(numbers.try_push(3));
		return cxx::Ok<CxxOutOfTree>(cxx::move(numbers));
	}

	~CxxOutOfTree() { pr_info("Goodbye: %zu numbers freed\n", numbers.len()); }
};

MODULE(CxxOutOfTree,
       name = "cxx_out_of_tree",
       author = "C++ for Linux Contributors",
       description = "Template of an out-of-tree C++ module",
       license = "GPL");
