// SPDX-License-Identifier: GPL-2.0
/*
 * A PCI driver for QEMU's educational device (-device edu, vendor 0x1234,
 * device 0x11e8; QEMU's docs/specs/edu.rst), the C++ twin of Rust's
 * rust_driver_pci. Each bound device serves /dev/cxx_edu, whose ioctls
 * (C spelling, type 0xED):
 *
 *  - IDENT _IOR(0xED, 0, __u32): the identification register (0x010000ed);
 *  - LIVENESS _IOWR(0xED, 1, __u32): writes the value, reads back its
 *    bitwise inverse, as the device computes it;
 *  - FACTORIAL _IOWR(0xED, 2, __u32): n in, n! out, computed by the device,
 *    which raises an interrupt when done (Completion, up to 2 s, then
 *    ETIMEDOUT); n > 12 (n! beyond 32 bits) is EINVAL;
 *  - FACTORIAL_NO_IRQ _IOWR(0xED, 3, __u32): the same without asking for
 *    the interrupt: always ETIMEDOUT after 2 s, never a hang;
 *  - DMA _IOW(0xED, 4, struct edu_dma { __u64 src, dst; __u32 len, pad; }):
 *    copies len bytes from src into the device's buffer by DMA, and back
 *    from it by DMA to dst; len 0 or beyond 4095 is EINVAL (QEMU's edu
 *    refuses a transfer that reaches the last byte of its 4 KiB buffer,
 *    and stops the whole machine: edu_check_range() in QEMU 7.2).
 *
 * A bad user pointer is EFAULT; any other command ENOTTY. Requests are
 * served one at a time. Unbinding the device (sysfs unbind, rmmod) revokes
 * it from files still open: their requests then fail with ENODEV.
 */
#include <cxx/prelude.h>
#include <cxx/arc.h>
#include <cxx/completion.h>
#include <cxx/dma.h>
#include <cxx/io_mem.h>
#include <cxx/ioctl.h>
#include <cxx/irq.h>
#include <cxx/miscdev.h>
#include <cxx/mutex.h>
#include <cxx/pci.h>

namespace {

/* Registers of BAR 0 (QEMU hw/misc/edu.c). */
constexpr size_t EDU_SIZE = 0x100;
constexpr size_t IDENT = 0x00, LIVENESS = 0x04, FACT = 0x08, STATUS = 0x20;
constexpr size_t IRQ_STATUS = 0x24, IRQ_ACK = 0x64;
constexpr size_t DMA_SRC = 0x80, DMA_DST = 0x88, DMA_CNT = 0x90, DMA_CMD = 0x98;
constexpr u32 STATUS_COMPUTING = 0x01, STATUS_IRQFACT = 0x80;
constexpr u64 DMA_START = 0x1, DMA_TO_RAM = 0x2, DMA_IRQ = 0x4;
/* The device's DMA buffer, in its own address space, and what it reaches. */
constexpr u64 EDU_BUF_ADDR = 0x40000;
constexpr u32 EDU_BUF_SIZE = 4096, EDU_DMA_BITS = 28;
/* The most one transfer may move: edu_check_range() wants end < 0x41000. */
constexpr u32 EDU_DMA_MAX = EDU_BUF_SIZE - 1;
constexpr unsigned int TIMEOUT_MS = 2000;

struct EduDma {
	u64 src;
	u64 dst;
	u32 len;
	u32 pad;
};

constexpr unsigned int IDENT_CMD = cxx::ior<u32>(0xED, 0);
constexpr unsigned int LIVENESS_CMD = cxx::iowr<u32>(0xED, 1);
constexpr unsigned int FACTORIAL_CMD = cxx::iowr<u32>(0xED, 2);
constexpr unsigned int FACTORIAL_NO_IRQ_CMD = cxx::iowr<u32>(0xED, 3);
constexpr unsigned int DMA_CMD_IOCTL = cxx::iow<EduDma>(0xED, 4);

CXX_PCI_DEVICE_TABLE(cxx_edu_ids, cxx::pci::device_id(0x1234, 0x11e8));

/* What probe() took from the device; destroyed in reverse order. */
struct Hw {
	cxx::pci::Enabled enabled;
	cxx::pci::Regions regions;
	cxx::pci::Bar<EDU_SIZE> bar;
	cxx::pci::BusMaster master;
	cxx::pci::IrqVectors vectors;
	cxx::DmaCoherent<u8> buf;
	cxx::Completion done;	/* completed by the interrupt handler */

	/* Wait until no factorial is computing (the device ignores a new one). */
	cxx::Result<> wait_idle()
	{
		for (int i = 0; i < TIMEOUT_MS; i++) {
			if (!(bar.read32<STATUS>() & STATUS_COMPUTING))
				return {};
			msleep(1);
		}
		return cxx::code::EBUSY;
	}

	cxx::Result<u32> factorial(u32 n, bool irq)
	{
		if (n > 12)	/* 13! does not fit in 32 bits */
			return cxx::code::EINVAL;
		TRY(wait_idle());
		done.reinit();
		bar.write32<STATUS>(irq ? STATUS_IRQFACT : 0);
		bar.write32<FACT>(n);
		TRY(done.wait_timeout(msecs_to_jiffies(TIMEOUT_MS)));
		return bar.read32<FACT>();
	}

	/* One DMA transfer of @len bytes between buf and the device's buffer. */
	cxx::Result<> dma(bool to_device, u32 len)
	{
		done.reinit();
		bar.write64<DMA_SRC>(to_device ? buf.dma_handle() : EDU_BUF_ADDR);
		bar.write64<DMA_DST>(to_device ? EDU_BUF_ADDR : buf.dma_handle());
		bar.write64<DMA_CNT>(len);
		bar.write64<DMA_CMD>(DMA_START | DMA_IRQ | (to_device ? 0 : DMA_TO_RAM));
		return done.wait_timeout(msecs_to_jiffies(TIMEOUT_MS)).is_ok() ?
			       cxx::Result<>() : cxx::Result<>(cxx::code::ETIMEDOUT);
	}

	cxx::Result<> dma_round_trip(const EduDma &req)
	{
		if (req.len == 0 || req.len > EDU_DMA_MAX)
			return cxx::code::EINVAL;
		cxx::UserSliceReader in(reinterpret_cast<void *>(req.src), req.len);
		TRY(in.read_raw(buf.data(), req.len));
		TRY(dma(true, req.len));
		memset(buf.data(), 0, req.len);	/* what comes back came from the device */
		TRY(dma(false, req.len));
		cxx::UserSliceWriter out(reinterpret_cast<void *>(req.dst), req.len);
		return out.write_raw(buf.data(), req.len);
	}
};

/* The interrupt handler: acknowledges and completes the waiting request. */
struct Handler {
	Hw &hw;

	cxx::IrqReturn handle()
	{
		u32 status = hw.bar.read32<IRQ_STATUS>();
		if (!status)
			return cxx::IrqReturn::None;
		hw.bar.write32<IRQ_ACK>(status);
		hw.done.complete();
		return cxx::IrqReturn::Handled;
	}
};

/* What open files share: the device's Hw, nullptr once it is unbound. */
struct Shared {
	cxx::Mutex<Hw *> hw{CXX_LOCK_CLASS("cxx_edu.hw"), nullptr};
};

/* One open file of /dev/cxx_edu. */
class EduFile {
public:
	using Shared = ::Shared;

	explicit EduFile(const cxx::Arc<Shared> &shared) : shared_(shared) {}

	static cxx::Result<cxx::Box<EduFile>> open(cxx::File &, const cxx::Arc<Shared> &shared)
	{
		return cxx::Box<EduFile>::try_new(cxx::GFP_KERNEL, shared);
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long arg)
	{
		void *user = reinterpret_cast<void *>(arg);
		auto hw = shared_.get().hw.lock();	/* one request at a time */

		if (!*hw)
			return cxx::code::ENODEV;	/* unbound */
		cxx::IoMem<EDU_SIZE> &bar = (*hw)->bar;
		switch (cmd) {
		case IDENT_CMD:
			TRY(cxx::UserSliceWriter(user, sizeof(u32)).write(bar.read32<IDENT>()));
			return 0;
		case LIVENESS_CMD: {
			u32 v = TRY(cxx::UserSliceReader(user, sizeof(u32)).read<u32>());
			bar.write32<LIVENESS>(v);
			TRY(cxx::UserSliceWriter(user, sizeof(u32)).write(bar.read32<LIVENESS>()));
			return 0;
		}
		case FACTORIAL_CMD:
		case FACTORIAL_NO_IRQ_CMD: {
			u32 n = TRY(cxx::UserSliceReader(user, sizeof(u32)).read<u32>());
			u32 r = TRY((*hw)->factorial(n, cmd == FACTORIAL_CMD));
			TRY(cxx::UserSliceWriter(user, sizeof(u32)).write(r));
			return 0;
		}
		case DMA_CMD_IOCTL: {
			EduDma req = TRY(cxx::UserSliceReader(user, sizeof(EduDma)).read<EduDma>());
			TRY((*hw)->dma_round_trip(req));
			return 0;
		}
		default:
			return cxx::code::ENOTTY;
		}
	}

private:
	cxx::Arc<Shared> shared_;
};

/* A bound device: its driver data, destroyed when it is unbound. */
struct Edu {
	cxx::Box<Hw> hw;
	cxx::Box<cxx::IrqRegistration<Handler>> irq;	/* freed before hw */
	cxx::Box<cxx::MiscDevice<EduFile>> misc;	/* deregistered first */

	Edu(cxx::Box<Hw> h, cxx::Box<cxx::IrqRegistration<Handler>> i,
	    cxx::Box<cxx::MiscDevice<EduFile>> m)
		: hw(cxx::move(h)), irq(cxx::move(i)), misc(cxx::move(m))
	{
		*misc->shared().get().hw.lock() = hw.get();
	}

	/* Revoke the hardware from open files (waits for a request running). */
	~Edu()
	{
		*misc->shared().get().hw.lock() = nullptr;
		dev_info(misc->device(), "unbound\n");
	}

	static cxx::Result<cxx::Box<Edu>> probe(cxx::pci::Device &pdev, const struct pci_device_id &)
	{
		auto enabled = TRY(pdev.enable());
		auto regions = TRY(pdev.request_regions("cxx_driver_pci"));
		auto bar = TRY(pdev.iomap<EDU_SIZE>(0));
		auto master = pdev.set_master();
		TRY(cxx::dma_set_mask_and_coherent(pdev.device(), EDU_DMA_BITS));
		auto buf = TRY(cxx::DmaCoherent<u8>::try_new(pdev.device(), EDU_BUF_SIZE,
							     cxx::GFP_KERNEL));
		auto vectors = TRY(pdev.alloc_irq_vectors(1, 1, PCI_IRQ_ALL_TYPES));
		unsigned int irq = TRY(pdev.irq_vector(0));
		auto hw = TRY(cxx::Box<Hw>::try_new(cxx::GFP_KERNEL, cxx::move(enabled),
						    cxx::move(regions), cxx::move(bar),
						    cxx::move(master), cxx::move(vectors),
						    cxx::move(buf)));
		auto reg = TRY(cxx::IrqRegistration<Handler>::try_new(irq, IRQF_SHARED,
									 "cxx_edu", *hw));
		auto misc = TRY(cxx::MiscDevice<EduFile>::try_new(
			cxx::MiscOptions("cxx_edu").mode(0666).parent(pdev.device())));
		u32 ident = hw->bar.read32<IDENT>();
		dev_info(pdev.device(), "edu %u.%u, irq %u, /dev/cxx_edu\n", ident >> 24,
			 (ident >> 16) & 0xff, irq);
		return cxx::Box<Edu>::try_new(cxx::GFP_KERNEL, cxx::move(hw), cxx::move(reg),
					      cxx::move(misc));
	}
};

} /* namespace */

struct CxxDriverPci {
	cxx::Box<cxx::pci::Driver<Edu>> drv;

	static cxx::Result<CxxDriverPci> init(cxx::ThisModule &)
	{
		auto drv = TRY(cxx::pci::Driver<Edu>::try_new(cxx_edu_ids));
		return cxx::Ok<CxxDriverPci>(cxx::move(drv));
	}
};

MODULE(CxxDriverPci,
       name = "cxx_driver_pci",
       author = "C++ for Linux Contributors",
       description = "C++ PCI driver sample for QEMU's edu device",
       license = "GPL");
