#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# In-guest half of the tests on the debug kernel (KASAN, kmemleak, lockdep,
# UBSAN, failslab, KUnit). Every sample is a module here; the test modules
# were built out of tree against this kernel and use its C++ runtime. Every
# kernel log line is printed, never discarded, so that qemu/boot.sh judges
# each report (lockdep and UBSAN do not taint) and run_tests.sh counts what
# the modules printed. Output format as guest_tests.sh; run_tests.sh judges
# it.

step() { echo "@@@ step $1"; }
rc() { echo "@@@ rc $1"; }
klog() { echo "@@@ dmesg"; dmesg -c; echo "@@@ end"; }
ml=/sys/kernel/debug/kmemleak
fs=/sys/kernel/debug/failslab
cycles=${CYCLES:-100}

step boot
klog
# What leaked before the tests is not theirs.
echo clear >$ml

step modprobe_params
modprobe cxx_params my_int=3 my_charp=probed; rc $?
echo "sysfs my_int=$(cat /sys/module/cxx_params/parameters/my_int)"
echo "sysfs my_charp=$(cat /sys/module/cxx_params/parameters/my_charp)"
modprobe -r cxx_params; rc $?
klog

# Every sample (modprobe) and test module (insmod) loaded and unloaded
# $cycles times; run_tests.sh counts each one's init and exit lines.
step cycles
fails=0
echo "cycles=$cycles"
# cycle LOAD UNLOAD MODULE - $cycles load/unload pairs, then the kernel log.
cycle() {
	i=0
	while [ $i -lt "$cycles" ]; do
		$1 "$3" || fails=$((fails + 1))
		$2 "${3%.ko}" || fails=$((fails + 1))
		i=$((i + 1))
	done
	klog
}
for m in cxx_minimal cxx_print cxx_params cxx_sync cxx_chrdev; do
	cycle modprobe "modprobe -r" $m
done
for m in cxx_lifetime cxx_runtime cxx_mixed cxx_bindings; do
	cycle insmod rmmod $m.ko
done
echo "cycle failures=$fails"

step lifetime_fail
./finit cxx_lifetime.ko fail=19; rc $?
echo "loaded=$(grep -c '^cxx_lifetime ' /proc/modules)"
klog

# The C++ forms of C's code- and type-taking macros (forms.cpp): lockdep
# must take its constant-initialised locks as it takes C's.
step forms
insmod cxx_forms.ko; rc $?
rmmod cxx_forms; rc $?
klog

step failslab
# failslab fails the N-th slab allocation of finit's finit_module() call,
# for N = 1, 2, ... until the call no longer reaches an N-th: every slab
# allocation of the loader and of cxx_minimal's init fails once (page
# allocations are not failed). Some are optional (the load then succeeds
# anyway, and the module must work); the others must fail the load cleanly.
echo N >$fs/ignore-gfp-wait
echo 0 >$fs/verbose
# try N - one load with the N-th allocation failed, then an unload if it
# loaded; prints the outcome, with how many times the module printed its
# init line and its numbers (at exit: it still works), then the kernel log.
try() {
	out=$(./finit --fail-nth "$1" cxx_minimal.ko 2>&1)
	res=$?
	loaded=$(grep -c '^cxx_minimal ' /proc/modules)
	[ "$loaded" = 1 ] && rmmod cxx_minimal
	log=$(dmesg -c)
	case $out in
	*"not reached"*) ;;
	*)
		init=$(echo "$log" | grep -c 'cxx_minimal: C++ minimal sample (init)$')
		nums=$(echo "$log" | grep -c 'cxx_minimal: My numbers are \[72, 108, 200\]$')
		echo "n=$1: rc=$res loaded=$loaded init=$init numbers=$nums: $out"
		;;
	esac
	echo "@@@ dmesg"
	echo "$log"
	echo "@@@ end"
	case $out in
	*"not reached"*) return 1 ;;
	esac
}
n=1
while [ $n -le 2000 ] && try $n; do
	n=$((n + 1))
done
last=$((n - 1))
echo "sweep done: $last allocations, rc=$res loaded=$loaded"
# The number of allocations before init varies a little from load to load
# (allocator caches refilled or not), so one pass may step over the init's
# own allocation. Its allocations are the last ones: sweep the tail again.
for pass in 1 2 3; do
	n=$((last - 15))
	while [ $n -le "$last" ] && try $n; do
		n=$((n + 1))
	done
done
klog

# The misc device under lockdep, KASAN and kmemleak: every behaviour, 8
# processes on the mutex, random syscalls, 300 load/open/close/unload
# cycles (the kmemleak step below then covers them).
step miscdev
modprobe cxx_miscdev; rc $?
./miscdev_test basic /dev/cxx_miscdev >/dev/null; rc $?
./miscdev_test hammer /dev/cxx_miscdev 8 5; rc $?
./miscdev_test fuzz /dev/cxx_miscdev 2000 2; rc $?
modprobe -r cxx_miscdev; rc $?
klog
fails=0
i=0
while [ $i -lt "${MISCDEV_CYCLES:-300}" ]; do
	modprobe cxx_miscdev || fails=$((fails + 1))
	./miscdev_test cycle /dev/cxx_miscdev >/dev/null || fails=$((fails + 1))
	modprobe -r cxx_miscdev || fails=$((fails + 1))
	i=$((i + 1))
done
echo "miscdev cycles=$i failures=$fails loaded=$(grep -c '^cxx_miscdev ' /proc/modules)"
klog

# A Chrdev and a MiscDevice destroyed while files on them are open: KASAN
# reports any use of the freed devices.
step devlife
insmod cxx_devlife.ko; rc $?
./devlife_test; rc $?
rmmod cxx_devlife; rc $?
echo "loaded=$(grep -c '^cxx_devlife ' /proc/modules)"
klog

# BoxSlice, BoxList and the seek helpers under KASAN, and their frees
# under the kmemleak scan below (cxx_api.cpp, user/api_test.c).
step api
insmod cxx_api.ko; rc $?
./api_test 123; rc $?
rmmod cxx_api; rc $?
echo "loaded=$(grep -c '^cxx_api ' /proc/modules)"
klog

# Timers, work items, debugfs and atomics (guest_services.sh); the
# kmemleak scan below covers them.
. ./guest_services.sh

# A scan that fails (kmemleak is off, or turned itself off, e.g. when its
# pool ran out) finds nothing: it must not pass for a clean report.
step kmemleak
echo scan >$ml
scan1=$?
sleep 6
echo scan >$ml
echo "kmemleak scans rc=$scan1 $?"
echo "@@@ kmemleak begin"
cat $ml
echo "@@@ kmemleak end"
klog
