// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: read: expected Result<size_t> read(File &, UserSliceWriter &, loff_t &)
#include <cxx/prelude.h>
#include <cxx/miscdev.h>
struct F {
	static cxx::Result<cxx::Box<F>> open(cxx::File &) { return cxx::Box<F>::try_new(cxx::GFP_KERNEL); }
	cxx::Result<int> read(cxx::File &, char *buf, size_t len);	/* not a file operation's shape */
};
struct M {
	cxx::Box<cxx::MiscDevice<F>> dev;
	static cxx::Result<M> init(cxx::ThisModule &)
	{
		return cxx::Ok<M>(TRY(cxx::MiscDevice<F>::try_new(cxx::MiscOptions("x"))));
	}
};
MODULE(M, name = "fops_wrong_signature", license = "GPL");
