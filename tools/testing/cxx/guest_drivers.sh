#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The in-guest half of the driver tests (tests/drivers.sh): run by busybox
# sh as the scenario of a QEMU boot with -device edu (qemu/boot.sh --device
# edu), in /lib/cxx where cxx_driver_pci.ko and edu_test are. Steps as in
# guest_tests.sh: "@@@ step NAME", "@@@ rc N", the step's kernel log
# between "@@@ dmesg" and "@@@ end". Judges nothing.

step() { echo "@@@ step $1"; }
rc() { echo "@@@ rc $1"; }
klog() { echo "@@@ dmesg"; dmesg -c; echo "@@@ end"; }
loaded() { grep -c "^$1 " /proc/modules; }
drv=/sys/bus/pci/drivers/cxx_driver_pci

step boot
grep -l 0x11e8 /sys/bus/pci/devices/*/device | sed 's|/device$||; s|.*/|edu device |'
klog

step edu_load
insmod cxx_driver_pci.ko; rc $?
dev=$(ls "$drv" | grep '^0000:' | head -n 1)
echo "bound=$dev"
ls -l /dev/cxx_edu
grep -c cxx_edu /proc/interrupts | sed 's/^/irq lines=/'
klog

step edu_basic
./edu_test basic; rc $?
klog

step edu_concurrent
./edu_test concurrent 4; rc $?
klog

# 100 unbind/bind cycles while one process holds a file opened on the
# first binding and another opens one for each request.
step edu_unbind_bind
rm -f /tmp/stop
./edu_test hold /tmp/stop >/tmp/hold.txt 2>&1 &
hold=$!
./edu_test reopen /tmp/stop >/tmp/reopen.txt 2>&1 &
reopen=$!
n=0
while ! grep -q 'held /dev/cxx_edu' /tmp/hold.txt && [ $n -lt 300 ]; do
	sleep 0.1
	n=$((n + 1))
done
fails=0 i=0
while [ $i -lt 100 ]; do
	echo "$dev" >"$drv/unbind" || fails=$((fails + 1))
	echo "$dev" >"$drv/bind" || fails=$((fails + 1))
	i=$((i + 1))
done
[ -e "$drv/$dev" ] && b=1 || b=0
echo "edu cycles=$i failures=$fails bound=$b"
touch /tmp/stop
wait $hold; rc $?
wait $reopen; rc $?
cat /tmp/hold.txt /tmp/reopen.txt
./edu_test basic >/tmp/after.txt 2>&1; rc $?
grep -v '^ok ' /tmp/after.txt
klog

step edu_unload
rmmod cxx_driver_pci; rc $?
echo "loaded=$(loaded cxx_driver_pci)"
[ -e /dev/cxx_edu ] && echo "node=present" || echo "node=absent"
[ -e "$drv" ] && echo "driver=present" || echo "driver=absent"
echo "irq lines=$(grep -c cxx_edu /proc/interrupts)"
klog
