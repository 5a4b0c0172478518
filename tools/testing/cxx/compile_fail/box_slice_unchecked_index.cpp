// SPDX-License-Identifier: GPL-2.0
// expect: BoxSlice has no unchecked operator[]: use get(i), which returns nullptr past the end, or range-for
#include <cxx/prelude.h>
#include <cxx/box_slice.h>
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
static cxx::Result<char> f(size_t i)
{
	auto buf = TRY(cxx::BoxSlice<char>::try_new(16));
	return buf[i];		/* i may be past the end */
}
MODULE(M, name = "box_slice_unchecked_index", license = "GPL");
