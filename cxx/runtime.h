/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The runtime's C entry points, shared by its C files. The C++ side
 * declares them in include/cxx/module.h.
 */
#ifndef _CXX_RUNTIME_H
#define _CXX_RUNTIME_H

#include <linux/compiler.h>
#include <linux/types.h>

/* One entry of .cxx_ctors: a constructor function g++ emitted. */
typedef void (*cxx_ctor_t)(void);

/**
 * cxx_run_ctors() - construct a module's static-storage objects.
 * @start: first entry of the module's .cxx_ctors.
 * @end: one past its last entry.
 * @dso: the module's __dso_handle.
 *
 * Return: 0, or -ENOMEM when a destructor could not be registered; then every
 * object constructed so far has been destroyed again.
 */
int cxx_run_ctors(const cxx_ctor_t *start, const cxx_ctor_t *end, void *dso);

/**
 * cxx_run_dtors() - destroy the static-storage objects of @dso, newest first.
 * @dso: the module's __dso_handle.
 *
 * A module linking its own runtime that never registered a destructor does
 * not link cxx/atexit.c: MODULE()'s weak no-op stands in for it.
 */
void cxx_run_dtors(void *dso);

/*
 * A module's __dso_handle is a pointer that only this runtime reads: it holds
 * its own address while every destructor could be registered, and NULL once
 * one could not. The flag thus belongs to the module, and modules loading at
 * the same time cannot see each other's failures.
 */
static inline void cxx_atexit_fail(void *dso)
{
	WRITE_ONCE(*(void **)dso, NULL);
}

static inline bool cxx_atexit_ok(void *dso)
{
	return READ_ONCE(*(void **)dso) == dso;
}

static inline void cxx_atexit_reset(void *dso)
{
	WRITE_ONCE(*(void **)dso, dso);
}

#endif /* _CXX_RUNTIME_H */
