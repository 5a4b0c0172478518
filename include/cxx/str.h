/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: compile-time strings
 *
 * cxx::FixedString holds a string literal's characters as a value, so that
 * strings can be compared, concatenated and checked at compile time and
 * used as template arguments (`Foo<"int">`). It exists only at compile time
 * unless a program places one in memory on purpose, as MODULE() does with
 * its .modinfo strings.
 */
#ifndef _CXX_STR_H
#define _CXX_STR_H

#include <cxx/utility.h>

namespace cxx {

/**
 * struct FixedString - @N characters including the terminating NUL.
 *
 * A structural type: usable as a non-type template argument.
 */
template <size_t N> struct FixedString {
	char data[N];

	constexpr FixedString(const char (&s)[N]) : data{}
	{
		for (size_t i = 0; i < N; i++)
			data[i] = s[i];
	}

	/** len() - characters before the terminating NUL. */
	constexpr size_t len() const { return N - 1; }
	/** c_str() - the NUL-terminated characters. */
	constexpr const char *c_str() const { return data; }
};

/** str_eq() - whether two NUL-terminated strings are equal. */
constexpr bool str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/** str_len() - length of a NUL-terminated string. */
constexpr size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

} /* namespace cxx */

#endif /* _CXX_STR_H */
