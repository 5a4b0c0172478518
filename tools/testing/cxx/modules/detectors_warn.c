// SPDX-License-Identifier: GPL-2.0
/* The C half of cxx_detectors: WARN() is a C macro. */
#include <linux/bug.h>

void cxx_detectors_warn(void);
void cxx_detectors_warn(void)
{
	WARN(1, "cxx_detectors: deliberate warning\n");
}
