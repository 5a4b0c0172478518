/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: file operations
 *
 * A class that handles an open file implements only the methods it needs;
 * FileOperations<T, Opener>::table is the `struct file_operations` built
 * from it at compile time, with exactly those entries set (plus open,
 * release and owner), like Rust's #[vtable]:
 *
 *	struct MyFile {
 *		// required: make the per-open object (its arguments: see
 *		// MiscDevice and Chrdev); or return Result<Arc<MyFile>>
 *		static cxx::Result<cxx::Box<MyFile>> open(cxx::File &f, ...);
 *		// each optional; an absent one leaves its entry NULL
 *		cxx::Result<size_t> read(cxx::File &f, cxx::UserSliceWriter &out, loff_t &pos);
 *		cxx::Result<size_t> write(cxx::File &f, cxx::UserSliceReader &in, loff_t &pos);
 *		cxx::Result<loff_t> llseek(cxx::File &f, loff_t offset, int whence);
 *		cxx::Result<long> ioctl(cxx::File &f, unsigned int cmd, unsigned long arg);
 *		cxx::Result<long> compat_ioctl(cxx::File &f, unsigned int cmd, unsigned long arg);
 *		__poll_t poll(cxx::File &f, struct poll_table_struct *wait);
 *		cxx::Result<> mmap(cxx::File &f, struct vm_area_struct *vma);
 *	};
 *
 * The object open() returns is owned by the open file (private_data) and
 * destroyed when the last reference to the file goes (release). open()
 * returns either a Box<T>, a T of that file's own (allocated per open), or
 * an Arc<T>, one reference to a T the open files share: no allocation per
 * open, and private_data is the reference itself (a file whose state is
 * only the device's, as most drivers' are). A shared T is called from every
 * open file at once, so it guards its own mutable state (Mutex, SpinLock,
 * atomics), like an Arc's T:
 *
 *	struct Scull {
 *		using Shared = Scull;	// the device's state is the file object
 *		static cxx::Result<cxx::Arc<Scull>> open(cxx::File &,
 *							  const cxx::Arc<Scull> &s)
 *		{
 *			return s;	// one more reference, nothing allocated
 *		}
 *		...
 *	};
 * A method
 * with the right name but another signature fails to compile, saying which
 * signature is expected. `owner` is the module, so the module cannot be
 * unloaded while a file is open (rmmod fails with EAGAIN). A class without
 * llseek gets a file that cannot seek (lseek() fails with ESPIPE, as after
 * nonseekable_open()). An llseek must move the position (File::set_pos()),
 * which the seek_*() helpers below do for the kernel's usual rules. A class with ioctl but no compat_ioctl serves
 * 32-bit processes too: compat_ioctl is then compat_ptr_ioctl(), which
 * converts the argument as a pointer and calls ioctl (as Rust's
 * miscdevice does), so use compat_ioctl for commands whose argument is an
 * integer or whose struct differs in 32-bit user space.
 *
 * A device's Shared state (T's `using Shared = S;`) is held in an
 * Arc<S>; T::open() borrows it as `const cxx::Arc<S> &` and the file
 * object copies the Arc if it keeps the state: every open file then holds
 * a reference, so the state outlives the device object.
 */
#ifndef _CXX_FILE_H
#define _CXX_FILE_H

#include <generated/cxx/bindings.h>
#include <cxx/arc.h>
#include <cxx/box.h>
#include <cxx/error.h>
#include <cxx/this_module.h>
#include <cxx/uaccess.h>
#include <cxx/utility.h>

namespace cxx {

/** class File - an open file, borrowed for the duration of a call. */
class File {
public:
	explicit File(struct file *f) : f_(f) {}
	/** as_ptr() - the struct file, for passing to C. */
	struct file *as_ptr() const { return f_; }
	/** flags() - the open flags (O_RDWR, O_NONBLOCK, ...). */
	unsigned int flags() const { return f_->f_flags; }
	/** is_nonblocking() - opened with O_NONBLOCK. */
	bool is_nonblocking() const { return f_->f_flags & O_NONBLOCK; }

	/**
	 * pos() - the file position (f_pos), where lseek() left it. In read()
	 * and write() use their loff_t & argument instead: the kernel passes
	 * a copy and stores it back after the call (pread() and pwrite() never
	 * touch f_pos).
	 */
	loff_t pos() const { return f_->f_pos; }

	/**
	 * set_pos() - move the file position to @pos (the kernel's
	 * vfs_setpos()). An llseek() handler must move it, here or through
	 * the seek_*() helpers below: lseek() only reports the value the
	 * handler returns, it does not move the position itself.
	 * Return: @pos, or EINVAL with the position unchanged if @pos is
	 * negative or above @max.
	 */
	Result<loff_t> set_pos(loff_t pos, loff_t max = ::MAX_LFS_FILESIZE)
	{
		return to_pos(::vfs_setpos(f_, pos, max));
	}

	/** to_pos() - a loff_t from C, a position or a negative errno, as a Result. */
	static Result<loff_t> to_pos(loff_t ret)
	{
		if (ret < 0)
			return Error::from_errno(static_cast<int>(ret));
		return ret;
	}

private:
	struct file *f_;
};

/*
 * Seek helpers: the kernel's llseek behaviours, so that a handler is one
 * line. Each moves the position and returns it, or fails with it unchanged.
 * SEEK_SET, SEEK_CUR and SEEK_END as lseek(2) has them; a position before
 * 0 is EINVAL. As in C, a device file's position is not serialised against
 * a read() or write() running on the same file at the same time (the
 * kernel's f_pos_lock is for regular files and directories only).
 *
 *	cxx::Result<loff_t> llseek(cxx::File &f, loff_t off, int whence)
 *	{
 *		return cxx::seek_fixed_size(f, off, whence, SIZE);
 *	}
 */

/**
 * seek_fixed_size() - fixed_size_llseek(): a file of @size bytes; SEEK_END
 * is relative to @size, and a position above @size is EINVAL.
 */
inline Result<loff_t> seek_fixed_size(File &f, loff_t offset, int whence, loff_t size)
{
	return File::to_pos(::fixed_size_llseek(f.as_ptr(), offset, whence, size));
}

/**
 * seek_default() - default_llseek(): SEEK_END is relative to the inode's
 * size (0 for a device node); any position from 0 up is accepted. Takes
 * the inode's lock: process context only.
 */
inline Result<loff_t> seek_default(File &f, loff_t offset, int whence)
{
	return File::to_pos(::default_llseek(f.as_ptr(), offset, whence));
}

/**
 * seek_none() - no_llseek() (gone from the kernel in 6.12): the file
 * cannot seek, ESPIPE. A class without llseek() gets this already.
 */
inline Result<loff_t> seek_none(File &)
{
	return code::ESPIPE;
}

namespace file_ops {

/* Whether T declares a member of this name, whatever its type. */
template <typename T> concept HasRead = requires { &T::read; };
template <typename T> concept HasWrite = requires { &T::write; };
template <typename T> concept HasLlseek = requires { &T::llseek; };
template <typename T> concept HasIoctl = requires { &T::ioctl; };
template <typename T> concept HasCompatIoctl = requires { &T::compat_ioctl; };
template <typename T> concept HasPoll = requires { &T::poll; };
template <typename T> concept HasMmap = requires { &T::mmap; };

/** struct NoShared - the shared state of a device whose T declares none. */
struct NoShared {};
/* T::Shared if T declares it, NoShared otherwise. */
template <typename T> struct SharedOf {
	using type = NoShared;
};
template <typename T>
	requires requires { typename T::Shared; }
struct SharedOf<T> {
	using type = typename T::Shared;
};

/* What a device keeps of its Shared S: an Arc<S>, or nothing. */
template <typename S> struct SharedHandle {
	using type = Arc<S>;
};
template <> struct SharedHandle<NoShared> {
	using type = NoShared;
};

/* A device's Shared S, built from its try_new()'s extra arguments. */
template <typename S, typename... Args>
Result<typename SharedHandle<S>::type> new_shared(Args &&...args)
{
	if constexpr (same_as<S, NoShared>) {
		static_assert(sizeof...(Args) == 0,
			      "try_new: extra arguments build T::Shared, and T declares no Shared");
		return NoShared{};
	} else {
		return Arc<S>::try_new(GFP_KERNEL, cxx::forward<Args>(args)...);
	}
}

/* R is what T::open() may return: Result<Box<T>> or Result<Arc<T>>. */
template <typename R, typename T>
concept OpenResult = same_as<R, Result<Box<T>>> || same_as<R, Result<Arc<T>>>;

/* Whether T::open(File &, args...) exists and returns an OpenResult. */
template <typename T, typename... Args>
concept OpensWith = requires(File &f, Args... args) {
	{ T::open(f, args...) } -> OpenResult<T>;
};

/*
 * How an open file holds what open() made, in private_data: a Box<T>'s T,
 * freed at release, or an Arc<T>'s reference, dropped at release.
 */
template <typename P> struct Holder;
template <typename T> struct Holder<Box<T>> {
	static void *into_raw(Box<T> &&p) { return p.release(); }
	static T *get(void *raw) { return static_cast<T *>(raw); }
	static void drop(void *raw) { Box<T>::from_raw(get(raw)); }
};
template <typename T> struct Holder<Arc<T>> {
	static void *into_raw(Arc<T> &&p) { return p.into_raw(); }
	static T *get(void *raw) { return &Arc<T>::borrow_raw(raw); }
	static void drop(void *raw) { Arc<T>::from_raw(raw); }
};

/* The P of a Result<P>. */
template <typename R> struct ResultValue;
template <typename P> struct ResultValue<Result<P>> {
	using type = P;
};

/*
 * T::open(file), or T::open(file, shared) if T declares a Shared: what a
 * device's or a debugfs file's open does with the state it keeps.
 */
template <typename T, typename S>
auto open_with(File &file, const typename SharedHandle<S>::type &shared)
{
	if constexpr (same_as<S, NoShared>) {
		static_assert(OpensWith<T>, "open: expected static Result<Box<T>> (or Result<Arc<T>>) open(File &)");
		return T::open(file);
	} else if constexpr (OpensWith<T, const Arc<S> &>) {
		return T::open(file, shared);
	} else {
		static_assert(dependent_false<T>,
			      "open: expected static Result<Box<T>> (or Result<Arc<T>>) open(File &, const Arc<Shared> &)");
		return Result<Box<T>>(code::EINVAL);
	}
}

} /* namespace file_ops */

/**
 * struct FileOperations - the file_operations of class T.
 * @Opener: provides `static Result<P> open(struct inode *, struct file *)`,
 *          P a Box<T> or an Arc<T> (MiscDevice and Chrdev do, passing their
 *          Shared to T::open()).
 */
template <typename T, typename Opener> struct FileOperations {
	using Holder = file_ops::Holder<typename file_ops::ResultValue<
		decltype(Opener::open(nullptr, nullptr))>::type>;

	static T *obj(struct file *f) { return Holder::get(f->private_data); }

	template <typename R> static R ret(Result<R> &r)
	{
		return r ? r.value() : R(r.error().to_errno());
	}

	static int open(struct inode *inode, struct file *f)
	{
		auto r = Opener::open(inode, f);
		if (!r)
			return r.error().to_errno();
		if constexpr (!file_ops::HasLlseek<T>)
			(void)::nonseekable_open(inode, f);
		f->private_data = Holder::into_raw(cxx::move(r.value()));
		return 0;
	}

	static int release(struct inode *, struct file *f)
	{
		Holder::drop(f->private_data);
		return 0;
	}

	static ssize_t read(struct file *f, char *buf, size_t len, loff_t *pos)
	{
		static_assert(file_ops::HasRead<T>, "FileOperations: the file class has no read()");
		static_assert(requires(T &t, File &file, UserSliceWriter &w, loff_t &p) {
			{ t.read(file, w, p) } -> same_as<Result<size_t>>;
		}, "read: expected Result<size_t> read(File &, UserSliceWriter &, loff_t &)");
		File file(f);
		UserSliceWriter w(buf, len);
		Result<size_t> r = obj(f)->read(file, w, *pos);
		return r ? ssize_t(r.value()) : ssize_t(r.error().to_errno());
	}

	static ssize_t write(struct file *f, const char *buf, size_t len, loff_t *pos)
	{
		static_assert(file_ops::HasWrite<T>, "FileOperations: the file class has no write()");
		static_assert(requires(T &t, File &file, UserSliceReader &rd, loff_t &p) {
			{ t.write(file, rd, p) } -> same_as<Result<size_t>>;
		}, "write: expected Result<size_t> write(File &, UserSliceReader &, loff_t &)");
		File file(f);
		UserSliceReader rd(buf, len);
		Result<size_t> r = obj(f)->write(file, rd, *pos);
		return r ? ssize_t(r.value()) : ssize_t(r.error().to_errno());
	}

	static loff_t llseek(struct file *f, loff_t offset, int whence)
	{
		static_assert(file_ops::HasLlseek<T>, "FileOperations: the file class has no llseek()");
		static_assert(requires(T &t, File &file, loff_t o, int w) {
			{ t.llseek(file, o, w) } -> same_as<Result<loff_t>>;
		}, "llseek: expected Result<loff_t> llseek(File &, loff_t, int)");
		File file(f);
		Result<loff_t> r = obj(f)->llseek(file, offset, whence);
		return ret(r);
	}

	static long ioctl(struct file *f, unsigned int cmd, unsigned long arg)
	{
		static_assert(file_ops::HasIoctl<T>, "FileOperations: the file class has no ioctl()");
		static_assert(requires(T &t, File &file, unsigned int c, unsigned long a) {
			{ t.ioctl(file, c, a) } -> same_as<Result<long>>;
		}, "ioctl: expected Result<long> ioctl(File &, unsigned int, unsigned long)");
		File file(f);
		Result<long> r = obj(f)->ioctl(file, cmd, arg);
		return ret(r);
	}

	static long compat_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
	{
		static_assert(file_ops::HasCompatIoctl<T>, "FileOperations: the file class has no compat_ioctl()");
		static_assert(requires(T &t, File &file, unsigned int c, unsigned long a) {
			{ t.compat_ioctl(file, c, a) } -> same_as<Result<long>>;
		}, "compat_ioctl: expected Result<long> compat_ioctl(File &, unsigned int, unsigned long)");
		File file(f);
		Result<long> r = obj(f)->compat_ioctl(file, cmd, arg);
		return ret(r);
	}

	static __poll_t poll(struct file *f, struct poll_table_struct *wait)
	{
		static_assert(file_ops::HasPoll<T>, "FileOperations: the file class has no poll()");
		static_assert(requires(T &t, File &file, struct poll_table_struct *w) {
			{ t.poll(file, w) } -> same_as<__poll_t>;
		}, "poll: expected __poll_t poll(File &, struct poll_table_struct *)");
		File file(f);
		return obj(f)->poll(file, wait);
	}

	static int mmap(struct file *f, struct vm_area_struct *vma)
	{
		static_assert(file_ops::HasMmap<T>, "FileOperations: the file class has no mmap()");
		static_assert(requires(T &t, File &file, struct vm_area_struct *v) {
			{ t.mmap(file, v) } -> same_as<Result<>>;
		}, "mmap: expected Result<> mmap(File &, struct vm_area_struct *)");
		File file(f);
		return obj(f)->mmap(file, vma).to_errno();
	}

	static constexpr struct file_operations make()
	{
		struct file_operations ops = {};
		ops.owner = CXX_THIS_MODULE_PTR;
		ops.open = open;
		ops.release = release;
		if constexpr (file_ops::HasRead<T>)
			ops.read = read;
		if constexpr (file_ops::HasWrite<T>)
			ops.write = write;
		if constexpr (file_ops::HasLlseek<T>)
			ops.llseek = llseek;
		if constexpr (file_ops::HasIoctl<T>)
			ops.unlocked_ioctl = ioctl;
		if constexpr (file_ops::HasCompatIoctl<T>)
			ops.compat_ioctl = compat_ioctl;
#ifdef CONFIG_COMPAT
		else if constexpr (file_ops::HasIoctl<T>)
			ops.compat_ioctl = ::compat_ptr_ioctl;
#endif
		if constexpr (file_ops::HasPoll<T>)
			ops.poll = poll;
		if constexpr (file_ops::HasMmap<T>)
			ops.mmap = mmap;
		return ops;
	}

	/**
	 * table - the operations, in .rodata, built at compile time (a
	 * constexpr variable: make() must be a constant expression). make()
	 * is constexpr, not consteval: clang (clangd, in an editor) refuses a
	 * consteval call to a member function from inside its class.
	 */
	static constexpr struct file_operations table = make();
};

} /* namespace cxx */

#endif /* _CXX_FILE_H */
