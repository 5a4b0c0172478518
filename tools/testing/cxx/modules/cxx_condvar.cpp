// SPDX-License-Identifier: GPL-2.0
/*
 * CondVar::wait_interruptible() and a signal racing with notify_one().
 *
 * Two kernel threads, A then B, wait in turn on one CondVar for an event
 * (a flag under a Mutex); A is first in the queue. Under the mutex, init
 * sets the flag, calls notify_one() and sends A a SIGUSR1, in the order
 * each round gives:
 *
 *  - notify, then signal: notify_one() chose A, so A must not report an
 *    interruption; it consumes the event.
 *  - signal, then notify: A was already awake for the signal, so
 *    notify_one() passes over it to B, which consumes the event.
 *
 * Either way the event must be consumed. Each round prints one line,
 * "round <name>: consumed by <A|B|nobody>, A interrupted=<0|1>, B woke=<0|1>";
 * the test bench judges it.
 */
#include <cxx/prelude.h>
#include <cxx/condvar.h>
#include <cxx/mutex.h>

namespace {

struct State {
	bool event = false;	/* set by init, consumed by one waiter */
	bool stop = false;
	int queued = 0;		/* waiters that reached wait_interruptible() */
	int consumed_by = -1;
	bool interrupted[2] = {};
	bool done[2] = {};
};

cxx::Mutex<State> state{CXX_LOCK_CLASS("cxx_condvar.state")};
cxx::CondVar cv{CXX_LOCK_CLASS("cxx_condvar.cv")};

int waiter(void *arg)
{
	int id = static_cast<int>(reinterpret_cast<long>(arg));

	allow_signal(SIGUSR1);
	{
		auto g = state.lock();
		/* Counted under the mutex the wait releases: once init sees
		 * it, this thread is on the wait queue. */
		g->queued++;
		while (!g->event && !g->stop) {
			if (cv.wait_interruptible(g)) {
				g->interrupted[id] = true;
				break;
			}
		}
		if (g->event && !g->interrupted[id]) {
			g->event = false;
			g->consumed_by = id;
		}
		g->done[id] = true;
	}
	flush_signals(get_current());
	while (!kthread_should_stop())
		msleep(10);
	return 0;
}

/* Wait up to @ms for @cond(state), polling every 10 ms. */
template <typename F> bool poll(unsigned int ms, F cond)
{
	for (unsigned int t = 0; t < ms; t += 10) {
		if (cond(*state.lock()))
			return true;
		msleep(10);
	}
	return cond(*state.lock());
}

struct task_struct *start(int id, const char *name)
{
	struct task_struct *t = kthread_run(waiter, reinterpret_cast<void *>(long(id)), name);

	if (IS_ERR(t))
		return nullptr;
	get_task_struct(t);
	if (!poll(5000, [id](State &s) { return s.queued == id + 1; }))
		pr_err("waiter %d did not start waiting\n", id);
	return t;
}

void round(const char *name, bool signal_first)
{
	struct task_struct *t[2];

	*state.lock() = State{};
	t[0] = start(0, "cxx_condvar_a");
	t[1] = t[0] ? start(1, "cxx_condvar_b") : nullptr;
	if (!t[1]) {
		pr_err("round %s: cannot start the waiters\n", name);
		if (t[0]) {
			state.lock()->stop = true;
			cv.notify_all();
			kthread_stop(t[0]);
			put_task_struct(t[0]);
		}
		return;
	}
	{
		auto g = state.lock();
		g->event = true;
		if (signal_first)
			send_sig(SIGUSR1, t[0], 0);
		cv.notify_one();
		if (!signal_first)
			send_sig(SIGUSR1, t[0], 0);
	}
	/* The event consumed and A finished, or 2 s gone by. */
	poll(2000, [](State &s) { return s.consumed_by >= 0 && s.done[0]; });
	{
		auto g = state.lock();
		pr_info("round %s: consumed by %s, A interrupted=%d, B woke=%d\n",
			name, g->consumed_by < 0 ? "nobody" : g->consumed_by ? "B" : "A",
			g->interrupted[0], g->done[1]);
		g->stop = true;
	}
	cv.notify_all();
	for (struct task_struct *k : t) {
		kthread_stop(k);
		put_task_struct(k);
	}
}

} /* namespace */

struct CxxCondvar {
	static cxx::Result<CxxCondvar> init(cxx::ThisModule &)
	{
		round("notify-then-signal", false);
		round("signal-then-notify", true);
		return cxx::Ok<CxxCondvar>();
	}
};

MODULE(CxxCondvar, name = "cxx_condvar", author = "C++ for Linux Contributors",
       description = "CondVar: a signal does not lose a notify_one()", license = "GPL");
