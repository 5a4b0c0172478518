// SPDX-License-Identifier: GPL-2.0
// expect: error: format '%d' expects argument of type 'int', but argument 3 has type 'const char*'
#include <cxx/prelude.h>
#include <cxx/fmt_buf.h>
struct M {
	static cxx::Result<M> init(cxx::ThisModule &)
	{
		cxx::FmtBuf<16> b;
		TRY(b.try_format("%d", "not a number"));
		return cxx::Ok<M>();
	}
};
MODULE(M, name = "fmt_buf_format_mismatch", license = "GPL");
