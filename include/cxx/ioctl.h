/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: ioctl numbers
 *
 * C's _IO(), _IOR(), _IOW() and _IOWR() are function-like macros, which the
 * bindings cannot carry; these constexpr functions compute the same numbers
 * from the kernel's own _IOC_* constants:
 *
 *	inline constexpr unsigned int MY_GET = cxx::ior<int>('|', 0x81);
 *
 * The argument type's size must fit the size field, as in C.
 */
#ifndef _CXX_IOCTL_H
#define _CXX_IOCTL_H

#include <generated/cxx/bindings.h>

namespace cxx {

/** ioc() - an ioctl number from its direction, type, number and size. */
consteval unsigned int ioc(unsigned int dir, unsigned int type, unsigned int nr,
			   unsigned long size)
{
	if (size >= (1UL << ::_IOC_SIZEBITS))
		__builtin_unreachable(); /* not a constant: the size does not fit */
	return dir << ::_IOC_DIRSHIFT | type << ::_IOC_TYPESHIFT |
	       nr << ::_IOC_NRSHIFT | unsigned(size) << ::_IOC_SIZESHIFT;
}
/** io() - _IO(type, nr): no argument. */
consteval unsigned int io(unsigned int type, unsigned int nr)
{
	return ioc(::_IOC_NONE, type, nr, 0);
}
/** ior() - _IOR(type, nr, T): the kernel writes a T to the user's pointer. */
template <typename T> consteval unsigned int ior(unsigned int type, unsigned int nr)
{
	return ioc(::_IOC_READ, type, nr, sizeof(T));
}
/** iow() - _IOW(type, nr, T): the kernel reads a T from the user's pointer. */
template <typename T> consteval unsigned int iow(unsigned int type, unsigned int nr)
{
	return ioc(::_IOC_WRITE, type, nr, sizeof(T));
}
/** iowr() - _IOWR(type, nr, T): both. */
template <typename T> consteval unsigned int iowr(unsigned int type, unsigned int nr)
{
	return ioc(::_IOC_READ | ::_IOC_WRITE, type, nr, sizeof(T));
}

} /* namespace cxx */

#endif /* _CXX_IOCTL_H */
