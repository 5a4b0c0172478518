// SPDX-License-Identifier: GPL-2.0
/*
 * A debugfs directory, /sys/kernel/debug/cxx_debugfs (the C++ twin of
 * Rust's rust_debugfs), holding:
 *
 *  - limit: a u32 (debugfs_create_u32(), 0644), 100 at load;
 *  - total: a file of our own, read as decimal text and a newline; writing
 *    a decimal number adds it to the total (-EINVAL if it is above limit or
 *    not a number), writing "reset" sets it to 0;
 *  - reads: an Atomic<int> (debugfs_create_atomic_t(), 0444), how many
 *    times total was read from its start.
 *
 * Unloading removes the directory, then prints the total.
 */
#include <cxx/prelude.h>
#include <cxx/arc.h>
#include <cxx/atomic.h>
#include <cxx/debugfs.h>
#include <cxx/read_once.h>

namespace {

/* What the module and the files share. */
struct Shared {
	u32 limit = 100;
	cxx::Atomic<int> reads{0};
	cxx::Atomic<long> total{0};
};

/* One open "total" file. */
class TotalFile {
public:
	using Shared = ::Shared;

	explicit TotalFile(const cxx::Arc<Shared> &shared) : shared_(shared) {}

	static cxx::Result<cxx::Box<TotalFile>> open(cxx::File &, const cxx::Arc<Shared> &shared)
	{
		return cxx::Box<TotalFile>::try_new(cxx::GFP_KERNEL, shared);
	}

	cxx::Result<size_t> read(cxx::File &, cxx::UserSliceWriter &out, loff_t &pos)
	{
		char text[24];
		int len = scnprintf(text, sizeof(text), "%ld\n", s().total.load());

		if (pos == 0)
			s().reads.inc();
		if (pos >= len)
			return 0;
		size_t n = len - pos < out.len() ? len - pos : out.len();
		TRY(out.write_raw(text + pos, n));
		pos += n;
		return n;
	}

	cxx::Result<size_t> write(cxx::File &, cxx::UserSliceReader &in, loff_t &)
	{
		char text[24];
		size_t len = in.len();
		u32 v;

		if (len == 0 || len >= sizeof(text))
			return cxx::code::EINVAL;
		TRY(in.read_raw(text, len));
		text[len] = '\0';
		if (sysfs_streq(text, "reset")) {
			s().total.store(0);
			return len;
		}
		if (kstrtou32(text, 10, &v) || v > cxx::read_once(s().limit))
			return cxx::code::EINVAL;
		s().total.add(v);
		return len;
	}

private:
	Shared &s() { return shared_.get(); }

	cxx::Arc<Shared> shared_;
};

} /* namespace */

struct CxxDebugfs {
	cxx::Arc<Shared> shared;
	/* After what its files reach: removed first. */
	cxx::debugfs::Dir dir;

	CxxDebugfs(cxx::Arc<Shared> s, cxx::debugfs::Dir d) : shared(cxx::move(s)), dir(cxx::move(d)) {}
	~CxxDebugfs()
	{
		dir = cxx::debugfs::Dir();	/* removed: no call in progress */
		pr_info("removed; total %ld, read %d times\n", shared->total.load(),
			shared.get().reads.load());
	}

	static cxx::Result<CxxDebugfs> init(cxx::ThisModule &)
	{
		auto shared = TRY(cxx::Arc<Shared>::try_new(cxx::GFP_KERNEL));
		auto dir = TRY(cxx::debugfs::Dir::create("cxx_debugfs"));

		dir.u32("limit", 0644, shared.get().limit);
		dir.atomic("reads", 0444, shared.get().reads);
		TRY(dir.file<TotalFile>("total", 0644, shared));
		pr_info("created /sys/kernel/debug/cxx_debugfs\n");
		return cxx::Ok<CxxDebugfs>(cxx::move(shared), cxx::move(dir));
	}
};

MODULE(CxxDebugfs,
       name = "cxx_debugfs",
       author = "C++ for Linux Contributors",
       description = "C++ debugfs sample: a directory, a u32, an atomic and a file",
       license = "GPL");
