/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: lock guards
 *
 * Guard<Locking> is what every lock of include/cxx/ returns when taken
 * (Mutex::lock(), SpinLock::lock() and lock_irqsave(), RwSemaphore::read()
 * and write()): proof that the lock is held, and the only way to the data
 * it guards. It releases the lock when it goes out of scope.
 *
 * It cannot be copied (the lock would be released twice) nor ignored
 * (`m.lock();` alone would release at once): both are compile errors. It
 * can be moved, e.g. out of a Result; a moved-from guard releases nothing.
 *
 * @Locking says how: `Owner` (the lock), `Data` (what the guard reaches,
 * const for shared access), `State` (what unlocking needs, e.g. saved IRQ
 * flags), `static Data &data(Owner *)` and `static void release(Owner *,
 * State)`.
 */
#ifndef _CXX_GUARD_H
#define _CXX_GUARD_H

namespace cxx {

class CondVar;

/** struct NoState - what most unlocks need: nothing. */
struct NoState {};

/** class Guard - a held lock. Invariant: holds it unless moved from. */
template <typename Locking> class [[nodiscard]] Guard {
	using Owner = typename Locking::Owner;
	using Data = typename Locking::Data;
	using State = typename Locking::State;

public:
	Guard(const Guard &) = delete;
	Guard &operator=(const Guard &) = delete;
	Guard(Guard &&other) : owner_(other.owner_), state_(other.state_)
	{
		other.owner_ = nullptr;
	}
	Guard &operator=(Guard &&) = delete;
	~Guard()
	{
		if (owner_)
			Locking::release(owner_, state_);
	}

	/** operator* / operator-> - the guarded data. */
	Data &operator*() const { return Locking::data(owner_); }
	Data *operator->() const { return &Locking::data(owner_); }

private:
	friend Owner;
	friend class CondVar;
	explicit Guard(Owner *owner, State state = {}) : owner_(owner), state_(state) {}
	Owner *owner_;
	[[no_unique_address]] State state_;
};

} /* namespace cxx */

#endif /* _CXX_GUARD_H */
