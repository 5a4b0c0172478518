#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# In-guest half of the tests on the debug kernel (KASAN, kmemleak, lockdep,
# UBSAN, failslab, KUnit). Every sample is a module here; the test modules
# were built out of tree against this kernel and use its C++ runtime. Every
# kernel log line is printed, never discarded, so that qemu/boot.sh judges
# each report. Output format as guest_tests.sh; run_tests.sh judges it.

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

step cycles
fails=0
for m in cxx_minimal cxx_print cxx_params cxx_sync; do
	i=0
	while [ $i -lt "$cycles" ]; do
		modprobe $m || fails=$((fails + 1))
		modprobe -r $m || fails=$((fails + 1))
		i=$((i + 1))
	done
	echo "$m: $cycles cycles"
	dmesg -c | tail -n 3
done
for m in cxx_lifetime cxx_runtime cxx_mixed cxx_bindings; do
	i=0
	while [ $i -lt "$cycles" ]; do
		insmod $m.ko || fails=$((fails + 1))
		rmmod $m || fails=$((fails + 1))
		i=$((i + 1))
	done
	echo "$m: $cycles cycles"
	dmesg -c | grep -v ': \(ok\|construct\|destroy\|init\|exit\|C says\|C helper\|mixed exit\|runtime tests done\|list:\|jiffies advanced\|C reads what\|bindings tests done\)' || true
done
echo "cycle failures=$fails"
klog

step lifetime_fail
./finit cxx_lifetime.ko fail=19; rc $?
echo "loaded=$(grep -c '^cxx_lifetime ' /proc/modules)"
klog

step failslab
# failslab fails the N-th allocation of finit's finit_module() call, for
# N = 1, 2, ... until the call no longer reaches an N-th: every allocation
# of the loader and of cxx_minimal's init fails once. Some are optional
# (the load then succeeds anyway); the others must fail the load cleanly.
echo N >$fs/ignore-gfp-wait
echo 0 >$fs/verbose
# try N - one load with the N-th allocation failed; prints the outcome.
try() {
	out=$(./finit --fail-nth "$1" cxx_minimal.ko 2>&1)
	res=$?
	loaded=$(grep -c '^cxx_minimal ' /proc/modules)
	init=$(dmesg -c | grep -c 'cxx_minimal: C++ minimal sample (init)')
	[ "$loaded" = 1 ] && rmmod cxx_minimal
	case $out in
	*"not reached"*) return 1 ;;
	esac
	echo "n=$1: rc=$res loaded=$loaded init=$init: $out"
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
# processes on the mutex, random syscalls, 1000 load/open/close/unload
# cycles (the kmemleak step below then covers them).
step miscdev
modprobe cxx_miscdev; rc $?
./miscdev_test basic /dev/cxx_miscdev >/dev/null; rc $?
./miscdev_test hammer /dev/cxx_miscdev 8 5; rc $?
./miscdev_test fuzz /dev/cxx_miscdev 2000 2; rc $?
echo "hello lines: $(dmesg -c | grep -c 'Hello from the C++ misc device')"
modprobe -r cxx_miscdev; rc $?
fails=0
i=0
while [ $i -lt "${MISCDEV_CYCLES:-1000}" ]; do
	modprobe cxx_miscdev || fails=$((fails + 1))
	./miscdev_test cycle /dev/cxx_miscdev >/dev/null || fails=$((fails + 1))
	modprobe -r cxx_miscdev || fails=$((fails + 1))
	i=$((i + 1))
done
echo "miscdev cycles=$i failures=$fails loaded=$(grep -c '^cxx_miscdev ' /proc/modules)"
echo "@@@ dmesg"
dmesg -c | grep -v 'cxx_miscdev: \(registered /dev/cxx_miscdev\|deregistering\)' || true
echo "@@@ end"

# A Chrdev and a MiscDevice destroyed while files on them are open: KASAN
# reports any use of the freed devices.
step devlife
insmod cxx_devlife.ko; rc $?
./devlife_test; rc $?
rmmod cxx_devlife; rc $?
echo "loaded=$(grep -c '^cxx_devlife ' /proc/modules)"
klog

step kmemleak
echo scan >$ml
sleep 6
echo scan >$ml
echo "@@@ kmemleak begin"
cat $ml
echo "@@@ kmemleak end"
klog
