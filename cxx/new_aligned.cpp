// SPDX-License-Identifier: GPL-2.0
/*
 * The over-aligned forms of operator new, on kmalloc() (their deletes are
 * plain kfree(), in new.cpp). g++ calls them for every type aligned above
 * __STDCPP_DEFAULT_NEW_ALIGNMENT__, which -faligned-new=8 sets to 8.
 *
 * kmalloc() returns memory aligned to at least ARCH_KMALLOC_MINALIGN, and to
 * the size for power-of-two sizes. An alignment above the minimum is
 * therefore honoured by asking for a power of two at least that large
 * (cxx::kmalloc_size_aligned()); alignments above PAGE_SIZE are refused
 * (nullptr) rather than silently misaligned.
 */
#include <cxx/new.h>

namespace {

void *alloc_aligned(cxx::size_t size, std::align_val_t align, cxx::Gfp gfp)
{
	cxx::size_t bytes = cxx::kmalloc_size_aligned(
		size, static_cast<cxx::size_t>(align));

	return bytes ? ::kmalloc(bytes, cxx::gfp_flags(gfp)) : nullptr;
}

} /* namespace */

void *operator new(cxx::size_t size, std::align_val_t align) CXX_NEW_NOEXCEPT
{
	return alloc_aligned(size, align, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size, std::align_val_t align) CXX_NEW_NOEXCEPT
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
