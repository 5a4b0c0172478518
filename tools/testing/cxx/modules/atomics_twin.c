// SPDX-License-Identifier: GPL-2.0
/*
 * The C twins of atomics.cpp's functions: the same operations on C's
 * atomic_t and atomic64_t, each in a function of its own (run_tests.sh
 * compares their code), and the same sequence of calls.
 */
#include <linux/atomic.h>
#include <linux/compiler.h>

#define NOINLINE noinline

int c_atomic_sequence(long *out, int n);

/* Declared first: the definitions below are not static (W=1). */
int c_atomic_read(atomic_t *v);
void c_atomic_set(atomic_t *v, int i);
void c_atomic_add(atomic_t *v, int i);
void c_atomic_inc(atomic_t *v);
void c_atomic_dec(atomic_t *v);
int c_atomic_fetch_add(atomic_t *v, int i);
int c_atomic_add_return(atomic_t *v, int i);
bool c_atomic_dec_and_test(atomic_t *v);
int c_atomic_xchg(atomic_t *v, int i);
int c_atomic_cmpxchg(atomic_t *v, int o, int n);
bool c_atomic_try_cmpxchg(atomic_t *v, int *o, int n);
long c_atomic64_read(atomic64_t *v);
void c_atomic64_add(atomic64_t *v, long i);
void c_atomic64_inc(atomic64_t *v);
long c_atomic64_fetch_add(atomic64_t *v, long i);
bool c_atomic64_dec_and_test(atomic64_t *v);
long c_atomic64_cmpxchg(atomic64_t *v, long o, long n);

NOINLINE int c_atomic_read(atomic_t *v) { return atomic_read(v); }
NOINLINE void c_atomic_set(atomic_t *v, int i) { atomic_set(v, i); }
NOINLINE void c_atomic_add(atomic_t *v, int i) { atomic_add(i, v); }
NOINLINE void c_atomic_inc(atomic_t *v) { atomic_inc(v); }
NOINLINE void c_atomic_dec(atomic_t *v) { atomic_dec(v); }
NOINLINE int c_atomic_fetch_add(atomic_t *v, int i) { return atomic_fetch_add(i, v); }
NOINLINE int c_atomic_add_return(atomic_t *v, int i) { return atomic_add_return(i, v); }
NOINLINE bool c_atomic_dec_and_test(atomic_t *v) { return atomic_dec_and_test(v); }
NOINLINE int c_atomic_xchg(atomic_t *v, int i) { return atomic_xchg(v, i); }
NOINLINE int c_atomic_cmpxchg(atomic_t *v, int o, int n) { return atomic_cmpxchg(v, o, n); }
NOINLINE bool c_atomic_try_cmpxchg(atomic_t *v, int *o, int n) { return atomic_try_cmpxchg(v, o, n); }
NOINLINE long c_atomic64_read(atomic64_t *v) { return atomic64_read(v); }
NOINLINE void c_atomic64_add(atomic64_t *v, long i) { atomic64_add(i, v); }
NOINLINE void c_atomic64_inc(atomic64_t *v) { atomic64_inc(v); }
NOINLINE long c_atomic64_fetch_add(atomic64_t *v, long i) { return atomic64_fetch_add(i, v); }
NOINLINE bool c_atomic64_dec_and_test(atomic64_t *v) { return atomic64_dec_and_test(v); }
NOINLINE long c_atomic64_cmpxchg(atomic64_t *v, long o, long n) { return atomic64_cmpxchg(v, o, n); }

int c_atomic_sequence(long *out, int n)
{
	atomic_t a = ATOMIC_INIT(5);
	atomic64_t b = ATOMIC64_INIT(1L << 40);
	int o = 7, k = 0;

	if (n < 17)
		return 0;
	c_atomic_set(&a, 10);
	c_atomic_add(&a, 3);
	c_atomic_inc(&a);
	c_atomic_dec(&a);
	out[k++] = c_atomic_read(&a);
	out[k++] = c_atomic_fetch_add(&a, -20);
	out[k++] = c_atomic_add_return(&a, 8);
	out[k++] = c_atomic_dec_and_test(&a);
	out[k++] = c_atomic_xchg(&a, 1);
	out[k++] = c_atomic_dec_and_test(&a);
	out[k++] = c_atomic_cmpxchg(&a, 1, 9);
	out[k++] = c_atomic_cmpxchg(&a, 0, 9);
	out[k++] = c_atomic_try_cmpxchg(&a, &o, 4);
	out[k++] = o;
	out[k++] = c_atomic_try_cmpxchg(&a, &o, 4);
	out[k++] = c_atomic_read(&a);
	c_atomic64_add(&b, 1L << 33);
	c_atomic64_inc(&b);
	out[k++] = c_atomic64_read(&b);
	out[k++] = c_atomic64_fetch_add(&b, -1);
	out[k++] = c_atomic64_dec_and_test(&b);
	out[k++] = c_atomic64_cmpxchg(&b, (1L << 40) + (1L << 33) - 1, 1);
	out[k++] = c_atomic64_dec_and_test(&b);
	return k;
}
