// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/<module name>: a counter for miscdev_test's hammer mode (the read()
 * and the GET_VALUE, SET_VALUE and INC_VALUE ioctls of
 * samples/cxx/cxx_miscdev) whose increment is a read-modify-write with a
 * window: it reads the value, waits a microsecond, then writes the value it
 * read plus one. As cxx_hammer, the increment holds a cxx::Mutex and no
 * increment may be lost. The same source is built again as
 * cxx_hammer_broken with -DCXX_TEST_BROKEN_LOCK (see Kbuild), which leaves
 * the lock out: on several CPUs increments then overwrite each other, and
 * the hammer test must see it (its positive control).
 */
#include <cxx/prelude.h>
#include <cxx/ioctl.h>
#include <cxx/miscdev.h>
#include <cxx/mutex.h>

/*
 * Named, not anonymous: cxx_hammer_broken.cpp includes this file, and g++
 * warns of an anonymous namespace's types used outside the main file.
 */
namespace hammer {

constexpr unsigned int GET_VALUE = cxx::ior<int>('|', 0x81);
constexpr unsigned int SET_VALUE = cxx::iow<int>('|', 0x82);
constexpr unsigned int INC_VALUE = cxx::io('|', 0x84);

/* The counter every open file shares; lock() hands out access to it. */
#ifdef CXX_TEST_BROKEN_LOCK
struct Shared {
	/* A guard that guards nothing: the deliberate bug. */
	struct Unlocked {
		int *p;
		int &operator*() { return *p; }
	};
	int value = 0;
	Unlocked lock() { return Unlocked{&value}; }
};
#else
struct Shared {
	cxx::Mutex<int> value{CXX_LOCK_CLASS("cxx_hammer.value"), 0};
	cxx::MutexGuard<int> lock() { return value.lock(); }
};
#endif

/* Each access one load or one store, as the compiler may not merge them. */
static int load(int &v) { return *static_cast<volatile int *>(&v); }
static void store(int &v, int x) { *static_cast<volatile int *>(&v) = x; }

class HammerFile {
public:
	using Shared = hammer::Shared;

	explicit HammerFile(const cxx::Arc<Shared> &shared) : shared_(shared) {}

	static cxx::Result<cxx::Box<HammerFile>> open(cxx::File &, const cxx::Arc<Shared> &shared)
	{
		return cxx::Box<HammerFile>::try_new(cxx::GFP_KERNEL, shared);
	}

	cxx::Result<size_t> read(cxx::File &, cxx::UserSliceWriter &out, loff_t &pos)
	{
		char text[16];
		int len = scnprintf(text, sizeof(text), "%d\n", load(*shared_.get().lock()));

		if (pos >= len)
			return 0;
		size_t n = len - pos < out.len() ? len - pos : out.len();
		TRY(out.write_raw(text + pos, n));
		pos += n;
		return n;
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long arg)
	{
		void *user = reinterpret_cast<void *>(arg);

		switch (cmd) {
		case GET_VALUE: {
			int v = load(*shared_.get().lock());
			cxx::UserSliceWriter out(user, sizeof(int));
			TRY(out.write(v));
			return 0;
		}
		case SET_VALUE: {
			cxx::UserSliceReader in(user, sizeof(int));
			int v = TRY(in.read<int>());
			store(*shared_.get().lock(), v);
			return 0;
		}
		case INC_VALUE: {
			auto v = shared_.get().lock();
			int old = load(*v);

			if (old < 0 || old == __INT_MAX__)
				return cxx::code::ERANGE;
			/* The window another CPU's increment may fall into. */
			::__udelay(1);
			store(*v, old + 1);
			return old + 1;
		}
		default:
			return cxx::code::ENOTTY;
		}
	}

private:
	cxx::Arc<Shared> shared_;
};

} /* namespace hammer */

struct CxxHammer {
	cxx::Box<cxx::MiscDevice<hammer::HammerFile>> dev;

	static cxx::Result<CxxHammer> init(cxx::ThisModule &)
	{
		auto dev = TRY(cxx::MiscDevice<hammer::HammerFile>::try_new(
			cxx::MiscOptions(KBUILD_MODNAME).mode(0666)));
		return cxx::Ok<CxxHammer>(cxx::move(dev));
	}
};

MODULE(CxxHammer,
       name = KBUILD_MODNAME,
       author = "C++ for Linux Contributors",
       description = "Counter for the hammer test, with or without its lock",
       license = "GPL");
