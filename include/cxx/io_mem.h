/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: I/O memory
 *
 * IoMem<SIZE> reaches SIZE bytes of memory-mapped I/O (a PCI BAR mapped by
 * pci::Bar, or any ioremap()ped region) the way Rust's Io<SIZE> does:
 *
 *	bar.write32<0x04>(v);			// offset checked at compile time
 *	u32 id = bar.read32<0x00>();
 *	u32 x = TRY(bar.try_read32(off));	// checked at run time: EINVAL
 *
 * A constant offset past SIZE, or not aligned to the access, does not
 * compile; a run-time offset is checked and fails with EINVAL. Accesses
 * are C's readl()/writel() family: one access of that width, ordered
 * against other I/O and memory as C's are (on x86 the same mov
 * instruction with a compiler barrier, inline; elsewhere the C functions).
 * IoMem does not own the mapping: what maps it (pci::Bar) unmaps it.
 */
#ifndef _CXX_IO_MEM_H
#define _CXX_IO_MEM_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>

namespace cxx {

namespace io_detail {
#ifdef CONFIG_X86
/* arch/x86/include/asm/io.h build_mmio_read()/build_mmio_write(). */
template <typename T> inline T read(const volatile void *addr)
{
	T v;
	asm volatile("mov %1,%0" : "=r"(v) : "m"(*static_cast<const volatile T *>(addr)) : "memory");
	return v;
}
template <typename T> inline void write(volatile void *addr, T v)
{
	asm volatile("mov %0,%1" : : "r"(v), "m"(*static_cast<volatile T *>(addr)) : "memory");
}
#else
template <typename T> inline T read(const volatile void *addr)
{
	if constexpr (sizeof(T) == 8)
		return ::readq(addr);
	else
		return ::readl(addr);
}
template <typename T> inline void write(volatile void *addr, T v)
{
	if constexpr (sizeof(T) == 8)
		::writeq(v, addr);
	else
		::writel(v, addr);
}
#endif
} /* namespace io_detail */

/** class IoMem - SIZE bytes of mapped I/O memory, borrowed. */
template <size_t SIZE> class IoMem {
	static_assert(SIZE >= sizeof(u64), "IoMem: too small for a 64-bit access");

public:
	/** IoMem(addr) - @addr must map at least SIZE bytes. */
	explicit IoMem(void *addr) : addr_(addr) {}

	/** size - the bytes reachable. */
	static constexpr size_t size = SIZE;

	/** read32<OFFSET>() - readl() at a constant offset, checked at compile time. */
	template <size_t OFFSET> u32 read32() const
	{
		check<OFFSET, u32>();
		return io_detail::read<u32>(at(OFFSET));
	}
	/** write32<OFFSET>(v) - writel() at a constant offset. */
	template <size_t OFFSET> void write32(u32 v) const
	{
		check<OFFSET, u32>();
		io_detail::write<u32>(at(OFFSET), v);
	}
	/** read64<OFFSET>() - readq() at a constant offset. */
	template <size_t OFFSET> u64 read64() const
	{
		check<OFFSET, u64>();
		return io_detail::read<u64>(at(OFFSET));
	}
	/** write64<OFFSET>(v) - writeq() at a constant offset. */
	template <size_t OFFSET> void write64(u64 v) const
	{
		check<OFFSET, u64>();
		io_detail::write<u64>(at(OFFSET), v);
	}

	/** try_read32() - readl() at @offset, or EINVAL if out of range or unaligned. */
	Result<u32> try_read32(size_t offset) const
	{
		TRY(valid<u32>(offset));
		return io_detail::read<u32>(at(offset));
	}
	/** try_write32() - writel() at @offset, or EINVAL (nothing written). */
	Result<> try_write32(size_t offset, u32 v) const
	{
		TRY(valid<u32>(offset));
		io_detail::write<u32>(at(offset), v);
		return {};
	}

	/** as_ptr() - the mapping's address, for C (void __iomem *). */
	void *as_ptr() const { return addr_; }

protected:
	void *addr_;

private:
	template <size_t OFFSET, typename T> static constexpr void check()
	{
		static_assert(OFFSET + sizeof(T) <= SIZE, "IoMem: offset out of range");
		static_assert(OFFSET % sizeof(T) == 0, "IoMem: offset not aligned to the access");
	}
	template <typename T> static Result<> valid(size_t offset)
	{
		if (offset > SIZE - sizeof(T) || offset % sizeof(T))
			return code::EINVAL;
		return {};
	}
	volatile char *at(size_t offset) const { return static_cast<volatile char *>(addr_) + offset; }
};

} /* namespace cxx */

#endif /* _CXX_IO_MEM_H */
