/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: RwSemaphore<T>
 *
 * A sleeping reader-writer lock that owns the data it guards: read() gives
 * any number of tasks shared, const access at once; write() gives one task
 * exclusive access. The guards release on scope exit and cannot be copied
 * or ignored.
 *
 *	cxx::RwSemaphore<Config> config{CXX_LOCK_CLASS("config"), defaults};
 *	int limit = config.read()->limit;
 *	config.write()->limit = 10;
 */
#ifndef _CXX_RWSEM_H
#define _CXX_RWSEM_H

#include <generated/cxx/bindings.h>
#include <cxx/lock_class.h>
#include <cxx/utility.h>

namespace cxx {

template <typename T> class RwSemaphore;

/** class ReadGuard - the semaphore is held for reading; const access. */
template <typename T> class [[nodiscard]] ReadGuard {
public:
	ReadGuard(const ReadGuard &) = delete;
	ReadGuard &operator=(const ReadGuard &) = delete;
	ReadGuard(ReadGuard &&other) : s_(other.s_) { other.s_ = nullptr; }
	ReadGuard &operator=(ReadGuard &&) = delete;
	~ReadGuard()
	{
		if (s_)
			::up_read(&s_->sem_);
	}
	const T &operator*() const { return s_->data_; }
	const T *operator->() const { return &s_->data_; }

private:
	friend class RwSemaphore<T>;
	explicit ReadGuard(RwSemaphore<T> *s) : s_(s) {}
	RwSemaphore<T> *s_;
};

/** class WriteGuard - the semaphore is held for writing; full access. */
template <typename T> class [[nodiscard]] WriteGuard {
public:
	WriteGuard(const WriteGuard &) = delete;
	WriteGuard &operator=(const WriteGuard &) = delete;
	WriteGuard(WriteGuard &&other) : s_(other.s_) { other.s_ = nullptr; }
	WriteGuard &operator=(WriteGuard &&) = delete;
	~WriteGuard()
	{
		if (s_)
			::up_write(&s_->sem_);
	}
	T &operator*() const { return s_->data_; }
	T *operator->() const { return &s_->data_; }

private:
	friend class RwSemaphore<T>;
	explicit WriteGuard(RwSemaphore<T> *s) : s_(s) {}
	RwSemaphore<T> *s_;
};

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

	/** read() - sleep until no writer holds it; shared, const access. */
	ReadGuard<T> read()
	{
		::down_read(&sem_);
		return ReadGuard<T>(this);
	}
	/** write() - sleep until nobody holds it; exclusive access. */
	WriteGuard<T> write()
	{
		::down_write(&sem_);
		return WriteGuard<T>(this);
	}

private:
	friend class ReadGuard<T>;
	friend class WriteGuard<T>;
	struct rw_semaphore sem_;
	T data_;
};

} /* namespace cxx */

#endif /* _CXX_RWSEM_H */
