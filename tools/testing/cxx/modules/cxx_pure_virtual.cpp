// SPDX-License-Identifier: GPL-2.0
/*
 * Calls a pure virtual function, as a base class's constructor can by
 * mistake: the runtime's __cxa_pure_virtual() must WARN() and return, not
 * jump to nowhere. Loaded in a boot of its own (it taints the kernel W).
 */
#include <cxx/prelude.h>

struct Base {
	Base() { call(); }
	virtual ~Base() = default;
	virtual void hook() = 0;
	/*
	 * Out of line, so g++ cannot see that the object is still a Base;
	 * not a tail call, so the WARN's backtrace names it (a mangled name
	 * for scripts/cxx_decode_stacktrace.sh to decode).
	 */
	[[gnu::noinline]] void call()
	{
		hook();
		asm volatile("" ::: "memory");
	}
};

struct Derived : Base {
	void hook() override { pr_info("derived hook\n"); }
};

struct CxxPureVirtual {
	static cxx::Result<CxxPureVirtual> init(cxx::ThisModule &)
	{
		Derived d;
		d.call();
		pr_info("still alive\n");
		return cxx::Ok<CxxPureVirtual>();
	}
};

MODULE(CxxPureVirtual, name = "cxx_pure_virtual",
       author = "C++ for Linux Contributors",
       description = "Pure virtual call test", license = "GPL");
