// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: open: expected static Result<Box<T>> (or Result<Arc<T>>) open(File &, const Arc<Shared> &)
#include <cxx/prelude.h>
#include <cxx/miscdev.h>
struct S {
	int value = 0;
};
struct F {
	using Shared = S;
	/* The signature before Shared was held in an Arc: a reference that dangles. */
	static cxx::Result<cxx::Box<F>> open(cxx::File &, S &) { return cxx::Box<F>::try_new(cxx::GFP_KERNEL); }
};
struct M {
	cxx::Box<cxx::MiscDevice<F>> dev;
	static cxx::Result<M> init(cxx::ThisModule &)
	{
		return cxx::Ok<M>(TRY(cxx::MiscDevice<F>::try_new(cxx::MiscOptions("x"))));
	}
};
MODULE(M, name = "open_old_shared_signature", license = "GPL");
