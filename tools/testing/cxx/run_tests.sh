#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run_tests.sh - every test of C++ for Linux (`make check`).
#
# Installs what it needs (qemu/deps.sh), builds the samples and the test
# modules against the Debian kernel's headers, checks the build (flags,
# objtool, dependencies, clean, .modinfo), runs the compile-fail tests, then
# boots that kernel once in QEMU and checks what every module did there;
# then the same out of tree against Debian's 6.12 kernel (IBT, BTF), booted
# once too.
# The tests live in tests/AREA.sh, one file per area; this file only
# prepares, runs and counts them.
# Prints "ok N - name" / "not ok N - name" per test and ends with
# "N passed, N failed"; exits non-zero if any failed.
#
# Outputs and logs go to build/check/ (CXX_TEST_OUT to change it);
# CXX_TESTS=REGEX runs only the matching tests.

set -uo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../.." && pwd)
out=${CXX_TEST_OUT:-$top/build/check}
samples=$top/samples/cxx
tmods=$here/modules
gen_modinfo=$top/scripts/gen_modinfo.py
# Out of tree, the bindings and the runtime are built once per kernel into
# the share (scripts/Makefile.cxx): the test bench's own, under $out.
export CXX_SHARE=${CXX_SHARE:-$out/share}

passed=0
failed=0
n=0

# t NAME CMD... - register a test, run later in the order registered; its
# output goes to $out/NAME.log. CXX_TESTS=REGEX runs only the tests whose
# names match (mind that later tests read what earlier ones built or booted).
tests=()
t() {
	tests+=("$(printf '%q ' "$@")")
}

# run NAME CMD... - run one test and count it.
run() {
	local name=$1
	shift
	if [ -n "${CXX_TESTS:-}" ] && ! grep -qE -- "$CXX_TESTS" <<<"$name"; then
		return 0
	fi
	n=$((n + 1))
	if "$@" >"$out/$name.log" 2>&1; then
		passed=$((passed + 1))
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name"
		sed 's/^/#   /' "$out/$name.log" | tail -n 25
	fi
}

# has, hasnt TEXT FILE - whether FILE holds TEXT, a fixed string; say so if not.
has() {
	grep -qF -- "$1" "$2" || { echo "missing in ${2##*/}: $1"; return 1; }
}
hasnt() {
	! grep -F -- "$1" "$2" || { echo "unexpected in ${2##*/}: $1"; return 1; }
}

kmake() {
	local dir=$1
	shift
	make -C "$KDIR" M="$dir" "$@"
}

# step NAME - the guest output of one step of a guest script, from $log
# (default: the distribution kernel's guest.log).
step() {
	local from=${log:-$out/guest.log} name
	name=$(basename "$from" .log)-$1
	awk -v s="@@@ step $1" '$0 == s { on = 1; next } /^@@@ step / { on = 0 } on' \
		"$from" >"$out/step-$name.txt"
	echo "$out/step-$name.txt"
}

# Lines of the kernel log, module prefix and timestamp stripped.
klines() {
	sed -n '/^@@@ dmesg/,/^@@@ end/p' "$1" | sed -n "s/^\[[^]]*\] $2: //p"
}

mkdir -p "$out"
rm -f "$out"/*.log
# What samples/cxx holds before anything is built (test_clean).
make -s -C "$samples" clean >/dev/null 2>&1
(cd "$samples" && find . | sort) >"$out/samples-sources.txt"

"$here/qemu/deps.sh" || exit 1
eval "$("$here/qemu/kernel.sh")" || exit 1
echo "# kernel $KVER, headers $KDIR"

# Each area's tests live in tests/AREA.sh: read them all, then run them.
for area in build bindings share modinfo compile_fail docs guest services tools miscdev judge drivers intree arm64 debug k612; do
	. "$here/tests/$area.sh"
done
for x in "${tests[@]}"; do
	eval "run $x"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
