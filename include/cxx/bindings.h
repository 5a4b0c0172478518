/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: the kernel's C declarations that C++ uses
 *
 * Kernel headers cannot be compiled as C++, so the few kernel types,
 * functions and objects the foundation needs are declared here, in C++, in
 * namespace cxx::bindings. None of it is trusted: every size, alignment,
 * field offset and constant is checked with static_assert against
 * <generated/cxx/kernel_abi.h>, which Kbuild generates from the configured
 * kernel's own headers (cxx/kernel_abi.c). A kernel whose layout differs
 * fails the build, naming the field.
 *
 * Generated bindings replace the hand-written part of this file later; code
 * outside include/cxx/ never declares a kernel item itself.
 */
#ifndef _CXX_BINDINGS_H
#define _CXX_BINDINGS_H

#include <generated/cxx/kernel_abi.h>
#include <cxx/utility.h>

namespace cxx::bindings {

using u8 = unsigned char;
using s8 = signed char;
using u16 = unsigned short;
using gfp_t = unsigned int;
using size_t = cxx::size_t;

struct module;			/* opaque: only its address is used */
struct kernel_param_ops;	/* opaque: the kernel's param_ops_* */

/** struct kernel_param - one module parameter, as in linux/moduleparam.h. */
struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_array *arr;
	};
};

/** struct kparam_array - the array behind an array parameter. */
struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

#define CXX_CHECK_FIELD(type, field)                                          \
	static_assert(__builtin_offsetof(type, field) ==                      \
			      CXX_OFFSETOF_##type##_##field,                   \
		      "layout of struct " #type "." #field                     \
		      " differs from the kernel's")
#define CXX_CHECK_TYPE(type)                                                  \
	static_assert(sizeof(type) == CXX_SIZEOF_##type &&                    \
			      alignof(type) == CXX_ALIGNOF_##type,             \
		      "size of struct " #type " differs from the kernel's")

CXX_CHECK_TYPE(kernel_param);
CXX_CHECK_FIELD(kernel_param, name);
CXX_CHECK_FIELD(kernel_param, mod);
CXX_CHECK_FIELD(kernel_param, ops);
CXX_CHECK_FIELD(kernel_param, perm);
CXX_CHECK_FIELD(kernel_param, level);
CXX_CHECK_FIELD(kernel_param, flags);
CXX_CHECK_FIELD(kernel_param, arg);
CXX_CHECK_TYPE(kparam_array);
CXX_CHECK_FIELD(kparam_array, max);
CXX_CHECK_FIELD(kparam_array, elemsize);
CXX_CHECK_FIELD(kparam_array, num);
CXX_CHECK_FIELD(kparam_array, ops);
CXX_CHECK_FIELD(kparam_array, elem);
static_assert(sizeof(gfp_t) == CXX_SIZEOF_gfp_t, "gfp_t differs");
static_assert(sizeof(bool) == CXX_SIZEOF_bool, "bool differs from _Bool");
static_assert(sizeof(long) == CXX_SIZEOF_long, "long differs");

#undef CXX_CHECK_FIELD
#undef CXX_CHECK_TYPE

extern "C" {
/* kernel/printk/printk.c */
__attribute__((format(printf, 1, 2), cold)) int _printk(const char *fmt, ...);

/* mm/slab_common.c */
void kfree(const void *objp);

/* kernel/params.c */
void kernel_param_lock(struct module *mod);
void kernel_param_unlock(struct module *mod);
extern const struct kernel_param_ops param_ops_byte;
extern const struct kernel_param_ops param_ops_short;
extern const struct kernel_param_ops param_ops_ushort;
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_long;
extern const struct kernel_param_ops param_ops_ulong;
extern const struct kernel_param_ops param_ops_ullong;
extern const struct kernel_param_ops param_ops_hexint;
extern const struct kernel_param_ops param_ops_charp;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_invbool;
extern const struct kernel_param_ops param_array_ops;

/* The module's own struct module, defined by modpost in <module>.mod.c. */
extern struct module __this_module;

/* C shims for static inline kernel functions (cxx/helpers.c). */
void *cxx_kmalloc(size_t size, gfp_t flags);
void *cxx_krealloc(const void *p, size_t new_size, gfp_t flags);
}

} /* namespace cxx::bindings */

#endif /* _CXX_BINDINGS_H */
