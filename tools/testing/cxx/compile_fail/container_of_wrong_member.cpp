// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: container_of<&T::member>(ptr): ptr must point to the type of T::member
#include <cxx/prelude.h>
#include <cxx/container_of.h>
struct Item {
	int value;
	struct list_head node;
};
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
Item *f(int *p)
{
	return cxx::container_of<&Item::node>(p);	/* p points to an int, not a list_head */
}
MODULE(M, name = "container_of_wrong_member", license = "GPL");
