// SPDX-License-Identifier: GPL-2.0
/*
 * Construction of a C++ module's static-storage objects.
 *
 * g++ emits one constructor function per translation unit with global
 * objects into .init_array. Distribution kernels lack CONFIG_CONSTRUCTORS,
 * and where it is set the kernel would run them outside the module's
 * control, so scripts/cxx_module.lds moves a C++ module's .init_array into
 * .cxx_ctors, out of the kernel's sight, and the module's init_module() (the
 * MODULE() macro) runs them here before the module's init. Their destructors
 * are registered with __cxa_atexit() (cxx/atexit.c) as they are constructed.
 */
#define pr_fmt(fmt) "cxx: " fmt

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/types.h>

#include "runtime.h"

/*
 * The DSO handle g++ passes to __cxa_atexit(): one per module, hidden so that
 * each module's copy stays its own.
 */
void *__dso_handle __attribute__((visibility("hidden"))) = &__dso_handle;

bool cxx_atexit_failed;

/*
 * The first constructor of every C++ module (the lowest priority sorts first
 * in .cxx_ctors). It also keeps .cxx_ctors from being empty, which would
 * leave the section without its allocation flags.
 */
static void __attribute__((constructor(101))) cxx_ctors_begin(void)
{
	WRITE_ONCE(cxx_atexit_failed, false);
}

int cxx_run_ctors(const cxx_ctor_t *start, const cxx_ctor_t *end, void *dso)
{
	for (; start < end; start++)
		(*start)();
	if (READ_ONCE(cxx_atexit_failed)) {
		pr_err("out of memory registering static destructors\n");
		cxx_run_dtors(dso);
		return -ENOMEM;
	}
	return 0;
}
