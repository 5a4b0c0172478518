/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: the wait_event family
 *
 * C's wait_event*() macros as templates that take the condition as a
 * callable, evaluated as C evaluates the macro's condition expression: once
 * before sleeping, then after each wake-up, with the task already queued,
 * so a wake-up between the test and the sleep is not lost.
 *
 *	long left = cxx::wait_event_interruptible_timeout(
 *		wq, [&] { return cxx::read_once(done); }, HZ);
 *	if (left < 0)
 *		return left;		// -ERESTARTSYS: a signal
 *	if (!left)
 *		return -ETIMEDOUT;	// a second went by, still not done
 *
 * The return values are C's: see each function. The loop is C's
 * ___wait_event() (include/linux/wait.h), on the exported
 * prepare_to_wait_event() and finish_wait(), including its rule for
 * exclusive waiters: one a wake-up chose is not failed by a signal.
 * All may sleep: never call them holding a spinlock or in an interrupt.
 * The condition runs in TASK_(UN)INTERRUPTIBLE state: it must not sleep.
 */
#ifndef _CXX_WAIT_EVENT_H
#define _CXX_WAIT_EVENT_H

#include <generated/cxx/bindings.h>
#include <cxx/utility.h>
#include <cxx/wait_queue.h>

namespace cxx {

/** WaitCondition - a callable taking nothing whose result tests as a bool. */
template <typename C>
concept WaitCondition = requires(C c) { static_cast<bool>(c()); };

namespace detail {

/* might_sleep() (include/linux/kernel.h), for the configured kernel. */
inline void might_sleep(const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
	::__might_sleep(file, line);
#else
	(void)file;
	(void)line;
#endif
#if defined(CONFIG_PREEMPT_VOLUNTARY_BUILD)
	::__cond_resched();
#elif defined(CONFIG_PREEMPT_DYNAMIC) && defined(CONFIG_HAVE_PREEMPT_DYNAMIC_CALL)
	::__SCT__might_resched();
#elif defined(CONFIG_PREEMPT_DYNAMIC) && defined(CONFIG_HAVE_PREEMPT_DYNAMIC_KEY)
	::dynamic_might_resched();
#endif
}

/*
 * ___wait_event(wq, cond(ret), State, Exclusive, ret, cmd(ret)): @ret is
 * the macro's __ret, which the timeout variants' condition and command
 * read and write.
 */
template <int State, bool Exclusive, typename Cond, typename Cmd>
long wait_event_loop(struct wait_queue_head &wq, Cond &&cond, long ret, Cmd &&cmd)
{
	struct wait_queue_entry entry;

	::init_wait_entry(&entry, Exclusive ? WQ_FLAG_EXCLUSIVE : 0);
	for (;;) {
		long interrupted = ::prepare_to_wait_event(&wq, &entry, State);

		if (cond(ret))
			break;
		/*
		 * A signal: prepare_to_wait_event() has taken the entry off
		 * the queue under the queue's lock, so a later wake-up picks
		 * another exclusive waiter; and the condition was tested after
		 * that, so a wake-up that chose this one is not lost.
		 */
		if ((State & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) && interrupted)
			return interrupted;
		cmd(ret);
	}
	::finish_wait(&wq, &entry);
	return ret;
}

/* ___wait_cond_timeout(): true at timeout reports 1, not 0. */
template <typename Cond> bool cond_timeout(Cond &cond, long &ret)
{
	bool c = static_cast<bool>(cond());

	if (c && !ret)
		ret = 1;
	return c || !ret;
}

/* wait_event_timeout() and wait_event_interruptible_timeout(). */
template <int State, typename Cond> long wait_event_timeout(struct wait_queue_head &wq, Cond &cond, long timeout)
{
	long ret = timeout;

	might_sleep();
	if (!cond_timeout(cond, ret))
		ret = wait_event_loop<State, false>(
			wq, [&](long &r) { return cond_timeout(cond, r); }, timeout,
			[](long &r) { r = ::schedule_timeout(r); });
	return ret;
}

/* wait_event(), wait_event_interruptible() and the like: schedule() until @cond. */
template <int State, bool Exclusive, typename Cond> long wait_event_sleep(struct wait_queue_head &wq, Cond &cond)
{
	might_sleep();
	if (cond())
		return 0;
	return wait_event_loop<State, Exclusive>(
		wq, [&](long &) { return static_cast<bool>(cond()); }, 0,
		[](long &) { ::schedule(); });
}

} /* namespace detail */

/** wait_event() - sleep, signals ignored, until @cond() is true. */
template <WaitCondition Cond> void wait_event(struct wait_queue_head &wq, Cond cond)
{
	(void)detail::wait_event_sleep<TASK_UNINTERRUPTIBLE, false>(wq, cond);
}

/**
 * wait_event_interruptible() - sleep until @cond() is true or a signal.
 * Return: 0 once @cond() is true, -ERESTARTSYS on a signal.
 */
template <WaitCondition Cond>
[[nodiscard]] int wait_event_interruptible(struct wait_queue_head &wq, Cond cond)
{
	return detail::wait_event_sleep<TASK_INTERRUPTIBLE, false>(wq, cond);
}

/**
 * wait_event_interruptible_exclusive() - wait_event_interruptible() as an
 * exclusive waiter: a wake_up() wakes only the first such waiter (and a
 * signal never makes the one it chose fail).
 * Return: 0 once @cond() is true, -ERESTARTSYS on a signal.
 */
template <WaitCondition Cond>
[[nodiscard]] int wait_event_interruptible_exclusive(struct wait_queue_head &wq, Cond cond)
{
	return detail::wait_event_sleep<TASK_INTERRUPTIBLE, true>(wq, cond);
}

/**
 * wait_event_killable() - sleep until @cond() is true or a fatal signal.
 * Return: 0 once @cond() is true, -ERESTARTSYS on a fatal signal.
 */
template <WaitCondition Cond>
[[nodiscard]] int wait_event_killable(struct wait_queue_head &wq, Cond cond)
{
	return detail::wait_event_sleep<TASK_KILLABLE, false>(wq, cond);
}

/**
 * wait_event_timeout() - sleep, signals ignored, until @cond() is true or
 * @timeout jiffies have passed.
 * Return: 0 if the time ran out with @cond() false; 1 if it ran out but
 * @cond() was true; else the jiffies left (at least 1).
 */
template <WaitCondition Cond>
long wait_event_timeout(struct wait_queue_head &wq, Cond cond, long timeout)
{
	return detail::wait_event_timeout<TASK_UNINTERRUPTIBLE>(wq, cond, timeout);
}

/**
 * wait_event_interruptible_timeout() - wait_event_timeout(), or a signal.
 * Return: as wait_event_timeout(), or -ERESTARTSYS on a signal.
 */
template <WaitCondition Cond>
[[nodiscard]] long wait_event_interruptible_timeout(struct wait_queue_head &wq, Cond cond, long timeout)
{
	return detail::wait_event_timeout<TASK_INTERRUPTIBLE>(wq, cond, timeout);
}

} /* namespace cxx */

#endif /* _CXX_WAIT_EVENT_H */
