// SPDX-License-Identifier: GPL-2.0
/*
 * scull, as LDD3 has it, on a misc device: the C++ half of the scull-class
 * size pair of `make bench`, with the behaviour of its C twin c_scull.c
 * (see there), written as the C++ API's documentation suggests: the data
 * behind a Mutex in the device's state, quantum sets in a BoxList, quanta
 * in BoxSlices; the open files share the device's state (open() returns
 * its Arc: nothing allocated per open, as C's private_data = dev).
 * /dev/cxx_scull; ioctls GET_QUANTUM _IO('|', 0xc0), SET_QUANTUM
 * _IO('|', 0xc1); parameters quantum and qset.
 */
#include <cxx/prelude.h>
#include <cxx/box.h>
#include <cxx/box_list.h>
#include <cxx/box_slice.h>
#include <cxx/capability.h>
#include <cxx/file.h>
#include <cxx/ioctl.h>
#include <cxx/miscdev.h>
#include <cxx/mutex.h>

MODULE_PARAM(quantum, int, 4000, 0444, "Bytes per quantum");
MODULE_PARAM(qset, int, 1000, 0444, "Quanta per quantum set");

namespace {

constexpr unsigned int GET_QUANTUM = cxx::io('|', 0xc0);
constexpr unsigned int SET_QUANTUM = cxx::io('|', 0xc1);
constexpr int MAX_QUANTUM = 65536;
constexpr int MAX_QSET = 16384;
constexpr loff_t MAX_SIZE = 64 << 20;

/* One quantum set: qset quanta, each empty until written. */
struct QSet {
	struct list_head link;
	cxx::BoxSlice<cxx::BoxSlice<char>> data;
};

/* The device's contents. */
struct Data {
	cxx::BoxList<QSet, &QSet::link> qsets;
	int quantum;
	int qset;
	size_t size = 0;

	Data(int q, int n) : quantum(q), qset(n) {}

	/* Empty the device. */
	void trim()
	{
		qsets.clear();
		size = 0;
	}

	/* Where byte @pos is: quantum @s_pos of set @return, at @q_pos in it. */
	int where(loff_t pos, int &s_pos, int &q_pos) const
	{
		int item_size = quantum * qset, rest = long(pos) % item_size;

		s_pos = rest / quantum;
		q_pos = rest % quantum;
		return long(pos) / item_size;
	}

	/* The @n-th quantum set, created (empty) as needed. */
	cxx::Result<QSet *> follow(size_t n)
	{
		for (QSet &s : qsets)
			if (n-- == 0)
				return &s;
		QSet *s;
		do {
			auto b = TRY(cxx::Box<QSet>::try_new(cxx::GFP_KERNEL));
			s = b.get();
			qsets.push_back(cxx::move(b));
		} while (n-- > 0);
		return s;
	}
};

/* The device, shared by its open files. */
class ScullFile {
public:
	using Shared = ScullFile;

	ScullFile(int q, int n) : data_(CXX_LOCK_CLASS("cxx_scull.data"), q, n) {}

	/* Opened write-only, the device is emptied (LDD3). */
	static cxx::Result<cxx::Arc<ScullFile>> open(cxx::File &f, const cxx::Arc<ScullFile> &dev)
	{
		if ((f.flags() & O_ACCMODE) == O_WRONLY)
			dev.get().data_.lock()->trim();
		return dev;
	}

	cxx::Result<size_t> read(cxx::File &, cxx::UserSliceWriter &out, loff_t &pos)
	{
		auto d = data().lock();
		size_t count = out.len();

		if (pos >= loff_t(d->size))
			return 0;
		if (pos + count > d->size)
			count = d->size - pos;
		int s_pos, q_pos;
		QSet *s = TRY(d->follow(d->where(pos, s_pos, q_pos)));
		if (count > size_t(d->quantum - q_pos))
			count = d->quantum - q_pos;
		const cxx::BoxSlice<char> *q = s->data.get(s_pos);
		if (!q || q->is_empty())
			return 0; /* a hole: end of file, as in LDD3 */
		TRY(out.write_raw(q->data() + q_pos, count));
		pos += count;
		return count;
	}

	cxx::Result<size_t> write(cxx::File &, cxx::UserSliceReader &in, loff_t &pos)
	{
		if (pos >= MAX_SIZE)
			return cxx::code::EFBIG;
		auto d = data().lock();
		int s_pos, q_pos;
		QSet *s = TRY(d->follow(d->where(pos, s_pos, q_pos)));
		if (s->data.is_empty())
			s->data = TRY(cxx::BoxSlice<cxx::BoxSlice<char>>::try_new(d->qset));
		cxx::BoxSlice<char> *q = s->data.get(s_pos);
		if (!q)
			return cxx::code::EINVAL;
		if (q->is_empty())
			*q = TRY(cxx::BoxSlice<char>::try_new_zeroed(d->quantum));
		size_t count = in.len();
		if (count > size_t(d->quantum - q_pos))
			count = d->quantum - q_pos;
		TRY(in.read_raw(q->data() + q_pos, count));
		pos += count;
		if (d->size < size_t(pos))
			d->size = pos;
		return count;
	}

	cxx::Result<loff_t> llseek(cxx::File &f, loff_t off, int whence)
	{
		switch (whence) {
		case SEEK_SET:
			return f.set_pos(off);
		case SEEK_CUR:
			return f.set_pos(f.pos() + off);
		case SEEK_END:
			return f.set_pos(data().lock()->size + off);
		default:
			return cxx::code::EINVAL;
		}
	}

	cxx::Result<long> ioctl(cxx::File &, unsigned int cmd, unsigned long arg)
	{
		switch (cmd) {
		case GET_QUANTUM:
			return data().lock()->quantum;
		case SET_QUANTUM: {
			TRY(cxx::require_capable(CAP_SYS_ADMIN));
			if (arg < 1 || arg > MAX_QUANTUM)
				return cxx::code::EINVAL;
			auto d = data().lock();
			if (!d->qsets.empty())
				return cxx::code::EBUSY;
			d->quantum = arg;
			return 0;
		}
		default:
			return cxx::code::ENOTTY;
		}
	}

private:
	cxx::Mutex<Data> &data() { return data_; }

	cxx::Mutex<Data> data_;
};

} /* namespace */

struct CxxScull {
	cxx::Box<cxx::MiscDevice<ScullFile>> dev;

	static cxx::Result<CxxScull> init(cxx::ThisModule &mod)
	{
		int q, n;
		{
			cxx::ParamLock lock(mod);
			q = quantum.read(lock);
			n = qset.read(lock);
		}

		if (q < 1 || q > MAX_QUANTUM || n < 1 || n > MAX_QSET)
			return cxx::code::EINVAL;
		auto dev = TRY(cxx::MiscDevice<ScullFile>::try_new(
			cxx::MiscOptions("cxx_scull").mode(0666), q, n));
		return cxx::Ok<CxxScull>(cxx::move(dev));
	}
};

MODULE(CxxScull,
       name = "cxx_scull",
       author = "C++ for Linux Contributors",
       description = "scull on a misc device, in C++ (size pair of c_scull)",
       license = "GPL");
