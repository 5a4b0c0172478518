// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: read_once()/write_once(): only for an integer, enum or pointer of 1, 2, 4 or 8 bytes
#include <cxx/prelude.h>
#include <cxx/read_once.h>
struct Pair {
	int a, b;	/* 8 bytes, as a long: C's READ_ONCE() would take it */
};
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
Pair f(Pair &p)
{
	return cxx::read_once(p);
}
MODULE(M, name = "read_once_struct", license = "GPL");
