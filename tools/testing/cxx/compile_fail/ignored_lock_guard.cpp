// SPDX-License-Identifier: GPL-2.0
// expect: error: ignoring returned value of type 'cxx::Guard<cxx::Mutex<int>::Locking>'
#include <cxx/prelude.h>
#include <cxx/mutex.h>
static cxx::Mutex<int> value{CXX_LOCK_CLASS("value"), 0};
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static void f()
{
	value.lock();		/* the guard, and the lock, would end here */
}
MODULE(M, name = "ignored_lock_guard", license = "GPL");
