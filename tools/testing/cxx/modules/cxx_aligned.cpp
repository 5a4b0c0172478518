// SPDX-License-Identifier: GPL-2.0
/*
 * Over-aligned types from every allocation path: 32 objects each of types
 * aligned to 16, 32 and 64 bytes, of sizes that are no power of two (so
 * plain kmalloc() would use the kmalloc-96, -192, ... caches), through
 * Box, Arc, Vec (several vectors growing side by side), new and new[].
 * Each address is checked against alignof(T); the module prints
 * "<path> alignof=<A> sizeof=<S>: <N> allocations, <M> misaligned" per
 * path and type, and "aligned: <total> allocations, <bad> misaligned".
 * Booted with slub_debug=Z (red zones around kmalloc objects), a kmalloc()
 * that ignored the alignment shows it.
 */
#include <cxx/prelude.h>
#include <cxx/arc.h>
#include <cxx/box.h>

namespace {

constexpr int COUNT = 32;
constexpr int VECS = 8;

int total, misaligned;

template <cxx::size_t Align, cxx::size_t Size> struct alignas(Align) Blob {
	unsigned char bytes[Size];
	Blob() { bytes[0] = bytes[Size - 1] = 0x5a; }
};

/* Count @p as one allocation of T; false if it failed. */
template <typename T> bool seen(const T *p, int &n, int &bad)
{
	if (!p)
		return false;
	n++;
	if (reinterpret_cast<unsigned long>(p) % alignof(T))
		bad++;
	return true;
}

template <typename T> void report(const char *path, int n, int bad, int want)
{
	pr_info("%s alignof=%zu sizeof=%zu: %d allocations, %d misaligned\n",
		path, alignof(T), sizeof(T), n, bad);
	if (n != want)
		pr_err("FAIL %s: %d of %d allocations failed\n", path, want - n, want);
	total += n;
	misaligned += bad;
}

template <typename T> void boxes()
{
	cxx::Vec<cxx::Box<T>> keep;	/* all alive at once */
	int n = 0, bad = 0;

	for (int i = 0; i < COUNT; i++) {
		auto b = cxx::Box<T>::try_new(cxx::GFP_KERNEL);
		if (!b || !seen(b.value().get(), n, bad) ||
		    !keep.try_push(cxx::move(b.value())))
			break;
	}
	report<T>("Box", n, bad, COUNT);
}

template <typename T> void arcs()
{
	cxx::Vec<cxx::Arc<T>> keep;
	int n = 0, bad = 0;

	for (int i = 0; i < COUNT; i++) {
		auto a = cxx::Arc<T>::try_new(cxx::GFP_KERNEL);
		if (!a || !seen(&a.value().get(), n, bad) ||
		    !keep.try_push(cxx::move(a.value())))
			break;
	}
	report<T>("Arc", n, bad, COUNT);
}

/* Several vectors pushed in turn, each new buffer checked. */
template <typename T> void vecs()
{
	cxx::Vec<T> v[VECS];
	int n = 0, bad = 0;

	for (int i = 0; i < COUNT; i++) {
		for (auto &vec : v) {
			cxx::size_t cap = vec.capacity();
			if (!vec.try_push(T()))
				goto out;
			if (vec.capacity() != cap)
				seen(vec.begin(), n, bad);
		}
	}
out:
	/* Capacities 4, 8, 16, 32: four buffers each. */
	report<T>("Vec", n, bad, VECS * 4);
}

template <typename T> void news()
{
	T *one[COUNT] = {};
	T *many[COUNT] = {};
	int n = 0, bad = 0, n_arr = 0, bad_arr = 0;

	for (int i = 0; i < COUNT; i++) {
		one[i] = new T;
		seen(one[i], n, bad);
		many[i] = new T[3];
		seen(many[i], n_arr, bad_arr);
	}
	for (int i = 0; i < COUNT; i++) {
		delete one[i];
		delete[] many[i];
	}
	report<T>("new", n, bad, COUNT);
	report<T>("new[]", n_arr, bad_arr, COUNT);
}

template <typename T> void every_path()
{
	boxes<T>();
	arcs<T>();
	vecs<T>();
	news<T>();
}

} /* namespace */

struct CxxAligned {
	static cxx::Result<CxxAligned> init(cxx::ThisModule &)
	{
		every_path<Blob<16, 80>>();
		every_path<Blob<16, 176>>();
		every_path<Blob<32, 96>>();
		every_path<Blob<32, 224>>();
		every_path<Blob<64, 192>>();
		every_path<Blob<16, 48>>();
		pr_info("aligned: %d allocations, %d misaligned\n", total, misaligned);
		return cxx::Ok<CxxAligned>();
	}
};

MODULE(CxxAligned, name = "cxx_aligned", author = "C++ for Linux Contributors",
       description = "Over-aligned types: Box, Arc, Vec, new, new[]", license = "GPL");
