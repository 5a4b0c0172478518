// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: Timer: callback<&Owner::member, ...> must name this Timer member
#include <cxx/prelude.h>
#include <cxx/timer.h>
#include <cxx/workqueue.h>
struct Blinker {
	void on_timer() {}
	void on_work() {}
	cxx::Work<Blinker> work{cxx::callback<&Blinker::work, &Blinker::on_work>,
				CXX_LOCK_CLASS("blinker.work")};
	/* names the Work, not this Timer */
	cxx::Timer<Blinker> timer{cxx::callback<&Blinker::work, &Blinker::on_timer>,
				  CXX_LOCK_CLASS("blinker.timer")};
};
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
Blinker *make() { return new (cxx::GFP_KERNEL) Blinker; }
MODULE(M, name = "timer_wrong_member_type", license = "GPL");
