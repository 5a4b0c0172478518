// SPDX-License-Identifier: GPL-2.0
/*
 * cxx_ops.cpp - the C++ side of c_ops.c, for `make bench`: the same
 * operations through cxx::Mutex, cxx::SpinLock and cxx::Vec, timed the same
 * way, printed as "bench_ops cxx <kind> <ns>".
 */
#include <cxx/prelude.h>
#include <cxx/mutex.h>
#include <cxx/spinlock.h>

namespace {

constexpr int N = 1000;
constexpr int ROUNDS = 20;

cxx::Mutex<long> value{CXX_LOCK_CLASS("value"), 0};
cxx::SpinLock<long> count{CXX_LOCK_CLASS("count"), 0};

u64 mutex_round()
{
	u64 t0 = ktime_get_ns();

	for (int i = 0; i < N; i++)
		++*value.lock();
	return ktime_get_ns() - t0;
}

u64 spin_round()
{
	u64 t0 = ktime_get_ns();

	for (int i = 0; i < N; i++)
		++*count.lock();
	return ktime_get_ns() - t0;
}

u64 spin_irqsave_round()
{
	u64 t0 = ktime_get_ns();

	for (int i = 0; i < N; i++)
		++*count.lock_irqsave();
	return ktime_get_ns() - t0;
}

/* @reserve: room for N made before the clock starts. */
u64 push_round(bool reserve)
{
	cxx::Vec<int> v;

	if (reserve && !v.try_reserve(N))
		return 0;
	u64 t0 = ktime_get_ns();
	for (int i = 0; i < N; i++)
		if (!v.try_push(i))
			break;
	u64 t = ktime_get_ns() - t0;
	return v.len() == N ? t : 0;
}

template <typename F> u64 fastest(F round)
{
	u64 best = ~0ULL;

	for (int r = 0; r < ROUNDS; r++) {
		u64 t = round();
		best = t < best ? t : best;
	}
	return best;
}

} /* namespace */

struct CxxOps {
	static cxx::Result<CxxOps> init(cxx::ThisModule &)
	{
		pr_info("bench_ops cxx mutex %llu\n", fastest(mutex_round));
		pr_info("bench_ops cxx spin %llu\n", fastest(spin_round));
		pr_info("bench_ops cxx spin_irqsave %llu\n", fastest(spin_irqsave_round));
		pr_info("bench_ops cxx push_growing %llu\n",
			fastest([] { return push_round(false); }));
		pr_info("bench_ops cxx push_reserved %llu\n",
			fastest([] { return push_round(true); }));
		return cxx::Ok<CxxOps>();
	}
};

MODULE(CxxOps, name = "cxx_ops", description = "C++ side of c_ops (benchmark)",
       license = "GPL");
