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
#    after touching the source; the median of $RUNS runs each. For C++,
#    the clean build finds the kernel's share made (scripts/Makefile.cxx:
#    the bindings and the runtime, built once per kernel); the first build,
#    from an empty share, is reported beside it.
# Then the generated bindings: the time to generate them, and the compile
# time of C++ including them against C including the headers they bind.
# Then the misc device and a scull-class driver (LDD3's scull: c_scull.c,
# cxx_scull.cpp), each against its C twin.
# It reports figures; it passes or fails nothing.
#
# Usage: bench.sh [scull]   (scull: only the scull pair's sizes, a minute)

set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../../.." && pwd)
RUNS=${RUNS:-5}
work=${BENCH_OUT:-$top/build/bench}

eval "$("$here/../qemu/kernel.sh")"

kmake() { make -s -C "$KDIR" M="$1" "${@:2}" >/dev/null 2>&1; }

# exec_bytes KO - bytes of all executable sections.
exec_bytes() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
		while read -r _ _ _ _ size _ flags _; do
			case $flags in *X*) echo $((16#$size)) ;; esac
		done | awk '{ s += $1 } END { print s + 0 }'
}

# size_pair C_KO CXX_KO - their sizes side by side, and C++/C.
size_pair() {
	local ko ct cd xt xd
	printf '%-16s %8s %8s %8s %10s\n' module text data bss code
	for ko in "$1" "$2"; do
		read -r text data bss _ < <(size "$ko" | tail -1)
		printf '%-16s %8d %8d %8d %10d\n' "${ko##*/}" "$text" "$data" "$bss" \
			"$(exec_bytes "$ko")"
	done
	read -r ct cd _ < <(size "$1" | tail -1)
	read -r xt xd _ < <(size "$2" | tail -1)
	awk -v c=$((ct + cd)) -v x=$((xt + xd)) -v ce="$(exec_bytes "$1")" \
		-v xe="$(exec_bytes "$2")" 'BEGIN {
		printf "C++/C text+data: %d / %d = %.3f; code: %d / %d = %.3f\n",
			x, c, x / c, xe, ce, xe / ce }'
}

# scull_sizes DIR - build the scull pair in DIR/c, DIR/cxx; their sizes.
scull_sizes() {
	rm -rf "$1"
	mkdir -p "$1/c" "$1/cxx"
	cp "$here/c_scull.c" "$1/c/"
	echo 'obj-m += c_scull.o' >"$1/c/Kbuild"
	cp "$here/cxx_scull.cpp" "$1/cxx/"
	printf 'obj-m += cxx_scull.o\ninclude %s/scripts/Makefile.cxx\n' "$top" >"$1/cxx/Kbuild"
	kmake "$1/c" && kmake "$1/cxx" || { echo "bench: building the scull pair failed"; return 1; }
	echo "scull: c_scull.ko vs cxx_scull.ko (quantum sets, read, write, llseek, ioctl, a mutex)"
	size_pair "$1/c/c_scull.ko" "$1/cxx/cxx_scull.ko"
}

if [ "${1:-}" = scull ]; then
	scull_sizes "$work/scull"
	exit
fi

rm -rf "$work"
mkdir -p "$work/c" "$work/cxx"
# The bench's own share, empty at first.
export CXX_SHARE=$work/share
cp "$here/c_minimal.c" "$work/c/"
echo 'obj-m += c_minimal.o' >"$work/c/Kbuild"
cp "$top/samples/cxx/cxx_minimal.cpp" "$work/cxx/"
printf 'obj-m += cxx_minimal.o\ninclude %s/scripts/Makefile.cxx\n' "$top" \
	>"$work/cxx/Kbuild"

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

declare -A clean inc
first=$(seconds kmake "$work/cxx")
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
awk -v c="${clean[c]}" -v x="${clean[cxx]}" -v f="$first" 'BEGIN {
	printf "C++/C clean build, the share made: %.2f; first C++ build per kernel (empty share): %s s\n", x / c, f }'

# ---------------------------------------------------------------------------
# The generated bindings: time to generate them, and the compile time of a
# C++ translation unit that includes them against a C one that includes the
# kernel headers they come from (cxx/bindings_helper.h), each with its real
# module command line taken from the builds above.
# ---------------------------------------------------------------------------

# cmdline CMDFILE - the compiler command of a .cmd file, without its output,
# source and dependency-file arguments, one argument a line.
cmdline() {
	sed -n 's/^cmd_[^ ]* := //p' "$1" | sed 's/;.*//' | /usr/bin/python3 -c '
import shlex, sys
a = shlex.split(sys.stdin.read())
out, skip = [], False
for x in a:
    if skip:
        skip = False
        continue
    if x == "-o":
        skip = True
        continue
    if x == "-c" or x.startswith("-Wp,-MMD") or x.endswith((".c", ".cpp")):
        continue
    out.append(x)
print("\n".join(out))'
}

b=$work/bindings
mkdir -p "$b"
gen_cmd=$(sed -n 's/^cmd_[^ ]* := //p' \
	"$work/cxx/.cxx/share/include/generated/cxx/.bindings.h.cmd")
mapfile -t cflags < <(cmdline "$work/c/.c_minimal.o.cmd")
mapfile -t cxxflags < <(cmdline "$work/cxx/.cxx_minimal.cxx.o.cmd")
printf '#include "%s/cxx/bindings_helper.h"\nint bench_f(void);\nint bench_f(void) { return 0; }\n' \
	"$top" >"$b/headers.c"
printf '#include <generated/cxx/bindings.h>\nint bench_f();\nint bench_f() { return 0; }\n' \
	>"$b/bindings.cpp"

gen() { (cd "$KDIR" && sh -c "$gen_cmd" >/dev/null); }
cc_c() { (cd "$KDIR" && "${cflags[@]}" -c -o "$b/headers.o" "$b/headers.c"); }
cc_cxx() { (cd "$KDIR" && "${cxxflags[@]}" -c -o "$b/bindings.o" "$b/bindings.cpp"); }
cc_min() { (cd "$KDIR" && "${cxxflags[@]}" -c -o "$b/min.o" "$work/cxx/cxx_minimal.cpp"); }
c_min() { (cd "$KDIR" && "${cflags[@]}" -c -o "$b/cmin.o" "$work/c/c_minimal.c"); }

t_gen=$(for _ in $(seq "$RUNS"); do seconds gen; echo; done | median)
t_c=$(for _ in $(seq "$RUNS"); do seconds cc_c; echo; done | median)
t_cxx=$(for _ in $(seq "$RUNS"); do seconds cc_cxx; echo; done | median)
t_cmin=$(for _ in $(seq "$RUNS"); do seconds c_min; echo; done | median)
t_xmin=$(for _ in $(seq "$RUNS"); do seconds cc_min; echo; done | median)
h=$work/cxx/.cxx/share/include/generated/cxx/bindings.h

echo
echo "bindings: $(wc -l <"$h") lines, $(wc -c <"$h") bytes;" \
	"$(grep -c '^CXX_CHECK(' "$work/cxx/.cxx/share/bindings_check.c") C layout checks;" \
	"$(grep -l '^EXPORT_SYMBOL_GPL' "$work"/cxx/.cxx/share/helpers/*.c | wc -l) C helpers"
printf '%-44s %10s\n' "step (median of $RUNS)" "seconds"
printf '%-44s %10s\n' "generate bindings.h (gen_cxx_bindings.py)" "$t_gen"
printf '%-44s %10s\n' "C:   compile the kernel headers it binds" "$t_c"
printf '%-44s %10s\n' "C++: compile <generated/cxx/bindings.h>" "$t_cxx"
printf '%-44s %10s\n' "C:   compile c_minimal.c" "$t_cmin"
printf '%-44s %10s\n' "C++: compile cxx_minimal.cpp" "$t_xmin"
awk -v c="$t_c" -v x="$t_cxx" -v cm="$t_cmin" -v xm="$t_xmin" 'BEGIN {
	printf "C++/C compile, headers alone: %.2f; minimal module: %.2f\n", x / c, xm / cm }'

# ---------------------------------------------------------------------------
# The misc device: samples/cxx/cxx_miscdev.cpp against its C twin
# (c_miscdev.c), same behaviour, same kernel. Sizes of the .ko, then
# instructions per call of each path, measured in the guest under QEMU's
# -icount shift=0 (one guest nanosecond per instruction: the figures are
# counts, identical on every run; user-space loop and syscall entry
# included, so the difference between C and C++ is the driver's).
# ---------------------------------------------------------------------------

m=$work/misc
mkdir -p "$m/c" "$m/cxx"
cp "$here/c_miscdev.c" "$m/c/"
echo 'obj-m += c_miscdev.o' >"$m/c/Kbuild"
cp "$top/samples/cxx/cxx_miscdev.cpp" "$m/cxx/"
printf 'obj-m += cxx_miscdev.o\ninclude %s/scripts/Makefile.cxx\n' "$top" >"$m/cxx/Kbuild"
cp "$here/c_ops.c" "$m/c/"
echo 'obj-m += c_ops.o' >>"$m/c/Kbuild"
cp "$here/cxx_ops.cpp" "$m/cxx/"
sed -i '1a obj-m += cxx_ops.o' "$m/cxx/Kbuild"
kmake "$m/c" && kmake "$m/cxx" || { echo "bench: building the misc devices failed"; exit 1; }
gcc -static -O2 -Wall -o "$m/miscdev_bench" "$here/../user/miscdev_bench.c"
N=${MISC_CALLS:-2000}
cat >"$m/scenario.sh" <<EOS
insmod c_miscdev.ko && insmod cxx_miscdev.ko || exit 1
./miscdev_bench /dev/c_miscdev $N && ./miscdev_bench /dev/cxx_miscdev $N || exit 1
rmmod c_miscdev && rmmod cxx_miscdev
insmod c_ops.ko && insmod cxx_ops.ko || exit 1
rmmod c_ops && rmmod cxx_ops
dmesg | grep ' bench_ops '
EOS
"$here/../qemu/boot.sh" --icount --timeout 600 --scenario "$m/scenario.sh" \
	--log "$m/guest.log" "$m/c/c_miscdev.ko" "$m/cxx/cxx_miscdev.ko" "$m/miscdev_bench" \
	"$m/c/c_ops.ko" "$m/cxx/cxx_ops.ko" \
	>/dev/null || { echo "bench: the misc device run failed (log: $m/guest.log)"; exit 1; }

echo
echo "misc device: c_miscdev.ko vs cxx_miscdev.ko"
size_pair "$m/c/c_miscdev.ko" "$m/cxx/cxx_miscdev.ko"
echo
printf '%-18s %12s %12s %8s\n' "path ($N calls)" "C (insns)" "C++ (insns)" "C++/C"
tr -d '\r' <"$m/guest.log" | awk '
	$1 == "/dev/c_miscdev" { c[$2] = $3; order[n++] = $2 }
	$1 == "/dev/cxx_miscdev" { x[$2] = $3 }
	END {
		for (i = 0; i < n; i++) {
			p = order[i]
			printf "%-18s %12d %12d %8.3f\n", p, c[p], x[p], x[p] / c[p]
		}
	}'

# In-kernel operations (c_ops.c against cxx_ops.cpp, loaded in the same
# guest): the fastest of 20 rounds of 1000, per operation.
echo
printf '%-18s %12s %12s %8s\n' "operation" "C (insns)" "C++ (insns)" "C++/C"
tr -d '\r' <"$m/guest.log" | awk '
	# Each line is on the console and in dmesg: take the first.
	$(NF - 3) == "bench_ops" && $(NF - 2) == "c" && !($(NF - 1) in c) {
		c[$(NF - 1)] = $NF; order[n++] = $(NF - 1) }
	$(NF - 3) == "bench_ops" && $(NF - 2) == "cxx" && !($(NF - 1) in x) {
		x[$(NF - 1)] = $NF; nx++ }
	END {
		for (i = 0; i < n; i++) {
			k = order[i]
			printf "%-18s %12.1f %12.1f %8.3f\n", k, c[k] / 1000, x[k] / 1000, x[k] / c[k]
		}
		if (n != 5 || nx != 5) { print "bench: missing bench_ops lines"; exit 1 }
	}'

echo
scull_sizes "$work/scull"

# The PCI driver against its C twin (bench/edu.sh, which runs alone too).
echo
BENCH_OUT=$work "$here/edu.sh"
