// SPDX-License-Identifier: GPL-2.0
/*
 * cxx_detectors: the debug kernel's detectors' positive control. Loaded with
 * bug=uaf|leak|ubsan|lockdep|warn, its init commits exactly that one fault
 * and returns success (the module then unloads normally):
 *
 *	uaf	reads a Box's object after the Box freed it (KASAN)
 *	leak	releases a Box and drops the pointer (kmemleak, once scanned)
 *	ubsan	shifts an int by 40 (UBSAN shift-out-of-bounds)
 *	lockdep	takes two Mutexes in one order, then in the other (lockdep's
 *		possible circular locking dependency)
 *	warn	WARN()s, from the C half (detectors_warn.c): C++ has no WARN()
 *
 * Used only by run_tests.sh's debug_detectors_fire, in a boot of its own:
 * the bench must reject that boot and name every detector.
 */
#include <cxx/prelude.h>
#include <cxx/box.h>
#include <cxx/mutex.h>
#include <cxx/param.h>

extern "C" void cxx_detectors_warn(void);

MODULE_PARAM(bug, charp, "", 0444, "The fault to commit: uaf, leak, ubsan, lockdep or warn");

namespace {

struct Victim {
	int canary[8];
};

/* Out of the compiler's sight: it cannot prove the faults below. */
Victim *volatile dangling;
volatile int shift = 40;

cxx::Result<int> use_after_free()
{
	{
		auto victim = TRY(cxx::Box<Victim>::try_new(cxx::GFP_KERNEL, Victim{{1}}));

		dangling = victim.get();
	}	/* the Box frees it here */
	return dangling->canary[0];
}

cxx::Result<int> leak()
{
	auto lost = TRY(cxx::Box<Victim>::try_new(cxx::GFP_KERNEL, Victim{{2}}));

	(void)lost.release();
	return 0;
}

cxx::Result<int> shift_out_of_bounds() { return 1 << shift; }

cxx::Result<int> lock_inversion()
{
	static cxx::Mutex<int> a{CXX_LOCK_CLASS("cxx_detectors.a"), 0};
	static cxx::Mutex<int> b{CXX_LOCK_CLASS("cxx_detectors.b"), 0};

	{
		auto ga = a.lock();
		auto gb = b.lock();
		*gb = *ga + 1;
	}
	{
		auto gb = b.lock();
		auto ga = a.lock();
		*ga = *gb + 1;
	}
	return *a.lock();
}

} /* namespace */

struct CxxDetectors {
	static cxx::Result<CxxDetectors> init(cxx::ThisModule &mod)
	{
		auto lock = cxx::ParamLock(mod);
		const char *what = bug.read(lock) ?: "";
		int r = 0;

		if (!strcmp(what, "uaf"))
			r = TRY(use_after_free());
		else if (!strcmp(what, "leak"))
			r = TRY(leak());
		else if (!strcmp(what, "ubsan"))
			r = TRY(shift_out_of_bounds());
		else if (!strcmp(what, "lockdep"))
			r = TRY(lock_inversion());
		else if (!strcmp(what, "warn"))
			cxx_detectors_warn();
		else
			return cxx::code::EINVAL;
		pr_info("committed %s (%d)\n", what, r);
		return cxx::Ok<CxxDetectors>();
	}
};

MODULE(CxxDetectors, name = "cxx_detectors",
       author = "C++ for Linux Contributors",
       description = "Commits one fault each detector of the debug kernel must report",
       license = "GPL");
