// SPDX-License-Identifier: GPL-2.0
// expect: error: static assertion failed: IoMem: offset not aligned to the access
#include <cxx/prelude.h>
#include <cxx/io_mem.h>
/* A 32-bit access at 0x02 straddles two registers. */
void f(const cxx::IoMem<0x100> &regs)
{
	regs.write32<0x02>(1);
}
