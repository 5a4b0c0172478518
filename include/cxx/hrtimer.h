/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: HrTimer
 *
 * HrTimer<Owner> is a high-resolution timer (struct hrtimer) embedded in
 * an object of class Owner that calls back a method of that object when
 * it expires, in hard interrupt context (it must not sleep). The method
 * returns whether the timer goes on: HrRestart::RESTART after moving the
 * expiry forward (forward_now()), HrRestart::NORESTART to stop:
 *
 *	struct Ticker {
 *		cxx::HrRestart on_tick()
 *		{
 *			tick.forward_now(ms_to_ktime(1));
 *			return cxx::HrRestart::RESTART;
 *		}
 *		cxx::HrTimer<Ticker> tick{cxx::callback<&Ticker::tick, &Ticker::on_tick>};
 *	};
 *	...
 *	ticker->tick.start(ms_to_ktime(1));	// relative, CLOCK_MONOTONIC
 *
 * Destroying an HrTimer cancels it (hrtimer_cancel()): a pending expiry
 * is removed and a running callback waited for; a callback that restarts
 * its timer meanwhile is cancelled again. So no callback runs after the
 * HrTimer is gone, provided nothing but its own callback starts it once
 * the owner is being destroyed. As for Work (cxx/workqueue.h), declare it
 * after the members its method uses; the Owner must not move while it may
 * be started. Without CONFIG_HIGH_RES_TIMERS it still works, with the
 * resolution of the tick.
 */
#ifndef _CXX_HRTIMER_H
#define _CXX_HRTIMER_H

#include <generated/cxx/bindings.h>
#include <cxx/callback.h>
#include <cxx/utility.h>

namespace cxx {

/** enum HrRestart - what an HrTimer's method returns: C's enum hrtimer_restart. */
enum class HrRestart {
	NORESTART = ::HRTIMER_NORESTART,	/* stop */
	RESTART = ::HRTIMER_RESTART,		/* expire again at the new expiry */
};

/** class HrTimer - an hrtimer calling back a method of its Owner. */
template <typename Owner> class HrTimer {
public:
	/**
	 * HrTimer(callback<&Owner::member, &Owner::method>, clock, mode) - an
	 * idle timer on @clock (CLOCK_MONOTONIC, ...) whose start() takes
	 * times in @mode (HRTIMER_MODE_REL: from now; HRTIMER_MODE_ABS), that
	 * calls `HrRestart Owner::method()`.
	 */
	template <auto Member, auto Method>
	HrTimer(Callback<Member, Method>, clockid_t clock = CLOCK_MONOTONIC,
		enum hrtimer_mode mode = HRTIMER_MODE_REL)
		: mode_(mode)
	{
		static_assert(is_same_v<decltype(Member), HrTimer Owner::*>,
			      "HrTimer: callback<&Owner::member, ...> must name this HrTimer member");
		static_assert(requires(Owner &o) { { (o.*Method)() } -> same_as<HrRestart>; },
			      "HrTimer: the method must be `cxx::HrRestart Owner::method()`");
		::hrtimer_init(&timer_, clock, mode);
		timer_.function = run<Member, Method>;
	}
	HrTimer(const HrTimer &) = delete;
	HrTimer &operator=(const HrTimer &) = delete;
	/** ~HrTimer - cancel(): no callback runs after the HrTimer is gone. */
	~HrTimer() { cancel(); }

	/** start() - hrtimer_start(): expire at @time (in the constructor's mode). */
	void start(ktime_t time) { ::hrtimer_start(&timer_, time, mode_); }
	/**
	 * forward_now() - hrtimer_forward_now(): move the expiry forward by
	 * whole @intervals past now; the number of intervals it moved. For the
	 * callback, before it returns HrRestart::RESTART.
	 */
	u64 forward_now(ktime_t interval) { return ::hrtimer_forward_now(&timer_, interval); }
	/**
	 * cancel() - hrtimer_cancel(): remove a pending expiry and wait for a
	 * running callback. True if it was pending. Not from the callback.
	 */
	bool cancel() { return ::hrtimer_cancel(&timer_); }

	/** as_ptr() - the hrtimer, for C. */
	struct hrtimer *as_ptr() { return &timer_; }

private:
	template <auto Member, auto Method> static enum hrtimer_restart run(struct hrtimer *t)
	{
		HrRestart r = detail::call_owner<Member, Method>(container_of<&HrTimer::timer_>(t));
		return static_cast<enum hrtimer_restart>(r);
	}
	struct hrtimer timer_;
	enum hrtimer_mode mode_;
};

} /* namespace cxx */

#endif /* _CXX_HRTIMER_H */
