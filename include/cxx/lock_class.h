/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: lockdep classes
 *
 * Lockdep tells locks apart by class: a `struct lock_class_key` in static
 * storage. C's mutex_init() and spin_lock_init() are macros that declare
 * one key per call site; C++ locks take their class as an argument, made by
 * CXX_LOCK_CLASS() where the lock is declared, so every declaration site
 * has a class of its own, as in C:
 *
 *	cxx::Mutex<int> count{CXX_LOCK_CLASS("count"), 0};
 *
 * Without lockdep the key is empty and the class costs nothing.
 */
#ifndef _CXX_LOCK_CLASS_H
#define _CXX_LOCK_CLASS_H

#include <generated/cxx/bindings.h>

namespace cxx {

/**
 * struct LockClass - a lock's lockdep class: its key and the name lockdep
 * reports. Invariant: @key has static storage duration (lockdep refuses
 * keys on the stack or the heap).
 */
struct LockClass {
	struct lock_class_key *key;
	const char *name;
};

} /* namespace cxx */

/**
 * CXX_LOCK_CLASS() - a LockClass unique to the place the macro is written.
 * @name: the name lockdep prints for locks of this class (a string).
 *
 * Each expansion is a lambda of its own type, whose static key is therefore
 * distinct from every other expansion's.
 */
#define CXX_LOCK_CLASS(name)                                                  \
	([]() -> ::cxx::LockClass {                                           \
		static struct lock_class_key __cxx_key;                       \
		return { &__cxx_key, name };                                  \
	}())

#endif /* _CXX_LOCK_CLASS_H */
