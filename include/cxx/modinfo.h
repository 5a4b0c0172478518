/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: the .modinfo strings of MODULE()
 *
 * MODULE()'s fields are written `key = "value"`; each such expression is
 * evaluated at compile time into a cxx::modinfo::Field. The fields are
 * checked (cxx::modinfo::check) and turned into the exact bytes C's
 * MODULE_AUTHOR(), MODULE_DESCRIPTION(), MODULE_LICENSE() and MODULE_ALIAS()
 * put in .modinfo: "author=...\0", "license=GPL\0", and so on, prefixed
 * with "<modname>." when built in. `name` is not emitted: modpost adds
 * "name=" from the file name, which `name` must equal.
 */
#ifndef _CXX_MODINFO_H
#define _CXX_MODINFO_H

#include <cxx/str.h>
#include <cxx/utility.h>

namespace cxx::modinfo {

/** enum Key - the fields MODULE() accepts. */
enum class Key { name, author, description, license, alias };

/** key_name() - the .modinfo tag of a key. */
constexpr const char *key_name(Key k)
{
	switch (k) {
	case Key::name:
		return "name";
	case Key::author:
		return "author";
	case Key::description:
		return "description";
	case Key::license:
		return "license";
	case Key::alias:
		return "alias";
	}
	return "";
}

/** struct Field - one `key = "value"` of MODULE(). */
template <Key K, size_t N> struct Field {
	static constexpr Key key = K;
	FixedString<N> value;
};

/** struct KeyWord - the left-hand side of `key = "value"`. */
template <Key K> struct KeyWord {
	template <size_t N>
	consteval Field<K, N> operator=(const char (&value)[N]) const
	{
		return Field<K, N>{FixedString<N>(value)};
	}
	template <typename V> consteval void operator=(const V &) const
	{
		static_assert(dependent_false<V>,
			      "MODULE(): a field's value must be a string "
			      "literal, e.g. author = \"Jane Doe\"");
	}
};

/** namespace fields - the names usable on the left of MODULE()'s `=`. */
namespace fields {
inline constexpr KeyWord<Key::name> name{};
inline constexpr KeyWord<Key::author> author{};
inline constexpr KeyWord<Key::description> description{};
inline constexpr KeyWord<Key::license> license{};
inline constexpr KeyWord<Key::alias> alias{};
} /* namespace fields */

/** struct Info - all fields of one MODULE(), in the order written. */
template <typename... Fs> struct Info;

template <> struct Info<> {
	constexpr size_t count(Key) const { return 0; }
	constexpr const char *get(Key) const { return ""; }
	constexpr bool has_empty_value() const { return false; }
	constexpr size_t blob_size(size_t) const { return 0; }
	constexpr void write_blob(char *, const char *) const {}
};

template <typename F, typename... Rest> struct Info<F, Rest...> {
	F first;
	Info<Rest...> rest;

	/** count() - how many fields have key @k. */
	constexpr size_t count(Key k) const
	{
		return (F::key == k) + rest.count(k);
	}
	/** get() - value of the first field with key @k, or "". */
	constexpr const char *get(Key k) const
	{
		return F::key == k ? first.value.c_str() : rest.get(k);
	}
	/** has_empty_value() - whether some field is "". */
	constexpr bool has_empty_value() const
	{
		return first.value.len() == 0 || rest.has_empty_value();
	}
	/** blob_size() - bytes of the .modinfo strings, each with @prefix_len. */
	constexpr size_t blob_size(size_t prefix_len) const
	{
		size_t own = F::key == Key::name ? 0
			: prefix_len + str_len(key_name(F::key)) + 1 +
				  first.value.len() + 1;
		return own + rest.blob_size(prefix_len);
	}
	/** write_blob() - write "<prefix>key=value\0" for each field. */
	constexpr void write_blob(char *out, const char *prefix) const
	{
		if (F::key != Key::name) {
			for (const char *p = prefix; *p; p++)
				*out++ = *p;
			for (const char *p = key_name(F::key); *p; p++)
				*out++ = *p;
			*out++ = '=';
			for (const char *p = first.value.c_str(); *p; p++)
				*out++ = *p;
			*out++ = '\0';
		}
		rest.write_blob(out, prefix);
	}
};

/* make_info() - make()'s recursion. */
template <typename F, typename... Rest>
consteval Info<F, Rest...> make_info(F f, Rest... rest)
{
	if constexpr (sizeof...(Rest) == 0)
		return Info<F>{f, Info<>{}};
	else
		return Info<F, Rest...>{f, make_info(rest...)};
}

/** make() - collect MODULE()'s fields. */
template <typename... Fs> consteval Info<Fs...> make(Fs... fs)
{
	if constexpr (sizeof...(Fs) == 0)
		return Info<>{};
	else
		return make_info(fs...);
}

/** struct Blob - bytes placed in .modinfo as they are. */
template <size_t N> struct Blob {
	char data[N ? N : 1];
};

/** blob() - the .modinfo bytes of @info, each key prefixed with @prefix. */
template <size_t N, typename I>
consteval Blob<N> blob(const I &info, const char *prefix)
{
	Blob<N> b{};
	info.write_blob(b.data, prefix);
	return b;
}

/** is_gpl_compatible() - as license_is_gpl_compatible() in linux/license.h. */
constexpr bool is_gpl_compatible(const char *l)
{
	return str_eq(l, "GPL") || str_eq(l, "GPL v2") ||
	       str_eq(l, "GPL and additional rights") ||
	       str_eq(l, "Dual BSD/GPL") || str_eq(l, "Dual MIT/GPL") ||
	       str_eq(l, "Dual MPL/GPL");
}

} /* namespace cxx::modinfo */

#endif /* _CXX_MODINFO_H */
