// SPDX-License-Identifier: GPL-2.0
/*
 * The API a scull-class driver needs (issue 13): BoxSlice, Vec::try_resize,
 * BoxList, File positions and the seek helpers, capable(), and a parameter
 * written from C++.
 *
 * init checks BoxSlice, Vec, BoxList, capable() and the parameter
 * "quantum" in the kernel, printing "ok <what>" or "FAIL <what>" per check
 * and "api tests done: N failed"; then registers /dev/cxx_api (0666). Each
 * open file holds a 64-byte BoxSlice<char> ('a' to 'z' over and over) that
 * read() returns from the file position. Its ioctls:
 *
 *	SET_QUANTUM _IO('|', 0xb0)  needs CAP_SYS_ADMIN (else EPERM); sets
 *	                            the parameter quantum to the argument
 *	SEEK_MODE   _IO('|', 0xb1)  how llseek() seeks: 0 seek_fixed_size(64)
 *	                            (the default), 1 seek_default(),
 *	                            2 seek_none(); else EINVAL
 *
 * /dev/cxx_api_shared (0666) has no per-open object: ApiShared::open()
 * returns an Arc to the device's own state, so an open file holds one
 * reference and nothing is allocated. Its ioctl REFS _IO('|', 0xb2)
 * returns how many references the state had when that file was opened
 * (the device's and every open file's).
 *
 * tools/testing/cxx/user/api_test.c drives both. Exit prints the parameter
 * ("quantum=N at exit"), how many counted objects are still alive and the
 * references the shared state has left (1: the device's).
 */
#include <cxx/prelude.h>
#include <cxx/box.h>
#include <cxx/box_list.h>
#include <cxx/box_slice.h>
#include <cxx/capability.h>
#include <cxx/file.h>
#include <cxx/ioctl.h>
#include <cxx/miscdev.h>

MODULE_PARAM(quantum, int, 4000, 0644, "Bytes per quantum (scull's scull_quantum)");

namespace {

constexpr unsigned int SET_QUANTUM = cxx::io('|', 0xb0);
constexpr unsigned int SEEK_MODE = cxx::io('|', 0xb1);
constexpr unsigned int REFS = cxx::io('|', 0xb2);
constexpr size_t FILE_SIZE = 64;

#include "check.h"

/* Objects alive: every constructor counts up, every destructor down. */
int alive;

struct Counted {
	Counted() : value(7) { alive++; }
	explicit Counted(int v) : value(v) { alive++; }
	Counted(Counted &&o) : value(o.value) { alive++; }
	~Counted() { alive--; }
	int value;
};

struct alignas(64) Wide {
	char bytes[64];
};

void check_box_slice()
{
	/* A dirty slab object, freed: the zeroed buffer likely reuses it. */
	char *dirty = static_cast<char *>(kmalloc(512, GFP_KERNEL));
	if (dirty) {
		memset(dirty, 0xff, 512);
		kfree(dirty);
	}
	{
		auto r = cxx::BoxSlice<char>::try_new_zeroed(512);
		bool zero = r.is_ok() && r.value().len() == 512;
		for (size_t i = 0; zero && i < 512; i++)
			zero = *r.value().get(i) == 0;
		check(zero, "BoxSlice<char>::try_new_zeroed(512): 512 zero bytes");
	}
	{
		auto r = cxx::BoxSlice<long>::try_new(100);
		long sum = 1;
		if (r) {
			sum = 0;
			for (long v : r.value())
				sum += v != 0;
		}
		check(r && r.value().size() == 100 && sum == 0,
		      "BoxSlice<long>::try_new(100): 100 value-initialised zeros");
		if (r) {
			cxx::BoxSlice<long> &b = r.value();
			check(b.get(99) == b.data() + 99 && !b.get(100) && !b.get(~0UL),
			      "BoxSlice::get(): element 99, nullptr at 100 and SIZE_MAX");
			cxx::BoxSlice<long> moved = cxx::move(b);
			check(moved.len() == 100 && b.len() == 0 && !b.data() && !b.get(0),
			      "BoxSlice move: the source is empty, get(0) nullptr");
		}
	}
	{
		auto r = cxx::BoxSlice<Counted>::try_new(7);
		check(r && alive == 7 && r.value().get(6)->value == 7,
		      "BoxSlice<Counted>::try_new(7): seven constructors");
	}
	check(alive == 0, "BoxSlice<Counted>: seven destructors");
	{
		auto r = cxx::BoxSlice<char>::try_new(KMALLOC_MAX_SIZE + 1);
		check(!r && r.error() == cxx::code::ENOMEM,
		      "BoxSlice<char>::try_new(KMALLOC_MAX_SIZE + 1): ENOMEM");
		auto o = cxx::BoxSlice<u64>::try_new(~0UL / 4);
		check(!o && o.error() == cxx::code::ENOMEM,
		      "BoxSlice<u64>::try_new(SIZE_MAX / 4), n * 8 overflows: ENOMEM");
	}
	{
		auto r = cxx::BoxSlice<int>::try_new(0);
		check(r && r.value().is_empty() && !r.value().data(),
		      "BoxSlice::try_new(0): empty, nothing allocated");
	}
	{
		auto r = cxx::BoxSlice<Wide>::try_new(3);
		check(r && reinterpret_cast<unsigned long>(r.value().data()) % 64 == 0,
		      "BoxSlice<alignas(64)>: aligned to 64");
	}
}

void check_vec_resize()
{
	cxx::Vec<Counted> v;
	bool ok = v.try_resize(10).is_ok() && v.len() == 10 && alive == 10 &&
		  v[9].value == 7;
	check(ok, "Vec::try_resize(10): ten constructed");
	ok = v.try_resize(3).is_ok() && v.len() == 3 && alive == 3;
	check(ok, "Vec::try_resize(3): seven destroyed");
	auto r = v.try_resize(KMALLOC_MAX_SIZE);
	check(!r && r.error() == cxx::code::ENOMEM && v.len() == 3 && alive == 3,
	      "Vec::try_resize(too many): ENOMEM, unchanged");
}

struct Item {
	explicit Item(int v) : counted(v) {}
	Counted counted;
	struct list_head link;
};

using Items = cxx::BoxList<Item, &Item::link>;

/* Push items 1..@n at the back. */
bool fill(Items &items, int n)
{
	for (int i = 1; i <= n; i++) {
		auto b = cxx::Box<Item>::try_new(cxx::GFP_KERNEL, i);
		if (!b)
			return false;
		items.push_back(cxx::move(b).value());
	}
	return true;
}

void check_box_list()
{
	{
		Items items;
		check(fill(items, 6) && items.len() == 6 && alive == 6,
		      "BoxList: six pushed");
		{
			auto first = items.pop_front();
			check(first && first.value()->counted.value == 1 && alive == 6 &&
				      items.len() == 5,
			      "BoxList::pop_front(): item 1, still alive in its Box");
		}
		check(alive == 5, "BoxList: the popped Box frees item 1");
		Item *front = items.front();
		{
			cxx::Box<Item> two = items.take(*front);
			check(two->counted.value == 2 && items.len() == 4,
			      "BoxList::take(): item 2 out");
		}
		size_t n = items.remove_if([](Item &it) { return it.counted.value % 2 == 0; });
		check(n == 2 && alive == 2 && items.len() == 2,
		      "BoxList::remove_if(): items 4 and 6 freed");
		int sum = 0;
		for (Item &it : items)
			sum += it.counted.value;
		check(sum == 3 + 5, "BoxList: range-for sees items 3 and 5");
		items.clear();
		check(items.empty() && alive == 0, "BoxList::clear(): every item freed");
		auto none = items.pop_front();
		check(!none && none.error() == cxx::code::ENOENT,
		      "BoxList::pop_front() on an empty list: ENOENT");
		check(fill(items, 3) && alive == 3, "BoxList: three pushed again");
	}
	check(alive == 0, "BoxList destructor: every item freed");
}

void check_capable_and_param()
{
	/* insmod runs as root, with every capability. */
	check(cxx::capable(CAP_SYS_ADMIN) && cxx::require_capable(CAP_SYS_ADMIN).is_ok(),
	      "capable(CAP_SYS_ADMIN) in insmod");

	int before;
	{
		auto lock = cxx::ParamLock(cxx::ThisModule::current());
		before = quantum.read(lock);
	}
	auto bad = quantum.set_str("abc");
	{
		auto lock = cxx::ParamLock(cxx::ThisModule::current());
		check(!bad && bad.error() == cxx::code::EINVAL && quantum.read(lock) == before,
		      "param set_str(\"abc\"): EINVAL, value unchanged");
	}
	auto good = quantum.set_str("4001");
	{
		auto lock = cxx::ParamLock(cxx::ThisModule::current());
		check(good && quantum.read(lock) == 4001, "param set_str(\"4001\")");
		quantum.write(lock, quantum.read(lock) + 1);
		check(quantum.read(lock) == 4002, "param write() under the lock");
	}
	quantum.set(before);
	auto lock = cxx::ParamLock(cxx::ThisModule::current());
	check(quantum.read(lock) == before, "param set() back to its value");
}

/* An open /dev/cxx_api: 64 bytes of its own, and how it seeks. */
class ApiFile {
public:
	explicit ApiFile(cxx::BoxSlice<char> data) : data_(cxx::move(data)) {}

	static cxx::Result<cxx::Box<ApiFile>> open(cxx::File &)
	{
		auto data = TRY(cxx::BoxSlice<char>::try_new(FILE_SIZE));
		size_t i = 0;
		for (char &c : data)
			c = 'a' + i++ % 26;
		return cxx::Box<ApiFile>::try_new(cxx::GFP_KERNEL, cxx::move(data));
	}

	cxx::Result<size_t> read(cxx::File &, cxx::UserSliceWriter &out, loff_t &pos)
	{
		const char *from = pos >= 0 ? data_.get(pos) : nullptr;
		if (!from)
			return 0;
		size_t left = data_.len() - size_t(pos);
		size_t n = out.len() < left ? out.len() : left;
		TRY(out.write_raw(from, n));
		pos += n;
		return n;
	}

	cxx::Result<loff_t> llseek(cxx::File &f, loff_t offset, int whence)
	{
		switch (mode_) {
		case 0:
			return cxx::seek_fixed_size(f, offset, whence, data_.len());
		case 1:
			return cxx::seek_default(f, offset, whence);
		default:
			return cxx::seek_none(f);
		}
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long arg)
	{
		switch (cmd) {
		case SET_QUANTUM:
			TRY(cxx::require_capable(CAP_SYS_ADMIN));
			quantum.set(int(arg));
			return 0;
		case SEEK_MODE:
			if (arg > 2)
				return cxx::code::EINVAL;
			mode_ = int(arg);
			return 0;
		default:
			return cxx::code::ENOTTY;
		}
	}

private:
	cxx::BoxSlice<char> data_;
	int mode_ = 0;
};

/*
 * /dev/cxx_api_shared: the open files share the device's state, each
 * holding one reference to it (no per-open object to allocate).
 */
class ApiShared {
public:
	using Shared = ApiShared;

	static cxx::Result<cxx::Arc<ApiShared>> open(cxx::File &, const cxx::Arc<ApiShared> &s)
	{
		cxx::Arc<ApiShared> ref = s;
		::atomic_set(&ref.get().refs_at_open_, int(ref.count()));
		return ref;
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long)
	{
		if (cmd != REFS)
			return cxx::code::ENOTTY;
		return long(::atomic_read(&refs_at_open_));
	}

private:
	atomic_t refs_at_open_ = {};
};

} /* namespace */

struct CxxApi {
	cxx::Box<cxx::MiscDevice<ApiFile>> dev;
	cxx::Box<cxx::MiscDevice<ApiShared>> shared_dev;

	CxxApi(cxx::Box<cxx::MiscDevice<ApiFile>> d, cxx::Box<cxx::MiscDevice<ApiShared>> s)
		: dev(cxx::move(d)), shared_dev(cxx::move(s))
	{
	}
	~CxxApi()
	{
		auto lock = cxx::ParamLock(cxx::ThisModule::current());
		pr_info("quantum=%d at exit, %d counted objects alive, %u shared references\n",
			quantum.read(lock), alive, shared_dev->shared().count());
	}

	static cxx::Result<CxxApi> init(cxx::ThisModule &)
	{
		check_box_slice();
		check_vec_resize();
		check_box_list();
		check_capable_and_param();
		pr_info("api tests done: %d failed\n", failures);
		if (failures)
			return cxx::code::EINVAL;
		auto dev = TRY(cxx::MiscDevice<ApiFile>::try_new(
			cxx::MiscOptions("cxx_api").mode(0666)));
		auto shared_dev = TRY(cxx::MiscDevice<ApiShared>::try_new(
			cxx::MiscOptions("cxx_api_shared").mode(0666)));
		return cxx::Ok<CxxApi>(cxx::move(dev), cxx::move(shared_dev));
	}
};

MODULE(CxxApi,
       name = "cxx_api",
       author = "C++ for Linux Contributors",
       description = "Tests of BoxSlice, BoxList, seek helpers, capable, writable params",
       license = "GPL");
