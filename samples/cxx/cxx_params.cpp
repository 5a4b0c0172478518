// SPDX-License-Identifier: GPL-2.0
/* C++ module parameters sample: one parameter of every supported type. */
#include <cxx/prelude.h>

MODULE_PARAM(my_bool, bool, true, 0644, "A bool");
MODULE_PARAM(my_invbool, invbool, false, 0444, "An inverted bool");
MODULE_PARAM(my_byte, byte, 8, 0444, "A byte");
MODULE_PARAM(my_short, short, -16, 0444, "A short");
MODULE_PARAM(my_ushort, ushort, 16, 0444, "An unsigned short");
MODULE_PARAM(my_int, int, 42, 0644, "An int");
MODULE_PARAM(my_uint, uint, 32, 0444, "An unsigned int");
MODULE_PARAM(my_long, long, -64, 0444, "A long");
MODULE_PARAM(my_ulong, ulong, 64, 0444, "An unsigned long");
MODULE_PARAM(my_ullong, ullong, 128, 0444, "An unsigned long long");
MODULE_PARAM(my_hexint, hexint, 0xff, 0444, "An unsigned int shown in hex");
MODULE_PARAM(my_charp, charp, "default", 0644, "A string");
MODULE_PARAM_ARRAY(my_array, int, 4, 0444, "Up to 4 ints", 1, 2);

static void print_params(const char *when)
{
	auto lock = cxx::ParamLock(cxx::ThisModule::current());

	pr_info("Parameters (%s):\n", when);
	pr_info("my_bool=%d my_invbool=%d\n", my_bool.read(lock),
		my_invbool.read(lock));
	pr_info("my_byte=%u\n", my_byte.read(lock));
	pr_info("my_short=%d my_ushort=%u\n", my_short.read(lock),
		my_ushort.read(lock));
	pr_info("my_int=%d\n", my_int.read(lock));
	pr_info("my_uint=%u\n", my_uint.read(lock));
	pr_info("my_long=%ld my_ulong=%lu\n", my_long.read(lock),
		my_ulong.read(lock));
	pr_info("my_ullong=%llu\n", my_ullong.read(lock));
	pr_info("my_hexint=%#x\n", my_hexint.read(lock));
	pr_info("my_charp=%s\n", my_charp.read(lock) ?: "(null)");
	pr_info("my_array=[");
	const char *sep = "";
	for (int v : my_array.read(lock)) {
		pr_cont("%s%d", sep, v);
		sep = ",";
	}
	pr_cont("]\n");
}

struct CxxParams {
	static cxx::Result<CxxParams> init(cxx::ThisModule &)
	{
		pr_info("C++ module parameters sample (init)\n");
		print_params("init");
		return cxx::Ok<CxxParams>();
	}

	~CxxParams()
	{
		print_params("exit");
		pr_info("C++ module parameters sample (exit)\n");
	}
};

MODULE(CxxParams, name = "cxx_params", author = "C++ for Linux Contributors",
       description = "C++ module parameters sample", license = "GPL");
