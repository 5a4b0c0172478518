#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The in-guest half of `make check`: run by busybox sh as the QEMU guest's
# scenario (qemu/boot.sh), in /lib/cxx where the modules are. Every step
# prints "@@@ step NAME", then what it did; commands' exit codes as
# "@@@ rc N"; the kernel log lines the step produced between "@@@ dmesg" and
# "@@@ end". run_tests.sh judges the output; this script judges nothing.
# No kernel log line is discarded: qemu/boot.sh judges each report in it,
# run_tests.sh counts what the modules printed.

step() { echo "@@@ step $1"; }
rc() { echo "@@@ rc $1"; }
klog() { echo "@@@ dmesg"; dmesg -c; echo "@@@ end"; }
loaded() { grep -c "^$1 " /proc/modules; }

step boot
klog

step minimal_load
insmod cxx_minimal.ko; rc $?
klog

step minimal_unload
rmmod cxx_minimal; rc $?
klog

step params_bad_int
insmod cxx_params.ko my_int=abc 2>&1; rc $?
echo "loaded=$(loaded cxx_params)"
[ -e /sys/module/cxx_params ] && echo "sysfs=present" || echo "sysfs=absent"
klog

step params_values
insmod cxx_params.ko my_int=-7 my_charp=hello my_array=1,2,3; rc $?
for f in /sys/module/cxx_params/parameters/*; do
	echo "sysfs ${f##*/}=$(cat "$f")"
done
klog

step params_sysfs_write
echo 99 >/sys/module/cxx_params/parameters/my_int; rc $?
echo -n world >/sys/module/cxx_params/parameters/my_charp; rc $?
rmmod cxx_params; rc $?
echo "loaded=$(loaded cxx_params)"
klog

step params_too_many
insmod cxx_params.ko my_array=1,2,3,4,5 2>&1; rc $?
echo "loaded=$(loaded cxx_params)"
klog

step params_defaults
insmod cxx_params.ko; rc $?
rmmod cxx_params; rc $?
klog

step lifetime_ok
insmod cxx_lifetime.ko; rc $?
rmmod cxx_lifetime; rc $?
klog

step lifetime_fail
insmod cxx_lifetime.ko fail=19 2>&1; rc $?
echo "loaded=$(loaded cxx_lifetime)"
klog

step print
insmod cxx_print.ko; rc $?
rmmod cxx_print; rc $?
klog

step runtime
insmod cxx_runtime.ko; rc $?
rmmod cxx_runtime; rc $?
klog

step mixed
insmod cxx_mixed.ko; rc $?
rmmod cxx_mixed; rc $?
klog

step bindings
insmod cxx_bindings.ko; rc $?
rmmod cxx_bindings; rc $?
klog

step sync
insmod cxx_sync.ko; rc $?
grep -l cxx_sync /proc/[0-9]*/comm | wc -l | sed 's/^/threads=/'
rmmod cxx_sync; rc $?
grep -l cxx_sync /proc/[0-9]*/comm | wc -l | sed 's/^/threads=/'
klog

# notify_one() and a signal to the waiter it chose (cxx_condvar.cpp).
step condvar_signal
insmod cxx_condvar.ko; rc $?
rmmod cxx_condvar; rc $?
klog

# container_of, read_once, the wait_event family and constant-initialised
# locks (forms.cpp).
step forms
insmod cxx_forms.ko; rc $?
rmmod cxx_forms; rc $?
klog

# Over-aligned types from every allocation path (cxx_aligned.cpp). The boot
# red-zones the kmalloc caches of sizes no power of two (slub_debug=Z,...),
# where kmalloc() alone would misalign them.
step aligned
for c in kmalloc-96 kmalloc-192; do
	echo "$c red_zone=$(cat /sys/kernel/slab/$c/red_zone)"
done
insmod cxx_aligned.ko; rc $?
rmmod cxx_aligned; rc $?
klog

step chrdev
insmod cxx_chrdev.ko; rc $?
major=$(awk '$2 == "cxx_chrdev" { print $1 }' /proc/devices)
echo "major=$major"
mknod /dev/cxx_chrdev0 c "$major" 0
mknod /dev/cxx_chrdev1 c "$major" 1
cat /dev/cxx_chrdev0 /dev/cxx_chrdev0 /dev/cxx_chrdev1
echo x 2>&1 >/dev/cxx_chrdev1; rc $?
rmmod cxx_chrdev; rc $?
echo "region=$(grep -c ' cxx_chrdev$' /proc/devices)"
rm -f /dev/cxx_chrdev0 /dev/cxx_chrdev1
klog

# A Chrdev and a MiscDevice destroyed while files on them are open.
step devlife
insmod cxx_devlife.ko; rc $?
./devlife_test; rc $?
rmmod cxx_devlife; rc $?
echo "loaded=$(loaded cxx_devlife)"
klog

# BoxSlice, Vec::try_resize, BoxList, capable() and a parameter written
# from C++ (cxx_api.cpp checks them at init); lseek() through each seek
# helper and an ioctl that needs CAP_SYS_ADMIN (user/api_test.c); a sysfs
# write the parameter's type rejects leaves the value.
step api
insmod cxx_api.ko; rc $?
echo "quantum=$(cat /sys/module/cxx_api/parameters/quantum)"
./api_test 123; rc $?
echo "quantum=$(cat /sys/module/cxx_api/parameters/quantum)"
echo abc 2>&1 >/sys/module/cxx_api/parameters/quantum; rc $?
echo "quantum=$(cat /sys/module/cxx_api/parameters/quantum)"
rmmod cxx_api; rc $?
echo "loaded=$(loaded cxx_api)"
klog

step out_of_tree
insmod cxx_out_of_tree.ko greeting_count=2; rc $?
rmmod cxx_out_of_tree; rc $?
klog

# C and C++ callers of a C++ export; then the exporter with another
# signature (cxx_export_v2.ko), which the same callers must refuse.
step exports
insmod cxx_export.ko; rc $?
insmod c_export_user.ko; rc $?
insmod cxx_export_user.ko; rc $?
rmmod cxx_export_user; rc $?
rmmod c_export_user; rc $?
rmmod cxx_export; rc $?
insmod cxx_export_v2.ko; rc $?
insmod c_export_user.ko 2>&1; rc $?
insmod cxx_export_user.ko 2>&1; rc $?
echo "users loaded=$(grep -cE '^c(xx)?_export_user ' /proc/modules)"
rmmod cxx_export; rc $?
klog

step miscdev_basic
insmod cxx_miscdev.ko; rc $?
ls -l /dev/cxx_miscdev
./miscdev_test basic /dev/cxx_miscdev; rc $?
klog

# The same checks from a 32-bit process (compat ioctl).
step miscdev_compat
./miscdev_test basic /dev/cxx_miscdev >basic64.txt
./miscdev_test32 basic /dev/cxx_miscdev | tee basic32.txt; rc $?
cmp -s basic64.txt basic32.txt && echo "identical=yes" || diff basic64.txt basic32.txt
klog

# rmmod of an open device fails (fops.owner pins the module): the kernel
# returns EAGAIN, BusyBox says "Resource temporarily unavailable".
step miscdev_busy
./miscdev_test hold /dev/cxx_miscdev 3 &
sleep 1
rmmod cxx_miscdev 2>&1; rc $?
echo "loaded=$(loaded cxx_miscdev)"
wait
rmmod cxx_miscdev; rc $?
echo "loaded=$(loaded cxx_miscdev)"
klog

step miscdev_fuzz
insmod cxx_miscdev.ko; rc $?
./miscdev_test fuzz /dev/cxx_miscdev 10000 1; rc $?
klog

step miscdev_hammer
./miscdev_test hammer /dev/cxx_miscdev 8 5; rc $?
rmmod cxx_miscdev; rc $?
klog

# The hammer's positive control: lost increments without the lock.
. ./guest_hammer.sh

step miscdev_cycles
fails=0
i=0
while [ $i -lt 1000 ]; do
	insmod cxx_miscdev.ko || fails=$((fails + 1))
	./miscdev_test cycle /dev/cxx_miscdev >/dev/null || fails=$((fails + 1))
	rmmod cxx_miscdev || fails=$((fails + 1))
	i=$((i + 1))
done
echo "miscdev cycles=$i failures=$fails loaded=$(loaded cxx_miscdev)"
klog

# cxx_debugfs: a u32, a file of its own whose writes the u32 limits, an
# atomic counting the file's reads; unloading removes the directory.
step debugfs
d=/sys/kernel/debug/cxx_debugfs
insmod cxx_debugfs.ko; rc $?
echo "files=$(ls $d | tr '\n' ' ')"
echo "limit=$(cat $d/limit)"
echo 7 >$d/total; rc $?
echo 5 >$d/total; rc $?
echo "total=$(cat $d/total)"
{ echo 101 >$d/total; } 2>&1; rc $?
echo 200 >$d/limit; rc $?
echo 101 >$d/total; rc $?
echo "total=$(cat $d/total)"
echo reset >$d/total; rc $?
echo "total=$(cat $d/total)"
echo "reads=$(cat $d/reads)"
rmmod cxx_debugfs; rc $?
[ -e $d ] && echo "dir=present" || echo "dir=absent"
klog

# An open debugfs file pins the module (fops.owner, through debugfs' proxy).
step debugfs_busy
insmod cxx_debugfs.ko; rc $?
exec 3<$d/total
rmmod cxx_debugfs 2>&1; rc $?
exec 3<&-
rmmod cxx_debugfs; rc $?
echo "loaded=$(loaded cxx_debugfs)"
klog

# cxx_timers: the counted chain, then a second of free running, then
# unload with everything armed; then ten loads and unloads back to back.
step timers
insmod cxx_timers.ko; rc $?
sleep 1
rmmod cxx_timers; rc $?
klog

step timers_cycles
fails=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	insmod cxx_timers.ko || fails=$((fails + 1))
	rmmod cxx_timers || fails=$((fails + 1))
done
echo "timers cycles failures=$fails loaded=$(loaded cxx_timers)"
klog

# cxx::Atomic<T> against C's atomics, on the same sequence (cxx_atomics).
step atomics
insmod cxx_atomics.ko; rc $?
rmmod cxx_atomics; rc $?
klog

# Each module loaded and unloaded 20 times; run_tests.sh counts its init
# and exit lines in the log.
step cycles
fails=0
echo "cycles=20"
for i in $(seq 20); do
	for m in cxx_minimal cxx_print cxx_params cxx_lifetime cxx_runtime cxx_mixed \
		cxx_bindings cxx_sync cxx_chrdev; do
		insmod $m.ko || fails=$((fails + 1))
		rmmod $m || fails=$((fails + 1))
	done
done
echo "cycle failures=$fails"
klog

step final
echo "cxx modules loaded=$(grep -c '^cxx_' /proc/modules)"
