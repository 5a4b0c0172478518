/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: coherent DMA
 *
 * DmaCoherent<T> is an array of n T that a device and the CPU both reach
 * without cache maintenance (dma_alloc_coherent()): the CPU through
 * data()/get(i), the device at dma_handle(). Destroying it frees the
 * memory (dma_free_coherent()); it holds a reference to the device, and
 * must go before the device's driver is unbound (keep it in the driver
 * data, where remove() destroys it):
 *
 *	TRY(cxx::dma_set_mask_and_coherent(dev, 28));	// the device's reach
 *	auto buf = TRY(cxx::DmaCoherent<u8>::try_new(dev, 4096, cxx::GFP_KERNEL));
 *	device_write64(SRC, buf.dma_handle());
 *
 * T must be trivially copyable (the device writes its bytes); the memory
 * is zeroed. Access is bounds-checked: get(i) is nullptr from len() on.
 */
#ifndef _CXX_DMA_H
#define _CXX_DMA_H

#include <generated/cxx/bindings.h>
#include <cxx/device.h>
#include <cxx/error.h>
#include <cxx/new.h>

namespace cxx {

/**
 * dma_set_mask_and_coherent() - the device addresses @bits wide at most,
 * for streaming and coherent DMA; EIO if the platform cannot give that.
 */
inline Result<> dma_set_mask_and_coherent(struct device *dev, unsigned int bits)
{
	u64 mask = bits >= 64 ? ~0ULL : (1ULL << bits) - 1;	/* DMA_BIT_MASK() */
	return to_result(::dma_set_mask_and_coherent(dev, mask));
}

/** class DmaCoherent - n T in coherent DMA memory. Moves, never copies. */
template <typename T> class DmaCoherent {
	static_assert(__is_trivially_copyable(T), "DmaCoherent: T must be trivially copyable");

public:
	/** try_new() - @n zeroed T for @dev, or ENOMEM (also for n == 0 or too many). */
	static Result<DmaCoherent> try_new(struct device *dev, size_t n, Gfp gfp)
	{
		::dma_addr_t handle;
		if (n == 0 || n > SIZE_MAX / sizeof(T))
			return code::ENOMEM;
		void *cpu = ::dma_alloc_coherent(dev, n * sizeof(T), &handle,
						 static_cast<::gfp_t>(gfp) | ::__GFP_ZERO);
		if (!cpu)
			return code::ENOMEM;
		return DmaCoherent(DeviceRef::get(dev), static_cast<T *>(cpu), n, handle);
	}

	DmaCoherent(DmaCoherent &&o)
		: dev_(cxx::move(o.dev_)), cpu_(o.cpu_), n_(o.n_), handle_(o.handle_)
	{
		o.cpu_ = nullptr;
	}
	DmaCoherent(const DmaCoherent &) = delete;
	DmaCoherent &operator=(const DmaCoherent &) = delete;
	DmaCoherent &operator=(DmaCoherent &&) = delete;
	~DmaCoherent()
	{
		if (cpu_)
			::dma_free_coherent(dev_.as_ptr(), n_ * sizeof(T), cpu_, handle_);
	}

	/** len() - the number of elements. */
	size_t len() const { return n_; }
	/** size_bytes() - their size in bytes. */
	size_t size_bytes() const { return n_ * sizeof(T); }
	/** data() - the CPU's view of element 0. */
	T *data() const { return cpu_; }
	/** get() - element @i, or nullptr from len() on. */
	T *get(size_t i) const { return i < n_ ? cpu_ + i : nullptr; }
	/** dma_handle() - the address the device uses for element 0. */
	::dma_addr_t dma_handle() const { return handle_; }

private:
	DmaCoherent(DeviceRef dev, T *cpu, size_t n, ::dma_addr_t handle)
		: dev_(cxx::move(dev)), cpu_(cpu), n_(n), handle_(handle)
	{
	}

	DeviceRef dev_;
	T *cpu_;
	size_t n_;
	::dma_addr_t handle_;
};

} /* namespace cxx */

#endif /* _CXX_DMA_H */
