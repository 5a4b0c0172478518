#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh - install the Debian packages the QEMU test bench and the C++
# module builds need, if any are missing.  Debian's archive only.
#
# Usage: tools/testing/cxx/qemu/deps.sh
#
# Prints nothing when everything is already installed.  Installing needs
# root; as non-root it fails, naming the missing packages.  Idempotent.

set -euo pipefail

# Debian's 6.12 kernel (bookworm-security), which the tests also build for
# and boot; its exact version is named in kernel.sh.
kver_6_12=$("$(dirname "${BASH_SOURCE[0]}")/kernel.sh" --version 6.12)

readonly PACKAGES=(
	linux-image-amd64
	linux-headers-amd64
	"linux-image-$kver_6_12"
	"linux-headers-$kver_6_12"
	qemu-system-x86
	busybox-static
	libelf-dev
	kmod
	cpio
	make
	gcc
	g++
	bc
	python3
	python3-docutils
	# The bindings generator (scripts/gen_cxx_bindings.py): libclang
	python3-clang-14
	# Building a kernel with C++ in its tree (kernel/build.sh)
	linux-source-6.1
	xz-utils
	flex
	bison
	libssl-dev
	libc6-dev
	# 32-bit static test programs (compat ioctl): gcc -m32
	gcc-multilib
	ccache
	# The out-of-tree template's dkms.conf, and editors: clangd reads
	# compile_commands.json (tests/tools.sh)
	dkms
	clangd
	# The arm64 kernel (tests/arm64.sh): binutils, the cross cpp and libgcc
	# (the cross gcc and g++ conflict with gcc-multilib: see arm64_deps)
	qemu-system-arm
	binutils-aarch64-linux-gnu
	cpp-12-aarch64-linux-gnu
	libgcc-12-dev-arm64-cross
)

# Debian's gcc-12-aarch64-linux-gnu and g++-12-aarch64-linux-gnu conflict
# with gcc-multilib, and busybox-static:arm64 is not multi-arch: their .debs
# are unpacked into $ARM64 (kernel/build.sh and tests/arm64.sh look there),
# never installed, and the host's busybox stays. The cross driver finds
# cc1, libgcc and binutils of the installed packages through symlinks.
ARM64=${CXX_ARM64_TOOLCHAIN:-/opt/cxx-for-linux/aarch64}
arm64_deps() {
	[[ -x "$ARM64/usr/bin/aarch64-linux-gnu-g++" && -x "$ARM64/busybox/busybox" ]] &&
		return 0
	if [[ "$(id -u)" -ne 0 ]]; then
		echo "deps.sh: $ARM64 missing (run as root to unpack the arm64 cross compiler and busybox)" >&2
		return 1
	fi
	echo "deps.sh: unpacking the arm64 cross compiler and busybox into $ARM64"
	local tmp lists gcc_lib=/usr/lib/gcc-cross/aarch64-linux-gnu/12 f
	tmp=$(mktemp -d)
	lists=(-o "Dir::State::Lists=$tmp/lists" -o APT::Architecture=arm64
		-o APT::Architectures=arm64)
	mkdir -p "$tmp/lists/partial" "$ARM64/busybox"
	(cd "$tmp" && apt-get download gcc-12-aarch64-linux-gnu g++-12-aarch64-linux-gnu &&
		apt-get "${lists[@]}" update >/dev/null &&
		apt-get "${lists[@]}" download busybox-static) || return 1
	for f in "$tmp"/gcc-12-*.deb "$tmp"/g++-12-*.deb; do
		dpkg-deb -x "$f" "$ARM64" || return 1
	done
	ln -sfn aarch64-linux-gnu-gcc-12 "$ARM64/usr/bin/aarch64-linux-gnu-gcc"
	ln -sfn aarch64-linux-gnu-g++-12 "$ARM64/usr/bin/aarch64-linux-gnu-g++"
	for f in "$gcc_lib"/*; do
		[[ -e "$ARM64$gcc_lib/${f##*/}" ]] || ln -s "$f" "$ARM64$gcc_lib/"
	done
	ln -sfn /usr/aarch64-linux-gnu "$ARM64/usr/aarch64-linux-gnu"
	dpkg-deb -x "$tmp"/busybox-static_*_arm64.deb "$tmp/bb" &&
		cp "$tmp/bb/bin/busybox" "$ARM64/busybox/busybox" || return 1
	rm -rf "$tmp"
}

missing=()
for pkg in "${PACKAGES[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	if [[ "$status" != "install ok installed" ]]; then
		missing+=("$pkg")
	fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
	arm64_deps
	exit
fi

if [[ "$(id -u)" -ne 0 ]]; then
	echo "deps.sh: missing packages (run as root to install): ${missing[*]}" >&2
	exit 1
fi

echo "deps.sh: installing: ${missing[*]}"
# Wait for another apt or dpkg (unattended upgrades) to release its locks.
for i in $(seq 60); do
	apt-get -o DPkg::Lock::Timeout=10 update &&
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=60 \
			install -y --no-install-recommends "${missing[@]}" && { arm64_deps; exit; }
	echo "deps.sh: apt-get failed (attempt $i), retrying" >&2
	sleep 10
done
exit 1
