// SPDX-License-Identifier: GPL-2.0
/*
 * The over-aligned forms of operator new, on kmalloc() (their deletes are
 * plain kfree(), in new.cpp).
 *
 * kmalloc() returns memory aligned to at least ARCH_KMALLOC_MINALIGN, and to
 * the size's power of two for power-of-two sizes up to PAGE_SIZE. An
 * over-aligned request is therefore rounded up to a multiple of its
 * alignment, which kmalloc() then honours; alignments above PAGE_SIZE are
 * refused (nullptr) rather than silently misaligned.
 */
#include <cxx/new.h>

namespace {

constexpr cxx::size_t page_size = ::PAGE_SIZE;

void *alloc(cxx::size_t size, cxx::Gfp gfp)
{
	return ::kmalloc(size ? size : 1, cxx::gfp_flags(gfp));
}

void *alloc_aligned(cxx::size_t size, std::align_val_t align, cxx::Gfp gfp)
{
	cxx::size_t a = static_cast<cxx::size_t>(align);

	if (a <= ::ARCH_KMALLOC_MINALIGN)
		return alloc(size, gfp);
	if (a > page_size || (a & (a - 1)))
		return nullptr;
	/* A power-of-two size >= a gets a-aligned memory from kmalloc(). */
	cxx::size_t rounded = a;
	while (rounded < size) {
		if (rounded > ::KMALLOC_MAX_SIZE / 2)
			return nullptr;
		rounded <<= 1;
	}
	return alloc(rounded, gfp);
}

} /* namespace */

void *operator new(cxx::size_t size, std::align_val_t align) noexcept
{
	return alloc_aligned(size, align, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size, std::align_val_t align) noexcept
{
	return alloc_aligned(size, align, cxx::GFP_KERNEL);
}
void *operator new(cxx::size_t size, std::align_val_t align,
		   const std::nothrow_t &) noexcept
{
	return alloc_aligned(size, align, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size, std::align_val_t align,
		     const std::nothrow_t &) noexcept
{
	return alloc_aligned(size, align, cxx::GFP_KERNEL);
}
void *operator new(cxx::size_t size, std::align_val_t align,
		   cxx::Gfp gfp) noexcept
{
	return alloc_aligned(size, align, gfp);
}
void *operator new[](cxx::size_t size, std::align_val_t align,
		     cxx::Gfp gfp) noexcept
{
	return alloc_aligned(size, align, gfp);
}
