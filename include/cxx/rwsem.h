/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: RwSemaphore<T>
 *
 * A sleeping reader-writer lock that owns the data it guards: read() gives
 * any number of tasks shared, const access at once; write() gives one task
 * exclusive access. The guards (cxx/guard.h) release on scope exit and
 * cannot be copied nor ignored.
 *
 *	cxx::RwSemaphore<Config> config{CXX_LOCK_CLASS("config"), defaults};
 *	int limit = config.read()->limit;
 *	config.write()->limit = 10;
 */
#ifndef _CXX_RWSEM_H
#define _CXX_RWSEM_H

#include <generated/cxx/bindings.h>
#include <cxx/guard.h>
#include <cxx/lock_class.h>
#include <cxx/utility.h>

namespace cxx {

/** class RwSemaphore - a struct rw_semaphore and the T it guards. */
template <typename T> class RwSemaphore {
public:
	template <typename... Args>
	explicit RwSemaphore(LockClass cls, Args &&...args)
		: data_(cxx::forward<Args>(args)...)
	{
		::__init_rwsem(&sem_, cls.name, cls.key);
	}
	RwSemaphore(const RwSemaphore &) = delete;
	RwSemaphore &operator=(const RwSemaphore &) = delete;

	/** struct ReadLocking - the guard of read(): const access, up_read(). */
	struct ReadLocking {
		using Owner = RwSemaphore;
		using Data = const T;
		using State = NoState;
		static const T &data(RwSemaphore *s) { return s->data_; }
		static void release(RwSemaphore *s, NoState) { ::up_read(&s->sem_); }
	};
	/** struct WriteLocking - the guard of write(): full access, up_write(). */
	struct WriteLocking {
		using Owner = RwSemaphore;
		using Data = T;
		using State = NoState;
		static T &data(RwSemaphore *s) { return s->data_; }
		static void release(RwSemaphore *s, NoState) { ::up_write(&s->sem_); }
	};

	/** read() - sleep until no writer holds it; shared, const access. */
	Guard<ReadLocking> read()
	{
		::down_read(&sem_);
		return Guard<ReadLocking>(this);
	}
	/** write() - sleep until nobody holds it; exclusive access. */
	Guard<WriteLocking> write()
	{
		::down_write(&sem_);
		return Guard<WriteLocking>(this);
	}

private:
	struct rw_semaphore sem_;
	T data_;
};

} /* namespace cxx */

#endif /* _CXX_RWSEM_H */
