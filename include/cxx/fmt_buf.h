/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: a bounded formatting buffer
 *
 * cxx::FmtBuf<N> formats text into an array of N bytes that it holds
 * itself: no allocation, no overflow. The format is the kernel's
 * vsnprintf() format (%d, %s, %pe, ...) and is checked against the
 * arguments at compile time, as pr_*()'s is.
 *
 * A write either fits whole or changes nothing: when the text does not
 * fit, try_format() returns ENOSPC and the buffer still holds what it held
 * before, so a caller never sees a silently cut string.
 *
 *	cxx::FmtBuf<32> name;
 *	TRY(name.try_format("%s-%d", base.c_str(), index));
 *	register_thing(name.c_str());
 */
#ifndef _CXX_FMT_BUF_H
#define _CXX_FMT_BUF_H

#include <generated/cxx/bindings.h>
#include <cxx/cstr.h>
#include <cxx/error.h>

namespace cxx {

namespace detail {
/*
 * Append to @buf (@size bytes, @*len of them used, NUL at buf[*len]);
 * all or nothing. One copy for every N.
 */
__attribute__((format(printf, 4, 0)))
inline Result<> fmt_append(char *buf, size_t size, size_t *len,
			   const char *fmt, ::va_list args)
{
	size_t room = size - *len;
	int n = ::vsnprintf(buf + *len, room, fmt, args);

	if (n < 0 || static_cast<size_t>(n) >= room) {
		buf[*len] = '\0';	/* undo the part that fitted */
		return code::ENOSPC;
	}
	*len += n;
	return {};
}
} /* namespace detail */

/**
 * class FmtBuf - up to N - 1 characters and their NUL, built by formatting.
 *
 * Invariant: data_[len()] is NUL, len() < N. Not thread-safe.
 */
template <size_t N> class FmtBuf {
	static_assert(N > 0 && N <= ::INT_MAX, "FmtBuf: N must be in [1, INT_MAX]");

public:
	/** FmtBuf() - empty. */
	constexpr FmtBuf() : len_(0), data_{} {}

	/**
	 * try_format() - append printf-style text.
	 * Return: success, or ENOSPC with the buffer unchanged when the text
	 * does not fit whole.
	 */
	__attribute__((format(printf, 2, 3)))
	Result<> try_format(const char *fmt, ...)
	{
		__builtin_va_list args;

		__builtin_va_start(args, fmt);
		Result<> r = detail::fmt_append(data_, N, &len_, fmt, args);
		__builtin_va_end(args);
		return r;
	}

	/** clear() - make it empty again. */
	void clear()
	{
		len_ = 0;
		data_[0] = '\0';
	}

	/** len() - characters before the NUL. */
	size_t len() const { return len_; }
	/** capacity() - the most characters it can hold: N - 1. */
	static constexpr size_t capacity() { return N - 1; }
	/** c_str() - the text, NUL-terminated; valid until the next change. */
	const char *c_str() const { return data_; }
	/** as_cstr() - the text as a CStr; valid until the next change. */
	CStr as_cstr() const { return CStr(data_, len_); }

private:
	size_t len_;
	char data_[N];
};

} /* namespace cxx */

#endif /* _CXX_FMT_BUF_H */
