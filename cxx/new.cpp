// SPDX-License-Identifier: GPL-2.0
/*
 * operator new and delete on kmalloc() and kfree(): every replaceable form
 * but the over-aligned new, which is in new_aligned.cpp (separate, so that a
 * module links it only if it allocates over-aligned types). The gfp forms
 * are inline in include/cxx/new.h.
 */
#include <cxx/new.h>

namespace {

void *alloc(cxx::size_t size, cxx::Gfp gfp)
{
	/* kmalloc(0) returns ZERO_SIZE_PTR; C++ wants a unique pointer. */
	return ::kmalloc(size ? size : 1, cxx::gfp_flags(gfp));
}

} /* namespace */

void *operator new(cxx::size_t size) CXX_NEW_NOEXCEPT
{
	return alloc(size, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size) CXX_NEW_NOEXCEPT
{
	return alloc(size, cxx::GFP_KERNEL);
}
void *operator new(cxx::size_t size, const std::nothrow_t &) noexcept
{
	return alloc(size, cxx::GFP_KERNEL);
}
void *operator new[](cxx::size_t size, const std::nothrow_t &) noexcept
{
	return alloc(size, cxx::GFP_KERNEL);
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
void operator delete(void *p, std::align_val_t, cxx::Gfp) noexcept { kfree(p); }
void operator delete[](void *p, std::align_val_t, cxx::Gfp) noexcept
{
	kfree(p);
}
