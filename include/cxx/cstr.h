/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: borrowed C strings
 *
 * cxx::CStr is a view of a NUL-terminated string that somebody else owns:
 * a pointer and the length before the NUL, so that nothing walks the
 * string twice. It owns nothing and copies nothing; it is valid only while
 * the characters it views are alive and unchanged.
 *
 * A string literal converts to a CStr at compile time, so a function that
 * takes a CStr accepts "text" directly, and a literal with a NUL inside it
 * does not compile. A pointer from C becomes one explicitly, through
 * CStr::from_ptr(), which trusts it, or CStr::from_bytes_with_nul(), which
 * checks a buffer.
 *
 *	void greet(cxx::CStr who) { pr_info("hello %s\n", who.c_str()); }
 *	greet("world");				// checked at compile time
 *	greet(cxx::CStr::from_ptr(dev_name(dev)));	// C's promise
 */
#ifndef _CXX_CSTR_H
#define _CXX_CSTR_H

#include <cxx/error.h>
#include <cxx/slice.h>
#include <cxx/utility.h>

namespace cxx {

template <size_t N> class FmtBuf;

namespace detail {
/* Not constexpr: reaching it in a constant evaluation is the error. */
void cstr_literal_has_an_interior_nul();
void cstr_literal_is_not_nul_terminated();
} /* namespace detail */

/**
 * class CStr - a borrowed NUL-terminated string and its length.
 *
 * Invariants: c_str()[len()] is NUL and no character before it is; the
 * pointer is never nullptr (the empty CStr views a static "").
 */
class CStr {
public:
	/** CStr() - the empty string. */
	constexpr CStr() : ptr_(""), len_(0) {}

	/**
	 * CStr(literal) - a string literal (or a constexpr char array),
	 * checked at compile time: its last character must be its only NUL.
	 * Not usable with a run-time array: use from_ptr() or
	 * from_bytes_with_nul() for those.
	 */
	template <size_t N>
	consteval CStr(const char (&s)[N]) : ptr_(s), len_(N - 1)
	{
		if (s[N - 1] != '\0')
			detail::cstr_literal_is_not_nul_terminated();
		for (size_t i = 0; i + 1 < N; i++)
			if (s[i] == '\0')
				detail::cstr_literal_has_an_interior_nul();
	}

	/**
	 * from_ptr() - view a NUL-terminated string from C.
	 *
	 * Trusts @s: it must not be nullptr and must stay alive and unchanged
	 * while the CStr is used. Walks it once to find the length.
	 */
	static CStr from_ptr(const char *s) { return CStr(s, __builtin_strlen(s)); }

	/**
	 * from_bytes_with_nul() - view a buffer that must hold a NUL-terminated
	 * string filling it exactly.
	 * Return: the view, or EINVAL if the last byte is not the buffer's
	 * only NUL (or the buffer is empty).
	 */
	static Result<CStr> from_bytes_with_nul(Slice<const char> bytes)
	{
		if (bytes.is_empty() || bytes[bytes.len() - 1] != '\0')
			return code::EINVAL;
		for (size_t i = 0; i + 1 < bytes.len(); i++)
			if (bytes[i] == '\0')
				return code::EINVAL;
		return CStr(bytes.begin(), bytes.len() - 1);
	}

	/** c_str() - the characters, NUL-terminated, for C functions. */
	constexpr const char *c_str() const { return ptr_; }
	/** len() - characters before the NUL. */
	constexpr size_t len() const { return len_; }
	/** is_empty() - whether len() is 0. */
	constexpr bool is_empty() const { return len_ == 0; }
	/** operator[] - character @i; @i must be <= len() (len() is the NUL). */
	constexpr char operator[](size_t i) const { return ptr_[i]; }
	/** as_bytes() - the characters without the NUL. */
	constexpr Slice<const char> as_bytes() const { return {ptr_, len_}; }
	/** begin(), end() - the characters (not the NUL), for range-for. */
	constexpr const char *begin() const { return ptr_; }
	constexpr const char *end() const { return ptr_ + len_; }

	/** operator== - same characters (not the same address). */
	constexpr bool operator==(const CStr &other) const
	{
		if (len_ != other.len_)
			return false;
		for (size_t i = 0; i < len_; i++)
			if (ptr_[i] != other.ptr_[i])
				return false;
		return true;
	}

private:
	template <size_t N> friend class FmtBuf;
	constexpr CStr(const char *ptr, size_t len) : ptr_(ptr), len_(len) {}

	const char *ptr_;
	size_t len_;
};

} /* namespace cxx */

#endif /* _CXX_CSTR_H */
