/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: misc devices
 *
 * MiscDevice<T> registers a misc character device (/dev/<name>, major 10)
 * whose open files are handled by class T (see cxx/file.h), and
 * deregisters it when destroyed. It lives on the heap (try_new() returns a
 * Box) because the misc core keeps pointers into it.
 *
 * T may declare `using Shared = S;`: the device then holds one S in an
 * Arc, built from try_new()'s extra arguments, and T::open() borrows the
 * Arc; the file object copies it to keep the state, so every open file of
 * the device reaches the same state, even after the device is destroyed
 * (a driver unbinding its device while files are open):
 *
 *	struct Shared { cxx::Mutex<long> value{CXX_LOCK_CLASS("value"), 0}; };
 *	struct MyFile {
 *		using Shared = ::Shared;
 *		static cxx::Result<cxx::Box<MyFile>> open(cxx::File &,
 *							  const cxx::Arc<Shared> &s);
 *		cxx::Arc<Shared> shared;	// copied from s by open()
 *		...
 *	};
 *	auto dev = TRY(cxx::MiscDevice<MyFile>::try_new(
 *		cxx::MiscOptions("mydev").mode(0666)));
 *
 * Without Shared, T::open() takes the File only. The misc core calls
 * open() under its lock, which misc_deregister() takes too, so the device
 * is alive during open(); afterwards open files reach only what they hold.
 */
#ifndef _CXX_MISCDEV_H
#define _CXX_MISCDEV_H

#include <generated/cxx/bindings.h>
#include <cxx/box.h>
#include <cxx/cstr.h>
#include <cxx/error.h>
#include <cxx/file.h>
#include <cxx/utility.h>

namespace cxx {

/**
 * class MiscOptions - how to register a misc device: its name (required:
 * a literal, or CStr::from_ptr() of a string that outlives the device)
 * and, optionally, mode, minor and parent. Chain the setters:
 * MiscOptions("x").mode(0600).minor(42).
 */
class MiscOptions {
public:
	constexpr explicit MiscOptions(CStr name) : name_(name.c_str()) {}
	/** mode() - permissions of the /dev node (default: the misc core's 0600). */
	constexpr MiscOptions &mode(umode_t mode)
	{
		mode_ = mode;
		return *this;
	}
	/** minor() - a fixed minor number (default: a dynamic one). */
	constexpr MiscOptions &minor(int minor)
	{
		minor_ = minor;
		return *this;
	}
	/** parent() - the parent device in sysfs (default: none). */
	constexpr MiscOptions &parent(struct device *parent)
	{
		parent_ = parent;
		return *this;
	}

private:
	template <typename T> friend class MiscDevice;
	const char *name_;
	umode_t mode_ = 0;
	int minor_ = MISC_DYNAMIC_MINOR;
	struct device *parent_ = nullptr;
};

/** class MiscDevice - a registered misc device served by T. Never moves. */
template <typename T> class MiscDevice {
public:
	using Shared = typename file_ops::SharedOf<T>::type;
	/** SharedRef - Arc<Shared>, or NoShared if T declares none. */
	using SharedRef = typename file_ops::SharedHandle<Shared>::type;

	/** try_new() - build Shared(args...) in an Arc, allocate, register. */
	template <typename... Args>
	static Result<Box<MiscDevice>> try_new(const MiscOptions &opts, Args &&...args)
	{
		SharedRef shared = TRY(file_ops::new_shared<Shared>(cxx::forward<Args>(args)...));
		Box<MiscDevice> dev = TRY(Box<MiscDevice>::try_new(GFP_KERNEL, opts,
								   cxx::move(shared)));
		TRY(to_result(::misc_register(&dev->node_.misc)));
		dev->registered_ = true;
		return dev;
	}

	MiscDevice(const MiscDevice &) = delete;
	MiscDevice &operator=(const MiscDevice &) = delete;
	~MiscDevice()
	{
		if (registered_)
			::misc_deregister(&node_.misc);
	}

	/** shared() - the state the device gives every open file. */
	const SharedRef &shared() const { return shared_; }
	/** minor() - the minor number the device got. */
	int minor() const { return node_.misc.minor; }
	/** device() - its struct device (for dev_*() printing). */
	struct device *device() const { return node_.misc.this_device; }

private:
	friend class Box<MiscDevice>;
	friend struct FileOperations<T, MiscDevice>;

	MiscDevice(const MiscOptions &opts, SharedRef &&shared) : shared_(cxx::move(shared))
	{
		node_.misc.minor = opts.minor_;
		node_.misc.name = opts.name_;
		node_.misc.fops = &FileOperations<T, MiscDevice>::table;
		node_.misc.parent = opts.parent_;
		node_.misc.mode = opts.mode_;
		node_.self = this;
	}

	/* The misc core sets private_data to the struct miscdevice at open. */
	static auto open(struct inode *, struct file *f)
	{
		auto *node = reinterpret_cast<Node *>(f->private_data);
		File file(f);
		return file_ops::open_with<T, Shared>(file, node->self->shared_);
	}

	/* misc first: a struct miscdevice * is a Node *. */
	struct Node {
		struct miscdevice misc = {};
		MiscDevice *self = nullptr;
	};
	Node node_;
	bool registered_ = false;
	SharedRef shared_;
};

} /* namespace cxx */

#endif /* _CXX_MISCDEV_H */
