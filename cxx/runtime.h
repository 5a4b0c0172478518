/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The runtime's C entry points, shared by its C files. The C++ side
 * declares them in include/cxx/module.h.
 */
#ifndef _CXX_RUNTIME_H
#define _CXX_RUNTIME_H

#include <linux/types.h>

/* One entry of .cxx_ctors: a constructor function g++ emitted. */
typedef void (*cxx_ctor_t)(void);

/* Set when __cxa_atexit() could not record a destructor. */
extern bool cxx_atexit_failed;

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
 * Weak: absent from a module that never registered a destructor.
 */
void __weak cxx_run_dtors(void *dso);

#endif /* _CXX_RUNTIME_H */
