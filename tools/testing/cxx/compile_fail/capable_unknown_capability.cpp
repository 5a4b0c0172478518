// SPDX-License-Identifier: GPL-2.0
// expect: error: call to non-'constexpr' function 'void cxx::capability_number_out_of_range()'
#include <cxx/prelude.h>
#include <cxx/capability.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static bool f()
{
	return cxx::capable(CAP_LAST_CAP + 1);	/* no such capability */
}
MODULE(M, name = "capable_unknown_capability", license = "GPL");
