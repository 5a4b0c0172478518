/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: misc devices
 *
 * MiscDevice<T> registers a misc character device (/dev/<name>, major 10)
 * whose open files are handled by class T (see cxx/file.h), and
 * deregisters it when destroyed. It lives on the heap (try_new() returns a
 * Box) because the misc core keeps pointers into it.
 *
 * T may declare `using Shared = S;`: the device then holds one S, built
 * from try_new()'s extra arguments, and T::open() receives it, so every
 * open file of the device reaches the same state:
 *
 *	struct Shared { cxx::Mutex<long> value{CXX_LOCK_CLASS("value"), 0}; };
 *	struct MyFile {
 *		using Shared = ::Shared;
 *		static cxx::Result<cxx::Box<MyFile>> open(cxx::File &, Shared &s);
 *		...
 *	};
 *	auto dev = TRY(cxx::MiscDevice<MyFile>::try_new(
 *		cxx::MiscOptions("mydev").mode(0666)));
 *
 * Without Shared, T::open() takes the File only.
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

	/** try_new() - allocate, build Shared(args...), register. */
	template <typename... Args>
	static Result<Box<MiscDevice>> try_new(const MiscOptions &opts, Args &&...args)
	{
		Box<MiscDevice> dev = TRY(Box<MiscDevice>::try_new(
			GFP_KERNEL, opts, cxx::forward<Args>(args)...));
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

	/** shared() - the state every open file of the device shares. */
	Shared &shared() { return shared_; }
	/** minor() - the minor number the device got. */
	int minor() const { return node_.misc.minor; }
	/** device() - its struct device (for dev_*() printing). */
	struct device *device() const { return node_.misc.this_device; }

private:
	friend class Box<MiscDevice>;
	friend struct FileOperations<T, MiscDevice>;

	template <typename... Args>
	explicit MiscDevice(const MiscOptions &opts, Args &&...args)
		: shared_(cxx::forward<Args>(args)...)
	{
		node_.misc.minor = opts.minor_;
		node_.misc.name = opts.name_;
		node_.misc.fops = &FileOperations<T, MiscDevice>::table;
		node_.misc.parent = opts.parent_;
		node_.misc.mode = opts.mode_;
		node_.self = this;
	}

	/* The misc core sets private_data to the struct miscdevice at open. */
	static Result<Box<T>> open(struct inode *, struct file *f)
	{
		auto *node = reinterpret_cast<Node *>(f->private_data);
		File file(f);
		if constexpr (same_as<Shared, file_ops::NoShared>)
			return T::open(file);
		else
			return T::open(file, node->self->shared_);
	}

	/* misc first: a struct miscdevice * is a Node *. */
	struct Node {
		struct miscdevice misc = {};
		MiscDevice *self = nullptr;
	};
	Node node_;
	bool registered_ = false;
	Shared shared_;
};

} /* namespace cxx */

#endif /* _CXX_MISCDEV_H */
