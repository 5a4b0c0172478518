#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Tests whether a suitable C++ toolchain is available, in the manner of
# scripts/rust_is_available.sh: exits 0 if so, 1 if not. With -v (as
# `make cxxavailable` runs it) it explains why.
#
# The C++ compiler is $CXX if set, else $CC with "gcc" replaced by "g++"
# (gcc-12 -> g++-12), as scripts/Makefile.cxx chooses it.

set -e

min_version=11

verbose=
[ "${1:-}" = -v ] && verbose=1

say() {
	[ -n "$verbose" ] && echo "$@"
	return 0
}

cc=${CC:-gcc}
case $cc in
*gcc*) derived=${cc%%gcc*}g++${cc#*gcc} ;;
*) derived=g++ ;;
esac
cxx=${CXX:-$derived}
# A launcher may come first (CC="ccache gcc"): the compiler is the last word.
cxx_bin=${cxx##* }
cc_bin=${cc##* }

if ! command -v "$cxx_bin" >/dev/null 2>&1; then
	say "***"
	say "*** C++ compiler '$cxx' could not be found."
	say "*** It pairs with the kernel's C compiler '$cc'; on Debian, install"
	say "*** the g++ package of the same version (e.g. g++-12 for gcc-12)."
	say "***"
	exit 1
fi

cxx_version=$(LC_ALL=C "$cxx_bin" -dumpversion 2>/dev/null || echo 0)
cxx_major=${cxx_version%%.*}
if [ "$cxx_major" -lt "$min_version" ] 2>/dev/null || [ -z "$cxx_major" ]; then
	say "***"
	say "*** C++ compiler '$cxx' is too old."
	say "***   Your version:    $cxx_version"
	say "***   Minimum version: $min_version (for C++20)"
	say "***"
	exit 1
fi

if command -v "$cc_bin" >/dev/null 2>&1; then
	cc_version=$(LC_ALL=C "$cc_bin" -dumpversion 2>/dev/null || echo 0)
	if [ "${cc_version%%.*}" != "$cxx_major" ]; then
		say "***"
		say "*** C++ compiler '$cxx' ($cxx_version) is not the same version"
		say "*** as the C compiler '$cc' ($cc_version): C++ objects take the"
		say "*** kernel's C flags, which only the matching g++ is sure to accept."
		say "***"
		exit 1
	fi
fi

# The dialect of include/cxx/: freestanding C++20, no exceptions, no RTTI.
probe='struct B { virtual ~B(); virtual int f() = 0; };
template <typename T> concept C = requires(T t) { t.f(); };
consteval int sq(int x) { return x * x; }
static_assert(sq(3) == 9);
int g(B &b) { return b.f(); }'
if ! echo "$probe" | LC_ALL=C $cxx -x c++ -std=gnu++20 -fno-exceptions \
	-fno-rtti -fno-threadsafe-statics -ffreestanding -nostdinc \
	-nostdinc++ -fsyntax-only - >/dev/null 2>&1; then
	say "***"
	say "*** C++ compiler '$cxx' cannot compile freestanding C++20 with"
	say "*** -fno-exceptions -fno-rtti; see Documentation/cxx/quick-start.rst."
	say "***"
	exit 1
fi

say "C++ compiler '$cxx' $cxx_version, with '$cc' $cc_version."
exit 0
