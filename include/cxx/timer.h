/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: Timer
 *
 * Timer<Owner> is a timer_list embedded in an object of class Owner that
 * calls back a method of that object when it expires, in softirq context
 * (it must not sleep). C's timer_setup() and from_timer() become the
 * member's initialiser, which names the member and the method
 * (cxx/callback.h):
 *
 *	struct Blinker {
 *		void on_timer();	// softirq: no sleeping
 *		cxx::Timer<Blinker> timer{cxx::callback<&Blinker::timer, &Blinker::on_timer>,
 *					  CXX_LOCK_CLASS("blinker.timer")};
 *	};
 *	...
 *	blinker->timer.arm_in(msecs_to_jiffies(10));	// mod_timer()
 *
 * The method may re-arm its own timer. Destroying a Timer shuts it down
 * (timer_shutdown_sync(), in Debian's 6.1 and in 6.2 and later): a
 * pending expiry is cancelled, a running callback is waited for, and any
 * later arming, from the callback or elsewhere, is ignored. So no callback
 * runs after the Timer is gone. As for Work (cxx/workqueue.h), declare
 * the Timer after the members its method uses, and the Owner must not move
 * while the Timer may be armed.
 */
#ifndef _CXX_TIMER_H
#define _CXX_TIMER_H

#include <generated/cxx/bindings.h>
#include <cxx/callback.h>
#include <cxx/lock_class.h>
#include <cxx/utility.h>

namespace cxx {

/** class Timer - a timer_list calling back a method of its Owner. */
template <typename Owner> class Timer {
public:
	/**
	 * Timer(callback<&Owner::member, &Owner::method>, cls, flags) - an
	 * idle timer that calls `void Owner::method()`; @cls is its lockdep
	 * class (what del_timer_sync() is checked against), @flags C's
	 * TIMER_* flags (TIMER_DEFERRABLE, ...).
	 */
	template <auto Member, auto Method>
	Timer(Callback<Member, Method>, LockClass cls, unsigned int flags = 0)
	{
		static_assert(is_same_v<decltype(Member), Timer Owner::*>,
			      "Timer: callback<&Owner::member, ...> must name this Timer member");
		static_assert(requires(Owner &o) { { (o.*Method)() } -> same_as<void>; },
			      "Timer: the method must be `void Owner::method()`");
		/* timer_setup(), with this declaration's lockdep class. */
		::init_timer_key(&timer_, run<Member, Method>, flags, cls.name, cls.key);
	}
	Timer(const Timer &) = delete;
	Timer &operator=(const Timer &) = delete;
	/** ~Timer - shutdown_sync(): no callback runs after the Timer is gone. */
	~Timer() { shutdown_sync(); }

	/**
	 * arm_at() - mod_timer(): expire at @expires (in jiffies), whether
	 * pending or not. True if it was pending. Ignored after shutdown_sync().
	 */
	bool arm_at(unsigned long expires) { return ::mod_timer(&timer_, expires); }
	/** arm_in() - arm_at() @delay jiffies from now. */
	bool arm_in(unsigned long delay) { return arm_at(::jiffies + delay); }
	/**
	 * cancel_sync() - timer_delete_sync(): cancel, and wait for a running
	 * callback. True if it was pending. It may be armed again afterwards
	 * (by anyone but its own callback, which must not be waited for).
	 */
	bool cancel_sync() { return ::timer_delete_sync(&timer_); }
	/**
	 * shutdown_sync() - timer_shutdown_sync(): cancel_sync(), and ignore
	 * every later arming. Not from the callback itself.
	 */
	bool shutdown_sync() { return ::timer_shutdown_sync(&timer_); }
	/** is_pending() - armed and not expired yet (a hint: it may change). */
	bool is_pending() const { return ::timer_pending(&timer_); }

	/** as_ptr() - the timer_list, for C. */
	struct timer_list *as_ptr() { return &timer_; }

private:
	template <auto Member, auto Method> static void run(struct timer_list *t)
	{
		/* from_timer() */
		detail::call_owner<Member, Method>(container_of<&Timer::timer_>(t));
	}
	struct timer_list timer_;
};

} /* namespace cxx */

#endif /* _CXX_TIMER_H */
