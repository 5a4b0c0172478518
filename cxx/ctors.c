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
 *
 * C++ built into vmlinux needs none of this: CONFIG_CXX selects
 * CONFIG_CONSTRUCTORS, and the kernel runs vmlinux's constructors at boot.
 */
#define pr_fmt(fmt) "cxx: " fmt

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/printk.h>

#include "runtime.h"

#ifdef MODULE
/*
 * Linked into a module only with this runner: scripts/cxx_module_runtime.lds
 * fails the link of a module that has constructors but lacks it (MODULE()'s
 * weak default would then fail every load).
 */
const char cxx_ctors_runner_linked __attribute__((visibility("hidden")));
#else
/*
 * The DSO handle of C++ code built into vmlinux. Each module defines its own
 * (MODULE() does), so that its static objects are told apart from others.
 */
void *__dso_handle __attribute__((visibility("hidden"))) = &__dso_handle;
#endif

int cxx_run_ctors(const cxx_ctor_t *start, const cxx_ctor_t *end, void *dso)
{
	for (; start < end; start++)
		(*start)();
	if (!cxx_atexit_ok(dso)) {
		pr_err("out of memory registering static destructors\n");
		cxx_run_dtors(dso);
		cxx_atexit_reset(dso);
		return -ENOMEM;
	}
	return 0;
}
#ifdef CONFIG_CXX
EXPORT_SYMBOL_GPL(cxx_run_ctors);
#endif
