/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: character devices
 *
 * Chrdev<T, N> reserves a region of N minors under a dynamic major
 * (alloc_chrdev_region()) and serves every one of them with class T (see
 * cxx/file.h); destroying it removes the cdev and releases the region. It
 * lives on the heap (try_new() returns a Box) because the kernel keeps
 * pointers into it. The /dev nodes are not created here: the region shows
 * in /proc/devices under its name, as with C's register_chrdev_region().
 *
 * T::open() gets the minor that was opened, counted from 0, and, if T
 * declares `using Shared = S;`, the device's S:
 *
 *	static cxx::Result<cxx::Box<MyFile>> open(cxx::File &, unsigned int minor);
 *	auto dev = TRY((cxx::Chrdev<MyFile, 2>::try_new("mydev")));
 */
#ifndef _CXX_CHRDEV_H
#define _CXX_CHRDEV_H

#include <generated/cxx/bindings.h>
#include <cxx/box.h>
#include <cxx/cstr.h>
#include <cxx/error.h>
#include <cxx/file.h>
#include <cxx/this_module.h>
#include <cxx/utility.h>

namespace cxx {

/** class Chrdev - N minors of a character device served by T. Never moves. */
template <typename T, unsigned int N> class Chrdev {
	static_assert(N > 0 && N <= MINORMASK, "Chrdev<T, N>: N must be 1 .. MINORMASK");

public:
	using Shared = typename file_ops::SharedOf<T>::type;

	/** try_new() - allocate, build Shared(args...), reserve the region, add the cdev. */
	template <typename... Args>
	static Result<Box<Chrdev>> try_new(CStr name, Args &&...args)
	{
		Box<Chrdev> dev = TRY(Box<Chrdev>::try_new(GFP_KERNEL, cxx::forward<Args>(args)...));
		TRY(to_result(::alloc_chrdev_region(&dev->devt_, 0, N, name.c_str())));
		dev->have_region_ = true;
		::cdev_init(&dev->node_.cdev, &FileOperations<T, Chrdev>::table);
		dev->node_.cdev.owner = CXX_THIS_MODULE_PTR;
		TRY(to_result(::cdev_add(&dev->node_.cdev, dev->devt_, N)));
		dev->added_ = true;
		return dev;
	}

	Chrdev(const Chrdev &) = delete;
	Chrdev &operator=(const Chrdev &) = delete;
	~Chrdev()
	{
		if (added_)
			::cdev_del(&node_.cdev);
		if (have_region_)
			::unregister_chrdev_region(devt_, N);
	}

	/** major() - the major number the region got. */
	unsigned int major() const { return devt_ >> MINORBITS; }
	/** first_minor() - the first of its N minors. */
	unsigned int first_minor() const { return devt_ & MINORMASK; }
	/** shared() - the state every open file shares. */
	Shared &shared() { return shared_; }

private:
	friend class Box<Chrdev>;
	friend struct FileOperations<T, Chrdev>;

	template <typename... Args>
	explicit Chrdev(Args &&...args) : shared_(cxx::forward<Args>(args)...)
	{
		node_.self = this;
	}

	static Result<Box<T>> open(struct inode *inode, struct file *f)
	{
		Chrdev *self = reinterpret_cast<Node *>(inode->i_cdev)->self;
		unsigned int minor = ::iminor(inode) - self->first_minor();
		File file(f);
		if constexpr (same_as<Shared, file_ops::NoShared>)
			return T::open(file, minor);
		else
			return T::open(file, minor, self->shared_);
	}

	/* cdev first: a struct cdev * is a Node *. */
	struct Node {
		struct cdev cdev = {};
		Chrdev *self = nullptr;
	};
	Node node_;
	dev_t devt_ = 0;
	bool have_region_ = false;
	bool added_ = false;
	Shared shared_;
};

} /* namespace cxx */

#endif /* _CXX_CHRDEV_H */
