#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# cxx_decode_stacktrace.sh - make the backtraces of a kernel log readable
# where they run through C++ code: each mangled C++ symbol
# (_ZN3cxx14FileOperations...+0x2cf/0x350 [scull]) is demangled in place by
# c++filt (binutils), keeping its +offset/length and [module].
#
# Usage:
#   scripts/cxx_decode_stacktrace.sh < LOG
#   scripts/cxx_decode_stacktrace.sh VMLINUX [BASE_PATH [MODULES_PATH]] < LOG
#
# With arguments, LOG first goes through the kernel's
# scripts/decode_stacktrace.sh with them (it adds file:line to each frame;
# it needs a vmlinux and modules with debug info): $DECODE_STACKTRACE, else
# BASE_PATH/scripts/decode_stacktrace.sh (BASE_PATH: the kernel source);
# frames of C++ inline functions and templates, which that script cannot
# find, get theirs from addr2line and the .ko under MODULES_PATH.
# Writes the decoded log to stdout.

set -euo pipefail

command -v c++filt >/dev/null || {
	echo "cxx_decode_stacktrace.sh: c++filt not found (install binutils)" >&2
	exit 2
}

if [ $# -eq 0 ]; then
	exec c++filt
fi

decode=${DECODE_STACKTRACE:-${2:+$2/scripts/decode_stacktrace.sh}}
if [ -z "$decode" ] || [ ! -f "$decode" ]; then
	echo "cxx_decode_stacktrace.sh: no decode_stacktrace.sh: give the kernel source as BASE_PATH or set DECODE_STACKTRACE" >&2
	exit 2
fi

# The kernel's script finds only t and T symbols: a C++ inline function or
# template instance is a weak (W) symbol in a section of its own,
# .text.<name>, whose offset addr2line -j resolves in the module's .ko.
weak_frames() {
	local re='^(.*[ :])(_Z[A-Za-z0-9_.$]*)\+0x([0-9a-f]+)/0x[0-9a-f]+ \[?([A-Za-z0-9_]+)\]?$'
	local line ko code
	while IFS= read -r line; do
		if [ -n "$modpath" ] && [[ $line =~ $re ]] &&
			ko=$(find "$modpath" -name "${BASH_REMATCH[4]}.ko" -print -quit) &&
			[ -n "$ko" ]; then
			code=$(addr2line -e "$ko" -j ".text.${BASH_REMATCH[2]}" \
				"0x${BASH_REMATCH[3]}" 2>/dev/null)
			if [ -n "$code" ] && [[ $code != \?\?:* ]]; then
				line="${BASH_REMATCH[1]}${BASH_REMATCH[2]} ($code) ${BASH_REMATCH[4]}"
			fi
		fi
		printf '%s\n' "$line"
	done
}
modpath=${3:-}

bash "$decode" "$@" | weak_frames | c++filt
