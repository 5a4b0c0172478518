#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# In-guest half of the tests on the `make run` kernel (CONFIG_CXX=y, built
# from the kernel tree with the layer laid over it): cxx_params built in and
# given parameters on the kernel command line, the other samples installed
# as modules (modules_install, depmod). Output format as guest_tests.sh;
# run_tests.sh judges it.

step() { echo "@@@ step $1"; }
rc() { echo "@@@ rc $1"; }
klog() { echo "@@@ dmesg"; dmesg -c; echo "@@@ end"; }
kver=$(uname -r)

step builtin
echo "@@@ boot log"
dmesg | grep -F 'cxx_params: '
echo "@@@ end"
echo "sysfs my_int=$(cat /sys/module/cxx_params/parameters/my_int)"
echo "sysfs my_charp=$(cat /sys/module/cxx_params/parameters/my_charp)"
grep -F cxx_params /lib/modules/$kver/modules.builtin
tr '\0' '\n' </lib/modules/$kver/modules.builtin.modinfo | grep '^cxx_params\.'
klog

step modprobe
modprobe cxx_minimal; rc $?
grep '^cxx_minimal ' /proc/modules
modprobe -r cxx_minimal; rc $?
echo "loaded=$(grep -c '^cxx_minimal ' /proc/modules)"
klog

step insmod
insmod /lib/modules/$kver/kernel/samples/cxx/cxx_print.ko; rc $?
rmmod cxx_print; rc $?
klog

step taint
echo "tainted=$(cat /proc/sys/kernel/tainted)"
