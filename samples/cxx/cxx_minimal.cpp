// SPDX-License-Identifier: GPL-2.0
/* C++ minimal sample: the twin of samples/rust/rust_minimal.rs. */
#include <cxx/prelude.h>

struct CxxMinimal {
	cxx::Vec<int> numbers;

	static cxx::Result<CxxMinimal> init(cxx::ThisModule &)
	{
		pr_info("C++ minimal sample (init)\n");
		pr_info("Am I built-in? %s\n", cxx::is_builtin ? "true" : "false");

		cxx::Vec<int> numbers;
		TRY(numbers.try_push(72));
		TRY(numbers.try_push(108));
		TRY(numbers.try_push(200));

		return cxx::Ok<CxxMinimal>(cxx::move(numbers));
	}

	~CxxMinimal()
	{
		pr_info("My numbers are [");
		const char *sep = "";
		for (int n : numbers) {
			pr_cont("%s%d", sep, n);
			sep = ", ";
		}
		pr_cont("]\n");
		pr_info("C++ minimal sample (exit)\n");
	}
};

MODULE(CxxMinimal, name = "cxx_minimal", author = "C++ for Linux Contributors",
       description = "C++ minimal sample", license = "GPL");
