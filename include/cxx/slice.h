/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: borrowed views of contiguous elements
 */
#ifndef _CXX_SLICE_H
#define _CXX_SLICE_H

#include <cxx/utility.h>

namespace cxx {

/**
 * class Slice - a borrowed view of @len elements of type T at @data.
 *
 * Owns nothing; valid only while what it views is alive and unchanged (the
 * function that hands one out says for how long). Iterable with range-for.
 */
template <typename T> class Slice {
public:
	constexpr Slice() : data_(nullptr), len_(0) {}
	constexpr Slice(T *data, size_t len) : data_(data), len_(len) {}

	/** len() - number of elements. */
	constexpr size_t len() const { return len_; }
	/** is_empty() - whether there are no elements. */
	constexpr bool is_empty() const { return len_ == 0; }
	/** operator[] - element @i; @i must be < len(). */
	constexpr T &operator[](size_t i) const { return data_[i]; }
	/** begin(), end() - the elements, for range-for; end() is past the last. */
	constexpr T *begin() const { return data_; }
	constexpr T *end() const { return data_ + len_; }

private:
	T *data_;
	size_t len_;
};

} /* namespace cxx */

#endif /* _CXX_SLICE_H */
