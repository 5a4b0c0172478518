#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh - C vs C++, side by side, in one run (`make bench`).
#
# Builds samples/cxx/cxx_minimal.cpp and its C twin c_minimal.c (same
# behaviour) against the same kernel headers and reports:
#  - the .ko's size: text, data, bss (size(1), Berkeley), and the bytes of
#    executable code alone;
#  - build time: a clean build of the module's directory, and the rebuild
#    after touching the source; the median of $RUNS runs each.
# It reports figures; it passes or fails nothing.

set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../../.." && pwd)
RUNS=${RUNS:-5}
work=${BENCH_OUT:-$top/build/bench}

eval "$("$here/../qemu/kernel.sh")"

rm -rf "$work"
mkdir -p "$work/c" "$work/cxx"
cp "$here/c_minimal.c" "$work/c/"
echo 'obj-m += c_minimal.o' >"$work/c/Kbuild"
cp "$top/samples/cxx/cxx_minimal.cpp" "$work/cxx/"
printf 'obj-m += cxx_minimal.o\ninclude %s/scripts/Makefile.cxx\n' "$top" \
	>"$work/cxx/Kbuild"

kmake() { make -s -C "$KDIR" M="$1" "${@:2}" >/dev/null 2>&1; }

# seconds CMD... - wall time of one run, in seconds with milliseconds.
seconds() {
	local t0 t1
	t0=$(date +%s%N)
	"$@"
	t1=$(date +%s%N)
	echo "$(((t1 - t0) / 1000000))" | awk '{ printf "%.3f", $1 / 1000 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

clean_build() { kmake "$1" clean && seconds kmake "$1"; }
rebuild() { touch "$1/$2" && seconds kmake "$1"; }

# exec_bytes KO - bytes of all executable sections.
exec_bytes() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
		while read -r _ _ _ _ size _ flags _; do
			case $flags in *X*) echo $((16#$size)) ;; esac
		done | awk '{ s += $1 } END { print s + 0 }'
}

declare -A clean inc
for lang in c cxx; do
	src=$([ $lang = c ] && echo c_minimal.c || echo cxx_minimal.cpp)
	clean[$lang]=$(for _ in $(seq "$RUNS"); do clean_build "$work/$lang"; echo; done | median)
	inc[$lang]=$(for _ in $(seq "$RUNS"); do rebuild "$work/$lang" "$src"; echo; done | median)
done

row() {
	local ko=$1 lang=$2
	read -r text data bss _ < <(size "$ko" | tail -1)
	printf '%-14s %8d %8d %8d %10d %10s %10s\n' "${ko##*/}" "$text" "$data" \
		"$bss" "$(exec_bytes "$ko")" "${clean[$lang]}" "${inc[$lang]}"
}

echo "kernel $KVER, $(g++ --version | head -1), median of $RUNS runs"
printf '%-14s %8s %8s %8s %10s %10s %10s\n' module text data bss code \
	"clean(s)" "rebuild(s)"
row "$work/c/c_minimal.ko" c
row "$work/cxx/cxx_minimal.ko" cxx
read -r ct cd _ < <(size "$work/c/c_minimal.ko" | tail -1)
read -r xt xd _ < <(size "$work/cxx/cxx_minimal.ko" | tail -1)
awk -v c=$((ct + cd)) -v x=$((xt + xd)) 'BEGIN {
	printf "C++/C text+data: %d / %d = %.3f\n", x, c, x / c }'
