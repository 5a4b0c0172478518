/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: the .modinfo strings of MODULE()
 *
 * MODULE()'s fields are written `key = "value"`; each such expression is
 * evaluated at compile time into a cxx::modinfo::Field. The fields are
 * checked (static_asserts in MODULE()) and turned into the exact bytes C's
 * MODULE_AUTHOR(), MODULE_DESCRIPTION(), MODULE_LICENSE() and MODULE_ALIAS()
 * put in .modinfo: "author=...\0", "license=GPL\0", and so on, prefixed
 * with "<modname>." when built in. As in C, each string is an object of its
 * own, 1-aligned, in the order written, so that the section holds the same
 * bytes in the same order as a C module's. `name` is not emitted: modpost
 * adds "name=" from the file name, which `name` must equal.
 */
#ifndef _CXX_MODINFO_H
#define _CXX_MODINFO_H

#include <cxx/str.h>
#include <cxx/utility.h>

/*
 * The attributes of C's __MODULE_INFO(): each string an object of its own,
 * 1-aligned, so that strings follow each other without padding.
 */
#define CXX_MODINFO_SECTION                                                   \
	[[gnu::used, gnu::section(".modinfo"), gnu::aligned(1)]]

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
	static constexpr size_t size = 0;
	constexpr size_t count(Key) const { return 0; }
	constexpr const char *get(Key) const { return ""; }
	constexpr bool has_empty_value() const { return false; }
	constexpr Key key_at(size_t) const { return Key::name; }
	constexpr const char *value_at(size_t) const { return ""; }
};

template <typename F, typename... Rest> struct Info<F, Rest...> {
	F first;
	Info<Rest...> rest;

	/** size - the number of fields. */
	static constexpr size_t size = 1 + sizeof...(Rest);

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
	/** key_at() - key of field @i (Key::name past the last field). */
	constexpr Key key_at(size_t i) const
	{
		return i == 0 ? F::key : rest.key_at(i - 1);
	}
	/** value_at() - value of field @i. */
	constexpr const char *value_at(size_t i) const
	{
		return i == 0 ? first.value.c_str() : rest.value_at(i - 1);
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

/**
 * struct Blob - bytes placed in .modinfo as they are; N may be 0 (a GNU
 * zero-length array), an object of no bytes.
 */
template <size_t N> struct Blob {
	char data[N];
};

/**
 * string_size() - bytes of field @i's "<prefix>key=value\0", @prefix_len
 * bytes of prefix; 0 for `name` and past the last field.
 */
template <typename I>
constexpr size_t string_size(const I &info, size_t i, size_t prefix_len)
{
	if (i >= I::size || info.key_at(i) == Key::name)
		return 0;
	return prefix_len + str_len(key_name(info.key_at(i))) + 1 +
	       str_len(info.value_at(i)) + 1;
}

/** string() - field @i's "<prefix>key=value\0", N = string_size() bytes. */
template <size_t N, typename I>
consteval Blob<N> string(const I &info, size_t i, const char *prefix)
{
	Blob<N> b{};
	char *out = b.data;

	if constexpr (N != 0) {
		for (const char *p = prefix; *p; p++)
			*out++ = *p;
		for (const char *p = key_name(info.key_at(i)); *p; p++)
			*out++ = *p;
		*out++ = '=';
		for (const char *p = info.value_at(i); *p; p++)
			*out++ = *p;
		*out = '\0';
	}
	return b;
}

/** text() - the first N bytes of @s, or none if !@emit. */
template <bool emit, size_t N>
consteval Blob<emit ? N : 0> text(const char (&s)[N])
{
	Blob<emit ? N : 0> b{};

	if constexpr (emit)
		for (size_t k = 0; k < N; k++)
			b.data[k] = s[k];
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
