// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: Work: the method must be `void Owner::method()`
#include <cxx/prelude.h>
#include <cxx/workqueue.h>
struct Counter {
	int on_work() { return 0; }	/* a work item's method returns nothing */
	cxx::Work<Counter> work{cxx::callback<&Counter::work, &Counter::on_work>,
				CXX_LOCK_CLASS("counter.work")};
};
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
Counter *make() { return new (cxx::GFP_KERNEL) Counter; }
MODULE(M, name = "work_method_signature", license = "GPL");
