/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: errors and results
 *
 * cxx::Error is a kernel error code; cxx::Result<T> is either a T or an
 * Error, and is the one return type of everything that can fail. Both are
 * [[nodiscard]]: ignoring a failure is a compile-time warning, and kernel
 * builds with W=1 or CONFIG_WERROR turn it into an error.
 *
 * Errors propagate with TRY(), like Rust's `?`:
 *
 *	cxx::Result<int> parse(const char *s);
 *	cxx::Result<> f(const char *s)
 *	{
 *		int v = TRY(parse(s));	// returns the error from f() if any
 *		...
 *		return {};		// success
 *	}
 */
#ifndef _CXX_ERROR_H
#define _CXX_ERROR_H

#include <generated/cxx/bindings.h>
#include <cxx/print.h>
#include <cxx/new.h>
#include <cxx/utility.h>

namespace cxx {

template <typename T> class Result;

/**
 * class Error - a kernel error code.
 *
 * Invariant: the value is a valid negative errno, in [-MAX_ERRNO, -1].
 */
class [[nodiscard]] Error {
public:
	/**
	 * from_errno() - wrap a negative errno returned by a kernel function.
	 *
	 * A value outside [-MAX_ERRNO, -1] is a bug in the caller; it is
	 * reported once and becomes -EINVAL rather than breaking the invariant.
	 */
	static Error from_errno(int errno);

	/** to_errno() - the negative errno, for returning to C. */
	constexpr int to_errno() const { return value_; }

	constexpr bool operator==(const Error &) const = default;

	/** make() - an Error from a constant known to be valid. */
	static consteval Error make(int negative_errno)
	{
		/* Not a constant expression unless the value is valid. */
		if (negative_errno >= 0 || negative_errno < -::MAX_ERRNO)
			__builtin_unreachable();
		return Error(negative_errno);
	}

private:
	friend class Result<void>;
	constexpr explicit Error(int value) : value_(value) {}
	int value_;
};

/**
 * namespace code - the kernel's error codes by name, e.g. code::EINVAL.
 * Values come from the configured kernel's headers.
 */
namespace code {
#define CXX_ERROR_CODE(e) inline constexpr Error e = Error::make(-::e)
CXX_ERROR_CODE(EPERM);
CXX_ERROR_CODE(ENOENT);
CXX_ERROR_CODE(ESRCH);
CXX_ERROR_CODE(EINTR);
CXX_ERROR_CODE(EIO);
CXX_ERROR_CODE(ENXIO);
CXX_ERROR_CODE(E2BIG);
CXX_ERROR_CODE(ENOEXEC);
CXX_ERROR_CODE(EBADF);
CXX_ERROR_CODE(ECHILD);
CXX_ERROR_CODE(EAGAIN);
CXX_ERROR_CODE(ENOMEM);
CXX_ERROR_CODE(EACCES);
CXX_ERROR_CODE(EFAULT);
CXX_ERROR_CODE(ENOTBLK);
CXX_ERROR_CODE(EBUSY);
CXX_ERROR_CODE(EEXIST);
CXX_ERROR_CODE(EXDEV);
CXX_ERROR_CODE(ENODEV);
CXX_ERROR_CODE(ENOTDIR);
CXX_ERROR_CODE(EISDIR);
CXX_ERROR_CODE(EINVAL);
CXX_ERROR_CODE(ENFILE);
CXX_ERROR_CODE(EMFILE);
CXX_ERROR_CODE(ENOTTY);
CXX_ERROR_CODE(ETXTBSY);
CXX_ERROR_CODE(EFBIG);
CXX_ERROR_CODE(ENOSPC);
CXX_ERROR_CODE(ESPIPE);
CXX_ERROR_CODE(EROFS);
CXX_ERROR_CODE(EMLINK);
CXX_ERROR_CODE(EPIPE);
CXX_ERROR_CODE(EDOM);
CXX_ERROR_CODE(ERANGE);
CXX_ERROR_CODE(EDEADLK);
CXX_ERROR_CODE(ENAMETOOLONG);
CXX_ERROR_CODE(ENOSYS);
CXX_ERROR_CODE(ENOTEMPTY);
CXX_ERROR_CODE(EOVERFLOW);
CXX_ERROR_CODE(ETIMEDOUT);
CXX_ERROR_CODE(EOPNOTSUPP);
CXX_ERROR_CODE(ENOTSUPP);
CXX_ERROR_CODE(ERESTARTSYS);
CXX_ERROR_CODE(ENOIOCTLCMD);
#undef CXX_ERROR_CODE
} /* namespace code */

inline Error Error::from_errno(int errno)
{
	if (errno < 0 && errno >= -::MAX_ERRNO)
		return Error(errno);
	::_printk(CXX_KERN_WARNING "cxx: invalid error code %d, using -EINVAL\n",
			  errno);
	return code::EINVAL;
}

/**
 * class Result - a T on success or an Error on failure.
 *
 * Result<> (Result<void>) carries no value. A Result converts implicitly
 * from a T and from an Error, so `return value;` and `return code::EINVAL;`
 * both work in a function returning Result<T>.
 *
 * Invariant: exactly one of the value and the error is alive.
 */
/** struct InPlace - tag: construct a Result's value from arguments. */
struct InPlace {
	explicit InPlace() = default;
};
/** in_place - the InPlace tag value. */
inline constexpr InPlace in_place{};

template <typename T = void> class [[nodiscard]] Result;

template <typename T> class [[nodiscard]] Result {
public:
	/**
	 * Result(in_place, args...) - a success holding T(args...), constructed
	 * where the Result lives. Prefer cxx::Ok<T>(args...).
	 */
	template <typename... Args>
	Result(InPlace, Args &&...args)
		: ok_(true), value_(cxx::forward<Args>(args)...)
	{
	}
	/** Result(T) - a success holding @value. */
	Result(T &&value) : ok_(true) { new (&value_) T(cxx::move(value)); }
	Result(const T &value) : ok_(true) { new (&value_) T(value); }
	/** Result(Error) - a failure. */
	Result(Error error) : ok_(false), error_(error) {}

	Result(Result &&other) : ok_(other.ok_)
	{
		if (ok_)
			new (&value_) T(cxx::move(other.value_));
		else
			error_ = other.error_;
	}
	Result(const Result &) = delete;
	Result &operator=(const Result &) = delete;
	Result &operator=(Result &&) = delete;

	~Result()
	{
		if (ok_)
			value_.~T();
	}

	/** is_ok() - whether this holds a value. */
	[[nodiscard]] bool is_ok() const { return ok_; }
	/** operator bool - is_ok(). */
	explicit operator bool() const { return ok_; }

	/** error() - the error; only valid when !is_ok(). */
	[[nodiscard]] Error error() const { return error_; }

	/** value() - the value; only valid when is_ok(). */
	[[nodiscard]] T &value() & { return value_; }
	[[nodiscard]] const T &value() const & { return value_; }
	/** value() && - move the value out; only valid when is_ok(). */
	[[nodiscard]] T value() && { return cxx::move(value_); }

private:
	bool ok_;
	union {
		T value_;
		Error error_;
	};
};

/** class Result<void> - success, or an Error. */
template <> class [[nodiscard]] Result<void> {
public:
	/** Result() - success. `return {};` in a function returning Result<>. */
	constexpr Result() : error_(0) {}
	/** Result(Error) - a failure. */
	constexpr Result(Error error) : error_(error.to_errno()) {}

	[[nodiscard]] constexpr bool is_ok() const { return error_ == 0; }
	constexpr explicit operator bool() const { return is_ok(); }
	/** error() - the error; only valid when !is_ok(). */
	[[nodiscard]] constexpr Error error() const { return Error(error_); }
	/** value() - nothing, for TRY() on a Result<>. */
	void value() const {}

	/** to_errno() - 0 or the negative errno, for returning to C. */
	[[nodiscard]] constexpr int to_errno() const { return error_; }

private:
	int error_; /* 0, or a valid negative errno */
};

/**
 * Ok() - a successful Result<T> holding T(args...), built in place: T is
 * never copied nor moved, even when it has neither constructor, so a type
 * with a destructor does not see that destructor run on a moved-from copy.
 */
template <typename T, typename... Args> Result<T> Ok(Args &&...args)
{
	return Result<T>(in_place, cxx::forward<Args>(args)...);
}

/**
 * to_result() - the Result of a C call that returns 0 or a positive value
 * on success and a negative errno on failure, as most of the kernel does.
 *
 *	TRY(cxx::to_result(::misc_register(&misc)));
 */
inline Result<> to_result(int ret)
{
	if (ret < 0)
		return Error::from_errno(ret);
	return {};
}

/**
 * from_err_ptr() - the Result of a C call that returns a pointer or an
 * ERR_PTR() (include/linux/err.h): the pointer, or the error it encodes.
 * A NULL pointer is a success holding nullptr, as IS_ERR() says.
 *
 *	struct task_struct *t = TRY(cxx::from_err_ptr(::kthread_create_on_node(...)));
 */
template <typename T> Result<T *> from_err_ptr(T *ptr)
{
	/* IS_ERR_VALUE(): the top MAX_ERRNO addresses are errors. */
	if (__builtin_expect(reinterpret_cast<unsigned long>(ptr) >=
				     static_cast<unsigned long>(-::MAX_ERRNO), 0))
		return Error::from_errno(
			static_cast<int>(reinterpret_cast<long>(ptr)));
	return ptr;
}

/**
 * to_err_ptr() - a Result<T *> as C wants it back from a function that
 * returns a pointer or an ERR_PTR(): the pointer, or ERR_PTR(error).
 */
template <typename T> T *to_err_ptr(Result<T *> &&result)
{
	if (!result)
		return reinterpret_cast<T *>(
			static_cast<long>(result.error().to_errno()));
	return result.value();
}

} /* namespace cxx */

/**
 * TRY() - evaluate a Result; return its error from the enclosing function,
 * or yield its value.
 *
 * The enclosing function must return a cxx::Result (of any T) or cxx::Error.
 */
#define TRY(expr)                                                             \
	({                                                                    \
		auto &&__cxx_try = (expr);                                    \
		if (!__cxx_try.is_ok())                                       \
			return __cxx_try.error();                             \
		cxx::move(__cxx_try).value();                                 \
	})

#endif /* _CXX_ERROR_H */
