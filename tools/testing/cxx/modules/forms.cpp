// SPDX-License-Identifier: GPL-2.0
/*
 * The C++ forms of C's macros that take code or types: container_of,
 * read_once/write_once, the wait_event family, and the locks defined at
 * namespace scope (CXX_DEFINE_MUTEX and friends).
 *
 * Every object at namespace scope here is constinit: the module has no
 * constructor to run (the test bench checks it has no .init_array), and
 * its locks hold the bytes C's initialisers give their twins in
 * forms_twin.c. Each check prints "<name>: ok" or "<name>: FAIL ..."; the
 * results are judged by the test bench (run_tests.sh, test_forms).
 */
#include <cxx/prelude.h>
#include <cxx/container_of.h>
#include <cxx/mutex.h>
#include <cxx/read_once.h>
#include <cxx/spinlock.h>
#include <cxx/wait_event.h>
#include <cxx/wait_queue.h>

/* forms_twin.c */
extern "C" {
size_t cxx_forms_differ_mutex(const struct mutex *cxx);
size_t cxx_forms_differ_spinlock(const spinlock_t *cxx);
size_t cxx_forms_differ_wait_queue(const struct wait_queue_head *cxx);
}

namespace {

/* The twins of forms_twin.c's: the same names, so lockdep's are equal. */
CXX_DEFINE_MUTEX(int, forms_mutex, 0);
CXX_DEFINE_SPINLOCK(int, forms_lock, 0);
CXX_DECLARE_WAIT_QUEUE_HEAD(forms_wq);
/* The constructors themselves: constinit, or this does not compile. */
constinit cxx::Mutex<long> counter{cxx::StaticLockClass{"counter", "counter.wait_lock"}, 40};

int failed;

void check(const char *name, bool ok, long got)
{
	if (ok) {
		pr_info("%s: ok (%ld)\n", name, got);
	} else {
		pr_err("%s: FAIL (%ld)\n", name, got);
		failed++;
	}
}

struct Item {
	int value;
	struct list_head node;
	long tail;
};

void test_container_of()
{
	Item item{7, {}, 9};
	const Item &citem = item;

	Item *p = cxx::container_of<&Item::node>(&item.node);
	const Item *cp = cxx::container_of<&Item::tail>(&citem.tail);
	static_assert(__is_same(decltype(cp), const Item *));
	check("container_of", p == &item && cp == &item && p->value == 7, p->value);
}

void test_static_locks()
{
	size_t d;

	d = cxx_forms_differ_mutex(cxx::Mutex<int>::Locking::raw(&forms_mutex));
	check("static mutex bytes", !d, d);
	static_assert(__is_standard_layout(cxx::SpinLock<int>));
	d = cxx_forms_differ_spinlock(reinterpret_cast<const spinlock_t *>(&forms_lock));
	check("static spinlock bytes", !d, d);
	d = cxx_forms_differ_wait_queue(&static_cast<struct wait_queue_head &>(forms_wq));
	check("static wait queue bytes", !d, d);

	/* Taken for real: lockdep registers their classes here. */
	*forms_mutex.lock() += 1;
	*forms_lock.lock() += 1;
	{
		auto c = counter.lock();
		*c += 2;
	}
	int m = *forms_mutex.lock();	/* one guard at a time */
	long c = *counter.lock();

	check("static locks used", m == 1 && c == 42, c);
}

/* The wake-up case: set by another thread after @delay_ms. */
bool flag;
int set_flag(void *arg)
{
	msleep(reinterpret_cast<long>(arg));
	cxx::write_once(flag, true);
	forms_wq.wake_up();
	return 0;
}

/* The signal case: waits interruptibly for what never comes. */
bool sleeping;
int sleeper(void *)
{
	allow_signal(SIGUSR1);
	cxx::write_once(sleeping, true);
	long ret = cxx::wait_event_interruptible_timeout(forms_wq, [] { return false; }, 30 * HZ);
	flush_signals(get_current());
	return static_cast<int>(ret);
}

/* A signal while the condition is true: the condition wins. */
bool event;
int event_waiter(void *)
{
	allow_signal(SIGUSR1);
	cxx::write_once(sleeping, true);
	int ret = cxx::wait_event_interruptible_exclusive(forms_wq,
							  [] { return cxx::read_once(event); });
	flush_signals(get_current());
	return ret;
}

/* Exclusive waiters: each waits for a ticket and takes it. */
CXX_DEFINE_SPINLOCK(int, tickets, 0);
struct Exclusive {
	int tests;	/* how many times it tested the condition */
	bool done;
};
Exclusive excl[2];

int exclusive_waiter(void *arg)
{
	Exclusive &e = excl[reinterpret_cast<long>(arg)];
	int ret = cxx::wait_event_interruptible_exclusive(forms_wq, [&e] {
		cxx::write_once(e.tests, e.tests + 1);
		auto t = tickets.lock();
		if (!*t)
			return false;
		*t -= 1;
		return true;
	});
	cxx::write_once(e.done, true);
	return ret;
}

/* Run @fn(@arg) in a thread; return what it returned, or -1000. */
struct task_struct *start(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *t = kthread_run(fn, arg, name);

	if (IS_ERR(t)) {
		pr_err("%s: cannot start\n", name);
		failed++;
		return nullptr;
	}
	get_task_struct(t);
	return t;
}

long stop(struct task_struct *t)
{
	if (!t)
		return -1000;
	long ret = kthread_stop(t);
	put_task_struct(t);
	return ret;
}

/*
 * Start @fn, which sets `sleeping` and waits; once it sleeps, set `event`
 * and send it a SIGUSR1. Return: what @fn returned.
 */
long signal_waiter(int (*fn)(void *), const char *name)
{
	cxx::write_once(sleeping, false);
	cxx::write_once(event, false);
	struct task_struct *t = start(fn, nullptr, name);

	if (t) {
		while (!cxx::read_once(sleeping))
			msleep(10);
		msleep(50);
		cxx::write_once(event, true);
		send_sig(SIGUSR1, t, 0);
	}
	return stop(t);
}

/*
 * Two exclusive waiters, both asleep (each tested its condition twice:
 * before queueing and once queued). A wake_up() wakes one: it takes the
 * ticket; the other must not even have been woken to test again.
 */
void test_exclusive()
{
	struct task_struct *t[2];
	int first = -1;

	t[0] = start(exclusive_waiter, reinterpret_cast<void *>(0L), "cxx_forms_ex0");
	t[1] = start(exclusive_waiter, reinterpret_cast<void *>(1L), "cxx_forms_ex1");
	for (int i = 0; i < 500 && !(cxx::read_once(excl[0].tests) >= 2 &&
				     cxx::read_once(excl[1].tests) >= 2); i++)
		msleep(10);
	msleep(50);
	*tickets.lock() = 1;
	forms_wq.wake_up();
	/* One takes the ticket; give the other time to be (wrongly) woken. */
	for (int i = 0; i < 500 && !cxx::read_once(excl[0].done) && !cxx::read_once(excl[1].done); i++)
		msleep(10);
	msleep(100);
	if (cxx::read_once(excl[0].done) != cxx::read_once(excl[1].done))
		first = cxx::read_once(excl[0].done) ? 0 : 1;
	int other_tests = first < 0 ? -1 : cxx::read_once(excl[1 - first].tests);
	check("exclusive: one woken", first >= 0 && other_tests == 2, other_tests);

	*tickets.lock() = 1;
	forms_wq.wake_up();
	long r0 = stop(t[0]), r1 = stop(t[1]);
	check("exclusive: the other next", r0 == 0 && r1 == 0 && *tickets.lock() == 0,
	      r0 + r1);
}

void test_wait_event()
{
	const long total = 5 * HZ;
	long ret;

	/* Woken by another thread, with time left. */
	cxx::write_once(flag, false);
	struct task_struct *t = start(set_flag, reinterpret_cast<void *>(100L), "cxx_forms_set");
	ret = cxx::wait_event_interruptible_timeout(forms_wq, [] { return cxx::read_once(flag); }, total);
	stop(t);
	check("interruptible_timeout woken", ret > 0 && ret <= total, ret);

	cxx::write_once(flag, false);
	t = start(set_flag, reinterpret_cast<void *>(50L), "cxx_forms_set");
	cxx::wait_event(forms_wq, [] { return cxx::read_once(flag); });
	stop(t);
	check("wait_event woken", cxx::read_once(flag), 1);

	cxx::write_once(flag, false);
	t = start(set_flag, reinterpret_cast<void *>(50L), "cxx_forms_set");
	ret = cxx::wait_event_interruptible(forms_wq, [] { return cxx::read_once(flag); });
	stop(t);
	check("interruptible woken", ret == 0 && cxx::read_once(flag), ret);

	/* The time runs out, the condition false: 0. */
	ret = cxx::wait_event_timeout(forms_wq, [] { return false; }, 2);
	check("timeout", ret == 0, ret);
	ret = cxx::wait_event_interruptible_timeout(forms_wq, [] { return false; }, 2);
	check("interruptible_timeout timeout", ret == 0, ret);

	/*
	 * The time runs out, then the condition is true: 1, not 0. Tested
	 * once before the sleep, once queued, then after schedule_timeout()
	 * returned 0 (nothing wakes forms_wq meanwhile).
	 */
	int calls = 0;
	ret = cxx::wait_event_timeout(forms_wq, [&] { return ++calls >= 3; }, 2);
	check("true at timeout", ret == 1 && calls == 3, ret);

	/* True at once: the whole timeout, or 1 for a timeout of 0. */
	ret = cxx::wait_event_interruptible_timeout(forms_wq, [] { return true; }, 7);
	check("true at once", ret == 7, ret);
	ret = cxx::wait_event_timeout(forms_wq, [] { return true; }, 0);
	check("true at once, no time", ret == 1, ret);

	/* A signal: -ERESTARTSYS. */
	ret = signal_waiter(sleeper, "cxx_forms_sleep");
	check("signal", ret == -ERESTARTSYS, ret);

	/*
	 * The condition made true, then a signal, which is what wakes the
	 * waiter: it reports the condition, not the signal.
	 */
	ret = signal_waiter(event_waiter, "cxx_forms_event");
	check("signal, condition true", ret == 0, ret);

	test_exclusive();
}

void test_once()
{
	long x = 0;
	unsigned char c = 0;

	cxx::write_once(x, 1L << 40);
	int wide = 0x1ff;

	cxx::write_once(c, wide);	/* converted as by "c = wide": 0xff */
	check("read_once/write_once", cxx::read_once(x) == 1L << 40 && cxx::read_once(c) == 0xff,
	      cxx::read_once(c));
}

} /* namespace */

struct CxxForms {
	static cxx::Result<CxxForms> init(cxx::ThisModule &)
	{
		test_container_of();
		test_once();
		test_static_locks();
		test_wait_event();
		pr_info("forms tests done: %d failed\n", failed);
		return cxx::Ok<CxxForms>();
	}
};

MODULE(CxxForms, name = "cxx_forms", author = "C++ for Linux Contributors",
       description = "container_of, read_once, wait_event, static locks", license = "GPL");
