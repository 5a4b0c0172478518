// SPDX-License-Identifier: GPL-2.0
/*
 * operator new and delete, every form, on kmalloc() and kfree().
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
	/* kmalloc(0) returns ZERO_SIZE_PTR; C++ wants a unique pointer. */
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

void *operator new(cxx::size_t size) noexcept
{
	return alloc(size, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size) noexcept
{
	return alloc(size, cxx::GFP_KERNEL);
}
void *operator new(cxx::size_t size, std::align_val_t align) noexcept
{
	return alloc_aligned(size, align, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size, std::align_val_t align) noexcept
{
	return alloc_aligned(size, align, cxx::GFP_KERNEL);
}
void *operator new(cxx::size_t size, const std::nothrow_t &) noexcept
{
	return alloc(size, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size, const std::nothrow_t &) noexcept
{
	return alloc(size, cxx::GFP_KERNEL);
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
void *operator new(cxx::size_t size, cxx::Gfp gfp) noexcept
{
	return alloc(size, gfp);
}
void *operator new[](cxx::size_t size, cxx::Gfp gfp) noexcept
{
	return alloc(size, gfp);
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

/* kfree() accepts nullptr and finds the size itself: every delete is kfree. */
void operator delete(void *p) noexcept { kfree(p); }
void operator delete[](void *p) noexcept { kfree(p); }
void operator delete(void *p, cxx::size_t) noexcept { kfree(p); }
void operator delete[](void *p, cxx::size_t) noexcept { kfree(p); }
void operator delete(void *p, std::align_val_t) noexcept { kfree(p); }
void operator delete[](void *p, std::align_val_t) noexcept { kfree(p); }
void operator delete(void *p, cxx::size_t, std::align_val_t) noexcept
{
	kfree(p);
}
void operator delete[](void *p, cxx::size_t, std::align_val_t) noexcept
{
	kfree(p);
}
void operator delete(void *p, const std::nothrow_t &) noexcept { kfree(p); }
void operator delete[](void *p, const std::nothrow_t &) noexcept { kfree(p); }
void operator delete(void *p, std::align_val_t, const std::nothrow_t &) noexcept
{
	kfree(p);
}
void operator delete[](void *p, std::align_val_t,
		       const std::nothrow_t &) noexcept
{
	kfree(p);
}
void operator delete(void *p, cxx::Gfp) noexcept { kfree(p); }
void operator delete[](void *p, cxx::Gfp) noexcept { kfree(p); }
void operator delete(void *p, std::align_val_t, cxx::Gfp) noexcept { kfree(p); }
void operator delete[](void *p, std::align_val_t, cxx::Gfp) noexcept
{
	kfree(p);
}
