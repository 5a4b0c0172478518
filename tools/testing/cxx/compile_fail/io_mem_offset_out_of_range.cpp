// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: IoMem: offset out of range
#include <cxx/prelude.h>
#include <cxx/io_mem.h>
/* A 0x100-byte region has no register at 0x100. */
u32 f(const cxx::IoMem<0x100> &regs)
{
	return regs.read32<0x100>();
}
