// SPDX-License-Identifier: GPL-2.0
/*
 * Calls static inline functions that no helper list names, in a directory
 * that uses the kernel's share: its on-demand wrappers come from the
 * share's inline_helpers.c, compiled as part of this module
 * (tools/testing/cxx/tests/share.sh). Its namespace-scope object has a
 * constructor, so it links the share's cxx/ctors.o, which runs it at load.
 */
#include <cxx/prelude.h>

namespace {
int constructed;
struct Constructed {
	Constructed() { constructed = 42; }
} constructed_at_load;
} /* namespace */

struct CxxShareInline {
	static cxx::Result<CxxShareInline> init(cxx::ThisModule &)
	{
		struct list_head head, one;

		INIT_LIST_HEAD(&head);
		list_add_tail(&one, &head);
		if (!list_is_singular(&head) || ktime_to_ms(ms_to_ktime(1500)) != 1500 ||
		    constructed != 42)
			return cxx::Error::from_errno(-EINVAL);
		return cxx::Ok<CxxShareInline>();
	}
};

MODULE(CxxShareInline, name = "cxx_share_inline", author = "C++ for Linux Contributors",
       description = "Test: on-demand helpers from the share", license = "GPL");
