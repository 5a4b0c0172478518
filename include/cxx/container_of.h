/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: container_of
 *
 * C's container_of(ptr, type, member) as a checked template: the member is
 * named by a pointer to member, from which the template takes both the
 * containing type and the member's type.
 *
 *	struct Item { int value; struct list_head node; };
 *	...
 *	Item *it = cxx::container_of<&Item::node>(pos);
 *
 * A pointer whose type is not the member's does not compile. A pointer to
 * const gives a pointer to a const container. As in C, it is only correct
 * when @ptr really points at that member of an Item: the template checks
 * types, not where the pointer came from.
 */
#ifndef _CXX_CONTAINER_OF_H
#define _CXX_CONTAINER_OF_H

#include <cxx/utility.h>

namespace cxx {

namespace detail {
/* The class and the member type of a pointer to data member. */
template <typename P> struct member_pointer;
template <typename C, typename M> struct member_pointer<M C::*> {
	using Class = C;
	using Member = M;
};

template <typename T> struct strip_const { using type = T; };
template <typename T> struct strip_const<const T> { using type = T; };
} /* namespace detail */

/**
 * container_of<Member>() - the object whose member @Member @ptr points to.
 * @Member: a pointer to a data member, e.g. &Item::node.
 * @ptr: a pointer to that member of some object (not null).
 *
 * Return: that object, const if @ptr points to const.
 */
template <auto Member, typename P>
[[nodiscard]] inline auto container_of(P *ptr)
{
	using MP = detail::member_pointer<decltype(Member)>;
	using C = typename MP::Class;
	static_assert(is_same_v<typename detail::strip_const<P>::type,
				typename detail::strip_const<typename MP::Member>::type>,
		      "container_of<&T::member>(ptr): ptr must point to the type of T::member; "
		      "pass a pointer to that member, or name the member ptr points to");
	/*
	 * The Itanium C++ ABI (which g++ follows on every kernel architecture)
	 * represents a pointer to data member as the member's offset in bytes:
	 * this is offsetof() for the member Member names.
	 */
	static_assert(sizeof(Member) == sizeof(long), "a pointer to data member is an offset");
	long offset = __builtin_bit_cast(long, Member);

	if constexpr (__is_same(P, const P))
		return reinterpret_cast<const C *>(reinterpret_cast<const char *>(ptr) - offset);
	else
		return reinterpret_cast<C *>(reinterpret_cast<char *>(ptr) - offset);
}

} /* namespace cxx */

#endif /* _CXX_CONTAINER_OF_H */
