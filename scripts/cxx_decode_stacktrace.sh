#!/bin/sh
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
# BASE_PATH/scripts/decode_stacktrace.sh (BASE_PATH: the kernel source).
# Writes the decoded log to stdout.

set -eu

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
bash "$decode" "$@" | c++filt
