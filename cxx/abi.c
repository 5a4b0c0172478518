// SPDX-License-Identifier: GPL-2.0
/*
 * Entry points of the Itanium C++ ABI that g++ emits calls to, other than
 * allocation (cxx/new.cpp) and static-object lifetime (cxx/ctors.c).
 */
#include <linux/bug.h>
#include <linux/export.h>

/*
 * A vtable slot of a pure virtual function points here: reached only by
 * calling a virtual function on an object under construction or destruction.
 * Warn with a backtrace that names the culprit instead of jumping to nowhere.
 */
void __cxa_pure_virtual(void);
void __cxa_pure_virtual(void)
{
	WARN(1, "cxx: pure virtual function called\n");
}

/* Likewise for a function declared `= delete` reached through a vtable. */
void __cxa_deleted_virtual(void);
void __cxa_deleted_virtual(void)
{
	WARN(1, "cxx: deleted virtual function called\n");
}

#ifdef CONFIG_CXX
EXPORT_SYMBOL_GPL(__cxa_pure_virtual);
EXPORT_SYMBOL_GPL(__cxa_deleted_virtual);
#endif
