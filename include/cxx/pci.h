/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: PCI drivers
 *
 * A PCI driver is a class T with a probe() that builds T for a device it
 * matched; the T belongs to the bound device (its driver data) and is
 * destroyed when the device is unbound (remove: driver unbind, device
 * removal, rmmod). Everything probe() takes from the device is an RAII
 * object that T keeps, so any failure in probe(), and the destruction of
 * T, undo exactly what was done, in reverse order:
 *
 *	CXX_PCI_DEVICE_TABLE(my_ids, cxx::pci::device_id(0x1234, 0x11e8));
 *
 *	struct MyDriver {
 *		cxx::pci::Enabled enabled;	// pci_disable_device() last
 *		cxx::pci::Regions regions;
 *		cxx::pci::Bar<0x100> bar;	// pci_iounmap()
 *		cxx::pci::BusMaster master;	// pci_clear_master() first
 *
 *		static cxx::Result<cxx::Box<MyDriver>> probe(cxx::pci::Device &pdev,
 *							     const struct pci_device_id &id)
 *		{
 *			auto enabled = TRY(pdev.enable());
 *			auto regions = TRY(pdev.request_regions("my_driver"));
 *			auto bar = TRY(pdev.iomap<0x100>(0));
 *			auto master = pdev.set_master();
 *			return cxx::Box<MyDriver>::try_new(cxx::GFP_KERNEL, ...moves...);
 *		}
 *	};
 *
 *	// in the module: registered until it is destroyed
 *	auto drv = TRY(cxx::pci::Driver<MyDriver>::try_new(my_ids));
 *
 * CXX_PCI_DEVICE_TABLE() emits the table and its MODULE_DEVICE_TABLE(pci)
 * alias at compile time: modinfo then shows
 * "alias: pci:v00001234d000011E8sv*sd*bc*sc*i*" and udev loads the module
 * for the device. The driver is named after the module (KBUILD_MODNAME):
 * /sys/bus/pci/drivers/<module>.
 */
#ifndef _CXX_PCI_H
#define _CXX_PCI_H

#include <generated/cxx/bindings.h>
#include <cxx/box.h>
#include <cxx/cstr.h>
#include <cxx/error.h>
#include <cxx/io_mem.h>
#include <cxx/this_module.h>
#include <cxx/utility.h>

namespace cxx::pci {

/**
 * device_id() - a table entry matching @vendor and @device, any subsystem
 * (C's PCI_DEVICE()), with @data as its driver_data.
 */
constexpr struct pci_device_id device_id(u32 vendor, u32 device, unsigned long data = 0)
{
	struct pci_device_id id = {};
	id.vendor = vendor;
	id.device = device;
	id.subvendor = ::PCI_ANY_ID;
	id.subdevice = ::PCI_ANY_ID;
	id.driver_data = data;
	return id;
}

/**
 * class Hold - one thing done to a PCI device, undone by Release(pdev) on
 * destruction. Moves, never copies.
 */
template <void (*Release)(struct pci_dev *)> class Hold {
public:
	explicit Hold(struct pci_dev *pdev) : pdev_(pdev) {}
	Hold(Hold &&o) : pdev_(o.pdev_) { o.pdev_ = nullptr; }
	Hold(const Hold &) = delete;
	Hold &operator=(const Hold &) = delete;
	Hold &operator=(Hold &&) = delete;
	~Hold()
	{
		if (pdev_)
			Release(pdev_);
	}

private:
	struct pci_dev *pdev_;
};

/** Enabled - pci_enable_device(); pci_disable_device() when destroyed. */
using Enabled = Hold<::pci_disable_device>;
/** Regions - pci_request_regions(); pci_release_regions() when destroyed. */
using Regions = Hold<::pci_release_regions>;
/** BusMaster - pci_set_master(); pci_clear_master() when destroyed. */
using BusMaster = Hold<::pci_clear_master>;
/** IrqVectors - pci_alloc_irq_vectors(); pci_free_irq_vectors() when destroyed. */
using IrqVectors = Hold<::pci_free_irq_vectors>;

/**
 * class Bar - BAR @bar mapped (pci_iomap()), at least SIZE bytes of it,
 * reached as an IoMem<SIZE>; pci_iounmap() when destroyed.
 */
template <size_t SIZE> class Bar : public IoMem<SIZE> {
public:
	Bar(struct pci_dev *pdev, void *addr) : IoMem<SIZE>(addr), pdev_(pdev) {}
	Bar(Bar &&o) : IoMem<SIZE>(o.addr_), pdev_(o.pdev_) { o.pdev_ = nullptr; }
	Bar(const Bar &) = delete;
	Bar &operator=(const Bar &) = delete;
	Bar &operator=(Bar &&) = delete;
	~Bar()
	{
		if (pdev_)
			::pci_iounmap(pdev_, this->addr_);
	}

private:
	struct pci_dev *pdev_;
};

/** class Device - a struct pci_dev, borrowed while its driver is bound. */
class Device {
public:
	explicit Device(struct pci_dev *pdev) : pdev_(pdev) {}

	/** as_ptr() - the struct pci_dev, for C. */
	struct pci_dev *as_ptr() const { return pdev_; }
	/** device() - its struct device (dev_*() printing, DMA, DeviceRef). */
	struct device *device() const { return &pdev_->dev; }
	/** vendor_id(), device_id(), revision() - from its configuration space. */
	u16 vendor_id() const { return pdev_->vendor; }
	u16 device_id() const { return pdev_->device; }
	u8 revision() const { return pdev_->revision; }

	/** resource_len() - the size of BAR @bar in bytes (pci_resource_len()), 0 if none. */
	u64 resource_len(unsigned int bar) const
	{
		const struct resource &r = pdev_->resource[bar];
		return bar < ::PCI_STD_NUM_BARS && r.end ? r.end - r.start + 1 : 0;
	}

	/** enable() - pci_enable_device(): wake it, assign its resources. */
	Result<Enabled> enable()
	{
		TRY(to_result(::pci_enable_device(pdev_)));
		return Ok<Enabled>(pdev_);
	}
	/** request_regions() - claim its BARs under @name (a literal). */
	Result<Regions> request_regions(CStr name)
	{
		TRY(to_result(::pci_request_regions(pdev_, name.c_str())));
		return Ok<Regions>(pdev_);
	}
	/**
	 * iomap() - map BAR @bar as an IoMem<SIZE>: ENODEV if the BAR is
	 * smaller than SIZE (or absent), ENOMEM if mapping fails.
	 */
	template <size_t SIZE> Result<Bar<SIZE>> iomap(unsigned int bar)
	{
		if (resource_len(bar) < SIZE)
			return code::ENODEV;
		void *addr = ::pci_iomap(pdev_, bar, SIZE);
		if (!addr)
			return code::ENOMEM;
		return Ok<Bar<SIZE>>(pdev_, addr);
	}
	/** set_master() - let it initiate DMA (pci_set_master()). */
	BusMaster set_master()
	{
		::pci_set_master(pdev_);
		return BusMaster(pdev_);
	}
	/**
	 * alloc_irq_vectors() - @min to @max interrupt vectors of the @types
	 * (PCI_IRQ_MSIX, PCI_IRQ_MSI, PCI_IRQ_LEGACY, PCI_IRQ_ALL_TYPES).
	 */
	Result<IrqVectors> alloc_irq_vectors(unsigned int min, unsigned int max, unsigned int types)
	{
		TRY(to_result(::pci_alloc_irq_vectors(pdev_, min, max, types)));
		return Ok<IrqVectors>(pdev_);
	}
	/** irq_vector() - the Linux IRQ number of vector @nr. */
	Result<unsigned int> irq_vector(unsigned int nr) const
	{
		int irq = ::pci_irq_vector(pdev_, nr);
		TRY(to_result(irq));
		return static_cast<unsigned int>(irq);
	}

private:
	struct pci_dev *pdev_;
};

namespace detail {
template <typename T> concept HasProbe = requires(Device &d, const struct pci_device_id &id) {
	{ T::probe(d, id) } -> same_as<Result<Box<T>>>;
};
} /* namespace detail */

/**
 * class Driver - T registered as a PCI driver for the devices of a table
 * (CXX_PCI_DEVICE_TABLE()); unregistered (every device unbound, its T
 * destroyed) when destroyed. Never moves.
 *
 * T provides `static Result<Box<T>> probe(Device &, const struct
 * pci_device_id &)`. Its Box becomes the device's driver data; unbinding
 * destroys it (T's destructor is C's remove()).
 */
template <typename T> class Driver {
	static_assert(detail::HasProbe<T>,
		      "pci::Driver: expected static Result<Box<T>> probe(pci::Device &, const struct pci_device_id &)");

public:
	/** try_new() - register for the devices of @ids, named after the module. */
	static Result<Box<Driver>> try_new(const struct pci_device_id *ids)
	{
		auto d = TRY(Box<Driver>::try_new(GFP_KERNEL, ids));
		TRY(to_result(::__pci_register_driver(&d->drv_, CXX_THIS_MODULE_PTR,
						      KBUILD_MODNAME)));
		d->registered_ = true;
		return d;
	}

	Driver(const Driver &) = delete;
	Driver &operator=(const Driver &) = delete;
	~Driver()
	{
		if (registered_)
			::pci_unregister_driver(&drv_);
	}

	/** data() - the T of a bound device of this driver. */
	static T *data(struct pci_dev *pdev) { return static_cast<T *>(::dev_get_drvdata(&pdev->dev)); }

private:
	friend class Box<Driver>;

	explicit Driver(const struct pci_device_id *ids)
	{
		drv_.name = KBUILD_MODNAME;
		drv_.id_table = ids;
		drv_.probe = probe;
		drv_.remove = remove;
	}

	static int probe(struct pci_dev *pdev, const struct pci_device_id *id)
	{
		Device dev(pdev);
		Result<Box<T>> r = T::probe(dev, *id);
		if (!r)
			return r.error().to_errno();
		::dev_set_drvdata(&pdev->dev, r.value().release());
		return 0;
	}

	static void remove(struct pci_dev *pdev)
	{
		Box<T>::from_raw(data(pdev));
		::dev_set_drvdata(&pdev->dev, nullptr);
	}

	struct pci_driver drv_ = {};
	bool registered_ = false;
};

} /* namespace cxx::pci */

/**
 * CXX_PCI_DEVICE_TABLE() - a PCI id table, the entries
 * (cxx::pci::device_id(...)) followed by the terminating zero entry, and
 * its MODULE_DEVICE_TABLE(pci, name) alias, which modpost turns into the
 * module's "alias=pci:v...d..." lines. At namespace scope; @name is a C
 * symbol (extern "C"), unique in the module.
 */
#define CXX_PCI_DEVICE_TABLE(name, ...)                                       \
	extern "C" const struct pci_device_id name[] = { __VA_ARGS__, {} };   \
	extern "C" const struct pci_device_id                                 \
		__mod_pci__##name##_device_table[sizeof(name) / sizeof(name[0])] \
		__attribute__((unused, alias(#name)))

#endif /* _CXX_PCI_H */
