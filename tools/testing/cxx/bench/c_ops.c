// SPDX-License-Identifier: GPL-2.0
/*
 * c_ops.c - the C twin of cxx_ops.cpp, for `make bench`.
 *
 * At load, times ROUNDS rounds of N operations of each kind (mutex,
 * spinlock, spinlock with irqsave: lock, increment, unlock; pushes into a
 * growable array, from empty and into reserved room) and prints the
 * fastest round of each: "bench_ops c <kind> <ns>". Under QEMU's -icount
 * shift=0 a guest nanosecond is one instruction, so <ns> / N is the
 * instructions per operation, loop included (the same loop in both).
 */
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define N 1000
#define ROUNDS 20

static DEFINE_MUTEX(value_lock);
static long value;
static DEFINE_SPINLOCK(count_lock);
static long count;

/* A growable array of int, as a C driver writes one. */
struct int_vec {
	int *data;
	size_t len, cap;
};

static int int_vec_reserve(struct int_vec *v, size_t more)
{
	size_t cap;
	int *p;

	if (more <= v->cap - v->len)
		return 0;
	cap = v->cap ? v->cap : 4;
	while (cap < v->len + more)
		cap *= 2;
	p = krealloc_array(v->data, cap, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	v->data = p;
	v->cap = cap;
	return 0;
}

static int int_vec_push(struct int_vec *v, int x)
{
	if (v->len == v->cap) {
		int err = int_vec_reserve(v, 1);

		if (err)
			return err;
	}
	v->data[v->len++] = x;
	return 0;
}

static u64 mutex_round(void)
{
	u64 t0 = ktime_get_ns();

	for (int i = 0; i < N; i++) {
		mutex_lock(&value_lock);
		value++;
		mutex_unlock(&value_lock);
	}
	return ktime_get_ns() - t0;
}

static u64 spin_round(void)
{
	u64 t0 = ktime_get_ns();

	for (int i = 0; i < N; i++) {
		spin_lock(&count_lock);
		count++;
		spin_unlock(&count_lock);
	}
	return ktime_get_ns() - t0;
}

static u64 spin_irqsave_round(void)
{
	u64 t0 = ktime_get_ns();

	for (int i = 0; i < N; i++) {
		unsigned long flags;

		spin_lock_irqsave(&count_lock, flags);
		count++;
		spin_unlock_irqrestore(&count_lock, flags);
	}
	return ktime_get_ns() - t0;
}

/* @reserve: room for N made before the clock starts. */
static u64 push_round(bool reserve)
{
	struct int_vec v = {};
	u64 t0, t;

	if (reserve && int_vec_reserve(&v, N))
		return 0;
	t0 = ktime_get_ns();
	for (int i = 0; i < N; i++)
		if (int_vec_push(&v, i))
			break;
	t = ktime_get_ns() - t0;
	kfree(v.data);
	return v.len == N ? t : 0;
}

static u64 fastest(u64 (*round)(bool), bool arg)
{
	u64 best = U64_MAX;

	for (int r = 0; r < ROUNDS; r++)
		best = min(best, round(arg));
	return best;
}

static u64 call_mutex(bool unused) { return mutex_round(); }
static u64 call_spin(bool unused) { return spin_round(); }
static u64 call_spin_irqsave(bool unused) { return spin_irqsave_round(); }

static int __init c_ops_init(void)
{
	pr_info("bench_ops c mutex %llu\n", fastest(call_mutex, false));
	pr_info("bench_ops c spin %llu\n", fastest(call_spin, false));
	pr_info("bench_ops c spin_irqsave %llu\n", fastest(call_spin_irqsave, false));
	pr_info("bench_ops c push_growing %llu\n", fastest(push_round, false));
	pr_info("bench_ops c push_reserved %llu\n", fastest(push_round, true));
	return 0;
}

static void __exit c_ops_exit(void)
{
}

module_init(c_ops_init);
module_exit(c_ops_exit);
MODULE_DESCRIPTION("C twin of cxx_ops (benchmark)");
MODULE_LICENSE("GPL");
