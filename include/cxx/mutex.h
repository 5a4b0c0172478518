/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: Mutex<T>
 *
 * A sleeping lock that owns the data it guards: the data can only be
 * reached through the guard lock() returns, and the guard unlocks when it
 * goes out of scope. It may only be taken where sleeping is allowed.
 *
 *	cxx::Mutex<long> value{CXX_LOCK_CLASS("value"), 0};
 *	...
 *	{
 *		auto v = value.lock();
 *		*v += 1;
 *	}			// unlocked here
 *
 * A guard cannot be copied (that would unlock twice); it can be moved, e.g.
 * out of a Result. Usable as a module-level static: the runtime constructs
 * it before the module's init.
 */
#ifndef _CXX_MUTEX_H
#define _CXX_MUTEX_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/lock_class.h>
#include <cxx/utility.h>

namespace cxx {

template <typename T> class Mutex;
class CondVar;

/**
 * class MutexGuard - proof that the mutex is held; access to its data.
 * Invariant: while it owns a mutex (not moved from), the mutex is locked by
 * this task.
 */
template <typename T> class [[nodiscard]] MutexGuard {
public:
	MutexGuard(const MutexGuard &) = delete;
	MutexGuard &operator=(const MutexGuard &) = delete;
	MutexGuard(MutexGuard &&other) : m_(other.m_) { other.m_ = nullptr; }
	MutexGuard &operator=(MutexGuard &&) = delete;
	~MutexGuard()
	{
		if (m_)
			::mutex_unlock(&m_->mutex_);
	}

	/** operator* / operator-> - the guarded data. */
	T &operator*() const { return m_->data_; }
	T *operator->() const { return &m_->data_; }

private:
	friend class Mutex<T>;
	friend class CondVar;
	explicit MutexGuard(Mutex<T> *m) : m_(m) {}
	Mutex<T> *m_;
};

/** class Mutex - a struct mutex and the T it guards. Neither copied nor moved. */
template <typename T> class Mutex {
public:
	/** Mutex(cls, args...) - an unlocked mutex guarding T(args...). */
	template <typename... Args>
	explicit Mutex(LockClass cls, Args &&...args)
		: data_(cxx::forward<Args>(args)...)
	{
		::__mutex_init(&mutex_, cls.name, cls.key);
	}
	Mutex(const Mutex &) = delete;
	Mutex &operator=(const Mutex &) = delete;

	/** lock() - sleep until the mutex is ours. */
	MutexGuard<T> lock()
	{
		::mutex_lock(&mutex_);
		return MutexGuard<T>(this);
	}

	/** lock_interruptible() - as lock(), or -EINTR if a signal arrives. */
	Result<MutexGuard<T>> lock_interruptible()
	{
		int err = ::mutex_lock_interruptible(&mutex_);
		if (err)
			return Error::from_errno(err);
		return MutexGuard<T>(this);
	}

	/** is_locked() - whether some task holds it (a hint: it may change). */
	bool is_locked() { return ::mutex_is_locked(&mutex_); }

private:
	friend class MutexGuard<T>;
	friend class CondVar;
	struct mutex mutex_;
	T data_;
};

} /* namespace cxx */

#endif /* _CXX_MUTEX_H */
