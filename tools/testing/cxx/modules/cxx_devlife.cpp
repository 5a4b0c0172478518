// SPDX-License-Identifier: GPL-2.0
/*
 * Device objects destroyed while files on them are open, as when a driver
 * unbinds its device: a Chrdev of one minor ("cxx_devlife" in
 * /proc/devices) and the misc device /dev/cxx_devlife_misc, both served by
 * DevFile with Shared state, and the control device /dev/cxx_devlife_ctl,
 * whose ioctl DESTROY destroys those two (-ENODEV the second time).
 *
 * Reading a DevFile returns "<name> open K of N\n" (K: its own open, N: the
 * opens so far) in one read() (a shorter buffer: -EFAULT), then
 * end-of-file; its ioctl GET_OPENS returns N. Each
 * Shared says "<name>: shared state freed" when it goes.
 * tools/testing/cxx/user/devlife_test.c drives it; the ioctl numbers are
 * DESTROY _IO('|', 0xa0) and GET_OPENS _IO('|', 0xa1).
 */
#include <cxx/prelude.h>
#include <cxx/arc.h>
#include <cxx/chrdev.h>
#include <cxx/ioctl.h>
#include <cxx/miscdev.h>
#include <cxx/mutex.h>
#include <cxx/spinlock.h>

namespace {

constexpr unsigned int DESTROY = cxx::io('|', 0xa0);
constexpr unsigned int GET_OPENS = cxx::io('|', 0xa1);

struct Shared {
	explicit Shared(const char *n) : name(n) {}
	~Shared() { pr_info("%s: shared state freed\n", name); }

	const char *name;
	cxx::SpinLock<unsigned int> opens{CXX_LOCK_CLASS("cxx_devlife.opens"), 0u};
};

/* One open file of either device; it keeps the Shared state it was given. */
class DevFile {
public:
	using Shared = ::Shared;

	DevFile(const cxx::Arc<Shared> &shared, unsigned int open) : shared_(shared), open_(open) {}

	static cxx::Result<cxx::Box<DevFile>> open(cxx::File &f, unsigned int,
						   const cxx::Arc<Shared> &shared)
	{
		return open(f, shared);
	}

	static cxx::Result<cxx::Box<DevFile>> open(cxx::File &, const cxx::Arc<Shared> &shared)
	{
		unsigned int n = ++*shared.get().opens.lock();
		return cxx::Box<DevFile>::try_new(cxx::GFP_KERNEL, shared, n);
	}

	cxx::Result<size_t> read(cxx::File &, cxx::UserSliceWriter &out, loff_t &pos)
	{
		char text[64];
		unsigned int opens = *shared_.get().opens.lock();
		int len = scnprintf(text, sizeof(text), "%s open %u of %u\n", shared_->name,
				    open_, opens);

		if (pos)
			return 0;
		TRY(out.write_raw(text, len));
		pos = len;
		return len;
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long)
	{
		if (cmd != GET_OPENS)
			return cxx::code::ENOTTY;
		return *shared_.get().opens.lock();
	}

private:
	cxx::Arc<Shared> shared_;
	unsigned int open_;
};

using Chr = cxx::Chrdev<DevFile, 1>;
using Misc = cxx::MiscDevice<DevFile>;

/* The devices the control destroys; empty Boxes once destroyed. */
struct Devices {
	Devices(cxx::Box<Chr> c, cxx::Box<Misc> m) : chr(cxx::move(c)), misc(cxx::move(m)) {}
	cxx::Box<Chr> chr;
	cxx::Box<Misc> misc;
};

struct Control {
	Control(cxx::Box<Chr> c, cxx::Box<Misc> m)
		: devs(CXX_LOCK_CLASS("cxx_devlife.devs"), cxx::move(c), cxx::move(m))
	{
	}
	cxx::Mutex<Devices> devs;
};

class CtlFile {
public:
	using Shared = Control;

	explicit CtlFile(const cxx::Arc<Control> &ctl) : ctl_(ctl) {}

	static cxx::Result<cxx::Box<CtlFile>> open(cxx::File &, const cxx::Arc<Control> &ctl)
	{
		return cxx::Box<CtlFile>::try_new(cxx::GFP_KERNEL, ctl);
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long)
	{
		if (cmd != DESTROY)
			return cxx::code::ENOTTY;
		auto devs = ctl_.get().devs.lock();
		if (!devs->chr.get())
			return cxx::code::ENODEV;
		{
			cxx::Box<Chr> chr = cxx::move(devs->chr);
			cxx::Box<Misc> misc = cxx::move(devs->misc);
		}
		pr_info("devices destroyed\n");
		return 0;
	}

private:
	cxx::Arc<Control> ctl_;
};

} /* namespace */

struct CxxDevlife {
	cxx::Box<cxx::MiscDevice<CtlFile>> ctl;

	explicit CxxDevlife(cxx::Box<cxx::MiscDevice<CtlFile>> c) : ctl(cxx::move(c)) {}

	static cxx::Result<CxxDevlife> init(cxx::ThisModule &)
	{
		auto chr = TRY(Chr::try_new("cxx_devlife", "cxx_devlife_chr"));
		auto misc = TRY(Misc::try_new(cxx::MiscOptions("cxx_devlife_misc").mode(0666),
					      "cxx_devlife_misc"));
		auto ctl = TRY(cxx::MiscDevice<CtlFile>::try_new(
			cxx::MiscOptions("cxx_devlife_ctl").mode(0600), cxx::move(chr),
			cxx::move(misc)));
		return cxx::Ok<CxxDevlife>(cxx::move(ctl));
	}
};

MODULE(CxxDevlife,
       name = "cxx_devlife",
       author = "C++ for Linux Contributors",
       description = "Test: devices destroyed while their files are open",
       license = "GPL");
