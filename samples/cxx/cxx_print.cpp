// SPDX-License-Identifier: GPL-2.0
/* C++ printing sample: the twin of samples/rust/rust_print.rs. */
#include <cxx/prelude.h>

struct CxxPrint {
	static cxx::Result<CxxPrint> init(cxx::ThisModule &)
	{
		pr_info("C++ printing macros sample (init)\n");

		pr_emerg("Emergency message (level 0) without args\n");
		pr_alert("Alert message (level 1) without args\n");
		pr_crit("Critical message (level 2) without args\n");
		pr_err("Error message (level 3) without args\n");
		pr_warn("Warning message (level 4) without args\n");
		pr_notice("Notice message (level 5) without args\n");
		pr_info("Info message (level 6) without args\n");
		pr_info("A line that ");
		pr_cont("is continued without args\n");

		pr_emerg("%s message (level %d) with args\n", "Emergency", 0);
		pr_alert("%s message (level %d) with args\n", "Alert", 1);
		pr_crit("%s message (level %d) with args\n", "Critical", 2);
		pr_err("%s message (level %d) with args\n", "Error", 3);
		pr_warn("%s message (level %d) with args\n", "Warning", 4);
		pr_notice("%s message (level %d) with args\n", "Notice", 5);
		pr_info("%s message (level %d) with args\n", "Info", 6);
		pr_info("A %s that ", "line");
		pr_cont("is continued with %s\n", "args");

		pr_info("s8=%hhd u8=%hhu s16=%hd u16=%hu\n", (signed char)-8,
			(unsigned char)8, (short)-16, (unsigned short)16);
		pr_info("s32=%d u32=%u s64=%lld u64=%llu\n", -32, 32u, -64LL,
			64ULL);
		pr_info("long=%ld ulong=%lu size=%zu hex=%#x\n", -1L, 1UL,
			sizeof(CxxPrint), 0xc0ffee);

		static const int answer = 42;
		pr_info("hashed pointer %p, symbol %ps\n", &answer,
			reinterpret_cast<void *>(&CxxPrint::init));
		pr_info("error %pe\n", reinterpret_cast<void *>(-22L));
		return cxx::Ok<CxxPrint>();
	}

	~CxxPrint() { pr_info("C++ printing macros sample (exit)\n"); }
};

MODULE(CxxPrint, name = "cxx_print", author = "C++ for Linux Contributors",
       description = "C++ printing macros sample", license = "GPL");
