// SPDX-License-Identifier: GPL-2.0
/*
 * Timers and work items calling back into one object:
 *
 *  - a Timer and a Work chained: the Timer queues the Work, the Work counts
 *    and re-arms the Timer, ROUNDS times;
 *  - an HrTimer restarting itself every millisecond, ROUNDS times;
 *  - a DelayedWork re-queueing itself every jiffy, ROUNDS times.
 *
 * Init waits for the four counts (at most 5 s) and prints them. Then all
 * go on without end (the Timer armed a minute ahead, the HrTimer every
 * millisecond, the DelayedWork every jiffy) until unload: destroying the
 * object cancels each, and exit checks that no callback ran in the 50 ms
 * after.
 */
#include <cxx/prelude.h>
#include <cxx/atomic.h>
#include <cxx/box.h>
#include <cxx/hrtimer.h>
#include <cxx/timer.h>
#include <cxx/wait_event.h>
#include <cxx/wait_queue.h>
#include <cxx/workqueue.h>

namespace {

constexpr int ROUNDS = 5;

/* Every callback counts here: read after the object is gone. */
constinit cxx::Atomic<int> timer_runs{0}, work_runs{0}, hrtimer_runs{0}, delayed_runs{0};

struct Chain {
	cxx::Atomic<int> free_run{0};	/* 1: go on past ROUNDS */
	cxx::WaitQueue done{CXX_LOCK_CLASS("cxx_timers.done")};

	bool counted() const
	{
		return timer_runs.load() >= ROUNDS && work_runs.load() >= ROUNDS &&
		       hrtimer_runs.load() >= ROUNDS && delayed_runs.load() >= ROUNDS;
	}

	void on_timer()
	{
		timer_runs.inc();
		work.queue();
	}

	void on_work()
	{
		if (work_runs.inc_return() < ROUNDS)
			timer.arm_in(1);
		else if (free_run.load())
			timer.arm_in(60 * HZ);	/* still armed at unload */
		done.wake_up();
	}

	cxx::HrRestart on_hrtimer()
	{
		int n = hrtimer_runs.inc_return();

		done.wake_up();
		if (n >= ROUNDS && !free_run.load())
			return cxx::HrRestart::NORESTART;
		hrtimer.forward_now(ms_to_ktime(1));
		return cxx::HrRestart::RESTART;
	}

	void on_delayed()
	{
		if (delayed_runs.inc_return() < ROUNDS || free_run.load())
			delayed.queue(1);
		done.wake_up();
	}

	/*
	 * Destroyed last to first: the Timer, which queues the Work, is shut
	 * down before the Work is cancelled; the Work may still try to arm
	 * the Timer, which shutdown ignores.
	 */
	cxx::Work<Chain> work{cxx::callback<&Chain::work, &Chain::on_work>,
			      CXX_LOCK_CLASS("cxx_timers.work")};
	cxx::HrTimer<Chain> hrtimer{cxx::callback<&Chain::hrtimer, &Chain::on_hrtimer>};
	cxx::DelayedWork<Chain> delayed{cxx::callback<&Chain::delayed, &Chain::on_delayed>,
					CXX_LOCK_CLASS("cxx_timers.delayed")};
	cxx::Timer<Chain> timer{cxx::callback<&Chain::timer, &Chain::on_timer>,
				CXX_LOCK_CLASS("cxx_timers.timer")};
};

} /* namespace */

struct CxxTimers {
	cxx::Box<Chain> chain;

	explicit CxxTimers(cxx::Box<Chain> c) : chain(cxx::move(c)) {}
	~CxxTimers()
	{
		/* Each member's destructor cancels it and waits for its callback. */
		cxx::kdelete(chain.release());
		int t = timer_runs.load(), w = work_runs.load();
		int h = hrtimer_runs.load(), d = delayed_runs.load();
		msleep(50);
		if (t == timer_runs.load() && w == work_runs.load() &&
		    h == hrtimer_runs.load() && d == delayed_runs.load())
			pr_info("cancelled at timer %d, work %d, hrtimer %d, delayed work %d; no callback after\n",
				t, w, h, d);
		else
			pr_err("a callback ran after its owner was destroyed\n");
	}

	static cxx::Result<CxxTimers> init(cxx::ThisModule &)
	{
		auto chain = TRY(cxx::Box<Chain>::try_new(cxx::GFP_KERNEL));
		Chain &c = *chain;

		c.timer.arm_in(1);
		c.hrtimer.start(ms_to_ktime(1));
		c.delayed.queue(1);
		if (!cxx::wait_event_timeout(c.done, [&] { return c.counted(); }, 5 * HZ)) {
			pr_err("timed out: timer %d, work %d, hrtimer %d, delayed work %d\n",
			       timer_runs.load(), work_runs.load(), hrtimer_runs.load(),
			       delayed_runs.load());
			return cxx::code::ETIMEDOUT;
		}
		pr_info("counted timer %d, work %d, hrtimer %d, delayed work %d\n",
			timer_runs.load(), work_runs.load(), hrtimer_runs.load(), delayed_runs.load());

		/* Now without end, until unload cancels them. */
		c.free_run.store(1);
		c.timer.arm_in(60 * HZ);
		c.hrtimer.start(ms_to_ktime(1));
		c.delayed.queue(1);
		return cxx::Ok<CxxTimers>(cxx::move(chain));
	}
};

MODULE(CxxTimers,
       name = "cxx_timers",
       author = "C++ for Linux Contributors",
       description = "C++ timers and work items sample: Timer, HrTimer, Work, DelayedWork",
       license = "GPL");
