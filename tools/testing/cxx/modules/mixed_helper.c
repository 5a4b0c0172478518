// SPDX-License-Identifier: GPL-2.0
/* The C half of cxx_mixed: plain kernel C, built by Kbuild's C rule. */
#include <linux/printk.h>

int mixed_helper_sum(int a, int b);
int mixed_helper_sum(int a, int b)
{
	pr_info("cxx_mixed: C helper called from C++\n");
	return a + b;
}
