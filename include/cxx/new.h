/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: operator new and delete on the kernel's slab allocator
 *
 * Every form of operator new allocates with kmalloc() and every operator
 * delete frees with kfree() (cxx/new.cpp). Allocation never panics and never
 * throws: a failed allocation yields nullptr, and since C++ for Linux builds
 * with -fcheck-new, the compiler tests for it before running a constructor,
 * so `new T` is safe to check against nullptr. Containers such as cxx::Vec
 * return a cxx::Result instead, so their failures cannot be ignored.
 *
 * The gfp flags default to GFP_KERNEL; pass others as a placement argument:
 *
 *	Foo *p = new (cxx::GFP_ATOMIC) Foo(1, 2);
 *	if (!p)
 *		return cxx::code::ENOMEM;
 *
 * kmalloc() aligns only to ARCH_KMALLOC_MINALIGN (8 on x86-64), so C++ for
 * Linux compiles with -faligned-new=8: every type aligned above 8 goes
 * through the aligned forms (cxx/new_aligned.cpp), which round the size as
 * kmalloc_size_aligned() says when kmalloc() alone would not do.
 */
#ifndef _CXX_NEW_H
#define _CXX_NEW_H

#include <generated/cxx/bindings.h>
#include <cxx/utility.h>

namespace std {
/** align_val_t - g++ passes an over-aligned type's alignment as this. */
enum class align_val_t : cxx::size_t {};
/** nothrow_t - tag of the non-throwing forms (every form is, here). */
struct nothrow_t {
	explicit nothrow_t() = default;
};
/** nothrow - the tag value, as `new (std::nothrow) T`. */
inline constexpr nothrow_t nothrow{};
} /* namespace std */

static_assert(__STDCPP_DEFAULT_NEW_ALIGNMENT__ <= ::ARCH_KMALLOC_MINALIGN,
	      "plain operator new (kmalloc) would get types aligned above "
	      "ARCH_KMALLOC_MINALIGN: compile with -faligned-new=N, N at most "
	      "ARCH_KMALLOC_MINALIGN (scripts/Makefile.cxx)");

namespace cxx {

/**
 * kmalloc_size_aligned() - the size to ask kmalloc() for, so that @size
 * bytes come back aligned to @align: @size itself (1 for 0) if kmalloc()'s
 * minimum alignment suffices, otherwise the smallest power of two that is at
 * least @size and @align, which kmalloc() aligns naturally. 0 if there is
 * none: @align not a power of two or above PAGE_SIZE, or too large a size.
 */
constexpr size_t kmalloc_size_aligned(size_t size, size_t align)
{
	if (align <= ::ARCH_KMALLOC_MINALIGN)
		return size ? size : 1;
	if (align > ::PAGE_SIZE || (align & (align - 1)))
		return 0;
	size_t rounded = align;
	while (rounded < size) {
		if (rounded > ::KMALLOC_MAX_SIZE / 2)
			return 0;
		rounded <<= 1;
	}
	return rounded;
}

/**
 * enum Gfp - allocation flags (gfp_t) for operator new and containers.
 * An enum, not a struct, so that it is a constant in registers, never an
 * object in memory.
 */
enum class Gfp : ::gfp_t {};

/** GFP_KERNEL - may sleep; the default for every allocation. */
inline constexpr Gfp GFP_KERNEL = Gfp(::GFP_KERNEL);
/** GFP_ATOMIC - never sleeps; for atomic context and interrupt handlers. */
inline constexpr Gfp GFP_ATOMIC = Gfp(::GFP_ATOMIC);
/** GFP_NOWAIT - never sleeps, does not dip into atomic reserves. */
inline constexpr Gfp GFP_NOWAIT = Gfp(::GFP_NOWAIT);
/** GFP_NOIO - may sleep but starts no I/O. */
inline constexpr Gfp GFP_NOIO = Gfp(::GFP_NOIO);
/** GFP_NOFS - may sleep but does not call into filesystems. */
inline constexpr Gfp GFP_NOFS = Gfp(::GFP_NOFS);

/** operator| - add a modifier, e.g. GFP_KERNEL | GFP_ZERO. */
constexpr Gfp operator|(Gfp a, Gfp b)
{
	return Gfp(static_cast<::gfp_t>(a) |
		   static_cast<::gfp_t>(b));
}
/** gfp_flags() - the gfp_t to pass to C. */
constexpr ::gfp_t gfp_flags(Gfp g)
{
	return static_cast<::gfp_t>(g);
}
/** GFP_ZERO - modifier: return zeroed memory. */
inline constexpr Gfp GFP_ZERO = Gfp(::__GFP_ZERO);
/** GFP_NOWARN - modifier: no warning when the allocation fails. */
inline constexpr Gfp GFP_NOWARN = Gfp(::__GFP_NOWARN);

} /* namespace cxx */

/*
 * The replaceable forms. All are noexcept: with -fno-exceptions nothing can
 * throw, and a noexcept operator new obliges g++ to check for nullptr.
 * clang, which only reads this code (clangd in an editor: the build is
 * g++'s), declares the first four implicitly without noexcept and refuses
 * them with it (CXX_NEW_NOEXCEPT).
 */
#ifdef __clang__
#define CXX_NEW_NOEXCEPT
#else
#define CXX_NEW_NOEXCEPT noexcept
#endif
void *operator new(cxx::size_t size) CXX_NEW_NOEXCEPT;
void *operator new[](cxx::size_t size) CXX_NEW_NOEXCEPT;
void *operator new(cxx::size_t size, std::align_val_t align) CXX_NEW_NOEXCEPT;
void *operator new[](cxx::size_t size, std::align_val_t align) CXX_NEW_NOEXCEPT;
void *operator new(cxx::size_t size, const std::nothrow_t &) noexcept;
void *operator new[](cxx::size_t size, const std::nothrow_t &) noexcept;
void *operator new(cxx::size_t size, std::align_val_t align,
		   const std::nothrow_t &) noexcept;
void *operator new[](cxx::size_t size, std::align_val_t align,
		     const std::nothrow_t &) noexcept;

/*
 * With explicit gfp flags. These are placement forms, not replaceable ones,
 * so they may be inline: a module that only allocates through them (Box,
 * Arc, Vec) links no operator new at all.
 */
/** operator new(size, gfp) - kmalloc(size, gfp); nullptr on failure. */
inline void *operator new(cxx::size_t size, cxx::Gfp gfp) noexcept
{
	/* kmalloc(0) returns ZERO_SIZE_PTR; C++ wants a unique pointer. */
	return ::kmalloc(size ? size : 1, cxx::gfp_flags(gfp));
}
/** operator new[](size, gfp) - kmalloc(size, gfp); nullptr on failure. */
inline void *operator new[](cxx::size_t size, cxx::Gfp gfp) noexcept
{
	return ::kmalloc(size ? size : 1, cxx::gfp_flags(gfp));
}
void *operator new(cxx::size_t size, std::align_val_t align,
		   cxx::Gfp gfp) noexcept;
void *operator new[](cxx::size_t size, std::align_val_t align,
		     cxx::Gfp gfp) noexcept;

void operator delete(void *p) noexcept;
void operator delete[](void *p) noexcept;
void operator delete(void *p, cxx::size_t size) noexcept;
void operator delete[](void *p, cxx::size_t size) noexcept;
void operator delete(void *p, std::align_val_t align) noexcept;
void operator delete[](void *p, std::align_val_t align) noexcept;
void operator delete(void *p, cxx::size_t size, std::align_val_t align) noexcept;
void operator delete[](void *p, cxx::size_t size,
		       std::align_val_t align) noexcept;
void operator delete(void *p, const std::nothrow_t &) noexcept;
void operator delete[](void *p, const std::nothrow_t &) noexcept;
void operator delete(void *p, std::align_val_t align,
		     const std::nothrow_t &) noexcept;
void operator delete[](void *p, std::align_val_t align,
		       const std::nothrow_t &) noexcept;
/* Matching deletes for the gfp forms, used if a constructor could fail. */
inline void operator delete(void *p, cxx::Gfp) noexcept { ::kfree(p); }
inline void operator delete[](void *p, cxx::Gfp) noexcept { ::kfree(p); }
void operator delete(void *p, std::align_val_t align, cxx::Gfp) noexcept;
void operator delete[](void *p, std::align_val_t align, cxx::Gfp) noexcept;

/** Placement new: construct in storage the caller owns. Never allocates. */
[[nodiscard]] inline void *operator new(cxx::size_t, void *where) noexcept
{
	return where;
}
/** Placement new[]: construct an array in storage the caller owns. */
[[nodiscard]] inline void *operator new[](cxx::size_t, void *where) noexcept
{
	return where;
}
inline void operator delete(void *, void *) noexcept {}
inline void operator delete[](void *, void *) noexcept {}

namespace cxx {

/**
 * kdelete() - what `delete p` does to a T from operator new: destroy *p
 * and kfree() it; nothing if @p is nullptr. For a T without a virtual
 * destructor this calls kfree() directly, so the owning types (Box, Arc)
 * link no operator delete; for one with a virtual destructor it is
 * `delete p`, which frees the whole most-derived object.
 */
template <typename T> inline void kdelete(T *p)
{
	if constexpr (__has_virtual_destructor(T)) {
		delete p;
	} else if (p) {
		p->~T();
		::kfree(const_cast<void *>(static_cast<const volatile void *>(p)));
	}
}

} /* namespace cxx */

#endif /* _CXX_NEW_H */
