/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: WaitQueue
 *
 * A wait queue head (C's wait_queue_head_t): tasks sleep on it until a
 * condition holds (the wait_event family, cxx/wait_event.h), and whoever
 * makes the condition true wakes them:
 *
 *	CXX_DECLARE_WAIT_QUEUE_HEAD(ready_wq);
 *	...
 *	cxx::write_once(ready, true);
 *	ready_wq.wake_up();
 *
 * A WaitQueue converts to the struct wait_queue_head the C API takes. At
 * namespace scope, CXX_DECLARE_WAIT_QUEUE_HEAD() defines one as C's
 * DECLARE_WAIT_QUEUE_HEAD() does: constinit, no constructor run
 * (cxx/static_lock.h). Elsewhere, construct it from a LockClass.
 */
#ifndef _CXX_WAIT_QUEUE_H
#define _CXX_WAIT_QUEUE_H

#include <generated/cxx/bindings.h>
#include <cxx/lock_class.h>
#include <cxx/static_lock.h>

namespace cxx {

/** class WaitQueue - a struct wait_queue_head. Neither copied nor moved. */
class WaitQueue {
public:
	/** WaitQueue(cls) - empty; @cls is its lock's lockdep class. */
	explicit WaitQueue(LockClass cls) { ::__init_waitqueue_head(&wq_, cls.name, cls.key); }
	/**
	 * WaitQueue(cls) - empty, initialised at compile time as C's
	 * __WAIT_QUEUE_HEAD_INITIALIZER(): only with static storage duration
	 * (lockdep keys its lock by its address); @cls.name names the lock.
	 */
	constexpr explicit WaitQueue(StaticLockClass cls) : wq_{}
	{
		detail::static_init(&wq_, cls);
	}
	WaitQueue(const WaitQueue &) = delete;
	WaitQueue &operator=(const WaitQueue &) = delete;

	/** The C wait queue head, for the C API and the wait_event family. */
	operator struct wait_queue_head &() { return wq_; }

	/** wake_up() - wake every non-exclusive waiter and one exclusive waiter. */
	void wake_up() { ::__wake_up(&wq_, TASK_NORMAL, 1, nullptr); }
	/** wake_up_all() - wake every waiter. */
	void wake_up_all() { ::__wake_up(&wq_, TASK_NORMAL, 0, nullptr); }
	/** wake_up_interruptible() - wake_up(), of interruptible sleepers only. */
	void wake_up_interruptible() { ::__wake_up(&wq_, TASK_INTERRUPTIBLE, 1, nullptr); }

private:
	struct wait_queue_head wq_;
};

} /* namespace cxx */

/**
 * CXX_DECLARE_WAIT_QUEUE_HEAD() - C's DECLARE_WAIT_QUEUE_HEAD(name): defines
 * `constinit cxx::WaitQueue name`, whose lock lockdep calls "name.lock".
 */
#define CXX_DECLARE_WAIT_QUEUE_HEAD(name)                                     \
	constinit ::cxx::WaitQueue name{::cxx::StaticLockClass{#name ".lock", nullptr}}

#endif /* _CXX_WAIT_QUEUE_H */
