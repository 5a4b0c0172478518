// SPDX-License-Identifier: GPL-2.0
/* A C module that calls a function cxx_export.ko (C++) exports. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/printk.h>

#include "cxx_export.h"

static int __init c_export_user_init(void)
{
	u32 calls;
	int sum = cxx_export_add(2, 3, &calls);

	pr_info("C calls C++: 2 + 3 = %d (call %u)\n", sum, calls);
	return 0;
}

static void __exit c_export_user_exit(void)
{
}

module_init(c_export_user_init);
module_exit(c_export_user_exit);
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("A C caller of a C++ export");
MODULE_LICENSE("GPL");
