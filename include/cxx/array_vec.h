/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: a fixed-capacity array
 *
 * cxx::ArrayVec<T, N> holds up to N elements of T inside itself: no
 * allocation ever, so it works where allocating is not allowed (atomic
 * context, a lock held, a static). Pushing into a full one returns ENOSPC
 * and changes nothing, so a bound cannot be overrun silently.
 *
 *	cxx::ArrayVec<int, 8> ids;
 *	TRY(ids.try_push(3));
 *	for (int id : ids)
 *		...
 */
#ifndef _CXX_ARRAY_VEC_H
#define _CXX_ARRAY_VEC_H

#include <cxx/error.h>
#include <cxx/new.h>
#include <cxx/slice.h>
#include <cxx/utility.h>

namespace cxx {

/**
 * class ArrayVec - up to N elements of T, stored inline.
 *
 * Invariant: the first len() <= N slots hold live T objects, the others
 * none. Not thread-safe: guard a shared one with a lock.
 */
template <typename T, size_t N> class ArrayVec {
	static_assert(N > 0, "ArrayVec: N must be at least 1");

public:
	/** ArrayVec() - empty; constant, so it can be a constinit global. */
	constexpr ArrayVec() : len_(0) {}
	ArrayVec(const ArrayVec &) = delete;
	ArrayVec &operator=(const ArrayVec &) = delete;
	~ArrayVec() { clear(); }

	/**
	 * try_push() - append @value.
	 * Return: success, or ENOSPC with the array unchanged when it is full.
	 */
	Result<> try_push(T value)
	{
		if (len_ == N)
			return code::ENOSPC;
		new (&items_[len_]) T(cxx::move(value));
		len_++;
		return {};
	}

	/** pop() - destroy the last element; the array must not be empty. */
	void pop()
	{
		len_--;
		items_[len_].~T();
	}

	/** clear() - destroy every element. */
	void clear()
	{
		while (len_)
			pop();
	}

	/** len() - number of elements. */
	size_t len() const { return len_; }
	/** capacity() - N, the most it can hold. */
	static constexpr size_t capacity() { return N; }
	/** is_empty() - whether len() is 0. */
	bool is_empty() const { return len_ == 0; }
	/** is_full() - whether len() is N. */
	bool is_full() const { return len_ == N; }

	/** operator[] - element @i; @i must be < len(). */
	T &operator[](size_t i) { return items_[i]; }
	const T &operator[](size_t i) const { return items_[i]; }

	/** begin(), end() - the elements, for range-for; end() is past the last. */
	T *begin() { return items_; }
	T *end() { return items_ + len_; }
	const T *begin() const { return items_; }
	const T *end() const { return items_ + len_; }

	/** as_slice() - a view of the elements, valid until the next change. */
	Slice<const T> as_slice() const { return {items_, len_}; }

private:
	size_t len_;
	union {		/* storage without construction */
		T items_[N];
	};
};

} /* namespace cxx */

#endif /* _CXX_ARRAY_VEC_H */
