// SPDX-License-Identifier: GPL-2.0
/*
 * The .modinfo of tools/testing/cxx/modules/cxx_lifetime.cpp written with
 * C's macros: the same parameter, and the same fields in the same order,
 * authors and aliases repeated. Only for the .modinfo test (run_tests.sh
 * builds it as cxx_lifetime.c, so that it has the same name).
 */
#include <linux/module.h>
#include <linux/moduleparam.h>

static int fail;
module_param(fail, int, 0444);
MODULE_PARM_DESC(fail, "errno init returns (0: succeed)");

MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_AUTHOR("A Second Author");
MODULE_DESCRIPTION("Static object lifetime test");
MODULE_LICENSE("GPL");
MODULE_ALIAS("cxx-lifetime-a");
MODULE_ALIAS("cxx-lifetime-b");
