/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: Atomic<T>
 *
 * The kernel's atomic_t (Atomic<int>) and atomic64_t (Atomic<long>), with
 * C's semantics (Documentation/atomic_t.txt): load() and store() are plain
 * once-accesses and order nothing; the operations that return a value
 * (fetch_add(), add_return(), xchg(), cmpxchg(), dec_and_test(), ...)
 * are fully ordered; those that return nothing (add(), inc(), ...) are
 * atomic but order nothing.
 *
 *	cxx::Atomic<int> hits{0};
 *	hits.inc();				// lock incl, as atomic_inc()
 *	if (refs.dec_and_test())		// lock decl; sete, as C
 *		...
 *	int seen = hits.load();
 *
 * They compile inline, to the instructions C's atomic_*() do: on x86 the
 * same `lock`-prefixed instructions, written as the kernel's
 * arch/x86/include/asm/atomic.h writes them (and recorded in .smp_locks,
 * so a uniprocessor boot patches the prefix away as for C); elsewhere the
 * compiler's __atomic builtins with the kernel's orderings. No call to a
 * C helper is made. With KASAN they check the access as C's instrumented
 * atomics do.
 *
 * An Atomic converts to the C type's pointer with as_ptr(), for C APIs
 * (debugfs_create_atomic_t(), ...). It is neither copied nor moved.
 */
#ifndef _CXX_ATOMIC_H
#define _CXX_ATOMIC_H

#include <generated/cxx/bindings.h>
#include <cxx/utility.h>

namespace cxx {

namespace detail {

/* The C type behind Atomic<T>. */
template <typename T> struct atomic_c;
template <> struct atomic_c<int> { using type = atomic_t; };
template <> struct atomic_c<long> { using type = atomic64_t; };

#if defined(CONFIG_X86)
#ifdef CONFIG_SMP
/* arch/x86/include/asm/alternative.h's LOCK_PREFIX. */
#define CXX_LOCK_PREFIX                                                       \
	".pushsection .smp_locks,\"a\"\n"                                     \
	".balign 4\n"                                                         \
	".long 671f - .\n"                                                    \
	".popsection\n"                                                       \
	"671:\n\tlock; "
#else
#define CXX_LOCK_PREFIX ""
#endif
#endif

#if defined(__SANITIZE_ADDRESS__) && (defined(CONFIG_KASAN_GENERIC) || defined(CONFIG_KASAN_SW_TAGS))
#define CXX_KASAN_CHECKS 1
#else
#define CXX_KASAN_CHECKS 0
#endif

/* C's instrument_atomic_read_write() (and _write()): KASAN's check. */
template <typename T> __attribute__((always_inline)) inline void instrument_rw(T *p)
{
	if constexpr (CXX_KASAN_CHECKS)
		::__kasan_check_write(p, sizeof(*p));
}

/* C's instrument_atomic_read(): KASAN's check of a read. */
template <typename T> __attribute__((always_inline)) inline void instrument_read(const T *p)
{
	if constexpr (CXX_KASAN_CHECKS)
		::__kasan_check_read(p, sizeof(*p));
}
#undef CXX_KASAN_CHECKS

} /* namespace detail */

/**
 * class Atomic - an atomic int (atomic_t) or long (atomic64_t).
 *
 * Invariant: every access to the counter is one of the operations below;
 * none tears, and the read-modify-writes are indivisible.
 */
template <typename T> class Atomic {
	using C = typename detail::atomic_c<T>::type;
	/* The counter's own type: int, or s64 (long long) for atomic64_t. */
	using V = decltype(C::counter);
	static_assert(sizeof(V) == sizeof(T), "Atomic<T>: T has the C counter's size");

public:
	/** Atomic(v) - a counter holding @v (C's ATOMIC_INIT()). */
	constexpr explicit Atomic(T v = 0) : a_{v} {}
	Atomic(const Atomic &) = delete;
	Atomic &operator=(const Atomic &) = delete;

	/** as_ptr() - the atomic_t or atomic64_t, for C. */
	C *as_ptr() { return &a_; }

	/** load() - atomic_read(): the value, read once; no ordering. */
	[[nodiscard]] __attribute__((always_inline)) T load() const
	{
		detail::instrument_read(&a_.counter);
		return *static_cast<const volatile V *>(&a_.counter);
	}

	/** store() - atomic_set(): write @v once; no ordering. */
	__attribute__((always_inline)) void store(T v)
	{
		detail::instrument_rw(&a_.counter);
		*static_cast<volatile V *>(&a_.counter) = v;
	}

	/** add(), sub() - atomic_add(), atomic_sub(); no ordering. */
	__attribute__((always_inline)) void add(T v)
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		asm volatile(CXX_LOCK_PREFIX "add%z0 %1,%0"
			     : "+m"(a_.counter) : "er"(V(v)) : "memory");
#else
		__atomic_fetch_add(&a_.counter, v, __ATOMIC_RELAXED);
#endif
	}
	__attribute__((always_inline)) void sub(T v)
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		asm volatile(CXX_LOCK_PREFIX "sub%z0 %1,%0"
			     : "+m"(a_.counter) : "er"(V(v)) : "memory");
#else
		__atomic_fetch_sub(&a_.counter, v, __ATOMIC_RELAXED);
#endif
	}

	/** inc(), dec() - atomic_inc(), atomic_dec(); no ordering. */
	__attribute__((always_inline)) void inc()
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		asm volatile(CXX_LOCK_PREFIX "inc%z0 %0" : "+m"(a_.counter) : : "memory");
#else
		__atomic_fetch_add(&a_.counter, 1, __ATOMIC_RELAXED);
#endif
	}
	__attribute__((always_inline)) void dec()
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		asm volatile(CXX_LOCK_PREFIX "dec%z0 %0" : "+m"(a_.counter) : : "memory");
#else
		__atomic_fetch_sub(&a_.counter, 1, __ATOMIC_RELAXED);
#endif
	}

	/** fetch_add() - atomic_fetch_add(): add @v, return the old value; ordered. */
	__attribute__((always_inline)) T fetch_add(T v)
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		V r = v;
		asm volatile(CXX_LOCK_PREFIX "xadd%z0 %0, %1"
			     : "+r"(r), "+m"(a_.counter) : : "memory", "cc");
		return r;
#else
		return __atomic_fetch_add(&a_.counter, v, __ATOMIC_SEQ_CST);
#endif
	}
	/** fetch_sub() - atomic_fetch_sub(): subtract @v, return the old value; ordered. */
	__attribute__((always_inline)) T fetch_sub(T v) { return fetch_add(-v); }
	/** add_return() - atomic_add_return(): add @v, return the new value; ordered. */
	__attribute__((always_inline)) T add_return(T v) { return v + fetch_add(v); }
	/** sub_return() - atomic_sub_return(): subtract @v, return the new value; ordered. */
	__attribute__((always_inline)) T sub_return(T v) { return add_return(-v); }
	/** inc_return(), dec_return() - atomic_inc_return(), atomic_dec_return(). */
	__attribute__((always_inline)) T inc_return() { return add_return(1); }
	__attribute__((always_inline)) T dec_return() { return add_return(-1); }

	/** dec_and_test() - atomic_dec_and_test(): decrement; whether it is now 0. Ordered. */
	__attribute__((always_inline)) bool dec_and_test()
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		bool zero;
		asm volatile(CXX_LOCK_PREFIX "dec%z0 %0"
			     : "+m"(a_.counter), "=@ccz"(zero) : : "memory");
		return zero;
#else
		return __atomic_sub_fetch(&a_.counter, 1, __ATOMIC_SEQ_CST) == 0;
#endif
	}

	/** xchg() - atomic_xchg(): store @v, return the old value; ordered. */
	__attribute__((always_inline)) T xchg(T v)
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		/* xchg with memory is locked without a prefix. */
		V r = v;
		asm volatile("xchg%z0 %0,%1" : "+r"(r), "+m"(a_.counter) : : "memory", "cc");
		return r;
#else
		return __atomic_exchange_n(&a_.counter, v, __ATOMIC_SEQ_CST);
#endif
	}

	/**
	 * try_cmpxchg() - atomic_try_cmpxchg(): if the value is @old, store @v
	 * and return true; otherwise load the value into @old and return
	 * false. Ordered (when it succeeds, as C).
	 */
	__attribute__((always_inline)) bool try_cmpxchg(T &old, T v)
	{
		detail::instrument_rw(&a_.counter);
		detail::instrument_rw(&old);	/* C checks *old too */
#ifdef CONFIG_X86
		bool ok;
		V o = old;
		asm volatile(CXX_LOCK_PREFIX "cmpxchg%z1 %3,%1"
			     : "=@ccz"(ok), "+m"(a_.counter), "+a"(o)
			     : "r"(V(v)) : "memory");
#else
		V o = old;
		bool ok = __atomic_compare_exchange_n(&a_.counter, &o, V(v), false,
						      __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
#endif
		if (__builtin_expect(!ok, 0))
			old = o;	/* only on failure, as C's arch_try_cmpxchg() */
		return ok;
	}

	/** cmpxchg() - atomic_cmpxchg(): store @v if the value is @old; return the value found. */
	__attribute__((always_inline)) T cmpxchg(T old, T v)
	{
		detail::instrument_rw(&a_.counter);
#ifdef CONFIG_X86
		V r = old;
		asm volatile(CXX_LOCK_PREFIX "cmpxchg%z1 %2,%1"
			     : "+a"(r), "+m"(a_.counter) : "r"(V(v)) : "memory");
		return r;
#else
		(void)try_cmpxchg(old, v);
		return old;
#endif
	}

private:
	C a_;
};

#undef CXX_LOCK_PREFIX

} /* namespace cxx */

#endif /* _CXX_ATOMIC_H */
