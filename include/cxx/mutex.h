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
 * The guard (cxx/guard.h) cannot be copied nor ignored; it can be moved,
 * e.g. out of a Result.
 *
 * At namespace scope, CXX_DEFINE_MUTEX() defines one as C's DEFINE_MUTEX()
 * does: constinit, its bytes in the module's image, no constructor run
 * (cxx/static_lock.h):
 *
 *	CXX_DEFINE_MUTEX(long, value, 0);
 *
 * A module-level Mutex built from a LockClass is constructed by the
 * runtime before the module's init.
 */
#ifndef _CXX_MUTEX_H
#define _CXX_MUTEX_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/guard.h>
#include <cxx/lock_class.h>
#include <cxx/static_lock.h>
#include <cxx/utility.h>

namespace cxx {

template <typename T> class Mutex;

/** MutexGuard - Mutex<T>::lock()'s guard (see cxx/guard.h). */
template <typename T> using MutexGuard = Guard<typename Mutex<T>::Locking>;

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
	/**
	 * Mutex(cls, args...) - the same, initialised at compile time as C's
	 * __MUTEX_INITIALIZER: only for a Mutex with static storage duration
	 * (lockdep keys it by its address). constexpr if T(args...) is.
	 */
	template <typename... Args>
	constexpr explicit Mutex(StaticLockClass cls, Args &&...args)
		: mutex_{}, data_(cxx::forward<Args>(args)...)
	{
		detail::static_init(&mutex_, cls);
	}
	Mutex(const Mutex &) = delete;
	Mutex &operator=(const Mutex &) = delete;

	/** struct Locking - how its guard reaches the data and unlocks. */
	struct Locking {
		using Owner = Mutex;
		using Data = T;
		using State = NoState;
		static T &data(Mutex *m) { return m->data_; }
		static void release(Mutex *m, NoState) { ::mutex_unlock(&m->mutex_); }
		static struct mutex *raw(Mutex *m) { return &m->mutex_; }
	};

	/** lock() - sleep until the mutex is ours. */
	Guard<Locking> lock()
	{
		::mutex_lock(&mutex_);
		return Guard<Locking>(this);
	}

	/** lock_interruptible() - as lock(), or -EINTR if a signal arrives. */
	Result<Guard<Locking>> lock_interruptible()
	{
		int err = ::mutex_lock_interruptible(&mutex_);
		if (err)
			return Error::from_errno(err);
		return Guard<Locking>(this);
	}

	/** is_locked() - whether some task holds it (a hint: it may change). */
	bool is_locked() { return ::mutex_is_locked(&mutex_); }

private:
	struct mutex mutex_;
	T data_;
};

} /* namespace cxx */

/**
 * CXX_DEFINE_MUTEX() - C's DEFINE_MUTEX(name) for a Mutex<T>.
 * @T: the type of the data it guards.
 * @name: the variable, and the name lockdep reports.
 * @...: the arguments of T's constructor, which must be constexpr.
 *
 * Defines `constinit cxx::Mutex<T> name`: if it cannot be initialised at
 * compile time, it does not compile. Add `static` before it for a
 * variable private to the file.
 */
#define CXX_DEFINE_MUTEX(T, name, ...)                                        \
	constinit ::cxx::Mutex<T> name{                                       \
		::cxx::StaticLockClass{#name, #name ".wait_lock"} __VA_OPT__(,) __VA_ARGS__}

#endif /* _CXX_MUTEX_H */
