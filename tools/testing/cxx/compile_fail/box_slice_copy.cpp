// SPDX-License-Identifier: GPL-2.0
// expect: error: use of deleted function 'cxx::BoxSlice<T>::BoxSlice(const cxx::BoxSlice<T>&)
#include <cxx/prelude.h>
#include <cxx/box_slice.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static cxx::Result<> f()
{
	auto buf = TRY(cxx::BoxSlice<char>::try_new(16));
	cxx::BoxSlice<char> copy = buf;		/* would kfree() twice */
	return {};
}
MODULE(M, name = "box_slice_copy", license = "GPL");
