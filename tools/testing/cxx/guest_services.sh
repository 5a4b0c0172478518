# SPDX-License-Identifier: GPL-2.0
#
# The kernel services on the debug kernel (KASAN, lockdep, kmemleak):
# sourced by guest_debug.sh, whose step, rc and klog it uses. The samples
# come from the kernel's build (modprobe) or, built out of tree, from the
# working directory (insmod).

load() { modprobe "$1" 2>/dev/null || insmod "$1.ko"; }

# debugfs: 20 loads, each writing, reading and refused a write, unloaded.
step services_debugfs
d=/sys/kernel/debug/cxx_debugfs
fails=0
i=0
while [ $i -lt 20 ]; do
	load cxx_debugfs || fails=$((fails + 1))
	echo 7 >$d/total || fails=$((fails + 1))
	[ "$(cat $d/total)" = 7 ] || fails=$((fails + 1))
	{ echo 101 >$d/total; } 2>/dev/null && fails=$((fails + 1))
	rmmod cxx_debugfs || fails=$((fails + 1))
	i=$((i + 1))
done
echo "debugfs cycles=$i failures=$fails loaded=$(grep -c '^cxx_debugfs ' /proc/modules)"
klog

# Timers and work items: a second of free running, then 20 loads and
# unloads back to back, each unloading with everything armed.
step services_timers
fails=0
load cxx_timers || fails=$((fails + 1))
sleep 1
rmmod cxx_timers || fails=$((fails + 1))
i=0
while [ $i -lt 20 ]; do
	load cxx_timers || fails=$((fails + 1))
	rmmod cxx_timers || fails=$((fails + 1))
	i=$((i + 1))
done
echo "timers cycles=$i failures=$fails loaded=$(grep -c '^cxx_timers ' /proc/modules)"
klog

step services_atomics
insmod cxx_atomics.ko; rc $?
rmmod cxx_atomics; rc $?
klog
