/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: CondVar
 *
 * A condition variable over a wait queue: wait() releases the Mutex a guard
 * holds, sleeps until notified, and takes the mutex again before it returns,
 * so the caller re-checks its condition under the lock:
 *
 *	auto g = state.lock();
 *	while (!g->ready)
 *		ready_cv.wait(g);
 *
 * Wake-ups may be spurious; always wait in a loop. notify_one() wakes one
 * waiter, notify_all() every waiter. Usable as a module-level static.
 */
#ifndef _CXX_CONDVAR_H
#define _CXX_CONDVAR_H

#include <generated/cxx/bindings.h>
#include <cxx/lock_class.h>
#include <cxx/mutex.h>

namespace cxx {

/** class CondVar - a wait queue head. Neither copied nor moved. */
class CondVar {
public:
	/** CondVar(cls) - no waiters; @cls is the wait queue's lock class. */
	explicit CondVar(LockClass cls) { ::__init_waitqueue_head(&wq_, cls.name, cls.key); }
	CondVar(const CondVar &) = delete;
	CondVar &operator=(const CondVar &) = delete;

	/** wait() - unlock @guard's mutex, sleep (signals ignored), relock. */
	template <typename L> void wait(Guard<L> &guard)
	{
		sleep(guard, TASK_UNINTERRUPTIBLE);
	}

	/**
	 * wait_interruptible() - as wait(), but a signal ends the sleep too.
	 * Return: true if a signal is pending and no notify chose this waiter
	 * (the caller usually returns -ERESTARTSYS), false otherwise. A
	 * notify_one() that chose it is never lost to a signal: this returns
	 * false, the caller re-checks its condition, and the signal is handled
	 * on the way back to user space. The mutex is held again either way.
	 */
	template <typename L> [[nodiscard]] bool wait_interruptible(Guard<L> &guard)
	{
		bool notified = sleep(guard, TASK_INTERRUPTIBLE);
		return !notified && ::signal_pending(::get_current());
	}

	/** notify_one() - wake one waiter, if any. */
	void notify_one() { ::__wake_up(&wq_, TASK_NORMAL, 1, nullptr); }
	/** notify_all() - wake every waiter. */
	void notify_all() { ::__wake_up(&wq_, TASK_NORMAL, 0, nullptr); }

private:
	/*
	 * Only a Mutex guard: its Locking knows the struct mutex (raw()).
	 * Return: whether a notify chose this waiter.
	 */
	template <typename L> bool sleep(Guard<L> &guard, int state)
	{
		struct mutex *m = L::raw(guard.owner_);
		struct wait_queue_entry entry;

		::init_wait_entry(&entry, 0);
		/* Queued before the unlock: a notify after it cannot be lost. */
		(void)::prepare_to_wait_exclusive(&wq_, &entry, state);
		::mutex_unlock(m);
		if (!(state == TASK_INTERRUPTIBLE && ::signal_pending(::get_current())))
			::schedule();
		bool notified = dequeue(&entry);
		::mutex_lock(m);
		return notified;
	}

	/*
	 * finish_wait(), and whether a notify had taken @entry off the queue.
	 * A notify counts a waiter exactly when it takes it off the queue
	 * (autoremove_wake_function()), under the queue's lock; deciding under
	 * that lock too, a waiter either was chosen (and must take the event)
	 * or is gone before the next notify looks (which then wakes another).
	 * This is prepare_to_wait_event()'s rule: an exclusive waiter chosen
	 * by a wakeup must not fail.
	 */
	bool dequeue(struct wait_queue_entry *entry)
	{
		unsigned long flags = ::spin_lock_irqsave(&wq_.lock);
		bool notified = ::list_empty(&entry->entry);

		if (!notified)
			::list_del_init(&entry->entry);
		::spin_unlock_irqrestore(&wq_.lock, flags);
		::finish_wait(&wq_, entry);	/* now only TASK_RUNNING */
		return notified;
	}

	struct wait_queue_head wq_;
};

} /* namespace cxx */

#endif /* _CXX_CONDVAR_H */
