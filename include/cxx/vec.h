/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: a growable array with fallible allocation
 *
 * cxx::Vec<T> owns a kmalloc()ed buffer of T, aligned for T (a T aligned
 * above ARCH_KMALLOC_MINALIGN gets a power-of-two buffer). Nothing in it
 * allocates behind the caller's back: the operations that may allocate
 * (try_push(), try_reserve(), try_resize()) return a cxx::Result, and
 * on failure leave the vector as it was. Destroying a Vec destroys its
 * elements and frees the buffer.
 */
#ifndef _CXX_VEC_H
#define _CXX_VEC_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/new.h>
#include <cxx/slice.h>
#include <cxx/utility.h>

namespace cxx {

/**
 * class Vec - a growable array of T.
 *
 * Invariants: the first len() of capacity() slots hold live T objects;
 * data_ is nullptr exactly when capacity() is 0.
 *
 * Not thread-safe: guard a shared Vec with a lock.
 */
template <typename T> class Vec {
public:
	/** Vec() - empty; allocates nothing, so it can be a constinit global. */
	constexpr Vec() : data_(nullptr), len_(0), cap_(0) {}

	Vec(Vec &&other) : data_(other.data_), len_(other.len_), cap_(other.cap_)
	{
		other.data_ = nullptr;
		other.len_ = other.cap_ = 0;
	}
	Vec &operator=(Vec &&other)
	{
		if (this != &other) {
			clear_and_free();
			data_ = other.data_;
			len_ = other.len_;
			cap_ = other.cap_;
			other.data_ = nullptr;
			other.len_ = other.cap_ = 0;
		}
		return *this;
	}
	Vec(const Vec &) = delete;
	Vec &operator=(const Vec &) = delete;

	~Vec() { clear_and_free(); }

	/**
	 * try_reserve() - make room for @additional more elements.
	 * Return: success, or ENOMEM with the vector unchanged.
	 */
	Result<> try_reserve(size_t additional, Gfp gfp = GFP_KERNEL)
	{
		if (additional <= cap_ - len_)
			return {};
		if (additional > max_len() - len_)
			return code::ENOMEM;
		size_t want = len_ + additional;
		size_t cap = cap_ ? cap_ : 4;
		while (cap < want)
			cap = cap > max_len() / 2 ? max_len() : cap * 2;
		return grow(cap, gfp);
	}

	/**
	 * try_push() - append @value, growing the buffer if needed.
	 * Return: success, or ENOMEM with the vector unchanged.
	 */
	Result<> try_push(T value, Gfp gfp = GFP_KERNEL)
	{
		if (len_ == cap_) {
			Result<> r = try_reserve(1, gfp);
			if (!r)
				return r;
		}
		new (&data_[len_]) T(cxx::move(value));
		len_++;
		return {};
	}

	/**
	 * try_resize() - make len() @n: destroy the elements from @n on, or
	 * append value-initialised elements (T(): zero for scalars) up to @n.
	 * Return: success, or ENOMEM with the vector unchanged.
	 */
	Result<> try_resize(size_t n, Gfp gfp = GFP_KERNEL)
	{
		if (n > len_) {
			Result<> r = try_reserve(n - len_, gfp);
			if (!r)
				return r;
		}
		while (len_ > n)
			pop();
		while (len_ < n) {
			new (&data_[len_]) T();
			len_++;
		}
		return {};
	}

	/** pop() - destroy the last element; the vector must not be empty. */
	void pop()
	{
		len_--;
		data_[len_].~T();
	}

	/** clear() - destroy every element; keeps the buffer. */
	void clear()
	{
		while (len_)
			pop();
	}

	/** len() - number of elements. */
	size_t len() const { return len_; }
	/** capacity() - elements that fit before the next allocation. */
	size_t capacity() const { return cap_; }
	/** is_empty() - whether len() is 0. */
	bool is_empty() const { return len_ == 0; }

	/** operator[] - element @i; @i must be < len(). */
	T &operator[](size_t i) { return data_[i]; }
	const T &operator[](size_t i) const { return data_[i]; }

	/** begin(), end() - the elements, for range-for; end() is past the last. */
	T *begin() { return data_; }
	T *end() { return data_ + len_; }
	const T *begin() const { return data_; }
	const T *end() const { return data_ + len_; }

	/** as_slice() - a view of the elements, valid until the next change. */
	Slice<const T> as_slice() const { return {data_, len_}; }

private:
	static constexpr size_t max_len() { return ::KMALLOC_MAX_SIZE / sizeof(T); }

	/* An element aligned above kmalloc()'s minimum: see grow(). */
	static constexpr bool over_aligned = alignof(T) > ::ARCH_KMALLOC_MINALIGN;

	/*
	 * An over-aligned T gets a power-of-two buffer, which kmalloc() aligns
	 * naturally (kmalloc_size_aligned()), and never krealloc().
	 */
	Result<> grow(size_t cap, Gfp gfp)
	{
		size_t bytes = kmalloc_size_aligned(cap * sizeof(T), alignof(T));

		if (!bytes)
			return code::ENOMEM;
		if constexpr (__is_trivially_copyable(T) && !over_aligned) {
			/* Bytes can move: let krealloc() grow in place if it can. */
			void *q = ::krealloc(data_, bytes, gfp_flags(gfp));
			if (!q)
				return code::ENOMEM;
			data_ = static_cast<T *>(q);
			cap_ = cap;
			return {};
		}
		T *p = static_cast<T *>(::kmalloc(bytes, gfp_flags(gfp)));
		if (!p)
			return code::ENOMEM;
		for (size_t i = 0; i < len_; i++) {
			new (&p[i]) T(cxx::move(data_[i]));
			data_[i].~T();
		}
		::kfree(data_);
		data_ = p;
		cap_ = cap;
		return {};
	}

	void clear_and_free()
	{
		clear();
		::kfree(data_);
		data_ = nullptr;
		cap_ = 0;
	}

	T *data_;
	size_t len_;
	size_t cap_;
};

} /* namespace cxx */

#endif /* _CXX_VEC_H */
