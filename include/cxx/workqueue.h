/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: work items and workqueues
 *
 * Work<Owner> is a work_struct embedded in an object of class Owner that,
 * queued, calls back a method of that object in process context (a
 * kernel worker thread: it may sleep). DelayedWork<Owner> is the same
 * after a delay, on a delayed_work. The method and the member are named
 * once, where the member is declared:
 *
 *	struct Counter {
 *		void on_work();		// runs in a worker thread
 *		cxx::Atomic<int> runs{0};
 *		// after every member on_work() uses (see below)
 *		cxx::Work<Counter> work{cxx::callback<&Counter::work, &Counter::on_work>,
 *					CXX_LOCK_CLASS("counter.work")};
 *	};
 *	...
 *	counter->work.queue();			// on system_wq
 *	counter->work.queue_on(wq);		// on a WorkQueue of its own
 *
 * Queueing a pending item does nothing (queue() returns false), as in C.
 *
 * Lifetime: destroying a Work cancels it and waits for a running callback
 * to return (cancel_work_sync()), so no callback starts or runs after the
 * Work is gone. Members are destroyed in the reverse order of their
 * declarations: declare the Work after every member its method uses, and,
 * when items re-queue one another (a Timer queueing a Work that re-arms
 * the Timer), declare the one that queues last, so it is stopped first.
 * Owner's own destructor body runs before its members are destroyed, while
 * the callback may still run: call cancel_sync() there first if the body
 * tears down something the callback uses. The Owner must not move while
 * an item may be queued: Work is neither copied nor moved, so an Owner
 * holding one lives where it was built (a Box, the module object).
 *
 * WorkQueue is an owned workqueue (alloc_workqueue()); destroying it
 * drains it: every item queued on it runs before destroy_workqueue()
 * returns.
 */
#ifndef _CXX_WORKQUEUE_H
#define _CXX_WORKQUEUE_H

#include <generated/cxx/bindings.h>
#include <cxx/callback.h>
#include <cxx/container_of.h>
#include <cxx/cstr.h>
#include <cxx/error.h>
#include <cxx/lock_class.h>
#include <cxx/utility.h>

namespace cxx {

/**
 * class WorkQueue - an owned workqueue. Invariant: holds a live
 * workqueue_struct unless moved from.
 */
class WorkQueue {
public:
	/**
	 * alloc() - alloc_workqueue(): a workqueue named @name (a string
	 * that outlives it), with the WQ_* @flags and @max_active (0: the
	 * default). ENOMEM if it cannot be allocated.
	 */
	static Result<WorkQueue> alloc(CStr name, unsigned int flags = 0, int max_active = 0)
	{
		struct workqueue_struct *wq = ::alloc_workqueue("%s", flags, max_active,
								 name.c_str());
		if (!wq)
			return code::ENOMEM;
		return WorkQueue(wq);
	}
	WorkQueue(WorkQueue &&other) : wq_(other.wq_) { other.wq_ = nullptr; }
	WorkQueue(const WorkQueue &) = delete;
	WorkQueue &operator=(const WorkQueue &) = delete;
	WorkQueue &operator=(WorkQueue &&) = delete;
	/** ~WorkQueue - destroy_workqueue(): runs what is queued, then frees. */
	~WorkQueue()
	{
		if (wq_)
			::destroy_workqueue(wq_);
	}

	/** as_ptr() - the workqueue_struct, for C. */
	struct workqueue_struct *as_ptr() const { return wq_; }

private:
	explicit WorkQueue(struct workqueue_struct *wq) : wq_(wq) {}
	struct workqueue_struct *wq_;
};

/** class Work - a work_struct calling back a method of its Owner. */
template <typename Owner> class Work {
public:
	/**
	 * Work(callback<&Owner::member, &Owner::method>, cls) - an idle
	 * item that calls `void Owner::method()`; @cls is its lockdep class
	 * (what flushing or cancelling it under a lock is checked against).
	 */
	template <auto Member, auto Method>
	Work(Callback<Member, Method>, LockClass cls)
	{
		static_assert(is_same_v<decltype(Member), Work Owner::*>,
			      "Work: callback<&Owner::member, ...> must name this Work member");
		static_assert(requires(Owner &o) { { (o.*Method)() } -> same_as<void>; },
			      "Work: the method must be `void Owner::method()`");
		::INIT_WORK(&work_, run<Member, Method>);
#ifdef CONFIG_LOCKDEP
		::lockdep_init_map(&work_.lockdep_map, cls.name, cls.key, 0);
#else
		(void)cls;
#endif
	}
	Work(const Work &) = delete;
	Work &operator=(const Work &) = delete;
	/** ~Work - cancel_sync(): nothing runs after the Work is gone. */
	~Work() { cancel_sync(); }

	/** queue() - queue on system_wq; false if it was already pending. */
	bool queue() { return ::queue_work(::system_wq, &work_); }
	/** queue_on() - queue on @wq; false if it was already pending. */
	bool queue_on(WorkQueue &wq) { return ::queue_work(wq.as_ptr(), &work_); }
	/**
	 * cancel_sync() - cancel_work_sync(): take it off its queue and wait
	 * for a running callback to return. True if it was pending. Process
	 * context; not from the callback itself.
	 */
	bool cancel_sync() { return ::cancel_work_sync(&work_); }

	/** as_ptr() - the work_struct, for C. */
	struct work_struct *as_ptr() { return &work_; }

private:
	template <auto Member, auto Method> static void run(struct work_struct *w)
	{
		detail::call_owner<Member, Method>(container_of<&Work::work_>(w));
	}
	struct work_struct work_;
};

/** class DelayedWork - a delayed_work calling back a method of its Owner. */
template <typename Owner> class DelayedWork {
public:
	/** DelayedWork(callback<&Owner::member, &Owner::method>, cls) - as Work's. */
	template <auto Member, auto Method>
	DelayedWork(Callback<Member, Method>, LockClass cls)
	{
		static_assert(is_same_v<decltype(Member), DelayedWork Owner::*>,
			      "DelayedWork: callback<&Owner::member, ...> must name this DelayedWork member");
		static_assert(requires(Owner &o) { { (o.*Method)() } -> same_as<void>; },
			      "DelayedWork: the method must be `void Owner::method()`");
		::INIT_DELAYED_WORK(&dwork_, run<Member, Method>);
#ifdef CONFIG_LOCKDEP
		::lockdep_init_map(&dwork_.work.lockdep_map, cls.name, cls.key, 0);
#else
		(void)cls;
#endif
	}
	DelayedWork(const DelayedWork &) = delete;
	DelayedWork &operator=(const DelayedWork &) = delete;
	/** ~DelayedWork - cancel_sync(): nothing runs after it is gone. */
	~DelayedWork() { cancel_sync(); }

	/** queue() - queue on system_wq after @delay jiffies; false if pending. */
	bool queue(unsigned long delay)
	{
		return ::queue_delayed_work(::system_wq, &dwork_, delay);
	}
	/** queue_on() - queue on @wq after @delay jiffies; false if pending. */
	bool queue_on(WorkQueue &wq, unsigned long delay)
	{
		return ::queue_delayed_work(wq.as_ptr(), &dwork_, delay);
	}
	/**
	 * cancel_sync() - cancel_delayed_work_sync(): stop its timer, take it
	 * off its queue, wait for a running callback. True if it was pending.
	 */
	bool cancel_sync() { return ::cancel_delayed_work_sync(&dwork_); }

	/** as_ptr() - the delayed_work, for C. */
	struct delayed_work *as_ptr() { return &dwork_; }

private:
	template <auto Member, auto Method> static void run(struct work_struct *w)
	{
		/* to_delayed_work() */
		struct delayed_work *dw = container_of<&delayed_work::work>(w);
		detail::call_owner<Member, Method>(container_of<&DelayedWork::dwork_>(dw));
	}
	struct delayed_work dwork_;
};

} /* namespace cxx */

#endif /* _CXX_WORKQUEUE_H */
