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
)

missing=()
for pkg in "${PACKAGES[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	if [[ "$status" != "install ok installed" ]]; then
		missing+=("$pkg")
	fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
	exit 0
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
			install -y --no-install-recommends "${missing[@]}" && exit 0
	echo "deps.sh: apt-get failed (attempt $i), retrying" >&2
	sleep 10
done
exit 1
