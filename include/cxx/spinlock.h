/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: SpinLock<T>
 *
 * A spinning lock that owns the data it guards, for data also touched
 * where sleeping is not allowed. lock() disables preemption;
 * lock_irqsave() also disables local interrupts and restores them at
 * unlock, for data an interrupt handler shares. The guard unlocks when it
 * goes out of scope and cannot be copied.
 *
 *	cxx::SpinLock<unsigned int> hits{CXX_LOCK_CLASS("hits"), 0};
 *	...
 *	*hits.lock() += 1;	// locked for this statement only
 */
#ifndef _CXX_SPINLOCK_H
#define _CXX_SPINLOCK_H

#include <generated/cxx/bindings.h>
#include <cxx/lock_class.h>
#include <cxx/utility.h>

namespace cxx {

template <typename T> class SpinLock;

/** class SpinLockGuard - the lock is held (preemption off); its data. */
template <typename T> class [[nodiscard]] SpinLockGuard {
public:
	SpinLockGuard(const SpinLockGuard &) = delete;
	SpinLockGuard &operator=(const SpinLockGuard &) = delete;
	SpinLockGuard(SpinLockGuard &&other) : l_(other.l_) { other.l_ = nullptr; }
	SpinLockGuard &operator=(SpinLockGuard &&) = delete;
	~SpinLockGuard()
	{
		if (l_)
			::spin_unlock(&l_->lock_);
	}
	T &operator*() const { return l_->data_; }
	T *operator->() const { return &l_->data_; }

private:
	friend class SpinLock<T>;
	explicit SpinLockGuard(SpinLock<T> *l) : l_(l) {}
	SpinLock<T> *l_;
};

/** class SpinLockIrqGuard - held with local interrupts off; restores them. */
template <typename T> class [[nodiscard]] SpinLockIrqGuard {
public:
	SpinLockIrqGuard(const SpinLockIrqGuard &) = delete;
	SpinLockIrqGuard &operator=(const SpinLockIrqGuard &) = delete;
	SpinLockIrqGuard(SpinLockIrqGuard &&other)
		: l_(other.l_), flags_(other.flags_)
	{
		other.l_ = nullptr;
	}
	SpinLockIrqGuard &operator=(SpinLockIrqGuard &&) = delete;
	~SpinLockIrqGuard()
	{
		if (l_)
			::spin_unlock_irqrestore(&l_->lock_, flags_);
	}
	T &operator*() const { return l_->data_; }
	T *operator->() const { return &l_->data_; }

private:
	friend class SpinLock<T>;
	SpinLockIrqGuard(SpinLock<T> *l, unsigned long flags) : l_(l), flags_(flags) {}
	SpinLock<T> *l_;
	unsigned long flags_;
};

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

	/** lock() - spin until the lock is ours; preemption stays off. */
	SpinLockGuard<T> lock()
	{
		::spin_lock(&lock_);
		return SpinLockGuard<T>(this);
	}

	/** lock_irqsave() - lock() with local interrupts off until unlock. */
	SpinLockIrqGuard<T> lock_irqsave()
	{
		unsigned long flags = ::spin_lock_irqsave(&lock_);
		return SpinLockIrqGuard<T>(this, flags);
	}

private:
	friend class SpinLockGuard<T>;
	friend class SpinLockIrqGuard<T>;
	spinlock_t lock_;
	T data_;
};

} /* namespace cxx */

#endif /* _CXX_SPINLOCK_H */
