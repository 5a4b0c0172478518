// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: FileOperations: the file class has no write()
#include <cxx/prelude.h>
#include <cxx/miscdev.h>
struct F {
	static cxx::Result<cxx::Box<F>> open(cxx::File &) { return cxx::Box<F>::try_new(cxx::GFP_KERNEL); }
};
using Ops = cxx::FileOperations<F, cxx::MiscDevice<F>>;
struct M { static cxx::Result<M> init(cxx::ThisModule &) { return cxx::Ok<M>(); } };
/* Calling an operation F does not define. */
static long f(struct file *file) { return Ops::write(file, nullptr, 0, nullptr); }
MODULE(M, name = "fops_undefined_method", license = "GPL");
