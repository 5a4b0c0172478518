// SPDX-License-Identifier: GPL-2.0
/*
 * C shims for kernel functions C++ cannot call directly: static inline
 * functions and macros of the kernel's headers. Each is compiled as C, with
 * the kernel's own flags, so it behaves exactly as the C call it wraps.
 * Declared for C++ in include/cxx/bindings.h.
 */
#include <linux/export.h>
#include <linux/slab.h>

void *cxx_kmalloc(size_t size, gfp_t flags);
void *cxx_kmalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags);
}

void *cxx_krealloc(const void *p, size_t new_size, gfp_t flags);
void *cxx_krealloc(const void *p, size_t new_size, gfp_t flags)
{
	return krealloc(p, new_size, flags);
}

#ifdef CONFIG_CXX
EXPORT_SYMBOL_GPL(cxx_kmalloc);
EXPORT_SYMBOL_GPL(cxx_krealloc);
#endif
