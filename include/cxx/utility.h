/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: the small, vetted subset of the standard library C++ for Linux uses
 *
 * Kernel C++ is compiled with -nostdinc and without libstdc++, so the few
 * library facilities the layer needs are written here, on top of g++'s
 * builtins. Everything in this file is header-only and costs nothing at run
 * time: move/forward are casts, the traits are compile-time constants.
 */
#ifndef _CXX_UTILITY_H
#define _CXX_UTILITY_H

namespace cxx {

/** size_t - the type of sizeof, as the kernel's size_t. */
using size_t = decltype(sizeof(0));

/** remove_reference - T with any reference stripped. */
template <typename T> struct remove_reference { using type = T; };
template <typename T> struct remove_reference<T &> { using type = T; };
template <typename T> struct remove_reference<T &&> { using type = T; };
template <typename T>
using remove_reference_t = typename remove_reference<T>::type;

/** move() - cast to an rvalue so the value may be moved from. */
template <typename T>
[[nodiscard]] constexpr remove_reference_t<T> &&move(T &&t) noexcept
{
	return static_cast<remove_reference_t<T> &&>(t);
}

/** forward() - perfect forwarding of a forwarding reference. */
template <typename T>
[[nodiscard]] constexpr T &&forward(remove_reference_t<T> &t) noexcept
{
	return static_cast<T &&>(t);
}
template <typename T>
[[nodiscard]] constexpr T &&forward(remove_reference_t<T> &&t) noexcept
{
	return static_cast<T &&>(t);
}

/** is_same_v - whether two types are the same type. */
template <typename A, typename B>
inline constexpr bool is_same_v = __is_same(A, B);

/** same_as - the concept of being the type B. */
template <typename A, typename B>
concept same_as = __is_same(A, B) && __is_same(B, A);

/** is_integral_v - whether T is an integer type (bool and chars included). */
template <typename T> inline constexpr bool is_integral_v = false;
#define CXX_INTEGRAL(T) template <> inline constexpr bool is_integral_v<T> = true
CXX_INTEGRAL(bool);
CXX_INTEGRAL(char);
CXX_INTEGRAL(signed char);
CXX_INTEGRAL(unsigned char);
CXX_INTEGRAL(short);
CXX_INTEGRAL(unsigned short);
CXX_INTEGRAL(int);
CXX_INTEGRAL(unsigned int);
CXX_INTEGRAL(long);
CXX_INTEGRAL(unsigned long);
CXX_INTEGRAL(long long);
CXX_INTEGRAL(unsigned long long);
#undef CXX_INTEGRAL

/** dependent_false - false, but only once a template is instantiated. */
template <typename...>
inline constexpr bool dependent_false = false;

} /* namespace cxx */

/*
 * g++ needs std::initializer_list for braced lists; it must live in namespace
 * std with exactly this layout (a pointer and a length), as libstdc++ has it.
 */
namespace std {
template <typename E> class initializer_list {
public:
	constexpr initializer_list() noexcept : array_(nullptr), len_(0) {}
	constexpr cxx::size_t size() const noexcept { return len_; }
	constexpr const E *begin() const noexcept { return array_; }
	constexpr const E *end() const noexcept { return array_ + len_; }

private:
	/* The compiler calls this private constructor. */
	constexpr initializer_list(const E *a, cxx::size_t l) : array_(a), len_(l) {}
	const E *array_;
	cxx::size_t len_;
};
} /* namespace std */

#endif /* _CXX_UTILITY_H */
