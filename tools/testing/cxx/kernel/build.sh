#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# build.sh - lay C++ for Linux over a kernel tree and build a kernel with it.
#
# Usage: build.sh NAME
#   NAME   run    tinyconfig + run.config: CONFIG_CXX=y, the samples as
#                 modules and cxx_params built in (`make run`)
#          debug  the same + debug.config: KASAN, kmemleak, lockdep, UBSAN,
#                 failslab, KUnit with the C++ suite (`make check`)
#          nocxx  run without C++, and
#          cxxonly  run with every sample a module, for the size benchmark
#                 (`make bench`)
#          arm64  tinyconfig + arm64.config, cross-built for arm64 (QEMU's
#                 virt machine): the samples as modules, cxx_params built in
#
# The kernel tree is $KSRC, or Debian's linux-source-6.1 unpacked once into
# build/kernel/src/. Each NAME builds in build/kernel/NAME/ (O=, or
# $KBUILD_OUT), configured
# again only when a fragment changed, so a second run rebuilds only what an
# edit touched; ccache, when installed, keeps compiled objects across
# clones. Progress goes to stderr and the build log to
# <build dir>.log (build/kernel/NAME.log); stdout gets shell assignments:
#   KBUILD= KCC= KIMAGE= KVER= STAGING= GEN_INIT_CPIO=

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../../.." && pwd)
name=${1:?usage: build.sh run|debug}
case $name in
run) fragments=("$here/run.config") ;;
debug) fragments=("$here/run.config" "$here/debug.config") ;;
nocxx) fragments=("$here/run.config" "$here/nocxx.config") ;;
cxxonly) fragments=("$here/run.config" "$here/cxxonly.config") ;;
arm64) fragments=("$here/arm64.config") ;;
*) echo "build.sh: unknown kernel '$name'" >&2; exit 2 ;;
esac

cache=$top/build/kernel
mkdir -p "$cache"
say() { echo "build.sh: $*" >&2; }

if [ -z "${KSRC:-}" ]; then
	tarball=/usr/src/linux-source-6.1.tar.xz
	[ -f "$tarball" ] || { say "$tarball missing: install linux-source-6.1"; exit 1; }
	KSRC=$cache/src/linux-source-6.1
	stamp=$(stat -c '%s %Y' "$tarball")
	if [ "$(cat "$cache/src/.stamp" 2>/dev/null)" != "$stamp" ]; then
		say "unpacking $tarball"
		rm -rf "$cache/src"
		mkdir -p "$cache/src"
		tar xf "$tarball" -C "$cache/src"
		echo "$stamp" >"$cache/src/.stamp"
	fi
fi

"$top/scripts/cxx_overlay.sh" "$KSRC" >&2

O=${KBUILD_OUT:-$cache/$name}
mkdir -p "$O"
# The architecture: the host's (x86_64), or arm64 cross-compiled.
cross=() image=bzImage image_path=arch/x86/boot/bzImage kcc=gcc
if [ "$name" = arm64 ]; then
	# Debian's cross gcc conflicts with gcc-multilib: qemu/deps.sh unpacks
	# it here instead of installing it.
	cross_bin=${CXX_ARM64_TOOLCHAIN:-/opt/cxx-for-linux/aarch64}/usr/bin
	[ ! -d "$cross_bin" ] || PATH=$cross_bin:$PATH
	command -v aarch64-linux-gnu-g++ >/dev/null ||
		{ say "aarch64-linux-gnu-g++ not found: run tools/testing/cxx/qemu/deps.sh"; exit 1; }
	cross=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
	image=Image image_path=arch/arm64/boot/Image kcc=aarch64-linux-gnu-gcc
fi
if command -v ccache >/dev/null; then
	export CCACHE_DIR=${CCACHE_DIR:-${HOME:-/var/tmp}/.cache/ccache}
	# Hits across clones of this tree (CI builds in a fresh clone): paths
	# under $top are hashed relative to the build directory, and the
	# build directory itself is not hashed.
	export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
	kcc="ccache $kcc"
fi
make_args=(-C "$KSRC" O="$O" "${cross[@]}" CC="$kcc")

want=$(cat "${fragments[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$O/.cxx-config" 2>/dev/null)" != "$want" ] || [ ! -f "$O/.config" ]; then
	say "configuring $name: tinyconfig + ${fragments[*]##*/}"
	make "${make_args[@]}" tinyconfig >/dev/null
	"$KSRC/scripts/kconfig/merge_config.sh" -m -O "$O" "$O/.config" \
		"${fragments[@]}" >/dev/null
	make "${make_args[@]}" olddefconfig >/dev/null
	# Every option the fragments ask for (the last word for each wins) must
	# have stuck.
	cat "${fragments[@]}" | grep -E '^CONFIG_[A-Za-z0-9_]+=' |
		awk -F= '{ v[$1] = $0 } END { for (k in v) print v[k] }' |
		while IFS= read -r line; do
			case $line in
			CONFIG_*=n) ! grep -Eq "^${line%=n}=(y|m)" "$O/.config" ||
				{ say "$name: ${line%=n} could not be disabled"; exit 1; } ;;
			*) grep -qx "$line" "$O/.config" ||
				{ say "$name: $line did not stick (dependencies?)"; exit 1; } ;;
			esac
		done
	echo "$want" >"$O/.cxx-config"
fi

log=$O.log
say "building $name kernel (log: $log)"
if ! make "${make_args[@]}" -j"$(nproc)" "$image" modules >"$log" 2>&1; then
	tail -n 40 "$log" >&2
	say "$name kernel build failed"
	exit 1
fi
rm -rf "$O/staging"
make "${make_args[@]}" INSTALL_MOD_PATH="$O/staging" modules_install >>"$log" 2>&1

echo "KBUILD=$O"
echo "KCC='$kcc'"
echo "KIMAGE=$O/$image_path"
echo "KVER=$(make -s "${make_args[@]}" kernelrelease)"
echo "STAGING=$O/staging"
echo "GEN_INIT_CPIO=$O/usr/gen_init_cpio"
