#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The in-guest scenario on Debian's 6.12 kernel (run_tests.sh, k612_*):
# every sample and the runtime, bindings and mixed test modules, built out
# of tree against that kernel's headers, loaded and unloaded once each.
# Output as guest_tests.sh's: "@@@ step NAME", "@@@ rc N", the kernel log
# of the step between "@@@ dmesg" and "@@@ end"; run_tests.sh judges.

dmesg -c >/dev/null

for m in cxx_minimal cxx_print cxx_params cxx_miscdev cxx_sync cxx_chrdev \
	cxx_lifetime cxx_runtime cxx_mixed cxx_bindings; do
	echo "@@@ step $m"
	insmod "$m.ko"; echo "@@@ rc $?"
	if [ -c "/dev/$m" ]; then
		echo 42 >"/dev/$m" && cat "/dev/$m"; echo "@@@ rc $?"
	fi
	rmmod "$m"; echo "@@@ rc $?"
	echo "loaded=$(grep -c "^$m " /proc/modules)"
	echo "@@@ dmesg"; dmesg -c; echo "@@@ end"
done
echo "@@@ step final"
echo "cxx modules loaded=$(grep -c '^cxx_' /proc/modules)"
