/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: debugfs
 *
 * debugfs::Dir is a directory in debugfs (/sys/kernel/debug/<name>) and
 * everything created in it; destroying the Dir removes all of it
 * (debugfs_remove(), recursive), and only then frees what its files
 * reach through it.
 *
 *	struct State {
 *		u32 limit = 10;			// before the Dir: outlives it
 *		cxx::Atomic<int> hits{0};
 *		cxx::debugfs::Dir dir;
 *	};
 *	...
 *	dir.u32("limit", 0644, state->limit);		// debugfs_create_u32()
 *	dir.atomic("hits", 0444, state->hits);		// debugfs_create_atomic_t()
 *	TRY(dir.file<CounterFile>("counter", 0444, shared));	// an Arc
 *
 * Typed values (u32(), atomic(), ...) are the kernel's: the file reads
 * and writes the variable directly, so the variable must outlive the Dir
 * (declare it before the Dir in the same object, or make it static).
 *
 * file<T>() serves a file with class T as MiscDevice does (cxx/file.h):
 * T::open() makes the per-open object; T's read(), write(), llseek()...
 * are its operations. If T declares `using Shared = S;`, file<T>() takes
 * a `cxx::Arc<S>` (the state of the owner, say), of which the Dir keeps a
 * reference, and T::open() borrows it (`const cxx::Arc<S> &`); an open
 * file that copies the Arc keeps the state after the Dir is gone. The module cannot be
 * unloaded while one of its files is open; once the Dir is destroyed,
 * calls on a file still open fail with EIO (debugfs' proxy) and only its
 * release is still called.
 *
 * Removal waits for every call in progress on the Dir's files to return
 * (debugfs' active users), so nothing reaches the Dir's state after that.
 * As the kernel asks, a module does not fail because debugfs is absent:
 * create() and file() report errors, which it may ignore (the later
 * calls on a Dir that failed do nothing).
 */
#ifndef _CXX_DEBUGFS_H
#define _CXX_DEBUGFS_H

#include <generated/cxx/bindings.h>
#include <cxx/atomic.h>
#include <cxx/box.h>
#include <cxx/cstr.h>
#include <cxx/error.h>
#include <cxx/file.h>
#include <cxx/utility.h>

namespace cxx {
namespace debugfs {

namespace detail {
/* What the Dir keeps for one of its files until the files are removed. */
struct Node {
	Node *next = nullptr;
	void (*destroy)(Node *) = nullptr;
};

/* The state of one file<T>(): debugfs' i_private points here. */
template <typename T> struct FileNode : Node {
	using Shared = typename file_ops::SharedOf<T>::type;
	using SharedRef = typename file_ops::SharedHandle<Shared>::type;

	template <typename... S> explicit FileNode(const S &...s) : shared(s...)
	{
		destroy = [](Node *n) { cxx::kdelete(static_cast<FileNode *>(n)); };
	}

	/* FileOperations' Opener: debugfs passes data as the inode's i_private. */
	static auto open(struct inode *inode, struct file *f)
	{
		auto *node = static_cast<FileNode *>(inode->i_private);
		File file(f);
		return file_ops::open_with<T, Shared>(file, node->shared);
	}

	SharedRef shared;
};
} /* namespace detail */

/**
 * class Dir - a debugfs directory and its files, removed on destruction.
 * Moves, never copies. Invariant: every node on its list belongs to a file
 * created in it, and is freed only after the directory is removed.
 */
class Dir {
public:
	/**
	 * create() - debugfs_create_dir(): /sys/kernel/debug/@name (@name is
	 * copied). EEXIST if it exists, ENODEV without debugfs.
	 */
	static Result<Dir> create(CStr name)
	{
		struct dentry *d = TRY(from_err_ptr(::debugfs_create_dir(name.c_str(), nullptr)));
		return Dir(d);
	}
	/** Dir() - no directory (e.g. where create() failed): does nothing. */
	Dir() = default;
	Dir(Dir &&other) : dentry_(other.dentry_), nodes_(other.nodes_)
	{
		other.dentry_ = nullptr;
		other.nodes_ = nullptr;
	}
	Dir &operator=(Dir &&other)
	{
		if (this != &other) {
			remove();
			dentry_ = other.dentry_;
			nodes_ = other.nodes_;
			other.dentry_ = nullptr;
			other.nodes_ = nullptr;
		}
		return *this;
	}
	Dir(const Dir &) = delete;
	Dir &operator=(const Dir &) = delete;
	/** ~Dir - remove the directory and its files, then free their state. */
	~Dir() { remove(); }

	/** u32() - debugfs_create_u32(): a file reading (and, by @mode, writing) @value. */
	void u32(CStr name, umode_t mode, ::u32 &value)
	{
		::debugfs_create_u32(name.c_str(), mode, dentry_, &value);
	}
	/** u64() - debugfs_create_u64(): the same for a u64. */
	void u64(CStr name, umode_t mode, ::u64 &value)
	{
		::debugfs_create_u64(name.c_str(), mode, dentry_, &value);
	}
	/** boolean() - debugfs_create_bool(): "Y" or "N"; writes take y/n/1/0. */
	void boolean(CStr name, umode_t mode, bool &value)
	{
		::debugfs_create_bool(name.c_str(), mode, dentry_, &value);
	}
	/** atomic() - debugfs_create_atomic_t(): an Atomic<int>, read and written atomically. */
	void atomic(CStr name, umode_t mode, Atomic<int> &value)
	{
		::debugfs_create_atomic_t(name.c_str(), mode, dentry_, value.as_ptr());
	}

	/**
	 * file() - debugfs_create_file(): a file served by class T (see the
	 * DOC above); @shared (only if T declares a Shared) is the state its
	 * T::open() borrows, copied: the Dir holds a reference until removal.
	 */
	template <typename T, typename... S>
	Result<> file(CStr name, umode_t mode, const S &...shared)
	{
		using Node = detail::FileNode<T>;
		static_assert(sizeof...(S) == (same_as<typename Node::Shared, file_ops::NoShared> ? 0 : 1),
			      "file<T>(): pass T::Shared's Arc if T declares a Shared, nothing otherwise");
		Box<Node> node = TRY(Box<Node>::try_new(GFP_KERNEL, shared...));
		TRY(from_err_ptr(::debugfs_create_file(name.c_str(), mode, dentry_, node.get(),
						       &FileOperations<T, Node>::table)));
		Node *n = node.release();
		n->next = nodes_;
		nodes_ = n;
		return {};
	}

	/** as_ptr() - the directory's dentry (NULL if none), for C. */
	struct dentry *as_ptr() const { return dentry_; }

private:
	explicit Dir(struct dentry *d) : dentry_(d) {}

	void remove()
	{
		/* Waits for the calls in progress on every file in it. */
		::debugfs_remove(dentry_);
		dentry_ = nullptr;
		while (nodes_) {
			detail::Node *n = nodes_;
			nodes_ = n->next;
			n->destroy(n);
		}
	}

	struct dentry *dentry_ = nullptr;
	detail::Node *nodes_ = nullptr;
};

} /* namespace debugfs */
} /* namespace cxx */

#endif /* _CXX_DEBUGFS_H */
