// SPDX-License-Identifier: GPL-2.0
/*
 * A character device of two minors served by one file class (the C++ twin
 * of Rust's rust_chrdev). The region appears in /proc/devices as
 * "cxx_chrdev"; reading minor M returns "minor M, open K\n", K counting
 * the opens of that minor, then end-of-file. Writing is not supported
 * (the class has no write(), so write() fails with EINVAL).
 */
#include <cxx/prelude.h>
#include <cxx/arc.h>
#include <cxx/chrdev.h>
#include <cxx/spinlock.h>

namespace {

constexpr unsigned int MINORS = 2;

struct Counts {
	unsigned int opens[MINORS];
};

struct Shared {
	cxx::SpinLock<Counts> counts{CXX_LOCK_CLASS("cxx_chrdev.counts")};
};

class ChrFile {
public:
	using Shared = ::Shared;

	ChrFile(unsigned int minor, unsigned int open) : minor_(minor), open_(open) {}

	static cxx::Result<cxx::Box<ChrFile>> open(cxx::File &, unsigned int minor,
						   const cxx::Arc<Shared> &shared)
	{
		unsigned int n = ++shared.get().counts.lock()->opens[minor];
		return cxx::Box<ChrFile>::try_new(cxx::GFP_KERNEL, minor, n);
	}

	cxx::Result<size_t> read(cxx::File &, cxx::UserSliceWriter &out, loff_t &pos)
	{
		char text[40];
		int len = scnprintf(text, sizeof(text), "minor %u, open %u\n", minor_, open_);

		if (pos >= len)
			return 0;
		size_t n = len - pos < out.len() ? len - pos : out.len();
		TRY(out.write_raw(text + pos, n));
		pos += n;
		return n;
	}

private:
	unsigned int minor_, open_;
};

} /* namespace */

struct CxxChrdev {
	cxx::Box<cxx::Chrdev<ChrFile, MINORS>> dev;

	explicit CxxChrdev(cxx::Box<cxx::Chrdev<ChrFile, MINORS>> d) : dev(cxx::move(d)) {}
	~CxxChrdev() { pr_info("unregistering major %u\n", dev->major()); }

	static cxx::Result<CxxChrdev> init(cxx::ThisModule &)
	{
		auto dev = TRY((cxx::Chrdev<ChrFile, MINORS>::try_new("cxx_chrdev")));
		pr_info("registered major %u, minors %u..%u\n", dev->major(),
			dev->first_minor(), dev->first_minor() + MINORS - 1);
		return cxx::Ok<CxxChrdev>(cxx::move(dev));
	}
};

MODULE(CxxChrdev,
       name = "cxx_chrdev",
       author = "C++ for Linux Contributors",
       description = "C++ character device sample: two minors",
       license = "GPL");
