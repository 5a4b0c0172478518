/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: user memory
 *
 * A read() or write() handler gets a user buffer as a UserSliceWriter (to
 * fill) or a UserSliceReader (to drain): a user pointer and the length the
 * caller passed. Every copy goes through copy_to_user()/copy_from_user()
 * and either copies all its bytes or fails with -EFAULT and copies nothing
 * the handler can see: the slice does not advance, and a failed read_raw()
 * leaves no half-filled destination behind (it is zeroed). Copies longer
 * than what is left fail with -EFAULT too, before touching user memory.
 */
#ifndef _CXX_UACCESS_H
#define _CXX_UACCESS_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/utility.h>

namespace cxx {

/** class UserSliceReader - the unread rest of a user buffer to read from. */
class UserSliceReader {
public:
	/** UserSliceReader() - @len bytes at user address @ptr. */
	UserSliceReader(const void *ptr, size_t len)
		: ptr_(static_cast<const char *>(ptr)), left_(len)
	{
	}

	/** len() - bytes not read yet. */
	[[nodiscard]] size_t len() const { return left_; }
	/** is_empty() - whether everything has been read. */
	[[nodiscard]] bool is_empty() const { return left_ == 0; }

	/** read_raw() - copy the next @n bytes into @dst (all or -EFAULT). */
	Result<> read_raw(void *dst, size_t n)
	{
		if (n > left_)
			return code::EFAULT;
		if (::copy_from_user(dst, ptr_, n)) {
			__builtin_memset(dst, 0, n);
			return code::EFAULT;
		}
		ptr_ += n;
		left_ -= n;
		return {};
	}

	/**
	 * read() - the next sizeof(T) bytes as a T (a plain C type).
	 *
	 * The size is a constant, so this calls _copy_from_user() directly,
	 * as C's copy_from_user() does for a constant size: the hardened
	 * usercopy object check is then decided at compile time (the
	 * destination is exactly one T) instead of at run time.
	 */
	template <typename T> Result<T> read()
	{
		static_assert(__is_trivially_copyable(T),
			      "UserSliceReader::read<T>(): T must be trivially copyable");
		T v;
		if (sizeof(T) > left_)
			return code::EFAULT;
		if (::_copy_from_user(&v, ptr_, sizeof(T)))
			return code::EFAULT;
		ptr_ += sizeof(T);
		left_ -= sizeof(T);
		return v;
	}

private:
	const char *ptr_;
	size_t left_;
};

/** class UserSliceWriter - the unwritten rest of a user buffer to fill. */
class UserSliceWriter {
public:
	/** UserSliceWriter() - @len bytes at user address @ptr. */
	UserSliceWriter(void *ptr, size_t len)
		: ptr_(static_cast<char *>(ptr)), left_(len)
	{
	}

	/** len() - room left. */
	[[nodiscard]] size_t len() const { return left_; }
	/** is_empty() - whether the buffer is full. */
	[[nodiscard]] bool is_empty() const { return left_ == 0; }

	/** write_raw() - copy @n bytes of @src out (all or -EFAULT). */
	Result<> write_raw(const void *src, size_t n)
	{
		if (n > left_)
			return code::EFAULT;
		if (::copy_to_user(ptr_, src, n))
			return code::EFAULT;
		ptr_ += n;
		left_ -= n;
		return {};
	}

	/**
	 * write() - copy a T (a plain C type) out. A constant size: straight
	 * to _copy_to_user(), as read<T>() above.
	 */
	template <typename T> Result<> write(const T &v)
	{
		static_assert(__is_trivially_copyable(T),
			      "UserSliceWriter::write<T>(): T must be trivially copyable");
		if (sizeof(T) > left_)
			return code::EFAULT;
		if (::_copy_to_user(ptr_, &v, sizeof(T)))
			return code::EFAULT;
		ptr_ += sizeof(T);
		left_ -= sizeof(T);
		return {};
	}

private:
	char *ptr_;
	size_t left_;
};

} /* namespace cxx */

#endif /* _CXX_UACCESS_H */
