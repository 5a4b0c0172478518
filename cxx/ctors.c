// SPDX-License-Identifier: GPL-2.0
/*
 * Lifetime of a C++ module's static-storage objects.
 *
 * g++ emits one constructor function per translation unit with global
 * objects into .init_array, and registers each object's destructor with
 * __cxa_atexit() when the object has been constructed (a function-local
 * static: when control first passes its declaration). Distribution kernels
 * lack CONFIG_CONSTRUCTORS, and where it is set the kernel would run them
 * outside the module's control, so scripts/cxx_module.lds moves a C++
 * module's .init_array into .cxx_ctors, out of the kernel's sight, and the
 * module's init_module() (the MODULE() macro) runs them here before the
 * module's init, and runs the registered destructors in reverse order after
 * its exit, or when init fails.
 */
#define pr_fmt(fmt) "cxx: " fmt

#include <linux/bug.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/* One entry of .cxx_ctors: a constructor function g++ emitted. */
typedef void (*cxx_ctor_t)(void);

/** struct cxx_atexit - one destructor registered by __cxa_atexit(). */
struct cxx_atexit {
	struct list_head node;
	void (*fn)(void *);
	void *arg;
	void *dso;
};

/* Newest first, so that walking the list runs destructors in reverse order. */
static LIST_HEAD(cxx_atexit_list);
static DEFINE_SPINLOCK(cxx_atexit_lock);
static bool cxx_atexit_failed;

/*
 * The DSO handle g++ passes to __cxa_atexit(): one per module. Hidden so that
 * each module's copy stays its own.
 */
void *__dso_handle __attribute__((visibility("hidden"))) = &__dso_handle;

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	/* May run in atomic context: the first use of a function-local static. */
	struct cxx_atexit *e = kmalloc(sizeof(*e), GFP_ATOMIC);
	unsigned long flags;

	if (!e) {
		WRITE_ONCE(cxx_atexit_failed, true);
		return -ENOMEM;
	}
	e->fn = fn;
	e->arg = arg;
	e->dso = dso;
	spin_lock_irqsave(&cxx_atexit_lock, flags);
	list_add(&e->node, &cxx_atexit_list);
	spin_unlock_irqrestore(&cxx_atexit_lock, flags);
	return 0;
}

/**
 * cxx_run_dtors() - destroy the static objects of @dso, newest first.
 * @dso: the module's __dso_handle.
 */
void cxx_run_dtors(void *dso);
void cxx_run_dtors(void *dso)
{
	for (;;) {
		struct cxx_atexit *e = NULL, *it;
		unsigned long flags;

		spin_lock_irqsave(&cxx_atexit_lock, flags);
		list_for_each_entry(it, &cxx_atexit_list, node) {
			if (it->dso == dso) {
				list_del(&it->node);
				e = it;
				break;
			}
		}
		spin_unlock_irqrestore(&cxx_atexit_lock, flags);
		if (!e)
			return;
		/* Destructors run unlocked: they may sleep or register more. */
		e->fn(e->arg);
		kfree(e);
	}
}

/*
 * The first constructor of every C++ module (the lowest priority sorts first
 * in .cxx_ctors). It also keeps .cxx_ctors from being empty, which would
 * leave the section without its allocation flags.
 */
static void __attribute__((constructor(101))) cxx_ctors_begin(void)
{
	WRITE_ONCE(cxx_atexit_failed, false);
}

/**
 * cxx_run_ctors() - construct a module's static objects.
 * @start: first entry of the module's .cxx_ctors.
 * @end: one past its last entry.
 * @dso: the module's __dso_handle.
 *
 * Return: 0, or -ENOMEM when a destructor could not be registered; then every
 * object constructed so far has been destroyed again.
 */
int cxx_run_ctors(const cxx_ctor_t *start, const cxx_ctor_t *end, void *dso);
int cxx_run_ctors(const cxx_ctor_t *start, const cxx_ctor_t *end, void *dso)
{
	for (; start < end; start++)
		(*start)();
	if (READ_ONCE(cxx_atexit_failed)) {
		pr_err("out of memory registering static destructors\n");
		cxx_run_dtors(dso);
		return -ENOMEM;
	}
	return 0;
}
