// SPDX-License-Identifier: GPL-2.0
/*
 * What cxx_export.ko exports. C++ objects cannot carry EXPORT_SYMBOL()
 * (genksyms reads only C): the C++ definitions are exported from this C
 * file of the same module, which sees their C prototypes (cxx_export.h),
 * so that each symbol is versioned as a C export would be.
 */
#include <linux/export.h>

#include "cxx_export.h"

EXPORT_SYMBOL_GPL(cxx_export_add);
