// SPDX-License-Identifier: GPL-2.0
/*
 * cxx::Atomic<T> beside C's atomic_*(): each operation in a function of
 * its own (not inlined), whose code run_tests.sh compares with its twin's
 * in atomics_twin.c; init runs both on the same values and reports any
 * difference in results.
 */
#include <cxx/prelude.h>
#include <cxx/atomic.h>

#define NOINLINE extern "C" __attribute__((noinline))

/* The C++ side: one function per operation, int and long. */
/* Declared first: the definitions below are not static (W=1). */
extern "C" int cxx_atomic_read(cxx::Atomic<int> *v);
extern "C" void cxx_atomic_set(cxx::Atomic<int> *v, int i);
extern "C" void cxx_atomic_add(cxx::Atomic<int> *v, int i);
extern "C" void cxx_atomic_inc(cxx::Atomic<int> *v);
extern "C" void cxx_atomic_dec(cxx::Atomic<int> *v);
extern "C" int cxx_atomic_fetch_add(cxx::Atomic<int> *v, int i);
extern "C" int cxx_atomic_add_return(cxx::Atomic<int> *v, int i);
extern "C" bool cxx_atomic_dec_and_test(cxx::Atomic<int> *v);
extern "C" int cxx_atomic_xchg(cxx::Atomic<int> *v, int i);
extern "C" int cxx_atomic_cmpxchg(cxx::Atomic<int> *v, int o, int n);
extern "C" bool cxx_atomic_try_cmpxchg(cxx::Atomic<int> *v, int *o, int n);
extern "C" long cxx_atomic64_read(cxx::Atomic<long> *v);
extern "C" void cxx_atomic64_add(cxx::Atomic<long> *v, long i);
extern "C" void cxx_atomic64_inc(cxx::Atomic<long> *v);
extern "C" long cxx_atomic64_fetch_add(cxx::Atomic<long> *v, long i);
extern "C" bool cxx_atomic64_dec_and_test(cxx::Atomic<long> *v);
extern "C" long cxx_atomic64_cmpxchg(cxx::Atomic<long> *v, long o, long n);

NOINLINE int cxx_atomic_read(cxx::Atomic<int> *v) { return v->load(); }
NOINLINE void cxx_atomic_set(cxx::Atomic<int> *v, int i) { v->store(i); }
NOINLINE void cxx_atomic_add(cxx::Atomic<int> *v, int i) { v->add(i); }
NOINLINE void cxx_atomic_inc(cxx::Atomic<int> *v) { v->inc(); }
NOINLINE void cxx_atomic_dec(cxx::Atomic<int> *v) { v->dec(); }
NOINLINE int cxx_atomic_fetch_add(cxx::Atomic<int> *v, int i) { return v->fetch_add(i); }
NOINLINE int cxx_atomic_add_return(cxx::Atomic<int> *v, int i) { return v->add_return(i); }
NOINLINE bool cxx_atomic_dec_and_test(cxx::Atomic<int> *v) { return v->dec_and_test(); }
NOINLINE int cxx_atomic_xchg(cxx::Atomic<int> *v, int i) { return v->xchg(i); }
NOINLINE int cxx_atomic_cmpxchg(cxx::Atomic<int> *v, int o, int n) { return v->cmpxchg(o, n); }
NOINLINE bool cxx_atomic_try_cmpxchg(cxx::Atomic<int> *v, int *o, int n) { return v->try_cmpxchg(*o, n); }
NOINLINE long cxx_atomic64_read(cxx::Atomic<long> *v) { return v->load(); }
NOINLINE void cxx_atomic64_add(cxx::Atomic<long> *v, long i) { v->add(i); }
NOINLINE void cxx_atomic64_inc(cxx::Atomic<long> *v) { v->inc(); }
NOINLINE long cxx_atomic64_fetch_add(cxx::Atomic<long> *v, long i) { return v->fetch_add(i); }
NOINLINE bool cxx_atomic64_dec_and_test(cxx::Atomic<long> *v) { return v->dec_and_test(); }
NOINLINE long cxx_atomic64_cmpxchg(cxx::Atomic<long> *v, long o, long n) { return v->cmpxchg(o, n); }

/* atomics_twin.c: the same sequence on C's atomics, the values it saw. */
extern "C" int c_atomic_sequence(long *out, int n);

namespace {

/* The sequence c_atomic_sequence() runs, on Atomic<T>: the same values in @out. */
int cxx_atomic_sequence(long *out)
{
	cxx::Atomic<int> a{5};
	cxx::Atomic<long> b{1L << 40};
	int o = 7, k = 0;

	cxx_atomic_set(&a, 10);
	cxx_atomic_add(&a, 3);
	cxx_atomic_inc(&a);
	cxx_atomic_dec(&a);
	out[k++] = cxx_atomic_read(&a);
	out[k++] = cxx_atomic_fetch_add(&a, -20);
	out[k++] = cxx_atomic_add_return(&a, 8);
	out[k++] = cxx_atomic_dec_and_test(&a);
	out[k++] = cxx_atomic_xchg(&a, 1);
	out[k++] = cxx_atomic_dec_and_test(&a);
	out[k++] = cxx_atomic_cmpxchg(&a, 1, 9);
	out[k++] = cxx_atomic_cmpxchg(&a, 0, 9);
	out[k++] = cxx_atomic_try_cmpxchg(&a, &o, 4);
	out[k++] = o;
	out[k++] = cxx_atomic_try_cmpxchg(&a, &o, 4);
	out[k++] = cxx_atomic_read(&a);
	cxx_atomic64_add(&b, 1L << 33);
	cxx_atomic64_inc(&b);
	out[k++] = cxx_atomic64_read(&b);
	out[k++] = cxx_atomic64_fetch_add(&b, -1);
	out[k++] = cxx_atomic64_dec_and_test(&b);
	out[k++] = cxx_atomic64_cmpxchg(&b, (1L << 40) + (1L << 33) - 1, 1);
	out[k++] = cxx_atomic64_dec_and_test(&b);
	return k;
}

} /* namespace */

struct CxxAtomics {
	static cxx::Result<CxxAtomics> init(cxx::ThisModule &)
	{
		long c[32], cxx[32];
		int n = cxx_atomic_sequence(cxx);
		int m = c_atomic_sequence(c, 32);

		for (int i = 0; i < n && i < m; i++)
			if (c[i] != cxx[i]) {
				pr_err("step %d: C %ld, C++ %ld\n", i, c[i], cxx[i]);
				return cxx::code::EINVAL;
			}
		if (n != m) {
			pr_err("C ran %d steps, C++ %d\n", m, n);
			return cxx::code::EINVAL;
		}
		pr_info("%d atomic results agree with C\n", n);
		return CxxAtomics{};
	}
};

MODULE(CxxAtomics,
       name = "cxx_atomics",
       author = "C++ for Linux Contributors",
       description = "cxx::Atomic<T> against C's atomic_t and atomic64_t",
       license = "GPL");
