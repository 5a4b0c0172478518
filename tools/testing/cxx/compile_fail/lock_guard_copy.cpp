// SPDX-License-Identifier: GPL-2.0
// expect: error: use of deleted function 'cxx::Guard<Locking>::Guard(const cxx::Guard<Locking>&)
#include <cxx/prelude.h>
#include <cxx/mutex.h>
static cxx::Mutex<int> value{CXX_LOCK_CLASS("value"), 0};
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static int f()
{
	auto g = value.lock();
	auto copy = g;		/* would unlock twice */
	return *copy;
}
MODULE(M, name = "lock_guard_copy", license = "GPL");
