/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: callbacks into an owner
 *
 * Work items and timers (cxx/workqueue.h, cxx/timer.h, cxx/hrtimer.h) are
 * members of an owning object and call back one of its methods. The C
 * callback gets a pointer to the C struct inside the member; the layer
 * goes from there to the owner with container_of (cxx/container_of.h),
 * so it has to know which member the item is: both are named once, by
 * pointers to members, in the member's initialiser:
 *
 *	cxx::Timer<Blinker> timer{cxx::callback<&Blinker::timer, &Blinker::on_timer>, ...};
 *
 * A default member initialiser is a complete-class context, where
 * &Blinker::timer may be named. Each item checks the types: a member of
 * another type (the Work beside the Timer), or a method of the wrong
 * signature, does not compile. Another member of the same type (a second
 * Timer) is not caught, as C's from_timer() with the wrong field is not:
 * name the member being initialised.
 */
#ifndef _CXX_CALLBACK_H
#define _CXX_CALLBACK_H

#include <cxx/container_of.h>

namespace cxx {

/**
 * struct Callback - names a callback: @Member, the item's member in its
 * owner, and @Method, the owner's method to call.
 */
template <auto Member, auto Method> struct Callback {
	explicit constexpr Callback() = default;
};
/** callback - the Callback value to initialise an item with. */
template <auto Member, auto Method> inline constexpr Callback<Member, Method> callback{};

namespace detail {
/* Call Method of the owner that holds @item as its Member. */
template <auto Member, auto Method, typename Item> inline auto call_owner(Item *item)
{
	auto *owner = cxx::container_of<Member>(item);
	return (owner->*Method)();
}
} /* namespace detail */

} /* namespace cxx */

#endif /* _CXX_CALLBACK_H */
