#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# In-guest half of run_tests.sh's debug_detectors_fire, on the debug kernel:
# modules/detectors.cpp commits one fault per load, for each detector in
# turn, then kmemleak is asked to scan. Lockdep goes first: it turns itself
# off after its first report, and so does any report that taints the kernel
# as KASAN's does; KASAN reports only its first bug, so it goes last.
ml=/sys/kernel/debug/kmemleak
step() { echo "@@@ step $1"; }
rc() { echo "@@@ rc $1"; }
klog() { echo "@@@ dmesg"; dmesg -c; echo "@@@ end"; }

# First, while lockdep is on, the hammer's positive control on 4 CPUs.
. ./guest_hammer.sh

step detectors
echo clear >$ml
for bug in lockdep warn ubsan leak uaf; do
	echo "@@@ bug $bug"
	insmod cxx_detectors.ko bug=$bug; echo "@@@ rc $?"
	rmmod cxx_detectors; echo "@@@ rc $?"
done
# kmemleak reports objects at least 5 s old, after two scans.
sleep 6
echo scan >$ml
scan1=$?
echo scan >$ml
echo "kmemleak scans rc=$scan1 $?"
echo "@@@ kmemleak begin"
cat $ml
echo "@@@ kmemleak end"
