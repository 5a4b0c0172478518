// SPDX-License-Identifier: GPL-2.0
// expect: error: no matching function for call to 'cxx::param::Param<cxx::param::Type<cxx::FixedString<6>{"charp"}> >::set(const char [6]) const'
#include <cxx/prelude.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
MODULE_PARAM(greeting, charp, "none", 0644, "a string the kernel may own");
static void f()
{
	greeting.set("other");	/* the kernel would free or leak the old string: set_str() */
}
MODULE(M, name = "param_charp_write", license = "GPL");
