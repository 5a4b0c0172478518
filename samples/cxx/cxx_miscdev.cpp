// SPDX-License-Identifier: GPL-2.0
/*
 * A misc device, /dev/cxx_miscdev, holding one int behind a Mutex shared by
 * every open file (the C++ twin of Rust's rust_misc_device):
 *
 *  - write() sets it from decimal text ("42\n"); anything else is -EINVAL,
 *    and so is a write longer than 31 bytes; a zero-length write is a no-op;
 *  - read() returns it as decimal text and a newline, then end-of-file;
 *  - ioctl HELLO prints a greeting, GET_VALUE copies the value to an int
 *    the argument points to, SET_VALUE copies it from one, INC_VALUE adds
 *    one and returns the new value (-ERANGE, and no change, if the value is
 *    negative or INT_MAX: a negative return would read as an errno), FAIL
 *    always fails with -EPERM, any other command with -ENOTTY; a bad
 *    pointer is -EFAULT.
 *
 * The ioctl numbers, in C: HELLO _IO('|', 0x80), GET_VALUE
 * _IOR('|', 0x81, int), SET_VALUE _IOW('|', 0x82, int), FAIL
 * _IO('|', 0x83), INC_VALUE _IO('|', 0x84).
 */
#include <cxx/prelude.h>
#include <cxx/arc.h>
#include <cxx/ioctl.h>
#include <cxx/miscdev.h>
#include <cxx/mutex.h>

namespace {

constexpr unsigned int HELLO = cxx::io('|', 0x80);
constexpr unsigned int GET_VALUE = cxx::ior<int>('|', 0x81);
constexpr unsigned int SET_VALUE = cxx::iow<int>('|', 0x82);
constexpr unsigned int FAIL = cxx::io('|', 0x83);
constexpr unsigned int INC_VALUE = cxx::io('|', 0x84);

/* What every open file of the device shares. */
struct Shared {
	cxx::Mutex<int> value{CXX_LOCK_CLASS("cxx_miscdev.value"), 0};
};

/* One open file. */
class MiscFile {
public:
	using Shared = ::Shared;

	explicit MiscFile(const cxx::Arc<Shared> &shared) : shared_(shared) {}

	/* The file keeps a reference to the state: it outlives the device. */
	static cxx::Result<cxx::Box<MiscFile>> open(cxx::File &, const cxx::Arc<Shared> &shared)
	{
		return cxx::Box<MiscFile>::try_new(cxx::GFP_KERNEL, shared);
	}

	cxx::Result<size_t> read(cxx::File &, cxx::UserSliceWriter &out, loff_t &pos)
	{
		char text[16];
		int len = scnprintf(text, sizeof(text), "%d\n", *value().lock());

		if (pos >= len)
			return 0;
		size_t left = len - pos; /* > 0: pos < len */
		size_t n = left < out.len() ? left : out.len();
		TRY(out.write_raw(text + pos, n));
		pos += n;
		return n;
	}

	cxx::Result<size_t> write(cxx::File &, cxx::UserSliceReader &in, loff_t &)
	{
		char text[32];
		size_t len = in.len();
		int v;

		if (len == 0)
			return 0;
		if (len >= sizeof(text))
			return cxx::code::EINVAL;
		TRY(in.read_raw(text, len));
		text[len] = '\0';
		if (kstrtoint(text, 10, &v))
			return cxx::code::EINVAL;
		*value().lock() = v;
		return len;
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long arg)
	{
		void *user = reinterpret_cast<void *>(arg);

		switch (cmd) {
		case HELLO:
			pr_info("Hello from the C++ misc device\n");
			return 0;
		case GET_VALUE: {
			int v = *value().lock();
			cxx::UserSliceWriter out(user, sizeof(int));
			TRY(out.write(v));
			return 0;
		}
		case SET_VALUE: {
			cxx::UserSliceReader in(user, sizeof(int));
			int v = TRY(in.read<int>());
			*value().lock() = v;
			return 0;
		}
		case INC_VALUE: {
			/* A negative return would read as an errno. */
			auto v = value().lock();
			if (*v < 0 || *v == __INT_MAX__)
				return cxx::code::ERANGE;
			return ++*v;
		}
		case FAIL:
			return cxx::code::EPERM;
		default:
			return cxx::code::ENOTTY;
		}
	}

private:
	/* The value, mutable: the Mutex guards it. */
	cxx::Mutex<int> &value() { return shared_.get().value; }

	cxx::Arc<Shared> shared_;
};

} /* namespace */

struct CxxMiscdev {
	cxx::Box<cxx::MiscDevice<MiscFile>> dev;

	explicit CxxMiscdev(cxx::Box<cxx::MiscDevice<MiscFile>> d) : dev(cxx::move(d)) {}
	~CxxMiscdev() { pr_info("deregistering /dev/cxx_miscdev\n"); }

	static cxx::Result<CxxMiscdev> init(cxx::ThisModule &)
	{
		auto dev = TRY(cxx::MiscDevice<MiscFile>::try_new(
			cxx::MiscOptions("cxx_miscdev").mode(0666)));
		dev_info(dev->device(), "registered /dev/cxx_miscdev, minor %d\n", dev->minor());
		return cxx::Ok<CxxMiscdev>(cxx::move(dev));
	}
};

MODULE(CxxMiscdev,
       name = "cxx_miscdev",
       author = "C++ for Linux Contributors",
       description = "C++ misc device sample",
       license = "GPL");
