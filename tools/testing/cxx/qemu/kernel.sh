#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# kernel.sh - print which Debian kernel the test bench boots and builds
# modules against, as shell assignments:
#
#   KVER=<version>  KDIR=/lib/modules/<version>/build  VMLINUZ=/boot/vmlinuz-<version>
#
# Usage: eval "$(tools/testing/cxx/qemu/kernel.sh)"
#        eval "$(tools/testing/cxx/qemu/kernel.sh 6.12)"   # Debian's 6.12
#        tools/testing/cxx/qemu/kernel.sh --version 6.12  # its version only
#
# Choice: $KVER from the environment if set; else the kernel Debian 12's
# linux-image-amd64 package depends on (6.1), which deps.sh installs. Never
# "the newest installed" or "the running" one: installing Debian's 6.12
# packages, or running the tests on another host kernel, must not change
# which kernel the tests use. Name another with KVER=.
#
# With the argument 6.12: Debian 12's 6.12 kernel the tests also build for
# and boot (IBT, BTF), named here by its exact version, which deps.sh
# installs (linux-image-<ver>, linux-headers-<ver> from bookworm-security).

set -euo pipefail

readonly KVER_6_12=6.12.117+deb12-amd64

case "${1:-}" in
--version)
	[[ "${2:-}" == 6.12 ]] || { echo "kernel.sh: --version 6.12" >&2; exit 2; }
	echo "$KVER_6_12"
	exit 0
	;;
6.12) KVER=$KVER_6_12 ;;
"") ;;
*) echo "kernel.sh: unknown argument $1" >&2; exit 2 ;;
esac

has_kernel() {
	[[ -f "/boot/vmlinuz-$1" && -f "/lib/modules/$1/build/Makefile" ]]
}

kver=""
if [[ -n "${KVER:-}" ]]; then
	if ! has_kernel "$KVER"; then
		echo "kernel.sh: KVER=$KVER: need /boot/vmlinuz-$KVER and /lib/modules/$KVER/build/Makefile" >&2
		exit 1
	fi
	kver=$KVER
else
	# "linux-image-6.1.0-57-amd64 (= 6.1.192-3)" -> 6.1.0-57-amd64
	dep=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null || true)
	dep=${dep%%[ ,]*}
	if [[ "$dep" == linux-image-*-amd64 ]] && has_kernel "${dep#linux-image-}"; then
		kver=${dep#linux-image-}
	fi
fi

if [[ -z "$kver" ]]; then
	echo "kernel.sh: no usable Debian kernel: need linux-image-amd64's kernel, /boot/vmlinuz-<ver> and /lib/modules/<ver>/build/Makefile" >&2
	echo "kernel.sh: install linux-image-amd64 and linux-headers-amd64 (see deps.sh), or name one with KVER=" >&2
	exit 1
fi

printf 'KVER=%q\n' "$kver"
printf 'KDIR=%q\n' "/lib/modules/$kver/build"
printf 'VMLINUZ=%q\n' "/boot/vmlinuz-$kver"
