/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: BoxSlice<T>
 *
 * An owned buffer of n T, n chosen at run time (Rust's KBox<[T]>): one
 * kmalloc()ed block, created only through try_new() or try_new_zeroed(),
 * which return -ENOMEM (nothing allocated, nothing leaked) instead of a
 * null pointer:
 *
 *	auto quantum = TRY(cxx::BoxSlice<char>::try_new_zeroed(4000, cxx::GFP_KERNEL));
 *	char *c = quantum.get(i);	// nullptr if i >= quantum.len()
 *	if (!c)
 *		return cxx::code::EINVAL;
 *
 * Every element is initialised: no byte of an old allocation can reach
 * user space through it. Access is bounds-checked: get(i) returns nullptr
 * past the end, and there is deliberately no operator[] (using one fails to
 * compile, naming get()); range-for and as_slice() visit exactly the n
 * elements. The length never changes (Vec grows; a BoxSlice is the
 * cheaper fixed block). Destroying a BoxSlice destroys the elements and
 * kfree()s the block. It moves but never copies; a moved-from BoxSlice is
 * empty (len() 0). Not thread-safe: guard a shared one with a lock.
 */
#ifndef _CXX_BOX_SLICE_H
#define _CXX_BOX_SLICE_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/new.h>
#include <cxx/slice.h>
#include <cxx/utility.h>

namespace cxx {

/**
 * class BoxSlice - owns n live T in one heap block.
 *
 * Invariants: data() holds len() constructed T; data() is nullptr exactly
 * when len() is 0 (an empty BoxSlice allocates nothing).
 */
template <typename T> class BoxSlice {
public:
	/** BoxSlice() - empty (len() 0); allocates nothing. */
	constexpr BoxSlice() : data_(nullptr), len_(0) {}

	/**
	 * try_new() - @n elements, each value-initialised (T(): the default
	 * constructor of a class, zero for scalars and plain structs).
	 * Return: the buffer, or ENOMEM if @n * sizeof(T) is more than
	 * kmalloc() can give (checked before allocating) or the allocation
	 * fails.
	 */
	static Result<BoxSlice> try_new(size_t n, Gfp gfp = GFP_KERNEL)
	{
		if constexpr (__is_trivially_constructible(T)) {
			return try_new_zeroed(n, gfp);
		} else {
			T *p = TRY(alloc(n, gfp));
			for (size_t i = 0; i < n; i++)
				new (&p[i]) T();
			return BoxSlice(p, n);
		}
	}

	/**
	 * try_new_zeroed() - @n elements of all-zero bytes, straight from
	 * kzalloc(): no constructor runs, so only for a T whose zero bytes
	 * are a valid value (one with a trivial default constructor; other
	 * types fail to compile, use try_new()).
	 * Return: the buffer, or ENOMEM as for try_new().
	 */
	static Result<BoxSlice> try_new_zeroed(size_t n, Gfp gfp = GFP_KERNEL)
	{
		static_assert(__is_trivially_constructible(T),
			      "BoxSlice::try_new_zeroed: T has a default constructor "
			      "that zero bytes would skip; use try_new()");
		T *p = TRY(alloc(n, gfp | GFP_ZERO));
		return BoxSlice(p, n);
	}

	BoxSlice(BoxSlice &&other) : data_(other.data_), len_(other.len_)
	{
		other.data_ = nullptr;
		other.len_ = 0;
	}
	BoxSlice &operator=(BoxSlice &&other)
	{
		if (this != &other) {
			destroy();
			data_ = other.data_;
			len_ = other.len_;
			other.data_ = nullptr;
			other.len_ = 0;
		}
		return *this;
	}
	BoxSlice(const BoxSlice &) = delete;
	BoxSlice &operator=(const BoxSlice &) = delete;
	~BoxSlice() { destroy(); }

	/** len() - number of elements, fixed at creation. */
	size_t len() const { return len_; }
	/** size() - len(), in the standard library's name. */
	size_t size() const { return len_; }
	/** is_empty() - whether len() is 0. */
	bool is_empty() const { return len_ == 0; }

	/** get() - element @i, or nullptr if @i >= len(): never a stray access. */
	T *get(size_t i) { return i < len_ ? &data_[i] : nullptr; }
	const T *get(size_t i) const { return i < len_ ? &data_[i] : nullptr; }

	/**
	 * operator[] - not provided: an unchecked index is the bug this type
	 * exists to prevent. Using it fails to compile.
	 */
	template <typename I> T &operator[](I) const
	{
		static_assert(dependent_false<I>,
			      "BoxSlice has no unchecked operator[]: use get(i), "
			      "which returns nullptr past the end, or range-for");
		return *data_;
	}

	/** data() - the first element (nullptr when empty), still owned here. */
	T *data() { return data_; }
	const T *data() const { return data_; }

	/** begin(), end() - the elements, for range-for; end() is past the last. */
	T *begin() { return data_; }
	T *end() { return data_ + len_; }
	const T *begin() const { return data_; }
	const T *end() const { return data_ + len_; }

	/** as_slice() - a view of the elements, valid while this BoxSlice lives. */
	Slice<T> as_slice() { return {data_, len_}; }
	Slice<const T> as_slice() const { return {data_, len_}; }

private:
	BoxSlice(T *p, size_t n) : data_(p), len_(n) {}

	/* Room for @n T, aligned for T; nothing allocated for 0. */
	static Result<T *> alloc(size_t n, Gfp gfp)
	{
		if (!n)
			return static_cast<T *>(nullptr);
		if (n > ::KMALLOC_MAX_SIZE / sizeof(T))
			return code::ENOMEM;
		size_t bytes = kmalloc_size_aligned(n * sizeof(T), alignof(T));
		if (!bytes)
			return code::ENOMEM;
		void *p = ::kmalloc(bytes, gfp_flags(gfp));
		if (!p)
			return code::ENOMEM;
		return static_cast<T *>(p);
	}

	void destroy()
	{
		for (size_t i = len_; i > 0; i--)
			data_[i - 1].~T();
		::kfree(data_);
		data_ = nullptr;
		len_ = 0;
	}

	T *data_;
	size_t len_;
};

} /* namespace cxx */

#endif /* _CXX_BOX_SLICE_H */
