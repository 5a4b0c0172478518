#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# kernel.sh - what CONFIG_CXX costs a kernel, in one run (`make bench`).
#
# Builds the `make run` kernel (tinyconfig + run.config) from scratch,
# without ccache, three ways: without C++ (nocxx.config), with CONFIG_CXX=y
# and every sample a module (cxxonly.config), and as `make run` has it
# (cxx_params built in). Reports:
#  - size(1) of vmlinux for each, and of the C++ runtime objects (cxx/):
#    cxxonly - nocxx is what CONFIG_CXX=y adds to vmlinux;
#  - each first build's time, and the rebuild after editing one sample;
#  - boot to the last rmmod of `make run`'s scenario, in guest uptime.
# It reports figures; it passes or fails nothing.

set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tests=$(cd "$here/.." && pwd)
top=$(cd "$tests/../../.." && pwd)
work=${BENCH_OUT:-$top/build/bench}
mkdir -p "$work"
export CCACHE_DISABLE=1

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

declare -A first
for name in nocxx cxxonly run; do
	rm -rf "$work/kernel-$name"
	t0=$(date +%s%N)
	KBUILD_OUT=$work/kernel-$name "$tests/kernel/build.sh" "$name" \
		>"$work/kernel-$name.env"
	first[$name]=$(seconds "$t0" "$(date +%s%N)")
done

# shellcheck disable=SC1090
. "$work/kernel-run.env"
ksrc=$(readlink -f "$KBUILD/source")
sample=$ksrc/samples/cxx/cxx_minimal.cpp
t0=$(date +%s%N)
touch "$sample"
KBUILD_OUT=$KBUILD "$tests/kernel/build.sh" run >/dev/null
incr=$(seconds "$t0" "$(date +%s%N)")

scenario=$work/boot-scenario.sh
{ cat "$tests/run_samples.sh"; echo 'echo "### uptime $(cut -d" " -f1 /proc/uptime)"'; } >"$scenario"
t0=$(date +%s%N)
"$tests/qemu/boot.sh" --kernel "$KIMAGE" --tree "$STAGING" \
	--gen-init-cpio "$GEN_INIT_CPIO" --scenario "$scenario" \
	--log "$work/boot.log" >/dev/null
wall=$(seconds "$t0" "$(date +%s%N)")
uptime=$(sed -n 's/^### uptime //p' "$work/boot.log")

echo "kernel: tinyconfig + run.config, $(gcc --version | head -1), $(nproc) cores, no ccache"
echo
printf '%-28s %10s %8s %8s %10s\n' "" text data bss total
for name in nocxx cxxonly run; do
	read -r text data bss dec _ < <(size "$work/kernel-$name/vmlinux" | tail -1)
	printf '%-28s %10d %8d %8d %10d\n' "vmlinux, $name" "$text" "$data" "$bss" "$dec"
done
read -r t0 d0 b0 s0 _ < <(size "$work/kernel-nocxx/vmlinux" | tail -1)
read -r t1 d1 b1 s1 _ < <(size "$work/kernel-cxxonly/vmlinux" | tail -1)
printf '%-28s %10d %8d %8d %10d\n' "CONFIG_CXX=y adds" $((t1 - t0)) $((d1 - d0)) \
	$((b1 - b0)) $((s1 - s0))
size -t "$KBUILD"/cxx/{new,new_aligned,new_exports,ctors,atexit,abi,.cxx/helpers}.o |
	tail -1 | awk '{ printf "%-28s %10d %8d %8d %10d\n", "cxx/ runtime objects", $1, $2, $3, $4 }'
size "$KBUILD/samples/cxx/cxx_params.o" |
	tail -1 | awk '{ printf "%-28s %10d %8d %8d %10d\n", "built-in cxx_params.o", $1, $2, $3, $4 }'
echo
echo "first build, nocxx:             ${first[nocxx]} s"
echo "first build, cxxonly:           ${first[cxxonly]} s"
echo "first build, run (make run):    ${first[run]} s"
echo "rebuild after editing a sample: $incr s"
echo "boot to last rmmod:             $uptime s guest uptime ($wall s wall, QEMU TCG)"
