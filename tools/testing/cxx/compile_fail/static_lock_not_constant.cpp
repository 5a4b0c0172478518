// SPDX-License-Identifier: GPL-2.0
// expect: error: 'constinit' variable 'count' does not have a constant initializer
#include <cxx/prelude.h>
#include <cxx/mutex.h>
struct Count {
	Count() : n(0) {}	/* not constexpr: would need a constructor run at load */
	int n;
};
CXX_DEFINE_MUTEX(Count, count);
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE(M, name = "static_lock_not_constant", license = "GPL");
