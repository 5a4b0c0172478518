#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# kernel.sh - print which Debian kernel the test bench boots and builds
# modules against, as shell assignments:
#
#   KVER=<version>  KDIR=/lib/modules/<version>/build  VMLINUZ=/boot/vmlinuz-<version>
#
# Usage: eval "$(tools/testing/cxx/qemu/kernel.sh)"
#
# Choice: $KVER from the environment if set; else the running kernel if
# both its /boot/vmlinuz and its headers build dir exist; else the newest
# (sort -V) installed *-amd64 kernel that has both.

set -euo pipefail

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
	running=$(uname -r)
	if has_kernel "$running"; then
		kver=$running
	else
		candidates=()
		for image in /boot/vmlinuz-*-amd64; do
			[[ -e "$image" ]] || continue
			v=${image#/boot/vmlinuz-}
			if has_kernel "$v"; then
				candidates+=("$v")
			fi
		done
		if [[ ${#candidates[@]} -gt 0 ]]; then
			kver=$(printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1)
		fi
	fi
fi

if [[ -z "$kver" ]]; then
	echo "kernel.sh: no usable Debian kernel: need /boot/vmlinuz-<ver>-amd64 and /lib/modules/<ver>-amd64/build/Makefile" >&2
	echo "kernel.sh: install linux-image-amd64 and linux-headers-amd64 (see deps.sh)" >&2
	exit 1
fi

printf 'KVER=%q\n' "$kver"
printf 'KDIR=%q\n' "/lib/modules/$kver/build"
printf 'VMLINUZ=%q\n' "/boot/vmlinuz-$kver"
