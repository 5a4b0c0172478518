#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The in-guest scenario on Debian's 6.12 kernel (run_tests.sh, k612_*):
# every sample and the runtime, bindings and mixed test modules, built out
# of tree against that kernel's headers, loaded and unloaded once each; a
# C++ module's export called from C and C++.
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
# A C++ module's export, called from C and C++ (6.5 changed how exports
# are made: EXPORT_SYMBOL() records that modpost turns into the table).
echo "@@@ step exports"
for m in cxx_export c_export_user cxx_export_user; do
	insmod "$m.ko"; echo "@@@ rc $?"
done
for m in cxx_export_user c_export_user cxx_export; do
	rmmod "$m"; echo "@@@ rc $?"
done
echo "@@@ dmesg"; dmesg -c; echo "@@@ end"
echo "@@@ step final"
echo "cxx modules loaded=$(grep -c '^cxx_' /proc/modules)"
