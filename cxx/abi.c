// SPDX-License-Identifier: GPL-2.0
/*
 * Entry points that g++ emits calls to, other than allocation
 * (cxx/new.cpp) and static-object lifetime (cxx/ctors.c, cxx/atexit.c):
 * the Itanium C++ ABI's for virtual functions, and ASan's for dynamic
 * initialisation.
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

#ifdef CONFIG_KASAN
/*
 * With -fsanitize=kernel-address, g++ brackets the dynamic initialisation of
 * a translation unit's globals with these two calls, for ASan's
 * initialisation-order checking. KASAN has no such checking (C has no
 * dynamic initialisation): they do nothing.
 */
void __asan_before_dynamic_init(const char *module_name);
void __asan_before_dynamic_init(const char *module_name)
{
}

void __asan_after_dynamic_init(void);
void __asan_after_dynamic_init(void)
{
}
#endif

#ifdef CONFIG_CXX
EXPORT_SYMBOL_GPL(__cxa_pure_virtual);
EXPORT_SYMBOL_GPL(__cxa_deleted_virtual);
#ifdef CONFIG_KASAN
EXPORT_SYMBOL_GPL(__asan_before_dynamic_init);
EXPORT_SYMBOL_GPL(__asan_after_dynamic_init);
#endif
#endif
