/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: SpinLock<T>
 *
 * A spinning lock that owns the data it guards, for data also touched
 * where sleeping is not allowed. lock() disables preemption;
 * lock_irqsave() also disables local interrupts and restores them at
 * unlock, for data an interrupt handler shares. The guard (cxx/guard.h)
 * unlocks when it goes out of scope and cannot be copied nor ignored.
 *
 *	cxx::SpinLock<unsigned int> hits{CXX_LOCK_CLASS("hits"), 0};
 *	...
 *	*hits.lock() += 1;	// locked for this statement only
 */
#ifndef _CXX_SPINLOCK_H
#define _CXX_SPINLOCK_H

#include <generated/cxx/bindings.h>
#include <cxx/guard.h>
#include <cxx/lock_class.h>
#include <cxx/utility.h>

namespace cxx {

/** class SpinLock - a spinlock_t and the T it guards. Neither copied nor moved. */
template <typename T> class SpinLock {
public:
	/** SpinLock(cls, args...) - an unlocked lock guarding T(args...). */
	template <typename... Args>
	explicit SpinLock(LockClass cls, Args &&...args)
		: data_(cxx::forward<Args>(args)...)
	{
#ifdef CONFIG_DEBUG_SPINLOCK
		::__raw_spin_lock_init(&lock_.rlock, cls.name, cls.key, LD_WAIT_CONFIG);
#else
		(void)cls;
		::spin_lock_init(&lock_);
#endif
	}
	SpinLock(const SpinLock &) = delete;
	SpinLock &operator=(const SpinLock &) = delete;

	/** struct Locking - the guard of lock(): spin_unlock(). */
	struct Locking {
		using Owner = SpinLock;
		using Data = T;
		using State = NoState;
		static T &data(SpinLock *l) { return l->data_; }
		static void release(SpinLock *l, NoState) { ::spin_unlock(&l->lock_); }
	};
	/** struct IrqLocking - the guard of lock_irqsave(): restores IRQs. */
	struct IrqLocking {
		using Owner = SpinLock;
		using Data = T;
		using State = unsigned long;	/* the saved flags */
		static T &data(SpinLock *l) { return l->data_; }
		static void release(SpinLock *l, unsigned long flags)
		{
			::spin_unlock_irqrestore(&l->lock_, flags);
		}
	};

	/** lock() - spin until the lock is ours; preemption stays off. */
	Guard<Locking> lock()
	{
		::spin_lock(&lock_);
		return Guard<Locking>(this);
	}

	/** lock_irqsave() - lock() with local interrupts off until unlock. */
	Guard<IrqLocking> lock_irqsave()
	{
		unsigned long flags = ::spin_lock_irqsave(&lock_);
		return Guard<IrqLocking>(this, flags);
	}

private:
	spinlock_t lock_;
	T data_;
};

/** SpinLockGuard, SpinLockIrqGuard - the guards of SpinLock<T>. */
template <typename T> using SpinLockGuard = Guard<typename SpinLock<T>::Locking>;
template <typename T> using SpinLockIrqGuard = Guard<typename SpinLock<T>::IrqLocking>;

} /* namespace cxx */

#endif /* _CXX_SPINLOCK_H */
