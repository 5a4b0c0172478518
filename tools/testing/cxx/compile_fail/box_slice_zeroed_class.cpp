// SPDX-License-Identifier: GPL-2.0
// expect: BoxSlice::try_new_zeroed: T has a default constructor that zero bytes would skip; use try_new()
#include <cxx/prelude.h>
#include <cxx/box_slice.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
struct Quantum {
	Quantum() : size(4000) {}
	int size;
};
static cxx::Result<> f()
{
	auto q = TRY(cxx::BoxSlice<Quantum>::try_new_zeroed(4));	/* size would be 0 */
	return {};
}
MODULE(M, name = "box_slice_zeroed_class", license = "GPL");
