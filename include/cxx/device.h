/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: device references
 *
 * ARef<Device> in Rust: a counted reference to a struct device. Taking one
 * (DeviceRef::get()) is get_device(); dropping it is put_device(), so the
 * struct device (not its driver binding: it may be unbound meanwhile)
 * stays valid as long as the DeviceRef lives:
 *
 *	cxx::DeviceRef dev = cxx::DeviceRef::get(&pdev->dev);
 *	dev_info(dev.as_ptr(), "still here\n");
 */
#ifndef _CXX_DEVICE_H
#define _CXX_DEVICE_H

#include <generated/cxx/bindings.h>
#include <cxx/utility.h>

namespace cxx {

/** class DeviceRef - one reference to a struct device. Empty only when moved from. */
class DeviceRef {
public:
	/** get() - a new reference to @dev (get_device()); @dev must be valid. */
	static DeviceRef get(struct device *dev) { return DeviceRef(::get_device(dev)); }

	DeviceRef(const DeviceRef &other) : dev_(::get_device(other.dev_)) {}
	DeviceRef(DeviceRef &&other) : dev_(other.dev_) { other.dev_ = nullptr; }
	DeviceRef &operator=(const DeviceRef &) = delete;
	DeviceRef &operator=(DeviceRef &&) = delete;
	~DeviceRef()
	{
		if (dev_)
			::put_device(dev_);
	}

	/** as_ptr() - the struct device, for C and the dev_*() printers. */
	struct device *as_ptr() const { return dev_; }
	/** name() - dev_name(): "0000:00:03.0" for a PCI device. */
	const char *name() const { return ::dev_name(dev_); }

private:
	explicit DeviceRef(struct device *dev) : dev_(dev) {}
	struct device *dev_;
};

} /* namespace cxx */

#endif /* _CXX_DEVICE_H */
