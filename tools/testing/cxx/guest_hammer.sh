# SPDX-License-Identifier: GPL-2.0
#
# The hammer's positive control, sourced by guest_tests.sh and guest_detectors.sh
# (which define step, rc and klog) from /lib/cxx: modules/cxx_hammer.cpp's
# counter, whose increment has a window, hammered with its lock and without
# (cxx_hammer_broken). run_tests.sh's hammer_lock judges the output: without
# the lock increments must be lost, which takes several CPUs.

step hammer_lock
echo "cpus=$(nproc)"
for m in cxx_hammer cxx_hammer_broken; do
	echo "module $m"
	insmod $m.ko; rc $?
	./miscdev_test hammer /dev/$m 8 3; rc $?
	rmmod $m; rc $?
done
klog
