/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: Completion
 *
 * A struct completion: one side waits until the other says it is done,
 * e.g. a process until the device's interrupt handler has seen the end of
 * a request. complete() may be called from any context, an interrupt
 * handler included:
 *
 *	done.reinit();
 *	start_device();
 *	TRY(done.wait_timeout(msecs_to_jiffies(1000)));	// ETIMEDOUT
 *	...
 *	// in the interrupt handler:
 *	done.complete();
 */
#ifndef _CXX_COMPLETION_H
#define _CXX_COMPLETION_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>

namespace cxx {

/** class Completion - a struct completion. Neither copied nor moved. */
class Completion {
public:
	/** Completion() - not completed. */
	Completion() { ::init_completion(&c_); }
	Completion(const Completion &) = delete;
	Completion &operator=(const Completion &) = delete;

	/** reinit() - not completed again, before starting the next request. */
	void reinit() { ::reinit_completion(&c_); }
	/** complete() - wake one waiter (or let the next wait return at once). */
	void complete() { ::complete(&c_); }
	/** complete_all() - wake every waiter, now and to come until reinit(). */
	void complete_all() { ::complete_all(&c_); }

	/** wait() - sleep until completed, uninterruptibly. */
	void wait() { ::wait_for_completion(&c_); }

	/**
	 * wait_timeout() - sleep until completed or @timeout jiffies passed
	 * (wait_for_completion_timeout()), uninterruptibly.
	 * Return: the jiffies left (at least 1), or ETIMEDOUT.
	 */
	Result<unsigned long> wait_timeout(unsigned long timeout)
	{
		unsigned long left = ::wait_for_completion_timeout(&c_, timeout);
		if (!left)
			return code::ETIMEDOUT;
		return left;
	}

	/**
	 * wait_interruptible_timeout() - the same, also ended by a signal:
	 * ERESTARTSYS then (wait_for_completion_interruptible_timeout()).
	 */
	Result<unsigned long> wait_interruptible_timeout(unsigned long timeout)
	{
		long left = ::wait_for_completion_interruptible_timeout(&c_, timeout);
		if (left < 0)
			return Error::from_errno(static_cast<int>(left));
		if (!left)
			return code::ETIMEDOUT;
		return static_cast<unsigned long>(left);
	}

	/** done() - completed and not yet consumed by a waiter (completion_done()). */
	bool done() { return ::completion_done(&c_); }

	/** as_ptr() - the C struct completion. */
	struct completion *as_ptr() { return &c_; }

private:
	struct completion c_;
};

} /* namespace cxx */

#endif /* _CXX_COMPLETION_H */
