/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: character devices
 *
 * Chrdev<T, N> reserves a region of N minors under a dynamic major
 * (alloc_chrdev_region()) and serves every one of them with class T (see
 * cxx/file.h); destroying it removes the cdev and releases the region. The
 * /dev nodes are not created here: the region shows in /proc/devices under
 * its name, as with C's register_chrdev_region().
 *
 * T::open() gets the minor that was opened, counted from 0, and, if T
 * declares `using Shared = S;`, borrows the Arc holding the device's S
 * (built from try_new()'s extra arguments); the file object copies the Arc
 * to keep the state, as for misc devices (cxx/miscdev.h):
 *
 *	static cxx::Result<cxx::Box<MyFile>> open(cxx::File &, unsigned int minor,
 *						  const cxx::Arc<S> &shared);
 *	auto dev = TRY((cxx::Chrdev<MyFile, 2>::try_new("mydev")));
 *
 * Files may stay open after the Chrdev is destroyed (cdev_del() stops new
 * lookups only), and each holds a reference to the cdev's kobject until
 * its last close(). So the cdev lives in a node of its own whose kobject,
 * the cdev's parent, frees the node when the last of the Chrdev and the
 * open files lets it go; the Chrdev object holds only a pointer to it.
 * The module stays loaded until then (the cdev's owner is the module),
 * except under CONFIG_DEBUG_KOBJECT_RELEASE, which delays every release
 * by seconds: unloading the module right after the last close() can then
 * run the node's release after the module is gone.
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

/** class Chrdev - N minors of a character device served by T. */
template <typename T, unsigned int N> class Chrdev {
	static_assert(N > 0 && N <= MINORMASK, "Chrdev<T, N>: N must be 1 .. MINORMASK");

public:
	using Shared = typename file_ops::SharedOf<T>::type;
	/** SharedRef - Arc<Shared>, or NoShared if T declares none. */
	using SharedRef = typename file_ops::SharedHandle<Shared>::type;

	/** try_new() - build Shared(args...), reserve the region, add the cdev. */
	template <typename... Args>
	static Result<Box<Chrdev>> try_new(CStr name, Args &&...args)
	{
		SharedRef shared = TRY(file_ops::new_shared<Shared>(cxx::forward<Args>(args)...));
		Box<Chrdev> dev = TRY(Box<Chrdev>::try_new(GFP_KERNEL));
		Node *node = new (GFP_KERNEL) Node(cxx::move(shared));
		if (!node)
			return code::ENOMEM;
		::kobject_init(&node->kobj, &node_type);
		dev->node_ = node;
		TRY(to_result(::alloc_chrdev_region(&dev->devt_, 0, N, name.c_str())));
		dev->have_region_ = true;
		::cdev_init(&node->cdev, &FileOperations<T, Chrdev>::table);
		node->cdev.owner = CXX_THIS_MODULE_PTR;
		/* Each reference to the cdev, an open file's too, holds the node. */
		::cdev_set_parent(&node->cdev, &node->kobj);
		TRY(to_result(::cdev_add(&node->cdev, dev->devt_, N)));
		dev->added_ = true;
		return dev;
	}

	Chrdev(const Chrdev &) = delete;
	Chrdev &operator=(const Chrdev &) = delete;
	~Chrdev()
	{
		if (added_)
			::cdev_del(&node_->cdev);
		if (have_region_)
			::unregister_chrdev_region(devt_, N);
		if (node_)
			::kobject_put(&node_->kobj);
	}

	/** major() - the major number the region got. */
	unsigned int major() const { return devt_ >> MINORBITS; }
	/** first_minor() - the first of its N minors. */
	unsigned int first_minor() const { return devt_ & MINORMASK; }
	/** shared() - the state the device gives every open file. */
	const SharedRef &shared() const { return node_->shared; }

private:
	friend class Box<Chrdev>;
	friend struct FileOperations<T, Chrdev>;

	Chrdev() = default;

	/*
	 * What open files reach: freed by the kobject's release, when the
	 * Chrdev and every reference to the cdev are gone. cdev first: a
	 * struct cdev * is a Node *.
	 */
	struct Node {
		explicit Node(SharedRef &&s) : shared(cxx::move(s)) {}
		struct cdev cdev = {};
		struct kobject kobj = {};
		SharedRef shared;
	};

	static void release(struct kobject *kobj)
	{
		static_assert(__is_standard_layout(Node), "Chrdev: Node must be standard-layout");
		auto *p = reinterpret_cast<char *>(kobj) - __builtin_offsetof(Node, kobj);
		cxx::kdelete(reinterpret_cast<Node *>(p));
	}

	static consteval struct kobj_type make_node_type()
	{
		struct kobj_type t = {};
		t.release = release;
		return t;
	}
	static constexpr struct kobj_type node_type = make_node_type();

	/* Runs while the open holds a cdev reference: only the node is sure to live. */
	static auto open(struct inode *inode, struct file *f)
	{
		Node *node = reinterpret_cast<Node *>(inode->i_cdev);
		unsigned int minor = ::iminor(inode) - (node->cdev.dev & MINORMASK);
		File file(f);
		if constexpr (same_as<Shared, file_ops::NoShared>) {
			static_assert(file_ops::OpensWith<T, unsigned int>,
				      "open: expected static Result<Box<T>> (or Result<Arc<T>>) open(File &, unsigned int minor)");
			return T::open(file, minor);
		} else if constexpr (file_ops::OpensWith<T, unsigned int, const Arc<Shared> &>) {
			return T::open(file, minor, node->shared);
		} else {
			static_assert(dependent_false<T>,
				      "open: expected static Result<Box<T>> (or Result<Arc<T>>) open(File &, unsigned int minor, const Arc<Shared> &)");
			return Result<Box<T>>(code::EINVAL);
		}
	}

	Node *node_ = nullptr;
	dev_t devt_ = 0;
	bool have_region_ = false;
	bool added_ = false;
};

} /* namespace cxx */

#endif /* _CXX_CHRDEV_H */
