/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: read_once(), write_once()
 *
 * C's READ_ONCE() and WRITE_ONCE(): one access of the variable's own
 * width, through a volatile lvalue, that the compiler may neither tear,
 * fuse, repeat nor leave out. For data shared without a lock, where
 * another CPU may write it meanwhile (a flag a thread polls, a statistic):
 *
 *	while (!cxx::read_once(stop))
 *		...
 *	cxx::write_once(stop, true);	// in another thread
 *
 * As in C, they order nothing: they are no barrier and no atomic
 * read-modify-write (use the kernel's atomics and barriers for that).
 * Only for scalar types (integers, enums, pointers) of 1, 2, 4 or 8
 * bytes, which the CPU reads and writes in one access; any other type
 * does not compile.
 */
#ifndef _CXX_READ_ONCE_H
#define _CXX_READ_ONCE_H

#include <cxx/utility.h>

namespace cxx {

namespace detail {
template <typename T> inline constexpr bool is_pointer_v = false;
template <typename T> inline constexpr bool is_pointer_v<T *> = true;
template <typename T> inline constexpr bool is_pointer_v<T *const> = true;
template <typename T> inline constexpr bool is_pointer_v<T *volatile> = true;
template <typename T> inline constexpr bool is_pointer_v<T *const volatile> = true;

/* Whether T can be read or written once: what C's compiletime_assert_rwonce_type() admits, and a scalar. */
template <typename T>
inline constexpr bool once_ok = (is_integral_v<T> || __is_enum(T) || is_pointer_v<T>) &&
				(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);

/* T, in a context that does not deduce it. */
template <typename T> struct same { using type = T; };

template <typename T> void check_once()
{
	static_assert(once_ok<T>,
		      "read_once()/write_once(): only for an integer, enum or pointer of 1, 2, 4 "
		      "or 8 bytes; read a struct's scalar fields one by one, or take a lock");
}
} /* namespace detail */

/** read_once() - @x's value, read in one access (C's READ_ONCE()). */
template <typename T> [[nodiscard]] inline T read_once(const T &x)
{
	detail::check_once<T>();
	return *static_cast<const volatile T *>(&x);
}

/**
 * write_once() - store @v into @x in one access (C's WRITE_ONCE()).
 * @v converts to @x's type as in an assignment, so the store has @x's width.
 */
template <typename T> inline void write_once(T &x, typename detail::same<T>::type v)
{
	detail::check_once<T>();
	*static_cast<volatile T *>(&x) = v;
}

} /* namespace cxx */

#endif /* _CXX_READ_ONCE_H */
