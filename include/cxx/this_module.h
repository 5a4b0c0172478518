/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: the module being built
 */
#ifndef _CXX_THIS_MODULE_H
#define _CXX_THIS_MODULE_H

#include <generated/cxx/bindings.h>
#include <cxx/utility.h>

/*
 * Kbuild passes -DMODULE when compiling a module; C++ for Linux needs the
 * name for its MODULE() macro. Keep the fact as CXX_BUILT_AS_MODULE and free
 * the name. C++ code asks cxx::is_builtin instead of #ifdef MODULE.
 */
#ifdef MODULE
#undef MODULE
#define CXX_BUILT_AS_MODULE 1
#endif

namespace cxx {

#ifdef CXX_BUILT_AS_MODULE
/** is_builtin - whether this code is built into vmlinux (not a .ko). */
inline constexpr bool is_builtin = false;
#else
inline constexpr bool is_builtin = true;
#endif

/**
 * class ThisModule - the struct module of the module this code is part of
 * (THIS_MODULE in C); nullptr for code built into vmlinux.
 *
 * Only the module's own code can name it, and the module outlives its code,
 * so holding one is always safe.
 */
class ThisModule {
public:
	/** current() - this module (THIS_MODULE). */
	static ThisModule current()
	{
#ifdef CXX_BUILT_AS_MODULE
		return ThisModule(&::__this_module);
#else
		return ThisModule(nullptr);
#endif
	}

	/** as_ptr() - the struct module, for passing to C. */
	struct module *as_ptr() const { return mod_; }

private:
	explicit ThisModule(struct module *mod) : mod_(mod) {}
	struct module *mod_;
};

} /* namespace cxx */

/*
 * What C puts before a built-in module's parameter names and .modinfo keys
 * (MODULE_PARAM_PREFIX, __MODULE_INFO_PREFIX in linux/moduleparam.h).
 */
#ifdef CXX_BUILT_AS_MODULE
#define CXX_MODULE_PREFIX ""
#define CXX_THIS_MODULE_PTR (&::__this_module)
#else
#define CXX_MODULE_PREFIX KBUILD_MODNAME "."
#define CXX_THIS_MODULE_PTR nullptr
#endif

#endif /* _CXX_THIS_MODULE_H */
