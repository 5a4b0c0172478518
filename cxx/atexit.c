// SPDX-License-Identifier: GPL-2.0
/*
 * Destruction of a C++ module's static-storage objects.
 *
 * g++ registers each static-storage object's destructor with __cxa_atexit()
 * once the object is constructed: a global when the module's constructors
 * run (cxx/ctors.c), a function-local static when control first passes its
 * declaration. The module's cleanup_module(), or its init_module() when init
 * fails, runs them here, newest first.
 *
 * A module that registers nothing does not link this file at all (the runtime
 * is an archive) and MODULE() then skips cxx_run_dtors(), a weak reference.
 */
#include <linux/export.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "runtime.h"

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

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	/* May run in atomic context: the first use of a function-local static. */
	struct cxx_atexit *e = kmalloc(sizeof(*e), GFP_ATOMIC);
	unsigned long flags;

	if (!e) {
		cxx_atexit_fail(dso);
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

#ifdef CONFIG_CXX
EXPORT_SYMBOL_GPL(__cxa_atexit);
EXPORT_SYMBOL_GPL(cxx_run_dtors);
#endif
