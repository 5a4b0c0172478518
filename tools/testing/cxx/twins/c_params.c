// SPDX-License-Identifier: GPL-2.0
/*
 * C twin of samples/cxx/cxx_params.cpp: the same parameters, descriptions
 * and MODULE_*() strings written with C's macros, for the .modinfo test
 * (run_tests.sh builds it as cxx_params.c, so that it has the same name).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/moduleparam.h>

static bool my_bool = true;
module_param(my_bool, bool, 0644);
MODULE_PARM_DESC(my_bool, "A bool");
static bool my_invbool;
module_param(my_invbool, invbool, 0444);
MODULE_PARM_DESC(my_invbool, "An inverted bool");
static unsigned char my_byte = 8;
module_param(my_byte, byte, 0444);
MODULE_PARM_DESC(my_byte, "A byte");
static short my_short = -16;
module_param(my_short, short, 0444);
MODULE_PARM_DESC(my_short, "A short");
static unsigned short my_ushort = 16;
module_param(my_ushort, ushort, 0444);
MODULE_PARM_DESC(my_ushort, "An unsigned short");
static int my_int = 42;
module_param(my_int, int, 0644);
MODULE_PARM_DESC(my_int, "An int");
static unsigned int my_uint = 32;
module_param(my_uint, uint, 0444);
MODULE_PARM_DESC(my_uint, "An unsigned int");
static long my_long = -64;
module_param(my_long, long, 0444);
MODULE_PARM_DESC(my_long, "A long");
static unsigned long my_ulong = 64;
module_param(my_ulong, ulong, 0444);
MODULE_PARM_DESC(my_ulong, "An unsigned long");
static unsigned long long my_ullong = 128;
module_param(my_ullong, ullong, 0444);
MODULE_PARM_DESC(my_ullong, "An unsigned long long");
static unsigned int my_hexint = 0xff;
module_param(my_hexint, hexint, 0444);
MODULE_PARM_DESC(my_hexint, "An unsigned int shown in hex");
static char *my_charp = "default";
module_param(my_charp, charp, 0644);
MODULE_PARM_DESC(my_charp, "A string");
static int my_array[4] = { 1, 2 };
static unsigned int my_array_num = 2;
module_param_array(my_array, int, &my_array_num, 0444);
MODULE_PARM_DESC(my_array, "Up to 4 ints");

static void print_params(const char *when)
{
	unsigned int i;

	kernel_param_lock(THIS_MODULE);
	pr_info("Parameters (%s):\n", when);
	pr_info("my_bool=%d my_invbool=%d\n", my_bool, my_invbool);
	pr_info("my_byte=%u\n", my_byte);
	pr_info("my_short=%d my_ushort=%u\n", my_short, my_ushort);
	pr_info("my_int=%d\n", my_int);
	pr_info("my_uint=%u\n", my_uint);
	pr_info("my_long=%ld my_ulong=%lu\n", my_long, my_ulong);
	pr_info("my_ullong=%llu\n", my_ullong);
	pr_info("my_hexint=%#x\n", my_hexint);
	pr_info("my_charp=%s\n", my_charp ?: "(null)");
	pr_info("my_array=[");
	for (i = 0; i < my_array_num; i++)
		pr_cont("%s%d", i ? "," : "", my_array[i]);
	pr_cont("]\n");
	kernel_param_unlock(THIS_MODULE);
}

static int __init c_params_init(void)
{
	pr_info("C++ module parameters sample (init)\n");
	print_params("init");
	return 0;
}

static void __exit c_params_exit(void)
{
	print_params("exit");
	pr_info("C++ module parameters sample (exit)\n");
}

module_init(c_params_init);
module_exit(c_params_exit);

MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C++ module parameters sample");
MODULE_LICENSE("GPL");
