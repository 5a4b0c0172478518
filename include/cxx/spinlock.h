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
 *
 * At namespace scope, CXX_DEFINE_SPINLOCK() defines one as C's
 * DEFINE_SPINLOCK() does: constinit, no constructor run
 * (cxx/static_lock.h).
 */
#ifndef _CXX_SPINLOCK_H
#define _CXX_SPINLOCK_H

#include <generated/cxx/bindings.h>
#include <cxx/guard.h>
#include <cxx/lock_class.h>
#include <cxx/static_lock.h>
#include <cxx/utility.h>

namespace cxx {

namespace detail {
/*
 * C's spin_lock() and friends are inline functions and macros. Where the
 * configured kernel makes them one call to an out-of-line function (an SMP
 * or spinlock-debugging kernel without PREEMPT_RT, and no
 * CONFIG_INLINE_SPIN_* for that operation: include/linux/spinlock.h and
 * spinlock_api_smp.h), C++ calls that function directly, as C does; a C
 * helper there would add a call and a return to every lock and unlock
 * (12% on an irqsave lock/unlock pair, `make bench`). Elsewhere the
 * helpers of cxx/bindings_helpers.txt expand C's inline code. If these
 * conditions drifted from the headers', the module would fail to link
 * with an undefined _raw_spin_* symbol, never misbehave.
 */
#if !defined(CONFIG_PREEMPT_RT) && (defined(CONFIG_SMP) || defined(CONFIG_DEBUG_SPINLOCK))
#define CXX_SPIN_API_SMP 1
#else
#define CXX_SPIN_API_SMP 0
#endif

inline void spin_lock(spinlock_t *l)
{
#if CXX_SPIN_API_SMP && !defined(CONFIG_INLINE_SPIN_LOCK)
	::_raw_spin_lock(&l->rlock);
#else
	::spin_lock(l);
#endif
}

inline void spin_unlock(spinlock_t *l)
{
#if CXX_SPIN_API_SMP && defined(CONFIG_UNINLINE_SPIN_UNLOCK)
	::_raw_spin_unlock(&l->rlock);
#else
	::spin_unlock(l);
#endif
}

inline unsigned long spin_lock_irqsave(spinlock_t *l)
{
#if CXX_SPIN_API_SMP && !defined(CONFIG_INLINE_SPIN_LOCK_IRQSAVE)
	return ::_raw_spin_lock_irqsave(&l->rlock);
#else
	return ::spin_lock_irqsave(l);
#endif
}

inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
#if CXX_SPIN_API_SMP && !defined(CONFIG_INLINE_SPIN_UNLOCK_IRQRESTORE)
	::_raw_spin_unlock_irqrestore(&l->rlock, flags);
#else
	::spin_unlock_irqrestore(l, flags);
#endif
}
#undef CXX_SPIN_API_SMP
} /* namespace detail */

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
	/**
	 * SpinLock(cls, args...) - the same, initialised at compile time as
	 * C's __SPIN_LOCK_UNLOCKED(): only for a SpinLock with static storage
	 * duration (lockdep keys it by its address). constexpr if T(args...) is.
	 */
	template <typename... Args>
	constexpr explicit SpinLock(StaticLockClass cls, Args &&...args)
		: lock_{}, data_(cxx::forward<Args>(args)...)
	{
		detail::static_init(&lock_, cls.name);
	}
	SpinLock(const SpinLock &) = delete;
	SpinLock &operator=(const SpinLock &) = delete;

	/** struct Locking - the guard of lock(): spin_unlock(). */
	struct Locking {
		using Owner = SpinLock;
		using Data = T;
		using State = NoState;
		static T &data(SpinLock *l) { return l->data_; }
		static void release(SpinLock *l, NoState) { detail::spin_unlock(&l->lock_); }
	};
	/** struct IrqLocking - the guard of lock_irqsave(): restores IRQs. */
	struct IrqLocking {
		using Owner = SpinLock;
		using Data = T;
		using State = unsigned long;	/* the saved flags */
		static T &data(SpinLock *l) { return l->data_; }
		static void release(SpinLock *l, unsigned long flags)
		{
			detail::spin_unlock_irqrestore(&l->lock_, flags);
		}
	};

	/** lock() - spin until the lock is ours; preemption stays off. */
	Guard<Locking> lock()
	{
		detail::spin_lock(&lock_);
		return Guard<Locking>(this);
	}

	/** lock_irqsave() - lock() with local interrupts off until unlock. */
	Guard<IrqLocking> lock_irqsave()
	{
		unsigned long flags = detail::spin_lock_irqsave(&lock_);
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

/**
 * CXX_DEFINE_SPINLOCK() - C's DEFINE_SPINLOCK(name) for a SpinLock<T>.
 * @T: the type of the data it guards.
 * @name: the variable, and the name lockdep reports.
 * @...: the arguments of T's constructor, which must be constexpr.
 *
 * Defines `constinit cxx::SpinLock<T> name`: if it cannot be initialised at
 * compile time, it does not compile.
 */
#define CXX_DEFINE_SPINLOCK(T, name, ...)                                     \
	constinit ::cxx::SpinLock<T> name{                                    \
		::cxx::StaticLockClass{#name, nullptr} __VA_OPT__(,) __VA_ARGS__}

#endif /* _CXX_SPINLOCK_H */
