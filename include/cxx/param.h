/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: module parameters
 *
 * MODULE_PARAM() and MODULE_PARAM_ARRAY() declare a parameter the way C's
 * module_param() + MODULE_PARM_DESC() and module_param_array() do, and emit
 * the same things: a struct kernel_param in the __param section that uses
 * the kernel's own param_ops_<type> (so parsing, sysfs and the error
 * handling are the kernel's), and "parmtype=" / "parm=" .modinfo strings
 * with the C type names. They are read through a typed handle that requires
 * the kernel's parameter lock to be held:
 *
 *	MODULE_PARAM(my_int, int, 42, 0644, "An integer");
 *	...
 *	auto lock = cxx::ParamLock(cxx::ThisModule::current());
 *	int v = my_int.read(lock);
 *
 * and written the same way (write(lock, v)), or with set(v) and
 * set_str("text"), which take the lock themselves; the sysfs file shows
 * the new value.
 *
 * Types: bool, invbool, byte, short, ushort, int, uint, long, ulong, ullong,
 * hexint, charp; arrays of the integer ones. A bad type, a default that does
 * not fit the type, or permissions C's VERIFY_OCTAL_PERMISSIONS() rejects
 * (world-writable, say) fail to compile with a message naming the problem.
 */
#ifndef _CXX_PARAM_H
#define _CXX_PARAM_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/modinfo.h>
#include <cxx/slice.h>
#include <cxx/str.h>
#include <cxx/this_module.h>
#include <cxx/utility.h>

namespace cxx {

/**
 * class ParamLock - holds the kernel's parameter lock of a module
 * (kernel_param_lock()) for its lifetime, so that a parameter being written
 * through sysfs is never read half-written.
 */
class [[nodiscard]] ParamLock {
public:
	explicit ParamLock(ThisModule mod) : mod_(mod.as_ptr())
	{
		::kernel_param_lock(mod_);
	}
	~ParamLock() { ::kernel_param_unlock(mod_); }
	ParamLock(const ParamLock &) = delete;
	ParamLock &operator=(const ParamLock &) = delete;

private:
	struct module *mod_;
};

namespace param {

/* Called from a constant expression only when a default value is bad. */
void default_value_does_not_fit_the_parameter_type();

/** in_range() - whether integer @v is representable as S. */
template <typename S, typename V> constexpr bool in_range(V v)
{
	constexpr unsigned long long umax =
		sizeof(S) >= sizeof(unsigned long long)
			? ~0ULL
			: (1ULL << (8 * sizeof(S))) - 1;
	constexpr bool s_signed = S(-1) < S(0);
	constexpr unsigned long long smax = s_signed ? umax >> 1 : umax;

	if constexpr (V(-1) < V(0)) {
		if (v < 0)
			return s_signed && static_cast<long long>(v) >=
						   -static_cast<long long>(smax) - 1;
	}
	return static_cast<unsigned long long>(v) <= smax;
}

/** struct IntType - an integer parameter type stored as S. */
template <typename S> struct IntType {
	using Storage = S;
	using Value = S;
	static constexpr bool array_ok = true;

	/** make() - the stored default; fails to compile if @v does not fit. */
	template <typename V> static consteval S make(V v)
	{
		static_assert(is_integral_v<V>,
			      "MODULE_PARAM(): an integer parameter's default "
			      "must be an integer");
		if (!in_range<S>(v))
			default_value_does_not_fit_the_parameter_type();
		return static_cast<S>(v);
	}
	static Value get(const Storage &s) { return s; }
};

/** struct BoolType - bool and invbool, stored as bool. */
struct BoolType {
	using Storage = bool;
	using Value = bool;
	static constexpr bool array_ok = false;
	static consteval bool make(bool v) { return v; }
	static Value get(const Storage &s) { return s; }
};

/** struct CharpType - a string, stored as char * (may be nullptr). */
struct CharpType {
	using Storage = char *;
	using Value = const char *;
	static constexpr bool array_ok = false;
	/*
	 * SAFETY: the kernel never writes through a charp parameter's string: it
	 * replaces the pointer, and frees only strings it allocated itself.
	 */
	static consteval char *make(const char *v) { return const_cast<char *>(v); }
	static Value get(const Storage &s) { return s; }
};

/**
 * struct Type - the parameter type named @Name (the C name, as in
 * module_param()): its storage and the kernel's kernel_param_ops.
 */
template <FixedString Name> struct Type {
	static_assert(dependent_false<Type>,
		      "MODULE_PARAM(): unsupported parameter type; use one of "
		      "bool, invbool, byte, short, ushort, int, uint, long, ulong, "
		      "ullong, hexint, charp");
};

#define CXX_PARAM_TYPE(name, base)                                            \
	template <> struct Type<#name> : base {                               \
		static constexpr const ::kernel_param_ops *ops =     \
			&::param_ops_##name;                          \
	}
CXX_PARAM_TYPE(bool, BoolType);
CXX_PARAM_TYPE(invbool, BoolType);
CXX_PARAM_TYPE(byte, IntType<unsigned char>);
CXX_PARAM_TYPE(short, IntType<short>);
CXX_PARAM_TYPE(ushort, IntType<unsigned short>);
CXX_PARAM_TYPE(int, IntType<int>);
CXX_PARAM_TYPE(uint, IntType<unsigned int>);
CXX_PARAM_TYPE(long, IntType<long>);
CXX_PARAM_TYPE(ulong, IntType<unsigned long>);
CXX_PARAM_TYPE(ullong, IntType<unsigned long long>);
CXX_PARAM_TYPE(hexint, IntType<unsigned int>);
CXX_PARAM_TYPE(charp, CharpType);
#undef CXX_PARAM_TYPE

/** check_perm() - C's VERIFY_OCTAL_PERMISSIONS(), with messages. */
template <int Perm> consteval bool check_perm()
{
	static_assert(Perm >= 0 && Perm <= 0777,
		      "MODULE_PARAM(): permissions must be octal, 0 to 0777");
	static_assert(((Perm >> 6) & 4) >= ((Perm >> 3) & 4) &&
			      ((Perm >> 3) & 4) >= (Perm & 4),
		      "MODULE_PARAM(): permissions: user must be able to read "
		      "what group can, and group what others can");
	static_assert(((Perm >> 6) & 2) >= ((Perm >> 3) & 2),
		      "MODULE_PARAM(): permissions: user must be able to write "
		      "what group can");
	static_assert(!(Perm & 2),
		      "MODULE_PARAM(): world-writable permissions are not "
		      "allowed; drop the 'others' write bit (e.g. 0644)");
	return true;
}

/** count() - number of arguments, for an array's default length. */
template <typename... A> consteval unsigned int count(A...)
{
	return sizeof...(A);
}

/**
 * class Param - typed handle of a scalar parameter.
 *
 * read() and write() require a ParamLock: the value may change at any time
 * through sysfs (when the permissions allow writing) but not while the
 * lock is held. set() and set_str() take the lock themselves, so they must
 * not be called with it held (it is a mutex: that would deadlock). A value
 * written here is what /sys/module/<module>/parameters/<name> shows.
 */
template <typename T> class Param {
public:
	constexpr Param(typename T::Storage *storage, const ::kernel_param *kp)
		: storage_(storage), kp_(kp)
	{
	}

	/**
	 * read() - the current value. For charp, a string (or nullptr) that
	 * stays valid while @lock is held.
	 */
	typename T::Value read(const ParamLock &lock) const
	{
		(void)lock;
		return T::get(*storage_);
	}

	/**
	 * write() - store @v, under @lock (a read-modify-write holds the
	 * lock across both). Not for charp, whose strings the kernel may
	 * own and free: use set_str().
	 */
	void write(const ParamLock &lock, typename T::Value v) const
		requires(!is_same_v<typename T::Storage, char *>)
	{
		(void)lock;
		*storage_ = v;
	}

	/** set() - write(@v) under the module's parameter lock, taken here. */
	void set(typename T::Value v) const
		requires(!is_same_v<typename T::Storage, char *>)
	{
		ParamLock lock(ThisModule::current());
		write(lock, v);
	}

	/**
	 * set_str() - parse @text as a write to the sysfs file would (the
	 * kernel's param_ops_<type>.set, so the same syntax and ranges; for
	 * charp, a copy the kernel owns), under the parameter lock, taken
	 * here.
	 * Return: success, or the parser's error (EINVAL for text that is
	 * not of the type) with the value unchanged.
	 */
	Result<> set_str(const char *text) const
	{
		ParamLock lock(ThisModule::current());
		return to_result(kp_->ops->set(text, kp_));
	}

private:
	typename T::Storage *storage_;
	const ::kernel_param *kp_;
};

/** class ParamArray - typed handle of an array parameter of at most N. */
template <typename T, unsigned int N> class ParamArray {
public:
	constexpr ParamArray(typename T::Storage *elems, unsigned int *num)
		: elems_(elems), num_(num)
	{
	}

	/** read() - the elements set, valid while @lock is held. */
	Slice<const typename T::Storage> read(const ParamLock &lock) const
	{
		(void)lock;
		return {elems_, *num_};
	}
	/** max_len() - the most elements it can hold. */
	static constexpr unsigned int max_len() { return N; }

private:
	typename T::Storage *elems_;
	unsigned int *num_;
};

} /* namespace param */
} /* namespace cxx */

/* The attributes of C's __module_param_call(). */
#define CXX_PARAM_SECTION                                                     \
	[[gnu::used, gnu::section("__param"),                                 \
	  gnu::aligned(alignof(::kernel_param))]]

/* "parmtype=" and "parm=" strings, byte for byte as C's. */
#define CXX_PARAM_MODINFO(name, type_string, description)                    \
	CXX_MODINFO_SECTION static const char __cxx_parmtype_##name[] =       \
		CXX_MODULE_PREFIX "parmtype=" #name ":" type_string;          \
	CXX_MODINFO_SECTION static const char __cxx_parm_##name[] =           \
		CXX_MODULE_PREFIX "parm=" #name ":" description

/**
 * MODULE_PARAM() - declare a module parameter.
 * @name: its name, for insmod, the kernel command line and sysfs; also the
 *        name of its typed handle in this file.
 * @type: one of the C names bool ... charp (see the DOC above).
 * @default_value: its value when not given.
 * @perm: sysfs permissions, 0 for none (e.g. 0444 read-only, 0644 root may
 *        write).
 * @description: what it is for (a string literal), shown by modinfo.
 */
#define MODULE_PARAM(name, type, default_value, perm, description)           \
	static_assert(::cxx::param::check_perm<(perm)>());                    \
	static constinit ::cxx::param::Type<#type>::Storage                   \
		__cxx_param_value_##name =                                    \
			::cxx::param::Type<#type>::make(default_value);       \
	CXX_PARAM_SECTION static const ::kernel_param          \
		__cxx_param_##name = {                                        \
			CXX_MODULE_PREFIX #name, CXX_THIS_MODULE_PTR,          \
			::cxx::param::Type<#type>::ops, (perm), -1, 0,         \
			{ .arg = &__cxx_param_value_##name } };                \
	CXX_PARAM_MODINFO(name, #type, description);                          \
	[[maybe_unused]] static constexpr ::cxx::param::Param<                \
		::cxx::param::Type<#type>>                                    \
		name{&__cxx_param_value_##name, &__cxx_param_##name}

/**
 * MODULE_PARAM_ARRAY() - declare an array parameter (a comma-separated list
 * on the command line), as C's module_param_array().
 * @name, @type, @perm, @description: as for MODULE_PARAM(); @type must be an
 *        integer type.
 * @max: the most elements it holds; more are rejected with -EINVAL.
 * @...: the default elements, if any.
 */
#define MODULE_PARAM_ARRAY(name, type, max, perm, description, ...)          \
	static_assert(::cxx::param::check_perm<(perm)>());                    \
	static_assert(::cxx::param::Type<#type>::array_ok,                    \
		      "MODULE_PARAM_ARRAY(): only integer types can be "      \
		      "arrays");                                              \
	static_assert((max) > 0, "MODULE_PARAM_ARRAY(): max must be > 0");   \
	static constinit ::cxx::param::Type<#type>::Storage                   \
		__cxx_param_value_##name[(max)] = { __VA_ARGS__ };            \
	static constinit unsigned int __cxx_param_num_##name =                \
		::cxx::param::count(__VA_ARGS__);                             \
	static const ::kparam_array __cxx_param_arr_##name = { \
		(max), sizeof(::cxx::param::Type<#type>::Storage),            \
		&__cxx_param_num_##name, ::cxx::param::Type<#type>::ops,      \
		__cxx_param_value_##name };                                   \
	CXX_PARAM_SECTION static const ::kernel_param          \
		__cxx_param_##name = {                                        \
			CXX_MODULE_PREFIX #name, CXX_THIS_MODULE_PTR,          \
			&::param_array_ops, (perm), -1, 0,      \
			{ .arr = &__cxx_param_arr_##name } };                  \
	CXX_PARAM_MODINFO(name, "array of " #type, description);              \
	[[maybe_unused]] static constexpr ::cxx::param::ParamArray<           \
		::cxx::param::Type<#type>, (max)>                             \
		name{__cxx_param_value_##name, &__cxx_param_num_##name}

#endif /* _CXX_PARAM_H */
