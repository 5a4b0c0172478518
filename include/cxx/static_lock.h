/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: locks defined at namespace scope, initialised at compile time
 *
 * C's DEFINE_MUTEX(), DEFINE_SPINLOCK() and DECLARE_WAIT_QUEUE_HEAD() give
 * a lock its initial bytes in the module's image (__MUTEX_INITIALIZER and
 * friends): no code runs before the lock can be taken. The constexpr
 * functions here write the same bytes for the configured kernel, from a
 * constexpr constructor, so a cxx::Mutex, cxx::SpinLock or cxx::WaitQueue
 * at namespace scope can be `constinit`:
 *
 *	CXX_DEFINE_MUTEX(int, count, 0);	// constinit cxx::Mutex<int> count
 *
 * Lockdep (CONFIG_DEBUG_LOCK_ALLOC) keys such a lock by its own address,
 * as it keys C's: the dep_map gets a name and no key. So a lock built this
 * way must have static storage duration; on the stack or the heap lockdep
 * refuses it ("trying to register non-static key"). Locks elsewhere take a
 * LockClass (cxx/lock_class.h) and are initialised at run time.
 */
#ifndef _CXX_STATIC_LOCK_H
#define _CXX_STATIC_LOCK_H

#include <generated/cxx/bindings.h>

#ifdef CONFIG_PREEMPT_RT
#error "C++ for Linux: the static lock initialisers do not cover PREEMPT_RT's rtmutex-based locks"
#endif

/*
 * SPINLOCK_OWNER_INIT is ((void *)-1L), and C++ allows no integer-to-pointer
 * cast in a constant expression. The address of a symbol is a constant: an
 * absolute symbol whose value is -1, defined in each object that includes
 * this header (local, so it is never exported nor clashes), gives the
 * pointer. The assembler resolves it in place: no relocation is left.
 */
#ifdef CONFIG_DEBUG_SPINLOCK
extern "C" char __cxx_spinlock_owner_init[] __asm__("__cxx_spinlock_owner_init");
asm(".set __cxx_spinlock_owner_init, -1");
#endif

namespace cxx {

/**
 * struct StaticLockClass - the lockdep names of a lock at namespace scope
 * (its key is its address). @name: the lock's (a mutex's, a spinlock's, a
 * wait queue's lock's); @inner: a mutex's wait_lock's. String literals,
 * as C's #lockname; the CXX_DEFINE_* macros make them.
 */
struct StaticLockClass {
	const char *name;
	const char *inner;
};

namespace detail {

/* __RAW_SPIN_LOCK_INITIALIZER(): @l is value-initialised (all zero). */
constexpr void static_init(raw_spinlock_t *l, const char *name, int wait_type_inner)
{
	/* __ARCH_SPIN_LOCK_UNLOCKED is all zero (qspinlock: x86_64, arm64). */
#ifdef CONFIG_DEBUG_SPINLOCK
	l->magic = SPINLOCK_MAGIC;
	l->owner_cpu = -1;
	l->owner = __cxx_spinlock_owner_init;
#endif
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	l->dep_map.name = name;
	l->dep_map.wait_type_inner = wait_type_inner;
#else
	(void)name;
	(void)wait_type_inner;
#endif
}

/* LIST_HEAD_INIT(). */
constexpr void static_init(struct list_head *h)
{
	h->next = h;
	h->prev = h;
}

/* __SPIN_LOCK_UNLOCKED(name). */
constexpr void static_init(spinlock_t *l, const char *name)
{
	static_init(&l->rlock, name, LD_WAIT_CONFIG);
}

/* __MUTEX_INITIALIZER(name): the wait_lock is named @c.inner. */
constexpr void static_init(struct mutex *m, StaticLockClass c)
{
	static_init(&m->wait_lock, c.inner, LD_WAIT_SPIN);
	static_init(&m->wait_list);
#ifdef CONFIG_DEBUG_MUTEXES
	m->magic = m;
#endif
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	m->dep_map.name = c.name;
	m->dep_map.wait_type_inner = LD_WAIT_SLEEP;
#endif
}

/* __WAIT_QUEUE_HEAD_INITIALIZER(): the lock is named @c.name. */
constexpr void static_init(struct wait_queue_head *wq, StaticLockClass c)
{
	static_init(&wq->lock, c.name);
	static_init(&wq->head);
}

} /* namespace detail */

} /* namespace cxx */

#endif /* _CXX_STATIC_LOCK_H */
